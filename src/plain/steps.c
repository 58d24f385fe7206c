/* plain-steps.c -- the questions of each wizard step in plain mode; the engine validates. */
#include "lib/system.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/checked.h"
#include "lib/config.h"
#include "model/draft.h"
#include "model/flow.h"
#include "lib/fsutil.h"
#include "lib/i18n.h"
#include "model/idnum.h"
#include "model/kit.h"
#include "model/materials.h"
#include "net/send.h"
#include "model/nextsteps.h"
#include "model/person.h"
#include "photo/check.h"
#include "photo/image.h"
#include "model/picker.h"
#include "model/options.h"
#include "plain/plain.h"
#include "model/print.h"
#include "photo/profile.h"
#include "model/qr.h"
#include "model/region.h"
#include "lib/signals.h"
#include "model/wizard.h"
#include "lib/workspace.h"
#include "lib/xmalloc.h"

/* Photos listed on the photo step; more are reached by typing a path. */
#define PICKER_SHOWN	20

static enum plain_rc	ask_welcome(struct plain *);
static enum plain_rc	ask_channel(struct plain *);
static enum plain_rc	ask_region(struct plain *);
static enum plain_rc	ask_details(struct plain *);
static int	check_phone(const char *, char **, char **);
static enum plain_rc	ask_text(struct plain *, const char *, const char *, char **,
			    int (*)(const char *, char **, char **));
static enum plain_rc	ask_name(struct plain *);
static enum plain_rc	ask_id(struct plain *);
static enum plain_rc	ask_phone(struct plain *);
static enum plain_rc	ask_materials(struct plain *);
static enum plain_rc	ask_photo(struct plain *);
static enum plain_rc	ask_check(struct plain *);
static enum plain_rc	ask_review(struct plain *);
static enum plain_rc	ask_submit(struct plain *);
static enum plain_rc	ask_receipt(struct plain *);
static void	step_title(struct plain *);
static void	review_row(struct plain *, const char *, const char *);
static int	parse_ticks(const char *, int, unsigned *);
static int	take_receipt(struct plain *, const char *, int *, char **);
static int	take_photo(struct plain *, const char *, const struct picker_entry *,
		    size_t, char **);
static void	print_report(struct plain *, const struct flow_check *);
static int	on_send_progress(const struct net_progress *, void *);
static void	send_queued(struct plain *);
static enum plain_rc	save_kit(struct plain *, int);
static enum plain_rc	offer_kit(struct plain *);
static void	offer_print(struct plain *);
static enum plain_rc	offer_qr(struct plain *);

enum plain_rc (*const plain_steps[])(struct plain *) = {
	ask_welcome,
	ask_channel,
	ask_details,
	ask_materials,
	ask_photo,
	ask_check,
	ask_review,
	ask_submit,
	ask_receipt,
};

/* "Step 3 of 8: Personal details", as the curses screens name themselves. */
static void
step_title(struct plain *p)
{
	char *s;

	s = wizard_heading(&p->ses, p->step);
	plain_section(&p->io, s);
	free(s);
}

/* Step 1: what the wizard does, what happens to the data, the language. */
static enum plain_rc
ask_welcome(struct plain *p)
{
	const char *items[8];
	const struct language *l;
	enum plain_rc rc;
	char *s, *d;
	int n, c;

	step_title(p);
	plain_para(&p->io, 0, nextsteps_intro(session_sends(&p->ses)));
	s = draft_privacy(p->ses.cfg, p->ses.kiosk.enabled);
	plain_para(&p->io, 0, s);
	free(s);
	if (p->ses.kiosk.enabled) {
		d = kiosk_duration(p->ses.kiosk.idle_seconds);
		/* TRANSLATORS: %s is a time, "20 seconds" or "5 minutes". */
		s = xasprintf(_("This is a shared computer. After %s without "
		    "a key, and a notice, everything typed here is deleted. When you "
		    "finish, the application is stored for this service point and "
		    "everything else is deleted. Nothing is kept as a draft."), d);
		plain_para(&p->io, 0, s);
		free(s);
		free(d);
	}
	for (n = 0; (l = i18n_language(n)) != NULL; n++)
		items[n] = l->native;
	/* Never translated: each language names itself. */
	rc = plain_choose(&p->io, "Language / 语言 / 語言 / Idioma:", items, n,
	    i18n_index(p->ses.model.lang) >= 0 ? i18n_index(p->ses.model.lang) : 0, NULL, &c);
	if (rc == PLAIN_OK)
		session_set_language(&p->ses, i18n_language(c)->code);
	return (rc);
}

