/*
 * signals.h -- SIGHUP, SIGTERM and SIGINT end sscard cleanly: the handler
 * only records the signal (async-signal-safe); the event loop sees it, the
 * cleanups registered here run in normal context (endwin, wiping the
 * workspace, removing a half-written recording), and the process then dies
 * of the same signal so that its parent sees why.
 *
 * Any part of sscard may register a cleanup, e.g. a draft saved on SIGHUP:
 *
 *	static void save_draft(void *arg, int signo) { ... }
 *	int h = signals_on_exit(save_draft, draft);
 *	...
 *	signals_forget(h);	// once the draft no longer needs it
 *
 * Cleanups run last slot first (newest first while none was forgotten),
 * each at most once, from signals_cleanup():
 * called by the event loop when signals_caught() is set, and by app_run()
 * on every normal exit too (signo 0 then), so a cleanup never needs to be
 * called twice by hand.
 */
#ifndef SSCARD_SIGNALS_H
#define SSCARD_SIGNALS_H

/* signo: the signal that ends the run, or 0 on a normal exit. */
typedef void	(*signals_fn)(void *, int);

/*
 * Installs the handlers for SIGHUP, SIGTERM and SIGINT (without SA_RESTART,
 * so a blocking read returns EINTR) and ignores SIGPIPE; before curses
 * starts, so that curses keeps them.  For both front ends: the one place
 * signals are set.  Returns 0, or -1 with *cause; caller frees.
 */
int	signals_install(char **);
/* A kiosk: SIGTSTP and SIGQUIT (Ctrl-Z, Ctrl-\) are ignored. */
void	signals_shared_machine(void);
/* The signal caught (SIGHUP, SIGTERM, SIGINT), or 0. */
int	signals_caught(void);
/* A descriptor that becomes readable when a signal is caught (for poll). */
int	signals_fd(void);
/*
 * Registers fn(arg, signo) to run at the end of the run.  Returns a handle
 * for signals_forget, or -1 when the table (16 entries) is full.
 */
int	signals_on_exit(signals_fn, void *);
void	signals_forget(int);
/* Runs the registered cleanups, last slot first, and forgets them. */
void	signals_cleanup(void);
/* After cleanup: if a signal was caught, dies of it with its default action. */
void	signals_reraise(void);

#endif
