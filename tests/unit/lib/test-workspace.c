/* test-workspace.c -- the run's private folder and the cleanup registry keep their promises. */
#include "lib/system.h"

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

#include "../tmpdir.h"

#include "lib/fsutil.h"
#include "lib/signals.h"
#include "lib/workspace.h"

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

/* A pid that no longer runs. */
static pid_t
dead_pid(void)
{
	pid_t pid;

	if ((pid = fork()) == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return (pid);
}

/* path/print/photo.jpg, and path/link: a link to keep, outside path. */
static void
fill(const char *path, const char *keep)
{
	char sub[400], *cause = NULL;

	snprintf(sub, sizeof sub, "%s/print", path);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(fs_write_atomic(sub, "photo.jpg", "face", 4, &cause), 0);
	assert_int_equal(fs_write_atomic(path, "summary.txt", "name", 4, &cause), 0);
	snprintf(sub, sizeof sub, "%s/link", path);
	assert_int_equal(symlink(keep, sub), 0);
}

/*
 * A folder of a process that is gone is swept with its subfolders; one of a
 * live process is kept, and so is a name of another shape; a link inside is
 * removed, what it points to stays.
 */
static void
test_sweep(void **state)
{
	char dead[300], live[300], other[300], longer[300], keep[300];
	struct stat st;
	pid_t pid = dead_pid();

	(void)state;
	snprintf(dead, sizeof dead, "%s/sscard-%ld-AAAAAA", dir, (long)pid);
	snprintf(live, sizeof live, "%s/sscard-%ld-BBBBBB", dir, (long)getpid());
	snprintf(other, sizeof other, "%s/sscard-notes", dir);
	snprintf(longer, sizeof longer, "%s/sscard-%ld-notes.d", dir, (long)pid);
	snprintf(keep, sizeof keep, "%s/keep", dir);
	assert_int_equal(mkdir(dead, 0700), 0);
	assert_int_equal(mkdir(live, 0700), 0);
	assert_int_equal(mkdir(other, 0700), 0);
	assert_int_equal(mkdir(longer, 0700), 0);
	assert_int_equal(mkdir(keep, 0700), 0);
	fill(dead, keep);
	fs_sweep_dead(dir, "sscard-", 6);
	assert_int_not_equal(lstat(dead, &st), 0);
	assert_int_equal(stat(live, &st), 0);
	assert_int_equal(stat(other, &st), 0);
	assert_int_equal(stat(longer, &st), 0);
	assert_int_equal(stat(keep, &st), 0);
}

/* The wipe takes subfolders too, and never follows a link out. */
static void
test_wipe_tree(void **state)
{
	struct workspace ws;
	struct stat st;
	char *cause = NULL, keep[300], kept[400], was[400];

	(void)state;
	setenv("XDG_RUNTIME_DIR", dir, 1);
	snprintf(keep, sizeof keep, "%s/keep2", dir);
	assert_int_equal(mkdir(keep, 0700), 0);
	assert_int_equal(fs_write_atomic(keep, "mine", "x", 1, &cause), 0);
	assert_int_equal(workspace_open(&ws, &cause), 0);
	fill(ws.dir, keep);
	snprintf(was, sizeof was, "%s", ws.dir);
	workspace_wipe(&ws);
	assert_int_not_equal(lstat(was, &st), 0);
	snprintf(kept, sizeof kept, "%s/mine", keep);
	assert_int_equal(stat(kept, &st), 0);
	assert_int_equal(st.st_size, 1);
}

/*
 * A crash's folder under TMPDIR is swept by a run that has XDG_RUNTIME_DIR:
 * every place a run can have written is looked at.
 */
static void
test_sweep_every_parent(void **state)
{
	char run[300], tmp[300], dead[400];
	struct stat st;

	(void)state;
	snprintf(run, sizeof run, "%s/xdg", dir);
	snprintf(tmp, sizeof tmp, "%s/tmp", dir);
	assert_int_equal(mkdir(run, 0700), 0);
	assert_int_equal(mkdir(tmp, 0700), 0);
	snprintf(dead, sizeof dead, "%s/sscard-%ld-CCCCCC", tmp, (long)dead_pid());
	assert_int_equal(mkdir(dead, 0700), 0);
	fill(dead, run);
	setenv("XDG_RUNTIME_DIR", run, 1);
	setenv("TMPDIR", tmp, 1);
	workspace_sweep();
	assert_int_not_equal(lstat(dead, &st), 0);
	assert_int_equal(stat(run, &st), 0);
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
		cmocka_unit_test(test_wipe_tree),
		cmocka_unit_test(test_sweep_every_parent),
		cmocka_unit_test(test_cleanups),
		cmocka_unit_test(test_caught),
	};

	return (cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown));
}
