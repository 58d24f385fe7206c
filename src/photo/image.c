/* image.c -- RGB and grey images in memory: allocate, free, resample, rotate, orient. */
#include "lib/system.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/parallel.h"
#include "photo/image.h"
#include "lib/xmalloc.h"

/* Rows below which a part of an image is not worth a thread. */
#define PARALLEL_ROWS	64

static struct span *spans(int, int);
static void	spans_free(struct span *, int);
static void	area_across(struct area *, const uint8_t *, int);
static void	across_rows(void *, int, int);
static void	down_rows(void *, int, int);
static void	turn_rows(void *, int, int);
static void	area_down(struct area *, int);
static void	resize_area(const uint8_t *, int, int, int, uint8_t *, int, int);
static int	linear_y0(const struct linear *, int, int *);
static void	sample_bilinear(const uint8_t *, int, int, int, double, double,
		    uint8_t *);
static void	resize_bilinear(const uint8_t *, int, int, int, uint8_t *, int, int);
static void	resize_any(const uint8_t *, int, int, int, uint8_t *, int, int);
static int64_t	clamp_fixed(int64_t, int);
static void	rotate_any(const uint8_t *, int, int, int, double, double, double,
		    int, int, uint8_t *, int, int);
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

/*
 * The source pixels destination index i covers when n source pixels map to
 * m: the first, how many, and each one's share (fractional at the edges).
 */
struct span {
	int	first, n;
	float	*w;	/* n shares */
	float	 sum;
};

static struct span *
spans(int n, int m)
{
	struct span *v = xcalloc((size_t)m, sizeof *v);
	double step = (double)n / m, a, b, lo, hi;
	int i, k;

	for (i = 0; i < m; i++) {
		a = i * step;
		b = a + step;
		v[i].first = (int)a;
		v[i].n = 0;
		v[i].w = xreallocarray(NULL, (size_t)step + 2, sizeof *v[i].w);
		for (k = (int)a; k < n && k < b; k++) {
			lo = k > a ? k : a;
			hi = k + 1 < b ? k + 1 : b;
			v[i].w[v[i].n++] = (float)(hi - lo);
			v[i].sum += (float)(hi - lo);
		}
	}
	return (v);
}

static void
spans_free(struct span *v, int m)
{
	int i;

	for (i = 0; i < m; i++)
		free(v[i].w);
	free(v);
}

/*
 * Each destination pixel averages the source area it covers, with
 * fractional edges; the weights are separable, so each source row is
 * averaged across as it comes and a destination row is made as soon as the
 * source rows it covers are in (so a decoder can feed it row by row).
 */
void
area_begin(struct area *a, int sw, int sh, int ch, uint8_t *dst, int dw, int dh)
{
	a->xs = spans(sw, dw);
	a->ys = spans(sh, dh);
	a->rows = xreallocarray(NULL, (size_t)dw * sh, (size_t)ch * sizeof *a->rows);
	a->sw = sw;
	a->sh = sh;
	a->ch = ch;
	a->dw = dw;
	a->dh = dh;
	a->in = a->out = 0;
	a->dst = dst;
}

/* Source row y (at src) averaged across into the rows buffer. */
static void
area_across(struct area *a, const uint8_t *src, int y)
{
	const struct span *xs = a->xs;
	float acc[3], *r;
	const uint8_t *p;
	int x, c, k, ch = a->ch;

	for (x = 0; x < a->dw; x++) {
		acc[0] = acc[1] = acc[2] = 0;
		p = src + (size_t)xs[x].first * ch;
		for (k = 0; k < xs[x].n; k++, p += ch)
			for (c = 0; c < ch; c++)
				acc[c] += p[c] * xs[x].w[k];
		r = a->rows + ((size_t)y * a->dw + x) * ch;
		for (c = 0; c < ch; c++)
			r[c] = acc[c] / xs[x].sum;
	}
}

static void
area_down(struct area *a, int y)
{
	const struct span *ys = a->ys;
	float acc[3], *r;
	int x, c, k, ch = a->ch;

	for (x = 0; x < a->dw; x++) {
		acc[0] = acc[1] = acc[2] = 0;
		for (k = 0; k < ys[y].n; k++) {
			r = a->rows + ((size_t)(ys[y].first + k) * a->dw + x) * ch;
			for (c = 0; c < ch; c++)
				acc[c] += r[c] * ys[y].w[k];
		}
		for (c = 0; c < ch; c++)
			a->dst[((size_t)y * a->dw + x) * ch + c] =
			    (uint8_t)(acc[c] / ys[y].sum + 0.5f);
	}
}

