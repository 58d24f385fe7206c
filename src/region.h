/* region.h -- what changing the card photo means in a region: where, fee, time. */
#ifndef SSCARD_REGION_H
#define SSCARD_REGION_H

#include "model.h"

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

struct region {
	const char	*id;			/* stable: "beijing" */
	const char	*name;			/* N_() */
	const char	*profile;		/* photo profile name */
	struct fact	 fee;			/* yuan, when the change is for personal reasons */
	struct fact	 days[CHANNEL_COUNT];	/* working days until the new card */
	const char	*online;		/* N_(): the region's online services */
	const char	*note;			/* N_() or NULL */
};

const struct region	*region_at(int);	/* NULL past the end */
int			 region_count(void);
int			 region_find(const char *);	/* index, or -1 */

enum region_topic { TOPIC_WHERE, TOPIC_FEE, TOPIC_TIME, TOPIC_RECEIVE };
#define TOPIC_COUNT	4

/*
 * One fact about changing the photo through `channel` in region `r`, as a
 * translated sentence; caller frees.  Where the region has no source the
 * national figure is given and marked for checking with the local office.
 */
char	*region_describe(int, int, enum region_topic);

#endif
