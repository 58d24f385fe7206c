/* photo-scene.c -- measure a portrait: face, eyes, crown, chin, background. */
#include "lib/system.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lib/config.h"
#include "lib/parallel.h"
#include "photo/check.h"
#include "photo/mesh.h"
#include "photo/segment.h"
#include "lib/xmalloc.h"

/*
 * Head geometry from the inter-eye distance (IED), measured on the 102
 * portraits of the London Set: eye line to chin 1.83, crown to eye line 1.68
 * (p5-p95 1.48-1.91), face width at the ear roots 2.19.
 */
#define CHIN_IED	1.83
#define CROWN_IED	1.68
#define FACE_IED	2.19
/* FaceMesh looks at a square this many times the detector's box. */
#define MESH_BOX	1.5
/* The outer corners of the eyes lie within this many eye distances of their midpoint. */
#define EYE_OUTSIDE	0.85
/* Where the scene is segmented, an ear is a pixel at least this surely the person. */
#define EAR_SHARE	0.15f
/*
 * An ear (where PHOTO_EAR_DOWN and _OUT say, scene.h) is redder and more
 * shaded than the cheeks the skin's colour is taken from: its hue may
 * differ by EAR_CHROMA, its luma fall to EAR_SHADE of theirs.
 */
#define EAR_CHROMA	0.05
#define EAR_SHADE	0.40
/*
 * The forehead above the brows: FOREHEAD_BOTTOM to _TOP eye distances over
 * the eyes, FOREHEAD_HALF to each side (its skin judged as an ear's).
 */
#define FOREHEAD_BOTTOM	0.45
#define FOREHEAD_TOP	0.7
#define FOREHEAD_HALF	0.45
/*
 * Below the eye line, what the segmentation network calls backdrop with
 * certainty (its map under BELOW_SURE) is unlike the backdrop around the
 * head where its hue differs by BELOW_HUE, or its luma is under BELOW_SHADE
 * of the backdrop's (or over its inverse) and BELOW_DARK away from it: a
 * field under a sky, a floor or furniture under a wall, not the wall's own
 * shading.
 */
#define BELOW_SURE	0.05f
#define BELOW_HUE	0.04
#define BELOW_SHADE	0.6
#define BELOW_DARK	40
/* A row's backdrop is plain within this standard deviation (a sky, a wall). */
#define ROW_PLAIN	8
/* Photos narrower than this, or longer than SLIVER_RATIO times their width, hold no face. */
#define SLIVER_SIDE	24
#define SLIVER_RATIO	4
/* Rows (eye distances below the eye line) where the cheek edges are read. */
#define EDGE_ROW0	0.95
#define EDGE_ROW1	1.1
/*
 * Ear-root width over the cheek width on those rows: 2.19 over the median
 * 1.80 of the frontal London portraits; cheek widths outside 1.45-2.2 eye
 * distances are not believed (the edge is hair, a hand, the backdrop).
 */
#define EDGE_TO_EARS	1.22
#define EDGE_MIN	1.45
#define EDGE_MAX	2.2

static const uint8_t *px_at(const struct image *, int, int);
static void	corner_colour(struct photo_scene *);
static int	differs(const uint8_t *, const double *, double);
static void	find_crown(struct photo_scene *);
static int	is_background_spot(const struct photo_scene *, int, int);
static int	cell_beside(const struct photo_scene *, int, int, int);
static int	near_head(const unsigned char *, int, int, int, int);
static void	mark_fringe(unsigned char *, int, int);
static void	background_stats(struct photo_scene *);
static void	border_stats(struct photo_scene *);
static struct detector *scene_detector(const char *, char **);
static int	shrink_factor(int, int, int);
static void	shrink(struct image *, int);
struct follow;
static void	follow_stop(struct follow *);
static void	skin_colour(struct photo_scene *);
static int	cheek_edge(const struct photo_scene *, int, int);
static double	median(double *, int);
static void	find_face_width(struct photo_scene *);
static int	head_side(const struct photo_scene *, int, int, double);
static void	find_head_width(struct photo_scene *);
static void	measure_mesh(struct photo_scene *);
static void	network_failed(struct photo_scene *, char *);

/*
 * The cascades are parsed once and kept for the life of the process: a fix
 * checks its own output again, and the wizard checks, then fixes.
 */
static struct detector	 detector;

static const uint8_t *
px_at(const struct image *im, int x, int y)
{
	return (im->px + ((size_t)y * im->w + x) * 3);
}

/* The background colour: per-channel median of the two top corners. */
static void
corner_colour(struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	int bw = im->w * 15 / 100 + 1, bh = im->h * 8 / 100 + 1, x, y, c, v;
	size_t hist[3][256], n = 0, cum;
	double m2 = 0, m = 0, l;

	memset(hist, 0, sizeof hist);
	for (y = 0; y < bh; y++) {
		for (x = 0; x < im->w; x++) {
			if (x == bw)
				x = im->w - bw;
			for (c = 0; c < 3; c++)
				hist[c][px_at(im, x, y)[c]]++;
			l = px_at(im, x, y)[1];
			m += l;
			m2 += l * l;
			n++;
		}
	}
	for (c = 0; c < 3; c++) {
		for (v = 0, cum = 0; v < 256 && (cum += hist[c][v]) < n / 2; v++)
			;
		sc->bg[c] = v;
	}
	m /= n;
	sc->bg_std = sqrt(fmax(0, m2 / n - m * m));
}