int
area_push(struct area *a, const uint8_t *row)
{
	if (a->in < a->sh)
		area_across(a, row, a->in);
	a->in++;
	while (a->out < a->dh && a->ys[a->out].first + a->ys[a->out].n <= a->in)
		area_down(a, a->out++);
	return (a->out);
}

void
area_end(struct area *a)
{
	free(a->rows);
	spans_free(a->xs, a->dw);
	spans_free(a->ys, a->dh);
	memset(a, 0, sizeof *a);
}

/* A whole resize: the rows averaged across, then down, each pass shared among the processors. */
struct area_job {
	struct area	*a;
	const uint8_t	*src;
};

static void
across_rows(void *arg, int lo, int hi)
{
	struct area_job *j = arg;
	int y;

	for (y = lo; y < hi; y++)
		area_across(j->a, j->src + (size_t)y * j->a->sw * j->a->ch, y);
}

static void
down_rows(void *arg, int lo, int hi)
{
	struct area_job *j = arg;
	int y;

	for (y = lo; y < hi; y++)
		area_down(j->a, y);
}

static void
resize_area(const uint8_t *src, int sw, int sh, int ch, uint8_t *dst, int dw,
    int dh)
{
	struct area a;
	struct area_job j = { &a, src };

	area_begin(&a, sw, sh, ch, dst, dw, dh);
	parallel_for(sh, PARALLEL_ROWS, across_rows, &j);
	parallel_for(dh, PARALLEL_ROWS, down_rows, &j);
	area_end(&a);
}

/* Writes the ch channels at (fx, fy), bilinear, edges repeated. */
static void
sample_bilinear(const uint8_t *src, int sw, int sh, int ch, double fx,
    double fy, uint8_t *out)
{
	const uint8_t *p00, *p01, *p10, *p11;
	int x0, y0, x1, y1, c;
	double ax, ay;

	fx = fx < 0 ? 0 : (fx > sw - 1 ? sw - 1 : fx);
	fy = fy < 0 ? 0 : (fy > sh - 1 ? sh - 1 : fy);
	x0 = (int)fx;
	y0 = (int)fy;
	x1 = x0 + 1 < sw ? x0 + 1 : x0;
	y1 = y0 + 1 < sh ? y0 + 1 : y0;
	ax = fx - x0;
	ay = fy - y0;
	p00 = src + ((size_t)y0 * sw + x0) * ch;
	p01 = src + ((size_t)y0 * sw + x1) * ch;
	p10 = src + ((size_t)y1 * sw + x0) * ch;
	p11 = src + ((size_t)y1 * sw + x1) * ch;
	for (c = 0; c < ch; c++)
		out[c] = (uint8_t)((p00[c] * (1 - ax) + p01[c] * ax) * (1 - ay) +
		    (p10[c] * (1 - ax) + p11[c] * ax) * ay + 0.5);
}

static void
resize_bilinear(const uint8_t *src, int sw, int sh, int ch, uint8_t *dst,
    int dw, int dh)
{
	double fx, fy;
	int x, y;

	for (y = 0; y < dh; y++) {
		fy = (y + 0.5) * sh / dh - 0.5;
		for (x = 0; x < dw; x++) {
			fx = (x + 0.5) * sw / dw - 0.5;
			sample_bilinear(src, sw, sh, ch, fx, fy,
			    dst + ((size_t)y * dw + x) * ch);
		}
	}
}

static void
resize_any(const uint8_t *src, int sw, int sh, int ch, uint8_t *dst, int dw,
    int dh)
{
	if (dw <= sw && dh <= sh)
		resize_area(src, sw, sh, ch, dst, dw, dh);
	else
		resize_bilinear(src, sw, sh, ch, dst, dw, dh);
}

void
image_resize(const struct image *src, int w, int h, struct image *dst)
{
	image_alloc(dst, w, h);
	resize_any(src->px, src->w, src->h, 3, dst->px, w, h);
}

/* v in 16.16 fixed point, held inside [0, max] pixels. */
static int64_t
clamp_fixed(int64_t v, int max)
{
	return (v < 0 ? 0 : v > ((int64_t)max << 16) ? (int64_t)max << 16 : v);
}

