/* photo-check.c -- the rules a photo must meet, each with a verdict and advice. */
#include "lib/system.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/config.h"
#include "photo/check.h"
#include "photo/segment.h"
#include "photo/looks.h"
#include "photo/profile.h"
#include "lib/xmalloc.h"

/* The analysis runs on at least this many pixels on the short side. */
#define CHECK_SIDE	360
/* Faces are compared at this inter-eye distance, the one fix produces. */
#define NORM_IED	90.0
/* Eye line off level: passes up to TILT_PASS degrees, fails beyond TILT_WARN. */
#define TILT_PASS	3.0
#define TILT_WARN	8.0
/*
 * The head at the ears is at least this much wider than the face (FaceMesh's
 * outline at the ear roots) where both ears show: real photos measure 1.18
 * (025f) to 1.49 (hair), the photo taken 15 cm from the face 0.99.
 */
#define EARS_WIDER	1.08
/*
 * Beside the face at the ears (photo_scene_ear_skin) an ear shows skin:
 * photos with both ears showing measure 0.19 (if032) to 0.85 on their
 * barer side, hair over an ear 0.01-0.04 (london 067, fpp3377).
 */
#define EAR_SKIN	0.10
/*
 * The face's mean luma passes in EXPO_LO-EXPO_HI, with at most EXPO_DARK %
 * of it near black and EXPO_BRIGHT % near white; beyond the _FAIL figures
 * it fails, between them it warns.
 */
#define EXPO_LO		60
#define EXPO_HI		235
#define EXPO_DARK	10
#define EXPO_BRIGHT	5
#define EXPO_LO_FAIL	45
#define EXPO_DARK_FAIL	30
#define EXPO_BRIGHT_FAIL 15

/* Every check, in the order they are reported, with its name for people. */
static const struct rule {
	const char	*id;
	const char	*name;
} rules[] = {
	{ "format", N_("File format") },
	{ "studio", N_("Taken at a studio") },
	{ "colour", N_("Colour") },
	{ "pixels", N_("Size in pixels") },
	{ "dpi", N_("Dots per inch") },
	{ "filesize", N_("File size") },
	{ "face", N_("One face") },
	{ "resolution", N_("Detail of the face") },
	{ "face_width", N_("Face width") },
	{ "crown", N_("Room above the head") },
	{ "eye_line", N_("Height of the eyes") },
	{ "centring", N_("Face centred") },
	{ "tilt", N_("Head level") },
	{ "pose", N_("Facing the camera") },
	{ "ears", N_("Ears showing") },
	{ "shoulders", N_("Chin and shoulders in the frame") },
	{ "eyes", N_("Eyes open and visible") },
	{ "glasses", N_("Glasses") },
	{ "headwear", N_("Bare head") },
	{ "expression", N_("Mouth closed") },
	{ "accessories", N_("Jewellery and ornaments") },
	{ "clothing", N_("Dark top") },
	{ "background", N_("Background") },
	{ "exposure", N_("Exposure") },
	{ "lighting", N_("Even light") },
	{ "sharpness", N_("Sharpness") },
};

static const char *rule_name(const char *);
static double	sharpness(const struct photo_scene *);
static void	check_file(struct photo_report *, const struct photo_scene *,
		    const struct photo_profile *);
static void	check_studio(struct photo_report *, const struct photo_profile *);
static void	check_colour(struct photo_report *, const struct photo_scene *);
static void	check_face(struct photo_report *, const struct photo_scene *);
static void	check_geometry(struct photo_report *, const struct photo_scene *,
		    const struct photo_profile *);
static void	check_ears(struct photo_report *, const struct photo_scene *);
static void	check_background(struct photo_report *, const struct photo_scene *);
static void	check_light(struct photo_report *, const struct photo_scene *);
static void	check_exposure(struct photo_report *, const struct photo_scene *);
static char	*size_text(long, int);
static char	*window_text(const struct photo_profile *, int);
static void	check_filesize(struct photo_report *, const struct photo_info *,
		    const struct photo_profile *);
static void	check_detail(struct photo_report *, const struct photo_scene *);
static void	not_measured(struct photo_report *, const struct photo_scene *);
static char	*background_words(const struct photo_scene *, double);

/* The translated name of check id; every id add is given is in the table. */
static const char *
rule_name(const char *id)
{
	size_t i;

	for (i = 0; i < nitems(rules); i++)
		if (strcmp(rules[i].id, id) == 0)
			return (_(rules[i].name));
	fatal("no rule '%s'", id);
}