static int
differs(const uint8_t *p, const double *bg, double t)
{
	return (fabs(p[0] - bg[0]) > t || fabs(p[1] - bg[1]) > t ||
	    fabs(p[2] - bg[2]) > t);
}

/*
 * Pixel (x, y) is not backdrop: the network says it is the person where the
 * scene was segmented (a backdrop colour cannot tell), else its colour
 * differs from the backdrop's by more than t.
 */
int
photo_scene_person_at(const struct photo_scene *sc, int x, int y, double t)
{
	if (sc->person != NULL)
		return (sc->person[(size_t)y * sc->im.w + x] >= 0.5f);
	return (differs(px_at(&sc->im, x, y), sc->bg, t));
}

/* The backdrop's tolerance: the crown is found with the same. */
static double
backdrop_tolerance(const struct photo_scene *sc)
{
	return (fmax(25, 3 * sc->bg_std));
}

/*
 * The top of the hair: the first of two rows, scanning down above the face,
 * where more than 15 % of the band over the face differs from the
 * background.  Falls back on the eye-based estimate when the answer is not
 * plausible (a busy background).
 */
static void
find_crown(struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	double t = backdrop_tolerance(sc), lo, hi;
	int x0, x1, x, y, n, run = 0;

	x0 = (int)fmax(0, sc->eye_x - 0.8 * sc->ied);
	x1 = (int)fmin(im->w, sc->eye_x + 0.8 * sc->ied);
	sc->crown_measured = 0;
	sc->crown_y = sc->eye_y - CROWN_IED * sc->ied;
	lo = sc->eye_y - 2.8 * sc->ied;
	hi = sc->eye_y - 1.2 * sc->ied;
	if (x1 - x0 < 4)
		return;
	for (y = 0; y < im->h && y < hi; y++) {
		for (n = 0, x = x0; x < x1; x++)
			n += photo_scene_person_at(sc, x, y, t);
		run = n * 100 > (x1 - x0) * 15 ? run + 1 : 0;
		if (run == 2)
			break;
	}
	if (run == 2 && y - 1 >= lo) {
		sc->crown_y = y - 1;
		sc->crown_measured = 1;
	}
}

/*
 * Loose hair shows beside the head within this many cells (an eighth of the
 * eye distance each), against a wall at least this light (luma).
 */
#define FRINGE_CELLS	2
#define FRINGE_WALL	180

/* Above the crown, or beside the head above the ears (which stick out). */
static int
is_background_spot(const struct photo_scene *sc, int x, int y)
{
	double half = 1.4 * sc->ied;

	if (y < sc->crown_y - 0.1 * sc->ied)
		return (1);
	if (y > sc->eye_y - 0.4 * sc->ied)
		return (0);
	return (x < sc->eye_x - half || x > sc->eye_x + half);
}

/*
 * A cell of the backdrop's grid: not sampled (the head), plain, busy and
 * mostly of the backdrop's colour, busy otherwise, or hair's loose ends.
 */
enum cell { CELL_HEAD, CELL_PLAIN, CELL_BUSY_WALL, CELL_BUSY_OTHER, CELL_FRINGE };

/* The cell (cx, cy) of size pixels lies wholly beside or above the head. */
static int
cell_beside(const struct photo_scene *sc, int cx, int cy, int size)
{
	return (is_background_spot(sc, cx, cy) &&
	    is_background_spot(sc, cx + size - 1, cy + size - 1) &&
	    is_background_spot(sc, cx + size - 1, cy) &&
	    is_background_spot(sc, cx, cy + size - 1));
}

/* Cell i of a gw x gh grid lies within d cells of the head. */
static int
near_head(const unsigned char *cell, int gw, int gh, int i, int d)
{
	int x = i % gw, y = i / gw, dx, dy;

	for (dy = -d; dy <= d; dy++)
		for (dx = -d; dx <= d; dx++)
			if (x + dx >= 0 && x + dx < gw && y + dy >= 0 && y + dy < gh &&
			    cell[(y + dy) * gw + x + dx] == CELL_HEAD)
				return (1);
	return (0);
}

/*
 * Busy cells joined to the head through busy cells, all near it, are hair's
 * loose ends (curls, wisps over a light wall), not the backdrop: marked
 * CELL_FRINGE.  Beyond the cells next to the head only those mostly of the
 * wall's colour are (CELL_BUSY_WALL: strands over it, not a thing of other
 * colours).
 */
static void
mark_fringe(unsigned char *cell, int gw, int gh)
{
	int i, k, changed = 1, x, y;

	while (changed)
		for (changed = 0, i = 0; i < gw * gh; i++) {
			if (!(cell[i] == CELL_BUSY_WALL &&
			    near_head(cell, gw, gh, i, FRINGE_CELLS)) &&
			    !(cell[i] == CELL_BUSY_OTHER && near_head(cell, gw, gh, i, 1)))
				continue;
			x = i % gw;
			y = i / gw;
			for (k = 0; k < 4; k++) {
				int nx = x + (k == 0) - (k == 1), ny = y + (k == 2) - (k == 3);

				if (nx < 0 || ny < 0 || nx >= gw || ny >= gh ||
				    (cell[ny * gw + nx] != CELL_HEAD &&
				    cell[ny * gw + nx] != CELL_FRINGE))
					continue;
				cell[i] = CELL_FRINGE;
				changed = 1;
				break;
			}
		}
}

/*
 * Plainness is judged in small cells, so that the gentle fall-off of a
 * studio backdrop counts as plain while objects and patterns do not:
 * bg_spread is the mean luma deviation inside the cells, bg_outliers the
 * share of cells with visible detail.  Hair's loose ends beside the head
 * are the person's, and left out (mark_fringe).
 */
