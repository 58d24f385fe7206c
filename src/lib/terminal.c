/* terminal.c -- the text terminal through terminfo alone, for both front ends. */
#include "lib/system.h"

#include <stdio.h>
#include <stdlib.h>
#include <term.h>
#include <unistd.h>

#include "lib/terminal.h"

/* Where term_clear's capabilities go: tputs takes a function of one character. */
static FILE	*clear_out;

static int
clear_putc(int c)
{
	return (putc(c, clear_out));
}

int
term_clear(FILE *out)
{
	const char *term = getenv("TERM");
	char *cl, *e3;
	int err, done = 0;

	if (!isatty(fileno(out)) || term == NULL || *term == '\0' ||
	    setupterm(term, fileno(out), &err) != 0)	/* OK is 0: <curses.h> names it */
		return (0);
	cl = tigetstr("clear");
	e3 = tigetstr("E3");
	if (cl != NULL && cl != (char *)-1) {
		clear_out = out;
		fflush(out);
		tputs(cl, 1, clear_putc);
		done = 1;
		if (e3 != NULL && e3 != (char *)-1) {
			tputs(e3, 1, clear_putc);
			done = 2;
		}
		fflush(out);
	}
	del_curterm(cur_term);
	return (done);
}
