/*
 * test-kit.c -- the application kit saved into a folder: a new private
 * folder (0700) per kit, photo.jpg the checked bytes, a print sheet at 300
 * dpi, summary.txt (0600 each) that names the channel, the region, the
 * checklist and the next steps and nothing personal; refused when the
 * checked photo changed.
 */
#include "lib/system.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>
#include <cmocka.h>

#include "../expect.h"
#include "../files.h"
#include "../tmpdir.h"

#include "model/application.h"
#include "model/checked.h"
#include "model/kit.h"
#include "model/region.h"
#include "photo/load.h"
#include "lib/workspace.h"

static struct application	a;
static struct workspace		ws;
static char			*photo;		/* the citizen's photo (tests/data) */

/*
 * A citizen at a Beijing bank outlet whose photo was checked, as the photo
 * step leaves it; anything the test before left is cleared first.
 */
static void
citizen(void)
{
	char *cause = NULL, sha[65];

	application_clear(&a);
	free(ws.dir);
	application_init(&a);
	snprintf(a.lang, sizeof a.lang, "en");
	a.channel = CHANNEL_BANK;
	a.region = region_find("beijing");
	a.ticked[CHANNEL_BANK] = 1u;
	application_set(&a.name, "张三丰");
	application_set(&a.id_number, "11010519491231002X");
	application_set(&a.phone, "13800138000");
	application_set(&a.photo_path, photo);
	ws.dir = private_dir(dir, "ws");
	if (checked_copy(&a, &ws, photo, "photo-given", sha, &cause) != 0)
		fail_msg("%s", cause);
	memcpy(a.checked_sha, sha, sizeof sha);
	memcpy(a.source_sha, sha, sizeof sha);
}

/* After the last test. */
static int
teardown(void **state)
{
	application_clear(&a);
	free(ws.dir);
	return (tmpdir_teardown(state));
}

/* The kit's folder for name under the test's folder; caller frees. */
static char *
kit_dir(const char *name)
{
	return (xasprintf("%s/kits/%s", dir, name));
}

/* The file name in kit folder d: its mode, and its bytes in *len; caller frees. */
static char *
kit_file(const char *d, const char *name, size_t *len)
{
	char *path = xasprintf("%s/%s", d, name), *data;

	assert_int_equal(mode_of(path), 0600);
	data = slurp_file(path, len);
	free(path);
	return (data);
}

/* A fresh kit: a 0700 folder of its own, the checked bytes, a 6-inch sheet at 300 dpi. */
static void
test_save(void **state)
{
	struct photo_info info;
	char *want = kit_dir("one"), *saved = NULL, *cause = NULL, *got, *given, *sheet;
	size_t n, m;

	citizen();
	umask(0);	/* the modes are the kit's own, whatever the umask */
	assert_int_equal(kit_save(&a, 0, want, 1, &saved, &cause), 0);
	assert_string_equal(saved, want);
	assert_int_equal(mode_of(saved), 0700);
	got = kit_file(saved, "photo.jpg", &n);
	given = slurp_file(photo, &m);
	assert_int_equal(n, m);
	assert_memory_equal(got, given, n);
	free(kit_file(saved, "print-sheet.jpg", &n));
	sheet = xasprintf("%s/print-sheet.jpg", saved);
	assert_int_equal(photo_probe(sheet, &info, &cause), 0);
	assert_int_equal(info.format, PHOTO_JPEG);
	assert_int_equal(info.width, KIT_SHEET_W);
	assert_int_equal(info.height, KIT_SHEET_H);
	free(kit_file(saved, "summary.txt", &n));
	free(sheet);
	free(got);
	free(given);
	free(saved);
	free(want);
	umask(022);
}

/* Two kits of the same second never share a folder; a folder named by the citizen is used as it is. */
static void
test_fresh_folders(void **state)
{
	char *want = kit_dir("same"), *first = NULL, *second = NULL, *third = NULL;
	char *cause = NULL, *two = xasprintf("%s-2", want);

	citizen();
	assert_int_equal(kit_save(&a, 0, want, 1, &first, &cause), 0);
	assert_int_equal(kit_save(&a, 0, want, 1, &second, &cause), 0);
	assert_string_equal(first, want);
	assert_string_equal(second, two);
	assert_int_equal(kit_save(&a, 0, want, 0, &third, &cause), 0);
	assert_string_equal(third, want);
	free(first);
	free(second);
	free(third);
	free(two);
	free(want);
}

