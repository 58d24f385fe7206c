/* print.c -- hand files to the configured print command: split safely, no shell, failures said. */
#include "system.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "kit.h"
#include "model.h"
#include "print.h"
#include "workspace.h"
#include "xmalloc.h"

static void	push(char ***, size_t *, char *);
static void	run_child(char **, int);

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

/* In the child: quiet, then exec; errno goes back through the close-on-exec pipe. */
static void
run_child(char **argv, int report)
{
	int null = open("/dev/null", O_RDWR);
	int e;

	if (null >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);	/* the wizard's screen stays its own */
		dup2(null, STDERR_FILENO);
	}
	signal(SIGPIPE, SIG_DFL);
	execvp(argv[0], argv);
	e = errno;
	if (write(report, &e, sizeof e) < 0)
		_exit(127);
	_exit(127);
}

int
print_files(const struct config *cfg, const char *const *files, size_t nfiles,
    char **cause)
{
	const char *cmd = config_str(cfg, "print", "command", NULL);
	char **argv = NULL;
	size_t n, i;
	int fds[2], status, e = 0, rc = -1;
	pid_t pid;

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
	close(fds[1]);
	if (read(fds[0], &e, sizeof e) != (ssize_t)sizeof e)
		e = 0;
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (e != 0)
		*cause = xasprintf(_("cannot run the print command %s: %s"), argv[0],
		    strerror(e));
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		rc = 0;
	else if (WIFEXITED(status))
		*cause = xasprintf(_("Printing failed: %s exited with status %d."),
		    argv[0], WEXITSTATUS(status));
	else
		*cause = xasprintf(_("Printing failed: %s was stopped by signal %d."),
		    argv[0], WTERMSIG(status));
	print_argv_free(argv);
	return (rc);
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
	free(made);
	return (rc);
}
