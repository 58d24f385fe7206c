/*
 * test-materials.c -- the checklist of each channel: its items, what a lost
 * card makes unneeded, how many are ready, the QR code's short list, and
 * saving it as a new file that never replaces one.
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
#include "../tmpdir.h"

#include "lib/fsutil.h"
#include "model/application.h"
#include "model/materials.h"
#include "lib/xmalloc.h"

/* The index of item id in channel c's list, or -1. */
static int
item(int c, const char *id)
{
	const struct material *m;
	int n, i;

	m = materials_for(c, &n);
	for (i = 0; i < n; i++)
		if (strcmp(m[i].id, id) == 0)
			return (i);
	return (-1);
}

/* Each channel's list: its length, unique ids, a photo, and what the channel asks for. */
static void
test_lists(void **state)
{
	static const int want[CHANNEL_COUNT] = { 5, 6, 7 };
	const struct material *m;
	int c, n, i, j;

	for (c = 0; c < CHANNEL_COUNT; c++) {
		m = materials_for(c, &n);
		assert_int_equal(n, want[c]);
		assert_true(n <= MATERIALS_MAX);
		for (i = 0; i < n; i++) {
			assert_true(m[i].id[0] != '\0');
			assert_non_null(m[i].label);
			for (j = 0; j < i; j++)
				assert_string_not_equal(m[i].id, m[j].id);
		}
	}
	assert_true(item(CHANNEL_ONLINE, "digital_photo") >= 0);
	assert_true(item(CHANNEL_ONLINE, "card_number") >= 0);
	assert_true(item(CHANNEL_BANK, "id_card") >= 0);
	assert_int_equal(item(CHANNEL_BANK, "id_card_copy"), -1);
	assert_true(item(CHANNEL_CENTRE, "id_card_copy") >= 0);
	assert_true(item(CHANNEL_CENTRE, "receipt_note") >= 0);
	for (c = CHANNEL_BANK; c <= CHANNEL_CENTRE; c++) {
		assert_true(item(c, "old_card") >= 0);
		assert_true(item(c, "photo") >= 0);
	}
}

/* No list for a channel not chosen yet. */
static void
test_no_channel(void **state)
{
	struct application a;
	char *s;
	int n = 99;

	assert_null(materials_for(-1, &n));
	assert_int_equal(n, 0);
	assert_null(materials_for(CHANNEL_COUNT, &n));
	application_init(&a);
	s = materials_brief(&a, 1);
	assert_string_equal(s, "");
	free(s);
	application_clear(&a);
}

/* Only the card itself (or its number) is not needed once it is lost. */
static void
test_not_needed(void **state)
{
	const struct material *m;
	int c, n, i, lost;

	for (c = 0; c < CHANNEL_COUNT; c++) {
		m = materials_for(c, &n);
		for (i = 0; i < n; i++) {
			lost = strcmp(m[i].id, "old_card") == 0 ||
			    strcmp(m[i].id, "card_number") == 0;
			assert_int_equal(material_not_needed(&m[i], 1), lost);
			assert_false(material_not_needed(&m[i], 0));
		}
	}
}

/* Ticks count only for items still needed. */
static void
test_ready(void **state)
{
	struct application a;
	int needed, card;

	application_init(&a);
	a.channel = CHANNEL_BANK;
	card = item(CHANNEL_BANK, "old_card");
	a.ticked[CHANNEL_BANK] = 1u | (1u << card);
	assert_int_equal(materials_ready(&a, &needed), 2);
	assert_int_equal(needed, 6);
	a.card_lost = 1;
	assert_int_equal(materials_ready(&a, &needed), 1);
	assert_int_equal(needed, 5);
	/* Ticks of another channel are that channel's. */
	a.channel = CHANNEL_CENTRE;
	assert_int_equal(materials_ready(&a, &needed), 0);
	assert_int_equal(needed, 6);
	application_clear(&a);
}

