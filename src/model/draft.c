/* draft.c -- the answers so far in $XDG_STATE_HOME/sscard: private, atomic, short-lived. */
#include "lib/system.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <keyutils.h>
#include <nettle/base64.h>
#include <nettle/chacha-poly1305.h>
#include <nettle/hmac.h>
#include <nettle/memops.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "model/checked.h"
#include "lib/config.h"
#include "model/draft.h"
#include "lib/fsutil.h"
#include "lib/i18n.h"
#include "model/kiosk.h"
#include "lib/log.h"
#include "model/application-json.h"
#include "model/application.h"
#include "lib/workspace.h"
#include "lib/xmalloc.h"

#define DRAFT_FORMAT	"sscard-draft/3"	/* the application in the codec's keys */
#define DRAFT_FORMAT_2	"sscard-draft/2"	/* its own keys ("ticked"), still read */
#define DRAFT_JSON	"draft.json"
#define DRAFT_LOCK	"draft.lock"
#define DRAFT_PHOTO	"draft-photo-"	/* + 16 hex digits of the photo's HMAC */
#define DRAFT_MAX	(64 * 1024)
#define DRAFT_KEY_NAME	"sscard:draft"
#define DRAFT_SKEW	(24 * 3600)	/* a clock set back by up to a day */
#define SEAL_NONCE	CHACHA_POLY1305_NONCE_SIZE
#define SEAL_TAG	CHACHA_POLY1305_DIGEST_SIZE
#define SEAL_OVERHEAD	(SEAL_NONCE + SEAL_TAG)
/* Unchanged by format 3, so that format 2's sealed parts still open. */
#define AAD_ANSWERS	"sscard-draft/2 answers"
#define AAD_PHOTO	"sscard-draft/2 photo"
/* What a draft must hold; the channel is "" before it is chosen. */
#define DRAFT_REQUIRED	(AJ_LANGUAGE | AJ_REGION | AJ_NAME | AJ_ID_NUMBER | \
			 AJ_PHONE | AJ_PHOTO_PATH | AJ_PHOTO_RECEIPT)

/* Whether this run may keep a draft in the folder it locked. */
enum draft_state {
	DRAFT_UNTRIED,
	DRAFT_OURS,		/* locked by this run, and the key is at hand */
	DRAFT_BUSY,		/* another sscard of this account holds it */
	DRAFT_NO_LOCK,		/* the lock file cannot be made */
	DRAFT_NO_KEYRING,	/* the kernel keyring is not usable here */
};

/* The steps a draft may resume at; those after "channel" need a channel. */
static const char *const resume_steps[] = { "channel", "details", "materials",
    "photo", "check", "review", "submit", "receipt" };

static char		*lock_dir;
static int		 lock_fd = -1;
static enum draft_state	 lock_state;

static int	photo_name_ok(const char *);
static enum draft_state draft_lock(const char *);
static void	wipe_temporaries(const char *);
static int	draft_key(uint8_t [DRAFT_KEY_LEN], int);
static void	seal(const uint8_t [DRAFT_KEY_LEN], const char *, const void *,
		    size_t, uint8_t *);
static int	unseal(const uint8_t [DRAFT_KEY_LEN], const char *, const uint8_t *,
		    size_t, uint8_t *);
static char	*draft_unseal_text(const uint8_t [DRAFT_KEY_LEN], const char *);
static void	photo_name(const uint8_t [DRAFT_KEY_LEN], const char *, size_t,
		    char [64]);
static int	hex_ok(const char *, size_t);
static int	parse_envelope(json_t *, time_t, struct draft_meta *);
static int	join_sealed(json_t *, json_t *);
static int	parse_answers(json_t *, const char *, struct application *,
		    const struct draft_meta *, char **);
static int	damaged(char **);
static int	read_photo(const char *, const uint8_t [DRAFT_KEY_LEN], char **,
		    size_t *, char **);
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
	draft_lock(dir);	/* held for the run: the first run of the account owns the draft */
	return (dir);
}

