/* palette.c -- an adaptive palette for a photo: median cut in CIE Lab, light dithering. */
#include "lib/system.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tui/palette.h"
#include "lib/xmalloc.h"

/* Colours are counted at 6 bits a channel; each count keeps its exact mean. */
#define HIST_BITS	6
/* Pixels are mapped through a cache of 6 bits a channel. */
#define MAP_BITS	6
#define MAP_SIZE	(1 << (3 * MAP_BITS))
/* A pixel this close (Delta E 1.5, squared) to a palette colour is flat: no noise. */
#define FLAT_DE2	(1.5f * 1.5f)
/* Floyd-Steinberg's error, passed on at this share: light, no visible grain. */
#define DIFFUSE		0.5f
/* The colour left of or above a pixel is kept if at most this much (Delta E) worse. */
#define RUN_DE		3.0f
/*
 * ... in full where neighbours differ by this much (Delta E), less where
 * smoother: the photo's own texture hides a step, smooth skin shows it.
 */
#define MASK_DE		3.0f
/* Refinement passes after the cut (k-means on the colour counts). */
#define REFINE		1

/* One colour of the histogram: how many pixels, their mean, its Lab. */
struct entry {
	float	w;
	float	rgb[3];
	float	lab[3];
};

/* A box of the median cut: entries [lo, hi) and their moments in Lab. */
struct box {
	int	lo, hi;
	double	sse;	/* squared error around the box's mean */
	int	axis;	/* the axis where most of it lies */
};

/* The palette in order of lightness: nearest() looks at few colours. */
struct finder {
	int		 n;
	int		 order[PALETTE_MAX];
	float		 l[PALETTE_MAX];
	const float	(*lab)[3];
};

/* Pixels to palette indices, cached by colour. */
struct map {
	int16_t		*idx;		/* -1: not looked up yet */
	struct finder	 f;
};

static float	lin[256];
/* Steps of the cube root's table: its error stays under 0.01 Delta E. */
#define F_STEPS	4096
static float	f_table[F_STEPS + 1];

static void	 init_lin(void);
static float	 lab_f(float);
static float	 lab_f_exact(float);
static uint32_t	 cell_order(const uint8_t *);
static void	 radix_sort(uint32_t *, size_t);
static int	 count_colours(const struct image *, struct entry **);
static void	 box_measure(const struct entry *, struct box *);
static int	 box_split(struct entry *, struct box *, struct box *);
static int	 cut(struct entry *, int, int, struct box *);
static void	 refine(const struct entry *, int, const struct box *, int,
		    struct palette *);
static uint8_t	 percent(float);
static float	 distance2(const float *, const float *);
static void	 finder_init(struct finder *, const float (*)[3], int);
static int	 nearest(const struct finder *, const float *);
static int	 lookup(struct map *, const int *);
static void	 map_pixels(const struct image *, const struct palette *, uint8_t *);

/* Lab's cube root, from a table between 0 and 1 (cube roots are dear). */
static float
lab_f(float t)
{
	float i;

	if (t < 0 || t >= 1)
		return (t < 0 ? 16.0f / 116.0f : cbrtf(t));
	i = t * F_STEPS;
	return (f_table[(int)i] + (i - (int)i) * (f_table[(int)i + 1] -
	    f_table[(int)i]));
}

static float
lab_f_exact(float t)
{
	return (t > 216.0f / 24389.0f ? cbrtf(t) : (24389.0f / 27.0f * t + 16.0f) /
	    116.0f);
}

static void
init_lin(void)
{
	float c;
	int i;

	if (lin[255] != 0)
		return;
	for (i = 0; i <= F_STEPS; i++)
		f_table[i] = lab_f_exact((float)i / F_STEPS);
	for (i = 0; i < 256; i++) {
		c = i / 255.0f;
		lin[i] = c <= 0.04045f ? c / 12.92f : powf((c + 0.055f) / 1.055f, 2.4f);
	}
}

