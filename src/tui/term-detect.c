/* term-detect.c -- ask the terminal what it can show, never waiting long. */
#include "lib/system.h"

#include <curses.h>
#include <term.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tui/term-detect.h"
#include "lib/xmalloc.h"

#define MAX_PARAMS	16
/* A reply longer than this is not one of ours. */
#define MAX_REPLY	64

static const char *const mode_names[] = {
	"none", "ascii", "blocks", "sixel", "auto"
};

/* Set when DA1's reply did not come in time: replies may still be on the way. */
static int	late_replies;

static long	now_ms(void);
static size_t	parse_one(const unsigned char *, size_t, struct term_caps *, int *);
static size_t	parse_osc(const unsigned char *, size_t, struct term_caps *);
static double	channel(const char **);
static void	background(const char *, struct term_caps *);
static void	reply(struct term_caps *, int, int, const int *, int);
static int	may_ask(void);
static int	osc_safe(void);
static int	cell_from(int, int, int, int, struct term_caps *);
static void	cell_size(int, struct term_caps *);
static int	term_colours(void);
static enum graphics_mode fallback(const struct term_caps *);
static int	reply_step(const wint_t *, int, int);

int
term_mode_parse(const char *s, enum graphics_mode *mode)
{
	size_t i;

	for (i = 0; i < nitems(mode_names); i++) {
		if (strcmp(s, mode_names[i]) == 0) {
			*mode = (enum graphics_mode)i;
			return (0);
		}
	}
	return (-1);
}

const char *
term_mode_name(enum graphics_mode mode)
{
	return ((size_t)mode < nitems(mode_names) ? mode_names[mode] : "?");
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1000L + ts.tv_nsec / 1000000L);
}

/* What one complete reply says. */
static void
reply(struct term_caps *caps, int priv, int final, const int *p, int np)
{
	int i;

	if ((priv == '?' || priv == '=') && final == 'c') {
		/* DA1: p[0] is the conformance class, attributes follow. */
		caps->answered = 1;
		for (i = 1; i < np; i++)
			if (p[i] == 4)
				caps->sixel = 1;
	} else if (priv == '?' && final == 'S' && np >= 3 && p[1] == 0) {
		if (p[0] == 1 && p[2] > 0)
			caps->registers = p[2];
		else if (p[0] == 2 && np >= 4 && p[2] > 0 && p[3] > 0) {
			caps->max_w = p[2];
			caps->max_h = p[3];
		}
	} else if (priv == 0 && final == 't' && np >= 3 &&
	    p[1] > 0 && p[2] > 0) {
		/* XTWINOPS replies give the height first. */
		if (p[0] == 4) {
			caps->area_h = p[1];
			caps->area_w = p[2];
		} else if (p[0] == 6) {
			caps->cell_h = p[1];
			caps->cell_w = p[2];
		} else if (p[0] == 8) {
			caps->text_rows = p[1];
			caps->text_cols = p[2];
		}
	}
}

/*
 * Parses the CSI sequence starting at buf (ESC [ or the 8-bit CSI).  Returns
 * its length, 0 if it is incomplete, and sets *ok to 0 if it is not a reply.
 */
static size_t
parse_one(const unsigned char *buf, size_t len, struct term_caps *caps, int *ok)
{
	int p[MAX_PARAMS], np = 0, priv = 0;
	size_t i = buf[0] == 0x9b ? 1 : 2;

	memset(p, 0, sizeof p);
	*ok = 1;
	if (i < len && (buf[i] == '?' || buf[i] == '>' || buf[i] == '='))
		priv = buf[i++];
	for (; i < len && i < MAX_REPLY; i++) {
		if (buf[i] == ';') {
			if (np < MAX_PARAMS - 1)
				np++;
		} else if (buf[i] >= '0' && buf[i] <= '9') {
			if (p[np] < 100000)
				p[np] = p[np] * 10 + (buf[i] - '0');
		} else
			break;
	}
	if (i >= MAX_REPLY || (i < len && buf[i] != 'c' && buf[i] != 'S' &&
	    buf[i] != 't')) {
		*ok = 0;
		return (i < len ? i + 1 : len);
	}
	if (i >= len)
		return (0);
	reply(caps, priv, buf[i], p, np + 1);
	return (i + 1);
}

