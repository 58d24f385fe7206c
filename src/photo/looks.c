/* photo-looks.c -- what an office looks at in the person: eyes, pose, glasses, hat, mouth, top. */
#include "lib/system.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "photo/check.h"
#include "photo/looks.h"
#include "photo/mesh.h"
#include "photo/profile.h"
#include "photo/segment.h"
#include "lib/xmalloc.h"

/* The face is enlarged at most this much before detail is lost. */
#define ENLARGE_WARN	1.25
#define ENLARGE_FAIL	1.6
/*
 * The nostrils' place between the eyes and the mouth of a level head, and
 * how far beyond a head is clearly tilted up or down.  Faces differ: the
 * hand-placed landmarks of 28 level, frontal portraits (London and Canada
 * sets) put it at 0.61-0.73, and sscard measures 0.74 on the longest.
 */
#define POSE_Q_LO	0.50
#define POSE_Q_HI	0.74
#define POSE_Q_FAIL	0.05
/* A turn passes outright up to this share of the profile's pose_max. */
#define POSE_PASS_SHARE	0.6
/*
 * Lenses with a frame seen are tinted when their colour stands this far
 * from the cheeks' (chromaticity): clear lenses on the fixtures stay under
 * 0.03, amber ones reach 0.043, dark sunglasses 0.24.
 */
#define TINT_WORN	0.035
/*
 * Share of strong colour over the forehead that is a hat: bare heads show
 * at most 5 % (a colourful backdrop through the hair), a badge on a cap 11 %.
 */
#define HAT_COLOUR	0.08
/*
 * Share of the forehead above the brows that is skin (photo_scene_forehead_skin)
 * under which something covers it: bare foreheads measure 0.63 (london 042)
 * and more, 0.44 with hair over one side in low light (if021); a cap 0.12
 * (if090), a fur hat 0.13 (if037), hair over the forehead 0.00-0.16
 * (fpp3936, fpp3377): which of them it is, colour cannot tell.
 */
#define FOREHEAD_SKIN	0.35
/* A grey top this light (luma) merges with a white background as a white one does. */
#define LIGHT_GREY	110
/*
 * Lips this far apart (share of the eye distance, FaceMesh) show the teeth or
 * an open mouth: closed mouths measure at most 0.032 in the labelled smiles
 * (but for full lips, 0.148, which only lip fills), clear teeth at least 0.113.
 */
#define LIPS_APART	0.07
/* Share of the gap that shows teeth or an open mouth's dark. */
#define LIPS_SHOW	0.25
/*
 * A chain at the neck: bright ridges (luma over both neighbours by this much)
 * over this share of the eye distance squared.  On the canada originals the
 * one thick chain gives 0.0050, the highest without one 0.0017 (a striped
 * top); the hair-thin chains a label accepts stay under 0.0011.
 */
#define CHAIN_CONTRAST	35
/*
 * Searched down to this many eye distances under the chin: a card's frame
 * ends 0.2-0.7 under it (fixed canada photos); the necklaces of 049f and 098m
 * shine 0.2-0.9 under it, the skull print of fpp4476 from 0.7, most of it
 * beyond 1.0.
 */
#define CHAIN_BELOW	1.0
/*
 * Over the head or by the ears, this share of strong colour is worn: the
 * purple hair band of 053f gives 0.165, reddish hair (119m) 0.084.
 */
#define ORNAMENT_WORN	0.12
#define CHAIN_AREA	0.0035
/*
 * Chin and shoulders in the frame: the chin at least CHIN_ROOM eye
 * distances above the bottom edge; a shoulder shows where the person fills
 * SHOULDER_FILL of the bottom rows over a band SHOULDER_BAND wide, starting
 * SHOULDER_OUT outside the face's edge.  With less than SHOULDER_ROOM under
 * the chin only the corners can show the top, and both must: the fixed
 * canada photos measure 0.30-0.89 under the chin, both shoulders filled
 * (0.78-1.00) but for 044f, one shoulder and 0.6-0.7 under the chin.
 */
#define CHIN_ROOM	0.1
#define SHOULDER_ROOM	0.5
#define SHOULDER_OUT	0.25
#define SHOULDER_BAND	0.3
#define SHOULDER_FILL	0.5
#define SHOULDER_TOL	12
/* Nostrils are measured on faces with at least this eye distance, file pixels. */
#define NOSE_MIN_IED	30

static double	luma_of(const uint8_t *);
static void	extremes(const uint8_t *, int *, int *);
static void	box_at(const struct photo_scene *, double, double, double, double,
		    int [4]);
static int	unnatural(const uint8_t *, int, int);
static double	dip(const struct photo_scene *, double, double, double, double);
static double	teeth(const struct photo_scene *);
static int	nose_mouth(const struct photo_scene *, double *, double *, double *);
static enum photo_verdict pose_turn(double, int, int);
static enum photo_verdict pose_nose(double);
static const char *chin_words(double);
static void	check_resolution(struct photo_report *, const struct photo_scene *);
static void	check_eyes(struct photo_report *, const struct photo_scene *);
static void	check_pose(struct photo_report *, const struct photo_scene *,
		    const struct photo_profile *);
static void	check_glasses(struct photo_report *, const struct photo_scene *,
		    const struct photo_profile *);
static void	check_headwear(struct photo_report *, const struct photo_scene *);
static void	check_expression(struct photo_report *, const struct photo_scene *,
		    const struct photo_profile *);
static void	check_accessories(struct photo_report *, const struct photo_scene *);
static void	check_clothing(struct photo_report *, const struct photo_scene *);
static double	shoulder_fill(const struct photo_scene *, int);
static void	check_shoulders(struct photo_report *, const struct photo_scene *);
static double	outline_at(const struct photo_scene *, int, double);
static int	tooth_at(const struct photo_scene *, const uint8_t *, double);
static int	white_backdrop(const struct photo_scene *);
static double	between_lips(const struct photo_scene *);

