/*
 * fuzz-log-mask.c -- libFuzzer target: log_mask over any line masks in
 * place (never a byte past the string, its length unchanged) and leaves no
 * number of 11 ID characters or more in a row (so never an 18-character ID
 * number), however it was grouped.
 */
#include "lib/system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/log.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
is_idchar(char c)
{
	return ((c >= '0' && c <= '9') || c == 'X' || c == 'x');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	size_t i, len, run = 0;

	if (size > 4096)
		return (0);
	/* Exactly the string's bytes: ASan sees any write past it. */
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	len = strlen(s);
	log_mask(s);
	if (strlen(s) != len)
		abort();
	/* ID characters from a digit on: a number, which masking must break. */
	for (i = 0; i < len; i++) {
		if (!is_idchar(s[i]))
			run = 0;
		else if (run > 0 || (s[i] >= '0' && s[i] <= '9'))
			run++;
		if (run >= 11)
			abort();
	}
	free(s);
	return (0);
}
