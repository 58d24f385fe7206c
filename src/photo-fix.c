/* photo-fix.c -- level, crop, resize, whiten and encode a photo to a profile. */
#include "system.h"

#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "fsutil.h"
#include "photo-check.h"
#include "profile.h"
#include "xmalloc.h"

/* Fix decodes this many pixels on the short side, enough for a sharp crop. */
#define FIX_SIDE	720
#define FACE_IED	2.19
/* How far a crop may reach past the photo's edge, as a share of its size. */
#define CROP_SLACK	0.02

struct jpeg_out {
	unsigned char	*buf;
	unsigned long	 len;
};

struct crop {
	double	x0, y0, w, h;
	double	eye_x, eye_y;	/* where the eye midpoint lands, output pixels */
};

static int	refuse(const struct photo_scene *, const char *, char **);
static void	level(struct photo_scene *);
static int	plan_crop(const struct photo_scene *, const struct photo_profile *,
		    struct crop *, char **, const char *);
static void	cut(const struct image *, const struct crop *,
		    const struct photo_profile *, struct image *);
static void	row_background(const struct image *, const double *, double, int,
		    double *, double *);
static void	whiten(struct image *, const struct photo_scene *);
static void	encode(const struct image *, int, int, int, struct jpeg_out *);
static int	fit_size(const struct image *, const struct photo_profile *,
		    struct jpeg_out *, char **, const char *);

/* What fix cannot repair, said before anything is written. */
static int
refuse(const struct photo_scene *sc, const char *in, char **cause)
{
	if (sc->detector_cause != NULL)
		*cause = xstrdup(sc->detector_cause);
	else if (sc->nfaces == 0)
		*cause = xasprintf(_("%s: no face was found, so the photo cannot "
		    "be fixed. Take a photo facing the camera."), in);
	else if (sc->nfaces > 1)
		*cause = xasprintf(_("%s: more than one face is in the photo; it "
		    "cannot be fixed. Take a photo of yourself alone."), in);
	else if (sc->info.components == 1)
		*cause = xasprintf(_("%s is black and white; it cannot be made a "
		    "colour photo. Take a new colour photo."), in);
	else if (!photo_scene_plain(sc))
		*cause = xasprintf(_("%s: the background is not plain (or does "
		    "not show), so it cannot be replaced by white. Take a new "
		    "photo in front of a plain wall."), in);
	else
		return (0);
	return (-1);
}

/* Turns the photo about the eye midpoint so that the eyes are level. */
static void
level(struct photo_scene *sc)
{
	struct image r;
	struct face *f = &sc->face;
	double half = sc->ied / 2;

	if (fabs(sc->roll) < 0.5)
		return;
	image_rotate(&sc->im, sc->roll, sc->eye_x, sc->eye_y, &r);
	image_free(&sc->im);
	sc->im = r;
	f->lx = sc->eye_x - half;
	f->rx = sc->eye_x + half;
	f->ly = f->ry = sc->eye_y;
	photo_scene_measure(sc);
}

/*
 * Scale so the face width is mid-range, the crown mid-range and the eyes
 * centred; when tall hair would push the eyes below the eye-line limit, the
 * eye line wins (GA 461 4.1.6) and the hair is cut.
 */
static int
plan_crop(const struct photo_scene *sc, const struct photo_profile *p,
    struct crop *c, char **cause, const char *in)
{
	double s, above = sc->eye_y - sc->crown_y, crown = (p->crown_min + p->crown_max) / 2.0;
	double eye_max = p->height - p->eye_line_min - 2, s2;

	s = (p->face_min + p->face_max) / 2.0 / sc->face_w;
	c->eye_y = crown + above * s;
	if (c->eye_y > eye_max) {
		s2 = (eye_max - crown) / above;
		if (s2 * sc->face_w >= p->face_min + 2)
			s = s2;
		else
			s = (p->face_min + 2) / sc->face_w;
		c->eye_y = fmin(eye_max, crown + above * s);
	}
	c->eye_x = (p->eye_x_min + p->eye_x_max) / 2.0;
	c->w = p->width / s;
	c->h = p->height / s;
	c->x0 = sc->eye_x - c->eye_x / s;
	c->y0 = sc->eye_y - c->eye_y / s;
	if (c->x0 < -CROP_SLACK * c->w || c->y0 < -CROP_SLACK * c->h ||
	    c->x0 + c->w > sc->im.w + CROP_SLACK * c->w ||
	    c->y0 + c->h > sc->im.h + CROP_SLACK * c->h) {
		*cause = xasprintf(_("%s: the head is too close to the camera or "
		    "to the edge of the photo, so it cannot be framed as "
		    "required. Take a new photo from further away, with space "
		    "around the head and the shoulders showing."), in);
		return (-1);
	}
	return (0);
}

