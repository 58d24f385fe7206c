/* outbox.c -- the embedded default backend: applications queued on local disk. */
#include "lib/system.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "model/checked.h"
#include "lib/config.h"
#include "lib/fsutil.h"
#include "model/idnum.h"
#include "lib/log.h"
#include "model/application-json.h"
#include "model/application.h"
#include "net/outbox.h"
#include "lib/xmalloc.h"

/* application.json and state.json are small; anything larger is damaged. */
#define OUTBOX_JSON_MAX	(1024 * 1024)
/* What an entry must hold to be sent (older entries may lack the rest). */
#define OUTBOX_REQUIRED	(AJ_CHANNEL | AJ_NAME | AJ_ID_NUMBER | AJ_PHONE | \
			 AJ_REGION | AJ_PHOTO)

/* An entry's application.json, read. */
struct stored {
	char			*json;		/* as stored: what is sent */
	size_t			 len;
	struct application	 a;
	struct application_photo photo;		/* file "": a receipt number stands for it */
	const char		*created;	/* NULL: not said */
	const char		*key;		/* the idempotency key, or NULL */
	json_t			*o;
};

static char	*outbox_dir(const struct config *, int *);
static void	 new_id(char *, size_t, const struct tm *);
static void	 new_uuid4(char [37]);
static char	*application_json(const struct application *, const char *,
		    const char *, const char *, const char *);
static const char *photo_name(const char *, size_t);
static int	 queue_photo(const struct application *, char **, size_t *, char **);
static int	 verify_written(const char *, const char *, const char *, char **);
static int	 read_json(const struct outbox *, const char *, const char *,
		    json_t **, char **);
static int	 entry_name_ok(const char *);
static int	 entry_cmp(const void *, const void *);
static int	 read_stored(const struct outbox *, const char *, struct stored *,
		    char **);
static void	 stored_free(struct stored *);
static int	 list_one(const struct outbox *, const char *, struct outbox_entry *,
		    char **);
static char	*json_strdup(json_t *, const char *);
static void	 entry_free(struct outbox_entry *);
static char	*status_json(const struct outbox_status *);
static int	 strip_due(const struct outbox *, const struct outbox_status *,
		    time_t);

static const char *const state_names[] = { "queued", "sent", "rejected" };
/*
 * Whose state it is, in the words: this computer's queue and the configured
 * service, never the office's words for the card (制卡中...), which only the
 * service's status (`sscard status`) and the official services give.
 */
static const char *const state_labels[] = {
	N_("queued here, not sent yet"), N_("sent to the card service"),
	N_("rejected by the card service")
};

/* Where the outbox is; *own: how many of its last folders are ours.  Caller frees. */
static char *
outbox_dir(const struct config *cfg, int *own)
{
	const char *dir = config_str(cfg, "outbox", "dir", NULL);
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	*own = 2;	/* sscard/outbox are ours; the folders above are not */
	if (dir != NULL) {
		*own = 1;
		return (xstrdup(dir));
	}
	if (xdg != NULL && *xdg == '/')
		return (xasprintf("%s/sscard/outbox", xdg));
	if (home != NULL && *home == '/')
		return (xasprintf("%s/.local/share/sscard/outbox", home));
	return (NULL);
}

int
outbox_open(struct outbox *ob, const struct config *cfg, char **cause)
{
	int own;

	if ((ob->dir = outbox_dir(cfg, &own)) == NULL) {
		*cause = xstrdup(_("cannot find a folder for the outbox: set HOME "
		    "or XDG_DATA_HOME, or [outbox] dir in the configuration"));
		return (-1);
	}
	if (config_long(cfg, "outbox", "keep_sent_days", 0, 0, 3650,
	    &ob->keep_sent_days, cause) != 0 ||
	    fs_mkdir_private(ob->dir, own, cause) != 0) {
		outbox_close(ob);
		return (-1);
	}
	/* Entries a crash left half-built hold personal data: wipe them. */
	fs_sweep_dead(ob->dir, ".new-", 0);
	return (0);
}

void
outbox_sweep(const struct config *cfg)
{
	int own;
	char *dir = outbox_dir(cfg, &own);

	if (dir != NULL)
		fs_sweep_dead(dir, ".new-", 0);	/* nothing to do if it does not exist */
	free(dir);
}

