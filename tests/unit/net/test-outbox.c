/*
 * test-outbox.c -- the outbox: where it is, entries queued whole (folders
 * 0700, files 0600, the checked photo byte for byte), their states, the
 * list (oldest first, damaged ones shown), sent entries made stubs once
 * kept long enough, half-built entries of dead runs swept, and the lock.
 */
#include "lib/system.h"

#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "../expect.h"
#include "../files.h"
#include "../tmpdir.h"

#include "lib/config.h"
#include "model/application.h"
#include "model/checked.h"
#include "model/idnum.h"
#include "model/region.h"
#include "net/outbox.h"

#define ID_NUMBER	"11010519491231002X"

static const unsigned char jpeg_bytes[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F' };
static const unsigned char png_bytes[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0 };

static struct config		cfg;
static struct outbox		ob;
static struct application	a;

/* A configuration whose outbox is the test's folder `name`, keeping sent entries `days` days. */
static void
configure(const char *name, long days)
{
	char *conf = in_test_dir(dir, "sscard.conf"), *cause = NULL;
	FILE *f;

	assert_non_null(f = fopen(conf, "w"));
	fprintf(f, "[outbox]\ndir = %s/%s\nkeep_sent_days = %ld\n", dir, name, days);
	assert_int_equal(fclose(f), 0);
	config_free(&cfg);
	config_init(&cfg);
	if (config_load_file(&cfg, conf, &cause) != 0)
		fail_msg("%s", cause);
	free(conf);
}

/* An outbox in folder name, and a citizen at a Beijing bank outlet with a photo file. */
static void
open_outbox(const char *name, long days)
{
	char *cause = NULL, *photo = in_test_dir(dir, "photo.jpg");

	/* What the test before left open, also when it failed half-way. */
	outbox_close(&ob);
	application_clear(&a);
	configure(name, days);
	if (outbox_open(&ob, &cfg, &cause) != 0)
		fail_msg("%s", cause);
	put_file(photo, jpeg_bytes, sizeof jpeg_bytes);
	application_init(&a);
	snprintf(a.lang, sizeof a.lang, "en");
	a.channel = CHANNEL_BANK;
	a.region = region_find("beijing");
	a.ticked[CHANNEL_BANK] = 1u | 4u;
	application_set(&a.name, "王小明");
	application_set(&a.id_number, ID_NUMBER);
	application_set(&a.phone, "13800138000");
	application_set(&a.photo_path, photo);
	free(photo);
}

/* After the last test: what the last open_outbox made, and the folder. */
static int
teardown(void **state)
{
	outbox_close(&ob);
	application_clear(&a);
	config_free(&cfg);
	return (tmpdir_teardown(state));
}

/* Queues a; its id, which the caller frees. */
static char *
queue(void)
{
	char *id = NULL, *cause = NULL;

	if (outbox_queue(&ob, &a, &id, &cause) != 0)
		fail_msg("%s", cause);
	return (id);
}

/* The path of file name in entry id; caller frees. */
static char *
entry_file(const char *id, const char *name)
{
	return (xasprintf("%s/%s/%s", ob.dir, id, name));
}

/* Entry id's application.json, parsed. */
static json_t *
application_of(const char *id)
{
	char *path = entry_file(id, "application.json");
	json_error_t err;
	json_t *o = json_load_file(path, 0, &err);

	if (o == NULL)
		fail_msg("%s: %s", path, err.text);
	free(path);
	return (o);
}

static const char *
field(json_t *o, const char *key)
{
	return (json_string_value(json_object_get(o, key)));
}

/* Writes entry id's state: sent_ago seconds ago with receipt, or (receipt NULL) state st. */
static void
set_state(const char *id, enum outbox_state st, const char *receipt, long sent_ago)
{
	struct outbox_status s;
	char *cause = NULL;

	memset(&s, 0, sizeof s);
	s.state = st;
	s.receipt = (char *)receipt;
	s.sent_at = receipt != NULL ? (long long)time(NULL) - sent_ago : 0;
	if (outbox_status_write(&ob, id, &s, &cause) != 0)
		fail_msg("%s", cause);
}

/* The state entry id reads as; its receipt, when not NULL, must be want_receipt. */
static void
expect_state(const char *id, enum outbox_state want, const char *want_receipt)
{
	struct outbox_status s;
	char *cause = NULL;

	if (outbox_status_read(&ob, id, &s, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(s.state, want);
	if (want_receipt != NULL)
		assert_string_equal(s.receipt, want_receipt);
	outbox_status_free(&s);
}

/* Which folder holds the outbox: [outbox] dir, else XDG_DATA_HOME, else HOME; made 0700. */
static void
test_where(void **state)
{
	char *xdg = in_test_dir(dir, "xdg"), *home = in_test_dir(dir, "home"), *cause = NULL;
	char *want;

	configure("configured", 0);
	assert_int_equal(outbox_open(&ob, &cfg, &cause), 0);
	want = in_test_dir(dir, "configured");
	assert_string_equal(ob.dir, want);
	assert_int_equal(mode_of(ob.dir), 0700);
	outbox_close(&ob);
	free(want);
	config_free(&cfg);
	config_init(&cfg);
	setenv("XDG_DATA_HOME", xdg, 1);
	assert_int_equal(outbox_open(&ob, &cfg, &cause), 0);
	want = xasprintf("%s/sscard/outbox", xdg);
	assert_string_equal(ob.dir, want);
	assert_int_equal(mode_of(ob.dir), 0700);
	outbox_close(&ob);
	free(want);
	/* A relative XDG_DATA_HOME is no folder (the base directory specification). */
	setenv("XDG_DATA_HOME", "relative", 1);
	setenv("HOME", home, 1);
	assert_int_equal(mkdir(home, 0755), 0);
	assert_int_equal(outbox_open(&ob, &cfg, &cause), 0);
	want = xasprintf("%s/.local/share/sscard/outbox", home);
	assert_string_equal(ob.dir, want);
	outbox_close(&ob);
	free(want);
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	assert_int_equal(outbox_open(&ob, &cfg, &cause), -1);
	assert_contains(cause, "cannot find a folder for the outbox");
	free(cause);
	free(xdg);
	free(home);
}

/* keep_sent_days is a number of days up to ten years. */
static void
test_keep_range(void **state)
{
	char *cause = NULL;

	configure("range", 3651);
	assert_int_equal(outbox_open(&ob, &cfg, &cause), -1);
	assert_non_null(cause);
	free(cause);
	configure("range", 3650);
	assert_int_equal(outbox_open(&ob, &cfg, &cause), 0);
	assert_int_equal(ob.keep_sent_days, 3650);
}

/* One entry, built whole: a dated id, 0700 and 0600, the photo byte for byte, the fields sent. */
static void
test_queue(void **state)
{
	char *id, *path, *data, sha[65], today[16];
	const char *key;
	time_t now = time(NULL);
	struct tm t;
	json_t *o, *m;
	size_t n;

	open_outbox("queue", 0);
	id = queue();
	gmtime_r(&now, &t);
	strftime(today, sizeof today, "%Y%m%d-", &t);
	assert_int_equal(strlen(id), 17);
	assert_memory_equal(id, today, 9);
	assert_int_equal(strspn(id + 9, "0123456789ABCDEF"), 8);
	path = xasprintf("%s/%s", ob.dir, id);
	assert_int_equal(mode_of(path), 0700);
	free(path);
	path = entry_file(id, "photo.jpg");
	assert_int_equal(mode_of(path), 0600);
	data = slurp_file(path, &n);
	assert_int_equal(n, sizeof jpeg_bytes);
	assert_memory_equal(data, jpeg_bytes, n);
	free(data);
	free(path);
	path = entry_file(id, "application.json");
	assert_int_equal(mode_of(path), 0600);
	free(path);

	o = application_of(id);
	assert_string_equal(field(o, "id"), id);
	assert_string_equal(field(o, "channel"), "bank");
	assert_string_equal(field(o, "region"), "beijing");
	assert_string_equal(field(o, "id_number"), ID_NUMBER);
	assert_string_equal(field(o, "language"), "en");
	assert_true(json_is_false(json_object_get(o, "card_lost")));
	m = json_object_get(o, "materials");
	assert_int_equal(json_array_size(m), 2);
	assert_string_equal(json_string_value(json_array_get(m, 0)), "id_card");
	assert_string_equal(json_string_value(json_array_get(m, 1)), "photo");
	assert_string_equal(field(json_object_get(o, "photo"), "file"), "photo.jpg");
	checked_sha256(jpeg_bytes, sizeof jpeg_bytes, sha);
	assert_string_equal(field(json_object_get(o, "photo"), "sha256"), sha);
	assert_false(json_is_string(json_object_get(o, "photo_receipt")));
	/* A version 4 UUID, new for each entry: the service's guard against sending twice. */
	key = field(o, "idempotency_key");
	assert_int_equal(strlen(key), 36);
	assert_int_equal(key[14], '4');
	assert_non_null(strchr("89ab", key[19]));
	json_decref(o);
	free(id);
}

/* A PNG keeps its type, whatever the citizen's file is called. */
static void
test_queue_png(void **state)
{
	char *id, *path;

	open_outbox("png", 0);
	put_file(a.photo_path, png_bytes, sizeof png_bytes);
	id = queue();
	path = entry_file(id, "photo.png");
	assert_int_equal(mode_of(path), 0600);
	free(path);
	path = entry_file(id, "photo.jpg");
	assert_int_equal(mode_of(path), -1);
	free(path);
	free(id);
}

/* With a studio's receipt number and no photo: no photo part, and the parcel says so. */
static void
test_queue_receipt_number(void **state)
{
	struct outbox_parcel p;
	char *id, *path, *cause = NULL;
	json_t *o;

	open_outbox("receipt", 0);
	application_set(&a.photo_receipt, "SZ20261201A8");
	application_set(&a.photo_path, "");
	id = queue();
	o = application_of(id);
	assert_true(json_is_null(json_object_get(o, "photo")));
	assert_string_equal(field(o, "photo_receipt"), "SZ20261201A8");
	path = entry_file(id, "photo.jpg");
	assert_int_equal(mode_of(path), -1);
	assert_int_equal(outbox_parcel(&ob, id, &p, &cause), 0);
	assert_null(p.photo_path);
	assert_string_equal(p.key, field(o, "idempotency_key"));
	outbox_parcel_free(&p);
	json_decref(o);
	free(path);
	free(id);
}

/* Only the checked bytes are queued: a copy changed since its check leaves nothing behind. */
static void
test_queue_checked_only(void **state)
{
	struct outbox_entry *v;
	char *id = NULL, *cause = NULL, *copy = in_test_dir(dir, "checked.jpg");
	size_t n;

	open_outbox("checked", 0);
	put_file(copy, jpeg_bytes, sizeof jpeg_bytes);
	application_set(&a.checked_path, copy);
	checked_sha256(jpeg_bytes, sizeof jpeg_bytes, a.checked_sha);
	memcpy(a.source_sha, a.checked_sha, sizeof a.source_sha);
	put_file(copy, png_bytes, sizeof png_bytes);
	assert_int_equal(outbox_queue(&ob, &a, &id, &cause), -1);
	assert_null(id);
	assert_contains(cause, "changed after the check");
	free(cause);
	assert_int_equal(outbox_list(&ob, &v, &n, &cause), 0);
	assert_int_equal(n, 0);
	outbox_list_free(v, n);
	/* Nothing half-built either: the folder is empty. */
	assert_int_equal(rmdir(ob.dir), 0);
	free(copy);
}

/* States: queued until told otherwise; sent needs a receipt; a damaged state is queued again. */
static void
test_states(void **state)
{
	struct outbox_status s;
	char *id, *path, *cause = NULL;

	open_outbox("states", 0);
	id = queue();
	assert_int_equal(outbox_status_read(&ob, id, &s, &cause), 0);
	assert_int_equal(s.state, OUTBOX_QUEUED);
	assert_int_equal(s.attempts, 0);
	assert_int_equal(s.stub, 0);
	outbox_status_free(&s);

	memset(&s, 0, sizeof s);
	s.attempts = 2;
	s.next_try = 1893456000;
	s.reason = "cannot reach the card service";
	assert_int_equal(outbox_status_write(&ob, id, &s, &cause), 0);
	path = entry_file(id, "state.json");
	assert_int_equal(mode_of(path), 0600);
	assert_int_equal(outbox_status_read(&ob, id, &s, &cause), 0);
	assert_int_equal(s.state, OUTBOX_QUEUED);
	assert_int_equal(s.attempts, 2);
	assert_int_equal(s.next_try, 1893456000);
	assert_string_equal(s.reason, "cannot reach the card service");
	outbox_status_free(&s);

	set_state(id, OUTBOX_SENT, NULL, 0);
	expect_state(id, OUTBOX_QUEUED, NULL);
	set_state(id, OUTBOX_SENT, "R000001", 0);
	expect_state(id, OUTBOX_SENT, "R000001");
	set_state(id, OUTBOX_REJECTED, NULL, 0);
	expect_state(id, OUTBOX_REJECTED, NULL);

	put_file(path, "{ broken", 8);
	assert_int_equal(outbox_status_read(&ob, id, &s, &cause), 0);
	assert_int_equal(s.state, OUTBOX_QUEUED);
	assert_contains(s.reason, "damaged");
	outbox_status_free(&s);

	assert_int_equal(outbox_status_read(&ob, "20260101-00000000", &s, &cause), -1);
	assert_contains(cause, "no application 20260101-00000000");
	free(cause);
	assert_string_equal(outbox_state_label(OUTBOX_SENT), "sent to the card service");
	free(path);
	free(id);
}

/* Rewrites entry id's "created" date. */
static void
set_created(const char *id, const char *created)
{
	char *path = entry_file(id, "application.json");
	json_t *o = application_of(id);

	json_object_set_new(o, "created", json_string(created));
	assert_int_equal(json_dump_file(o, path, 0), 0);
	json_decref(o);
	free(path);
}

/* Every entry, oldest first, with a masked ID number; damaged ones shown; other names passed over. */
static void
test_list(void **state)
{
	struct outbox_entry *v;
	char *first, *second, *cause = NULL, *path, masked[19];
	size_t n;

	open_outbox("list", 0);
	first = queue();
	second = queue();
	set_created(first, "2026-03-02T00:00:00Z");
	set_created(second, "2026-03-01T00:00:00Z");
	path = xasprintf("%s/20200101-DEADBEEF", ob.dir);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);
	path = xasprintf("%s/20200101-DEADBEEF/application.json", ob.dir);
	put_file(path, "{ \"id_number\": \"" ID_NUMBER, 34);
	free(path);
	path = xasprintf("%s/.new-1-20200101-00000000", ob.dir);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);
	path = xasprintf("%s/notes", ob.dir);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);

	assert_int_equal(outbox_list(&ob, &v, &n, &cause), 0);
	assert_int_equal(n, 3);
	/* The damaged one has no date: it comes first. */
	assert_string_equal(v[0].id, "20200101-DEADBEEF");
	assert_contains(v[0].damaged, "is damaged");
	assert_lacks(v[0].damaged, ID_NUMBER);
	assert_string_equal(v[1].id, second);
	assert_string_equal(v[2].id, first);
	idnum_mask(ID_NUMBER, masked);
	assert_string_equal(v[1].id_masked, masked);
	assert_string_not_equal(masked, ID_NUMBER);
	assert_string_equal(v[1].channel, "bank");
	assert_null(v[1].damaged);
	outbox_list_free(v, n);
	free(first);
	free(second);
}

