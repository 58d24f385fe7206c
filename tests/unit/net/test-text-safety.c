/*
 * test-text-safety.c -- names from outside (file names), text from the card
 * service, log lines and jansson's memory are made safe.
 */
#include "lib/system.h"

#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/json-wipe.h"
#include "lib/log.h"
#include "net/service.h"
#include "lib/text.h"

/* make(in) is want: a sanitiser's copy, freed. */
static void
assert_made(char *(*make)(const char *), const char *in, const char *want)
{
	char *out = make(in);

	assert_string_equal(out, want);
	free(out);
}

#define assert_safe_name(in, want)	assert_made(text_safe_name, in, want)
#define assert_cleaned(in, want)	assert_made(net_clean_text, in, want)

/* What a USB stick's file names can hold: shown as '?', never sent to act on. */
static void
test_safe_name(void **state)
{
	/* OSC title (ESC ] 0 ; ... BEL), clear scrollback (CSI 3J), OSC 52 clipboard. */
	assert_safe_name("a\033]0;pwned\007.jpg", "a?]0;pwned?.jpg");
	assert_safe_name("b\033[3J.jpg", "b?[3J.jpg");
	assert_safe_name("c\033]52;c;aGk=\033\\.jpg", "c?]52;c;aGk=?\\.jpg");
	/* C1: CSI as a raw byte (not UTF-8) and as U+009B; NEL; DEL; tab and newline. */
	assert_safe_name("d\x9b" "31m.jpg", "d?31m.jpg");
	assert_safe_name("e\xc2\x9b" "31m\xc2\x85.jpg", "e?31m?.jpg");
	assert_safe_name("f\x7f\t\n\r.jpg", "f????.jpg");
	/* Bidi: RLO makes "gpj.exe" read "exe.jpg"; every mark, embedding, override, isolate. */
	assert_safe_name("\xe2\x80\xae" "gpj.exe", "?gpj.exe");
	assert_safe_name("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad"
	    "\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9"
	    "\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "???????????");
	/* Not UTF-8: an overlong C1, a surrogate, a cut character, beyond U+10FFFF. */
	assert_safe_name("x\xe0\x82\x9by", "x???y");
	assert_safe_name("x\xed\xa0\x80y", "x???y");
	assert_safe_name("x\xe7\x85", "x??");
	assert_safe_name("x\xf4\x90\x80\x80", "x????");
	/* Ordinary names stay as they are: CJK, Latin with accents, spaces, emoji. */
	assert_safe_name("照片 Año été 📷.jpg", "照片 Año été 📷.jpg");
	assert_safe_name("", "");
	/* Lines keep their newlines, nothing else. */
	assert_made(text_safe_lines, "a\nb\033[2J\n", "a\nb?[2J\n");
}

static void
test_unsafe_char(void **state)
{
	assert_true(text_unsafe_char(0x1b) && text_unsafe_char(0x9b) &&
	    text_unsafe_char(0x7f) && text_unsafe_char(0x202e) &&
	    text_unsafe_char(0x2069) && text_unsafe_char(0x61c));
	assert_false(text_unsafe_char(' ') || text_unsafe_char(0xa0) ||
	    text_unsafe_char(0x7167) || text_unsafe_char(0x200b) ||
	    text_unsafe_char(0x2070));
}

static void
test_clean_text(void **state)
{
	/* C1 controls: CSI (U+009B) and NEL (U+0085) are dropped. */
	assert_cleaned("a\xc2\x9b" "31mb\xc2\x85" "c", "a31mbc");
	/* Bidi overrides and isolates are dropped; other text stays. */
	assert_cleaned("\xe2\x80\xae" "evil\xe2\x80\xac \xe2\x81\xa6x\xe2\x81\xa9 照片",
	    "evil x 照片");
	/* C0 controls and DEL become blanks. */
	assert_cleaned("a\x1b[2Jb\tc\x7f", "a [2Jb c ");
	/* Not UTF-8 (a raw 0x9b, an overlong C1, a surrogate): '?'. */
	assert_cleaned("x\x9by", "x?y");
	assert_cleaned("x\xe0\x82\x9by", "x???y");
	assert_cleaned("x\xed\xa0\x80y", "x???y");
	/* The same judge as for names (text.c): bidi marks and U+061C are dropped too. */
	assert_cleaned("a\xe2\x80\x8f" "b\xd8\x9c" "c", "abc");
}

static void
test_clean_text_cut(void **state)
{
	char in[400], *out;

	memset(in, 'a', 299);
	strcpy(in + 299, "照照");	/* 3-byte characters across the 300-byte cut */
	out = net_clean_text(in);
	assert_int_equal(strlen(out), 299);
	free(out);
}

static void
test_receipts(void **state)
{
	assert_true(net_receipt_ok("R000001"));
	assert_true(net_receipt_ok("SZ-2026.11:7_a"));
	assert_true(net_receipt_ok("a..b"));
	assert_false(net_receipt_ok(".."));
	assert_false(net_receipt_ok("."));
	assert_false(net_receipt_ok("...."));
	assert_false(net_receipt_ok("a/b"));
	assert_false(net_receipt_ok("a\\b"));
	assert_false(net_receipt_ok(""));
	assert_false(net_receipt_ok("a b"));
}

static void
test_reply_text(void **state)
{
	static const char r[] = "{\"reason\": \"x\\u202ey\\u009bz\"}";
	char *cause = NULL, *s;

	s = net_reply_text(r, strlen(r), "reason", &cause);
	assert_non_null(s);
	assert_string_equal(s, "xyz");
	free(s);
	assert_null(net_reply_text(r, strlen(r), "receipt", &cause));
	assert_non_null(strstr(cause, "receipt"));
	free(cause);
}

static void
test_log_mask(void **state)
{
	char s[] = "queued 1 (ID 11010519491231002X), phone 13800138000, id 20261201-0A1B";

	log_mask(s);
	assert_string_equal(s, "queued 1 (ID 1101**********002X), phone 1380***8000, "
	    "id 20261201-0A1B");
}

/* After json_wipe_init, jansson allocates through the wiping functions, and still works. */
static void
test_json_wipe(void **state)
{
	json_malloc_t m0, m1;
	json_free_t f0, f1;
	json_t *o;
	char *s;

	json_get_alloc_funcs(&m0, &f0);
	json_wipe_init();
	json_get_alloc_funcs(&m1, &f1);
	assert_true(m1 != m0 && f1 != f0);
	json_wipe_init();	/* twice is harmless */
	json_get_alloc_funcs(&m0, &f0);
	assert_true(m0 == m1 && f0 == f1);
	o = json_pack("{s:s}", "id_number", "11010519491231002X");
	assert_non_null(o);
	s = json_dumps(o, 0);
	assert_string_equal(s, "{\"id_number\": \"11010519491231002X\"}");
	free(s);	/* json_dumps' result may still go to free() */
	json_decref(o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_safe_name),
		cmocka_unit_test(test_unsafe_char),
		cmocka_unit_test(test_clean_text),
		cmocka_unit_test(test_clean_text_cut),
		cmocka_unit_test(test_receipts),
		cmocka_unit_test(test_reply_text),
		cmocka_unit_test(test_log_mask),
		cmocka_unit_test(test_json_wipe),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
