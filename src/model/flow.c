/* flow.c -- what each step does, once for both front ends; no terminal here. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/checked.h"
#include "lib/i18n.h"
#include "model/flow.h"
#include "model/idnum.h"
#include "model/kit.h"
#include "model/materials.h"
#include "model/person.h"
#include "model/nextsteps.h"
#include "model/picker.h"
#include "model/print.h"
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
	s->model.photo_levelled = (after.edits & PHOTO_EDIT_LEVELLED) != 0;
	s->model.photo_widened = (after.edits & PHOTO_EDIT_WIDENED) != 0;
	photo_report_free(&c->report);
	c->report = after;
	c->fixed = 1;
	return (0);
}

/* a and b are left unmeasured for one reason (not_measured's rows): the same verdict and advice. */
static int
alike(const struct photo_check *a, const struct photo_check *b)
{
	return (a->verdict == b->verdict && a->value != NULL && b->value != NULL &&
	    strcmp(a->value, "-") == 0 && strcmp(b->value, "-") == 0 &&
	    a->message != NULL && b->message != NULL && strcmp(a->message, b->message) == 0);
}

int
flow_check_rows(const struct flow_check *c, const struct photo_check **rows, int *sizes)
{
	const struct photo_check *k = c->report.checks;
	size_t i = 0, j;
	int n = 0;

	while (i < c->report.n) {
		if (k[i].verdict == PHOTO_PASS) {
			i++;
			continue;
		}
		for (j = i + 1; sizes != NULL && j < c->report.n && alike(&k[i], &k[j]); j++)
			;
		if (rows != NULL)
			rows[n] = &k[i];
		if (sizes != NULL)
			sizes[n] = (int)(j - i);
		n++;
		i = j;
	}
	return (n);
}

