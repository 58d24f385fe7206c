/* commands.h -- sscard's subcommands (check, fix, submit, ...); the wizard is the default. */
#ifndef SSCARD_COMMANDS_H
#define SSCARD_COMMANDS_H

struct config;

struct command {
	const char	*name;
	const char	*synopsis;	/* untranslated: "check [--profile P] [--json] PHOTO..." */
	const char	*summary;	/* N_() */
	/* argv[0] is the command name; returns an exit status. */
	int		 (*run)(int, char **, struct config *);
};

const struct command	*command_find(const char *);
const struct command	*command_at(int);	/* NULL past the end */

#endif
