/* print.c -- hand files to the configured print command: split safely, no shell, failures said. */
#include "lib/system.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/config.h"
#include "lib/fsutil.h"
#include "model/kit.h"
#include "model/application.h"
#include "model/print.h"
#include "lib/signals.h"
#include "lib/workspace.h"
#include "lib/xmalloc.h"

static void	push(char ***, size_t *, char *);
static void	run_child(char **, int);
static int	wait_child(pid_t, long, int *);
static char	*print_failure(const char *, int, int, long, int);

/* How wait_child ended other than by the child's exit. */
#define WAIT_LATE	1	/* [print] timeout_seconds passed */
#define WAIT_SIGNAL	2	/* a signal ends the run */

int
print_configured(const struct config *cfg)
{
	const char *c = config_str(cfg, "print", "command", NULL);

	return (c != NULL && *c != '\0');
}

static void
push(char ***v, size_t *n, char *word)
{
	*v = xreallocarray(*v, *n + 2, sizeof **v);
	(*v)[(*n)++] = word;
	(*v)[*n] = NULL;
}

int
print_split(const char *cmd, char ***argv, char **cause)
{
	char **v = NULL, *word = xmalloc(strlen(cmd) + 1), quote = 0;
	size_t n = 0, len = 0;
	int in_word = 0;

	for (;; cmd++) {
		if (quote != 0) {
			if (*cmd == '\0')
				break;
			if (*cmd == quote)
				quote = 0;
			else if (quote == '"' && *cmd == '\\' &&
			    (cmd[1] == '"' || cmd[1] == '\\'))
				word[len++] = *++cmd;
			else
				word[len++] = *cmd;
			continue;
		}
		if (*cmd == '\0' || *cmd == ' ' || *cmd == '\t') {
			if (in_word)
				push(&v, &n, xstrndup(word, len));
			in_word = 0;
			len = 0;
			if (*cmd == '\0')
				break;
			continue;
		}
		in_word = 1;
		if (*cmd == '\'' || *cmd == '"')
			quote = *cmd;
		else if (*cmd == '\\' && cmd[1] != '\0')
			word[len++] = *++cmd;
		else
			word[len++] = *cmd;
	}
	free(word);
	if (quote != 0 || n == 0) {
		print_argv_free(v);
		*cause = xstrdup(quote != 0 ? _("[print] command has a quote that is "
		    "not closed.") : _("[print] command is empty."));
		return (-1);
	}
	*argv = v;
	return (0);
}

void
print_argv_free(char **v)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/*
 * In the child: its own process group (so that a time limit or the end of
 * the run can stop all it started), quiet, nothing of ours but 0, 1 and 2,
 * then exec; errno goes back through the close-on-exec pipe.
 */
static void
run_child(char **argv, int report)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	int e, fd, max;

	setpgid(0, 0);
	if (null >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);	/* the wizard's screen stays its own */
		dup2(null, STDERR_FILENO);
	}
	/*
	 * Every descriptor is opened close-on-exec; should one ever not be (a
	 * library's), this still keeps it, and what it holds, from the printer.
	 * The report pipe lives until the exec.
	 */
	if (close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {
		max = (int)sysconf(_SC_OPEN_MAX);
		for (fd = 3; fd < (max > 0 && max < 65536 ? max : 65536); fd++)
			fcntl(fd, F_SETFD, FD_CLOEXEC);
	}
	signal(SIGPIPE, SIG_DFL);
	execvp(argv[0], argv);
	e = errno;
	if (write(report, &e, sizeof e) < 0)
		_exit(127);
	_exit(127);
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/*
 * Waits for the child for at most `seconds`, and no longer than until a
 * signal ends the run: 0 with *status, or WAIT_LATE / WAIT_SIGNAL with the
 * child's process group killed and reaped.  Poll on a pidfd and the signals
 * descriptor; without pidfds (before Linux 5.3), a look every 100 ms.
 */
static int
wait_child(pid_t pid, long seconds, int *status)
{
	struct pollfd pfd[2];
	long deadline = now_ms() + seconds * 1000, left;
	int pidfd = -1, rc = -1;
	pid_t got;

#ifdef SYS_pidfd_open
	pidfd = (int)syscall(SYS_pidfd_open, pid, 0);	/* close-on-exec */
#endif
	for (;;) {
		if ((got = waitpid(pid, status, WNOHANG)) == pid ||
		    (got < 0 && errno != EINTR)) {
			rc = 0;
			break;
		}
		if (signals_caught() != 0) {
			rc = WAIT_SIGNAL;
			break;
		}
		if ((left = deadline - now_ms()) <= 0) {
			rc = WAIT_LATE;
			break;
		}
		pfd[0].fd = pidfd;
		pfd[0].events = POLLIN;
		pfd[1].fd = signals_fd();	/* read by the event loop, not here */
		pfd[1].events = POLLIN;
		if (pidfd < 0 && left > 100)
			left = 100;
		poll(pfd, 2, left > INT_MAX ? INT_MAX : (int)left);
	}
	if (pidfd >= 0)
		close(pidfd);
	if (rc != 0) {
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);	/* before its setpgid, it is not yet a group */
		while (waitpid(pid, status, 0) < 0 && errno == EINTR)
			;
	}
	return (rc);
}