void
outbox_close(struct outbox *ob)
{
	free(ob->dir);
	ob->dir = NULL;
}

/* A local id a person can read out: date, then 8 random hex digits. */
static void
new_id(char *buf, size_t size, const struct tm *t)
{
	unsigned char r[4];

	fs_random(r, sizeof r);
	snprintf(buf, size, "%04d%02d%02d-%02X%02X%02X%02X", t->tm_year + 1900,
	    t->tm_mon + 1, t->tm_mday, r[0], r[1], r[2], r[3]);
}

static void
new_uuid4(char out[37])
{
	unsigned char r[16];

	fs_random(r, sizeof r);
	r[6] = (r[6] & 0x0f) | 0x40;	/* version 4 */
	r[8] = (r[8] & 0x3f) | 0x80;	/* RFC 4122 variant */
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", r[0], r[1], r[2], r[3], r[4], r[5],
	    r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15]);
}

/* The stored photo keeps its real type, whatever the citizen's file was called. */
static const char *
photo_name(const char *data, size_t len)
{
	if (len >= 8 && memcmp(data, "\x89PNG", 4) == 0)
		return ("photo.png");
	return ("photo.jpg");
}

/*
 * application.json: the codec's fields between the entry's own, in the
 * order a card service has always received them; caller frees.
 */
static char *
application_json(const struct application *a, const char *id, const char *created,
    const char *photo, const char *sha)
{
	struct application_photo ph;
	char uuid[37];
	json_t *o, *fields;
	char *s;

	new_uuid4(uuid);
	/* With a photo studio's receipt number there may be no photo at all. */
	memset(&ph, 0, sizeof ph);
	if (photo != NULL) {
		snprintf(ph.file, sizeof ph.file, "%s", photo);
		snprintf(ph.sha256, sizeof ph.sha256, "%s", sha);
	}
	fields = application_json_encode(a, &ph, AJ_SENT);
	o = json_pack("{s:s, s:s}", "id", id, "created", created);
	if (o == NULL || json_object_update(o, fields) != 0 ||
	    json_object_set_new(o, "client_version", json_string(PACKAGE_VERSION)) != 0 ||
	    json_object_set_new(o, "idempotency_key", json_string(uuid)) != 0)
		fatal("application_json: out of memory");
	json_decref(fields);
	s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (s == NULL)
		fatal("out of memory");
	return (s);
}

/* The photo to store: the checked bytes in a wizard, the named file in a batch. */
static int
queue_photo(const struct application *a, char **photo, size_t *plen, char **cause)
{
	if (a->checked_path != NULL && a->checked_path[0] != '\0')
		return (checked_read(a, photo, plen, cause));
	return (fs_read_file(a->photo_path, OUTBOX_PHOTO_MAX, photo, plen, cause));
}

/* The photo as written must be the bytes meant: read it back, compare digests. */
static int
verify_written(const char *dir, const char *name, const char *sha, char **cause)
{
	char *path = xasprintf("%s/%s", dir, name), *data = NULL, got[65];
	size_t len = 0;
	int rc = -1;

	if (fs_read_file(path, OUTBOX_PHOTO_MAX, &data, &len, cause) == 0) {
		checked_sha256(data, len, got);
		if (strcmp(got, sha) == 0)
			rc = 0;
		else
			*cause = xasprintf(_("the photo written to %s is not the "
			    "checked photo; nothing was queued"), path);
		wipe_free(data, len);
	}
	free(path);
	return (rc);
}

