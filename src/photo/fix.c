/* photo-fix.c -- make a photo fit a profile, and write it only when it then passes. */
#include "lib/system.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/fsutil.h"
#include "lib/i18n.h"
#include "photo/check.h"
#include "photo/fix.h"
#include "photo/jpeg.h"
#include "lib/parallel.h"
#include "photo/matte.h"
#include "photo/profile.h"
#include "photo/segment.h"
#include "lib/workspace.h"
#include "lib/xmalloc.h"

/* Fix decodes this many pixels on the short side, enough for a sharp crop. */
#define FIX_SIDE	720
/* A backdrop darker than this (luma) is not told from dark hair with certainty. */
#define MIN_BACKDROP	140
/* Kept patches apart from the person larger than this share of the photo are leftovers. */
#define MATTE_BLOB	0.0005
/*
 * Backdrop-coloured pixels kept beside or above the head, as a share of the
 * photo.  Light hair keeps some of the backdrop's hue between its loose
 * strands: the photos labelled fixable measure up to 0.0004 (025f, blonde),
 * a white top on the lavender backdrop 0.0004-0.0029.
 */
#define MATTE_LEFT	0.0005
/*
 * Of the skin beside the face at the ears (at least EAR_SEEN of an eye
 * distance squared of it), a sound matte whitens no more than EAR_WHITENED.
 */
#define EAR_SEEN	0.01
#define EAR_WHITENED	0.25
/* Share of the hair, neck or backdrop zones a sound matte may get wrong. */
#define MATTE_SLACK	0.05
/* Turns (degrees) from which levelling turns the whole photo and measures it again. */
#define LEVEL_REMEASURE	3.0
/*
 * How far a crop may reach past an edge the person touches, as a share of
 * its size: rounding only (repeated pixels there would stretch the person).
 */
#define CROP_SLACK	0.01

/*
 * Where the person meets the top edge only at the top of the head, the hair
 * the photo cut off is at most this high (eye distances, apex_cut) for the
 * frame to reach above it with white: 0.03 is under 3 of the output's
 * pixels, a top of the hair flattened no more than that.
 */
#define APEX_CUT	0.03
/* How far past an edge showing only backdrop a frame may reach, as a share of it. */
#define EXTEND_MAX	0.30
/* Output pixels kept inside each of the profile's windows, for measurement. */
#define PLAN_MARGIN	3
/* Scales tried over the allowed face widths. */
#define PLAN_STEPS	96
/* Below the chin the frame keeps this share of its height for the neck. */
#define CHIN_ROOM	0.05

struct crop {
	double	x0, y0, w, h;
	double	eye_x, eye_y;	/* where the eye midpoint lands, output pixels */
	/* The frame reaches past these edges of the photo; the fix adds white there. */
	int	white_top, white_left, white_right;
};

/*
 * What the photo allows a frame: how far it may reach past each edge, as a
 * share of the frame.  Past an edge that shows only backdrop the frame may
 * reach far, and the fix fills it with white (the backdrop it whitens
 * anyway); past any other edge only a sliver of repeated pixels.
 */
struct room {
	double	top, left, right, bottom;
	int	clear_left, clear_right;	/* backdrop rows from the top at each side */
};

/* Which limit keeps a frame from fitting, for the refusal. */
enum limit { FITS, LIMIT_BOTTOM, LIMIT_LEFT, LIMIT_RIGHT, LIMIT_TOP, LIMIT_CHIN };

static int	refuse(const struct photo_scene *, const char *, char **);
static int	colour_tells(struct photo_scene *);
static int	segment_for(struct photo_scene *, const char *, char **);
static int	level(struct photo_scene *, double *);
static void	measure_room(const struct photo_scene *, struct room *);
static double	clamp(double, double, double);
static double	plan_at(const struct photo_scene *, const struct photo_profile *,
		    const struct room *, double, struct crop *, enum limit *, double *);
static char	*frame_cause(const char *, enum limit, int);
static int	plan_crop(const struct photo_scene *, const struct photo_profile *,
		    struct crop *, char **, const char *);
static void	copy_part(const struct image *, int, int, int, int, struct image *);
static void	cut(const struct image *, const struct crop *, double, double, double,
		    const struct photo_profile *, struct image *);
static void	add_white(struct image *, float *, const struct crop *, double, int);
static char	*separate_cause(const char *, const char *);
static float	*whiten(struct image *, const struct photo_scene *, const struct crop *,
		    double, const char *, char **);
static int	refuse_rules(const struct photo_report *, const char *, char **);
static double	share_whitened(const float *, int, int, double, double, double, double,
		    double);
static int	stray_blob(const float *, int, int, int, int);
static int	kept_inside(const float *, int, int, int, int);
static double	backdrop_kept(const float *, const struct image *,
		    const struct photo_scene *, double, double, double, double);
static int	matte_sound(const float *, const struct image *, const struct photo_scene *,
		    const struct crop *, double, const char *, char **);
