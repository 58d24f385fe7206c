/* net.c -- send outbox entries with libcurl: retries that never file twice. */
#include "lib/system.h"

#include <errno.h>
#include <limits.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "lib/config.h"
#include "net/curl-load.h"
#include "lib/fsutil.h"
#include "lib/log.h"
#include "net/service.h"
#include "net/outbox.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

/* A reply as it arrives; larger than NET_REPLY_MAX is cut off and refused. */
struct reply {
	char	*data;
	size_t	 len;
	int	 too_big;
	char	 errbuf[CURL_ERROR_SIZE];
};

/* One entry on its way: locked from the first try until its outcome is written. */
struct xfer {
	struct net		*net;
	struct sendrun		*run;
	CURL			*easy;
	curl_mime		*mime;
	struct curl_slist	*headers;
	char			*id;
	int			 lockfd;
	struct outbox_parcel	 parcel;
	struct outbox_status	 st;
	struct reply		 reply;
	int			 tries;		/* in this run */
	long			 http;		/* the last reply's status, 0 none */
	int			 active;	/* in the multi handle */
	long long		 due;		/* waiting: start again at (ms) */
	long long		 up_now, up_total;
};

/* The state of one net_send call. */
struct sendrun {
	struct net		*net;
	const struct outbox	*ob;
	int			 (*fn)(const struct net_progress *, void *);
	void			*arg;
	struct net_progress	 p;
	long long		 last_report;	/* ms */
	struct xfer		**slots;
	int			 nslots;
	struct net_run		*out;
	char			*last_reason;
	long long		 deadline;	/* ms: no retry starts after this */
};

enum verdict { V_SENT, V_REJECTED, V_RETRY, V_STOP };

static long long now_ms(void);
static int	 read_token(struct net *, char **);
static int	 token_ok(const char *);
static CURL	*easy_new(struct net *, struct reply *, const char *);
static size_t	 on_write(char *, size_t, size_t, void *);
static int	 on_xferinfo(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);
static int	 report(struct sendrun *, int);
static int	 xfer_open(struct sendrun *, const char *, struct xfer **, char **);
static int	 xfer_arm(struct xfer *);
static void	 xfer_close(struct xfer *);
static int	 xfer_finish(struct xfer *, CURLcode);
static void	 xfer_outcome(struct xfer *, enum outbox_state, char *);
static enum verdict classify(struct xfer *, CURLcode, char **, long *);
static enum verdict classify_http(struct xfer *, long, char **);
static char	*reply_field(const struct reply *, const char *, char **);
static long	 backoff_ms(const struct net *, int);
static int	 run_loop(struct sendrun *, char *const *, size_t);
static void	 fill_slots(struct sendrun *, char *const *, size_t, size_t *);
static void	 slot_free(struct sendrun *, struct xfer *);
static int	 start_due(struct sendrun *, long long *);

static const struct {
	const char	*id;
	const char	*label;
} statuses[] = {
	/* In the official services' words where domain.md §4.9 gives them (制卡中, 银行网点签收). */
	{ "received", N_("received: waiting to be reviewed") },
	{ "reviewing", N_("being reviewed") },
	{ "approved", N_("approved: the new card is being made (制卡中)") },
	{ "rejected", N_("rejected by the review") },
	{ "card_ready", N_("the new card has reached the outlet: collect it (银行网点签收)") },
};

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* RFC 6750 b64token characters: nothing that could end a header line. */
static int
token_ok(const char *t)
{
	return (*t != '\0' && strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm"
	    "nopqrstuvwxyz0123456789-._~+/=") == strlen(t));
}

