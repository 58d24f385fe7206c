/* profile.c -- the built-in photo profiles (data; sources in domain.md §1-2). */
#include "system.h"

#include <string.h>

#include "profile.h"

/* Geometry of the MOHRSS card spec at 358x441. */
#define SSC_GEOMETRY	179, 255, 7, 21, 207, 162, 196

static const struct photo_profile profiles[] = {
	{ "national", N_("National social security card (MOHRSS)"),
	  358, 441, 350, KB_MIN(14), KB_MAX(40), SSC_GEOMETRY, 1, 70,
	  "MOHRSS 社会保障卡制证用数字相片技术要求 (variant A)" },
	{ "ga461", N_("ID card photo (GA 461)"),
	  358, 441, 350, KB_MIN(14), KB_MAX(20), 193, 221, 7, 21, 207, 162, 196, 1, 70,
	  "GA 461-2004 4.1" },
	{ "binzhou", N_("Binzhou"),
	  358, 441, 350, KB_MIN(14), KB_MAX(40), SSC_GEOMETRY, 1, 70,
	  "Binzhou SSC photo spec" },
	{ "jinan", N_("Jinan"),
	  358, 441, 350, KB_MIN(16), KB_MAX(60), SSC_GEOMETRY, 1, 70,
	  "Jinan employer batch upload" },
	{ "shenzhen", N_("Shenzhen"),
	  358, 441, 350, KB_MIN(9), KB_MAX(20), SSC_GEOMETRY, 1, 70,
	  "Shenzhen photo receipt rules" },
	{ "guangzhou", N_("Guangzhou"),
	  358, 441, 350, KB_MIN(20), KB_MAX(200), SSC_GEOMETRY, 1, 70,
	  "Guangzhou 广州人社 upload (20-200 KB recommended)" },
	{ "suzhou-ah", N_("Suzhou (Anhui)"),
	  358, 441, 350, KB_MIN(5), KB_MAX(50), SSC_GEOMETRY, 1, 70,
	  "Suzhou (Anhui) 社会保障卡照片质量规范" },
	{ "liaocheng", N_("Liaocheng"),
	  358, 441, 350, KB_MIN(14), KB_MAX(40), SSC_GEOMETRY, 0, 70,
	  "Liaocheng list (no glasses; its >=140 KB figure is contradictory, national window used)" },
	{ "dongying", N_("Dongying (batch upload)"),
	  236, 295, 300, 0, KB_MAX(100), 118, 168, 5, 14, 138, 108, 131, 1, 70,
	  "Dongying employer batch upload (236x295, geometry scaled from the national spec)" },
};

const struct photo_profile *
profile_find(const char *name)
{
	size_t i;

	for (i = 0; i < nitems(profiles); i++)
		if (strcmp(profiles[i].name, name) == 0)
			return (&profiles[i]);
	return (NULL);
}

const struct photo_profile *
profile_at(int i)
{
	return (i >= 0 && (size_t)i < nitems(profiles) ? &profiles[i] : NULL);
}

int
profile_kb_min(const struct photo_profile *p)
{
	return ((int)(p->min_bytes / 1024));
}

int
profile_kb_max(const struct photo_profile *p)
{
	return ((int)(p->max_bytes / 1000));
}
