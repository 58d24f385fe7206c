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

	y += ui_wrap(ui, y, 1, width, -1, A_NORMAL, _("This wizard helps you change "
	    "the photo on your social security card (社保卡); the electronic card "
	    "(电子社保卡) then shows the new photo too. You choose how to apply, "
	    "enter your details, gather the materials, check your photo, and the "
	    "application is queued so that nothing is lost."));
	y++;
	y += ui_wrap(ui, y, 1, width, -1, A_NORMAL, _("Privacy: your name, ID "
	    "number, phone and photo stay on this computer, in a folder only this "
	    "account can read, until they are sent to the card service for this "
	    "application; they are used for nothing else. On a shared computer, "
	    "press Esc to quit when you are done."));
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
	    "kept when you go back and forth between steps. Nothing is sent or "
	    "stored until you agree on the review step."),
	.enter = welcome_enter,
	.draw = welcome_draw,
	.handle = welcome_handle,
	.free = welcome_free,
};