static int
read_token(struct net *n, char **cause)
{
	const char *file = config_str(n->cfg, "backend", "token_file", NULL);
	const char *tok = config_str(n->cfg, "backend", "token", NULL);
	struct stat sb;
	char *data = NULL;
	size_t len = 0;

	if (tok != NULL && *tok != '\0')
		n->token = xstrdup(tok);
	else if (file != NULL && *file != '\0') {
		if (stat(file, &sb) == 0 && (sb.st_mode & 077) != 0) {
			*cause = xasprintf(_("the token file %s can be read by "
			    "other users, so it is not used; make it private "
			    "with: chmod 600 %s"), file, file);
			return (-1);
		}
		if (fs_read_file(file, 4096, &data, &len, cause) != 0)
			return (-1);
		while (len > 0 && strchr(" \t\r\n", data[len - 1]) != NULL)
			data[--len] = '\0';
		n->token = data;
	} else
		return (0);
	if (!token_ok(n->token)) {
		*cause = xasprintf(_("the token in %s has characters a token "
		    "cannot have (a space or a line break?)"), file != NULL &&
		    (tok == NULL || *tok == '\0') ? file : "[backend] token");
		return (-1);
	}
	return (0);
}

int
net_open(struct net *n, const struct config *cfg, char **cause)
{
	const char *url = config_str(cfg, "backend", "base_url", "");
	size_t len;

	memset(n, 0, sizeof *n);
	n->cfg = cfg;
	if (config_long(cfg, "backend", "connect_timeout", 20, 1, 600,
	    &n->connect_timeout, cause) != 0 ||
	    config_long(cfg, "backend", "timeout", 300, 1, 86400, &n->timeout,
	    cause) != 0 ||
	    config_long(cfg, "backend", "retries", 5, 0, 100, &n->retries,
	    cause) != 0 ||
	    config_long(cfg, "backend", "backoff", 1000, 0, 3600000, &n->backoff,
	    cause) != 0 ||
	    config_long(cfg, "backend", "backoff_max", 60000, 0, 86400000,
	    &n->backoff_max, cause) != 0 ||
	    config_long(cfg, "backend", "parallel", 8, 1, 64, &n->parallel,
	    cause) != 0 ||
	    config_long(cfg, "backend", "run_timeout", 600, 0, 86400,
	    &n->run_timeout, cause) != 0 ||
	    config_bool(cfg, "backend", "insecure", 0, &n->insecure, cause) != 0)
		return (-1);
	if (strncmp(url, "https://", 8) != 0 &&
	    !(n->insecure && strncmp(url, "http://", 7) == 0)) {
		*cause = xasprintf(_("[backend] base_url must start with https:// "
		    "(http:// only with insecure = yes), not '%s'"), url);
		return (-1);
	}
	n->base_url = xstrdup(url);
	len = strlen(n->base_url);
	while (len > 0 && n->base_url[len - 1] == '/')
		n->base_url[--len] = '\0';
	n->ca_bundle = config_str(cfg, "backend", "ca_bundle", NULL);
	n->client_cert = config_str(cfg, "backend", "client_cert", NULL);
	n->client_key = config_str(cfg, "backend", "client_key", NULL);
	n->proxy = config_str(cfg, "backend", "proxy", NULL);
	n->app_part = config_str(cfg, "backend", "application_part", "application");
	n->photo_part = config_str(cfg, "backend", "photo_part", "photo");
	if (read_token(n, cause) != 0) {
		net_close(n);
		return (-1);
	}
	if (curl_load(cause) != 0) {
		net_close(n);
		return (-1);
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		fatal("curl_global_init failed");
	n->share = curl_share_init();
	curl_share_setopt(n->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
	curl_share_setopt(n->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
	curl_share_setopt(n->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
	n->multi = curl_multi_init();
	curl_multi_setopt(n->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
	curl_multi_setopt(n->multi, CURLMOPT_MAX_HOST_CONNECTIONS, n->parallel);
	return (0);
}

void
net_close(struct net *n)
{
	if (n->multi != NULL)
		curl_multi_cleanup(n->multi);
	if (n->share != NULL) {
		curl_share_cleanup(n->share);
		curl_global_cleanup();
	}
	free(n->base_url);
	wipe_str(n->token);
	memset(n, 0, sizeof *n);
}

static size_t
on_write(char *data, size_t size, size_t nmemb, void *arg)
{
	struct reply *r = arg;
	size_t len = size * nmemb;

	if (r->len + len > NET_REPLY_MAX) {
		r->too_big = 1;
		return (0);	/* curl stops with CURLE_WRITE_ERROR */
	}
	r->data = xreallocarray(r->data, 1, r->len + len + 1);
	memcpy(r->data + r->len, data, len);
	r->len += len;
	r->data[r->len] = '\0';
	return (len);
}

/* An easy handle with everything but the request body; curl never prints. */
static CURL *
easy_new(struct net *n, struct reply *r, const char *url)
{
	CURL *e;

	if ((e = curl_easy_init()) == NULL)
		fatal("curl_easy_init failed");
	curl_easy_setopt(e, CURLOPT_URL, url);
	curl_easy_setopt(e, CURLOPT_SHARE, n->share);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->errbuf);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	curl_easy_setopt(e, CURLOPT_USERAGENT, PACKAGE "/" PACKAGE_VERSION);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, n->connect_timeout);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, n->timeout);
	if (n->ca_bundle != NULL)
		curl_easy_setopt(e, CURLOPT_CAINFO, n->ca_bundle);
	if (n->client_cert != NULL)
		curl_easy_setopt(e, CURLOPT_SSLCERT, n->client_cert);
	if (n->client_key != NULL)
		curl_easy_setopt(e, CURLOPT_SSLKEY, n->client_key);
	if (n->proxy != NULL)
		curl_easy_setopt(e, CURLOPT_PROXY, n->proxy);
	if (n->insecure) {
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	if (n->token != NULL) {
		curl_easy_setopt(e, CURLOPT_HTTPAUTH, (long)CURLAUTH_BEARER);
		curl_easy_setopt(e, CURLOPT_XOAUTH2_BEARER, n->token);
	}
	return (e);
}

/* Calls the caller's callback: always when forced, else at most every 100 ms. */
static int
report(struct sendrun *rs, int force)
{
	long long now = now_ms(), up = 0, total = 0, due = 0;
	int i, attempt = 0, running = 0;
	struct xfer *x;

	if (rs->fn == NULL || (!force && now - rs->last_report < 100))
		return (rs->out->cancelled);
	rs->last_report = now;
	for (i = 0; i < rs->nslots; i++) {
		if ((x = rs->slots[i]) == NULL)
			continue;
		if (x->tries + 1 > attempt)
			attempt = x->tries + 1;
		if (x->active) {
			running++;
			up += x->up_now;
			total += x->up_total;
		} else if (due == 0 || x->due < due)
			due = x->due;
	}
	rs->p.running = running;
	rs->p.up_now = up;
	rs->p.up_total = total;
	rs->p.attempt = attempt;
	rs->p.wait_ms = running == 0 && due > now ? (long)(due - now) : 0;
	rs->p.retry_reason = rs->last_reason;
	if (rs->fn(&rs->p, rs->arg) != 0)
		rs->out->cancelled = 1;
	return (rs->out->cancelled);
}

static int
on_xferinfo(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
    curl_off_t ulnow)
{
	struct xfer *x = arg;

	x->up_now = ulnow;
	x->up_total = ultotal;
	return (report(x->run, 0));
}

/*
 * Locks entry id and reads what to send.  Returns 0 with *out, 1 when the
 * entry is not this process's to send (locked elsewhere, already sent), or
 * -1 with *cause.
 */
static int
xfer_open(struct sendrun *rs, const char *id, struct xfer **out, char **cause)
{
	struct xfer *x = xcalloc(1, sizeof *x);
	int rc;

	x->net = rs->net;
	x->run = rs;
	x->id = xstrdup(id);
	if ((rc = outbox_lock(rs->ob, id, &x->lockfd, cause)) != 0) {
		x->lockfd = -1;
		xfer_close(x);
		return (rc);
	}
	/* Read under the lock: another process may have just sent it. */
	if (outbox_status_read(rs->ob, id, &x->st, cause) != 0) {
		xfer_close(x);
		return (-1);
	}
	if (x->st.state != OUTBOX_QUEUED) {
		xfer_close(x);
		return (1);
	}
	if (outbox_parcel(rs->ob, id, &x->parcel, cause) != 0) {
		xfer_close(x);
		return (-1);
	}
	*out = x;
	return (0);
}

/* (Re)builds the request: the multipart body is made afresh for every try. */
static int
xfer_arm(struct xfer *x)
{
	struct net *n = x->net;
	const struct config *cfg = n->cfg;
	curl_mimepart *part;
	char *url, *h;
	size_t i;

	if (x->easy == NULL) {
		url = xasprintf("%s/applications", n->base_url);
		x->easy = easy_new(n, &x->reply, url);
		free(url);
		curl_easy_setopt(x->easy, CURLOPT_PRIVATE, x);
		curl_easy_setopt(x->easy, CURLOPT_NOPROGRESS, 0L);
		curl_easy_setopt(x->easy, CURLOPT_XFERINFOFUNCTION, on_xferinfo);
		curl_easy_setopt(x->easy, CURLOPT_XFERINFODATA, x);
		h = xasprintf("Idempotency-Key: %s", x->parcel.key);
		x->headers = curl_slist_append(NULL, h);
		free(h);
		/* No 100-continue round trip before every photo. */
		x->headers = curl_slist_append(x->headers, "Expect:");
		x->headers = curl_slist_append(x->headers, "Accept: application/json");
		curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, x->headers);
	}
	curl_mime_free(x->mime);
	x->mime = curl_mime_init(x->easy);
	part = curl_mime_addpart(x->mime);
	curl_mime_name(part, n->app_part);
	curl_mime_data(part, x->parcel.json, x->parcel.json_len);
	curl_mime_type(part, "application/json");
	if (x->parcel.photo_path != NULL) {	/* else photo_receipt stands for it */
		part = curl_mime_addpart(x->mime);
		curl_mime_name(part, n->photo_part);
		if (curl_mime_filedata(part, x->parcel.photo_path) != CURLE_OK)
			return (-1);
		curl_mime_filename(part, x->parcel.photo_name);
		curl_mime_type(part, x->parcel.photo_type);
	}
	for (i = 0; i < cfg->n; i++) {
		/* Only the value that wins, once per key. */
		if (strcmp(cfg->v[i].section, "form") != 0 ||
		    config_find(cfg, "form", cfg->v[i].key) != &cfg->v[i])
			continue;
		part = curl_mime_addpart(x->mime);
		curl_mime_name(part, cfg->v[i].key);
		curl_mime_data(part, cfg->v[i].value, CURL_ZERO_TERMINATED);
	}
	curl_easy_setopt(x->easy, CURLOPT_MIMEPOST, x->mime);
	free(x->reply.data);
	memset(&x->reply, 0, sizeof x->reply);
	x->up_now = x->up_total = 0;
	return (0);
}

static void
xfer_close(struct xfer *x)
{
	if (x->active)
		curl_multi_remove_handle(x->net->multi, x->easy);
	if (x->easy != NULL)
		curl_easy_cleanup(x->easy);
	curl_mime_free(x->mime);
	curl_slist_free_all(x->headers);
	free(x->reply.data);
	outbox_unlock(x->lockfd);
	outbox_parcel_free(&x->parcel);
	outbox_status_free(&x->st);
	free(x->id);
	free(x);
}

char *
net_clean_text(const char *s)
{
	const char *p = s;
	char *out = xmalloc(strlen(s) + 1);
	size_t len = 0, n;
	unsigned long c;

	/* At most 300 bytes, whole characters only. */
	while (*p != '\0') {
		if ((n = text_utf8_char(p, &c)) == 0) {
			/* Not UTF-8: never a raw byte >= 0x80 on the terminal. */
			if (len + 1 > 300)
				break;
			out[len++] = '?';
			p++;
			continue;
		}
		if (len + n > 300)
			break;
		if (c < 0x20 || c == 0x7f)
			out[len++] = ' ';
		else if (!text_unsafe_char(c)) {	/* C1, bidi: dropped */
			memcpy(out + len, p, n);
			len += n;
		}
		p += n;
	}
	out[len] = '\0';
	return (out);
}

/*
 * A receipt is shown and put in a URL: short, nothing but safe characters,
 * and never a path step ("." or "..": GET /applications/.. would ask for /).
 */
int
net_receipt_ok(const char *s)
{
	size_t len = strlen(s);

	return (len > 0 && len <= 64 && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-._:") == len &&
	    strspn(s, ".") != len);
}

char *
net_reply_text(const char *data, size_t len, const char *key, char **cause)
{
	json_error_t err;
	json_t *o;
	const char *s;
	char *out = NULL;

	if (len == 0) {
		*cause = xstrdup(_("the card service's reply was empty"));
		return (NULL);
	}
	o = json_loadb(data, len, 0, &err);
	s = json_string_value(json_object_get(o, key));
	if (o == NULL)
		*cause = xasprintf(_("the card service's reply could not be "
		    "read (%s)"), err.text);
	else if (s == NULL)
		*cause = xasprintf(_("the card service's reply has no '%s'"), key);
	else
		out = net_clean_text(s);
	json_decref(o);
	return (out);
}

static char *
reply_field(const struct reply *r, const char *key, char **cause)
{
	return (net_reply_text(r->data, r->len, key, cause));
}

static enum verdict
classify_http(struct xfer *x, long code, char **reason)
{
	char *why = NULL, *s;

	if (code == 200 || code == 201 || code == 409) {
		s = reply_field(&x->reply, "receipt", &why);
		if (s != NULL && !net_receipt_ok(s)) {
			why = xstrdup(_("the card service's reply has a receipt "
			    "sscard cannot use"));
			free(s);
			s = NULL;
		}
		if (s == NULL) {
			*reason = why;
			return (V_RETRY);
		}
		*reason = s;	/* the receipt */
		return (V_SENT);
	}
	if (code == 401 || code == 403) {
		*reason = xasprintf(_("the card service refused sscard's "
		    "credentials (HTTP %ld): check token or token_file in "
		    "[backend]"), code);
		return (V_STOP);
	}
	if (code == 408 || code == 429 || code >= 500) {
		*reason = xasprintf(code == 429 || code == 503 ? _("the card "
		    "service is busy (HTTP %ld)") : _("the card service had a "
		    "problem (HTTP %ld)"), code);
		return (V_RETRY);
	}
	if (code >= 400) {
		/* The service's own words if it gave any, else the status. */
		if ((s = reply_field(&x->reply, "reason", &why)) == NULL) {
			free(why);
			why = NULL;
			s = reply_field(&x->reply, "error", &why);
		}
		if (s == NULL)
			s = xasprintf(_("HTTP %ld"), code);
		free(why);
		*reason = s;
		return (V_REJECTED);
	}
	*reason = xasprintf(_("the card service gave an unexpected reply "
	    "(HTTP %ld)"), code);
	return (V_RETRY);
}

/* What a finished transfer means; *reason is the receipt when sent. */
static enum verdict
classify(struct xfer *x, CURLcode rc, char **reason, long *retry_after)
{
	curl_off_t ra = -1;
	long code = 0;

	*retry_after = -1;
	x->http = 0;
	if (rc == CURLE_WRITE_ERROR && x->reply.too_big) {
		*reason = xasprintf(_("the card service's reply was too large "
		    "(more than %d KB)"), NET_REPLY_MAX / 1024);
		return (V_RETRY);
	}
	switch (rc) {
	case CURLE_OK:
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_URL_MALFORMAT:
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_READ_ERROR:
		*reason = xasprintf(_("cannot send to %s: %s"), x->net->base_url,
		    x->reply.errbuf[0] != '\0' ? x->reply.errbuf :
		    curl_easy_strerror(rc));
		return (V_STOP);
	default:
		*reason = xasprintf(_("cannot reach the card service: %s"),
		    x->reply.errbuf[0] != '\0' ? x->reply.errbuf :
		    curl_easy_strerror(rc));
		return (V_RETRY);
	}
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	x->http = code;
	if ((code == 429 || code == 503) &&
	    curl_easy_getinfo(x->easy, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK &&
	    ra >= 0)
		*retry_after = ra > LONG_MAX / 1000 ? LONG_MAX / 1000 : (long)ra;
	return (classify_http(x, code, reason));
}

/* Exponential backoff with "equal jitter": half fixed, half random. */
static long
backoff_ms(const struct net *n, int tries)
{
	unsigned int r;
	long base = n->backoff;
	int i;

	for (i = 1; i < tries && base < n->backoff_max; i++)
		base *= 2;
	if (base > n->backoff_max)
		base = n->backoff_max;
	if (base < 2)
		return (base);
	fs_random(&r, sizeof r);
	return (base / 2 + (long)(r % (unsigned int)(base / 2 + 1)));
}

/* Records a final outcome of this run and lets the entry go. */
static void
xfer_outcome(struct xfer *x, enum outbox_state state, char *reason)
{
	struct sendrun *rs = x->run;
	struct net_run *out = rs->out;
	struct net_result *res;
	char *cause = NULL;

	out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
	res = &out->v[out->n++];
	memset(res, 0, sizeof *res);
	res->id = xstrdup(x->id);
	res->state = state;
	if (state == OUTBOX_SENT)
		res->receipt = reason;
	else
		res->reason = reason;
	if (outbox_status_write(rs->ob, x->id, &x->st, &cause) != 0) {
		/* Sent but not recorded: the next try gets 409 and the receipt. */
		free(res->reason);
		res->reason = cause;
		res->state = OUTBOX_QUEUED;
	} else if (state == OUTBOX_SENT && rs->ob->keep_sent_days == 0 &&
	    outbox_strip_sent(rs->ob, x->id, &cause) != 0)
		free(cause);	/* the next `outbox list` tries again */
	if (res->state == OUTBOX_SENT)
		log_event("sent %s after %d tries: receipt %s", x->id,
		    x->st.attempts, res->receipt);
	else if (res->state == OUTBOX_REJECTED)
		/* Its reason is the service's own words: a name or number may be in them. */
		log_event("rejected %s after %d tries: refused by the card service "
		    "(HTTP %ld)", x->id, x->st.attempts, x->http);
	else
		log_event("left queued %s after %d tries: %s", x->id,
		    x->st.attempts, res->reason);
	rs->p.done++;
	rs->p.sent += res->state == OUTBOX_SENT;
	rs->p.rejected += res->state == OUTBOX_REJECTED;
}

/* Returns 1 when the entry's outcome for this run is known, 0 when it waits to retry. */
static int
xfer_finish(struct xfer *x, CURLcode rc)
{
	struct sendrun *rs = x->run;
	enum verdict v;
	char *reason = NULL, *cause = NULL;
	long ra, wait;
	time_t now = time(NULL);

	v = classify(x, rc, &reason, &ra);
	x->tries++;
	x->st.attempts++;
	free(x->st.reason);
	x->st.reason = NULL;
	if (v == V_SENT) {
		x->st.state = OUTBOX_SENT;
		x->st.sent_at = (long long)now;
		free(x->st.receipt);
		x->st.receipt = xstrdup(reason);
		xfer_outcome(x, OUTBOX_SENT, reason);
		return (1);
	}
	x->st.reason = xstrdup(reason);
	if (v == V_REJECTED) {
		x->st.state = OUTBOX_REJECTED;
		xfer_outcome(x, OUTBOX_REJECTED, reason);
		return (1);
	}
	/*
	 * A Retry-After is honoured up to backoff_max: one busy reply must not
	 * hold a flush for a day.
	 */
	wait = ra >= 0 ? (ra * 1000 < x->net->backoff_max ? ra * 1000 :
	    x->net->backoff_max) : backoff_ms(x->net, x->tries);
	x->st.next_try = (long long)now + (wait + 999) / 1000;
	if (v == V_STOP && rs->out->stopped == NULL)
		rs->out->stopped = xstrdup(reason);
	/* A retry after the run's deadline is left to the next run. */
	if (v == V_STOP || x->tries > x->net->retries ||
	    now_ms() + wait > rs->deadline) {
		x->st.next_try = v == V_STOP ? 0 : x->st.next_try;
		xfer_outcome(x, OUTBOX_QUEUED, reason);
		return (1);
	}
	log_event("try %d of %s failed, again in %ld ms: %s", x->tries, x->id,
	    wait, reason);
	/* Wait and try again in this run; the state says so meanwhile. */
	if (outbox_status_write(rs->ob, x->id, &x->st, &cause) != 0)
		free(cause);
	free(rs->last_reason);
	rs->last_reason = reason;
	x->due = now_ms() + wait;
	return (0);
}

static void
slot_free(struct sendrun *rs, struct xfer *x)
{
	int i;

	for (i = 0; i < rs->nslots; i++)
		if (rs->slots[i] == x)
			rs->slots[i] = NULL;
	xfer_close(x);
}

static void
fill_slots(struct sendrun *rs, char *const *ids, size_t n, size_t *next)
{
	struct xfer *x;
	char *cause = NULL;
	int i, rc;

	for (i = 0; i < rs->nslots && *next < n && rs->out->stopped == NULL; i++) {
		if (rs->slots[i] != NULL)
			continue;
		rc = xfer_open(rs, ids[(*next)++], &x, &cause);
		if (rc != 0) {
			/* Busy elsewhere or done: not this run's. */
			rs->p.total--;
			if (rc < 0) {
				free(rs->last_reason);
				rs->last_reason = cause;
				cause = NULL;
			}
			i--;
			continue;
		}
		x->due = 0;
		rs->slots[i] = x;
	}
}

/*
 * Starts every slot whose time has come; a slot waiting for its retry sets
 * *wake (0: none waits).  Returns 1 while any slot is in use.
 */
static int
start_due(struct sendrun *rs, long long *wake)
{
	long long now = now_ms();
	struct xfer *x;
	int i, busy = 0;

	*wake = 0;
	for (i = 0; i < rs->nslots; i++) {
		if ((x = rs->slots[i]) == NULL || x->active)
			continue;
		busy = 1;
		if (rs->out->stopped != NULL) {
			xfer_outcome(x, OUTBOX_QUEUED, xstrdup(rs->out->stopped));
			slot_free(rs, x);
		} else if (x->due <= now) {
			if (xfer_arm(x) != 0) {
				xfer_outcome(x, OUTBOX_QUEUED, xasprintf(_("cannot "
				    "read %s"), x->parcel.photo_path));
				slot_free(rs, x);
				continue;
			}
			curl_multi_add_handle(rs->net->multi, x->easy);
			x->active = 1;
		} else if (*wake == 0 || x->due < *wake)
			*wake = x->due;
	}
	for (i = 0; i < rs->nslots; i++)
		busy |= rs->slots[i] != NULL;
	return (busy);
}

/* The multi loop: start what is due, collect what finished, report, repeat. */
static int
run_loop(struct sendrun *rs, char *const *ids, size_t n)
{
	CURLM *m = rs->net->multi;
	CURLMsg *msg;
	struct xfer *x;
	size_t next = 0;
	long long now, wake;
	int left, busy = 1, still, finished;

	while (busy) {
		fill_slots(rs, ids, n, &next);
		busy = start_due(rs, &wake);
		if (report(rs, 0))
			return (-1);
		curl_multi_perform(m, &still);
		finished = 0;
		while ((msg = curl_multi_info_read(m, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &x);
			curl_multi_remove_handle(m, x->easy);
			x->active = 0;
			finished++;
			if (rs->out->cancelled)
				continue;
			if (xfer_finish(x, msg->data.result))
				slot_free(rs, x);
			report(rs, 1);
		}
		if (rs->out->cancelled)
			return (-1);
		/* Wait only when nothing can start now: a freed slot can. */
		now = now_ms();
		if (finished == 0 && still > 0)
			curl_multi_poll(m, NULL, 0, 100, NULL);
		else if (finished == 0 && wake > now)
			curl_multi_poll(m, NULL, 0, (int)(wake - now > 100 ? 100 :
			    wake - now), NULL);
		busy = busy || (next < n && rs->out->stopped == NULL);
	}
	return (0);
}

int
net_send(struct net *n, const struct outbox *ob, char *const *ids, size_t nids,
    int (*fn)(const struct net_progress *, void *), void *arg,
    struct net_run *out, char **cause)
{
	struct sendrun rs;
	struct outbox_entry *v = NULL;
	char **due = NULL;
	size_t nv = 0, i;
	time_t now = time(NULL);
	int j;

	memset(out, 0, sizeof *out);
	if (ids == NULL) {
		if (outbox_list(ob, &v, &nv, cause) != 0)
			return (-1);
		due = xcalloc(nv + 1, sizeof *due);
		for (i = 0, nids = 0; i < nv; i++)
			if (v[i].damaged == NULL &&
			    v[i].status.state == OUTBOX_QUEUED &&
			    v[i].status.next_try <= (long long)now)
				due[nids++] = v[i].id;
		ids = due;
	}
	memset(&rs, 0, sizeof rs);
	rs.net = n;
	rs.ob = ob;
	rs.fn = fn;
	rs.arg = arg;
	rs.out = out;
	rs.p.total = (int)nids;
	rs.deadline = now_ms() + n->run_timeout * 1000;
	rs.nslots = (int)n->parallel;
	rs.slots = xcalloc((size_t)rs.nslots, sizeof *rs.slots);
	report(&rs, 1);
	run_loop(&rs, ids, nids);
	/* Cancelled: whatever is under way stays queued, untouched. */
	for (j = 0; j < rs.nslots; j++)
		if (rs.slots[j] != NULL)
			slot_free(&rs, rs.slots[j]);
	report(&rs, 1);
	free(rs.slots);
	free(rs.last_reason);
	free(due);
	outbox_list_free(v, nv);
	return (0);
}

void
net_run_free(struct net_run *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].id);
		free(r->v[i].receipt);
		free(r->v[i].reason);
	}
	free(r->v);
	free(r->stopped);
	memset(r, 0, sizeof *r);
}

int
net_status(struct net *n, const char *receipt, char **status, char **message,
    char **cause)
{
	struct reply r;
	CURL *e;
	CURLcode rc;
	char *url, *st, *why = NULL;
	long code = 0;
	size_t i;

	if (!net_receipt_ok(receipt)) {
		*cause = xstrdup(_("a receipt has at most 64 letters, digits and "
		    "the marks - . _ :"));
		return (-1);
	}
	memset(&r, 0, sizeof r);
	url = xasprintf("%s/applications/%s", n->base_url, receipt);
	e = easy_new(n, &r, url);
	free(url);
	rc = curl_easy_perform(e);
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_cleanup(e);
	st = NULL;
	if (rc != CURLE_OK)
		*cause = xasprintf(_("cannot reach the card service: %s"),
		    r.too_big ? _("the reply was too large") : r.errbuf[0] != '\0' ?
		    r.errbuf : curl_easy_strerror(rc));
	else if (code == 404)
		*cause = xasprintf(_("the card service knows no application with "
		    "receipt %s"), receipt);
	else if (code != 200)
		*cause = xasprintf(_("the card service could not answer (HTTP %ld)"),
		    code);
	else if ((st = reply_field(&r, "status", &why)) == NULL)
		*cause = why;
	if (st == NULL) {
		free(r.data);
		return (-1);
	}
	for (i = 0; i < nitems(statuses); i++)
		if (strcmp(st, statuses[i].id) == 0)
			break;
	*status = i < nitems(statuses) ? xstrdup(_(statuses[i].label)) :
	    xasprintf(_("unknown (%s)"), st);
	/* Only a status sscard knows: the reply's words are not logged. */
	log_event("status of %s: %s", receipt, i < nitems(statuses) ?
	    statuses[i].id : "unknown");
	free(st);
	if ((*message = reply_field(&r, "message", &why)) == NULL) {
		free(why);
		*message = xstrdup("");
	}
	free(r.data);
	return (0);
}
