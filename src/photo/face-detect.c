/* face-detect.c -- a Viola-Jones evaluator for OpenCV's Haar cascade XML files. */
#include "lib/system.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "photo/face-detect.h"
#include "lib/fsutil.h"
#include "lib/parallel.h"
#include "lib/xmalloc.h"

/*
 * The cascades are trusted system files in one fixed layout (opencv-data),
 * so a small tokenizer reads them: it skips comments, follows tags in
 * document order and checks every index it keeps.
 */
#define CASCADE_MAX_BYTES	(16 << 20)
#define DETECT_SIDE		400	/* longest side the face search runs at */
#define SCALE_STEP		1.1
#define FACE_NEIGHBOURS		4
#define EYE_NEIGHBOURS		3
#define GROUP_EPS		0.2
#define SECOND_FACE_AREA	0.3
#define ROLL_TRY		18.0
#define EYE_FACE		160	/* face width the eye search runs at */

struct rect {
	int	x, y, w, h;
	float	weight;
};

struct feature {
	struct rect	r[3];
	int		nrect;
	int		tilted;	/* rectangles turned by 45 degrees */
};

struct node {
	int	feature;
	float	threshold;
	int	left, right;	/* > 0: node in the tree; <= 0: leaf -value */
};

struct tree {
	int	node0, nnodes;
	int	leaf0, nleaves;
};

struct stage {
	float	threshold;
	int	tree0, ntrees;
};

struct cascade {
	int		 w, h;
	struct stage	*stages;
	int		 nstages;
	struct tree	*trees;
	int		 ntrees;
	struct node	*nodes;
	int		 nnodes;
	float		*leaves;
	int		 nleaves;
	struct feature	*features;
	int		 nfeatures;
	int		 tilted;
};

/* Integral images of one pyramid level, and the features' offsets in them. */
struct scan {
	int		 w, h, stride;
	int32_t		*sum;
	int64_t		*sq;
	int32_t		*tilt;	/* 45-degree integral; NULL without tilted features */
	struct probe	*probe;	/* per node: what the scan reads of it, in one place */
};

/*
 * A node as a window reads it: its feature's offsets in the integral and
 * weights beside the threshold and the branches, so that one node costs one
 * cache line and no lookup through the feature table.
 */
struct probe {
	const int32_t	*integral;	/* sum or tilt */
	int		 ofs[12];	/* 4 per rect, 3 rects */
	float		 weight[3];
	float		 threshold;
	int		 nrect;
	int		 next[2];	/* the node's left (below threshold) and right */
};

struct hit {
	int	x, y, w, h;
	int	n;
};

struct hits {
	struct hit	*v;
	int		 n, cap;
};

struct xml {
	const char	*p;
	locale_t	 c;
};

static int	xml_tag(struct xml *, char *, size_t, int *);
static int	xml_numbers(struct xml *, double *, int);
static void	*grow(void *, int *, int, size_t);
static int	whole(double, long, long, int *);
static int	cascade_parse(struct cascade *, struct xml *, char **);
static int	rect_inside(const struct rect *, int, int, int);
static int	cascade_check(const struct cascade *, char **);
static struct cascade *cascade_load(const char *, const char *, char **);
static void	cascade_free(struct cascade *);
static void	tilt_build(struct scan *, const struct grey *);
static void	probe_build(struct probe *, const struct node *,
		    const struct feature *, const struct scan *);
static void	scan_begin(struct scan *, int, int);
static void	scan_row(struct scan *, const struct grey *, int);
static void	scan_probes(struct scan *, const struct grey *, const struct cascade *);
static void	scan_free(struct scan *);
static int	scan_window(const struct cascade *, const struct scan *, int);
static void	hits_add(struct hits *, int, int, int, int, int);
struct level;
struct pyramid;
static void	level_begin(struct level *, const struct cascade *, const struct grey *);
static void	level_end(struct level *);
static void	level_advance(struct level *, const struct cascade *,
		    const struct grey *, int);
static void	pyramid_begin(struct pyramid *, const struct cascade *,
		    const struct grey *, int, int);
static void	pyramid_advance(struct pyramid *, int);
static long	level_work(const struct level *, const struct cascade *);
static void	pyramid_order(struct pyramid *);
static void	pyramid_work(void *, int);
static void	pyramid_end(struct pyramid *, struct hits *);
static void	pyramid_gather(struct pyramid *, struct hits *);
static int	similar(const struct hit *, const struct hit *);
static void	group(struct hits *, int);
static void	detect(const struct cascade *, const struct grey *, int, int,
		    int, struct hits *);
static int	eyes_with(const struct cascade *, const struct grey *, double,
		    const struct face *, int, struct hit[2]);
static void	find_eyes(struct detector *, const struct grey *, struct face *);
static void	eye_guess(struct face *);
static void	face_sizes(const struct detector *, const struct grey *, int *, int *);
static int	faces_from_hits(struct detector *, const struct grey *, struct hits *,
		    int, struct faces *);
static int	faces_from(struct detector *, const struct grey *, struct cascade *,
		    int, struct faces *);
static void	unrotate(const struct grey *, double, double *, double *);
static int	try_rotated(struct detector *, const struct grey *, struct faces *);
static void	faces_scale(struct faces *, double);

/*
 * Moves to the next tag; copies its name, sets *closing.  Returns 0 at the
 * end of the text.  Comments, declarations and processing instructions are
 * skipped.
 */
static int
xml_tag(struct xml *x, char *name, size_t size, int *closing)
{
	const char *q, *e;
	size_t n;

	for (;;) {
		if ((q = strchr(x->p, '<')) == NULL)
			return (0);
		if (strncmp(q, "<!--", 4) == 0) {
			if ((e = strstr(q + 4, "-->")) == NULL)
				return (0);
			x->p = e + 3;
			continue;
		}
		if ((e = strchr(q, '>')) == NULL)
			return (0);
		x->p = e + 1;
		if (q[1] == '?' || q[1] == '!')
			continue;
		*closing = q[1] == '/';
		q += 1 + *closing;
		for (n = 0; q + n < e && q[n] != ' ' && q[n] != '/' && n + 1 < size; n++)
			name[n] = q[n];
		name[n] = '\0';
		return (1);
	}
}

