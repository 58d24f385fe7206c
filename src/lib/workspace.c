/* workspace.c -- the run's private folder: made with mkdtemp, wiped at the end. */
#include "lib/system.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/fsutil.h"
#include "lib/signals.h"
#include "lib/workspace.h"
#include "lib/xmalloc.h"

static void	on_exit_wipe(void *, int);

/* A folder we may write in: an absolute path to a directory. */
static int
usable(const char *dir)
{
	struct stat sb;

	return (dir != NULL && *dir == '/' && stat(dir, &sb) == 0 &&
	    S_ISDIR(sb.st_mode) && access(dir, W_OK | X_OK) == 0);
}

const char *
workspace_parent(void)
{
	const char *run = getenv("XDG_RUNTIME_DIR"), *tmp = getenv("TMPDIR");

	if (usable(run))
		return (run);
	if (usable(tmp))
		return (tmp);
	return ("/tmp");
}

static void
on_exit_wipe(void *arg, int signo)
{
	(void)signo;
	workspace_wipe(arg);
}

int
workspace_open(struct workspace *ws, char **cause)
{
	/* The pid in the name lets a later run sweep what a crash left. */
	char *tmpl = xasprintf("%s/sscard-%ld-XXXXXX", workspace_parent(),
	    (long)getpid());

	ws->cleanup = -1;
	/* mkdtemp makes it 0700, with a name nobody can guess or take first. */
	if (mkdtemp(tmpl) == NULL) {
		*cause = xasprintf(_("cannot create a private folder in %s: %s"),
		    workspace_parent(), strerror(errno));
		free(tmpl);
		ws->dir = NULL;
		return (-1);
	}
	ws->dir = tmpl;
	ws->cleanup = signals_on_exit(on_exit_wipe, ws);
	return (0);
}

char *
workspace_path(const struct workspace *ws, const char *name)
{
	return (xasprintf("%s/%s", ws->dir, name));
}

void
workspace_wipe(struct workspace *ws)
{
	if (ws->dir == NULL)
		return;
	signals_forget(ws->cleanup);
	ws->cleanup = -1;
	fs_wipe_dir(ws->dir);
	free(ws->dir);
	ws->dir = NULL;
}

/*
 * Every place a run of this user may have made its folder: a crash under
 * $TMPDIR is found by a later run that has $XDG_RUNTIME_DIR, and the other
 * way round.  Each folder is swept once, however it is named.
 */
void
workspace_sweep(void)
{
	char user_run[64];
	const char *parents[4];
	struct stat sb, seen[nitems(parents)];
	size_t i, j, n = 0;

	snprintf(user_run, sizeof user_run, "/run/user/%ld", (long)getuid());
	parents[0] = getenv("XDG_RUNTIME_DIR");
	parents[1] = user_run;
	parents[2] = getenv("TMPDIR");
	parents[3] = "/tmp";
	for (i = 0; i < nitems(parents); i++) {
		if (parents[i] == NULL || *parents[i] != '/' ||
		    stat(parents[i], &sb) != 0 || !S_ISDIR(sb.st_mode))
			continue;
		for (j = 0; j < n; j++)
			if (seen[j].st_dev == sb.st_dev && seen[j].st_ino == sb.st_ino)
				break;
		if (j < n)
			continue;
		seen[n++] = sb;
		/* sscard-PID-XXXXXX: mkdtemp's six characters, nothing else. */
		fs_sweep_dead(parents[i], "sscard-", 6);
	}
}