void
palette_lab(const uint8_t *p, float *lab)
{
	float r, g, b, x, y, z;

	init_lin();
	r = lin[p[0]];
	g = lin[p[1]];
	b = lin[p[2]];
	x = lab_f((0.4124564f * r + 0.3575761f * g + 0.1804375f * b) / 0.95047f);
	y = lab_f(0.2126729f * r + 0.7151522f * g + 0.0721750f * b);
	z = lab_f((0.0193339f * r + 0.1191920f * g + 0.9503041f * b) / 1.08883f);
	lab[0] = 116.0f * y - 16.0f;
	lab[1] = 500.0f * (x - y);
	lab[2] = 200.0f * (y - z);
}

/*
 * A pixel's colour with the bits reordered so that sorting groups the
 * pixels of one histogram cell together: its top HIST_BITS of each channel
 * first.
 */
static uint32_t
cell_order(const uint8_t *p)
{
	const int lo = 8 - HIST_BITS;

	return ((uint32_t)(p[0] >> lo) << (2 * HIST_BITS + 3 * lo) |
	    (uint32_t)(p[1] >> lo) << (HIST_BITS + 3 * lo) |
	    (uint32_t)(p[2] >> lo) << (3 * lo) |
	    (uint32_t)(p[0] & ((1 << lo) - 1)) << (2 * lo) |
	    (uint32_t)(p[1] & ((1 << lo) - 1)) << lo | (p[2] & ((1 << lo) - 1)));
}

/* Sorts v (n values below 1 << 24) with three byte-wide radix passes. */
static void
radix_sort(uint32_t *v, size_t n)
{
	uint32_t *tmp = xmalloc(n * sizeof *tmp), *from = v, *to = tmp, *swap;
	size_t count[257], i;
	int shift;

	for (shift = 0; shift < 24; shift += 8) {
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[((from[i] >> shift) & 0xff) + 1]++;
		for (i = 1; i < 257; i++)
			count[i] += count[i - 1];
		for (i = 0; i < n; i++)
			to[count[(from[i] >> shift) & 0xff]++] = from[i];
		swap = from;
		from = to;
		to = swap;
	}
	if (from != v)
		memcpy(v, from, n * sizeof *v);
	free(tmp);
}

/*
 * The colours of img, counted by histogram cell (each with the exact mean
 * of its pixels); returns how many (caller frees *out).  Sorting the pixels
 * touches far less memory than a table of every cell.
 */
static int
count_colours(const struct image *img, struct entry **out)
{
	const int lo = 8 - HIST_BITS;
	size_t i, j, npx = (size_t)img->w * (size_t)img->h;
	uint32_t *v = xmalloc((npx > 0 ? npx : 1) * sizeof *v), cell;
	double sum[3];
	struct entry *e;
	uint8_t mean[3];
	int n = 0, c;

	for (i = 0; i < npx; i++)
		v[i] = cell_order(img->px + i * 3);
	radix_sort(v, npx);
	for (i = 0; i < npx; i++)
		n += i == 0 || v[i] >> (3 * lo) != v[i - 1] >> (3 * lo);
	e = *out = xcalloc((size_t)n > 0 ? (size_t)n : 1, sizeof *e);
	for (i = 0; i < npx; i = j) {
		cell = v[i] >> (3 * lo);
		sum[0] = sum[1] = sum[2] = 0;
		for (j = i; j < npx && v[j] >> (3 * lo) == cell; j++) {
			sum[0] += (cell >> (2 * HIST_BITS)) << lo | ((v[j] >> (2 * lo)) &
			    ((1 << lo) - 1));
			sum[1] += ((cell >> HIST_BITS) & ((1 << HIST_BITS) - 1)) << lo |
			    ((v[j] >> lo) & ((1 << lo) - 1));
			sum[2] += (cell & ((1 << HIST_BITS) - 1)) << lo |
			    (v[j] & ((1 << lo) - 1));
		}
		e->w = (float)(j - i);
		for (c = 0; c < 3; c++) {
			e->rgb[c] = (float)(sum[c] / (double)(j - i));
			mean[c] = (uint8_t)(e->rgb[c] + 0.5f);
		}
		palette_lab(mean, e->lab);
		e++;
	}
	free(v);
	return (n);
}

