/* log.c -- the optional log file: append-only lines, numbers masked. */
#include "system.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "fsutil.h"
#include "log.h"
#include "xmalloc.h"

/* Longer messages are cut: a line is one write. */
#define LOG_LINE_MAX	1024

static int	log_fd = -1;

static int	is_idchar(char);

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

void
log_mask(char *s)
{
	size_t i, j, run;

	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			s[i] = ' ';
	for (i = 0; s[i] != '\0'; i += run > 0 ? run : 1) {
		for (run = 0; is_idchar(s[i + run]); run++)
			continue;
		/* A run must start with a digit: "XXL" is not a number. */
		if (run < 11 || !(s[i] >= '0' && s[i] <= '9'))
			continue;
		for (j = 4; j + 4 < run; j++)
			s[i + j] = '*';
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
