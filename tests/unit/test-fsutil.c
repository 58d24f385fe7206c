/* test-fsutil.c -- private folders and atomic writes keep their promises. */
#include "system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "tmpdir.h"

#include "fsutil.h"


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
	snprintf(path, sizeof path, "test -z \"$(ls -A '%s' | grep '^\\.')\"", dir);
	assert_int_equal(system(path), 0);	/* no temporary file left behind */
}

/* A folder that exists keeps its mode; one others can change is refused. */
static void
test_existing_folder(void **state)
{
	char path[256], *cause = NULL;
	struct stat st;

	snprintf(path, sizeof path, "%s/shots", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	assert_int_equal(fs_mkdir_private(path, 1, &cause), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0755);
	chmod(path, 01777);	/* like /tmp */
	assert_int_equal(fs_mkdir_private(path, 1, &cause), -1);
	assert_non_null(strstr(cause, "other users"));
	free(cause);
	assert_int_equal(fs_open_dir(path, &cause), -1);
	free(cause);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 01777);
	chmod(path, 0700);
}

/* Files opened relative to a folder never follow a symbolic link planted there. */
static void
test_no_follow(void **state)
{
	char path[256], target[256], *cause = NULL, *data = NULL;
	size_t len;
	int dfd, fd;

	snprintf(path, sizeof path, "%s/nf", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(target, sizeof target, "%s/victim", dir);
	assert_int_equal(fs_write_atomic(dir, "victim", "keep", 4, &cause), 0);
	assert_true((dfd = fs_open_dir(path, &cause)) >= 0);
	assert_int_equal(symlinkat(target, dfd, "index"), 0);
	assert_int_equal(fs_open_private_at(dfd, path, "index", O_WRONLY |
	    O_CREAT | O_APPEND, &cause), -1);
	assert_non_null(strstr(cause, "symbolic link"));
	free(cause);
	assert_int_equal(symlinkat(target, dfd, "0001-welcome.txt"), 0);
	assert_int_equal(fs_write_atomic_at(dfd, path, "0001-welcome.txt", "new",
	    3, &cause), 0);
	assert_int_equal(fs_read_file(target, 100, &data, &len, &cause), 0);
	assert_memory_equal(data, "keep", 4);	/* the link was replaced, not followed */
	free(data);
	/* A file others can read is not appended to. */
	assert_true((fd = fs_open_private_at(dfd, path, "log", O_WRONLY | O_CREAT |
	    O_APPEND, &cause)) >= 0);
	assert_int_equal(fs_append_line(fd, "a\n", 2), 0);
	assert_int_equal(fchmod(fd, 0644), 0);
	close(fd);
	assert_int_equal(fs_open_private_at(dfd, path, "log", O_WRONLY | O_APPEND,
	    &cause), -1);
	free(cause);
	close(dfd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_private_dirs),
		cmocka_unit_test(test_atomic_write),
		cmocka_unit_test(test_existing_folder),
		cmocka_unit_test(test_no_follow),
	};

	return (cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown));
}
