/* app.c -- the only event loop: key -> request -> state -> draw -> terminal. */
#include "lib/system.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tui/app.h"
#include "lib/config.h"
#include "model/draft.h"
#include "lib/exitcode.h"
#include "lib/fsutil.h"
#include "lib/i18n.h"
#include "model/backend.h"
#include "model/region.h"
#include "model/session.h"
#include "lib/signals.h"
#include "lib/text.h"
#include "model/wizard.h"
#include "lib/xmalloc.h"

static SCREEN	*term_screen;
static FILE	*term_out, *term_in;

static int	 terminal_start(const struct app_options *, char **);
static void	 terminal_end(void);
static void	 terminal_end_cleanup(void *, int);
static void	 app_enter(struct app *, int, int);
static void	 app_leave_step(struct app *);
static void	 draft_on_exit(void *, int);
static int	 kiosk_idle(struct app *);
static void	 app_dispatch(struct app *, enum request, const struct key *);
static void	 app_request(struct app *, enum request);
static void	 app_draw(struct app *);
static void	 draw_frame(struct app *);
static void	 draw_too_small(struct app *);
static int	 too_small(const struct app *);
static void	 snapshot(struct app *);
static char	*screen_text(const struct ui *);
static const struct screen *current(const struct app *);
static const char *snapshot_id(const struct app *);

/* Curses owns the terminal from here; fatal() gives it back first. */
static int
terminal_start(const struct app_options *o, char **cause)
{
	const char *term = getenv("TERM");
	static const char *const fallbacks[] = { "xterm-256color", "vt100", "dumb" };
	size_t i;

	if (o->replay != NULL) {
		/* Replays need no terminal: draw into curses' own screen only. */
		term_out = isatty(STDOUT_FILENO) && o->snapshot_dir == NULL ?
		    fdopen(fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0), "w") :
		    fopen("/dev/null", "we");
		term_in = fopen("/dev/null", "re");
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			*cause = xstrdup(_("the wizard needs a terminal; to run it "
			    "without one, give keystrokes with --replay FILE"));
			return (-1);
		}
		term_out = fdopen(fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0), "w");
		term_in = fdopen(fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0), "r");
	}
	if (term_out == NULL || term_in == NULL)
		fatal("cannot open the terminal: %s", strerror(errno));
	/*
	 * LINES and COLUMNS size a replay; a real terminal's own size must
	 * win, also after a resize, and ncurses would keep exported values.
	 */
	if (o->replay == NULL) {
		unsetenv("LINES");
		unsetenv("COLUMNS");
	}
	term_screen = term != NULL && *term != '\0' ?
	    newterm(term, term_out, term_in) : NULL;
	for (i = 0; term_screen == NULL && i < nitems(fallbacks); i++)
		term_screen = newterm(fallbacks[i], term_out, term_in);
	if (term_screen == NULL) {
		*cause = xstrdup(_("cannot start the terminal screen (check TERM)"));
		return (-1);
	}
	/* On a signal, an error or fatal(): the terminal first of all. */
	signals_on_exit(terminal_end_cleanup, NULL);
	raw();		/* Ctrl-S and Ctrl-C reach the wizard as keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(1);	/* the cursor shows the focus; never leaveok() */
	if (has_colors() && getenv("NO_COLOR") == NULL) {
		start_color();
		use_default_colors();
	}
	return (0);
}

static void
terminal_end(void)
{
	if (term_screen == NULL)
		return;
	endwin();
	delscreen(term_screen);
	term_screen = NULL;
	fclose(term_out);
	fclose(term_in);
}

/* A signal ends the run: the terminal is given back first of all. */
static void
terminal_end_cleanup(void *arg, int signo)
{
	(void)arg;
	(void)signo;
	terminal_end();
}

void
app_say(struct app *app, int error, const char *fmt, ...)
{
	va_list ap;

	free(app->message);
	app->message = NULL;
	app->message_error = error;
	if (fmt == NULL)
		return;
	va_start(ap, fmt);
	app->message = xvasprintf(fmt, ap);
	va_end(ap);
}

void
app_say_cause(struct app *app, char *cause)
{
	free(app->message);
	app->message = cause;
	app->message_error = 1;
}

/* Keeps the draft (1 kept, 0 none), or -1 with *cause: the kit or a finished run deletes it. */
static int
keep_draft(const struct app *app, char **cause)
{
	return (session_keep_draft(&app->ses, app->step, app->finished &&
	    app->exit_status == EXIT_FINISHED, cause));
}

