/* photo/load.h -- a citizen's photo file: probe its header, decode it (load.c). */
#ifndef SSCARD_PHOTO_LOAD_H
#define SSCARD_PHOTO_LOAD_H

#include "photo/image.h"

enum photo_format { PHOTO_JPEG, PHOTO_PNG };

/* What the file says about itself, read from its header. */
struct photo_info {
	enum photo_format	 format;
	int			 width, height;	/* as stored, before orientation */
	int			 components;	/* 1 grey, 3 colour, 4 CMYK/YCCK */
	long			 file_size;
	/* Filled by photo_load (photo_probe leaves them 0, orientation 1). */
	int			 bit_depth;	/* 8, or 16 for some PNGs */
	int			 progressive;	/* JPEG: progressive; PNG: interlaced */
	int			 arithmetic;	/* JPEG: arithmetic-coded */
	int			 cmyk;		/* 1 CMYK, 2 YCCK */
	int			 palette;	/* PNG: indexed colour */
	int			 alpha;		/* PNG: alpha channel or tRNS */
	int			 jfif;		/* JPEG: has a JFIF APP0 marker */
	int			 exif;		/* has an EXIF block */
	int			 orientation;	/* EXIF 1-8; 1 when absent */
	int			 density_unit;	/* 0 none (aspect only), 1 dpi, 2 per cm */
	int			 xdensity, ydensity;
	int			 scale_num, scale_denom; /* decoded = stored * num / denom */
};

/*
 * Reads only the header of path and says whether it is a JPEG or PNG sscard
 * can load.  Returns 0, or -1 with *cause naming the file; caller frees.
 */
int	photo_probe(const char *, struct photo_info *, char **);

/* Limits and hints for photo_load. */
struct photo_load_opts {
	long	max_pixels;	/* refuse larger images from the header; 0: PHOTO_MAX_PIXELS */
	int	min_w, min_h;	/* decode no smaller than this (DCT scaling); 0: full size */
	/*
	 * Told of rows as a JPEG is decoded: rows [0, n) of im are final (im as
	 * decoded, before orientation).  Then once with n = -1 and im NULL,
	 * before im changes or is freed, whether or not the decode succeeded.
	 * NULL: not told.
	 */
	void	(*rows)(void *, const struct image *, const struct photo_info *, int);
	void	*arg;
};

#define PHOTO_MAX_PIXELS	(64L * 1000 * 1000)

/*
 * Decodes path to 8-bit RGB with EXIF orientation applied and alpha
 * flattened on white, decoding no more pixels than opts allow.  Returns 0
 * (out and info filled; free out with image_free), or -1 with *cause naming
 * the file; caller frees.  Never prints.
 */
int	photo_load(const char *, const struct photo_load_opts *, struct image *,
	    struct photo_info *, char **);

/* The horizontal dots per inch info states, or 0 when it states none. */
int	photo_dpi(const struct photo_info *);

#endif
