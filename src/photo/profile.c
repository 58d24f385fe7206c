/* profile.c -- the built-in photo profiles (data; sources in domain.md §1-2). */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>

#include "lib/config.h"
#include "photo/profile.h"
#include "lib/xmalloc.h"

/* The integer keys of a [profile NAME] section and where each one goes. */
static const struct {
	const char	*key;
	size_t		 off;
	long		 min, max;
} int_keys[] = {
	{ "width", offsetof(struct photo_profile, width), 16, 4000 },
	{ "height", offsetof(struct photo_profile, height), 16, 4000 },
	{ "dpi", offsetof(struct photo_profile, dpi), 1, 10000 },
	{ "face_min", offsetof(struct photo_profile, face_min), 0, 4000 },
	{ "face_max", offsetof(struct photo_profile, face_max), 0, 4000 },
	{ "crown_min", offsetof(struct photo_profile, crown_min), 0, 4000 },
	{ "crown_max", offsetof(struct photo_profile, crown_max), 0, 4000 },
	{ "eye_line_min", offsetof(struct photo_profile, eye_line_min), 0, 4000 },
	{ "eye_x_min", offsetof(struct photo_profile, eye_x_min), 0, 4000 },
	{ "eye_x_max", offsetof(struct photo_profile, eye_x_max), 0, 4000 },
	{ "quality", offsetof(struct photo_profile, quality), 1, 100 },
	{ "pose_max", offsetof(struct photo_profile, pose_max), 1, 45 },
};

static int	section_exists(const struct config *, const char *);
static int	profile_overlay(const struct config *, const char *,
		    struct photo_profile *, char **);

/* Geometry of the MOHRSS card spec at 358x441. */
#define SSC_GEOMETRY	179, 255, 7, 21, 207, 162, 196
/*
 * File-size window required (0) or recommended (1); glasses allowed; mouth
 * closed; head turned at most 12 degrees; quality chosen to fit.
 */
#define REQUIRED	0
#define RECOMMENDED	1
#define LOOKS(glasses)	glasses, 1, 12, 0

