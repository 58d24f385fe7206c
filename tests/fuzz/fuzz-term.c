/*
 * fuzz-term.c -- libFuzzer target: whatever a terminal answers to the
 * capability queries (DA1, XTSMGRAPHICS, window size) is read into sane
 * capabilities; never a crash.
 */
#include "lib/system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui/term-detect.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct term_caps caps;

	memset(&caps, 0, sizeof caps);
	term_parse(data, size, &caps);
	if (caps.registers < 0 || caps.max_w < 0 || caps.max_h < 0 ||
	    caps.area_w < 0 || caps.area_h < 0)
		abort();
	return (0);
}
