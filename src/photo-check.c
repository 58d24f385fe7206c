/* photo-check.c -- the rules a photo must meet, each with a verdict and advice. */
#include "system.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "photo-check.h"
#include "profile.h"
#include "xmalloc.h"

/* The analysis runs on at least this many pixels on the short side. */
#define CHECK_SIDE	360
/* Faces are compared at this inter-eye distance, the one fix produces. */
#define NORM_IED	90.0

struct zone {
	double	mean, under, over;
	int	n;
};

static void	add(struct photo_report *, const char *, enum photo_verdict, int,
		    char *, char *, const char *, ...)
		    __attribute__((format(printf, 7, 8)));
static void	zone_luma(const struct photo_scene *, double, double, double,
		    double, struct zone *);
static double	sharpness(const struct photo_scene *);
static double	teeth(const struct photo_scene *);
static void	check_file(struct photo_report *, const struct photo_scene *,
		    const struct photo_profile *);
static void	check_colour(struct photo_report *, const struct photo_scene *);
static void	check_face(struct photo_report *, const struct photo_scene *);
static void	check_geometry(struct photo_report *, const struct photo_scene *,
		    const struct photo_profile *);
static void	check_background(struct photo_report *, const struct photo_scene *);
static void	check_light(struct photo_report *, const struct photo_scene *);
static void	check_detail(struct photo_report *, const struct photo_scene *);
static void	not_measured(struct photo_report *, const struct photo_scene *);

static void
add(struct photo_report *r, const char *id, enum photo_verdict v, int fixable,
    char *value, char *expected, const char *fmt, ...)
{
	struct photo_check *c;
	va_list ap;

	r->checks = xreallocarray(r->checks, r->n + 1, sizeof *r->checks);
	c = &r->checks[r->n++];
	c->id = id;
	c->verdict = v;
	c->fixable = fixable;
	c->value = value;
	c->expected = expected;
	va_start(ap, fmt);
	c->message = xvasprintf(fmt, ap);
	va_end(ap);
	if (v == PHOTO_FAIL) {
		r->ok = 0;
		if (!fixable)
			r->fixable = 0;
	}
}

const char *
photo_verdict_word(enum photo_verdict v)
{
	switch (v) {
	case PHOTO_PASS:
		return (_("PASS"));
	case PHOTO_WARN:
		return (_("WARN"));
	default:
		return (_("FAIL"));
	}
}

const char *
photo_verdict_id(enum photo_verdict v)
{
	return (v == PHOTO_PASS ? "pass" : v == PHOTO_WARN ? "warn" : "fail");
}

/* Luma statistics of a box given in eye-distance units around the eye midpoint. */
static void
zone_luma(const struct photo_scene *sc, double dx0, double dy0, double dx1,
    double dy1, struct zone *z)
{
	const struct image *im = &sc->im;
	int x, y, x0, x1, y0, y1;
	const uint8_t *p;
	double l, sum = 0;

	x0 = (int)fmax(0, sc->eye_x + dx0 * sc->ied);
	x1 = (int)fmin(im->w, sc->eye_x + dx1 * sc->ied);
	y0 = (int)fmax(0, sc->eye_y + dy0 * sc->ied);
	y1 = (int)fmin(im->h, sc->eye_y + dy1 * sc->ied);
	memset(z, 0, sizeof *z);
	for (y = y0; y < y1; y++)
		for (x = x0; x < x1; x++) {
			p = im->px + ((size_t)y * im->w + x) * 3;
			l = 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];
			sum += l;
			z->under += l <= 25;
			z->over += l >= 250;
			z->n++;
		}
	if (z->n == 0)
		return;
	z->mean = sum / z->n;
	z->under /= z->n;
	z->over /= z->n;
}

/*
 * Fine detail of the face: mean absolute Laplacian over the luma standard
 * deviation, with the face brought to NORM_IED so that large and small
 * photos compare.
 */
