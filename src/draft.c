/* draft.c -- the answers so far in $XDG_STATE_HOME/sscard: private, atomic, short-lived. */
#include "system.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "checked.h"
#include "config.h"
#include "draft.h"
#include "fsutil.h"
#include "kiosk.h"
#include "model.h"
#include "outbox.h"
#include "region.h"
#include "workspace.h"
#include "xmalloc.h"

#define DRAFT_FORMAT	"sscard-draft/1"
#define DRAFT_JSON	"draft.json"
#define DRAFT_PHOTO	"draft-photo-"	/* + the first 16 hex digits of its SHA-256 */
#define DRAFT_MAX	(64 * 1024)

static int	photo_name_ok(const char *);
static char	*draft_json(const struct application *, const char *, time_t,
		    const char *, const char *);
static int	draft_parse(json_t *, struct application *, struct draft_meta *,
		    const char *);
static void	set_field(json_t *, const char *, char **);
static int	load_own(const struct config *, struct application *,
		    struct draft_meta *, char **);

char *
draft_dir(char **cause)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *dir;

	if (xdg != NULL && *xdg == '/')
		dir = xasprintf("%s/sscard", xdg);
	else if (home != NULL && *home != '\0')
		dir = xasprintf("%s/.local/state/sscard", home);
	else {
		*cause = xstrdup(_("Neither XDG_STATE_HOME nor HOME is set: there is "
		    "nowhere to keep a draft."));
		return (NULL);
	}
	if (fs_mkdir_private(dir, 1, cause) != 0) {
		free(dir);
		return (NULL);
	}
	return (dir);
}

int
draft_keep_hours(const struct config *cfg, long *hours, char **cause)
{
	return (config_long(cfg, "draft", "keep_hours", 24, 1, 24 * 365, hours, cause));
}

/* 1 when name is a draft photo's: DRAFT_PHOTO and 16 hex digits. */
static int
photo_name_ok(const char *name)
{
	size_t n = strlen(DRAFT_PHOTO);

	return (name != NULL && strncmp(name, DRAFT_PHOTO, n) == 0 &&
	    strlen(name + n) == 16 && strspn(name + n, "0123456789abcdef") == 16);
}

void
draft_wipe_files(const char *dir, const char *prefix, const char *keep)
{
	struct dirent *e;
	char *path;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strncmp(e->d_name, prefix, strlen(prefix)) != 0 ||
		    (keep != NULL && strcmp(e->d_name, keep) == 0))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		draft_wipe_file(path);
		free(path);
	}
	closedir(d);
}

/* The draft as JSON; photo_sha is the checked photo's, or NULL. Caller wipes. */
static char *
draft_json(const struct application *a, const char *step, time_t now,
    const char *photo_file, const char *photo_sha)
{
	json_t *o, *ticks = json_array();
	char *s;
	int i;

	for (i = 0; i < CHANNEL_COUNT; i++)
		json_array_append_new(ticks, json_integer(a->ticked[i]));
	o = json_pack("{s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:b, s:b}",
	    "format", DRAFT_FORMAT, "saved", (json_int_t)now, "step", step,
	    "language", a->lang, "channel", channel_id(a->channel),
	    "region", region_at(a->region) != NULL ? region_at(a->region)->id : "",
	    "name", a->name, "id_number", a->id_number, "phone", a->phone,
	    "ticked", ticks, "photo_path", a->photo_path,
	    "photo_receipt", a->photo_receipt, "card_lost", a->card_lost,
	    "photo_checked", photo_sha != NULL);
	if (photo_sha != NULL) {
		/* The checked bytes, and what the citizen's file was when copied. */
		json_object_set_new(o, "photo_file", json_string(photo_file));
		json_object_set_new(o, "photo_sha256", json_string(photo_sha));
		json_object_set_new(o, "source_sha256", json_string(a->source_sha));
		json_object_set_new(o, "photo_fixed", json_boolean(a->photo_fixed));
	}
	s = json_dumps(o, JSON_INDENT(1) | JSON_SORT_KEYS);
	json_decref(o);
	return (s);
}

