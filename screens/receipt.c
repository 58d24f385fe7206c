/*
 * receipt.c -- the last step: what became of the application (the kit saved
 * here, or queued and sent to the configured service), and the next steps,
 * true for this channel, region and configuration.
 */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/field.h"
#include "model/flow.h"
#include "model/kit.h"
#include "model/nextsteps.h"
#include "tui/pager.h"
#include "model/print.h"
#include "model/qr.h"
#include "screens/screen.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

/* What the focus can be on; QR and Print only when there is one. */
enum { AT_DIR, AT_SAVE, AT_FINISH, AT_QR, AT_PRINT, AT_COUNT };

struct outcome {
	struct field	 dir;
	char		*suggested;	/* the default folder, made new on saving */
	int		 focus;		/* AT_* */
	int		 show_qr;	/* the QR code is shown (on request) */
	int		 first;		/* the first next step shown */
	struct nextsteps ns;		/* built once on entry */
	char		*qr;		/* the QR code as text lines, or NULL */
	char		*qr_what;	/* what it holds, in words */
	int		 qr_cols, qr_rows;
};

/* The QR view's text beside the code keeps at least this many columns. */
#define QR_TEXT_COLS	24

static int	 headline(const struct app *, struct ui *, int, int);
static void	 save_kit(struct app *);
static int	 after_x(int, const char *);
static int	 more_button(struct ui *, int *, int, int, const char *, int);
static void	 make_qr(const struct app *, struct outcome *);
static int	 qr_fits(const struct outcome *, const struct ui *);
static int	 qr_shown(const struct app *);
static void	 draw_qr_view(const struct outcome *, struct ui *);
static void	 print_kit(struct app *);
static int	 focusable(const struct app *, int *);

static void
outcome_enter(struct app *app)
{
	struct outcome *o = xcalloc(1, sizeof *o);
	char *dir = flow_kit_offer(&app->ses);

	field_init(&o->dir, 500, dir);
	o->suggested = dir;
	o->focus = app->ses.kit_saved != NULL || session_sends(&app->ses) ? AT_FINISH : AT_SAVE;
	nextsteps_build(&app->ses.model, session_sends(&app->ses), app->ses.kit_saved != NULL ||
	    !session_sends(&app->ses), &o->ns);
	app->priv = o;
	make_qr(app, o);
}

/*
 * What a helper can use as a QR code (kit_qr_text: the service's receipt,
 * else the kit's essentials): half blocks, or "##" where the terminal shows
 * no Unicode (--graphics ascii or none).  Made in state, never in draw.
 */
static void
make_qr(const struct app *app, struct outcome *o)
{
	int unicode = app->gfx.mode != GRAPHICS_ASCII && app->gfx.mode != GRAPHICS_NONE;
	char *text, *cause = NULL;
	struct qr q;

	free(o->qr);
	free(o->qr_what);
	o->qr = NULL;
	text = kit_qr_text(&app->ses.model, &o->qr_what);
	if (qr_encode(text, &q, &cause) == 0) {
		o->qr = qr_render(&q, unicode);
		qr_size(&q, unicode, &o->qr_cols, &o->qr_rows);
		qr_free(&q);
	} else
		free(cause);	/* no button then: summary.txt holds the same */
	free(text);
}

/* The QR view takes the window but its key line: the code on the right, its words on the left. */
static int
qr_fits(const struct outcome *o, const struct ui *ui)
{
	return (o->qr != NULL && o->qr_rows <= ui->rows - 1 &&
	    ui->cols - o->qr_cols - 2 >= QR_TEXT_COLS);
}

/* The QR view is on: asked for, and the window holds it. */
static int
qr_shown(const struct app *app)
{
	const struct outcome *o = app->priv;

	return (o->show_qr && qr_fits(o, &app->ui));
}

