/* photo-matte.c -- an edge-aware matte of a portrait, on a plain backdrop or any, and white put behind it. */
#include "lib/system.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/parallel.h"
#include "photo/matte.h"
#include "lib/xmalloc.h"

/* Guided-filter window radius, in eye distances (4 px in a fixed photo). */
#define MATTE_RADIUS	0.045
/* Share of the face and neck that may have the backdrop's colour. */
#define MATTE_CONFLICT	0.02
/* Share of the unknown band that may stay half backdrop, half person. */
#define MATTE_UNSURE	0.4
/* A pixel this much backdrop or more is made pure white. */
#define MATTE_WHITE	0.97f
/* Pockets of backdrop between strands of hair count down to this far below the eyes (eye distances). */
#define POCKET_IED	1.6
/* The network is sure of a pixel beyond these (person share). */
#define NET_BACK	0.1f
#define NET_PERSON	0.98f
/* Radius over which the backdrop behind an edge pixel is averaged, in eye distances. */
#define BACK_IED	0.5
/* A soft edge stretched: backdrop shares up to this count as person, from 1 - it as backdrop. */
#define EDGE_STRETCH	0.15f

/* The buffers of one matte, all w * h. */
struct matte {
	int	 w, h;
	float	*back;		/* the backdrop's colour behind each pixel, 3 per pixel */
	float	*dist;		/* colour distance to it: the filter's guide */
	float	*alpha;		/* backdrop share: first estimate, then refined */
	uint8_t	*state;		/* flags: PERSON, REACHED from an edge, SURE_BACK */
};

enum { PERSON = 1, REACHED = 2, SURE_BACK = 4 };

static void	row_backdrop(const struct image *, const double *, double, int,
		    double *, double *);
static void	backdrop(struct matte *, const struct image *, const double *, double);
static double	person_half(const struct matte_head *, int);
static double	first_estimate(struct matte *, const struct image *,
		    const struct matte_head *, double, double);
static void	flood(struct matte *, const struct matte_head *);
static void	box_mean(const float *, float *, int, int, int, float *);
static void	box_job_run(void *, int);
static void	box_means(const float *, float *, const float *, float *, int, int,
		    int, float *, float *);
static void	guided_filter(const float *, float *, int, int, int, float);
static double	refine(struct matte *, int, double);
static void	composite(struct image *, const struct matte *);
static int	face_part(const float *, int, int, int, int, int, uint8_t *);
static void	backdrop_near(struct matte *, const struct image *, const float *, int);
static void	luma_guide(float *, const struct image *);

/*
 * The backdrop's colour at row y near each side: the outermost pixels when
 * they look like background, else the last such row's value (shoulders).
 */
static void
row_backdrop(const struct image *im, const double *bg, double t, int y,
    double *left, double *right)
{
	double v[2][3];
	int side, x, c, n = 4;

	for (side = 0; side < 2; side++) {
		memset(v[side], 0, sizeof v[side]);
		for (x = 0; x < n; x++)
			for (c = 0; c < 3; c++)
				v[side][c] += im->px[((size_t)y * im->w +
				    (side ? im->w - 1 - x : x)) * 3 + c] / (double)n;
		if (fabs(v[side][0] - bg[0]) < t && fabs(v[side][1] - bg[1]) < t &&
		    fabs(v[side][2] - bg[2]) < t)
			memcpy(side ? right : left, v[side], sizeof v[side]);
	}
}

/* The colour model of the backdrop: per row, from its two sides, blended across. */
static void
backdrop(struct matte *m, const struct image *im, const double *bg, double t)
{
	double l[3], r[3];
	int x, y, c;

	memcpy(l, bg, sizeof l);
	memcpy(r, bg, sizeof r);
	for (y = 0; y < im->h; y++) {
		row_backdrop(im, bg, t, y, l, r);
		for (x = 0; x < im->w; x++)
			for (c = 0; c < 3; c++)
				m->back[((size_t)y * im->w + x) * 3 + c] = (float)(l[c] +
				    (r[c] - l[c]) * x / (im->w > 1 ? im->w - 1 : 1));
	}
}

/*
 * How far from the eye midpoint row y is inside the person: the face (an
 * ellipse within the cheeks, brow to chin) or the neck below it.  -1: not.
 */