int
outbox_queue(const struct outbox *ob, const struct application *a, char **id_out,
    char **cause)
{
	char id[64], created[32], sha[65], *tmpdir = NULL, *dst = NULL, *json = NULL;
	char *photo = NULL;
	const char *pname;
	size_t plen = 0;
	time_t now = time(NULL);
	struct tm t;
	int rc = -1;

	gmtime_r(&now, &t);
	strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", &t);
	new_id(id, sizeof id, &t);
	if (a->photo_receipt[0] != '\0' && a->checked_path[0] == '\0')
		pname = NULL;	/* the studio's receipt number stands for the photo */
	else if (queue_photo(a, &photo, &plen, cause) != 0)
		return (-1);
	else {
		pname = photo_name(photo, plen);
		checked_sha256(photo, plen, sha);
	}
	json = application_json(a, id, created, pname, sha);

	/*
	 * Build the entry under a hidden name with our pid, then rename it
	 * into place whole; a crash leaves the hidden folder, which the next
	 * outbox_open sweeps.
	 */
	tmpdir = xasprintf("%s/.new-%ld-%s", ob->dir, (long)getpid(), id);
	dst = xasprintf("%s/%s", ob->dir, id);
	if (fs_mkdir_private(tmpdir, 1, cause) != 0)
		goto out;
	if (pname != NULL && (fs_write_atomic(tmpdir, pname, photo, plen, cause) != 0 ||
	    verify_written(tmpdir, pname, sha, cause) != 0))
		goto out;
	if (fs_write_atomic(tmpdir, "application.json", json, strlen(json), cause) != 0)
		goto out;
	if (rename(tmpdir, dst) != 0) {
		*cause = xasprintf(_("cannot store the application in %s: %s"),
		    ob->dir, strerror(errno));
		goto out;
	}
	if (fs_fsync_dir(ob->dir, cause) != 0)
		goto out;
	*id_out = xstrdup(id);
	rc = 0;
out:
	if (rc != 0 && tmpdir != NULL)
		fs_wipe_dir(tmpdir);	/* leave nothing half-made behind */
	if (photo != NULL)
		wipe_free(photo, plen);
	wipe_str(json);
	free(tmpdir);
	free(dst);
	return (rc);
}

const char *
outbox_state_label(enum outbox_state st)
{
	return (_(state_labels[st]));
}

/* Reads and parses <dir>/<id>/<name>; *cause names the file. */
static int
read_json(const struct outbox *ob, const char *id, const char *name, json_t **out,
    char **cause)
{
	json_error_t err;
	char *path, *data = NULL;
	size_t len = 0;
	int rc = -1;

	path = xasprintf("%s/%s/%s", ob->dir, id, name);
	if (fs_read_file(path, OUTBOX_JSON_MAX, &data, &len, cause) != 0)
		goto out;
	*out = json_loadb(data, len, 0, &err);
	if (*out == NULL || !json_is_object(*out)) {
		/* jansson's text can quote the file: personal data. */
		*cause = *out == NULL ? xasprintf(_("%s is damaged (line %d, "
		    "column %d)"), path, err.line, err.column) :
		    xasprintf(_("%s is damaged: %s"), path, _("not a JSON object"));
		json_decref(*out);
		*out = NULL;
		goto out;
	}
	rc = 0;
out:
	wipe_free(data, len);
	free(path);
	return (rc);
}

static char *
json_strdup(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return (s != NULL ? xstrdup(s) : NULL);
}

int
outbox_status_read(const struct outbox *ob, const char *id,
    struct outbox_status *st, char **cause)
{
	struct stat sb;
	char *path, *ignored = NULL;
	json_t *o;
	size_t i;

	memset(st, 0, sizeof *st);
	path = xasprintf("%s/%s/application.json", ob->dir, id);
	st->stub = lstat(path, &sb) != 0;
	free(path);
	path = xasprintf("%s/%s/state.json", ob->dir, id);
	if (lstat(path, &sb) != 0) {
		free(path);
		if (!st->stub)
			return (0);
		*cause = xasprintf(_("no application %s in the outbox %s"), id,
		    ob->dir);
		return (-1);
	}
	free(path);
	if (read_json(ob, id, "state.json", &o, &ignored) != 0) {
		if (st->stub) {	/* nothing left to send again */
			*cause = ignored;
			return (-1);
		}
		st->reason = ignored;	/* sent again; the server knows the key */
		return (0);
	}
	for (i = 0; i < nitems(state_names); i++)
		if (json_is_string(json_object_get(o, "state")) &&
		    strcmp(state_names[i], json_string_value(json_object_get(o,
		    "state"))) == 0)
			st->state = (enum outbox_state)i;
	st->receipt = json_strdup(o, "receipt");
	st->reason = json_strdup(o, "reason");
	st->attempts = (int)json_integer_value(json_object_get(o, "attempts"));
	st->next_try = json_integer_value(json_object_get(o, "next_try"));
	st->sent_at = json_integer_value(json_object_get(o, "sent"));
	/* Sent by a version that kept no date: the state file's time says when. */
	if (st->state == OUTBOX_SENT && st->sent_at == 0)
		st->sent_at = (long long)sb.st_mtime;
	st->created = json_strdup(o, "created");
	json_decref(o);
	if (st->state == OUTBOX_SENT && st->receipt == NULL)
		st->state = OUTBOX_QUEUED;
	if (st->stub && st->state != OUTBOX_SENT) {
		*cause = xasprintf(_("%s/%s has lost its application.json"),
		    ob->dir, id);
		outbox_status_free(st);
		return (-1);
	}
	return (0);
}

