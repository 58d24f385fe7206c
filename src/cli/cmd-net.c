/* cmd-net.c -- sscard submit, outbox list|flush, status: the outbox from the command line. */
#include "lib/system.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cmd-net.h"
#include "lib/text.h"
#include "lib/config.h"
#include "lib/exitcode.h"
#include "model/backend.h"
#include "lib/fsutil.h"
#include "lib/i18n.h"
#include "model/idnum.h"
#include "lib/log.h"
#include "model/application-json.h"
#include "model/application.h"
#include "net/service.h"
#include "net/outbox.h"
#include "model/person.h"
#include "photo/check.h"
#include "photo/profile.h"
#include "model/region.h"
#include "lib/xmalloc.h"

/* An answers file is a few hundred bytes; anything this large is not one. */
#define ANSWERS_MAX	(64 * 1024)

static int	 say_error(const char *, char *);
static void	 warn_insecure(const struct config *);
static int	 answers_read(const char *, struct application *, char **);
static int	 answers_decode(const char *, size_t, struct application *, char **);
static int	 answers_person(struct application *, char **);
static int	 answers_photo(const struct application *, const char *,
		    const struct config *, char **);
static int	 progress_line(const struct net_progress *, void *);
static int	 send_ids(const struct config *, const struct outbox *, char *const *,
		    size_t, int);
static void	 list_row(const char *, const char *, const char *, const char *,
		    const char *, const char *);
static size_t	 say_damaged(const struct outbox_entry *, size_t);
static int	 flush_leftovers(const struct outbox *, int);
static int	 outbox_do_list(const struct outbox *);
static int	 outbox_do_flush(const struct config *, const struct outbox *, int);

/* What an answers file must give; the materials and the language may be left out. */
#define ANSWERS_REQUIRED	(AJ_CHANNEL | AJ_NAME | AJ_ID_NUMBER | AJ_PHONE | \
				 AJ_REGION | AJ_PHOTO_PATH)

/* Prints "sscard: cause", frees it, and returns EXIT_FAILED. */
static int
say_error(const char *what, char *cause)
{
	if (what != NULL)
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, what, cause);
	else
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
	free(cause);
	return (EXIT_FAILED);
}

static void
warn_insecure(const struct config *cfg)
{
	if (backend_insecure(cfg))
		fprintf(stderr, "%s: %s\n", PACKAGE, _("WARNING: insecure = yes: "
		    "the card service's certificate is NOT checked; personal data "
		    "may go to an impostor."));
}

static int
answers_read(const char *path, struct application *a, char **cause)
{
	char *data = NULL;
	size_t len = 0;
	int rc;

	if (fs_read_file(path, ANSWERS_MAX, &data, &len, cause) != 0)
		return (-1);
	rc = answers_decode(data, len, a, cause);
	wipe_free(data, len);
	return (rc);
}

/*
 * The answers into a, through the application's codec (nothing but its
 * keys); a language they name is the messages' from then on.
 */
static int
answers_decode(const char *data, size_t len, struct application *a,
    char **cause)
{
	json_t *o;
	int rc;

	if (application_json_parse(data, len, &o, cause) != 0)
		return (-1);
	/* The language first: the messages about the rest are in it. */
	snprintf(a->lang, sizeof a->lang, "%s", i18n_current());
	rc = application_json_decode(o, AJ_LANGUAGE, 0, a, NULL, cause);
	if (rc == 0 && strcmp(a->lang, i18n_current()) != 0)
		i18n_set(a->lang);	/* known: the codec checked it */
	if (rc == 0)
		rc = application_json_decode(o, AJ_ANSWERS | AJ_ONLY_KNOWN,
		    ANSWERS_REQUIRED, a, NULL, cause);
	json_decref(o);
	return (rc);
}

int
cmd_answers_check(const char *data, size_t len, struct application *a,
    char **cause)
{
	if (answers_decode(data, len, a, cause) != 0)
		return (-1);
	return (answers_person(a, cause));
}

/* person_check, with the ID number never printed in full. */
static int
answers_person(struct application *a, char **cause)
{
	enum person_field field;
	char *upgraded = NULL, masked[19];
	time_t now = time(NULL);
	struct tm today;

	localtime_r(&now, &today);
	if (person_check(a, &today, 1, &field, cause, &upgraded) == 0)
		return (0);
	if (upgraded != NULL) {
		free(*cause);
		idnum_mask(upgraded, masked);
		*cause = xasprintf(_("'id_number' is an old 15-digit number; give "
		    "its 18-digit form (%s) instead"), masked);
		wipe_str(upgraded);
	}
	return (-1);
}

