/*
 * plain.c -- the plain front end: lines out, lines in, no cursor addressing.
 *
 * The pattern of the Debian installer's text frontend, which is made for
 * speech: a section title once, underlined; choices as "N: text," (the comma
 * is a pause for speech synthesis) with the default marked [*]; a prompt
 * with the default; "?" help, "<" back; errors start "!! ERROR:".
 */
#include "lib/system.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "model/draft.h"
#include "lib/config.h"
#include "lib/exitcode.h"
#include "lib/fsutil.h"
#include "lib/i18n.h"
#include "model/idnum.h"
#include "keys/keyscript.h"
#include "net/outbox.h"
#include "model/options.h"
#include "plain/plain.h"
#include "lib/signals.h"
#include "lib/terminal.h"
#include "lib/text.h"
#include "model/wizard.h"
#include "lib/workspace.h"
#include "lib/xmalloc.h"

static void	emit(struct plain_io *, const char *);
static void	hang(struct plain_io *, int, int, const char *, int);
static size_t	wcs_range_to_mb(char *, wchar_t *, size_t, size_t, size_t);
static int	io_open(struct plain_io *, const struct app_options *, char **);
static void	io_close(struct plain_io *);
static enum plain_rc	replay_line(struct plain_io *, char **);
static enum plain_rc	stdin_line(struct plain_io *, char **);
static enum plain_rc	wait_key(struct plain_io *);
static enum plain_rc	read_line(struct plain_io *, int, char **);
static void	echo_answer(struct plain_io *, const char *);
static void	term_keys(struct plain_io *, int);
static void	term_restore(void *, int);
static void	record_line(struct plain_io *, const char *);
static int	parse_choice(const char *, int);
static int	confirm_quit(struct plain *);
static int	kiosk_quit(struct plain *);
static int	kiosk_leave(struct plain *);
static int	wipe(struct plain *);
static void	offer_draft(struct plain *);
static void	keep_draft(struct plain *, int);
static int	setup(struct plain *, const struct app_options *, const struct config *,
		    char **);

int
plain_wanted(int forced)
{
	const char *term = getenv("TERM"), *acc = getenv("ACCESSIBLE");

	if (forced)
		return (1);
	if (term != NULL && strcmp(term, "dumb") == 0)
		return (1);
	return (acc != NULL && *acc != '\0' && strcmp(acc, "0") != 0 &&
	    strcasecmp(acc, "false") != 0);
}

/*
 * Text goes to the terminal and the transcript alike, and never a control
 * character: a file name from a USB stick, a configured value or a card
 * service's words are shown, never obeyed (text_safe_lines).
 */
static void
emit(struct plain_io *io, const char *s)
{
	char *safe = text_safe_lines(s);

	fputs(safe, io->out);
	fflush(io->out);
	if (io->log != NULL) {
		fputs(safe, io->log);
		fflush(io->log);
	}
	free(safe);
}

void
plain_text(struct plain_io *io, const char *s)
{
	emit(io, s);
}

void
plain_line(struct plain_io *io, const char *fmt, ...)
{
	va_list ap;
	char *s, *t;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	t = xasprintf("%s\n", s);
	emit(io, t);
	free(s);
	free(t);
}

/* w[from..to) as UTF-8 into out; returns the bytes written. */
static size_t
wcs_range_to_mb(char *out, wchar_t *w, size_t from, size_t to, size_t cap)
{
	wchar_t save = w[to];
	size_t len;

	w[to] = L'\0';
	len = wcstombs(out, w + from, cap);
	w[to] = save;
	return (len == (size_t)-1 ? 0 : len);
}

void
plain_para(struct plain_io *io, int indent, const char *s)
{
	plain_hang(io, indent, indent, s);
}

/*
 * Wraps s at the width, the first line indented by first and the others by
 * rest, where text.c's line breaker allows (never inside a word, a glossary
 * term or a number with its unit); an empty line of the text stays.
 */
void
plain_hang(struct plain_io *io, int first, int rest, const char *s)
{
	hang(io, first, rest, s, 0);
}

/*
 * plain_hang's breaking; open: the last line gets no newline (a prompt,
 * the answer typed after it).
 */
