/*
 * session.h -- one citizen's run of the wizard, the same under both front
 * ends: the answers, the run's private folder, the kiosk, where the
 * application went, and the draft that keeps the answers between runs.
 */
#ifndef SSCARD_SESSION_H
#define SSCARD_SESSION_H

#include <time.h>

#include "model/kiosk.h"
#include "model/application.h"
#include "lib/workspace.h"

struct config;

struct session {
	struct application	 model;
	const struct config	*cfg;
	struct kiosk		 kiosk;		/* kiosk.c: idle wipe, kit_dir, PIN */
	struct workspace	 ws;		/* this citizen's private folder */
	char			*kit_saved;	/* the kit's folder once saved; owned */
	struct tm		 today;		/* local date: birth dates are checked against it */
	char			 start_lang[8];	/* the language a kiosk wipe returns to */
};

/* Fresh answers in the current language; nothing opened yet.  Free with session_free. */
void	session_init(struct session *, const struct config *);
/*
 * The kiosk of the configuration (or --kiosk: forced), guarded against core
 * dumps: 0, or -1 with *cause (a usage error); caller frees.
 */
int	session_load(struct session *, int, char **);
/*
 * After the signal handlers are installed: sweeps what crashed runs left
 * and opens this run's private folder.  0, or -1 with *cause; caller frees.
 */
int	session_start(struct session *, char **);
/*
 * Everything of this citizen: answers, kit folder name, private folder
 * (made anew), language; the next one starts afresh.  The caller says what
 * the terminal showed.
 */
void	session_wipe(struct session *);
void	session_free(struct session *);

/* 1 when a card service is configured, so that the application is sent. */
int	session_sends(const struct session *);
/* What the configured card service is called ([backend] name, else its host); caller frees. */
char	*session_service_name(const struct session *);
/* 1 once the application is stored: queued in the outbox, or its kit saved. */
int	session_stored(const struct session *);
/* Switches the language now, if there is a catalogue for it. */
void	session_set_language(struct session *, const char *);
/*
 * Keeps the answers as a draft at step (an index in wizard_steps[]), with the
 * checked bytes where the step list says so (wizard_keeps_checked), or
 * deletes the draft once the application is stored or the run finished
 * (finished).  Nothing on the welcome step or in a kiosk.  Returns 1 kept,
 * 0 none, or -1 with *cause; caller frees.
 */
int	session_keep_draft(const struct session *, int, int, char **);
/* Deletes this account's draft (quitting: the citizen is done with it). */
void	session_drop_draft(const struct session *);

#endif