/* The box's squared error, and the axis that holds most of it. */
static void
box_measure(const struct entry *e, struct box *b)
{
	double w = 0, s[3] = { 0, 0, 0 }, ss[3] = { 0, 0, 0 }, axis_sse[3];
	int i, c;

	for (i = b->lo; i < b->hi; i++) {
		w += e[i].w;
		for (c = 0; c < 3; c++) {
			s[c] += e[i].w * e[i].lab[c];
			ss[c] += e[i].w * e[i].lab[c] * e[i].lab[c];
		}
	}
	b->sse = 0;
	b->axis = 0;
	for (c = 0; c < 3; c++) {
		axis_sse[c] = w > 0 ? ss[c] - s[c] * s[c] / w : 0;
		if (axis_sse[c] > axis_sse[b->axis])
			b->axis = c;
		b->sse += axis_sse[c];
	}
}

static int sort_axis;

static int
by_axis(const void *a, const void *b)
{
	float x = ((const struct entry *)a)->lab[sort_axis];
	float y = ((const struct entry *)b)->lab[sort_axis];

	return ((x > y) - (x < y));
}

/*
 * Splits b along its axis where the two halves' squared error is least
 * (not at the median: a face's few dark pixels deserve their own colours).
 * Returns 0, or -1 if b holds a single colour.
 */
static int
box_split(struct entry *e, struct box *b, struct box *other)
{
	double wl = 0, sl = 0, ssl = 0, wt = 0, st = 0, sst = 0, best = -1, err, x;
	int i, at = -1, a = b->axis;

	if (b->hi - b->lo < 2)
		return (-1);
	sort_axis = a;
	qsort(e + b->lo, (size_t)(b->hi - b->lo), sizeof *e, by_axis);
	for (i = b->lo; i < b->hi; i++) {
		x = e[i].lab[a];
		wt += e[i].w;
		st += e[i].w * x;
		sst += e[i].w * x * x;
	}
	for (i = b->lo; i < b->hi - 1; i++) {
		x = e[i].lab[a];
		wl += e[i].w;
		sl += e[i].w * x;
		ssl += e[i].w * x * x;
		err = (ssl - sl * sl / wl) + ((sst - ssl) - (st - sl) * (st - sl) /
		    (wt - wl));
		if (best < 0 || err < best) {
			best = err;
			at = i + 1;
		}
	}
	other->lo = at;
	other->hi = b->hi;
	b->hi = at;
	box_measure(e, b);
	box_measure(e, other);
	return (0);
}

/* Median cut into at most max boxes; returns how many. */
static int
cut(struct entry *e, int n, int max, struct box *boxes)
{
	int nb = 1, i, worst;

	boxes[0].lo = 0;
	boxes[0].hi = n;
	box_measure(e, &boxes[0]);
	while (nb < max) {
		worst = -1;
		for (i = 0; i < nb; i++)
			if (boxes[i].hi - boxes[i].lo > 1 && boxes[i].sse > 0 &&
			    (worst < 0 || boxes[i].sse > boxes[worst].sse))
				worst = i;
		if (worst < 0 || box_split(e, &boxes[worst], &boxes[nb]) != 0)
			break;
		nb++;
	}
	return (nb);
}

/* The box means, then a few rounds of moving each colour to its nearest. */
static void
refine(const struct entry *e, int n, const struct box *boxes, int nb,
    struct palette *pal)
{
	float (*lab)[3] = xcalloc((size_t)nb, sizeof *lab);
	double (*sum)[4] = xcalloc((size_t)nb, sizeof *sum);
	struct finder f;
	int i, j, c, round;

