/*
 * fuzz-print-split.c -- libFuzzer target: any [print] command line splits
 * into words or says why not; never a crash, never a word longer than the
 * line, never an empty list without a cause.
 */
#include "lib/system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/print.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line, **argv = NULL, *cause = NULL;
	size_t i, len;

	if (size > 4096)
		return (0);
	line = malloc(size + 1);
	memcpy(line, data, size);
	line[size] = '\0';
	len = strlen(line);
	if (print_split(line, &argv, &cause) == 0) {
		if (argv == NULL || argv[0] == NULL || cause != NULL)
			abort();
		for (i = 0; argv[i] != NULL; i++)
			if (strlen(argv[i]) > len)
				abort();
		print_argv_free(argv);
	} else if (cause == NULL || *cause == '\0')
		abort();
	free(cause);
	free(line);
	return (0);
}
