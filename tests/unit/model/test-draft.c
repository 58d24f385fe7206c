/* test-draft.c -- a draft is read only when whole, kept sealed, owned by one run, and wiped whole. */
#include "lib/system.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <keyutils.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "../tmpdir.h"

#include "model/checked.h"
#include "lib/config.h"
#include "model/draft.h"
#include "lib/fsutil.h"
#include "model/application.h"
#include "model/region.h"
#include "lib/xmalloc.h"

static const unsigned char jpeg_magic[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F' };

/* Set: the kernel refuses keyctl, as in some containers (linked with --wrap). */
static int	keyring_off;

key_serial_t	__real_keyctl_search(key_serial_t, const char *, const char *,
		    key_serial_t);
key_serial_t	__wrap_keyctl_search(key_serial_t, const char *, const char *,
		    key_serial_t);

key_serial_t
__wrap_keyctl_search(key_serial_t ring, const char *type, const char *desc,
    key_serial_t dest)
{
	if (keyring_off) {
		errno = ENOSYS;
		return (-1);
	}
	return (__real_keyctl_search(ring, type, desc, dest));
}

/* The draft folder under a fresh XDG_STATE_HOME named name, made as a run makes it. */
static char *
state_dir(const char *name)
{
	char *x = xasprintf("%s/%s", dir, name), *d, *cause = NULL;

	assert_int_equal(mkdir(x, 0700), 0);
	setenv("XDG_STATE_HOME", x, 1);
	d = xasprintf("%s/sscard", x);
	assert_int_equal(fs_mkdir_private(d, 1, &cause), 0);
	free(x);
	return (d);
}

static char *
in(const char *d, const char *name)
{
	return (xasprintf("%s/%s", d, name));
}

static void
put(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, 0600), 0);
}

/* The file at path, whole; caller frees. */
static char *
slurp(const char *path, size_t *len)
{
	char *data = NULL, *cause = NULL;

	assert_int_equal(fs_read_file(path, 1 << 20, &data, len, &cause), 0);
	return (data);
}

/* Replaces the first from in the file at path with to. */
static void
edit(const char *path, const char *from, const char *to)
{
	size_t len, at;
	char *s = slurp(path, &len), *p, *out;

	assert_non_null(p = strstr(s, from));
	at = p - s;
	out = xasprintf("%.*s%s%s", (int)at, s, to, p + strlen(from));
	put(path, out, strlen(out));
	free(out);
	free(s);
}

/* A citizen who chose the bank: name, ID number and mobile number typed. */
static void
fill(struct application *a)
{
	static const char *const typed[] = { "张三丰", "11010519491231002X", "13800138000" };
	char **fields[] = { &a->name, &a->id_number, &a->phone };
	size_t i;

	application_init(a);
	snprintf(a->lang, sizeof a->lang, "en");
	a->channel = CHANNEL_BANK;
	a->ticked[CHANNEL_BANK] = 1;
	for (i = 0; i < nitems(fields); i++)
		application_set(fields[i], typed[i]);
}

/* A draft at step saved into d by this run (the draft folder of XDG_STATE_HOME). */
static void
save(const char *d, const char *step)
{
	struct application a;
	char *cause = NULL, *got;

	assert_non_null(got = draft_dir(&cause));
	assert_string_equal(got, d);
	free(got);
	fill(&a);
	assert_int_equal(draft_save(d, &a, step, 0, &cause), 0);
	application_clear(&a);
}

/* Loading d says the draft was bad (why contains want) and deletes it. */
static void
expect_refused(const char *d, const char *want)
{
	struct application b;
	struct draft_meta m;
	char *cause = NULL, *f = in(d, "draft.json");
	int rc;

	application_init(&b);
	rc = draft_load(d, 24, time(NULL), &b, &m, &cause);
	if (rc == 1)
		draft_meta_free(&m);
	application_clear(&b);
	assert_int_equal(rc, -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, want));
	assert_int_not_equal(access(f, F_OK), 0);
	free(cause);
	free(f);
}