/*
 * Locks dir for this run (a second wizard of the account would overwrite
 * the first's draft), once per folder; the lock goes with the process.
 * The run that holds it sweeps what a crash left half written.
 */
static enum draft_state
draft_lock(const char *dir)
{
	uint8_t key[DRAFT_KEY_LEN];
	char *path;

	if (lock_dir != NULL && strcmp(lock_dir, dir) == 0)
		return (lock_state);
	if (lock_fd != -1)
		close(lock_fd);
	free(lock_dir);
	lock_dir = xstrdup(dir);
	path = xasprintf("%s/%s", dir, DRAFT_LOCK);
	lock_fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	free(path);
	if (lock_fd == -1)
		lock_state = DRAFT_NO_LOCK;
	else if (flock(lock_fd, LOCK_EX | LOCK_NB) != 0)
		lock_state = errno == EWOULDBLOCK ? DRAFT_BUSY : DRAFT_NO_LOCK;
	else {
		wipe_temporaries(dir);
		lock_state = draft_key(key, 1) == 0 ? DRAFT_OURS : DRAFT_NO_KEYRING;
		explicit_bzero(key, sizeof key);
	}
	return (lock_state);
}

/* What fs_write_atomic leaves when a crash hits before its rename. */
static void
wipe_temporaries(const char *dir)
{
	draft_wipe_files(dir, "." DRAFT_JSON ".", NULL);
	draft_wipe_files(dir, "." DRAFT_PHOTO, NULL);
}

/*
 * The key that seals drafts, kept in the kernel's user keyring and never
 * on disk: a copied disk or backup, or the same disk after a restart,
 * holds nothing readable.  The key is readable by this account from any
 * of its sessions (a wizard in tmux or over SSH does not possess the
 * keyring of the login session).  0, -1 when it is gone (create 0), -2
 * when the keyring is not usable.
 */
static int
draft_key(uint8_t key[DRAFT_KEY_LEN], int create)
{
	key_serial_t k;

	k = keyctl_search(KEY_SPEC_USER_KEYRING, "user", DRAFT_KEY_NAME, 0);
	if (k < 0 && errno == ENOKEY && create) {
		fs_random(key, DRAFT_KEY_LEN);
		k = add_key("user", DRAFT_KEY_NAME, key, DRAFT_KEY_LEN,
		    KEY_SPEC_USER_KEYRING);
		if (k >= 0 && keyctl_setperm(k, KEY_POS_ALL | KEY_USR_VIEW |
		    KEY_USR_READ | KEY_USR_SEARCH) != 0) {
			keyctl_invalidate(k);
			k = -1;
		}
	}
	if (k < 0)
		return (errno == ENOKEY || errno == EKEYEXPIRED ||
		    errno == EKEYREVOKED ? -1 : -2);
	if (keyctl_read(k, (char *)key, DRAFT_KEY_LEN) != DRAFT_KEY_LEN)
		return (-2);
	return (0);
}

