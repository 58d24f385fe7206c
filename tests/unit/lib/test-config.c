/* test-config.c -- INI parsing: good files, unknown keys, broken lines, typed values. */
#include "lib/system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../tmpdir.h"

#include "lib/config.h"


/* Writes text to a file in the test folder; returns its path (static buffer). */
static const char *
write_file(const char *name, const char *text)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
	return (path);
}

static void
test_good(void **state)
{
	struct config cfg;
	char *cause = NULL;
	long n;
	int b;
	const char *p = write_file("good", "; comment\n[sscard]\nlang = es\n\n"
	    "[backend]\nbase_url = https://example.invalid/api\nretries = 7\n"
	    "insecure = no\n[profile shenzhen]\nmax_kb = 20\n");

	config_init(&cfg);
	assert_int_equal(config_load_file(&cfg, p, &cause), 0);
	assert_int_equal(cfg.nwarnings, 0);
	assert_string_equal(config_str(&cfg, "sscard", "lang", "en"), "es");
	assert_string_equal(config_str(&cfg, "outbox", "dir", "none"), "none");
	assert_int_equal(config_long(&cfg, "backend", "retries", 3, 0, 100, &n, &cause), 0);
	assert_int_equal(n, 7);
	assert_int_equal(config_long(&cfg, "backend", "timeout", 30, 1, 600, &n, &cause), 0);
	assert_int_equal(n, 30);	/* absent: the default */
	assert_int_equal(config_bool(&cfg, "backend", "insecure", 1, &b, &cause), 0);
	assert_int_equal(b, 0);
	assert_non_null(config_find(&cfg, "profile shenzhen", "max_kb"));
	assert_int_equal(config_find(&cfg, "backend", "retries")->line, 7);
	config_free(&cfg);
}

static void
test_later_file_wins(void **state)
{
	struct config cfg;
	char *cause = NULL;

	config_init(&cfg);
	assert_int_equal(config_load_file(&cfg, write_file("a", "[sscard]\nlang = es\n"),
	    &cause), 0);
	assert_int_equal(config_load_file(&cfg, write_file("b", "[sscard]\nlang = zh_TW\n"),
	    &cause), 0);
	assert_string_equal(config_str(&cfg, "sscard", "lang", NULL), "zh_TW");
	config_free(&cfg);
}

static void
test_unknown_key_warns(void **state)
{
	struct config cfg;
	char *cause = NULL;
	const char *p = write_file("unknown", "[sscard]\nlang = en\ncolour = red\n"
	    "[nosuch]\nx = 1\n");

	config_init(&cfg);
	assert_int_equal(config_load_file(&cfg, p, &cause), 0);
	assert_int_equal(cfg.nwarnings, 2);
	assert_non_null(strstr(cfg.warnings[0], ":3:"));
	assert_non_null(strstr(cfg.warnings[0], "colour"));
	assert_non_null(strstr(cfg.warnings[1], ":5:"));
	assert_null(config_find(&cfg, "sscard", "colour"));
	config_free(&cfg);
}

static void
test_broken(void **state)
{
	struct config cfg;
	char *cause = NULL, longline[400];
	const char *p;

	config_init(&cfg);
	p = write_file("broken", "[sscard]\nlang = en\nthis line has no equals sign\n");
	assert_int_equal(config_load_file(&cfg, p, &cause), -1);
	assert_non_null(strstr(cause, "broken:3:"));
	free(cause);
	cause = NULL;
	p = write_file("section", "[sscard\nlang = en\n");
	assert_int_equal(config_load_file(&cfg, p, &cause), -1);
	assert_non_null(strstr(cause, "section:1:"));
	free(cause);
	cause = NULL;
	memset(longline, 'a', sizeof longline);
	memcpy(longline, "[sscard]\nlog = ", 15);
	longline[sizeof longline - 1] = '\0';
	p = write_file("long", longline);
	assert_int_equal(config_load_file(&cfg, p, &cause), -1);
	assert_non_null(strstr(cause, "long:2:"));
	free(cause);
	cause = NULL;
	assert_int_equal(config_load_file(&cfg, "/nonexistent/sscard.conf", &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent/sscard.conf"));
	free(cause);
	config_free(&cfg);
}

static void
test_bad_values(void **state)
{
	struct config cfg;
	char *cause = NULL;
	long n;
	int b;

	config_init(&cfg);
	assert_int_equal(config_load_file(&cfg, write_file("values",
	    "[backend]\nretries = many\ntimeout = 99999\ninsecure = perhaps\n"), &cause), 0);
	assert_int_equal(config_long(&cfg, "backend", "retries", 3, 0, 100, &n, &cause), -1);
	assert_non_null(strstr(cause, "values:2:"));
	free(cause);
	assert_int_equal(config_long(&cfg, "backend", "timeout", 3, 1, 600, &n, &cause), -1);
	assert_non_null(strstr(cause, "600"));
	free(cause);
	assert_int_equal(config_bool(&cfg, "backend", "insecure", 0, &b, &cause), -1);
	assert_non_null(strstr(cause, "values:4:"));
	free(cause);
	config_free(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_later_file_wins),
		cmocka_unit_test(test_unknown_key_warns),
		cmocka_unit_test(test_broken),
		cmocka_unit_test(test_bad_values),
	};

	return (cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown));
}
