/*
 * fuzz-answers.c -- libFuzzer target: any answers file for `sscard submit`
 * is read into an application or refused with a message that never quotes
 * an ID number; never a crash.  The same bytes go through the application's
 * codec as an answers file, an outbox entry and a draft's fields: what it
 * accepts it writes, and reads back to the same application.
 */
#include "lib/system.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd-net.h"
#include "model/application-json.h"
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

/*
 * o read with every field of fields required: refused with a clean message,
 * or written, read back, and written again the same.
 */
static void
round_trip(json_t *o, unsigned fields)
{
	struct application a, b;
	struct application_photo p, q;
	char *cause = NULL, *text;
	json_t *first, *back, *again;

	application_init(&a);
	application_init(&b);
	if (application_json_decode(o, fields, fields, &a, &p, &cause) != 0) {
		if (cause == NULL)
			abort();
		assert_no_idnum(cause);
		free(cause);
	} else {
		first = application_json_encode(&a, &p, fields);
		if ((text = json_dumps(first, JSON_COMPACT)) == NULL ||
		    (back = json_loads(text, 0, NULL)) == NULL ||
		    application_json_decode(back, fields, fields, &b, &q, &cause) != 0)
			abort();
		again = application_json_encode(&b, &q, fields);
		if (!json_equal(first, again))
			abort();
		json_decref(again);
		json_decref(back);
		json_decref(first);
		free(text);
	}
	application_clear(&b);
	application_clear(&a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct application a;
	char *cause = NULL;
	json_t *o;

	application_init(&a);
	if (cmd_answers_check((const char *)data, size, &a, &cause) != 0) {
		if (cause == NULL)
			abort();
		assert_no_idnum(cause);
		free(cause);
	}
	application_clear(&a);
	if (application_json_parse((const char *)data, size, &o, &cause) != 0) {
		if (cause == NULL)
			abort();
		free(cause);
		return (0);
	}
	round_trip(o, AJ_ANSWERS);
	round_trip(o, AJ_SENT);
	round_trip(o, AJ_DRAFT);
	json_decref(o);
	return (0);
}