static double
person_half(const struct matte_head *hd, int y)
{
	double dy = (y - hd->eye_y - 0.1 * hd->ied) / (1.55 * hd->ied), half = -1;

	if (dy * dy <= 1)
		half = 0.8 * hd->ied * sqrt(1 - dy * dy);
	if (y > hd->eye_y + 1.2 * hd->ied)
		half = fmax(half, 0.3 * hd->ied);
	return (half);
}

/*
 * The colour distance of every pixel to the backdrop behind it, and a first
 * backdrop share: 1 up to tlo, 0 from thi, a ramp between.  Returns the
 * share of the face and neck that has the backdrop's colour.
 */
static double
first_estimate(struct matte *m, const struct image *im, const struct matte_head *hd,
    double tlo, double thi)
{
	size_t i;
	double d, e, s, half;
	int x, y, c, person = 0, alike = 0;

	for (y = 0; y < m->h; y++)
		for (half = person_half(hd, y), x = 0; x < m->w; x++) {
			i = (size_t)y * m->w + x;
			for (d = e = 0, c = 0; c < 3; c++) {
				s = fabs(im->px[i * 3 + c] - m->back[i * 3 + c]);
				d = fmax(d, s);
				e += s * s;
			}
			m->dist[i] = (float)sqrt(e);
			m->alpha[i] = d <= tlo ? 1 : d >= thi ? 0 : (float)((thi - d) / (thi - tlo));
			m->state[i] = d <= tlo ? SURE_BACK : 0;
			if (fabs(x - hd->eye_x) <= half) {
				person++;
				alike += d <= tlo;
				m->state[i] = PERSON;
			}
		}
	return (person > 0 ? (double)alike / person : 1);
}

/*
 * Only backdrop reachable from the top and side edges counts, never through
 * the face or neck: grey clothes or a light cheek inside stay the person's.
 * Beside the head, above the chin, pockets of the backdrop's own colour seen
 * between strands of hair count too: there only hair, ears and backdrop are.
 */
static void
flood(struct matte *m, const struct matte_head *hd)
{
	size_t n = (size_t)m->w * m->h, i, j, top = 0, *stack;
	static const int dx[4] = { 1, -1, 0, 0 }, dy[4] = { 0, 0, 1, -1 };
	int x, y, k;

	stack = xreallocarray(NULL, n, sizeof *stack);
	for (y = 0; y < m->h; y++)
		for (x = 0; x < m->w; x++) {
			i = (size_t)y * m->w + x;
			if (((y == 0 || x == 0 || x == m->w - 1) && m->alpha[i] > 0 &&
			    !(m->state[i] & PERSON)) || ((m->state[i] & SURE_BACK) &&
			    !(m->state[i] & PERSON) && y < hd->eye_y + POCKET_IED * hd->ied &&
			    fabs(x - hd->eye_x) > 0.6 * hd->ied)) {
				m->state[i] |= REACHED;
				stack[top++] = i;
			}
		}
	while (top > 0) {
		i = stack[--top];
		for (k = 0; k < 4; k++) {
			x = (int)(i % m->w) + dx[k];
			y = (int)(i / m->w) + dy[k];
			if (x < 0 || y < 0 || x >= m->w || y >= m->h)
				continue;
			j = (size_t)y * m->w + x;
			if (!(m->state[j] & (REACHED | PERSON)) && m->alpha[j] > 0) {
				m->state[j] |= REACHED;
				stack[top++] = j;
			}
		}
	}
	free(stack);
	for (i = 0; i < n; i++) {
		if (!(m->state[i] & REACHED)) {
			m->alpha[i] = 0;
			m->state[i] &= ~SURE_BACK;
		}
	}
}

/*
 * Mean over the (2r+1)^2 window around each pixel, clipped at the edges;
 * O(w h): running sums along each row, then down the columns a row at a
 * time (cache-friendly).  tmp holds w * h + w values; out may be in.
 */
