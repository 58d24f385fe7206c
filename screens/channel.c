/* channel.c -- step 2: online, bank outlet or centre, and what each means in the region. */
#include "lib/system.h"

#include <stdlib.h>

#include "model/application.h"
#include "model/nextsteps.h"
#include "model/person.h"
#include "tui/pager.h"
#include "model/region.h"
#include "screens/screen.h"
#include "lib/xmalloc.h"

/*
 * Focus 0 is the region; 1..3 are the channels; the last row is not a
 * channel but the answer for a citizen who only wants the electronic
 * card's photo changed.
 */
struct channel_state {
	int	focus;
	int	first;		/* the first fact shown, when they do not all fit */
};

/* The focus on the e-card row. */
#define AT_ECARD	(CHANNEL_COUNT + 1)

static void	draw_facts(const struct app *, struct ui *, int, int);
static void	draw_ecard(const struct app *, struct ui *, int);

static void
channel_enter(struct app *app)
{
	struct channel_state *c = xcalloc(1, sizeof *c);

	c->focus = app->ses.model.channel >= 0 ? app->ses.model.channel + 1 : 1;
	app->priv = c;
}

/* The facts of one channel in the region, whole: wrapped, paged when long. */
static void
draw_facts(const struct app *app, struct ui *ui, int y, int channel)
{
	const struct channel_state *c = app->priv;
	struct nextsteps_fact facts[FACTS_MAX];
	struct pager_item items[FACTS_MAX];
	int n, i;

	n = nextsteps_facts(app->ses.model.region, channel, facts);
	for (i = 0; i < n; i++) {
		items[i].label = facts[i].label;
		items[i].text = facts[i].text;
	}
	pager_draw(ui, y, 3, ui->cols - 4, 14, ui_body_bottom(ui), items, n, c->first);
	nextsteps_facts_free(facts, n);
}

/* What changing the electronic card's photo takes (nextsteps_ecard). */
static void
draw_ecard(const struct app *app, struct ui *ui, int y)
{
	const struct channel_state *c = app->priv;
	struct pager_item items[FACTS_MAX];
	int n;

	for (n = 0; n < FACTS_MAX && nextsteps_ecard(n) != NULL; n++) {
		items[n].label = NULL;
		items[n].text = nextsteps_ecard(n);
	}
	pager_draw(ui, y, 3, ui->cols - 4, 0, ui_body_bottom(ui), items, n, c->first);
}

static void
channel_draw(const struct app *app, struct ui *ui)
{
	const struct channel_state *c = app->priv;
	int y = UI_BODY_TOP, i, shown;
	char *s;

	ui_choice(ui, y++, 1, 10, person_label(FIELD_REGION),
	    _(region_at(app->ses.model.region)->name),
	    c->focus == 0);
	for (i = 0; i < CHANNEL_COUNT; i++)
		ui_item(ui, y++, 1, ui->cols - 2, app->ses.model.channel == i ? "(*)" : "( )",
		    channel_name(i), c->focus == i + 1);
	ui_item(ui, y++, 1, ui->cols - 2, "(?)", nextsteps_ecard_label(),
	    c->focus == AT_ECARD);
	y++;
	if (c->focus == AT_ECARD) {
		draw_ecard(app, ui, y);
		return;
	}
	/* The facts follow the focus, so moving through the list explains each. */
	shown = c->focus > 0 ? c->focus - 1 :
	    app->ses.model.channel >= 0 ? app->ses.model.channel : CHANNEL_ONLINE;
	s = nextsteps_facts_heading(shown);
	ui_text(ui, y++, 1, ui->cols - 2, A_BOLD, s);
	free(s);
	draw_facts(app, ui, y, shown);
}

static enum request
channel_handle(struct app *app, enum request req, const struct key *k)
{
	struct channel_state *c = app->priv;
	int n = region_count();

	if (pager_scroll(&c->first, FACTS_MAX, req))
		return (REQ_NONE);
	if (screen_focus_move(&c->focus, AT_ECARD + 1, req)) {
		c->first = 0;	/* other facts: from their start */
		return (REQ_NONE);
	}
	if (c->focus == 0 && (req == REQ_LEFT || req == REQ_RIGHT)) {
		app->ses.model.region = (app->ses.model.region + (req == REQ_LEFT ? n - 1 : 1)) % n;
		c->first = 0;
		return (REQ_NONE);
	}
	/* Not a channel: the answer is on the screen; the channels are above it. */
	if (c->focus == AT_ECARD && (req == REQ_TOGGLE || req == REQ_ACTIVATE)) {
		app_say(app, 0, "%s", nextsteps_ecard(2));
		c->focus = 1;
		c->first = 0;
		return (REQ_NONE);
	}
	if (c->focus > 0 && (req == REQ_TOGGLE || req == REQ_ACTIVATE)) {
		app->ses.model.channel = c->focus - 1;
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

	if (app->ses.model.channel < 0) {
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
	.enter = channel_enter,
	.draw = channel_draw,
	.handle = channel_handle,
	.leave = channel_leave,
	.free = channel_free,
};