static enum plain_rc
ask_region(struct plain *p)
{
	const char **items;
	enum plain_rc rc;
	int n = region_count(), i, c;

	items = xcalloc((size_t)n, sizeof *items);
	for (i = 0; i < n; i++)
		items[i] = _(region_at(i)->name);
	rc = plain_choose(&p->io, person_label(FIELD_REGION), items, n, p->ses.model.region,
	    _("Your region sets the photo rules and the facts about each channel."),
	    &c);
	if (rc == PLAIN_OK)
		p->ses.model.region = c;
	free(items);
	return (rc);
}

/* Step 2: the region, the facts of every channel there, then the channel. */
static enum plain_rc
ask_channel(struct plain *p)
{
	struct nextsteps_fact facts[FACTS_MAX];
	const char *items[CHANNEL_COUNT + 1];
	enum plain_rc rc;
	char *s;
	int i, c, k, n;

	step_title(p);
	for (;;) {
		if ((rc = ask_region(p)) != PLAIN_OK)
			return (rc);
		for (i = 0; i < CHANNEL_COUNT; i++) {
			items[i] = channel_name(i);
			s = nextsteps_facts_heading(i);
			plain_para(&p->io, 0, s);
			free(s);
			n = nextsteps_facts(p->ses.model.region, i, facts);
			for (k = 0; k < n; k++) {
				if (facts[k].label == NULL) {	/* a region's note */
					plain_hang(&p->io, 2, 2, facts[k].text);
					continue;
				}
				s = xasprintf("%s %s", facts[k].label, facts[k].text);
				plain_hang(&p->io, 2, 4, s);
				free(s);
			}
			nextsteps_facts_free(facts, n);
		}
		/* The last choice is not a channel: what changing the e-card's photo takes. */
		items[CHANNEL_COUNT] = nextsteps_ecard_label();
		do {
			rc = plain_choose(&p->io, _("How will you apply?"), items,
			    CHANNEL_COUNT + 1, p->ses.model.channel >= 0 ?
			    p->ses.model.channel : 0, NULL, &c);
			if (rc == PLAIN_OK && c == CHANNEL_COUNT)
				for (k = 0; nextsteps_ecard(k) != NULL; k++)
					plain_para(&p->io, 0, nextsteps_ecard(k));
		} while (rc == PLAIN_OK && c == CHANNEL_COUNT);
		if (rc == PLAIN_BACK)
			continue;	/* back to the region */
		if (rc == PLAIN_OK)
			p->ses.model.channel = c;
		return (rc);
	}
}

/* The phone check in the shape of the name check: the normalised value allocated. */
static int
check_phone(const char *in, char **out, char **cause)
{
	char phone[12];

	if (person_check_phone(in, phone, cause) != 0)
		return (-1);
	*out = xstrdup(phone);
	return (0);
}

/* A text field: asked until check accepts it; *field gets the normalised value. */
static enum plain_rc
ask_text(struct plain *p, const char *label, const char *help, char **field,
    int (*check)(const char *, char **, char **))
{
	enum plain_rc rc;
	char *line = NULL, *value = NULL, *cause = NULL;

	for (;;) {
		if ((rc = plain_ask(&p->io, label, *field, help, 0, &line)) != PLAIN_OK)
			return (rc);
		if (check(line, &value, &cause) == 0) {
			application_set(field, value);
			wipe_str(value);
			wipe_str(line);
			return (PLAIN_OK);
		}
		wipe_str(line);
		plain_error_cause(&p->io, &cause);
	}
}

