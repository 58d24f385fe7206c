/* materials.h -- what to bring (or have ready) for each channel. */
#ifndef SSCARD_MATERIALS_H
#define SSCARD_MATERIALS_H

struct material {
	const char	*id;	/* stable: "id_card_copy" */
	const char	*label;	/* N_() */
	const char	*brief;	/* N_(): its name in the QR code's list, or NULL (not in it) */
};

/* The checklist of a channel; *n gets its length. */
const struct material	*materials_for(int, int *);
struct application;

/* How many needed items a has ticked; *needed gets how many are needed. */
int	materials_ready(const struct application *, int *);
/*
 * What to bring (or have ready) for a's channel, in a few words each,
 * joined by the language's list separator: the QR code's list.  The photo
 * is the studio's receipt number where a has one (with `number`, the number
 * itself too).  Caller frees.
 */
char	*materials_brief(const struct application *, int);
/* 1 when the item is not needed because the card is lost (the card itself). */
int	material_not_needed(const struct material *, int);
/*
 * The checklist of `channel` with ticks `ticked` as lines "[x] label", in
 * the current language; with `lost`, the card's own item is "[-]" and
 * says why.  Caller frees.
 */
char	*materials_checklist(int, unsigned, int);
/*
 * Writes that checklist under a heading naming the region to path, a new
 * file (0600): an existing one is never replaced.  Returns 0, or -1 with
 * *cause; caller frees.
 */
int	materials_save(int, unsigned, int, const char *, const char *, char **);

#endif
