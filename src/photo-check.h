/* photo-check.h -- check a photo against a profile; the measurements fix reuses. */
#ifndef SSCARD_PHOTO_CHECK_H
#define SSCARD_PHOTO_CHECK_H

#include <stddef.h>

#include "face-detect.h"
#include "photo.h"

struct config;
struct photo_profile;

enum photo_verdict { PHOTO_PASS, PHOTO_WARN, PHOTO_FAIL };

struct photo_check {
	const char		*id;		/* stable: "format", "face_width" */
	const char		*name;		/* translated: "File format" */
	enum photo_verdict	 verdict;
	char			*value;		/* measured, e.g. "358x441", in words a citizen can use */
	char			*figures;	/* the measurements behind words, for --json; or NULL */
	char			*expected;	/* e.g. "358x441" */
	char			*message;	/* translated, says what to do */
	int			 fixable;	/* photo_fix can repair a failure */
};

struct photo_report {
	struct photo_check	*checks;
	size_t			 n;
	int			 ok;		/* no check failed (warnings allowed) */
	int			 fixable;	/* every failure is fixable */
};

/* What the analysis found, in the pixels of im; file pixels = im pixels * scale. */
struct photo_scene {
	struct image		 im;
	struct photo_info	 info;
	double			 scale;
	char			*detector_cause;	/* set when the cascades are missing */
	int			 nfaces;
	struct face		 face;		/* the largest face */
	double			 ied;		/* distance between the eye centres */
	double			 roll;		/* eye-line angle, degrees, + = right eye lower */
	double			 eye_x, eye_y;	/* midpoint of the eyes */
	double			 crown_y, chin_y, face_w;
	int			 crown_measured;	/* 0: estimated from the eyes */
	int			 face_measured;	/* 0: face_w estimated from the eyes */
	double			 face_l, face_r;	/* cheek edges at the ear roots */
	double			 skin[3];	/* mean colour of the cheeks */
	double			 enlarge;	/* scaling the face needs to fit, >= 1 */
	int			 sliver;	/* too small or too narrow to hold a face */
	double			 min_face;	/* searched from this share of the short side; 0: a fifth */
	double			 bg[3];		/* background colour from the top corners */
	double			 bg_std;
	int			 bg_seen;	/* pixels of background sampled */
	double			 bg_mean[3];	/* beside and above the head */
	double			 bg_spread;	/* luma standard deviation there */
	double			 bg_outliers;	/* fraction far from the mean */
	double			 border;	/* outer frame vs inner background, luma */
};

/*
 * Decodes path (at least min_side pixels on its short side when it is that
 * large), finds the face and measures the head and background.  Returns 0,
 * or -1 with *cause (unreadable, corrupt, too large); caller frees.  Free the
 * scene with photo_scene_free.
 */
int	photo_scene_load(const char *, const struct config *, int,
	    struct photo_scene *, char **);
/* Measures crown, chin and background of sc->im around sc->face again. */
void	photo_scene_measure(struct photo_scene *);
/*
 * The photo's size in pixels as the file holds it (turned upright by its
 * EXIF orientation): from the header, never from the analysed copy, whose
 * decoder scaling and shrinking round each side on its own.
 */
void	photo_scene_file_size(const struct photo_scene *, int *, int *);
/* 1 when the background shows and is plain enough to be judged or whitened. */
int	photo_scene_plain(const struct photo_scene *);
/* 1 when pixel p has the colour of the cheeks (hue and saturation, luma within reason). */
int	photo_scene_skin(const struct photo_scene *, const uint8_t *);
void	photo_scene_free(struct photo_scene *);
/*
 * How much the face must be enlarged to fill p's face width: 1 for a photo
 * already of p's size, else the mid width over the face's width in the file.
 */
double	photo_scene_enlarge(const struct photo_scene *, const struct photo_profile *);

/*
 * Checks the photo at path against profile p.  Returns 0 with *r filled
 * (free with photo_report_free), or -1 with *cause when the photo cannot be
 * read at all; caller frees.
 */
int	photo_check_file(const char *, const struct photo_profile *,
	    const struct config *, struct photo_report *, char **);
/* Checks an analysed scene against p into *r (free with photo_report_free). */
void	photo_check_scene(const struct photo_scene *, const struct photo_profile *,
	    struct photo_report *);
void	photo_report_free(struct photo_report *);

/*
 * 0 when the photo passes p (warnings allowed), 1 when it fails a rule
 * (*cause says which, translated), -1 on error (*cause); caller frees.
 */
int	photo_verdict(const char *, const struct photo_profile *,
	    const struct config *, char **);

/* "PASS", "WARN" or "FAIL" in the user's language. */
const char	*photo_verdict_word(enum photo_verdict);
/* The untranslated "pass", "warn" or "fail" used in JSON. */
const char	*photo_verdict_id(enum photo_verdict);

/*
 * Fixes the photo at in for profile p and writes a JFIF to out_path
 * (atomically, 0600) only when the fixed photo passes every rule of p (its
 * report goes to *after) and its background was replaced cleanly.  Returns
 * 0 when written, or -1 with *cause saying what cannot be fixed, and nothing
 * written; caller frees.  *after is filled only on success.
 */
int	photo_fix_file(const char *, const struct photo_profile *,
	    const struct config *, const char *, struct photo_report *, char **);

#endif