static double
sharpness(const struct photo_scene *sc)
{
	struct grey g, n;
	struct image crop;
	double k = NORM_IED / sc->ied, lap = 0, sum = 0, sq = 0, v, m;
	int x0, y0, w, h, x, y, cnt = 0;

	x0 = (int)fmax(0, sc->eye_x - 0.9 * sc->ied);
	y0 = (int)fmax(0, sc->eye_y - 0.4 * sc->ied);
	w = (int)fmin(sc->im.w - x0, 1.8 * sc->ied);
	h = (int)fmin(sc->im.h - y0, 1.9 * sc->ied);
	if (w < 8 || h < 8)
		return (0);
	image_alloc(&crop, w, h);
	for (y = 0; y < h; y++)
		memcpy(crop.px + (size_t)y * w * 3,
		    sc->im.px + ((size_t)(y0 + y) * sc->im.w + x0) * 3, (size_t)w * 3);
	grey_from_image(&crop, &g);
	image_free(&crop);
	grey_resize(&g, (int)fmax(8, w * k), (int)fmax(8, h * k), &n);
	grey_free(&g);
	for (y = 1; y < n.h - 1; y++)
		for (x = 1; x < n.w - 1; x++) {
			const uint8_t *p = n.px + (size_t)y * n.w + x;

			v = 4.0 * p[0] - p[-1] - p[1] - p[-n.w] - p[n.w];
			lap += fabs(v);
			sum += p[0];
			sq += (double)p[0] * p[0];
			cnt++;
		}
	grey_free(&n);
	m = sum / cnt;
	v = sqrt(fmax(1, sq / cnt - m * m));
	return (100 * (lap / cnt) / v);
}

/* Share of bright, colourless pixels (teeth) in the mouth band. */
static double
teeth(const struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	int x, y, x0, x1, y0, y1, n = 0, t = 0, mx, mn;
	const uint8_t *p;

	x0 = (int)fmax(0, sc->eye_x - 0.45 * sc->ied);
	x1 = (int)fmin(im->w, sc->eye_x + 0.45 * sc->ied);
	y0 = (int)fmax(0, sc->eye_y + 1.0 * sc->ied);
	y1 = (int)fmin(im->h, sc->eye_y + 1.45 * sc->ied);
	for (y = y0; y < y1; y++)
		for (x = x0; x < x1; x++, n++) {
			p = im->px + ((size_t)y * im->w + x) * 3;
			mx = p[0] > p[1] ? (p[0] > p[2] ? p[0] : p[2]) : (p[1] > p[2] ? p[1] : p[2]);
			mn = p[0] < p[1] ? (p[0] < p[2] ? p[0] : p[2]) : (p[1] < p[2] ? p[1] : p[2]);
			t += mx > 140 && (mx - mn) * 100 < mx * 22;
		}
	return (n > 0 ? (double)t / n : 0);
}

static void
check_file(struct photo_report *r, const struct photo_scene *sc,
    const struct photo_profile *p)
{
	const struct photo_info *in = &sc->info;
	int w = (int)lround(sc->im.w * sc->scale), h = (int)lround(sc->im.h * sc->scale);
	int dpi = photo_dpi(in);
	long kb = (in->file_size + 512) / 1024;

	if (in->format != PHOTO_JPEG)
		add(r, "format", PHOTO_FAIL, 1, xstrdup("PNG"), xstrdup("JPEG/JFIF"),
		    _("The photo is a PNG file; it must be a JPEG. The automatic fix saves it as JPEG."));
	else if (in->arithmetic)
		add(r, "format", PHOTO_FAIL, 1, xstrdup(_("JPEG, arithmetic coding")),
		    xstrdup("JPEG/JFIF"), _("Arithmetic-coded JPEG files are "
		    "refused by most systems; the automatic fix saves a plain JPEG."));
	else if (!in->jfif || in->progressive)
		add(r, "format", PHOTO_WARN, 1, xstrdup(in->progressive ?
		    _("progressive JPEG") : _("JPEG without JFIF")),
		    xstrdup("JPEG/JFIF"), _("Some systems expect a plain (baseline) "
		    "JFIF file; the automatic fix writes one."));
	else
		add(r, "format", PHOTO_PASS, 1, xstrdup("JPEG/JFIF"),
		    xstrdup("JPEG/JFIF"), _("The file is a JPEG (JFIF)."));
	if (w == p->width && h == p->height)
		add(r, "pixels", PHOTO_PASS, 1, xasprintf("%dx%d", w, h),
		    xasprintf("%dx%d", p->width, p->height), _("The size in pixels is right."));
	else
		add(r, "pixels", PHOTO_FAIL, 1, xasprintf("%dx%d", w, h),
		    xasprintf("%dx%d", p->width, p->height),
		    _("The photo must be exactly %dx%d pixels; the automatic fix crops "
		    "and resizes it."), p->width, p->height);
	add(r, "dpi", dpi == p->dpi ? PHOTO_PASS : PHOTO_FAIL, 1,
	    dpi > 0 ? xasprintf("%d", dpi) : xstrdup(_("none")),
	    xasprintf("%d", p->dpi), dpi == p->dpi ? _("The resolution is right.") :
	    _("The file must say %d dpi; the automatic fix sets it."), p->dpi);
	if ((p->min_bytes > 0 && in->file_size < p->min_bytes) ||
	    (p->max_bytes > 0 && in->file_size > p->max_bytes))
		add(r, "filesize", PHOTO_FAIL, 1, xasprintf("%ld KB", kb),
		    xasprintf("%d-%d KB", profile_kb_min(p), profile_kb_max(p)),
		    _("The file must be between %d and %d KB; the automatic fix picks "
		    "the JPEG quality that fits."), profile_kb_min(p), profile_kb_max(p));
	else
		add(r, "filesize", PHOTO_PASS, 1, xasprintf("%ld KB", kb),
		    xasprintf("%d-%d KB", profile_kb_min(p), profile_kb_max(p)),
		    _("The file size is inside the window."));
}