void
draft_key_print(const uint8_t key[DRAFT_KEY_LEN], char out[17])
{
	struct hmac_sha256_ctx h;
	uint8_t d[SHA256_DIGEST_SIZE];
	int i;

	hmac_sha256_set_key(&h, DRAFT_KEY_LEN, key);
	hmac_sha256_update(&h, strlen(DRAFT_KEY_NAME), (const uint8_t *)DRAFT_KEY_NAME);
	hmac_sha256_digest(&h, sizeof d, d);
	for (i = 0; i < 8; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	explicit_bzero(&h, sizeof h);
}

/* out gets a fresh nonce, len bytes of in sealed (ChaCha20-Poly1305) and the tag. */
static void
seal(const uint8_t key[DRAFT_KEY_LEN], const char *aad, const void *in, size_t len,
    uint8_t *out)
{
	struct chacha_poly1305_ctx c;

	fs_random(out, SEAL_NONCE);
	chacha_poly1305_set_key(&c, key);
	chacha_poly1305_set_nonce(&c, out);
	chacha_poly1305_update(&c, strlen(aad), (const uint8_t *)aad);
	chacha_poly1305_encrypt(&c, len, out + SEAL_NONCE, in);
	chacha_poly1305_digest(&c, SEAL_TAG, out + SEAL_NONCE + len);
	explicit_bzero(&c, sizeof c);
}

/* The len - SEAL_OVERHEAD bytes sealed in in, into out: 0, or -1 when not authentic. */
static int
unseal(const uint8_t key[DRAFT_KEY_LEN], const char *aad, const uint8_t *in,
    size_t len, uint8_t *out)
{
	struct chacha_poly1305_ctx c;
	uint8_t tag[SEAL_TAG];
	size_t n;
	int ok;

	if (len < SEAL_OVERHEAD)
		return (-1);
	n = len - SEAL_OVERHEAD;
	chacha_poly1305_set_key(&c, key);
	chacha_poly1305_set_nonce(&c, in);
	chacha_poly1305_update(&c, strlen(aad), (const uint8_t *)aad);
	chacha_poly1305_decrypt(&c, n, out, in + SEAL_NONCE);
	chacha_poly1305_digest(&c, SEAL_TAG, tag);
	explicit_bzero(&c, sizeof c);
	if ((ok = memeql_sec(tag, in + SEAL_NONCE + n, SEAL_TAG)) == 0)
		explicit_bzero(out, n);
	return (ok ? 0 : -1);
}

char *
draft_seal_text(const uint8_t key[DRAFT_KEY_LEN], const char *text)
{
	size_t len = strlen(text), n = len + SEAL_OVERHEAD;
	uint8_t *sealed = xmalloc(n);
	char *b64 = xmalloc(BASE64_ENCODE_RAW_LENGTH(n) + 1);

	seal(key, AAD_ANSWERS, text, len, sealed);
	base64_encode_raw(b64, n, sealed);
	b64[BASE64_ENCODE_RAW_LENGTH(n)] = '\0';
	free(sealed);
	return (b64);
}

/* The text sealed in b64, or NULL when it is not authentic; caller wipes. */
static char *
draft_unseal_text(const uint8_t key[DRAFT_KEY_LEN], const char *b64)
{
	struct base64_decode_ctx d;
	size_t len = strlen(b64), n = BASE64_DECODE_LENGTH(len);
	uint8_t *sealed = xmalloc(n + 1);
	char *text = NULL;

	base64_decode_init(&d);
	if (base64_decode_update(&d, &n, sealed, len, b64) && base64_decode_final(&d) &&
	    n >= SEAL_OVERHEAD) {
		text = xmalloc(n - SEAL_OVERHEAD + 1);
		if (unseal(key, AAD_ANSWERS, sealed, n, (uint8_t *)text) == 0)
			text[n - SEAL_OVERHEAD] = '\0';
		else {
			free(text);
			text = NULL;
		}
	}
	free(sealed);
	return (text);
}

/* DRAFT_PHOTO and a keyed hash: the name tells nothing of the photo without the key. */
static void
photo_name(const uint8_t key[DRAFT_KEY_LEN], const char *photo, size_t len,
    char name[64])
{
	struct hmac_sha256_ctx h;
	uint8_t d[SHA256_DIGEST_SIZE];
	int i;

	hmac_sha256_set_key(&h, DRAFT_KEY_LEN, key);
	hmac_sha256_update(&h, len, (const uint8_t *)photo);
	hmac_sha256_digest(&h, sizeof d, d);
	snprintf(name, 64, "%s", DRAFT_PHOTO);
	for (i = 0; i < 8; i++)
		snprintf(name + strlen(DRAFT_PHOTO) + 2 * i, 3, "%02x", d[i]);
	explicit_bzero(&h, sizeof h);
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
	    hex_ok(name + n, 16));
}

