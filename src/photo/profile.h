/* profile.h -- a region's photo rules (pixels, dpi, file size, face geometry). */
#ifndef SSCARD_PROFILE_H
#define SSCARD_PROFILE_H

struct config;

struct photo_profile {
	const char	*name;		/* stable id: "national", "ga461", "shenzhen" */
	const char	*title;		/* N_() */
	int		 width, height;	/* pixels */
	int		 dpi;
	long		 min_bytes;	/* file-size window; 0 = no limit */
	long		 max_bytes;
	int		 face_min, face_max;	/* face width, px */
	int		 crown_min, crown_max;	/* top of hair to top edge, px */
	int		 eye_line_min;		/* eye line to bottom edge, px */
	int		 eye_x_min, eye_x_max;	/* eye midpoint from the left edge, px */
	int		 size_recommended;	/* 1: the file-size window only warns */
	int		 glasses;	/* 1 if habitual glasses may be worn */
	int		 mouth_closed;	/* 1: a mouth open or showing teeth fails */
	int		 pose_max;	/* head turned or tilted up/down, degrees */
	int		 quality;	/* JPEG quality of fixed photos; 0: chosen to fit */
	const char	*source;	/* where the numbers come from (untranslated) */
	int		 weak;		/* WEAK_*: rules only a weak source gives: warned, not enforced */
};

/* A single low-confidence source (domain.md §2, Liaocheng) says: */
#define WEAK_NO_GLASSES	0x1	/* no glasses at all */
#define WEAK_STUDIO	0x2	/* only photos from a licensed ID-photo studio */

/*
 * KB in the specs is ambiguous (1000 or 1024 bytes): the window is the
 * intersection of both readings, so a photo inside it passes either way.
 */
#define KB_MIN(kb)	((long)(kb) * 1024)
#define KB_MAX(kb)	((long)(kb) * 1000)

/* Built-in profile by name, or NULL. */
const struct photo_profile	*profile_find(const char *);
/*
 * The profile called name (NULL: [photo] profile, else "national"): a
 * built-in one with the keys of a [profile NAME] section of cfg laid over it,
 * or one made from such a section alone (base = the built-in it starts from,
 * "national" by default).  Returns an allocated copy to free with
 * profile_free, or NULL with *cause (translated, naming the file and line of a
 * bad value); caller frees.
 */
struct photo_profile	*profile_load(const struct config *, const char *, char **);
void	profile_free(struct photo_profile *);

/*
 * The file-size window fix aims for: where the common windows overlap
 * (14-20 KB) inside the profile's own, else the profile's.
 */
void	profile_size_target(const struct photo_profile *, long *, long *);

/* Lower and upper file size in whole KB, for display. */
int	profile_kb_min(const struct photo_profile *);
int	profile_kb_max(const struct photo_profile *);

#endif
