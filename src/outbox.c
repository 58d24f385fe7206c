/* outbox.c -- the embedded default backend: applications queued on local disk. */
#include "system.h"

#include <errno.h>
#include <jansson.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "fsutil.h"
#include "materials.h"
#include "model.h"
#include "outbox.h"
#include "region.h"
#include "xmalloc.h"

static void	 new_id(char *, size_t, const struct tm *);
static void	 new_uuid4(char [37]);
static void	 sha256_hex(const void *, size_t, char [65]);
static json_t	*materials_json(const struct application *);
static char	*application_json(const struct application *, const char *,
		    const char *, const char *, const char *);
static const char *photo_name(const char *, size_t);

int
outbox_open(struct outbox *ob, const struct config *cfg, char **cause)
{
	const char *dir = config_str(cfg, "outbox", "dir", NULL);
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	int own = 2;	/* sscard/outbox are ours; the folders above are not */

	if (dir != NULL) {
		ob->dir = xstrdup(dir);
		own = 1;
	} else if (xdg != NULL && *xdg == '/')
		ob->dir = xasprintf("%s/sscard/outbox", xdg);
	else if (home != NULL && *home == '/')
		ob->dir = xasprintf("%s/.local/share/sscard/outbox", home);
	else {
		*cause = xstrdup(_("cannot find a folder for the outbox: set HOME "
		    "or XDG_DATA_HOME, or [outbox] dir in the configuration"));
		ob->dir = NULL;
		return (-1);
	}
	if (fs_mkdir_private(ob->dir, own, cause) != 0) {
		outbox_close(ob);
		return (-1);
	}
	return (0);
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

static void
sha256_hex(const void *data, size_t len, char out[65])
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

static json_t *
materials_json(const struct application *a)
{
	const struct material *m;
	json_t *list = json_array();
	int n, i;

	m = materials_for(a->channel, &n);
	for (i = 0; i < n; i++)
		if (a->ticked[a->channel] & (1u << i))
			json_array_append_new(list, json_string(m[i].id));
	return (list);
}

/* The stored photo keeps its real type, whatever the citizen's file was called. */
static const char *
photo_name(const char *data, size_t len)
{
	if (len >= 8 && memcmp(data, "\x89PNG", 4) == 0)
		return ("photo.png");
	return ("photo.jpg");
}

/* application.json, pretty-printed with keys in a fixed order; caller frees. */
static char *
application_json(const struct application *a, const char *id, const char *created,
    const char *photo, const char *sha)
{
	const struct region *r = region_at(a->region);
	char uuid[37];
	json_t *o;
	char *s;

	new_uuid4(uuid);
	o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:{s:s, s:s}, s:s, s:s, s:s}",
	    "id", id,
	    "created", created,
	    "channel", channel_id(a->channel),
	    "name", a->name,
	    "id_number", a->id_number,
	    "phone", a->phone,
	    "region", r != NULL ? r->id : "national",
	    "materials", materials_json(a),
	    "photo", "file", photo, "sha256", sha,
	    "language", a->lang,
	    "client_version", PACKAGE_VERSION,
	    "idempotency_key", uuid);
	if (o == NULL)
		fatal("application_json: json_pack failed");
	s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (s == NULL)
		fatal("out of memory");
	return (s);
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
	if (fs_read_file(a->photo_path, OUTBOX_PHOTO_MAX, &photo, &plen, cause) != 0)
		return (-1);
	pname = photo_name(photo, plen);
	sha256_hex(photo, plen, sha);
	json = application_json(a, id, created, pname, sha);

	/* Build the entry under a hidden name, then rename it into place whole. */
	tmpdir = xasprintf("%s/.new-%s", ob->dir, id);
	dst = xasprintf("%s/%s", ob->dir, id);
	if (fs_mkdir_private(tmpdir, 1, cause) != 0)
		goto out;
	if (fs_write_atomic(tmpdir, pname, photo, plen, cause) != 0 ||
	    fs_write_atomic(tmpdir, "application.json", json, strlen(json), cause) != 0)
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
	if (rc != 0 && tmpdir != NULL) {
		char *p;

		/* Leave nothing half-made behind. */
		p = xasprintf("%s/%s", tmpdir, pname);
		unlink(p);
		free(p);
		p = xasprintf("%s/application.json", tmpdir);
		unlink(p);
		free(p);
		rmdir(tmpdir);
	}
	wipe_free(photo, plen);
	wipe_str(json);
	free(tmpdir);
	free(dst);
	return (rc);
}