/* Reads up to max numbers of the text after the current tag; returns how many. */
static int
xml_numbers(struct xml *x, double *v, int max)
{
	char *end;
	int n = 0;

	while (n < max) {
		while (*x->p == ' ' || *x->p == '\n' || *x->p == '\r' || *x->p == '\t')
			x->p++;
		if (*x->p == '<' || *x->p == '\0')
			break;
		v[n] = strtod_l(x->p, &end, x->c);
		if (end == x->p)
			break;
		x->p = end;
		n++;
	}
	return (n);
}

/* Makes room for one more element in an array of n; returns the array. */
static void *
grow(void *v, int *cap, int n, size_t size)
{
	if (n < *cap)
		return (v);
	*cap = *cap == 0 ? 64 : *cap * 2;
	return (xreallocarray(v, (size_t)*cap, size));
}

/* A whole number in [lo, hi]: cascade files can come from any configuration. */
static int
whole(double v, long lo, long hi, int *out)
{
	if (!isfinite(v) || v != floor(v) || v < lo || v > hi)
		return (-1);
	*out = (int)v;
	return (0);
}

/*
 * Reads the cascade; on a bad element returns -1 with *what naming it
 * (untranslated: the names are those of the XML file).
 */
static int
cascade_parse(struct cascade *c, struct xml *x, char **what)
{
	char name[32];
	double v[8];
	int closing, in_rects = 0, n, i, scap = 0, tcap = 0, ncap = 0, lcap = 0,
	    fcap = 0;
	struct tree *t;
	struct node *nd;

	while (xml_tag(x, name, sizeof name, &closing)) {
		if (strcmp(name, "rects") == 0)
			in_rects = !closing;
		if (closing)
			continue;
		if (strcmp(name, "featureType") == 0 && strncmp(x->p, "HAAR", 4) != 0) {
			*what = xstrdup("featureType (only HAAR is supported)");
			return (-1);
		}
		if ((strcmp(name, "width") == 0 || strcmp(name, "height") == 0) &&
		    c->w == 0 && xml_numbers(x, v, 1) == 1) {
			if (whole(v[0], 3, 100, name[0] == 'w' ? &c->w : &c->h) != 0) {
				*what = xasprintf("%s %g (3 to 100)", name, v[0]);
				return (-1);
			}
		}
		if (strcmp(name, "stageThreshold") == 0 && xml_numbers(x, v, 1) == 1) {
			if (!isfinite(v[0])) {
				*what = xasprintf("stageThreshold of stage %d", c->nstages);
				return (-1);
			}
			c->stages = grow(c->stages, &scap, c->nstages, sizeof *c->stages);
			c->stages[c->nstages].threshold = (float)(v[0] - 1e-5);
			c->stages[c->nstages].tree0 = c->ntrees;
			c->stages[c->nstages++].ntrees = 0;
		}
		if (strcmp(name, "internalNodes") == 0 && c->nstages > 0) {
			c->trees = grow(c->trees, &tcap, c->ntrees, sizeof *c->trees);
			t = &c->trees[c->ntrees++];
			t->node0 = c->nnodes;
			t->leaf0 = c->nleaves;
			t->nnodes = t->nleaves = 0;
			c->stages[c->nstages - 1].ntrees++;
			while ((n = xml_numbers(x, v, 4)) == 4) {
				c->nodes = grow(c->nodes, &ncap, c->nnodes, sizeof *c->nodes);
				nd = &c->nodes[c->nnodes++];
				if (whole(v[0], -1000000, 1000000, &nd->left) != 0 ||
				    whole(v[1], -1000000, 1000000, &nd->right) != 0 ||
				    whole(v[2], 0, 1000000, &nd->feature) != 0 ||
				    !isfinite(v[3])) {
					*what = xasprintf("internalNodes of tree %d, node %d",
					    c->ntrees - 1, t->nnodes);
					return (-1);
				}
				nd->threshold = (float)v[3];
				t->nnodes++;
			}
			if (n != 0) {
				*what = xasprintf("internalNodes of tree %d: not groups "
				    "of four numbers", c->ntrees - 1);
				return (-1);
			}
		}
		if (strcmp(name, "leafValues") == 0 && c->ntrees > 0) {
			while (xml_numbers(x, v, 1) == 1) {
				if (!isfinite(v[0])) {
					*what = xasprintf("leafValues of tree %d", c->ntrees - 1);
					return (-1);
				}
				c->leaves = grow(c->leaves, &lcap, c->nleaves, sizeof *c->leaves);
				c->leaves[c->nleaves++] = (float)v[0];
				c->trees[c->ntrees - 1].nleaves++;
			}
		}
		if (strcmp(name, "rects") == 0) {
			c->features = grow(c->features, &fcap, c->nfeatures, sizeof *c->features);
			c->features[c->nfeatures].tilted = 0;
			c->features[c->nfeatures++].nrect = 0;
		}
		if (strcmp(name, "_") == 0 && in_rects && c->nfeatures > 0) {
			struct feature *f = &c->features[c->nfeatures - 1];
			struct rect *r = &f->r[f->nrect];

			if (f->nrect == 3 || xml_numbers(x, v, 5) != 5 ||
			    whole(v[0], 0, 100, &r->x) != 0 ||
			    whole(v[1], 0, 100, &r->y) != 0 ||
			    whole(v[2], 0, 100, &r->w) != 0 ||
			    whole(v[3], 0, 100, &r->h) != 0 || !isfinite(v[4])) {
				*what = xasprintf("rects of feature %d, rectangle %d",
				    c->nfeatures - 1, f->nrect);
				return (-1);
			}
			r->weight = (float)v[4];
			f->nrect++;
		}
		if (strcmp(name, "tilted") == 0 && xml_numbers(x, v, 1) == 1 &&
		    v[0] != 0 && c->nfeatures > 0) {
			c->features[c->nfeatures - 1].tilted = 1;
			c->tilted = 1;
		}
	}
	for (i = 0; i < c->nfeatures; i++)
		if (c->features[i].nrect < 2) {
			*what = xasprintf("rects of feature %d: fewer than two", i);
			return (-1);
		}
	return (cascade_check(c, what));
}

