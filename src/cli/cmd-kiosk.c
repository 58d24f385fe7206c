/* cmd-kiosk.c -- `sscard kiosk-pin`: the hash of a helper PIN for the configuration. */
#include "lib/system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cmd-kiosk.h"
#include "lib/exitcode.h"
#include "lib/xmalloc.h"
#include "model/kiosk.h"

static char	*read_secret(FILE *, FILE *, const char *);

/* A line from in, not echoed when in is a terminal; NULL at end of input. */
static char *
read_secret(FILE *in, FILE *out, const char *prompt)
{
	struct termios old, quiet;
	char buf[256], *nl;
	int tty = isatty(fileno(in)) && tcgetattr(fileno(in), &old) == 0;

	fputs(prompt, out);
	fflush(out);
	if (tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fileno(in), TCSAFLUSH, &quiet);
	}
	nl = fgets(buf, sizeof buf, in);
	if (tty) {
		tcsetattr(fileno(in), TCSAFLUSH, &old);
		fputc('\n', out);
	}
	if (nl == NULL)
		return (NULL);
	buf[strcspn(buf, "\r\n")] = '\0';
	nl = xstrdup(buf);
	explicit_bzero(buf, sizeof buf);
	return (nl);
}

int
cmd_kiosk_pin(int argc, char **argv, struct config *cfg)
{
	char *a, *b, *h, *cause = NULL, *prompt;
	int ok;

	if (argc > 1) {
		fprintf(stderr, _("Usage: %s kiosk-pin\n"), PACKAGE);
		return (EXIT_USAGE);
	}
	prompt = xasprintf(_("New helper PIN (%d to %d characters, spaces allowed, "
	    "not shown): "), KIOSK_PIN_MIN, KIOSK_PIN_MAX);
	a = read_secret(stdin, stderr, prompt);
	free(prompt);
	if (a == NULL || (b = read_secret(stdin, stderr, _("The same PIN again: "))) ==
	    NULL) {
		wipe_str(a);
		fprintf(stderr, "%s: %s\n", PACKAGE, _("no PIN was given"));
		return (EXIT_FAILED);
	}
	if (strcmp(a, b) != 0)
		cause = xstrdup(_("the two PINs differ"));
	ok = cause == NULL && kiosk_pin_valid(a, &cause);
	if (!ok)
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
	else {
		h = kiosk_pin_hash(a);
		/* TRANSLATORS: keep "[kiosk]" and "pin_hash": they are configuration words. */
		fprintf(stderr, "%s\n", _("Put this line in the [kiosk] section of "
		    "/etc/sscard.conf:"));
		printf("pin_hash = %s\n", h);
		free(h);
	}
	free(cause);
	wipe_str(a);
	wipe_str(b);
	return (ok ? EXIT_FINISHED : EXIT_FAILED);
}
