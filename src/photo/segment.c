/* photo/segment.c -- where the person is: MediaPipe's selfie segmentation network. */
#include "lib/system.h"

#include <math.h>
#include <stdlib.h>

#include "photo/nn.h"
#include "photo/segment.h"
#include "lib/xmalloc.h"

/* The network's input and output side (general model, 256 x 256, RGB 0-1). */
#define SEG_SIDE	SEGMENT_SIDE
#define SEG_NAME	"selfie"

static void	to_input(const struct image *, float *);
static float	*upsample(const float *, int, int);

/* The squeezed photo as the network takes it: R, G, B from 0 to 1. */
static void
to_input(const struct image *im, float *in)
{
	size_t n = (size_t)im->w * im->h * 3, i;

	for (i = 0; i < n; i++)
		in[i] = im->px[i] / 255.0f;
}

/* The map made w x h again, bilinear (pixel centres aligned). */
static float *
upsample(const float *map, int w, int h)
{
	float *out = xreallocarray(NULL, (size_t)w * h, sizeof *out);
	double sx = (double)SEG_SIDE / w, sy = (double)SEG_SIDE / h, fx, fy, ax, ay;
	int x, y, x0, y0, x1, y1;

	for (y = 0; y < h; y++) {
		fy = fmin(fmax((y + 0.5) * sy - 0.5, 0), SEG_SIDE - 1);
		y0 = (int)fy;
		y1 = y0 + 1 < SEG_SIDE ? y0 + 1 : y0;
		ay = fy - y0;
		for (x = 0; x < w; x++) {
			fx = fmin(fmax((x + 0.5) * sx - 0.5, 0), SEG_SIDE - 1);
			x0 = (int)fx;
			x1 = x0 + 1 < SEG_SIDE ? x0 + 1 : x0;
			ax = fx - x0;
			out[(size_t)y * w + x] = (float)((1 - ay) * ((1 - ax) *
			    map[y0 * SEG_SIDE + x0] + ax * map[y0 * SEG_SIDE + x1]) +
			    ay * ((1 - ax) * map[y1 * SEG_SIDE + x0] +
			    ax * map[y1 * SEG_SIDE + x1]));
		}
	}
	return (out);
}

void
segment_read_ahead(void)
{
	nn_read_ahead(SEG_NAME);
}

int
segment_available(void)
{
	return (nn_available(SEG_NAME));
}

float *
segment_grid(const struct image *im, char **cause)
{
	struct image small;
	size_t n = SEG_SIDE * SEG_SIDE, i;
	float *in = xreallocarray(NULL, 4 * n, sizeof *in), *map;
	int rc;

	image_resize(im, SEG_SIDE, SEG_SIDE, &small);
	to_input(&small, in);
	image_free(&small);
	rc = nn_run(SEG_NAME, in, 3, SEG_SIDE, SEG_SIDE, NULL, in + 3 * n, n, cause);
	if (rc != 0) {
		free(in);
		return (NULL);
	}
	/* A damaged network must not steer the matte with values out of range. */
	map = xreallocarray(NULL, n, sizeof *map);
	for (i = 0; i < n; i++)
		map[i] = isfinite(in[3 * n + i]) ? fminf(fmaxf(in[3 * n + i], 0), 1) : 0;
	free(in);
	return (map);
}

float *
segment_person(const struct image *im, char **cause)
{
	float *grid, *out;

	grid = segment_grid(im, cause);
	/*
	 * A map is for a matte, whose buffers come next: the network's 8 MB
	 * are not held through it (reading it again costs a few milliseconds).
	 */
	nn_forget(SEG_NAME);
	if (grid == NULL)
		return (NULL);
	out = upsample(grid, im->w, im->h);
	free(grid);
	return (out);
}