static enum plain_rc
ask_name(struct plain *p)
{
	return (ask_text(p, person_label(FIELD_NAME), _("Type your full name as on your ID "
	    "card."), &p->ses.model.name, person_check_name));
}

static enum plain_rc
ask_id(struct plain *p)
{
	enum plain_rc rc;
	char norm[19], masked[19], *line = NULL, *cause = NULL, *g, *s;
	const char *items[2];
	int c;

	idnum_mask(p->ses.model.id_number, masked);
	for (;;) {
		/* The default is masked: Enter keeps the number typed before. */
		if ((rc = plain_ask(&p->io, person_label(FIELD_ID), masked[0] != '\0' ? masked :
		    NULL, _("The ID number has 18 characters; the last may be X. "
		    "Numbers of foreign permanent residents start with 9."), 0, &line)) !=
		    PLAIN_OK)
			return (rc);
		if (strcmp(line, masked) == 0)
			application_set(&line, p->ses.model.id_number);
		if (strlen(line) == 15 && idnum_upgrade15(line, &p->ses.today, norm,
		    &cause) == 0) {
			g = flow_grouped_id(norm);
			s = xasprintf(_("This is an old 15-digit number; its 18-digit "
			    "form is %s. Check it against your ID card, then go on "
			    "again."), g);
			items[0] = _("Use the 18-digit number");
			items[1] = _("Type the number again");
			rc = plain_choose(&p->io, s, items, 2, 0, NULL, &c);
			free(s);
			free(g);
			if (rc != PLAIN_OK || c == 1) {
				wipe_str(line);
				explicit_bzero(norm, sizeof norm);
				if (rc != PLAIN_OK && rc != PLAIN_BACK)
					return (rc);
				continue;
			}
			application_set(&line, norm);
		}
		if (cause == NULL && idnum_validate(line, &p->ses.today, norm, &cause) == 0) {
			application_set(&p->ses.model.id_number, norm);
			p->ses.model.minor = idnum_age(norm, &p->ses.today) < MINOR_AGE;
			g = flow_grouped_id(norm);
			s = xasprintf(_("ID number read back: %s"), g);
			plain_para(&p->io, 0, s);
			free(s);
			wipe_str(g);
			explicit_bzero(norm, sizeof norm);
			wipe_str(line);
			return (PLAIN_OK);
		}
		wipe_str(line);
		plain_error_cause(&p->io, &cause);
	}
}

static enum plain_rc
ask_phone(struct plain *p)
{
	return (ask_text(p, person_label(FIELD_PHONE), _("Eleven digits, for example "
	    "13800138000; spaces, dashes and +86 are removed."), &p->ses.model.phone,
	    check_phone));
}

static enum plain_rc
ask_minor(struct plain *p)
{
	const char *items[] = { person_minor_answer(0), person_minor_answer(1) };
	enum plain_rc rc;
	int c;

	rc = plain_choose(&p->io, person_label(FIELD_MINOR), items, 2, p->ses.model.minor,
	    _("Choose 2 if the card is for a child under 16: a parent or guardian "
	    "then applies and gives consent for the child."), &c);
	if (rc == PLAIN_OK)
		p->ses.model.minor = c;
	return (rc);
}

