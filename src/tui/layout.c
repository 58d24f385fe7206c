/* layout.c -- where a screen's photos go: boxes that grow with the window. */
#include "lib/system.h"

#include <string.h>

#include "tui/graphics.h"
#include "tui/layout.h"
#include "tui/ui.h"

/* Columns between the text and the photos, and between two photos. */
#define GAP_TEXT	2
#define GAP_PHOTOS	1

void
layout_photos(const struct ui *ui, int n, int labels, const struct image *imgs,
    int text_min, struct layout *l)
{
	int top = UI_BODY_TOP, rows = ui_body_bottom(ui) - UI_BODY_TOP - labels;
	int cw = 10, ch = 20, iw = 0, ih = 0, area, cols, need, x, i;

	memset(l, 0, sizeof *l);
	n = n < 1 ? 1 : n > LAYOUT_MAX_PHOTOS ? LAYOUT_MAX_PHOTOS : n;
	if (ui->gfx != NULL && ui->gfx->caps.cell_w > 0 && ui->gfx->caps.cell_h > 0) {
		cw = ui->gfx->caps.cell_w;
		ch = ui->gfx->caps.cell_h;
	}
	/* The tallest shape decides: every photo fits its box. */
	for (i = 0; imgs != NULL && i < n; i++)
		if (imgs[i].w > 0 && imgs[i].h > 0 && (iw == 0 ||
		    (long)imgs[i].h * iw > (long)ih * imgs[i].w)) {
			iw = imgs[i].w;
			ih = imgs[i].h;
		}
	if (iw == 0) {
		iw = 3;		/* not loaded yet: a portrait */
		ih = 4;
	}
	rows = rows < 1 ? 1 : rows;
	/* As wide as the full height needs, if the text keeps its minimum. */
	cols = (int)(((long)rows * ch * iw + (long)ih * cw - 1) / ((long)ih * cw));
	area = ui->cols - 1 - 1 - (text_min > 0 ? GAP_TEXT + text_min : 0);
	if (n * cols + (n - 1) * GAP_PHOTOS > area)
		cols = (area - (n - 1) * GAP_PHOTOS) / n;
	cols = cols < 1 ? 1 : cols;
	/* Narrower than the height allows: only the rows the shape needs. */
	need = (int)(((long)cols * cw * ih + (long)iw * ch - 1) / ((long)iw * ch));
	rows = need < rows ? need : rows;
	x = ui->cols - 1 - n * cols - (n - 1) * GAP_PHOTOS;
	if (text_min <= 0)
		x /= 2;		/* alone on the screen: in the middle */
	for (i = 0; i < n; i++) {
		l->label[i].y = top;
		l->label[i].rows = labels;
		l->photo[i].y = top + labels;
		l->label[i].x = l->photo[i].x = x + i * (cols + GAP_PHOTOS);
		l->label[i].cols = l->photo[i].cols = cols;
		l->photo[i].rows = rows;
	}
	l->nphotos = n;
	l->text.y = top;
	l->text.x = 1;
	l->text.rows = ui_body_bottom(ui) - top + 1;
	l->text.cols = text_min > 0 ? x - GAP_TEXT - 1 : 0;
}