/* 1 when s is n lower-case hex digits. */
static int
hex_ok(const char *s, size_t n)
{
	return (s != NULL && strlen(s) == n && strspn(s, "0123456789abcdef") == n);
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
		/* Dot files only when asked for by name: never ".." or the lock's. */
		if ((e->d_name[0] == '.' && prefix[0] != '.') ||
		    strncmp(e->d_name, prefix, strlen(prefix)) != 0 ||
		    strcmp(e->d_name, DRAFT_LOCK) == 0 ||
		    (keep != NULL && strcmp(e->d_name, keep) == 0))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		draft_wipe_file(path);
		free(path);
	}
	closedir(d);
}

char *
draft_encode(const struct application *a, const char *step, time_t now,
    const uint8_t key[DRAFT_KEY_LEN], const char *photo_file, const char *photo_sha)
{
	struct application_photo photo;
	unsigned fields = AJ_DRAFT;
	json_t *o, *p;
	char *s, *sealed, print[17];

	memset(&photo, 0, sizeof photo);
	if (photo_sha != NULL) {
		snprintf(photo.file, sizeof photo.file, "%s", photo_file);
		snprintf(photo.sha256, sizeof photo.sha256, "%s", photo_sha);
	} else	/* what the photo was is kept with its checked bytes only */
		fields &= ~(AJ_PHOTO | AJ_PHOTO_EDITS | AJ_SOURCE_SHA);
	/* Who the citizen is, and the photo's digest, sealed. */
	p = application_json_encode(a, &photo, fields & AJ_PERSONAL);
	s = json_dumps(p, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(p);
	sealed = draft_seal_text(key, s);
	wipe_str(s);
	draft_key_print(key, print);
	o = json_pack("{s:s, s:I, s:s, s:b, s:s, s:s}", "format", DRAFT_FORMAT,
	    "saved", (json_int_t)now, "step", step, "photo_checked",
	    photo_sha != NULL, "key", print, "sealed", sealed);
	free(sealed);
	p = application_json_encode(a, NULL, fields & ~AJ_PERSONAL);
	if (o == NULL || json_object_update(o, p) != 0)
		fatal("draft_encode: out of memory");
	json_decref(p);
	s = json_dumps(o, JSON_INDENT(1) | JSON_SORT_KEYS);
	json_decref(o);
	return (s);
}

int
draft_save(const char *dir, const struct application *a, const char *step,
    int checked, char **cause)
{
	uint8_t key[DRAFT_KEY_LEN], *sealed;
	char sha[65], name[64], *json, *photo = NULL, *path;
	size_t len = 0;
	int rc;

	if (draft_lock(dir) != DRAFT_OURS || draft_key(key, 1) != 0)
		return (0);	/* no draft in this run: the welcome step said why */
	/*
	 * The checked bytes (checked.c), not the path: the file may change or
	 * its USB stick go.  Named by their keyed hash, so the JSON never names
	 * a half-written photo; the old photo goes only once the new JSON is in
	 * place.
	 */
	if (checked) {
		if (checked_read(a, &photo, &len, cause) != 0) {
			explicit_bzero(key, sizeof key);
			return (-1);
		}
		checked_sha256(photo, len, sha);
		photo_name(key, photo, len, name);
		path = xasprintf("%s/%s", dir, name);
		rc = 0;
		if (access(path, F_OK) != 0) {
			sealed = xmalloc(len + SEAL_OVERHEAD);
			seal(key, AAD_PHOTO, photo, len, sealed);
			rc = fs_write_atomic(dir, name, sealed, len + SEAL_OVERHEAD, cause);
			free(sealed);
		}
		free(path);
		wipe_free(photo, len);
		if (rc != 0) {
			explicit_bzero(key, sizeof key);
			return (-1);
		}
	}
	json = draft_encode(a, step, time(NULL), key, name, checked ? sha : NULL);
	explicit_bzero(key, sizeof key);
	rc = fs_write_atomic(dir, DRAFT_JSON, json, strlen(json), cause);
	wipe_str(json);
	if (rc == 0)
		draft_wipe_files(dir, DRAFT_PHOTO, checked ? name : NULL);
	return (rc);
}

/* The draft's own fields: 0, or -1 when one is missing, unknown or out of range. */
static int
parse_envelope(json_t *o, time_t now, struct draft_meta *meta)
{
	const char *fmt = json_string_value(json_object_get(o, "format"));
	const char *step = json_string_value(json_object_get(o, "step"));
	json_t *saved = json_object_get(o, "saved");
	json_int_t t;
	size_t s;

	if (fmt == NULL || (strcmp(fmt, DRAFT_FORMAT) != 0 &&
	    strcmp(fmt, DRAFT_FORMAT_2) != 0) || step == NULL ||
	    !json_is_integer(saved))
		return (-1);
	for (s = 0; s < nitems(resume_steps) && strcmp(step, resume_steps[s]) != 0; s++)
		;
	/* Saved before now (give or take a clock set back), never before 1970. */
	t = json_integer_value(saved);
	if (s == nitems(resume_steps) || t < 0 || t > (json_int_t)now + DRAFT_SKEW)
		return (-1);
	meta->saved = (time_t)t;
	meta->step = xstrdup(step);
	meta->photo_checked = json_is_true(json_object_get(o, "photo_checked"));
	return (0);
}

/*
 * The unsealed fields p added to the clear ones o, for the codec to read
 * as one application (format 2 split the photo's keys between them): -1
 * when a key is in both, which sscard never writes.
 */
static int
join_sealed(json_t *o, json_t *p)
{
	const char *k;
	json_t *v;

	json_object_foreach(p, k, v)
		if (json_object_get(o, k) != NULL || json_object_set(o, k, v) != 0)
			return (-1);
	return (0);
}

/*
 * The application in o (clear and sealed fields joined) into a: 0, or -1,
 * with *cause when the codec refused it.  A step after the channel's needs
 * a channel (the materials are indexed by it); a checked photo, the
 * draft's copy in dir.
 */
static int
parse_answers(json_t *o, const char *dir, struct application *a,
    const struct draft_meta *meta, char **cause)
{
	struct application_photo photo;

	if (application_json_decode(o, AJ_DRAFT, DRAFT_REQUIRED, a, &photo,
	    cause) != 0)
		return (-1);
	if (strcmp(meta->step, resume_steps[0]) != 0 && a->channel < 0)
		return (-1);
	if (meta->photo_checked) {
		if (!photo_name_ok(photo.file) || !hex_ok(a->source_sha, 64))
			return (-1);
		free(a->checked_path);
		a->checked_path = xasprintf("%s/%s", dir, photo.file);
		memcpy(a->checked_sha, photo.sha256, sizeof a->checked_sha);
	}
	return (0);
}

static int
damaged(char **cause)
{
	*cause = xstrdup(_("The saved answers were damaged, so they were deleted. "
	    "Please start again."));
	return (-1);
}

int
draft_decode(const char *data, size_t len, const uint8_t key[DRAFT_KEY_LEN],
    time_t now, const char *dir, struct application *a, struct draft_meta *meta,
    char **cause)
{
	json_t *o = NULL, *p = NULL;
	const char *print, *b64;
	char *text = NULL, want[17], *why = NULL;
	int rc = -1;

	memset(meta, 0, sizeof *meta);
	if (application_json_parse(data, len, &o, &why) != 0 ||
	    parse_envelope(o, now, meta) != 0)
		goto damaged;
	print = json_string_value(json_object_get(o, "key"));
	b64 = json_string_value(json_object_get(o, "sealed"));
	draft_key_print(key, want);
	if (print == NULL || strcmp(print, want) != 0) {
		*cause = xstrdup(_("The saved answers were deleted: the key that "
		    "protected them is gone (the computer was restarted, or you "
		    "logged out everywhere). Please start again."));
		goto out;
	}
	if (b64 == NULL || (text = draft_unseal_text(key, b64)) == NULL ||
	    application_json_parse(text, strlen(text), &p, &why) != 0 ||
	    join_sealed(o, p) != 0 || parse_answers(o, dir, a, meta, &why) != 0)
		goto damaged;
	rc = 0;
	goto out;
damaged:
	/* The citizen is told it is damaged; the log says what (never quoting it). */
	if (why != NULL)
		log_event("draft: damaged: %s", why);
	rc = damaged(cause);
out:
	free(why);
	if (text != NULL)
		wipe_str(text);
	if (p != NULL)
		json_decref(p);
	if (o != NULL)
		json_decref(o);
	if (rc != 0)
		draft_meta_free(meta);
	return (rc);
}

/* The photo sealed at path, unsealed into *data (wipe_free): 0, or -1 with *cause. */
static int
read_photo(const char *path, const uint8_t key[DRAFT_KEY_LEN], char **data,
    size_t *len, char **cause)
{
	char *sealed = NULL;
	size_t n = 0;

	if (fs_read_file(path, CHECKED_PHOTO_MAX + SEAL_OVERHEAD, &sealed, &n,
	    cause) != 0)
		return (-1);
	if (n < SEAL_OVERHEAD) {
		free(sealed);
		return (damaged(cause));
	}
	*data = xmalloc(n - SEAL_OVERHEAD + 1);
	*len = n - SEAL_OVERHEAD;
	if (unseal(key, AAD_PHOTO, (uint8_t *)sealed, n, (uint8_t *)*data) != 0) {
		free(sealed);
		free(*data);
		*data = NULL;
		return (damaged(cause));
	}
	free(sealed);
	return (0);
}

int
draft_load(const char *dir, long keep_hours, time_t now, struct application *a,
    struct draft_meta *meta, char **cause)
{
	uint8_t key[DRAFT_KEY_LEN];
	char *path, *data = NULL, *photo = NULL, sha[65];
	size_t len = 0, plen = 0;
	struct stat sb;
	int rc = 0;

	memset(meta, 0, sizeof *meta);
	if (draft_lock(dir) == DRAFT_NO_KEYRING)
		draft_discard(dir);	/* sealed with a key this run cannot reach */
	path = xasprintf("%s/%s", dir, DRAFT_JSON);
	if (lock_state != DRAFT_OURS || stat(path, &sb) != 0) {
		free(path);
		return (0);	/* none, or another run's: the welcome step says so */
	}
	if (fs_read_file(path, DRAFT_MAX, &data, &len, cause) != 0) {
		free(path);
		return (-1);
	}
	free(path);
	if (draft_key(key, 0) != 0)
		explicit_bzero(key, sizeof key);	/* gone: decode says so */
	rc = draft_decode(data, len, key, now, dir, a, meta, cause);
	wipe_free(data, len);
	if (rc != 0)
		goto bad;
	if (now - meta->saved > keep_hours * 3600) {
		rc = 0;
		goto bad;	/* expired: deleted, as promised */
	}
	if (meta->photo_checked) {
		if (read_photo(a->checked_path, key, &photo, &plen, cause) != 0) {
			free(*cause);	/* gone or changed: the draft is not whole */
			rc = damaged(cause);
			goto bad;
		}
		checked_sha256(photo, plen, sha);
		wipe_free(photo, plen);
		if (strcmp(sha, a->checked_sha) != 0) {
			rc = damaged(cause);
			goto bad;
		}
	}
	explicit_bzero(key, sizeof key);
	return (1);
bad:
	explicit_bzero(key, sizeof key);
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

	/* Another run's draft is not ours to delete. */
	if (draft_lock(dir) != DRAFT_OURS && lock_state != DRAFT_NO_KEYRING)
		return;
	p = xasprintf("%s/%s", dir, DRAFT_JSON);
	draft_wipe_file(p);
	free(p);
	draft_wipe_files(dir, DRAFT_PHOTO, NULL);
	wipe_temporaries(dir);
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

int
draft_usable(const struct config *cfg, int forced)
{
	char *cause = NULL, *dir;

	if (kiosk_enabled(cfg, forced))
		return (0);
	if (lock_state == DRAFT_UNTRIED && (dir = draft_dir(&cause)) != NULL)
		free(dir);
	free(cause);
	return (lock_state == DRAFT_OURS);
}

char *
draft_privacy(const struct config *cfg, int forced)
{
	char *cause = NULL, *dir;
	const char *why = NULL;
	long hours = 24;

	if (kiosk_enabled(cfg, forced))
		return (xstrdup(_("Privacy: what you type stays in memory; your "
		    "photo is copied into a private folder for this run, wiped when "
		    "sscard ends, also if you quit or the connection drops. Nothing "
		    "else is saved until you agree on the review step.")));
	if (lock_state == DRAFT_UNTRIED && (dir = draft_dir(&cause)) != NULL)
		free(dir);
	free(cause);
	cause = NULL;
	switch (lock_state) {
	case DRAFT_OURS:
		break;
	case DRAFT_BUSY:
		why = _("a draft is in use by another sscard of this account");
		break;
	case DRAFT_NO_KEYRING:
		why = _("the kernel keyring that would hold its key is not "
		    "usable here");
		break;
	default:
		why = _("its folder cannot be locked");
		break;
	}
	if (why != NULL)
		/* TRANSLATORS: %s says why, e.g. "a draft is in use by another sscard of this account". */
		return (xasprintf(_("Privacy: no draft is kept, as %s: what you "
		    "type stays in memory and your photo in a private folder, wiped "
		    "when sscard ends, also if the connection drops."), why));
	if (draft_keep_hours(cfg, &hours, &cause) != 0)
		free(cause);	/* refused at start-up already */
	return (xasprintf(_("Privacy: your answers, and once checked your photo, "
	    "are kept encrypted as a draft only this account can read (its key is "
	    "gone on restart) until the kit is saved or the application queued; a "
	    "start after %ld hours deletes it."), hours));
}

int
draft_autosave(const struct application *a, const char *step, int checked,
    const struct config *cfg, int forced, int done, char **cause)
{
	char *dir;
	int rc = 0;

	if (kiosk_enabled(cfg, forced) || (!done && strcmp(step, "welcome") == 0))
		return (0);
	if ((dir = draft_dir(cause)) == NULL)
		return (-1);
	if (draft_lock(dir) != DRAFT_OURS) {
		free(dir);
		return (0);	/* the welcome step said why */
	}
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
	uint8_t key[DRAFT_KEY_LEN];
	char *data = NULL, *copy;
	size_t len = 0;
	int rc;

	if (a->checked_path[0] == '\0')
		return (0);
	if (draft_key(key, 0) != 0) {
		*cause = xstrdup(_("The saved photo cannot be read: the key that "
		    "protected it is gone."));
		return (-1);
	}
	rc = read_photo(a->checked_path, key, &data, &len, cause);
	explicit_bzero(key, sizeof key);
	if (rc != 0)
		return (-1);
	rc = fs_write_atomic(ws->dir, "photo-draft", data, len, cause);
	wipe_free(data, len);
	if (rc != 0)
		return (-1);
	copy = workspace_path(ws, "photo-draft");
	application_set(&a->checked_path, copy);
	free(copy);
	return (0);
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
draft_offer(const struct config *cfg, int forced, char **masked, time_t *saved,
    char **cause)
{
	struct application a;
	struct draft_meta m;
	int rc;

	if (kiosk_enabled(cfg, forced))
		return (0);
	application_init(&a);
	if ((rc = load_own(cfg, &a, &m, cause)) == 1) {
		*masked = draft_mask_name(a.name);
		*saved = m.saved;
		draft_meta_free(&m);
	}
	application_clear(&a);
	return (rc);
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
