/* test-term-detect.c -- detection against a fake terminal on a pty: answers, late, never. */
#include "lib/system.h"

#include <curses.h>
#include <poll.h>
#include <pty.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "tui/keyboard.h"
#include "tui/term-detect.h"

enum behaviour { ANSWERS, LATE, NEVER };

/* What xterm -ti vt340 with window operations allowed says, on a black background. */
static const char xterm_replies[] = "\033[?1;0;256S\033[?2;0;900;760S\033[4;760;900t"
    "\033[6;19;9t\033[8;40;100t\033]11;rgb:0000/0000/0000\033\\"
    "\033[?63;1;2;4;6;9;15;16;22;28c";
/* What the fake terminal answers this time. */
static const char *replies = xterm_replies;

/* The fake terminal: waits for DA1, answers as told, then drains output. */
static void
terminal(int master, enum behaviour how)
{
	char buf[4096], seen[8192];
	size_t n = 0;
	ssize_t k;
	struct pollfd pfd = { master, POLLIN, 0 };

	while (n < sizeof seen - 1 && poll(&pfd, 1, 5000) > 0 &&
	    (k = read(master, buf, sizeof buf)) > 0) {
		memcpy(seen + n, buf, (size_t)k < sizeof seen - 1 - n ?
		    (size_t)k : sizeof seen - 1 - n);
		n += (size_t)k;
		seen[n < sizeof seen ? n : sizeof seen - 1] = '\0';
		if (strstr(seen, "\033[c") != NULL)
			break;
	}
	if (how == ANSWERS)
		(void)!write(master, replies, strlen(replies));
	else if (how == LATE) {
		/* Well after the 250 ms the wizard waits: a slow SSH link. */
		usleep(700 * 1000);
		(void)!write(master, replies, strlen(replies));
		(void)!write(master, "x", 1);
	}
	while (poll(&pfd, 1, 5000) > 0 && read(master, buf, sizeof buf) > 0)
		;
}

/* Runs term_query on a pty whose other end behaves as told. */
static pid_t
query(enum behaviour how, int *slave, struct term_caps *caps, long *secs)
{
	/* No pixels in the window size, as over SSH and in some terminals. */
	struct winsize ws = { 24, 80, 0, 0 };
	int master;
	pid_t pid;
	time_t t0;

	assert_int_equal(openpty(&master, slave, NULL, NULL, &ws), 0);
	if ((pid = fork()) == 0) {
		close(*slave);
		terminal(master, how);
		_exit(0);
	}
	close(master);
	memset(caps, 0, sizeof *caps);
	t0 = time(NULL);
	term_query(*slave, *slave, TERM_QUERY_MS, caps);
	*secs = (long)(time(NULL) - t0);
	return (pid);
}

static void
finish(pid_t pid, int slave)
{
	int st;

	close(slave);
	assert_int_equal(waitpid(pid, &st, 0), pid);
}

/* Asks a terminal that answers at once, or never; returns what it said. */
static void
ask(enum behaviour how, struct term_caps *caps)
{
	int slave;
	long secs;
	pid_t pid = query(how, &slave, caps, &secs);

	assert_true(caps->queried);
	/* Not a speed test: it must not hang (the budget is 250 ms). */
	if (secs > 3)
		fail_msg("term_query waited %ld s", secs);
	finish(pid, slave);
}

static void
test_answers(void **state)
{
	struct term_caps caps;

	ask(ANSWERS, &caps);
	assert_true(caps.answered);
	assert_true(caps.sixel);
	assert_int_equal(caps.registers, 256);
	assert_int_equal(caps.cell_w, 9);
	assert_int_equal(caps.cell_h, 19);
	assert_int_equal(caps.max_w, 900);
	assert_int_equal(caps.text_cols, 100);
	assert_int_equal(caps.background, TERM_BG_DARK);
}

/* Asks, with the fake terminal saying only what, then sizes the cell on its pty. */
static void
cell_of(const char *what, struct term_caps *caps)
{
	int slave;
	long secs;
	pid_t pid;

	replies = what;
	pid = query(ANSWERS, &slave, caps, &secs);
	replies = xterm_replies;
	assert_true(caps->answered);
	term_cell_size(slave, caps);
	finish(pid, slave);
}

/*
 * Zero pixels from TIOCGWINSZ (the fake terminal's window is 80x24 cells,
 * no pixels), and what the terminal says instead decides the cell; too large
 * a cell would draw past the box.
 */