static int	fit_size(const struct image *, const struct photo_profile *,
		    struct jpeg_out *, char **, const char *);
static int	fix_scene(struct photo_scene *, const struct photo_profile *,
		    const char *, struct jpeg_out *, double *, unsigned *, char **);
static void	*check_before(void *);
static char	*still_fails(const char *, const struct photo_report *);
static int	check_candidate(const struct jpeg_out *, const struct photo_profile *,
		    const struct config *, double, struct photo_report *, char **);

/* What fix cannot repair, said before anything is written. */
static int
refuse(const struct photo_scene *sc, const char *in, char **cause)
{
	if (sc->sliver)
		*cause = xasprintf(_("%s is too small or too narrow to show a "
		    "face; it cannot be fixed. Take a new photo of your head and "
		    "shoulders."), in);
	else if (sc->detector_cause != NULL)
		*cause = xstrdup(sc->detector_cause);
	else if (sc->network_cause != NULL)
		*cause = xasprintf("%s: %s", in, sc->network_cause);
	else if (sc->nfaces == 0)
		*cause = xasprintf(_("%s: no face was found, so the photo cannot "
		    "be fixed. Take a photo facing the camera."), in);
	else if (sc->nfaces > 1)
		*cause = xasprintf(_("%s: more than one face is in the photo; it "
		    "cannot be fixed. Take a photo of yourself alone."), in);
	else if (sc->info.components == 1)
		*cause = xasprintf(_("%s is black and white; it cannot be made a "
		    "colour photo. Take a new colour photo."), in);
	else
		return (0);
	return (-1);
}

/*
 * The backdrop's colour tells it from the person: plain and light, and
 * under the head the same (a sky above a field is plain around the head
 * only: the field would be kept as if it were the person).  Else the
 * segmentation network must (photo_scene_segment).  Without the network
 * the backdrop around the head is all there is to go by.
 */
static int
colour_tells(struct photo_scene *sc)
{
	if (!photo_scene_plain(sc) || 0.299 * sc->bg_mean[0] + 0.587 * sc->bg_mean[1] +
	    0.114 * sc->bg_mean[2] < MIN_BACKDROP)
		return (0);
	if (!segment_available())
		return (1);
	/*
	 * Kept in the scene: the check of the photo as given reads it too.
	 * Where the network cannot run, segmenting says why (segment_for).
	 */
	photo_scene_note_below(sc);
	return (sc->below >= 0 && sc->below <= PHOTO_BELOW_ODD);
}

/* Segments the scene of the file in; a failure names the file. */
static int
segment_for(struct photo_scene *sc, const char *in, char **cause)
{
	char *why = NULL;

	if (photo_scene_segment(sc, &why) == 0)
		return (0);
	*cause = xasprintf("%s: %s", in, why);
	free(why);
	return (-1);
}

/*
 * Levels the eyes: the photo turned about the eye midpoint.  Under
 * LEVEL_REMEASURE degrees the turn is left to cut (*turn), which turns only
 * the crop: it moves the crown by d (1 - cos a), under a pixel here, so the
 * scene keeps its measures: returns 1.  A larger turn is made on the whole
 * photo, which is then measured again (its person map, of the photo before
 * the turn and another scene's, is dropped, not freed): returns 2.
 */
static int
level(struct photo_scene *sc, double *turn)
{
	struct image r;
	struct face *f = &sc->face;
	double half = sc->ied / 2;

	*turn = 0;
	if (fabs(sc->roll) < 0.5)
		return (0);
	f->lx = sc->eye_x - half;
	f->rx = sc->eye_x + half;
	f->ly = f->ry = sc->eye_y;
	if (fabs(sc->roll) < LEVEL_REMEASURE) {
		*turn = sc->roll;
		sc->roll = 0;
		return (1);
	}
	/* sc->im may be another scene's: the turned copy replaces it, unfreed. */
	image_rotate(&sc->im, sc->roll, sc->eye_x, sc->eye_y, &r);
	sc->im = r;
	sc->person = NULL;
	photo_scene_measure(sc);
	return (2);
}

/*
 * Where the person meets the top edge only at the top of the head, the
 * photo cut off at most the cap of a head of its width over that chord c:
 * c^2 / (8 R), R half the head's width; in eye distances.  -1 where
 * something else meets the top edge too, or the chord is not over the head.
 */
static double
apex_cut(const struct photo_scene *sc)
{
	double r = (sc->head_w > 0 ? sc->head_w : sc->face_w) / 2, c;
	int x0, x1, n = photo_scene_row_person(sc, 0, &x0, &x1);

	if (n == 0)
		return (0);
	c = x1 - x0 + 1;
	if (r <= 0 || n < 0.8 * c || x0 < sc->face_l || x1 > sc->face_r)
		return (-1);
	return (c * c / (8 * r) / sc->ied);
}

