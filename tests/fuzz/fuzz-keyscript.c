/* fuzz-keyscript.c -- libFuzzer target: any bytes parse or are refused, never crash. */
#include "lib/system.h"

#include <stdint.h>
#include <stdlib.h>

#include "keys/keyscript.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keyscript ks;
	char *cause = NULL;
	FILE *f;
	size_t i;

	if (keyscript_parse((const char *)data, size, &ks, &cause) != 0) {
		if (cause == NULL)
			abort();	/* an error must say why */
		free(cause);
		return (0);
	}
	/* What parses prints back, and printing never fails on valid keys. */
	if ((f = fopen("/dev/null", "w")) != NULL) {
		for (i = 0; i < ks.n; i++)
			if (keyscript_write(f, &ks.keys[i]) != 0)
				abort();
		fclose(f);
	}
	keyscript_free(&ks);
	return (0);
}
