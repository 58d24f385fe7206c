/*
 * pager.h -- labelled paragraphs that never get cut: each is wrapped whole;
 * when they do not all fit, the area starts at paragraph `first` and its
 * last row says so and names the keys (End shows more, Home the start).
 */
#ifndef SSCARD_PAGER_H
#define SSCARD_PAGER_H

#include "tui/ui.h"

struct pager_item {
	const char	*label;		/* translated, or NULL */
	const char	*text;		/* translated */
};

/*
 * Draws items[first..] in rows y..bottom from column x, w wide, labels in
 * lw columns.  Returns 1 when paragraphs after the last one shown remain.
 */
int	pager_draw(struct ui *, int, int, int, int, int, const struct pager_item *,
	    int, int);
/* End (one paragraph on) and Home (the start) on n paragraphs: 1 when *first moved. */
int	pager_scroll(int *, int, int);

#endif