/* summary.txt: channel, region, checklist, the region's facts and the next steps; no name, ID or phone. */
static void
test_summary_content(void **state)
{
	char *want = kit_dir("summary"), *saved = NULL, *cause = NULL, *s;
	size_t n;

	citizen();
	assert_int_equal(kit_save(&a, 0, want, 1, &saved, &cause), 0);
	s = kit_file(saved, "summary.txt", &n);
	assert_int_equal(strlen(s), n);
	assert_contains(s, "not an official channel");
	assert_contains(s, "Channel: Bank outlet (合作银行网点)\n");
	assert_contains(s, "Region: Beijing 北京\n");
	assert_contains(s, "Photo: photo.jpg in this folder, checked by sscard");
	assert_contains(s, "(26x32 mm each)");
	assert_contains(s, "[x] Your ID card (original)\n");
	assert_contains(s, "[ ] Your current social security card");
	assert_contains(s, "\nHow long: ");
	assert_contains(s, "\nYou receive: ");
	assert_contains(s, "\nNext steps:\n");
	assert_contains(s, "\nBeware: ");
	assert_lacks(s, "张三丰");
	assert_lacks(s, "11010519491231002X");
	assert_lacks(s, "13800138000");
	free(s);
	free(saved);
	free(want);
}

/* A studio's receipt number instead of a photo: summary.txt alone, naming the number. */
static void
test_receipt_number(void **state)
{
	char *want = kit_dir("receipt"), *saved = NULL, *cause = NULL, *s, *p;
	size_t n;

	citizen();
	a.region = region_find("shenzhen");
	application_set(&a.photo_receipt, "SZ20261201A8");
	application_set(&a.checked_path, "");
	assert_int_equal(kit_save(&a, 0, want, 1, &saved, &cause), 0);
	s = kit_file(saved, "summary.txt", &n);
	assert_contains(s, "Photo: SZ20261201A8 (a photo studio's receipt number");
	p = xasprintf("%s/photo.jpg", saved);
	assert_int_equal(mode_of(p), -1);
	free(p);
	p = xasprintf("%s/print-sheet.jpg", saved);
	assert_int_equal(mode_of(p), -1);
	free(p);
	p = kit_saved_line(&a, saved);
	assert_contains(p, "(summary.txt).");
	free(p);
	free(s);
	free(saved);
	free(want);
}

/* A checked photo changed after its check is never put in a kit. */
static void
test_changed_refused(void **state)
{
	char *want = kit_dir("changed"), *saved = NULL, *cause = NULL, *p;
	size_t n;
	char *data;

	citizen();
	data = slurp_file(a.checked_path, &n);
	data[n / 2] ^= 1;
	put_file(a.checked_path, data, n);
	assert_int_equal(kit_save(&a, 0, want, 1, &saved, &cause), -1);
	assert_null(saved);
	assert_contains(cause, "changed after the check");
	p = xasprintf("%s/photo.jpg", want);
	assert_int_equal(mode_of(p), -1);
	free(p);
	free(cause);
	free(data);
	free(want);
}

/* Copies of the photo on the sheet: 3x4 at 26x32 mm, 4x4 at Guangzhou's 22x32; not a JPEG: refused. */
static void
test_print_sheet(void **state)
{
	unsigned char *out = NULL;
	char *data, *cause = NULL;
	size_t n, olen = 0;
	int copies = 0;

	data = slurp_file(photo, &n);
	assert_int_equal(kit_print_sheet(data, n, 26, 32, &out, &olen, &copies, &cause), 0);
	assert_int_equal(copies, 12);
	assert_true(olen > 2 && out[0] == 0xff && out[1] == 0xd8);
	free(out);
	assert_int_equal(kit_print_sheet(data, n, 22, 32, &out, &olen, &copies, &cause), 0);
	assert_int_equal(copies, 16);
	free(out);
	out = NULL;
	assert_int_equal(kit_print_sheet("not a photo", 11, 26, 32, &out, &olen, &copies,
	    &cause), -1);
	assert_contains(cause, "not a readable JPEG");
	free(cause);
	free(data);
}

/* Every region, channel and card: no line of summary.txt is wider than 76 columns. */
static void
test_summary_width(void **state)
{
	char *s, *line, *nl;
	wchar_t w[512];
	size_t n;
	int i, c, lost;

	citizen();
	for (i = 0; i < region_count(); i++)
		for (c = 0; c < CHANNEL_COUNT; c++)
			for (lost = 0; lost <= 1; lost++) {
				a.region = i;
				a.channel = c;
				a.card_lost = lost;
				s = kit_summary(&a, 0);
				for (line = s; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
					*nl = '\0';
					n = mbstowcs(w, line, nitems(w));
					assert_true(n != (size_t)-1 && n < nitems(w));
					if (wcswidth(w, n) > 76)
						fail_msg("%s, %s: %d columns: %s", region_at(i)->id,
						    channel_id(c), wcswidth(w, n), line);
				}
				free(s);
			}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_save),
		cmocka_unit_test(test_fresh_folders),
		cmocka_unit_test(test_summary_content),
		cmocka_unit_test(test_receipt_number),
		cmocka_unit_test(test_changed_refused),
		cmocka_unit_test(test_print_sheet),
		cmocka_unit_test(test_summary_width),
	};
	const char *top = getenv("top_srcdir");
	int rc;

	/* summary.txt is wrapped by the width of UTF-8 text. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return (99);
	photo = xasprintf("%s/tests/data/photos/lisa2.jpg", top != NULL ? top : ".");
	rc = cmocka_run_group_tests(tests, tmpdir_setup, teardown);
	free(photo);
	return (rc);
}