/* A rectangle of feature f lies inside the w x h window, upright or turned. */
static int
rect_inside(const struct rect *r, int tilted, int w, int h)
{
	long x = r->x, y = r->y, rw = r->w, rh = r->h;

	if (tilted)
		return (x - rh >= 0 && x + rw <= w && y + rw + rh <= h);
	return (x + rw <= w && y + rh <= h);
}

/* Every index the evaluator follows must stay inside its array. */
static int
cascade_check(const struct cascade *c, char **what)
{
	const struct tree *t;
	const struct node *nd;
	int i, j;

	if (c->w < 3 || c->h < 3 || c->nstages == 0 || c->nfeatures == 0) {
		*what = xstrdup(c->nstages == 0 ? "stages (none)" :
		    c->nfeatures == 0 ? "features (none)" : "width and height");
		return (-1);
	}
	for (i = 0; i < c->ntrees; i++) {
		t = &c->trees[i];
		if (t->nnodes == 0 || t->nleaves != t->nnodes + 1) {
			*what = xasprintf("tree %d: %d nodes and %d leaf values",
			    i, t->nnodes, t->nleaves);
			return (-1);
		}
		for (j = 0; j < t->nnodes; j++) {
			nd = &c->nodes[t->node0 + j];
			/* > 0: a later node of this tree; <= 0: leaf -value. */
			if (nd->feature >= c->nfeatures ||
			    nd->left >= t->nnodes || nd->right >= t->nnodes ||
			    -(long)nd->left >= t->nleaves || -(long)nd->right >= t->nleaves ||
			    (nd->left > 0 && nd->left <= j) ||
			    (nd->right > 0 && nd->right <= j)) {
				*what = xasprintf("internalNodes of tree %d, node %d: "
				    "index out of range", i, j);
				return (-1);
			}
		}
	}
	for (i = 0; i < c->nfeatures; i++)
		for (j = 0; j < c->features[i].nrect; j++)
			if (!rect_inside(&c->features[i].r[j], c->features[i].tilted,
			    c->w, c->h)) {
				*what = xasprintf("rects of feature %d, rectangle %d: "
				    "outside the %dx%d window", i, j, c->w, c->h);
				return (-1);
			}
	return (0);
}

static struct cascade *
cascade_load(const char *dir, const char *file, char **cause)
{
	struct cascade *c;
	struct xml x;
	char *path, *data, *why = NULL;
	size_t len;
	int rc;

	path = xasprintf("%s/%s", dir, file);
	if (fs_read_file(path, CASCADE_MAX_BYTES, &data, &len, &why) != 0) {
		*cause = xasprintf(_("the face detector cannot read %s (%s): "
		    "install the Debian package opencv-data, or set cascade_dir "
		    "in the [photo] section of the configuration"), path, why);
		free(why);
		free(path);
		return (NULL);
	}
	c = xcalloc(1, sizeof *c);
	x.p = data;
	if ((x.c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0)) == (locale_t)0)
		fatal("newlocale failed");
	rc = cascade_parse(c, &x, &why);
	freelocale(x.c);
	free(data);
	if (rc != 0) {
		*cause = xasprintf(_("%s is not a Haar cascade the face detector "
		    "can use (bad %s): reinstall the Debian package opencv-data"),
		    path, why);
		free(why);
		cascade_free(c);
		c = NULL;
	}
	free(path);
	return (c);
}

static void
cascade_free(struct cascade *c)
{
	if (c == NULL)
		return;
	free(c->stages);
	free(c->trees);
	free(c->nodes);
	free(c->leaves);
	free(c->features);
	free(c);
}

int
cascade_try(const char *dir, const char *file, char **cause)
{
	struct cascade *c;

	if ((c = cascade_load(dir, file, cause)) == NULL)
		return (-1);
	cascade_free(c);
	return (0);
}

int
detector_load(struct detector *d, const char *dir, char **cause)
{
	memset(d, 0, sizeof *d);
	d->dir = xstrdup(dir != NULL && *dir != '\0' ? dir : CASCADE_DIR);
	if ((d->alt2 = cascade_load(d->dir, "haarcascade_frontalface_alt2.xml",
	    cause)) == NULL ||
	    (d->eye = cascade_load(d->dir, "haarcascade_eye.xml", cause)) == NULL) {
		detector_free(d);
		return (-1);
	}
	return (0);
}

void
detector_free(struct detector *d)
{
	cascade_free(d->alt2);
	cascade_free(d->deflt);
	cascade_free(d->eye);
	cascade_free(d->glasses);
	free(d->dir);
	memset(d, 0, sizeof *d);
}

/*
 * The 45-degree integral of OpenCV (Lienhart's rotated sum): tilt at (X, Y)
 * is the sum of the pixels (x, y) with y < Y and |x - X + 1| <= Y - 1 - y,
 * the triangle whose apex is the pixel (X - 1, Y - 1).  The triangles of
 * apexes outside the image still cover pixels inside it, so rows are built
 * over a band H + 1 wider on each side.
 */
