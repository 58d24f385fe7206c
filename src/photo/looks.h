/* photo/looks.h -- the rules of appearance, and the tones of zones they judge by (looks.c). */
#ifndef SSCARD_PHOTO_LOOKS_H
#define SSCARD_PHOTO_LOOKS_H

#include "photo/check.h"

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

/* The tone of the box given in eye distances around the eye midpoint. */
void	scene_tone(const struct photo_scene *, double, double, double, double,
	    struct tone *);

/* Resolution, eyes, pose, glasses, headwear, expression, accessories, clothing. */
void	check_looks(struct photo_report *, const struct photo_scene *,
	    const struct photo_profile *);

#endif