static void
hang(struct plain_io *io, int first, int rest, const char *s, int open)
{
	size_t n = strlen(s), start = 0, shown, next;
	wchar_t *w = xcalloc(n + 1, sizeof *w);
	char *line = xmalloc(n * MB_CUR_MAX + (size_t)(first > rest ? first : rest) + 2), *p;
	int indent = first;

	if ((n = mbstowcs(w, s, n + 1)) == (size_t)-1) {
		if (open)
			emit(io, s);
		else
			plain_line(io, "%*s%s", indent, "", s);
		goto out;
	}
	while (start < n) {
		if (w[start] == L'\n') {	/* an empty line of the text */
			plain_line(io, "%s", "");
			start++;
			continue;
		}
		shown = text_line(w + start, n - start, io->width - indent, &next);
		p = line + sprintf(line, "%*s", indent, "");
		p += wcs_range_to_mb(p, w, start, start + shown, n * MB_CUR_MAX);
		*p = '\0';
		indent = rest;
		start += next > 0 ? next : 1;
		if (open && start >= n) {
			/* The break's blank stays: the answer follows it. */
			if (next > shown)
				strcat(line, " ");
			emit(io, line);
		} else
			plain_line(io, "%s", line);
	}
out:
	free(w);
	free(line);
}

void
plain_error(struct plain_io *io, const char *msg)
{
	char *s = xasprintf("!! %s %s", _("ERROR:"), msg);

	plain_para(io, 0, s);
	free(s);
}

void
plain_error_cause(struct plain_io *io, char **cause)
{
	plain_error(io, *cause);
	free(*cause);
	*cause = NULL;
}

/* A title only when the section changes, underlined with dashes. */
void
plain_section(struct plain_io *io, const char *title)
{
	char *rule;
	int w;

	if (io->section != NULL && strcmp(io->section, title) == 0)
		return;
	free(io->section);
	io->section = xstrdup(title);
	w = text_width(title);
	rule = xmalloc((size_t)w + 1);
	memset(rule, '-', (size_t)w);
	rule[w] = '\0';
	plain_line(io, "%s", "");
	plain_line(io, "%s", title);
	plain_line(io, "%s", rule);
	free(rule);
}

void
plain_progress(struct plain_io *io, int pct)
{
	char buf[32];

	if (pct < 0) {
		if (io->progress >= 0)
			emit(io, "\n");
		io->progress = -1;
		return;
	}
	pct = pct / 10 * 10;
	if (pct <= io->progress)
		return;
	snprintf(buf, sizeof buf, "%s... %d%%", io->progress >= 0 ? " " : "", pct);
	emit(io, buf);
	io->progress = pct;
}

static int
io_open(struct plain_io *io, const struct app_options *o, char **cause)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");
	char *path;
	int fd;

	memset(io, 0, sizeof *io);
	io->keys_cleanup = -1;
	io->out = stdout;
	io->progress = -1;
	io->width = 80;
	if (cols != NULL && atoi(cols) >= 20)
		io->width = atoi(cols);
	else if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		io->width = ws.ws_col;
	if (input_open(&io->in, o->replay, cause) != 0)
		return (-1);
	/* A terminal echoes what is typed; a script or a pipe does not. */
	io->echo = io->in.replay || !isatty(STDIN_FILENO);
	if (o->record != NULL && input_record(&io->in, o->record, cause) != 0)
		return (-1);
	if (o->snapshot_dir == NULL)
		return (0);
	if (fs_mkdir_private(o->snapshot_dir, 1, cause) != 0)
		return (-1);
	path = xasprintf("%s/transcript.txt", o->snapshot_dir);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0 ||
	    (io->log = fdopen(fd, "w")) == NULL) {
		*cause = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		free(path);
		return (-1);
	}
	free(path);
	return (0);
}

/*
 * On a terminal, Ctrl-C is typed into the line as Esc is (it asks to quit,
 * as the curses wizard's Ctrl-C does), not a signal: a SIGINT from elsewhere
 * ends the run, as it does in curses.  At a kiosk no key is a signal at all
 * (Ctrl-Z, Ctrl-\\ and Ctrl-C are mere characters).
 */