/* Step 3: one question per field; "<" goes back a field. */
static enum plain_rc
ask_details(struct plain *p)
{
	enum plain_rc (*const with_numbers[])(struct plain *) = { ask_name, ask_id,
	    ask_phone };
	enum plain_rc (*const without[])(struct plain *) = { ask_name, ask_minor };
	enum plain_rc (*const *fields)(struct plain *);
	enum plain_rc rc;
	int i = 0, n, numbers = session_sends(&p->ses);

	fields = numbers ? with_numbers : without;
	n = numbers ? (int)nitems(with_numbers) : (int)nitems(without);
	step_title(p);
	plain_para(&p->io, 0, _("Type your details as they are on your ID card."));
	plain_para(&p->io, 0, person_numbers_why(numbers));
	if (!numbers) {
		/* What person_check does on the curses side: keep no number. */
		application_set(&p->ses.model.id_number, "");
		application_set(&p->ses.model.phone, "");
	}
	while (i < n) {
		rc = fields[i](p);
		if (rc == PLAIN_BACK && i > 0) {
			i--;
			continue;
		}
		if (rc != PLAIN_OK)
			return (rc);
		i++;
	}
	return (PLAIN_OK);
}

/* "1 3 4" or "1,3": the items had; "!" none.  0 with *ticks, or -1. */
static int
parse_ticks(const char *s, int n, unsigned *ticks)
{
	unsigned t = 0;
	char *end;
	long v;

	if (strcmp(s, "!") == 0) {
		*ticks = 0;
		return (0);
	}
	while (*s != '\0') {
		if (*s == ' ' || *s == ',') {
			s++;
			continue;
		}
		v = strtol(s, &end, 10);
		if (end == s || v < 1 || v > n)
			return (-1);
		t |= 1u << (v - 1);
		s = end;
	}
	*ticks = t;
	return (0);
}

/* Step 4: the checklist; the numbers of what the citizen has; optionally saved. */
static enum plain_rc
ask_materials(struct plain *p)
{
	unsigned *ticked = &p->ses.model.ticked[p->ses.model.channel];
	const char *mark;
	enum plain_rc rc;
	char *line = NULL, *s, *label, *cause = NULL;
	unsigned t = 0;
	int n, i;

	step_title(p);
	materials_for(p->ses.model.channel, &n);
	for (;;) {
		for (i = 0; i < n; i++) {
			label = flow_material(&p->ses, i, &mark);
			s = xasprintf("%3d: %s %s,", i + 1, mark, label);
			plain_hang(&p->io, 0, 9, s);
			free(s);
			free(label);
		}
		/* The last number: the card is lost (the checklist then says so). */
		s = xasprintf("%3d: %s %s,", n + 1, p->ses.model.card_lost ? "[x]" : "[ ]",
		    flow_card_lost_label());
		plain_hang(&p->io, 0, 9, s);
		free(s);
		rc = plain_ask(&p->io, _("Type the numbers of the items you have, "
		    "separated by spaces; Enter keeps the ticks shown, '!' unticks "
		    "all."), "", _("You may go on with items unticked."), 0, &line);
		if (rc != PLAIN_OK)
			return (rc);
		if (*line == '\0' || parse_ticks(line, n + 1, &t) == 0) {
			if (*line != '\0') {
				*ticked = t & ((1u << n) - 1);
				p->ses.model.card_lost = (t >> n) & 1;
			}
			free(line);
			break;
		}
		free(line);
		s = xasprintf(_("Type numbers from 1 to %d, then Enter."), n + 1);
		plain_error(&p->io, s);
		free(s);
	}
	/* A kiosk writes no file where a citizen says: its folders are not theirs. */
	if (p->ses.kiosk.enabled)
		return (PLAIN_OK);
	for (;;) {
		rc = plain_ask(&p->io, _("Save the checklist to a file? Type a file "
		    "name, or press Enter not to save it."), "", NULL, 0, &line);
		if (rc != PLAIN_OK)
			return (rc == PLAIN_BACK ? ask_materials(p) : rc);
		if (*line == '\0') {
			free(line);
			return (PLAIN_OK);
		}
		if ((s = flow_save_checklist(&p->ses, line, &cause)) != NULL) {
			plain_para(&p->io, 0, s);
			free(s);
			free(line);
			return (PLAIN_OK);
		}
		free(line);
		plain_error_cause(&p->io, &cause);
	}
}