static void
measure_room(const struct photo_scene *sc, struct room *rm)
{
	/* The top edge is backdrop when its first rows hold (almost) nothing else. */
	double cut = apex_cut(sc);
	int top_clear = photo_scene_row_busy(sc, 0, 0, sc->im.w) < 0.01 &&
	    photo_scene_row_busy(sc, 1, 0, sc->im.w) < 0.01 &&
	    sc->crown_y > 2;

	/* Only the top of the head meets it: above is backdrop, the hair hardly cut. */
	top_clear = top_clear || (cut > 0 && cut <= APEX_CUT);

	rm->top = top_clear ? EXTEND_MAX : CROP_SLACK;
	rm->bottom = CROP_SLACK;
	rm->clear_left = photo_scene_clear_rows(sc, 0);
	rm->clear_right = photo_scene_clear_rows(sc, sc->im.w - 1);
}

static double
clamp(double v, double lo, double hi)
{
	return (v < lo ? lo : v > hi ? hi : v);
}

/*
 * The frame at scale s (output pixels per scene pixel) nearest the middle
 * of every window: the eye height first (crown, eye line, chin, the photo's
 * top and bottom), then the eyes' place across (centring and the sides,
 * which may be widened only where the frame's bottom stays above the
 * person at that edge).  Returns its cost (lower is better), or -1 with
 * *why and *short_by (output pixels) when no frame at s fits.
 */
static double
plan_at(const struct photo_scene *sc, const struct photo_profile *p,
    const struct room *rm, double s, struct crop *c, enum limit *why,
    double *short_by)
{
	double W = p->width, H = p->height, m = PLAN_MARGIN;
	double above = (sc->eye_y - sc->crown_y) * s, below = (sc->chin_y - sc->eye_y) * s;
	double fw = sc->face_w * s, cmid = (p->crown_min + p->crown_max) / 2.0;
	double eye_max = H - p->eye_line_min - m, lo, hi, fit_lo, fit_hi, left, right;
	double bottom, cost = 0, crown, top_hi, chin_hi, by;

	/* The neck below the chin must be in the photo, wherever the eyes go. */
	if ((by = CHIN_ROOM * H - rm->bottom * H - (sc->im.h - sc->chin_y) * s) > 0) {
		*why = LIMIT_BOTTOM;
		*short_by = by;
		return (-1);
	}
	/* Eye height: the photo's bottom below, its top and the chin above. */
	fit_lo = H * (1 - rm->bottom) - (sc->im.h - sc->eye_y) * s;
	top_hi = sc->eye_y * s + rm->top * H;
	chin_hi = H * (1 - CHIN_ROOM) - below;
	lo = fmax(fit_lo, p->crown_min + m + above);
	hi = fmin(fmin(eye_max, fmin(top_hi, chin_hi)), p->crown_max - m + above);
	if (lo > hi) {
		/* Tall hair: the eye line wins (GA 461 4.1.6), the hair is cut. */
		lo = fmax(fit_lo, H - p->eye_line_min - 6 + 1);
		hi = fmin(eye_max, fmin(top_hi, chin_hi));
		cost += 1;
	}
	if (lo > hi) {
		*why = lo == fit_lo ? LIMIT_BOTTOM : top_hi < chin_hi ? LIMIT_TOP :
		    LIMIT_CHIN;
		*short_by = lo - hi;
		return (-1);
	}
	c->eye_y = clamp(cmid + above, lo, hi);
	crown = c->eye_y - above;
	/* Across: a side may be widened only above where the person meets it. */
	bottom = sc->eye_y + (H - c->eye_y) / s;
	left = bottom <= rm->clear_left ? EXTEND_MAX : CROP_SLACK;
	right = bottom <= rm->clear_right ? EXTEND_MAX : CROP_SLACK;
	fit_lo = W * (1 - right) - (sc->im.w - sc->eye_x) * s;
	fit_hi = sc->eye_x * s + left * W;
	lo = fmax(fit_lo, p->eye_x_min + m);
	hi = fmin(fit_hi, p->eye_x_max - m);
	if (lo > hi) {
		*why = fit_lo > p->eye_x_max - m ? LIMIT_RIGHT : LIMIT_LEFT;
		*short_by = lo - hi;
		return (-1);
	}
	c->eye_x = clamp(W / 2, lo, hi);
	c->w = W / s;
	c->h = H / s;
	c->x0 = sc->eye_x - c->eye_x / s;
	c->y0 = sc->eye_y - c->eye_y / s;
	/*
	 * Past an edge of only backdrop, all that is added is white; above the
	 * photo always (hair repeated upwards would stand as streaks).
	 */
	c->white_top = c->y0 < 0;
	c->white_left = left == EXTEND_MAX && c->x0 < 0;
	c->white_right = right == EXTEND_MAX && c->x0 + c->w > sc->im.w;
	/* Middle of each window best; white added and enlarging cost a little. */
	cost += fabs(fw - (p->face_min + p->face_max) / 2.0) / (p->face_max - p->face_min);
	cost += fabs(crown - cmid) / (p->crown_max - p->crown_min);
	cost += fabs(c->eye_x - W / 2) / (p->eye_x_max - p->eye_x_min);
	cost += (fmax(0, -c->x0) + fmax(0, c->x0 + c->w - sc->im.w)) / c->w;
	cost += fmax(0, -c->y0) / c->h;
	cost += fmax(0, s / sc->scale - 1);
	return (cost);
}

