/* review.c -- step 6: everything on one screen, the consent line, then queue. */
#include "lib/system.h"

#include <stdlib.h>

#include "model/flow.h"
#include "tui/graphics.h"
#include "model/idnum.h"
#include "model/kit.h"
#include "model/materials.h"
#include "model/person.h"
#include "model/region.h"
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
	const struct application *a = &app->ses.model;
	char masked[19], *s, *name;
	int y = UI_BODY_TOP, n, ready, p = r->photo.px != NULL;

	ui_text(ui, y++, 1, ui->cols - 2, A_NORMAL, session_sends(&app->ses) ?
	    _("Please check everything before the application is queued:") :
	    _("Please check everything before the kit is made:"));
	y++;
	y += row(ui, y, p, _("Channel:"), channel_name(a->channel));
	y += row(ui, y, p, _("Region:"), _(region_at(a->region)->name));
	y += row(ui, y, p, _("Full name:"), a->name);
	if (session_sends(&app->ses)) {
		/* Bystanders at a service point: masked unless asked for. */
		idnum_mask(a->id_number, masked);
		y += row(ui, y, p, _("ID number:"), r->show_id ? a->id_number : masked);
		y += row(ui, y, p, _("Mobile number:"), a->phone);
	}
	y += row(ui, y, p, _("Whose card:"), person_minor_answer(a->minor));
	ready = materials_ready(a, &n);
	s = xasprintf(_("%d of %d ready"), ready, n);
	y += row(ui, y, p, _("Materials:"), s);
	free(s);
	if (a->card_lost)
		y += row(ui, y, p, _("Current card:"), _("lost: report the loss first (挂失)"));
	if (a->photo_receipt[0] != '\0')
		s = xasprintf(_("a photo studio's receipt number, %s"),
		    a->photo_receipt);
	else
		s = xstrdup(a->photo_fixed ? _("fixed by sscard and checked (on "
		    "the right)") : _("checked (on the right)"));
	y += row(ui, y, p, _("Photo:"), s);
	free(s);
	if (r->photo.px != NULL)
		graphics_place(ui, UI_BODY_TOP + 2, ui->cols - PHOTO_COLS - 2,
		    PHOTO_ROWS, PHOTO_COLS, &r->photo);
	y = p && y < UI_BODY_TOP + 2 + PHOTO_ROWS ? UI_BODY_TOP + 2 + PHOTO_ROWS : y + 1;
	if (session_sends(&app->ses))	/* with no number asked there is none to show */
		y += ui_item(ui, y, 1, ui->cols - 2, r->show_id ? "[x]" : "[ ]",
		    _("Show the full ID number"), r->focus == 0);
	name = session_sends(&app->ses) ? session_service_name(&app->ses) : NULL;
	s = kit_consent(a, name);
	free(name);
	ui_item(ui, y, 1, ui->cols - 2, a->consent ? "[x]" : "[ ]", s, r->focus == 1);
	free(s);
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
