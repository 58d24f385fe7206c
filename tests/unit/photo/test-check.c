/* test-check.c -- the check's report: which failure a refusal names first. */
#include "lib/system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/xmalloc.h"
#include "photo/check.h"

/* Adds a row of rule id with this verdict; the value and expected words do not matter here. */
static void
row(struct photo_report *r, const char *id, enum photo_verdict v, int fixable)
{
	report_add(r, id, v, fixable, xstrdup("-"), xstrdup("-"), "%s", id);
}

/*
 * Asserts the ids of r's unfixable failures, in the order a refusal names
 * them, comma-separated ("" for none); frees r.
 */
static void
assert_order(struct photo_report *r, const char *want)
{
	const struct photo_check *c;
	char *s = xstrdup(""), *t;
	size_t i;

	for (i = 0; (c = photo_report_unfixable(r, i)) != NULL; i++) {
		t = xasprintf("%s%s%s", s, i > 0 ? "," : "", c->id);
		free(s);
		s = t;
	}
	assert_string_equal(s, want);
	free(s);
	photo_report_free(r);
}

/* A chain that may be a striped top is named after the light top, which is sure. */
static void
test_unsure_after_sure(void **state)
{
	struct photo_report r = { .ok = 1, .fixable = 1 };

	(void)state;
	row(&r, "accessories", PHOTO_FAIL, 0);
	report_unsure(&r);
	row(&r, "clothing", PHOTO_FAIL, 0);
	row(&r, "ears", PHOTO_WARN, 0);
	assert_order(&r, "clothing,accessories");
}

/* No face comes before what is measured on the face; fixable failures are not named. */
static void
test_basic_first(void **state)
{
	struct photo_report r = { .ok = 1, .fixable = 1 };

	(void)state;
	row(&r, "clothing", PHOTO_FAIL, 0);
	row(&r, "background", PHOTO_FAIL, 1);
	row(&r, "face", PHOTO_FAIL, 0);
	assert_order(&r, "face,clothing");
}

/* Only fixable failures and warnings: nothing to refuse for. */
static void
test_nothing_unfixable(void **state)
{
	struct photo_report r = { .ok = 1, .fixable = 1 };

	(void)state;
	row(&r, "background", PHOTO_FAIL, 1);
	row(&r, "ears", PHOTO_WARN, 0);
	assert_order(&r, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unsure_after_sure),
		cmocka_unit_test(test_basic_first),
		cmocka_unit_test(test_nothing_unfixable),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
