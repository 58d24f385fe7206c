/* check.c -- step 6: the photo checked against the region's rules, and fixed on request. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "model/checked.h"
#include "lib/config.h"
#include "model/flow.h"
#include "tui/graphics.h"
#include "lib/i18n.h"
#include "tui/layout.h"
#include "photo/check.h"
#include "photo/profile.h"
#include "model/region.h"
#include "screens/screen.h"
#include "lib/xmalloc.h"

struct check_state {
	struct flow_check	 f;		/* the rules and the report (flow.c) */
	int			 show_fix;	/* the Fix button is offered */
	int			 focus;		/* a row that does not pass, or the button */
	int			 large;		/* V: the photos take the whole body */
	struct image		 shown[2];	/* the photo as given, and as fixed */
};

static void	check_focus(struct check_state *);
static int	rows_of(const struct check_state *, const struct photo_check **);
static void	draw_report(const struct check_state *, struct ui *, int, int);
static void	check_fix(struct app *, struct check_state *);
static void	preview_load(struct app *, struct check_state *, int);
static void	draw_previews(const struct check_state *, struct ui *,
		    struct layout *);

/* Loads the checked photo for preview i (0 the original, 1 the fixed copy); never in draw. */
static void
preview_load(struct app *app, struct check_state *c, int i)
{
	char *cause = NULL;
	struct layout l;

	image_free(&c->shown[i]);
	layout_photos(&app->ui, i + 1, 1, NULL, 0, &l);
	if (graphics_load(&app->gfx.caps, app->gfx.mode, app->ses.model.checked_path,
	    l.photo[i].rows, l.photo[i].cols, &c->shown[i], &cause) != 0)
		free(cause);	/* the report says why the photo cannot be read */
}

/*
 * The photo on the right; once fixed, the original and the fixed one side
 * by side, with the key that shows them over the whole body (c->large).
 */
static void
draw_previews(const struct check_state *c, struct ui *ui, struct layout *l)
{
	static const char *const labels[] = { N_("Before:"), N_("After:") };
	int i, n = c->shown[1].px != NULL ? 2 : 1, y;

	layout_photos(ui, n, 1, c->shown, c->large ? 0 : LAYOUT_TEXT_MIN, l);
	for (i = 0; i < n; i++) {
		ui_text(ui, l->label[i].y, l->label[i].x, l->label[i].cols, A_NORMAL,
		    n == 1 ? _("Your photo:") : _(labels[i]));
		graphics_place(ui, l->photo[i].y, l->photo[i].x, l->photo[i].rows,
		    l->photo[i].cols, &c->shown[i]);
	}
	y = l->photo[0].y + l->photo[0].rows;
	if (n == 2 && y <= ui_body_bottom(ui))
		ui_wrap(ui, y, l->photo[0].x, ui->cols - 1 - l->photo[0].x,
		    ui_body_bottom(ui) - y + 1, A_NORMAL, c->large ?
		    _("Press V or Esc to see the rules again.") :
		    _("Press V to see the photos larger."));
}

/* Where the focus starts on a new report. */
static void
check_focus(struct check_state *c)
{
	c->show_fix = flow_check_fixable(&c->f);
	/*
	 * The main action is one Enter away: the Fix button when there is one
	 * (Up reads the rules); else the first rule that does not pass, with
	 * its advice, where Enter goes on (Next) as on every step.
	 */
	c->focus = c->show_fix ? rows_of(c, NULL) : 0;
}

static void
check_enter(struct app *app)
{
	struct check_state *c = xcalloc(1, sizeof *c);

	app->priv = c;
	flow_check_open(&app->ses, app->opts != NULL ? app->opts->profile : NULL, &c->f);
	if (app->ses.model.photo_receipt[0] != '\0')
		return;		/* the office checks the studio's photo */
	check_focus(c);
	preview_load(app, c, 0);
}


