/*
 * workspace.h -- one private folder per run for everything written before
 * the citizen consents (the photo as given, the fixed photo), wiped at the
 * end of the run: on finish, on quit, on error, and on SIGHUP, SIGTERM and
 * SIGINT (workspace_open registers the wipe with signals_on_exit).
 *
 * Use: workspace_open(&ws, &cause); p = workspace_path(&ws, "photo.jpg");
 * write there with fs_write_atomic(ws.dir, "photo.jpg", ...); nothing else
 * to do: the end of the run removes it.  A feature that keeps a file longer
 * (a draft) writes it elsewhere, after consent.
 */
#ifndef SSCARD_WORKSPACE_H
#define SSCARD_WORKSPACE_H

#include <stddef.h>

struct workspace {
	char	*dir;		/* $XDG_RUNTIME_DIR/sscard-PID-XXXXXX (or $TMPDIR, /tmp), 0700 */
	int	 cleanup;	/* the signals_on_exit handle */
};

/*
 * Makes the folder with mkdtemp under $XDG_RUNTIME_DIR when it is set and
 * usable, else $TMPDIR, else /tmp.  Returns 0, or -1 with *cause; caller
 * frees.
 */
int	 workspace_open(struct workspace *, char **);
/* dir/name; caller frees. */
char	*workspace_path(const struct workspace *, const char *);
/* Overwrites every file with zeros, removes it and the folder; safe to call twice. */
void	 workspace_wipe(struct workspace *);
/*
 * Removes the workspaces of earlier runs that died without wiping them
 * (SIGKILL, a power cut): ours, named with a pid that no longer runs, with
 * all they hold, in every place a run can have made one ($XDG_RUNTIME_DIR,
 * /run/user/UID, $TMPDIR, /tmp).
 */
void	 workspace_sweep(void);
/* Where workspaces go (for messages): the parent folder, not allocated. */
const char *workspace_parent(void);

#endif