char *
flow_check_row(const struct photo_check *r, int n)
{
	char *value, *expected, *s, *names;
	int k;

	if (n > 1) {
		names = xstrdup("");
		for (k = 0; k < n; k++)
			names = i18n_list_add(names, r[k].name);
		s = xasprintf("%s  %s", photo_verdict_word(r->verdict), names);
		free(names);
		return (s);
	}
	value = i18n_decimals(r->value);
	expected = i18n_decimals(r->expected);
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

	for (k = 0; k < c->report.n; k++)
		if (c->report.checks[k].verdict == PHOTO_PASS)
			pass = i18n_list_add(pass, c->report.checks[k].name);
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
	if (c->report.ok || flow_check_fixable(c))
		return (NULL);
	return (photo_report_unfixable(&c->report, 0));
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

const char *
flow_photo_prompt(void)
{
	return (_("Type the path of your photo file, a JPEG or PNG (for example "
	    "/media/usb/photo.jpg)."));
}

char *
flow_material(const struct session *s, int i, const char **mark)
{
	const struct application *a = &s->model;
	const struct material *items;
	int n;

	items = materials_for(a->channel, &n);
	if (material_not_needed(&items[i], a->card_lost)) {
		*mark = "[-]";
		return (xasprintf("%s (%s)", _(items[i].label), _("not needed: the card "
		    "is lost")));
	}
	*mark = (a->ticked[a->channel] >> i) & 1 ? "[x]" : "[ ]";
	return (xstrdup(_(items[i].label)));
}

const char *
flow_card_lost_label(void)
{
	return (_("My current card is lost (report it first: 挂失)"));
}

char *
flow_save_checklist(const struct session *s, const char *path, char **cause)
{
	const struct application *a = &s->model;

	if (s->kiosk.enabled) {	/* kiosk.c: no file where a citizen says */
		*cause = xstrdup(_("This kiosk does not save files: note the checklist "
		    "down, or ask the helper."));
		return (NULL);
	}
	if (*path == '\0') {
		*cause = xstrdup(_("Type a file name to save the checklist to."));
		return (NULL);
	}
	if (materials_save(a->channel, a->ticked[a->channel], a->card_lost,
	    _(region_at(a->region)->name), path, cause) != 0)
		return (NULL);
	return (xasprintf(_("Checklist saved to %s."), path));
}

char *
flow_check_heading(const struct flow_check *c)
{
	return (xasprintf(c->fixed ? _("The fixed photo, checked against the %s "
	    "rules:") : _("Your photo, checked against the %s rules:"),
	    _(c->profile->title)));
}

const char *
flow_check_result(const struct flow_check *c)
{
	return (c->report.ok ? _("Result: the photo meets the rules.") :
	    _("Result: the photo does not meet the rules."));
}

const char *
flow_check_fix_label(void)
{
	return (_("Fix the photo automatically"));
}

const char *
flow_check_fixed_result(const struct flow_check *c)
{
	return (c->report.ok ? _("The fixed photo meets the rules and will be used.") :
	    _("The photo was fixed, but it still fails a rule."));
}

/* "110105 1949 1231 002X": address, year, month and day, the rest, for reading back. */
char *
flow_grouped_id(const char *id)
{
	return (strlen(id) == 18 ? xasprintf("%.6s %.4s %.4s %.4s", id, id + 6,
	    id + 10, id + 14) : xstrdup(id));
}

static void
review_add(struct flow_review *r, const char *label, char *value)
{
	r->rows[r->n].label = label;
	r->rows[r->n++].value = value;
}

/*
 * The photo row: the studio's receipt number, or what became of the photo,
 * pointing at it where it is shown beside the rows, else naming its file.
 */
static char *
review_photo(const struct application *a, int pictured)
{
	if (a->photo_receipt[0] != '\0')
		return (xasprintf(_("%s (a photo studio's receipt number: the "
		    "office checks the studio's photo)"), a->photo_receipt));
	if (pictured)
		return (xstrdup(a->photo_fixed ? _("fixed by sscard and checked (on "
		    "the right)") : _("checked (on the right)")));
	return (xasprintf("%s (%s)", a->photo_path, a->photo_fixed ?
	    _("fixed by sscard and checked") : _("checked")));
}

void
flow_review_open(const struct session *s, int show_id, int pictured,
    struct flow_review *r)
{
	const struct application *a = &s->model;
	char masked[19], *name;
	int n, ready;

	memset(r, 0, sizeof *r);
	r->numbers = session_sends(s);
	r->heading = r->numbers ? _("Please check everything before the "
	    "application is queued:") : _("Please check everything before the kit "
	    "is made:");
	review_add(r, _("Channel:"), xstrdup(channel_name(a->channel)));
	review_add(r, person_label(FIELD_REGION), xstrdup(_(region_at(a->region)->name)));
	review_add(r, person_label(FIELD_NAME), xstrdup(a->name));
	if (r->numbers) {
		/* Bystanders at a service point: masked unless asked for. */
		idnum_mask(a->id_number, masked);
		review_add(r, person_label(FIELD_ID), show_id ? flow_grouped_id(a->id_number) :
		    xstrdup(masked));
		review_add(r, person_label(FIELD_PHONE), xstrdup(a->phone));
	}
	review_add(r, person_label(FIELD_MINOR), xstrdup(person_minor_answer(a->minor)));
	ready = materials_ready(a, &n);
	review_add(r, _("Materials:"), xasprintf(_("%d of %d ready"), ready, n));
	if (a->card_lost)
		review_add(r, _("Current card:"), xstrdup(_("lost: report the loss "
		    "first (挂失)")));
	review_add(r, _("Photo:"), review_photo(a, pictured));
	name = r->numbers ? session_service_name(s) : NULL;
	r->consent = kit_consent(a, name);
	free(name);
}

void
flow_review_free(struct flow_review *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		wipe_str(r->rows[i].value);
	free(r->consent);
	memset(r, 0, sizeof *r);
}

const char *
flow_show_id_label(int shown)
{
	return (shown ? _("Mask the ID number again") : _("Show the full ID number"));
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

const char *
flow_print(const struct session *s, char **cause)
{
	if (print_application(s->cfg, &s->model, session_sends(s), s->kit_saved, &s->ws,
	    cause) != 0)
		return (NULL);
	return (_("Sent to the printer."));
}

const char *
flow_kit_label(void)
{
	return (_("Kit folder:"));
}

const char *
flow_finish_label(void)
{
	return (_("Finish"));
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