/* The checks that do not pass: the rows a person moves through. */
static int
rows_of(const struct check_state *c, const struct photo_check **rows)
{
	return (flow_check_rows(&c->f, rows, NULL));
}


static int
row_lines(const struct photo_check *r, int w)
{
	char *s = flow_check_row(r, 1);
	int n = ui_wrap_rows(w, s);

	free(s);
	return (n);
}

/* The first row to show: as many rows before the focused one as fit in `lines`. */
static int
first_row(const struct photo_check **rows, int focus, int w, int lines)
{
	int first = focus, used = row_lines(rows[focus], w);

	while (first > 0 && used + row_lines(rows[first - 1], w) <= lines)
		used += row_lines(rows[--first], w);
	return (first);
}

/* "(3 more above; Up goes there)" or its twin below, on one line. */
static void
draw_marker(struct ui *ui, int y, int w, int n, int above)
{
	char *s = above ? xasprintf(_("(%d more above; Up goes there)"), n) :
	    xasprintf(_("(%d more below; Down goes there)"), n);

	ui_wrap(ui, y, 3, w - 2, 1, A_NORMAL, s);
	free(s);
}

/* The rules that pass, by name, after the list where there is room. */
static void
draw_passing(const struct check_state *c, struct ui *ui, int y, int w, int end)
{
	char *s = flow_check_passing(&c->f);

	if (s != NULL && y + ui_wrap_rows(w - 2, s) <= end)
		ui_wrap(ui, y, 3, w - 2, -1, A_NORMAL, s);
	free(s);
}

/*
 * Every rule that does not pass, a row each, whole or not at all: scrolled so
 * the focused one shows, with markers for the rows above and below; its
 * advice, whole, below the list; then the rules that pass, where there is room.
 */
static void
draw_report(const struct check_state *c, struct ui *ui, int y, int w)
{
	const struct photo_check *rows[64];
	int n = rows_of(c, rows), bottom = ui_body_bottom(ui) - 2;
	int advice = c->focus < n ? ui_wrap_rows(w - 2, rows[c->focus]->message) : 0;
	int list_end = bottom - advice, first = 0, i, r;
	char *s;

	if (c->focus < n && (first = first_row(rows, c->focus, w - 2, list_end - y - 1)) > 0)
		first = first_row(rows, c->focus, w - 2, list_end - y - 2);
	if (first > 0)
		draw_marker(ui, y++, w, first, 1);
	for (i = first; i < n; i++) {
		/* A row may take the marker's line only when it is the last. */
		r = row_lines(rows[i], w - 2);
		if (y + r > list_end + (i == n - 1))
			break;
		mvaddstr(y, 1, c->focus == i ? ">" : " ");
		if (c->focus == i)
			ui_focus(ui, y, 3);
		s = flow_check_row(rows[i], 1);
		y += ui_wrap(ui, y, 3, w - 2, -1, c->focus == i ? A_BOLD : A_NORMAL, s);
		free(s);
	}
	if (i < n)
		draw_marker(ui, list_end, w, n - i, 0);
	if (c->focus < n)
		ui_wrap(ui, list_end + 1, 3, w - 2, -1, A_NORMAL, rows[c->focus]->message);
	else
		draw_passing(c, ui, y + 1, w, list_end + 1);
}

