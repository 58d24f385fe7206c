/* cmd-photo.c -- `sscard check` and `sscard fix`: the photo engine on the command line. */
#include "lib/system.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cli/cmd-photo.h"
#include "lib/text.h"
#include "lib/config.h"
#include "lib/exitcode.h"
#include "lib/i18n.h"
#include "photo/check.h"
#include "photo/fix.h"
#include "photo/profile.h"
#include "lib/xmalloc.h"

enum { OPT_PROFILE = 256, OPT_JSON };

static const struct option check_options[] = {
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static const struct option fix_options[] = {
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static void	put_cell(const char *, int);
static void	print_table(const char *, const struct photo_profile *,
		    const struct photo_report *);
static void	print_json(const char *, const struct photo_profile *,
		    const struct photo_report *);
static int	usage_error(const char *, const char *);
static struct photo_profile *pick_profile(const struct config *, const char *);

/* Columns on a terminal: CJK characters take two. */
static void
put_cell(const char *s, int width)
{
	text_cell(stdout, s, width);
	putchar(' ');
}

static void
print_table(const char *path, const struct photo_profile *p,
    const struct photo_report *r)
{
	const char *head[4] = { _("RESULT"), _("CHECK"), _("MEASURED"), _("EXPECTED") };
	int w[3] = { 0, 0, 0 }, i;
	char *value, *expected, *safe;
	size_t k;

	/* A name from a USB stick is shown, never obeyed by the terminal. */
	safe = text_safe_name(path);
	printf(_("%s: checked against the %s rules (profile %s)\n"), safe,
	    _(p->title), p->name);
	free(safe);
	for (i = 0; i < 3; i++)
		w[i] = text_width(head[i]);
	for (k = 0; k < r->n; k++) {
		w[0] = text_width(photo_verdict_word(r->checks[k].verdict)) > w[0] ?
		    text_width(photo_verdict_word(r->checks[k].verdict)) : w[0];
		w[1] = text_width(r->checks[k].name) > w[1] ? text_width(r->checks[k].name) : w[1];
		w[2] = text_width(r->checks[k].value) > w[2] ?
		    text_width(r->checks[k].value) : w[2];
	}
	fputs("  ", stdout);
	for (i = 0; i < 3; i++)
		put_cell(head[i], w[i]);
	printf("%s\n", head[3]);
	for (k = 0; k < r->n; k++) {
		fputs("  ", stdout);
		put_cell(photo_verdict_word(r->checks[k].verdict), w[0]);
		put_cell(r->checks[k].name, w[1]);
		/* The decimal separator keeps the width: the columns still line up. */
		value = i18n_decimals(r->checks[k].value);
		expected = i18n_decimals(r->checks[k].expected);
		put_cell(value, w[2]);
		printf("%s\n", expected);
		free(value);
		free(expected);
		if (r->checks[k].verdict != PHOTO_PASS)
			printf("  %*s %s\n", w[0], "", r->checks[k].message);
	}
	printf("%s\n", r->ok ? _("The photo meets the rules.") :
	    r->fixable ? _("The photo does not meet the rules; try: sscard fix PHOTO -o NEW.jpg") :
	    _("The photo does not meet the rules, and sscard cannot fix it: take a new photo."));
}

static void
print_json(const char *path, const struct photo_profile *p,
    const struct photo_report *r)
{
	json_t *o, *a;
	char *s;
	size_t k;

	a = json_array();
	for (k = 0; k < r->n; k++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s, s:s}",
		    "id", r->checks[k].id, "name", r->checks[k].name,
		    "verdict", photo_verdict_id(r->checks[k].verdict),
		    "value", r->checks[k].value,
		    "figures", r->checks[k].figures,
		    "expected", r->checks[k].expected,
		    "message", r->checks[k].message));
	o = json_pack("{s:s, s:s, s:b, s:o}", "file", path, "profile", p->name,
	    "ok", r->ok, "checks", a);
	if (o == NULL || (s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER)) == NULL)
		fatal("out of memory");
	printf("%s\n", s);
	free(s);
	json_decref(o);
}

static int
usage_error(const char *cmd, const char *synopsis)
{
	fprintf(stderr, _("Usage: %s %s\n"), PACKAGE, synopsis);
	fprintf(stderr, _("Try 'man %s' for more information on '%s'.\n"), PACKAGE, cmd);
	return (EXIT_USAGE);
}

static struct photo_profile *
pick_profile(const struct config *cfg, const char *name)
{
	struct photo_profile *p;
	char *cause = NULL;

	if ((p = profile_load(cfg, name, &cause)) == NULL)
		text_say_cause(stderr, &cause);
	return (p);
}

int
cmd_check(int argc, char **argv, struct config *cfg)
{
	static const char synopsis[] = "check [--profile P] [--json] PHOTO...";
	struct photo_profile *p;
	struct photo_report r;
	const char *name = NULL;
	char *cause = NULL;
	int c, json = 0, status = EXIT_FINISHED, i;

	while ((c = getopt_long(argc, argv, "h", check_options, NULL)) != -1) {
		switch (c) {
		case OPT_PROFILE:	name = optarg;	break;
		case OPT_JSON:		json = 1;	break;
		default:
			return (usage_error(argv[0], synopsis));
		}
	}
	if (optind >= argc)
		return (usage_error(argv[0], synopsis));
	if ((p = pick_profile(cfg, name)) == NULL)
		return (EXIT_USAGE);
	for (i = optind; i < argc; i++) {
		if (photo_check_file(argv[i], p, cfg, &r, &cause) != 0) {
			text_say_cause(stderr, &cause);
			status = EXIT_USAGE;
			continue;
		}
		json ? print_json(argv[i], p, &r) : print_table(argv[i], p, &r);
		if (!r.ok && status == EXIT_FINISHED)
			status = EXIT_FAILED;
		photo_report_free(&r);
	}
	profile_free(p);
	return (status);
}

int
cmd_fix(int argc, char **argv, struct config *cfg)
{
	static const char synopsis[] = "fix [--profile P] PHOTO -o OUT";
	struct photo_profile *p;
	struct photo_report r;
	const char *name = NULL, *out = NULL;
	char *cause = NULL, *safe;
	int c, status;

	while ((c = getopt_long(argc, argv, "ho:", fix_options, NULL)) != -1) {
		switch (c) {
		case OPT_PROFILE:	name = optarg;	break;
		case 'o':		out = optarg;	break;
		default:
			return (usage_error(argv[0], synopsis));
		}
	}
	if (optind + 1 != argc || out == NULL)
		return (usage_error(argv[0], synopsis));
	if ((p = pick_profile(cfg, name)) == NULL)
		return (EXIT_USAGE);
	if (photo_fix_file(argv[optind], p, cfg, out, &r, &cause) != 0) {
		text_say_cause(stderr, &cause);
		profile_free(p);
		return (EXIT_FAILED);
	}
	safe = text_safe_name(out);
	printf(_("Wrote %s.\n"), safe);
	free(safe);
	print_table(out, p, &r);
	status = r.ok ? EXIT_FINISHED : EXIT_FAILED;
	photo_report_free(&r);
	profile_free(p);
	return (status);
}
