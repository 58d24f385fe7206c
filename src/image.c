/* image.c -- RGB images in memory: allocate, free, resample. */
#include "system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "photo.h"
#include "xmalloc.h"

static void	resize_area(const struct image *, struct image *);
static void	resize_bilinear(const struct image *, struct image *);
static void	orient_source(int, int, int, int, int, int *, int *);

void
image_alloc(struct image *im, int w, int h)
{
	if (w <= 0 || h <= 0)
		fatal("image_alloc: %dx%d", w, h);
	im->w = w;
	im->h = h;
	im->px = xreallocarray(NULL, (size_t)w * (size_t)h, 3);
}

/* Photos are personal data: wiped before they are freed. */
void
image_free(struct image *im)
{
	if (im->px != NULL)
		wipe_free(im->px, (size_t)im->w * (size_t)im->h * 3);
	memset(im, 0, sizeof *im);
}

/* Each destination pixel averages the source area it covers, with fractional edges. */
static void
resize_area(const struct image *src, struct image *dst)
{
	double sx = (double)src->w / dst->w, sy = (double)src->h / dst->h;
	double acc[3], wy, wx, wsum, y0, y1, x0, x1;
	int x, y, c, yy, xx;

	for (y = 0; y < dst->h; y++) {
		y0 = y * sy;
		y1 = y0 + sy;
		for (x = 0; x < dst->w; x++) {
			x0 = x * sx;
			x1 = x0 + sx;
			acc[0] = acc[1] = acc[2] = wsum = 0;
			for (yy = (int)y0; yy < src->h && yy < y1; yy++) {
				wy = (yy + 1 < y1 ? yy + 1 : y1) - (yy > y0 ? yy : y0);
				for (xx = (int)x0; xx < src->w && xx < x1; xx++) {
					const uint8_t *p = src->px + ((size_t)yy * src->w + xx) * 3;

					wx = ((xx + 1 < x1 ? xx + 1 : x1) - (xx > x0 ? xx : x0)) * wy;
					for (c = 0; c < 3; c++)
						acc[c] += p[c] * wx;
					wsum += wx;
				}
			}
			for (c = 0; c < 3; c++)
				dst->px[((size_t)y * dst->w + x) * 3 + c] =
				    (uint8_t)(acc[c] / wsum + 0.5);
		}
	}
}

static void
resize_bilinear(const struct image *src, struct image *dst)
{
	double fx, fy, ax, ay, v;
	int x, y, c, x0, y0, x1, y1;

	for (y = 0; y < dst->h; y++) {
		fy = (y + 0.5) * src->h / dst->h - 0.5;
		fy = fy < 0 ? 0 : fy;
		y0 = (int)fy;
		y1 = y0 + 1 < src->h ? y0 + 1 : y0;
		ay = fy - y0;
		for (x = 0; x < dst->w; x++) {
			fx = (x + 0.5) * src->w / dst->w - 0.5;
			fx = fx < 0 ? 0 : fx;
			x0 = (int)fx;
			x1 = x0 + 1 < src->w ? x0 + 1 : x0;
			ax = fx - x0;
			for (c = 0; c < 3; c++) {
#define PX(xx, yy) src->px[((size_t)(yy) * src->w + (xx)) * 3 + c]
				v = (PX(x0, y0) * (1 - ax) + PX(x1, y0) * ax) * (1 - ay) +
				    (PX(x0, y1) * (1 - ax) + PX(x1, y1) * ax) * ay;
#undef PX
				dst->px[((size_t)y * dst->w + x) * 3 + c] = (uint8_t)(v + 0.5);
			}
		}
	}
}

void
image_resize(const struct image *src, int w, int h, struct image *dst)
{
	image_alloc(dst, w, h);
	if (w <= src->w && h <= src->h)
		resize_area(src, dst);
	else
		resize_bilinear(src, dst);
}

/* Where destination pixel (x, y) of an image oriented by o comes from in src. */
static void
orient_source(int o, int w, int h, int x, int y, int *sx, int *sy)
{
	switch (o) {
	case 2:
		*sx = w - 1 - x;
		*sy = y;
		break;
	case 3:
		*sx = w - 1 - x;
		*sy = h - 1 - y;
		break;
	case 4:
		*sx = x;
		*sy = h - 1 - y;
		break;
	case 5:
		*sx = y;
		*sy = x;
		break;
	case 6:
		*sx = y;
		*sy = h - 1 - x;
		break;
	case 7:
		*sx = w - 1 - y;
		*sy = h - 1 - x;
		break;
	case 8:
		*sx = w - 1 - y;
		*sy = x;
		break;
	default:
		*sx = x;
		*sy = y;
		break;
	}
}

void
image_orient(struct image *im, int o)
{
	struct image out;
	int x, y, sx, sy;

	if (o < 2 || o > 8 || im->px == NULL)
		return;
	if (o >= 5)
		image_alloc(&out, im->h, im->w);
	else
		image_alloc(&out, im->w, im->h);
	for (y = 0; y < out.h; y++) {
		for (x = 0; x < out.w; x++) {
			orient_source(o, im->w, im->h, x, y, &sx, &sy);
			memcpy(out.px + ((size_t)y * out.w + x) * 3,
			    im->px + ((size_t)sy * im->w + sx) * 3, 3);
		}
	}
	image_free(im);
	*im = out;
}
