/* photo/fix.h -- make a photo fit a profile: whiten, frame, level (fix.c). */
#ifndef SSCARD_PHOTO_FIX_H
#define SSCARD_PHOTO_FIX_H

#include "photo/check.h"

struct config;
struct photo_profile;

/*
 * Fixes the photo at in for profile p and writes a JFIF to out_path
 * (atomically, 0600) when its background was replaced cleanly; the file is
 * then checked as photo_check_file checks it and kept only when it passes
 * every rule of p (its report goes to *after).  Returns 0 when kept, or -1
 * with *cause saying what cannot be fixed, and nothing left at out_path;
 * caller frees.  *after is filled only on success.
 */
int	photo_fix_file(const char *, const struct photo_profile *,
	    const struct config *, const char *, struct photo_report *, char **);

#endif
