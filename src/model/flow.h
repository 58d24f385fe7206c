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
/* What the photo step asks for when no photo is listed to choose from. */
const char	*flow_photo_prompt(void);
/* A photo studio's receipt number instead of a file: 0, or -1 with *cause. */
int	flow_take_receipt(struct session *, const char *, char **);

/*
 * The materials step: item i of the channel's checklist with *mark "[x]",
 * "[ ]", or "[-]" when a lost card makes it unneeded; caller frees.
 */
char	*flow_material(const struct session *, int, const char **);
/* The last item: the card is lost, and the loss is to be reported first. */
const char	*flow_card_lost_label(void);
/*
 * Saves the checklist to path (never in a kiosk): the sentence that says
 * so, or NULL with *cause; caller frees both.
 */
char	*flow_save_checklist(const struct session *, const char *, char **);

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
/*
 * The checks that do not pass, as rows (may be NULL), a row per rule.  With
 * sizes (plain mode: a screen reader hears each row whole), the rules left
 * unmeasured for one reason (a face not found leaves some twenty so) share
 * one, led by the first, sizes[] saying how many: they follow it in the
 * report.  (The curses screen keeps a row per rule: a row of twenty names
 * would not fit its list.)  Returns how many rows.
 */
int	flow_check_rows(const struct flow_check *, const struct photo_check **, int *);
/*
 * "FAIL  Face width: 119 px (expected 179-255 px)": a rule by name; a row
 * of n rules (flow_check_rows): "FAIL  Face width, Crown, ...".  Caller frees.
 */
char	*flow_check_row(const struct photo_check *, int);
/* "PASS  File format, Colour, ...": the rules that pass, on one line; NULL if none; caller frees. */
char	*flow_check_passing(const struct flow_check *);
/* The failure no fix repairs that a refusal names first (photo_report_unfixable), or NULL. */
const struct photo_check *flow_check_unfixable(const struct flow_check *);
/* "Your photo, checked against the Beijing rules:" (or the fixed photo); caller frees. */
char	*flow_check_heading(const struct flow_check *);
/* "Result: the photo meets the rules." or that it does not. */
const char	*flow_check_result(const struct flow_check *);
/* What the button or choice that fixes the photo says. */
const char	*flow_check_fix_label(void);
/* After a fix: the fixed photo will be used, or it still fails a rule. */
const char	*flow_check_fixed_result(const struct flow_check *);
/* 0 when the step may be left (passed, or a receipt number), or -1 with *cause. */
int	flow_check_leave(const struct session *, const struct flow_check *, char **);

/* "110105 1949 1231 002X", for reading a number back; caller frees (and wipes). */
char	*flow_grouped_id(const char *);

/* One line of the review: a label and its value. */
struct flow_row {
	const char	*label;		/* translated, static */
	char		*value;		/* owned */
};

/* What the review shows, the same in both front ends. */
struct flow_review {
	const char	*heading;	/* "Please check everything before ..." */
	struct flow_row	 rows[10];
	int		 n;
	int		 numbers;	/* the ID number is among the rows: offer to show it whole */
	char		*consent;	/* the declaration the citizen ticks; owned */
};

/*
 * The review's rows: the channel, region, name, the numbers a card service
 * needs (the ID number masked unless show_id), whose card, the materials,
 * a lost card, the photo (pictured: the front end shows it beside the rows).
 * Free with flow_review_free: it wipes the values.
 */
void	flow_review_open(const struct session *, int, int, struct flow_review *);
void	flow_review_free(struct flow_review *);
/* "Show the full ID number", or once shown, "Mask the ID number again". */
const char	*flow_show_id_label(int);

/*
 * The review's declaration, consent given by the citizen's explicit act
 * only; with no card service the checked bytes are verified for the kit
 * (net/send.c queues the application when there is one).  0, or -1 with
 * *cause (then not consented).
 */
int	flow_consent(struct session *, char **);
/* Prints the application's sheet: the sentence that says so, or NULL with *cause. */
const char	*flow_print(const struct session *, char **);
/* The last step's labels: the kit's folder, and the end of the wizard. */
const char	*flow_kit_label(void);
const char	*flow_finish_label(void);
/* The kit folder offered: the one saved, else a new one; caller frees. */
char	*flow_kit_offer(const struct session *);
/*
 * Saves the kit in the folder typed ("~" expanded); when it is the folder
 * offered, it is made new (never shared).  0, or -1 with *cause.
 */
int	flow_save_kit(struct session *, const char *, const char *, char **);

#endif
