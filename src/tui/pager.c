/* pager.c -- paragraphs shown whole, a paragraph at a time when space is short. */
#include "lib/system.h"

#include "tui/pager.h"
#include "keys/request.h"

static int	rows_of(struct ui *, int, int, const struct pager_item *);

/* Rows the paragraph takes: measured by laying it out below the screen. */
static int
rows_of(struct ui *ui, int w, int lw, const struct pager_item *it)
{
	/* A paragraph without a label uses the whole width. */
	return (ui_wrap(ui, ui->rows, 0, it->label != NULL ? w - lw : w, -1,
	    A_NORMAL, it->text));
}

int
pager_draw(struct ui *ui, int y, int x, int w, int lw, int bottom,
    const struct pager_item *items, int n, int first)
{
	int i, h, total = 0, more = 0, last;

	for (i = first; i < n; i++)
		total += rows_of(ui, w, lw, &items[i]);
	/* All of it fits: no marker.  Else the bottom row is the marker's. */
	last = first == 0 && y + total - 1 <= bottom ? bottom : bottom - 1;
	for (i = first; i < n; i++) {
		h = rows_of(ui, w, lw, &items[i]);
		if (y + h - 1 > last) {
			more = 1;
			if (i > first)
				break;
			h = last - y + 1;	/* taller than the whole area */
		}
		if (items[i].label != NULL) {
			ui_text(ui, y, x, lw - 1, A_BOLD, items[i].label);
			ui_wrap(ui, y, x + lw, w - lw, h, A_NORMAL, items[i].text);
		} else
			ui_wrap(ui, y, x, w, h, A_NORMAL, items[i].text);
		y += h;
	}
	if (more)
		ui_text(ui, bottom, x, w, A_NORMAL, _("-- more below: End shows "
		    "more, Home goes back to the start --"));
	else if (first > 0)
		ui_text(ui, bottom, x, w, A_NORMAL, _("-- the end; Home goes back "
		    "to the start --"));
	return (more && first < n - 1);
}

int
pager_scroll(int *first, int n, int req)
{
	if (req == REQ_END && *first < n - 1) {
		(*first)++;
		return (1);
	}
	if (req == REQ_HOME && *first > 0) {
		*first = 0;
		return (1);
	}
	return (0);
}
