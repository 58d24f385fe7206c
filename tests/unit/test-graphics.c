/* test-graphics.c -- sixel encoding decoded back, half blocks, ASCII, fitting, reply parsing. */
#include "system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "graphics.h"
#include "term-detect.h"
#include "xmalloc.h"

/* A portrait-like test card: white background, a skin oval, dark hair, a shirt. */
static void
make_face(struct image *im, int w, int h)
{
	int x, y;
	uint8_t *p;
	double dx, dy;

	image_alloc(im, w, h);
	for (y = 0; y < h; y++) {
		for (x = 0; x < w; x++) {
			p = im->px + ((size_t)y * w + x) * 3;
			dx = (x - w / 2.0) / (w * 0.28);
			dy = (y - h * 0.42) / (h * 0.30);
			p[0] = p[1] = p[2] = 255;
			if (dx * dx + dy * dy < 1.0) {
				p[0] = (uint8_t)(225 - 40 * dy);
				p[1] = (uint8_t)(180 - 30 * dy);
				p[2] = (uint8_t)(150 - 20 * dy);
			}
			if (dx * dx + dy * dy < 1.3 && dy < -0.6)
				p[0] = p[1] = p[2] = 40;
			if (y > h * 0.8) {
				p[0] = 30;
				p[1] = (uint8_t)(60 + x * 100 / w);
				p[2] = 120;
			}
		}
	}
}

/* Decodes a sixel with ImageMagick; returns 0 and fills out, or -1 if it cannot. */
static int
decode(const char *sixel, size_t len, struct image *out)
{
	char path[] = "/tmp/sscard-sixel-XXXXXX", cmd[160];
	int fd = mkstemp(path), w, h, max;
	FILE *f;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, sixel, len), (ssize_t)len);
	close(fd);
	/* ImageMagick 6.9 writes a sixel's palette image to PNG correctly, not to PPM. */
	snprintf(cmd, sizeof cmd, "convert sixel:%s png:- 2>/dev/null | "
	    "convert png:- -depth 8 ppm:- 2>/dev/null", path);
	f = popen(cmd, "r");
	if (f == NULL || fscanf(f, "P6 %d %d %d", &w, &h, &max) != 3 || max != 255) {
		if (f != NULL)
			pclose(f);
		unlink(path);
		return (-1);
	}
	fgetc(f);
	image_alloc(out, w, h);
	assert_int_equal(fread(out->px, 3, (size_t)w * h, f), (size_t)w * h);
	pclose(f);
	unlink(path);
	return (0);
}

static void
test_sixel_roundtrip(void **state)
{
	struct image src, back;
	char *sixel = NULL, *cause = NULL;
	size_t len, i, n;
	long sum = 0, d, worst = 0;

	if (system("convert -version >/dev/null 2>&1") != 0)
		skip();
	make_face(&src, 120, 150);
	assert_int_equal(graphics_sixel(&src, 256, &sixel, &len, &cause), 0);
	assert_null(cause);
	assert_memory_equal(sixel, "\033P", 2);
	assert_memory_equal(sixel + len - 2, "\033\\", 2);
	assert_int_equal(decode(sixel, len, &back), 0);
	if (back.w != src.w || back.h != src.h)
		fail_msg("decoded %dx%d, expected %dx%d", back.w, back.h, src.w, src.h);
	n = (size_t)src.w * src.h * 3;
	for (i = 0; i < n; i++) {
		d = labs((long)src.px[i] - back.px[i]);
		sum += d;
		worst = d > worst ? d : worst;
	}
	/* Sixel colours are percentages (1.3 levels), then a 64-colour palette. */
	if (sum / (long)n > 8 || worst > 48)
		fail_msg("mean error %ld, worst %ld (want <= 8 and <= 48)",
		    sum / (long)n, worst);
	/* The white background stays exactly white. */
	if (back.px[0] != 255 || back.px[1] != 255 || back.px[2] != 255)
		fail_msg("background %d,%d,%d, expected white", back.px[0],
		    back.px[1], back.px[2]);
	wipe_free(sixel, len);
	image_free(&src);
	image_free(&back);
}

static void
test_sixel_too_large(void **state)
{
	struct image im = { GRAPHICS_MAX_PX + 1, 2, NULL };
	char *out = NULL, *cause = NULL;
	size_t len;

	im.px = xcalloc((size_t)im.w * 2, 3);
	assert_int_equal(graphics_sixel(&im, 256, &out, &len, &cause), -1);
	assert_non_null(cause);
	free(cause);
	free(im.px);
}

static void
test_fit(void **state)
{
	struct term_caps caps;
	int w, h;

	memset(&caps, 0, sizeof caps);
	caps.cell_w = 9;
	caps.cell_h = 19;
	/* 358x441 in 30x18 cells of 9x19 pixels: width bound; small ones never enlarged. */
	graphics_target(&caps, GRAPHICS_SIXEL, 358, 441, 18, 30, &w, &h);
	assert_int_equal(w, 270);	/* 30 cells of 9 */
	assert_int_equal(h, 333);
	graphics_target(&caps, GRAPHICS_SIXEL, 100, 100, 18, 30, &w, &h);
	assert_int_equal(w, 100);
	assert_int_equal(h, 100);
	/* XTSMGRAPHICS' limit wins over the box. */
	caps.max_w = 200;
	graphics_target(&caps, GRAPHICS_SIXEL, 3000, 4000, 18, 30, &w, &h);
	assert_int_equal(w, 200);
	assert_int_equal(h, 267);
	/* Half blocks: a pixel is 9 wide and 9.5 high. */
	graphics_target(&caps, GRAPHICS_BLOCKS, 400, 400, 10, 80, &w, &h);
	assert_int_equal(h, 20);
	assert_int_equal(w, 21);	/* 20 half-rows of 9.5 px = 190 px = 21.1 cells of 9 */
	graphics_target(&caps, GRAPHICS_ASCII, 400, 400, 10, 80, &w, &h);
	assert_int_equal(h, 10);
	assert_int_equal(w, 21);
}