/* Why the print command did not print, as the citizen reads it; caller frees. */
static char *
print_failure(const char *cmd, int e, int waited, long seconds, int status)
{
	if (e != 0)
		return (xasprintf(_("cannot run the print command %s: %s"), cmd,
		    strerror(e)));
	if (waited == WAIT_LATE)
		return (xasprintf(_("Printing failed: %s did not finish within %ld "
		    "seconds and was stopped ([print] timeout_seconds)."), cmd,
		    seconds));
	if (waited == WAIT_SIGNAL)
		return (xasprintf(_("Printing was stopped: %s is ending."), PACKAGE));
	if (WIFEXITED(status))
		return (xasprintf(_("Printing failed: %s exited with status %d."),
		    cmd, WEXITSTATUS(status)));
	return (xasprintf(_("Printing failed: %s was stopped by signal %d."), cmd,
	    WTERMSIG(status)));
}

int
print_files(const struct config *cfg, const char *const *files, size_t nfiles,
    char **cause)
{
	const char *cmd = config_str(cfg, "print", "command", NULL);
	char **argv = NULL;
	size_t n, i;
	int fds[2], status = 0, e = 0, waited;
	long seconds;
	pid_t pid;

	if (config_long(cfg, "print", "timeout_seconds", 60, 1, 24 * 3600,
	    &seconds, cause) != 0)
		return (-1);
	if (cmd == NULL || print_split(cmd, &argv, cause) != 0) {
		if (cmd == NULL)
			*cause = xstrdup(_("No printer is set up ([print] command)."));
		return (-1);
	}
	for (n = 0; argv[n] != NULL; n++)
		;
	for (i = 0; i < nfiles; i++)
		push(&argv, &n, xstrdup(files[i]));
	if (pipe2(fds, O_CLOEXEC) != 0 || (pid = fork()) < 0) {
		*cause = xasprintf(_("cannot run the print command: %s"), strerror(errno));
		print_argv_free(argv);
		return (-1);
	}
	if (pid == 0)
		run_child(argv, fds[1]);
	setpgid(pid, pid);	/* whichever of the two runs first */
	close(fds[1]);
	while (read(fds[0], &e, sizeof e) < 0 && errno == EINTR)
		;
	close(fds[0]);
	waited = wait_child(pid, seconds, &status);
	if (e != 0 || waited != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*cause = print_failure(argv[0], e, waited, seconds, status);
		print_argv_free(argv);
		return (-1);
	}
	print_argv_free(argv);
	return (0);
}

int
print_application(const struct config *cfg, const struct application *a, int sends,
    const char *kit, const struct workspace *ws, char **cause)
{
	const char *files[2];
	char *made = NULL, *tmp, *summary, *sheet;
	int rc;

	if (kit == NULL) {
		/* No kit saved: one for the printer only, in the run's workspace. */
		tmp = workspace_path(ws, "print");
		rc = kit_save(a, sends, tmp, 0, &made, cause);
		free(tmp);
		if (rc != 0)
			return (-1);
		kit = made;
	}
	summary = xasprintf("%s/summary.txt", kit);
	sheet = xasprintf("%s/print-sheet.jpg", kit);
	files[0] = summary;
	files[1] = sheet;
	rc = print_files(cfg, files, a->photo_receipt[0] != '\0' ? 1 : 2, cause);
	free(summary);
	free(sheet);
	/* The printer has its copy: the one made for it goes now, not at the end. */
	if (made != NULL)
		fs_wipe_dir(made);
	free(made);
	return (rc);
}