void
report_add(struct photo_report *r, const char *id, enum photo_verdict v,
    int fixable, char *value, char *expected, const char *fmt, ...)
{
	struct photo_check *c;
	va_list ap;

	r->checks = xreallocarray(r->checks, r->n + 1, sizeof *r->checks);
	c = &r->checks[r->n++];
	c->id = id;
	c->name = rule_name(id);
	c->verdict = v;
	c->fixable = fixable;
	c->unsure = 0;
	c->value = value;
	c->figures = NULL;
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

void
report_figures(struct photo_report *r, const char *fmt, ...)
{
	struct photo_check *c = &r->checks[r->n - 1];
	va_list ap;

	free(c->figures);
	va_start(ap, fmt);
	c->figures = xvasprintf(fmt, ap);
	va_end(ap);
}

/* What the check cannot measure without comes first: no face, a photo not in colour. */
static const char *const basic_rules[] = { "colour", "face", "background" };

/* Where c stands among the unfixable failures: lower is named first. */
static size_t
unfixable_rank(const struct photo_check *c)
{
	size_t j;

	for (j = 0; j < nitems(basic_rules); j++)
		if (strcmp(c->id, basic_rules[j]) == 0)
			break;
	return ((c->unsure ? nitems(basic_rules) + 1 : 0) + j);
}

const struct photo_check *
photo_report_unfixable(const struct photo_report *r, size_t nth)
{
	const struct photo_check *c;
	size_t rank, i;

	for (rank = 0; rank < 2 * (nitems(basic_rules) + 1); rank++)
		for (i = 0; i < r->n; i++) {
			c = &r->checks[i];
			if (c->verdict == PHOTO_FAIL && !c->fixable &&
			    unfixable_rank(c) == rank && nth-- == 0)
				return (c);
		}
	return (NULL);
}

void
report_unsure(struct photo_report *r)
{
	r->checks[r->n - 1].unsure = 1;
}

double
report_shown(double v, int decimals)
{
	char buf[64];

	/* The same conversion as the row's own printf, so ties round alike. */
	snprintf(buf, sizeof buf, "%.*f", decimals, v);
	return (strtod(buf, NULL));
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

static void
check_file(struct photo_report *r, const struct photo_scene *sc,
    const struct photo_profile *p)
{
	const struct photo_info *in = &sc->info;
	int w, h, dpi = photo_dpi(in);

	photo_scene_file_size(sc, &w, &h);
	if (in->format != PHOTO_JPEG)
		report_add(r, "format", PHOTO_FAIL, 1, xstrdup("PNG"), xstrdup("JPEG/JFIF"),
		    _("The photo is a PNG file; it must be a JPEG. The automatic fix saves it as JPEG."));
	else if (in->arithmetic)
		report_add(r, "format", PHOTO_FAIL, 1, xstrdup(_("JPEG, arithmetic coding")),
		    xstrdup("JPEG/JFIF"), _("Arithmetic-coded JPEG files are "
		    "refused by most systems; the automatic fix saves a plain JPEG."));
	else if (!in->jfif || in->progressive)
		report_add(r, "format", PHOTO_WARN, 1, xstrdup(in->progressive ?
		    _("progressive JPEG") : _("JPEG without JFIF")),
		    xstrdup("JPEG/JFIF"), _("Some systems expect a plain (baseline) "
		    "JFIF file; the automatic fix writes one."));
	else
		report_add(r, "format", PHOTO_PASS, 1, xstrdup("JPEG/JFIF"),
		    xstrdup("JPEG/JFIF"), _("The file is a JPEG (JFIF)."));
	if (w == p->width && h == p->height)
		report_add(r, "pixels", PHOTO_PASS, 1, xasprintf("%dx%d", w, h),
		    xasprintf("%dx%d", p->width, p->height), _("The size in pixels is right."));
	else
		report_add(r, "pixels", PHOTO_FAIL, 1, xasprintf("%dx%d", w, h),
		    xasprintf("%dx%d", p->width, p->height),
		    _("The photo must be exactly %dx%d pixels; the automatic fix crops "
		    "and resizes it."), p->width, p->height);
	report_add(r, "dpi", dpi == p->dpi ? PHOTO_PASS : PHOTO_FAIL, 1,
	    /* TRANSLATORS: the file states no dots per inch. */
	    dpi > 0 ? xasprintf("%d", dpi) : xstrdup(C_("dpi not stated", "none")),
	    xasprintf("%d", p->dpi), dpi == p->dpi ? _("The resolution is right.") :
	    _("The file must say %d dpi; the automatic fix sets it."), p->dpi);
	check_filesize(r, in, p);
}

/*
 * A size in whole KB, as the window is printed, or in bytes when the KB
 * figure would contradict the verdict (near an edge of the window, whose
 * ends are in bytes: KB_MIN and KB_MAX).  Caller frees.
 */
static char *
size_text(long bytes, int exact)
{
	return (exact ? xasprintf(_("%ld bytes"), bytes) :
	    xasprintf("%ld KB", (bytes + 512) / 1024));
}

/* The file-size window as the row prints it, in the unit of the value; caller frees. */
static char *
window_text(const struct photo_profile *p, int exact)
{
	/* No upper limit (max_kb = 0 in a profile of the configuration). */
	if (p->max_bytes == 0)
		return (exact ? xasprintf(_(">= %ld bytes"), p->min_bytes) :
		    xasprintf(">= %d KB", profile_kb_min(p)));
	return (exact ? xasprintf(_("%ld-%ld bytes"), p->min_bytes, p->max_bytes) :
	    xasprintf("%d-%d KB", profile_kb_min(p), profile_kb_max(p)));
}

static void
check_filesize(struct photo_report *r, const struct photo_info *in,
    const struct photo_profile *p)
{
	long kb = (in->file_size + 512) / 1024;
	long hi = p->max_bytes > 0 ? p->max_bytes : LONG_MAX;
	int inside = in->file_size >= p->min_bytes && in->file_size <= hi;
	int exact = inside != (kb >= profile_kb_min(p) &&
	    (p->max_bytes == 0 || kb <= profile_kb_max(p)));
	char *want = window_text(p, exact);

	if (!inside)
		report_add(r, "filesize", p->size_recommended ? PHOTO_WARN : PHOTO_FAIL,
		    1, size_text(in->file_size, exact), want,
		    p->size_recommended ? _("The file is outside the recommended "
		    "window of %d to %d KB; the automatic fix picks the JPEG "
		    "quality that fits.") : _("The file must be between %d and %d "
		    "KB; the automatic fix picks the JPEG quality that fits."),
		    profile_kb_min(p), profile_kb_max(p));
	else
		report_add(r, "filesize", PHOTO_PASS, 1, size_text(in->file_size, exact),
		    want, _("The file size is inside the window."));
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
		report_add(r, "colour", PHOTO_FAIL, 1, xstrdup("CMYK"), xstrdup(_("24-bit RGB")),
		    _("The photo is in printing colours (CMYK); the automatic fix "
		    "converts it to RGB."));
	else if (sc->info.components == 1 || tinted * 1000 < n)
		report_add(r, "colour", PHOTO_FAIL, 0, xstrdup(_("greyscale")),
		    xstrdup(_("24-bit RGB")), _("The photo is black and white; "
		    "a colour photo is required. Take a new colour photo."));
	else
		report_add(r, "colour", PHOTO_PASS, 1, xstrdup(_("24-bit RGB")),
		    xstrdup(_("24-bit RGB")), _("The photo is in colour."));
}

static void
check_face(struct photo_report *r, const struct photo_scene *sc)
{
	int w, h;

	photo_scene_file_size(sc, &w, &h);
	if (sc->sliver)
		report_add(r, "face", PHOTO_FAIL, 0, xstrdup("0"), xstrdup("1"),
		    _("The photo is %dx%d pixels: too small or too narrow to show "
		    "a face. Take a new photo of your head and shoulders."), w, h);
	else if (sc->detector_cause != NULL || sc->network_cause != NULL)
		report_add(r, "face", PHOTO_FAIL, 0, xstrdup(_("not checked")),
		    xstrdup("1"), "%s", sc->detector_cause != NULL ? sc->detector_cause :
		    sc->network_cause);
	else if (sc->nfaces == 0)
		report_add(r, "face", PHOTO_FAIL, 0, xstrdup("0"), xstrdup("1"),
		    _("No face looking at the camera was found. Take a photo "
		    "facing the camera, with the whole face visible."));
	else if (sc->nfaces > 1)
		report_add(r, "face", PHOTO_FAIL, 0, xasprintf("%d", sc->nfaces), xstrdup("1"),
		    _("More than one face is in the photo; only you may be in it."));
	else
		report_add(r, "face", PHOTO_PASS, 1, xstrdup("1"), xstrdup("1"),
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
	double roll;
	enum photo_verdict v;

	v = fw >= p->face_min && fw <= p->face_max ? PHOTO_PASS : PHOTO_FAIL;
	/* An estimate inside the window is not a measurement: say so. */
	if (v == PHOTO_PASS && !sc->face_measured)
		v = PHOTO_WARN;
	report_add(r, "face_width", v, 1, sc->face_measured ? xasprintf("%d px", fw) :
	    xasprintf(_("%d px, estimated"), fw),
	    xasprintf("%d-%d px", p->face_min, p->face_max), v == PHOTO_PASS ?
	    _("The face has the right size.") : v == PHOTO_WARN ?
	    _("The edges of the face could not be seen (hair, shadow or "
	    "background); the width is estimated from the eyes and looks right.") :
	    fw < p->face_min ?
	    _("The face is too small in the frame; the automatic fix can crop closer.") :
	    _("The face is too large in the frame; the automatic fix can crop wider "
	    "if the photo shows enough around the head."));
	v = crown >= p->crown_min && crown <= p->crown_max ? PHOTO_PASS : PHOTO_FAIL;
	/* When hair and eye line cannot both fit, the eye line wins (GA 461 4.1.6). */
	if (v == PHOTO_FAIL && crown < p->crown_min &&
	    eye >= p->eye_line_min && eye <= p->eye_line_min + 6)
		v = PHOTO_WARN;
	if (v == PHOTO_PASS && !sc->crown_measured)
		v = PHOTO_WARN;
	report_add(r, "crown", v, 1, sc->crown_measured ? xasprintf("%d px", crown) :
	    xasprintf(_("%d px, estimated"), crown),
	    xasprintf("%d-%d px", p->crown_min, p->crown_max),
	    v == PHOTO_PASS ? _("The space above the head is right.") :
	    v == PHOTO_WARN && !sc->crown_measured ? _("The top of the hair "
	    "could not be told from the background; the space above the head is "
	    "estimated from the eyes.") :
	    v == PHOTO_WARN ? _("Tall hair is cut by the top edge; this is "
	    "allowed so that the eyes stay high enough.") : crown < p->crown_min ?
	    _("The top of the head is too close to (or beyond) the top edge.") :
	    _("There is too much space above the head."));
	v = eye >= p->eye_line_min ? PHOTO_PASS : PHOTO_FAIL;
	report_add(r, "eye_line", v, 1, xasprintf("%d px", eye),
	    xasprintf(">= %d px", p->eye_line_min), v == PHOTO_PASS ?
	    _("The eyes are high enough.") :
	    _("The eyes are too low in the photo."));
	v = ex >= p->eye_x_min && ex <= p->eye_x_max ? PHOTO_PASS : PHOTO_FAIL;
	report_add(r, "centring", v, 1, xasprintf("%d px", ex),
	    xasprintf("%d-%d px", p->eye_x_min, p->eye_x_max), v == PHOTO_PASS ?
	    _("The face is centred.") : _("The face is not centred left to right."));
	roll = fabs(report_shown(sc->roll, 1));
	v = roll <= TILT_PASS ? PHOTO_PASS : roll <= TILT_WARN ? PHOTO_WARN : PHOTO_FAIL;
	/* Either way round: a roll of -5 degrees is not "<= 3". */
	report_add(r, "tilt", v, 1, xasprintf("%.1f°", sc->roll), xasprintf("±%.1f°", TILT_PASS),
	    v == PHOTO_PASS ? _("The head is upright.") :
	    _("The head is tilted to one side; the automatic fix can level the "
	    "eyes, but a new photo with the head upright is better."));
}

/*
 * Both ears visible (双耳可见, Binzhou and seed 002): at the ears the head is
 * wider than the face between the ear roots, by the ears or hair over them.
 * A head no wider there was taken too close (the ears hidden behind the
 * cheeks by perspective) or turned.  What is beside the face there is an
 * ear where it has the colour of skin: a side with hardly any is covered
 * (hair) or turned away.  Hair of the skin's colour cannot be told from an
 * ear, so a pass says to check it.
 */
static void
check_ears(struct photo_report *r, const struct photo_scene *sc)
{
	double k = sc->face_w > 0 ? sc->head_w / sc->face_w : 0;
	int outlined = sc->head_w > 0 && sc->face_measured;
	/*
	 * The skin beside the face needs only the face's outline, not the
	 * head's: on a backdrop too busy to show the head, it still tells hair
	 * over an ear.
	 */
	double sl = sc->face_measured ? photo_scene_ear_skin(sc, -1) : -1;
	double sr = sc->face_measured ? photo_scene_ear_skin(sc, 1) : -1;
	int near = outlined && k < EARS_WIDER;	/* taken too close */
	int hidden = !near && sl >= 0 && sr >= 0 && fmin(sl, sr) < EAR_SKIN;

	if (near || hidden)
		report_add(r, "ears", PHOTO_FAIL, 0, hidden ? xstrdup(_("an ear hidden")) :
		    xasprintf("%.0f%%", k * 100), xasprintf("> %.0f%%", EARS_WIDER * 100),
		    "%s", near ? _("The ears do not show beside the face: the photo was "
		    "taken too close, or the head is turned. Take a new photo from at "
		    "least an arm's length, facing the camera, with the ears uncovered.") :
		    _("Beside the face, one side shows almost no skin where the ear "
		    "should be: hair covers the ear, or the head is turned away from "
		    "it. Take a new photo facing the camera, with the hair behind both "
		    "ears."));
	else if (!outlined)
		report_add(r, "ears", PHOTO_WARN, 0, xstrdup(_("not measured")),
		    xasprintf("> %.0f%%", EARS_WIDER * 100), "%s", sc->head_w <= 0 ?
		    _("Not measured: the background does not show the outline of the "
		    "head. Make sure both ears show.") : _("Not measured: the cheeks' "
		    "edges were not found. Make sure both ears show."));
	else
		report_add(r, "ears", PHOTO_PASS, 0, xasprintf("%.0f%%", k * 100),
		    xasprintf("> %.0f%%", EARS_WIDER * 100), "%s", _("The head is wider "
		    "at the ears than the face, and skin shows beside it on both sides, "
		    "as when the ears show; make sure hair does not cover them."));
	report_figures(r, "head %.0f px, face %.0f px, ear skin %.2f %.2f", sc->head_w,
	    sc->face_w, sl, sr);
}

static void
check_background(struct photo_report *r, const struct photo_scene *sc)
{
	const double *m = sc->bg_mean;
	double lo = fmin(m[0], fmin(m[1], m[2])), below = -1;
	char *val, *why = NULL;

	if (sc->bg_seen < 100) {
		report_add(r, "background", PHOTO_FAIL, 0, xstrdup(_("not visible")),
		    xstrdup(_("white, plain")), _("The head fills the photo: "
		    "no background shows. Step back from the camera."));
		return;
	}
	val = background_words(sc, lo);
	/*
	 * White and plain around the head: the network says whether it is so
	 * under it too.  (A backdrop still to be whitened fails anyway, and
	 * the fix looks under the head before it whitens by colour.)
	 */
	if (photo_scene_plain(sc) && sc->border <= 30 && lo >= 225 &&
	    segment_available())
		below = photo_scene_backdrop_below(sc, &why);
	if (!photo_scene_plain(sc) && segment_available())
		report_add(r, "background", PHOTO_FAIL, 1, val, xstrdup(_("white, plain")),
		    _("The background is not plain (objects, patterns or "
		    "shadows). The automatic fix can try to replace it with white; "
		    "a photo in front of a plain white wall is surer."));
	else if (!photo_scene_plain(sc))
		report_add(r, "background", PHOTO_FAIL, 0, val, xstrdup(_("white, plain")),
		    _("The background is not plain (objects, patterns or "
		    "shadows). Stand in front of a plain white wall."));
	else if (sc->border > 30)
		report_add(r, "background", PHOTO_FAIL, 1, val, xstrdup(_("white, plain")),
		    _("The photo seems to have a border; it must have none."));
	else if (why != NULL) {
		/* The network is installed but cannot run: no silent pass. */
		free(val);
		report_add(r, "background", PHOTO_FAIL, 0, xstrdup(_("not checked")),
		    xstrdup(_("white, plain")), "%s", why);
		free(why);
	} else if (below > PHOTO_BELOW_ODD) {
		free(val);
		report_add(r, "background", PHOTO_FAIL, 1,
		    xstrdup(_("not plain under the head")), xstrdup(_("white, plain")),
		    _("Under the head the background is not the plain one around "
		    "it: something else shows beside the person (a floor, "
		    "furniture, a field). The automatic fix can try to replace it "
		    "with white; a photo in front of a plain white wall is surer."));
	} else if (lo < 225)
		report_add(r, "background", PHOTO_FAIL, 1, val, xstrdup(_("white, plain")),
		    _("The background must be white; it is plain, so the automatic fix "
		    "can whiten it."));
	else if (lo < 240)
		report_add(r, "background", PHOTO_WARN, 1, val, xstrdup(_("white, plain")),
		    _("The background is light but not quite white."));
	else
		report_add(r, "background", PHOTO_PASS, 1, val, xstrdup(_("white, plain")),
		    _("The background is white and plain."));
	report_figures(r, "rgb %.0f,%.0f,%.0f, deviation %.1f, detail %.0f%%, unlike "
	    "under the head %.3f", m[0], m[1], m[2], sc->bg_spread, sc->bg_outliers * 100,
	    below);
}

/*
 * The background as a citizen would say it: its colour (the darkest channel
 * against the limits the row judges by), then whether it is plain.
 */
static char *
background_words(const struct photo_scene *sc, double lo)
{
	const double *m = sc->bg_mean;
	double hi = fmax(m[0], fmax(m[1], m[2]));
	const char *colour = lo >= 240 ? _("white") : lo >= 225 ? _("nearly white") :
	    hi - lo > 30 ? _("coloured") : lo >= 120 ? C_("background", "grey") :
	    C_("background", "dark");

	if (!photo_scene_plain(sc))
		return (xasprintf(_("%s, not plain"), colour));
	if (sc->border > 30)
		return (xasprintf(_("%s, with a border"), colour));
	return (xasprintf(_("%s, plain"), colour));
}

/*
 * The face neither too dark nor too bright.  The row prints the window
 * that passes; between it and the fail limits the photo warns.
 */
static void
check_exposure(struct photo_report *r, const struct photo_scene *sc)
{
	struct tone f;
	enum photo_verdict v;
	double mean, dark, bright;
	int too_dark, too_bright;

	scene_tone(sc, -0.8, -0.3, 0.8, 1.4, &f);
	mean = report_shown(f.luma, 0);
	dark = report_shown(f.under * 100, 0);
	bright = report_shown(f.over * 100, 0);
	too_dark = mean < EXPO_LO || dark > EXPO_DARK;
	too_bright = mean > EXPO_HI || bright > EXPO_BRIGHT;
	v = mean < EXPO_LO_FAIL || mean > EXPO_HI || dark > EXPO_DARK_FAIL ||
	    bright > EXPO_BRIGHT_FAIL ? PHOTO_FAIL :
	    too_dark || too_bright ? PHOTO_WARN : PHOTO_PASS;
	report_add(r, "exposure", v, 0, xasprintf(_("mean %.0f, dark %.0f%%, bright %.0f%%"),
	    mean, dark, bright), xasprintf(_("mean %d-%d, dark <= %d%%, bright <= %d%%"),
	    EXPO_LO, EXPO_HI, EXPO_DARK, EXPO_BRIGHT),
	    v == PHOTO_PASS ? _("The face is neither too dark nor too bright.") :
	    too_dark && too_bright ? _("Parts of the face are too dark and others "
	    "too bright (hard light). Take the photo in soft, even light.") :
	    too_dark ? _("The face is too dark. Take the photo in more light.") :
	    _("The face is too bright (washed out). Avoid direct flash or sun."));
}

static void
check_light(struct photo_report *r, const struct photo_scene *sc)
{
	struct tone a, b;
	enum photo_verdict v;
	double ratio;

	check_exposure(r, sc);
	scene_tone(sc, -0.75, 0.25, -0.2, 0.9, &a);
	scene_tone(sc, 0.2, 0.25, 0.75, 0.9, &b);
	ratio = fmax(a.luma, b.luma) > 0 ? fmin(a.luma, b.luma) / fmax(a.luma, b.luma) : 0;
	ratio = report_shown(ratio, 2);
	v = ratio >= 0.75 ? PHOTO_PASS : ratio >= 0.6 ? PHOTO_WARN : PHOTO_FAIL;
	report_add(r, "lighting", v, 0, xasprintf("%.2f", ratio), xstrdup(">= 0.75"),
	    v == PHOTO_PASS ? _("The face is evenly lit.") :
	    _("One side of the face is in shadow. Face the light, or light "
	    "both sides evenly."));
}

static void
check_detail(struct photo_report *r, const struct photo_scene *sc)
{
	double s = report_shown(sharpness(sc), 1);
	enum photo_verdict v;

	v = s >= 14 ? PHOTO_PASS : s >= 9 ? PHOTO_WARN : PHOTO_FAIL;
	report_add(r, "sharpness", v, 0, xasprintf("%.1f", s), xstrdup(">= 14"),
	    v == PHOTO_PASS ? _("The photo is sharp.") :
	    _("The photo is blurred. Hold the camera still and focus on the face."));
}

/* Without exactly one face the face checks cannot measure anything. */
static void
not_measured(struct photo_report *r, const struct photo_scene *sc)
{
	static const char *const ids[] = { "resolution", "face_width", "crown",
	    "eye_line", "centring", "tilt", "pose", "eyes", "glasses", "headwear",
	    "expression", "accessories", "clothing", "shoulders", "ears", "background",
	    "exposure", "lighting", "sharpness" };
	size_t i;

	for (i = 0; i < nitems(ids); i++)
		if (sc->detector_cause != NULL || sc->network_cause != NULL)
			/* What finds or measures faces could not run: that row says why. */
			report_add(r, ids[i], PHOTO_FAIL, 0, xstrdup("-"), xstrdup("-"),
			    _("Not measured: the face could not be measured; the row "
			    "\"%s\" says why."), rule_name("face"));
		else
			report_add(r, ids[i], PHOTO_FAIL, 0, xstrdup("-"), xstrdup("-"),
			    "%s", _("Not measured: it needs exactly one face in the photo."));
}

/* Only where a weak source asks for a studio's photo: a warning, never a verdict on the photo. */
static void
check_studio(struct photo_report *r, const struct photo_profile *p)
{
	if ((p->weak & WEAK_STUDIO) == 0)
		return;
	report_add(r, "studio", PHOTO_WARN, 0, xstrdup("-"),
	    xstrdup(_("a photo from a licensed studio (weak source)")),
	    _("A single weak source says that this region takes only photos "
	    "from a licensed ID-photo studio; sscard cannot tell where a photo "
	    "was taken. Ask your local office, or have the photo taken at a "
	    "studio."));
}

void
photo_check_scene(const struct photo_scene *sc, const struct photo_profile *p,
    struct photo_report *r)
{
	memset(r, 0, sizeof *r);
	r->ok = r->fixable = 1;
	check_file(r, sc, p);
	check_studio(r, p);
	check_colour(r, sc);
	check_face(r, sc);
	if (sc->nfaces == 1 && sc->detector_cause == NULL && sc->network_cause == NULL) {
		check_geometry(r, sc, p);
		check_looks(r, sc, p);
		check_ears(r, sc);
		check_background(r, sc);
		check_light(r, sc);
		check_detail(r, sc);
	} else
		not_measured(r, sc);
}

int
photo_check_file(const char *path, const struct photo_profile *p,
    const struct config *cfg, struct photo_report *r, char **cause)
{
	return (photo_check_fixed(path, p, cfg, 1, r, cause));
}

int
photo_check_fixed(const char *path, const struct photo_profile *p,
    const struct config *cfg, double enlarged, struct photo_report *r,
    char **cause)
{
	struct photo_scene sc;

	memset(r, 0, sizeof *r);
	if (photo_scene_load(path, cfg, CHECK_SIDE, &sc, cause) != 0)
		return (-1);
	sc.enlarge = fmax(enlarged, photo_scene_enlarge(&sc, p));
	photo_check_scene(&sc, p, r);
	photo_scene_free(&sc);
	return (0);
}

double
photo_scene_enlarge(const struct photo_scene *sc, const struct photo_profile *p)
{
	double file_face = sc->face_w * sc->scale;
	int w, h;

	photo_scene_file_size(sc, &w, &h);
	if (w == p->width && h == p->height)
		return (1);
	if (file_face <= 0)
		return (1);
	return (fmax(1, (p->face_min + p->face_max) / 2.0 / file_face));
}

void
photo_report_free(struct photo_report *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->checks[i].value);
		free(r->checks[i].figures);
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
		    path, r.checks[i].name, r.checks[i].message);
	photo_report_free(&r);
	return (failed);
}