static void
box_mean(const float *in, float *out, int w, int h, int r, float *tmp)
{
	float *col = tmp + (size_t)w * h;
	double s;
	int x, y, lo, hi;

	for (y = 0; y < h; y++) {
		const float *row = in + (size_t)y * w;
		float *t = tmp + (size_t)y * w;

		for (s = 0, x = 0; x <= r && x < w; x++)
			s += row[x];
		for (x = 0; x < w; x++) {
			lo = x - r < 0 ? 0 : x - r;
			hi = x + r >= w ? w - 1 : x + r;
			t[x] = (float)(s / (hi - lo + 1));
			if (x + r + 1 < w)
				s += row[x + r + 1];
			if (x - r >= 0)
				s -= row[x - r];
		}
	}
	memset(col, 0, (size_t)w * sizeof *col);
	for (y = 0; y <= r && y < h; y++)
		for (x = 0; x < w; x++)
			col[x] += tmp[(size_t)y * w + x];
	for (y = 0; y < h; y++) {
		float k;

		lo = y - r < 0 ? 0 : y - r;
		hi = y + r >= h ? h - 1 : y + r;
		k = 1.0f / (float)(hi - lo + 1);
		for (x = 0; x < w; x++)
			out[(size_t)y * w + x] = col[x] * k;
		if (y + r + 1 < h)
			for (x = 0; x < w; x++)
				col[x] += tmp[(size_t)(y + r + 1) * w + x];
		if (y - r >= 0)
			for (x = 0; x < w; x++)
				col[x] -= tmp[(size_t)(y - r) * w + x];
	}
}

/* One box mean of a pair. */
struct box_job {
	const float	*in;
	float		*out, *tmp;
	int		 w, h, r;
};

static void
box_job_run(void *arg, int i)
{
	struct box_job *j = (struct box_job *)arg + i;

	box_mean(j->in, j->out, j->w, j->h, j->r, j->tmp);
}

/*
 * Two box means at once (each with its own tmp of w * h + w values): the
 * guided filter's means come in pairs.
 */
static void
box_means(const float *in1, float *out1, const float *in2, float *out2, int w,
    int h, int r, float *tmp1, float *tmp2)
{
	struct box_job j[2] = { { in1, out1, tmp1, w, h, r },
	    { in2, out2, tmp2, w, h, r } };

	parallel_each(2, box_job_run, j);
}

/*
 * He, Sun and Tang's guided filter with a one-channel guide g: in every
 * window the output is a linear function of the guide, a g + b, fitted to
 * p by least squares with the slope damped by eps; so the output's edges
 * are the guide's edges.  p is replaced by the result.
 */
static void
guided_filter(const float *g, float *p, int w, int h, int r, float eps)
{
	size_t n = (size_t)w * h, i;
	float *mg, *mp, *mgp, *mgg, *tmp, *tmp2, v;

	mg = xreallocarray(NULL, n, sizeof *mg);
	mp = xreallocarray(NULL, n, sizeof *mp);
	mgp = xreallocarray(NULL, n, sizeof *mgp);
	mgg = xreallocarray(NULL, n, sizeof *mgg);
	tmp = xreallocarray(NULL, n + w, sizeof *tmp);
	tmp2 = xreallocarray(NULL, n + w, sizeof *tmp2);
	for (i = 0; i < n; i++) {
		mgp[i] = g[i] * p[i];
		mgg[i] = g[i] * g[i];
	}
	box_means(g, mg, p, mp, w, h, r, tmp, tmp2);
	box_means(mgp, mgp, mgg, mgg, w, h, r, tmp, tmp2);
	for (i = 0; i < n; i++) {
		/* The slope a (into mgp) and the offset b (into mgg). */
		v = mgg[i] - mg[i] * mg[i];
		mgp[i] = (mgp[i] - mg[i] * mp[i]) / (v + eps);
		mgg[i] = mp[i] - mgp[i] * mg[i];
	}
	box_means(mgp, mgp, mgg, mgg, w, h, r, tmp, tmp2);
	for (i = 0; i < n; i++)
		p[i] = mgp[i] * g[i] + mgg[i];
	free(mg);
	free(mp);
	free(mgp);
	free(mgg);
	free(tmp);
	free(tmp2);
}

/*
 * The unknown band is every pixel within r of both sure backdrop and the
 * rest, and every reached pixel of the ramp; there the filtered share is
 * kept, elsewhere the sure one.  Returns the share of the band left
 * between a fifth and four fifths backdrop.
 */