/* One channel of "rgb:R/G/B", 1 to 4 hex digits, as a share of its full scale. */
static double
channel(const char **s)
{
	unsigned long v = 0, full = 0;
	int c;

	while ((c = **s) != '\0' && strchr("0123456789abcdefABCDEF", c) != NULL &&
	    full < 0xffff) {
		v = v * 16 + (unsigned long)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
		full = full * 16 + 15;
		(*s)++;
	}
	return (full > 0 ? (double)v / (double)full : -1);
}

/* "11;rgb:R/G/B": the background, dark or light by its luma. */
static void
background(const char *text, struct term_caps *caps)
{
	double rgb[3];
	int i;

	if (strncmp(text, "11;rgb:", 7) != 0)
		return;
	text += 7;
	for (i = 0; i < 3; i++) {
		if ((rgb[i] = channel(&text)) < 0 || *text != (i < 2 ? '/' : '\0'))
			return;
		text++;
	}
	caps->background = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 0.5 ?
	    TERM_BG_DARK : TERM_BG_LIGHT;
}

/*
 * Parses the OSC sequence at buf (ESC ]), ended by BEL or ESC \.  Returns
 * its length, 0 if it is incomplete.
 */
static size_t
parse_osc(const unsigned char *buf, size_t len, struct term_caps *caps)
{
	char text[MAX_REPLY + 1];
	size_t i;

	for (i = 2; i < len && i < MAX_REPLY; i++)
		if (buf[i] == 0x07 || buf[i] == 0x1b)
			break;
	if (i >= MAX_REPLY)
		return (i);	/* not one of ours */
	if (i >= len || (buf[i] == 0x1b && i + 1 >= len))
		return (0);
	memcpy(text, buf + 2, i - 2);
	text[i - 2] = '\0';
	background(text, caps);
	return (i + (buf[i] == 0x1b && buf[i + 1] == '\\' ? 2 : 1));
}

void
term_parse(const unsigned char *buf, size_t len, struct term_caps *caps)
{
	size_t i = 0, n;
	int ok;

	while (i < len) {
		if (buf[i] == 0x9b || (buf[i] == 0x1b && i + 1 < len &&
		    buf[i + 1] == '[')) {
			if ((n = parse_one(buf + i, len - i, caps, &ok)) == 0)
				return;		/* incomplete: wait for more */
			i += n;
		} else if (buf[i] == 0x1b && i + 1 < len && buf[i + 1] == ']') {
			if ((n = parse_osc(buf + i, len - i, caps)) == 0)
				return;
			i += n;
		} else
			i++;
	}
}

void
term_query(int in, int out, int timeout_ms, struct term_caps *caps)
{
	/*
	 * 256 registers first (xterm's VT340 starts with 16), DA1 last; the
	 * background colour (OSC 11) only where it cannot show as text.
	 */
	static const char q[] = "\033[?1;3;256S" "\033[?1;1;0S" "\033[?2;1;0S"
	    "\033[14t" "\033[16t" "\033[18t", osc[] = "\033]11;?\033\\";
	char sent[sizeof q + sizeof osc + 8];
	size_t qlen;
	unsigned char buf[1024];
	struct termios old, raw;
	struct pollfd pfd;
	long start = now_ms(), left;
	size_t len = 0;
	ssize_t n;

	if (tcgetattr(in, &old) != 0)
		return;
	raw = old;
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(in, TCSANOW, &raw) != 0)
		return;
	caps->queried = 1;
	qlen = (size_t)snprintf(sent, sizeof sent, "%s%s\033[c", q,
	    osc_safe() ? osc : "");
	if (write(out, sent, qlen) == (ssize_t)qlen) {
		while (!caps->answered && len < sizeof buf) {
			if ((left = timeout_ms - (now_ms() - start)) <= 0)
				break;
			pfd.fd = in;
			pfd.events = POLLIN;
			if ((n = poll(&pfd, 1, (int)left)) < 0 && errno == EINTR)
				continue;
			if (n <= 0 || (n = read(in, buf + len, sizeof buf - len)) <= 0)
				break;
			len += (size_t)n;
			term_parse(buf, len, caps);
		}
	}
	/* Whatever is left must not become keystrokes. */
	tcflush(in, TCIFLUSH);
	tcsetattr(in, TCSANOW, &old);
	late_replies = !caps->answered;
}

