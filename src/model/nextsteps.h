/*
 * nextsteps.h -- what the citizen does after sscard, per channel and region:
 * where to upload or what to bring, how long, what to keep, how to follow
 * up, and the loss report first when the card is lost.  Facts come from
 * domain.md §4 and the seeds; where they disagree the text says so and sends
 * the citizen to the local office.  Per-region facts are keyed by region id
 * here, beside region.c's table.
 */
#ifndef SSCARD_NEXTSTEPS_H
#define SSCARD_NEXTSTEPS_H

#include "model/region.h"

struct application;

/* One step: a short heading and its text, both translated and allocated. */
struct nextstep {
	char	*label;
	char	*text;
};

struct nextsteps {
	struct nextstep	*v;
	int		 n;
};

/*
 * The steps for a's channel and region, in the current language.  `sends`
 * is 1 when a card service is configured (then `sscard status` can follow
 * the application up); `kit` is 1 when the kit is saved (its files can be
 * named as there).  Free with nextsteps_free.
 */
void	nextsteps_build(const struct application *, int, int, struct nextsteps *);
void	nextsteps_free(struct nextsteps *);
/* The label of a region fact ("Where:"), translated: screens and summary.txt alike. */
const char *nextsteps_topic_label(enum region_topic);
/* What a channel means in a region: the four topics, then the notes true for that channel. */
#define FACTS_MAX	(TOPIC_COUNT + REGION_NOTES)
struct nextsteps_fact {
	const char	*label;		/* "Where:", or NULL for a note */
	char		*text;		/* owned */
};
/*
 * The facts of channel in region index r, into facts[FACTS_MAX]; returns how
 * many.  Free with nextsteps_facts_free.
 */
int	nextsteps_facts(int, int, struct nextsteps_fact *);
void	nextsteps_facts_free(struct nextsteps_fact *, int);
/* "Online, in this region:", above a channel's facts; caller frees. */
char	*nextsteps_facts_heading(int);
/* What the wizard does, for the welcome step: with a card service (sends) or a kit. */
const char *nextsteps_intro(int);
/* The sentence that sscard is not an official channel (translated). */
const char *nextsteps_unofficial(void);
/*
 * For a citizen who only wants the photo on the electronic card changed (the
 * channel step): its label, and paragraph i of the answer (NULL past the
 * last), translated.  domain.md §4.1 and §4.10: the e-card shows the
 * physical card's photo; the in-app upload of seeds 003/004 is unconfirmed.
 */
const char *nextsteps_ecard_label(void);
const char *nextsteps_ecard(int);
/* 1 when region index r accepts a photo studio's receipt number instead of a file. */
int	nextsteps_receipt_ok(int);
/* 1 when s is a receipt number region r would take (its format, else 6-30 letters and digits). */
int	nextsteps_receipt_valid(int, const char *);

#endif