static double
luma_of(const uint8_t *p)
{
	return (0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]);
}

/* The largest and smallest channel of p. */
static void
extremes(const uint8_t *p, int *mx, int *mn)
{
	*mx = p[0] > p[1] ? (p[0] > p[2] ? p[0] : p[2]) : (p[1] > p[2] ? p[1] : p[2]);
	*mn = p[0] < p[1] ? (p[0] < p[2] ? p[0] : p[2]) : (p[1] < p[2] ? p[1] : p[2]);
}

/*
 * A clear colour (largest channel mx, smallest mn) of a hue no hair or
 * skin has: hair and skin run from red through orange to yellow (or grey);
 * a blue, green, purple or pink band is worn.  Sunburnt or flushed skin is
 * a red a little past pure red (blue a little over green, (90, 48, 50) on a
 * forehead): hues down to 10 degrees short of red are skin's.
 */
static int
unnatural(const uint8_t *p, int mx, int mn)
{
	if (mx - mn <= 40 || (mx - mn) * 10 <= mx * 4)
		return (0);
	/* Red the largest, and green over blue or short of it by a sixth of the spread. */
	return (!(p[0] == mx && 6 * (p[1] - p[2]) >= -(mx - mn)));
}

/* Box (dx0, dy0)-(dx1, dy1) in eye distances around the eye midpoint, as pixels. */
static void
box_at(const struct photo_scene *sc, double dx0, double dy0, double dx1,
    double dy1, int b[4])
{
	b[0] = (int)fmax(0, sc->eye_x + dx0 * sc->ied);
	b[1] = (int)fmax(0, sc->eye_y + dy0 * sc->ied);
	b[2] = (int)fmin(sc->im.w, sc->eye_x + dx1 * sc->ied);
	b[3] = (int)fmin(sc->im.h, sc->eye_y + dy1 * sc->ied);
}

void
scene_tone(const struct photo_scene *sc, double dx0, double dy0, double dx1,
    double dy1, struct tone *t)
{
	const struct image *im = &sc->im;
	int x, y, b[4], c, skin, mx, mn;
	const uint8_t *p;
	double l;

	box_at(sc, dx0, dy0, dx1, dy1, b);
	memset(t, 0, sizeof *t);
	for (y = b[1]; y < b[3]; y++)
		for (x = b[0]; x < b[2]; x++) {
			p = im->px + ((size_t)y * im->w + x) * 3;
			l = luma_of(p);
			for (c = 0; c < 3; c++)
				t->rgb[c] += p[c];
			t->luma += l;
			t->under += l <= 25;
			t->over += l >= 250;
			skin = photo_scene_skin(sc, p);
			extremes(p, &mx, &mn);
			t->skin += skin;
			/* A strong colour: far from grey, and not the colour of the cheeks. */
			t->vivid += mx - mn > 80 && !skin;
			t->unnatural += unnatural(p, mx, mn);
			t->n++;
		}
	if (t->n == 0)
		return;
	for (c = 0; c < 3; c++)
		t->rgb[c] /= t->n;
	t->luma /= t->n;
	t->under /= t->n;
	t->over /= t->n;
	t->skin /= t->n;
	t->vivid /= t->n;
	t->unnatural /= t->n;
}

/*
 * How much darker than the rows around it the darkest row of a box is
 * (eye-distance units around the eye midpoint), over the cheek luma: the
 * bridge or rim of a frame is a thin dark line across smooth skin.
 */
static double
dip(const struct photo_scene *sc, double dx0, double dy0, double dx1, double dy1)
{
	double row[256], best = 0, l, around;
	int x, y, b[4], x0, x1, y0, y1, n, k, gap = (int)fmax(2, 0.08 * sc->ied);
	struct tone cheek;

	box_at(sc, dx0, dy0, dx1, dy1, b);
	x0 = b[0];
	y0 = b[1];
	x1 = b[2];
	y1 = b[3];
	n = y1 - y0 > 256 ? 256 : y1 - y0;
	if (x1 - x0 < 2 || n < 2 * gap + 1)
		return (0);
	for (k = 0; k < n; k++) {
		for (l = 0, x = x0; x < x1; x++)
			l += luma_of(sc->im.px + ((size_t)(y0 + k) * sc->im.w + x) * 3);
		row[k] = l / (x1 - x0);
	}
	for (y = gap; y < n - gap; y++) {
		around = fmin(row[y - gap], row[y + gap]);
		best = fmax(best, around - row[y]);
	}
	scene_tone(sc, -0.5, 0.35, 0.5, 0.7, &cheek);
	return (cheek.luma > 0 ? best / cheek.luma : 0);
}

/*
 * Pixel p is a tooth: bright and nearly colourless.  Pale skin in bright
 * light is bright and nearly colourless too, but no brighter than the
 * cheeks (whose luma is cheek).
 */
static int
tooth_at(const struct photo_scene *sc, const uint8_t *p, double cheek)
{
	int mx, mn;

	extremes(p, &mx, &mn);
	return (mx > 140 && (mx - mn) * 100 < mx * 22 &&
	    !(photo_scene_skin(sc, p) && luma_of(p) <= 1.1 * cheek));
}

/* Share of bright, colourless pixels (teeth) in the mouth band. */
static double
teeth(const struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	int x, y, b[4], n = 0, t = 0;
	double cheek = 0.299 * sc->skin[0] + 0.587 * sc->skin[1] + 0.114 * sc->skin[2];

	box_at(sc, -0.45, 1.0, 0.45, 1.45, b);
	for (y = b[1]; y < b[3]; y++)
		for (x = b[0]; x < b[2]; x++, n++)
			t += tooth_at(sc, im->px + ((size_t)y * im->w + x) * 3, cheek);
	return (n > 0 ? (double)t / n : 0);
}

