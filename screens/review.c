/* review.c -- step 6: everything on one screen, the consent line, then queue. */
#include "system.h"

#include <stdlib.h>

#include "idnum.h"
#include "materials.h"
#include "region.h"
#include "screen.h"
#include "xmalloc.h"

/* Focus: 0 show the full ID number, 1 the consent line. */
struct review {
	int	focus;
	int	show_id;
};

static int	row(struct ui *, int, const char *, const char *);

static void
review_enter(struct app *app)
{
	struct review *r = xcalloc(1, sizeof *r);

	r->focus = 1;
	app->priv = r;
}

static int
row(struct ui *ui, int y, const char *label, const char *value)
{
	ui_text(ui, y, 3, 18, A_BOLD, label);
	return (ui_wrap(ui, y, 22, ui->cols - 23, 2, A_NORMAL, value));
}

static void
review_draw(const struct app *app, struct ui *ui)
{
	const struct review *r = app->priv;
	const struct application *a = &app->model;
	char masked[19], *s;
	int y = UI_BODY_TOP, n, i, ready = 0;

	ui_text(ui, y++, 1, ui->cols - 2, A_NORMAL, _("Please check everything "
	    "before the application is queued:"));
	y++;
	y += row(ui, y, _("Channel:"), channel_name(a->channel));
	y += row(ui, y, _("Region:"), _(region_at(a->region)->name));
	y += row(ui, y, _("Full name:"), a->name);
	/* Bystanders at a service point: the number is masked unless asked for. */
	idnum_mask(a->id_number, masked);
	y += row(ui, y, _("ID number:"), r->show_id ? a->id_number : masked);
	y += row(ui, y, _("Mobile number:"), a->phone);
	materials_for(a->channel, &n);
	for (i = 0; i < n; i++)
		ready += (a->ticked[a->channel] >> i) & 1;
	s = xasprintf(_("%d of %d ready"), ready, n);
	y += row(ui, y, _("Materials:"), s);
	free(s);
	y += row(ui, y, _("Photo:"), a->photo_path);
	y++;
	y += ui_item(ui, y, 1, ui->cols - 2, r->show_id ? "[x]" : "[ ]",
	    _("Show the full ID number"), r->focus == 0);
	ui_item(ui, y, 1, ui->cols - 2, a->consent ? "[x]" : "[ ]",
	    _("I agree that sscard stores these details and the photo on this "
	    "computer, readable only by this account, and sends them only to the "
	    "card service to apply for a new social security card. (Required)"),
	    r->focus == 1);
}

static enum request
review_handle(struct app *app, enum request req, const struct key *k)
{
	struct review *r = app->priv;

	if (screen_focus_move(&r->focus, 2, req))
		return (REQ_NONE);
	if (req == REQ_TOGGLE || (req == REQ_ACTIVATE && r->focus == 0) ||
	    (req == REQ_ACTIVATE && r->focus == 1 && !app->model.consent)) {
		if (r->focus == 0)
			r->show_id = !r->show_id;
		else
			app->model.consent = !app->model.consent;
		return (REQ_NONE);
	}
	return (req);
}

static int
review_leave(struct app *app, char **cause)
{
	struct review *r = app->priv;

	if (!app->model.consent) {
		*cause = xstrdup(_("Tick the consent line (Space) to go on; without "
		    "it nothing is stored or sent."));
		r->focus = 1;
		return (-1);
	}
	return (app_queue(app, cause));
}

static void
review_free(struct app *app)
{
	free(app->priv);
}

const struct screen review_screen = {
	.id = "review",
	.title = N_("Review"),
	.help = N_("Check every line. To change something, go back with F2. The "
	    "ID number is masked so that people nearby cannot read it; tick "
	    "\"Show the full ID number\" to check it. Tick the consent line, "
	    "then F3 or Enter queues the application."),
	.enter = review_enter,
	.draw = review_draw,
	.handle = review_handle,
	.leave = review_leave,
	.free = review_free,
};
