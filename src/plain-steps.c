/* plain-steps.c -- the questions of each wizard step in plain mode; the engine validates. */
#include "system.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "checked.h"
#include "config.h"
#include "fsutil.h"
#include "i18n.h"
#include "idnum.h"
#include "kit.h"
#include "materials.h"
#include "net.h"
#include "nextsteps.h"
#include "outbox.h"
#include "person.h"
#include "photo-check.h"
#include "photo.h"
#include "picker.h"
#include "plain.h"
#include "print.h"
#include "profile.h"
#include "qr.h"
#include "region.h"
#include "signals.h"
#include "workspace.h"
#include "xmalloc.h"

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
static enum plain_rc	ask_receipt(struct plain *);
static void	step_title(struct plain *, const char *);
static char	*grouped_id(const char *);
static int	parse_ticks(const char *, int, unsigned *);
static int	take_receipt(struct plain *, const char *, int *, char **);
static int	take_photo(struct plain *, const char *, const struct picker_entry *,
		    size_t, char **);
static void	print_report(struct plain *, const struct photo_report *);
static int	on_send_progress(const struct net_progress *, void *);
static void	send_now(struct plain *, struct outbox *);
static enum plain_rc	ask_kit_dir(struct plain *, char **);
static enum plain_rc	offer_kit(struct plain *);
static void	offer_print(struct plain *);
static enum plain_rc	offer_qr(struct plain *);

const struct plain_step plain_steps[] = {
	{ "welcome", ask_welcome },
	{ "channel", ask_channel },
	{ "details", ask_details },
	{ "materials", ask_materials },
	{ "photo", ask_photo },
	{ "check", ask_check },
	{ "review", ask_review },
	{ "receipt", ask_receipt },
	{ NULL, NULL }
};

int
plain_step_index(const char *id)
{
	int i;

	for (i = 0; id != NULL && plain_steps[i].id != NULL; i++)
		if (strcmp(plain_steps[i].id, id) == 0)
			return (i);
	return (0);
}

/* "Step 3 of 8: Personal details", as the curses screens name themselves. */
static void
step_title(struct plain *p, const char *title)
{
	char *s;
	int n;

	for (n = 0; plain_steps[n].id != NULL; n++)
		;
	s = xasprintf(_("Step %d of %d: %s"), p->step + 1, n, _(title));
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

	step_title(p, N_("Welcome"));
	plain_para(&p->io, 0, nextsteps_intro(net_configured(p->cfg)));
	s = draft_privacy(p->cfg, p->kiosk.enabled);
	plain_para(&p->io, 0, s);
	free(s);
	if (p->kiosk.enabled) {
		d = kiosk_duration(p->kiosk.idle_seconds);
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
	    i18n_index(p->model.lang) >= 0 ? i18n_index(p->model.lang) : 0, NULL, &c);
	if (rc == PLAIN_OK && i18n_set(i18n_language(c)->code) == 0)
		snprintf(p->model.lang, sizeof p->model.lang, "%s",
		    i18n_language(c)->code);
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
	rc = plain_choose(&p->io, _("Region:"), items, n, p->model.region,
	    _("Your region sets the photo rules and the facts about each channel."),
	    &c);
	if (rc == PLAIN_OK)
		p->model.region = c;
	free(items);
	return (rc);
}

/* Step 2: the region, the facts of every channel there, then the channel. */
static enum plain_rc
ask_channel(struct plain *p)
{
	const char *items[CHANNEL_COUNT + 1], *note;
	enum plain_rc rc;
	char *s, *t;
	int i, c, k;

	step_title(p, N_("How to apply"));
	for (;;) {
		if ((rc = ask_region(p)) != PLAIN_OK)
			return (rc);
		for (i = 0; i < CHANNEL_COUNT; i++) {
			items[i] = channel_name(i);
			/* TRANSLATORS: %s is a channel name, e.g. "Online". */
			s = xasprintf(_("%s, in this region:"), channel_name(i));
			plain_para(&p->io, 0, s);
			free(s);
			for (k = 0; k < TOPIC_COUNT; k++) {
				t = region_describe(p->model.region, i, (enum region_topic)k);
				s = xasprintf("%s %s", nextsteps_topic_label((enum region_topic)k), t);
				plain_hang(&p->io, 2, 4, s);
				free(s);
				free(t);
			}
			/* A region's note under the channels it is true for. */
			for (k = 0; (note = region_note(p->model.region, i, k)) != NULL; k++)
				plain_hang(&p->io, 2, 2, note);
		}
		/* The last choice is not a channel: what changing the e-card's photo takes. */
		items[CHANNEL_COUNT] = nextsteps_ecard_label();
		do {
			rc = plain_choose(&p->io, _("How will you apply?"), items,
			    CHANNEL_COUNT + 1, p->model.channel >= 0 ?
			    p->model.channel : 0, NULL, &c);
			if (rc == PLAIN_OK && c == CHANNEL_COUNT)
				for (k = 0; nextsteps_ecard(k) != NULL; k++)
					plain_para(&p->io, 0, nextsteps_ecard(k));
		} while (rc == PLAIN_OK && c == CHANNEL_COUNT);
		if (rc == PLAIN_BACK)
			continue;	/* back to the region */
		if (rc == PLAIN_OK)
			p->model.channel = c;
		return (rc);
	}
}

