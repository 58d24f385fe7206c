/* checked.c -- copy the photo once, check the copy, hand out only verified bytes. */
#include "lib/system.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/checked.h"
#include "lib/fsutil.h"
#include "model/kiosk.h"
#include "model/region.h"
#include "model/application.h"
#include "photo/load.h"
#include "lib/workspace.h"
#include "lib/xmalloc.h"

static int	read_sha(const char *, char **, size_t *, char [65], char **);
static int	read_given(const char *, char **, size_t *, char [65], char **);
static char	*keep(const struct workspace *, const char *, char *, size_t, char [65],
		    char **);

void
checked_sha256(const void *data, size_t len, char out[65])
{
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	int i;

	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof d, d);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

char *
checked_expand(const char *path)
{
	const char *home = getenv("HOME");

	if (strncmp(path, "~/", 2) == 0 && home != NULL)
		return (xasprintf("%s/%s", home, path + 2));
	return (xstrdup(path));
}

/* Reads path whole and its digest; *data is wiped and freed by the caller. */
static int
read_sha(const char *path, char **data, size_t *len, char sha[65], char **cause)
{
	if (fs_read_file(path, CHECKED_PHOTO_MAX, data, len, cause) != 0)
		return (-1);
	checked_sha256(*data, *len, sha);
	return (0);
}

/* Writes data (then wiped and freed) into the workspace as name; its path, or NULL. */
static char *
keep(const struct workspace *ws, const char *name, char *data, size_t len,
    char sha[65], char **cause)
{
	int rc;

	if (sha != NULL)
		checked_sha256(data, len, sha);
	rc = fs_write_atomic(ws->dir, name, data, len, cause);
	wipe_free(data, len);
	return (rc == 0 ? workspace_path(ws, name) : NULL);
}

/* read_sha of the citizen's own file: in a kiosk only beneath its photo folders. */
static int
read_given(const char *path, char **data, size_t *len, char sha[65], char **cause)
{
	int fd, rc;

	if ((fd = kiosk_open_given(path, cause)) < 0)
		return (-1);
	if ((rc = fs_read_fd(fd, path, CHECKED_PHOTO_MAX, data, len, cause)) == 0)
		checked_sha256(*data, *len, sha);
	close(fd);
	return (rc);
}

int
checked_copy(struct application *a, const struct workspace *ws, const char *path,
    const char *name, char sha[65], char **cause)
{
	char *data = NULL, *copy, digest[65];
	size_t len = 0;

	if (fs_read_file(path, CHECKED_PHOTO_MAX, &data, &len, cause) != 0)
		return (-1);
	/* path may be a->checked_path itself: it is not read after this. */
	if ((copy = keep(ws, name, data, len, sha != NULL ? sha : digest, cause)) == NULL)
		return (-1);
	application_set(&a->checked_path, copy);
	free(copy);
	return (0);
}

char *
checked_stage(const struct workspace *ws, int fd, const char *shown, const char *name,
    char sha[65], char **cause)
{
	char *data = NULL;
	size_t len = 0;

	if (fs_read_fd(fd, shown, CHECKED_PHOTO_MAX, &data, &len, cause) != 0)
		return (NULL);
	return (keep(ws, name, data, len, sha, cause));
}

char *
checked_cause_named(char *cause, const char *copy, const char *shown)
{
	char *at, *s;

	if (cause == NULL || (at = strstr(cause, copy)) == NULL)
		return (cause);
	s = xasprintf("%.*s%s%s", (int)(at - cause), cause, shown, at + strlen(copy));
	free(cause);
	return (s);
}

int
checked_take_fd(struct application *a, const struct workspace *ws, int fd,
    const char *shown, char **cause)
{
	struct photo_info info;
	char sha[65], *staged, *given;
	int rc;

	/* Staged first: a file that is no photo leaves the last checked one alone. */
	if ((staged = checked_stage(ws, fd, shown, "photo-staged", sha, cause)) == NULL)
		return (-1);
	given = workspace_path(ws, "photo-given");
	if ((rc = photo_probe(staged, &info, cause)) != 0)
		*cause = checked_cause_named(*cause, staged, shown);
	else if ((rc = rename(staged, given)) != 0)
		*cause = xasprintf(_("cannot write %s: %s"), given, strerror(errno));
	if (rc != 0)
		fs_wipe_file(staged);
	else {
		application_set(&a->checked_path, given);
		memcpy(a->source_sha, sha, sizeof a->source_sha);
		memcpy(a->checked_sha, sha, sizeof a->checked_sha);
		a->photo_fixed = a->photo_levelled = a->photo_widened = 0;
	}
	free(staged);
	free(given);
	return (rc == 0 ? 0 : -1);
}

