/* photo.h -- a citizen's photo: load, check against a profile, fix. */
#ifndef SSCARD_PHOTO_H
#define SSCARD_PHOTO_H

#include <stddef.h>
#include <stdint.h>

/* 8-bit RGB pixels, rows packed (stride = 3 * w). */
struct image {
	int		 w, h;
	uint8_t		*px;
};

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

/* Allocates a w x h image (uninitialised pixels); image_free(NULL-px) is allowed. */
void	image_alloc(struct image *, int, int);
void	image_free(struct image *);
/* Resamples src to w x h without aliasing (area average down, bilinear up) into dst. */
void	image_resize(const struct image *, int, int, struct image *);
/*
 * Rotates src by deg degrees (counter-clockwise as seen) about (cx, cy) into
 * dst of the same size; the edges are repeated into the uncovered corners.
 */
void	image_rotate(const struct image *, double, double, double, struct image *);
/* The part (x, y, w x h) of src as image_rotate would turn it, into dst (allocated here). */
void	image_rotate_part(const struct image *, double, double, double, int, int,
	    int, int, struct image *);
/* Applies EXIF orientation o (1-8) in place. */
void	image_orient(struct image *, int);

/* 8-bit luma, rows packed. */
struct grey {
	int		 w, h;
	uint8_t		*px;
};

void	grey_alloc(struct grey *, int, int);
void	grey_free(struct grey *);
/* Fills g (allocated here) with the luma of im. */
void	grey_from_image(const struct image *, struct grey *);
void	grey_resize(const struct grey *, int, int, struct grey *);
/* Fast bilinear resampling (8-bit fixed point) for detection pyramids. */
void	grey_scale_linear(const struct grey *, int, int, struct grey *);
/* The luma of n RGB pixels, as grey_from_image makes it. */
void	grey_row(const uint8_t *, int, uint8_t *);

/*
 * The same resamplings a row at a time, for sources that come in from the
 * top: area_push gives source rows in order and returns how many rows of
 * dst are made; linear_row makes row y once linear_needs(y) source rows are in.
 */
struct area {
	struct span	*xs, *ys;
	float		*rows;	/* source rows averaged across: dw x sh x ch */
	int		 sw, sh, ch, dw, dh;
	int		 in, out;	/* source rows given, destination rows made */
	uint8_t		*dst;
};
void	area_begin(struct area *, int, int, int, uint8_t *, int, int);
int	area_push(struct area *, const uint8_t *);
void	area_end(struct area *);

struct linear {
	int	 sw, sh, w, h;
	int	*x0, *ax;	/* per destination column: left source column, weight of 256 */
};
void	linear_begin(struct linear *, int, int, int, int);
int	linear_needs(const struct linear *, int);
void	linear_row(const struct linear *, const struct grey *, struct grey *, int);
void	linear_end(struct linear *);
/* Rotates about the centre (see image_rotate) into dst, allocated here. */
void	grey_rotate(const struct grey *, double, struct grey *);
/* Histogram equalisation in place. */
void	grey_equalize(struct grey *);

/* The horizontal dots per inch info states, or 0 when it states none. */
int	photo_dpi(const struct photo_info *);

#endif