static void
background_stats(struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	double sum[3] = { 0, 0, 0 }, l, cs, cm, dev = 0, *cdev;
	size_t n = 0, cells = 0, busy = 0, k;
	int size = (int)fmax(4, sc->ied / 8), gw = im->w / size, gh = im->h / size;
	int cx, cy, x, y, c, i, wall;
	unsigned char *cell;
	/* Wisps of hair show against a light wall; elsewhere nothing is left out. */
	int light = 0.299 * sc->bg[0] + 0.587 * sc->bg[1] + 0.114 * sc->bg[2] >= FRINGE_WALL;
	double t = backdrop_tolerance(sc);

	if (gw < 1 || gh < 1)
		return;
	cell = xcalloc((size_t)gw * gh, 1);
	cdev = xreallocarray(NULL, (size_t)gw * gh, sizeof *cdev);
	for (i = 0; i < gw * gh; i++) {
		cx = i % gw * size;
		cy = i / gw * size;
		if (!cell_beside(sc, cx, cy, size))
			continue;
		for (cs = cm = 0, k = 0, wall = 0, y = cy; y < cy + size; y++)
			for (x = cx; x < cx + size; x++, k++) {
				l = px_at(im, x, y)[1];
				cm += l;
				cs += l * l;
				wall += !differs(px_at(im, x, y), sc->bg, t);
			}
		cm /= k;
		cdev[i] = sqrt(fmax(0, cs / k - cm * cm));
		cell[i] = cdev[i] <= 8 ? CELL_PLAIN : wall * 2 >= (int)k ?
		    CELL_BUSY_WALL : CELL_BUSY_OTHER;
	}
	if (light)
		mark_fringe(cell, gw, gh);
	for (i = 0; i < gw * gh; i++) {
		if (cell[i] == CELL_HEAD || cell[i] == CELL_FRINGE)
			continue;
		for (y = i / gw * size; y < i / gw * size + size; y++)
			for (x = i % gw * size; x < i % gw * size + size; x++, n++)
				for (c = 0; c < 3; c++)
					sum[c] += px_at(im, x, y)[c];
		dev += cdev[i];
		busy += cell[i] != CELL_PLAIN;
		cells++;
	}
	free(cdev);
	free(cell);
	sc->bg_seen = (int)n;
	if (cells == 0)
		return;
	for (c = 0; c < 3; c++)
		sc->bg_mean[c] = sum[c] / n;
	sc->bg_spread = dev / cells;
	sc->bg_outliers = (double)busy / cells;
}

/* A frame drawn around the photo shows as side columns unlike the backdrop beside them. */
static void
border_stats(struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	double edge = 0, in = 0;
	int y, n = 0, ymax = (int)fmin(im->h, sc->eye_y), k = im->w > 40 ? 8 : 1;

	for (y = 0; y < ymax; y++, n++) {
		edge += px_at(im, 0, y)[1] + px_at(im, im->w - 1, y)[1];
		in += px_at(im, k, y)[1] + px_at(im, im->w - 1 - k, y)[1];
	}
	sc->border = n > 0 ? fabs(edge - in) / (2 * n) : 0;
}

/* The mean colour of both cheeks, below the eyes and beside the nose. */
static void
skin_colour(struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	double sum[3] = { 0, 0, 0 }, dx;
	int x, y, c, n = 0;

	for (y = (int)fmax(0, sc->eye_y + 0.35 * sc->ied);
	    y < fmin(im->h, sc->eye_y + 0.7 * sc->ied); y++)
		for (x = (int)fmax(0, sc->eye_x - 0.5 * sc->ied);
		    x < fmin(im->w, sc->eye_x + 0.5 * sc->ied); x++) {
			dx = fabs(x - sc->eye_x) / sc->ied;
			if (dx < 0.2)
				continue;
			for (c = 0; c < 3; c++)
				sum[c] += px_at(im, x, y)[c];
			n++;
		}
	for (c = 0; c < 3; c++)
		sc->skin[c] = n > 0 ? sum[c] / n : 0;
}

/*
 * 1 when p has the skin's hue and saturation within chroma, and a luma
 * from shade to 1.5 times the cheeks'.
 */
static int
skin_within(const struct photo_scene *sc, const uint8_t *p, double chroma, double shade)
{
	double s = p[0] + p[1] + p[2] + 1, k = sc->skin[0] + sc->skin[1] + sc->skin[2] + 1;
	double dr = p[0] / s - sc->skin[0] / k, dg = p[1] / s - sc->skin[1] / k;
	double l = s / k;

	return (dr * dr + dg * dg < chroma * chroma && l > shade && l < 1.5);
}

int
photo_scene_skin(const struct photo_scene *sc, const uint8_t *p)
{
	return (skin_within(sc, p, 0.03, 0.55));
}

double
photo_scene_forehead_skin(const struct photo_scene *sc)
{
	int x, y, n = 0, skin = 0;

	for (y = (int)fmax(0, sc->eye_y - FOREHEAD_TOP * sc->ied);
	    y < fmin(sc->im.h, sc->eye_y - FOREHEAD_BOTTOM * sc->ied); y++)
		for (x = (int)fmax(0, sc->eye_x - FOREHEAD_HALF * sc->ied);
		    x < fmin(sc->im.w, sc->eye_x + FOREHEAD_HALF * sc->ied); x++, n++)
			skin += skin_within(sc, px_at(&sc->im, x, y), EAR_CHROMA, EAR_SHADE);
	return (n > 0 ? (double)skin / n : -1);
}