/* Colour means three channels that really differ somewhere, and not CMYK. */
static void
check_colour(struct photo_report *r, const struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	size_t i, n = (size_t)im->w * im->h, tinted = 0;
	const uint8_t *q = im->px;

	for (i = 0; i < n; i++, q += 3)
		tinted += abs(q[0] - q[1]) + abs(q[1] - q[2]) > 12;
	if (sc->info.cmyk)
		add(r, "colour", PHOTO_FAIL, 1, xstrdup("CMYK"), xstrdup(_("24-bit RGB")),
		    _("The photo is in printing colours (CMYK); the automatic fix "
		    "converts it to RGB."));
	else if (sc->info.components == 1 || tinted * 1000 < n)
		add(r, "colour", PHOTO_FAIL, 0, xstrdup(_("greyscale")),
		    xstrdup(_("24-bit RGB")), _("The photo is black and white; "
		    "a colour photo is required. Take a new colour photo."));
	else
		add(r, "colour", PHOTO_PASS, 1, xstrdup(_("24-bit RGB")),
		    xstrdup(_("24-bit RGB")), _("The photo is in colour."));
}

static void
check_face(struct photo_report *r, const struct photo_scene *sc)
{
	if (sc->detector_cause != NULL)
		add(r, "face", PHOTO_FAIL, 0, xstrdup(_("not checked")),
		    xstrdup("1"), "%s", sc->detector_cause);
	else if (sc->nfaces == 0)
		add(r, "face", PHOTO_FAIL, 0, xstrdup("0"), xstrdup("1"),
		    _("No face looking at the camera was found. Take a photo "
		    "facing the camera, with the whole face visible."));
	else if (sc->nfaces > 1)
		add(r, "face", PHOTO_FAIL, 0, xasprintf("%d", sc->nfaces), xstrdup("1"),
		    _("More than one face is in the photo; only you may be in it."));
	else
		add(r, "face", PHOTO_PASS, 1, xstrdup("1"), xstrdup("1"),
		    _("One face was found."));
}

