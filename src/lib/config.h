/* config.h -- the INI configuration: system, user and --config files. */
#ifndef SSCARD_CONFIG_H
#define SSCARD_CONFIG_H

#include <stddef.h>

struct config_entry {
	char	*section;	/* "backend", "profile shenzhen" */
	char	*key;
	char	*value;
	char	*file;
	int	 line;
};

struct config {
	struct config_entry	*v;
	size_t			 n;
	char			**warnings;	/* "FILE:LINE: unknown key …"; shown, not fatal */
	size_t			 nwarnings;
};

void	config_init(struct config *);
void	config_free(struct config *);
/*
 * Reads /etc/sscard.conf, then $XDG_CONFIG_HOME/sscard/config, then `path`
 * (NULL for none; it must exist when given).  A later file's value wins, so
 * --config overrides the user's file, which overrides the system's.  Returns
 * 0, or -1 with *cause naming file and line; caller frees.
 */
int	config_load(struct config *, const char *, char **);
/* Parses one file into cfg (public for the tests and the fuzzer). */
int	config_load_file(struct config *, const char *, char **);

const struct config_entry *config_find(const struct config *, const char *, const char *);
const char	*config_str(const struct config *, const char *, const char *, const char *);
/* Typed getters: 0 with *out set (default when absent), or -1 with *cause. */
int	config_long(const struct config *, const char *, const char *, long, long,
	    long, long *, char **);
int	config_bool(const struct config *, const char *, const char *, int, int *,
	    char **);

#endif
