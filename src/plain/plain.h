/* plain.h -- the wizard as numbered questions, line by line, for speech, braille and dumb terminals. */
#ifndef SSCARD_PLAIN_H
#define SSCARD_PLAIN_H

#include <signal.h>
#include <stdio.h>
#include <termios.h>
#include <time.h>

#include "keys/input.h"
#include "model/session.h"
#include "net/send.h"

struct app_options;
struct config;

/* What a question ended with. */
enum plain_rc {
	PLAIN_OK,	/* answered */
	PLAIN_BACK,	/* "<": the previous question */
	PLAIN_QUIT,	/* Esc or Ctrl-C on the line; Ctrl-D at a kiosk's terminal */
	PLAIN_END,	/* the key script or stdin ran out */
	PLAIN_IDLE,	/* kiosk: nobody answered, even after the notice */
	PLAIN_SIGNAL,	/* SIGHUP, SIGTERM or SIGINT (signals.c): clean up and die of it */
};

/* The line-by-line terminal: where lines go, where answers come from. */
struct plain_io {
	FILE		*out;		/* stdout */
	FILE		*log;		/* DIR/transcript.txt of --snapshot, or NULL */
	struct input	 in;		/* the key script of --replay, and --record */
	int		 echo;		/* 1: print answers (nobody's terminal echoes them) */
	char		 pending[4096];	/* bytes read from stdin, not yet a line */
	size_t		 npending;
	int		 eof;
	int		 eof_quits;	/* kiosk on a terminal: Ctrl-D asks to quit */
	struct termios	 saved;		/* the terminal's modes before term_keys */
	int		 keys_set;	/* 1: saved is to be put back */
	int		 keys_cleanup;	/* its signals_on_exit handle */
	int		 width;		/* columns to wrap at */
	char		*section;	/* the title printed last */
	long		 idle_ms;	/* kiosk: wait this long for a key; 0 forever */
	long		 notice_ms;	/* then warn and wait this long */
	int		 progress;	/* last 10 % step printed, -1 none */
	int		 stored;	/* the application is stored: the idle notice says so */
};

/* The plain wizard's state: the citizen's answers and the run's settings. */
struct plain {
	struct plain_io		 io;
	struct session		 ses;		/* the citizen's answers and folders (session.c) */
	struct send		 send;		/* the outbox it is queued in (net/send.c) */
	const struct app_options *opts;
	int			 drafts;	/* 1: keep a draft (never in a kiosk) */
	long			 keep_hours;	/* [draft] keep_hours */
	char			*draft_dir;
	int			 show_id;	/* the review shows the whole ID number */
	int			 resume_step;	/* where a resumed draft goes on */
	int			 step;		/* index in plain_steps[] and wizard_steps[] */
	int			 jump;		/* with PLAIN_BACK: go to this step; -1 the previous */
};

/* 1 when the plain front end should run: --plain, TERM=dumb, or ACCESSIBLE set. */
int	plain_wanted(int);
/* Runs the wizard in plain mode; returns an exit status (exitcode.h). */
int	plain_run(const struct app_options *, const struct config *);

/* Output: a line, a wrapped paragraph, an error, a section title (printed once). */
void	plain_line(struct plain_io *, const char *, ...) __attribute__((format(printf, 2, 3)));
void	plain_para(struct plain_io *, int, const char *);
void	plain_hang(struct plain_io *, int, int, const char *);
void	plain_text(struct plain_io *, const char *);
void	plain_error(struct plain_io *, const char *);
/* plain_error of *cause, which is freed and set to NULL. */
void	plain_error_cause(struct plain_io *, char **);
void	plain_section(struct plain_io *, const char *);
/* "... 10%" on one line at every tenth; pct < 0 ends the line. */
void	plain_progress(struct plain_io *, int);

/*
 * Asks one question.  Returns PLAIN_OK with *line (caller frees; wipe it if
 * personal), or another code.  "?" prints help and asks again; "<" is BACK.
 * secret: the answer is not echoed (the terminal's echo is turned off).
 */
enum plain_rc	plain_ask(struct plain_io *, const char *, const char *, const char *,
		    int, char **);
/*
 * Numbered choices "  1: text," with the default marked [*]; Enter takes the
 * default.  Returns PLAIN_OK with *choice set (0-based), or another code.
 */
enum plain_rc	plain_choose(struct plain_io *, const char *, const char *const *, int,
		    int, const char *, int *);

/* The questions of each step, in plain-steps.c, in the order of wizard_steps[]. */
extern enum plain_rc (*const plain_steps[])(struct plain *);

#endif
