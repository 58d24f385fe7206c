/* materials.h -- what to bring (or have ready) for each channel. */
#ifndef SSCARD_MATERIALS_H
#define SSCARD_MATERIALS_H

struct material {
	const char	*id;	/* stable: "id_card_copy" */
	const char	*label;	/* N_() */
};

/* The checklist of a channel; *n gets its length. */
const struct material	*materials_for(int, int *);
/*
 * Writes the checklist of `channel` with ticks `ticked` to path, atomically,
 * in the current language.  Returns 0, or -1 with *cause; caller frees.
 */
int	materials_save(int, unsigned, const char *, const char *, char **);

#endif