/* A draft saved at step, edited from -> to: loading it says why (want) and deletes it. */
static const struct refusal {
	const char	*step, *from, *to, *want;
} refusals[] = {
	/* An unknown channel would index ticked[-1] on the materials step... */
	{ "materials", "\"bank\"", "\"satellite\"", "damaged" },
	/* ...and so would a step after the channel's with no channel at all. */
	{ "materials", "\"bank\"", "\"\"", "damaged" },
	/* A saved time far in the past or future overflowed the expiry's arithmetic. */
	{ "details", "\"saved\": ", "\"saved\": -9223372036854775808, \"x\": ", "damaged" },
	{ "details", "\"saved\": ", "\"saved\": 9223372036854775807, \"x\": ", "damaged" },
	/* Materials not on the channel's checklist, or not ids at all. */
	{ "details", "\"materials\": [", "\"materials\": [\"passport\", ", "damaged" },
	{ "details", "\"materials\": [", "\"materials\": [0, ", "damaged" },
	{ "details", "\"materials\": [", "\"materials\": \"all\", \"x\": [", "damaged" },
	/* A personal field in clear beside the sealed one: not what sscard writes. */
	{ "details", "\"format\": ", "\"name\": \"x\", \"format\": ", "damaged" },
	/* An unknown region, step, language or format. */
	{ "details", "\"region\": \"", "\"region\": \"atlantis", "damaged" },
	{ "details", "\"step\": \"", "\"step\": \"nowhere", "damaged" },
	{ "details", "\"language\": \"", "\"language\": \"xx", "damaged" },
	{ "details", "\"format\": \"", "\"format\": \"old", "damaged" },
	/* Sealed bytes changed: not authentic. */
	{ "details", "\"sealed\": \"", "\"sealed\": \"AAAA", "damaged" },
	/* Sealed with a key that is gone (a restart): the message says why. */
	{ "details", "\"key\": \"", "\"key\": \"0", "key that protected them is gone" },
};

static void
test_refused(void **state)
{
	char *d = state_dir("refused"), *f = in(d, "draft.json");
	size_t i;

	(void)state;
	for (i = 0; i < nitems(refusals); i++) {
		save(d, refusals[i].step);
		edit(f, refusals[i].from, refusals[i].to);
		expect_refused(d, refusals[i].want);
	}
	free(f);
	free(d);
}

/* What fs_write_atomic leaves when a crash hits before its rename. */
static void
leave_temporaries(const char *d)
{
	char *j = in(d, ".draft.json.a1b2c3d4e5f6");
	char *p = in(d, ".draft-photo-0123456789abcdef.0a1b2c3d4e5f");

	put(j, "{\"name\": \"张三丰\"}", strlen("{\"name\": \"张三丰\"}"));
	put(p, jpeg_magic, sizeof jpeg_magic);
	free(j);
	free(p);
}

static int
temporaries_left(const char *d)
{
	char *j = in(d, ".draft.json.a1b2c3d4e5f6");
	char *p = in(d, ".draft-photo-0123456789abcdef.0a1b2c3d4e5f");
	int n = (access(j, F_OK) == 0) + (access(p, F_OK) == 0);

	free(j);
	free(p);
	return (n);
}

/* Deleting a draft deletes a crash's half-written copies of it too. */
static void
test_temporaries_discard(void **state)
{
	char *d = state_dir("tmp-discard");

	(void)state;
	save(d, "details");
	leave_temporaries(d);
	assert_int_equal(temporaries_left(d), 2);
	draft_discard(d);
	assert_int_equal(temporaries_left(d), 0);
	free(d);
}

/* And the start of a run (its first look at the draft folder) sweeps them. */
static void
test_temporaries_start(void **state)
{
	char *d = state_dir("tmp-start"), *got, *cause = NULL;

	(void)state;
	leave_temporaries(d);
	assert_non_null(got = draft_dir(&cause));
	assert_int_equal(temporaries_left(d), 0);
	free(got);
	free(d);
}

/* A second run of the account keeps no draft, says why, and leaves the first's alone. */
static void
test_lock(void **state)
{
	struct config cfg;
	struct application a;
	struct draft_meta m;
	char *d = state_dir("lock"), *lock = in(d, "draft.lock"), *f = in(d, "draft.json");
	char *got, *cause = NULL, *text;
	int fd;

	(void)state;
	/* The first run holds the lock, as a run does. */
	assert_true((fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) >= 0);
	assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), 0);
	put(f, "first run's", 11);
	assert_non_null(got = draft_dir(&cause));
	config_init(&cfg);
	text = draft_privacy(&cfg, 0);
	assert_non_null(strstr(text, "in use by another sscard"));
	free(text);
	fill(&a);
	assert_int_equal(draft_save(d, &a, "details", 0, &cause), 0);
	application_clear(&a);
	application_init(&a);
	assert_int_equal(draft_load(d, 24, time(NULL), &a, &m, &cause), 0);
	application_clear(&a);
	draft_discard(d);
	assert_int_equal(access(f, F_OK), 0);	/* still the first run's */
	config_free(&cfg);
	close(fd);
	unlink(f);
	free(got);
	free(lock);
	free(f);
	free(d);
}