static void
test_blocks_text(void **state)
{
	struct term_caps caps = { .colours = 256 };
	struct image im;
	char *s;
	size_t len;

	image_alloc(&im, 2, 3);
	memset(im.px, 255, 18);
	im.px[3] = 255, im.px[4] = 0, im.px[5] = 0;	/* (1,0) red */
	s = graphics_text(&im, GRAPHICS_BLOCKS, &caps, &len);
	assert_int_equal(strlen(s), len);
	/* Two rows of cells: the second has no bottom pixel. */
	assert_string_equal(s,
	    "\033[38;5;231m\033[48;5;231m\xe2\x96\x80"
	    "\033[38;5;196m\033[48;5;231m\xe2\x96\x80\033[0m\n"
	    "\033[38;5;231m\xe2\x96\x80\033[38;5;231m\xe2\x96\x80\033[0m\n");
	free(s);
	caps.colours = 1 << 24;
	s = graphics_text(&im, GRAPHICS_BLOCKS, &caps, &len);
	assert_non_null(strstr(s, "\033[38;2;255;0;0m\033[48;2;255;255;255m\xe2\x96\x80"));
	free(s);
	image_free(&im);
}

static void
test_ascii_text(void **state)
{
	struct term_caps caps = { .colours = 8 };
	struct image im;
	char *s;
	size_t len;

	image_alloc(&im, 3, 1);
	memset(im.px, 255, 3);		/* white: paper */
	memset(im.px + 3, 128, 3);	/* grey */
	memset(im.px + 6, 0, 3);	/* black: ink */
	s = graphics_text(&im, GRAPHICS_ASCII, &caps, &len);
	assert_string_equal(s, " =@\n");
	free(s);
	/* On a dark background the ink is light: not a negative. */
	caps.background = TERM_BG_DARK;
	s = graphics_text(&im, GRAPHICS_ASCII, &caps, &len);
	assert_string_equal(s, "@= \n");
	free(s);
	image_free(&im);
}

static void
test_parse_replies(void **state)
{
	static const char xterm[] = "\033[?1;0;256S\033[?2;0;900;760S"
	    "\033[4;760;900t\033[6;19;9t\033[?63;1;2;4;6;9;15;16;22;28c";
	static const char vt420[] = "\033[?1;3S\033[?2;3S\033[?64;1;2;6;9;15;16;17;18;21;22;28c";
	static const char c1[] = "\x9b?4;6c";	/* a VT132 sends 4 first: not sixel */
	struct term_caps caps;

	memset(&caps, 0, sizeof caps);
	term_parse((const unsigned char *)xterm, sizeof xterm - 1, &caps);
	assert_true(caps.answered && caps.sixel);
	assert_int_equal(caps.registers, 256);
	assert_int_equal(caps.max_w, 900);
	assert_int_equal(caps.max_h, 760);
	assert_int_equal(caps.cell_w, 9);
	assert_int_equal(caps.cell_h, 19);
	assert_int_equal(caps.area_w, 900);
	memset(&caps, 0, sizeof caps);
	term_parse((const unsigned char *)vt420, sizeof vt420 - 1, &caps);
	assert_true(caps.answered && !caps.sixel);
	assert_int_equal(caps.registers, 0);
	memset(&caps, 0, sizeof caps);
	term_parse((const unsigned char *)c1, sizeof c1 - 1, &caps);
	assert_true(caps.answered && !caps.sixel);
	/* Half a reply says nothing yet. */
	memset(&caps, 0, sizeof caps);
	term_parse((const unsigned char *)xterm, sizeof xterm - 5, &caps);
	assert_false(caps.answered);
}

static void
test_mode_names(void **state)
{
	enum graphics_mode m;
	struct term_caps caps;
	char *cause = NULL;

	assert_int_equal(term_mode_parse("blocks", &m), 0);
	assert_int_equal(m, GRAPHICS_BLOCKS);
	assert_string_equal(term_mode_name(GRAPHICS_SIXEL), "sixel");
	assert_int_equal(term_mode_parse("kitty", &m), -1);
	assert_int_equal(term_detect("kitty", 0, &caps, &cause), -1);
	assert_non_null(strstr(cause, "kitty"));
	free(cause);
	/* Without a terminal and without asking: TERM decides. */
	setenv("TERM", "linux", 1);
	unsetenv("COLORTERM");
	assert_int_equal(term_detect(NULL, 0, &caps, &cause), 0);
	assert_int_equal(caps.mode, GRAPHICS_ASCII);
	assert_false(caps.queried);
	setenv("TERM", "xterm-256color", 1);
	assert_int_equal(term_detect(NULL, 0, &caps, &cause), 0);
	assert_int_equal(caps.mode, GRAPHICS_BLOCKS);
	assert_int_equal(caps.colours, 256);
	setenv("COLORTERM", "truecolor", 1);
	assert_int_equal(term_detect("auto", 0, &caps, &cause), 0);
	assert_int_equal(caps.colours, 1 << 24);
	setenv("TERM", "dumb", 1);
	assert_int_equal(term_detect(NULL, 1, &caps, &cause), 0);
	assert_int_equal(caps.mode, GRAPHICS_NONE);
	assert_int_equal(caps.cell_w, 10);	/* unknown: the common 10x20 */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sixel_roundtrip),
		cmocka_unit_test(test_sixel_too_large),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_blocks_text),
		cmocka_unit_test(test_ascii_text),
		cmocka_unit_test(test_parse_replies),
		cmocka_unit_test(test_mode_names),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
