/* log.c -- the optional log file: append-only lines, numbers masked. */
#include "lib/system.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/config.h"
#include "lib/fsutil.h"
#include "lib/log.h"
#include "lib/xmalloc.h"

/* Longer messages are cut: a line is one write. */
#define LOG_LINE_MAX	1024

static int	log_fd = -1;

static int	is_idchar(char);
static int	is_groupsep(char);
static size_t	number_len(const char *, size_t *);

int
log_open(const struct config *cfg, char **cause)
{
	const char *path = config_str(cfg, "sscard", "log", NULL);
	const char *slash, *base;
	char *dir;
	int dfd;

	log_close();
	if (path == NULL || *path == '\0')
		return (0);
	slash = strrchr(path, '/');
	base = slash != NULL ? slash + 1 : path;
	if (*base == '\0') {
		*cause = xasprintf(_("[sscard] log: %s names a folder; add a file "
		    "name"), path);
		return (-1);
	}
	dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		*cause = xasprintf(_("cannot open folder %s: %s"), dir,
		    strerror(errno));
		free(dir);
		return (-1);
	}
	log_fd = fs_open_private_at(dfd, dir, base, O_WRONLY | O_CREAT | O_APPEND,
	    cause);
	close(dfd);
	free(dir);
	return (log_fd < 0 ? -1 : 0);
}

void
log_close(void)
{
	if (log_fd >= 0)
		close(log_fd);
	log_fd = -1;
}

static int
is_idchar(char c)
{
	return ((c >= '0' && c <= '9') || c == 'X' || c == 'x');
}

/* What people put between the groups of a number: "110105 19491231 002X". */
static int
is_groupsep(char c)
{
	return (c == ' ' || c == '-' || c == '.');
}

/*
 * The length of the number written from s on, in groups separated by up
 * to three blanks, dashes or dots; *count gets how many digits (and X) it
 * holds.
 */
static size_t
number_len(const char *s, size_t *count)
{
	size_t i = 0, j, end;

	*count = 0;
	for (;;) {
		for (; is_idchar(s[i]); i++)
			(*count)++;
		end = i;
		for (j = i; is_groupsep(s[j]) && j - i < 3; j++)
			continue;
		if (j == i || !is_idchar(s[j]))
			return (end);
		i = j;
	}
}

/*
 * 1 when s starts an outbox entry's local id, YYYYMMDD-XXXXXXXX (8 hex
 * digits), standing alone: sscard made it, it names no person, and a
 * helper reads it out, so it stays whole even where its digits would
 * count as a number.
 */
static int
is_local_id(const char *s)
{
	size_t i;

	for (i = 0; i < 17; i++)
		if (i == 8 ? s[i] != '-' : i < 8 ? !isdigit((unsigned char)s[i]) :
		    !isxdigit((unsigned char)s[i]) || islower((unsigned char)s[i]))
			return (0);
	return (!isalnum((unsigned char)s[17]));
}

void
log_mask(char *s)
{
	size_t i, len, count, k, seen;

	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			s[i] = ' ';
	for (i = 0; s[i] != '\0'; i += len > 0 ? len : 1) {
		len = 0;
		/* A number starts with a digit: "XXL" is not one. */
		if (s[i] < '0' || s[i] > '9')
			continue;
		if ((i == 0 || !isalnum((unsigned char)s[i - 1])) &&
		    is_local_id(s + i)) {
			len = 17;
			continue;
		}
		len = number_len(s + i, &count);
		/* 11 and more: a mobile (+86 too) or an ID number, however grouped. */
		if (count < 11)
			continue;
		/* All its digits but the first four and the last four. */
		for (k = 0, seen = 0; k < len; k++)
			if (is_idchar(s[i + k]) && seen++ >= 4 && seen <= count - 4)
				s[i + k] = '*';
	}
}

void
log_event(const char *fmt, ...)
{
	char line[LOG_LINE_MAX], when[32];
	va_list ap;
	time_t now;
	struct tm t;
	int n, m;

	if (log_fd < 0)
		return;
	now = time(NULL);
	gmtime_r(&now, &t);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &t);
	n = snprintf(line, sizeof line, "%s %s[%ld]: ", when, PACKAGE,
	    (long)getpid());
	if (n < 0 || n >= (int)sizeof line - 2)
		return;
	va_start(ap, fmt);
	m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
	va_end(ap);
	if (m < 0)
		return;
	n = (int)strlen(line);
	log_mask(line);
	line[n++] = '\n';
	/* A failing log never stops an application from being sent. */
	(void)fs_append_line(log_fd, line, (size_t)n);
	explicit_bzero(line, sizeof line);
}