static void
term_keys(struct plain_io *io, int kiosk)
{
	struct termios t;

	if (io->in.replay || tcgetattr(STDIN_FILENO, &io->saved) != 0)
		return;
	t = io->saved;
	t.c_cc[VINTR] = _POSIX_VDISABLE;
	if (kiosk)
		t.c_lflag &= ~(tcflag_t)ISIG;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) != 0)
		return;
	io->keys_set = 1;
	io->keys_cleanup = signals_on_exit(term_restore, io);
}

/* The terminal's keys as they were: on every end, a signal's too. */
static void
term_restore(void *arg, int signo)
{
	struct plain_io *io = arg;

	(void)signo;
	if (io->keys_set)
		tcsetattr(STDIN_FILENO, TCSANOW, &io->saved);
	io->keys_set = 0;
}

static void
io_close(struct plain_io *io)
{
	char *cause = NULL;

	term_restore(io, 0);
	if (io->keys_cleanup >= 0)
		signals_forget(io->keys_cleanup);

	if (io->log != NULL)
		fclose(io->log);
	if (input_close(&io->in, &cause) != 0)
		text_say_cause(stderr, &cause);
	free(io->section);
	explicit_bzero(io->pending, sizeof io->pending);
}

/* A line of the key script: its characters up to <Enter>; <Esc> quits. */
static enum plain_rc
replay_line(struct plain_io *io, char **line)
{
	struct keyscript *ks = &io->in.script;
	size_t len = 0, cap = 64;
	char *s = xmalloc(cap), mb[MB_LEN_MAX];
	const struct key *k;
	int n;

	for (;;) {
		if (ks->next >= ks->n) {
			wipe_free(s, cap);
			return (PLAIN_END);
		}
		k = &ks->keys[ks->next++];
		if (k->code == K_ENTER)
			break;
		if (k->code == K_ESC || (k->code == K_CTRL && k->n == 'c')) {
			wipe_free(s, cap);
			return (PLAIN_QUIT);
		}
		if (k->code == K_BS) {
			while (len > 0 && ((unsigned char)s[--len] & 0xc0) == 0x80)
				;
			continue;
		}
		if (key_char(k) == 0 || (n = wctomb(mb, key_char(k))) <= 0)
			continue;
		if (len + (size_t)n + 1 > cap) {
			s = xreallocarray(s, cap * 2, 1);
			cap *= 2;
		}
		memcpy(s + len, mb, (size_t)n);
		len += (size_t)n;
	}
	s[len] = '\0';
	*line = s;
	return (PLAIN_OK);
}

/*
 * Waits for stdin to be readable, or for a signal (signals.c's pipe, so that
 * one caught just before poll() is not missed).  In a kiosk, after idle_ms
 * without a key a notice is printed, and after notice_ms more the citizen is
 * gone.  A timeout on poll(), not a clock on the screen: nothing is redrawn
 * while waiting.
 */
static enum plain_rc
wait_key(struct plain_io *io)
{
	struct pollfd pfd[2];
	int noticed = 0, rc;
	long ms = io->idle_ms > 0 ? io->idle_ms : -1;
	char *s;

	for (;;) {
		if (signals_caught() != 0)
			return (PLAIN_SIGNAL);
		pfd[0].fd = STDIN_FILENO;
		pfd[1].fd = signals_fd();
		pfd[0].events = pfd[1].events = POLLIN;
		rc = poll(pfd, 2, ms < 0 ? -1 : ms > INT_MAX ? INT_MAX : (int)ms);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc < 0 || pfd[0].revents != 0)
			return (PLAIN_OK);	/* the read says what it is */
		if (rc > 0)
			continue;		/* the signal's byte */
		if (noticed)
			return (PLAIN_IDLE);
		noticed = 1;
		ms = io->notice_ms;
		s = kiosk_notice(io->stored, (io->notice_ms + 999) / 1000);
		plain_line(io, "%s", "");
		plain_para(io, 0, s);
		free(s);
	}
}