static double
refine(struct matte *m, int r, double thi)
{
	size_t n = (size_t)m->w * m->h, i;
	float *sure, *near, *tmp, *q;
	int band = 0, unsure = 0;

	sure = xreallocarray(NULL, n, sizeof *sure);
	near = xreallocarray(NULL, n, sizeof *near);
	tmp = xreallocarray(NULL, n + m->w, sizeof *tmp);
	q = xreallocarray(NULL, n, sizeof *q);
	for (i = 0; i < n; i++)
		sure[i] = m->state[i] & SURE_BACK ? 1 : 0;
	box_mean(sure, near, m->w, m->h, r, tmp);
	memcpy(q, m->alpha, n * sizeof *q);
	guided_filter(m->dist, q, m->w, m->h, r, (float)(0.05 * thi * thi));
	for (i = 0; i < n; i++) {
		if (m->state[i] & PERSON) {
			m->alpha[i] = 0;
			continue;
		}
		if (!((near[i] > 0 && near[i] < 1) ||
		    ((m->state[i] & REACHED) && !(m->state[i] & SURE_BACK))))
			continue;
		m->alpha[i] = q[i] < 0 ? 0 : q[i] > 1 ? 1 : q[i];
		band++;
		unsure += m->alpha[i] > 0.2f && m->alpha[i] < 0.8f;
	}
	free(sure);
	free(near);
	free(tmp);
	free(q);
	return (band > 0 ? (double)unsure / band : 0);
}

/*
 * A pixel part person (share 1 - a), part backdrop B is I = (1 - a) F + a B;
 * with white W behind it, it becomes (1 - a) F + a W = I + a (W - B).
 */
static void
composite(struct image *im, const struct matte *m)
{
	size_t n = (size_t)m->w * m->h, i;
	float v;
	int c;

	for (i = 0; i < n; i++)
		for (c = 0; c < 3; c++) {
			v = m->alpha[i] >= MATTE_WHITE ? 255 : im->px[i * 3 + c] +
			    m->alpha[i] * (255 - m->back[i * 3 + c]);
			im->px[i * 3 + c] = (uint8_t)(v > 255 ? 255 : v < 0 ? 0 : lrintf(v));
		}
}

float *
matte_whiten(struct image *im, const double *bg, double bg_std,
    const struct matte_head *hd, const char **why)
{
	double tlo = fmax(18, 2.5 * bg_std + 8), thi = tlo + 22, conflict, unsure;
	size_t n = (size_t)im->w * im->h;
	struct matte m;
	int r = (int)fmax(2, lround(MATTE_RADIUS * hd->ied));

	m.w = im->w;
	m.h = im->h;
	m.back = xreallocarray(NULL, n, 3 * sizeof *m.back);
	m.dist = xreallocarray(NULL, n, sizeof *m.dist);
	m.alpha = xreallocarray(NULL, n, sizeof *m.alpha);
	m.state = xcalloc(n, 1);
	backdrop(&m, im, bg, thi);
	conflict = first_estimate(&m, im, hd, tlo, thi);
	flood(&m, hd);
	unsure = refine(&m, r, thi);
	*why = NULL;
	if (conflict > MATTE_CONFLICT)
		*why = N_("the face or neck has the background's colour");
	else if (unsure > MATTE_UNSURE)
		*why = N_("the edge of the person is blurred into the background");
	else
		composite(im, &m);
	free(m.back);
	free(m.dist);
	free(m.state);
	if (*why != NULL) {
		free(m.alpha);
		return (NULL);
	}
	return (m.alpha);
}

/*
 * Marks (in mark, w * h) the part of the pixels where keep(v) holds that is
 * connected to (sx, sy); keep is v >= 0.5 when above, v < 0.5 when not.
 * Returns the part's size; 0 when (sx, sy) is not kept.
 */
static int
face_part(const float *v, int w, int h, int sx, int sy, int above, uint8_t *mark)
{
	static const int dx[4] = { 1, -1, 0, 0 }, dy[4] = { 0, 0, 1, -1 };
	size_t n = (size_t)w * h, i, j, top = 0, *stack;
	int x, y, k, size = 0;

#define KEEP(i)	((v[i] >= 0.5f) == (above != 0))
	memset(mark, 0, n);
	if (sx < 0 || sy < 0 || sx >= w || sy >= h || !KEEP((size_t)sy * w + sx))
		return (0);
	stack = xreallocarray(NULL, n, sizeof *stack);
	i = (size_t)sy * w + sx;
	mark[i] = 1;
	stack[top++] = i;
	while (top > 0) {
		i = stack[--top];
		size++;
		for (k = 0; k < 4; k++) {
			x = (int)(i % w) + dx[k];
			y = (int)(i / w) + dy[k];
			if (x < 0 || y < 0 || x >= w || y >= h)
				continue;
			j = (size_t)y * w + x;
			if (!mark[j] && KEEP(j)) {
				mark[j] = 1;
				stack[top++] = j;
			}
		}
	}
#undef KEEP
	free(stack);
	return (size);
}