/* Name, ID number and photo are not on disk as typed or given. */
static void
test_sealed(void **state)
{
	struct application a, b;
	struct draft_meta m;
	char *d = state_dir("sealed"), *photo = in(d, "../p.jpg"), *cause = NULL, *data;
	char *f = in(d, "draft.json");
	size_t len;

	(void)state;
	save(d, "details");
	put(photo, jpeg_magic, sizeof jpeg_magic);
	fill(&a);
	application_set(&a.photo_path, photo);
	application_set(&a.checked_path, photo);
	checked_sha256(jpeg_magic, sizeof jpeg_magic, a.checked_sha);
	memcpy(a.source_sha, a.checked_sha, sizeof a.source_sha);
	assert_int_equal(draft_save(d, &a, "review", 1, &cause), 0);
	application_clear(&a);
	data = slurp(f, &len);
	assert_null(strstr(data, "张三丰"));
	assert_null(strstr(data, "11010519491231002X"));
	assert_null(strstr(data, "13800138000"));
	free(data);
	application_init(&b);
	assert_int_equal(draft_load(d, 24, time(NULL), &b, &m, &cause), 1);
	assert_string_equal(b.id_number, "11010519491231002X");
	data = slurp(b.checked_path, &len);
	assert_int_equal(len, sizeof jpeg_magic + 28);
	assert_null(memmem(data, len, jpeg_magic, sizeof jpeg_magic));
	free(data);
	draft_meta_free(&m);
	application_clear(&b);
	free(photo);
	free(f);
	free(d);
}

/* Fixture name of tests/unit/fixtures, as text; caller frees. */
static char *
fixture(const char *name)
{
	const char *top = getenv("top_srcdir");
	char *path, *text;
	size_t len;

	path = xasprintf("%s/tests/unit/fixtures/%s", top != NULL ? top : ".", name);
	text = slurp(path, &len);	/* fs_read_file ends it with a NUL */
	free(path);
	return (text);
}

/* The name of the draft photo in d; caller frees. */
static char *
draft_photo_in(const char *d)
{
	struct dirent *e;
	char *name = NULL;
	DIR *dp;

	assert_non_null(dp = opendir(d));
	while ((e = readdir(dp)) != NULL)
		if (strncmp(e->d_name, "draft-photo-", 12) == 0)
			name = xstrdup(e->d_name);
	closedir(dp);
	assert_non_null(name);
	return (name);
}

/*
 * The format-2 draft of the fixtures, as an earlier sscard wrote it, its
 * sealed part sealed again with this account's key and naming a photo
 * this run sealed (the key and the photo's name are the only things that
 * cannot be fixed in a file).
 */
static void
put_format2(const char *d, const char *photo_file)
{
	uint8_t key[DRAFT_KEY_LEN];
	char *clear = fixture("draft-format2.json");
	char *text = fixture("draft-format2-sealed.json"), *b64, *s, print[17];
	char *f = in(d, "draft.json");
	key_serial_t k;
	json_t *o;

	k = keyctl_search(KEY_SPEC_USER_KEYRING, "user", "sscard:draft", 0);
	assert_true(k >= 0);
	assert_int_equal(keyctl_read(k, (char *)key, sizeof key), sizeof key);
	assert_non_null(o = json_loads(clear, 0, NULL));
	b64 = draft_seal_text(key, text);
	draft_key_print(key, print);
	json_object_set_new(o, "sealed", json_string(b64));
	json_object_set_new(o, "key", json_string(print));
	json_object_set_new(o, "photo_file", json_string(photo_file));
	s = json_dumps(o, JSON_INDENT(1) | JSON_SORT_KEYS);
	put(f, s, strlen(s));
	explicit_bzero(key, sizeof key);
	json_decref(o);
	free(s);
	free(b64);
	free(text);
	free(clear);
	free(f);
}