/* A line from stdin, read with read(2) so that the idle timeout can work. */
static enum plain_rc
stdin_line(struct plain_io *io, char **line)
{
	enum plain_rc rc;
	char *nl;
	ssize_t got;

	for (;;) {
		nl = memchr(io->pending, '\n', io->npending);
		/* A line longer than the buffer is taken as it is: the checks refuse it. */
		if (nl == NULL && io->npending == sizeof io->pending)
			nl = io->pending + io->npending - 1;
		if (nl != NULL) {
			*line = xstrndup(io->pending, (size_t)(nl - io->pending));
			io->npending -= (size_t)(nl - io->pending) + 1;
			memmove(io->pending, nl + 1, io->npending);
			if ((nl = strchr(*line, '\r')) != NULL)
				*nl = '\0';
			if (strpbrk(*line, "\033\003") == NULL)
				return (PLAIN_OK);
			wipe_str(*line);	/* Esc or Ctrl-C on the line: quit */
			return (PLAIN_QUIT);
		}
		if (io->eof)
			return (PLAIN_END);
		if ((rc = wait_key(io)) != PLAIN_OK)
			return (rc);
		got = read(STDIN_FILENO, io->pending + io->npending,
		    sizeof io->pending - io->npending);
		if (got < 0 && errno == EINTR)
			continue;
		if (got == 0 && io->eof_quits) {
			/*
			 * Ctrl-D at a kiosk's terminal: a request to quit, which
			 * asks for the PIN; the terminal is still there.
			 */
			explicit_bzero(io->pending, io->npending);
			io->npending = 0;
			return (PLAIN_QUIT);
		}
		if (got <= 0)	/* end of input, or the terminal hung up (EIO) */
			io->eof = 1;
		else
			io->npending += (size_t)got;
	}
}

/* --record: the line as keys, so that --replay types it again. */
static void
record_line(struct plain_io *io, const char *line)
{
	struct key k;
	wchar_t wc;
	int n;

	if (io->in.record == NULL)
		return;
	memset(&k, 0, sizeof k);
	while (*line != '\0' && (n = mbtowc(&wc, line, MB_CUR_MAX)) > 0) {
		k.code = wc == L' ' ? K_SPACE : K_CHAR;
		k.ch = wc;
		keyscript_write(io->in.record, &k);
		line += n;
	}
	k.code = K_ENTER;
	keyscript_write(io->in.record, &k);
	fputc('\n', io->in.record);
	fflush(io->in.record);
}

/* The answer once more where nobody's terminal echoed it, and in the transcript. */
static void
echo_answer(struct plain_io *io, const char *line)
{
	char *safe = text_safe_name(line);

	if (io->echo)
		plain_line(io, "%s", safe);
	else if (io->log != NULL) {
		fprintf(io->log, "%s\n", safe);
		fflush(io->log);
	}
	free(safe);
}

static enum plain_rc
read_line(struct plain_io *io, int secret, char **line)
{
	struct termios old, quiet;
	int tty = !io->in.replay && isatty(STDIN_FILENO) &&
	    tcgetattr(STDIN_FILENO, &old) == 0;
	enum plain_rc rc;

	if (secret && tty) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	rc = io->in.replay ? replay_line(io, line) : stdin_line(io, line);
	if (secret && tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);	/* also after a signal */
		emit(io, "\n");
	}
	if (rc != PLAIN_OK) {
		if (rc != PLAIN_IDLE)
			emit(io, "\n");
		return (rc);
	}
	if (!secret) {
		echo_answer(io, *line);
		record_line(io, *line);
	} else if (io->echo)
		emit(io, "\n");
	return (PLAIN_OK);
}

enum plain_rc
plain_ask(struct plain_io *io, const char *question, const char *def,
    const char *help, int secret, char **answer)
{
	enum plain_rc rc;
	char *line = NULL, *prompt;

	for (;;) {
		if (question != NULL)
			plain_para(io, 0, question);
		prompt = def != NULL && *def != '\0' ?
		    xasprintf(_("Prompt: '?' for help, '<' to go back, default=%s> "), def) :
		    xstrdup(_("Prompt: '?' for help, '<' to go back> "));
		/* Wrapped as text: a long default (a folder) breaks at its slashes or before it. */
		hang(io, 0, 2, prompt, 1);
		free(prompt);
		if ((rc = read_line(io, secret, &line)) != PLAIN_OK)
			return (rc);
		if (strcmp(line, "?") == 0) {
			free(line);
			plain_para(io, 0, help != NULL ? help : "");
			plain_para(io, 0, _("Keys: Enter takes the default; '<' goes back "
			    "to the previous question; '?' shows this help; Esc and Enter "
			    "quits (it asks first)."));
			continue;
		}
		if (strcmp(line, "<") == 0) {
			free(line);
			return (PLAIN_BACK);
		}
		if (*line == '\0' && def != NULL) {
			free(line);
			line = xstrdup(def);
		}
		*answer = line;
		return (PLAIN_OK);
	}
}

