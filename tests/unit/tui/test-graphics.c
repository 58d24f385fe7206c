/* test-graphics.c -- sixel encoding decoded back, half blocks, ASCII, fitting, reply parsing. */
#include "lib/system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <math.h>

#include "tui/graphics.h"
#include "tui/layout.h"
#include "tui/palette.h"
#include "tui/ui.h"
#include "tui/term-detect.h"
#include "lib/xmalloc.h"

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
	/* 358x441 in 30x18 cells of 9x19 pixels: width bound; small ones twice their size at most. */
	graphics_target(&caps, GRAPHICS_SIXEL, 358, 441, 18, 30, &w, &h);
	assert_int_equal(w, 270);	/* 30 cells of 9 */
	assert_int_equal(h, 333);
	graphics_target(&caps, GRAPHICS_SIXEL, 100, 100, 18, 30, &w, &h);
	assert_int_equal(w, 200);
	assert_int_equal(h, 200);
	graphics_target(&caps, GRAPHICS_SIXEL, 200, 100, 18, 30, &w, &h);
	assert_int_equal(w, 270);	/* the box's width first */
	assert_int_equal(h, 135);
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
	/* The console is light on dark, and its ASCII follows. */
	setenv("TERM", "linux", 1);
	assert_int_equal(term_detect(NULL, 0, &caps, &cause), 0);
	assert_int_equal(caps.background, TERM_BG_DARK);
	assert_int_equal(term_set_background(&caps, "light", &cause), 0);
	assert_int_equal(caps.background, TERM_BG_LIGHT);
	assert_int_equal(term_set_background(&caps, "purple", &cause), -1);
	assert_non_null(strstr(cause, "purple"));
	free(cause);
	setenv("TERM", "xterm-256color", 1);
}

/* A ui of cols x rows with 9x19-pixel sixel cells; pixels of the photo box i shows. */
static long
laid_out(int cols, int rows, int n, int text_min, const struct image *imgs,
    struct layout *l, int i)
{
	static struct graphics g;
	struct ui ui;
	int w, h, k;

	memset(&g, 0, sizeof g);
	g.caps.cell_w = 9;
	g.caps.cell_h = 19;
	memset(&ui, 0, sizeof ui);
	ui.cols = cols;
	ui.rows = rows;
	ui.gfx = &g;
	layout_photos(&ui, n, 1, imgs, text_min, l);
	for (k = 0; k < l->nphotos; k++) {
		/* Inside the body, right of the text, left of the last column. */
		assert_true(l->photo[k].y >= UI_BODY_TOP);
		assert_true(l->photo[k].y + l->photo[k].rows <= ui_body_bottom(&ui));
		assert_true(l->photo[k].x + l->photo[k].cols <= cols - 1);
		assert_true(text_min == 0 || l->photo[k].x > l->text.x + l->text.cols);
		if (k > 0)
			assert_true(l->photo[k].x > l->photo[k - 1].x + l->photo[k - 1].cols - 1);
	}
	assert_true(text_min == 0 || l->text.cols >= text_min);
	graphics_target(&g.caps, GRAPHICS_SIXEL, imgs[i].w, imgs[i].h, l->photo[i].rows,
	    l->photo[i].cols, &w, &h);
	/* Never past the box. */
	assert_true(w <= l->photo[i].cols * 9 && h <= l->photo[i].rows * 19);
	return ((long)w * h);
}

static void
test_layout(void **state)
{
	struct image imgs[2] = { { 1350, 1350, NULL }, { 358, 441, NULL } };
	struct image portrait[1] = { { 600, 800, NULL } };
	struct layout l;
	long small, large;
	int sizes[][2] = { { 80, 24 }, { 100, 30 }, { 120, 40 }, { 200, 60 } };
	size_t i;

	small = laid_out(80, 24, 1, LAYOUT_TEXT_MIN, portrait, &l, 0);
	large = laid_out(120, 40, 1, LAYOUT_TEXT_MIN, portrait, &l, 0);
	if (large < 18 * small / 10)
		fail_msg("photo step: %ld pixels at 120x40, %ld at 80x24", large, small);
	for (i = 0; i < nitems(sizes); i++) {
		laid_out(sizes[i][0], sizes[i][1], 2, LAYOUT_TEXT_MIN, imgs, &l, 1);
		if (sizes[i][0] >= 100 && (l.photo[0].cols < 20 || l.photo[1].cols < 20))
			fail_msg("Before/After at %dx%d: %d and %d columns", sizes[i][0],
			    sizes[i][1], l.photo[0].cols, l.photo[1].cols);
	}
	/* At 80x24 the photos alone are at least 1.4 times as wide as beside the text. */
	laid_out(80, 24, 2, LAYOUT_TEXT_MIN, imgs, &l, 1);
	small = l.photo[1].cols;
	laid_out(80, 24, 2, 0, imgs, &l, 1);
	assert_true(l.photo[1].cols * 10 >= small * 14);
	/* Nothing loaded yet: a portrait's box. */
	laid_out(80, 24, 1, LAYOUT_TEXT_MIN, portrait, &l, 0);
	small = l.photo[0].cols;
	layout_photos(&(struct ui){ .cols = 80, .rows = 24 }, 1, 0, NULL, LAYOUT_TEXT_MIN, &l);
	assert_true(l.photo[0].cols > 0 && l.photo[0].cols <= small + 3);
}

/* The palette: white stays exactly white, flat; a smooth ramp shows no steps. */
static void
test_palette(void **state)
{
	struct image im;
	struct palette pal;
	uint8_t *idx;
	int x, y;

	image_alloc(&im, 200, 100);
	for (y = 0; y < 100; y++)
		for (x = 0; x < 200; x++) {
			uint8_t *p = im.px + ((size_t)y * 200 + x) * 3;

			p[0] = p[1] = p[2] = 255;
			if (x >= 100) {	/* a skin-toned ramp */
				p[0] = (uint8_t)(120 + x / 2);
				p[1] = (uint8_t)(70 + x / 3);
				p[2] = (uint8_t)(50 + x / 4);
			}
		}
	idx = xmalloc(200 * 100);
	palette_quantize(&im, 256, &pal, idx);
	assert_true(pal.n >= 2 && pal.n <= 256);
	for (y = 0; y < 100; y++)
		for (x = 0; x < 100; x++)
			assert_int_equal(idx[y * 200 + x], idx[0]);
	assert_int_equal(pal.rgb[idx[0]][0], 255);
	assert_int_equal(pal.rgb[idx[0]][1], 255);
	assert_int_equal(pal.rgb[idx[0]][2], 255);
	/* No visible step on the ramp: every pixel within Delta E 2 of its colour. */
	for (y = 0; y < 100; y++)
		for (x = 100; x < 200; x++) {
			float a[3], b[3], d;

			palette_lab(im.px + ((size_t)y * 200 + x) * 3, a);
			palette_lab(pal.rgb[idx[y * 200 + x]], b);
			d = sqrtf((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) *
			    (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
			if (d > 2)
				fail_msg("ramp pixel %d,%d is Delta E %.1f off", x, y, d);
		}
	/* A terminal with 16 registers gets at most 16. */
	palette_quantize(&im, 16, &pal, idx);
	assert_true(pal.n <= 16);
	free(idx);
	image_free(&im);
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
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_palette),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
