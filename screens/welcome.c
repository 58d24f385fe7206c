/* welcome.c -- step 1: what sscard does, how it treats personal data, the language. */
#include "system.h"

#include <stdlib.h>

#include "i18n.h"
#include "screen.h"
#include "xmalloc.h"

struct welcome {
	int	focus;	/* a language */
};

static void
welcome_enter(struct app *app)
{
	struct welcome *w = xcalloc(1, sizeof *w);

	w->focus = i18n_index(app->model.lang);
	if (w->focus < 0)
		w->focus = 0;
	app->priv = w;
}

static void
welcome_draw(const struct app *app, struct ui *ui)
{
	const struct welcome *w = app->priv;
	const struct language *l;
	int y = UI_BODY_TOP, i, width = ui->cols - 2;

	y += ui_wrap(ui, y, 1, width, -1, A_NORMAL, app_sends(app) ?
	    _("This wizard helps you change the photo on your social security "
	    "card (社保卡). You choose how to apply, enter your details, gather "
	    "the materials and check your photo; the application is then queued "
	    "and sent to the service configured on this computer. sscard is not "
	    "an official channel.") : _("This wizard helps you change the photo "
	    "on your social security card (社保卡). You choose how to apply, enter "
	    "your details, gather the materials and check your photo; you leave "
	    "with an application kit (photo, print sheet, summary) to use in an "
	    "official app or at a counter. sscard is not an official channel and "
	    "sends nothing."));
	y++;
	y += ui_wrap(ui, y, 1, width, -1, A_NORMAL, _("Privacy: what you type "
	    "stays in memory. Your photo is copied into a private folder for this "
	    "run only, readable only by this account, and wiped when sscard ends, "
	    "also if you quit or the connection drops. Nothing else is saved until "
	    "you agree on the review step."));
	y++;
	/* Never translated: each language names itself. */
	ui_text(ui, y++, 1, width, A_BOLD, "Language / 语言 / 語言 / Idioma:");
	for (i = 0; (l = i18n_language(i)) != NULL; i++)
		ui_item(ui, y++, 1, width, i18n_index(app->model.lang) == i ?
		    "(*)" : "( )", l->native, w->focus == i);
	y++;
	ui_wrap(ui, y, 1, width, 2, A_NORMAL, _("Up and Down choose a language, "
	    "Space switches to it, Enter switches and goes on. F1 shows help."));
}

static enum request
welcome_handle(struct app *app, enum request req, const struct key *k)
{
	struct welcome *w = app->priv;
	const struct language *l;

	if (screen_focus_move(&w->focus, 4, req))
		return (REQ_NONE);
	if (req == REQ_TOGGLE || req == REQ_ACTIVATE) {
		l = i18n_language(w->focus);
		app_set_language(app, l->code);
		return (req == REQ_ACTIVATE ? REQ_NEXT : REQ_NONE);
	}
	return (req);
}

static void
welcome_free(struct app *app)
{
	free(app->priv);
}

const struct screen welcome_screen = {
	.id = "welcome",
	.title = N_("Welcome"),
	.help = N_("Choose the language of the wizard. Everything you type is "
	    "kept in memory when you go back and forth between steps. Until you "
	    "agree on the review step, the only file sscard writes is a copy of "
	    "your photo (and its fixed version) in a private folder for this run, "
	    "wiped when sscard ends. After you agree, it saves the application "
	    "kit in the folder shown on the last step, or, with a card service "
	    "configured, queues the application in the outbox and sends it."),
	.enter = welcome_enter,
	.draw = welcome_draw,
	.handle = welcome_handle,
	.free = welcome_free,
};