/*
 * The backdrop's colour behind each pixel: the mean of the pixels within r
 * that the network is sure are backdrop (sure, 0 or 1), else of all of them.
 */
static void
backdrop_near(struct matte *m, const struct image *im, const float *sure, int r)
{
	size_t n = (size_t)m->w * m->h, i;
	float *wsum = xreallocarray(NULL, n, sizeof *wsum);
	float *csum = xreallocarray(NULL, n, sizeof *csum);
	float *tmp = xreallocarray(NULL, n + m->w, sizeof *tmp);
	double all[3] = { 0, 0, 0 }, k = 0;
	int c;

	for (i = 0; i < n; i++) {
		k += sure[i];
		for (c = 0; c < 3; c++)
			all[c] += sure[i] * im->px[i * 3 + c];
	}
	box_mean(sure, wsum, m->w, m->h, r, tmp);
	for (c = 0; c < 3; c++) {
		for (i = 0; i < n; i++)
			csum[i] = sure[i] * im->px[i * 3 + c];
		box_mean(csum, csum, m->w, m->h, r, tmp);
		for (i = 0; i < n; i++)
			m->back[i * 3 + c] = wsum[i] > 1e-3f ? csum[i] / wsum[i] :
			    (float)(k > 0 ? all[c] / k : 255);
	}
	free(wsum);
	free(csum);
	free(tmp);
}

/* The guide of the filter: luma from 0 to 1. */
static void
luma_guide(float *g, const struct image *im)
{
	size_t n = (size_t)im->w * im->h, i;
	const uint8_t *p;

	for (i = 0; i < n; i++) {
		p = im->px + i * 3;
		g[i] = (0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2]) / 255;
	}
}

float *
matte_replace(struct image *im, const float *person, const struct matte_head *hd,
    const char **why)
{
	size_t n = (size_t)im->w * im->h, i;
	int r = (int)fmax(2, lround(MATTE_RADIUS * hd->ied));
	int sx = (int)lround(hd->eye_x), sy = (int)lround(hd->eye_y + 0.5 * hd->ied);
	struct matte m;
	uint8_t *mark = xreallocarray(NULL, n, 1);
	float *sure = xreallocarray(NULL, n, sizeof *sure), *net, a;

	*why = NULL;
	m.w = im->w;
	m.h = im->h;
	m.state = NULL;
	m.back = xreallocarray(NULL, n, 3 * sizeof *m.back);
	m.dist = xreallocarray(NULL, n, sizeof *m.dist);
	m.alpha = xreallocarray(NULL, n, sizeof *m.alpha);
	net = xreallocarray(NULL, n, sizeof *net);
	/* Only the person whose face this is: a neighbour at the edge is backdrop. */
	if (face_part(person, m.w, m.h, sx, sy, 1, mark) == 0) {
		*why = N_("the person could not be found around the face");
		goto out;
	}
	for (i = 0; i < n; i++) {
		net[i] = mark[i] ? person[i] : fminf(person[i], NET_BACK);
		sure[i] = net[i] < NET_BACK;
		m.alpha[i] = 1 - net[i];
	}
	backdrop_near(&m, im, sure, (int)fmax(8, BACK_IED * hd->ied));
	/* The network's soft edge made to follow the photo's own edges. */
	luma_guide(m.dist, im);
	guided_filter(m.dist, m.alpha, m.w, m.h, r, 0.004f);
	for (i = 0; i < n; i++) {
		a = net[i] >= NET_PERSON ? 0 : m.alpha[i];
		/* Never less white than the network where it says backdrop. */
		if (net[i] < 0.5f)
			a = fmaxf(a, 1 - net[i]);
		a = (a - EDGE_STRETCH) / (1 - 2 * EDGE_STRETCH);
		m.alpha[i] = a < 0 ? 0 : a > 1 ? 1 : a;
	}
	/* What is kept apart from the person is a leftover of the backdrop. */
	face_part(m.alpha, m.w, m.h, sx, sy, 0, mark);
	for (i = 0; i < n; i++)
		if (!mark[i] && m.alpha[i] < 0.5f)
			m.alpha[i] = 1;
	composite(im, &m);
out:
	free(mark);
	free(sure);
	free(net);
	free(m.back);
	free(m.dist);
	if (*why != NULL) {
		free(m.alpha);
		return (NULL);
	}
	return (m.alpha);
}
