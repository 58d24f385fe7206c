/* net.h -- sending outbox entries to the card service over HTTP(S) with libcurl. */
#ifndef SSCARD_NET_H
#define SSCARD_NET_H

#include <curl/curl.h>

#include "net/outbox.h"

struct config;

/* Replies larger than this are refused: a receipt fits in far less. */
#define NET_REPLY_MAX	(64 * 1024)

/* The [backend] settings, read once by net_open. */
struct net {
	char		*base_url;	/* without a trailing '/' */
	char		*token;		/* wiped at net_close; never shown */
	const char	*ca_bundle, *client_cert, *client_key, *proxy;
	const char	*app_part, *photo_part;
	const struct config *cfg;	/* for the [form] fields */
	long		 connect_timeout, timeout;	/* seconds */
	long		 retries;	/* more tries after the first, per run */
	long		 backoff, backoff_max;		/* milliseconds */
	long		 run_timeout;	/* seconds a run may wait for retries */
	long		 parallel;	/* transfers at once */
	int		 insecure;	/* 1: TLS certificates are not checked */
	CURLSH		*share;		/* connections, DNS, TLS sessions */
	CURLM		*multi;
};

/* How a run of sends is going; given to the progress callback. */
struct net_progress {
	int		 total;		/* entries in this run */
	int		 done;		/* sent, rejected or left queued */
	int		 sent;
	int		 rejected;
	int		 running;	/* transfers under way */
	long long	 up_now;	/* bytes sent by the running transfers */
	long long	 up_total;
	int		 attempt;	/* highest try number under way or waiting */
	long		 wait_ms;	/* > 0: the next retry starts in this long */
	const char	*retry_reason;	/* why the last try failed, or NULL */
};

/* What became of one entry in a run. */
struct net_result {
	char			*id;
	enum outbox_state	 state;
	char			*receipt;	/* sent */
	char			*reason;	/* rejected, or why it is still queued */
};

struct net_run {
	struct net_result	*v;
	size_t			 n;
	int			 cancelled;	/* the progress callback asked */
	char			*stopped;	/* a problem no retry can fix, or NULL */
};

/*
 * Reads [backend] (and the token file, refused if group or others can read
 * it).  Returns 0, or -1 with *cause; caller frees.  Close with net_close.
 */
int	net_open(struct net *, const struct config *, char **);
void	net_close(struct net *);
/*
 * Sends entries of the outbox: the n entries in ids, or when ids is NULL
 * every queued entry whose retry time has come.  Each entry is locked while
 * it is sent, so no two processes send it; its state is written after every
 * try.  progress (may be NULL) is called at most about ten times a second
 * and whenever something changes; returning non-zero cancels, and the
 * entries stay queued.  Returns 0 with run filled (free with
 * net_run_free), or -1 with *cause; caller frees.
 */
int	net_send(struct net *, const struct outbox *, char *const *, size_t,
	    int (*)(const struct net_progress *, void *), void *, struct net_run *,
	    char **);
void	net_run_free(struct net_run *);
/*
 * Asks the card service about an application by receipt.  Returns 0 with
 * *status (translated) and *message (the service's own words, may be "")
 * set, or -1 with *cause; caller frees all.
 */
int	net_status(struct net *, const char *, char **, char **, char **);

/*
 * The string `key` of a JSON reply of the card service, cleaned with
 * net_clean_text.  Returns it (caller frees), or NULL with *cause when the
 * reply is not JSON or has no such string.
 */
char	*net_reply_text(const char *, size_t, const char *, char **);
/*
 * A copy of text from the card service that is safe to show and store: control
 * characters become blanks, C1 controls and bidirectional overrides are
 * dropped, bytes that are not UTF-8 become '?', cut at 300 bytes.
 */
char	*net_clean_text(const char *);
/* 1 when s can be a receipt: at most 64 of A-Z a-z 0-9 - . _ :, not only dots. */
int	 net_receipt_ok(const char *);

#endif