double
photo_scene_ear_skin(const struct photo_scene *sc, int dir)
{
	double t = backdrop_tolerance(sc), edge = dir < 0 ? sc->face_l : sc->face_r;
	double x0 = dir < 0 ? edge - PHOTO_EAR_OUT * sc->ied : edge;
	int x, y, person = 0, skin = 0;

	for (y = (int)fmax(0, sc->eye_y);
	    y < fmin(sc->im.h, sc->eye_y + PHOTO_EAR_DOWN * sc->ied); y++)
		for (x = (int)fmax(0, x0); x < fmin(sc->im.w, x0 + PHOTO_EAR_OUT * sc->ied); x++)
			if (photo_scene_person_at(sc, x, y, t)) {
				person++;
				skin += skin_within(sc, px_at(&sc->im, x, y), EAR_CHROMA,
				    EAR_SHADE);
			}
	return (person > 0 ? (double)skin / person : -1);
}

/*
 * Where the cheek ends on row y, walking out from the mouth in direction
 * dir: the first of a run of pixels that are not skin; -1 when none within
 * 1.6 eye distances.
 */
static int
cheek_edge(const struct photo_scene *sc, int y, int dir)
{
	/* Start beyond the corners of the mouth. */
	int x = (int)(sc->eye_x + dir * 0.5 * sc->ied), run = 0;
	int need = (int)fmax(2, 0.05 * sc->ied);
	int stop = (int)(sc->eye_x + dir * 1.6 * sc->ied);

	for (; x >= 0 && x < sc->im.w && x != stop; x += dir) {
		run = photo_scene_skin(sc, px_at(&sc->im, x, y)) ? 0 : run + 1;
		if (run == need)
			return (x - dir * (need - 1));
	}
	return (-1);
}

/* The median of v[0..n-1] (a few rows: insertion sort in place). */
static double
median(double *v, int n)
{
	double t;
	int i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j] < v[j - 1]; j--) {
			t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return (v[n / 2]);
}

/*
 * Face width between the ear roots, measured: the skin edges of the cheeks
 * on the rows just below the ear lobes (the ears themselves are skin too),
 * median over those rows.  Implausible or missing edges (hair over the
 * cheeks, a background of skin colour) leave the estimate from the eyes.
 */
static void
find_face_width(struct photo_scene *sc)
{
	double wl[64], wr[64], t, l2, r2;
	int y, y0, y1, n = 0, l, r;

	sc->face_measured = 0;
	sc->face_w = FACE_IED * sc->ied;
	sc->face_l = sc->eye_x - sc->face_w / 2;
	sc->face_r = sc->eye_x + sc->face_w / 2;
	y0 = (int)(sc->eye_y + EDGE_ROW0 * sc->ied);
	y1 = (int)(sc->eye_y + EDGE_ROW1 * sc->ied);
	for (y = y0; y <= y1 && y < sc->im.h && n < 64; y++) {
		if (y < 0 || (l = cheek_edge(sc, y, -1)) < 0 ||
		    (r = cheek_edge(sc, y, 1)) < 0)
			continue;
		wl[n] = sc->eye_x - l;
		wr[n++] = r - sc->eye_x;
	}
	if (n < (y1 - y0 + 1) / 2 || n == 0)
		return;
	l2 = median(wl, n);
	r2 = median(wr, n);
	t = l2 + r2;
	if (t < EDGE_MIN * sc->ied || t > EDGE_MAX * sc->ied)
		return;
	t *= EDGE_TO_EARS;
	sc->face_l = sc->eye_x - l2 * EDGE_TO_EARS;
	sc->face_r = sc->eye_x + r2 * EDGE_TO_EARS;
	sc->face_w = t;
	sc->face_measured = 1;
}

/*
 * Where the head ends on row y going out from the eyes in direction dir:
 * the first of three backdrop pixels in a row; -1 at the photo's edge.
 */
static int
head_side(const struct photo_scene *sc, int y, int dir, double t)
{
	double edge[3] = { 0, 0, 0 };
	int x, c, run = 0, x0 = dir < 0 ? 0 : sc->im.w - 4;

	/*
	 * A plain backdrop by its colour at the top corners or at this row's
	 * own edge (studio light falls off to the sides); never skin, which
	 * ears are, whatever the wall's colour.
	 */
	for (x = x0; x < x0 + 4; x++)
		for (c = 0; c < 3; c++)
			edge[c] += px_at(&sc->im, x, y)[c] / 4.0;
	/* From beyond the eyes (whose whites may have the backdrop's colour). */
	for (x = (int)(sc->eye_x + dir * EYE_OUTSIDE * sc->ied); x >= 0 && x < sc->im.w;
	    x += dir) {
		/* Ears are thin: the network is seldom sure of them. */
		run = (sc->person != NULL ? sc->person[(size_t)y * sc->im.w + x] >=
		    EAR_SHARE : photo_scene_skin(sc, px_at(&sc->im, x, y)) ||
		    (differs(px_at(&sc->im, x, y), edge, t) &&
		    differs(px_at(&sc->im, x, y), sc->bg, t))) ? 0 : run + 1;
		if (run == 3)
			return (x - 2 * dir);
	}
	return (-1);
}

