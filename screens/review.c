/* review.c -- step 6: everything on one screen, the consent line, then queue. */
#include "lib/system.h"

#include <stdlib.h>

#include "model/flow.h"
#include "tui/graphics.h"
#include "net/send.h"
#include "screens/screen.h"
#include "lib/xmalloc.h"

/* Focus: 0 show the full ID number, 1 the consent line. */
struct review {
	int		focus;
	int		show_id;
	struct image	photo;		/* the checked photo, for the preview */
};

/* The photo's box on the right, beside the rows. */
#define PHOTO_COLS	16
#define PHOTO_ROWS	9

static int	row(struct ui *, int, int, const char *, const char *);

static void
review_enter(struct app *app)
{
	struct review *r = xcalloc(1, sizeof *r);
	char *cause = NULL;

	r->focus = 1;
	app->priv = r;
	if (app->ses.model.checked_path[0] != '\0' &&
	    graphics_load(&app->gfx.caps, app->gfx.mode, app->ses.model.checked_path,
	    PHOTO_ROWS, PHOTO_COLS, &r->photo, &cause) != 0)
		app_say_cause(app, cause);
}

/* A label and its value; `beside` leaves room for the photo on the right. */
static int
row(struct ui *ui, int y, int beside, const char *label, const char *value)
{
	ui_text(ui, y, 3, 18, A_BOLD, label);
	return (ui_wrap(ui, y, 22, ui->cols - 23 - (beside ? PHOTO_COLS + 2 : 0), 2,
	    A_NORMAL, value));
}

static void
review_draw(const struct app *app, struct ui *ui)
{
	const struct review *r = app->priv;
	struct flow_review fr;
	int y = UI_BODY_TOP, i, p = r->photo.px != NULL;

	flow_review_open(&app->ses, r->show_id, p, &fr);
	ui_text(ui, y++, 1, ui->cols - 2, A_NORMAL, fr.heading);
	y++;
	for (i = 0; i < fr.n; i++)
		y += row(ui, y, p, fr.rows[i].label, fr.rows[i].value);
	if (r->photo.px != NULL)
		graphics_place(ui, UI_BODY_TOP + 2, ui->cols - PHOTO_COLS - 2,
		    PHOTO_ROWS, PHOTO_COLS, &r->photo);
	y = p && y < UI_BODY_TOP + 2 + PHOTO_ROWS ? UI_BODY_TOP + 2 + PHOTO_ROWS : y + 1;
	if (fr.numbers)	/* with no number asked there is none to show */
		y += ui_item(ui, y, 1, ui->cols - 2, r->show_id ? "[x]" : "[ ]",
		    flow_show_id_label(0), r->focus == 0);
	ui_item(ui, y, 1, ui->cols - 2, app->ses.model.consent ? "[x]" : "[ ]",
	    fr.consent, r->focus == 1);
	flow_review_free(&fr);
}

static enum request
review_handle(struct app *app, enum request req, const struct key *k)
{
	struct review *r = app->priv;

	if (session_sends(&app->ses) && screen_focus_move(&r->focus, 2, req))
		return (REQ_NONE);
	if (req == REQ_TOGGLE || (req == REQ_ACTIVATE && r->focus == 0) ||
	    (req == REQ_ACTIVATE && r->focus == 1 && !app->ses.model.consent)) {
		if (r->focus == 0)
			r->show_id = !r->show_id;
		else
			app->ses.model.consent = !app->ses.model.consent;
		return (REQ_NONE);
	}
	return (req);
}

static int
review_leave(struct app *app, char **cause)
{
	struct review *r = app->priv;

	if (!app->ses.model.consent) {
		*cause = xstrdup(_("Tick the consent line (Space) to go on; without "
		    "it nothing is stored or sent."));
		r->focus = 1;
		return (-1);
	}
	return (send_consent(&app->send, &app->ses, cause));
}

static void
review_free(struct app *app)
{
	struct review *r = app->priv;

	image_free(&r->photo);
	free(r);
}

const struct screen review_screen = {
	.enter = review_enter,
	.draw = review_draw,
	.handle = review_handle,
	.leave = review_leave,
	.free = review_free,
};
