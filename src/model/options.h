/* options.h -- how this run was asked for on the command line, for either front end. */
#ifndef SSCARD_OPTIONS_H
#define SSCARD_OPTIONS_H

struct app_options {
	const char	*replay;	/* key script, or NULL for the keyboard */
	const char	*record;	/* write typed keys here, or NULL */
	const char	*snapshot_dir;	/* write screen text here, or NULL */
	const char	*profile;	/* photo profile override, or NULL */
	const char	*graphics;	/* --graphics mode name, or NULL */
	int		 plain;		/* --plain: line-by-line questions (plain.c) */
	int		 kiosk;		/* --kiosk: shared machine (kiosk.c) */
};

#endif