/* Copies the crop (edges repeated where it reaches just outside) and resizes it. */
static void
cut(const struct image *im, const struct crop *c, const struct photo_profile *p,
    struct image *out)
{
	struct image part;
	int x0 = (int)lround(c->x0), y0 = (int)lround(c->y0);
	int w = (int)lround(c->w), h = (int)lround(c->h), x, y, sx, sy;

	image_alloc(&part, w, h);
	for (y = 0; y < h; y++) {
		sy = y0 + y < 0 ? 0 : (y0 + y >= im->h ? im->h - 1 : y0 + y);
		for (x = 0; x < w; x++) {
			sx = x0 + x < 0 ? 0 : (x0 + x >= im->w ? im->w - 1 : x0 + x);
			memcpy(part.px + ((size_t)y * w + x) * 3,
			    im->px + ((size_t)sy * im->w + sx) * 3, 3);
		}
	}
	image_resize(&part, p->width, p->height, out);
	image_free(&part);
}

/*
 * The backdrop's colour at row y near each side: the outermost pixels when
 * they look like background, else the last such row's value (shoulders).
 */
static void
row_background(const struct image *im, const double *bg, double t, int y,
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

/*
 * Replaces the plain backdrop with white: pixels close to the local backdrop
 * colour and connected to the edge become white, with a soft transition
 * around the hair.
 */
static void
whiten(struct image *im, const struct photo_scene *sc)
{
	double tlo = fmax(18, 2.5 * sc->bg_std + 8), thi = tlo + 22, d, a, l[3], r[3];
	size_t n = (size_t)im->w * im->h, i, *stack, top = 0;
	float *alpha, *soft;
	uint8_t *seen;
	int x, y, c, dx, dy;

	alpha = xcalloc(n, sizeof *alpha);
	soft = xcalloc(n, sizeof *soft);
	seen = xcalloc(n, 1);
	stack = xreallocarray(NULL, n, sizeof *stack);
	memcpy(l, sc->bg, sizeof l);
	memcpy(r, sc->bg, sizeof r);
	for (y = 0; y < im->h; y++) {
		row_background(im, sc->bg, thi, y, l, r);
		for (x = 0; x < im->w; x++) {
			const uint8_t *p = im->px + ((size_t)y * im->w + x) * 3;

			for (d = 0, c = 0; c < 3; c++)
				d = fmax(d, fabs(p[c] - (l[c] + (r[c] - l[c]) * x / (im->w - 1))));
			alpha[(size_t)y * im->w + x] = d <= tlo ? 1 : d >= thi ? 0 :
			    (float)((thi - d) / (thi - tlo));
		}
	}
	/* Only backdrop reachable from the top and side edges, not grey clothes inside. */
	for (y = 0; y < im->h; y++)
		for (x = 0; x < im->w; x++)
			if ((y == 0 || x == 0 || x == im->w - 1) &&
			    alpha[(size_t)y * im->w + x] > 0) {
				seen[(size_t)y * im->w + x] = 1;
				stack[top++] = (size_t)y * im->w + x;
			}
	while (top > 0) {
		i = stack[--top];
		for (dy = -1; dy <= 1; dy++)
			for (dx = -1; dx <= 1; dx++) {
				x = (int)(i % im->w) + dx;
				y = (int)(i / im->w) + dy;
				if ((dx != 0 && dy != 0) || x < 0 || y < 0 ||
				    x >= im->w || y >= im->h)
					continue;
				if (!seen[(size_t)y * im->w + x] &&
				    alpha[(size_t)y * im->w + x] > 0) {
					seen[(size_t)y * im->w + x] = 1;
					stack[top++] = (size_t)y * im->w + x;
				}
			}
	}
	for (y = 0; y < im->h; y++)
		for (x = 0; x < im->w; x++) {
			for (a = 0, c = 0, dy = -1; dy <= 1; dy++)
				for (dx = -1; dx <= 1; dx++) {
					int xx = x + dx, yy = y + dy;

					if (xx < 0 || yy < 0 || xx >= im->w || yy >= im->h)
						continue;
					i = (size_t)yy * im->w + xx;
					a += seen[i] ? alpha[i] : 0;
					c++;
				}
			soft[(size_t)y * im->w + x] = (float)(a / c);
		}
	for (i = 0; i < n; i++)
		for (c = 0; c < 3; c++)
			im->px[i * 3 + c] = (uint8_t)lround(im->px[i * 3 + c] *
			    (1 - soft[i]) + 255 * soft[i]);
	free(alpha);
	free(soft);
	free(seen);
	free(stack);
}

static void
encode(const struct image *im, int quality, int dpi, int full_chroma,
    struct jpeg_out *o)
{
	struct jpeg_compress_struct cinfo;
	struct jpeg_error_mgr err;
	JSAMPROW row;
	int y;

	unsigned char *own;
	unsigned long cap;

	if (o->buf != NULL)
		wipe_free(o->buf, o->len);
	/*
	 * A buffer larger than any JPEG of the image, so that libjpeg never
	 * grows it by itself and frees a copy of the photo unwiped.
	 */
	cap = (unsigned long)im->w * (unsigned long)im->h * 4 + 65536;
	o->buf = own = xmalloc(cap);
	o->len = cap;
	cinfo.err = jpeg_std_error(&err);	/* errors here are bugs: out of memory */
	jpeg_create_compress(&cinfo);
	jpeg_mem_dest(&cinfo, &o->buf, &o->len);
	cinfo.image_width = (JDIMENSION)im->w;
	cinfo.image_height = (JDIMENSION)im->h;
	cinfo.input_components = 3;
	cinfo.in_color_space = JCS_RGB;
	jpeg_set_defaults(&cinfo);
	jpeg_set_quality(&cinfo, quality, TRUE);
	cinfo.optimize_coding = TRUE;
	cinfo.write_JFIF_header = TRUE;
	cinfo.density_unit = 1;
	cinfo.X_density = cinfo.Y_density = (UINT16)dpi;
	if (full_chroma)
		cinfo.comp_info[0].h_samp_factor = cinfo.comp_info[0].v_samp_factor = 1;
	jpeg_start_compress(&cinfo, TRUE);
	for (y = 0; y < im->h; y++) {
		row = im->px + (size_t)y * im->w * 3;
		jpeg_write_scanlines(&cinfo, &row, 1);
	}
	jpeg_finish_compress(&cinfo);
	jpeg_destroy_compress(&cinfo);
	if (o->buf != own)	/* grown after all: ours is not o->buf any more */
		wipe_free(own, cap);
}

/*
 * The best quality whose file fits under the maximum, by bisection; files
 * are never padded, so one still under the minimum at full quality fails.
 */
static int
fit_size(const struct image *im, const struct photo_profile *p,
    struct jpeg_out *o, char **cause, const char *in)
{
	long max = p->max_bytes > 0 ? p->max_bytes : 1L << 30;
	int lo = 10, hi = 100, q, best = -1;

	while (lo <= hi) {
		q = (lo + hi) / 2;
		encode(im, q, p->dpi, 0, o);
		if ((long)o->len <= max) {
			best = q;
			lo = q + 1;
		} else
			hi = q - 1;
	}
	if (best < 0) {
		*cause = xasprintf(_("%s: even at the lowest JPEG quality the "
		    "photo is larger than %d KB."), in, profile_kb_max(p));
		return (-1);
	}
	encode(im, best, p->dpi, 0, o);
	if ((long)o->len < p->min_bytes && best == 100)
		encode(im, 100, p->dpi, 1, o);
	if ((long)o->len < p->min_bytes || (long)o->len > max) {
		*cause = xasprintf(_("%s: the fixed photo cannot be made at "
		    "least %d KB without padding the file; the region's size "
		    "window cannot be met by this photo."), in, profile_kb_min(p));
		return (-1);
	}
	return (0);
}

int
photo_fix_file(const char *in, const struct photo_profile *p,
    const struct config *cfg, const char *out_path, struct photo_report *after,
    char **cause)
{
	struct photo_scene sc;
	struct jpeg_out o = { NULL, 0 };
	struct image out;
	struct crop c;
	int rc = -1;

	memset(after, 0, sizeof *after);
	if (photo_scene_load(in, cfg, FIX_SIDE, &sc, cause) != 0)
		return (-1);
	if (refuse(&sc, in, cause) == 0) {
		level(&sc);
		if (plan_crop(&sc, p, &c, cause, in) == 0) {
			cut(&sc.im, &c, p, &out);
			whiten(&out, &sc);
			if (fit_size(&out, p, &o, cause, in) == 0 &&
			    fs_write_path(out_path, o.buf, o.len, cause) == 0)
				rc = photo_check_file(out_path, p, cfg, after, cause);
			image_free(&out);
		}
	}
	if (o.buf != NULL)
		wipe_free(o.buf, o.len);
	photo_scene_free(&sc);
	return (rc);
}
