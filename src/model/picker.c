/* picker.c -- photo files by their bytes, newest first; dropped paths made plain. */
#include "lib/system.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/kiosk.h"
#include "model/picker.h"
#include "lib/xmalloc.h"

/* A folder with more entries than this is not a photo folder: the rest is not read. */
#define PICKER_MAX_ENTRIES	10000

static int	newest_first(const void *, const void *);
static int	open_entry(const struct kiosk *, const char *);
static int	hexval(int);
static char	*percent_decode(const char *, char **);
static char	*unquote(const char *);

const char *
picker_kind(const char *path)
{
	const char *kind;
	int fd;

	/* O_NONBLOCK: a FIFO named photo.jpg must not hang the wizard. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return (NULL);
	kind = picker_kind_fd(fd);
	close(fd);
	return (kind);
}

const char *
picker_kind_fd(int fd)
{
	static const unsigned char jpeg[] = { 0xff, 0xd8, 0xff };
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	unsigned char b[8];
	ssize_t n;

	n = pread(fd, b, sizeof b, 0);
	if (n >= (ssize_t)sizeof jpeg && memcmp(b, jpeg, sizeof jpeg) == 0)
		return ("JPEG");
	if (n == (ssize_t)sizeof png && memcmp(b, png, sizeof png) == 0)
		return ("PNG");
	return (NULL);
}

static int
newest_first(const void *a, const void *b)
{
	const struct picker_entry *x = a, *y = b;

	if (x->mtime != y->mtime)
		return (x->mtime > y->mtime ? -1 : 1);
	return (strcmp(x->path, y->path));
}

/*
 * Opens one entry as a photo: in a kiosk beneath its folder (kiosk.c), so a
 * link out of the photo folders is never opened, let alone read.  Returns
 * the descriptor of a regular file, or -1.
 */
static int
open_entry(const struct kiosk *k, const char *path)
{
	static const struct kiosk anywhere;
	char *why = NULL;
	int fd;

	if ((fd = kiosk_open_photo(k != NULL ? k : &anywhere, path, &why)) < 0)
		free(why);
	return (fd);
}

int
picker_list(const char *dir, const struct kiosk *k, struct picker_entry **v,
    size_t *n, char **cause)
{
	struct dirent *e;
	struct stat sb;
	const char *kind;
	char *path;
	size_t seen = 0;
	DIR *d;
	int fd;

	*v = NULL;
	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		*cause = xasprintf(_("cannot open %s: %s"), dir, strerror(errno));
		return (-1);
	}
	while ((e = readdir(d)) != NULL && seen++ < PICKER_MAX_ENTRIES) {
		if (e->d_name[0] == '.')
			continue;
		path = strcmp(dir, ".") == 0 ? xstrdup(e->d_name) :
		    xasprintf("%s/%s", dir, e->d_name);
		kind = NULL;
		if ((fd = open_entry(k, path)) >= 0) {
			if (fstat(fd, &sb) == 0)
				kind = picker_kind_fd(fd);
			close(fd);
		}
		if (kind == NULL) {
			free(path);
			continue;
		}
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[*n].path = path;
		(*v)[*n].kind = kind;
		(*v)[*n].mtime = sb.st_mtime;
		(*v)[(*n)++].size = (long long)sb.st_size;
	}
	closedir(d);
	if (*n > 0)
		qsort(*v, *n, sizeof **v, newest_first);
	return (0);
}

int
picker_list_roots(const struct kiosk *k, struct picker_entry **v, size_t *n,
    char **cause)
{
	struct picker_entry *part;
	size_t np, i;
	char *why = NULL;
	int rc = 0;

	*v = NULL;
	*n = 0;
	for (i = 0; i < (k->enabled ? k->nphoto_dirs : 1); i++) {
		if (picker_list(k->enabled ? k->photo_dirs[i] : ".", k, &part, &np,
		    &why) != 0) {
			if (rc == 0)
				*cause = why;
			else
				free(why);
			rc = -1;
			continue;
		}
		if (np > 0) {
			*v = xreallocarray(*v, *n + np, sizeof **v);
			memcpy(*v + *n, part, np * sizeof *part);
			*n += np;
		}
		free(part);
	}
	if (*n > 1)
		qsort(*v, *n, sizeof **v, newest_first);
	return (rc);
}

void
picker_list_free(struct picker_entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* "%20" and friends of a file:// URL; NULL with *cause on a broken escape or a NUL. */
static char *
percent_decode(const char *s, char **cause)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;
	int hi, lo;

	for (; *s != '\0'; s++) {
		if (*s != '%') {
			*o++ = *s;
			continue;
		}
		if ((hi = hexval(s[1])) < 0 || (lo = hexval(s[2])) < 0 ||
		    (hi == 0 && lo == 0)) {
			free(out);
			*cause = xstrdup(_("This file:// address has a broken escape code."));
			return (NULL);
		}
		*o++ = (char)(hi * 16 + lo);
		s += 2;
	}
	*o = '\0';
	return (out);
}

/* 'a b.jpg' and "a b.jpg" as one path; a b\ c.jpg with its escapes undone. */
static char *
unquote(const char *s)
{
	size_t n = strlen(s);
	char *out, *o;

	if (n >= 2 && (s[0] == '\'' || s[0] == '"') && s[n - 1] == s[0])
		return (xstrndup(s + 1, n - 2));
	out = o = xmalloc(n + 1);
	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		*o++ = *s;
	}
	*o = '\0';
	return (out);
}

char *
picker_clean_path(const char *typed, char **cause)
{
	const char *home = getenv("HOME"), *p;
	char *s, *t, *path;
	size_t n;

	while (*typed == ' ' || *typed == '\t')
		typed++;
	n = strlen(typed);
	while (n > 0 && (typed[n - 1] == ' ' || typed[n - 1] == '\t' ||
	    typed[n - 1] == '\r' || typed[n - 1] == '\n'))
		n--;
	t = xstrndup(typed, n);
	s = unquote(t);
	free(t);
	if (strncmp(s, "file://", 7) == 0) {
		p = s + 7;
		if (strncmp(p, "localhost/", 10) == 0)
			p += 9;
		if (*p != '/') {
			*cause = xstrdup(_("Only a file on this computer can be used "
			    "(file:///path)."));
			free(s);
			return (NULL);
		}
		path = percent_decode(p, cause);
		free(s);
		return (path);
	}
	if (strstr(s, "://") != NULL) {
		*cause = xstrdup(_("This is a web address: save the photo on this "
		    "computer first and give its path."));
		free(s);
		return (NULL);
	}
	/* "~/photo.jpg" means the home folder, as in a shell. */
	if (strncmp(s, "~/", 2) == 0 && home != NULL) {
		path = xasprintf("%s/%s", home, s + 2);
		free(s);
		return (path);
	}
	return (s);
}
