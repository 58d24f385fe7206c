/* photo/image.h -- RGB and grey images in memory: resample, rotate, orient, equalise (image.c). */
#ifndef SSCARD_PHOTO_IMAGE_H
#define SSCARD_PHOTO_IMAGE_H

#include <stddef.h>
#include <stdint.h>

/* 8-bit RGB pixels, rows packed (stride = 3 * w). */
struct image {
	int		 w, h;
	uint8_t		*px;
};

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

#endif
