/* photo/jpeg.h -- the one libjpeg wrapper: decode with options, encode RGB to JFIF in memory (jpeg.c). */
#ifndef SSCARD_PHOTO_JPEG_H
#define SSCARD_PHOTO_JPEG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "photo/image.h"

/*
 * Every function here returns libjpeg's errors as a cause: allocated,
 * translated, naming the photo; the caller frees it.  Nothing is printed.
 */

/* Where a JPEG is read from. */
struct jpeg_source {
	const char	*name;		/* names the photo in causes: its path */
	const uint8_t	*data;		/* the whole file in memory (kept by the caller while read), */
	size_t		 len;
	FILE		*f;		/* or, when data is NULL, a file read as it goes */
	long		 max_memory;	/* bytes libjpeg may take (progressive files); 0: no limit */
};

/* What a JPEG's header says about it. */
struct jpeg_header {
	int		 width, height;	/* as stored */
	int		 components;	/* 1 grey, 3 colour, 4 CMYK/YCCK */
	int		 precision;	/* bits per sample */
	int		 progressive;
	int		 arithmetic;	/* arithmetic-coded */
	int		 cmyk;		/* 1 CMYK, 2 YCCK */
	int		 jfif;		/* has a JFIF APP0 marker, which states: */
	int		 density_unit;	/* 0 none (aspect only), 1 dpi, 2 per cm */
	int		 xdensity, ydensity;
	const uint8_t	*exif;		/* the first APP1 "Exif\0\0" block, or NULL; */
	size_t		 exif_len;	/* it lives as long as the reader */
};

struct jpeg_reader;

/*
 * Reads the header of the JPEG src names into *h.  Returns a reader for
 * jpeg_read, to free with jpeg_close, or NULL with *cause.
 */
struct jpeg_reader	*jpeg_open(const struct jpeg_source *, struct jpeg_header *,
			    char **);

/* How jpeg_read decodes. */
struct jpeg_read_opts {
	int	min_w, min_h;	/* no smaller than this as stored (DCT scaling); 0: full size */
	/*
	 * Told of rows as they are decoded: rows [0, n) of im are final.
	 * NULL: not told.
	 */
	void	(*rows)(void *, const struct image *, int);
	void	*arg;
};

/*
 * Decodes the image of r (once) to 8-bit RGB, CMYK and YCCK converted, at
 * the smallest n/8 scaling that covers the size o asks for (o NULL: full
 * size); *eighths (unless NULL) gets n.  A file cut short is refused.
 * Returns 0, or -1 with *cause.  Either way *out holds what was decoded,
 * which the caller frees with image_free.
 */
int	jpeg_read(struct jpeg_reader *, const struct jpeg_read_opts *,
	    struct image *, int *, char **);
void	jpeg_close(struct jpeg_reader *);

/*
 * Decodes a JPEG held in memory (len bytes at data; name names it in
 * causes) to 8-bit RGB at full size.  Returns 0 with *out (free with
 * image_free), or -1 with *cause and *out empty.
 */
int	jpeg_decode(const uint8_t *, size_t, const char *, struct image *, char **);

/*
 * A JFIF made in memory, o->len bytes at o->buf; release it with
 * jpeg_out_free, which wipes it (a photo of a person).
 */
struct jpeg_out {
	unsigned char	*buf;
	size_t		 len;
	int		 quality;	/* the quality it was made at */
};

/* How jpeg_encode makes a JFIF. */
struct jpeg_encode_opts {
	int	quality;	/* 1-100 */
	int	dpi;		/* the density the JFIF header states */
	int	optimize;	/* optimised Huffman tables: a smaller file, made slower */
	int	full_chroma;	/* colour at full resolution (4:4:4), not halved (4:2:0) */
};

/* Encodes im as eo says into *o.  Returns 0, or -1 with *cause and *o empty. */
int	jpeg_encode(const struct image *, const struct jpeg_encode_opts *,
	    struct jpeg_out *, char **);
void	jpeg_out_free(struct jpeg_out *);

/* The lowest quality jpeg_encode_window tries. */
#define JPEG_QUALITY_LOW	10

/* The file size jpeg_encode_window aims for, in bytes. */
struct jpeg_window {
	int	dpi;
	int	quality;	/* 1-100: this quality only; 0: the best that fits */
	long	aim;		/* the best quality is the highest whose file is at most aim; 0: max */
	long	min, max;	/* the file must lie in [min, max]; 0: no limit on that side */
	int	recommended;	/* 1: a file outside [min, max] is kept all the same */
};

/*
 * Encodes im, Huffman tables optimised, at the highest quality from
 * JPEG_QUALITY_LOW (or at w->quality) whose file is at most w->aim bytes,
 * else at the lowest quality tried.  Files are never padded: one under
 * w->min at quality 100 is made with full chroma, the last way up.  The
 * qualities are searched two at a time, side by side.  Returns 0 with *o
 * when the file lies in the window (or the window is only recommended),
 * else -1 with *cause (naming the photo name) and *o empty.
 */
int	jpeg_encode_window(const struct image *, const struct jpeg_window *,
	    const char *, struct jpeg_out *, char **);

#endif
