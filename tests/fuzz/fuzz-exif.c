/*
 * fuzz-exif.c -- libFuzzer target: the input is the body of an EXIF APP1
 * segment in a small valid JPEG, so every mutation reaches libexif and the
 * orientation code; the photo loads with orientation 1-8 or is refused.
 */
#include "lib/system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "photo/load.h"
#include "fuzz-file.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* An 8x8 grey baseline JPEG without markers after SOI (made with ImageMagick). */
#include "fuzz-exif-jpeg.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct photo_info info;
	struct image im;
	uint8_t *buf;
	size_t n, body = size > 0xffff - 8 ? 0xffff - 8 : size;
	char *cause = NULL;
	const char *path;

	/* SOI, APP1 "Exif\0\0" + input, then the rest of the JPEG. */
	buf = malloc(sizeof jpeg8 + body + 10);
	if (buf == NULL)
		return (0);
	memcpy(buf, jpeg8, 2);
	n = 2;
	buf[n++] = 0xff;
	buf[n++] = 0xe1;
	buf[n++] = (uint8_t)((body + 8) >> 8);
	buf[n++] = (uint8_t)(body + 8);
	memcpy(buf + n, "Exif\0\0", 6);
	n += 6;
	memcpy(buf + n, data, body);
	n += body;
	memcpy(buf + n, jpeg8 + 2, sizeof jpeg8 - 2);
	n += sizeof jpeg8 - 2;
	path = fuzz_file("exif.jpg", buf, n);
	free(buf);
	if (photo_load(path, NULL, &im, &info, &cause) != 0) {
		free(cause);
		return (0);
	}
	if (info.orientation < 1 || info.orientation > 8 || im.w <= 0 || im.h <= 0)
		abort();
	image_free(&im);
	return (0);
}
