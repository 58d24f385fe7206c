/* photo-rules.h -- inside the photo check: adding a verdict, tones of zones, the rules of appearance. */
#ifndef SSCARD_PHOTO_RULES_H
#define SSCARD_PHOTO_RULES_H

#include "photo-check.h"

struct photo_profile;

/* What the pixels of a box look like. */
struct tone {
	int	n;
	double	rgb[3];		/* mean colour */
	double	luma;		/* mean luma */
	double	under, over;	/* share at or below 25, at or above 250 */
	double	skin;		/* share with the colour of the cheeks */
	double	vivid;		/* share of strong colour (not skin, not grey) */
	double	unnatural;	/* share of clear colour no hair or skin has (blue, green, purple) */
};

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
 * v as a row prints it with the given decimals: a verdict judged on this
 * never contradicts the figures beside it (9.96 shown as 10.0 is >= 10).
 */
double	report_shown(double, int);

/* The tone of the box given in eye distances around the eye midpoint. */
void	scene_tone(const struct photo_scene *, double, double, double, double,
	    struct tone *);

/* Resolution, eyes, pose, glasses, headwear, expression, accessories, clothing. */
void	check_looks(struct photo_report *, const struct photo_scene *,
	    const struct photo_profile *);

#endif