/*
 * The Linux console prints an OSC it does not know (ESC ] is its palette
 * command), and so may a VT100: ask the others only.
 */
static int
osc_safe(void)
{
	const char *term = getenv("TERM");

	return (term != NULL && strncmp(term, "linux", 5) != 0 &&
	    strncmp(term, "vt1", 3) != 0 && strncmp(term, "vt5", 3) != 0);
}

/* Only a terminal in the foreground that is not "dumb" is asked. */
static int
may_ask(void)
{
	const char *term = getenv("TERM");

	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0)
		return (0);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return (0);
	/* tcsetattr from the background would stop the process. */
	return (tcgetpgrp(STDIN_FILENO) == getpgrp());
}

/* w x h pixels over cols x rows cells, if that is a plausible cell: 1 and *caps' cell. */
static int
cell_from(int w, int h, int cols, int rows, struct term_caps *caps)
{
	if (cols <= 0 || rows <= 0 || w < 2 * cols || h < 4 * rows ||
	    w / cols > 256 || h / rows > 512)
		return (0);
	/* xterm counts its 2-pixel border: integer division drops it. */
	caps->cell_w = w / cols;
	caps->cell_h = h / rows;
	return (1);
}

/*
 * TIOCGWINSZ's pixels if plausible, else CSI 16 t, else CSI 14 t, else the
 * sixel geometry (xterm's is the window's size, or less: never too big a
 * cell), each over CSI 18 t's cells or the window's; else 10x20.
 */
static void
cell_size(int fd, struct term_caps *caps)
{
	struct winsize ws;
	int cols = 0, rows = 0, have = ioctl(fd, TIOCGWINSZ, &ws) == 0;

	if (have) {
		cols = ws.ws_col;
		rows = ws.ws_row;
	}
	if (caps->text_cols > 0 && caps->text_rows > 0) {
		cols = caps->text_cols;
		rows = caps->text_rows;
	}
	if (!(have && cell_from(ws.ws_xpixel, ws.ws_ypixel, ws.ws_col, ws.ws_row,
	    caps)) && !(caps->cell_w > 0 && caps->cell_w <= 256 &&
	    caps->cell_h > 0 && caps->cell_h <= 512) &&
	    !cell_from(caps->area_w, caps->area_h, cols, rows, caps) &&
	    !cell_from(caps->max_w, caps->max_h, cols, rows, caps)) {
		/* Windows Terminal's virtual cell; most fonts are near it. */
		caps->cell_w = 10;
		caps->cell_h = 20;
	}
	/*
	 * A geometry as large as the window is the window, not a limit: the
	 * window may grow, and boxes never leave it anyway.
	 */
	if (caps->max_w > 0 && cols > 0 && caps->max_w / caps->cell_w >= cols - 1 &&
	    caps->max_h / caps->cell_h >= rows - 1)
		caps->max_w = caps->max_h = 0;
}

void
term_cell_size(int fd, struct term_caps *caps)
{
	cell_size(fd, caps);
}

static int
term_colours(void)
{
	const char *ct = getenv("COLORTERM"), *term = getenv("TERM");

	if (ct != NULL && (strcmp(ct, "truecolor") == 0 ||
	    strcmp(ct, "24bit") == 0))
		return (1 << 24);
	if (term != NULL && strstr(term, "direct") != NULL)
		return (1 << 24);
	if (term != NULL && strstr(term, "256") != NULL)
		return (256);
	return (8);
}