/* state.json's text; caller frees. */
static char *
status_json(const struct outbox_status *st)
{
	json_t *o;
	char *s;

	o = json_pack("{s:s, s:i, s:I, s:s?, s:s?}",
	    "state", state_names[st->state],
	    "attempts", st->attempts,
	    "next_try", (json_int_t)st->next_try,
	    "receipt", st->receipt,
	    "reason", st->reason);
	if (o != NULL && st->sent_at != 0)
		json_object_set_new(o, "sent", json_integer(st->sent_at));
	if (o != NULL && st->created != NULL)
		json_object_set_new(o, "created", json_string(st->created));
	if (o == NULL || (s = json_dumps(o, JSON_INDENT(2) |
	    JSON_PRESERVE_ORDER)) == NULL)
		fatal("outbox_status_write: out of memory");
	json_decref(o);
	return (s);
}

int
outbox_status_write(const struct outbox *ob, const char *id,
    const struct outbox_status *st, char **cause)
{
	char *dir, *s;
	int rc;

	s = status_json(st);
	/*
	 * Not synced to disk: a state lost in a crash reads as queued, and
	 * sending again returns the same receipt (409) by the idempotency
	 * key.  Waiting for the disk here would halve the speed of a flush.
	 */
	dir = xasprintf("%s/%s", ob->dir, id);
	rc = fs_replace(dir, "state.json", s, strlen(s), cause);
	free(dir);
	free(s);
	return (rc);
}

void
outbox_status_free(struct outbox_status *st)
{
	free(st->receipt);
	free(st->reason);
	free(st->created);
	memset(st, 0, sizeof *st);
}

/* Entries are named 20261123-0A1B2C3D; hidden names are entries being built. */
static int
entry_name_ok(const char *name)
{
	return (name[0] != '.' && name[0] != '\0' &&
	    strspn(name, "0123456789ABCDEF-") == strlen(name));
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct outbox_entry *x = a, *y = b;
	int c = strcmp(x->created, y->created);

	return (c != 0 ? c : strcmp(x->id, y->id));
}

/*
 * Reads entry id's application.json into *st (free with stored_free),
 * through the codec: 0, or -1 with *cause naming the file, never quoting it.
 */
static int
read_stored(const struct outbox *ob, const char *id, struct stored *st,
    char **cause)
{
	json_error_t err;
	char *path, *why = NULL;
	int rc = -1;

	memset(st, 0, sizeof *st);
	application_init(&st->a);
	path = xasprintf("%s/%s/application.json", ob->dir, id);
	if (fs_read_file(path, OUTBOX_JSON_MAX, &st->json, &st->len, cause) != 0)
		goto out;
	/* jansson's text can quote the file: personal data. */
	if ((st->o = json_loadb(st->json, st->len, 0, &err)) == NULL)
		*cause = xasprintf(_("%s is damaged (line %d, column %d)"), path,
		    err.line, err.column);
	else if (application_json_decode(st->o, AJ_SENT, OUTBOX_REQUIRED, &st->a,
	    &st->photo, &why) != 0)
		*cause = xasprintf(_("%s is damaged: %s"), path, why);
	else {
		st->created = json_string_value(json_object_get(st->o, "created"));
		st->key = json_string_value(json_object_get(st->o,
		    "idempotency_key"));
		rc = 0;
	}
out:
	free(why);
	free(path);
	if (rc != 0)
		stored_free(st);
	return (rc);
}

static void
stored_free(struct stored *st)
{
	if (st->json != NULL)
		wipe_free(st->json, st->len);
	json_decref(st->o);
	application_clear(&st->a);
	memset(st, 0, sizeof *st);
}

