/* fsutil.c -- private directories and atomic writes (temp file, fsync, rename). */
#include "system.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "xmalloc.h"

static int	write_all(int, const void *, size_t);
static int	write_atomic(const char *, const char *, const void *, size_t, int,
		    char **);

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

int
fs_mkdir_private(const char *path, int own, char **cause)
{
	char *p = xstrdup(path), *s;
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
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			*cause = xasprintf(_("cannot create folder %s: %s"), p,
			    strerror(errno));
			goto out;
		}
		/* Our own folders hold personal data: nobody else may look in. */
		if (depth > total - own && chmod(p, 0700) != 0) {
			*cause = xasprintf(_("cannot protect folder %s: %s"), p,
			    strerror(errno));
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
	char *tmp, *dst;
	int fd, rc = -1;

	tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
	dst = xasprintf("%s/%s", dir, name);
	/* mkstemp creates the file 0600 with O_EXCL. */
	if ((fd = mkstemp(tmp)) < 0) {
		*cause = xasprintf(_("cannot write %s: %s"), dst, strerror(errno));
		goto out;
	}
	/*
	 * A failed fsync is not retried: the kernel may have dropped the
	 * pages, so the old file stays and the caller is told.
	 */
	if (fchmod(fd, 0600) != 0 || write_all(fd, data, len) != 0 ||
	    (sync && fsync(fd) != 0)) {
		*cause = xasprintf(_("cannot write %s: %s"), dst, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (close(fd) != 0 || rename(tmp, dst) != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), dst, strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = sync ? fs_fsync_dir(dir, cause) : 0;
out:
	free(tmp);
	free(dst);
	return (rc);
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
	struct stat st;
	char *buf;
	ssize_t n;
	size_t got = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &st) != 0) {
		*cause = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return (-1);
	}
	if (!S_ISREG(st.st_mode)) {
		*cause = xasprintf(_("%s is not a regular file"), path);
		close(fd);
		return (-1);
	}
	if ((size_t)st.st_size > max) {
		*cause = xasprintf(_("%s is too large (%lld bytes; at most %zu)"),
		    path, (long long)st.st_size, max);
		close(fd);
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
			close(fd);
			free(buf);
			return (-1);
		}
		got += (size_t)n;
	}
	close(fd);
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

	if ((fd = openat(dirfd, name, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)) >= 0) {
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

void
fs_wipe_dir(const char *path)
{
	struct dirent *d;
	DIR *dp;

	if ((dp = opendir(path)) != NULL) {
		while ((d = readdir(dp)) != NULL)
			if (strcmp(d->d_name, ".") != 0 && strcmp(d->d_name, "..") != 0)
				wipe_file(dirfd(dp), d->d_name);
		closedir(dp);
	}
	rmdir(path);
}

void
fs_sweep_dead(const char *dir, const char *prefix)
{
	size_t plen = strlen(prefix);
	struct dirent *d;
	struct stat sb;
	char *end, *path;
	long pid;
	DIR *dp;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((d = readdir(dp)) != NULL) {
		if (strncmp(d->d_name, prefix, plen) != 0)
			continue;
		errno = 0;
		pid = strtol(d->d_name + plen, &end, 10);
		if (errno != 0 || end == d->d_name + plen || *end != '-' || pid <= 0)
			continue;
		/* Still running (or not ours to ask about): leave it. */
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		path = xasprintf("%s/%s", dir, d->d_name);
		if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode) &&
		    sb.st_uid == getuid())
			fs_wipe_dir(path);
		free(path);
	}
	closedir(dp);
}
