/*
 * wizard.h -- the wizard's steps, once for both front ends: their ids,
 * titles and help, when a step is passed over, when Back is refused, and
 * from which step a draft keeps the checked photo.  The curses screens
 * (screens/) and the plain questions (plain-steps.c) are indexed alike.
 */
#ifndef SSCARD_WIZARD_H
#define SSCARD_WIZARD_H

struct session;

struct wizard_step {
	const char	*id;		/* stable, untranslated: drafts, snapshots, logs */
	const char	*title;		/* N_() */
	/* The title now, when it depends on the outcome (N_(); may be NULL). */
	const char	*(*title_of)(const struct session *);
	const char	*help;		/* N_() text for F1 and '?' */
	/* 1: nothing to do here now; the step is passed over (may be NULL). */
	int		 (*skip)(const struct session *);
	/*
	 * 1: the step is not part of this run at all, so it is not counted in
	 * "Step 3 of 8" (NULL: the same as skip).  A step passed over because
	 * it is done (sent) still counts, so the numbers never shift.
	 */
	int		 (*absent)(const struct session *);
	int		 no_back;	/* 1: Back is refused (the application is being sent) */
};

/* The steps in order, ended by an entry with a NULL id. */
extern const struct wizard_step wizard_steps[];

/* How many steps there are. */
int	wizard_count(void);
/* The index of the step with this id, or -1. */
int	wizard_index(const char *);
/* The step's title now, translated. */
const char *wizard_title(const struct session *, int);
/*
 * "Step 3 of 7: Personal details", and a warning when the card service's
 * certificate is not checked ([backend] insecure); caller frees.
 */
char	*wizard_heading(const struct session *, int);
/* For stderr when --replay ran out on step (its id, untranslated); caller frees. */
char	*wizard_replay_ended(int);
/* 1 when step is passed over now. */
int	wizard_skipped(const struct session *, int);
/* The number a person sees for step, current the one shown: steps not part of the run are not counted. */
int	wizard_number(const struct session *, int, int);
/*
 * The step that follows step in direction dir (1 or -1), passing over
 * skipped ones; wizard_count() after the last, step itself before the first.
 */
int	wizard_next(const struct session *, int, int);
/*
 * 0 when Back may leave step, or -1 with *why (translated, not allocated):
 * never once the application is queued, nor while it is sent.
 */
int	wizard_back_refused(const struct session *, int, const char **);
/* 1 when a draft kept at step holds the photo's checked bytes: from the check step on. */
int	wizard_keeps_checked(int);

#endif
