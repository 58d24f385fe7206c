/* test-text.c -- the line breaker: words, terms, numbers with units, brackets. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

#include "lib/text.h"

#define MAX_LINES	32

/* s wrapped to width: its lines as UTF-8, in lines[], ended by NULL; returns the count. */
static int
wrap(const char *s, int width, char *lines[MAX_LINES + 1])
{
	wchar_t w[1024];
	size_t n = mbstowcs(w, s, 1024), start = 0, len, next;
	int count = 0;

	assert_true(n != (size_t)-1);
	while (start < n) {
		assert_true(count < MAX_LINES);
		len = text_line(w + start, n - start, width, &next);
		assert_true(next > 0);		/* always moves on */
		lines[count] = calloc(len * 4 + 1, 1);
		assert_non_null(lines[count]);
		if (len > 0) {
			wchar_t save = w[start + len];

			w[start + len] = L'\0';
			wcstombs(lines[count], w + start, len * 4 + 1);
			w[start + len] = save;
		}
		count++;
		start += next;
	}
	lines[count] = NULL;
	return (count);
}

static void
free_lines(char *lines[])
{
	for (; *lines != NULL; lines++)
		free(*lines);
}

/* s wrapped to width starts with the line first, then second (unless NULL). */
static void
assert_starts(const char *s, int width, const char *first, const char *second)
{
	char *lines[MAX_LINES + 1];

	wrap(s, width, lines);
	assert_string_equal(lines[0], first);
	if (second != NULL) {
		assert_non_null(lines[1]);
		assert_string_equal(lines[1], second);
	}
	free_lines(lines);
}

/* s wrapped to width is exactly the lines of want, ended by NULL. */
static void
assert_lines(const char *s, int width, const char *const *want)
{
	char *lines[MAX_LINES + 1];
	int i, n = wrap(s, width, lines);

	for (i = 0; want[i] != NULL; i++) {
		assert_true(i < n);
		assert_string_equal(lines[i], want[i]);
	}
	assert_int_equal(n, i);
	free_lines(lines);
}

static int
width_of(const char *s)
{
	return (text_width(s));
}

/* Every line fits, and none starts with closing or ends with opening punctuation. */
static void
assert_layout(const char *s, int width)
{
	char *lines[MAX_LINES + 1];
	wchar_t w[256];
	size_t len;
	int i, n = wrap(s, width, lines);

	for (i = 0; i < n; i++) {
		assert_true(width_of(lines[i]) <= width);
		len = mbstowcs(w, lines[i], 256);
		assert_true(len != (size_t)-1);
		if (len == 0)
			continue;
		assert_null(wcschr(L"。，、；：！？）」』”,.;:!?)", w[0]));
		assert_null(wcschr(L"（「『“(", w[len - 1]));
	}
	free_lines(lines);
}

static void
latin_words_are_never_split(void **state)
{
	static const char *const outbox[] = { "It stays in the", "outbox; sscard",
		"outbox flush", "sends it later.", NULL };
	static const char *const path[] = { "see", "/media/usb", "/photo.jpg", NULL };

	(void)state;
	assert_lines("It stays in the outbox; sscard outbox flush sends it later.", 16, outbox);
	/* Only a word wider than the whole line is cut. */
	assert_lines("see /media/usb/photo.jpg", 10, path);
}

static void
cjk_breaks_between_characters_but_not_inside_a_term(void **state)
{
	(void)state;
	/* 16 columns end inside 合作银行网点: the term moves down whole. */
	assert_starts("请到您的合作银行网点办理", 16, "请到您的", "合作银行网点办理");
	assert_starts("照相馆出具的数码照回执", 18, "照相馆出具的", "数码照回执");
	/* Traditional forms too. */
	assert_starts("請到您的合作銀行網點辦理", 16, "請到您的", "合作銀行網點辦理");
	/* Outside terms any two CJK characters may part. */
	assert_starts("请向当地社保部门确认", 8, "请向当地", NULL);
}

