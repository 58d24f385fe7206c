/* submit.c -- the step between review and receipt: send the queued application. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>

#include "net/send.h"
#include "screens/screen.h"
#include "lib/xmalloc.h"

enum phase { SENDING, CANCELLED, REJECTED, NOT_SENT };

struct submit {
	enum phase		 phase;
	struct net_progress	 p;
	char			*retry_reason;	/* why the last try failed */
	char			*outcome;	/* why it was not sent */
	int			 cancelled;
	int			 focus;		/* 0 try again, 1 go on */
};

static int	on_progress(const struct net_progress *, void *);
static void	submit_run(struct app *);
static int	draw_progress(const struct submit *, struct ui *, int);

static int
on_progress(const struct net_progress *p, void *arg)
{
	struct app *app = arg;
	struct submit *s = app->priv;

	if (s->cancelled)
		return (1);
	s->p = *p;
	if (p->retry_reason != NULL && (s->retry_reason == NULL ||
	    strcmp(s->retry_reason, p->retry_reason) != 0)) {
		free(s->retry_reason);
		s->retry_reason = xstrdup(p->retry_reason);
	}
	/* net_send calls at most ten times a second: each call redraws. */
	s->cancelled = app_poll(app);
	return (s->cancelled);
}

/* Sends the queued application while the screen shows how it goes. */
static void
submit_run(struct app *app)
{
	struct submit *s = app->priv;

	s->phase = SENDING;
	switch (send_now(&app->send, &app->ses, on_progress, app, &s->outcome)) {
	case SEND_SENT:
		break;
	case SEND_CANCELLED:
		s->phase = CANCELLED;
		break;
	case SEND_REJECTED:
		s->phase = REJECTED;
		break;
	case SEND_NOT_SENT:
		s->phase = NOT_SENT;
		break;
	}
}

static void
submit_enter(struct app *app)
{
	struct submit *s = xcalloc(1, sizeof *s);

	s->focus = 1;
	app->priv = s;
	submit_run(app);
}

/* The bar, a percentage in words for screen readers, and the retry state. */
static int
draw_progress(const struct submit *s, struct ui *ui, int y)
{
	const struct net_progress *p = &s->p;
	int pct = p->up_total > 0 ? (int)(p->up_now * 100 / p->up_total) : 0;
	int w = ui->cols - 12, fill = w * pct / 100;
	char *bar, *t;

	bar = xmalloc((size_t)w + 3);
	bar[0] = '[';
	memset(bar + 1, '#', (size_t)fill);
	memset(bar + 1 + fill, '-', (size_t)(w - fill));
	bar[w + 1] = ']';
	bar[w + 2] = '\0';
	ui_text(ui, y, 1, w + 2, A_NORMAL, bar);
	free(bar);
	t = xasprintf("%3d%%", pct);
	ui_text(ui, y++, w + 4, 5, A_BOLD, t);
	free(t);
	/* TRANSLATORS: progress of the upload in kilobytes. */
	t = p->up_total > 0 ? xasprintf(_("Sent %lld of %lld KB."),
	    p->up_now / 1024, p->up_total / 1024) :
	    xstrdup(_("Connecting to the card service..."));
	y += ui_wrap(ui, y, 1, ui->cols - 2, 1, A_NORMAL, t);
	free(t);
	if (s->retry_reason != NULL) {
		t = p->wait_ms > 0 ? xasprintf(_("Try %d did not work (%s). "
		    "Trying again in %ld s."), p->attempt, s->retry_reason,
		    (p->wait_ms + 999) / 1000) : xasprintf(_("Try %d: the last "
		    "one did not work (%s)."), p->attempt, s->retry_reason);
		y += ui_wrap(ui, y, 1, ui->cols - 2, 3, A_NORMAL, t);
		free(t);
	}
	return (y);
}

static void
submit_draw(const struct app *app, struct ui *ui)
{
	const struct submit *s = app->priv;
	int y = UI_BODY_TOP, w = ui->cols - 2;
	char *t;

	if (s->phase == SENDING) {
		y += ui_wrap(ui, y, 1, w, -1, A_BOLD, send_sending_text());
		y = draw_progress(s, ui, y + 1) + 1;
		ui_wrap(ui, y, 1, w, -1, A_NORMAL, _("Esc stops sending. The "
		    "application stays queued on this computer and can be sent "
		    "later."));
		return;
	}
	if (s->phase == CANCELLED)
		y += ui_wrap(ui, y, 1, w, -1, A_BOLD, _("Sending was stopped. The "
		    "application stays queued on this computer."));
	else {
		t = send_outcome_text(s->phase == REJECTED ? SEND_REJECTED :
		    SEND_NOT_SENT, s->outcome);
		y += ui_wrap(ui, y, 1, w, -1, A_BOLD, t);
		free(t);
	}
	y++;
	y += ui_wrap(ui, y, 1, w, -1, A_NORMAL, _("It stays in the outbox; "
	    "\"sscard outbox flush\" sends it later. Nothing is lost."));
	y++;
	if (s->phase != REJECTED)
		ui_button(ui, y, 1, _("Try again"), s->focus == 0);
	ui_button(ui, y, 20, _("Go on"), s->focus == 1);
	ui_focus(ui, y, s->focus == 0 ? 1 : 20);
}

static enum request
submit_handle(struct app *app, enum request req, const struct key *k)
{
	struct submit *s = app->priv;

	if (s->phase != REJECTED && screen_focus_move(&s->focus, 2, req))
		return (REQ_NONE);
	if (req == REQ_ACTIVATE && s->focus == 0) {
		free(s->outcome);
		s->outcome = NULL;
		s->cancelled = 0;
		submit_run(app);
		return (app->ses.model.receipt != NULL ? REQ_NEXT : REQ_NONE);
	}
	return (req == REQ_ACTIVATE ? REQ_NEXT : req);
}

static void
submit_free(struct app *app)
{
	struct submit *s = app->priv;

	free(s->retry_reason);
	free(s->outcome);
	free(s);
}

const struct screen submit_screen = {
	.enter = submit_enter,
	.draw = submit_draw,
	.handle = submit_handle,
	.free = submit_free,
};