/*
 * The frame over the whole allowed range of face width, crown, eye line
 * and centring that lies best inside the photo; where the photo shows
 * only backdrop the frame may reach past it (filled white by the fix).
 * When none fits, says which limit and by how much.
 */
static int
plan_crop(const struct photo_scene *sc, const struct photo_profile *p,
    struct crop *c, char **cause, const char *in)
{
	struct room rm;
	struct crop t;
	enum limit why = FITS, w = FITS;
	double s_lo, s_hi, s, cost, best = -1, short_by = 0, by = 0;
	int i;

	memset(c, 0, sizeof *c);
	measure_room(sc, &rm);
	s_lo = (p->face_min + PLAN_MARGIN) / sc->face_w;
	s_hi = (p->face_max - PLAN_MARGIN) / sc->face_w;
	for (i = 0; i <= PLAN_STEPS; i++) {
		s = s_lo + (s_hi - s_lo) * i / PLAN_STEPS;
		memset(&t, 0, sizeof t);
		if ((cost = plan_at(sc, p, &rm, s, &t, &w, &by)) < 0) {
			/* Told in the photo's own pixels, not the card's. */
			by = by / s * sc->scale;
			/*
			 * The frame that came closest is the one told, an edge
			 * of the photo before the face's own proportions (which
			 * no other framing of this photo would change).
			 */
			if (why == FITS || (why == LIMIT_CHIN && w != LIMIT_CHIN) ||
			    ((why == LIMIT_CHIN) == (w == LIMIT_CHIN) && by < short_by)) {
				why = w;
				short_by = by;
			}
			continue;
		}
		if (best < 0 || cost < best) {
			best = cost;
			*c = t;
		}
	}
	if (best >= 0)
		return (0);
	*cause = frame_cause(in, why, (int)ceil(short_by));
	return (-1);
}

/*
 * Why no frame fits (translated), naming the file in, the limit and the
 * shortfall in the photo's pixels.
 */
static char *
frame_cause(const char *in, enum limit why, int by)
{
	switch (why) {
	case LIMIT_BOTTOM:
		return (xasprintf(_("%s: the photo ends too soon below the face: "
		    "at any face size the rules allow, the frame would need at "
		    "least %d more pixels of photo below it, where the neck and "
		    "shoulders must show. Take a new photo from further away, "
		    "with the shoulders in it."), in, by));
	case LIMIT_LEFT:
	case LIMIT_RIGHT:
		return (xasprintf(why == LIMIT_LEFT ? _("%s: the head is too close "
		    "to the left edge of the photo, where the person reaches it: "
		    "at any face size the rules allow, the frame would need at "
		    "least %d more pixels of photo there. Take a new photo with "
		    "the head in the middle, from further away.") :
		    _("%s: the head is too close to the right edge of the photo, "
		    "where the person reaches it: at any face size the rules "
		    "allow, the frame would need at least %d more pixels of photo "
		    "there. Take a new photo with the head in the middle, from "
		    "further away."), in, by));
	case LIMIT_TOP:
		return (xasprintf(_("%s: the head is too close to the top edge of "
		    "the photo: the frame would need at least %d more pixels of "
		    "photo above it to leave the space above the head the rules "
		    "ask for. Take a new photo with space above the head."), in, by));
	default:
		return (xasprintf(_("%s: the face cannot be framed with the eyes "
		    "high enough and the chin inside the photo (short by %d "
		    "pixels). Take a new photo facing the camera, from further "
		    "away."), in, by));
	}
}

/* The crop's pixels as they are (edges repeated where it reaches just outside). */
static void
copy_part(const struct image *im, int x0, int y0, int w, int h, struct image *part)
{
	/* The columns inside the photo, copied a row at a time. */
	int in0 = x0 < 0 ? -x0 : 0, in1 = x0 + w > im->w ? im->w - x0 : w;
	int x, y, sx, sy;

	image_alloc(part, w, h);
	for (y = 0; y < h; y++) {
		sy = y0 + y < 0 ? 0 : (y0 + y >= im->h ? im->h - 1 : y0 + y);
		if (in1 > in0)
			memcpy(part->px + ((size_t)y * w + in0) * 3,
			    im->px + ((size_t)sy * im->w + x0 + in0) * 3,
			    (size_t)(in1 - in0) * 3);
		for (x = 0; x < w; x++) {
			if (x == in0 && in1 > in0)
				x = in1;
			if (x >= w)
				break;
			sx = x0 + x < 0 ? 0 : (x0 + x >= im->w ? im->w - 1 : x0 + x);
			memcpy(part->px + ((size_t)y * w + x) * 3,
			    im->px + ((size_t)sy * im->w + sx) * 3, 3);
		}
	}
}