/*
 * The head's width at the ears (eyes to half an eye distance below), median
 * over those rows: wider than the face between the ear roots where the ears
 * (or hair over them) show.  0 when the backdrop does not tell (neither
 * plain nor segmented) or the head meets the photo's edges.
 */
static void
find_head_width(struct photo_scene *sc)
{
	double w[64], t = backdrop_tolerance(sc);
	int y, n = 0, l, r, y0 = (int)sc->eye_y, y1 = (int)(sc->eye_y + 0.5 * sc->ied);

	sc->head_w = 0;
	if (sc->person == NULL && !photo_scene_plain(sc))
		return;
	for (y = y0; y <= y1 && n < 64; y++) {
		if (y < 0 || y >= sc->im.h || (l = head_side(sc, y, -1, t)) < 0 ||
		    (r = head_side(sc, y, 1, t)) < 0)
			continue;
		w[n++] = r - l + 1;
	}
	if (n > 0 && n >= (y1 - y0 + 1) / 2)
		sc->head_w = median(w, n);
}

/*
 * Everything measured from the eyes of sc->face: where FaceMesh placed the
 * landmarks, the face's outline and chin are its, not colour's or the
 * head's proportions'.
 */
static void
measure_from_eyes(struct photo_scene *sc)
{
	struct face *f = &sc->face;

	sc->eye_x = (f->lx + f->rx) / 2;
	sc->eye_y = (f->ly + f->ry) / 2;
	sc->ied = hypot(f->rx - f->lx, f->ry - f->ly);
	sc->roll = atan2(f->ry - f->ly, f->rx - f->lx) * 180 / M_PI;
	skin_colour(sc);
	if (sc->mesh_measured) {
		sc->face_l = sc->mesh.face_l;
		sc->face_r = sc->mesh.face_r;
		sc->face_w = sc->face_r - sc->face_l;
		sc->face_measured = 1;
		sc->chin_y = sc->mesh.chin_y;
	} else {
		sc->chin_y = sc->eye_y + CHIN_IED * sc->ied;
		find_face_width(sc);
	}
	corner_colour(sc);
	find_crown(sc);
	background_stats(sc);
	border_stats(sc);
	find_head_width(sc);
}

/* What the face's eyes place, on FaceMesh's eyes where it ran. */
static void
measure_from_mesh(struct photo_scene *sc)
{
	struct face *f = &sc->face;

	if (sc->mesh_measured) {
		f->lx = sc->mesh.lx;
		f->ly = sc->mesh.ly;
		f->rx = sc->mesh.rx;
		f->ry = sc->mesh.ry;
	}
	measure_from_eyes(sc);
}

void
photo_scene_measure(struct photo_scene *sc)
{
	sc->mesh_measured = 0;
	if (sc->nfaces == 1)
		measure_mesh(sc);
	measure_from_mesh(sc);
}

/* The eye cascade's search of one face, for parallel_start. */
struct eye_search {
	struct detector		*d;
	const struct image	*im;
	struct face		 face;
};

static void *
search_eyes(void *arg)
{
	struct eye_search *es = arg;

	face_eyes(es->d, es->im, &es->face);
	return (NULL);
}

/*
 * photo_scene_measure of a face found without its eyes (d->eyes_apart):
 * the eye cascade looks for them beside FaceMesh's run, which needs only
 * the face's box; where it sees none upright, the turned views are
 * searched as face_detect searches them, and a face found there with both
 * eyes is measured instead.
 */
static void
measure_found(struct photo_scene *sc, struct detector *d)
{
	struct eye_search es = { d, &sc->im, sc->face };
	struct parallel_task t;
	struct faces turned;

	memset(&turned, 0, sizeof turned);
	parallel_start(&t, search_eyes, &es);
	sc->mesh_measured = 0;
	if (sc->nfaces == 1)
		measure_mesh(sc);
	parallel_wait(&t);
	sc->face = es.face;
	if (!sc->face.eyes_found && face_turned(d, &sc->im, &turned) > 0) {
		sc->face = turned.v[0];
		sc->nfaces = turned.n;
		sc->mesh_measured = 0;
		if (sc->nfaces == 1)
			measure_mesh(sc);
	}
	faces_free(&turned);
	measure_from_mesh(sc);
}

/* The detector for dir (NULL: the configured default), loaded on first use. */
static struct detector *
scene_detector(const char *dir, char **cause)
{
	const char *want = dir != NULL && *dir != '\0' ? dir : CASCADE_DIR;

	if (detector.dir != NULL && strcmp(detector.dir, want) == 0)
		return (&detector);
	detector_free(&detector);
	if (detector_load(&detector, want, cause) != 0)
		return (NULL);
	return (&detector);
}

/*
 * A decoder may give at least twice the pixels asked for (JPEG scaling has
 * steps): blocks of k x k are averaged into one, so that every measure runs
 * on about min_side pixels, as many as it needs (a remainder under k at the
 * right and bottom edges is dropped).
 */
static int
shrink_factor(int w, int h, int min_side)
{
	return (min_side > 0 ? (w < h ? w : h) / min_side : 1);
}

static void
shrink(struct image *im, int min_side)
{
	struct image small;
	unsigned sum[3];
	int k = shrink_factor(im->w, im->h, min_side);
	int x, y, i, j, c;
	const uint8_t *p;

	if (k < 2)
		return;
	image_alloc(&small, im->w / k, im->h / k);
	for (y = 0; y < small.h; y++)
		for (x = 0; x < small.w; x++) {
			sum[0] = sum[1] = sum[2] = 0;
			for (j = 0; j < k; j++) {
				p = im->px + ((size_t)(y * k + j) * im->w + (size_t)x * k) * 3;
				for (i = 0; i < k; i++, p += 3)
					for (c = 0; c < 3; c++)
						sum[c] += p[c];
			}
			for (c = 0; c < 3; c++)
				small.px[((size_t)y * small.w + x) * 3 + c] =
				    (uint8_t)((sum[c] + k * k / 2) / (k * k));
		}
	image_free(im);
	*im = small;
}

