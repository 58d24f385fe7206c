/* kiosk.h -- shared machines: idle wipe, confined photo folders, a helper PIN to leave. */
#ifndef SSCARD_KIOSK_H
#define SSCARD_KIOSK_H

#include <stddef.h>

struct config;

struct kiosk {
	int	 enabled;	/* --kiosk or [kiosk] enabled */
	long	 idle_seconds;	/* without a key: then the notice */
	long	 notice_seconds;/* the notice: then the wipe */
	char	**photo_dirs;	/* resolved folders the picker may show */
	size_t	 nphoto_dirs;
	char	*kit_dir;	/* where applications go instead of a home folder */
	const char *pin_hash;	/* [kiosk] pin_hash, or NULL */
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
/* The stored form of pin: "pbkdf2-sha256$ITER$SALT$HASH" (hex); caller frees. */
char	*kiosk_pin_hash(const char *);
/* 1 when pin matches the stored form, 0 otherwise (also when it is malformed). */
int	kiosk_pin_check(const char *, const char *);
/* `sscard kiosk-pin`: reads a PIN twice, prints the line for [kiosk]. */
int	cmd_kiosk_pin(int, char **, struct config *);

#endif
