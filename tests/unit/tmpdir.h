/* tmpdir.h -- a fresh folder per unit-test program: tmpdir_setup and tmpdir_teardown for cmocka. */
#ifndef SSCARD_TEST_TMPDIR_H
#define SSCARD_TEST_TMPDIR_H

#include <stdio.h>
#include <stdlib.h>

/* The folder, under $TMPDIR (else /tmp), made by tmpdir_setup: short, as tests build paths in it. */
static char dir[128];

static int
tmpdir_setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	if ((size_t)snprintf(dir, sizeof dir, "%s/sscard-unit-XXXXXX", tmp) >= sizeof dir)
		return (-1);
	return (mkdtemp(dir) == NULL ? -1 : 0);
}

static int
tmpdir_teardown(void **state)
{
	char cmd[sizeof dir + 16];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return (system(cmd));
}

#endif
