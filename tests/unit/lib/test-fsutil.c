/* test-fsutil.c -- private folders and atomic writes keep their promises. */
#include "lib/system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "../tmpdir.h"

#include "lib/fsutil.h"


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

/* A tree for fs_open_beneath: root/ok/a.jpg, and outside it secret.jpg and links to it. */
static int
beneath_tree(void)
{
	char path[256], *cause = NULL;
	int rfd;

	snprintf(path, sizeof path, "%s/root/ok", dir);
	assert_int_equal(fs_mkdir_private(path, 2, &cause), 0);
	assert_int_equal(fs_write_atomic(path, "a.jpg", "inside", 6, &cause), 0);
	assert_int_equal(fs_write_atomic(dir, "secret.jpg", "secret", 6, &cause), 0);
	snprintf(path, sizeof path, "%s/root", dir);
	assert_true((rfd = open(path, O_RDONLY | O_DIRECTORY)) >= 0);
	snprintf(path, sizeof path, "%s/secret.jpg", dir);
	symlinkat(path, rfd, "link.jpg");		/* a file that is a link */
	symlinkat(dir, rfd, "up");			/* a folder that is a link */
	symlinkat("ok", rfd, "inner");			/* a link that stays inside */
	return (rfd);
}

/* What fs_open_beneath(rfd, path) read: "inside", or NULL with errno. */
static const char *
read_beneath(int rfd, const char *path)
{
	static char buf[16];
	ssize_t n;
	int fd;

	if ((fd = fs_open_beneath(rfd, path, O_RDONLY)) < 0)
		return (NULL);
	assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return (buf);
}

/* Beneath a folder: no link, no "..", no absolute path; the same with either way in. */
static void
check_beneath(int walk)
{
	char path[256];
	int rfd = beneath_tree();

	fs_open_beneath_walk(walk);
	assert_string_equal(read_beneath(rfd, "ok/a.jpg"), "inside");
	assert_string_equal(read_beneath(rfd, "./ok//a.jpg"), "inside");
	assert_null(read_beneath(rfd, "link.jpg"));
	assert_int_equal(errno, ELOOP);
	assert_null(read_beneath(rfd, "up/secret.jpg"));
	assert_null(read_beneath(rfd, "inner/a.jpg"));	/* even a link that stays inside */
	assert_null(read_beneath(rfd, "../secret.jpg"));
	assert_int_equal(errno, EXDEV);
	assert_null(read_beneath(rfd, "ok/../../secret.jpg"));
	assert_int_equal(errno, EXDEV);
	assert_null(read_beneath(rfd, "ok/.."));
	snprintf(path, sizeof path, "%s/secret.jpg", dir);
	assert_null(read_beneath(rfd, path));
	assert_int_equal(errno, EXDEV);
	snprintf(path, sizeof path, "%s/root/ok/a.jpg", dir);
	assert_null(read_beneath(rfd, path));		/* absolute, even inside */
	assert_null(read_beneath(rfd, ""));
	assert_null(read_beneath(rfd, "ok/none.jpg"));
	assert_int_equal(errno, ENOENT);
	fs_open_beneath_walk(0);
	close(rfd);
}

static void
test_beneath_openat2(void **state)
{
	check_beneath(0);
}

static void
test_beneath_walk(void **state)
{
	check_beneath(1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_private_dirs),
		cmocka_unit_test(test_atomic_write),
		cmocka_unit_test(test_existing_folder),
		cmocka_unit_test(test_no_follow),
		cmocka_unit_test(test_beneath_openat2),
		cmocka_unit_test(test_beneath_walk),
	};

	return (cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown));
}
