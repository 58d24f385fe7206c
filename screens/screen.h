/* screen.h -- what every wizard step implements; app.c drives them all. */
#ifndef SSCARD_SCREEN_H
#define SSCARD_SCREEN_H

#include "app.h"
#include "keys/key.h"
#include "keys/request.h"
#include "ui.h"

/*
 * The curses face of a wizard step: steps[i] draws wizard_steps[i]
 * (wizard.c), which holds its id, title, help, skip and Back rules.
 */
struct screen {
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
	/* Optional: 1 while its view takes every row but the key line, no message rows. */
	int		 (*whole)(const struct app *);
};

/* The steps in the order of wizard_steps[], ended by NULL. */
extern const struct screen *const steps[];

/* Overlays drawn over the current step. */
void		help_draw(const struct app *, struct ui *);
enum request	help_handle(struct app *, enum request, const struct key *);
void		quit_draw(const struct app *, struct ui *);
enum request	quit_handle(struct app *, enum request, const struct key *);
/* Wipes what was typed into the overlays (a kiosk's PIN): every kiosk wipe calls it. */
void		quit_forget(void);

/* Focus helper shared by screens: moves *focus by one within [0, n), wrapping. */
int	screen_focus_move(int *, int, enum request);

#endif
