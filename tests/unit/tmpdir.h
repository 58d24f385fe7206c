/* tmpdir.h -- a fresh folder per unit-test program: tmpdir_setup and tmpdir_teardown for cmocka. */
#ifndef SSCARD_TEST_TMPDIR_H
#define SSCARD_TEST_TMPDIR_H

#include <stdio.h>
#include <stdlib.h>

static char dir[] = "/tmp/sscard-unit-XXXXXX";

static int
tmpdir_setup(void **state)
{
	return (mkdtemp(dir) == NULL ? -1 : 0);
}

static int
tmpdir_teardown(void **state)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return (system(cmd));
}

#endif