/*
 * Share of the pixels between FaceMesh's inner lips (the middle three
 * fifths of the gap, a sixth of the eye distance wide) that are teeth
 * (bright, nearly colourless, brighter than skin) or the dark inside of an
 * open mouth; lips, closed, are neither.
 */
static double
between_lips(const struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	double cheek = 0.299 * sc->skin[0] + 0.587 * sc->skin[1] + 0.114 * sc->skin[2];
	double mx = (sc->mesh.lip_ux + sc->mesh.lip_dx) / 2, half = sc->ied / 12;
	double y0 = sc->mesh.lip_uy + 0.2 * (sc->mesh.lip_dy - sc->mesh.lip_uy);
	double y1 = sc->mesh.lip_dy - 0.2 * (sc->mesh.lip_dy - sc->mesh.lip_uy);
	int x, y, n = 0, k = 0;
	const uint8_t *p;

	for (y = (int)fmax(0, y0); y < fmin(im->h, y1); y++)
		for (x = (int)fmax(0, mx - half); x < fmin(im->w, mx + half); x++, n++) {
			p = im->px + ((size_t)y * im->w + x) * 3;
			k += tooth_at(sc, p, cheek) || luma_of(p) < 0.45 * cheek;
		}
	return (n > 0 ? (double)k / n : 0);
}

/*
 * The nostrils and the mouth, in eye distances from the eye midpoint:
 * the centroid of the darkest pixels under the nose (nostrils are the
 * darkest spots between the eyes and the mouth) and of the lips (redder
 * than the cheeks).  0 when either is not seen.
 */
static int
nose_mouth(const struct photo_scene *sc, double *nx, double *ny, double *my)
{
	const struct image *im = &sc->im;
	struct tone cheek;
	double sx = 0, sy = 0, ly = 0, cr, red, l;
	int x, y, b[4], n = 0, nl = 0, box = 0, lbox = 0;
	const uint8_t *p;

	scene_tone(sc, -0.5, 0.35, 0.5, 0.7, &cheek);
	if (cheek.n == 0)
		return (0);
	cr = (cheek.rgb[0] - cheek.rgb[1]) / (cheek.luma + 1);
	box_at(sc, -0.35, 0.35, 0.35, 0.9, b);
	for (y = b[1]; y < b[3]; y++)
		for (x = b[0]; x < b[2]; x++, box++) {
			p = im->px + ((size_t)y * im->w + x) * 3;
			if (luma_of(p) < 0.55 * cheek.luma) {
				sx += x;
				sy += y;
				n++;
			}
		}
	box_at(sc, -0.35, 0.8, 0.35, 1.6, b);
	for (y = b[1]; y < b[3]; y++)
		for (x = b[0]; x < b[2]; x++, lbox++) {
			p = im->px + ((size_t)y * im->w + x) * 3;
			l = luma_of(p);
			red = (p[0] - p[1]) / (l + 1);
			if (red > cr + 0.12 && l < 1.1 * cheek.luma) {
				ly += y;
				nl++;
			}
		}
	if (n * 200 < box || nl * 50 < lbox)
		return (0);
	*nx = (sx / n - sc->eye_x) / sc->ied;
	*ny = (sy / n - sc->eye_y) / sc->ied;
	*my = (ly / nl - sc->eye_y) / sc->ied;
	return (1);
}

/* The face must not need enlarging much: enlarged pixels carry no detail. */
static void
check_resolution(struct photo_report *r, const struct photo_scene *sc)
{
	double k = report_shown(sc->enlarge, 2);
	enum photo_verdict v = k > ENLARGE_FAIL ? PHOTO_FAIL :
	    k > ENLARGE_WARN ? PHOTO_WARN : PHOTO_PASS;

	report_add(r, "resolution", v, 0, xasprintf(_("enlarged %.2fx"), k),
	    xasprintf("<= %.2fx", ENLARGE_WARN), v == PHOTO_PASS ?
	    _("The face has enough pixels.") : v == PHOTO_WARN ?
	    _("The face has few pixels and must be enlarged, which blurs it. "
	    "A photo taken closer or with a better camera is safer.") :
	    _("The face has too few pixels: enlarged to the required size it "
	    "would be blurred. Take a new photo, closer or with a better camera."));
}

static void
check_eyes(struct photo_report *r, const struct photo_scene *sc)
{
	if (sc->face.eyes_found)
		report_add(r, "eyes", PHOTO_PASS, 0, xstrdup(_("both found")),
		    xstrdup(_("both open")), _("Both eyes were found."));
	else
		report_add(r, "eyes", PHOTO_FAIL, 0, xstrdup(_("not found")),
		    xstrdup(_("both open")), _("The eyes could not be found. Look "
		    "straight at the camera with both eyes open, with nothing (hair, "
		    "dark or reflecting glasses) over them."));
}

/*
 * Verdict of a turn of yaw degrees (as printed, whole): it passes up to
 * pass_deg, the window the row prints; beyond fail_deg it fails, between
 * the two it warns.
 */
static enum photo_verdict
pose_turn(double yaw, int pass_deg, int fail_deg)
{
	yaw = report_shown(yaw, 0);
	return (yaw > fail_deg ? PHOTO_FAIL : yaw > pass_deg ? PHOTO_WARN : PHOTO_PASS);
}

/* Verdict of the nostrils at q of the way from the eyes to the mouth (as printed). */
static enum photo_verdict
pose_nose(double q)
{
	q = report_shown(q, 2);
	return (q < POSE_Q_LO - POSE_Q_FAIL || q > POSE_Q_HI + POSE_Q_FAIL ? PHOTO_FAIL :
	    q < POSE_Q_LO || q > POSE_Q_HI ? PHOTO_WARN : PHOTO_PASS);
}

/*
 * Where the nostrils sit between the eyes and the mouth, as the citizen
 * would correct it: raised chin brings them up towards the eyes.  Judged on
 * the printed figure, as pose_nose, so the words and the verdict agree.
 */
