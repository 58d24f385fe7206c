/* fsutil.c -- private directories and atomic writes (temp file, fsync, rename). */
#include "lib/system.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdint.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifdef SYS_openat2
#include <linux/openat2.h>
#endif

#include "lib/fsutil.h"
#include "lib/xmalloc.h"

static int	write_all(int, const void *, size_t);
static int	write_atomic(const char *, const char *, const void *, size_t, int,
		    char **);
static int	write_atomic_at(int, const char *, const char *, const void *,
		    size_t, int, char **);
static void	write_failed(const char *, const char *, const char *, char **);
static int	dir_private_ok(const char *, const struct stat *, char **);
static int	beneath_ok(const char *);
static int	open_beneath_openat2(int, const char *, int);
static int	open_beneath_walk(int, const char *, int);

/* 1: open beneath a folder one component at a time even where openat2 exists. */
static int	beneath_walk_only;
static void	wipe_contents(int, int);
static void	wipe_tree_at(int, const char *, int);

/* Folders sscard wipes are two or three levels deep; this is far more. */
#define WIPE_DEPTH_MAX	32

void
fs_random(void *buf, size_t n)
{
	unsigned char *p = buf;
	ssize_t got;

	while (n > 0) {
		if ((got = getrandom(p, n, 0)) < 0) {
			if (errno == EINTR)
				continue;
			fatal("getrandom: %s", strerror(errno));
		}
		p += got;
		n -= (size_t)got;
	}
}

/*
 * A folder personal data goes in must be the user's alone to change: owned by
 * them and not writable by group or others.  Its mode is never changed: a
 * folder named on the command line may be /tmp or a home directory.
 */
static int
dir_private_ok(const char *path, const struct stat *st, char **cause)
{
	if (!S_ISDIR(st->st_mode)) {
		*cause = xasprintf(_("%s is not a folder"), path);
		return (-1);
	}
	if (st->st_uid != geteuid()) {
		*cause = xasprintf(_("the folder %s belongs to another user: "
		    "choose a folder of your own"), path);
		return (-1);
	}
	if ((st->st_mode & (S_IWGRP | S_IWOTH)) != 0) {
		*cause = xasprintf(_("the folder %s can be changed by other "
		    "users: choose a private folder (chmod 700)"), path);
		return (-1);
	}
	return (0);
}

int
fs_mkdir_private(const char *path, int own, char **cause)
{
	char *p = xstrdup(path), *s;
	struct stat st;
	int depth = 0, total = 0, rc = -1;

	for (s = p + 1; *s != '\0'; s++)
		if (*s == '/' && s[1] != '/' && s[1] != '\0')
			total++;
	total++;
	for (s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		if (*s == '/' && (s[1] == '/' || s[1] == '\0'))
			continue;
		depth++;
		char save = *s;
		*s = '\0';
		/* A folder made here is 0700 (the umask can only take more away). */
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			*cause = xasprintf(_("cannot create folder %s: %s"), p,
			    strerror(errno));
			goto out;
		}
		/* Our own folders hold personal data: refuse one others can change. */
		if (depth > total - own) {
			if (stat(p, &st) != 0) {
				*cause = xasprintf(_("cannot create folder %s: %s"),
				    p, strerror(errno));
				goto out;
			}
			if (dir_private_ok(p, &st, cause) != 0)
				goto out;
		}
		*s = save;
		if (save == '\0')
			break;
	}
	rc = 0;
out:
	free(p);
	return (rc);
}

int
fs_open_dir(const char *path, char **cause)
{
	struct stat st;
	int fd;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    fstat(fd, &st) != 0) {
		*cause = xasprintf(_("cannot open folder %s: %s"), path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return (-1);
	}
	if (dir_private_ok(path, &st, cause) != 0) {
		close(fd);
		return (-1);
	}
	return (fd);
}

static int
write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			return (-1);
		}
		p += n;
		len -= (size_t)n;
	}
	return (0);
}

int
fs_fsync_dir(const char *dir, char **cause)
{
	int fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 || fsync(fd) != 0) {
		*cause = xasprintf(_("cannot save folder %s: %s"), dir, strerror(errno));
		if (fd >= 0)
			close(fd);
		return (-1);
	}
	close(fd);
	return (0);
}

