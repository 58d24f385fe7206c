/* materials.c -- step 4: the checklist for the chosen channel; it can be saved. */
#include "lib/system.h"

#include <stdlib.h>

#include "model/flow.h"
#include "tui/field.h"
#include "model/materials.h"
#include "model/region.h"
#include "screens/screen.h"
#include "lib/xmalloc.h"

/* Focus: 0..n-1 the items, n "my card is lost", n+1 the file name, n+2 Save. */
struct materials_state {
	struct field	path;
	int		focus;
};

static int	item_count(const struct app *);
static void	save(struct app *);

static int
item_count(const struct app *app)
{
	int n;

	materials_for(app->ses.model.channel, &n);
	return (n);
}

static void
materials_enter(struct app *app)
{
	struct materials_state *m = xcalloc(1, sizeof *m);

	field_init(&m->path, 200, "sscard-checklist.txt");
	app->priv = m;
}

static void
materials_draw(const struct app *app, struct ui *ui)
{
	const struct materials_state *m = app->priv;
	const char *mark;
	int y = UI_BODY_TOP, i, n, ready, needed, bottom = ui_body_bottom(ui);
	char *s;

	materials_for(app->ses.model.channel, &n);
	ready = materials_ready(&app->ses.model, &needed);
	/* TRANSLATORS: "Online: 2 of 5 ready. Space ticks an item." */
	s = xasprintf(_("%s: %d of %d ready. Space ticks what you have."),
	    channel_name(app->ses.model.channel), ready, needed);
	y += ui_wrap(ui, y, 1, ui->cols - 2, -1, A_BOLD, s);
	free(s);
	y++;
	for (i = 0; i < n && y < bottom - 3; i++) {
		s = flow_material(&app->ses, i, &mark);
		y += ui_item(ui, y, 1, ui->cols - 2, mark, s, m->focus == i);
		free(s);
	}
	ui_item(ui, bottom - 2, 1, ui->cols - 2, app->ses.model.card_lost ? "[x]" : "[ ]",
	    flow_card_lost_label(), m->focus == n);
	y = bottom - 1;
	ui_field(ui, y, 1, 16, 40, _("Save as:"), &m->path, m->focus == n + 1);
	ui_button(ui, y + 1, 20, _("Save the checklist (Ctrl-S)"), m->focus == n + 2);
}

static void
save(struct app *app)
{
	struct materials_state *m = app->priv;
	char *path = field_utf8(&m->path), *cause = NULL, *said;

	if ((said = flow_save_checklist(&app->ses, path, &cause)) == NULL)
		app_say_cause(app, cause);
	else
		app_say(app, 0, "%s", said);
	free(said);
	free(path);
}

static enum request
materials_handle(struct app *app, enum request req, const struct key *k)
{
	struct materials_state *m = app->priv;
	int n = item_count(app);

	if (m->focus == n + 1 && field_handle(&m->path, req, k))
		return (REQ_NONE);
	if (screen_focus_move(&m->focus, n + 3, req))
		return (REQ_NONE);
	if (req == REQ_SAVE || (req == REQ_ACTIVATE && m->focus >= n + 1)) {
		save(app);
		return (REQ_NONE);
	}
	if (m->focus == n && (req == REQ_TOGGLE || req == REQ_ACTIVATE)) {
		app->ses.model.card_lost = !app->ses.model.card_lost;
		return (REQ_NONE);
	}
	if (m->focus < n && (req == REQ_TOGGLE || req == REQ_ACTIVATE)) {
		app->ses.model.ticked[app->ses.model.channel] ^= 1u << m->focus;
		return (REQ_NONE);
	}
	return (req);
}

static void
materials_free(struct app *app)
{
	struct materials_state *m = app->priv;

	field_free(&m->path);
	free(m);
}

const struct screen materials_screen = {
	.enter = materials_enter,
	.draw = materials_draw,
	.handle = materials_handle,
	.free = materials_free,
};