static const char *
chin_words(double q)
{
	q = report_shown(q, 2);
	return (q < POSE_Q_LO ? _("chin raised") : q > POSE_Q_HI ? _("chin lowered") :
	    _("chin level"));
}

/*
 * A head turned to one side puts the eyes off the middle of the cheeks:
 * sin(yaw) is about the difference of the two sides over the width.  When
 * the cheek edges do not show, the nostrils off the eye midpoint along the
 * eye line tell the turn: they stand about half an eye distance in front
 * of the eyes, so tan(yaw) is about twice their offset.  Tilting up or down
 * moves the nostrils along the way from the eyes to the mouth: on the
 * frontal London portraits they sit at 0.56-0.62 of it.  A turn near
 * pose_max warns: the row prints the turn that passes outright
 * (POSE_PASS_SHARE of pose_max), so that a warned turn is never inside it.
 */
static void
check_pose(struct photo_report *r, const struct photo_scene *sc,
    const struct photo_profile *p)
{
	double left = sc->eye_x - sc->face_l, right = sc->face_r - sc->eye_x;
	double nx, ny, my, t = sc->roll * M_PI / 180, yaw = -1, q = -1, side, down;
	int edges = sc->face_measured && sc->face.eyes_found;
	int pass_deg = (int)(p->pose_max * POSE_PASS_SHARE);
	const char *how = edges ? "" : _(", estimated");
	enum photo_verdict v = PHOTO_PASS, vq = PHOTO_PASS;
	char *val, *want;

	/* Nostrils and lips of a face this small are a few pixels: not measured. */
	if (sc->ied * sc->scale >= NOSE_MIN_IED && nose_mouth(sc, &nx, &ny, &my)) {
		/* Offsets along the eye line and across it. */
		side = nx * cos(t) + ny * sin(t);
		down = -nx * sin(t) + ny * cos(t);
		my = -nx * sin(t) + my * cos(t);
		if (my > 0.5) {
			q = down / my;
			vq = pose_nose(q);
		}
		/* Only from eyes that were found: a guessed midpoint says nothing of a turn. */
		if (!edges && sc->face.eyes_found) {
			yaw = atan(2 * fabs(side)) * 180 / M_PI;
			/* Noisier than the cheek edges: only a clear turn fails. */
			v = pose_turn(yaw, pass_deg, p->pose_max * 3 / 2);
		}
	}
	/*
	 * FaceMesh's outline has depth: the turn is its slope across the
	 * face (frontal photos measure at most 4.5°, the near profile 52°).
	 * Else the cheeks' edges, unequal beside the eyes of a turned head.
	 */
	if (sc->mesh_measured) {
		edges = 1;
		how = "";
		yaw = fabs(sc->mesh.yaw);
		v = pose_turn(yaw, pass_deg, p->pose_max);
	} else if (edges) {
		yaw = asin(fmin(1, fabs(right - left) / (right + left))) * 180 / M_PI;
		v = pose_turn(yaw, pass_deg, p->pose_max);
	}
	if (yaw < 0 && q < 0) {
		report_add(r, "pose", PHOTO_WARN, 0, xstrdup(_("not measured")),
		    xasprintf(_("<= %d°"), pass_deg), _("The edges of the face, "
		    "the eyes, the nose and the mouth could not all be seen, so "
		    "whether the head faces the camera was not measured. Face the "
		    "camera squarely."));
		return;
	}
	if (yaw >= 0 && q >= 0)
		val = xasprintf(_("turned about %.0f°, %s%s"), yaw, chin_words(q), how);
	else if (yaw >= 0)
		val = xasprintf(_("turned about %.0f°%s"), yaw, how);
	else
		val = xasprintf("%s%s", chin_words(q), how);
	want = xasprintf(_("<= %d°, %s"), pass_deg, _("chin level"));
	if (vq > v)
		report_add(r, "pose", vq, 0, val, want, _("The head seems tilted up "
		    "or down. Hold it level, with the eyes looking straight at the lens."));
	else if (v == PHOTO_PASS && !edges)
		report_add(r, "pose", PHOTO_WARN, 0, val, want, _("The head seems "
		    "to face the camera, but the edges of the face or the eyes "
		    "could not be seen, so this is estimated. Face the camera squarely."));
	else
		report_add(r, "pose", v, 0, val, want, v == PHOTO_PASS ?
		    _("The head faces the camera.") : _("The head is turned to one "
		    "side. Face the camera squarely, nose towards the lens."));
	/* The nostrils' place, not words: for tools and calibration. */
	if (q >= 0)
		report_figures(r, "nose at %.2f of eyes to mouth (%.2f-%.2f)", q,
		    POSE_Q_LO, POSE_Q_HI);
}

/* The glasses row: verdict v, what was seen and what is expected, and the advice. */
static void
glasses_say(struct photo_report *r, enum photo_verdict v, const char *value,
    const char *expected, const char *message)
{
	report_add(r, "glasses", v, 0, xstrdup(value), xstrdup(expected), "%s", message);
}

/*
 * Lenses: dark or coloured against the cheeks (tinted, judged more
 * strictly behind a frame that was seen), bright spots
 * (glare); a frame: a thin dark line across the nose bridge or under the eyes.
 */