/*
 * The photo must pass the same check as `sscard check`, against --profile,
 * else [photo] profile, else the region's profile.
 */
static int
answers_photo(const struct application *a, const char *name,
    const struct config *cfg, char **cause)
{
	struct photo_profile *pr;
	char *why = NULL;
	int rc;

	if (name == NULL && config_str(cfg, "photo", "profile", NULL) == NULL)
		name = region_at(a->region)->profile;
	if ((pr = profile_load(cfg, name, cause)) == NULL)
		return (-1);
	rc = photo_verdict(a->photo_path, pr, cfg, &why);
	if (rc > 0) {
		/* TRANSLATORS: photo profile name, then why the photo fails. */
		*cause = xasprintf(_("photo profile %s: %s"), pr->name, why);
		free(why);
	} else if (rc < 0)
		*cause = why;
	profile_free(pr);
	return (rc == 0 ? 0 : -1);
}

/* One line on stderr, rewritten in place; only on a terminal. */
static int
progress_line(const struct net_progress *p, void *arg)
{
	long long pct = p->up_total > 0 ? p->up_now * 100 / p->up_total : 0;

	if (p->total > 1)
		pct = (long long)p->done * 100 / p->total;
	fputc('\r', stderr);	/* back to the start of the line, outside the message */
	fprintf(stderr, _("Sending: %d of %d done (%lld%%), %d sent, %d "
	    "rejected"), p->done, p->total, pct, p->sent, p->rejected);
	if (p->wait_ms > 0)
		fprintf(stderr, _("; try %d in %ld s"), p->attempt + 1,
		    (p->wait_ms + 999) / 1000);
	fputs("\033[K", stderr);
	return (0);
}

/* Sends and prints what became of each entry; EXIT_FINISHED when all were sent. */
static int
send_ids(const struct config *cfg, const struct outbox *ob, char *const *ids,
    size_t n, int all_due)
{
	struct net net;
	struct net_run run;
	char *cause = NULL;
	int tty = isatty(STDERR_FILENO), status = EXIT_FINISHED;
	size_t i;

	if (net_open(&net, cfg, &cause) != 0)
		return (say_error(NULL, cause));
	warn_insecure(cfg);
	if (net_send(&net, ob, all_due ? NULL : ids, n, tty ? progress_line :
	    NULL, NULL, &run, &cause) != 0) {
		net_close(&net);
		return (say_error(NULL, cause));
	}
	if (tty)
		fputc('\n', stderr);
	for (i = 0; i < run.n; i++) {
		if (run.v[i].state == OUTBOX_SENT)
			printf(_("%s: sent; receipt %s\n"), run.v[i].id,
			    run.v[i].receipt);
		else {
			printf(_("%s: %s: %s\n"), run.v[i].id,
			    outbox_state_label(run.v[i].state), run.v[i].reason);
			status = EXIT_FAILED;
		}
	}
	if (run.stopped != NULL) {
		fprintf(stderr, "%s: %s\n", PACKAGE, run.stopped);
		status = EXIT_FAILED;
	}
	if (status != EXIT_FINISHED)
		printf("%s\n", _("Entries not sent stay in the outbox; send them "
		    "later with: sscard outbox flush"));
	net_run_free(&run);
	net_close(&net);
	return (status);
}

