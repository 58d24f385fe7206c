/* flow.c -- what each step does, once for both front ends; no terminal here. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/checked.h"
#include "lib/i18n.h"
#include "model/flow.h"
#include "model/kit.h"
#include "model/nextsteps.h"
#include "model/picker.h"
#include "photo/fix.h"
#include "photo/profile.h"
#include "model/region.h"
#include "model/session.h"
#include "lib/workspace.h"
#include "lib/xmalloc.h"

static void	check_run(const struct session *, struct flow_check *);

int
flow_take_photo(struct session *s, const char *as_typed, char **cause)
{
	char *typed, *path, *expanded;
	int fd, rc;

	if (*as_typed == '\0') {
		*cause = xstrdup(_("Type the path of your photo file first."));
		return (-1);
	}
	/* A copy: as_typed may be the session's photo_path, which is set below. */
	typed = xstrdup(as_typed);
	/* Picker (picker.c, kiosk.c): dropped paths and file:// URLs; a kiosk's folders. */
	if ((path = picker_clean_path(typed, cause)) == NULL) {
		free(typed);
		return (-1);
	}
	/* The file is opened once, confined, and copied from that descriptor. */
	if ((fd = kiosk_open_photo(&s->kiosk, path, cause)) < 0) {
		free(typed);
		free(path);
		return (-1);
	}
	rc = checked_take_fd(&s->model, &s->ws, fd, path, cause);
	close(fd);
	if (rc == 0) {
		/* "~/p.jpg" stays as typed; quotes and file:// are cleaned. */
		expanded = checked_expand(typed);
		application_set(&s->model.photo_path, strcmp(path, expanded) != 0 ?
		    path : typed);
		application_set(&s->model.photo_receipt, "");
		free(expanded);
	}
	free(typed);
	free(path);
	return (rc);
}

int
flow_take_receipt(struct session *s, const char *number, char **cause)
{
	if (!nextsteps_receipt_valid(s->model.region, number)) {
		*cause = xstrdup(_("A receipt number has 6 to 30 letters and "
		    "digits, with no spaces: check the one on the studio's "
		    "receipt."));
		return (-1);
	}
	application_set(&s->model.photo_receipt, number);
	application_set(&s->model.checked_path, "");
	return (0);
}

/* Checks the current photo; the report replaces the previous one. */
static void
check_run(const struct session *s, struct flow_check *c)
{
	if (c->profile == NULL)		/* c->error says why */
		return;
	photo_report_free(&c->report);
	free(c->error);
	c->error = NULL;
	if (photo_check_file(s->model.checked_path, c->profile, s->cfg, &c->report,
	    &c->error) != 0)
		memset(&c->report, 0, sizeof c->report);
}

void
flow_check_open(const struct session *s, const char *profile, struct flow_check *c)
{
	memset(c, 0, sizeof *c);
	if (s->model.photo_receipt[0] != '\0')
		return;		/* the office checks the studio's photo */
	c->profile = profile_load(s->cfg, profile != NULL ? profile :
	    region_at(s->model.region)->profile, &c->error);
	c->fixed = s->model.photo_fixed;
	check_run(s, c);
}

void
flow_check_free(struct flow_check *c)
{
	photo_report_free(&c->report);
	profile_free(c->profile);
	free(c->error);
	memset(c, 0, sizeof *c);
}

int
flow_check_fixable(const struct flow_check *c)
{
	return (c->profile != NULL && c->error == NULL && !c->report.ok &&
	    c->report.fixable && !c->fixed);
}

int
flow_check_fix(struct session *s, struct flow_check *c, char **cause)
{
	struct photo_report after;
	char *out = workspace_path(&s->ws, "photo-fixed.jpg");

	if (photo_fix_file(s->model.checked_path, c->profile, s->cfg, out, &after,
	    cause) != 0) {
		free(out);
		return (-1);
	}
	if (checked_adopt(&s->model, out, cause) != 0) {
		photo_report_free(&after);
		free(out);
		return (-1);
	}
	free(out);
	photo_report_free(&c->report);
	c->report = after;
	c->fixed = 1;
	return (0);
}

