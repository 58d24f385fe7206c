/* photo-scene.c -- measure a portrait: face, eyes, crown, chin, background. */
#include "system.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "photo-check.h"
#include "xmalloc.h"

/*
 * Head geometry from the inter-eye distance (IED), measured on the 102
 * portraits of the London Set: eye line to chin 1.83, crown to eye line 1.68
 * (p5-p95 1.48-1.91), face width at the ear roots 2.19.
 */
#define CHIN_IED	1.83
#define CROWN_IED	1.68
#define FACE_IED	2.19

static const uint8_t *px_at(const struct image *, int, int);
static void	corner_colour(struct photo_scene *);
static int	differs(const uint8_t *, const double *, double);
static void	find_crown(struct photo_scene *);
static int	is_background_spot(const struct photo_scene *, int, int);
static void	background_stats(struct photo_scene *);
static void	border_stats(struct photo_scene *);
static struct detector *scene_detector(const char *, char **);

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
 * The top of the hair: the first of two rows, scanning down above the face,
 * where more than 15 % of the band over the face differs from the
 * background.  Falls back on the eye-based estimate when the answer is not
 * plausible (a busy background).
 */
static void
find_crown(struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	double t = fmax(25, 3 * sc->bg_std), lo, hi;
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
			n += differs(px_at(im, x, y), sc->bg, t);
		run = n * 100 > (x1 - x0) * 15 ? run + 1 : 0;
		if (run == 2)
			break;
	}
	if (run == 2 && y - 1 >= lo) {
		sc->crown_y = y - 1;
		sc->crown_measured = 1;
	}
}

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
 * Plainness is judged in small cells, so that the gentle fall-off of a
 * studio backdrop counts as plain while objects and patterns do not:
 * bg_spread is the mean luma deviation inside the cells, bg_outliers the
 * share of cells with visible detail.
 */
static void
background_stats(struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	double sum[3] = { 0, 0, 0 }, l, cs, cm, dev = 0;
	size_t n = 0, cells = 0, busy = 0, k;
	int cx, cy, x, y, c, size = (int)fmax(4, sc->ied / 8);

	for (cy = 0; cy + size <= im->h; cy += size)
		for (cx = 0; cx + size <= im->w; cx += size) {
			if (!is_background_spot(sc, cx, cy) ||
			    !is_background_spot(sc, cx + size - 1, cy + size - 1) ||
			    !is_background_spot(sc, cx + size - 1, cy) ||
			    !is_background_spot(sc, cx, cy + size - 1))
				continue;
			for (cs = cm = 0, k = 0, y = cy; y < cy + size; y++)
				for (x = cx; x < cx + size; x++, k++) {
					for (c = 0; c < 3; c++)
						sum[c] += px_at(im, x, y)[c];
					l = px_at(im, x, y)[1];
					cm += l;
					cs += l * l;
				}
			n += k;
			cm /= k;
			l = sqrt(fmax(0, cs / k - cm * cm));
			dev += l;
			busy += l > 8;
			cells++;
		}
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

void
photo_scene_measure(struct photo_scene *sc)
{
	struct face *f = &sc->face;

	sc->eye_x = (f->lx + f->rx) / 2;
	sc->eye_y = (f->ly + f->ry) / 2;
	sc->ied = hypot(f->rx - f->lx, f->ry - f->ly);
	sc->roll = atan2(f->ry - f->ly, f->rx - f->lx) * 180 / M_PI;
	sc->face_w = FACE_IED * sc->ied;
	sc->chin_y = sc->eye_y + CHIN_IED * sc->ied;
	corner_colour(sc);
	find_crown(sc);
	background_stats(sc);
	border_stats(sc);
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

int
photo_scene_load(const char *path, const struct config *cfg, int min_side,
    struct photo_scene *sc, char **cause)
{
	struct photo_load_opts o;
	struct detector *d;
	struct faces f;
	long maxpx = PHOTO_MAX_PIXELS;
	int ow;

	memset(sc, 0, sizeof *sc);
	if (cfg != NULL && config_long(cfg, "photo", "max_pixels",
	    PHOTO_MAX_PIXELS, 1000000, 1000000000L, &maxpx, cause) != 0)
		return (-1);
	o.max_pixels = maxpx;
	o.min_w = o.min_h = min_side;
	if (photo_load(path, &o, &sc->im, &sc->info, cause) != 0)
		return (-1);
	ow = sc->info.orientation >= 5 ? sc->info.height : sc->info.width;
	sc->scale = (double)ow / sc->im.w;
	if ((d = scene_detector(cfg != NULL ? config_str(cfg, "photo",
	    "cascade_dir", NULL) : NULL, &sc->detector_cause)) == NULL)
		return (0);
	sc->nfaces = face_detect(d, &sc->im, &f);
	if (sc->nfaces > 0) {
		sc->face = f.v[0];
		photo_scene_measure(sc);
	}
	faces_free(&f);
	return (0);
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

void
photo_scene_free(struct photo_scene *sc)
{
	image_free(&sc->im);
	free(sc->detector_cause);
	memset(sc, 0, sizeof *sc);
}
