/*
 * send.h -- the application and the card service, the same under both front
 * ends: queued in the outbox at consent, sent now with progress, and the
 * words for how it went.  The front end only draws.
 */
#ifndef SSCARD_NET_SEND_H
#define SSCARD_NET_SEND_H

#include "model/session.h"
#include "net/outbox.h"
#include "net/service.h"

/* What one citizen's sending holds beside the session. */
struct send {
	struct outbox	 outbox;	/* opened when the application is first queued */
};

enum send_outcome {
	SEND_SENT,		/* the service gave a receipt: s->model.receipt */
	SEND_CANCELLED,		/* stopped by the citizen or a signal; still queued */
	SEND_REJECTED,		/* the service said no; kept in the outbox */
	SEND_NOT_SENT,		/* not yet: no connection, a busy service, another sscard */
};

/* Told of progress at most ten times a second; non-zero stops sending. */
typedef int	(*send_progress_fn)(const struct net_progress *, void *);

/*
 * session_start, and the sweep of the outbox's personal files kept past
 * [outbox] keep_sent_days: 0, or -1 with *cause; caller frees.
 */
int	send_start(struct send *, struct session *, char **);
/*
 * flow_consent, then, with a card service, the application queued (once):
 * 0, or -1 with *cause (then not consented, nothing queued); caller frees.
 */
int	send_consent(struct send *, struct session *, char **);
/*
 * Sends the queued application now.  Returns what became of it; but for
 * SEND_SENT and SEND_CANCELLED, *why says why (caller frees).
 */
enum send_outcome	send_now(struct send *, struct session *, send_progress_fn, void *,
			    char **);
/* "Sending your application to the card service...", while it is sent. */
const char	*send_sending_text(void);
/* The sentence for REJECTED or NOT_SENT with its reason; caller frees. */
char	*send_outcome_text(enum send_outcome, const char *);
/* The outbox folder the application waits in, or NULL when none was opened. */
const char	*send_queue_dir(const struct send *);
void	send_free(struct send *);

#endif