static int
list_one(const struct outbox *ob, const char *id, struct outbox_entry *e,
    char **cause)
{
	struct stored st;
	char *why = NULL;

	memset(e, 0, sizeof *e);
	e->id = xstrdup(id);
	if (outbox_status_read(ob, id, &e->status, cause) != 0)
		return (-1);
	if (e->status.stub) {
		/* Sent, personal files removed: the stub is all there is. */
		e->created = xstrdup(e->status.created != NULL ?
		    e->status.created : "");
		e->channel = xstrdup("-");
		snprintf(e->id_masked, sizeof e->id_masked, "-");
		return (0);
	}
	if (read_stored(ob, id, &st, cause) != 0) {
		/* Made a stub by another process since the status was read? */
		outbox_status_free(&e->status);
		if (outbox_status_read(ob, id, &e->status, &why) == 0 &&
		    e->status.stub) {
			free(*cause);
			*cause = NULL;
			outbox_status_free(&e->status);
			free(e->id);
			return (list_one(ob, id, e, cause));
		}
		free(why);
		return (-1);
	}
	e->created = xstrdup(st.created != NULL ? st.created : "");
	e->channel = xstrdup(channel_id(st.a.channel));
	idnum_mask(st.a.id_number, e->id_masked);
	stored_free(&st);
	return (0);
}

/* A sent entry whose personal files have been kept long enough. */
static int
strip_due(const struct outbox *ob, const struct outbox_status *st, time_t now)
{
	return (st->state == OUTBOX_SENT && !st->stub &&
	    st->sent_at + (long long)ob->keep_sent_days * 86400 <= (long long)now);
}

int
outbox_list(const struct outbox *ob, struct outbox_entry **v, size_t *n,
    char **cause)
{
	struct outbox_entry *e;
	struct dirent *d;
	DIR *dp;
	char *why = NULL;
	time_t now = time(NULL);

	*v = NULL;
	*n = 0;
	if ((dp = opendir(ob->dir)) == NULL) {
		*cause = xasprintf(_("cannot read the outbox %s: %s"), ob->dir,
		    strerror(errno));
		return (-1);
	}
	while ((d = readdir(dp)) != NULL) {
		if (!entry_name_ok(d->d_name))
			continue;
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		e = &(*v)[(*n)++];
		if (list_one(ob, d->d_name, e, &why) != 0) {
			/* Entries are renamed into place whole: this one is damaged. */
			entry_free(e);
			memset(e, 0, sizeof *e);
			e->id = xstrdup(d->d_name);
			e->created = xstrdup("");
			e->channel = xstrdup("");
			e->damaged = why;
			why = NULL;
			continue;
		}
		if (strip_due(ob, &e->status, now)) {
			if (outbox_strip_sent(ob, e->id, &why) != 0)
				e->damaged = why;
			else {
				e->status.stub = 1;
				free(e->channel);
				e->channel = xstrdup("-");
				snprintf(e->id_masked, sizeof e->id_masked, "-");
			}
			why = NULL;
		}
	}
	closedir(dp);
	if (*n > 0)
		qsort(*v, *n, sizeof **v, entry_cmp);
	return (0);
}

int
outbox_strip_sent(const struct outbox *ob, const char *id, char **cause)
{
	struct outbox_status st;
	json_t *o;
	char *dir, *s, *path;
	int rc = -1;

	if (outbox_status_read(ob, id, &st, cause) != 0)
		return (-1);
	if (st.stub || st.state != OUTBOX_SENT) {
		outbox_status_free(&st);
		return (0);
	}
	if (st.created == NULL && read_json(ob, id, "application.json", &o,
	    cause) == 0) {
		st.created = json_strdup(o, "created");
		json_decref(o);
	} else if (st.created == NULL)
		goto out;
	if (st.sent_at == 0)
		st.sent_at = (long long)time(NULL);
	free(st.reason);
	st.reason = NULL;
	/* The stub must be on disk before what it replaces goes. */
	dir = xasprintf("%s/%s", ob->dir, id);
	s = status_json(&st);
	rc = fs_write_atomic(dir, "state.json", s, strlen(s), cause);
	free(s);
	if (rc == 0) {
		static const char *const personal[] = {
			"photo.jpg", "photo.png", "application.json"
		};
		size_t i;

		for (i = 0; i < nitems(personal); i++) {
			path = xasprintf("%s/%s", dir, personal[i]);
			if (unlink(path) != 0 && errno != ENOENT && rc == 0) {
				*cause = xasprintf(_("cannot remove %s: %s"), path,
				    strerror(errno));
				rc = -1;
			}
			free(path);
		}
		if (rc == 0)
			rc = fs_fsync_dir(dir, cause);
		if (rc == 0)
			log_event("outbox: %s sent; its personal files are removed, "
			    "a stub is kept", id);
	}
	free(dir);
out:
	outbox_status_free(&st);
	return (rc);
}

