/* text.c -- display width of UTF-8 text, and line breaking that a reader of each language accepts. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "lib/text.h"
#include "lib/xmalloc.h"

int
text_width(const char *s)
{
	wchar_t *w;
	size_t n;
	int cols;

	if ((n = mbstowcs(NULL, s, 0)) == (size_t)-1)
		return ((int)strlen(s));
	w = xreallocarray(NULL, n + 1, sizeof *w);
	mbstowcs(w, s, n + 1);
	cols = wcswidth(w, n);
	free(w);
	return (cols < 0 ? (int)strlen(s) : cols);
}

void
text_cell(FILE *f, const char *s, int width)
{
	int pad = width - text_width(s);

	fputs(s, f);
	while (pad-- > 0)
		fputc(' ', f);
}

/*
 * Words an office uses that must stay on one line: every Chinese rendering in
 * locales/glossary.tsv (tests/i18n.sh checks that each one is here), and a few
 * proper names.  Simplified and Traditional forms.
 */
static const wchar_t *const terms[] = {
	L"社保卡", L"电子社保卡", L"電子社保卡", L"社会保障卡", L"社會保障卡",
	L"合作银行网点", L"合作銀行網點", L"社保中心", L"社保所",
	L"回执单", L"回執單", L"补换卡证明", L"補換卡證明",
	L"受理编号", L"受理編號", L"相片回执号", L"相片回執號",
	L"数码照", L"數碼照", L"数码照回执", L"數碼照回執",
	L"立等可取", L"工作日", L"短信验证码", L"短信驗證碼",
	L"网上办理", L"網上辦理", L"原件", L"复印件", L"復印件",
	L"居民身份证", L"居民身份證", L"身份证", L"身份證",
	L"工本费", L"工本費", L"就医", L"就醫", L"照相馆", L"照相館",
	L"本地编号", L"本地編號", L"发件箱", L"發件箱", L"办理渠道", L"辦理渠道",
	L"一寸", L"小一寸", L"空格键", L"空格鍵", L"退格键", L"退格鍵",
	L"掌上12333", L"北京12333", L"人社部", L"国家政务服务平台", L"國家政務服務平臺",
	L"京通", L"皖事通", L"社保通", L"社保部门", L"社保部門",
	L"不退出", L"照片", L"照片规格", L"照片規格", L"拍照", L"网上", L"網上",
	L"短信", L"原件及复印件", L"原件及復印件", L"材料", L"向导", L"向導",
	L"渠道", L"文件夹", L"文件夾", L"网络", L"網絡", L"账户", L"賬戶",
	L"配置", L"通过", L"通過", L"不通过", L"不通過", L"警告",
	L"深圳社保", L"广州人社", L"廣州人社", L"数字相片回执", L"數字相片回執",
	L"北京市社会保险网上服务平台", L"北京市社會保險網上服務平臺",
	L"安徽政务服务网", L"安徽政務服務網", L"微信公众号", L"微信公眾號",
	L"小程序", L"补换卡", L"補換卡", L"补卡", L"補卡", L"排版照片", L"製卡中", L"正式挂失", L"正式掛失", L"临时卡", L"臨時卡",
	L"制卡中", L"银行网点签收", L"銀行網點簽收",
	L"社保卡信息变更", L"社保卡信息變更", L"换卡申请", L"換卡申請",
	L"市民中心", L"社保卡相片上传", L"社保卡相片上傳", L"社会保障卡管理",
	L"社會保障卡管理", L"手工报销", L"手工報銷", L"申请服务", L"申請服務",
};

/* A number's unit: never alone at the start of a line. */
static const wchar_t *const latin_units[] = {
	L"px", L"dpi", L"ppp", L"KB", L"MB", L"KiB", L"MiB", L"mm", L"cm", L"s",
	L"min", L"h", L"%", L"°", L"yuan", L"yuanes", L"días", L"día", L"days",
	L"working", L"columnas", L"líneas", L"columns", L"lines", L"bytes",
};
static const wchar_t *const cjk_units[] = {
	L"像素", L"字节", L"位元組", L"百万", L"百萬", L"分钟", L"分鐘",
	L"小时", L"小時", L"元", L"个", L"個", L"位", L"项", L"項", L"步", L"秒",
	L"次", L"份", L"列", L"欄", L"行", L"日", L"月", L"年", L"天", L"周",
	L"週", L"岁", L"歲", L"寸", L"张", L"張", L"名",
};

/* Never at the end of a line. */
static int
is_opening(wchar_t c)
{
	return (c != L'\0' && wcschr(L"（「『“‘《〈【〔［｛([{¿¡", c) != NULL);
}

/* Never at the start of a line (kinsoku), in CJK or Latin text. */
static int
is_closing(wchar_t c)
{
	return (c != L'\0' &&
	    wcschr(L"。，、；：！？）」』”’》〉】〕］｝…·,.;:!?)]}", c) != NULL);
}

/* CJK for breaking: wide characters, and the quotation marks Chinese text uses. */
static int
is_wide(wchar_t c)
{
	return (wcwidth(c) == 2 || (c != L'\0' && wcschr(L"“”‘’", c) != NULL));
}

