/*
 * test-checked.c -- the checked photo: copied once into the workspace with
 * its SHA-256, and handed out only while the copy is the bytes checked and
 * the citizen's own file is still what was copied.
 */
#include "lib/system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "../expect.h"
#include "../files.h"
#include "../tmpdir.h"

#include "model/application.h"
#include "model/checked.h"
#include "model/region.h"
#include "lib/workspace.h"

static struct application	a;
static struct workspace		ws;
static char			*given;		/* the citizen's photo, a copy of tests/data's */
static char			*source;	/* tests/data/photos/lisa2.jpg */

/* A citizen with a photo file and nothing taken yet; anything the test before left is cleared. */
static void
citizen(void)
{
	char *data;
	size_t n;

	application_clear(&a);
	free(ws.dir);
	free(given);
	application_init(&a);
	ws.dir = private_dir(dir, "ws");
	given = in_test_dir(dir, "mine.jpg");
	data = slurp_file(source, &n);
	put_file(given, data, n);
	free(data);
}

/* After the last test. */
static int
teardown(void **state)
{
	application_clear(&a);
	free(ws.dir);
	free(given);
	return (tmpdir_teardown(state));
}

/* The file at path with one byte changed, its size the same. */
static void
flip_byte(const char *path)
{
	size_t n;
	char *data = slurp_file(path, &n);

	data[n / 2] ^= 0x20;
	put_file(path, data, n);
	free(data);
}

/* The citizen's photo is taken as the photo step takes it. */
static void
take_given(void)
{
	char *cause = NULL;

	application_set(&a.photo_path, given);
	if (checked_take(&a, &ws, given, &cause) != 0)
		fail_msg("%s", cause);
}

/* The checked photo is refused, saying why, and no byte of it handed out. */
static void
expect_refused(const char *why)
{
	char *cause = NULL, *data = NULL;
	size_t n = 0;

	assert_int_equal(checked_read(&a, &data, &n, &cause), -1);
	assert_null(data);
	assert_contains(cause, why);
	free(cause);
}

