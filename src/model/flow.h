/*
 * flow.h -- what the photo, check, review and last steps do, once for both
 * front ends: each function changes the session and returns what to show;
 * the curses screens draw it, the plain questions print it.  No terminal here.
 */
#ifndef SSCARD_FLOW_H
#define SSCARD_FLOW_H

#include "photo/check.h"

struct photo_profile;
struct session;

/*
 * The photo step: the path as typed is cleaned (quotes, file://, a dropped
 * name), opened once (in a kiosk only beneath photo_dirs), and its bytes
 * copied into the private folder; the path is kept as typed, cleaned.
 * 0, or -1 with *cause; caller frees.
 */
int	flow_take_photo(struct session *, const char *, char **);
/* A photo studio's receipt number instead of a file: 0, or -1 with *cause. */
int	flow_take_receipt(struct session *, const char *, char **);

/* The check step's state: the region's rules and how the photo went. */
struct flow_check {
	struct photo_profile	*profile;
	struct photo_report	 report;	/* of the session's checked_path */
	char			*error;		/* the rules or the photo could not be read */
	int			 fixed;		/* checked_path is sscard's fixed copy */
};

/* Loads the rules (profile, else the region's) and checks the photo.  Free with flow_check_free. */
void	flow_check_open(const struct session *, const char *, struct flow_check *);
void	flow_check_free(struct flow_check *);
/* 1 when the photo fails and sscard's fix may help (not yet fixed). */
int	flow_check_fixable(const struct flow_check *);
/* Fixes the photo into the private folder, uses it, checks it again: 0, or -1 with *cause. */
int	flow_check_fix(struct session *, struct flow_check *, char **);
/* The checks that do not pass into rows (may be NULL); returns how many. */
int	flow_check_rows(const struct flow_check *, const struct photo_check **);
/* "FAIL  Face width: 119 px (expected 179-255 px)": a rule by name; caller frees. */
char	*flow_check_row(const struct photo_check *);
/* "PASS  File format, Colour, ...": the rules that pass, on one line; NULL if none; caller frees. */
char	*flow_check_passing(const struct flow_check *);
/* The failure no fix repairs (the face colour and the face first), or NULL. */
const struct photo_check *flow_check_unfixable(const struct flow_check *);
/* 0 when the step may be left (passed, or a receipt number), or -1 with *cause. */
int	flow_check_leave(const struct session *, const struct flow_check *, char **);

/*
 * The review's declaration, consent given by the citizen's explicit act
 * only; with no card service the checked bytes are verified for the kit
 * (net/send.c queues the application when there is one).  0, or -1 with
 * *cause (then not consented).
 */
int	flow_consent(struct session *, char **);
/* The kit folder offered: the one saved, else a new one; caller frees. */
char	*flow_kit_offer(const struct session *);
/*
 * Saves the kit in the folder typed ("~" expanded); when it is the folder
 * offered, it is made new (never shared).  0, or -1 with *cause.
 */
int	flow_save_kit(struct session *, const char *, const char *, char **);

#endif
