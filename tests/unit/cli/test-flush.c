/*
 * test-flush.c -- what `sscard outbox flush` counts as left queued when another
 * process is at work on the same outbox: that process is played by this test,
 * holding an entry's lock and letting it go at the moment the flush looks
 * again after its run (flock is linked with --wrap).
 */
#include "lib/system.h"

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "../tmpdir.h"

#include "cli/cmd-net.h"
#include "lib/config.h"
#include "lib/exitcode.h"
#include "model/idnum.h"
#include "model/application.h"
#include "net/outbox.h"
#include "lib/xmalloc.h"

static const unsigned char jpeg_magic[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F' };

/* What the other process does when the flush tries the entry's lock again. */
enum other { HOLDS, SENDS, GIVES_UP };

static struct outbox	ob;
static char		*entry;		/* the entry's id */
static int		 other_fd = -1;	/* the other process's lock on it */
static enum other	 other_does;
static int		 tries;		/* the flush's tries at the entry's lock */

int	__real_flock(int, int);
int	__wrap_flock(int, int);

/* 1 when fd is open on the entry's lock file. */
static int
on_entry_lock(int fd)
{
	char link[64], at[PATH_MAX], *want;
	ssize_t n;
	int same;

	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	if ((n = readlink(link, at, sizeof at - 1)) < 0)
		return (0);
	at[n] = '\0';
	want = xasprintf("/%s/lock", entry);
	same = (size_t)n >= strlen(want) &&
	    strcmp(at + n - strlen(want), want) == 0;
	free(want);
	return (same);
}

/*
 * The flush's first try is its run finding the entry busy; the second is
 * its look afterwards.  Just before that look, the other process finishes.
 */
int
__wrap_flock(int fd, int op)
{
	struct outbox_status st;
	char *cause = NULL;

	if (other_fd < 0 || fd == other_fd || !on_entry_lock(fd) ||
	    ++tries != 2 || other_does == HOLDS)
		return (__real_flock(fd, op));
	assert_int_equal(outbox_status_read(&ob, entry, &st, &cause), 0);
	st.attempts++;
	if (other_does == SENDS) {
		st.state = OUTBOX_SENT;
		st.receipt = xstrdup("R000001");
		st.sent_at = (long long)time(NULL);
	} else {
		st.reason = xstrdup("cannot reach the card service");
		st.next_try = (long long)time(NULL) + 3600;
	}
	assert_int_equal(outbox_status_write(&ob, entry, &st, &cause), 0);
	outbox_status_free(&st);
	outbox_unlock(other_fd);
	other_fd = -1;
	return (__real_flock(fd, op));
}

/* A fresh outbox named name with one queued entry that the other process holds. */
static void
setup_outbox(struct config *cfg, const char *name)
{
	struct application a;
	char id[19] = "11010519491231002", *conf, *photo, *cause = NULL;
	FILE *f;

	conf = xasprintf("%s/%s.conf", dir, name);
	photo = xasprintf("%s/%s.jpg", dir, name);
	assert_non_null(f = fopen(photo, "wb"));
	assert_int_equal(fwrite(jpeg_magic, 1, sizeof jpeg_magic, f),
	    sizeof jpeg_magic);
	assert_int_equal(fclose(f), 0);
	/* Nothing listens there: the entry is never this flush's to send. */
	assert_non_null(f = fopen(conf, "w"));
	fprintf(f, "[outbox]\ndir = %s/%s\n[backend]\n"
	    "base_url = https://127.0.0.1:9/\nretries = 0\n", dir, name);
	assert_int_equal(fclose(f), 0);
	config_init(cfg);
	assert_int_equal(config_load_file(cfg, conf, &cause), 0);
	assert_int_equal(outbox_open(&ob, cfg, &cause), 0);

	id[17] = idnum_check_char(id);
	id[18] = '\0';
	application_init(&a);
	a.channel = CHANNEL_ONLINE;
	application_set(&a.name, "王小明");
	application_set(&a.id_number, id);
	application_set(&a.phone, "13800138000");
	application_set(&a.photo_path, photo);
	snprintf(a.lang, sizeof a.lang, "en");
	assert_int_equal(outbox_queue(&ob, &a, &entry, &cause), 0);
	application_clear(&a);
	assert_int_equal(outbox_lock(&ob, entry, &other_fd, &cause), 0);
	tries = 0;
	free(conf);
	free(photo);
}

static int
flush(struct config *cfg)
{
	char *argv[] = { "outbox", "flush", NULL };

	optind = 0;
	return (cmd_outbox(2, argv, cfg));
}

static void
teardown_outbox(struct config *cfg)
{
	outbox_unlock(other_fd);
	other_fd = -1;
	free(entry);
	entry = NULL;
	outbox_close(&ob);
	config_free(cfg);
}

/*
 * A flush of an outbox named name whose one entry the other process holds and
 * then does with it what does says; the flush must exit with status.
 */
static void
expect_flush(const char *name, enum other does, int status)
{
	struct config cfg;

	setup_outbox(&cfg, name);
	other_does = does;
	assert_int_equal(flush(&cfg), status);
	assert_int_equal(tries, 2);	/* the moment was played */
	teardown_outbox(&cfg);
}

/* Sent by the other process after this flush listed it: not left queued. */
static void
test_sent_meanwhile(void **state)
{
	expect_flush("sent", SENDS, EXIT_FINISHED);
}

/* Still being sent by the other process: its outcome is not this flush's. */
static void
test_sending_elsewhere(void **state)
{
	expect_flush("held", HOLDS, EXIT_FINISHED);
}

/* Given up by the other process: left queued, and the exit status says so. */
static void
test_given_up_meanwhile(void **state)
{
	expect_flush("given-up", GIVES_UP, EXIT_FAILED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sent_meanwhile),
		cmocka_unit_test(test_sending_elsewhere),
		cmocka_unit_test(test_given_up_meanwhile),
	};

	return (cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown));
}