int
cmd_submit(int argc, char **argv, struct config *cfg)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct application a;
	struct outbox ob = { NULL, 0 };
	const char *profile = NULL;
	char *cause = NULL, *id = NULL, masked[19];
	int c, status;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'p') {
			fprintf(stderr, _("Usage: %s submit [--profile NAME] "
			    "ANSWERS.json\n"), PACKAGE);
			return (EXIT_USAGE);
		}
		profile = optarg;
	}
	if (optind != argc - 1) {
		fprintf(stderr, _("Usage: %s submit [--profile NAME] ANSWERS.json\n"),
		    PACKAGE);
		return (EXIT_USAGE);
	}
	application_init(&a);
	if (answers_read(argv[optind], &a, &cause) != 0 ||
	    answers_person(&a, &cause) != 0 ||
	    answers_photo(&a, profile, cfg, &cause) != 0) {
		application_clear(&a);
		log_event("submit %s: refused, nothing queued", argv[optind]);
		fprintf(stderr, _("%s: nothing was queued.\n"), PACKAGE);
		return (say_error(argv[optind], cause));
	}
	a.consent = 1;	/* the service point took it on paper */
	if (outbox_open(&ob, cfg, &cause) != 0 ||
	    outbox_queue(&ob, &a, &id, &cause) != 0) {
		application_clear(&a);
		outbox_close(&ob);
		return (say_error(NULL, cause));
	}
	idnum_mask(a.id_number, masked);
	application_clear(&a);
	log_event("submit: queued %s (ID number %s) in %s", id, masked, ob.dir);
	printf(_("Queued in the outbox as %s\n"), id);
	if (backend_configured(cfg))
		status = send_ids(cfg, &ob, &id, 1, 0);
	else {
		printf("%s\n", _("Queued, not yet sent: no card service is "
		    "configured ([backend] base_url)."));
		status = EXIT_FINISHED;
	}
	free(id);
	outbox_close(&ob);
	return (status);
}

/* The widest of the heading and every channel's name in this language. */
static int
channel_width(void)
{
	int i, w = text_width(_("CHANNEL"));

	for (i = 0; i < CHANNEL_COUNT; i++)
		if (text_width(channel_name(i)) > w)
			w = text_width(channel_name(i));
	return (w);
}

/* The widest of the heading and every state's label in this language. */
static int
state_width(void)
{
	static const enum outbox_state states[] = { OUTBOX_QUEUED, OUTBOX_SENT,
	    OUTBOX_REJECTED };
	int w = text_width(_("STATE"));
	size_t i;

	for (i = 0; i < nitems(states); i++)
		if (text_width(outbox_state_label(states[i])) > w)
			w = text_width(outbox_state_label(states[i]));
	if (text_width(_("damaged")) > w)
		w = text_width(_("damaged"));
	return (w);
}

/* One row of `outbox list`, padded by display width so CJK headings line up. */
static void
list_row(const char *id, const char *created, const char *channel,
    const char *idnum, const char *state, const char *receipt)
{
	const char *cells[] = { id, created, channel, idnum, state };
	const int widths[] = { 17, 20, channel_width(), 18, state_width() };
	size_t i;

	for (i = 0; i < nitems(cells); i++) {
		text_cell(stdout, cells[i], widths[i]);
		fputs("  ", stdout);
	}
	printf("%s\n", receipt);
}

/* Prints the damaged entries of v on stderr; returns how many there are. */
static size_t
say_damaged(const struct outbox_entry *v, size_t n)
{
	size_t i, bad = 0;

	for (i = 0; i < n; i++)
		if (v[i].damaged != NULL) {
			fprintf(stderr, _("%s: %s: damaged, not sent: %s\n"),
			    PACKAGE, v[i].id, v[i].damaged);
			log_event("outbox: %s is damaged: %s", v[i].id, v[i].damaged);
			bad++;
		}
	return (bad);
}

static int
outbox_do_list(const struct outbox *ob)
{
	struct outbox_entry *v;
	char *cause = NULL;
	size_t n, i;
	int status;

	if (outbox_list(ob, &v, &n, &cause) != 0)
		return (say_error(NULL, cause));
	/* TRANSLATORS: column headings of `sscard outbox list`. */
	list_row(_("ID"), _("CREATED"), _("CHANNEL"), _("ID NUMBER"), _("STATE"),
	    _("RECEIPT"));
	for (i = 0; i < n; i++) {
		if (v[i].damaged != NULL) {
			list_row(v[i].id, "-", "-", "-", _("damaged"), "-");
			printf("    %s\n", v[i].damaged);
			continue;
		}
		list_row(v[i].id, v[i].created, channel_from_id(v[i].channel) < 0 ?
		    v[i].channel : channel_name(channel_from_id(v[i].channel)), v[i].id_masked,
		    outbox_state_label(v[i].status.state),
		    v[i].status.receipt != NULL ? v[i].status.receipt : "-");
		if (v[i].status.state != OUTBOX_SENT && v[i].status.reason != NULL)
			printf("    %s\n", v[i].status.reason);
	}
	status = say_damaged(v, n) > 0 ? EXIT_FAILED : EXIT_FINISHED;
	outbox_list_free(v, n);
	return (status);
}