/* The number typed, 0-based, or -1. */
static int
parse_choice(const char *s, int n)
{
	char *end;
	long v;

	while (*s == ' ')
		s++;
	v = strtol(s, &end, 10);
	while (*end == ' ' || *end == ',')
		end++;
	return (end != s && *end == '\0' && v >= 1 && v <= n ? (int)v - 1 : -1);
}

enum plain_rc
plain_choose(struct plain_io *io, const char *question, const char *const *items,
    int n, int def, const char *help, int *choice)
{
	enum plain_rc rc;
	char defs[16], *line = NULL, *s;
	int i;

	snprintf(defs, sizeof defs, "%d", def + 1);
	if (question != NULL)
		plain_para(io, 0, question);
	/* Every choice, never paged: a screen reader would not say there is more. */
	for (;;) {
		for (i = 0; i < n; i++) {
			s = xasprintf("%3d: %s%s,", i + 1, i == def ? "[*] " : "", items[i]);
			plain_hang(io, 0, 5, s);
			free(s);
		}
		if ((rc = plain_ask(io, NULL, def >= 0 ? defs : NULL, help, 0, &line)) !=
		    PLAIN_OK)
			return (rc);
		*choice = parse_choice(line, n);
		free(line);
		if (*choice >= 0)
			return (PLAIN_OK);
		s = xasprintf(_("Type a number from 1 to %d, then Enter."), n);
		plain_error(io, s);
		free(s);
	}
}

/* Quit: say what happens to the answers, and let the citizen stay. */
static int
confirm_quit(struct plain *p)
{
	const char *items[3];
	int n = 0, c = 0, keep = session_quit_can_keep(&p->ses, p->step);
	char *said;

	items[n++] = _("Go on with the application");
	if (keep)
		items[n++] = _("Quit and keep the answers as a draft on this computer");
	items[n++] = _("Quit and delete the answers");
	plain_section(&p->io, _("Quit"));
	/* What "delete" leaves: the kit or the queued entry stay, as the curses box says. */
	said = session_quit_outcome(&p->ses, p->step);
	plain_para(&p->io, 0, said);
	free(said);
	/* No answer: keep what there is; a signal decides that itself (go on to it). */
	if (plain_choose(&p->io, NULL, items, n, 0, NULL, &c) != PLAIN_OK)
		c = signals_caught() == 0 && keep ? 1 : 0;
	if (c == 0)
		return (0);
	keep_draft(p, c == 1 && keep ? p->step : -2);
	return (1);
}

/* Esc in a kiosk: 0 go on, 1 delete the answers and start again, 2 leave (the PIN was right). */
static int
kiosk_quit(struct plain *p)
{
	const char *items[3];
	int c = 0;

	items[0] = _("Go on with the application");
	items[1] = _("Delete my answers and start again");
	items[2] = _("Leave the kiosk (for the helper: needs the PIN)");
	plain_section(&p->io, _("Quit"));
	if (plain_choose(&p->io, NULL, items, 3, 0, NULL, &c) != PLAIN_OK || c == 0)
		return (0);
	return (c == 1 ? 1 : kiosk_leave(p) ? 2 : 0);
}

/* Leaving a kiosk needs the helper's PIN; wrong tries make the next one wait. */
static int
kiosk_leave(struct plain *p)
{
	char *pin = NULL, *cause = NULL;
	int ok;

	plain_section(&p->io, _("Leave the kiosk"));
	if (plain_ask(&p->io, _("Helper PIN (not shown as you type):"), NULL, NULL, 1,
	    &pin) != PLAIN_OK)
		return (0);
	ok = kiosk_pin_try(&p->ses.kiosk, pin, &cause);
	wipe_str(pin);
	if (!ok) {
		plain_error_cause(&p->io, &cause);
		return (0);
	}
	plain_line(&p->io, "%s", _("PIN accepted."));
	return (1);
}

