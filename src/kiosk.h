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
 * In a kiosk, path must resolve (symlinks followed) inside one of photo_dirs
 * and have no ".." component.  Returns 0 with *real (caller frees), or -1
 * with *cause; caller frees.  Outside a kiosk every path is allowed.
 */
int	kiosk_confine(const struct kiosk *, const char *, char **, char **);
/* In a kiosk: no core dump may hold a citizen's details (prctl, RLIMIT_CORE 0). */
void	kiosk_protect(const struct kiosk *);
/* The idle notice; stored: the application is already stored.  Caller frees. */
char	*kiosk_notice(int, long);
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
 * Opens where applications are queued for the card service: the outbox of
 * the configuration, in a kiosk too, so that `sscard outbox flush` sends
 * them.  Returns 0, or -1 with *cause.
 */
int	kiosk_outbox_open(const struct kiosk *, struct outbox *, const struct config *,
	    char **);
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
/* `sscard kiosk-pin`: reads a PIN twice, prints the line for [kiosk]. */
int	cmd_kiosk_pin(int, char **, struct config *);

#endif
