/*
 * fuzz-photo-load.c -- libFuzzer target: any file given as a photo (JPEG,
 * PNG) is decoded or refused with a message, never a crash; also at reduced
 * DCT scales and as a header-only probe.
 */
#include "lib/system.h"

#include <stdint.h>
#include <stdlib.h>

#include "photo/load.h"
#include "fuzz-file.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
load(const char *path, int min_side)
{
	/* Small enough that a header claiming a huge image is refused quickly. */
	struct photo_load_opts o = { .max_pixels = 4L * 1000 * 1000, .min_w = min_side,
	    .min_h = min_side };
	struct photo_info info;
	struct image im;
	char *cause = NULL;

	if (photo_load(path, &o, &im, &info, &cause) != 0) {
		if (cause == NULL)
			abort();	/* a refusal always says why */
		free(cause);
		return;
	}
	if (im.w <= 0 || im.h <= 0 || im.px == NULL || info.orientation < 1 ||
	    info.orientation > 8)
		abort();
	image_free(&im);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct photo_info info;
	const char *path = fuzz_file("photo", data, size);
	char *cause = NULL;

	if (photo_probe(path, &info, &cause) != 0)
		free(cause);
	load(path, 0);
	load(path, 16);
	return (0);
}