static void
tilt_build(struct scan *s, const struct grey *g)
{
	int pad = g->h + 1, ew = g->w + 2 * pad, x, y;
	int32_t *tri = xcalloc((size_t)ew * (g->h + 1), sizeof *tri), *row, *up, *up2;

	/* tri row b + 1 holds the triangles of apex row b; row 0 is empty. */
	for (y = 0; y < g->h; y++) {
		row = tri + (size_t)(y + 1) * ew;
		up = tri + (size_t)y * ew;
		up2 = y > 0 ? tri + (size_t)(y - 1) * ew : NULL;
		for (x = 1; x < ew - 1; x++) {
			int a = x - pad, v = 0;

			if (a >= 0 && a < g->w) {
				v = g->px[(size_t)y * g->w + a];
				if (y > 0)
					v += g->px[(size_t)(y - 1) * g->w + a];
			}
			row[x] = up[x - 1] + up[x + 1] - (up2 != NULL ? up2[x] : 0) + v;
		}
	}
	s->tilt = xcalloc((size_t)s->stride * (g->h + 1), sizeof *s->tilt);
	for (y = 1; y <= g->h; y++)
		for (x = 0; x <= g->w; x++)
			s->tilt[(size_t)y * s->stride + x] = tri[(size_t)y * ew + x - 1 + pad];
	free(tri);
}

static void
probe_build(struct probe *pr, const struct node *nd, const struct feature *ft,
    const struct scan *s)
{
	const struct rect *r;
	int j, st = s->stride, *o;

	pr->threshold = nd->threshold;
	pr->next[0] = nd->left;
	pr->next[1] = nd->right;
	pr->nrect = ft->nrect;
	pr->integral = ft->tilted ? s->tilt : s->sum;
	for (j = 0; j < ft->nrect; j++) {
		o = &pr->ofs[j * 4];
		r = &ft->r[j];
		pr->weight[j] = r->weight;
		if (ft->tilted) {
			/* (x, y), (x - h, y + h), (x + w, y + w), (x + w - h, y + w + h) */
			o[0] = r->y * st + r->x;
			o[1] = (r->y + r->h) * st + r->x - r->h;
			o[2] = (r->y + r->w) * st + r->x + r->w;
			o[3] = (r->y + r->w + r->h) * st + r->x + r->w - r->h;
			continue;
		}
		o[0] = r->y * st + r->x;
		o[1] = r->y * st + r->x + r->w;
		o[2] = (r->y + r->h) * st + r->x;
		o[3] = (r->y + r->h) * st + r->x + r->w;
	}
}

/* Integral images for a w x h level, filled by scan_row as its rows are made. */
static void
scan_begin(struct scan *s, int w, int h)
{
	s->w = w;
	s->h = h;
	s->stride = w + 1;
	s->sum = xcalloc((size_t)s->stride * (h + 1), sizeof *s->sum);
	s->sq = xcalloc((size_t)s->stride * (h + 1), sizeof *s->sq);
	s->tilt = NULL;
	s->probe = NULL;
}

/* Row y + 1 of the integrals, from row y of g. */
static void
scan_row(struct scan *s, const struct grey *g, int y)
{
	int x, st = s->stride;
	int32_t rs = 0;
	int64_t rq = 0;

	for (x = 0; x < g->w; x++) {
		int v = g->px[(size_t)y * g->w + x];

		rs += v;
		rq += v * v;
		s->sum[(size_t)(y + 1) * st + x + 1] = s->sum[(size_t)y * st + x + 1] + rs;
		s->sq[(size_t)(y + 1) * st + x + 1] = s->sq[(size_t)y * st + x + 1] + rq;
	}
}

/* What the windows read of each node; a tilted cascade needs all of g first. */
static void
scan_probes(struct scan *s, const struct grey *g, const struct cascade *c)
{
	int i;

	if (c->tilted)
		tilt_build(s, g);
	s->probe = xcalloc((size_t)c->nnodes, sizeof *s->probe);
	for (i = 0; i < c->nnodes; i++)
		probe_build(&s->probe[i], &c->nodes[i], &c->features[c->nodes[i].feature], s);
}

static void
scan_free(struct scan *s)
{
	free(s->sum);
	free(s->sq);
	free(s->tilt);
	free(s->probe);
	memset(s, 0, sizeof *s);
}

#define RECTSUM(a, o, b) ((a)[(b) + (o)[0]] - (a)[(b) + (o)[1]] - \
	(a)[(b) + (o)[2]] + (a)[(b) + (o)[3]])

/*
 * Runs the cascade on the window whose top-left integral offset is base.
 * Returns 1 when every stage passes, 0 when a later stage rejects it and -1
 * when the first stage (or the flatness test) does: the scan then skips ahead.
 */
static int
scan_window(const struct cascade *c, const struct scan *s, int base)
{
	const struct tree *t;
	const struct probe *f;
	int nofs[4], i, k, idx, area;
	double sum, sq, nf, inv, val, acc;

	nofs[0] = s->stride + 1;
	nofs[1] = s->stride + c->w - 1;
	nofs[2] = (c->h - 1) * s->stride + 1;
	nofs[3] = (c->h - 1) * s->stride + c->w - 1;
	area = (c->w - 2) * (c->h - 2);
	sum = RECTSUM(s->sum, nofs, base);
	sq = (double)RECTSUM(s->sq, nofs, base);
	nf = area * sq - sum * sum;
	if (nf <= 0)
		return (-1);
	inv = 1 / sqrt(nf);
	if (area * inv >= 0.1)	/* a near-flat window: no face */
		return (-1);
	for (i = 0; i < c->nstages; i++) {
		acc = 0;
		for (k = 0; k < c->stages[i].ntrees; k++) {
			t = &c->trees[c->stages[i].tree0 + k];
			idx = 0;
			do {
				f = &s->probe[t->node0 + idx];
				/*
				 * A two-rectangle feature's third has weight 0 and
				 * offsets 0 (a sum of 0): adding it costs less than
				 * the branch that would skip it, and changes nothing.
				 */
				val = f->weight[0] * RECTSUM(f->integral, f->ofs, base) +
				    f->weight[1] * RECTSUM(f->integral, f->ofs + 4, base);
				val += f->weight[2] * RECTSUM(f->integral, f->ofs + 8, base);
				/* An index, not a branch: which way a node goes is a coin toss. */
				idx = f->next[!(val * inv < f->threshold)];
			} while (idx > 0);
			acc += c->leaves[t->leaf0 - idx];
		}
		if (acc < c->stages[i].threshold)
			return (i == 0 ? -1 : 0);
	}
	return (1);
}

