/* kiosk.h -- shared machines: idle wipe, confined photo folders, a helper PIN to leave. */
#ifndef SSCARD_KIOSK_H
#define SSCARD_KIOSK_H

#include <stddef.h>

struct config;
struct outbox;

struct kiosk {
	int	 enabled;	/* --kiosk or [kiosk] enabled */
	long	 idle_seconds;	/* without a key: then the notice */
	long	 notice_seconds;/* the notice: then the wipe */
	char	**photo_dirs;	/* resolved folders the picker may show */
	size_t	 nphoto_dirs;
	char	*kit_dir;	/* where applications go instead of a home folder */
	const char *pin_hash;	/* [kiosk] pin_hash, or NULL */
	int	 wrong;		/* wrong PINs in a row */
	long long locked_until;	/* no PIN is tried before this time */
};

/*
 * A helper PIN: KIOSK_PIN_MIN to KIOSK_PIN_MAX printable characters (spaces
 * and CJK too), what the curses field, plain mode and kiosk-pin all take.
 */
#define KIOSK_PIN_MIN		4
#define KIOSK_PIN_MAX		32

/* Tries before a wrong PIN makes the helper wait, and how long. */
#define KIOSK_PIN_TRIES		5
#define KIOSK_PIN_COOLDOWN	30

/*
 * Reads [kiosk]; forced: --kiosk.  In a kiosk, photo_dirs and kit_dir must
 * exist.  Returns 0, or -1 with *cause; caller frees.  Free with kiosk_free.
 */
int	kiosk_load(struct kiosk *, const struct config *, int, char **);
void	kiosk_free(struct kiosk *);
/*
 * Opens the photo file path for reading.  In a kiosk, path must name a file
 * below one of photo_dirs (as configured or resolved), with no ".." and no
 * symbolic link below the folder: it is opened beneath the folder's own
 * descriptor (fs_open_beneath), so a link swapped in after any check leads
 * nowhere.  The file opened is judged: a regular file.  Read the photo from
 * the descriptor, never by its name again.  Returns the descriptor, or -1
 * with *cause; caller frees.
 */
int	kiosk_open_photo(const struct kiosk *, const char *, char **);
/*
 * kiosk_open_photo for the kiosk kiosk_protect guards (anywhere before it
 * is called): the citizen's photo file opened again, to copy it or to see
 * whether it changed, never escapes photo_dirs either.
 */
int	kiosk_open_given(const char *, char **);
/*
 * In a kiosk: no core dump may hold a citizen's details (prctl, RLIMIT_CORE
 * 0).  Also makes k the kiosk kiosk_open_given confines to; k must live as
 * long as the run.
 */
void	kiosk_protect(const struct kiosk *);
/* The idle notice; stored: the application is already stored.  Caller frees. */
char	*kiosk_notice(int, long);
/*
 * seconds as a person says it, with the plural the language needs: whole
 * minutes when it is that many ("5 minutes"), else seconds ("20 seconds",
 * "90 seconds"), never rounded.  Caller frees.
 */
char	*kiosk_duration(long);
/* What a wipe did, for the next screen; stored as for kiosk_notice. */
const char	*kiosk_wiped(int);
/* 1 when --kiosk (forced) or [kiosk] enabled says so. */
int	kiosk_enabled(const struct config *, int);
/*
 * Waits at most ms (< 0: forever) for fd to be readable: a timeout on the
 * read, so nothing is redrawn while waiting.  Returns 0 readable, 1 timed
 * out, -1 interrupted by a signal.
 */
int	kiosk_wait(int, long);
/*
 * 1 when pin keeps the PIN rule (KIOSK_PIN_MIN..KIOSK_PIN_MAX printable
 * characters of the UTF-8 locale), else 0 with *cause; caller frees.
 */
int	kiosk_pin_valid(const char *, char **);
/* The stored form of pin: "pbkdf2-sha256$ITER$SALT$HASH" (hex); caller frees. */
char	*kiosk_pin_hash(const char *);
/* 1 when pin matches the stored form, 0 otherwise (also when it is malformed). */
int	kiosk_pin_check(const char *, const char *);
/*
 * The helper's try to leave: 1 when pin is right, else 0 with *cause (wrong,
 * no PIN configured, or too many wrong ones: then no try is taken for
 * KIOSK_PIN_COOLDOWN seconds); caller frees.
 */
int	kiosk_pin_try(struct kiosk *, const char *, char **);

#endif