static void
draw_qr_view(const struct outcome *o, struct ui *ui)
{
	const char *line, *nl;
	char *row;
	int qx = ui->cols - o->qr_cols, w = qx - 2, y, i;

	for (y = 0; y < ui->rows - 1; y++)
		mvhline(y, 0, ' ', ui->cols);
	for (i = 0, line = o->qr; *line != '\0'; i++, line = nl + 1) {
		nl = strchr(line, '\n');
		row = xstrndup(line, (size_t)(nl - line));
		ui_text(ui, i, qx, o->qr_cols, A_NORMAL, row);
		free(row);
	}
	y = 1;
	ui_text(ui, y, 1, w, A_BOLD, _("QR code for a helper"));
	y += 2;
	y += ui_wrap(ui, y, 1, w, ui->rows - 1 - y, A_NORMAL, o->qr_what) + 1;
	ui_wrap(ui, y, 1, w, ui->rows - 1 - y, A_NORMAL, _("Enter or Esc hides "
	    "the QR code."));
	ui_focus(ui, 1, 1);
}

/*
 * The items the focus moves through, in order: the QR button once there is
 * a reference, the Print button with a [print] command.  Returns how many.
 */
static int
focusable(const struct app *app, int *at)
{
	const struct outcome *o = app->priv;
	int n = 0, i;

	for (i = 0; i < AT_COUNT; i++)
		if ((i != AT_QR || o->qr != NULL) &&
		    (i != AT_PRINT || print_configured(app->ses.cfg)))
			at[n++] = i;
	return (n);
}

/* What happened, in words that are true here; returns the rows used. */
static int
headline(const struct app *app, struct ui *ui, int y, int w)
{
	const struct application *a = &app->ses.model;
	char *s, *name = session_sends(&app->ses) ? session_service_name(&app->ses) : NULL;
	int y0 = y;

	s = kit_headline(a, name);
	y += ui_wrap(ui, y, 1, w, -1, A_BOLD, s);
	free(s);
	if (name != NULL) {
		/* TRANSLATORS: %s is the name of the service configured on this computer. */
		s = xasprintf(_("What %s does with it is up to that service. sscard "
		    "is not an official channel; the steps below are what the official "
		    "channels ask for."), name);
		y += ui_wrap(ui, y, 1, w, -1, A_NORMAL, s);
		free(s);
	} else
		y += ui_wrap(ui, y, 1, w, -1, A_NORMAL, nextsteps_unofficial());
	free(name);
	return (y - y0);
}

/* Where the button after the one at x labelled `label` goes, whatever the language makes of it. */
static int
after_x(int x, const char *label)
{
	wchar_t *w = xcalloc(strlen(label) + 1, sizeof *w);
	int cols;

	cols = mbstowcs(w, label, strlen(label) + 1) == (size_t)-1 ? (int)strlen(label) :
	    wcswidth(w, strlen(label) + 1);
	free(w);
	return (x + (cols > 0 ? cols : (int)strlen(label)) + 8);
}

/* A button after the others on the row, or at the start of the next row; returns the x after it. */
static int
more_button(struct ui *ui, int *y, int x, int w, const char *label, int focused)
{
	if (x + text_width(label) + 4 > w) {
		(*y)++;
		x = 3;
	}
	ui_button(ui, *y, x, label, focused);
	return (after_x(x, label));
}

static void
outcome_draw(const struct app *app, struct ui *ui)
{
	const struct outcome *o = app->priv;
	struct pager_item *items;
	int y = UI_BODY_TOP, w = ui->cols - 2, i, x;

	if (qr_shown(app)) {
		draw_qr_view(o, ui);
		return;
	}
	y += headline(app, ui, y, w);
	ui_field(ui, y++, 1, 14, w - 20, flow_kit_label(), &o->dir, o->focus == AT_DIR);
	ui_button(ui, y, 3, _("Save the kit"), o->focus == AT_SAVE);
	x = after_x(3, _("Save the kit"));
	ui_button(ui, y, x, flow_finish_label(), o->focus == AT_FINISH);
	x = after_x(x, flow_finish_label());
	if (o->qr != NULL)
		x = more_button(ui, &y, x, w, o->show_qr ? _("Hide the QR code") :
		    _("QR code for a helper"), o->focus == AT_QR);
	if (print_configured(app->ses.cfg))
		more_button(ui, &y, x, w, _("Print"), o->focus == AT_PRINT);
	y++;
	if (o->show_qr)
		y += ui_wrap(ui, y, 1, w, 2, A_NORMAL, _("The window is too small for "
		    "the QR code: make it larger."));
	items = xcalloc((size_t)o->ns.n, sizeof *items);
	for (i = 0; i < o->ns.n; i++) {
		items[i].label = o->ns.v[i].label;
		items[i].text = o->ns.v[i].text;
	}
	pager_draw(ui, y, 1, w, 14, ui_body_bottom(ui), items, o->ns.n, o->first);
	free(items);
}

