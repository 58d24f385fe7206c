/* plain.h -- the wizard as numbered questions, line by line, for speech, braille and dumb terminals. */
#ifndef SSCARD_PLAIN_H
#define SSCARD_PLAIN_H

#include <signal.h>
#include <stdio.h>
#include <termios.h>
#include <time.h>

#include "draft.h"
#include "input.h"
#include "kiosk.h"
#include "model.h"
#include "workspace.h"

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
	struct application	 model;
	const struct config	*cfg;
	const struct app_options *opts;
	struct kiosk		 kiosk;
	struct tm		 today;
	int			 drafts;	/* 1: keep a draft (never in a kiosk) */
	long			 keep_hours;	/* [draft] keep_hours */
	char			 start_lang[8];	/* the language a wipe returns to */
	char			*draft_dir;
	struct workspace	 ws;		/* this citizen's private folder (workspace.c) */
	int			 photo_checked;	/* model.checked_path passed the check step */
	char			*kit_saved;	/* the kit's folder once saved */
	int			 show_id;	/* the review shows the whole ID number */
	char			*stored_in;	/* where the application went */
	int			 resume_step;	/* where a resumed draft goes on */
	int			 step;		/* index in plain_steps[] */
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

/* The questions of each step, in plain-steps.c. */
struct plain_step {
	const char	*id;		/* the curses screen's id: drafts name the step */
	enum plain_rc	 (*ask)(struct plain *);
};
extern const struct plain_step plain_steps[];
int	plain_step_index(const char *);
/*
 * Stores the finished application, as the curses wizard does: with no card
 * service, the kit (kit.c) in dir (NULL: the default folder, made new) and
 * no outbox entry; with one, queued (in a kiosk, in kit_dir) and sent.
 * The one place that decides where it goes.  0, or -1 with *cause.
 */
int	plain_deliver(struct plain *, const char *, char **);
/* The kit saved in dir (NULL: the default folder): 0, or -1 with *cause. */
int	plain_save_kit(struct plain *, const char *, char **);

#endif
