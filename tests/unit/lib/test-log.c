/* test-log.c -- the log's masker: ID and mobile numbers in any grouping, nothing else touched. */
#include "lib/system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "lib/log.h"

static const struct {
	const char	*in;
	const char	*want;
} cases[] = {
	/* ID numbers, 18 and 15 characters, whole and grouped. */
	{ "11010519491231002X", "1101**********002X" },
	{ "11010519491231002x", "1101**********002x" },
	{ "110105 19491231 002X", "1101** ******** 002X" },
	{ "110105-19491231-002X", "1101**-********-002X" },
	{ "110.105.1949.1231.002X", "110.1**.****.****.002X" },
	{ "1101 0519 4912 3100 2X", "1101 **** **** **00 2X" },
	{ "110105  19491231  002X", "1101**  ********  002X" },
	{ "110105 - 19491231 - 002X", "1101** - ******** - 002X" },
	{ "110105490101001", "1101*******1001" },
	{ "110105 490101 001", "1101** *****1 001" },
	/* Mobile numbers, +86 too. */
	{ "13800138000", "1380***8000" },
	{ "138 0013 8000", "138 0*** 8000" },
	{ "138-0013-8000", "138-0***-8000" },
	{ "138.0013.8000", "138.0***.8000" },
	{ "+86 138 0013 8000", "+86 13* **** 8000" },
	{ "+8613800138000", "+8613*****8000" },
	{ "+86-138-0013-8000", "+86-13*-****-8000" },
	/* In a sentence, in Chinese, beside brackets. */
	{ "ID 110105 19491231 002X rejected", "ID 1101** ******** 002X rejected" },
	{ "身份证110105194912310 02X重复", "身份证1101**********0 02X重复" },
	{ "(138 0013 8000)", "(138 0*** 8000)" },
	/* Not numbers of a person: left alone. */
	{ "2026-12-05T13:52:53Z sscard[12345]:", "2026-12-05T13:52:53Z sscard[12345]:" },
	{ "HTTP 422 after 3 tries", "HTTP 422 after 3 tries" },
	/* An outbox entry's local id names nobody and stays readable. */
	{ "rejected 20261205-6306B95A after", "rejected 20261205-6306B95A after" },
	{ "sent 20261205-12345678.", "sent 20261205-12345678." },
	{ "x20261205-12345678", "x2026****-****5678" },
	{ "XXL 1234567890", "XXL 1234567890" },
	{ "receipt R000001", "receipt R000001" },
	{ "12345 678", "12345 678" },
	{ "1 - - - - 2345678901", "1 - - - - 2345678901" },
	/* Control characters become blanks first. */
	{ "a\tb\nc\x1b[2J", "a b c [2J" },
};

static void
test_cases(void **state)
{
	char buf[200];
	size_t i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		snprintf(buf, sizeof buf, "%s", cases[i].in);
		log_mask(buf);
		if (strcmp(buf, cases[i].want) != 0)
			fail_msg("'%s' masked as '%s', not '%s'", cases[i].in, buf,
			    cases[i].want);
		assert_int_equal(strlen(buf), strlen(cases[i].in));
	}
}

/* Two numbers side by side, and an empty string. */
static void
test_edges(void **state)
{
	char two[] = "11010519491231002X 13800138000", none[] = "";

	(void)state;
	log_mask(two);
	assert_null(strstr(two, "0519491231"));
	assert_null(strstr(two, "0013"));
	log_mask(none);
	assert_string_equal(none, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_edges),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