int
fs_write_atomic(const char *dir, const char *name, const void *data, size_t len,
    char **cause)
{
	return (write_atomic(dir, name, data, len, 1, cause));
}

int
fs_replace(const char *dir, const char *name, const void *data, size_t len,
    char **cause)
{
	return (write_atomic(dir, name, data, len, 0, cause));
}

static int
write_atomic(const char *dir, const char *name, const void *data, size_t len,
    int sync, char **cause)
{
	int dfd, rc;

	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		write_failed(dir, name, strerror(errno), cause);
		return (-1);
	}
	rc = write_atomic_at(dfd, dir, name, data, len, sync, cause);
	close(dfd);
	return (rc);
}

/*
 * The temporary file is new (O_EXCL) and never a link (O_NOFOLLOW), both
 * relative to the folder's descriptor: a symlink planted in the folder is
 * replaced by the rename, never followed.
 */
static int
write_atomic_at(int dfd, const char *dir, const char *name, const void *data,
    size_t len, int sync, char **cause)
{
	unsigned char r[6];
	char tmp[300];
	int fd, tries = 0;

	if (strchr(name, '/') != NULL || strlen(name) > 200) {
		write_failed(dir, name, strerror(EINVAL), cause);
		return (-1);
	}
	do {
		fs_random(r, sizeof r);
		snprintf(tmp, sizeof tmp, ".%s.%02x%02x%02x%02x%02x%02x", name,
		    r[0], r[1], r[2], r[3], r[4], r[5]);
		fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
	} while (fd < 0 && errno == EEXIST && ++tries < 10);
	if (fd < 0)
		goto fail;
	/*
	 * A failed fsync is not retried: the kernel may have dropped the
	 * pages, so the old file stays and the caller is told.
	 */
	if (fchmod(fd, 0600) != 0 || write_all(fd, data, len) != 0 ||
	    (sync && fsync(fd) != 0)) {
		close(fd);
		goto fail_unlink;
	}
	if (close(fd) != 0 || renameat(dfd, tmp, dfd, name) != 0)
		goto fail_unlink;
	if (sync && fsync(dfd) != 0) {
		*cause = xasprintf(_("cannot save folder %s: %s"), dir, strerror(errno));
		return (-1);
	}
	return (0);
fail_unlink:
	write_failed(dir, name, strerror(errno), cause);
	unlinkat(dfd, tmp, 0);
	return (-1);
fail:
	write_failed(dir, name, strerror(errno), cause);
	return (-1);
}

static void
write_failed(const char *dir, const char *name, const char *why, char **cause)
{
	char *dst = xasprintf("%s/%s", dir, name);

	*cause = xasprintf(_("cannot write %s: %s"), dst, why);
	free(dst);
}

int
fs_write_atomic_at(int dfd, const char *dir, const char *name, const void *data,
    size_t len, char **cause)
{
	return (write_atomic_at(dfd, dir, name, data, len, 1, cause));
}

int
fs_open_private_at(int dfd, const char *dir, const char *name, int flags,
    char **cause)
{
	struct stat st;
	int fd;

	fd = openat(dfd, name, flags | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || fstat(fd, &st) != 0) {
		*cause = xasprintf(_("cannot open %s/%s: %s"), dir, name,
		    errno == ELOOP ? _("it is a symbolic link") : strerror(errno));
		if (fd >= 0)
			close(fd);
		return (-1);
	}
	if (!S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
	    (st.st_mode & 077) != 0) {
		*cause = xasprintf(_("%s/%s is not a private file of yours "
		    "(a regular file, mode 600): remove it or choose another "
		    "place"), dir, name);
		close(fd);
		return (-1);
	}
	return (fd);
}

int
fs_append_line(int fd, const char *line, size_t len)
{
	ssize_t n;

	/* One write() with O_APPEND: lines of two processes never mix. */
	do
		n = write(fd, line, len);
	while (n < 0 && errno == EINTR);
	return (n == (ssize_t)len ? 0 : -1);
}

int
fs_write_path(const char *path, const void *data, size_t len, char **cause)
{
	const char *slash = strrchr(path, '/'), *base = slash != NULL ? slash + 1 : path;
	char *dir;
	int rc;

	if (*base == '\0') {
		*cause = xasprintf(_("%s names a folder; add a file name"), path);
		return (-1);
	}
	if (slash == NULL)
		dir = xstrdup(".");
	else if (slash == path)
		dir = xstrdup("/");
	else
		dir = xstrndup(path, (size_t)(slash - path));
	rc = fs_write_atomic(dir, base, data, len, cause);
	free(dir);
	return (rc);
}