/* Face width, crown, eye line and centring in the pixels of the profile's frame. */
static void
check_geometry(struct photo_report *r, const struct photo_scene *sc,
    const struct photo_profile *p)
{
	double sx = (double)p->width / sc->im.w, sy = (double)p->height / sc->im.h;
	int fw = (int)lround(sc->face_w * sx), crown = (int)lround(sc->crown_y * sy);
	int eye = (int)lround((sc->im.h - sc->eye_y) * sy);
	int ex = (int)lround(sc->eye_x * sx);
	enum photo_verdict v;

	v = fw >= p->face_min && fw <= p->face_max ? PHOTO_PASS : PHOTO_FAIL;
	add(r, "face_width", v, 1, xasprintf("%d px", fw),
	    xasprintf("%d-%d px", p->face_min, p->face_max), v == PHOTO_PASS ?
	    _("The face has the right size.") : fw < p->face_min ?
	    _("The face is too small in the frame; the automatic fix can crop closer.") :
	    _("The face is too large in the frame; the automatic fix can crop wider "
	    "if the photo shows enough around the head."));
	v = crown >= p->crown_min && crown <= p->crown_max ? PHOTO_PASS : PHOTO_FAIL;
	/* When hair and eye line cannot both fit, the eye line wins (GA 461 4.1.6). */
	if (v == PHOTO_FAIL && crown < p->crown_min &&
	    eye >= p->eye_line_min && eye <= p->eye_line_min + 6)
		v = PHOTO_WARN;
	add(r, "crown", v, 1, sc->crown_measured ? xasprintf("%d px", crown) :
	    xasprintf(_("about %d px"), crown),
	    xasprintf("%d-%d px", p->crown_min, p->crown_max),
	    v == PHOTO_PASS ? _("The space above the head is right.") :
	    v == PHOTO_WARN ? _("Tall hair is cut by the top edge; this is "
	    "allowed so that the eyes stay high enough.") : crown < p->crown_min ?
	    _("The top of the head is too close to (or beyond) the top edge.") :
	    _("There is too much space above the head."));
	v = eye >= p->eye_line_min ? PHOTO_PASS : PHOTO_FAIL;
	add(r, "eye_line", v, 1, xasprintf("%d px", eye),
	    xasprintf(">= %d px", p->eye_line_min), v == PHOTO_PASS ?
	    _("The eyes are high enough.") :
	    _("The eyes are too low in the photo."));
	v = ex >= p->eye_x_min && ex <= p->eye_x_max ? PHOTO_PASS : PHOTO_FAIL;
	add(r, "centring", v, 1, xasprintf("%d px", ex),
	    xasprintf("%d-%d px", p->eye_x_min, p->eye_x_max), v == PHOTO_PASS ?
	    _("The face is centred.") : _("The face is not centred left to right."));
	v = fabs(sc->roll) <= 3 ? PHOTO_PASS : fabs(sc->roll) <= 8 ?
	    PHOTO_WARN : PHOTO_FAIL;
	add(r, "tilt", v, 1, xasprintf("%.1f°", sc->roll), xstrdup("<= 3.0°"),
	    v == PHOTO_PASS ? _("The head is upright.") :
	    _("The head is tilted to one side; the automatic fix can level the "
	    "eyes, but a new photo with the head upright is better."));
}

static void
check_background(struct photo_report *r, const struct photo_scene *sc)
{
	const double *m = sc->bg_mean;
	double lo = fmin(m[0], fmin(m[1], m[2]));
	char *val;

	if (sc->bg_seen < 100) {
		add(r, "background", PHOTO_FAIL, 0, xstrdup(_("not visible")),
		    xstrdup(_("white, plain")), _("The head fills the photo: "
		    "no background shows. Step back from the camera."));
		return;
	}
	val = xasprintf(_("RGB %.0f,%.0f,%.0f, deviation %.1f, detail %.0f%%"),
	    m[0], m[1], m[2], sc->bg_spread, sc->bg_outliers * 100);
	if (!photo_scene_plain(sc))
		add(r, "background", PHOTO_FAIL, 0, val, xstrdup(_("white, plain")),
		    _("The background is not plain (objects, patterns or "
		    "shadows). Stand in front of a plain white wall."));
	else if (sc->border > 30)
		add(r, "background", PHOTO_FAIL, 1, val, xstrdup(_("white, plain")),
		    _("The photo seems to have a border; it must have none."));
	else if (lo < 225)
		add(r, "background", PHOTO_FAIL, 1, val, xstrdup(_("white, plain")),
		    _("The background must be white; it is plain, so the automatic fix "
		    "can whiten it."));
	else if (lo < 240)
		add(r, "background", PHOTO_WARN, 1, val, xstrdup(_("white, plain")),
		    _("The background is light but not quite white."));
	else
		add(r, "background", PHOTO_PASS, 1, val, xstrdup(_("white, plain")),
		    _("The background is white and plain."));
}