/*
 * While the photo is decoded, a thread reads the cascades and then follows
 * the decoder with the face search, where the rows decoded are the photo
 * analysed: no EXIF turn and no shrinking after.  The search's result is
 * face_detect's; only the time is shared.
 */
struct follow {
	const char		*dir;
	int			 min_side;
	pthread_t		 th;
	int			 running;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	const struct image	*im;	/* told by the decoder, under mu */
	int			 rows, orientation, done;
	struct detector		*d;	/* the thread's, read after the join */
	char			*cause;
	struct face_search	*fs;
};

static int
follow_usable(const struct follow *fw, const struct image *im, int orientation)
{
	return (orientation < 2 && shrink_factor(im->w, im->h, fw->min_side) < 2);
}

static void *
follow_run(void *arg)
{
	struct follow *fw = arg;
	const struct image *im;
	int rows, seen = 0, orientation;

	fw->d = scene_detector(fw->dir, &fw->cause);
	pthread_mutex_lock(&fw->mu);
	for (;;) {
		while (!fw->done && fw->rows == seen)
			pthread_cond_wait(&fw->cv, &fw->mu);
		if (fw->rows == seen)
			break;		/* done, and every row told was taken */
		im = fw->im;
		rows = fw->rows;
		orientation = fw->orientation;
		pthread_mutex_unlock(&fw->mu);
		if (fw->d != NULL && follow_usable(fw, im, orientation)) {
			if (fw->fs == NULL)
				fw->fs = face_search_begin(fw->d, im->w, im->h);
			face_search_rows(fw->fs, im, rows);
		}
		seen = rows;
		pthread_mutex_lock(&fw->mu);
	}
	pthread_mutex_unlock(&fw->mu);
	return (NULL);
}

/* The decoder's news (photo_load_opts.rows): rows in, or (n < 0) the end. */
static void
follow_rows(void *arg, const struct image *im, const struct photo_info *info, int n)
{
	struct follow *fw = arg;

	if (n < 0) {
		follow_stop(fw);
		return;
	}
	pthread_mutex_lock(&fw->mu);
	fw->im = im;
	fw->rows = n;
	fw->orientation = info->orientation;
	pthread_cond_signal(&fw->cv);
	pthread_mutex_unlock(&fw->mu);
}

/* Waits for the thread to take its last rows and stop; again is a no-op. */
static void
follow_stop(struct follow *fw)
{
	if (!fw->running)
		return;
	pthread_mutex_lock(&fw->mu);
	fw->done = 1;
	pthread_cond_signal(&fw->cv);
	pthread_mutex_unlock(&fw->mu);
	pthread_join(fw->th, NULL);
	fw->running = 0;
	pthread_cond_destroy(&fw->cv);
	pthread_mutex_destroy(&fw->mu);
}

static void	analyse_with(struct photo_scene *, struct detector *, char *,
		    struct face_search *);

/* For parallel_start: the networks the face's measures need, read while the photo decodes. */
static void *
read_networks(void *arg)
{
	(void)arg;
	mesh_read_ahead();
	return (NULL);
}

int
photo_scene_load(const char *path, const struct config *cfg, int min_side,
    struct photo_scene *sc, char **cause)
{
	struct photo_load_opts o;
	struct follow fw;
	struct parallel_task nets;
	long maxpx = PHOTO_MAX_PIXELS;
	int ow, rc;

	memset(sc, 0, sizeof *sc);
	if (cfg != NULL && config_long(cfg, "photo", "max_pixels",
	    PHOTO_MAX_PIXELS, 1000000, 1000000000L, &maxpx, cause) != 0)
		return (-1);
	memset(&o, 0, sizeof o);
	o.max_pixels = maxpx;
	o.min_w = o.min_h = min_side;
	memset(&fw, 0, sizeof fw);
	fw.dir = cfg != NULL ? config_str(cfg, "photo", "cascade_dir", NULL) : NULL;
	fw.min_side = min_side;
	pthread_mutex_init(&fw.mu, NULL);
	pthread_cond_init(&fw.cv, NULL);
	if (parallel_threads() > 1 &&
	    pthread_create(&fw.th, NULL, follow_run, &fw) == 0) {
		fw.running = 1;
		o.rows = follow_rows;
		o.arg = &fw;
	} else {
		pthread_cond_destroy(&fw.cv);
		pthread_mutex_destroy(&fw.mu);
		fw.d = scene_detector(fw.dir, &fw.cause);
	}
	memset(&nets, 0, sizeof nets);
	if (mesh_available())
		parallel_start(&nets, read_networks, NULL);
	rc = photo_load(path, &o, &sc->im, &sc->info, cause);
	follow_stop(&fw);
	if (rc != 0) {
		parallel_wait(&nets);
		face_search_free(fw.fs);
		free(fw.cause);
		return (-1);
	}
	shrink(&sc->im, min_side);
	ow = sc->info.orientation >= 5 ? sc->info.height : sc->info.width;
	sc->scale = (double)ow / sc->im.w;
	analyse_with(sc, fw.d, fw.cause, fw.fs);
	parallel_wait(&nets);
	return (0);
}

