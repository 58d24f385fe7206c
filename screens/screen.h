/* screen.h -- what every wizard step implements; app.c drives them all. */
#ifndef SSCARD_SCREEN_H
#define SSCARD_SCREEN_H

#include "app.h"
#include "key.h"
#include "request.h"
#include "ui.h"

struct screen {
	const char	*id;		/* stable, untranslated: snapshots, help, logs */
	const char	*title;		/* N_() */
	/* The title now, when it depends on the outcome (N_(); may be NULL). */
	const char	*(*title_of)(const struct app *);
	const char	*help;		/* N_() text for the F1 overlay */
	/* Allocates the screen's own state in app->priv (focus, fields). */
	void		 (*enter)(struct app *);
	/* Draws from state; never changes it.  Ends with ui_focus() on the focus. */
	void		 (*draw)(const struct app *, struct ui *);
	/* Returns REQ_NONE if it consumed the request, else a request for app.c. */
	enum request	 (*handle)(struct app *, enum request, const struct key *);
	/* Validates before Next: 0, or -1 with *cause (allocated) shown on the screen. */
	int		 (*leave)(struct app *, char **);
	/* Frees what enter allocated. */
	void		 (*free)(struct app *);
	int		 no_back;	/* 1: Back is refused (the application is queued) */
	/* 1: nothing to do here now; app.c passes over the step (may be NULL). */
	int		 (*skip)(const struct app *);
};

/* The steps in order, ended by NULL. */
extern const struct screen *const steps[];
int	steps_count(void);

/* Overlays drawn over the current step. */
void		help_draw(const struct app *, struct ui *);
enum request	help_handle(struct app *, enum request, const struct key *);
void		quit_draw(const struct app *, struct ui *);
enum request	quit_handle(struct app *, enum request, const struct key *);
/* Wipes what was typed into the overlays (a kiosk's PIN): every kiosk wipe calls it. */
void		quit_forget(void);

/* The step's title now, translated. */
const char	*screen_title(const struct app *, const struct screen *);

/* Focus helper shared by screens: moves *focus by one within [0, n), wrapping. */
int	screen_focus_move(int *, int, enum request);

#endif