/*
 * Everything of this citizen: answers, draft, workspace, and what the
 * terminal still shows of them; the next one starts afresh.  What is said
 * afterwards is only what was done.
 */
static int
wipe(struct plain *p)
{
	int stored = session_stored(&p->ses), cleared, rc;
	char *cause = NULL;

	if (p->draft_dir != NULL)
		draft_discard(p->draft_dir);
	rc = session_wipe(&p->ses, &cause);
	p->io.stored = 0;
	p->show_id = 0;
	free(p->io.section);
	p->io.section = NULL;
	cleared = term_clear(p->io.out);
	plain_para(&p->io, 0, stored ? _("Everything typed here has been deleted; "
	    "the stored application stays with this service point.") :
	    _("Everything typed here has been deleted."));
	plain_para(&p->io, 0, cleared == 2 ? _("The screen and the lines scrolled "
	    "off it were cleared.") : cleared == 1 ? _("The screen was cleared; "
	    "this terminal may keep the lines scrolled off it until its window "
	    "is closed.") : _("The text shown above could not be cleared: sscard "
	    "cannot clear this terminal or output."));
	if (rc != 0)	/* wiped, but nobody else can be served */
		plain_error_cause(&p->io, &cause);
	return (rc);
}

/* step >= 0: keep the draft at that step (session.c's rule); -2: delete it. */
static void
keep_draft(struct plain *p, int step)
{
	char *cause = NULL;

	if (!p->drafts)
		return;
	if (step == -2) {
		draft_discard(p->draft_dir);
		return;
	}
	if (session_keep_draft(&p->ses, step, 0, &cause) < 0)
		plain_error_cause(&p->io, &cause);
}

/* On start: a draft of an earlier session is offered by masked name and time only. */
static void
offer_draft(struct plain *p)
{
	struct session_draft d;
	const char *items[2];
	char *cause = NULL, *q;
	int c = 0, found;

	if ((found = session_draft_find(&p->ses, &d, &cause)) <= 0) {
		if (found < 0)
			plain_error_cause(&p->io, &cause);
		return;
	}
	plain_section(&p->io, _("Saved answers"));
	q = session_draft_question(&d);
	items[0] = session_draft_answer(0);
	items[1] = session_draft_answer(1);
	if (plain_choose(&p->io, q, items, 2, 0, NULL, &c) != PLAIN_OK)
		c = -1;		/* no answer: the draft stays as it is */
	if (c == 0 && (p->resume_step = session_draft_resume(&p->ses, &cause)) < 0) {
		plain_error_cause(&p->io, &cause);
		p->resume_step = 0;
	} else if (c == 1)
		plain_para(&p->io, 0, session_draft_delete(&p->ses));
	free(q);
	session_draft_free(&d);
}

/* Returns EXIT_FINISHED, or the exit status with *cause. */
static int
setup(struct plain *p, const struct app_options *o, const struct config *cfg,
    char **cause)
{
	memset(p, 0, sizeof *p);
	p->io.keys_cleanup = -1;
	p->opts = o;
	session_init(&p->ses, cfg);
	/* The one signal mechanism of both front ends (signals.c). */
	if (signals_install(cause) != 0)
		return (EXIT_FAILED);
	/* A bad key script or configuration is a usage error, refused first. */
	if (io_open(&p->io, o, cause) != 0 ||
	    session_load(&p->ses, o->kiosk, cause) != 0 ||
	    draft_keep_hours(cfg, &p->keep_hours, cause) != 0)
		return (EXIT_USAGE);
	term_keys(&p->io, p->ses.kiosk.enabled);
	/* A kiosk is left with the PIN only: Ctrl-D at its terminal asks for it. */
	p->io.eof_quits = p->ses.kiosk.enabled && !p->io.in.replay &&
	    isatty(STDIN_FILENO);
	if (p->ses.kiosk.enabled) {
		signals_shared_machine();
		p->io.idle_ms = p->ses.kiosk.idle_seconds * 1000;
		p->io.notice_ms = p->ses.kiosk.notice_seconds * 1000;
	} else if ((p->draft_dir = draft_dir(cause)) == NULL)
		return (EXIT_FAILED);
	p->drafts = !p->ses.kiosk.enabled;
	fatal_set_cleanup(signals_cleanup);
	if (send_start(&p->send, &p->ses, cause) != 0)
		return (EXIT_FAILED);
	return (EXIT_FINISHED);
}