/* The QR code's list: short names, the lost card left out, a studio's number for the photo. */
static void
test_brief(void **state)
{
	struct application a;
	char *s;

	application_init(&a);
	a.channel = CHANNEL_BANK;
	s = materials_brief(&a, 1);
	assert_string_equal(s, "ID card (original), current card, photo");
	free(s);
	a.card_lost = 1;
	s = materials_brief(&a, 1);
	assert_string_equal(s, "ID card (original), photo");
	free(s);
	application_set(&a.photo_receipt, "SZ20261201A8");
	s = materials_brief(&a, 1);
	assert_string_equal(s, "ID card (original), photo receipt number SZ20261201A8");
	free(s);
	s = materials_brief(&a, 0);
	assert_string_equal(s, "ID card (original), photo receipt number");
	free(s);
	a.channel = CHANNEL_ONLINE;
	a.card_lost = 0;
	application_set(&a.photo_receipt, "");
	s = materials_brief(&a, 1);
	assert_string_equal(s, "current card or its number, photo, a phone for SMS codes");
	free(s);
	application_clear(&a);
}

/* One line an item, in order: ticked, not ticked, and not needed with the reason. */
static void
test_checklist(void **state)
{
	char *s;

	s = materials_checklist(CHANNEL_BANK, 1u | 4u, 0);
	assert_string_equal(s,
	    "[x] Your ID card (original)\n"
	    "[ ] Your current social security card, to hand back\n"
	    "[x] A recent 1-inch colour photo on a white background, or a photo "
	    "studio's digital photo receipt (数码照回执)\n"
	    "[ ] The application form (you can fill it in there)\n"
	    "[ ] The card fee, if your region charges one (often 20 yuan)\n"
	    "[ ] If someone applies for you: their ID card as well as yours\n");
	free(s);
	s = materials_checklist(CHANNEL_ONLINE, 1u, 1);
	assert_contains(s, "[-] Your current social security card or its number (not "
	    "needed: the card is lost; report the loss first (挂失))\n");
	assert_lacks(s, "[x]");
	free(s);
}

/* Saved: a new file, 0600, headed by channel and region, then the checklist. */
static void
test_save(void **state)
{
	struct stat st;
	char *path = xasprintf("%s/checklist.txt", dir), *data = NULL, *cause = NULL;
	size_t len = 0;

	umask(022);
	assert_int_equal(materials_save(CHANNEL_CENTRE, 1u, 0, "Beijing 北京", path,
	    &cause), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(fs_read_file(path, 1 << 16, &data, &len, &cause), 0);
	assert_contains(data, "Channel: Social security centre (社保中心)\n");
	assert_contains(data, "Region: Beijing 北京\n\n[x] Your ID card, original and a photocopy\n");
	assert_contains(data, "[ ] Somewhere safe to keep the receipt");
	free(data);
	free(path);
}

/* The file at path holds exactly s. */
static void
expect_file(const char *path, const char *s)
{
	char *data = NULL, *cause = NULL;
	size_t len = 0;

	assert_int_equal(fs_read_file(path, 1 << 16, &data, &len, &cause), 0);
	assert_int_equal(len, strlen(s));
	assert_memory_equal(data, s, len);
	free(data);
}

/* A name that exists, or a link, is refused and left as it was; a missing folder is said. */
static void
test_save_never_replaces(void **state)
{
	char *photo = xasprintf("%s/photo.jpg", dir), *link = xasprintf("%s/link", dir);
	char *lost = xasprintf("%s/no-such-folder/list.txt", dir), *cause = NULL;
	FILE *f;

	assert_non_null(f = fopen(photo, "w"));
	fputs("the citizen's photo", f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(materials_save(CHANNEL_BANK, 0, 0, "x", photo, &cause), -1);
	assert_contains(cause, "already exists");
	free(cause);
	expect_file(photo, "the citizen's photo");
	assert_int_equal(symlink(photo, link), 0);
	cause = NULL;
	assert_int_equal(materials_save(CHANNEL_BANK, 0, 0, "x", link, &cause), -1);
	assert_non_null(cause);
	free(cause);
	expect_file(photo, "the citizen's photo");
	cause = NULL;
	assert_int_equal(materials_save(CHANNEL_BANK, 0, 0, "x", lost, &cause), -1);
	assert_contains(cause, "cannot write");
	free(cause);
	free(photo);
	free(link);
	free(lost);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_no_channel),
		cmocka_unit_test(test_not_needed),
		cmocka_unit_test(test_ready),
		cmocka_unit_test(test_brief),
		cmocka_unit_test(test_checklist),
		cmocka_unit_test(test_save),
		cmocka_unit_test(test_save_never_replaces),
	};

	return (cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown));
}