static void
check_glasses(struct photo_report *r, const struct photo_scene *sc,
    const struct photo_profile *p)
{
	struct tone cheek, lens[2];
	double dark, tint, glare, frame, s, k;
	int i, worn, seen, tinted;

	scene_tone(sc, -0.5, 0.35, 0.5, 0.7, &cheek);
	scene_tone(sc, -0.8, -0.2, -0.2, 0.2, &lens[0]);
	scene_tone(sc, 0.2, -0.2, 0.8, 0.2, &lens[1]);
	dark = 1;
	tint = glare = 0;
	for (i = 0; i < 2; i++) {
		dark = fmin(dark, cheek.luma > 0 ? lens[i].luma / cheek.luma : 1);
		glare = fmax(glare, lens[i].over);
		s = lens[i].rgb[0] + lens[i].rgb[1] + lens[i].rgb[2] + 1;
		k = cheek.rgb[0] + cheek.rgb[1] + cheek.rgb[2] + 1;
		tint = fmax(tint, hypot(lens[i].rgb[0] / s - cheek.rgb[0] / k,
		    lens[i].rgb[1] / s - cheek.rgb[1] / k));
	}
	frame = fmax(dip(sc, -0.1, -0.35, 0.1, 0.1), fmax(dip(sc, -0.75, 0.05,
	    -0.3, 0.5), dip(sc, 0.3, 0.05, 0.75, 0.5)));
	/*
	 * Eyes found only by the eyeglasses cascade suggest glasses, but that
	 * cascade also finds eyes narrowed by a smile: without a frame seen,
	 * dark or coloured eyes are tinted lenses only perhaps.
	 */
	seen = frame > 0.18;
	worn = seen || sc->face.eyes_how != NULL;
	tinted = dark < 0.45 || tint > TINT_WORN;
	if (seen && tinted)
		glasses_say(r, PHOTO_FAIL, _("tinted lenses"), _("no tinted lenses"),
		    _("The glasses look tinted (sunglasses or coloured lenses). "
		    "Take them off, or wear clear glasses."));
	else if (worn && tinted)
		glasses_say(r, PHOTO_WARN, _("tinted lenses?"), _("no tinted lenses"),
		    _("The eyes look dark or coloured, as behind tinted glasses, "
		    "but no frame was seen. Take off sunglasses or tinted glasses; "
		    "if you wear none, the eyes may be in shadow or narrowed: look "
		    "at the camera with the face evenly lit."));
	else if (glare > 0.04)
		glasses_say(r, PHOTO_FAIL, _("light reflects on them"), _("no glare"),
		    _("Light reflects on the glasses. Tilt them slightly, or move "
		    "the light, so that the eyes show clearly."));
	else if (worn && !p->glasses)
		glasses_say(r, PHOTO_FAIL, _("worn"), _("no glasses"),
		    _("Glasses seem to be worn, and this region does not allow "
		    "them. Take them off for the photo."));
	else if (worn)
		glasses_say(r, PHOTO_WARN, _("clear, worn"), _("clear, no glare"),
		    p->weak & WEAK_NO_GLASSES ? _("Glasses seem to be worn. The "
		    "national rules allow clear glasses you always wear, but a single "
		    "weak source for this region says no glasses at all: to be safe, "
		    "take them off, or ask your local office.") : _("Glasses seem to "
		    "be worn. They are allowed if you always wear them: clear lenses, "
		    "no reflection, the eyes fully visible."));
	else
		glasses_say(r, PHOTO_PASS, _("none seen"), _("clear, no glare"),
		    _("No tinted lenses or glare were seen."));
	report_figures(r, "lenses %.0f%% of the cheeks, tint %.3f, glare %.1f%%, "
	    "frame %.2f", dark * 100, tint, glare * 100, frame);
}

/*
 * Over the forehead there is hair or skin; a strong colour there (a badge,
 * a coloured band) is a hat, cap or scarf.  Hats of hair's colours are not
 * told from hair.
 */
static void
check_headwear(struct photo_report *r, const struct photo_scene *sc)
{
	struct tone top;
	enum photo_verdict v;
	double forehead;
	int covered;

	/* From just under the top of the head to the top of the forehead. */
	scene_tone(sc, -0.6, fmax(-2.2, (sc->crown_y - sc->eye_y) / sc->ied + 0.1),
	    0.6, -1.0, &top);
	forehead = photo_scene_forehead_skin(sc);
	covered = forehead >= 0 && forehead < FOREHEAD_SKIN;
	v = top.vivid > HAT_COLOUR ? PHOTO_FAIL : covered ? PHOTO_WARN : PHOTO_PASS;
	report_add(r, "headwear", v, 0, v == PHOTO_WARN ?
	    xstrdup(_("forehead covered")) : xasprintf(_("colour %.0f%%"), top.vivid * 100),
	    xstrdup(_("bare head")), v == PHOTO_PASS ?
	    _("No brightly coloured hat or head covering was seen; a hat of "
	    "the colour of hair may not be recognised, so take the photo "
	    "bare-headed.") : v == PHOTO_WARN ?
	    _("The forehead does not show: a hat, cap or scarf covers it, or "
	    "hair does. Take the photo bare-headed; hair may fall over the "
	    "forehead but not over the eyebrows.") :
	    _("Something seems to cover the head (a hat, cap or scarf). Take "
	    "the photo bare-headed."));
	report_figures(r, "colour %.2f, forehead skin %.2f", top.vivid, forehead);
}

static void
check_expression(struct photo_report *r, const struct photo_scene *sc,
    const struct photo_profile *p)
{
	double t = teeth(sc), gap = hypot(sc->mesh.lip_dx - sc->mesh.lip_ux,
	    sc->mesh.lip_dy - sc->mesh.lip_uy) / sc->ied;
	/*
	 * Where FaceMesh ran: its inner lips apart, with teeth or the dark of
	 * an open mouth between them (full closed lips can place them apart);
	 * else the colour of teeth in the mouth band.
	 */
	double between = sc->mesh_measured && gap >= LIPS_APART ? between_lips(sc) : 0;
	int open = sc->mesh_measured ? gap >= LIPS_APART && between >= LIPS_SHOW :
	    t > 0.09;
	enum photo_verdict v = open ? (p->mouth_closed ? PHOTO_FAIL : PHOTO_WARN) :
	    PHOTO_PASS;

	report_add(r, "expression", v, 0, !sc->mesh_measured ?
	    xasprintf(_("teeth %.0f%%"), t * 100) : open ?
	    xasprintf(_("lips apart %.0f%%"), gap * 100) : xstrdup(_("lips closed")),
	    xstrdup(_("mouth closed")), v == PHOTO_PASS ?
	    _("The mouth looks closed and the expression neutral.") :
	    _("The mouth seems open or the teeth show; a neutral expression "
	    "with the mouth closed is required. Take a new photo."));
	if (sc->mesh_measured)
		report_figures(r, "lips apart %.3f, teeth or dark between %.2f, teeth colour %.2f",
		    gap, between, t);
	else
		report_figures(r, mesh_available() ? "teeth colour %.2f (FaceMesh "
		    "could not run)" : "teeth colour %.2f (FaceMesh not installed)", t);
}

