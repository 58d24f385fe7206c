/* welcome.c -- step 1: what sscard does, how it treats personal data, the language. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/draft.h"
#include "lib/i18n.h"
#include "model/kiosk.h"
#include "model/nextsteps.h"
#include "screens/screen.h"
#include "model/wizard.h"
#include "lib/xmalloc.h"

/* Focus: 0..3 a language; with a draft, 4 resume it, 5 delete it. */
struct welcome {
	int			 focus;
	struct session_draft	 draft;	/* a saved draft's name, masked; NULL: none */
};

static int	draft_choice(struct app *, struct welcome *);

static void
welcome_enter(struct app *app)
{
	struct welcome *w = xcalloc(1, sizeof *w);
	char *cause = NULL;

	w->focus = i18n_index(app->ses.model.lang);
	if (w->focus < 0)
		w->focus = 0;
	/* A dropped session's answers: offered by masked name and time only. */
	if (session_draft_find(&app->ses, &w->draft, &cause) < 0)
		app_say_cause(app, cause);	/* damaged, or its key gone: deleted */
	app->priv = w;
}

/* Resumes the draft where it was, or deletes it.  REQ_NEXT or REQ_NONE. */
static int
draft_choice(struct app *app, struct welcome *w)
{
	char *cause = NULL;
	int step;

	if (w->focus == 5) {
		app_say(app, 0, "%s", session_draft_delete(&app->ses));
		session_draft_free(&w->draft);
		w->focus = 0;
		return (REQ_NONE);
	}
	if ((step = session_draft_resume(&app->ses, &cause)) < 0) {
		app_say_cause(app, cause);
		return (REQ_NONE);
	}
	app->jump_to = step;
	return (REQ_NEXT);
}

static void
welcome_draw(const struct app *app, struct ui *ui)
{
	const struct welcome *w = app->priv;
	const struct language *l;
	int y = UI_BODY_TOP, i, width = ui->cols - 2;
	char *s, *d;

	y += ui_wrap(ui, y, 1, width, -1, A_NORMAL, nextsteps_intro(session_sends(&app->ses)));
	y++;
	s = draft_privacy(app->ses.cfg, app->ses.kiosk.enabled);
	y += ui_wrap(ui, y, 1, width, -1, A_NORMAL, s);
	free(s);
	y++;
	/* Never translated: each language names itself. */
	ui_text(ui, y++, 1, width, A_BOLD, "Language / 语言 / 語言 / Idioma:");
	for (i = 0; (l = i18n_language(i)) != NULL; i++)
		ui_item(ui, y++, 1, width, i18n_index(app->ses.model.lang) == i ?
		    "(*)" : "( )", l->native, w->focus == i);
	y++;
	if (app->ses.kiosk.enabled) {
		/* The time limit is said up front (WCAG 2.2.6); a kiosk has no drafts. */
		d = kiosk_duration(app->ses.kiosk.idle_seconds);
		/* TRANSLATORS: %s is a time, "20 seconds" or "5 minutes". */
		s = xasprintf(_("Shared computer: after %s without a key, and "
		    "a notice, everything typed here is deleted."), d);
		ui_wrap(ui, y, 1, width, 2, A_BOLD, s);
		free(s);
		free(d);
		return;
	}
	if (w->draft.name == NULL) {
		ui_wrap(ui, y, 1, width, 2, A_NORMAL, _("Up and Down choose a language, "
		    "Space switches to it, Enter switches and goes on. F1 shows help."));
		return;
	}
	/* In the hint's place: the help (F1) says that going on replaces them. */
	s = session_draft_question(&w->draft);
	ui_text(ui, y++, 1, width, A_BOLD, s);
	free(s);
	ui_button(ui, y, 1, session_draft_answer(0), w->focus == 4);
	ui_button(ui, y, 30, session_draft_answer(1), w->focus == 5);
}

static enum request
welcome_handle(struct app *app, enum request req, const struct key *k)
{
	struct welcome *w = app->priv;
	const struct language *l;

	if (screen_focus_move(&w->focus, w->draft.name != NULL ? 6 : 4, req))
		return (REQ_NONE);
	if (w->focus >= 4 && req == REQ_ACTIVATE)
		return (draft_choice(app, w));
	if (w->focus < 4 && (req == REQ_TOGGLE || req == REQ_ACTIVATE)) {
		l = i18n_language(w->focus);
		session_set_language(&app->ses, l->code);
		return (req == REQ_ACTIVATE ? REQ_NEXT : REQ_NONE);
	}
	return (req);
}

static void
welcome_free(struct app *app)
{
	struct welcome *w = app->priv;

	session_draft_free(&w->draft);
	free(w);
}

const struct screen welcome_screen = {
	.enter = welcome_enter,
	.draw = welcome_draw,
	.handle = welcome_handle,
	.free = welcome_free,
};
