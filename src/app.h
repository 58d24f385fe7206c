/* app.h -- the wizard: its state, the only event loop, and what screens may ask of it. */
#ifndef SSCARD_APP_H
#define SSCARD_APP_H

#include <time.h>

#include "graphics.h"
#include "input.h"
#include "kiosk.h"
#include "model.h"
#include "outbox.h"
#include "request.h"
#include "ui.h"
#include "workspace.h"

struct config;

struct app_options {
	const char	*replay;	/* key script, or NULL for the keyboard */
	const char	*record;	/* write typed keys here, or NULL */
	const char	*snapshot_dir;	/* write screen text here, or NULL */
	const char	*profile;	/* photo profile override, or NULL */
	const char	*graphics;	/* --graphics mode name, or NULL */
	int		 plain;		/* --plain: line-by-line questions (plain.c) */
	int		 kiosk;		/* --kiosk: shared machine (kiosk.c) */
};

enum overlay { OVERLAY_NONE, OVERLAY_HELP, OVERLAY_QUIT };

struct app {
	struct application	 model;
	const struct config	*cfg;
	const struct app_options *opts;
	struct input		 in;
	struct ui		 ui;
	struct graphics		 gfx;
	struct outbox		 outbox;
	struct workspace	 ws;		/* this run's private folder */
	char			*kit_saved;	/* the kit's folder once saved; owned */
	struct tm		 today;		/* local date: birth dates are checked against it */

	int			 step;		/* index in steps[] */
	void			*priv;		/* the screen's own state (enter allocates) */
	char			*message;	/* for the message line; owned */
	int			 message_error;	/* 1: an error (shown with !!) */
	enum overlay		 overlay;
	int			 overlay_focus;
	int			 overlay_scroll;
	int			 finished;
	int			 exit_status;
	struct kiosk		 kiosk;		/* kiosk.c: idle wipe, kit_dir */
	int			 jump_to;	/* > 0: Next goes to this step (a resumed draft) */
	char			 kiosk_lang[8];	/* the language a kiosk wipe returns to */

	unsigned		 snapshot_seq;
	char			*snapshot_last;
};

/* Runs the wizard; returns an exit status (exitcode.h). */
int	app_run(const struct app_options *, const struct config *);

/* Sets the message line (printf-style; NULL clears it). */
void	app_say(struct app *, int, const char *, ...) __attribute__((format(printf, 3, 4)));
/* Sets the message line from an allocated cause and frees it. */
void	app_say_cause(struct app *, char *);
/* Switches language now; the next redraw is in it. */
void	app_set_language(struct app *, const char *);
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
/* Queues the application in the outbox: 0, or -1 with *cause; caller frees. */
int	app_queue(struct app *, char **);
/* 1 when a card service is configured, so that the application is sent. */
int	app_sends(const struct app *);
/* What the configured card service is called ([backend] name, else its host); caller frees. */
char	*app_service_name(const struct app *);

#endif