/* "110105 1949 1231 002X": address, year, month and day, the rest, for reading back. */
static char *
grouped_id(const char *id)
{
	return (strlen(id) == 18 ? xasprintf("%.6s %.4s %.4s %.4s", id, id + 6,
	    id + 10, id + 14) : xstrdup(id));
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
	return (ask_text(p, _("Full name:"), _("Type your full name as on your ID "
	    "card."), &p->model.name, person_check_name));
}

static enum plain_rc
ask_id(struct plain *p)
{
	enum plain_rc rc;
	char norm[19], masked[19], *line = NULL, *cause = NULL, *g, *s;
	const char *items[2];
	int c;

	idnum_mask(p->model.id_number, masked);
	for (;;) {
		/* The default is masked: Enter keeps the number typed before. */
		if ((rc = plain_ask(&p->io, _("ID number:"), masked[0] != '\0' ? masked :
		    NULL, _("The ID number has 18 characters; the last may be X. "
		    "Numbers of foreign permanent residents start with 9."), 0, &line)) !=
		    PLAIN_OK)
			return (rc);
		if (strcmp(line, masked) == 0)
			application_set(&line, p->model.id_number);
		if (strlen(line) == 15 && idnum_upgrade15(line, &p->today, norm,
		    &cause) == 0) {
			g = grouped_id(norm);
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
		if (cause == NULL && idnum_validate(line, &p->today, norm, &cause) == 0) {
			application_set(&p->model.id_number, norm);
			p->model.minor = idnum_age(norm, &p->today) < MINOR_AGE;
			g = grouped_id(norm);
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
	return (ask_text(p, _("Mobile number:"), _("Eleven digits, for example "
	    "13800138000; spaces, dashes and +86 are removed."), &p->model.phone,
	    check_phone));
}

static enum plain_rc
ask_minor(struct plain *p)
{
	const char *items[] = { person_minor_answer(0), person_minor_answer(1) };
	enum plain_rc rc;
	int c;

	rc = plain_choose(&p->io, _("Whose card:"), items, 2, p->model.minor,
	    _("Choose 2 if the card is for a child under 16: a parent or guardian "
	    "then applies and gives consent for the child."), &c);
	if (rc == PLAIN_OK)
		p->model.minor = c;
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
	int i = 0, n, numbers = net_configured(p->cfg);

	fields = numbers ? with_numbers : without;
	n = numbers ? (int)nitems(with_numbers) : (int)nitems(without);
	step_title(p, N_("Personal details"));
	plain_para(&p->io, 0, _("Type your details as they are on your ID card."));
	plain_para(&p->io, 0, person_numbers_why(numbers));
	if (!numbers) {
		/* What person_check does on the curses side: keep no number. */
		application_set(&p->model.id_number, "");
		application_set(&p->model.phone, "");
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
	const struct material *items;
	unsigned *ticked = &p->model.ticked[p->model.channel];
	enum plain_rc rc;
	char *line = NULL, *s, *cause = NULL;
	unsigned t = 0;
	int n, i;

	step_title(p, N_("Materials"));
	items = materials_for(p->model.channel, &n);
	for (;;) {
		for (i = 0; i < n; i++) {
			if (material_not_needed(&items[i], p->model.card_lost))
				s = xasprintf("%3d: [-] %s (%s),", i + 1, _(items[i].label),
				    _("not needed: the card is lost"));
			else
				s = xasprintf("%3d: %s %s,", i + 1, (*ticked >> i) & 1 ?
				    "[x]" : "[ ]", _(items[i].label));
			plain_hang(&p->io, 0, 9, s);
			free(s);
		}
		/* The last number: the card is lost (the checklist then says so). */
		s = xasprintf("%3d: %s %s,", n + 1, p->model.card_lost ? "[x]" : "[ ]",
		    _("My current card is lost (report it first: 挂失)"));
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
				p->model.card_lost = (t >> n) & 1;
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
	if (p->kiosk.enabled)
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
		if (materials_save(p->model.channel, *ticked, p->model.card_lost,
		    _(region_at(p->model.region)->name), line, &cause) == 0) {
			plain_line(&p->io, _("Checklist saved to %s."), line);
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
	char *path, *real, *end;
	long k = strtol(line, &end, 10);
	int fd, rc;

	if (*line == '\0') {
		*cause = xstrdup(_("Type the path of your photo file first."));
		return (-1);
	}
	if (end != line && *end == '\0' && k >= 1 && (size_t)k <= n &&
	    k <= PICKER_SHOWN)
		path = xstrdup(v[k - 1].path);
	else if ((path = picker_clean_path(line, cause)) == NULL)
		return (-1);
	/* Opened once, confined (in a kiosk beneath photo_dirs), copied from that descriptor. */
	if ((fd = kiosk_open_photo(&p->kiosk, path, cause)) < 0) {
		free(path);
		return (-1);
	}
	rc = checked_take_fd(&p->model, &p->ws, fd, path, cause);
	close(fd);
	if (rc == 0) {
		/* Absolute: a resumed draft may start in another folder. */
		if (*path != '/' && (real = realpath(path, NULL)) != NULL) {
			free(path);
			path = real;
		}
		application_set(&p->model.photo_path, path);
		application_set(&p->model.photo_receipt, "");
		p->photo_checked = 0;
	}
	free(path);
	return (rc);
}

/*
 * "r NUMBER": a photo studio's receipt number instead of a file, where the
 * region takes one.  1 when line is such an answer (then 0 or -1 with
 * *cause in *rc), 0 when it is a photo.
 */
static int
take_receipt(struct plain *p, const char *line, int *rc, char **cause)
{
	if (!nextsteps_receipt_ok(p->model.region) || (line[0] != 'r' &&
	    line[0] != 'R') || (line[1] != ' ' && line[1] != '\t'))
		return (0);
	line += strspn(line + 1, " \t") + 1;
	if (!nextsteps_receipt_valid(p->model.region, line)) {
		*cause = xstrdup(_("A receipt number has 6 to 30 letters and "
		    "digits, with no spaces: check the one on the studio's "
		    "receipt."));
		*rc = -1;
		return (1);
	}
	application_set(&p->model.photo_receipt, line);
	application_set(&p->model.checked_path, "");
	p->photo_checked = 0;
	*rc = 0;
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

	step_title(p, N_("Photo"));
	if (picker_list_roots(&p->kiosk, &v, &n, &cause) != 0) {
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
	if (nextsteps_receipt_ok(p->model.region))
		plain_para(&p->io, 0, _("In this region a photo studio's receipt "
		    "number (数码照回执 / 相片回执号) can stand for the photo: type r, a "
		    "space and the number, for example r 44030012345678."));
	s = p->model.photo_receipt[0] != '\0' ?
	    xasprintf("r %s", p->model.photo_receipt) : xstrdup(p->model.photo_path);
	for (;;) {
		rc = plain_ask(&p->io, n > 0 ? _("Type the number of your photo above, "
		    "or the path of your photo file (a JPEG or PNG):") : _("Type the "
		    "path of your photo file, a JPEG or PNG (for example "
		    "/media/usb/photo.jpg)."), s, _("A path like "
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

static void
print_report(struct plain *p, const struct photo_report *r)
{
	const struct photo_check *c;
	char *s;
	size_t i;

	for (i = 0; i < r->n; i++) {
		c = &r->checks[i];
		/* TRANSLATORS: verdict, check id, measured value, expected value. */
		s = xasprintf(_("%s  %s: %s (expected %s)"), photo_verdict_word(c->verdict),
		    c->id, c->value, c->expected);
		plain_hang(&p->io, 2, 4, s);
		free(s);
		if (c->verdict != PHOTO_PASS && c->message != NULL)
			plain_para(&p->io, 8, c->message);
	}
	plain_para(&p->io, 0, r->ok ? _("Result: the photo meets the rules.") :
	    _("Result: the photo does not meet the rules."));
}

/* Step 6: the check, and the fix on request; a failing photo goes back to step 5. */
static enum plain_rc
ask_check(struct plain *p)
{
	struct photo_profile *pr;
	struct photo_report r;
	const char *items[2];
	enum plain_rc rc;
	char *cause = NULL, *out, *s, *line = NULL;
	int c, fixed = 0, failed;

	step_title(p, N_("Photo check"));
	if (p->model.photo_receipt[0] != '\0') {
		s = xasprintf(_("You gave a photo studio's receipt number (%s). The "
		    "office checks the studio's photo when you apply; sscard has no "
		    "photo to check."), p->model.photo_receipt);
		plain_para(&p->io, 0, s);
		free(s);
		rc = plain_ask(&p->io, _("Press Enter to go on."), "", NULL, 0, &line);
		free(line);
		return (rc);
	}
	if ((pr = profile_load(p->cfg, p->opts->profile != NULL ? p->opts->profile :
	    region_at(p->model.region)->profile, &cause)) == NULL) {
		plain_error_cause(&p->io, &cause);
		return (PLAIN_BACK);
	}
	for (;;) {
		if (photo_check_file(p->model.checked_path, pr, p->cfg, &r, &cause) != 0) {
			plain_error_cause(&p->io, &cause);
			profile_free(pr);
			return (PLAIN_BACK);
		}
		s = xasprintf(fixed ? _("The fixed photo, checked against the %s rules:") :
		    _("Your photo, checked against the %s rules:"), _(pr->title));
		plain_para(&p->io, 0, s);
		free(s);
		print_report(p, &r);
		if (r.ok) {
			photo_report_free(&r);
			profile_free(pr);
			p->photo_checked = 1;
			rc = plain_ask(&p->io, _("Press Enter to go on."), "", NULL, 0, &line);
			free(line);
			return (rc);
		}
		if (!r.fixable || fixed) {
			photo_report_free(&r);
			profile_free(pr);
			plain_error(&p->io, fixed ? _("The photo was fixed, but it still "
			    "fails a rule.") : _("This cannot be fixed automatically: "
			    "choose another photo."));
			return (PLAIN_BACK);
		}
		photo_report_free(&r);
		items[0] = _("Fix the photo automatically");
		items[1] = _("Choose another photo");
		if ((rc = plain_choose(&p->io, NULL, items, 2, 0, NULL, &c)) != PLAIN_OK ||
		    c == 1) {
			profile_free(pr);
			return (rc == PLAIN_OK ? PLAIN_BACK : rc);
		}
		out = workspace_path(&p->ws, "photo-fixed.jpg");
		failed = photo_fix_file(p->model.checked_path, pr, p->cfg, out, &r, &cause);
		if (!failed) {
			photo_report_free(&r);
			failed = checked_adopt(&p->model, out, &cause);
		}
		free(out);
		if (failed) {
			plain_error_cause(&p->io, &cause);
			profile_free(pr);
			return (PLAIN_BACK);
		}
		fixed = 1;
	}
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
send_now(struct plain *p, struct outbox *ob)
{
	struct net net;
	struct net_run run;
	char *cause = NULL, *id = p->model.outbox_id, *s;

	plain_line(&p->io, "%s", _("Sending your application to the card service..."));
	if (net_open(&net, p->cfg, &cause) != 0) {
		plain_error_cause(&p->io, &cause);
		return;
	}
	if (net_send(&net, ob, &id, 1, on_send_progress, p, &run, &cause) != 0) {
		plain_progress(&p->io, -1);
		plain_error_cause(&p->io, &cause);
	} else {
		plain_progress(&p->io, -1);
		if (run.n == 1 && run.v[0].state == OUTBOX_SENT)
			p->model.receipt = xstrdup(run.v[0].receipt);
		else {
			s = xasprintf(run.n == 1 && run.v[0].state == OUTBOX_REJECTED ?
			    _("The card service rejected the application: %s") :
			    _("The application could not be sent yet: %s"),
			    run.stopped != NULL ? run.stopped : run.n == 1 &&
			    run.v[0].reason != NULL ? run.v[0].reason :
			    _("another sscard is sending it"));
			plain_error(&p->io, s);
			free(s);
		}
		net_run_free(&run);
	}
	net_close(&net);
}

int
plain_save_kit(struct plain *p, const char *dir, char **cause)
{
	char *want = dir != NULL ? picker_clean_path(dir, cause) :
	    kit_default_dir(p->cfg, p->kiosk.enabled ? p->kiosk.kit_dir : NULL);
	char *saved = NULL;
	int rc;

	if (want == NULL)
		return (-1);
	rc = kit_save(&p->model, net_configured(p->cfg), want, dir == NULL, &saved,
	    cause);
	free(want);
	if (rc != 0)
		return (-1);
	free(p->kit_saved);
	p->kit_saved = saved;
	p->io.stored = 1;
	return (0);
}

int
plain_deliver(struct plain *p, const char *dir, char **cause)
{
	struct outbox ob;
	char *id = NULL;

	if (!net_configured(p->cfg))
		return (plain_save_kit(p, dir, cause));
	memset(&ob, 0, sizeof ob);
	if (kiosk_outbox_open(&p->kiosk, &ob, p->cfg, cause) != 0)
		return (-1);
	if (outbox_queue(&ob, &p->model, &id, cause) != 0) {
		outbox_close(&ob);
		return (-1);
	}
	free(p->model.outbox_id);
	p->model.outbox_id = id;
	free(p->stored_in);
	p->stored_in = xstrdup(ob.dir);
	p->io.stored = 1;
	send_now(p, &ob);
	outbox_close(&ob);
	return (0);
}

/* Without a card service outside a kiosk, the citizen may name the kit's folder. */
static enum plain_rc
ask_kit_dir(struct plain *p, char **dir)
{
	char *def;
	enum plain_rc rc;

	*dir = NULL;
	if (net_configured(p->cfg) || p->kiosk.enabled)
		return (PLAIN_OK);
	def = kit_default_dir(p->cfg, NULL);
	rc = plain_ask(&p->io, _("Kit folder:"), def, _("The kit is a folder with "
	    "photo.jpg, print-sheet.jpg and summary.txt; Enter takes the folder "
	    "shown, made new for this kit."), 0, dir);
	if (rc == PLAIN_OK && strcmp(*dir, def) == 0) {
		free(*dir);
		*dir = NULL;	/* the default: made new, never shared */
	}
	free(def);
	return (rc);
}

/* Step 7: every answer once more; a number changes one; the declaration stores it. */
static enum plain_rc
ask_review(struct plain *p)
{
	const struct application *a = &p->model;
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
	char masked[19], *s, *cause = NULL, *name, *dir = NULL;
	int n, ready, c, i, k, numbers = net_configured(p->cfg);

	step_title(p, N_("Review"));
	for (;;) {
		idnum_mask(a->id_number, masked);
		ready = materials_ready(a, &n);
		plain_para(&p->io, 0, numbers ? _("Please check "
		    "everything before the application is queued:") : _("Please "
		    "check everything before the kit is made:"));
		plain_line(&p->io, "  %s %s", _("Channel:"), channel_name(a->channel));
		plain_line(&p->io, "  %s %s", _("Region:"), _(region_at(a->region)->name));
		plain_line(&p->io, "  %s %s", _("Full name:"), a->name);
		if (numbers) {
			/* Bystanders at a service point: masked unless asked for. */
			s = p->show_id ? grouped_id(a->id_number) : xstrdup(masked);
			plain_line(&p->io, "  %s %s", _("ID number:"), s);
			wipe_str(s);
			plain_line(&p->io, "  %s %s", _("Mobile number:"), a->phone);
		}
		plain_line(&p->io, "  %s %s", _("Whose card:"),
		    person_minor_answer(a->minor));
		s = xasprintf(_("%d of %d ready"), ready, n);
		plain_line(&p->io, "  %s %s", _("Materials:"), s);
		free(s);
		if (a->card_lost)
			plain_line(&p->io, "  %s %s", _("Current card:"),
			    _("lost: report the loss first (挂失)"));
		if (a->photo_receipt[0] != '\0') {
			s = xasprintf(_("%s (a photo studio's receipt number: the "
			    "office checks the studio's photo)"), a->photo_receipt);
			plain_line(&p->io, "  %s %s", _("Photo:"), s);
			free(s);
		} else
			plain_line(&p->io, "  %s %s (%s)", _("Photo:"), a->photo_path,
			    a->photo_fixed ? _("fixed by sscard and checked") :
			    _("checked"));
		name = numbers ? net_service_name(p->cfg) : NULL;
		s = kit_consent(a, name);
		free(name);
		plain_para(&p->io, 0, s);
		free(s);
		k = 0;
		items[k++] = numbers ? _("I agree: queue my application") :
		    _("I agree: make my application kit");
		/* With no number asked there is none to show. */
		if (numbers)
			items[k++] = p->show_id ? _("Mask the ID number again") :
			    _("Show the full ID number");
		for (i = 0; i < (int)nitems(jumps); i++)
			items[k++] = _(jumps[i].label);
		if ((rc = plain_choose(&p->io, NULL, items, k, 0, NULL, &c)) != PLAIN_OK)
			return (rc);
		if (numbers && c == 1) {
			p->show_id = !p->show_id;
			continue;
		}
		if (c > 0) {
			p->jump = plain_step_index(jumps[c - 1 - numbers].step);
			return (PLAIN_BACK);
		}
		if ((rc = ask_kit_dir(p, &dir)) != PLAIN_OK) {
			if (rc == PLAIN_BACK)
				continue;
			return (rc);
		}
		p->model.consent = 1;
		c = plain_deliver(p, dir, &cause);
		free(dir);
		dir = NULL;
		if (c == 0)
			return (PLAIN_OK);
		p->model.consent = 0;
		plain_error_cause(&p->io, &cause);
	}
}

/* With a card service the kit is offered too; saved on request. */
static enum plain_rc
offer_kit(struct plain *p)
{
	const char *items[2];
	char *cause = NULL, *s;
	enum plain_rc rc;
	int c;

	if (p->kit_saved != NULL)
		return (PLAIN_OK);
	items[0] = _("Go on without a kit");
	items[1] = p->model.photo_receipt[0] != '\0' ? _("Save the application "
	    "kit too (the summary)") : _("Save the application kit too (photo, "
	    "print sheet, summary)");
	if ((rc = plain_choose(&p->io, NULL, items, 2, 0, NULL, &c)) != PLAIN_OK ||
	    c == 0)
		return (rc);
	if (plain_save_kit(p, NULL, &cause) != 0) {
		plain_error_cause(&p->io, &cause);
	} else {
		s = kit_saved_line(&p->model, p->kit_saved);
		plain_line(&p->io, "%s", s);
		free(s);
	}
	return (PLAIN_OK);
}

/* [print] command with the kit's summary and print sheet, on request. */
static void
offer_print(struct plain *p)
{
	const char *items[2];
	char *cause = NULL;
	int c;

	if (!print_configured(p->cfg))
		return;
	items[0] = _("Print the summary and the print sheet");
	items[1] = _("Do not print");
	if (plain_choose(&p->io, NULL, items, 2, 0, NULL, &c) != PLAIN_OK || c != 0)
		return;
	if (print_application(p->cfg, &p->model, net_configured(p->cfg), p->kit_saved,
	    &p->ws, &cause) != 0) {
		plain_error_cause(&p->io, &cause);
	} else
		plain_line(&p->io, "%s", _("Sent to the printer."));
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

	text = kit_qr_text(&p->model, &what);
	items[0] = _("Finish");
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
	    config_str(p->cfg, "sscard", "graphics", NULL);
	drawing = qr_render(&q, g == NULL || (strcmp(g, "ascii") != 0 &&
	    strcmp(g, "none") != 0));
	plain_text(&p->io, drawing);
	free(drawing);
	qr_free(&q);
	plain_line(&p->io, "%s", _("If the phone cannot read it, the same text:"));
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
	char *s, *name = net_configured(p->cfg) ? net_service_name(p->cfg) : NULL;
	int i;

	step_title(p, N_("Receipt"));
	s = kit_headline(&p->model, name);
	plain_para(&p->io, 0, s);
	free(s);
	plain_para(&p->io, 0, nextsteps_unofficial());
	free(name);
	if (p->stored_in != NULL) {
		s = xasprintf(_("Stored in: %s"), p->stored_in);
		plain_para(&p->io, 2, s);
		free(s);
	}
	if (p->kit_saved != NULL) {
		s = kit_saved_line(&p->model, p->kit_saved);
		plain_para(&p->io, 2, s);
		free(s);
	} else if ((rc = offer_kit(p)) != PLAIN_OK)
		return (rc);
	plain_para(&p->io, 0, _("Next steps:"));
	nextsteps_build(&p->model, net_configured(p->cfg), p->kit_saved != NULL, &ns);
	for (i = 0; i < ns.n; i++) {
		s = xasprintf("%s %s", ns.v[i].label, ns.v[i].text);
		plain_hang(&p->io, 2, 4, s);
		free(s);
	}
	nextsteps_free(&ns);
	offer_print(p);
	return (offer_qr(p));
}