/*
 * The window (ox, oy, dw x dh) of the w x h src turned by deg (counter-
 * clockwise, as seen) about (cx, cy), into dst; pixels from outside repeat
 * the nearest edge.  Bilinear in fixed point (16.16 positions, 8-bit
 * weights, as the pyramid's): a photo of a million pixels turns in a few
 * milliseconds.
 */
/* A turn (see rotate_any), its rows shared among the processors. */
struct turn {
	const uint8_t	*src;
	int		 w, h, ch, ox, oy, dw;
	double		 ca, sa, cx, cy;
	uint8_t		*dst;
};

static void
turn_rows(void *arg, int lo, int hi)
{
	const struct turn *t = arg;
	int64_t fx, fy, sx, sy, dx = llround(t->ca * 65536), dy = llround(t->sa * 65536);
	const uint8_t *p00, *p01, *p10, *p11;
	uint8_t *out;
	int x, y, c, x0, y0, ax, ay, top, bot, w = t->w, h = t->h, ch = t->ch;

	for (y = lo; y < hi; y++) {
		/* Along a row the source point moves by (cos, sin) per pixel. */
		fx = llround((t->ca * (t->ox - t->cx) - t->sa * (t->oy + y - t->cy) +
		    t->cx) * 65536);
		fy = llround((t->sa * (t->ox - t->cx) + t->ca * (t->oy + y - t->cy) +
		    t->cy) * 65536);
		for (x = 0; x < t->dw; x++, fx += dx, fy += dy) {
			sx = clamp_fixed(fx, w - 1);
			sy = clamp_fixed(fy, h - 1);
			x0 = (int)(sx >> 16);
			y0 = (int)(sy >> 16);
			ax = (int)(sx >> 8) & 255;
			ay = (int)(sy >> 8) & 255;
			p00 = t->src + ((size_t)y0 * w + x0) * ch;
			p01 = x0 + 1 < w ? p00 + ch : p00;
			p10 = y0 + 1 < h ? p00 + (size_t)w * ch : p00;
			p11 = x0 + 1 < w ? p10 + ch : p10;
			out = t->dst + ((size_t)y * t->dw + x) * ch;
			for (c = 0; c < ch; c++) {
				top = p00[c] * (256 - ax) + p01[c] * ax;
				bot = p10[c] * (256 - ax) + p11[c] * ax;
				out[c] = (uint8_t)((top * (256 - ay) + bot * ay + 32768) >> 16);
			}
		}
	}
}

static void
rotate_any(const uint8_t *src, int w, int h, int ch, double deg, double cx,
    double cy, int ox, int oy, uint8_t *dst, int dw, int dh)
{
	double a = deg * M_PI / 180;
	struct turn t = { src, w, h, ch, ox, oy, dw, cos(a), sin(a), cx, cy, dst };

	parallel_for(dh, PARALLEL_ROWS, turn_rows, &t);
}

void
image_rotate(const struct image *src, double deg, double cx, double cy,
    struct image *dst)
{
	image_rotate_part(src, deg, cx, cy, 0, 0, src->w, src->h, dst);
}

void
image_rotate_part(const struct image *src, double deg, double cx, double cy,
    int x0, int y0, int w, int h, struct image *dst)
{
	image_alloc(dst, w, h);
	rotate_any(src->px, src->w, src->h, 3, deg, cx, cy, x0, y0, dst->px, w, h);
}

void
grey_alloc(struct grey *g, int w, int h)
{
	if (w <= 0 || h <= 0)
		fatal("grey_alloc: %dx%d", w, h);
	g->w = w;
	g->h = h;
	g->px = xreallocarray(NULL, (size_t)w, (size_t)h);
}

void
grey_free(struct grey *g)
{
	if (g->px != NULL)
		wipe_free(g->px, (size_t)g->w * (size_t)g->h);
	memset(g, 0, sizeof *g);
}

/* Luma with the weights (and rounding) OpenCV's detectors were trained on. */
void
grey_from_image(const struct image *im, struct grey *g)
{
	size_t n = (size_t)im->w * im->h;

	grey_alloc(g, im->w, im->h);
	grey_row(im->px, (int)n, g->px);
}

/* The luma of one row of n pixels, as grey_from_image makes it. */
void
grey_row(const uint8_t *p, int n, uint8_t *out)
{
	int i;

	for (i = 0; i < n; i++, p += 3)
		out[i] = (uint8_t)((4899 * p[0] + 9617 * p[1] + 1868 * p[2] + 8192) >> 14);
}

