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
 * the terminal showed.  0, or -1 with *cause (caller frees) when the new
 * private folder cannot be made: all is wiped, but nobody else can be served.
 */
int	session_wipe(struct session *, char **);
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

/*
 * What quitting on step leaves behind, for the quit box and question: the
 * kit, the queued entry, a draft if the citizen keeps one, or nothing (the
 * photo's copy wiped); caller frees.
 */
char	*session_quit_outcome(const struct session *, int);
/*
 * 1 when quitting on step may keep the answers as a draft instead: past the
 * welcome step, outside a kiosk, where drafts are kept (draft_usable),
 * before anything is stored.
 */
int	session_quit_can_keep(const struct session *, int);

/* A draft of an earlier run, offered on the welcome step by masked name and time only. */
struct session_draft {
	char	*name;		/* masked ("张*"); owned */
	time_t	 saved;
};

/*
 * 1 with *d (free with session_draft_free) when there is a draft to offer,
 * 0 none (never in a kiosk), -1 with *cause: it was damaged or its key is
 * gone, and it is deleted.
 */
int	session_draft_find(const struct session *, struct session_draft *, char **);
void	session_draft_free(struct session_draft *);
/* "Answers of 张*, saved 2026-12-06 10:00, are on this computer."; caller frees. */
char	*session_draft_question(const struct session_draft *);
/* The answers to it: 0 "Resume them", 1 "Delete them and start afresh". */
const char	*session_draft_answer(int);
/*
 * Resumes the draft: its answers, language and checked photo back.  Returns
 * the step to go on at (after the welcome), or -1 with *cause; caller frees.
 */
int	session_draft_resume(struct session *, char **);
/* Deletes the draft; returns the sentence that says so. */
const char	*session_draft_delete(const struct session *);

#endif
