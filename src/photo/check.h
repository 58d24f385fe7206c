/* photo/check.h -- check a photo against a profile (check.c); the rows the rule modules add. */
#ifndef SSCARD_PHOTO_CHECK_H
#define SSCARD_PHOTO_CHECK_H

#include <stddef.h>

#include "photo/scene.h"

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
	int			 unsure;	/* may be something else: its message says what */
};

/* What sscard's fix changed in a photo (every fix whitens and frames it). */
#define PHOTO_EDIT_LEVELLED	0x1u	/* turned so the eyes are level */
#define PHOTO_EDIT_WIDENED	0x2u	/* white added where the photo ended */

struct photo_report {
	struct photo_check	*checks;
	size_t			 n;
	int			 ok;		/* no check failed (warnings allowed) */
	int			 fixable;	/* every failure is fixable */
	unsigned		 edits;		/* PHOTO_EDIT_*, of a fixed photo */
};

/*
 * Checks the photo at path against profile p.  Returns 0 with *r filled
 * (free with photo_report_free), or -1 with *cause when the photo cannot be
 * read at all; caller frees.
 */
int	photo_check_file(const char *, const struct photo_profile *,
	    const struct config *, struct photo_report *, char **);
/*
 * As photo_check_file, for a photo sscard fixed: the face was enlarged by
 * enlarged, which the file's own size no longer shows.
 */
int	photo_check_fixed(const char *, const struct photo_profile *,
	    const struct config *, double, struct photo_report *, char **);
/* Checks an analysed scene against p into *r (free with photo_report_free). */
void	photo_check_scene(const struct photo_scene *, const struct photo_profile *,
	    struct photo_report *);
void	photo_report_free(struct photo_report *);
/*
 * The nth (from 0) failure of r that no fix can change, or NULL: the most
 * basic first (the photo's colour, the face, the background), a verdict
 * that may be mistaken (report_unsure) after the sure ones, the rest in the
 * table's order.  The advice a refusal gives is the first one's.
 */
const struct photo_check *photo_report_unfixable(const struct photo_report *, size_t);

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
 * How much the face must be enlarged to fill p's face width: 1 for a photo
 * already of p's size, else the mid width over the face's width in the file.
 */
double	photo_scene_enlarge(const struct photo_scene *, const struct photo_profile *);


/* For the rule modules (looks.c): */
/*
 * Adds the verdict of check id (a rule of the table in photo-check.c) with
 * its value and expected value (both allocated, taken over) and advice.
 */
void	report_add(struct photo_report *, const char *, enum photo_verdict, int,
	    char *, char *, const char *, ...)
	    __attribute__((format(printf, 7, 8)));
/*
 * The measurements behind the words of the row added last (not translated,
 * for `check --json`): a citizen reads "white, plain", a tool the numbers.
 */
void	report_figures(struct photo_report *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Marks the row added last as a verdict that may be mistaken, whose message
 * says what else looks the same: a refused fix names a surer rule first.
 */
void	report_unsure(struct photo_report *);

/*
 * v as a row prints it with the given decimals: a verdict judged on this
 * never contradicts the figures beside it (9.96 shown as 10.0 is >= 10).
 */
double	report_shown(double, int);

#endif