int
fs_read_file(const char *path, size_t max, char **data, size_t *len, char **cause)
{
	int fd, rc;

	/* O_NONBLOCK: a FIFO or a device is refused below, never waited on. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		*cause = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		return (-1);
	}
	rc = fs_read_fd(fd, path, max, data, len, cause);
	close(fd);
	return (rc);
}

int
fs_regular_fd(int fd, const char *path, struct stat *st, char **cause)
{
	if (fstat(fd, st) != 0)
		st->st_mode = 0;
	if (!S_ISREG(st->st_mode)) {
		*cause = xasprintf(S_ISDIR(st->st_mode) ? _("%s is a folder, not a "
		    "photo file") : _("%s is not a file"), path);
		return (-1);
	}
	if (fcntl(fd, F_SETFL, 0) != 0) {
		*cause = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		return (-1);
	}
	return (0);
}

int
fs_read_fd(int fd, const char *path, size_t max, char **data, size_t *len,
    char **cause)
{
	struct stat st;
	char *buf;
	ssize_t n;
	size_t got = 0;

	if (fstat(fd, &st) != 0) {
		*cause = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		return (-1);
	}
	if (!S_ISREG(st.st_mode)) {
		*cause = xasprintf(_("%s is not a regular file"), path);
		return (-1);
	}
	if ((size_t)st.st_size > max || fcntl(fd, F_SETFL, 0) != 0) {
		*cause = xasprintf(_("%s is too large (%lld bytes; at most %zu)"),
		    path, (long long)st.st_size, max);
		return (-1);
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		if ((n = read(fd, buf + got, (size_t)st.st_size - got)) <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n == 0)	/* the file shrank while we read it */
				break;
			*cause = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
			wipe_free(buf, (size_t)st.st_size + 1);
			return (-1);
		}
		got += (size_t)n;
	}
	buf[got] = '\0';
	*data = buf;
	*len = got;
	return (0);
}

/* Zeros over the bytes before the name goes, so a later reader of the disk finds less. */
static void
wipe_file(int dirfd, const char *name)
{
	static const char zeros[4096];
	struct stat sb;
	off_t left;
	int fd;

	/* O_NONBLOCK: a FIFO planted here is removed, never waited on. */
	if ((fd = openat(dirfd, name, O_WRONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) >= 0) {
		if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode))
			for (left = sb.st_size; left > 0; left -= (off_t)sizeof zeros)
				if (write(fd, zeros, left < (off_t)sizeof zeros ?
				    (size_t)left : sizeof zeros) < 0)
					break;
		fsync(fd);
		close(fd);
	}
	unlinkat(dirfd, name, 0);
}

void
fs_wipe_file(const char *path)
{
	wipe_file(AT_FDCWD, path);
}

/*
 * Wipes everything in the open folder fd, subfolders too, and closes fd.
 * Entries are judged by lstat: a link is removed, never followed.
 */