/* The backdrop is white: a white or pale top would merge with it. */
static int
white_backdrop(const struct photo_scene *sc)
{
	return (fmin(sc->bg[0], fmin(sc->bg[1], sc->bg[2])) >= 225);
}

/* Pixel p has the backdrop's colour, within t on every channel. */
static int
like_backdrop(const struct photo_scene *sc, const uint8_t *p, double t)
{
	return (fabs(p[0] - sc->bg[0]) < t && fabs(p[1] - sc->bg[1]) < t &&
	    fabs(p[2] - sc->bg[2]) < t);
}

/*
 * A metal chain under the chin: neutral pixels, not the backdrop, each a
 * bright ridge (lighter than both its neighbours a link's width away, across
 * or down): the shine of links.  A white T-shirt is flat, skin and coloured
 * tops are not neutral.  Its area as a share of the eye distance squared.
 * Only down to where a card's frame ends: a print on the chest is lower.
 */
static double
neck_chain(const struct photo_scene *sc)
{
	const struct image *im = &sc->im;
	int x, y, n = 0, g = (int)fmax(1, 0.025 * sc->ied), hi, lo;
	int y0 = (int)fmax(g, sc->chin_y + 0.2 * sc->ied);
	int y1 = (int)fmin(im->h - g, sc->chin_y + CHAIN_BELOW * sc->ied);
	const uint8_t *p;
	double l, d, t = fmax(25, 3 * sc->bg_std);

	for (y = y0; y < y1; y++)
		for (x = (int)fmax(g, sc->eye_x - 1.4 * sc->ied);
		    x < fmin(im->w - g, sc->eye_x + 1.4 * sc->ied); x++) {
			p = im->px + ((size_t)y * im->w + x) * 3;
			extremes(p, &hi, &lo);
			l = luma_of(p);
			if (l < 120 || hi - lo > 0.2 * hi || like_backdrop(sc, p, t))
				continue;
			d = fmin(l - luma_of(p - 3 * g), l - luma_of(p + 3 * g));
			d = fmax(d, fmin(l - luma_of(p - (size_t)im->w * 3 * g),
			    l - luma_of(p + (size_t)im->w * 3 * g)));
			n += d > CHAIN_CONTRAST;
		}
	return (n / (sc->ied * sc->ied));
}

/* Hair bands, earrings, necklaces: strong colours over the head, by the ears, at the neck. */
static void
check_accessories(struct photo_report *r, const struct photo_scene *sc)
{
	struct tone head, ear[2], neck;
	double most, chain, worn;

	scene_tone(sc, -1.0, -1.8, 1.0, -0.6, &head);
	scene_tone(sc, -1.3, 0.8, -0.9, 1.4, &ear[0]);
	scene_tone(sc, 0.9, 0.8, 1.3, 1.4, &ear[1]);
	scene_tone(sc, -0.6, 2.1, 0.6, 2.5, &neck);
	most = fmax(fmax(head.vivid, neck.vivid), fmax(ear[0].vivid, ear[1].vivid));
	/* A hair band may be dark: any clear colour of its own counts over the head. */
	most = fmax(most, head.unnatural);
	if ((chain = neck_chain(sc)) > CHAIN_AREA) {
		report_add(r, "accessories", PHOTO_FAIL, 0,
		    xstrdup(_("shiny links at the neck")), xstrdup(C_("no ornaments", "none")),
		    _("A chain or necklace seems to show at the neck (bright, shiny "
		    "links). Ornaments are not allowed: take it off, or wear it under "
		    "the top. A shiny or finely striped top can look like this to "
		    "sscard: if you wear no chain, take a photo in a plain dark top."));
		report_figures(r, "chain %.4f", chain);
		report_unsure(r);
		return;
	}
	/*
	 * A strong colour over the head or by the ears, against a plain
	 * backdrop, is worn: a hair band, earrings (不得佩戴装饰品).  At the
	 * neck a coloured top looks the same, and a busy backdrop may show
	 * beside the head: there it only warns.
	 */
	worn = fmax(fmax(head.vivid, head.unnatural), fmax(ear[0].vivid, ear[1].vivid));
	if (worn > ORNAMENT_WORN && photo_scene_plain(sc)) {
		report_add(r, "accessories", PHOTO_FAIL, 0,
		    xasprintf(_("colour %.0f%%"), worn * 100),
		    xstrdup(C_("no ornaments", "none")), _("Something colourful is "
		    "worn over the head or by the ears (a hair band, earrings?). "
		    "Ornaments are not allowed: take them off and take a new photo."));
		report_figures(r, "chain %.4f", chain);
		return;
	}
	/* Where only the neck is colourful, the advice says so: a collar or skin looks the same. */
	report_add(r, "accessories", most > 0.06 ? PHOTO_WARN : PHOTO_PASS, 0,
	    /* TRANSLATORS: what is expected: no ornament worn. */
	    xasprintf(_("colour %.0f%%"), most * 100), xstrdup(C_("no ornaments", "none")),
	    most <= 0.06 ? _("No ornaments were seen (only strong colours can be "
	    "seen; take off any jewellery).") : worn > 0.06 ? _("Something "
	    "colourful is over the head, by the ears or at the neck (a hair band, "
	    "earrings, a necklace?). Ornaments are not allowed: take them off.") :
	    _("Something colourful shows at the neck: a necklace or pendant is "
	    "not allowed, take it off. A coloured collar, or skin reddened by the "
	    "sun, can look the same to sscard: if you wear none, this row needs "
	    "nothing."));
	report_figures(r, "chain %.4f", chain);
}