int
checked_take(struct application *a, const struct workspace *ws, const char *path,
    char **cause)
{
	int fd, rc;

	if ((fd = kiosk_open_given(path, cause)) < 0)
		return (-1);
	rc = checked_take_fd(a, ws, fd, path, cause);
	close(fd);
	return (rc);
}

int
checked_adopt(struct application *a, const char *path, char **cause)
{
	char *data = NULL;
	size_t len = 0;

	if (read_sha(path, &data, &len, a->checked_sha, cause) != 0)
		return (-1);
	wipe_free(data, len);
	application_set(&a->checked_path, path);
	a->photo_fixed = 1;
	return (0);
}

int
checked_read(const struct application *a, char **data, size_t *len, char **cause)
{
	char sha[65], *src, *sdata = NULL, *why = NULL;
	size_t slen = 0;

	if (a->checked_path[0] == '\0') {
		*cause = xstrdup(_("No photo has been checked yet: go back to "
		    "the photo step."));
		return (-1);
	}
	if (read_sha(a->checked_path, data, len, sha, cause) != 0)
		return (-1);
	if (strcmp(sha, a->checked_sha) != 0) {
		wipe_free(*data, *len);
		*data = NULL;
		*cause = xstrdup(_("The checked photo was changed after the check, "
		    "so it is not used. Go back (F2) to the photo step and check "
		    "it again."));
		return (-1);
	}
	if (a->photo_fixed)
		return (0);
	/*
	 * The citizen may have edited the file since: they meant the new one.
	 * A file that is gone (a USB stick taken out) changed nothing: the
	 * checked copy is used.
	 */
	src = checked_expand(a->photo_path);
	if (read_given(src, &sdata, &slen, sha, &why) == 0) {
		wipe_free(sdata, slen);
		if (strcmp(sha, a->source_sha) != 0)
			why = xasprintf(_("The photo file %s changed after it "
			    "was checked, so it is not used. Go back (F2) to the "
			    "photo step and check it again."), src);
	} else {
		free(why);
		why = NULL;
	}
	free(src);
	if (why != NULL) {
		*cause = why;
		wipe_free(*data, *len);
		*data = NULL;
		return (-1);
	}
	return (0);
}

char *
checked_edit_notice(const struct application *a)
{
	const struct region *r = region_at(a->region);
	const char *how, *region = NULL;
	char *s, *t;

	if (!a->photo_fixed)
		return (NULL);
	how = a->photo_levelled && a->photo_widened ? _("sscard edited this "
	    "photo: it replaced the background with white, turned the photo "
	    "level, cropped it to the card's frame and added white where the "
	    "photo ended above or beside the head.") : a->photo_levelled ?
	    _("sscard edited this photo: it replaced the background with white, "
	    "turned the photo level and cropped it to the card's frame.") :
	    a->photo_widened ? _("sscard edited this photo: it replaced the "
	    "background with white, cropped it to the card's frame and added "
	    "white where the photo ended above or beside the head.") :
	    _("sscard edited this photo: it replaced the background with white "
	    "and cropped it to the card's frame.");
	if (r != NULL && r->studio == STUDIO_RECEIPT)
		region = _("This region asks for a photo receipt number (相片回执号) "
		    "from a licensed photo studio or a 数字相片回执 mini-program: "
		    "get one for this photo, or have a photo taken there.");
	else if (r != NULL && r->studio == STUDIO_ONLY_WEAK)
		region = _("A single weak source says this region takes only "
		    "photos from a licensed ID-photo studio: ask your local office "
		    "before you use this photo.");
	/* TRANSLATORS: two sentences of one paragraph; "%s%s" where no space is written. */
	s = xasprintf(C_("two sentences", "%s %s"), how, _("A published list of the rules says "
	    "the electronic photo is used without modification or cropping "
	    "(无需修改、裁剪及冲洗); offices read this differently, and some want "
	    "an unedited photo from a studio or a studio's photo receipt number. "
	    "If yours refuses this photo, have one taken at an ID-photo studio."));
	if (region == NULL)
		return (s);
	t = xasprintf(C_("two sentences", "%s %s"), s, region);
	free(s);
	return (t);
}