static void
hits_add(struct hits *h, int x, int y, int w, int hh, int n)
{
	h->v = grow(h->v, &h->cap, h->n, sizeof *h->v);
	h->v[h->n].x = x;
	h->v[h->n].y = y;
	h->v[h->n].w = w;
	h->v[h->n].h = hh;
	h->v[h->n++].n = n;
}

/*
 * One level of the pyramid: the window's size there, the level's size, how
 * much of it is made and scanned, and what it found.
 */
struct level {
	double		 f;
	int		 ww, wh, sw, sh, step;
	struct linear	 map;
	struct grey	 small;
	struct scan	 s;
	int		 made, next_y;	/* rows made; the next window row */
	struct hits	 hits;
};

/*
 * The levels of one search over g.  Rows of g may still be coming in
 * (advance makes and scans what the rows in allow); the levels are then
 * shared among the processors to finish.
 */
struct pyramid {
	const struct cascade	*c;
	const struct grey	*g;
	struct level		*lv;
	int			 n;
	int			 rows;	/* rows of g in, for the threads */
	int			*order;	/* the levels by work left, most first */
};

static void
level_begin(struct level *lv, const struct cascade *c, const struct grey *g)
{
	lv->step = lv->f > 2 ? 1 : 2;
	linear_begin(&lv->map, g->w, g->h, lv->sw, lv->sh);
	grey_alloc(&lv->small, lv->sw, lv->sh);
	scan_begin(&lv->s, lv->sw, lv->sh);
	if (!c->tilted)
		scan_probes(&lv->s, &lv->small, c);
	lv->made = lv->next_y = 0;
	memset(&lv->hits, 0, sizeof lv->hits);
}

static void
level_end(struct level *lv)
{
	if (lv->small.px == NULL)
		return;
	scan_free(&lv->s);
	grey_free(&lv->small);
	linear_end(&lv->map);
}

/* Makes the rows of lv that the first rows of g allow, and scans every window they complete. */
static void
level_advance(struct level *lv, const struct cascade *c, const struct grey *g, int rows)
{
	int x, y, r;

	if (lv->small.px == NULL)
		return;
	while (lv->made < lv->sh && linear_needs(&lv->map, lv->made) <= rows) {
		linear_row(&lv->map, g, &lv->small, lv->made);
		scan_row(&lv->s, &lv->small, lv->made++);
	}
	if (lv->s.probe == NULL) {
		if (lv->made < lv->sh)
			return;
		scan_probes(&lv->s, &lv->small, c);
	}
	for (; (y = lv->next_y) + c->h <= lv->made; lv->next_y += lv->step)
		for (x = 0; x + c->w <= lv->sw; x += lv->step) {
			r = scan_window(c, &lv->s, y * lv->s.stride + x);
			if (r > 0)
				hits_add(&lv->hits, (int)lround(x * lv->f),
				    (int)lround(y * lv->f), lv->ww, lv->wh, 1);
			else if (r < 0)
				x += lv->step;
		}
	if (lv->made == lv->sh)
		level_end(lv);
}

/* The levels OpenCV's scheme scans: the image shrunk by 1.1 each step. */
static void
pyramid_begin(struct pyramid *py, const struct cascade *c, const struct grey *g,
    int minsz, int maxsz)
{
	struct level lv;
	double f;
	int cap = 0;

	memset(py, 0, sizeof *py);
	py->c = c;
	py->g = g;
	for (f = 1;; f *= SCALE_STEP) {
		memset(&lv, 0, sizeof lv);
		lv.f = f;
		lv.ww = (int)lround(c->w * f);
		lv.wh = (int)lround(c->h * f);
		if (lv.ww > maxsz || lv.wh > maxsz)
			break;
		if (lv.ww < minsz || lv.wh < minsz)
			continue;
		lv.sw = (int)lround(g->w / f);
		lv.sh = (int)lround(g->h / f);
		if (lv.sw < c->w + 1 || lv.sh < c->h + 1)
			break;
		level_begin(&lv, c, g);
		py->lv = grow(py->lv, &cap, py->n, sizeof *py->lv);
		py->lv[py->n++] = lv;
	}
}

static void
pyramid_advance(struct pyramid *py, int rows)
{
	int i;

	for (i = 0; i < py->n; i++)
		level_advance(&py->lv[i], py->c, py->g, rows);
}

/* Windows level lv has still to scan. */
static long
level_work(const struct level *lv, const struct cascade *c)
{
	long rows = (lv->sh - c->h - lv->next_y) / lv->step + 1;

	if (lv->small.px == NULL || rows <= 0)
		return (0);
	return (rows * ((lv->sw - c->w) / lv->step + 1));
}

/* The largest jobs first, so the threads end together. */
static void
pyramid_order(struct pyramid *py)
{
	int i, j, t;

	py->order = xreallocarray(NULL, (size_t)py->n + 1, sizeof *py->order);
	for (i = 0; i < py->n; i++)
		py->order[i] = i;
	for (i = 1; i < py->n; i++)
		for (j = i; j > 0 && level_work(&py->lv[py->order[j]], py->c) >
		    level_work(&py->lv[py->order[j - 1]], py->c); j--) {
			t = py->order[j];
			py->order[j] = py->order[j - 1];
			py->order[j - 1] = t;
		}
}

/* Item i of the levels by work left, for parallel_each. */
static void
pyramid_work(void *arg, int i)
{
	struct pyramid *py = arg;

	level_advance(&py->lv[py->order[i]], py->c, py->g, py->rows);
}

/*
 * Finishes every level now that all of g is in, one thread per processor,
 * and gathers the hits in level order: the same result however many scan.
 */
static void
pyramid_end(struct pyramid *py, struct hits *out)
{
	py->rows = py->g->h;
	pyramid_order(py);
	parallel_each(py->n, pyramid_work, py);
	pyramid_gather(py, out);
}

