/* test-workspace.c -- the run's private folder and the cleanup registry keep their promises. */
#include "system.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "tmpdir.h"

#include "fsutil.h"
#include "signals.h"
#include "workspace.h"

static char	order[8];
static int	norder;

static void
note(void *arg, int signo)
{
	(void)signo;
	order[norder++] = *(const char *)arg;
}

/* Made with mkdtemp under XDG_RUNTIME_DIR, 0700, named with our pid; wiped whole. */
static void
test_workspace(void **state)
{
	struct workspace ws;
	struct stat st;
	char *cause = NULL, *p, want[300];

	(void)state;
	setenv("XDG_RUNTIME_DIR", dir, 1);
	assert_int_equal(workspace_open(&ws, &cause), 0);
	snprintf(want, sizeof want, "%s/sscard-%ld-", dir, (long)getpid());
	assert_memory_equal(ws.dir, want, strlen(want));
	assert_int_equal(stat(ws.dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(fs_write_atomic(ws.dir, "photo-given", "secret", 6, &cause), 0);
	p = workspace_path(&ws, "photo-given");
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	workspace_wipe(&ws);
	assert_null(ws.dir);
	assert_int_not_equal(stat(p, &st), 0);
	workspace_wipe(&ws);	/* twice is harmless */
	free(p);
}

/* A folder of a process that is gone is swept; one of a live process is kept. */
static void
test_sweep(void **state)
{
	char dead[300], live[300], other[300];
	struct stat st;
	pid_t pid;

	(void)state;
	if ((pid = fork()) == 0)
		_exit(0);
	waitpid(pid, NULL, 0);		/* a pid that no longer runs */
	snprintf(dead, sizeof dead, "%s/sscard-%ld-AAAAAA", dir, (long)pid);
	snprintf(live, sizeof live, "%s/sscard-%ld-BBBBBB", dir, (long)getpid());
	snprintf(other, sizeof other, "%s/sscard-notes", dir);
	assert_int_equal(mkdir(dead, 0700), 0);
	assert_int_equal(mkdir(live, 0700), 0);
	assert_int_equal(mkdir(other, 0700), 0);
	fs_sweep_dead(dir, "sscard-");
	assert_int_not_equal(stat(dead, &st), 0);
	assert_int_equal(stat(live, &st), 0);
	assert_int_equal(stat(other, &st), 0);
}

/* Cleanups run last slot first, once each; a forgotten one does not run. */
static void
test_cleanups(void **state)
{
	static const char a = 'a', b = 'b', c = 'c';
	int hb;

	(void)state;
	norder = 0;
	signals_on_exit(note, (void *)&a);
	hb = signals_on_exit(note, (void *)&b);
	signals_on_exit(note, (void *)&c);
	signals_forget(hb);
	signals_cleanup();
	signals_cleanup();
	assert_int_equal(norder, 2);
	assert_memory_equal(order, "ca", 2);
}

/* A signal is only noted: the process goes on until it looks. */
static void
test_caught(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_int_equal(signals_install(&cause), 0);
	assert_int_equal(signals_caught(), 0);
	raise(SIGTERM);
	assert_int_equal(signals_caught(), SIGTERM);
	raise(SIGHUP);		/* the first one is what ends the run */
	assert_int_equal(signals_caught(), SIGTERM);
	assert_true(signals_fd() >= 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_workspace),
		cmocka_unit_test(test_sweep),
		cmocka_unit_test(test_cleanups),
		cmocka_unit_test(test_caught),
	};

	return (cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown));
}