static void
test_cell_size(void **state)
{
	static const struct {
		const char	*replies;
		int		 cell_w, cell_h, max_w, max_h;
	} cases[] = {
		/* Stock xterm (no window operations) still gives its sixel
		 * geometry, the window's pixels: the window, not a limit. */
		{ "\033[?1;0;256S\033[?2;0;720;456S\033[?63;1;2;4;6c", 9, 19, 0, 0 },
		/* The text area in pixels (14 t) over its cells (18 t). */
		{ "\033[4;760;900t\033[8;40;100t\033[?63;4c", 9, 19, 0, 0 },
		/* A geometry below the window (maxGraphicSize) stays a limit. */
		{ "\033[6;19;9t\033[?2;0;500;400S\033[?63;4c", 9, 19, 500, 400 },
		/* Nothing but DA1: the 10x20 guess. */
		{ "\033[?63;4c", 10, 20, 0, 0 },
	};
	struct term_caps caps;
	size_t i;

	for (i = 0; i < nitems(cases); i++) {
		cell_of(cases[i].replies, &caps);
		if (caps.cell_w != cases[i].cell_w || caps.cell_h != cases[i].cell_h ||
		    caps.max_w != cases[i].max_w || caps.max_h != cases[i].max_h)
			fail_msg("case %zu: cell %dx%d, limit %dx%d", i, caps.cell_w,
			    caps.cell_h, caps.max_w, caps.max_h);
	}
	assert_int_equal(caps.background, TERM_BG_UNKNOWN);
}

/* OSC 11 replies, ended by ST or BEL, with 2 or 4 hex digits a channel. */
static void
test_background(void **state)
{
	static const char *const light[] = {
		"\033]11;rgb:ffff/ffff/ffff\033\\", "\033]11;rgb:f0/f0/e8\007",
	};
	static const char *const dark[] = {
		"\033]11;rgb:0000/2b2b/3636\033\\", "\033]11;rgb:1e/1e/1e\007",
	};
	static const char *const neither[] = {
		"\033]11;rgb:ffff/ffff\033\\", "\033]10;rgb:0000/0000/0000\007",
		"\033]11;rgb:zz/00/00\007", "\033]11;rgb:ffff/ffff/ffff",
	};
	struct term_caps caps;
	size_t i;

	for (i = 0; i < 2; i++) {
		memset(&caps, 0, sizeof caps);
		term_parse((const unsigned char *)light[i], strlen(light[i]), &caps);
		assert_int_equal(caps.background, TERM_BG_LIGHT);
		memset(&caps, 0, sizeof caps);
		term_parse((const unsigned char *)dark[i], strlen(dark[i]), &caps);
		assert_int_equal(caps.background, TERM_BG_DARK);
	}
	for (i = 0; i < nitems(neither); i++) {
		memset(&caps, 0, sizeof caps);
		term_parse((const unsigned char *)neither[i], strlen(neither[i]), &caps);
		assert_int_equal(caps.background, TERM_BG_UNKNOWN);
	}
	memset(&caps, 0, sizeof caps);
	assert_int_equal(term_set_background(&caps, "dark", NULL), 0);
	assert_int_equal(caps.background, TERM_BG_DARK);
	assert_int_equal(term_set_background(&caps, NULL, NULL), 0);
	assert_int_equal(caps.background, TERM_BG_DARK);
}

static void
test_never(void **state)
{
	struct term_caps caps;

	ask(NEVER, &caps);
	assert_false(caps.answered);
	assert_false(caps.sixel);
}

/* Replies that come after the timeout must not become the wizard's keys. */
static void
test_late(void **state)
{
	struct term_caps caps;
	struct input in;
	struct key k;
	SCREEN *sp;
	FILE *out, *inf;
	int slave;
	long secs;
	pid_t pid = query(LATE, &slave, &caps, &secs);

	assert_false(caps.answered);
	if (secs > 3)
		fail_msg("term_query waited %ld s", secs);
	out = fdopen(dup(slave), "w");
	inf = fdopen(dup(slave), "r");
	assert_non_null(sp = newterm("xterm-256color", out, inf));
	raw();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	memset(&in, 0, sizeof in);
	alarm(20);	/* a bug here must fail the test, not hang it */
	assert_int_equal(keyboard_next(&in, &k), 0);
	alarm(0);
	endwin();
	delscreen(sp);
	fclose(out);
	fclose(inf);
	if (k.code != K_CHAR || k.ch != L'x')
		fail_msg("first key: code %d char %d, expected the typed 'x'",
		    (int)k.code, (int)k.ch);
	finish(pid, slave);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_cell_size),
		cmocka_unit_test(test_background),
		cmocka_unit_test(test_never),
		cmocka_unit_test(test_late),
	};

	setenv("TERM", "xterm-256color", 1);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
