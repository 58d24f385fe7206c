/* details.c -- step 3: name, ID number, mobile number, region. */
#include "system.h"

#include <stdlib.h>

#include "field.h"
#include "person.h"
#include "region.h"
#include "screen.h"
#include "xmalloc.h"

#define LABEL_W	16
#define FIELD_W	40

struct details {
	struct field	f[3];	/* name, ID number, phone: enum person_field order */
	int		focus;	/* 0..2 a field, 3 the region */
};

static char	**model_field(struct app *, int);

static char **
model_field(struct app *app, int i)
{
	char **fields[] = { &app->model.name, &app->model.id_number, &app->model.phone };

	return (fields[i]);
}

static void
details_enter(struct app *app)
{
	struct details *d = xcalloc(1, sizeof *d);
	int i;

	for (i = 0; i < 3; i++)
		field_init(&d->f[i], i == FIELD_NAME ? 40 : 24, *model_field(app, i));
	app->priv = d;
}

static void
details_draw(const struct app *app, struct ui *ui)
{
	const struct details *d = app->priv;
	static const char *const labels[] = { N_("Full name:"), N_("ID number:"),
	    N_("Mobile number:") };
	int y = UI_BODY_TOP, i;

	y += ui_wrap(ui, y, 1, ui->cols - 2, -1, A_NORMAL, _("Type your details as "
	    "they are on your ID card. Tab or Enter moves to the next field."));
	y++;
	for (i = 0; i < 3; i++, y += 2)
		ui_field(ui, y, 1, LABEL_W, FIELD_W, _(labels[i]), &d->f[i],
		    d->focus == i);
	ui_choice(ui, y, 1, LABEL_W, _("Region:"), _(region_at(app->model.region)->name),
	    d->focus == 3);
	y += 2;
	ui_wrap(ui, y, 3, ui->cols - 4, -1, A_NORMAL, _("The ID number has 18 "
	    "characters; the last may be X. Numbers of foreign permanent residents "
	    "start with 9. Your region sets the photo rules and the facts shown on "
	    "the previous step."));
}

static enum request
details_handle(struct app *app, enum request req, const struct key *k)
{
	struct details *d = app->priv;
	int n = region_count();
	char *s;

	if (d->focus < 3 && field_handle(&d->f[d->focus], req, k)) {
		s = field_utf8(&d->f[d->focus]);
		application_set(model_field(app, d->focus), s);
		wipe_str(s);
		return (REQ_NONE);
	}
	if (d->focus == 3 && (req == REQ_LEFT || req == REQ_RIGHT)) {
		app->model.region = (app->model.region + (req == REQ_LEFT ? n - 1 : 1)) % n;
		return (REQ_NONE);
	}
	if (req == REQ_ACTIVATE && d->focus < 3) {
		d->focus++;
		return (REQ_NONE);
	}
	if (screen_focus_move(&d->focus, 4, req))
		return (REQ_NONE);
	return (req == REQ_ACTIVATE ? REQ_NEXT : req);
}

static int
details_leave(struct app *app, char **cause)
{
	struct details *d = app->priv;
	enum person_field bad;
	char *upgraded = NULL;
	int i;

	if (person_check(&app->model, &app->today, &bad, cause, &upgraded) == 0) {
		for (i = 0; i < 3; i++)	/* show the normalised values on Back */
			field_set(&d->f[i], *model_field(app, i));
		return (0);
	}
	if (upgraded != NULL) {
		/* Offer the converted number in the field for the citizen to confirm. */
		application_set(&app->model.id_number, upgraded);
		field_set(&d->f[FIELD_ID], upgraded);
		wipe_str(upgraded);
	}
	d->focus = bad;
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
	.id = "details",
	.title = N_("Personal details"),
	.help = N_("Type your full name, your 18-character citizen ID number and "
	    "your mobile number as on your documents. An old 15-digit number is "
	    "converted for you to check. The ID number is checked with its last "
	    "character (GB 11643), so a typing mistake is caught here. Left and "
	    "Right change the region."),
	.enter = details_enter,
	.draw = details_draw,
	.handle = details_handle,
	.leave = details_leave,
	.free = details_free,
};