/* The answer to the photo question: a number of the list, or a path. 0, or -1 with *cause. */
static int
take_photo(struct plain *p, const char *line, const struct picker_entry *v, size_t n,
    char **cause)
{
	char *end;
	long k = strtol(line, &end, 10);

	if (*line != '\0' && end != line && *end == '\0' && k >= 1 && (size_t)k <= n &&
	    k <= PICKER_SHOWN)
		line = v[k - 1].path;
	return (flow_take_photo(&p->ses, line, cause));
}

/*
 * "r NUMBER": a photo studio's receipt number instead of a file, where the
 * region takes one.  1 when line is such an answer (then 0 or -1 with
 * *cause in *rc), 0 when it is a photo.
 */
static int
take_receipt(struct plain *p, const char *line, int *rc, char **cause)
{
	if (!nextsteps_receipt_ok(p->ses.model.region) || (line[0] != 'r' &&
	    line[0] != 'R') || (line[1] != ' ' && line[1] != '\t'))
		return (0);
	line += strspn(line + 1, " \t") + 1;
	*rc = flow_take_receipt(&p->ses, line, cause);
	return (1);
}

/* Step 5: the photo file, from the list of images found or typed (or dropped). */
static enum plain_rc
ask_photo(struct plain *p)
{
	struct picker_entry *v;
	enum plain_rc rc;
	char *line = NULL, *cause = NULL, *s, when[32];
	size_t n, i;
	int c;

	step_title(p);
	if (picker_list_roots(&p->ses.kiosk, &v, &n, &cause) != 0) {
		plain_error_cause(&p->io, &cause);	/* a folder that cannot be read */
	}
	if (n > 0)
		plain_para(&p->io, 0, _("Photos found here, newest first:"));
	for (i = 0; i < n && i < PICKER_SHOWN; i++) {
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&v[i].mtime));
		s = xasprintf("%3zu: %s (%s, %lld KB, %s),", i + 1, v[i].path, v[i].kind,
		    (v[i].size + 1023) / 1024, when);
		plain_hang(&p->io, 0, 5, s);
		free(s);
	}
	if (n > PICKER_SHOWN) {
		s = xasprintf(_("%zu more are not listed: type the path of yours."),
		    n - PICKER_SHOWN);
		plain_para(&p->io, 0, s);
		free(s);
	}
	if (nextsteps_receipt_ok(p->ses.model.region))
		plain_para(&p->io, 0, _("In this region a photo studio's receipt "
		    "number (数码照回执 / 相片回执号) can stand for the photo: type r, a "
		    "space and the number, for example r 44030012345678."));
	s = p->ses.model.photo_receipt[0] != '\0' ?
	    xasprintf("r %s", p->ses.model.photo_receipt) : xstrdup(p->ses.model.photo_path);
	for (;;) {
		rc = plain_ask(&p->io, n > 0 ? _("Type the number of your photo above, "
		    "or the path of your photo file (a JPEG or PNG):") : flow_photo_prompt(), s, _("A path like "
		    "/media/usb/photo.jpg or ~/photo.jpg; a file dragged onto the "
		    "terminal works too. A photo studio's digital photo (数码照) is "
		    "best."), 0, &line);
		if (rc != PLAIN_OK)
			break;
		if (!take_receipt(p, line, &c, &cause))
			c = take_photo(p, line, v, n, &cause);
		if (c == 0) {
			free(line);
			break;
		}
		free(line);
		plain_error_cause(&p->io, &cause);
	}
	picker_list_free(v, n);
	free(s);
	return (rc);
}

/*
 * The rules that do not pass, by name, each with its advice (those left
 * unmeasured for one reason together, the reason said once); those that
 * pass on one line.
 */