void
photo_scene_file_size(const struct photo_scene *sc, int *w, int *h)
{
	int turned = sc->info.orientation >= 5;

	*w = turned ? sc->info.height : sc->info.width;
	*h = turned ? sc->info.width : sc->info.height;
}

/*
 * Finds the face with d (NULL: the cascades could not be read, for cause,
 * which sc keeps), ending the search fs when one followed the decoder.
 */
static void
analyse_with(struct photo_scene *sc, struct detector *d, char *cause,
    struct face_search *fs)
{
	struct faces f;

	sc->detector_cause = cause;
	/* A sliver (2x2000) cannot hold a face: say so instead of searching. */
	if (sc->im.w < SLIVER_SIDE || sc->im.h < SLIVER_SIDE ||
	    sc->im.w > SLIVER_RATIO * sc->im.h || sc->im.h > SLIVER_RATIO * sc->im.w) {
		sc->sliver = 1;
		face_search_free(fs);
		return;
	}
	if (d == NULL)
		return;
	d->min_share = sc->min_face;
	/* Where FaceMesh runs, the eyes are searched beside it (measure_found). */
	d->eyes_apart = mesh_available();
	sc->nfaces = fs != NULL ? face_search_end(fs, &sc->im, &f) :
	    face_detect(d, &sc->im, &f);
	d->min_share = 0;
	if (sc->nfaces > 0) {
		sc->face = f.v[0];
		if (d->eyes_apart)
			measure_found(sc, d);
		else
			photo_scene_measure(sc);
	}
	d->eyes_apart = 0;
	faces_free(&f);
}

/*
 * FaceMesh's landmarks of the face found (the square around the detector's
 * box, as MediaPipe crops a face), the eyes on the irises where the iris
 * network runs: the geometry reads the eyes, outline and chin, the mouth
 * rule the lips.  Where the network cannot run, the detector's eyes and
 * colour measure the face, and the mouth is judged by colour alone (looks.c
 * says so).
 */
static void
measure_mesh(struct photo_scene *sc)
{
	struct mesh m;
	char *cause = NULL;

	if (!mesh_available())
		return;
	if (mesh_find(&sc->im, sc->face.x + sc->face.w / 2, sc->face.y + sc->face.h / 2,
	    MESH_BOX * fmax(sc->face.w, sc->face.h), &m, &cause) != 0) {
		network_failed(sc, cause);
		return;
	}
	mesh_measure(&m, &sc->mesh);
	sc->mesh_measured = 1;
	/* Without the iris network the eye rings' centres stand for the pupils. */
	if (mesh_irises(&sc->im, &m, &sc->mesh, &cause) != 0)
		network_failed(sc, cause);
}

/*
 * A network that is installed but cannot run (damaged, or of another kind)
 * is not left out silently: the face's measures would be the rougher ones
 * of the detector and colour, or the backdrop under the head unseen, while
 * the check claims the network's.  The first cause is kept for the check
 * and the fix to give (missing networks are not causes: the detector and
 * colour measure then, as README says).
 */
static void
network_failed(struct photo_scene *sc, char *cause)
{
	if (sc->network_cause == NULL)
		sc->network_cause = cause;
	else
		free(cause);
}

int
photo_scene_plain(const struct photo_scene *sc)
{
	const double *m = sc->bg_mean;
	/* Dark hair fringes stand out more against white: allow them a little more. */
	double limit = fmin(m[0], fmin(m[1], m[2])) >= 240 ? 6 : 4;

	return (sc->bg_seen >= 100 && sc->bg_spread <= limit &&
	    sc->bg_outliers <= 0.12);
}

int
photo_scene_clear_rows(const struct photo_scene *sc, int x)
{
	const struct image *im = &sc->im;
	double t = backdrop_tolerance(sc);
	int y, dx, n, run = 0;

	if (im->w < 3 || x < 0 || x >= im->w)
		return (0);
	x = x < 1 ? 1 : x > im->w - 2 ? im->w - 2 : x;
	/* Three differing rows in a row end it: one is JPEG noise. */
	for (y = 0; y < im->h; y++) {
		for (n = 0, dx = -1; dx <= 1; dx++)
			n += photo_scene_person_at(sc, x + dx, y, t);
		run = n >= 2 ? run + 1 : 0;
		if (run == 3)
			return (y - 2);
	}
	return (im->h);
}

double
photo_scene_row_busy(const struct photo_scene *sc, int y, int x0, int x1)
{
	const struct image *im = &sc->im;
	double t = backdrop_tolerance(sc);
	int x, n = 0;

	x0 = x0 < 0 ? 0 : x0;
	x1 = x1 > im->w ? im->w : x1;
	if (y < 0 || y >= im->h || x1 <= x0)
		return (1);
	for (x = x0; x < x1; x++)
		n += photo_scene_person_at(sc, x, y, t);
	return ((double)n / (x1 - x0));
}

/*
 * The person's pixels on row y, as photo_scene_person_at has them and, when
 * m is set, of a colour unlike m by more than t: their count, the first and
 * the last.
 */
static int
row_span(const struct photo_scene *sc, int y, const double *m, double t, int *x0,
    int *x1)
{
	int x, n = 0;

	*x0 = *x1 = -1;
	for (x = 0; x < sc->im.w; x++) {
		if (!photo_scene_person_at(sc, x, y, backdrop_tolerance(sc)) ||
		    (m != NULL && !differs(px_at(&sc->im, x, y), m, t)))
			continue;
		*x0 = *x0 < 0 ? x : *x0;
		*x1 = x;
		n++;
	}
	return (n);
}

