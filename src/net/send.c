/* send.c -- queue at consent, send now, say how it went: for both front ends. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "model/flow.h"
#include "net/send.h"

static int	queue(struct send *, struct session *, char **);

int
send_start(struct send *sd, struct session *s, char **cause)
{
	memset(sd, 0, sizeof *sd);
	/* What a crash (SIGKILL, power cut) left holds personal data: sweep it. */
	outbox_sweep(s->cfg);
	return (session_start(s, cause));
}

/*
 * One outbox, whatever the mode: what a kiosk queues is what `sscard outbox
 * list` shows and `flush` sends ([outbox] dir, which a service point sets
 * beside kit_dir).  A queue of its own would never be sent.
 */
static int
queue(struct send *sd, struct session *s, char **cause)
{
	char *id = NULL;

	if (sd->outbox.dir == NULL && outbox_open(&sd->outbox, s->cfg, cause) != 0)
		return (-1);
	if (outbox_queue(&sd->outbox, &s->model, &id, cause) != 0)
		return (-1);
	free(s->model.outbox_id);
	s->model.outbox_id = id;
	return (0);
}

int
send_consent(struct send *sd, struct session *s, char **cause)
{
	int before = s->model.consent;

	if (flow_consent(s, cause) != 0)
		return (-1);
	if (!session_sends(s) || s->model.outbox_id != NULL)
		return (0);
	if (queue(sd, s, cause) != 0) {
		s->model.consent = before;
		return (-1);
	}
	return (0);
}

enum send_outcome
send_now(struct send *sd, struct session *s, send_progress_fn fn, void *arg, char **why)
{
	struct net net;
	struct net_run run;
	char *id = s->model.outbox_id;
	enum send_outcome o;

	*why = NULL;
	if (net_open(&net, s->cfg, why) != 0)
		return (SEND_NOT_SENT);
	if (net_send(&net, &sd->outbox, &id, 1, fn, arg, &run, why) != 0) {
		net_close(&net);
		return (SEND_NOT_SENT);
	}
	if (run.cancelled)
		o = SEND_CANCELLED;
	else if (run.n == 1 && run.v[0].state == OUTBOX_SENT) {
		o = SEND_SENT;
		free(s->model.receipt);
		s->model.receipt = xstrdup(run.v[0].receipt);
	} else {
		o = run.n == 1 && run.v[0].state == OUTBOX_REJECTED ? SEND_REJECTED :
		    SEND_NOT_SENT;
		*why = xstrdup(run.stopped != NULL ? run.stopped : run.n == 1 &&
		    run.v[0].reason != NULL ? run.v[0].reason :
		    _("another sscard is sending it"));
	}
	net_run_free(&run);
	net_close(&net);
	return (o);
}

char *
send_outcome_text(enum send_outcome o, const char *why)
{
	return (xasprintf(o == SEND_REJECTED ? _("The card service rejected the "
	    "application: %s") : _("The application could not be sent yet: %s"),
	    why != NULL ? why : "?"));
}

const char *
send_sending_text(void)
{
	return (_("Sending your application to the card service..."));
}

const char *
send_queue_dir(const struct send *sd)
{
	return (sd->outbox.dir);
}

void
send_free(struct send *sd)
{
	outbox_close(&sd->outbox);
}
