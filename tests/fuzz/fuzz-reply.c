/*
 * fuzz-reply.c -- libFuzzer target: whatever the card service replies, the
 * fields sscard reads come out clean (no control, C1 or bidi override
 * character reaches the terminal or state.json) and receipts are safe in a
 * URL; never a crash.
 */
#include "lib/system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/service.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Aborts when s holds a character net_clean_text must have removed. */
static void
assert_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (strlen(s) > 300)
		abort();
	for (; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			abort();
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			abort();	/* U+0080-009F */
		if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
			abort();	/* U+202A-202E */
		if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
			abort();	/* U+2066-2069 */
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = {
		"receipt", "status", "message", "reason", "error"
	};
	char *s, *cause, *raw;
	size_t i;

	for (i = 0; i < nitems(keys); i++) {
		cause = NULL;
		if ((s = net_reply_text((const char *)data, size, keys[i],
		    &cause)) == NULL) {
			if (cause == NULL)
				abort();
			free(cause);
			continue;
		}
		assert_clean(s);
		if (i == 0 && net_receipt_ok(s) && (strchr(s, '/') != NULL ||
		    strspn(s, ".") == strlen(s)))
			abort();
		free(s);
	}
	/* The raw bytes as text, as curl's error buffer might hold them. */
	raw = malloc(size + 1);
	memcpy(raw, data, size);
	raw[size] = '\0';
	s = net_clean_text(raw);
	assert_clean(s);
	free(s);
	free(raw);
	return (0);
}