/* The hits of every level, in level order; frees the levels. */
static void
pyramid_gather(struct pyramid *py, struct hits *out)
{
	int i, k;

	memset(out, 0, sizeof *out);
	for (i = 0; i < py->n; i++) {
		for (k = 0; k < py->lv[i].hits.n; k++)
			hits_add(out, py->lv[i].hits.v[k].x, py->lv[i].hits.v[k].y,
			    py->lv[i].hits.v[k].w, py->lv[i].hits.v[k].h, 1);
		free(py->lv[i].hits.v);
		level_end(&py->lv[i]);
	}
	free(py->lv);
	free(py->order);
	memset(py, 0, sizeof *py);
}

static int
similar(const struct hit *a, const struct hit *b)
{
	double d = GROUP_EPS * ((a->w < b->w ? a->w : b->w) +
	    (a->h < b->h ? a->h : b->h)) * 0.5;

	return (abs(a->x - b->x) <= d && abs(a->y - b->y) <= d &&
	    abs(a->x + a->w - b->x - b->w) <= d &&
	    abs(a->y + a->h - b->y - b->h) <= d);
}

/* OpenCV's groupRectangles: average similar boxes, keep those with > min members. */
static void
group(struct hits *h, int min)
{
	int *label, i, j, k, n = h->n, nc = 0, dx, dy;
	struct hit *cls, *a, *b;

	if (n == 0)
		return;
	label = xreallocarray(NULL, (size_t)n, sizeof *label);
	for (i = 0; i < n; i++)
		label[i] = i;
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (label[i] != label[j] && similar(&h->v[i], &h->v[j]))
				for (k = 0, dx = label[j]; k < n; k++)
					if (label[k] == dx)
						label[k] = label[i];
	cls = xcalloc((size_t)n, sizeof *cls);
	for (i = 0; i < n; i++) {
		cls[label[i]].x += h->v[i].x;
		cls[label[i]].y += h->v[i].y;
		cls[label[i]].w += h->v[i].w;
		cls[label[i]].h += h->v[i].h;
		cls[label[i]].n++;
	}
	for (i = 0; i < n; i++) {
		if (cls[i].n == 0)
			continue;
		cls[i].x = (int)lround((double)cls[i].x / cls[i].n);
		cls[i].y = (int)lround((double)cls[i].y / cls[i].n);
		cls[i].w = (int)lround((double)cls[i].w / cls[i].n);
		cls[i].h = (int)lround((double)cls[i].h / cls[i].n);
	}
	for (i = 0; i < n; i++) {
		a = &cls[i];
		if (a->n <= min)
			continue;
		for (j = 0; j < n; j++) {
			b = &cls[j];
			if (j == i || b->n <= min)
				continue;
			dx = (int)lround(b->w * GROUP_EPS);
			dy = (int)lround(b->h * GROUP_EPS);
			if (a->x >= b->x - dx && a->y >= b->y - dy &&
			    a->x + a->w <= b->x + b->w + dx &&
			    a->y + a->h <= b->y + b->h + dy &&
			    (b->n > (a->n > 3 ? a->n : 3) || a->n < 3))
				break;
		}
		if (j == n)
			h->v[nc++] = *a;
	}
	h->n = nc;
	free(cls);
	free(label);
}

static void
detect(const struct cascade *c, const struct grey *g, int minsz, int maxsz,
    int neighbours, struct hits *out)
{
	struct pyramid py;

	pyramid_begin(&py, c, g, minsz, maxsz);
	pyramid_end(&py, out);
	group(out, neighbours);
}

/*
 * The best eye box on each side of the face found by cascade c in roi
 * (the top of the face box, at 1/k of its pixels); 1 when both are found.
 */
static int
eyes_with(const struct cascade *c, const struct grey *roi, double k,
    const struct face *fc, int w, struct hit best[2])
{
	struct hits h;
	double cx, cy;
	int i, side, found[2] = { 0, 0 };

	detect(c, roi, roi->w / 8, roi->w / 3, EYE_NEIGHBOURS, &h);
	for (i = 0; i < h.n; i++) {
		cx = (h.v[i].x + h.v[i].w / 2.0) * k;
		cy = (h.v[i].y + h.v[i].h / 2.0) * k;
		if (cy < fc->h * 0.2 || cy > fc->h * 0.55)
			continue;
		side = cx < w / 2.0 ? 0 : 1;
		if (!found[side] || h.v[i].n > best[side].n) {
			best[side] = h.v[i];
			found[side] = 1;
		}
	}
	free(h.v);
	return (found[0] && found[1]);
}

/*
 * Eye centres from the eye cascade in the upper 60 % of the face box; eyes
 * behind glasses, which that cascade often misses, from the eyeglasses one.
 */
static void
find_eyes(struct detector *d, const struct grey *g, struct face *fc)
{
	struct grey full, roi;
	struct hit best[2];
	int x0, y0, w, hh, y, ok;
	double k;
	char *cause = NULL;

	x0 = (int)fc->x < 0 ? 0 : (int)fc->x;
	y0 = (int)fc->y < 0 ? 0 : (int)fc->y;
	w = (int)fc->w;
	hh = (int)(fc->h * 0.6);
	if (x0 + w > g->w)
		w = g->w - x0;
	if (y0 + hh > g->h)
		hh = g->h - y0;
	eye_guess(fc);
	if (w < 40 || hh < 24)
		return;
	grey_alloc(&full, w, hh);
	for (y = 0; y < hh; y++)
		memcpy(full.px + (size_t)y * w, g->px + (size_t)(y0 + y) * g->w + x0,
		    (size_t)w);
	/* Eyes need no more than EYE_FACE pixels of face width to be found. */
	k = w > EYE_FACE ? (double)w / EYE_FACE : 1;
	grey_resize(&full, (int)lround(w / k), (int)lround(hh / k), &roi);
	grey_free(&full);
	ok = eyes_with(d->eye, &roi, k, fc, w, best);
	if (!ok && !d->glasses_tried) {
		d->glasses_tried = 1;
		d->glasses = cascade_load(d->dir,
		    "haarcascade_eye_tree_eyeglasses.xml", &cause);
		free(cause);
	}
	if (!ok && d->glasses != NULL && (ok = eyes_with(d->glasses, &roi, k,
	    fc, w, best)))
		fc->eyes_how = "eyeglasses";
	if (ok) {
		fc->eyes_found = 1;
		fc->lx = x0 + (best[0].x + best[0].w / 2.0) * k;
		fc->ly = y0 + (best[0].y + best[0].h / 2.0) * k;
		fc->rx = x0 + (best[1].x + best[1].w / 2.0) * k;
		fc->ry = y0 + (best[1].y + best[1].h / 2.0) * k;
	}
	grey_free(&roi);
}

