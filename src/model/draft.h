/* draft.h -- the answers so far, kept on disk so that a dropped session can resume. */
#ifndef SSCARD_DRAFT_H
#define SSCARD_DRAFT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define DRAFT_KEY_LEN	32	/* ChaCha20-Poly1305 */

struct application;
struct config;
struct workspace;

/* What a draft holds besides the answers. */
struct draft_meta {
	char	*step;		/* the step to resume at (a screen id) */
	int	 photo_checked;	/* the photo passed its check: the draft holds its bytes */
	time_t	 saved;
};

/*
 * $XDG_STATE_HOME/sscard (else ~/.local/state/sscard), created 0700.
 * Returns the path (caller frees), or NULL with *cause.  The first call
 * locks the folder's draft for the run (a second run of the account keeps
 * none: draft_privacy says so) and wipes what a crash left half written.
 */
char	*draft_dir(char **);
/* [draft] keep_hours (default 24): 0 with *hours, or -1 with *cause. */
int	 draft_keep_hours(const struct config *, long *, char **);
/*
 * Saves the answers of a, to resume at step: dir/draft.json and, when the
 * photo passed its check, its checked bytes (checked_read: verified) as
 * dir/draft-photo-HASH; each 0600 and
 * written atomically, the photo before the JSON that names it, so a failed
 * save or a crash keeps the previous draft whole.  Returns 0, or -1 with
 * *cause; caller frees.
 */
int	 draft_save(const char *, const struct application *, const char *, int, char **);
/*
 * Reads the draft of dir into a (initialised by the caller) and *meta (free
 * with draft_meta_free); a checked photo's checked_path names the draft's
 * copy (draft_take_photo moves it into the run's workspace).  A draft older
 * than keep_hours at now is deleted.
 * Returns 1 when there was one, 0 when there is none (or it expired, or it
 * fails its own check: then it is deleted), -1 with *cause.
 */
int	 draft_load(const char *, long, time_t, struct application *,
	    struct draft_meta *, char **);
/*
 * The draft file's JSON for a at step (caller wipes); the personal fields
 * are sealed with key.  photo_file and photo_sha name the checked photo's
 * sealed copy, or photo_sha is NULL.
 */
char	*draft_encode(const struct application *, const char *, time_t,
	    const uint8_t [DRAFT_KEY_LEN], const char *, const char *);
/*
 * Reads a draft file's bytes (saved before now, its photo in dir) into a
 * and *meta: 0, or -1 with *cause when it is damaged, out of range or
 * sealed with another key (then it is to be deleted).
 */
/* The name of key stored beside a draft, so that a new key is told from damage. */
void	 draft_key_print(const uint8_t [DRAFT_KEY_LEN], char [17]);
/* text sealed with key, in base64 as the draft's "sealed" field; caller frees. */
char	*draft_seal_text(const uint8_t [DRAFT_KEY_LEN], const char *);
int	 draft_decode(const char *, size_t, const uint8_t [DRAFT_KEY_LEN], time_t,
	    const char *, struct application *, struct draft_meta *, char **);
void	 draft_meta_free(struct draft_meta *);
/*
 * draft_autosave (session_keep_draft), after each step change and when
 * the run ends: keeps the answers at step, with the checked photo when
 * checked (wizard_keeps_checked says from which step), or deletes the
 * draft once done (the kit saved) or the application is queued; nothing on the welcome step or in a kiosk
 * (forced: --kiosk).  Returns 1 when a draft is kept, 0 when none is, or -1
 * with *cause; caller frees.
 */
int	 draft_autosave(const struct application *, const char *, int,
	    const struct config *, int, int, char **);
/*
 * A loaded draft's checked photo, copied into the run's workspace so that
 * it outlives the draft (checked_path then names the copy).  0, or -1 with
 * *cause.
 */
int	 draft_take_photo(struct application *, const struct workspace *, char **);
/* 1 when this run keeps drafts: not a kiosk, its folder locked, the keyring usable. */
int	 draft_usable(const struct config *, int);
/* The welcome step's privacy paragraph, true for drafts or a kiosk; caller frees. */
char	*draft_privacy(const struct config *, int);
/*
 * 1 with *masked (the name, masked; caller frees) and *saved when there is
 * a draft to offer; 0 none; -1 with *cause when it was damaged or its key
 * is gone (it is deleted then).
 */
int	 draft_offer(const struct config *, int, char **, time_t *, char **);
/*
 * Loads the draft into a, its photo into the workspace: 1 with *step (caller
 * frees), 0 none, -1 with *cause.
 */
int	 draft_resume(const struct config *, const struct workspace *,
	    struct application *, char **, char **);
/* Deletes the draft of dir (unless another run holds it), overwriting its files first. */
void	 draft_discard(const char *);
/*
 * Overwrites a file with zeros, then deletes it.  On journalling or
 * copy-on-write file systems and on flash the old blocks may survive: the
 * real protection is that the folder is private (see sscard.conf(5)).
 */
void	 draft_wipe_file(const char *);
/* Wipes the files of dir whose names start with prefix ("": all but dot files), except keep. */
void	 draft_wipe_files(const char *, const char *, const char *);
/* "张*", "M***": the first character and a star for each other one; caller frees. */
char	*draft_mask_name(const char *);

#endif