static const struct photo_profile profiles[] = {
	{ "national", N_("National social security card (MOHRSS)"),
	  358, 441, 350, KB_MIN(14), KB_MAX(40), SSC_GEOMETRY, REQUIRED, LOOKS(1),
	  "MOHRSS 社会保障卡制证用数字相片技术要求 (variant A)", 0 },
	{ "ga461", N_("ID card photo (GA 461)"),
	  358, 441, 350, KB_MIN(14), KB_MAX(20), 193, 221, 7, 21, 207, 162, 196, RECOMMENDED, LOOKS(1),
	  "GA 461-2004 4.1", 0 },
	{ "binzhou", N_("Binzhou"),
	  358, 441, 350, KB_MIN(14), KB_MAX(40), SSC_GEOMETRY, REQUIRED, LOOKS(1),
	  "Binzhou SSC photo spec", 0 },
	{ "jinan", N_("Jinan"),
	  358, 441, 350, KB_MIN(16), KB_MAX(60), SSC_GEOMETRY, RECOMMENDED, LOOKS(1),
	  "Jinan employer batch upload", 0 },
	{ "shenzhen", N_("Shenzhen"),
	  358, 441, 350, KB_MIN(9), KB_MAX(20), SSC_GEOMETRY, REQUIRED, LOOKS(1),
	  "Shenzhen photo receipt rules", 0 },
	{ "guangzhou", N_("Guangzhou"),
	  358, 441, 350, KB_MIN(20), KB_MAX(200), SSC_GEOMETRY, RECOMMENDED, LOOKS(1),
	  "Guangzhou 广州人社 upload (20-200 KB recommended)", 0 },
	{ "suzhou-ah", N_("Suzhou (Anhui)"),
	  358, 441, 350, KB_MIN(5), KB_MAX(50), SSC_GEOMETRY, REQUIRED, LOOKS(1),
	  "Suzhou (Anhui) 社会保障卡照片质量规范", 0 },
	/*
	 * One copied list, inconsistent in itself (domain.md §2, Low): its "no
	 * glasses" and "studio only" are warned about, the national rules apply.
	 */
	{ "liaocheng", N_("Liaocheng"),
	  358, 441, 350, KB_MIN(14), KB_MAX(40), SSC_GEOMETRY, REQUIRED, LOOKS(1),
	  "Liaocheng list (Low: no glasses and studio only warned; its >=140 KB figure is contradictory, national window used)",
	  WEAK_NO_GLASSES | WEAK_STUDIO },
	{ "dongying", N_("Dongying (batch upload)"),
	  236, 295, 300, 0, KB_MAX(100), 118, 168, 5, 14, 138, 108, 131, REQUIRED, LOOKS(1),
	  "Dongying employer batch upload (236x295, geometry scaled from the national spec)", 0 },
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

/* Where the common windows overlap: national 14-40, GA 461 14-20, Shenzhen 9-20. */
#define COMMON_MIN	KB_MIN(14)
#define COMMON_MAX	KB_MAX(20)

void
profile_size_target(const struct photo_profile *p, long *min, long *max)
{
	long hi = p->max_bytes > 0 ? p->max_bytes : 1L << 30;
	long lo = p->min_bytes > COMMON_MIN ? p->min_bytes : COMMON_MIN;

	*min = p->min_bytes;
	*max = hi;
	if (hi > COMMON_MAX)
		hi = COMMON_MAX;
	if (lo <= hi) {
		*min = lo;
		*max = hi;
	}
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

static int
section_exists(const struct config *cfg, const char *section)
{
	size_t i;

	for (i = 0; i < cfg->n; i++)
		if (strcmp(cfg->v[i].section, section) == 0)
			return (1);
	return (0);
}

/* Lays the keys of [profile NAME] over p; 0, or -1 with *cause. */
static int
profile_overlay(const struct config *cfg, const char *section,
    struct photo_profile *p, char **cause)
{
	const char *title, *window;
	size_t i;
	long v, kb;

	for (i = 0; i < nitems(int_keys); i++) {
		int *field = (int *)((char *)p + int_keys[i].off);

		if (config_long(cfg, section, int_keys[i].key, *field,
		    int_keys[i].min, int_keys[i].max, &v, cause) != 0)
			return (-1);
		*field = (int)v;
	}
	if (config_long(cfg, section, "min_kb", profile_kb_min(p), 0, 100000,
	    &kb, cause) != 0)
		return (-1);
	p->min_bytes = KB_MIN(kb);
	if (config_long(cfg, section, "max_kb", p->max_bytes == 0 ? 0 :
	    profile_kb_max(p), 0, 100000, &kb, cause) != 0)
		return (-1);
	p->max_bytes = KB_MAX(kb);
	if (config_bool(cfg, section, "glasses", p->glasses, &p->glasses, cause) != 0 ||
	    config_bool(cfg, section, "mouth_closed", p->mouth_closed,
	    &p->mouth_closed, cause) != 0)
		return (-1);
	if ((window = config_str(cfg, section, "size_window", NULL)) != NULL) {
		if (strcmp(window, "required") != 0 && strcmp(window, "recommended") != 0) {
			*cause = xasprintf(_("[%s] size_window must be 'required' or "
			    "'recommended', not '%s'"), section, window);
			return (-1);
		}
		p->size_recommended = window[2] == 'c';
	}
	if ((title = config_str(cfg, section, "title", NULL)) != NULL)
		p->title = title;
	return (0);
}

struct photo_profile *
profile_load(const struct config *cfg, const char *name, char **cause)
{
	static const struct config none;
	const struct photo_profile *base;
	struct photo_profile *p;
	char *section;
	int custom;

	if (cfg == NULL)
		cfg = &none;
	if (name == NULL)
		name = config_str(cfg, "photo", "profile", "national");
	section = xasprintf("profile %s", name);
	custom = section_exists(cfg, section);
	base = profile_find(custom ? config_str(cfg, section, "base", name) : name);
	if (base == NULL && custom)
		base = profile_find("national");
	if (base == NULL) {
		*cause = xasprintf(_("there is no photo profile called '%s' "
		    "(see sscard(1) for the list)"), name);
		free(section);
		return (NULL);
	}
	p = xmalloc(sizeof *p);
	*p = *base;
	p->name = name;
	if (custom && profile_overlay(cfg, section, p, cause) != 0) {
		free(section);
		free(p);
		return (NULL);
	}
	free(section);
	p->name = xstrdup(p->name);
	p->title = xstrdup(p->title);
	return (p);
}

void
profile_free(struct photo_profile *p)
{
	if (p == NULL)
		return;
	free((char *)p->name);
	free((char *)p->title);
	free(p);
}
