/* test-photo-load.c -- a photo path that is no photo file is refused at once, never waited on. */
#include "lib/system.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "../tmpdir.h"

#include "lib/fsutil.h"
#include "photo/load.h"

/* A hang is the bug: end the test with a failure instead of waiting for ever. */
static void
on_alarm(int sig)
{
	static const char msg[] = "opening the path hung\n";

	(void)write(STDERR_FILENO, msg, sizeof msg - 1);
	_exit(1);
}

static void
assert_refused(const char *path, const char *why)
{
	struct photo_info info;
	struct image im;
	char *cause = NULL, *data = NULL;
	size_t len;

	alarm(5);
	assert_int_equal(photo_probe(path, &info, &cause), -1);
	assert_non_null(strstr(cause, why));
	free(cause);
	cause = NULL;
	assert_int_equal(photo_load(path, NULL, &im, &info, &cause), -1);
	assert_non_null(strstr(cause, why));
	free(cause);
	cause = NULL;
	/* The outbox copies the photo with fs_read_file: refused the same way. */
	assert_int_equal(fs_read_file(path, 1 << 20, &data, &len, &cause), -1);
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
	alarm(0);
}

static void
test_fifo(void **state)
{
	char path[256];

	snprintf(path, sizeof path, "%s/photo.jpg", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_refused(path, "is not a file");
}

static void
test_device(void **state)
{
	assert_refused("/dev/zero", "is not a file");
}

static void
test_folder(void **state)
{
	assert_refused(dir, "is a folder");
}

/* A small wanted size is decoded at the smallest DCT scaling, 1/8. */
static void
test_min_scale(void **state)
{
	const char *top = getenv("top_srcdir");
	struct photo_load_opts o = { .max_pixels = 0, .min_w = 1, .min_h = 1 };
	struct photo_info info;
	struct image im;
	char path[1024], *cause = NULL;

	assert_non_null(top);
	snprintf(path, sizeof path, "%s/tests/data/photos/lisa2.jpg", top);
	assert_int_equal(photo_load(path, &o, &im, &info, &cause), 0);
	assert_int_equal(info.scale_num, 1);
	assert_int_equal(info.scale_denom, 8);
	assert_int_equal(im.w, (info.width + 7) / 8);
	image_free(&im);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_device),
		cmocka_unit_test(test_folder),
		cmocka_unit_test(test_min_scale),
	};

	signal(SIGALRM, on_alarm);
	return (cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown));
}
