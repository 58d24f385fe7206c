/* photo/segment.h -- where the person is: MediaPipe's selfie segmentation network (segment.c). */
#ifndef SSCARD_PHOTO_SEGMENT_H
#define SSCARD_PHOTO_SEGMENT_H

#include "photo/image.h"

/*
 * How surely each pixel of im is the person (0-1, w x h; caller frees), from
 * the network seeing the photo squeezed to its 256 x 256 input.  NULL with
 * *cause (translated) when the network is missing or fails.
 */
float	*segment_person(const struct image *, char **);
/*
 * The same as the network sees it: SEGMENT_SIDE x SEGMENT_SIDE values, each
 * for the part of im its cell covers (im squeezed to the square).  The
 * network stays read for the next run (segment_person drops it).
 */
#define SEGMENT_SIDE	256
float	*segment_grid(const struct image *, char **);
/* Reads the network ahead of its first run (nn_read_ahead). */
void	segment_read_ahead(void);
/* 1 when segment_person can run here (its module and network are installed). */
int	segment_available(void);

#endif
