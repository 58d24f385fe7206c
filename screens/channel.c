/* channel.c -- step 2: online, bank outlet or centre, and what each means in the region. */
#include "system.h"

#include <stdlib.h>

#include "model.h"
#include "region.h"
#include "screen.h"
#include "xmalloc.h"

/* Focus 0 is the region; 1..3 are the channels. */
struct channel_state {
	int	focus;
};

static void	draw_facts(const struct app *, struct ui *, int, int);

static void
channel_enter(struct app *app)
{
	struct channel_state *c = xcalloc(1, sizeof *c);

	c->focus = app->model.channel >= 0 ? app->model.channel + 1 : 1;
	app->priv = c;
}

/* The four facts of one channel in the region, as label and wrapped text. */
static void
draw_facts(const struct app *app, struct ui *ui, int y, int channel)
{
	const struct region *r = region_at(app->model.region);
	int bottom = ui_body_bottom(ui), lw = 14, i;
	char *s;

	for (i = 0; i < TOPIC_COUNT && y <= bottom; i++) {
		ui_text(ui, y, 3, lw, A_BOLD, region_topic_label((enum region_topic)i));
		s = region_describe(app->model.region, channel, (enum region_topic)i);
		y += ui_wrap(ui, y, 3 + lw, ui->cols - 4 - lw, bottom - y + 1, A_NORMAL, s);
		free(s);
	}
	if (r->note != NULL && y <= bottom)
		ui_wrap(ui, y, 3, ui->cols - 4, bottom - y + 1, A_NORMAL, _(r->note));
}

static void
channel_draw(const struct app *app, struct ui *ui)
{
	const struct channel_state *c = app->priv;
	int y = UI_BODY_TOP, i, shown;
	char *s;

	ui_choice(ui, y++, 1, 10, _("Region:"), _(region_at(app->model.region)->name),
	    c->focus == 0);
	for (i = 0; i < CHANNEL_COUNT; i++)
		ui_item(ui, y++, 1, ui->cols - 2, app->model.channel == i ? "(*)" : "( )",
		    channel_name(i), c->focus == i + 1);
	y++;
	/* The facts follow the focus, so moving through the list explains each. */
	shown = c->focus > 0 ? c->focus - 1 :
	    app->model.channel >= 0 ? app->model.channel : CHANNEL_ONLINE;
	/* TRANSLATORS: %s is a channel name, e.g. "Online". */
	s = xasprintf(_("%s, in this region:"), channel_name(shown));
	ui_text(ui, y++, 1, ui->cols - 2, A_BOLD, s);
	free(s);
	draw_facts(app, ui, y, shown);
}

static enum request
channel_handle(struct app *app, enum request req, const struct key *k)
{
	struct channel_state *c = app->priv;
	int n = region_count();

	if (screen_focus_move(&c->focus, CHANNEL_COUNT + 1, req))
		return (REQ_NONE);
	if (c->focus == 0 && (req == REQ_LEFT || req == REQ_RIGHT)) {
		app->model.region = (app->model.region + (req == REQ_LEFT ? n - 1 : 1)) % n;
		return (REQ_NONE);
	}
	if (c->focus > 0 && (req == REQ_TOGGLE || req == REQ_ACTIVATE)) {
		app->model.channel = c->focus - 1;
		return (req == REQ_ACTIVATE ? REQ_NEXT : REQ_NONE);
	}
	if (c->focus == 0 && req == REQ_ACTIVATE) {
		c->focus = 1;
		return (REQ_NONE);
	}
	return (req);
}

static int
channel_leave(struct app *app, char **cause)
{
	struct channel_state *c = app->priv;

	if (app->model.channel < 0) {
		*cause = xstrdup(_("Choose how you will apply first: move to a "
		    "channel and press Space or Enter."));
		c->focus = 1;
		return (-1);
	}
	return (0);
}

static void
channel_free(struct app *app)
{
	free(app->priv);
}

const struct screen channel_screen = {
	.id = "channel",
	.title = N_("How to apply"),
	.help = N_("Choose your region with Left and Right, then move through the "
	    "three channels with Up and Down: each shows where you go, the fee, "
	    "how long it takes and what you receive. Space chooses a channel, "
	    "Enter chooses it and goes on. Where sources disagree, sscard says "
	    "so: check with your local office."),
	.enter = channel_enter,
	.draw = channel_draw,
	.handle = channel_handle,
	.leave = channel_leave,
	.free = channel_free,
};
