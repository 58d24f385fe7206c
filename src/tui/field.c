/* field.c -- the line editor behind every text field. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "keys/keyscript.h"
#include "tui/field.h"
#include "lib/xmalloc.h"

static void	insert(struct field *, wchar_t);

void
field_init(struct field *f, size_t max, const char *text)
{
	memset(f, 0, sizeof *f);
	f->max = max;
	f->cap = max + 1;
	f->buf = xcalloc(f->cap, sizeof *f->buf);
	field_set(f, text);
}

void
field_free(struct field *f)
{
	if (f->buf != NULL)
		wipe_free(f->buf, f->cap * sizeof *f->buf);
	memset(f, 0, sizeof *f);
}

void
field_wipe(struct field *f)
{
	if (f->buf != NULL)
		explicit_bzero(f->buf, f->cap * sizeof *f->buf);
	f->len = f->pos = 0;
}

void
field_set(struct field *f, const char *text)
{
	mbstate_t st;
	size_t n;

	memset(&st, 0, sizeof st);
	n = mbsrtowcs(f->buf, &text, f->max, &st);
	if (n == (size_t)-1)
		n = 0;
	f->buf[n] = L'\0';
	f->len = n;
	f->pos = n;
}

char *
field_utf8(const struct field *f)
{
	const wchar_t *src = f->buf;
	mbstate_t st;
	size_t n;
	char *s;

	memset(&st, 0, sizeof st);
	n = f->len * MB_CUR_MAX + 1;
	s = xmalloc(n);
	if (wcsrtombs(s, &src, n, &st) == (size_t)-1)
		s[0] = '\0';
	return (s);
}

static void
insert(struct field *f, wchar_t c)
{
	if (f->len >= f->max)
		return;
	memmove(f->buf + f->pos + 1, f->buf + f->pos,
	    (f->len - f->pos + 1) * sizeof *f->buf);
	f->buf[f->pos++] = c;
	f->len++;
}

int
field_handle(struct field *f, enum request req, const struct key *k)
{
	wchar_t c = key_char(k);

	/* In a field, every printable key types, even those with a request ('?', ' '). */
	if (c != 0 && iswprint((wint_t)c)) {
		insert(f, c);
		return (1);
	}
	switch (req) {
	case REQ_LEFT:
		if (f->pos > 0)
			f->pos--;
		return (1);
	case REQ_RIGHT:
		if (f->pos < f->len)
			f->pos++;
		return (1);
	case REQ_HOME:
		f->pos = 0;
		return (1);
	case REQ_END:
		f->pos = f->len;
		return (1);
	case REQ_DELETE_BACK:
		if (f->pos == 0)
			return (1);
		f->pos--;
		/* FALLTHROUGH */
	case REQ_DELETE:
		if (f->pos < f->len) {
			memmove(f->buf + f->pos, f->buf + f->pos + 1,
			    (f->len - f->pos) * sizeof *f->buf);
			f->len--;
		}
		return (1);
	case REQ_CLEAR:
		f->len = f->pos = 0;
		f->buf[0] = L'\0';
		return (1);
	default:
		return (0);
	}
}

int
field_cursor_col(const struct field *f, size_t from)
{
	int w = 0, cw;
	size_t i;

	for (i = from; i < f->pos && i < f->len; i++)
		w += (cw = wcwidth(f->buf[i])) > 0 ? cw : 0;
	return (w);
}

/* The first character to show so that the cursor fits in w columns. */
size_t
field_scroll(const struct field *f, int w)
{
	size_t from = 0;

	while (from < f->pos && field_cursor_col(f, from) > w - 1)
		from++;
	return (from);
}
