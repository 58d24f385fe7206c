/* test-idnum.c -- ID number validation, 15-to-18 conversion, masking. */
#include "lib/system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "model/idnum.h"

static struct tm today = { .tm_year = 2026 - 1900, .tm_mon = 10, .tm_mday = 23 };

/* Validates s; returns the cause (caller frees) or NULL when valid. */
static char *
check(const char *s, char norm[19])
{
	char *cause = NULL;

	if (idnum_validate(s, &today, norm, &cause) == 0) {
		assert_null(cause);
		return (NULL);
	}
	assert_non_null(cause);
	return (cause);
}

static void
test_valid(void **state)
{
	char norm[19];

	assert_null(check("11010519491231002X", norm));
	assert_string_equal(norm, "11010519491231002X");
	assert_null(check("440524188001010014", norm));
	/* A lower-case x is accepted and normalised. */
	assert_null(check("11010519491231002x", norm));
	assert_string_equal(norm, "11010519491231002X");
}

/* Foreigners' permanent-residence numbers (2023) start with 9 and are accepted. */
static void
test_permanent_residence(void **state)
{
	char id[19] = "93310019800101123", norm[19];

	id[17] = idnum_check_char(id);
	id[18] = '\0';
	assert_null(check(id, norm));
	assert_string_equal(norm, id);
}

static void
test_check_char(void **state)
{
	/* Worked examples from domain.md §3. */
	assert_int_equal(idnum_check_char("11010519491231002"), 'X');
	assert_int_equal(idnum_check_char("44052418800101001"), '4');
	assert_int_equal(idnum_check_char("37072519881105149"), 'X');
}

static void
test_wrong_check_digit(void **state)
{
	char norm[19], *cause;

	/*
	 * It says the number does not check out, and never which last character
	 * would: the mistake may be in another digit (X and 4 would fit here).
	 */
	cause = check("110105194912310021", norm);
	assert_non_null(strstr(cause, "does not check out"));
	assert_null(strchr(cause, 'X'));
	free(cause);
	cause = check("440524188001010015", norm);
	assert_non_null(strstr(cause, "Compare it with your ID card"));
	assert_null(strchr(cause, '4'));
	free(cause);
}

static void
test_shapes(void **state)
{
	char norm[19], *cause;
	const char *bad[] = { "", "1101051949123100", "11010519491231002XX",
	    "1101051949123A002X", "X10105194912310021", "01010519491231002X",
	    "11010519491231X02X" };
	size_t i;

	for (i = 0; i < nitems(bad); i++) {
		cause = check(bad[i], norm);
		free(cause);
	}
	/* 15 digits: says it is an old number. */
	cause = check("370725881105149", norm);
	assert_non_null(strstr(cause, "15"));
	free(cause);
}

static void
test_impossible_dates(void **state)
{
	char norm[19], id[19], *cause;
	/* Address 110105, then the date, then sequence 002, then the right check. */
	const char *dates[] = { "19490230", "19491301", "19490000", "19000229",
	    "20270101", "20261124", "18000101" };
	size_t i;

	for (i = 0; i < nitems(dates); i++) {
		snprintf(id, sizeof id, "110105%s002", dates[i]);
		id[17] = idnum_check_char(id);
		id[18] = '\0';
		cause = check(id, norm);
		if (cause == NULL)
			fail_msg("%s (date %s) should be refused", id, dates[i]);
		free(cause);
	}
	/* 29 February of a leap year, and today, are real past-or-present dates. */
	strcpy(id, "11010520000229002");
	id[17] = idnum_check_char(id);
	id[18] = '\0';
	assert_null(check(id, norm));
	strcpy(id, "11010520261123002");
	id[17] = idnum_check_char(id);
	id[18] = '\0';
	assert_null(check(id, norm));
}

static void
test_upgrade15(void **state)
{
	char out[19], *cause = NULL;

	assert_int_equal(idnum_upgrade15("370725881105149", &today, out, &cause), 0);
	assert_string_equal(out, "37072519881105149X");
	assert_int_equal(idnum_upgrade15("370725881305149", &today, out, &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	assert_int_equal(idnum_upgrade15("37072588110514", &today, out, &cause), -1);
	free(cause);
}

static void
test_age(void **state)
{
	(void)state;
	/* today is 2026-11-23: the day before, on, and after a 16th birthday. */
	assert_int_equal(idnum_age("110105201011240017", &today), 15);
	assert_int_equal(idnum_age("110105201011230014", &today), 16);
	assert_int_equal(idnum_age("110105201011220010", &today), 16);
	assert_int_equal(idnum_age("110105201012010016", &today), 15);
	assert_int_equal(idnum_age("11010519491231002X", &today), 76);
}

static void
test_mask(void **state)
{
	char out[19];

	idnum_mask("11010519491231002X", out);
	assert_string_equal(out, "1101**********002X");
	idnum_mask("", out);
	assert_string_equal(out, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_permanent_residence),
		cmocka_unit_test(test_check_char),
		cmocka_unit_test(test_wrong_check_digit),
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_impossible_dates),
		cmocka_unit_test(test_upgrade15),
		cmocka_unit_test(test_mask),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
