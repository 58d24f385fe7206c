/*
 * fuzz-picker-path.c -- libFuzzer target: any typed or dropped path is
 * cleaned or refused with a reason (picker_clean_path), and whatever a
 * kiosk opens for it (kiosk_open_photo, fs_open_beneath either way in) is a
 * regular file inside the photo folder: never a file reached through a
 * link, "..", or an absolute path elsewhere.
 *
 * The tree, made once (the working folder is its top):
 *   root/ok/a.jpg   root/link.jpg -> secret.jpg   root/up -> .   secret.jpg
 */
#include "lib/system.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/fsutil.h"
#include "model/kiosk.h"
#include "model/picker.h"
#include "lib/xmalloc.h"

#include "fuzz-file.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct kiosk	kiosk;
static char		root[PATH_MAX];
static int		rootfd = -1, treefd = -1;

static void
make_tree(void)
{
	static const uint8_t jpeg[] = { 0xff, 0xd8, 0xff, 0xe0 };
	static char *dirs[1];
	char path[PATH_MAX];

	fuzz_file("secret.jpg", jpeg, sizeof jpeg);
	if ((treefd = open(fuzz_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    mkdirat(treefd, "root", 0700) != 0 || mkdirat(treefd, "root/ok", 0700) != 0 ||
	    symlinkat("../secret.jpg", treefd, "root/link.jpg") != 0 ||
	    symlinkat("..", treefd, "root/up") != 0) {
		perror(fuzz_dir);
		exit(99);
	}
	fuzz_file("root/ok/a.jpg", jpeg, sizeof jpeg);
	snprintf(path, sizeof path, "%s/root", fuzz_dir);
	if (realpath(path, root) == NULL ||
	    (rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		perror(path);
		exit(99);
	}
	dirs[0] = root;
	kiosk.enabled = 1;
	kiosk.photo_dirs = dirs;
	kiosk.nphoto_dirs = 1;
}

/* What fd is open on must be a regular file below root. */
static void
check_inside(int fd)
{
	char link[64], at[PATH_MAX];
	struct stat sb;
	ssize_t n;
	size_t len = strlen(root);

	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	if ((n = readlink(link, at, sizeof at - 1)) < 0)
		abort();
	at[n] = '\0';
	if (strncmp(at, root, len) != 0 || (at[len] != '/' && at[len] != '\0'))
		abort();	/* out of the photo folder */
	if (fstat(fd, &sb) != 0)
		abort();
	close(fd);
}

/* One input, relative paths starting at the tree. */
static void
one_path(const uint8_t *data, size_t size)
{
	char *typed, *path, *cause = NULL;
	int fd;

	typed = xmalloc(size + 1);
	memcpy(typed, data, size);
	typed[size] = '\0';
	if ((path = picker_clean_path(typed, &cause)) == NULL) {
		if (cause == NULL)
			abort();	/* a refusal must say why */
		free(cause);
		free(typed);
		return;
	}
	cause = NULL;
	if ((fd = kiosk_open_photo(&kiosk, path, &cause)) >= 0) {
		if (picker_kind_fd(fd) == NULL)
			abort();	/* only the JPEGs of the tree are files */
		check_inside(fd);
	} else if (cause == NULL)
		abort();
	free(cause);
	/* The raw bytes, both ways into a folder. */
	fs_open_beneath_walk(size > 0 && (data[0] & 1));
	if ((fd = fs_open_beneath(rootfd, typed, O_RDONLY | O_NONBLOCK)) >= 0)
		check_inside(fd);
	fs_open_beneath_walk(0);
	free(path);
	free(typed);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int here;

	if (rootfd < 0)
		make_tree();
	/* The driver's own relative paths (seed files) start at its folder. */
	if ((here = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    fchdir(treefd) != 0)
		abort();
	one_path(data, size);
	if (fchdir(here) != 0)
		abort();
	close(here);
	return (0);
}
