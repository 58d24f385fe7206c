/* config.c -- read INI files with inih, keep file and line for every value. */
#include "lib/system.h"

#include <errno.h>
#include <stdarg.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lib/config.h"
#include "lib/xmalloc.h"

/*
 * Every key sscard knows.  A section written "profile *" matches
 * "[profile NAME]"; a key "*" matches any key of that section.
 */
static const struct {
	const char	*section;
	const char	*key;
} known_keys[] = {
	{ "sscard", "lang" },
	{ "sscard", "graphics" },
	{ "sscard", "background" },
	{ "sscard", "log" },
	{ "outbox", "dir" },
	{ "kit", "dir" },
	{ "outbox", "keep_sent_days" },
	{ "photo", "max_pixels" },
	{ "photo", "cascade_dir" },
	{ "photo", "profile" },
	{ "profile *", "title" },
	{ "profile *", "base" },
	{ "profile *", "width" },
	{ "profile *", "height" },
	{ "profile *", "dpi" },
	{ "profile *", "min_kb" },
	{ "profile *", "max_kb" },
	{ "profile *", "face_min" },
	{ "profile *", "face_max" },
	{ "profile *", "crown_min" },
	{ "profile *", "crown_max" },
	{ "profile *", "eye_line_min" },
	{ "profile *", "eye_x_min" },
	{ "profile *", "eye_x_max" },
	{ "profile *", "glasses" },
	{ "profile *", "mouth_closed" },
	{ "profile *", "pose_max" },
	{ "profile *", "size_window" },
	{ "profile *", "quality" },
	{ "backend", "name" },
	{ "backend", "base_url" },
	{ "backend", "token" },
	{ "backend", "token_file" },
	{ "backend", "ca_bundle" },
	{ "backend", "client_cert" },
	{ "backend", "client_key" },
	{ "backend", "proxy" },
	{ "backend", "connect_timeout" },
	{ "backend", "timeout" },
	{ "backend", "retries" },
	{ "backend", "backoff" },
	{ "backend", "backoff_max" },
	{ "backend", "insecure" },
	{ "backend", "application_part" },
	{ "backend", "photo_part" },
	{ "backend", "parallel" },
	{ "backend", "run_timeout" },
	{ "form", "*" },
	{ "draft", "keep_hours" },
	{ "kiosk", "enabled" },
	{ "kiosk", "idle_seconds" },
	{ "kiosk", "notice_seconds" },
	{ "kiosk", "photo_dirs" },
	{ "kiosk", "kit_dir" },
	{ "kiosk", "pin_hash" },
	{ "print", "command" },
	{ "print", "timeout_seconds" },
};

struct parse_state {
	struct config	*cfg;
	const char	*file;
	FILE		*f;
	int		 line;		/* lines read so far: the handler's line */
	int		 long_line;	/* first line longer than inih takes */
};

static int	 section_matches(const char *, const char *);
static int	 is_known(const char *, const char *);
static char	*reader(char *, int, void *);
static int	 handler(void *, const char *, const char *, const char *);
static void	 warn(struct config *, const char *, ...) __attribute__((format(printf, 2, 3)));

void
config_init(struct config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
}

void
config_free(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->n; i++) {
		free(cfg->v[i].section);
		free(cfg->v[i].key);
		wipe_str(cfg->v[i].value);	/* may hold a token */
		free(cfg->v[i].file);
	}
	for (i = 0; i < cfg->nwarnings; i++)
		free(cfg->warnings[i]);
	free(cfg->v);
	free(cfg->warnings);
	memset(cfg, 0, sizeof *cfg);
}

static void
warn(struct config *cfg, const char *fmt, ...)
{
	va_list ap;

	cfg->warnings = xreallocarray(cfg->warnings, cfg->nwarnings + 1,
	    sizeof *cfg->warnings);
	va_start(ap, fmt);
	cfg->warnings[cfg->nwarnings++] = xvasprintf(fmt, ap);
	va_end(ap);
}

static int
section_matches(const char *pattern, const char *section)
{
	size_t n = strlen(pattern);

	if (n > 2 && strcmp(pattern + n - 2, " *") == 0)
		return (strncmp(pattern, section, n - 1) == 0 && section[n - 1] != '\0');
	return (strcmp(pattern, section) == 0);
}

static int
is_known(const char *section, const char *key)
{
	size_t i;

	for (i = 0; i < nitems(known_keys); i++)
		if (section_matches(known_keys[i].section, section) &&
		    (strcmp(known_keys[i].key, "*") == 0 ||
		    strcmp(known_keys[i].key, key) == 0))
			return (1);
	return (0);
}

