/* text.c -- display width of UTF-8 text: tables line up in every language. */
#include "system.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "xmalloc.h"

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