/*
 * The crop, turned by turn degrees about (ex, ey) when the photo was not
 * levelled as a whole, resized to the profile's size.
 */
static void
cut(const struct image *im, const struct crop *c, double turn, double ex,
    double ey, const struct photo_profile *p, struct image *out)
{
	struct image part;
	int x0 = (int)lround(c->x0), y0 = (int)lround(c->y0);
	int w = (int)lround(c->w), h = (int)lround(c->h);

	if (turn != 0)
		image_rotate_part(im, turn, ex, ey, x0, y0, w, h, &part);
	else
		copy_part(im, x0, y0, w, h, &part);
	image_resize(&part, p->width, p->height, out);
	image_free(&part);
}

/*
 * Where the frame reaches past an edge of the photo that shows only
 * backdrop, only white is added: the repeated edge pixels there become
 * white, and the matte says so.  s is output pixels per scene pixel.
 */
static void
add_white(struct image *out, float *soft, const struct crop *c, double s,
    int photo_w)
{
	int x, y, top = 0, left = 0, right = out->w;

	if (c->white_top)
		top = (int)ceil(-c->y0 * s);
	if (c->white_left)
		left = (int)ceil(-c->x0 * s);
	if (c->white_right)
		right = (int)floor((photo_w - c->x0) * s);
	for (y = 0; y < out->h; y++)
		for (x = 0; x < out->w; x++)
			if (y < top || x < left || x >= right) {
				memset(out->px + ((size_t)y * out->w + x) * 3, 255, 3);
				soft[(size_t)y * out->w + x] = 1;
			}
}

/* Why the matte is not trusted (translated), as a message naming the file in. */
static char *
separate_cause(const char *in, const char *why)
{
	return (xasprintf(_("%s: the person cannot be separated from the "
	    "background with certainty (%s), so nothing was written. Take a new "
	    "photo in front of a plain, light wall, with light falling evenly."),
	    in, why));
}

/*
 * Replaces the backdrop of the cut photo with white through the matte: by
 * its colour, or where the scene had to be segmented, by the network's map
 * of the cut photo; s is output pixels per scene pixel.  NULL with *cause
 * when the person cannot be told from the backdrop with certainty.
 */
static float *
whiten(struct image *out, const struct photo_scene *sc, const struct crop *c,
    double s, const char *in, char **cause)
{
	struct matte_head hd = { c->eye_x, c->eye_y, sc->ied * s };
	const char *why;
	char *failed = NULL;
	float *soft, *person;

	if (sc->person == NULL)
		soft = matte_whiten(out, sc->bg, sc->bg_std, &hd, &why);
	else if ((person = segment_person(out, &failed)) == NULL) {
		*cause = xasprintf("%s: %s", in, failed);
		free(failed);
		return (NULL);
	} else {
		/* The frame itself: the person as large as the network can see it. */
		soft = matte_replace(out, person, &hd, &why);
		free(person);
	}
	if (soft == NULL)
		*cause = separate_cause(in, _(why));
	return (soft);
}

/*
 * The file size: the profile's quality when it sets one; else the best
 * quality whose file lies under the top of the target window (the common
 * 14-20 KB where the profile's window allows, else the profile's).  Outside
 * a required window nothing is written.
 */
static int
fit_size(const struct image *im, const struct photo_profile *p,
    struct jpeg_out *o, char **cause, const char *in)
{
	struct jpeg_window w;
	long target_min;

	memset(&w, 0, sizeof w);
	profile_size_target(p, &target_min, &w.aim);
	w.dpi = p->dpi;
	w.quality = p->quality;
	w.min = p->min_bytes;
	w.max = p->max_bytes;
	w.recommended = p->size_recommended;
	return (jpeg_encode_window(im, &w, in, o, cause));
}

/*
 * What the check of the photo as given finds that no fix can change: the
 * first such rule (photo_report_unfixable's order) with its advice, and the
 * names of the others, so that a new photo is taken once for all of them.
 */
static int
refuse_rules(const struct photo_report *r, const char *in, char **cause)
{
	const struct photo_check *first = photo_report_unfixable(r, 0), *c;
	char *others = xstrdup("");
	size_t i;

	for (i = 1; (c = photo_report_unfixable(r, i)) != NULL; i++)
		others = i18n_list_add(others, c->name);
	if (first != NULL)
		*cause = *others == '\0' ? xasprintf(_("%s cannot be fixed: %s: %s"),
		    in, first->name, first->message) :
		    /* TRANSLATORS: the last %s names rules, "Dark top, Ears showing". */
		    xasprintf(_("%s cannot be fixed: %s: %s It also fails: %s."), in,
		    first->name, first->message, others);
	free(others);
	return (first != NULL ? -1 : 0);
}