/*
 * After a flush: damaged entries and entries still queued (not yet due, or
 * left for later) make the exit status non-zero, and the citizen is told.
 * An entry that another process is sending, or sent after the list was
 * read, is not this flush's to count (outbox_left_queued).
 */
static int
flush_leftovers(const struct outbox *ob, int status)
{
	struct outbox_entry *v;
	char *cause = NULL;
	size_t n, i, queued = 0;

	if (outbox_list(ob, &v, &n, &cause) != 0)
		return (say_error(NULL, cause));
	for (i = 0; i < n; i++)
		if (v[i].damaged == NULL && v[i].status.state == OUTBOX_QUEUED &&
		    outbox_left_queued(ob, v[i].id, &cause) != 0) {
			queued++;	/* also when it cannot be told, with why */
			if (cause != NULL)
				fprintf(stderr, "%s: %s\n", PACKAGE, cause);
			free(cause);
			cause = NULL;
		}
	if (say_damaged(v, n) > 0)
		status = EXIT_FAILED;
	if (queued > 0) {
		/* TRANSLATORS: %zu is a count of applications. */
		fprintf(stderr, _("%s: still queued, not sent: %zu; see: sscard "
		    "outbox list\n"), PACKAGE, queued);
		status = EXIT_FAILED;
	}
	outbox_list_free(v, n);
	return (status);
}

static int
outbox_do_flush(const struct config *cfg, const struct outbox *ob, int all)
{
	struct outbox_entry *v;
	char *cause = NULL, **ids;
	size_t n, i, k = 0;
	int status;

	if (!backend_configured(cfg)) {
		fprintf(stderr, "%s: %s\n", PACKAGE, _("no card service is "
		    "configured ([backend] base_url): the applications stay "
		    "queued"));
		return (EXIT_FAILED);
	}
	if (!all)
		return (flush_leftovers(ob, send_ids(cfg, ob, NULL, 0, 1)));
	/* --all: every queued entry, even one whose retry time has not come. */
	if (outbox_list(ob, &v, &n, &cause) != 0)
		return (say_error(NULL, cause));
	ids = xcalloc(n + 1, sizeof *ids);
	for (i = 0; i < n; i++)
		if (v[i].damaged == NULL && v[i].status.state == OUTBOX_QUEUED)
			ids[k++] = v[i].id;
	status = send_ids(cfg, ob, ids, k, 0);
	free(ids);
	outbox_list_free(v, n);
	return (flush_leftovers(ob, status));
}

int
cmd_outbox(int argc, char **argv, struct config *cfg)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct outbox ob;
	char *cause = NULL;
	int c, all = 0, status;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'a')
			goto usage;
		all = 1;
	}
	if (optind != argc - 1 || (strcmp(argv[optind], "list") != 0 &&
	    strcmp(argv[optind], "flush") != 0) ||
	    (all && strcmp(argv[optind], "flush") != 0))
		goto usage;
	if (outbox_open(&ob, cfg, &cause) != 0)
		return (say_error(NULL, cause));
	if (strcmp(argv[optind], "list") == 0)
		status = outbox_do_list(&ob);
	else
		status = outbox_do_flush(cfg, &ob, all);
	outbox_close(&ob);
	return (status);
usage:
	fprintf(stderr, _("Usage: %s outbox list\n"
	    "       %s outbox flush [--all]\n"), PACKAGE, PACKAGE);
	return (EXIT_USAGE);
}

int
cmd_status(int argc, char **argv, struct config *cfg)
{
	struct net net;
	char *cause = NULL, *status = NULL, *message = NULL;

	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, _("Usage: %s status RECEIPT\n"), PACKAGE);
		return (EXIT_USAGE);
	}
	if (!backend_configured(cfg)) {
		fprintf(stderr, "%s: %s\n", PACKAGE, _("no card service is "
		    "configured ([backend] base_url)"));
		return (EXIT_FAILED);
	}
	if (net_open(&net, cfg, &cause) != 0)
		return (say_error(NULL, cause));
	warn_insecure(cfg);
	if (net_status(&net, argv[1], &status, &message, &cause) != 0) {
		net_close(&net);
		return (say_error(NULL, cause));
	}
	printf(_("Application %s: %s\n"), argv[1], status);
	if (*message != '\0')
		printf("%s\n", message);
	free(status);
	free(message);
	net_close(&net);
	return (EXIT_FINISHED);
}
