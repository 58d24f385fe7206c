/* files.h -- files in unit tests: a private folder, a file written or read back, its mode. */
#ifndef SSCARD_TEST_FILES_H
#define SSCARD_TEST_FILES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/fsutil.h"
#include "lib/xmalloc.h"

/* The permission bits of path, or -1 when it is not there. */
static inline int
mode_of(const char *path)
{
	struct stat st;

	return (lstat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1);
}

/* dir/name, where dir is the test's folder (tmpdir.h); caller frees. */
static inline char *
in_test_dir(const char *d, const char *name)
{
	return (xasprintf("%s/%s", d, name));
}

/* The folder d/name, 0700, made if it is not there (a run's workspace); caller frees. */
static inline char *
private_dir(const char *d, const char *name)
{
	char *path = in_test_dir(d, name);

	if (mkdir(path, 0700) != 0 && mode_of(path) != 0700)
		fail_msg("cannot make the folder %s", path);
	return (path);
}

/* Writes n bytes of data to path, replacing what was there. */
static inline void
put_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* The file at path, whole, in *len bytes; caller frees. */
static inline char *
slurp_file(const char *path, size_t *len)
{
	char *data = NULL, *cause = NULL;

	if (fs_read_file(path, 64L << 20, &data, len, &cause) != 0)
		fail_msg("%s", cause);
	return (data);
}

#endif