/*
 * Share of the box (x0, y0)-(x1, y1) of a w x h matte whitened by more than
 * half; empty when the box lies outside the frame (tall hair cut by the top
 * edge leaves no room above it).
 */
static double
share_whitened(const float *soft, int w, int h, double x0, double y0,
    double x1, double y1, double empty)
{
	int x, y, n = 0, white = 0;

	for (y = (int)fmax(0, y0); y < fmin(h, y1); y++)
		for (x = (int)fmax(0, x0); x < fmin(w, x1); x++, n++)
			white += soft[(size_t)y * w + x] > 0.5f;
	return (n > 0 ? (double)white / n : empty);
}

/*
 * The largest patch of kept pixels not connected to the person (whose face
 * holds (sx, sy)): a piece of the old backdrop the whitening could not reach.
 * Returns its size in pixels; the whole image when the face was whitened.
 */
static int
stray_blob(const float *soft, int w, int h, int sx, int sy)
{
	size_t n = (size_t)w * h, i, j, top, *stack;
	uint8_t *seen;
	int pass, x, y, k, size, biggest = 0;
	static const int dx[4] = { 1, -1, 0, 0 }, dy[4] = { 0, 0, 1, -1 };

	if (sx < 0 || sy < 0 || sx >= w || sy >= h || soft[(size_t)sy * w + sx] > 0.5f)
		return (w * h);
	seen = xcalloc(n, 1);
	stack = xreallocarray(NULL, n, sizeof *stack);
	/* Pass 0 floods the person from the face; pass 1 measures every other patch. */
	for (pass = 0; pass < 2; pass++)
		for (i = pass == 0 ? (size_t)sy * w + sx : 0; i < n; i++) {
			if (seen[i] || soft[i] > 0.5f)
				continue;
			seen[i] = 1;
			stack[0] = i;
			top = 1;
			size = 0;
			while (top > 0) {
				j = stack[--top];
				size++;
				for (k = 0; k < 4; k++) {
					x = (int)(j % w) + dx[k];
					y = (int)(j / w) + dy[k];
					if (x < 0 || y < 0 || x >= w || y >= h)
						continue;
					if (!seen[(size_t)y * w + x] &&
					    soft[(size_t)y * w + x] <= 0.5f) {
						seen[(size_t)y * w + x] = 1;
						stack[top++] = (size_t)y * w + x;
					}
				}
			}
			if (pass == 0)
				break;
			biggest = size > biggest ? size : biggest;
		}
	free(seen);
	free(stack);
	return (biggest);
}

/* Pixel (x, y) and those two pixels around it were kept whole. */
static int
kept_inside(const float *soft, int w, int h, int x, int y)
{
	int dx, dy;

	for (dy = -2; dy <= 2; dy += 2)
		for (dx = -2; dx <= 2; dx += 2)
			if (x + dx < 0 || y + dy < 0 || x + dx >= w || y + dy >= h ||
			    soft[(size_t)(y + dy) * w + x + dx] > 0.05f)
				return (0);
	return (1);
}

/*
 * Share of the photo that was kept beside the head (above the ear lobes) or
 * above it although it has the backdrop's hue and is no darker than half
 * of it: the backdrop in shadow, or a patch the whitening did not reach.
 * Hair is darker or of another hue; ears are skin.
 */
static double
backdrop_kept(const float *soft, const struct image *before,
    const struct photo_scene *sc, double ex, double ey, double ied, double crown)
{
	double bs = sc->bg[0] + sc->bg[1] + sc->bg[2] + 1, s, l, bl;
	const uint8_t *p;
	int x, y, n = 0;

	bl = 0.299 * sc->bg[0] + 0.587 * sc->bg[1] + 0.114 * sc->bg[2];
	for (y = 0; y < before->h && y < ey + 0.9 * ied; y++)
		for (x = 0; x < before->w; x++) {
			if (fabs(x - ex) < 1.0 * ied && y > crown)
				continue;
			/* Inside what was kept: the soft rim around hair blends with the backdrop. */
			if (!kept_inside(soft, before->w, before->h, x, y))
				continue;
			p = before->px + ((size_t)y * before->w + x) * 3;
			s = p[0] + p[1] + p[2] + 1;
			l = 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];
			n += hypot(p[0] / s - sc->bg[0] / bs, p[1] / s - sc->bg[1] / bs) < 0.025 &&
			    l >= 0.45 * bl && !photo_scene_skin(sc, p);
		}
	return ((double)n / ((double)before->w * before->h));
}

/*
 * Share of the skin beside the face at the ears (an ear, on side dir of the
 * outline at edge, where the check looks for it) that the matte whitened; 0 where too little skin shows
 * there to tell (hair over the ear).
 */