/* Pixel p is grey: its channels within an eighth of each other. */
static int
grey_at(const uint8_t *p)
{
	int hi, lo;

	extremes(p, &hi, &lo);
	return (hi - lo <= hi / 8);
}

/*
 * Column x is of the backdrop's colour at the bottom edge: where a white
 * top meets a white backdrop the white goes down to the edge; where the
 * backdrop shows above a shoulder, the shoulder is below it.
 */
static int
backdrop_to_bottom(const struct photo_scene *sc, int x, double t)
{
	return (like_backdrop(sc, sc->im.px + ((size_t)(sc->im.h - 1) * sc->im.w + x) * 3, t));
}

/*
 * How far out from the eyes' midline, on side (-1 left, +1 right), the
 * person's outline meets the backdrop on the bottom row: the outermost pixel
 * not of the backdrop's colour, where it is a top or hair (not skin).  White
 * beyond it is backdrop beside a narrow shoulder, not a white top; HUGE_VAL
 * where no such edge is seen (a white top merging with the backdrop shows
 * none, or only the neck's skin).
 */
static double
outline_at(const struct photo_scene *sc, int side, double t)
{
	const struct image *im = &sc->im;
	const uint8_t *p, *row = im->px + (size_t)(im->h - 1) * im->w * 3;
	int x;

	for (x = side < 0 ? 0 : im->w - 1; side < 0 ? x < sc->eye_x : x > sc->eye_x;
	    x -= side) {
		p = row + (size_t)x * 3;
		if (like_backdrop(sc, p, t))
			continue;
		return (photo_scene_skin(sc, p) ? HUGE_VAL : fabs(x - sc->eye_x) / sc->ied);
	}
	return (HUGE_VAL);
}

/* The top's pixels in the shoulder band beside the neck, counted by top_count. */
struct top {
	int	seen, n;	/* the band's pixels; those of the top */
	int	light;		/* light as the backdrop now is */
	int	on_white;	/* light against white, as on the card */
	double	sum;		/* their luma */
};

/*
 * Against white, light grey merges too (the card's backdrop is white);
 * against a grey backdrop its own shadow is such a grey.
 */
static int
light_on_white(const uint8_t *p, double l)
{
	return (l >= 175 || (l >= LIGHT_GREY && grey_at(p)));
}

/*
 * How surely pixel (x, y) is the person: the scene's own map where it was
 * segmented, else the cell of grid (segment_grid) that holds the pixel.
 */
static float
person_sure(const struct photo_scene *sc, const float *grid, int x, int y)
{
	if (sc->person != NULL)
		return (sc->person[(size_t)y * sc->im.w + x]);
	return (grid[y * SEGMENT_SIDE / sc->im.h * SEGMENT_SIDE + x * SEGMENT_SIDE / sc->im.w]);
}

/*
 * Counts the top in the shoulder band beside the neck.  Pixels like the
 * background count as the top only when the background is white, they
 * reach down to the bottom edge and lie inside the person's outline where
 * it is seen (outline_at): a backdrop shows beside the shoulders of a
 * narrow sitter.  By the network (person_sure's map, grid), only the
 * person's pixels count, whatever their colour.
 */
static void
top_count(const struct photo_scene *sc, int by_network, const float *grid,
    struct top *tp)
{
	const struct image *im = &sc->im;
	double t = fmax(18, 3 * sc->bg_std), l, dx, y0, y1;
	double reach[2] = { outline_at(sc, -1, t), outline_at(sc, 1, t) };
	int white = white_backdrop(sc), x, y;
	const uint8_t *p;

	memset(tp, 0, sizeof *tp);
	/*
	 * Where a card's frame ends close under the chin, the band is the
	 * frame's last rows: the shoulders that show are the ones judged.
	 */
	y1 = fmin(im->h, sc->chin_y + 1.0 * sc->ied);
	y0 = fmin(sc->chin_y + 0.3 * sc->ied, fmax(sc->chin_y - 0.2 * sc->ied,
	    y1 - 0.4 * sc->ied));
	for (y = (int)fmax(0, y0); y < y1; y++)
		for (x = 0; x < im->w; x++) {
			dx = fabs(x - sc->eye_x) / sc->ied;
			if (dx < 0.75 || dx > 1.6)
				continue;
			p = im->px + ((size_t)y * im->w + x) * 3;
			tp->seen++;
			if (photo_scene_skin(sc, p))
				continue;
			if (by_network ? person_sure(sc, grid, x, y) < 0.5f :
			    like_backdrop(sc, p, t) &&
			    (!white || !backdrop_to_bottom(sc, x, t) ||
			    dx >= reach[x > sc->eye_x]))
				continue;
			/* Pure black is no fabric: a border or a wedge of no image. */
			if (p[0] < 8 && p[1] < 8 && p[2] < 8)
				continue;
			l = luma_of(p);
			tp->sum += l;
			tp->on_white += light_on_white(p, l);
			tp->light += white ? light_on_white(p, l) : l >= 175;
			tp->n++;
		}
}

static enum photo_verdict
top_verdict(int light, int n)
{
	return (light * 100 > 35 * n ? PHOTO_FAIL : light * 5 > n ? PHOTO_WARN : PHOTO_PASS);
}

/*
 * The top in the shoulder band beside the neck.  Against a white background
 * a white or light top merges with it, which the rules forbid (身穿深色上衣).
 * Against another backdrop, a grey the card's white would merge with may be
 * the top or the backdrop's shadow: where the two readings differ, the
 * segmentation network tells the person's pixels, judged as on white (a
 * light grey top on a lavender wall, 117m, passed; so did a white top
 * shaded to grey, 063f).
 */