static void
print_report(struct plain *p, const struct flow_check *c)
{
	const struct photo_check *rows[64];
	char *s;
	int i, sizes[64], n = flow_check_rows(c, rows, sizes);

	for (i = 0; i < n; i++) {
		s = flow_check_row(rows[i], sizes[i]);
		plain_hang(&p->io, 2, 4, s);
		free(s);
		if (rows[i]->message != NULL)
			plain_para(&p->io, 8, rows[i]->message);
	}
	if ((s = flow_check_passing(c)) != NULL)
		plain_hang(&p->io, 2, 4, s);
	free(s);
	plain_para(&p->io, 0, flow_check_result(c));
}

/* Step 6: the check, and the fix on request; a failing photo goes back to step 5. */
static enum plain_rc
ask_check(struct plain *p)
{
	struct flow_check c;
	const char *items[2];
	enum plain_rc rc = PLAIN_BACK;
	char *cause = NULL, *s, *line = NULL;
	int k;

	step_title(p);
	if (p->ses.model.photo_receipt[0] != '\0') {
		s = xasprintf(_("You gave a photo studio's receipt number (%s). The "
		    "office checks the studio's photo when you apply; sscard has no "
		    "photo to check."), p->ses.model.photo_receipt);
		plain_para(&p->io, 0, s);
		free(s);
		rc = plain_ask(&p->io, _("Press Enter to go on."), "", NULL, 0, &line);
		free(line);
		return (rc);
	}
	flow_check_open(&p->ses, p->opts->profile, &c);
	for (;;) {
		if (c.error != NULL) {
			plain_error(&p->io, c.error);
			break;
		}
		s = flow_check_heading(&c);
		plain_para(&p->io, 0, s);
		free(s);
		print_report(p, &c);
		if ((s = checked_edit_notice(&p->ses.model)) != NULL) {
			plain_para(&p->io, 0, s);
			free(s);
		}
		if (flow_check_leave(&p->ses, &c, &cause) == 0) {
			rc = plain_ask(&p->io, _("Press Enter to go on."), "", NULL, 0, &line);
			free(line);
			break;
		}
		free(cause);
		cause = NULL;
		if (!flow_check_fixable(&c)) {
			plain_error(&p->io, c.fixed ? flow_check_fixed_result(&c) :
			    _("This cannot be fixed automatically: choose another photo."));
			break;
		}
		items[0] = flow_check_fix_label();
		items[1] = _("Choose another photo");
		if ((rc = plain_choose(&p->io, NULL, items, 2, 0, NULL, &k)) != PLAIN_OK ||
		    k == 1) {
			rc = rc == PLAIN_OK ? PLAIN_BACK : rc;
			break;
		}
		rc = PLAIN_BACK;
		if (flow_check_fix(&p->ses, &c, &cause) != 0) {
			plain_error_cause(&p->io, &cause);
			break;
		}
	}
	flow_check_free(&c);
	return (rc);
}

/* Sending shows its progress as "... 10%" steps on one line, never a moving bar. */
static int
on_send_progress(const struct net_progress *np, void *arg)
{
	struct plain *p = arg;

	int pct = np->up_total > 0 ? (int)(np->up_now * 100 / np->up_total) : 0;

	if (np->total > 0 && np->done >= np->total)
		pct = 100;
	plain_progress(&p->io, pct);
	return (signals_caught() != 0);	/* the run is ending: stop; it stays queued */
}

/* With a card service: send the queued entry now; it stays queued if that fails. */
static void
send_queued(struct plain *p)
{
	enum send_outcome o;
	char *why = NULL, *s;

	plain_para(&p->io, 0, send_sending_text());
	o = send_now(&p->send, &p->ses, on_send_progress, p, &why);
	plain_progress(&p->io, -1);
	if (o == SEND_REJECTED || o == SEND_NOT_SENT) {
		s = send_outcome_text(o, why);
		plain_error(&p->io, s);
		free(s);
	}
	free(why);
}



/*
 * The kit in the folder offered, or (outside a kiosk, asked when there is
 * no card service) in the one the citizen types.
 */