void
app_keep_draft(struct app *app)
{
	char *cause = NULL;
	if (keep_draft(app, &cause) < 0)
		app_say_cause(app, cause);
}

/*
 * The end of the run.  A dropped SSH link (SIGHUP, or the terminal gone),
 * SIGTERM, an error or a key script that ran out: the answers of the current step are kept too,
 * once the terminal is back (so a failure is printed).  Quitting (Esc, or
 * SIGINT) and finishing delete the draft: the citizen is done with it,
 * unless the quit box was told to keep it (K).
 */
static void
draft_on_exit(void *arg, int signo)
{
	struct app *app = arg;
	char *cause = NULL;

	if (signo == SIGINT || (signo == 0 && app->finished &&
	    app->exit_status == EXIT_CANCELLED && !app->keep_on_quit)) {
		session_drop_draft(&app->ses);
		return;
	}
	/* The screen is gone (and its message freed): a failure goes to stderr. */
	if (keep_draft(app, &cause) < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
	}
}

/* Enters step, passing over steps whose skip hook says so, in direction dir. */
static void
app_enter(struct app *app, int step, int dir)
{
	while (wizard_skipped(&app->ses, step) && step + dir >= 0 &&
	    step + dir < wizard_count())
		step += dir;
	app->step = step;
	app->priv = NULL;
	if (app->screens->steps[step]->enter != NULL)
		app->screens->steps[step]->enter(app);
	/* Drafts (draft.c): the answers so far survive a dropped session. */
	app_keep_draft(app);
	/* Its work may be done on entry (an application sent): go on. */
	if (wizard_skipped(&app->ses, step) && step + dir >= 0 &&
	    step + dir < wizard_count()) {
		app_leave_step(app);
		app_enter(app, step + dir, dir);
	}
}

static void
app_leave_step(struct app *app)
{
	if (current(app)->free != NULL)
		current(app)->free(app);
	app->priv = NULL;
}

/* The screen of the step the citizen is on. */
static const struct screen *
current(const struct app *app)
{
	return (app->screens->steps[app->step]);
}