static void
check_clothing(struct photo_report *r, const struct photo_scene *sc)
{
	struct top tp, own;
	enum photo_verdict v;
	float *grid = NULL;
	char *cause = NULL;

	top_count(sc, 0, NULL, &tp);
	v = top_verdict(tp.light, tp.n);
	/* A scene segmented already is not segmented again. */
	if (v != top_verdict(tp.on_white, tp.n) && (sc->person != NULL ||
	    (segment_available() && (grid = segment_grid(&sc->im, &cause)) != NULL))) {
		top_count(sc, 1, grid, &own);
		/*
		 * Only a top light over most of it: a white shirt-front inside
		 * a dark jacket (123m) is light in part, and does not merge.
		 */
		if (own.n * 5 >= own.seen &&
		    top_verdict(own.on_white, own.n) == PHOTO_FAIL) {
			own.light = own.on_white;
			tp = own;
			v = PHOTO_FAIL;
		}
		free(grid);
	}
	free(cause);
	if (tp.seen < 50 || tp.n * 5 < tp.seen) {
		report_add(r, "clothing", PHOTO_WARN, 0, xstrdup(_("not visible")),
		    xstrdup(_("dark top")), _("The shoulders do not show, so the "
		    "colour of the top was not checked. Wear a dark top, and show "
		    "the shoulders."));
		return;
	}
	report_add(r, "clothing", v, 0, xasprintf(_("%.0f%% light, mean %.0f"),
	    100.0 * tp.light / tp.n, tp.sum / tp.n), xstrdup(_("dark top")), v == PHOTO_PASS ?
	    _("The top is dark and stands out from the background.") :
	    v == PHOTO_FAIL ? _("The top is white or light: on the white "
	    "background it merges with it, which is not allowed. Wear a dark "
	    "top; the automatic fix cannot change it.") : _("The top is "
	    "rather light; a dark top is required to stand out from the white "
	    "background."));
}

/*
 * Share of the bottom rows the person fills on side (-1 left, +1 right),
 * in a band just outside the face's edge: a shoulder, where it shows.  A
 * band beyond the photo's edge is measured at the edge.
 */
static double
shoulder_fill(const struct photo_scene *sc, int side)
{
	double a = sc->eye_x + side * (sc->face_w / 2 + SHOULDER_OUT * sc->ied);
	double b = a + side * SHOULDER_BAND * sc->ied, edge = fmax(2, 0.02 * sc->ied);
	int x0 = (int)fmin(a, b), x1 = (int)fmax(a, b), x, y, rows, n = 0;
	/* A white collar on a light wall is near its colour: a tight tolerance. */
	double t = fmax(SHOULDER_TOL, 2 * sc->bg_std);

	x0 = (int)fmax(0, fmin(x0, sc->im.w - edge));
	x1 = (int)fmin(sc->im.w, fmax(x1, edge));
	rows = (int)fmin(sc->im.h, fmax(2, 0.05 * sc->ied));
	if (x1 <= x0 || rows < 1)
		return (0);
	for (y = sc->im.h - rows; y < sc->im.h; y++)
		for (x = x0; x < x1; x++)
			n += photo_scene_person_at(sc, x, y, t);
	return ((double)n / ((x1 - x0) * rows));
}

/*
 * The photo shows the head and the top of the shoulders (seed 002: 双肩; the
 * lower edge shows the collarbone or the collar points): the chin clear of
 * the bottom edge, and a shoulder beside the neck on each side where the
 * frame ends close under the chin.  A photo taken from above, or of a
 * sitter slumped low, shows hair there and no shoulder.
 */
static void
check_shoulders(struct photo_report *r, const struct photo_scene *sc)
{
	double room = (sc->im.h - sc->chin_y) / sc->ied;
	double left = shoulder_fill(sc, -1), right = shoulder_fill(sc, 1);
	int shown = (left >= SHOULDER_FILL) + (right >= SHOULDER_FILL);
	/* Where the person is known: the network's map, or a white backdrop. */
	int known = sc->person != NULL || white_backdrop(sc);
	const char *why;
	enum photo_verdict v = PHOTO_FAIL;

	if (room < CHIN_ROOM)
		why = _("The chin is cut by the bottom edge. The photo must show "
		    "the head and the top of the shoulders: take a new photo from "
		    "further away.");
	else if (sc->person == NULL && !photo_scene_plain(sc)) {
		/* A busy backdrop differs from its own colour everywhere. */
		v = PHOTO_WARN;
		why = _("Not measured: the background does not show where the "
		    "shoulders end. Make sure the photo shows the top of both "
		    "shoulders.");
	} else if (shown > (room < SHOULDER_ROOM)) {
		v = PHOTO_PASS;
		why = _("The chin and the shoulders show in the photo.");
	} else if (known)
		why = _("The shoulders do not show below the chin. Sit upright "
		    "with the camera at the height of your eyes, a little further "
		    "away, so the photo shows the top of both shoulders.");
	else {
		/* A pale top on a light wall is near its colour. */
		v = PHOTO_WARN;
		why = _("Not measured: the shoulders could not be told from the "
		    "background. Make sure the photo shows the top of both "
		    "shoulders.");
	}
	report_add(r, "shoulders", v, 0, v == PHOTO_WARN ?
	    xstrdup(_("not measured")) : xasprintf(_("shoulders: %d of 2"), shown),
	    xstrdup(_("chin and shoulders")), "%s", why);
	report_figures(r, "chin %.2f above the bottom, shoulders %.2f %.2f (eye "
	    "distances, shares)", room, left, right);
}

void
check_looks(struct photo_report *r, const struct photo_scene *sc,
    const struct photo_profile *p)
{
	check_resolution(r, sc);
	check_eyes(r, sc);
	check_pose(r, sc, p);
	check_glasses(r, sc, p);
	check_headwear(r, sc);
	check_expression(r, sc, p);
	check_accessories(r, sc);
	check_clothing(r, sc);
	check_shoulders(r, sc);
}
