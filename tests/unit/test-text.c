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

#include "text.h"

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
	char *lines[MAX_LINES + 1];
	int n;

	(void)state;
	n = wrap("It stays in the outbox; sscard outbox flush sends it later.", 16, lines);
	assert_int_equal(n, 4);
	assert_string_equal(lines[0], "It stays in the");
	assert_string_equal(lines[1], "outbox; sscard");
	assert_string_equal(lines[2], "outbox flush");
	assert_string_equal(lines[3], "sends it later.");
	free_lines(lines);
	/* Only a word wider than the whole line is cut. */
	n = wrap("see /media/usb/photo.jpg", 10, lines);
	assert_string_equal(lines[0], "see");
	assert_string_equal(lines[1], "/media/usb");
	assert_string_equal(lines[2], "/photo.jpg");
	assert_int_equal(n, 3);
	free_lines(lines);
}

static void
cjk_breaks_between_characters_but_not_inside_a_term(void **state)
{
	char *lines[MAX_LINES + 1];

	(void)state;
	/* 16 columns end inside 合作银行网点: the term moves down whole. */
	wrap("请到您的合作银行网点办理", 16, lines);
	assert_string_equal(lines[0], "请到您的");
	assert_string_equal(lines[1], "合作银行网点办理");
	free_lines(lines);
	wrap("照相馆出具的数码照回执", 18, lines);
	assert_string_equal(lines[0], "照相馆出具的");
	assert_string_equal(lines[1], "数码照回执");
	free_lines(lines);
	/* Traditional forms too. */
	wrap("請到您的合作銀行網點辦理", 16, lines);
	assert_string_equal(lines[1], "合作銀行網點辦理");
	free_lines(lines);
	/* Outside terms any two CJK characters may part. */
	wrap("请向当地社保部门确认", 8, lines);
	assert_string_equal(lines[0], "请向当地");
	free_lines(lines);
}

static void
a_number_keeps_its_unit(void **state)
{
	char *lines[MAX_LINES + 1];

	(void)state;
	wrap("358x441 像素，350 dpi，纯白色背景", 20, lines);
	assert_string_equal(lines[0], "358x441 像素，");
	assert_string_equal(lines[1], "350 dpi，纯白色背景");
	free_lines(lines);
	wrap("the file between 14 and 40 KB.", 27, lines);
	assert_string_equal(lines[0], "the file between 14 and");
	assert_string_equal(lines[1], "40 KB.");
	free_lines(lines);
	wrap("有的收 25 元或 30 元", 13, lines);
	assert_string_equal(lines[0], "有的收 25 元");
	assert_string_equal(lines[1], "或 30 元");
	free_lines(lines);
	wrap("最长需要 15 个工作日", 12, lines);
	assert_string_equal(lines[0], "最长需要");
	assert_string_equal(lines[1], "15 个工作日");
	free_lines(lines);
}

static void
brackets_and_closing_punctuation(void **state)
{
	char *lines[MAX_LINES + 1];

	(void)state;
	/* A line never ends on "（": it goes down with what it opens. */
	wrap("须为 JPEG 或 PNG 格式（例如 /media/usb/photo.jpg）。", 24, lines);
	assert_string_equal(lines[0], "须为 JPEG 或 PNG 格式");
	assert_string_equal(lines[1], "（例如");
	free_lines(lines);
	/* "。" and "）" never start a line: the character before goes down with them. */
	wrap("照片符合要求。", 12, lines);
	assert_string_equal(lines[0], "照片符合要");
	assert_string_equal(lines[1], "求。");
	free_lines(lines);
	/* Between a closing and an opening quotation mark a line may break. */
	wrap("结果：“通过”“警告”“不通过”", 18, lines);
	assert_string_equal(lines[0], "结果：“通过”“警告”");
	assert_string_equal(lines[1], "“不通过”");
	free_lines(lines);
	wrap("It fails (pixels).", 16, lines);
	assert_string_equal(lines[0], "It fails");
	assert_string_equal(lines[1], "(pixels).");
	free_lines(lines);
}

static void
newlines_and_spaces(void **state)
{
	char *lines[MAX_LINES + 1];
	int n;

	(void)state;
	n = wrap("one\n\ntwo   three", 7, lines);
	assert_int_equal(n, 4);
	assert_string_equal(lines[0], "one");
	assert_string_equal(lines[1], "");
	assert_string_equal(lines[2], "two");
	assert_string_equal(lines[3], "three");
	free_lines(lines);
	/* A column narrower than one wide character still moves on. */
	n = wrap("社保", 1, lines);
	assert_int_equal(n, 2);
	free_lines(lines);
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
