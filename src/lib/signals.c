/* signals.c -- the three signals that end a run, and the cleanups they trigger. */
#include "lib/system.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "lib/signals.h"
#include "lib/xmalloc.h"

#define CLEANUPS_MAX	16

static const int	 handled[] = { SIGHUP, SIGTERM, SIGINT };
static volatile sig_atomic_t caught;
static int		 pipe_fd[2] = { -1, -1 };

static struct {
	signals_fn	 fn;
	void		*arg;
} cleanups[CLEANUPS_MAX];

static void	on_signal(int);

/* Async-signal-safe: a flag and one byte down the pipe, nothing else. */
static void
on_signal(int signo)
{
	int saved = errno;
	char c = 1;

	if (caught == 0)
		caught = signo;
	if (pipe_fd[1] >= 0)
		(void)!write(pipe_fd[1], &c, 1);
	errno = saved;
}

int
signals_install(char **cause)
{
	struct sigaction sa;
	size_t i;

	if (pipe_fd[0] < 0) {
		if (pipe2(pipe_fd, O_CLOEXEC | O_NONBLOCK) != 0) {
			*cause = xasprintf(_("cannot set up signal handling: %s"),
			    strerror(errno));
			return (-1);
		}
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < nitems(handled); i++)
		sigaddset(&sa.sa_mask, handled[i]);
	sa.sa_flags = 0;	/* no SA_RESTART: a waiting read returns EINTR */
	for (i = 0; i < nitems(handled); i++)
		if (sigaction(handled[i], &sa, NULL) != 0) {
			*cause = xasprintf(_("cannot set up signal handling: %s"),
			    strerror(errno));
			return (-1);
		}
	/* A write to a pipe that closed (a printer that died) fails with EPIPE and is said. */
	signal(SIGPIPE, SIG_IGN);
	return (0);
}

void
signals_shared_machine(void)
{
	/* Ctrl-Z and Ctrl-\ must not drop the next citizen into a shell or a core file. */
	signal(SIGTSTP, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
}

int
signals_caught(void)
{
	return ((int)caught);
}

int
signals_fd(void)
{
	return (pipe_fd[0]);
}

int
signals_on_exit(signals_fn fn, void *arg)
{
	int i;

	for (i = 0; i < CLEANUPS_MAX; i++)
		if (cleanups[i].fn == NULL) {
			cleanups[i].fn = fn;
			cleanups[i].arg = arg;
			return (i);
		}
	return (-1);
}

void
signals_forget(int h)
{
	if (h >= 0 && h < CLEANUPS_MAX)
		cleanups[h].fn = NULL;
}

void
signals_cleanup(void)
{
	signals_fn fn;
	int i;

	for (i = CLEANUPS_MAX - 1; i >= 0; i--) {
		if ((fn = cleanups[i].fn) == NULL)
			continue;
		cleanups[i].fn = NULL;	/* once, even if fn is interrupted */
		fn(cleanups[i].arg, (int)caught);
	}
}

void
signals_reraise(void)
{
	struct sigaction sa;
	sigset_t set;
	int signo = (int)caught;

	if (signo == 0)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(signo, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, signo);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(signo);
}