static void
check_draw(const struct app *app, struct ui *ui)
{
	const struct check_state *c = app->priv;
	const struct photo_check *why;
	struct layout l;
	int y = UI_BODY_TOP, w;
	char *s;

	if (app->ses.model.photo_receipt[0] != '\0') {
		s = xasprintf(_("You gave a photo studio's receipt number (%s). "
		    "The office checks the studio's photo when you apply; sscard "
		    "has no photo to check. F3 goes on."), app->ses.model.photo_receipt);
		ui_wrap(ui, y, 1, ui->cols - 2, -1, A_NORMAL, s);
		free(s);
		ui_focus(ui, UI_BODY_TOP, 1);
		return;
	}
	draw_previews(c, ui, &l);
	if (c->large) {
		ui_focus(ui, UI_BODY_TOP, l.label[0].x);
		return;
	}
	w = l.text.cols;
	if (c->f.error != NULL) {
		y += ui_wrap(ui, y, 1, w, -1, A_BOLD, c->f.error);
		ui_wrap(ui, y + 1, 1, w, 2, A_NORMAL, _("Go back (F2) and choose "
		    "another photo file."));
		ui_focus(ui, UI_BODY_TOP, 1);
		return;
	}
	if ((why = flow_check_unfixable(&c->f)) != NULL) {
		/* TRANSLATORS: %s is the advice of the rule that cannot be fixed. */
		s = xasprintf(_("This photo cannot be fixed: %s"), why->message);
		y += ui_wrap(ui, y, 1, w, -1, A_BOLD, s);	/* never cut: it says what to do */
		free(s);
	}
	s = flow_check_heading(&c->f);
	y += ui_wrap(ui, y, 1, w, -1, A_NORMAL, s);
	free(s);
	ui_text(ui, y++, 1, w, A_BOLD, flow_check_result(&c->f));
	/* What the fix changed, and what offices may say of it: never cut. */
	if ((s = checked_edit_notice(&app->ses.model)) != NULL) {
		y += ui_wrap(ui, y, 1, w, -1, A_NORMAL, s);
		free(s);
	}
	ui_focus(ui, UI_BODY_TOP, 1);
	draw_report(c, ui, y, w);
	if (c->show_fix)
		ui_button(ui, ui_body_bottom(ui) - 1, 1, flow_check_fix_label(),
		    c->focus == rows_of(c, NULL));
	else if (!c->f.report.ok)
		ui_wrap(ui, ui_body_bottom(ui) - 1, 1, w, 2, A_NORMAL,
		    _("This cannot be fixed automatically: go back (F2) and "
		    "choose another photo."));
}

/* Writes the fixed photo into the run's workspace and uses it from now on. */
static void
check_fix(struct app *app, struct check_state *c)
{
	char *cause = NULL;

	if (flow_check_fix(&app->ses, &c->f, &cause) != 0) {
		app_say_cause(app, cause);
		c->show_fix = 0;
		return;
	}
	preview_load(app, c, 1);
	c->show_fix = 0;
	c->focus = 0;
	app_say(app, 0, "%s", flow_check_fixed_result(&c->f));
}

static enum request
check_handle(struct app *app, enum request req, const struct key *k)
{
	struct check_state *c = app->priv;
	int n = rows_of(c, NULL) + (c->show_fix ? 1 : 0);

	if (req == REQ_CHAR && towlower((wint_t)key_char(k)) == L'v' &&
	    c->shown[1].px != NULL) {
		c->large = !c->large;
		return (REQ_NONE);
	}
	/* Esc leaves the enlarged photos, as V does: it is a view, not the step. */
	if (req == REQ_QUIT && c->large) {
		c->large = 0;
		return (REQ_NONE);
	}
	if (n > 0 && screen_focus_move(&c->focus, n, req))
		return (REQ_NONE);
	/* Enter fixes wherever the focus is: reading a rule first costs nothing. */
	if (req == REQ_ACTIVATE && c->show_fix) {
		check_fix(app, c);
		return (REQ_NONE);
	}
	return (req);
}

static int
check_leave(struct app *app, char **cause)
{
	struct check_state *c = app->priv;

	return (flow_check_leave(&app->ses, &c->f, cause));
}

static void
check_free(struct app *app)
{
	struct check_state *c = app->priv;

	flow_check_free(&c->f);
	image_free(&c->shown[0]);
	image_free(&c->shown[1]);
	free(c);
}

const struct screen check_screen = {
	.enter = check_enter,
	.draw = check_draw,
	.handle = check_handle,
	.leave = check_leave,
	.free = check_free,
};
