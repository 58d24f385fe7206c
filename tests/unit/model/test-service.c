/* test-service.c -- drafts, kiosk confinement and PIN, photo picker, print argv, QR codes. */
#include "lib/system.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>
#include <cmocka.h>

#include "../tmpdir.h"

#include "model/checked.h"
#include "lib/config.h"
#include "model/draft.h"
#include "lib/fsutil.h"
#include "model/kiosk.h"
#include "model/application.h"
#include "model/picker.h"
#include "model/print.h"
#include "model/qr.h"
#include "lib/workspace.h"
#include "lib/xmalloc.h"

static const unsigned char jpeg_magic[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F' };
static const unsigned char png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static void
put(const char *path, const void *data, size_t n, time_t mtime)
{
	struct utimbuf t = { mtime, mtime };
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	if (mtime != 0)
		assert_int_equal(utime(path, &t), 0);
}

static char *
in_dir(const char *name)
{
	return (xasprintf("%s/%s", dir, name));
}

/*
 * Loading the draft of d at now finds none (expired), or says it was
 * damaged; either way gone is no longer on disk.
 */
static void
expect_dropped(const char *d, time_t now, const char *gone)
{
	struct application b;
	struct draft_meta m;
	char *cause = NULL;
	int rc;

	application_init(&b);
	rc = draft_load(d, 24, now, &b, &m, &cause);
	assert_true(rc == 0 || (rc == -1 && cause != NULL));
	free(cause);
	application_clear(&b);
	assert_int_not_equal(access(gone, F_OK), 0);
}

static void
fill(struct application *a)
{
	application_init(a);
	snprintf(a->lang, sizeof a->lang, "zh_CN");
	a->channel = CHANNEL_BANK;
	a->region = 2;
	application_set(&a->name, "张三丰");
	application_set(&a->id_number, "11010519491231002X");
	application_set(&a->phone, "13800138000");
	a->ticked[CHANNEL_BANK] = 5;
}

/* The photo at path becomes a's checked photo, as the photo and check steps make it. */
static void
check_photo(struct application *a, const char *path, const void *data, size_t n)
{
	application_set(&a->photo_path, path);
	application_set(&a->checked_path, path);
	checked_sha256(data, n, a->checked_sha);
	memcpy(a->source_sha, a->checked_sha, sizeof a->source_sha);
	a->photo_fixed = 0;
}

static void
test_draft_round_trip(void **state)
{
	struct application a, b;
	struct draft_meta m;
	struct stat st;
	char *d = in_dir("state"), *photo = in_dir("p.jpg"), *cause = NULL, *f;
	time_t now = time(NULL);

	assert_int_equal(fs_mkdir_private(d, 1, &cause), 0);
	put(photo, jpeg_magic, sizeof jpeg_magic, 0);
	fill(&a);
	check_photo(&a, photo, jpeg_magic, sizeof jpeg_magic);
	application_set(&a.photo_receipt, "");
	a.card_lost = 1;
	assert_int_equal(draft_save(d, &a, "review", 1, &cause), 0);
	f = in_dir("state/draft.json");
	assert_int_equal(stat(f, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	free(f);
	/* The draft holds the checked bytes: the original may go away. */
	unlink(photo);
	application_init(&b);
	assert_int_equal(draft_load(d, 24, now + 3600, &b, &m, &cause), 1);
	f = xstrdup(b.checked_path);
	assert_non_null(strstr(f, "/state/draft-photo-"));
	assert_int_equal(stat(f, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, sizeof jpeg_magic + 28);	/* sealed: nonce and tag */
	assert_string_equal(b.checked_sha, a.checked_sha);
	assert_string_equal(b.photo_path, photo);	/* as the citizen gave it */
	assert_string_equal(m.step, "review");
	assert_int_equal(m.photo_checked, 1);
	assert_string_equal(b.name, "张三丰");
	assert_string_equal(b.id_number, "11010519491231002X");
	assert_string_equal(b.lang, "zh_CN");
	assert_int_equal(b.channel, CHANNEL_BANK);
	assert_int_equal(b.region, 2);
	assert_int_equal(b.ticked[CHANNEL_BANK], 5);
	assert_int_equal(b.card_lost, 1);
	draft_meta_free(&m);
	/*
	 * Saved again with the same photo (the draft's copy is sealed: a run
	 * takes it into its workspace first), then with another photo: one
	 * photo file, the new one.
	 */
	put(photo, jpeg_magic, sizeof jpeg_magic, 0);
	check_photo(&b, photo, jpeg_magic, sizeof jpeg_magic);
	assert_int_equal(draft_save(d, &b, "review", 1, &cause), 0);
	assert_int_equal(access(f, F_OK), 0);
	put(photo, png_magic, sizeof png_magic, 0);
	check_photo(&b, photo, png_magic, sizeof png_magic);
	assert_int_equal(draft_save(d, &b, "review", 1, &cause), 0);
	assert_int_not_equal(access(f, F_OK), 0);
	/* A photo changed after its check is refused, and the draft stays as it was. */
	put(photo, jpeg_magic, sizeof jpeg_magic, 0);
	assert_int_equal(draft_save(d, &b, "review", 1, &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	application_clear(&b);
	application_init(&b);
	assert_int_equal(draft_load(d, 24, now, &b, &m, &cause), 1);
	draft_meta_free(&m);
	free(f);
	f = xstrdup(b.checked_path);
	application_clear(&b);
	/* A changed photo fails the draft's own check: the draft is dropped. */
	put(f, jpeg_magic, sizeof jpeg_magic, 0);
	expect_dropped(d, now, f);
	free(f);
	application_clear(&a);
	free(photo);
	free(d);
}

/* Resuming moves the draft's photo into the run's workspace: it outlives the draft. */
static void
test_draft_take_photo(void **state)
{
	struct application a, b;
	struct draft_meta m;
	struct workspace ws = { NULL, -1 };
	char *d = in_dir("state3"), *photo = in_dir("q.jpg"), *cause = NULL, *data = NULL;
	char *run = in_dir("run");
	size_t len = 0;

	(void)state;
	assert_int_equal(mkdir(run, 0700), 0);
	setenv("XDG_RUNTIME_DIR", run, 1);
	assert_int_equal(workspace_open(&ws, &cause), 0);
	assert_int_equal(fs_mkdir_private(d, 1, &cause), 0);
	put(photo, jpeg_magic, sizeof jpeg_magic, 0);
	fill(&a);
	check_photo(&a, photo, jpeg_magic, sizeof jpeg_magic);
	assert_int_equal(draft_save(d, &a, "review", 1, &cause), 0);
	application_init(&b);
	assert_int_equal(draft_load(d, 24, time(NULL), &b, &m, &cause), 1);
	draft_meta_free(&m);
	assert_int_equal(draft_take_photo(&b, &ws, &cause), 0);
	assert_int_equal(strncmp(b.checked_path, ws.dir, strlen(ws.dir)), 0);
	draft_discard(d);
	assert_int_equal(checked_read(&b, &data, &len, &cause), 0);
	assert_int_equal(len, sizeof jpeg_magic);
	assert_memory_equal(data, jpeg_magic, len);
	wipe_free(data, len);
	workspace_wipe(&ws);
	application_clear(&a);
	application_clear(&b);
	free(photo);
	free(run);
	free(d);
}

static void
test_draft_expiry(void **state)
{
	struct application a, b;
	struct draft_meta m;
	char *d = in_dir("state2"), *cause = NULL, *f;
	time_t now = time(NULL);

	assert_int_equal(fs_mkdir_private(d, 1, &cause), 0);
	fill(&a);
	assert_int_equal(draft_save(d, &a, "details", 0, &cause), 0);
	application_init(&b);
	assert_int_equal(draft_load(d, 24, now + 23 * 3600, &b, &m, &cause), 1);
	assert_string_equal(m.step, "details");
	assert_int_equal(m.photo_checked, 0);
	draft_meta_free(&m);
	application_clear(&b);
	/* After keep_hours the draft is gone from the disk, not just ignored. */
	f = in_dir("state2/draft.json");
	expect_dropped(d, now + 25 * 3600, f);
	/* A damaged file is not a draft: deleted, with a message. */
	put(f, "{\"format\":\"other\"}", 18, 0);
	expect_dropped(d, now, f);
	assert_int_equal(access(f, F_OK), -1);
	free(f);
	application_clear(&a);
	free(d);
}

static void
test_draft_dir_and_mask(void **state)
{
	struct stat st;
	char *x = in_dir("xdg"), *d, *cause = NULL, *m;

	setenv("XDG_STATE_HOME", x, 1);
	assert_non_null(d = draft_dir(&cause));
	assert_int_equal(stat(d, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_non_null(strstr(d, "/xdg/sscard"));
	free(d);
	free(x);
	m = draft_mask_name("张三丰");
	assert_string_equal(m, "张**");
	free(m);
	m = draft_mask_name("Maria Lopez");
	assert_string_equal(m, "M**** *****");
	free(m);
}

static void
kiosk_of(struct kiosk *k, const char *photos)
{
	memset(k, 0, sizeof *k);
	k->enabled = 1;
	k->photo_dirs = xcalloc(1, sizeof *k->photo_dirs);
	k->photo_dirs[0] = xstrdup(photos);
	k->nphoto_dirs = 1;
}

/* 1 when fd is open on the file at path (the same inode), closing fd. */
static int
opened_is(int fd, const char *path)
{
	struct stat a, b;
	int same;

	assert_true(fd >= 0);
	same = fstat(fd, &a) == 0 && stat(path, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino;
	close(fd);
	return (same);
}

static void
test_kiosk_open_photo(void **state)
{
	struct kiosk k, off;
	char *usb = in_dir("usb"), *secret = in_dir("secret.jpg"), *ok = in_dir("usb/a.jpg");
	char *link = in_dir("usb/link.jpg"), *dotdot = in_dir("usb/../secret.jpg");
	char *linkdir = in_dir("usb/up"), *via = in_dir("usb/up/secret.jpg");
	char *cause = NULL;

	mkdir(usb, 0700);
	put(secret, jpeg_magic, sizeof jpeg_magic, 0);
	put(ok, jpeg_magic, sizeof jpeg_magic, 0);
	assert_int_equal(symlink(secret, link), 0);
	assert_int_equal(symlink(dir, linkdir), 0);
	kiosk_of(&k, usb);
	assert_true(opened_is(kiosk_open_photo(&k, ok, &cause), ok));
	/* Escapes: "..", a symlinked file, a symlinked folder, a path outside. */
	assert_int_equal(kiosk_open_photo(&k, dotdot, &cause), -1);
	assert_non_null(strstr(cause, ".."));
	free(cause);
	assert_int_equal(kiosk_open_photo(&k, link, &cause), -1);
	free(cause);
	assert_int_equal(kiosk_open_photo(&k, via, &cause), -1);
	free(cause);
	assert_int_equal(kiosk_open_photo(&k, secret, &cause), -1);
	assert_non_null(strstr(cause, usb));
	free(cause);
	/* The folder itself opens beneath itself, and is judged: not a photo file. */
	assert_int_equal(kiosk_open_photo(&k, usb, &cause), -1);
	assert_non_null(strstr(cause, "folder"));
	free(cause);
	/* A folder whose name only starts like the root is outside it. */
	free(k.photo_dirs[0]);
	k.photo_dirs[0] = in_dir("us");
	mkdir(k.photo_dirs[0], 0700);
	assert_int_equal(kiosk_open_photo(&k, ok, &cause), -1);
	free(cause);
	/* Outside a kiosk nothing is refused for where it is. */
	memset(&off, 0, sizeof off);
	assert_true(opened_is(kiosk_open_photo(&off, dotdot, &cause), secret));
	kiosk_free(&k);
	free(usb); free(secret); free(ok); free(link); free(dotdot); free(linkdir); free(via);
}

static void
test_kiosk_pin(void **state)
{
	/* Not hex digits alone: a salted hex hash can never hold it by chance. */
	char *h = kiosk_pin_hash("24kz68"), *h2 = kiosk_pin_hash("24kz68");

	assert_int_equal(strncmp(h, "pbkdf2-sha256$", 14), 0);
	assert_null(strstr(h, "24kz68"));
	assert_string_not_equal(h, h2);		/* salted */
	assert_int_equal(kiosk_pin_check(h, "24kz68"), 1);
	assert_int_equal(kiosk_pin_check(h2, "24kz68"), 1);
	assert_int_equal(kiosk_pin_check(h, "2469"), 0);
	assert_int_equal(kiosk_pin_check(h, ""), 0);
	assert_int_equal(kiosk_pin_check("24kz68", "24kz68"), 0);
	assert_int_equal(kiosk_pin_check("pbkdf2-sha256$1$00$00", "24kz68"), 0);
	free(h);
	free(h2);
}

static void
test_kiosk_load(void **state)
{
	struct config cfg;
	struct kiosk k;
	char *conf = in_dir("kiosk.conf"), *cause = NULL;
	const char *text = "[kiosk]\nenabled = yes\nidle_seconds = 60\n"
	    "photo_dirs = /media/usb:/srv/photos\nkit_dir = /var/lib/sscard/kits\n";

	put(conf, text, strlen(text), 0);
	config_init(&cfg);
	assert_int_equal(config_load_file(&cfg, conf, &cause), 0);
	assert_int_equal(cfg.nwarnings, 0);
	assert_int_equal(kiosk_load(&k, &cfg, 0, &cause), 0);
	assert_int_equal(k.enabled, 1);
	assert_int_equal(k.idle_seconds, 60);
	assert_int_equal(k.notice_seconds, 30);
	assert_int_equal(k.nphoto_dirs, 2);
	assert_string_equal(k.photo_dirs[1], "/srv/photos");
	assert_string_equal(k.kit_dir, "/var/lib/sscard/kits");
	kiosk_free(&k);
	config_free(&cfg);
	/* --kiosk without a kit_dir: refused, never a shared home. */
	config_init(&cfg);
	assert_int_equal(kiosk_load(&k, &cfg, 1, &cause), -1);
	assert_non_null(strstr(cause, "kit_dir"));
	free(cause);
	kiosk_free(&k);
	assert_int_equal(kiosk_load(&k, &cfg, 0, &cause), 0);
	assert_int_equal(k.enabled, 0);
	kiosk_free(&k);
	config_free(&cfg);
	free(conf);
}

static void
test_picker_list(void **state)
{
	struct picker_entry *v;
	size_t n;
	char *d = in_dir("pics"), *f, *cause = NULL;
	time_t t = time(NULL);

	mkdir(d, 0700);
	f = in_dir("pics/old.jpg");
	put(f, jpeg_magic, sizeof jpeg_magic, t - 300);
	free(f);
	f = in_dir("pics/scan.dat");		/* a PNG by its bytes */
	put(f, png_magic, sizeof png_magic, t - 100);
	free(f);
	f = in_dir("pics/notes.jpg");		/* text, whatever its name */
	put(f, "hello, world", 12, t);
	free(f);
	f = in_dir("pics/.hidden.jpg");
	put(f, jpeg_magic, sizeof jpeg_magic, t);
	free(f);
	f = in_dir("pics/sub");
	mkdir(f, 0700);
	free(f);
	assert_int_equal(picker_list(d, NULL, &v, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_non_null(strstr(v[0].path, "scan.dat"));		/* newest first */
	assert_string_equal(v[0].kind, "PNG");
	assert_non_null(strstr(v[1].path, "old.jpg"));
	assert_string_equal(v[1].kind, "JPEG");
	picker_list_free(v, n);
	free(d);
	d = in_dir("nope");
	assert_int_equal(picker_list(d, NULL, &v, &n, &cause), -1);
	free(cause);
	free(d);
}

static void
clean_is(const char *typed, const char *want)
{
	char *cause = NULL, *got = picker_clean_path(typed, &cause);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_picker_clean_path(void **state)
{
	char *cause = NULL;

	setenv("HOME", "/home/zhang", 1);
	clean_is("/media/usb/photo.jpg", "/media/usb/photo.jpg");
	clean_is("  '/media/usb/my photo.jpg'  ", "/media/usb/my photo.jpg");
	clean_is("\"/media/usb/my photo.jpg\"\r\n", "/media/usb/my photo.jpg");
	clean_is("/media/usb/my\\ photo\\ \\(1\\).jpg", "/media/usb/my photo (1).jpg");
	clean_is("file:///media/usb/my%20photo%E7%85%A7.jpg", "/media/usb/my photo照.jpg");
	clean_is("file://localhost/tmp/a.jpg", "/tmp/a.jpg");
	clean_is("'file:///tmp/a%27b.jpg'", "/tmp/a'b.jpg");
	clean_is("~/photo.jpg", "/home/zhang/photo.jpg");
	assert_null(picker_clean_path("file://server/share/a.jpg", &cause));
	free(cause);
	assert_null(picker_clean_path("file:///tmp/a%2.jpg", &cause));
	free(cause);
	assert_null(picker_clean_path("file:///tmp/a%00.jpg", &cause));
	free(cause);
	assert_null(picker_clean_path("https://example.org/a.jpg", &cause));
	free(cause);
}

static void
split_is(const char *cmd, const char *const *want)
{
	char **v = NULL, *cause = NULL;
	size_t i;

	assert_int_equal(print_split(cmd, &v, &cause), 0);
	for (i = 0; want[i] != NULL; i++) {
		assert_non_null(v[i]);
		assert_string_equal(v[i], want[i]);
	}
	assert_null(v[i]);
	print_argv_free(v);
}

static void
test_print_split(void **state)
{
	static const char *const a[] = { "lp", "-d", "photo-printer", NULL };
	static const char *const b[] = { "lp", "-o", "media=A4 Photo", "-t", "it's", NULL };
	static const char *const c[] = { "/opt/print tool/run", "$HOME;", "`x`|y", NULL };
	static const char *const d[] = { "a\"b", "c\\d", NULL };
	char **v = NULL, *cause = NULL;

	split_is("lp -d photo-printer", a);
	split_is("  lp\t-o 'media=A4 Photo' -t \"it's\"  ", b);
	/* Nothing is expanded or run by a shell: these stay words. */
	split_is("/opt/print\\ tool/run $HOME; `x`|y", c);
	split_is("\"a\\\"b\" c\\\\d", d);
	assert_int_equal(print_split("lp 'unclosed", &v, &cause), -1);
	free(cause);
	assert_int_equal(print_split("   ", &v, &cause), -1);
	free(cause);
}

static void
test_qr(void **state)
{
	struct qr q;
	char *cause = NULL, *text, big[400];
	int cols, rows;

	assert_int_equal(qr_encode("20261201-84E9B527", &q, &cause), 0);
	assert_int_equal(q.width, 21);			/* version 1 */
	qr_size(&q, 1, &cols, &rows);
	assert_int_equal(cols, 29);
	assert_int_equal(rows, 15);
	text = qr_render(&q, 1);
	assert_non_null(strstr(text, "\u2588\u2580\u2580\u2580\u2580\u2580\u2588"));	/* a finder */
	free(text);
	text = qr_render(&q, 0);
	assert_non_null(strstr(text, "##############"));
	assert_null(strstr(text, "\u2588"));
	free(text);
	qr_free(&q);
	/* Too long for 80x24 beside text: refused, with a reason. */
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(qr_encode(big, &q, &cause), -1);
	assert_non_null(cause);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_draft_round_trip),
		cmocka_unit_test(test_draft_take_photo),
		cmocka_unit_test(test_draft_expiry),
		cmocka_unit_test(test_draft_dir_and_mask),
		cmocka_unit_test(test_kiosk_open_photo),
		cmocka_unit_test(test_kiosk_pin),
		cmocka_unit_test(test_kiosk_load),
		cmocka_unit_test(test_picker_list),
		cmocka_unit_test(test_picker_clean_path),
		cmocka_unit_test(test_print_split),
		cmocka_unit_test(test_qr),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return (cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown));
}
