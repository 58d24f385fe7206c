/* test-keyscript.c -- the key-script format: every key name, <<, comments, errors. */
#include "lib/system.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "keys/keyscript.h"

static void
parse_ok(const char *s, struct keyscript *ks)
{
	char *cause = NULL;

	if (keyscript_parse(s, strlen(s), ks, &cause) != 0)
		fail_msg("'%s' refused: %s", s, cause);
}

/* Parses s expecting an error; returns the cause; caller frees. */
static char *
parse_bad(const char *s)
{
	struct keyscript ks;
	char *cause = NULL;

	if (keyscript_parse(s, strlen(s), &ks, &cause) == 0)
		fail_msg("'%s' was accepted", s);
	return (cause);
}

static void
test_every_name(void **state)
{
	static const struct {
		const char	*text;
		enum key_code	 code;
		int		 n;
	} names[] = {
		{ "<Enter>", K_ENTER, 0 }, { "<Tab>", K_TAB, 0 }, { "<S-Tab>", K_BTAB, 0 },
		{ "<Up>", K_UP, 0 }, { "<Down>", K_DOWN, 0 }, { "<Left>", K_LEFT, 0 },
		{ "<Right>", K_RIGHT, 0 }, { "<Home>", K_HOME, 0 }, { "<End>", K_END, 0 },
		{ "<PgUp>", K_PGUP, 0 }, { "<PgDn>", K_PGDN, 0 }, { "<Esc>", K_ESC, 0 },
		{ "<BS>", K_BS, 0 }, { "<Del>", K_DEL, 0 }, { "<Space>", K_SPACE, 0 },
		{ "<F1>", K_F, 1 }, { "<F9>", K_F, 9 }, { "<F10>", K_F, 10 },
		{ "<F12>", K_F, 12 }, { "<C-a>", K_CTRL, 'a' }, { "<C-z>", K_CTRL, 'z' },
	};
	struct keyscript ks;
	char name[16], printed[20];
	size_t i;

	for (i = 0; i < nitems(names); i++) {
		parse_ok(names[i].text, &ks);
		assert_int_equal(ks.n, 1);
		assert_int_equal(ks.keys[0].code, names[i].code);
		assert_int_equal(ks.keys[0].n, names[i].n);
		/* And the name prints back the same. */
		snprintf(printed, sizeof printed, "<%s>", keyscript_name(&ks.keys[0],
		    name, sizeof name));
		assert_string_equal(printed, names[i].text);
		keyscript_free(&ks);
	}
}

static void
test_text_comments_breaks(void **state)
{
	struct keyscript ks;

	parse_ok("# a comment line <Bogus>\n张三<Tab>\nx<<y\n# another\n <Enter>", &ks);
	assert_int_equal(ks.n, 8);
	assert_int_equal(ks.keys[0].code, K_CHAR);
	assert_int_equal(ks.keys[0].ch, L'张');
	assert_int_equal(ks.keys[1].ch, L'三');
	assert_int_equal(ks.keys[2].code, K_TAB);
	assert_int_equal(ks.keys[3].ch, L'x');
	assert_int_equal(ks.keys[4].ch, L'<');
	assert_int_equal(ks.keys[5].ch, L'y');
	assert_int_equal(ks.keys[6].ch, L' ');	/* a space is typed as itself */
	assert_int_equal(ks.keys[7].code, K_ENTER);
	keyscript_free(&ks);
	/* A '#' that does not start a line is typed. */
	parse_ok("a#b", &ks);
	assert_int_equal(ks.n, 3);
	keyscript_free(&ks);
	parse_ok("", &ks);
	assert_int_equal(ks.n, 0);
	keyscript_free(&ks);
}

static void
test_errors_name_line_and_column(void **state)
{
	char *c;

	c = parse_bad("ab\ncd<Bogus>");
	assert_non_null(strstr(c, "line 2, column 3"));
	assert_non_null(strstr(c, "<Bogus>"));
	free(c);
	c = parse_bad("<Enter");
	assert_non_null(strstr(c, "line 1, column 1"));
	free(c);
	c = parse_bad("<F13>");
	free(c);
	c = parse_bad("<F0>");
	free(c);
	c = parse_bad("<C-A>");
	free(c);
	c = parse_bad("<>");
	free(c);
	/* Invalid UTF-8: a lone continuation byte, an overlong form, a surrogate. */
	c = parse_bad("ok\n\xe5\xbc");
	assert_non_null(strstr(c, "line 2, column 1"));
	assert_non_null(strstr(c, "UTF-8"));
	free(c);
	c = parse_bad("\xc0\xaf");
	free(c);
	c = parse_bad("\xed\xa0\x80");
	free(c);
	/* Raw control characters must be named. */
	c = parse_bad("a\tb");
	assert_non_null(strstr(c, "column 2"));
	free(c);
}

static void
test_write_round_trip(void **state)
{
	const char *src = "张三<Tab>a<<b<Space><F10><C-s><Enter><S-Tab>";
	struct keyscript ks, again;
	char *buf = NULL, *cause = NULL;
	size_t len = 0, i;
	FILE *f;

	parse_ok(src, &ks);
	f = open_memstream(&buf, &len);
	for (i = 0; i < ks.n; i++)
		assert_int_equal(keyscript_write(f, &ks.keys[i]), 0);
	fclose(f);
	assert_int_equal(keyscript_parse(buf, len, &again, &cause), 0);
	assert_int_equal(again.n, ks.n);
	for (i = 0; i < ks.n; i++) {
		assert_int_equal(again.keys[i].code == K_SPACE ? K_CHAR : again.keys[i].code,
		    ks.keys[i].code == K_SPACE ? K_CHAR : ks.keys[i].code);
		assert_int_equal(key_char(&again.keys[i]), key_char(&ks.keys[i]));
		assert_int_equal(again.keys[i].n, ks.keys[i].n);
	}
	free(buf);
	keyscript_free(&ks);
	keyscript_free(&again);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_name),
		cmocka_unit_test(test_text_comments_breaks),
		cmocka_unit_test(test_errors_name_line_and_column),
		cmocka_unit_test(test_write_round_trip),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