/* FIPS 180-2's examples, and the empty input. */
static void
test_sha256(void **state)
{
	char out[65];

	checked_sha256("", 0, out);
	assert_string_equal(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	checked_sha256("abc", 3, out);
	assert_string_equal(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	checked_sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, out);
	assert_string_equal(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* Copied into the workspace under the name given, 0600, with the digest of its bytes. */
static void
test_copy(void **state)
{
	char sha[65], want[65], *cause = NULL, *path, *got, *orig;
	size_t n, m;

	citizen();
	path = in_test_dir(ws.dir, "photo-given");
	assert_int_equal(checked_copy(&a, &ws, given, "photo-given", sha, &cause), 0);
	assert_string_equal(a.checked_path, path);
	assert_int_equal(mode_of(path), 0600);
	got = slurp_file(path, &n);
	orig = slurp_file(given, &m);
	assert_int_equal(n, m);
	assert_memory_equal(got, orig, n);
	checked_sha256(orig, m, want);
	assert_string_equal(sha, want);
	/* Copied again from the copy itself, as a draft does: the same bytes. */
	assert_int_equal(checked_copy(&a, &ws, a.checked_path, "photo-given", NULL, &cause), 0);
	free(got);
	got = slurp_file(path, &n);
	assert_memory_equal(got, orig, m);
	free(got);
	free(orig);
	free(path);
}

/* A file that is not there, or too large to be a photo, is not copied; nothing changes. */
static void
test_copy_refused(void **state)
{
	char sha[65], *cause = NULL, *big = in_test_dir(dir, "big.jpg");
	char *gone = in_test_dir(dir, "gone.jpg");
	FILE *f;

	citizen();
	assert_int_equal(checked_copy(&a, &ws, gone, "photo-given", sha, &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_string_equal(a.checked_path, "");
	assert_non_null(f = fopen(big, "w"));
	assert_int_equal(ftruncate(fileno(f), CHECKED_PHOTO_MAX + 1), 0);
	assert_int_equal(fclose(f), 0);
	cause = NULL;
	assert_int_equal(checked_copy(&a, &ws, big, "photo-given", sha, &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_string_equal(a.checked_path, "");
	unlink(big);
	free(big);
	free(gone);
}

/* Taken: a photo sscard can load becomes the one to check, its digests recorded. */
static void
test_take(void **state)
{
	char want[65], *cause = NULL, *data;
	size_t n;

	citizen();
	assert_int_equal(checked_take(&a, &ws, given, &cause), 0);
	data = slurp_file(given, &n);
	checked_sha256(data, n, want);
	assert_string_equal(a.checked_sha, want);
	assert_string_equal(a.source_sha, want);
	assert_int_equal(a.photo_fixed, 0);
	assert_int_equal(mode_of(a.checked_path), 0600);
	free(data);
}

/* A file that is no photo is refused by the name the citizen gave, the last photo kept. */
static void
test_take_refused(void **state)
{
	char *text = in_test_dir(dir, "notes.jpg"), *staged, *cause = NULL, *kept, sha[65];

	citizen();
	staged = in_test_dir(ws.dir, "photo-staged");
	assert_int_equal(checked_take(&a, &ws, given, &cause), 0);
	kept = xstrdup(a.checked_path);
	memcpy(sha, a.checked_sha, sizeof sha);
	put_file(text, "this is text, not a photo\n", 26);
	assert_int_equal(checked_take(&a, &ws, text, &cause), -1);
	assert_contains(cause, text);
	assert_lacks(cause, "photo-staged");
	assert_string_equal(a.checked_path, kept);
	assert_string_equal(a.checked_sha, sha);
	assert_int_equal(mode_of(staged), -1);
	free(cause);
	free(kept);
	free(text);
	free(staged);
}

/* Read back as taken: the very bytes of the citizen's file. */
static void
test_read(void **state)
{
	char *cause = NULL, *data = NULL, *orig;
	size_t n = 0, m;

	citizen();
	expect_refused("No photo has been checked yet");
	take_given();
	assert_int_equal(checked_read(&a, &data, &n, &cause), 0);
	orig = slurp_file(given, &m);
	assert_int_equal(n, m);
	assert_memory_equal(data, orig, n);
	wipe_free(data, n);
	free(orig);
}

/* The copy's bytes changed after the check (same size): refused, nothing handed out. */
static void
test_read_copy_changed(void **state)
{
	citizen();
	take_given();
	flip_byte(a.checked_path);
	expect_refused("The checked photo was changed after the check");
}

/* The citizen's own file changed after it was copied: refused, naming it; gone: the copy is used. */
static void
test_read_source_changed(void **state)
{
	char *cause = NULL, *data = NULL;
	size_t n = 0;

	citizen();
	take_given();
	flip_byte(given);
	expect_refused("The photo file");
	expect_refused(given);
	assert_int_equal(unlink(given), 0);
	assert_int_equal(checked_read(&a, &data, &n, &cause), 0);
	assert_non_null(data);
	wipe_free(data, n);
}

/* sscard's fixed photo is its own: the citizen's file no longer matters, its own digest does. */
static void
test_adopt(void **state)
{
	char *fixed, *cause = NULL, *data = NULL;
	size_t n = 0;

	citizen();
	fixed = in_test_dir(ws.dir, "photo-fixed");
	take_given();
	put_file(fixed, "fixed bytes", 11);
	assert_int_equal(checked_adopt(&a, fixed, &cause), 0);
	assert_int_equal(a.photo_fixed, 1);
	assert_string_equal(a.checked_path, fixed);
	flip_byte(given);
	assert_int_equal(checked_read(&a, &data, &n, &cause), 0);
	assert_int_equal(n, 11);
	assert_memory_equal(data, "fixed bytes", 11);
	wipe_free(data, n);
	data = NULL;
	put_file(fixed, "fixed bytez", 11);
	expect_refused("changed after the check");
	free(fixed);
}

/* A message about the copy names the file as the citizen gave it. */
static void
test_cause_named(void **state)
{
	char *s;

	assert_null(checked_cause_named(NULL, "/ws/x", "mine.jpg"));
	s = checked_cause_named(xstrdup("cannot read /ws/x: not a photo (/ws/x)"), "/ws/x",
	    "mine.jpg");
	assert_string_equal(s, "cannot read mine.jpg: not a photo (/ws/x)");
	free(s);
	s = checked_cause_named(xstrdup("no path here"), "/ws/x", "mine.jpg");
	assert_string_equal(s, "no path here");
	free(s);
}

/* "~/" is the home folder, as in a shell; nothing else is expanded. */
static void
test_expand(void **state)
{
	static const struct {
		const char	*home, *path, *want;
	} cases[] = {
		{ "/home/citizen", "~/photo.jpg", "/home/citizen/photo.jpg" },
		{ "/home/citizen", "~other/photo.jpg", "~other/photo.jpg" },
		{ "/home/citizen", "photo.jpg", "photo.jpg" },
		{ NULL, "~/photo.jpg", "~/photo.jpg" },
	};
	char *s;
	size_t i;

	for (i = 0; i < nitems(cases); i++) {
		if (cases[i].home != NULL)
			setenv("HOME", cases[i].home, 1);
		else
			unsetenv("HOME");
		s = checked_expand(cases[i].path);
		assert_string_equal(s, cases[i].want);
		free(s);
	}
}

/*
 * After a fix, the notice says what was done (levelled and widened only when
 * they were), that offices may want an unedited photo, and the region's own
 * rule where the region table has one; nothing for a photo only checked.
 */
static void
test_edit_notice(void **state)
{
	static const struct {
		const char	*region;
		int		 levelled, widened;
		const char	*says, *not;
	} cases[] = {
		{ "national", 0, 0, "replaced the background with white and "
		  "cropped it", "level" },
		{ "national", 1, 0, "turned the photo level", "added white" },
		{ "beijing", 0, 1, "added white where the photo ended", "level" },
		{ "shenzhen", 0, 0, "asks for a photo receipt number", "weak" },
		{ "liaocheng", 1, 1, "only photos from a licensed ID-photo studio",
		  "receipt number (相片回执号) from" },
	};
	char *s;
	size_t i;

	citizen();
	assert_null(checked_edit_notice(&a));
	for (i = 0; i < nitems(cases); i++) {
		a.region = region_find(cases[i].region);
		a.photo_fixed = 1;
		a.photo_levelled = cases[i].levelled;
		a.photo_widened = cases[i].widened;
		s = checked_edit_notice(&a);
		assert_non_null(s);
		assert_non_null(strstr(s, "sscard edited this photo"));
		assert_non_null(strstr(s, "unedited photo from a studio"));
		if (strstr(s, cases[i].says) == NULL || strstr(s, cases[i].not) != NULL)
			fail_msg("%s: want '%s' and not '%s' in: %s", cases[i].region,
			    cases[i].says, cases[i].not, s);
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_edit_notice),
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_copy_refused),
		cmocka_unit_test(test_take),
		cmocka_unit_test(test_take_refused),
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_read_copy_changed),
		cmocka_unit_test(test_read_source_changed),
		cmocka_unit_test(test_adopt),
		cmocka_unit_test(test_cause_named),
		cmocka_unit_test(test_expand),
	};
	const char *top = getenv("top_srcdir");
	int rc;

	source = xasprintf("%s/tests/data/photos/lisa2.jpg", top != NULL ? top : ".");
	rc = cmocka_run_group_tests(tests, tmpdir_setup, teardown);
	free(source);
	return (rc);
}
