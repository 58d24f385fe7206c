/*
 * fuzz-cascade.c -- libFuzzer target: a Haar cascade file (cascade_dir can
 * come from any configuration file) is loaded and used on a small image, or
 * refused with a message; never a crash.  Run it with -use_value_profile=1
 * and tests/fuzz/cascade.dict to reach the range checks.
 */
#include "lib/system.h"

#include <stdint.h>
#include <stdlib.h>

#include "photo/face-detect.h"
#include "photo/image.h"
#include "fuzz-file.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct image im;
	struct detector d;
	struct faces f;
	char *cause = NULL, *dirname;
	const char *path;
	int x, y;

	if (im.px == NULL) {
		/* A face-sized blob on white: some windows pass early stages. */
		image_alloc(&im, 64, 80);
		for (y = 0; y < im.h; y++)
			for (x = 0; x < im.w; x++) {
				int dx = x - 32, dy = y - 38;
				uint8_t v = dx * dx + dy * dy * 3 / 4 < 400 ?
				    (uint8_t)(120 + (x * 7 + y * 3) % 60) : 250;

				im.px[(y * im.w + x) * 3] = v;
				im.px[(y * im.w + x) * 3 + 1] = v;
				im.px[(y * im.w + x) * 3 + 2] = v;
			}
	}
	/* The same file as every cascade the detector reads. */
	fuzz_file("haarcascade_frontalface_alt2.xml", data, size);
	fuzz_file("haarcascade_frontalface_default.xml", data, size);
	path = fuzz_file("haarcascade_eye.xml", data, size);
	dirname = strdup(path);
	*strrchr(dirname, '/') = '\0';
	if (detector_load(&d, dirname, &cause) != 0) {
		if (cause == NULL)
			abort();
		free(cause);
		free(dirname);
		return (0);
	}
	face_detect(&d, &im, &f);
	faces_free(&f);
	detector_free(&d);
	free(dirname);
	return (0);
}
