/* model.h -- everything the citizen entered; Back and Next never lose it. */
#ifndef SSCARD_MODEL_H
#define SSCARD_MODEL_H

#include <stddef.h>

enum channel {
	CHANNEL_ONLINE,
	CHANNEL_BANK,
	CHANNEL_CENTRE,
	CHANNEL_COUNT
};

#define MATERIALS_MAX	16
/* Below this age a parent or guardian applies (domain.md §4.4). */
#define MINOR_AGE	16

struct application {
	char		 lang[8];		/* "zh_CN", "zh_TW", "en", "es" */
	int		 channel;		/* enum channel, or -1 before a choice */
	char		*name;			/* UTF-8, as typed */
	char		*id_number;		/* normalised 18 characters once valid */
	char		*phone;
	int		 region;		/* index in the region table */
	unsigned	 ticked[CHANNEL_COUNT];	/* materials ticked, a bit per item */
	char		*photo_path;		/* exactly as the citizen typed it */
	char		*photo_receipt;		/* a photo studio's receipt number, or "" */
	/*
	 * The bytes that were checked: a copy in the run's workspace (the
	 * photo as given, or sscard's fixed one) and their SHA-256.  Only
	 * these bytes are queued or saved, and only if they still match.
	 */
	char		*checked_path;		/* "" until the photo step copies it */
	char		 checked_sha[65];
	char		 source_sha[65];	/* of the citizen's file when copied */
	int		 photo_fixed;		/* checked_path is sscard's fix */
	int		 photo_levelled;	/* the fix turned it level */
	int		 photo_widened;		/* the fix added white past its edge */
	int		 card_lost;		/* the current card is lost: report it first */
	/*
	 * The card is for a child under MINOR_AGE: a parent or guardian
	 * applies and agrees.  Asked when no ID number is asked, else read
	 * from the number's birth date.
	 */
	int		 minor;
	int		 consent;		/* the review screen's consent line */
	char		*outbox_id;		/* set once queued */
	char		*receipt;		/* set once the backend answered */
};

void		 application_init(struct application *);
void		 application_clear(struct application *);	/* wipes personal data */
void		 application_set(char **, const char *);
const char	*channel_id(int);		/* "online", "bank", "centre" */
const char	*channel_name(int);		/* translated */
int		 channel_from_id(const char *);

#endif