/* Where the eyes usually sit in a frontal-face box (London Set calibration). */
static void
eye_guess(struct face *fc)
{
	double ied = fc->w / 2.6;

	fc->eyes_found = 0;
	fc->ly = fc->ry = fc->y + 0.388 * fc->w;
	fc->lx = fc->x + fc->w / 2 - ied / 2;
	fc->rx = fc->x + fc->w / 2 + ied / 2;
}

/*
 * Runs one cascade on g; fills out (largest first, small extras dropped),
 * with each face's eyes when eyes is set.
 */
static int
faces_from(struct detector *d, const struct grey *g, struct cascade *c, int eyes,
    struct faces *out)
{
	struct hits h;
	int minsz, maxsz;

	face_sizes(d, g, &minsz, &maxsz);
	detect(c, g, minsz, maxsz, FACE_NEIGHBOURS, &h);
	return (faces_from_hits(d, g, &h, eyes, out));
}

/* The smallest and largest face searched for in g. */
static void
face_sizes(const struct detector *d, const struct grey *g, int *minsz, int *maxsz)
{
	int side = g->w < g->h ? g->w : g->h;
	double share = d->min_share > 0 ? d->min_share : 0.2;

	*minsz = (int)(side * share);
	*maxsz = side;
}

/*
 * The faces of the grouped hits h (freed here), largest first, with their
 * eyes found when eyes is set, else placed where eyes usually are.
 */
static int
faces_from_hits(struct detector *d, const struct grey *g, struct hits *hp, int eyes,
    struct faces *out)
{
	struct hits h = *hp;
	struct hit t;
	int i, j, big;

	for (i = 1; i < h.n; i++)	/* largest first */
		for (j = i; j > 0 && h.v[j].w * h.v[j].h > h.v[j - 1].w * h.v[j - 1].h; j--) {
			t = h.v[j];
			h.v[j] = h.v[j - 1];
			h.v[j - 1] = t;
		}
	out->v = xcalloc((size_t)h.n + 1, sizeof *out->v);
	out->n = 0;
	big = h.n > 0 ? h.v[0].w * h.v[0].h : 0;
	for (i = 0; i < h.n; i++) {
		if (h.v[i].w * h.v[i].h < SECOND_FACE_AREA * big)
			continue;
		out->v[out->n].x = h.v[i].x;
		out->v[out->n].y = h.v[i].y;
		out->v[out->n].w = h.v[i].w;
		out->v[out->n].h = h.v[i].h;
		out->v[out->n].neighbours = h.v[i].n;
		if (eyes)
			find_eyes(d, g, &out->v[out->n]);
		else
			eye_guess(&out->v[out->n]);
		out->n++;
	}
	free(h.v);
	return (out->n);
}

/* Maps a point of g turned by deg back into g's own frame. */
static void
unrotate(const struct grey *g, double deg, double *x, double *y)
{
	double a = deg * M_PI / 180, cx = (g->w - 1) / 2.0, cy = (g->h - 1) / 2.0;
	double dx = *x - cx, dy = *y - cy;

	*x = cos(a) * dx - sin(a) * dy + cx;
	*y = sin(a) * dx + cos(a) * dy + cy;
}

/* A rolled head: turn the image both ways and keep the view with the best face. */
static int
try_rotated(struct detector *d, const struct grey *g, struct faces *out)
{
	static const double angles[] = { ROLL_TRY, -ROLL_TRY };
	struct faces f;
	struct grey r;
	struct face *fc;
	double cx, cy;
	size_t i;
	int k;

	for (i = 0; i < nitems(angles); i++) {
		grey_rotate(g, angles[i], &r);
		if (faces_from(d, &r, d->alt2, 1, &f) == 0 && d->deflt != NULL) {
			free(f.v);
			faces_from(d, &r, d->deflt, 1, &f);
		}
		/* A turned view breeds false faces: trust it only with both eyes. */
		if (f.n > 0 && f.v[0].eyes_found &&
		    (out->n == 0 || !out->v[0].eyes_found)) {
			for (k = 0; k < f.n; k++) {
				fc = &f.v[k];
				cx = fc->x + fc->w / 2;
				cy = fc->y + fc->h / 2;
				unrotate(&r, angles[i], &cx, &cy);
				fc->x = cx - fc->w / 2;
				fc->y = cy - fc->h / 2;
				unrotate(&r, angles[i], &fc->lx, &fc->ly);
				unrotate(&r, angles[i], &fc->rx, &fc->ry);
				fc->angle = angles[i];
			}
			faces_free(out);
			*out = f;
			out->how = "rotated";
		} else
			free(f.v);
		grey_free(&r);
	}
	return (out->n);
}

static void
faces_scale(struct faces *f, double s)
{
	int i;

	for (i = 0; i < f->n; i++) {
		f->v[i].x *= s;
		f->v[i].y *= s;
		f->v[i].w *= s;
		f->v[i].h *= s;
		f->v[i].lx *= s;
		f->v[i].ly *= s;
		f->v[i].rx *= s;
		f->v[i].ry *= s;
	}
}