static void
a_number_keeps_its_unit(void **state)
{
	(void)state;
	assert_starts("358x441 像素，350 dpi，纯白色背景", 20, "358x441 像素，",
	    "350 dpi，纯白色背景");
	assert_starts("the file between 14 and 40 KB.", 27, "the file between 14 and",
	    "40 KB.");
	assert_starts("有的收 25 元或 30 元", 13, "有的收 25 元", "或 30 元");
	assert_starts("最长需要 15 个工作日", 12, "最长需要", "15 个工作日");
}

static void
brackets_and_closing_punctuation(void **state)
{
	(void)state;
	/* A line never ends on "（": it goes down with what it opens. */
	assert_starts("须为 JPEG 或 PNG 格式（例如 /media/usb/photo.jpg）。", 24,
	    "须为 JPEG 或 PNG 格式", "（例如");
	/* "。" and "）" never start a line: the character before goes down with them. */
	assert_starts("照片符合要求。", 12, "照片符合要", "求。");
	/* Between a closing and an opening quotation mark a line may break. */
	assert_starts("结果：“通过”“警告”“不通过”", 18, "结果：“通过”“警告”",
	    "“不通过”");
	assert_starts("It fails (pixels).", 16, "It fails", "(pixels).");
}

static void
newlines_and_spaces(void **state)
{
	static const char *const paragraphs[] = { "one", "", "two", "three", NULL };
	static const char *const narrow[] = { "社", "保", NULL };

	(void)state;
	assert_lines("one\n\ntwo   three", 7, paragraphs);
	/* A column narrower than one wide character still moves on. */
	assert_lines("社保", 1, narrow);
}

static void
may_break(void **state)
{
	const wchar_t *s = L"费用 20 元（免费）";
	size_t n = wcslen(s);

	(void)state;
	assert_false(text_may_break(s, n, 0));		/* nothing before */
	assert_true(text_may_break(s, n, 1));		/* 费|用: free text */
	assert_true(text_may_break(s, n, 2));		/* 用| 20 */
	assert_false(text_may_break(s, n, 3));		/* inside the space run */
	assert_false(text_may_break(s, n, 5));		/* 20 |元: a number and its unit */
	assert_true(text_may_break(s, n, 7));		/* 元|（ */
	assert_false(text_may_break(s, n, 8));		/* （|免: after an opening bracket */
	assert_false(text_may_break(s, n, 10));	/* 费|）: before closing punctuation */
	s = L"请到合作银行网点";
	assert_false(text_may_break(s, wcslen(s), 4));	/* 合作|银行 inside a term */
	assert_true(text_may_break(s, wcslen(s), 2));	/* 请到|合作 before it */
}

static void
every_line_fits_and_keeps_the_rules(void **state)
{
	static const char *const texts[] = {
		"社保卡需要近期彩色照片：358x441 像素，350 dpi，纯白色背景，面部居中、"
		    "正视镜头；文件大小在 14 到 40 KB 之间。",
		"下一步：带上清单中的材料和这个本地编号到办理网点。您会在那里拿到回执单和"
		    "补换卡证明；新卡办好之前，可凭回执单和补换卡证明就医。",
		"La tarjeta necesita una foto reciente en color, de 358x441 píxeles a "
		    "350 ppp, con fondo blanco liso; el archivo debe ocupar entre 14 y 40 KB.",
		"照片不符合“pixels”这项要求。按 Enter 键可自动修正，或返回上一步选择另一张照片。",
	};
	size_t t;
	int w;

	(void)state;
	for (t = 0; t < sizeof texts / sizeof texts[0]; t++)
		for (w = 12; w <= 80; w++)
			assert_layout(texts[t], w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(latin_words_are_never_split),
		cmocka_unit_test(cjk_breaks_between_characters_but_not_inside_a_term),
		cmocka_unit_test(a_number_keeps_its_unit),
		cmocka_unit_test(brackets_and_closing_punctuation),
		cmocka_unit_test(newlines_and_spaces),
		cmocka_unit_test(may_break),
		cmocka_unit_test(every_line_fits_and_keeps_the_rules),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return (1);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