	pal->n = nb;
	for (j = 0; j < nb; j++)
		for (i = boxes[j].lo; i < boxes[j].hi; i++) {
			sum[j][0] += e[i].w;
			for (c = 0; c < 3; c++)
				sum[j][c + 1] += e[i].w * e[i].rgb[c];
		}
	for (round = 0; ; round++) {
		for (j = 0; j < nb; j++) {
			if (sum[j][0] > 0)
				for (c = 0; c < 3; c++)
					pal->rgb[j][c] = percent((float)(sum[j][c + 1] /
					    sum[j][0]));
			palette_lab(pal->rgb[j], lab[j]);
		}
		if (round == REFINE)
			break;
		finder_init(&f, (const float (*)[3])lab, nb);
		memset(sum, 0, (size_t)nb * sizeof *sum);
		for (i = 0; i < n; i++) {
			j = nearest(&f, e[i].lab);
			sum[j][0] += e[i].w;
			for (c = 0; c < 3; c++)
				sum[j][c + 1] += e[i].w * e[i].rgb[c];
		}
	}
	free(lab);
	free(sum);
}

/* The nearest value a sixel can name: colours are given in whole percents. */
static uint8_t
percent(float v)
{
	int p = (int)(v * 100.0f / 255.0f + 0.5f);

	p = p < 0 ? 0 : p > 100 ? 100 : p;
	return ((uint8_t)((p * 255 + 50) / 100));
}

static const float (*by_l_lab)[3];

static int
by_l(const void *a, const void *b)
{
	float x = by_l_lab[*(const int *)a][0], y = by_l_lab[*(const int *)b][0];

	return ((x > y) - (x < y));
}

/* The palette's Lab colours in order of lightness, for nearest(). */
static void
finder_init(struct finder *f, const float (*lab)[3], int n)
{
	int i;

	f->n = n;
	f->lab = lab;
	for (i = 0; i < n; i++)
		f->order[i] = i;
	by_l_lab = lab;
	qsort(f->order, (size_t)n, sizeof f->order[0], by_l);
	for (i = 0; i < n; i++)
		f->l[i] = lab[f->order[i]][0];
}

/*
 * The nearest colour to x: outwards from its lightness, stopping on each
 * side where the lightness alone is further than the best found.
 */
static int
nearest(const struct finder *f, const float *x)
{
	int lo = 0, hi = f->n, mid, i, at = f->order[0], side;
	float d, best = -1, dl;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (f->l[mid] < x[0])
			lo = mid + 1;
		else
			hi = mid;
	}
	for (side = 0; side < 2; side++)
		for (i = side == 0 ? lo : lo - 1; i >= 0 && i < f->n;
		    i += side == 0 ? 1 : -1) {
			dl = f->l[i] - x[0];
			if (best >= 0 && dl * dl >= best)
				break;
			d = distance2(f->lab[f->order[i]], x);
			if (best < 0 || d < best) {
				best = d;
				at = f->order[i];
			}
		}
	return (at);
}

/* The palette colour nearest to an RGB value, through the cache. */
static int
lookup(struct map *m, const int *v)
{
	int k = (v[0] >> (8 - MAP_BITS)) << (2 * MAP_BITS) |
	    (v[1] >> (8 - MAP_BITS)) << MAP_BITS | v[2] >> (8 - MAP_BITS);
	uint8_t centre[3];
	float x[3];
	int c;

	if (m->idx[k] < 0) {
		for (c = 0; c < 3; c++)
			centre[c] = (uint8_t)((v[c] & ~((1 << (8 - MAP_BITS)) - 1)) |
			    1 << (7 - MAP_BITS));
		palette_lab(centre, x);
		m->idx[k] = (int16_t)nearest(&m->f, x);
	}
	return (m->idx[k]);
}

static float
distance2(const float *a, const float *b)
{
	float dl = a[0] - b[0], da = a[1] - b[1], db = a[2] - b[2];

	return (dl * dl + da * da + db * db);
}

/*
 * The colour for one pixel (px its Lab, v its value with the error passed
 * on): the nearest, unless the colour above it or on its left is at most
 * tolerance further.
 * A sixel costs a few bytes per change of colour along a band; keeping the
 * colour above gives no streaks, as keeping only the left one did.
 */
static int
choose(const float (*lab)[3], struct map *m, const int *v, const float *px,
    int left, int up, float tolerance)
{
	int j = lookup(m, v);
	float dj, du = 1e9f, dl = 1e9f;

	if (up < 0 && left < 0)
		return (j);
	/* Squared: a + b >= c is (a + b)^2 >= c^2 for distances. */
	dj = sqrtf(distance2(px, lab[j])) + tolerance;
	dj *= dj;
	if (up >= 0)
		du = distance2(px, lab[up]);
	if (left >= 0)
		dl = distance2(px, lab[left]);
	if (du <= dj && du <= dl)
		return (up);
	if (dl <= dj)
		return (left);
	return (j);
}

