/* input.c -- key sources: the keyboard through curses, or a key script. */
#include "lib/system.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "lib/signals.h"
#include "term-detect.h"
#include "lib/xmalloc.h"

static int	from_curses(wint_t, int, struct key *);
static void	record_abandon(void *, int);

int
input_open(struct input *in, const char *script, char **cause)
{
	memset(in, 0, sizeof *in);
	if (script == NULL)
		return (0);
	in->replay = 1;
	return (keyscript_load(script, &in->script, cause));
}

/* Records into a 0600 temp file beside path; input_close renames it into place. */
int
input_record(struct input *in, const char *path, char **cause)
{
	int fd;

	in->record_tmp = xasprintf("%s.XXXXXX", path);
	if ((fd = mkostemp(in->record_tmp, O_CLOEXEC)) < 0 ||
	    (in->record = fdopen(fd, "w")) == NULL) {
		*cause = xasprintf(_("cannot record to %s: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(in->record_tmp);
		in->record_tmp = NULL;
		return (-1);
	}
	in->record_path = xstrdup(path);
	in->record_cleanup = signals_on_exit(record_abandon, in);
	fputs("# sscard key script (recorded); replay with: sscard --replay FILE\n",
	    in->record);
	return (0);
}

/*
 * The run ends before input_close (a signal, fatal()): the half-made
 * recording goes, nothing is renamed.
 */
static void
record_abandon(void *arg, int signo)
{
	struct input *in = arg;

	(void)signo;
	if (in->record == NULL)
		return;
	fclose(in->record);
	in->record = NULL;
	unlink(in->record_tmp);
	free(in->record_tmp);
	free(in->record_path);
	in->record_tmp = in->record_path = NULL;
}

/* Turns what wget_wch read into a key. */
static int
from_curses(wint_t c, int rc, struct key *k)
{
	memset(k, 0, sizeof *k);
	if (rc == KEY_CODE_YES) {
		switch (c) {
		case KEY_ENTER:		k->code = K_ENTER;	return (0);
		case KEY_BTAB:		k->code = K_BTAB;	return (0);
		case KEY_UP:		k->code = K_UP;		return (0);
		case KEY_DOWN:		k->code = K_DOWN;	return (0);
		case KEY_LEFT:		k->code = K_LEFT;	return (0);
		case KEY_RIGHT:		k->code = K_RIGHT;	return (0);
		case KEY_HOME:		k->code = K_HOME;	return (0);
		case KEY_END:		k->code = K_END;	return (0);
		case KEY_PPAGE:		k->code = K_PGUP;	return (0);
		case KEY_NPAGE:		k->code = K_PGDN;	return (0);
		case KEY_BACKSPACE:	k->code = K_BS;		return (0);
		case KEY_DC:		k->code = K_DEL;	return (0);
		case KEY_RESIZE:	k->code = K_RESIZE;	return (0);
		}
		if (c >= KEY_F(1) && c <= KEY_F(12)) {
			k->code = K_F;
			k->n = (int)(c - KEY_F0);
			return (0);
		}
		return (-1);
	}
	switch (c) {
	case '\r': case '\n':	k->code = K_ENTER;	return (0);
	case '\t':		k->code = K_TAB;	return (0);
	case 27:		k->code = K_ESC;	return (0);
	case 8: case 127:	k->code = K_BS;		return (0);
	case ' ':		k->code = K_SPACE;	return (0);
	}
	if (c >= 1 && c <= 26) {
		k->code = K_CTRL;
		k->n = 'a' + (int)c - 1;
		return (0);
	}
	if (c < 0x20)
		return (-1);
	k->code = K_CHAR;
	k->ch = (wchar_t)c;
	return (0);
}

int
input_next(struct input *in, struct key *k)
{
	wint_t c;
	int rc;

	if (in->replay) {
		if (in->script.next >= in->script.n)
			return (-1);
		*k = in->script.keys[in->script.next++];
		return (0);
	}
	for (;;) {
		rc = get_wch(&c);
		if (rc == ERR)
			return (-1);	/* the terminal is gone (hang-up): unwind */
		if (rc == OK && c == 27 && term_drop_late_reply())
			continue;	/* the terminal answering a query, not a key */
		if (from_curses(c, rc, k) == 0)
			break;
	}
	if (in->record != NULL && k->code != K_RESIZE) {
		keyscript_write(in->record, k);
		fflush(in->record);
	}
	return (0);
}

int
input_close(struct input *in, char **cause)
{
	int rc = 0;

	keyscript_free(&in->script);
	if (in->record_path != NULL)
		signals_forget(in->record_cleanup);
	if (in->record != NULL) {
		if (fputc('\n', in->record) == EOF || fflush(in->record) != 0 ||
		    fsync(fileno(in->record)) != 0) {
			*cause = xasprintf(_("cannot write %s: %s"), in->record_path,
			    strerror(errno));
			rc = -1;
		}
		if (fclose(in->record) != 0 && rc == 0) {
			*cause = xasprintf(_("cannot write %s"), in->record_path);
			rc = -1;
		}
		if (rc == 0 && rename(in->record_tmp, in->record_path) != 0) {
			*cause = xasprintf(_("cannot write %s: %s"), in->record_path,
			    strerror(errno));
			rc = -1;
		}
		if (rc != 0)
			unlink(in->record_tmp);
		free(in->record_tmp);
		free(in->record_path);
	}
	memset(in, 0, sizeof *in);
	return (rc);
}