static double
ear_whitened(const float *soft, const struct image *before,
    const struct photo_scene *sc, double edge, double ey, double ied, int dir)
{
	double x0 = dir < 0 ? edge - PHOTO_EAR_OUT * ied : edge;
	double x1 = x0 + PHOTO_EAR_OUT * ied, y1 = ey + PHOTO_EAR_DOWN * ied;
	int x, y, skin = 0, white = 0;

	for (y = (int)fmax(0, ey); y < fmin(before->h, y1); y++)
		for (x = (int)fmax(0, x0); x < fmin(before->w, x1); x++)
			if (photo_scene_skin(sc, before->px + ((size_t)y * before->w + x) * 3)) {
				skin++;
				white += soft[(size_t)y * before->w + x] > 0.5f;
			}
	return (skin >= EAR_SEEN * ied * ied ? (double)white / skin : 0);
}

/*
 * The matte is sound when nothing kept stands apart from the person, the
 * hair over the forehead, the ears and the neck were kept, and beside the head and
 * above it (where only backdrop should be) nothing was left.  s is output
 * pixels per scene pixel.
 */
static int
matte_sound(const float *soft, const struct image *before,
    const struct photo_scene *sc, const struct crop *c, double s,
    const char *in, char **cause)
{
	const struct image *im = before;
	double ied = sc->ied * s, ex = c->eye_x, ey = c->eye_y;
	double crown = ey - (sc->eye_y - sc->crown_y) * s;
	const char *why = NULL;

	/*
	 * What stands apart may be backdrop or worn (a necklace's beads); the
	 * backdrop's hue says what was left only of a plain backdrop.
	 */
	if (stray_blob(soft, im->w, im->h, (int)ex, (int)(ey + 0.5 * ied)) >
	    MATTE_BLOB * im->w * im->h)
		why = _("pieces apart from the person would remain: part of the "
		    "background, or something worn");
	else if (sc->person == NULL &&
	    backdrop_kept(soft, before, sc, ex, ey, ied, crown) > MATTE_LEFT)
		why = _("patches of the old background would remain");
	else if (share_whitened(soft, im->w, im->h, ex - 0.6 * ied, crown + 0.15 * ied,
	    ex + 0.6 * ied, ey - 0.6 * ied, 0) > MATTE_SLACK)
		why = _("the hair would be whitened away");
	else if (share_whitened(soft, im->w, im->h, ex - 0.3 * ied, ey + 2.0 * ied,
	    ex + 0.3 * ied, ey + 2.4 * ied, 0) > MATTE_SLACK)
		why = _("the neck would be whitened");
	else if (fmax(ear_whitened(soft, before, sc, ex + (sc->face_l - sc->eye_x) * s,
	    ey, ied, -1), ear_whitened(soft, before, sc, ex + (sc->face_r -
	    sc->eye_x) * s, ey, ied, 1)) > EAR_WHITENED)
		why = _("an ear would be whitened away");
	/*
	 * Above the head and beside it only backdrop should be: all of it
	 * white.  What is kept there is hair standing out as often as backdrop.
	 */
	else if (1 - share_whitened(soft, im->w, im->h, 0, 0, im->w,
	    crown - 0.1 * ied, 1) > MATTE_SLACK ||
	    1 - share_whitened(soft, im->w, im->h, 0, 0, ex - 1.6 * ied,
	    ey + 1.0 * ied, 1) > MATTE_SLACK ||
	    1 - share_whitened(soft, im->w, im->h, ex + 1.6 * ied, 0, im->w,
	    ey + 1.0 * ied, 1) > MATTE_SLACK)
		why = _("something would remain beside or above the head: hair "
		    "standing out, or part of the background");
	if (why == NULL)
		return (0);
	*cause = separate_cause(in, why);
	return (-1);
}

/* The first rule a failing report of the fixed photo breaks, as a refusal. */
static char *
still_fails(const char *in, const struct photo_report *r)
{
	size_t i;

	for (i = 0; i < r->n && r->checks[i].verdict != PHOTO_FAIL; i++)
		;
	return (xasprintf(_("%s: the fixed photo would still fail a rule, so "
	    "it was not kept: %s: %s"), in, r->checks[i].name,
	    r->checks[i].message));
}

/*
 * The fixed photo of the scene lv (levelled here): its JPEG in *o, how much
 * the face was enlarged in *enlarge and what was done in *edits; else -1
 * with *cause.  Its check is made on the JPEG as a file (check_candidate).
 */
static int
fix_scene(struct photo_scene *lv, const struct photo_profile *p, const char *in,
    struct jpeg_out *o, double *enlarge, unsigned *edits, char **cause)
{
	struct image out, plain;
	struct crop c;
	float *soft;
	double s, turn;
	int rc = -1, segmented = lv->person != NULL, turned;

