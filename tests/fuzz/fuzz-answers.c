/*
 * fuzz-answers.c -- libFuzzer target: any answers file for `sscard submit`
 * is read into an application or refused with a message that never quotes
 * an ID number; never a crash.
 */
#include "lib/system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd-net.h"
#include "model/application.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Aborts when the message holds a run of 15 or more digits: an ID number. */
static void
assert_no_idnum(const char *s)
{
	size_t run = 0;

	for (; *s != '\0'; s++) {
		run = *s >= '0' && *s <= '9' ? run + 1 : 0;
		if (run >= 15)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct application a;
	char *cause = NULL;

	application_init(&a);
	if (cmd_answers_check((const char *)data, size, &a, &cause) != 0) {
		if (cause == NULL)
			abort();
		assert_no_idnum(cause);
		free(cause);
	}
	application_clear(&a);
	return (0);
}
