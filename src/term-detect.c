/* term-detect.c -- ask the terminal what it can show, never waiting long. */
#include "system.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "term-detect.h"
#include "xmalloc.h"

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
static void	reply(struct term_caps *, int, int, const int *, int);
static int	may_ask(void);
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
		} else
			i++;
	}
}

void
term_query(int in, int out, int timeout_ms, struct term_caps *caps)
{
	/* 256 registers first (xterm's VT340 starts with 16), DA1 last. */
	static const char q[] = "\033[?1;3;256S" "\033[?1;1;0S" "\033[?2;1;0S"
	    "\033[14t" "\033[16t" "\033[c";
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
	if (write(out, q, sizeof q - 1) == (ssize_t)(sizeof q - 1)) {
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

/* TIOCGWINSZ's pixels if plausible, else CSI 16 t, else CSI 14 t, else 10x20. */
static void
cell_size(int fd, struct term_caps *caps)
{
	struct winsize ws;
	int have = ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 &&
	    ws.ws_row > 0;

	/* xterm counts its 2-pixel border: integer division drops it. */
	if (have && ws.ws_xpixel >= 2 * ws.ws_col &&
	    ws.ws_ypixel >= 4 * ws.ws_row && ws.ws_xpixel / ws.ws_col <= 256 &&
	    ws.ws_ypixel / ws.ws_row <= 512) {
		caps->cell_w = ws.ws_xpixel / ws.ws_col;
		caps->cell_h = ws.ws_ypixel / ws.ws_row;
	} else if (caps->cell_w > 0 && caps->cell_w <= 256 &&
	    caps->cell_h > 0 && caps->cell_h <= 512)
		return;
	else if (have && caps->area_w >= 2 * ws.ws_col &&
	    caps->area_h >= 4 * ws.ws_row) {
		caps->cell_w = caps->area_w / ws.ws_col;
		caps->cell_h = caps->area_h / ws.ws_row;
	} else {
		/* Windows Terminal's virtual cell; most fonts are near it. */
		caps->cell_w = 10;
		caps->cell_h = 20;
	}
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
	if (mode == GRAPHICS_AUTO)
		mode = caps->sixel ? GRAPHICS_SIXEL : fallback(caps);
	caps->mode = mode;
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
