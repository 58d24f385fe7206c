/*
 * receipt.c -- the last step: what became of the application (the kit saved
 * here, or queued and sent to the configured service), and the next steps,
 * true for this channel, region and configuration.
 */
#include "system.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "checked.h"
#include "field.h"
#include "kit.h"
#include "nextsteps.h"
#include "pager.h"
#include "screen.h"
#include "xmalloc.h"

/* Focus: 0 the kit folder, 1 "Save the kit", 2 "Finish". */
struct outcome {
	struct field	 dir;
	char		*suggested;	/* the default folder, made new on saving */
	int		 focus;
	int		 first;		/* the first next step shown */
	struct nextsteps ns;		/* built once on entry */
};

static const char *outcome_title(const struct app *);
static int	 headline(const struct app *, struct ui *, int, int);
static void	 save_kit(struct app *);
static int	 finish_x(void);

static const char *
outcome_title(const struct app *app)
{
	if (app->model.receipt != NULL)
		return (N_("Receipt and next steps"));
	if (app->model.outbox_id != NULL)
		return (N_("Queued: next steps"));
	return (N_("Your application kit and next steps"));
}

static void
outcome_enter(struct app *app)
{
	struct outcome *o = xcalloc(1, sizeof *o);
	char *dir = app->kit_saved != NULL ? xstrdup(app->kit_saved) :
	    kit_default_dir(app->cfg);

	field_init(&o->dir, 500, dir);
	o->suggested = dir;
	o->focus = app->kit_saved != NULL || app_sends(app) ? 2 : 1;
	nextsteps_build(&app->model, app_sends(app), app->kit_saved != NULL ||
	    !app_sends(app), &o->ns);
	app->priv = o;
}

/* What happened, in words that are true here; returns the rows used. */
static int
headline(const struct app *app, struct ui *ui, int y, int w)
{
	const struct application *a = &app->model;
	char *s, *name = app_sends(app) ? app_service_name(app) : NULL;
	int y0 = y;

	if (a->receipt != NULL)
		/* TRANSLATORS: the service's name, then the receipt it gave. */
		s = xasprintf(_("%s received your application; its receipt number: "
		    "%s."), name, a->receipt);
	else if (a->outbox_id != NULL)
		s = xasprintf(_("Your application is queued on this computer for "
		    "%s. It has NOT been sent yet. Local reference (known only to "
		    "this computer, not to any office): %s."), name, a->outbox_id);
	else
		s = xstrdup(_("Nothing has been sent: sscard prepared your "
		    "application kit on this computer. Save it, then apply "
		    "yourself as the steps below say."));
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

/* "Finish" after "Save the kit", whatever the language makes of it. */
static int
finish_x(void)
{
	const char *label = _("Save the kit");
	wchar_t *w = xcalloc(strlen(label) + 1, sizeof *w);
	int cols;

	cols = mbstowcs(w, label, strlen(label) + 1) == (size_t)-1 ? (int)strlen(label) :
	    wcswidth(w, strlen(label) + 1);
	free(w);
	return (3 + (cols > 0 ? cols : (int)strlen(label)) + 8);
}

static void
outcome_draw(const struct app *app, struct ui *ui)
{
	const struct outcome *o = app->priv;
	struct pager_item *items;
	int y = UI_BODY_TOP, w = ui->cols - 2, i;

	y += headline(app, ui, y, w);
	ui_field(ui, y++, 1, 14, w - 20, _("Kit folder:"), &o->dir, o->focus == 0);
	ui_button(ui, y, 3, _("Save the kit"), o->focus == 1);
	ui_button(ui, y++, finish_x(), _("Finish"), o->focus == 2);
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
	char *dir = field_utf8(&o->dir), *path = checked_expand(dir), *cause = NULL;
	char *saved = NULL;

	if (kit_save(&app->model, app_sends(app), path, strcmp(dir, o->suggested) == 0,
	    &saved, &cause) != 0)
		app_say_cause(app, cause);
	else {
		free(app->kit_saved);
		app->kit_saved = saved;
		field_set(&o->dir, saved);
		free(o->suggested);
		o->suggested = xstrdup("");	/* saving again writes the same folder */
		/* The message line: the next steps keep their room. */
		app_say(app, 0, app->model.photo_receipt[0] != '\0' ? _("Kit saved "
		    "in %s (summary.txt).") : _("Kit saved in %s (photo.jpg, "
		    "print-sheet.jpg, summary.txt)."), saved);
		/* Its files can now be named as they are in the kit. */
		nextsteps_free(&o->ns);
		nextsteps_build(&app->model, app_sends(app), 1, &o->ns);
		o->focus = 2;
	}
	free(path);
	free(dir);
}

static enum request
outcome_handle(struct app *app, enum request req, const struct key *k)
{
	struct outcome *o = app->priv;

	if (req == REQ_BACK && app->model.outbox_id != NULL) {
		app_say(app, 0, "%s", _("The application is already queued; "
		    "going back would not change it."));
		return (REQ_NONE);
	}
	if (o->focus == 0 && field_handle(&o->dir, req, k))
		return (REQ_NONE);
	if (screen_focus_move(&o->focus, 3, req) ||
	    pager_scroll(&o->first, o->ns.n, req))
		return (REQ_NONE);
	if (req == REQ_SAVE || (req == REQ_ACTIVATE && o->focus <= 1)) {
		save_kit(app);
		return (REQ_NONE);
	}
	return (req == REQ_ACTIVATE ? REQ_NEXT : req);
}

/* Finish without a card service saves the kit first: it is the whole outcome. */
static int
outcome_leave(struct app *app, char **cause)
{
	if (app->kit_saved == NULL && !app_sends(app)) {
		save_kit(app);
		if (app->kit_saved == NULL) {
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
	nextsteps_free(&o->ns);
	free(o);
}

const struct screen receipt_screen = {
	.id = "receipt",
	.title = N_("Your application kit and next steps"),
	.title_of = outcome_title,
	.help = N_("The kit is a folder with photo.jpg (the checked photo, to "
	    "upload in an official app or bring on a phone or USB stick), "
	    "print-sheet.jpg (a 6-inch sheet with copies of 26x32 mm, for any "
	    "photo kiosk) and summary.txt (what to bring and do, to print). Type "
	    "another folder if you like; \"Save the kit\" or Ctrl-S saves it, "
	    "Finish saves it too when no card service is configured. The next "
	    "steps below scroll a step at a time: End shows more, Home goes back "
	    "to the start (in the folder field, Home and End move the cursor). A "
	    "local reference is known only to this computer; a receipt number "
	    "comes only from an office or the configured service."),
	.enter = outcome_enter,
	.draw = outcome_draw,
	.handle = outcome_handle,
	.leave = outcome_leave,
	.free = outcome_free,
};
