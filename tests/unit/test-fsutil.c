/* test-fsutil.c -- private folders and atomic writes keep their promises. */
#include "system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "fsutil.h"

static char dir[] = "/tmp/sscard-fs-XXXXXX";

static void
test_private_dirs(void **state)
{
	char path[256], *cause = NULL;
	struct stat st;

	snprintf(path, sizeof path, "%s/a/b/c", dir);
	assert_int_equal(fs_mkdir_private(path, 2, &cause), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	snprintf(path, sizeof path, "%s/a/b", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	/* A folder above the ones we own keeps its mode. */
	chmod(dir, 0755);
	snprintf(path, sizeof path, "%s/a/b/c", dir);
	assert_int_equal(fs_mkdir_private(path, 1, &cause), 0);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0755);
	/* Under a file: a clear error naming the folder. */
	snprintf(path, sizeof path, "%s/file", dir);
	fclose(fopen(path, "w"));
	snprintf(path, sizeof path, "%s/file/x", dir);
	assert_int_equal(fs_mkdir_private(path, 1, &cause), -1);
	assert_non_null(strstr(cause, "file"));
	free(cause);
}

static void
test_atomic_write(void **state)
{
	char path[256], *data = NULL, *cause = NULL;
	struct stat st;
	size_t len;

	assert_int_equal(fs_write_atomic(dir, "doc", "first", 5, &cause), 0);
	assert_int_equal(fs_write_atomic(dir, "doc", "second!", 7, &cause), 0);
	snprintf(path, sizeof path, "%s/doc", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(fs_read_file(path, 100, &data, &len, &cause), 0);
	assert_int_equal(len, 7);
	assert_memory_equal(data, "second!", 7);
	free(data);
	/* Too large for the limit: refused with the file named. */
	assert_int_equal(fs_read_file(path, 3, &data, &len, &cause), -1);
	assert_non_null(strstr(cause, "doc"));
	free(cause);
	/* A folder that does not exist: error, and no stray temp file anywhere. */
	assert_int_equal(fs_write_atomic("/nonexistent-dir", "x", "y", 1, &cause), -1);
	free(cause);
	/* A directory where the file should go: the rename fails, the temp is removed. */
	snprintf(path, sizeof path, "%s/adir", dir);
	mkdir(path, 0700);
	assert_int_equal(fs_write_atomic(dir, "adir", "z", 1, &cause), -1);
	free(cause);
	assert_int_equal(system("test -z \"$(ls -A /tmp/sscard-fs-*/ | grep '^\\.')\""), 0);
}

static int
setup(void **state)
{
	return (mkdtemp(dir) == NULL ? -1 : 0);
}

static int
teardown(void **state)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return (system(cmd));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_private_dirs),
		cmocka_unit_test(test_atomic_write),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
