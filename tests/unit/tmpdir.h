/* tmpdir.h -- a fresh folder per unit-test program: tmpdir_setup and tmpdir_teardown for cmocka. */
#ifndef SSCARD_TEST_TMPDIR_H
#define SSCARD_TEST_TMPDIR_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

/* The folder, under $TMPDIR (else /tmp), made by tmpdir_setup. */
static char dir[PATH_MAX];

static int
tmpdir_setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	snprintf(dir, sizeof dir, "%s/sscard-unit-XXXXXX", tmp);
	return (mkdtemp(dir) == NULL ? -1 : 0);
}

static int
tmpdir_teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return (system(cmd));
}

#endif