int
plain_run(const struct app_options *o, const struct config *cfg)
{
	struct plain p;
	enum plain_rc rc;
	const char *why;
	char *cause = NULL;
	int step = 0, status = EXIT_FINISHED, n, k;

	if ((status = setup(&p, o, cfg, &cause)) != EXIT_FINISHED) {
		text_say_cause(stderr, &cause);
		goto out;
	}
	n = wizard_count();
	offer_draft(&p);
	step = p.resume_step;
	while (step < n) {
		p.step = step;
		p.jump = -1;
		/* A signal during a long step (a check, a send) ends the run now. */
		p.io.stored = session_stored(&p.ses);
		rc = signals_caught() != 0 ? PLAIN_SIGNAL : plain_steps[step](&p);
		if (rc == PLAIN_OK) {
			step = wizard_next(&p.ses, step, 1);
			keep_draft(&p, step < n ? step : -2);
			if (step == n && p.ses.kiosk.enabled) {
				if (wipe(&p) != 0) {	/* the same wipe as when idle */
					status = EXIT_FAILED;
					break;
				}
				step = 0;
			}
			continue;
		}
		if (rc == PLAIN_BACK && wizard_back_refused(&p.ses, step, &why) != 0) {
			plain_para(&p.io, 0, why);
			continue;	/* the receipt again, never a second application */
		}
		if (rc == PLAIN_BACK) {
			step = p.jump >= 0 ? p.jump : wizard_next(&p.ses, step, -1);
			continue;
		}
		if (rc == PLAIN_IDLE) {
			plain_line(&p.io, "%s", "");
			if (wipe(&p) != 0) {
				status = EXIT_FAILED;
				break;
			}
			step = 0;
			continue;
		}
		if (rc == PLAIN_QUIT && p.ses.kiosk.enabled) {
			if ((k = kiosk_quit(&p)) == 0)
				continue;
			if (wipe(&p) != 0) {
				status = EXIT_FAILED;
				break;
			}
			if (k == 1) {
				step = 0;	/* the citizen starts again */
				continue;
			}
			status = EXIT_CANCELLED;
			break;
		}
		if (rc == PLAIN_QUIT && !confirm_quit(&p))
			continue;
		/*
		 * Input ended, or SIGHUP or SIGTERM: what was typed stays a
		 * draft.  SIGINT is quitting, as in the curses wizard: none.
		 */
		if (rc != PLAIN_QUIT)
			keep_draft(&p, signals_caught() == SIGINT ? -2 : step);
		if (p.ses.kiosk.enabled)
			wipe(&p);
		status = EXIT_CANCELLED;
		if (rc == PLAIN_END && p.io.in.replay) {
			status = EXIT_REPLAY_ENDED;
			cause = wizard_replay_ended(step);
			fputs(cause, stderr);
			free(cause);
			cause = NULL;
		} else if (rc == PLAIN_END && p.ses.kiosk.enabled) {
			/* Not a terminal, or one that hung up: nobody can type any more. */
			status = EXIT_INPUT_GONE;
			fprintf(stderr, _("%s: the kiosk's input ended; everything "
			    "typed was deleted\n"), PACKAGE);
		}
		break;
	}
out:
	/* A signal: the cleanups first, so the recording goes (as in app.c). */
	if (signals_caught() != 0)
		signals_cleanup();
	io_close(&p.io);	/* else first: the recording is kept only by input_close */
	signals_cleanup();	/* the workspace, and what others registered */
	fatal_set_cleanup(NULL);
	free(p.draft_dir);
	send_free(&p.send);
	session_free(&p.ses);
	signals_reraise();	/* a signal ends the run by that signal */
	return (status);
}