/*
 * A search for faces in a photo whose rows may still be coming in: the
 * photo at DETECT_SIDE and the frontal-face pyramid over it are made as
 * rows arrive, so a decoder and the search can run side by side.
 */
struct face_search {
	struct detector	*d;
	double		 s;	/* photo pixels per search pixel */
	int		 tiny;	/* no room for a face */
	int		 in;	/* photo rows taken */
	uint8_t		*row;	/* one photo row's luma */
	struct grey	 g;
	struct area	 area;
	struct pyramid	 py;
};

struct face_search *
face_search_begin(struct detector *d, int w, int h)
{
	struct face_search *fs = xcalloc(1, sizeof *fs);
	int big = w > h ? w : h, minsz, maxsz;

	fs->d = d;
	fs->s = big > DETECT_SIDE ? (double)big / DETECT_SIDE : 1;
	/* A sliver of a photo has no room for a face (and would shrink to nothing). */
	if (lround(w / fs->s) < d->alt2->w || lround(h / fs->s) < d->alt2->h) {
		fs->tiny = 1;
		return (fs);
	}
	fs->row = xmalloc((size_t)w);
	grey_alloc(&fs->g, (int)lround(w / fs->s), (int)lround(h / fs->s));
	area_begin(&fs->area, w, h, 1, fs->g.px, fs->g.w, fs->g.h);
	face_sizes(d, &fs->g, &minsz, &maxsz);
	pyramid_begin(&fs->py, d->alt2, &fs->g, minsz, maxsz);
	return (fs);
}

void
face_search_rows(struct face_search *fs, const struct image *im, int rows)
{
	int made = fs->area.out;

	if (fs->tiny)
		return;
	for (; fs->in < rows && fs->in < im->h; fs->in++) {
		grey_row(im->px + (size_t)fs->in * im->w * 3, im->w, fs->row);
		made = area_push(&fs->area, fs->row);
	}
	pyramid_advance(&fs->py, made);
}

int
face_search_end(struct face_search *fs, const struct image *im, struct faces *out)
{
	struct detector *d = fs->d;
	struct hits h;
	char *cause = NULL;

	memset(out, 0, sizeof *out);
	out->how = "none";
	if (fs->tiny) {
		free(fs);
		return (0);
	}
	face_search_rows(fs, im, im->h);
	area_end(&fs->area);
	free(fs->row);
	pyramid_end(&fs->py, &h);
	group(&h, FACE_NEIGHBOURS);
	out->how = "alt2";
	if (faces_from_hits(d, &fs->g, &h, !d->eyes_apart, out) == 0) {
		faces_free(out);	/* out->v is freed once, whatever follows */
		if (!d->deflt_tried) {
			d->deflt_tried = 1;
			d->deflt = cascade_load(d->dir,
			    "haarcascade_frontalface_default.xml", &cause);
			free(cause);
		}
		grey_equalize(&fs->g);
		out->how = "default";
		if (d->deflt == NULL || faces_from(d, &fs->g, d->deflt, !d->eyes_apart,
		    out) == 0) {
			faces_free(out);
			out->how = "none";
		}
	}
	/* Eyes left to face_eyes are looked for in turned views by face_turned. */
	if (out->n == 0 || (!d->eyes_apart && !out->v[0].eyes_found))
		try_rotated(d, &fs->g, out);
	faces_scale(out, fs->s);
	grey_free(&fs->g);
	free(fs);
	return (out->n);
}

void
face_search_free(struct face_search *fs)
{
	struct hits h;

	if (fs == NULL)
		return;
	if (!fs->tiny) {
		area_end(&fs->area);
		free(fs->row);
		pyramid_gather(&fs->py, &h);
		free(h.v);
		grey_free(&fs->g);
	}
	free(fs);
}

int
face_detect(struct detector *d, const struct image *im, struct faces *out)
{
	return (face_search_end(face_search_begin(d, im->w, im->h), im, out));
}

void
face_eyes(struct detector *d, const struct image *im, struct face *fc)
{
	struct face local = *fc;
	struct grey top;
	int x0 = fc->x < 0 ? 0 : (int)fc->x, y0 = fc->y < 0 ? 0 : (int)fc->y;
	int x1 = (int)ceil(fc->x + fc->w), y1 = (int)ceil(fc->y + 0.6 * fc->h) + 1, y;

	/* The top of the face's box, where find_eyes looks: a grey image of its own. */
	x1 = x1 > im->w ? im->w : x1;
	y1 = y1 > im->h ? im->h : y1;
	if (x1 - x0 < 1 || y1 - y0 < 1) {
		eye_guess(fc);
		return;
	}
	grey_alloc(&top, x1 - x0, y1 - y0);
	for (y = y0; y < y1; y++)
		grey_row(im->px + ((size_t)y * im->w + x0) * 3, top.w,
		    top.px + (size_t)(y - y0) * top.w);
	local.x -= x0;
	local.y -= y0;
	find_eyes(d, &top, &local);
	grey_free(&top);
	fc->eyes_found = local.eyes_found;
	fc->eyes_how = local.eyes_how;
	fc->lx = local.lx + x0;
	fc->ly = local.ly + y0;
	fc->rx = local.rx + x0;
	fc->ry = local.ry + y0;
}

int
face_turned(struct detector *d, const struct image *im, struct faces *out)
{
	struct grey g, small;
	int big = im->w > im->h ? im->w : im->h;
	double s = big > DETECT_SIDE ? (double)big / DETECT_SIDE : 1;

	memset(out, 0, sizeof *out);
	out->how = "none";
	grey_from_image(im, &g);
	grey_resize(&g, (int)lround(im->w / s), (int)lround(im->h / s), &small);
	grey_free(&g);
	if (small.w >= d->alt2->w && small.h >= d->alt2->h)
		try_rotated(d, &small, out);
	grey_free(&small);
	faces_scale(out, s);
	return (out->n);
}

void
faces_free(struct faces *f)
{
	free(f->v);
	memset(f, 0, sizeof *f);
}
