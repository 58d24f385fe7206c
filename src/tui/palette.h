/* palette.h -- an adaptive palette for a photo: median cut in CIE Lab, light dithering. */
#ifndef SSCARD_PALETTE_H
#define SSCARD_PALETTE_H

#include <stdint.h>

#include "photo/image.h"

#define PALETTE_MAX	256

struct palette {
	int	n;
	uint8_t	rgb[PALETTE_MAX][3];
};

/*
 * Chooses at most max colours (2..PALETTE_MAX) for img, each one a sixel
 * can name exactly (whole percents), and writes the index of every pixel
 * into idx (img->w * img->h bytes).  Colours the palette holds are kept
 * flat; only the others get a light error diffusion.
 */
void	palette_quantize(const struct image *, int, struct palette *, uint8_t *);

/* CIE L*a*b* (D65) of an sRGB colour, as used by the palette. */
void	palette_lab(const uint8_t *, float *);

#endif