/* The most any of the person's pixels on row y differs from colour m, on some channel. */
static double
row_contrast(const struct photo_scene *sc, int y, const double *m)
{
	const uint8_t *p;
	double most = 0;
	int x, c;

	for (x = 0; x < sc->im.w; x++)
		if (photo_scene_person_at(sc, x, y, backdrop_tolerance(sc)))
			for (p = px_at(&sc->im, x, y), c = 0; c < 3; c++)
				most = fmax(most, fabs(p[c] - m[c]));
	return (most);
}

/*
 * The network's map is soft at the person's edge (its 256 squares spread
 * over the whole photo): on the top row of a photo that cuts the hair, it
 * calls a stretch of sky or wall beside the hair the person.  Where the
 * row's backdrop beside the person is plain, a pixel of its colour is
 * backdrop; where no pixel of the person differs from it (hair of the
 * wall's colour), colour cannot tell and the map is kept.
 */
int
photo_scene_row_person(const struct photo_scene *sc, int y, int *x0, int *x1)
{
	const struct image *im = &sc->im;
	double m[3] = { 0, 0, 0 }, sq = 0, sd, t;
	int x, c, nb = 0, n, k, a, b;
	const uint8_t *p;

	*x0 = *x1 = -1;
	if (y < 0 || y >= im->h)
		return (0);
	n = row_span(sc, y, NULL, 0, x0, x1);
	if (sc->person == NULL || n == 0)
		return (n);
	for (x = 0; x < im->w; x++)
		if (!photo_scene_person_at(sc, x, y, backdrop_tolerance(sc)))
			for (p = px_at(im, x, y), nb++, c = 0; c < 3; c++) {
				m[c] += p[c];
				sq += (double)p[c] * p[c];
			}
	if (nb < im->w / 4)
		return (n);
	for (c = 0; c < 3; c++)
		m[c] /= nb;
	sd = sqrt(fmax(0, sq / (3.0 * nb) - (m[0] * m[0] + m[1] * m[1] + m[2] * m[2]) / 3));
	/* An edge pixel counts when more of it is the person than backdrop. */
	t = fmax(fmax(backdrop_tolerance(sc), 3 * sd), row_contrast(sc, y, m) / 2);
	if (sd > ROW_PLAIN || (k = row_span(sc, y, m, t, &a, &b)) == 0)
		return (n);
	*x0 = a;
	*x1 = b;
	return (k);
}

/*
 * Pixel p is unlike the backdrop measured around the head: of another hue,
 * or much darker or lighter (a wall's own shading changes its luma less).
 * Near black, hue is noise, and a small step is a large ratio: neither
 * tells there.
 */
static int
unlike_backdrop(const struct photo_scene *sc, const uint8_t *p)
{
	double s = p[0] + p[1] + p[2] + 1, k = sc->bg_mean[0] + sc->bg_mean[1] +
	    sc->bg_mean[2] + 1, l = s / k;
	int hue = s > 3 * BELOW_DARK && k > 3 * BELOW_DARK && hypot(p[0] / s -
	    sc->bg_mean[0] / k, p[1] / s - sc->bg_mean[1] / k) > BELOW_HUE;

	return (hue || (fabs(s - k) > 3 * BELOW_DARK &&
	    (l < BELOW_SHADE || l > 1 / BELOW_SHADE)));
}

double
photo_scene_backdrop_below(const struct photo_scene *sc, char **cause)
{
	const struct image *im = &sc->im;
	float *grid = NULL, sure;
	size_t n = 0, odd = 0;
	int gx, gy, x, y;

	if (sc->below_noted) {
		if (sc->below < 0)
			*cause = xstrdup(sc->network_cause);
		return (sc->below);
	}
	/* On the network's grid: a pixel of the photo for each of its cells. */
	if (sc->person == NULL && (grid = segment_grid(im, cause)) == NULL)
		return (-1);
	for (gy = 0; gy < SEGMENT_SIDE; gy++) {
		y = (int)((gy + 0.5) * im->h / SEGMENT_SIDE);
		if (y < sc->eye_y)
			continue;
		for (gx = 0; gx < SEGMENT_SIDE; gx++) {
			x = (int)((gx + 0.5) * im->w / SEGMENT_SIDE);
			sure = grid != NULL ? grid[gy * SEGMENT_SIDE + gx] :
			    sc->person[(size_t)y * im->w + x];
			if (sure >= BELOW_SURE)
				continue;
			n++;
			odd += unlike_backdrop(sc, px_at(im, x, y));
		}
	}
	free(grid);
	return (n > 0 ? (double)odd / n : 0);
}

void
photo_scene_note_below(struct photo_scene *sc)
{
	char *cause = NULL;

	if (sc->below_noted)
		return;
	if ((sc->below = photo_scene_backdrop_below(sc, &cause)) < 0)
		network_failed(sc, cause);
	sc->below_noted = 1;
}

int
photo_scene_segment(struct photo_scene *sc, char **cause)
{
	float *map;

	if ((map = segment_person(&sc->im, cause)) == NULL)
		return (-1);
	sc->person = map;
	find_crown(sc);
	find_head_width(sc);
	return (0);
}

void
photo_scene_free(struct photo_scene *sc)
{
	free(sc->person);
	image_free(&sc->im);
	free(sc->detector_cause);
	free(sc->network_cause);
	memset(sc, 0, sizeof *sc);
}