/* fgets for inih that counts lines, so the handler knows where a value stood. */
static char *
reader(char *buf, int size, void *arg)
{
	struct parse_state *ps = arg;
	size_t len;
	int c;

	if (fgets(buf, size, ps->f) == NULL)
		return (NULL);
	ps->line++;
	len = strlen(buf);
	if (len > 0 && buf[len - 1] != '\n' && !feof(ps->f)) {
		/* Longer than inih's line buffer: drop the rest, report it. */
		while ((c = fgetc(ps->f)) != EOF && c != '\n')
			;
		if (ps->long_line == 0)
			ps->long_line = ps->line;
	}
	return (buf);
}

static int
handler(void *arg, const char *section, const char *key, const char *value)
{
	struct parse_state *ps = arg;
	struct config *cfg = ps->cfg;
	struct config_entry *e;

	if (key == NULL)	/* a new section with no key yet */
		return (1);
	if (!is_known(section, key)) {
		/* TRANSLATORS: FILE:LINE: unknown key [section] key */
		warn(cfg, _("%s:%d: unknown key '%s' in section [%s] (ignored)"),
		    ps->file, ps->line, key, section);
		return (1);
	}
	cfg->v = xreallocarray(cfg->v, cfg->n + 1, sizeof *cfg->v);
	e = &cfg->v[cfg->n++];
	e->section = xstrdup(section);
	e->key = xstrdup(key);
	e->value = xstrdup(value);
	e->file = xstrdup(ps->file);
	e->line = ps->line;
	return (1);
}

int
config_load_file(struct config *cfg, const char *path, char **cause)
{
	struct parse_state ps = { cfg, path, NULL, 0, 0 };
	int rc;

	if ((ps.f = fopen(path, "re")) == NULL) {
		*cause = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		return (-1);
	}
	rc = ini_parse_stream(reader, &ps, handler, &ps);
	fclose(ps.f);
	if (ps.long_line != 0 && (rc == 0 || ps.long_line < rc)) {
		*cause = xasprintf(_("%s:%d: line too long (at most %d characters)"),
		    path, ps.long_line, INI_MAX_LINE - 2);
		return (-1);
	}
	if (rc > 0) {
		*cause = xasprintf(_("%s:%d: not a 'key = value' line nor a "
		    "[section] header"), path, rc);
		return (-1);
	}
	if (rc < 0) {
		*cause = xasprintf(_("cannot read %s"), path);
		return (-1);
	}
	return (0);
}

int
config_load(struct config *cfg, const char *path, char **cause)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *user = NULL;
	int rc = 0;

	if (access("/etc/sscard.conf", F_OK) == 0 &&
	    config_load_file(cfg, "/etc/sscard.conf", cause) != 0)
		return (-1);
	if (xdg != NULL && *xdg == '/')
		user = xasprintf("%s/sscard/config", xdg);
	else if (home != NULL && *home != '\0')
		user = xasprintf("%s/.config/sscard/config", home);
	if (user != NULL && access(user, F_OK) == 0)
		rc = config_load_file(cfg, user, cause);
	free(user);
	if (rc == 0 && path != NULL)
		rc = config_load_file(cfg, path, cause);
	return (rc);
}

/* The entry that wins: the last one read. */
const struct config_entry *
config_find(const struct config *cfg, const char *section, const char *key)
{
	size_t i;

	for (i = cfg->n; i > 0; i--)
		if (strcmp(cfg->v[i - 1].section, section) == 0 &&
		    strcmp(cfg->v[i - 1].key, key) == 0)
			return (&cfg->v[i - 1]);
	return (NULL);
}

const char *
config_str(const struct config *cfg, const char *section, const char *key,
    const char *def)
{
	const struct config_entry *e = config_find(cfg, section, key);

	return (e != NULL ? e->value : def);
}

int
config_long(const struct config *cfg, const char *section, const char *key,
    long def, long min, long max, long *out, char **cause)
{
	const struct config_entry *e = config_find(cfg, section, key);
	char *end;
	long v;

	*out = def;
	if (e == NULL)
		return (0);
	errno = 0;
	v = strtol(e->value, &end, 10);
	if (errno != 0 || end == e->value || *end != '\0' || v < min || v > max) {
		*cause = xasprintf(_("%s:%d: %s must be a whole number from %ld "
		    "to %ld, not '%s'"), e->file, e->line, key, min, max, e->value);
		return (-1);
	}
	*out = v;
	return (0);
}

int
config_bool(const struct config *cfg, const char *section, const char *key,
    int def, int *out, char **cause)
{
	const struct config_entry *e = config_find(cfg, section, key);
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	*out = def;
	if (e == NULL)
		return (0);
	for (i = 0; i < nitems(yes); i++) {
		if (strcasecmp(e->value, yes[i]) == 0) {
			*out = 1;
			return (0);
		}
		if (strcasecmp(e->value, no[i]) == 0) {
			*out = 0;
			return (0);
		}
	}
	*cause = xasprintf(_("%s:%d: %s must be yes or no, not '%s'"), e->file,
	    e->line, key, e->value);
	return (-1);
}