	turned = level(lv, &turn);
	*edits = turned ? PHOTO_EDIT_LEVELLED : 0;
	if (turned == 2 && segmented && segment_for(lv, in, cause) != 0)
		return (-1);
	if (plan_crop(lv, p, &c, cause, in) != 0)
		return (-1);
	if (c.white_top || c.white_left || c.white_right)
		*edits |= PHOTO_EDIT_WIDENED;
	cut(&lv->im, &c, turn, lv->eye_x, lv->eye_y, p, &out);
	image_alloc(&plain, out.w, out.h);
	memcpy(plain.px, out.px, (size_t)out.w * out.h * 3);
	s = p->width / c.w;
	soft = whiten(&out, lv, &c, s, in, cause);
	if (soft != NULL)
		add_white(&out, soft, &c, s, lv->im.w);
	*enlarge = fmax(1, s / lv->scale);
	if (soft != NULL && matte_sound(soft, &plain, lv, &c, s, in, cause) == 0 &&
	    fit_size(&out, p, o, cause, in) == 0)
		rc = 0;
	free(soft);
	image_free(&plain);
	image_free(&out);
	return (rc);
}

/*
 * The fixed photo o, checked as `sscard check` checks a file (the face found
 * again, not carried through the crop), with the enlargement the fix made:
 * what the citizen checks next must agree.  It is written for that to a
 * private folder of its own, never to the path asked for: a refused fix
 * leaves whatever that held (the photo given, even) as it was.  Its report
 * in *r; -1 with *cause when it cannot be written or read back.
 */
static int
check_candidate(const struct jpeg_out *o, const struct photo_profile *p,
    const struct config *cfg, double enlarge, struct photo_report *r, char **cause)
{
	struct workspace ws;
	char *path;
	int rc = -1;

	if (workspace_open(&ws, cause) != 0)
		return (-1);
	path = workspace_path(&ws, "fixed.jpg");
	/* Read back at once and wiped: nothing to wait for the disk for. */
	if (fs_replace(ws.dir, "fixed.jpg", o->buf, o->len, cause) == 0)
		rc = photo_check_fixed(path, p, cfg, enlarge, r, cause);
	free(path);
	workspace_wipe(&ws);
	return (rc);
}

/* For parallel_start: the segmentation network, read while the photo decodes. */
static void *
read_segmenter(void *arg)
{
	(void)arg;
	segment_read_ahead();
	return (NULL);
}

/* The check of the photo as given, made beside the fix (it only reads the scene). */
struct before {
	const struct photo_scene	*sc;
	const struct photo_profile	*p;
	struct photo_report		 r;
};

static void *
check_before(void *arg)
{
	struct before *b = arg;

	photo_check_scene(b->sc, b->p, &b->r);
	return (NULL);
}

int
photo_fix_file(const char *in, const struct photo_profile *p,
    const struct config *cfg, const char *out_path, struct photo_report *after,
    char **cause)
{
	struct photo_scene sc, lv;
	struct photo_report again;
	struct before b;
	struct parallel_task beside, ahead;
	struct jpeg_out o;
	char *fix_cause = NULL;
	double enlarge = 1;
	unsigned edits = 0;
	int rc = -1, fixed;

	memset(after, 0, sizeof *after);
	memset(&again, 0, sizeof again);
	memset(&o, 0, sizeof o);
	/*
	 * With the network installed a fix runs it: on a backdrop colour
	 * cannot tell, or under the head of one it can (colour_tells).
	 */
	memset(&ahead, 0, sizeof ahead);
	if (segment_available())
		parallel_start(&ahead, read_segmenter, NULL);
	rc = photo_scene_load(in, cfg, FIX_SIDE, &sc, cause);
	parallel_wait(&ahead);
	if (rc != 0)
		return (-1);
	rc = -1;
	sc.enlarge = photo_scene_enlarge(&sc, p);
	if (refuse(&sc, in, cause) != 0 ||
	    (!colour_tells(&sc) && segment_for(&sc, in, cause) != 0)) {
		photo_scene_free(&sc);
		return (-1);
	}
	/*
	 * What no fix can change is found by the check of the photo as given;
	 * it runs while the fix is made on a copy of the scene, and wins: a
	 * refused photo is refused for that, whatever the fix found.
	 */
	b.sc = &sc;
	b.p = p;
	parallel_start(&beside, check_before, &b);
	lv = sc;
	fixed = fix_scene(&lv, p, in, &o, &enlarge, &edits, &fix_cause);
	parallel_wait(&beside);
	if (refuse_rules(&b.r, in, cause) != 0)
		free(fix_cause);
	else if (fixed != 0)
		*cause = fix_cause;
	else if (check_candidate(&o, p, cfg, enlarge, &again, cause) == 0) {
		if (!again.ok)
			*cause = still_fails(in, &again);
		else if ((rc = fs_write_path(out_path, o.buf, o.len, cause)) == 0) {
			*after = again;
			after->edits = edits;
			memset(&again, 0, sizeof again);
		}
	}
	photo_report_free(&again);
	photo_report_free(&b.r);
	jpeg_out_free(&o);
	if (lv.im.px != sc.im.px)
		image_free(&lv.im);
	if (lv.person != sc.person)
		free(lv.person);
	photo_scene_free(&sc);
	return (rc);
}