/*
 * Serpentine Floyd-Steinberg at a reduced strength, except on pixels whose
 * colour the palette holds: they take it as it is and stop the error, so a
 * white background or a plain shirt stays one flat run of one colour.
 */
static void
map_pixels(const struct image *img, const struct palette *pal, uint8_t *idx)
{
	struct map m;
	float (*lab)[3] = xcalloc((size_t)pal->n, sizeof *lab);
	size_t row = (size_t)(img->w + 2) * 3;
	float *cur = xcalloc(row, sizeof *cur), *next = xcalloc(row, sizeof *next);
	float *tmp, px[3], e, act, (*above)[3], prev[3] = { 0, 0, 0 };
	const uint8_t *p;
	int x, y, c, i, dir, j, left, flat, v[3];

	above = xcalloc((size_t)img->w, sizeof *above);
	for (j = 0; j < pal->n; j++)
		palette_lab(pal->rgb[j], lab[j]);
	m.idx = xmalloc(MAP_SIZE * sizeof *m.idx);
	memset(m.idx, 0xff, MAP_SIZE * sizeof *m.idx);
	finder_init(&m.f, (const float (*)[3])lab, pal->n);
	for (y = 0; y < img->h; y++) {
		dir = y % 2 == 0 ? 1 : -1;
		for (i = 0, left = -1; i < img->w; i++) {
			x = dir > 0 ? i : img->w - 1 - i;
			p = img->px + ((size_t)y * img->w + x) * 3;
			for (c = 0; c < 3; c++)
				v[c] = p[c];
			palette_lab(p, px);
			j = lookup(&m, v);
			flat = distance2(px, lab[j]) <= FLAT_DE2;
			for (c = 0; !flat && c < 3; c++) {
				e = p[c] + cur[(x + 1) * 3 + c];
				v[c] = e < 0 ? 0 : e > 255 ? 255 : (int)(e + 0.5f);
			}
			/* How much the photo changes here: noise hides a step. */
			act = y > 0 ? distance2(px, above[x]) : 0;
			if (i > 0 && distance2(px, prev) > act)
				act = distance2(px, prev);
			memcpy(prev, px, sizeof prev);
			memcpy(above[x], px, sizeof prev);
			j = choose((const float (*)[3])lab, &m, v, px, left,
			    y > 0 ? idx[(size_t)(y - 1) * img->w + x] : -1,
			    act >= MASK_DE * MASK_DE ? RUN_DE :
			    RUN_DE * sqrtf(act) / MASK_DE);
			for (c = 0; !flat && c < 3; c++) {
				e = (v[c] - pal->rgb[j][c]) * DIFFUSE / 16.0f;
				cur[(x + 1 + dir) * 3 + c] += 7 * e;
				next[(x + 1 - dir) * 3 + c] += 3 * e;
				next[(x + 1) * 3 + c] += 5 * e;
				next[(x + 1 + dir) * 3 + c] += e;
			}
			idx[(size_t)y * img->w + x] = (uint8_t)(left = j);
		}
		tmp = cur;
		cur = next;
		next = tmp;
		memset(next, 0, row * sizeof *next);
	}
	free(m.idx);
	free(above);
	free(lab);
	free(cur);
	free(next);
}

void
palette_quantize(const struct image *img, int max, struct palette *pal,
    uint8_t *idx)
{
	struct entry *e;
	struct box *boxes;
	int n, nb;

	max = max < 2 ? 2 : max > PALETTE_MAX ? PALETTE_MAX : max;
	n = count_colours(img, &e);
	boxes = xcalloc((size_t)max, sizeof *boxes);
	nb = cut(e, n, max, boxes);
	refine(e, n, boxes, nb, pal);
	map_pixels(img, pal, idx);
	free(boxes);
	free(e);
}