static int
is_digit(wchar_t c)
{
	return ((c >= L'0' && c <= L'9') || (c >= L'０' && c <= L'９'));
}

/* Whether the n characters of s at `at` begin with t. */
static int
starts_with(const wchar_t *s, size_t n, size_t at, const wchar_t *t)
{
	size_t k = wcslen(t);

	return (at + k <= n && wmemcmp(s + at, t, k) == 0);
}

/* Whether a glossary term covers both s[i - 1] and s[i]. */
static int
inside_term(const wchar_t *s, size_t n, size_t i)
{
	size_t t, k, len;

	for (t = 0; t < nitems(terms); t++) {
		len = wcslen(terms[t]);
		for (k = 1; k < len && k <= i; k++)
			if (starts_with(s, n, i - k, terms[t]))
				return (1);
	}
	return (0);
}

/* Whether s[at] begins a unit: a Latin unit as a whole word, or a CJK one. */
static int
is_unit_at(const wchar_t *s, size_t n, size_t at)
{
	size_t u, k;

	for (u = 0; u < nitems(cjk_units); u++)
		if (starts_with(s, n, at, cjk_units[u]))
			return (1);
	for (u = 0; u < nitems(latin_units); u++) {
		k = wcslen(latin_units[u]);
		if (starts_with(s, n, at, latin_units[u]) &&
		    (at + k == n || !iswalnum((wint_t)s[at + k])))
			return (1);
	}
	return (0);
}

int
text_may_break(const wchar_t *s, size_t n, size_t i)
{
	size_t j = i;
	wchar_t a, b;
	int gap;

	if (i == 0 || i >= n || s[i - 1] == L' ' || s[i - 1] == L'\n')
		return (0);
	while (j < n && s[j] == L' ')
		j++;
	gap = j > i;
	if (j >= n || s[j] == L'\n')
		return (1);
	a = s[i - 1];
	b = s[j];
	if (is_opening(a) || is_closing(b))
		return (0);
	if (is_digit(a) && is_unit_at(s, n, j))
		return (0);
	if (gap)
		return (1);
	/* No space: only between CJK characters (or CJK and Latin), outside a term. */
	return ((is_wide(a) || is_wide(b)) && !inside_term(s, n, i));
}

size_t
text_line(const wchar_t *s, size_t n, int width, size_t *next)
{
	size_t i, brk = 0, end;
	int cols = 0, cw;

	for (i = 0; i < n && s[i] != L'\n'; i++) {
		if (text_may_break(s, n, i))
			brk = i;
		cw = wcwidth(s[i]) > 0 ? wcwidth(s[i]) : 0;
		if (cols + cw > width && s[i] != L' ')
			break;
		cols += cw;
	}
	if (i < n && s[i] != L'\n' && brk > 0)
		i = brk;		/* the last break that fits */
	else if (i == 0 && n > 0 && s[0] != L'\n')
		i = 1;			/* a column narrower than one character */
	end = i;
	while (end > 0 && s[end - 1] == L' ')
		end--;
	while (i < n && s[i] == L' ')
		i++;
	if (i < n && s[i] == L'\n')
		i++;
	*next = i;
	return (end);
}

size_t
text_utf8_char(const char *str, unsigned long *c)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n, i;

	if (s[0] < 0x80) {
		*c = s[0];
		return (1);
	}
	if ((s[0] & 0xe0) == 0xc0)
		n = 2, *c = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		n = 3, *c = s[0] & 0x0f;
	else if ((s[0] & 0xf8) == 0xf0)
		n = 4, *c = s[0] & 0x07;
	else
		return (0);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		*c = *c << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms (a C1 control written in three bytes) and surrogates are not UTF-8. */
	if ((n == 2 && *c < 0x80) || (n == 3 && *c < 0x800) ||
	    (n == 4 && (*c < 0x10000 || *c > 0x10ffff)) ||
	    (*c >= 0xd800 && *c <= 0xdfff))
		return (0);
	return (n);
}

int
text_unsafe_char(unsigned long c)
{
	return (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x61c ||
	    c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069));
}

/* s with every unsafe character (but a newline when keep_nl) and stray byte as '?'. */
static char *
safe_copy(const char *s, int keep_nl)
{
	char *out = xmalloc(strlen(s) + 1);
	size_t len = 0, n;
	unsigned long c;

	while (*s != '\0') {
		n = text_utf8_char(s, &c);
		if (n == 0 || (text_unsafe_char(c) && !(keep_nl && c == '\n'))) {
			/* One '?' a character: the name keeps its shape. */
			out[len++] = '?';
			s += n > 0 ? n : 1;
			continue;
		}
		memcpy(out + len, s, n);
		len += n;
		s += n;
	}
	out[len] = '\0';
	return (out);
}

char *
text_safe_name(const char *s)
{
	return (safe_copy(s, 0));
}

char *
text_safe_lines(const char *s)
{
	return (safe_copy(s, 1));
}

void
text_say_cause(FILE *f, char **cause)
{
	char *safe = text_safe_name(*cause);

	fprintf(f, "%s: %s\n", PACKAGE, safe);
	free(safe);
	free(*cause);
	*cause = NULL;
}