static void
entry_free(struct outbox_entry *e)
{
	free(e->damaged);
	free(e->id);
	free(e->created);
	free(e->channel);
	outbox_status_free(&e->status);
}

void
outbox_list_free(struct outbox_entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		entry_free(&v[i]);
	free(v);
}

/* flock(op | LOCK_NB) on <id>/lock: 0 with *fd, 1 when another process holds it, or -1. */
static int
lock_entry(const struct outbox *ob, const char *id, int op, int *fd,
    char **cause)
{
	char *path;
	int busy;

	/* A separate file: state.json is replaced by rename, its lock would not hold. */
	path = xasprintf("%s/%s/lock", ob->dir, id);
	if ((*fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
	    0600)) < 0) {
		*cause = xasprintf(_("cannot lock %s: %s"), path, strerror(errno));
		free(path);
		return (-1);
	}
	if (flock(*fd, op | LOCK_NB) != 0) {
		busy = errno == EWOULDBLOCK;
		if (!busy)
			*cause = xasprintf(_("cannot lock %s: %s"), path,
			    strerror(errno));
		close(*fd);
		*fd = -1;
		free(path);
		return (busy ? 1 : -1);
	}
	free(path);
	return (0);
}

int
outbox_lock(const struct outbox *ob, const char *id, int *fd, char **cause)
{
	return (lock_entry(ob, id, LOCK_EX, fd, cause));
}

int
outbox_left_queued(const struct outbox *ob, const char *id, char **cause)
{
	struct outbox_status st;
	int fd, rc;

	/*
	 * Shared: a sender holds the lock exclusively, another process only
	 * looking holds it shared like this one, and is not taken for a sender.
	 */
	if ((rc = lock_entry(ob, id, LOCK_SH, &fd, cause)) != 0)
		return (rc == 1 ? 0 : -1);
	/*
	 * Read again now: listed before another process sent it and let it
	 * go, it is sent, not left.
	 */
	if (outbox_status_read(ob, id, &st, cause) != 0)
		rc = -1;
	else
		rc = st.state == OUTBOX_QUEUED;
	outbox_status_free(&st);
	outbox_unlock(fd);
	return (rc);
}

void
outbox_unlock(int fd)
{
	if (fd >= 0)
		close(fd);	/* the lock goes with the last descriptor */
}

int
outbox_parcel(const struct outbox *ob, const char *id, struct outbox_parcel *p,
    char **cause)
{
	struct stored st;
	const char *file;
	char *path;
	int png;

	memset(p, 0, sizeof *p);
	if (read_stored(ob, id, &st, cause) != 0)
		return (-1);
	file = st.photo.file;
	/* No photo part: a studio's receipt number stands for it. */
	if (st.key == NULL || (*file == '\0' ? st.a.photo_receipt[0] == '\0' :
	    strcmp(file, "photo.jpg") != 0 && strcmp(file, "photo.png") != 0)) {
		path = xasprintf("%s/%s/application.json", ob->dir, id);
		*cause = xasprintf(_("%s is damaged: %s"), path,
		    _("the photo or the idempotency key is missing"));
		free(path);
		stored_free(&st);
		return (-1);
	}
	if (*file != '\0') {
		png = strcmp(file, "photo.png") == 0;
		p->photo_name = png ? "photo.png" : "photo.jpg";
		p->photo_type = png ? "image/png" : "image/jpeg";
		p->photo_path = xasprintf("%s/%s/%s", ob->dir, id, p->photo_name);
	}
	p->key = xstrdup(st.key);
	/* Sent as stored: what was queued is what the service receives. */
	p->json = st.json;
	p->json_len = st.len;
	st.json = NULL;
	stored_free(&st);
	return (0);
}

void
outbox_parcel_free(struct outbox_parcel *p)
{
	wipe_free(p->json, p->json_len);
	free(p->photo_path);
	free(p->key);
	memset(p, 0, sizeof *p);
}