int
draft_save(const char *dir, const struct application *a, const char *step,
    int checked, char **cause)
{
	char sha[65], name[64], *json, *photo = NULL, *path;
	size_t len = 0;
	int rc;

	/*
	 * The checked bytes (checked.c), not the path: the file may change or
	 * its USB stick go.  Named by their hash, so the JSON never names a
	 * half-written photo; the old photo goes only once the new JSON is in
	 * place.
	 */
	if (checked) {
		if (checked_read(a, &photo, &len, cause) != 0)
			return (-1);
		checked_sha256(photo, len, sha);
		snprintf(name, sizeof name, "%s%.16s", DRAFT_PHOTO, sha);
		path = xasprintf("%s/%s", dir, name);
		rc = access(path, F_OK) == 0 ? 0 :
		    fs_write_atomic(dir, name, photo, len, cause);
		free(path);
		wipe_free(photo, len);
		if (rc != 0)
			return (-1);
	}
	json = draft_json(a, step, time(NULL), name, checked ? sha : NULL);
	rc = fs_write_atomic(dir, DRAFT_JSON, json, strlen(json), cause);
	wipe_str(json);
	if (rc == 0)
		draft_wipe_files(dir, DRAFT_PHOTO, checked ? name : NULL);
	return (rc);
}

static void
set_field(json_t *o, const char *key, char **field)
{
	json_t *v = json_object_get(o, key);

	if (json_is_string(v))
		application_set(field, json_string_value(v));
}

/* Fills a and meta from o; -1 when it is not a draft this version wrote. */
static int
draft_parse(json_t *o, struct application *a, struct draft_meta *meta, const char *dir)
{
	json_t *ticks = json_object_get(o, "ticked"), *v;
	const char *fmt = json_string_value(json_object_get(o, "format"));
	const char *lang = json_string_value(json_object_get(o, "language"));
	const char *ch = json_string_value(json_object_get(o, "channel"));
	const char *region = json_string_value(json_object_get(o, "region"));
	const char *step = json_string_value(json_object_get(o, "step"));
	const char *file, *sha, *src;
	size_t i;

	if (fmt == NULL || strcmp(fmt, DRAFT_FORMAT) != 0 || step == NULL ||
	    !json_is_integer(json_object_get(o, "saved")))
		return (-1);
	meta->saved = (time_t)json_integer_value(json_object_get(o, "saved"));
	meta->step = xstrdup(step);
	meta->photo_checked = json_is_true(json_object_get(o, "photo_checked"));
	if (lang != NULL)
		snprintf(a->lang, sizeof a->lang, "%s", lang);
	a->channel = ch != NULL ? channel_from_id(ch) : -1;
	a->region = region != NULL && region_find(region) >= 0 ? region_find(region) : 0;
	set_field(o, "name", &a->name);
	set_field(o, "id_number", &a->id_number);
	set_field(o, "phone", &a->phone);
	set_field(o, "photo_path", &a->photo_path);
	set_field(o, "photo_receipt", &a->photo_receipt);
	a->card_lost = json_is_true(json_object_get(o, "card_lost"));
	json_array_foreach(ticks, i, v)
		if (i < CHANNEL_COUNT && json_is_integer(v))
			a->ticked[i] = (unsigned)json_integer_value(v);
	if (meta->photo_checked) {
		file = json_string_value(json_object_get(o, "photo_file"));
		sha = json_string_value(json_object_get(o, "photo_sha256"));
		src = json_string_value(json_object_get(o, "source_sha256"));
		if (!photo_name_ok(file) || sha == NULL || strlen(sha) != 64 ||
		    src == NULL || strlen(src) != 64)
			return (-1);
		free(a->checked_path);
		a->checked_path = xasprintf("%s/%s", dir, file);
		memcpy(a->checked_sha, sha, sizeof a->checked_sha);
		memcpy(a->source_sha, src, sizeof a->source_sha);
		a->photo_fixed = json_is_true(json_object_get(o, "photo_fixed"));
	}
	return (0);
}

int
draft_load(const char *dir, long keep_hours, time_t now, struct application *a,
    struct draft_meta *meta, char **cause)
{
	json_error_t err;
	json_t *o;
	char *path = xasprintf("%s/%s", dir, DRAFT_JSON), *data = NULL, *photo = NULL;
	char sha[65];
	size_t len = 0, plen = 0;
	struct stat sb;
	int rc = 0;

	memset(meta, 0, sizeof *meta);
	if (stat(path, &sb) != 0) {
		free(path);
		return (0);
	}
	if (fs_read_file(path, DRAFT_MAX, &data, &len, cause) != 0) {
		free(path);
		return (-1);
	}
	free(path);
	o = json_loadb(data, len, 0, &err);
	wipe_free(data, len);
	if (o == NULL || draft_parse(o, a, meta, dir) != 0)
		goto bad;
	if (now - meta->saved > keep_hours * 3600)
		goto bad;	/* expired: deleted, as promised */
	if (meta->photo_checked) {
		if (fs_read_file(a->checked_path, OUTBOX_PHOTO_MAX, &photo, &plen,
		    cause) != 0) {
			free(*cause);
			*cause = NULL;
			goto bad;
		}
		checked_sha256(photo, plen, sha);
		wipe_free(photo, plen);
		if (strcmp(sha, a->checked_sha) != 0)
			goto bad;
	}
	json_decref(o);
	return (1);
bad:
	if (o != NULL)
		json_decref(o);
	draft_meta_free(meta);
	draft_discard(dir);
	return (rc);
}