/*
 * A draft of format 2 ("ticked" a number per channel, the photo's file and
 * digest kept apart) resumes whole; saved again, it has the codec's keys.
 */
static void
test_format2(void **state)
{
	struct application a, b;
	struct draft_meta m;
	char *d = state_dir("format2"), *photo = in(d, "../p.jpg"), *f = in(d, "draft.json");
	char *cause = NULL, *got, *name, sha[65];
	json_t *o;

	(void)state;
	assert_non_null(got = draft_dir(&cause));
	put(photo, jpeg_magic, sizeof jpeg_magic);
	fill(&a);
	application_set(&a.checked_path, photo);
	checked_sha256(jpeg_magic, sizeof jpeg_magic, a.checked_sha);
	assert_int_equal(draft_save(d, &a, "review", 1, &cause), 0);
	application_clear(&a);
	name = draft_photo_in(d);
	put_format2(d, name);
	application_init(&b);
	assert_int_equal(draft_load(d, 24, 1800000060, &b, &m, &cause), 1);
	assert_string_equal(m.step, "review");
	assert_int_equal(m.photo_checked, 1);
	assert_int_equal(m.saved, 1800000000);
	assert_string_equal(b.lang, "zh_CN");
	assert_int_equal(b.channel, CHANNEL_BANK);
	assert_string_equal(region_at(b.region)->id, "shenzhen");
	assert_int_equal(b.ticked[CHANNEL_ONLINE], 2);
	assert_int_equal(b.ticked[CHANNEL_BANK], 5);
	assert_string_equal(b.name, "张三丰");
	assert_string_equal(b.id_number, "11010519491231002X");
	assert_string_equal(b.phone, "13800138000");
	assert_string_equal(b.photo_path, "/media/usb/photo.jpg");
	assert_string_equal(b.photo_receipt, "");
	assert_int_equal(b.card_lost, 1);
	assert_int_equal(b.minor, 0);
	assert_int_equal(b.photo_fixed, 1);
	checked_sha256(jpeg_magic, sizeof jpeg_magic, sha);
	assert_string_equal(b.checked_sha, sha);
	assert_string_equal(b.source_sha,
	    "568bd7402659d5f87e226e5edf1e6c5fde768d0389c275258252944c2c672e97");
	assert_non_null(strstr(b.checked_path, name));
	draft_meta_free(&m);
	/* Saved again (without the photo): only the codec's keys are written. */
	assert_int_equal(draft_save(d, &b, "review", 0, &cause), 0);
	application_clear(&b);
	assert_non_null(o = json_load_file(f, 0, NULL));
	assert_string_equal(json_string_value(json_object_get(o, "format")),
	    "sscard-draft/3");
	assert_true(json_is_array(json_object_get(o, "materials")));
	assert_null(json_object_get(o, "ticked"));
	assert_null(json_object_get(o, "photo_file"));
	json_decref(o);
	application_init(&b);
	assert_int_equal(draft_load(d, 24, time(NULL), &b, &m, &cause), 1);
	assert_int_equal(b.ticked[CHANNEL_BANK], 5);
	assert_string_equal(b.name, "张三丰");
	draft_meta_free(&m);
	application_clear(&b);
	free(name);
	free(got);
	free(photo);
	free(f);
	free(d);
}

/* No keyring: no draft at all, and the welcome's text says so. */
static void
test_no_keyring(void **state)
{
	struct config cfg;
	struct application a;
	char *d, *f, *got, *cause = NULL, *text;

	(void)state;
	keyring_off = 1;
	d = state_dir("nokeyring");
	f = in(d, "draft.json");
	assert_non_null(got = draft_dir(&cause));
	config_init(&cfg);
	text = draft_privacy(&cfg, 0);
	assert_non_null(strstr(text, "no draft is kept"));
	assert_non_null(strstr(text, "keyring"));
	free(text);
	fill(&a);
	assert_int_equal(draft_save(d, &a, "details", 0, &cause), 0);
	assert_int_not_equal(access(f, F_OK), 0);
	application_clear(&a);
	config_free(&cfg);
	keyring_off = 0;
	free(got);
	free(f);
	free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_temporaries_discard),
		cmocka_unit_test(test_temporaries_start),
		cmocka_unit_test(test_lock),
		cmocka_unit_test(test_sealed),
		cmocka_unit_test(test_format2),
		cmocka_unit_test(test_no_keyring),
	};

	return (cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown));
}