static void
save_kit(struct app *app)
{
	struct outcome *o = app->priv;
	char *dir = field_utf8(&o->dir), *cause = NULL, *s;

	if (flow_save_kit(&app->ses, dir, o->suggested, &cause) != 0)
		app_say_cause(app, cause);
	else {
		field_set(&o->dir, app->ses.kit_saved);
		free(o->suggested);
		o->suggested = xstrdup("");	/* saving again writes the same folder */
		/* The message line: the next steps keep their room. */
		s = kit_saved_line(&app->ses.model, app->ses.kit_saved);
		app_say(app, 0, "%s", s);
		free(s);
		/* Its files can now be named as they are in the kit. */
		nextsteps_free(&o->ns);
		nextsteps_build(&app->ses.model, session_sends(&app->ses), 1, &o->ns);
		o->focus = AT_FINISH;
		app_keep_draft(app);	/* the kit keeps the application now: no draft */
		make_qr(app, o);
	}
	free(dir);
}

/* [print] command with the kit's summary and print sheet; its failure is said. */
static void
print_kit(struct app *app)
{
	const char *said;
	char *cause = NULL;

	if ((said = flow_print(&app->ses, &cause)) == NULL)
		app_say_cause(app, cause);
	else
		app_say(app, 0, "%s", said);
}

static enum request
outcome_handle(struct app *app, enum request req, const struct key *k)
{
	struct outcome *o = app->priv;
	int at[AT_COUNT], n, i;

	/* The QR view: Enter, Esc or Back hides it; nothing else happens under it. */
	if (qr_shown(app)) {
		if (req == REQ_ACTIVATE || req == REQ_QUIT || req == REQ_BACK)
			o->show_qr = 0;
		return (req == REQ_HELP || req == REQ_REDRAW ? req : REQ_NONE);
	}
	if (req == REQ_BACK && app->ses.model.outbox_id != NULL) {
		app_say(app, 0, "%s", _("The application is already queued; "
		    "going back would not change it."));
		return (REQ_NONE);
	}
	/* A kiosk's folder is its kit_dir: shown, not changed. */
	if (o->focus == AT_DIR && !app->ses.kiosk.enabled && field_handle(&o->dir, req, k))
		return (REQ_NONE);
	n = focusable(app, at);
	for (i = 0; i < n && at[i] != o->focus; i++)
		;
	if (screen_focus_move(&i, n, req)) {
		o->focus = at[i];
		return (REQ_NONE);
	}
	if (pager_scroll(&o->first, o->ns.n, req))
		return (REQ_NONE);
	if (req == REQ_SAVE || (req == REQ_ACTIVATE && o->focus <= AT_SAVE)) {
		save_kit(app);
		return (REQ_NONE);
	}
	if (req == REQ_ACTIVATE && o->focus == AT_QR) {
		o->show_qr = !o->show_qr;
		return (REQ_NONE);
	}
	if (req == REQ_ACTIVATE && o->focus == AT_PRINT) {
		print_kit(app);
		return (REQ_NONE);
	}
	return (req == REQ_ACTIVATE ? REQ_NEXT : req);
}

/* Finish without a card service saves the kit first: it is the whole outcome. */
static int
outcome_leave(struct app *app, char **cause)
{
	if (app->ses.kit_saved == NULL && !session_sends(&app->ses)) {
		save_kit(app);
		if (app->ses.kit_saved == NULL) {
			*cause = xstrdup(app->message != NULL ? app->message :
			    _("The kit was not saved."));
			return (-1);
		}
	}
	return (0);
}

static void
outcome_free(struct app *app)
{
	struct outcome *o = app->priv;

	field_free(&o->dir);
	free(o->suggested);
	free(o->qr);
	free(o->qr_what);
	nextsteps_free(&o->ns);
	free(o);
}

const struct screen receipt_screen = {
	.enter = outcome_enter,
	.draw = outcome_draw,
	.handle = outcome_handle,
	.leave = outcome_leave,
	.free = outcome_free,
	.whole = qr_shown,
};
