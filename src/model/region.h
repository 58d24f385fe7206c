/* region.h -- what changing the card photo means in a region: where, fee, time. */
#ifndef SSCARD_REGION_H
#define SSCARD_REGION_H

#include "model/application.h"

/* How sure the sources are about a fact (domain.md's confidence tags). */
enum certainty {
	FACT_UNKNOWN,		/* no source: "check with your local office" */
	FACT_DISPUTED,		/* sources disagree: show the usual value, say so */
	FACT_SOURCED,		/* sources agree */
};

struct fact {
	int		value;		/* yuan or working days; 0 = free / same day */
	enum certainty	certainty;
};

/* The channels a note applies to: a bit per enum channel. */
#define NOTE_ONLINE	(1u << CHANNEL_ONLINE)
#define NOTE_COUNTER	((1u << CHANNEL_BANK) | (1u << CHANNEL_CENTRE))
#define NOTE_ALL	(NOTE_ONLINE | NOTE_COUNTER)
#define REGION_NOTES	2

struct region_note {
	unsigned	 channels;		/* NOTE_*: where it is true */
	const char	*text;			/* N_() */
};

/* Where a region wants the photo made, beyond the rules (domain.md §2). */
enum region_studio {
	STUDIO_ANY,		/* no source says more than the rules */
	STUDIO_RECEIPT,		/* a photo receipt number (相片回执号) is needed */
	STUDIO_ONLY_WEAK	/* a weak source says: a licensed studio's photo only */
};

struct region {
	const char	*id;			/* stable: "beijing" */
	const char	*name;			/* N_() */
	const char	*profile;		/* photo profile name */
	struct fact	 fee;			/* yuan, when the change is for personal reasons */
	struct fact	 days[CHANNEL_COUNT];	/* working days until the new card */
	const char	*online;		/* N_(): the region's online services */
	struct region_note notes[REGION_NOTES];	/* text NULL: none */
	int		 print_w, print_h;	/* the printed photo, mm; 0: 26x32 */
	enum region_studio studio;		/* what it asks of the photo's origin */
};

const struct region	*region_at(int);	/* NULL past the end */
int			 region_count(void);
int			 region_find(const char *);	/* index, or -1 */
/*
 * The i-th note of region `index` that is true for `channel`, translated, or
 * NULL past the last: a note about applying online is never shown under a
 * counter, nor the other way round.
 */
const char		*region_note(int, int, int);
/* The size of the printed photo the region asks for, in mm (26x32 unless it says otherwise). */
void			 region_print_size(int, int *, int *);

enum region_topic { TOPIC_WHERE, TOPIC_FEE, TOPIC_TIME, TOPIC_RECEIVE };
#define TOPIC_COUNT	4

/*
 * One fact about changing the photo through `channel` in region `r`, as a
 * translated sentence; caller frees.  Where the region has no source the
 * national figure is given and marked for checking with the local office.
 */
char	*region_describe(int, int, enum region_topic);

#endif
