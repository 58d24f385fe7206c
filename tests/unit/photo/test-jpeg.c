/* test-jpeg.c -- the libjpeg wrapper: size windows, scaled decoding, causes for bad data. */
#include "lib/system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "photo/jpeg.h"

#define DPI	350

/* A w x h picture with detail (gradients and a fixed noise), so that size follows quality. */
static void
picture(struct image *im, int w, int h)
{
	unsigned s = 12345;
	int x, y, c;
	uint8_t *p;

	image_alloc(im, w, h);
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			p = im->px + ((size_t)y * w + x) * 3;
			for (c = 0; c < 3; c++) {
				s = s * 1103515245 + 12345;
				p[c] = (uint8_t)((x * (c + 1) + y * (3 - c)) / 4 +
				    (s >> 16) % 48);
			}
		}
}

/* im encoded at quality q with Huffman tables optimised, as the window search makes it. */
static void
encode_at(const struct image *im, int q, struct jpeg_out *o)
{
	struct jpeg_encode_opts eo = { q, DPI, 1, 0 };
	char *cause = NULL;

	assert_int_equal(jpeg_encode(im, &eo, o, &cause), 0);
	assert_null(cause);
	assert_int_equal(o->quality, q);
}

/* The JFIF header of o states DPI dots per inch. */
static void
assert_density(const struct jpeg_out *o)
{
	struct jpeg_source src = { "window.jpg", o->buf, o->len, NULL, 0 };
	struct jpeg_header h;
	struct jpeg_reader *r;
	char *cause = NULL;

	assert_non_null(r = jpeg_open(&src, &h, &cause));
	assert_int_equal(h.jfif, 1);
	assert_int_equal(h.density_unit, 1);
	assert_int_equal(h.xdensity, DPI);
	assert_int_equal(h.ydensity, DPI);
	jpeg_close(r);
}

/* A window between two qualities' sizes is reached, and the file lies in it. */
static void
test_window_inside(void **state)
{
	struct image im;
	struct jpeg_out lo, hi, o;
	struct jpeg_window w;
	char *cause = NULL;

	picture(&im, 358, 441);
	encode_at(&im, 40, &lo);
	encode_at(&im, 85, &hi);
	assert_true(lo.len + 1000 < hi.len);
	memset(&w, 0, sizeof w);
	w.dpi = DPI;
	w.min = (long)lo.len;
	w.max = (long)hi.len;
	assert_int_equal(jpeg_encode_window(&im, &w, "window.jpg", &o, &cause), 0);
	assert_null(cause);
	assert_non_null(o.buf);
	assert_in_range(o.len, lo.len, hi.len);
	assert_in_range(o.quality, 40, 100);
	assert_density(&o);
	jpeg_out_free(&o);
	assert_null(o.buf);
	jpeg_out_free(&lo);
	jpeg_out_free(&hi);
	image_free(&im);
}

/* w is refused for im with a cause holding both `at` and `why`, and nothing kept. */
static void
assert_window_refused(const struct image *im, const struct jpeg_window *w,
    const char *at, const char *why)
{
	struct jpeg_out o;
	char *cause = NULL;

	assert_int_equal(jpeg_encode_window(im, w, "window.jpg", &o, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, at) == NULL || strstr(cause, why) == NULL)
		fail_msg("expected '%s ... %s', got '%s'", at, why, cause);
	assert_null(o.buf);
	free(cause);
}

/* Windows no quality reaches are refused with a cause naming the photo. */
static void
test_window_unreachable(void **state)
{
	struct image im;
	struct jpeg_out o;
	struct jpeg_window w;
	char *cause = NULL;

	picture(&im, 358, 441);
	memset(&w, 0, sizeof w);
	w.dpi = DPI;
	w.max = 2000;		/* under even quality 10 */
	assert_window_refused(&im, &w, "window.jpg: at JPEG quality 10 ",
	    "larger than 2 KB");
	w.max = 0;
	w.min = 10L * 1024 * 1024;	/* over even quality 100 at full chroma */
	assert_window_refused(&im, &w, "window.jpg: at JPEG quality 100 ",
	    "at least 10240 KB");

	/* Only recommended: the closest file is kept. */
	w.recommended = 1;
	assert_int_equal(jpeg_encode_window(&im, &w, "window.jpg", &o, &cause), 0);
	assert_null(cause);
	assert_non_null(o.buf);
	assert_int_equal(o.quality, 100);
	jpeg_out_free(&o);
	image_free(&im);
}

struct told {
	int	calls, last;
};

static void
count_rows(void *arg, const struct image *im, int n)
{
	struct told *t = arg;

	assert_true(n > t->last && n <= im->h);
	t->calls++;
	t->last = n;
}

