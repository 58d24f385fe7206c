/* outbox.h -- every application is stored here first, so nothing is ever lost. */
#ifndef SSCARD_OUTBOX_H
#define SSCARD_OUTBOX_H

#include <stddef.h>

#include "model/checked.h"

struct application;
struct config;

struct outbox {
	char	*dir;	/* .../sscard/outbox */
	long	 keep_sent_days;	/* [outbox] keep_sent_days: personal files kept after sending */
};

/* The outbox takes what the checked photo allows (model/checked.h). */
#define OUTBOX_PHOTO_MAX	CHECKED_PHOTO_MAX

/*
 * Finds the outbox ([outbox] dir, else $XDG_DATA_HOME/sscard/outbox, else
 * ~/.local/share/sscard/outbox) and creates it 0700.  Returns 0, or -1 with
 * *cause; caller frees.
 */
int	outbox_open(struct outbox *, const struct config *, char **);
void	outbox_close(struct outbox *);
/*
 * Wipes the entries a crash left half-built (<dir>/.new-PID-ID of a process
 * that no longer runs), without creating the outbox.  outbox_open does it too.
 */
void	outbox_sweep(const struct config *);
/*
 * Stores the application and a copy of its photo as one new entry
 * <dir>/<id>/{application.json,photo.jpg}: files 0600, folders 0700, each
 * written atomically, the entry renamed into place whole.  Returns 0 with
 * *id set (caller frees), or -1 with *cause.
 */
int	outbox_queue(const struct outbox *, const struct application *, char **, char **);

enum outbox_state { OUTBOX_QUEUED, OUTBOX_SENT, OUTBOX_REJECTED };

/*
 * What became of an entry, kept in <id>/state.json beside the application
 * (written atomically; absent means queued and never tried).
 */
struct outbox_status {
	enum outbox_state	 state;
	char			*receipt;	/* sent: the card service's receipt */
	char			*reason;	/* rejected, or why the last try failed */
	int			 attempts;	/* tries so far, over all runs */
	long long		 next_try;	/* queued: not before (seconds since 1970) */
	long long		 sent_at;	/* sent: when (seconds since 1970), 0 unknown */
	char			*created;	/* a stub keeps the entry's date here */
	int			 stub;		/* 1: the personal files are removed */
};

/*
 * One line of `sscard outbox list`: nothing personal except a masked ID
 * number ("-" for a stub).  A damaged entry has damaged set (why, without
 * the file's contents) and its other fields empty.
 */
struct outbox_entry {
	char			*id;
	char			*created;
	char			*channel;
	char			 id_masked[19];
	struct outbox_status	 status;
	char			*damaged;
};

/* What is sent for one entry; outbox_parcel fills it. */
struct outbox_parcel {
	char		*json;		/* application.json as stored */
	size_t		 json_len;
	char		*photo_path;	/* the entry's own copy; NULL: no photo, a
					   studio's receipt number stands for it */
	const char	*photo_type;	/* "image/jpeg" or "image/png" */
	const char	*photo_name;	/* "photo.jpg" or "photo.png" */
	char		*key;		/* the idempotency key */
};

/* "queued", "sent", "rejected": stable, untranslated (files, scripts). */
/* Translated state for people. */
const char	*outbox_state_label(enum outbox_state);
/*
 * Reads the status of entry id.  A missing or damaged state file reads as
 * queued: sending again is safe, the idempotency key stops a second
 * application.  Returns 0, or -1 with *cause when the entry does not exist
 * (neither application.json nor a sent stub).  Free with outbox_status_free.
 */
int	outbox_status_read(const struct outbox *, const char *,
	    struct outbox_status *, char **);
/* Writes the status atomically: 0, or -1 with *cause; caller frees. */
int	outbox_status_write(const struct outbox *, const char *,
	    const struct outbox_status *, char **);
void	outbox_status_free(struct outbox_status *);
/*
 * Lists every entry, oldest first, into *v (*n entries; free with
 * outbox_list_free), damaged ones included.  Entries sent longer ago than
 * keep_sent_days are made stubs first (outbox_strip_sent).  Returns 0, or
 * -1 with *cause; caller frees.
 */
int	outbox_list(const struct outbox *, struct outbox_entry **, size_t *, char **);
void	outbox_list_free(struct outbox_entry *, size_t);
/*
 * Locks entry id against every other sscard process (flock on <id>/lock).
 * Returns 0 with *fd set (release with outbox_unlock), 1 when another
 * process holds it, or -1 with *cause; caller frees.
 */
int	outbox_lock(const struct outbox *, const char *, int *, char **);
void	outbox_unlock(int);
/*
 * After a flush: 1 when entry id is left queued, 0 when it is not (sent or
 * refused, also by another process since it was listed) or another process
 * holds its lock to send it (the outcome is that process's to tell), or -1
 * with *cause; caller frees.  Its state is read again under a shared lock.
 */
int	outbox_left_queued(const struct outbox *, const char *, char **);
/* Reads what is sent for entry id: 0, or -1 with *cause; free with outbox_parcel_free. */
int	outbox_parcel(const struct outbox *, const char *, struct outbox_parcel *,
	    char **);
void	outbox_parcel_free(struct outbox_parcel *);

/*
 * After the receipt of a sent entry is stored: keeps a stub (state.json with
 * the local id, receipt, date and state, written durably) and removes
 * application.json and the photo.  Returns 0 (also when
 * it already is a stub), or -1 with *cause; caller frees.
 */
int	outbox_strip_sent(const struct outbox *, const char *, char **);

#endif