void
grey_resize(const struct grey *src, int w, int h, struct grey *dst)
{
	grey_alloc(dst, w, h);
	resize_any(src->px, src->w, src->h, 1, dst->px, w, h);
}

/*
 * Bilinear resampling in 8-bit fixed point, for the detector's scale pyramid:
 * the cascades were trained on OpenCV's linear pyramid, and an exact area
 * average of every level costs more than the detection itself.  A row at a
 * time, so that a level can be made while its source is still coming in.
 */
void
linear_begin(struct linear *l, int sw, int sh, int w, int h)
{
	double f;
	int x;

	l->sw = sw;
	l->sh = sh;
	l->w = w;
	l->h = h;
	l->x0 = xreallocarray(NULL, (size_t)w, sizeof *l->x0);
	l->ax = xreallocarray(NULL, (size_t)w, sizeof *l->ax);
	for (x = 0; x < w; x++) {
		f = (x + 0.5) * sw / w - 0.5;
		f = f < 0 ? 0 : f;
		l->x0[x] = (int)f < sw - 1 ? (int)f : sw - 2 < 0 ? 0 : sw - 2;
		l->ax[x] = sw > 1 ? (int)lround((f - l->x0[x]) * 256) : 0;
		l->ax[x] = l->ax[x] > 256 ? 256 : l->ax[x];
	}
}

/* The source row destination row y starts from, and its weight (of 256). */
static int
linear_y0(const struct linear *l, int y, int *ay)
{
	double f = (y + 0.5) * l->sh / l->h - 0.5;
	int y0;

	f = f < 0 ? 0 : f;
	y0 = (int)f < l->sh - 1 ? (int)f : l->sh - 2 < 0 ? 0 : l->sh - 2;
	*ay = l->sh > 1 ? (int)lround((f - y0) * 256) : 0;
	*ay = *ay > 256 ? 256 : *ay;
	return (y0);
}

int
linear_needs(const struct linear *l, int y)
{
	int ay;

	return (linear_y0(l, y, &ay) + (l->sh > 1 ? 2 : 1));
}

void
linear_row(const struct linear *l, const struct grey *src, struct grey *dst, int y)
{
	const uint8_t *r0, *r1;
	int x, y0, ay, top, bot;

	y0 = linear_y0(l, y, &ay);
	r0 = src->px + (size_t)y0 * src->w;
	r1 = src->h > 1 ? r0 + src->w : r0;
	for (x = 0; x < l->w; x++) {
		const int i = l->x0[x], a = l->ax[x], j = src->w > 1 ? i + 1 : i;

		top = r0[i] * (256 - a) + r0[j] * a;
		bot = r1[i] * (256 - a) + r1[j] * a;
		dst->px[(size_t)y * l->w + x] =
		    (uint8_t)((top * (256 - ay) + bot * ay + 32768) >> 16);
	}
}

void
linear_end(struct linear *l)
{
	free(l->x0);
	free(l->ax);
	memset(l, 0, sizeof *l);
}

void
grey_scale_linear(const struct grey *src, int w, int h, struct grey *dst)
{
	struct linear l;
	int y;

	grey_alloc(dst, w, h);
	linear_begin(&l, src->w, src->h, w, h);
	for (y = 0; y < h; y++)
		linear_row(&l, src, dst, y);
	linear_end(&l);
}

void
grey_rotate(const struct grey *src, double deg, struct grey *dst)
{
	grey_alloc(dst, src->w, src->h);
	rotate_any(src->px, src->w, src->h, 1, deg, (src->w - 1) / 2.0,
	    (src->h - 1) / 2.0, 0, 0, dst->px, src->w, src->h);
}

/* Spreads the grey levels over 0-255 so low-contrast faces still show their features. */
void
grey_equalize(struct grey *g)
{
	size_t hist[256] = { 0 }, i, n = (size_t)g->w * g->h, cum = 0, first = 0;
	uint8_t lut[256];
	int v;

	for (i = 0; i < n; i++)
		hist[g->px[i]]++;
	for (v = 0; v < 256 && hist[v] == 0; v++)
		;
	if (v == 256 || hist[v] == n)
		return;
	first = hist[v];
	for (v = 0; v < 256; v++) {
		cum += hist[v];
		lut[v] = cum <= first ? 0 :
		    (uint8_t)((double)(cum - first) * 255 / (n - first) + 0.5);
	}
	for (i = 0; i < n; i++)
		g->px[i] = lut[g->px[i]];
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
