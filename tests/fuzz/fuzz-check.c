/*
 * fuzz-check.c -- libFuzzer target: the whole photo check (decode, face and
 * eye detection, every rule of the national profile) on small images ends in
 * a report or a message, never a crash.
 */
#include "lib/system.h"

#include <stdint.h>
#include <stdlib.h>

#include "lib/config.h"
#include "photo/check.h"
#include "photo/profile.h"
#include "fuzz-file.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct config cfg;
	static struct photo_profile *pr;
	static int ready;
	static const uint8_t small[] = "[photo]\nmax_pixels = 1000000\n";
	struct photo_report r;
	char *cause = NULL;
	const char *path;

	if (!ready) {
		config_init(&cfg);
		/* Small images only: a big header is refused before decoding. */
		if (config_load_file(&cfg, fuzz_file("config", small,
		    sizeof small - 1), &cause) != 0 ||
		    (pr = profile_load(&cfg, "national", &cause)) == NULL) {
			fprintf(stderr, "%s\n", cause);
			exit(99);
		}
		ready = 1;
	}
	path = fuzz_file("check.jpg", data, size);
	if (photo_check_file(path, pr, &cfg, &r, &cause) != 0) {
		if (cause == NULL)
			abort();
		free(cause);
		return (0);
	}
	if (r.n == 0)
		abort();	/* a report has rows */
	photo_report_free(&r);
	return (0);
}