/* The list makes a stub of every entry sent longer ago than keep_sent_days: state.json alone. */
static void
expect_stub(const char *id)
{
	struct outbox_status s;
	char *path, *cause = NULL;

	path = entry_file(id, "application.json");
	assert_int_equal(mode_of(path), -1);
	free(path);
	path = entry_file(id, "photo.jpg");
	assert_int_equal(mode_of(path), -1);
	free(path);
	path = entry_file(id, "state.json");
	assert_int_equal(mode_of(path), 0600);
	free(path);
	expect_state(id, OUTBOX_SENT, NULL);
	assert_int_equal(outbox_status_read(&ob, id, &s, &cause), 0);
	assert_int_equal(s.stub, 1);
	assert_non_null(s.receipt);
	assert_non_null(s.created);
	outbox_status_free(&s);
}

/* The entry is whole: its application and photo are still there. */
static void
expect_whole(const char *id)
{
	char *path = entry_file(id, "application.json");

	assert_int_equal(mode_of(path), 0600);
	free(path);
	path = entry_file(id, "photo.jpg");
	assert_int_equal(mode_of(path), 0600);
	free(path);
}

/* keep_sent_days = 0: sent entries lose their personal files at the next list; queued ones never. */
static void
test_sweep_sent(void **state)
{
	struct outbox_entry *v;
	struct outbox_parcel p;
	char *sent, *queued, *cause = NULL;
	size_t n, i;

	open_outbox("sweep", 0);
	sent = queue();
	queued = queue();
	set_state(sent, OUTBOX_SENT, "R000007", 0);
	assert_int_equal(outbox_list(&ob, &v, &n, &cause), 0);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].id, sent) == 0) {
			assert_int_equal(v[i].status.stub, 1);
			assert_string_equal(v[i].channel, "-");
			assert_string_equal(v[i].id_masked, "-");
			assert_string_equal(v[i].status.receipt, "R000007");
		} else
			assert_int_equal(v[i].status.stub, 0);
	outbox_list_free(v, n);
	expect_stub(sent);
	expect_whole(queued);
	/* Nothing is left to send for a stub. */
	assert_int_equal(outbox_parcel(&ob, sent, &p, &cause), -1);
	free(cause);
	/* And a stub is listed again as a stub, with its date. */
	cause = NULL;
	assert_int_equal(outbox_list(&ob, &v, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_true(v[0].created[0] != '\0' && v[1].created[0] != '\0');
	outbox_list_free(v, n);
	free(sent);
	free(queued);
}

/* keep_sent_days = 30: kept for 30 days after sending, made a stub after. */
static void
test_keep_sent_days(void **state)
{
	struct outbox_entry *v;
	char *recent, *old, *cause = NULL;
	size_t n;

	open_outbox("keep", 30);
	recent = queue();
	old = queue();
	set_state(recent, OUTBOX_SENT, "R1", 29L * 86400);
	set_state(old, OUTBOX_SENT, "R2", 31L * 86400);
	assert_int_equal(outbox_list(&ob, &v, &n, &cause), 0);
	outbox_list_free(v, n);
	expect_whole(recent);
	expect_stub(old);
	free(recent);
	free(old);
}

/* A pid that no longer runs. */
static pid_t
dead_pid(void)
{
	pid_t pid;

	if ((pid = fork()) == 0)
		_exit(0);
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	return (pid);
}

/* Entries a dead run left half-built are wiped; one a live run is building is left alone. */
static void
test_sweep_half_built(void **state)
{
	char *dead, *live, *f;

	open_outbox("half", 0);
	dead = xasprintf("%s/.new-%ld-20260101-00000001", ob.dir, (long)dead_pid());
	live = xasprintf("%s/.new-%ld-20260101-00000002", ob.dir, (long)getpid());
	assert_int_equal(mkdir(dead, 0700), 0);
	assert_int_equal(mkdir(live, 0700), 0);
	f = xasprintf("%s/photo.jpg", dead);
	put_file(f, jpeg_bytes, sizeof jpeg_bytes);
	outbox_sweep(&cfg);
	assert_int_equal(mode_of(f), -1);
	assert_int_equal(mode_of(dead), -1);
	assert_int_equal(mode_of(live), 0700);
	free(f);
	free(dead);
	free(live);
}

/* One process at a time sends an entry; a look at it afterwards leaves the sender's outcome alone. */
static void
test_lock(void **state)
{
	char *id, *cause = NULL;
	int fd = -1, other = -1;

	open_outbox("lock", 0);
	id = queue();
	assert_int_equal(outbox_lock(&ob, id, &fd, &cause), 0);
	assert_int_equal(outbox_lock(&ob, id, &other, &cause), 1);
	assert_int_equal(other, -1);
	assert_int_equal(outbox_left_queued(&ob, id, &cause), 0);
	outbox_unlock(fd);
	assert_int_equal(outbox_left_queued(&ob, id, &cause), 1);
	set_state(id, OUTBOX_SENT, "R9", 0);
	assert_int_equal(outbox_left_queued(&ob, id, &cause), 0);
	free(id);
}

/* What is sent: application.json as stored, the entry's own photo, the key in the JSON. */
static void
test_parcel(void **state)
{
	struct outbox_parcel p;
	char *id, *path, *data, *cause = NULL;
	json_t *o;
	size_t n;

	open_outbox("parcel", 0);
	id = queue();
	assert_int_equal(outbox_parcel(&ob, id, &p, &cause), 0);
	path = entry_file(id, "application.json");
	data = slurp_file(path, &n);
	assert_int_equal(p.json_len, n);
	assert_memory_equal(p.json, data, n);
	free(data);
	free(path);
	path = entry_file(id, "photo.jpg");
	assert_string_equal(p.photo_path, path);
	assert_string_equal(p.photo_type, "image/jpeg");
	o = application_of(id);
	assert_string_equal(p.key, field(o, "idempotency_key"));
	json_decref(o);
	outbox_parcel_free(&p);
	free(path);
	path = entry_file(id, "application.json");
	put_file(path, "{}", 2);
	assert_int_equal(outbox_parcel(&ob, id, &p, &cause), -1);
	assert_contains(cause, "is damaged");
	free(cause);
	free(path);
	free(id);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_keep_range),
		cmocka_unit_test(test_queue),
		cmocka_unit_test(test_queue_png),
		cmocka_unit_test(test_queue_receipt_number),
		cmocka_unit_test(test_queue_checked_only),
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_sweep_sent),
		cmocka_unit_test(test_keep_sent_days),
		cmocka_unit_test(test_sweep_half_built),
		cmocka_unit_test(test_lock),
		cmocka_unit_test(test_parcel),
	};

	return (cmocka_run_group_tests(tests, tmpdir_setup, teardown));
}