/* What app.c does with a request no screen consumed. */
static void
app_request(struct app *app, enum request req)
{
	const struct screen *s = current(app);
	const char *why;
	char *cause = NULL;
	int next;

	switch (req) {
	case REQ_ACTIVATE:
	case REQ_NEXT:
		if (s->leave != NULL && s->leave(app, &cause) != 0) {
			app_say_cause(app, cause);
			return;
		}
		app_say(app, 0, NULL);
		next = app->jump_to > 0 ? app->jump_to : app->step + 1;
		app->jump_to = 0;
		if (app->screens->steps[next] == NULL && app->ses.kiosk.enabled) {
			app_kiosk_wipe(app);	/* a kiosk wipes after the last step too */
			return;
		}
		if (app->screens->steps[next] == NULL) {
			app->finished = 1;
			app->exit_status = EXIT_FINISHED;
			return;
		}
		app_leave_step(app);
		app_enter(app, next, 1);
		break;
	case REQ_BACK:
		if (wizard_back_refused(&app->ses, app->step, &why) != 0) {
			app_say(app, 0, "%s", why);
			return;
		}
		if (app->step == 0)
			return;
		app_say(app, 0, NULL);
		app_leave_step(app);
		app_enter(app, app->step - 1, -1);
		break;
	case REQ_HELP:
		app->overlay = OVERLAY_HELP;
		app->overlay_scroll = 0;
		break;
	case REQ_QUIT:
		app->overlay = OVERLAY_QUIT;
		app->overlay_focus = 1;		/* "Stay" is the default */
		break;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

static void
app_dispatch(struct app *app, enum request req, const struct key *k)
{
	if (req == REQ_RESIZE) {
		getmaxyx(stdscr, app->ui.rows, app->ui.cols);
		return;
	}
	if (app->overlay == OVERLAY_HELP)
		req = app->screens->help->handle(app, req, k);
	else if (app->overlay == OVERLAY_QUIT)
		req = app->screens->quit->handle(app, req, k);
	else if (too_small(app))
		req = req == REQ_QUIT || req == REQ_REDRAW ? req : REQ_NONE;
	else
		req = current(app)->handle(app, req, k);
	if (req != REQ_NONE)
		app_request(app, req);
}

static int
too_small(const struct app *app)
{
	return (app->ui.cols < UI_MIN_COLS || app->ui.rows < UI_MIN_ROWS);
}

static void
draw_too_small(struct app *app)
{
	char *s;

	s = xasprintf(_("This window is %d columns by %d lines. sscard needs at "
	    "least %d columns and %d lines: please make the window larger. "
	    "(Esc quits.)"), app->ui.cols, app->ui.rows, UI_MIN_COLS, UI_MIN_ROWS);
	ui_wrap(&app->ui, 0, 0, app->ui.cols, app->ui.rows, A_NORMAL, s);
	ui_focus(&app->ui, 0, 0);
	free(s);
}

static void
draw_frame(struct app *app)
{
	struct ui *ui = &app->ui;
	const char *why;
	char *title, *keys;

	title = wizard_heading(&app->ses, app->step);
	ui_text(ui, 0, 0, ui->cols, A_BOLD, title);
	mvhline(1, 0, '-', ui->cols);
	mvhline(ui->rows - 2, 0, '-', ui->cols);
	keys = xasprintf("%s  %s  %s  %s", _("F1 Help"), wizard_back_refused(&app->ses,
	    app->step, &why) ? "" : _("F2 Back"), _("F3 Next"), _("Esc Quit"));
	ui_text(ui, ui->rows - 1, 0, ui->cols, A_NORMAL, keys);
	free(title);
	free(keys);
}

static void
app_draw(struct app *app)
{
	int whole;

	erase();
	graphics_begin(&app->gfx);
	ui_focus(&app->ui, 0, 0);
	if (too_small(app))
		draw_too_small(app);
	else {
		whole = current(app)->whole != NULL && current(app)->whole(app);
		/* A view that takes the message rows (a QR code) would be cut by a message. */
		if (whole)
			app->ui.msg_rows = 0;
		else
			ui_message_rows(&app->ui, app->message);
		draw_frame(app);
		current(app)->draw(app, &app->ui);
		/* After the body: the message is whole even where a screen drew late. */
		if (!whole)
			ui_message(&app->ui, app->message, app->message_error ?
			    A_BOLD : A_NORMAL);
		if (app->overlay == OVERLAY_HELP)
			app->screens->help->draw(app, &app->ui);
		else if (app->overlay == OVERLAY_QUIT)
			app->screens->quit->draw(app, &app->ui);
	}
	if (too_small(app))	/* an overlay hides the photos it covers (ui_box) */
		graphics_hide(&app->gfx);
	/* Last: the cursor on the focus, for screen readers and braille. */
	move(app->ui.cur_y, app->ui.cur_x);
	graphics_refresh(&app->gfx);
	if (app->opts->snapshot_dir != NULL)
		snapshot(app);
}

void
app_kiosk_wipe(struct app *app)
{
	int stored = app->ses.model.outbox_id != NULL;
	char *cause = NULL;

	app_leave_step(app);
	if (session_wipe(&app->ses, &cause) != 0) {
		/* Wiped, but no new private folder: nobody else can be served. */
		app_say_cause(app, cause);
		app->finished = 1;
		app->exit_status = EXIT_FAILED;
		return;
	}
	app->screens->quit->free(app);
	app->overlay = OVERLAY_NONE;
	app_enter(app, 0, 1);
	app_say(app, 0, "%s", kiosk_wiped(stored));
}

/*
 * Kiosk: a timeout on the key read (never a redraw while waiting); after
 * idle_seconds a notice, after notice_seconds more the wipe.  Returns 1
 * when it wiped, 0 when a key is there to read.
 */
static int
kiosk_idle(struct app *app)
{
	int fd = fileno(term_in);

	if (kiosk_wait(fd, app->ses.kiosk.idle_seconds * 1000) != 1)
		return (0);
	app_say_cause(app, kiosk_notice(app->ses.model.outbox_id != NULL ||
	    app->ses.kit_saved != NULL,
	    app->ses.kiosk.notice_seconds));
	app_draw(app);
	if (kiosk_wait(fd, app->ses.kiosk.notice_seconds * 1000) != 1) {
		app_say(app, 0, NULL);
		return (0);
	}
	app_kiosk_wipe(app);
	return (1);
}

int
app_poll(struct app *app)
{
	struct input *in = &app->in;
	struct key k;
	wint_t c;
	int rc;

	app_draw(app);
	if (signals_caught())
		return (1);	/* stop sending: the run is ending */
	if (in->replay) {
		if (in->script.next >= in->script.n ||
		    in->script.keys[in->script.next].code != K_ESC)
			return (0);
		in->script.next++;
		return (1);
	}
	nodelay(stdscr, TRUE);
	rc = get_wch(&c);
	nodelay(stdscr, FALSE);
	if (rc == KEY_CODE_YES && c == KEY_RESIZE)
		getmaxyx(stdscr, app->ui.rows, app->ui.cols);
	if (rc != OK || c != 27)
		return (0);	/* other keys mean nothing while sending */
	if (in->record != NULL) {
		memset(&k, 0, sizeof k);
		k.code = K_ESC;
		keyscript_write(in->record, &k);
		fflush(in->record);
	}
	return (1);
}

static const char *
snapshot_id(const struct app *app)
{
	if (too_small(app))
		return ("too-small");
	if (app->overlay == OVERLAY_HELP)
		return ("help");
	if (app->overlay == OVERLAY_QUIT)
		return ("quit");
	return (wizard_steps[app->step].id);
}

/* The screen as text, read back from curses' own screen: UTF-8, trailing blanks trimmed. */
static char *
screen_text(const struct ui *ui)
{
	wchar_t *row = xcalloc((size_t)ui->cols + 1, sizeof *row);
	size_t cap = (size_t)ui->rows * ((size_t)ui->cols * 4 + 1) + 1, len = 0, n;
	char *out = xmalloc(cap), *line = xmalloc((size_t)ui->cols * 4 + 1);
	const wchar_t *p;
	mbstate_t st;
	int y;

	for (y = 0; y < ui->rows; y++) {
		row[0] = L'\0';
		if (mvinnwstr(y, 0, row, ui->cols) == ERR)
			row[0] = L'\0';
		p = row;
		memset(&st, 0, sizeof st);
		if ((n = wcsrtombs(line, &p, (size_t)ui->cols * 4, &st)) == (size_t)-1)
			n = 0;
		while (n > 0 && line[n - 1] == ' ')
			n--;
		memcpy(out + len, line, n);
		len += n;
		out[len++] = '\n';
	}
	while (len > 1 && out[len - 1] == '\n' && out[len - 2] == '\n')
		len--;	/* blank rows at the bottom say nothing */
	out[len] = '\0';
	free(row);
	free(line);
	return (out);
}

/*
 * After each change of the screen: DIR/NNNN-<id>.txt, and a line in
 * DIR/index, both relative to the folder's descriptor and never through a
 * symbolic link: the folder was named on the command line.
 */
static void
snapshot(struct app *app)
{
	const char *dir = app->opts->snapshot_dir;
	char *text = screen_text(&app->ui), *name, *line, *cause = NULL;
	char gfx[256];
	int dfd, fd;

	if (app->snapshot_last != NULL && strcmp(text, app->snapshot_last) == 0) {
		free(text);
		return;
	}
	name = xasprintf("%04u-%s.txt", ++app->snapshot_seq, snapshot_id(app));
	/* Beside screens that show personal data: private like them. */
	if ((dfd = fs_open_dir(dir, &cause)) < 0 ||
	    fs_write_atomic_at(dfd, dir, name, text, strlen(text), &cause) != 0 ||
	    (fd = fs_open_private_at(dfd, dir, "index", O_WRONLY | O_CREAT |
	    O_APPEND, &cause)) < 0)
		fatal("%s", cause);
	graphics_describe(&app->gfx, gfx, sizeof gfx);
	line = xasprintf("%.*s cursor=%d,%d%s\n", (int)strlen(name) - 4, name,
	    app->ui.cur_y, app->ui.cur_x, gfx);
	if (fs_append_line(fd, line, strlen(line)) != 0 || close(fd) != 0)
		fatal("%s/index: %s", dir, strerror(errno));
	close(dfd);
	free(line);
	free(name);
	wipe_str(app->snapshot_last);
	app->snapshot_last = text;
}

int
app_run(const struct app_options *opts, const struct config *cfg,
    const struct app_screens *screens)
{
	struct app app;
	struct key k;
	char *cause = NULL;
	int status;

	memset(&app, 0, sizeof app);
	app.opts = opts;
	app.screens = screens;
	session_init(&app.ses, cfg);
	if (session_load(&app.ses, opts->kiosk, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		send_free(&app.send);
		session_free(&app.ses);
		return (EXIT_USAGE);
	}
	/* A bad key script is refused before anything runs. */
	if (input_open(&app.in, opts->replay, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		send_free(&app.send);
		session_free(&app.ses);
		return (EXIT_USAGE);
	}
	/* Before curses starts, so that curses keeps our handlers. */
	if (signals_install(&cause) != 0)
		goto fail;
	if (app.ses.kiosk.enabled)
		signals_shared_machine();
	fatal_set_cleanup(signals_cleanup);
	if (send_start(&app.send, &app.ses, &cause) != 0)
		goto fail;
	/* After the workspace, so it runs before the wipe: the draft needs the photo. */
	signals_on_exit(draft_on_exit, &app);
	if (opts->snapshot_dir != NULL &&
	    fs_mkdir_private(opts->snapshot_dir, 1, &cause) != 0)
		goto fail;
	if (opts->record != NULL && input_record(&app.in, opts->record, &cause) != 0)
		goto fail;
	/* Ask the terminal before curses owns it; never while replaying. */
	if (graphics_open(&app.gfx, opts->graphics != NULL ? opts->graphics :
	    config_str(cfg, "sscard", "graphics", NULL), opts->replay == NULL,
	    &cause) != 0 || term_set_background(&app.gfx.caps, config_str(cfg,
	    "sscard", "background", NULL), &cause) != 0)
		goto fail;
	app.ui.gfx = &app.gfx;
	if (terminal_start(opts, &cause) != 0)
		goto fail;
	graphics_start(&app.gfx, fileno(term_out));
	getmaxyx(stdscr, app.ui.rows, app.ui.cols);
	app_enter(&app, 0, 1);
	for (;;) {
		if (signals_caught() || app.finished)
			break;
		app_draw(&app);
		if (app.ses.kiosk.enabled && !app.in.replay && kiosk_idle(&app))
			continue;
		if (keyboard_next(&app.in, &k) != 0) {
			app.exit_status = app.in.replay ? EXIT_REPLAY_ENDED : EXIT_CANCELLED;
			break;
		}
		app_dispatch(&app, keys_lookup(&k), &k);
		if (app.finished)
			break;
	}
	terminal_end();
	status = app.exit_status;
	if (status == EXIT_FAILED && app.message != NULL)
		fprintf(stderr, "%s: %s\n", PACKAGE, app.message);	/* why it stopped */
	if (signals_caught()) {
		/* Now, before anything is kept: the recording too is dropped. */
		signals_cleanup();
		status = 128 + signals_caught();
	} else if (status == EXIT_FINISHED && app.ses.model.receipt != NULL)
		printf(_("Application sent to the card service; receipt: %s\n"),
		    app.ses.model.receipt);
	else if (status == EXIT_FINISHED && app.ses.model.outbox_id != NULL)
		printf(_("Application queued in the outbox: %s\n"), app.ses.model.outbox_id);
	if (status == EXIT_FINISHED && app.ses.kit_saved != NULL) {
		/* After curses: the name passes text_safe_name as ui.c's drawing does. */
		cause = text_safe_name(app.ses.kit_saved);
		printf(_("Application kit saved in %s\n"), cause);
		free(cause);
		cause = NULL;
	} else if (status == EXIT_REPLAY_ENDED) {
		cause = wizard_replay_ended(app.step);
		fputs(cause, stderr);
		free(cause);
		cause = NULL;
	}
	app_leave_step(&app);
	if (input_close(&app.in, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		status = EXIT_FAILED;
	}
	free(app.message);
	wipe_str(app.snapshot_last);
	graphics_close(&app.gfx);
	signals_cleanup();	/* the workspace, and what others registered */
	fatal_set_cleanup(NULL);
	send_free(&app.send);
	session_free(&app.ses);
	signals_reraise();
	return (status);
fail:
	terminal_end();
	graphics_close(&app.gfx);
	fprintf(stderr, "%s: %s\n", PACKAGE, cause);
	free(cause);
	input_close(&app.in, &cause);
	signals_cleanup();
	fatal_set_cleanup(NULL);
	send_free(&app.send);
	session_free(&app.ses);
	return (EXIT_FAILED);
}