static enum plain_rc
save_kit(struct plain *p, int ask)
{
	char *offer = flow_kit_offer(&p->ses), *dir = NULL, *cause = NULL, *s;
	enum plain_rc rc = PLAIN_OK;

	for (;;) {
		if (ask && !p->ses.kiosk.enabled && (rc = plain_ask(&p->io,
		    flow_kit_label(), offer, _("The kit is a folder with "
		    "photo.jpg, print-sheet.jpg and summary.txt; Enter takes the folder "
		    "shown, made new for this kit."), 0, &dir)) != PLAIN_OK)
			break;
		if (flow_save_kit(&p->ses, dir != NULL ? dir : offer, offer, &cause) == 0) {
			s = kit_saved_line(&p->ses.model, p->ses.kit_saved);
			plain_para(&p->io, 2, s);
			free(s);
			p->io.stored = 1;
			break;
		}
		plain_error_cause(&p->io, &cause);
		free(dir);
		dir = NULL;
		if (!ask || p->ses.kiosk.enabled)
			break;
	}
	free(dir);
	free(offer);
	return (rc);
}

/* "  Label: value", wrapped where text.c allows, the value's next lines indented. */
static void
review_row(struct plain *p, const char *label, const char *value)
{
	char *s = xasprintf("%s %s", label, value);

	plain_hang(&p->io, 2, 4, s);
	free(s);
}

/* Step 7: every answer once more; a number changes one; the declaration stores it. */
static enum plain_rc
ask_review(struct plain *p)
{
	struct flow_review fr;
	const char *items[6];
	enum plain_rc rc;
	static const struct {
		const char	*label, *step;
	} jumps[] = {
		{ N_("Change how to apply"), "channel" },
		{ N_("Change the personal details"), "details" },
		{ N_("Change the materials"), "materials" },
		{ N_("Change the photo"), "photo" },
	};
	char *cause = NULL;
	int c, i, k, numbers = session_sends(&p->ses);

	step_title(p);
	for (;;) {
		flow_review_open(&p->ses, p->show_id, 0, &fr);
		plain_para(&p->io, 0, fr.heading);
		for (i = 0; i < fr.n; i++)
			review_row(p, fr.rows[i].label, fr.rows[i].value);
		plain_para(&p->io, 0, fr.consent);
		flow_review_free(&fr);
		k = 0;
		items[k++] = numbers ? _("I agree: queue my application") :
		    _("I agree: make my application kit");
		/* With no number asked there is none to show. */
		if (numbers)
			items[k++] = flow_show_id_label(p->show_id);
		for (i = 0; i < (int)nitems(jumps); i++)
			items[k++] = _(jumps[i].label);
		/* No default: consent is the citizen's act, never Enter's. */
		if ((rc = plain_choose(&p->io, NULL, items, k, -1, NULL, &c)) != PLAIN_OK)
			return (rc);
		if (numbers && c == 1) {
			p->show_id = !p->show_id;
			continue;
		}
		if (c > 0) {
			p->jump = wizard_index(jumps[c - 1 - numbers].step);
			return (PLAIN_BACK);
		}
		if (send_consent(&p->send, &p->ses, &cause) == 0)
			return (PLAIN_OK);
		plain_error_cause(&p->io, &cause);
	}
}

/* Step 8, with a card service: the queued application sent now; it stays queued if that fails. */
static enum plain_rc
ask_submit(struct plain *p)
{
	step_title(p);
	send_queued(p);
	return (PLAIN_OK);
}

/* With a card service the kit is offered too; saved on request. */
static enum plain_rc
offer_kit(struct plain *p)
{
	const char *items[2];
	enum plain_rc rc;
	int c;

	if (p->ses.kit_saved != NULL)
		return (PLAIN_OK);
	if (!session_sends(&p->ses))
		return (save_kit(p, 1));	/* the kit is the whole outcome */
	items[0] = _("Go on without a kit");
	items[1] = p->ses.model.photo_receipt[0] != '\0' ? _("Save the application "
	    "kit too (the summary)") : _("Save the application kit too (photo, "
	    "print sheet, summary)");
	if ((rc = plain_choose(&p->io, NULL, items, 2, 0, NULL, &c)) != PLAIN_OK ||
	    c == 0)
		return (rc);
	return (save_kit(p, 0));
}

