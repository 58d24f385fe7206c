/* photo-matte.h -- how much of each pixel of a portrait is backdrop, and the backdrop made white. */
#ifndef SSCARD_PHOTO_MATTE_H
#define SSCARD_PHOTO_MATTE_H

#include "photo/image.h"

/* Where the head lies, in the pixels of the image matted. */
struct matte_head {
	double	eye_x, eye_y;	/* midpoint of the eyes */
	double	ied;		/* distance between the eye centres */
};

/*
 * Replaces the plain backdrop of im (colour bg, luma spread bg_std at its
 * top corners) with white, through an edge-aware matte: the face and neck
 * are sure foreground, the backdrop reachable from the top and side edges
 * sure background, and the band between them is refined by a guided filter
 * so that hair stays soft and nothing is cut hard.  Where a pixel is part
 * hair, part backdrop, only the backdrop's part is made white (no halo of
 * the old colour).  Returns how much each pixel is backdrop (0-1; caller
 * frees), or NULL with *why (untranslated, for _()) and im untouched when
 * the person cannot be told from the backdrop with certainty.
 */
float	*matte_whiten(struct image *, const double *, double,
	    const struct matte_head *, const char **);

/*
 * Replaces any backdrop of im with white, led by person (how surely each
 * pixel of im is the person, segment.h): only the person whose face is at
 * hd is kept (a neighbour at the edge is whitened), the network's soft edge
 * is refined along the photo's own edges (a guided filter on luma), never
 * less white than the network where it says backdrop, and where a pixel is
 * part hair, part backdrop only the share of the backdrop near it turns
 * white.  Pieces kept apart from the person are whitened.  Returns how much
 * each pixel is backdrop (0-1; caller frees), or NULL with *why
 * (untranslated, for _()) and im untouched.
 */
float	*matte_replace(struct image *, const float *, const struct matte_head *,
	    const char **);

#endif