void
draft_meta_free(struct draft_meta *meta)
{
	free(meta->step);
	meta->step = NULL;
}

void
draft_wipe_file(const char *path)
{
	fs_wipe_file(path);
}

void
draft_discard(const char *dir)
{
	char *p;

	p = xasprintf("%s/%s", dir, DRAFT_JSON);
	draft_wipe_file(p);
	free(p);
	draft_wipe_files(dir, DRAFT_PHOTO, NULL);
}

char *
draft_mask_name(const char *name)
{
	size_t n = mbstowcs(NULL, name, 0), i;
	wchar_t *w;
	char *out;

	if (n == (size_t)-1 || n == 0)
		return (xstrdup("*"));
	w = xcalloc(n + 1, sizeof *w);
	mbstowcs(w, name, n + 1);
	for (i = 1; i < n; i++)
		w[i] = w[i] == L' ' ? L' ' : L'*';
	out = xmalloc(n * MB_CUR_MAX + 1);
	wcstombs(out, w, n * MB_CUR_MAX + 1);
	explicit_bzero(w, (n + 1) * sizeof *w);
	free(w);
	return (out);
}

char *
draft_privacy(const struct config *cfg, int forced)
{
	char *cause = NULL;
	long hours = 24;

	if (kiosk_enabled(cfg, forced))
		return (xstrdup(_("Privacy: what you type stays in memory; your "
		    "photo is copied into a private folder for this run, wiped when "
		    "sscard ends, also if you quit or the connection drops. Nothing "
		    "else is saved until you agree on the review step.")));
	if (draft_keep_hours(cfg, &hours, &cause) != 0)
		free(cause);	/* refused at start-up already */
	return (xasprintf(_("Privacy: your answers, and once checked your photo, "
	    "are kept as a draft only this account can read until the kit is "
	    "saved or the application queued; a start after %ld hours deletes "
	    "it."), hours));
}

int
draft_autosave(const struct application *a, const char *step,
    const struct config *cfg, int forced, int done, char **cause)
{
	static const char *const after_check[] = { "review", "submit", "receipt" };
	char *dir;
	int rc = 0, checked = 0;
	size_t i;

	if (kiosk_enabled(cfg, forced) || (!done && strcmp(step, "welcome") == 0))
		return (0);
	for (i = 0; i < nitems(after_check); i++)
		checked |= strcmp(step, after_check[i]) == 0;
	if ((dir = draft_dir(cause)) == NULL)
		return (-1);
	if (done || a->outbox_id != NULL)
		draft_discard(dir);	/* the kit or the outbox keeps it now */
	else
		rc = draft_save(dir, a, step, checked && a->checked_path[0] != '\0',
		    cause);
	free(dir);
	return (rc < 0 ? -1 : done || a->outbox_id != NULL ? 0 : 1);
}

int
draft_take_photo(struct application *a, const struct workspace *ws, char **cause)
{
	if (a->checked_path[0] == '\0')
		return (0);
	return (checked_copy(a, ws, a->checked_path, "photo-draft", NULL, cause));
}

/* Loads the draft of this account into a: 1, 0 none, -1 with *cause. */
static int
load_own(const struct config *cfg, struct application *a, struct draft_meta *m,
    char **cause)
{
	char *dir;
	long hours;
	int rc;

	if (draft_keep_hours(cfg, &hours, cause) != 0 || (dir = draft_dir(cause)) == NULL)
		return (-1);
	rc = draft_load(dir, hours, time(NULL), a, m, cause);
	free(dir);
	return (rc);
}

int
draft_offer(const struct config *cfg, int forced, char **masked, time_t *saved)
{
	struct application a;
	struct draft_meta m;
	char *cause = NULL;
	int rc;

	if (kiosk_enabled(cfg, forced))
		return (0);
	application_init(&a);
	if ((rc = load_own(cfg, &a, &m, &cause)) == 1) {
		*masked = draft_mask_name(a.name);
		*saved = m.saved;
		draft_meta_free(&m);
	}
	free(cause);	/* no offer; the next save says what is wrong */
	application_clear(&a);
	return (rc == 1);
}

int
draft_resume(const struct config *cfg, const struct workspace *ws,
    struct application *a, char **step, char **cause)
{
	struct draft_meta m;
	int rc;

	if ((rc = load_own(cfg, a, &m, cause)) != 1)
		return (rc);
	if (draft_take_photo(a, ws, cause) != 0) {
		draft_meta_free(&m);
		return (-1);
	}
	*step = m.step;
	return (1);
}