int
flow_check_rows(const struct flow_check *c, const struct photo_check **rows)
{
	size_t i;
	int n = 0;

	for (i = 0; i < c->report.n; i++)
		if (c->report.checks[i].verdict != PHOTO_PASS) {
			if (rows != NULL)
				rows[n] = &c->report.checks[i];
			n++;
		}
	return (n);
}

char *
flow_check_row(const struct photo_check *r)
{
	char *value = i18n_decimals(r->value), *expected = i18n_decimals(r->expected), *s;

	/* TRANSLATORS: verdict, rule name, measured value, expected value. */
	s = xasprintf(_("%s  %s: %s (expected %s)"), photo_verdict_word(r->verdict),
	    r->name, value, expected);
	free(value);
	free(expected);
	return (s);
}

char *
flow_check_passing(const struct flow_check *c)
{
	char *s, *pass = xstrdup("");
	size_t k;

	for (k = 0; k < c->report.n; k++) {
		if (c->report.checks[k].verdict != PHOTO_PASS)
			continue;
		/* TRANSLATORS: between the names of the rules that pass (、 in Chinese). */
		s = xasprintf("%s%s%s", pass, *pass ? _(", ") : "", c->report.checks[k].name);
		free(pass);
		pass = s;
	}
	if (*pass == '\0') {
		free(pass);
		return (NULL);
	}
	s = xasprintf("%s  %s", photo_verdict_word(PHOTO_PASS), pass);
	free(pass);
	return (s);
}

const struct photo_check *
flow_check_unfixable(const struct flow_check *c)
{
	static const char *const first[] = { "colour", "face", "background" };
	const struct photo_check *k;
	size_t i, j;

	if (c->report.ok || flow_check_fixable(c))
		return (NULL);
	for (j = 0; j <= nitems(first); j++)
		for (i = 0; i < c->report.n; i++) {
			k = &c->report.checks[i];
			if (k->verdict == PHOTO_FAIL && !k->fixable &&
			    (j == nitems(first) || strcmp(k->id, first[j]) == 0))
				return (k);
		}
	return (NULL);
}

int
flow_check_leave(const struct session *s, const struct flow_check *c, char **cause)
{
	const struct photo_check *why;
	size_t i;

	if (s->model.photo_receipt[0] != '\0')
		return (0);
	if (c->error != NULL) {
		*cause = xstrdup(c->error);
		return (-1);
	}
	if (c->report.ok)
		return (0);
	if ((why = flow_check_unfixable(c)) != NULL) {
		*cause = xasprintf(_("This photo cannot be used: %s"), why->message);
		return (-1);
	}
	for (i = 0; i < c->report.n; i++)
		if (c->report.checks[i].verdict == PHOTO_FAIL)
			break;
	*cause = xasprintf(flow_check_fixable(c) ? _("The photo fails the rule '%s'. "
	    "Press Enter to fix it automatically, or go back and choose "
	    "another photo.") : _("The photo fails the rule '%s'. Go back and "
	    "choose another photo."), i < c->report.n ? c->report.checks[i].name : "?");
	return (-1);
}

int
flow_consent(struct session *s, char **cause)
{
	char *data = NULL;
	size_t len = 0;
	int before = s->model.consent;

	s->model.consent = 1;
	/* No service: the kit is the outcome; refuse a photo that changed now. */
	if (session_sends(s) || s->model.photo_receipt[0] != '\0')
		return (0);
	if (checked_read(&s->model, &data, &len, cause) != 0) {
		s->model.consent = before;	/* a ticked line stays ticked; plain mode asks again */
		return (-1);
	}
	wipe_free(data, len);
	return (0);
}

char *
flow_kit_offer(const struct session *s)
{
	if (s->kit_saved != NULL)
		return (xstrdup(s->kit_saved));
	return (kit_default_dir(s->cfg, s->kiosk.enabled ? s->kiosk.kit_dir : NULL));
}

int
flow_save_kit(struct session *s, const char *typed, const char *offered, char **cause)
{
	char *path = checked_expand(typed), *saved = NULL;
	int rc;

	rc = kit_save(&s->model, session_sends(s), path, offered != NULL &&
	    strcmp(typed, offered) == 0, &saved, cause);
	free(path);
	if (rc != 0)
		return (-1);
	free(s->kit_saved);
	s->kit_saved = saved;
	return (0);
}
