/* details.c -- step 3: name, the numbers a card service needs, whose card, region. */
#include "lib/system.h"

#include <stdlib.h>

#include "tui/field.h"
#include "model/person.h"
#include "model/region.h"
#include "screens/screen.h"
#include "lib/xmalloc.h"

#define LABEL_W	16
#define FIELD_W	40

/*
 * The rows of the form.  The ID and mobile numbers are asked only when a
 * card service is configured: nothing else uses them (the kit holds
 * neither).  Without them, whether the card is a child's is asked instead,
 * since the materials, the consent and the next steps depend on it.
 */
enum row { ROW_NAME, ROW_ID, ROW_PHONE, ROW_MINOR, ROW_REGION };

struct details {
	struct field	f[3];	/* name, ID number, phone: enum person_field order */
	enum row	rows[4];
	int		nrows;
	int		focus;	/* index in rows */
};

static char **
model_field(struct app *app, int i)
{
	char **fields[] = { &app->ses.model.name, &app->ses.model.id_number, &app->ses.model.phone };

	return (fields[i]);
}

static int
row_is_field(enum row r)
{
	return (r == ROW_NAME || r == ROW_ID || r == ROW_PHONE);
}

static void
details_enter(struct app *app)
{
	struct details *d = xcalloc(1, sizeof *d);
	int i;

	for (i = 0; i < 3; i++)
		field_init(&d->f[i], i == FIELD_NAME ? 40 : 24, *model_field(app, i));
	d->rows[d->nrows++] = ROW_NAME;
	if (session_sends(&app->ses)) {
		d->rows[d->nrows++] = ROW_ID;
		d->rows[d->nrows++] = ROW_PHONE;
	} else
		d->rows[d->nrows++] = ROW_MINOR;
	d->rows[d->nrows++] = ROW_REGION;
	app->priv = d;
}

static void
details_draw(const struct app *app, struct ui *ui)
{
	const struct details *d = app->priv;
	int y = UI_BODY_TOP, i;

	y += ui_wrap(ui, y, 1, ui->cols - 2, -1, A_NORMAL, _("Type your details as "
	    "they are on your ID card. Tab or Enter moves to the next field."));
	y++;
	for (i = 0; i < d->nrows; i++, y += 2) {
		if (row_is_field(d->rows[i]))
			ui_field(ui, y, 1, LABEL_W, FIELD_W,
			    person_label((enum person_field)d->rows[i]), &d->f[d->rows[i]],
			    d->focus == i);
		else if (d->rows[i] == ROW_MINOR)
			ui_choice(ui, y, 1, LABEL_W, person_label(FIELD_MINOR),
			    person_minor_answer(app->ses.model.minor), d->focus == i);
		else
			ui_choice(ui, y, 1, LABEL_W, person_label(FIELD_REGION),
			    _(region_at(app->ses.model.region)->name), d->focus == i);
	}
	y += ui_wrap(ui, y, 3, ui->cols - 4, -1, A_NORMAL,
	    person_numbers_why(session_sends(&app->ses))) + 1;
	ui_wrap(ui, y, 3, ui->cols - 4, -1, A_NORMAL, _("Your region sets the "
	    "photo rules and the facts shown on the previous step."));
}

static enum request
details_handle(struct app *app, enum request req, const struct key *k)
{
	struct details *d = app->priv;
	enum row r = d->rows[d->focus];
	int n = region_count();
	char *s;

	if (row_is_field(r) && field_handle(&d->f[r], req, k)) {
		s = field_utf8(&d->f[r]);
		application_set(model_field(app, r), s);
		wipe_str(s);
		return (REQ_NONE);
	}
	if (r == ROW_MINOR && (req == REQ_LEFT || req == REQ_RIGHT ||
	    req == REQ_TOGGLE)) {
		app->ses.model.minor = !app->ses.model.minor;
		return (REQ_NONE);
	}
	if (r == ROW_REGION && (req == REQ_LEFT || req == REQ_RIGHT)) {
		app->ses.model.region = (app->ses.model.region + (req == REQ_LEFT ? n - 1 : 1)) % n;
		return (REQ_NONE);
	}
	if (req == REQ_ACTIVATE && d->focus < d->nrows - 1) {
		d->focus++;
		return (REQ_NONE);
	}
	if (screen_focus_move(&d->focus, d->nrows, req))
		return (REQ_NONE);
	return (req == REQ_ACTIVATE ? REQ_NEXT : req);
}

static int
details_row_of(const struct details *d, enum row r)
{
	int i;

	for (i = 0; i < d->nrows; i++)
		if (d->rows[i] == r)
			return (i);
	return (0);
}

static int
details_leave(struct app *app, char **cause)
{
	struct details *d = app->priv;
	enum person_field bad;
	char *upgraded = NULL;
	int i;

	if (person_check(&app->ses.model, &app->ses.today, session_sends(&app->ses), &bad, cause,
	    &upgraded) == 0) {
		for (i = 0; i < 3; i++)	/* show the normalised values on Back */
			field_set(&d->f[i], *model_field(app, i));
		return (0);
	}
	if (upgraded != NULL) {
		/* Offer the converted number in the field for the citizen to confirm. */
		application_set(&app->ses.model.id_number, upgraded);
		field_set(&d->f[FIELD_ID], upgraded);
		wipe_str(upgraded);
	}
	d->focus = details_row_of(d, (enum row)bad);
	return (-1);
}

static void
details_free(struct app *app)
{
	struct details *d = app->priv;
	int i;

	for (i = 0; i < 3; i++)
		field_free(&d->f[i]);
	free(d);
}

const struct screen details_screen = {
	.enter = details_enter,
	.draw = details_draw,
	.handle = details_handle,
	.leave = details_leave,
	.free = details_free,
};