static void
check_light(struct photo_report *r, const struct photo_scene *sc)
{
	struct zone f, a, b;
	enum photo_verdict v;
	double ratio;

	zone_luma(sc, -0.8, -0.3, 0.8, 1.4, &f);
	v = f.under > 0.3 || f.over > 0.15 || f.mean < 45 || f.mean > 235 ?
	    PHOTO_FAIL : f.under > 0.1 || f.over > 0.05 || f.mean < 60 ?
	    PHOTO_WARN : PHOTO_PASS;
	add(r, "exposure", v, 0, xasprintf(_("mean %.0f, dark %.0f%%, bright %.0f%%"),
	    f.mean, f.under * 100, f.over * 100),
	    xstrdup(_("mean 45-235, dark <= 30%, bright <= 15%")),
	    v == PHOTO_PASS ? _("The face is neither too dark nor too bright.") :
	    f.mean < 100 ? _("The face is too dark. Take the photo in more light.") :
	    _("The face is too bright (washed out). Avoid direct flash or sun."));
	zone_luma(sc, -0.75, 0.25, -0.2, 0.9, &a);
	zone_luma(sc, 0.2, 0.25, 0.75, 0.9, &b);
	ratio = fmax(a.mean, b.mean) > 0 ? fmin(a.mean, b.mean) / fmax(a.mean, b.mean) : 0;
	v = ratio >= 0.75 ? PHOTO_PASS : ratio >= 0.6 ? PHOTO_WARN : PHOTO_FAIL;
	add(r, "lighting", v, 0, xasprintf("%.2f", ratio), xstrdup(">= 0.75"),
	    v == PHOTO_PASS ? _("The face is evenly lit.") :
	    _("One side of the face is in shadow. Face the light, or light "
	    "both sides evenly."));
}

static void
check_detail(struct photo_report *r, const struct photo_scene *sc)
{
	double s = sharpness(sc), t = teeth(sc);
	enum photo_verdict v;

	v = s >= 14 ? PHOTO_PASS : s >= 9 ? PHOTO_WARN : PHOTO_FAIL;
	add(r, "sharpness", v, 0, xasprintf("%.1f", s), xstrdup(">= 14"),
	    v == PHOTO_PASS ? _("The photo is sharp.") :
	    _("The photo is blurred. Hold the camera still and focus on the face."));
	v = t > 0.12 ? PHOTO_WARN : PHOTO_PASS;
	add(r, "expression", v, 1, xasprintf(_("teeth %.0f%%"), t * 100),
	    xstrdup(_("mouth closed")), v == PHOTO_PASS ?
	    _("The expression looks neutral.") :
	    _("The mouth seems open or smiling; a neutral expression with "
	    "the mouth closed is required."));
}

/* Without exactly one face the face checks cannot measure anything. */
static void
not_measured(struct photo_report *r, const struct photo_scene *sc)
{
	static const char *const ids[] = { "face_width", "crown", "eye_line",
	    "centring", "tilt", "background", "exposure", "lighting",
	    "sharpness", "expression" };
	size_t i;

	for (i = 0; i < nitems(ids); i++)
		add(r, ids[i], PHOTO_FAIL, 0, xstrdup("-"), xstrdup("-"), "%s",
		    _("Not measured: it needs exactly one face in the photo."));
}

int
photo_check_file(const char *path, const struct photo_profile *p,
    const struct config *cfg, struct photo_report *r, char **cause)
{
	struct photo_scene sc;

	memset(r, 0, sizeof *r);
	if (photo_scene_load(path, cfg, CHECK_SIDE, &sc, cause) != 0)
		return (-1);
	r->ok = r->fixable = 1;
	check_file(r, &sc, p);
	check_colour(r, &sc);
	check_face(r, &sc);
	if (sc.nfaces == 1 && sc.detector_cause == NULL) {
		check_geometry(r, &sc, p);
		check_background(r, &sc);
		check_light(r, &sc);
		check_detail(r, &sc);
	} else
		not_measured(r, &sc);
	photo_scene_free(&sc);
	return (0);
}

void
photo_report_free(struct photo_report *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->checks[i].value);
		free(r->checks[i].expected);
		free(r->checks[i].message);
	}
	free(r->checks);
	memset(r, 0, sizeof *r);
}

int
photo_verdict(const char *path, const struct photo_profile *p,
    const struct config *cfg, char **cause)
{
	struct photo_report r;
	size_t i;
	int failed;

	if (photo_check_file(path, p, cfg, &r, cause) != 0)
		return (-1);
	for (i = 0; i < r.n; i++)
		if (r.checks[i].verdict == PHOTO_FAIL)
			break;
	/* Decide before the report is freed: freeing zeroes it. */
	failed = i < r.n;
	if (failed)
		*cause = xasprintf(_("%s does not meet the photo rules (%s): %s"),
		    path, r.checks[i].id, r.checks[i].message);
	photo_report_free(&r);
	return (failed);
}
