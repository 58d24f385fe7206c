/* main.c -- locale, options, configuration, then the wizard or a command. */
#include "lib/system.h"

#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/app.h"
#include "screens/screen.h"
#include "cli/commands.h"
#include "lib/config.h"
#include "lib/exitcode.h"
#include "lib/i18n.h"
#include "lib/json-wipe.h"
#include "lib/log.h"
#include "model/kiosk.h"
#include "plain/plain.h"
#include "lib/xmalloc.h"

enum {
	OPT_LANG = 256,
	OPT_CONFIG,
	OPT_REPLAY,
	OPT_RECORD,
	OPT_SNAPSHOT,
	OPT_PROFILE,
	OPT_GRAPHICS,
	OPT_PLAIN,
	OPT_KIOSK,
};

static const struct option long_options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "replay", required_argument, NULL, OPT_REPLAY },
	{ "record", required_argument, NULL, OPT_RECORD },
	{ "snapshot", required_argument, NULL, OPT_SNAPSHOT },
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "graphics", required_argument, NULL, OPT_GRAPHICS },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "kiosk", no_argument, NULL, OPT_KIOSK },
	{ NULL, 0, NULL, 0 }
};

static void	usage(void);
static void	version(void);
static int	close_stdout(int);

static void
usage(void)
{
	const struct command *c;
	int i;

	printf(_("Usage: %s [OPTION]...\n"
	    "  or:  %s COMMAND [ARGUMENT]...\n"), PACKAGE, PACKAGE);
	/*
	 * The help is printed before any configuration is read, so it says what
	 * happens either way: only a configured card service queues and sends.
	 */
	fputs(_("Change the photo on a Chinese social security card (社保卡): a wizard\n"
	    "that explains the channels, takes your details and checks your photo.\n"
	    "It then saves an application kit for the counter or, where a card\n"
	    "service is configured, queues the application and sends it.\n\n"), stdout);
	fputs(_("Options:\n"
	    "  -h, --help           show this help and exit\n"
	    "  -V, --version        show version information and exit\n"
	    "      --lang=LANG      language: zh_CN, zh_TW, en or es\n"
	    "      --config=FILE    read FILE after the system and user configuration\n"
	    "      --replay=FILE    read keystrokes from FILE instead of the keyboard\n"
	    "      --record=FILE    write what you type to FILE, in the same format\n"
	    "      --snapshot=DIR   write the screen's text to DIR after every change\n"
	    "      --profile=NAME   check photos against the photo profile NAME\n"), stdout);
	fputs(_("      --graphics=MODE  show photos as auto, sixel, blocks, ascii or none\n"),
	    stdout);
	fputs(_("      --plain          ask line by line (for screen readers); also with\n"
	    "                       TERM=dumb or ACCESSIBLE set\n"
	    "      --kiosk          shared machine: idle wipe, no drafts, PIN to leave\n"),
	    stdout);
	if (command_at(0) != NULL)
		fputs(_("\nCommands:\n"), stdout);
	for (i = 0; (c = command_at(i)) != NULL; i++)
		printf("  %-44s %s\n", c->synopsis, _(c->summary));
	fputs(_("\nExit status: 0 finished, 1 error, 2 usage error, 3 cancelled by the\n"
	    "user, 4 the key script ran out before the wizard ended.\n"), stdout);
	printf(_("\nFull documentation: man %s\n"), PACKAGE);
}

static void
version(void)
{
	printf("%s %s\n", PACKAGE, PACKAGE_VERSION);
	fputs(_("License: GPL-3.0-or-later <https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

/* A write error on stdout (a full disk, /dev/full) must change the exit status. */
static int
close_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("write error"),
		    strerror(errno));
		return (status == EXIT_FINISHED ? EXIT_FAILED : status);
	}
	return (status);
}

int
main(int argc, char **argv)
{
	struct app_options opts = { NULL, NULL, NULL, NULL, NULL, 0, 0 };
	const char *lang = NULL, *config_path = NULL;
	const struct command *cmd = NULL;
	struct config cfg;
	char *cause = NULL;
	size_t i;
	int c, help = 0, ver = 0, status, lang_ok;

#ifdef M_ARENA_MAX
	/*
	 * One heap for every thread: the photo engine's threads (the decoder's
	 * face search, the networks read while a photo decodes) each grew one
	 * of their own, and a fix's peak memory held them: 61 MB, 50 with one.
	 */
	mallopt(M_ARENA_MAX, 1);
#endif
	/* '+': options after a command word belong to the command. */
	while ((c = getopt_long(argc, argv, "+hV", long_options, NULL)) != -1) {
		switch (c) {
		case 'h':		help = 1;			break;
		case 'V':		ver = 1;			break;
		case OPT_LANG:		lang = optarg;			break;
		case OPT_CONFIG:	config_path = optarg;		break;
		case OPT_REPLAY:	opts.replay = optarg;		break;
		case OPT_RECORD:	opts.record = optarg;		break;
		case OPT_SNAPSHOT:	opts.snapshot_dir = optarg;	break;
		case OPT_PROFILE:	opts.profile = optarg;		break;
		case OPT_GRAPHICS:	opts.graphics = optarg;		break;
		case OPT_PLAIN:		opts.plain = 1;			break;
		case OPT_KIOSK:		opts.kiosk = 1;			break;
		default:
			i18n_init(NULL);
			fprintf(stderr, _("Try '%s --help' for more information.\n"),
			    PACKAGE);
			return (EXIT_USAGE);
		}
	}
	lang_ok = i18n_init(lang) == 0;
	if (help || ver) {
		help ? usage() : version();
		return (close_stdout(EXIT_FINISHED));
	}
	if (!lang_ok) {
		fprintf(stderr, _("%s: unknown language '%s' (use zh_CN, zh_TW, en or es)\n"),
		    PACKAGE, lang);
		return (EXIT_USAGE);
	}
	if (optind < argc && (cmd = command_find(argv[optind])) == NULL) {
		fprintf(stderr, _("%s: unknown command '%s'\n"), PACKAGE, argv[optind]);
		fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
		return (EXIT_USAGE);
	}
	config_init(&cfg);
	if (config_load(&cfg, config_path, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		config_free(&cfg);
		return (EXIT_USAGE);
	}
	for (i = 0; i < cfg.nwarnings; i++)
		fprintf(stderr, "%s: %s\n", PACKAGE, cfg.warnings[i]);
	/* What citizens type at a kiosk is never written down (replays are tests). */
	if (cmd == NULL && opts.replay == NULL && (opts.record != NULL ||
	    opts.snapshot_dir != NULL) && kiosk_enabled(&cfg, opts.kiosk)) {
		fprintf(stderr, _("%s: a kiosk keeps no record of what is typed: "
		    "--record and --snapshot work there only with --replay\n"), PACKAGE);
		config_free(&cfg);
		return (EXIT_USAGE);
	}
	json_wipe_init();
	if (log_open(&cfg, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		config_free(&cfg);
		return (EXIT_USAGE);
	}
	if (cmd != NULL) {
		int first = optind;

		optind = 0;	/* let the command run getopt afresh */
		status = cmd->run(argc - first, argv + first, &cfg);
	} else if (plain_wanted(opts.plain))
		status = plain_run(&opts, &cfg);
	else
		status = app_run(&opts, &cfg, &wizard_screens);
	log_close();
	config_free(&cfg);
	return (close_stdout(status));
}