/*
 * At least 90x80 of 400x300 is 3/8 (150x113): 2/8 (100x75) is wide enough
 * but too short.
 */
static void
test_decode_scaled(void **state)
{
	struct image im, out;
	struct jpeg_out o;
	struct jpeg_source src;
	struct jpeg_header h;
	struct jpeg_read_opts ro = { 90, 80, count_rows, NULL };
	struct jpeg_reader *r;
	struct told t = { 0, 0 };
	char *cause = NULL;
	int n = 0;

	picture(&im, 400, 300);
	encode_at(&im, 90, &o);
	memset(&src, 0, sizeof src);
	src.name = "scaled.jpg";
	src.data = o.buf;
	src.len = o.len;
	ro.arg = &t;
	assert_non_null(r = jpeg_open(&src, &h, &cause));
	assert_int_equal(h.width, 400);
	assert_int_equal(h.height, 300);
	assert_int_equal(jpeg_read(r, &ro, &out, &n, &cause), 0);
	jpeg_close(r);
	assert_null(cause);
	assert_int_equal(n, 3);
	assert_int_equal(out.w, 150);
	assert_int_equal(out.h, 113);
	assert_int_equal(t.last, out.h);
	assert_int_equal(t.calls, (113 + 15) / 16);
	image_free(&out);

	/* Nothing asked: full size, and close to what was encoded. */
	assert_int_equal(jpeg_decode(o.buf, o.len, "scaled.jpg", &out, &cause), 0);
	assert_int_equal(out.w, 400);
	assert_int_equal(out.h, 300);
	assert_true(abs(out.px[3 * (150 * 400 + 200)] - im.px[3 * (150 * 400 + 200)]) < 40);
	image_free(&out);
	jpeg_out_free(&o);
	image_free(&im);
}

/* data (len bytes) is refused with a cause naming the photo and containing why. */
static void
assert_refused(const uint8_t *data, size_t len, const char *why)
{
	struct image out;
	char *cause = NULL;

	assert_int_equal(jpeg_decode(data, len, "bad.jpg", &out, &cause), -1);
	assert_non_null(cause);
	if (strncmp(cause, "bad.jpg ", 8) != 0 || strstr(cause, why) == NULL)
		fail_msg("expected 'bad.jpg ... %s', got '%s'", why, cause);
	assert_null(out.px);
	free(cause);
}

static void
test_bad_data(void **state)
{
	static const uint8_t text[] = "not a photo";
	struct image im, out;
	struct jpeg_out o;
	uint8_t *copy;
	char *cause;
	size_t i, sof;
	int rc;

	picture(&im, 160, 120);
	encode_at(&im, 80, &o);
	assert_refused(o.buf, o.len / 2, "is cut short");
	assert_refused(o.buf, 100, "not a readable JPEG photo");
	assert_refused(text, sizeof text, "not a readable JPEG photo");
	assert_refused(o.buf, 0, "not a readable JPEG photo");
	copy = malloc(o.len);
	memcpy(copy, o.buf, o.len);
	for (sof = 2; sof + 1 < o.len && !(copy[sof] == 0xff && copy[sof + 1] == 0xc0); sof++)
		;
	assert_true(sof + 4 < o.len);
	copy[sof + 4] = 7;	/* 7 bits per sample */
	assert_refused(copy, o.len, "precision 7");
	/* Damage anywhere: a cause or a picture, never a crash. */
	for (i = 2; i < o.len; i += 7) {
		memcpy(copy, o.buf, o.len);
		copy[i] ^= 0x5a;
		cause = NULL;
		rc = jpeg_decode(copy, o.len, "bad.jpg", &out, &cause);
		assert_true(rc == 0 ? cause == NULL : cause != NULL && out.px == NULL);
		free(cause);
		image_free(&out);
	}
	free(copy);
	jpeg_out_free(&o);
	image_free(&im);
}

/* What libjpeg cannot encode comes back as a cause, with nothing allocated. */
static void
test_encode_refused(void **state)
{
	struct image empty = { 0, 0, NULL };
	struct jpeg_encode_opts eo = { 90, DPI, 0, 0 };
	struct jpeg_out o;
	char *cause = NULL;

	assert_int_equal(jpeg_encode(&empty, &eo, &o, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "cannot be encoded as a JPEG"));
	assert_null(o.buf);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_window_inside),
		cmocka_unit_test(test_window_unreachable),
		cmocka_unit_test(test_decode_scaled),
		cmocka_unit_test(test_bad_data),
		cmocka_unit_test(test_encode_refused),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
