/* ui.c -- drawing helpers; screens describe, these lay out by display width. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/graphics.h"
#include "lib/text.h"
#include "tui/ui.h"
#include "lib/xmalloc.h"

static wchar_t	*to_wide(const char *, size_t *);

/* The body ends above the message rows, the rule and the key line. */
int
ui_body_bottom(const struct ui *ui)
{
	return (ui->rows - 3 - (ui->msg_rows > UI_MSG_ROWS ? ui->msg_rows : UI_MSG_ROWS));
}

void
ui_message_rows(struct ui *ui, const char *s)
{
	int most = ui->rows - 3 - UI_BODY_TOP - UI_BODY_MIN;
	int need = s != NULL ? ui_wrap_rows(ui->cols, s) : 0;

	/* A message cut mid-sentence misleads: the body gives way instead. */
	ui->msg_rows = need < UI_MSG_ROWS ? UI_MSG_ROWS : need > most ? most : need;
}

void
ui_message(struct ui *ui, const char *s, attr_t attr)
{
	int y = ui_body_bottom(ui) + 1, i;

	for (i = 0; i < ui->msg_rows; i++)
		mvhline(y + i, 0, ' ', ui->cols);
	graphics_cover(ui->gfx, y, 0, ui->msg_rows, ui->cols);
	if (s != NULL)
		ui_wrap(ui, y, 0, ui->cols, ui->msg_rows, attr, s);
}

void
ui_focus(struct ui *ui, int y, int x)
{
	ui->cur_y = y;
	ui->cur_x = x;
}

/*
 * UTF-8 to a new wide string; caller frees.  Every text drawn passes here:
 * a file name, a configured value or a card service's words are shown with
 * their control and bidirectional characters as '?' (text_safe_lines),
 * never sent to the terminal to act on.
 */
static wchar_t *
to_wide(const char *s, size_t *len)
{
	mbstate_t st;
	char *safe = text_safe_lines(s);
	size_t n = strlen(safe);
	wchar_t *w = xcalloc(n + 1, sizeof *w);
	const char *p = safe;

	memset(&st, 0, sizeof st);
	if ((n = mbsrtowcs(w, &p, n + 1, &st)) == (size_t)-1)
		n = 0;
	w[n] = L'\0';
	*len = n;
	free(safe);
	return (w);
}

int
ui_text(struct ui *ui, int y, int x, int maxw, attr_t attr, const char *s)
{
	size_t n, i;
	wchar_t *w = to_wide(s, &n);
	int cols = 0, cw;

	if (y < 0 || y >= ui->rows || maxw <= 0) {
		free(w);
		return (0);
	}
	attron(attr);
	move(y, x);
	for (i = 0; i < n; i++) {
		cw = wcwidth(w[i]);
		if (cw < 0)
			continue;
		if (cols + cw > maxw)	/* never half a wide character */
			break;
		addnwstr(&w[i], 1);
		cols += cw;
	}
	attroff(attr);
	free(w);
	return (cols);
}

/*
 * Lays s out in lines of at most w columns from row y, at most max rows (-1:
 * no limit), drawing only when ui is not NULL; returns the rows used.  Where
 * a line may break is text_line's rule (no break inside a word, a term or a
 * number with its unit).
 */
static int
wrap_lines(struct ui *ui, int y, int x, int w, int max, attr_t attr, const char *s)
{
	size_t n, start = 0, len, next;
	wchar_t *ws = to_wide(s, &n);
	int rows = 0;

	while (start < n && (max < 0 || rows < max)) {
		len = text_line(ws + start, n - start, w, &next);
		if (ui != NULL && len > 0 && y + rows < ui->rows) {
			attron(attr);
			mvaddnwstr(y + rows, x, ws + start, (int)len);
			attroff(attr);
		}
		rows++;
		start += next;
	}
	free(ws);
	return (rows);
}

