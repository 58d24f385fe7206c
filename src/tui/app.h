/* app.h -- the wizard: its state, the only event loop, and what screens may ask of it. */
#ifndef SSCARD_APP_H
#define SSCARD_APP_H

#include <time.h>

#include "tui/graphics.h"
#include "tui/keyboard.h"
#include "model/options.h"
#include "keys/request.h"
#include "model/session.h"
#include "net/send.h"
#include "tui/ui.h"

struct app;
struct config;

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

/* What cli/main.c hands the engine: screens/, which tui never includes. */
struct app_screens {
	const struct screen *const *steps;	/* wizard_steps[]' faces, ended by NULL */
	const struct screen	*help;		/* the F1 overlay: draw and handle */
	const struct screen	*quit;		/* the quit box; its free forgets what was typed */
};


enum overlay { OVERLAY_NONE, OVERLAY_HELP, OVERLAY_QUIT };

struct app {
	struct session		 ses;		/* the citizen's answers and folders (session.c) */
	struct send		 send;		/* the outbox it is queued in (net/send.c) */
	const struct app_options *opts;
	const struct app_screens *screens;
	struct input		 in;
	struct ui		 ui;
	struct graphics		 gfx;

	int			 step;		/* index in steps[] and wizard_steps[] */
	void			*priv;		/* the screen's own state (enter allocates) */
	char			*message;	/* for the message line; owned */
	int			 message_error;	/* 1: an error (shown with !!) */
	enum overlay		 overlay;
	int			 overlay_focus;
	int			 overlay_scroll;
	int			 finished;
	int			 keep_on_quit;	/* quit with K: the answers stay a draft */
	int			 exit_status;
	int			 jump_to;	/* > 0: Next goes to this step (a resumed draft) */

	unsigned		 snapshot_seq;
	char			*snapshot_last;
};

/* Runs the wizard on these screens; returns an exit status (exitcode.h). */
int	app_run(const struct app_options *, const struct config *,
	    const struct app_screens *);

/* Sets the message line (printf-style; NULL clears it). */
void	app_say(struct app *, int, const char *, ...) __attribute__((format(printf, 3, 4)));
/* Sets the message line from an allocated cause and frees it. */
void	app_say_cause(struct app *, char *);
/*
 * For screens that work for a while (sending): redraws now and returns 1 if
 * the user pressed Esc (in a replay: if the next scripted key is <Esc>,
 * which is then used up), else 0.  Never blocks.
 */
int	app_poll(struct app *);
/*
 * Keeps the answers as a draft at the current step, or deletes the draft
 * once the kit is saved or the application queued (draft.c); a failure
 * is said on the message line.  Nothing in a kiosk.
 */
void	app_keep_draft(struct app *);
/* Kiosk: wipes everything of this citizen and starts again on the welcome step. */
void	app_kiosk_wipe(struct app *);

#endif