static void
wipe_contents(int fd, int depth)
{
	struct dirent *d;
	struct stat sb;
	DIR *dp;

	if ((dp = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((d = readdir(dp)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd(dp), d->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISDIR(sb.st_mode))
			wipe_tree_at(dirfd(dp), d->d_name, depth + 1);
		else
			wipe_file(dirfd(dp), d->d_name);
	}
	closedir(dp);
}

/* Folder name in dirfd, with all it holds; never through a link. */
static void
wipe_tree_at(int dirfd, const char *name, int depth)
{
	int fd;

	/* Deeper than sscard ever makes: someone else's doing, left alone. */
	if (depth > WIPE_DEPTH_MAX)
		return;
	fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0)
		wipe_contents(fd, depth);
	unlinkat(dirfd, name, AT_REMOVEDIR);
}

void
fs_wipe_dir(const char *path)
{
	wipe_tree_at(AT_FDCWD, path, 0);
}

/* prefix, a pid, '-', then `tail` characters of mkdtemp's (any when 0): the pid, or 0. */
static long
dead_name_pid(const char *name, const char *prefix, size_t tail)
{
	static const char alnum[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	size_t plen = strlen(prefix);
	char *end;
	long pid;

	if (strncmp(name, prefix, plen) != 0 || name[plen] < '1' || name[plen] > '9')
		return (0);
	errno = 0;
	pid = strtol(name + plen, &end, 10);
	if (errno != 0 || *end != '-' || pid <= 0 || pid > INT_MAX)
		return (0);
	if (tail != 0 && (strlen(end + 1) != tail || strspn(end + 1, alnum) != tail))
		return (0);
	return (pid);
}

void
fs_sweep_dead(const char *dir, const char *prefix, size_t tail)
{
	struct dirent *d;
	struct stat sb;
	long pid;
	DIR *dp;
	int fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return;
	if ((dp = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((d = readdir(dp)) != NULL) {
		if ((pid = dead_name_pid(d->d_name, prefix, tail)) == 0)
			continue;
		/* Still running (or not ours to ask about): leave it. */
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		/* The folder itself, opened once: a link put in its place is not followed. */
		fd = openat(dirfd(dp), d->d_name, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (fstat(fd, &sb) != 0 || sb.st_uid != getuid()) {
			close(fd);
			continue;
		}
		wipe_contents(fd, 0);
		unlinkat(dirfd(dp), d->d_name, AT_REMOVEDIR);
	}
	closedir(dp);
}

void
fs_open_beneath_walk(int on)
{
	beneath_walk_only = on;
}

/* A path that can only lead down: relative, with no ".." component. */
static int
beneath_ok(const char *path)
{
	const char *p;

	if (*path == '/' || *path == '\0')
		return (0);
	for (p = path; *p != '\0'; p += strcspn(p, "/")) {
		p += strspn(p, "/");
		if (p[0] == '.' && p[1] == '.' && (p[2] == '/' || p[2] == '\0'))
			return (0);
	}
	return (1);
}

/*
 * The kernel resolves the whole path at once: no symbolic link (magic links
 * of /proc included) and nothing outside dfd.  -2 when the kernel cannot
 * (ENOSYS; EPERM from a container's seccomp filter that does not know it).
 */
static int
open_beneath_openat2(int dfd, const char *path, int flags)
{
#ifdef SYS_openat2
	struct open_how how;
	long fd;

	memset(&how, 0, sizeof how);
	how.flags = (uint64_t)(flags | O_NOFOLLOW | O_CLOEXEC);
	how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
	do
		fd = syscall(SYS_openat2, dfd, path, &how, sizeof how);
	while (fd < 0 && (errno == EINTR || errno == EAGAIN));
	if (fd < 0 && (errno == ENOSYS || errno == EPERM))
		return (-2);
	return ((int)fd);
#else
	(void)dfd;
	(void)path;
	(void)flags;
	return (-2);
#endif
}

/*
 * Without openat2: every folder on the way opened with O_NOFOLLOW and
 * O_DIRECTORY from the one before, the last component with O_NOFOLLOW, so a
 * link anywhere fails with ELOOP (or ENOTDIR) instead of being followed.
 */
static int
open_beneath_walk(int dfd, const char *path, int flags)
{
	char *copy = xstrdup(path), *name, *next;
	int cur = dfd, fd = -1, saved;

	for (name = copy; name != NULL; name = next) {
		name += strspn(name, "/");
		if ((next = strchr(name, '/')) != NULL)
			*next++ = '\0';
		if (next != NULL && next[strspn(next, "/")] == '\0')
			next = NULL;	/* "a/b/": b is the last component */
		if (*name == '\0' || strcmp(name, ".") == 0) {
			if (next != NULL)
				continue;
			name = ".";
		}
		fd = openat(cur, name, next != NULL ? O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC : flags | O_NOFOLLOW | O_CLOEXEC);
		saved = errno;
		if (cur != dfd)
			close(cur);
		errno = saved;
		if (fd < 0 || next == NULL)
			break;
		cur = fd;
	}
	free(copy);
	return (fd);
}

int
fs_open_beneath(int dfd, const char *path, int flags)
{
	int fd;

	if (!beneath_ok(path)) {
		errno = EXDEV;
		return (-1);
	}
	if (!beneath_walk_only && (fd = open_beneath_openat2(dfd, path, flags)) != -2)
		return (fd);
	return (open_beneath_walk(dfd, path, flags));
}
