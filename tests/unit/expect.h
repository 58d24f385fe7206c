/* expect.h -- cmocka assertions on text: a failure prints the text and the part it should (not) hold. */
#ifndef SSCARD_TEST_EXPECT_H
#define SSCARD_TEST_EXPECT_H

#include <string.h>

/* 1 when s holds part (want 1) or does not (want 0); else says why and returns 0. */
static inline int
expect_holds(const char *s, const char *part, int want)
{
	if ((s != NULL && strstr(s, part) != NULL) == want)
		return (1);
	print_error("\"%s\"\n%s \"%s\"\n", s != NULL ? s : "(null)",
	    want ? "does not hold" : "holds", part);
	return (0);
}

#define assert_contains(s, part)	assert_true(expect_holds((s), (part), 1))
#define assert_lacks(s, part)		assert_true(expect_holds((s), (part), 0))

#endif