/* [print] command with the kit's summary and print sheet, on request. */
static void
offer_print(struct plain *p)
{
	const char *items[2], *said;
	char *cause = NULL;
	int c;

	if (!print_configured(p->ses.cfg))
		return;
	items[0] = _("Print the summary and the print sheet");
	items[1] = _("Do not print");
	if (plain_choose(&p->io, NULL, items, 2, 0, NULL, &c) != PLAIN_OK || c != 0)
		return;
	if ((said = flow_print(&p->ses, &cause)) == NULL)
		plain_error_cause(&p->io, &cause);
	else
		plain_para(&p->io, 0, said);
}

/* A QR code only on request: to a screen reader it is a wall of symbols. */
static enum plain_rc
offer_qr(struct plain *p)
{
	const char *items[2];
	struct qr q;
	const char *g;
	char *cause = NULL, *text, *what, *drawing;
	enum plain_rc rc;
	int c;

	text = kit_qr_text(&p->ses.model, &what);
	items[0] = flow_finish_label();
	items[1] = _("Show a QR code for a helper to scan");
	if ((rc = plain_choose(&p->io, NULL, items, 2, 0, NULL, &c)) != PLAIN_OK ||
	    c != 1)
		goto out;
	plain_para(&p->io, 0, what);
	if (qr_encode(text, &q, &cause) != 0) {
		plain_error_cause(&p->io, &cause);
		goto out;
	}
	/* --graphics ascii (or none) says the terminal has no Unicode: "##" then. */
	g = p->opts->graphics != NULL ? p->opts->graphics :
	    config_str(p->ses.cfg, "sscard", "graphics", NULL);
	drawing = qr_render(&q, g == NULL || (strcmp(g, "ascii") != 0 &&
	    strcmp(g, "none") != 0));
	plain_text(&p->io, drawing);
	free(drawing);
	qr_free(&q);
	plain_para(&p->io, 0, _("If the phone cannot read it, the same text:"));
	plain_para(&p->io, 2, text);
out:
	free(what);
	free(text);
	return (rc);
}

/* Step 8: what became of the application, the next steps; kit, print, QR. */
static enum plain_rc
ask_receipt(struct plain *p)
{
	struct nextsteps ns;
	enum plain_rc rc;
	char *s, *name = session_sends(&p->ses) ? session_service_name(&p->ses) : NULL;
	int i;

	step_title(p);
	s = kit_headline(&p->ses.model, name);
	plain_para(&p->io, 0, s);
	free(s);
	plain_para(&p->io, 0, nextsteps_unofficial());
	free(name);
	if (p->ses.model.outbox_id != NULL && send_queue_dir(&p->send) != NULL) {
		s = xasprintf(_("Stored in: %s"), send_queue_dir(&p->send));
		plain_para(&p->io, 2, s);
		free(s);
	}
	if (p->ses.kit_saved != NULL) {
		s = kit_saved_line(&p->ses.model, p->ses.kit_saved);
		plain_para(&p->io, 2, s);
		free(s);
	} else if ((rc = offer_kit(p)) != PLAIN_OK)
		return (rc);
	plain_para(&p->io, 0, _("Next steps:"));
	nextsteps_build(&p->ses.model, session_sends(&p->ses), p->ses.kit_saved != NULL, &ns);
	for (i = 0; i < ns.n; i++) {
		s = xasprintf("%s %s", ns.v[i].label, ns.v[i].text);
		plain_hang(&p->io, 2, 4, s);
		free(s);
	}
	nextsteps_free(&ns);
	offer_print(p);
	return (offer_qr(p));
}