/* Without sixel: colour blocks, or ASCII on the console and old terminals. */
static enum graphics_mode
fallback(const struct term_caps *caps)
{
	const char *term = getenv("TERM");

	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0)
		return (GRAPHICS_NONE);
	if (strncmp(term, "linux", 5) == 0 || strncmp(term, "vt", 2) == 0 ||
	    caps->colours < 256)
		return (GRAPHICS_ASCII);
	return (GRAPHICS_BLOCKS);
}

int
term_detect(const char *want, int may_query, struct term_caps *caps,
    char **cause)
{
	enum graphics_mode mode = GRAPHICS_AUTO;

	memset(caps, 0, sizeof *caps);
	if (want != NULL && term_mode_parse(want, &mode) != 0) {
		*cause = xasprintf(_("unknown graphics mode '%s' (use auto, "
		    "sixel, blocks, ascii or none)"), want);
		return (-1);
	}
	caps->colours = term_colours();
	/* A forced mode needs no question, except sixel's colour registers. */
	if (may_query && may_ask() && (mode == GRAPHICS_AUTO ||
	    mode == GRAPHICS_SIXEL))
		term_query(STDIN_FILENO, STDOUT_FILENO, TERM_QUERY_MS, caps);
	cell_size(STDOUT_FILENO, caps);
	/* The console is white on black, and never asked. */
	if (caps->background == TERM_BG_UNKNOWN && getenv("TERM") != NULL &&
	    strncmp(getenv("TERM"), "linux", 5) == 0)
		caps->background = TERM_BG_DARK;
	if (mode == GRAPHICS_AUTO)
		mode = caps->sixel ? GRAPHICS_SIXEL : fallback(caps);
	caps->mode = mode;
	return (0);
}

int
term_set_background(struct term_caps *caps, const char *name, char **cause)
{
	if (name == NULL || strcmp(name, "auto") == 0)
		return (0);
	if (strcmp(name, "dark") == 0)
		caps->background = TERM_BG_DARK;
	else if (strcmp(name, "light") == 0)
		caps->background = TERM_BG_LIGHT;
	else {
		*cause = xasprintf(_("unknown background '%s' (use auto, dark "
		    "or light)"), name);
		return (-1);
	}
	return (0);
}

int
term_drop_late_reply(void)
{
	wint_t c[MAX_REPLY];
	int n = 0, rc, key = 0, done = 0;

	if (!late_replies)
		return (0);
	/* A reply comes in one burst; a person's keys do not look like one. */
	timeout(10);
	while (!done && n < MAX_REPLY && (rc = get_wch(&c[n])) != ERR) {
		key = rc == KEY_CODE_YES;
		n++;
		done = reply_step(c, n, key);
	}
	timeout(-1);
	if (done == 1)
		return (1);
	/* Not a reply: give the keys back, the last one first. */
	while (n-- > 0) {
		if (key)
			ungetch((int)c[n]);
		else
			unget_wch(c[n]);
		key = 0;
	}
	return (0);
}

/* 0: c[0..n) may still be the start of a reply; 1: it is one; -1: it is not. */
static int
reply_step(const wint_t *c, int n, int key)
{
	wint_t last = c[n - 1];

	if (!key && c[0] == ']') {	/* OSC: up to BEL or ESC \ */
		if (last == 0x07 || (n > 2 && c[n - 2] == 0x1b && last == '\\'))
			return (1);
		return (n == 2 && last != '1' ? -1 : 0);
	}
	if (key || (n == 1 && last != '['))
		return (-1);
	if (n == 2 && last != '?' && (last < '0' || last > '9'))
		return (-1);
	if (n > 2 && (last == 'c' || last == 'S' || last == 't'))
		return (1);
	if (n > 2 && last != ';' && (last < '0' || last > '9'))
		return (-1);
	return (0);
}
