/* session.c -- one citizen's run of the wizard, for both front ends. */
#include "lib/system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/draft.h"
#include "lib/i18n.h"
#include "model/backend.h"
#include "model/session.h"
#include "model/wizard.h"
#include "lib/xmalloc.h"

void
session_init(struct session *s, const struct config *cfg)
{
	time_t now = time(NULL);

	memset(s, 0, sizeof *s);
	s->ws.cleanup = -1;
	s->cfg = cfg;
	application_init(&s->model);
	snprintf(s->model.lang, sizeof s->model.lang, "%s", i18n_current());
	snprintf(s->start_lang, sizeof s->start_lang, "%s", i18n_current());
	localtime_r(&now, &s->today);
}

int
session_load(struct session *s, int forced, char **cause)
{
	if (kiosk_load(&s->kiosk, s->cfg, forced, cause) != 0)
		return (-1);
	kiosk_protect(&s->kiosk);
	return (0);
}

int
session_start(struct session *s, char **cause)
{
	/* What a crash (SIGKILL, power cut) left holds personal data: sweep it. */
	workspace_sweep();
	return (workspace_open(&s->ws, cause));
}

int
session_wipe(struct session *s, char **cause)
{
	char lang[sizeof s->start_lang];

	memcpy(lang, s->start_lang, sizeof lang);
	/* The photo's copies and fixes go with the workspace; the next citizen gets a new one. */
	workspace_wipe(&s->ws);
	application_clear(&s->model);
	application_init(&s->model);
	free(s->kit_saved);
	s->kit_saved = NULL;
	session_set_language(s, lang);
	return (workspace_open(&s->ws, cause));
}

void
session_free(struct session *s)
{
	free(s->kit_saved);
	s->kit_saved = NULL;
	kiosk_free(&s->kiosk);
	application_clear(&s->model);
}

int
session_sends(const struct session *s)
{
	return (backend_configured(s->cfg));
}

char *
session_service_name(const struct session *s)
{
	return (backend_name(s->cfg));
}

int
session_stored(const struct session *s)
{
	return (s->model.outbox_id != NULL || s->kit_saved != NULL);
}

void
session_set_language(struct session *s, const char *code)
{
	char copy[sizeof s->model.lang];

	/* code may be s->model.lang itself: snprintf must not read what it writes. */
	snprintf(copy, sizeof copy, "%s", code);
	if (i18n_set(copy) == 0)
		memcpy(s->model.lang, copy, sizeof copy);
}

int
session_keep_draft(const struct session *s, int step, int finished, char **cause)
{
	return (draft_autosave(&s->model, wizard_steps[step].id,
	    wizard_keeps_checked(step), s->cfg, s->kiosk.enabled,
	    finished || s->kit_saved != NULL, cause));
}

void
session_drop_draft(const struct session *s)
{
	char *cause = NULL, *dir;

	if (s->kiosk.enabled)
		return;
	if ((dir = draft_dir(&cause)) != NULL)
		draft_discard(dir);
	free(dir);
	free(cause);
}

int
session_draft_find(const struct session *s, struct session_draft *d, char **cause)
{
	memset(d, 0, sizeof *d);
	return (draft_offer(s->cfg, s->kiosk.enabled, &d->name, &d->saved, cause));
}

void
session_draft_free(struct session_draft *d)
{
	free(d->name);
	d->name = NULL;
}

char *
session_draft_question(const struct session_draft *d)
{
	char when[32];

	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&d->saved));
	/* TRANSLATORS: a masked name ("张*") and a date and time. */
	return (xasprintf(_("Answers of %s, saved %s, are on this computer."), d->name,
	    when));
}

const char *
session_draft_answer(int i)
{
	return (i == 0 ? _("Resume them") : _("Delete them and start afresh"));
}

int
session_draft_resume(struct session *s, char **cause)
{
	struct application a;
	char *step = NULL;
	int i;

	application_init(&a);
	if (draft_resume(s->cfg, &s->ws, &a, &step, cause) != 1) {
		application_clear(&a);
		if (*cause == NULL)
			*cause = xstrdup(_("The saved answers are gone (expired or deleted)."));
		return (-1);
	}
	application_clear(&s->model);
	s->model = a;
	session_set_language(s, s->model.lang);
	if (strcmp(s->model.lang, i18n_current()) != 0)	/* no catalogue for it here */
		snprintf(s->model.lang, sizeof s->model.lang, "%s", i18n_current());
	/* A draft is kept from the second step on; anything else starts there. */
	i = wizard_index(step);
	free(step);
	return (i > 0 ? i : 1);
}

const char *
session_draft_delete(const struct session *s)
{
	session_drop_draft(s);
	return (_("The saved answers were deleted."));
}

char *
session_quit_outcome(const struct session *s, int step)
{
	int photo = s->model.checked_path[0] != '\0';

	/* Exactly what stays: the kit or the queued entry; quitting deletes the draft too. */
	if (s->kit_saved != NULL)
		return (xasprintf(_("Your kit stays in %s. The rest is wiped."), s->kit_saved));
	if (s->model.outbox_id != NULL)
		return (xstrdup(_("Your application is already queued in the outbox.")));
	if (session_quit_can_keep(s, step))
		return (xstrdup(photo ? _("Quitting forgets what you typed and wipes the "
		    "copy of your photo, unless you keep them as a draft on this "
		    "computer.") : _("Quitting forgets what you typed, unless you keep "
		    "it as a draft on this computer.")));
	return (xstrdup(photo ? _("Nothing is kept: what you typed is forgotten and "
	    "the copy of your photo is wiped.") : _("Nothing is kept: what you typed "
	    "is forgotten.")));
}

int
session_quit_can_keep(const struct session *s, int step)
{
	/* The welcome step holds no answers: draft_autosave keeps nothing there. */
	return (step != wizard_index("welcome") && !session_stored(s) &&
	    draft_usable(s->cfg, s->kiosk.enabled));
}