int
ui_wrap(struct ui *ui, int y, int x, int w, int max, attr_t attr, const char *s)
{
	return (wrap_lines(ui, y, x, w, max, attr, s));
}

int
ui_wrap_rows(int w, const char *s)
{
	return (wrap_lines(NULL, 0, 0, w, -1, A_NORMAL, s));
}

int
ui_item(struct ui *ui, int y, int x, int w, const char *mark, const char *label,
    int focused)
{
	int rows;

	mvaddstr(y, x, focused ? ">" : " ");
	mvaddstr(y, x + 2, mark);
	rows = ui_wrap(ui, y, x + 3 + (int)strlen(mark), w - 3 - (int)strlen(mark),
	    -1, focused ? A_BOLD : A_NORMAL, label);
	if (focused)
		ui_focus(ui, y, x + 3);	/* on the mark: a braille display shows [x] */
	return (rows);
}

void
ui_field(struct ui *ui, int y, int x, int labelw, int w, const char *label,
    const struct field *f, int focused)
{
	size_t from;
	int fx = x + 2 + labelw + 2, i, cols = 0, cw;

	mvaddstr(y, x, focused ? ">" : " ");
	ui_text(ui, y, x + 2, labelw, focused ? A_BOLD : A_NORMAL, label);
	mvaddstr(y, fx - 1, "[");
	from = field_scroll(f, w);
	move(y, fx);
	attron(A_UNDERLINE);
	for (i = (int)from; i < (int)f->len; i++) {
		cw = wcwidth(f->buf[i]) > 0 ? wcwidth(f->buf[i]) : 0;
		if (cols + cw > w)
			break;
		if (text_unsafe_char((unsigned long)f->buf[i])) {
			addch('?');	/* a path from the list may hold one */
			cw = 1;
		} else
			addnwstr(&f->buf[i], 1);
		cols += cw;
	}
	for (; cols < w; cols++)
		addch(' ');
	attroff(A_UNDERLINE);
	addstr("]");
	if (focused)
		ui_focus(ui, y, fx + field_cursor_col(f, from));
}

void
ui_button(struct ui *ui, int y, int x, const char *label, int focused)
{
	mvaddstr(y, x, focused ? ">[ " : " [ ");
	ui_text(ui, y, x + 3, ui->cols - x - 5, focused ? A_BOLD | A_REVERSE : A_NORMAL,
	    label);
	addstr(" ]");
	if (focused)
		ui_focus(ui, y, x + 3);
}

int
ui_box(struct ui *ui, int top, int left, int h, int w, const char *title)
{
	int y;

	for (y = top; y < top + h; y++) {
		mvhline(y, left, ' ', w);	/* the box hides what is under it */
	}
	graphics_cover(ui->gfx, top, left, h, w);	/* photos it overlaps too */
	/* Plain ASCII: it survives every terminal, snapshots and braille alike. */
	mvhline(top, left, '-', w);
	mvhline(top + h - 1, left, '-', w);
	mvvline(top, left, '|', h);
	mvvline(top, left + w - 1, '|', h);
	mvaddch(top, left, '+');
	mvaddch(top, left + w - 1, '+');
	mvaddch(top + h - 1, left, '+');
	mvaddch(top + h - 1, left + w - 1, '+');
	mvaddstr(top, left + 2, " ");
	ui_text(ui, top, left + 3, w - 6, A_BOLD, title);
	addstr(" ");
	return (top + 1);
}

void
ui_choice(struct ui *ui, int y, int x, int labelw, const char *label,
    const char *value, int focused)
{
	int vx = x + 2 + labelw + 1;

	mvaddstr(y, x, focused ? ">" : " ");
	ui_text(ui, y, x + 2, labelw, focused ? A_BOLD : A_NORMAL, label);
	mvaddstr(y, vx, "< ");
	ui_text(ui, y, vx + 2, ui->cols - vx - 5, focused ? A_BOLD : A_NORMAL, value);
	addstr(" >");
	if (focused)
		ui_focus(ui, y, vx + 2);
}
