/* ui.h -- drawing helpers: frame, text wrapped by display width, fields, marks. */
#ifndef SSCARD_UI_H
#define SSCARD_UI_H

#include <curses.h>

#include "tui/field.h"

struct graphics;

/* The layout sscard is designed for. */
#define UI_MIN_COLS	80
#define UI_MIN_ROWS	24

/* Rows of the frame: title, rule, body..., message, rule, keys. */
#define UI_BODY_TOP	2
/* The message rows kept free when there is no message, or a short one. */
#define UI_MSG_ROWS	2
/* Body rows a long message leaves at least. */
#define UI_BODY_MIN	4

struct ui {
	int	 rows, cols;
	int	 cur_y, cur_x;	/* where the focus is: the cursor ends here */
	int	 colour;	/* colours may add emphasis, never meaning */
	int	 msg_rows;	/* rows of the message above the key line: UI_MSG_ROWS or more */
	struct graphics *gfx;	/* where graphics_place puts photos */
};

int	ui_body_bottom(const struct ui *);	/* last body row, above the message */
/*
 * Sets the rows the message s (NULL: none) takes in the full width: all
 * it needs, so that it is never cut, but UI_MSG_ROWS at least and no more
 * than leave UI_BODY_MIN body rows.  Call before the body is laid out.
 */
void	ui_message_rows(struct ui *, const char *);
/* Draws the message s in its rows, over whatever the body drew there. */
void	ui_message(struct ui *, const char *, attr_t);
/* Sets where the terminal cursor goes after this redraw. */
void	ui_focus(struct ui *, int, int);
/* Draws s (UTF-8) at y,x in at most w columns; never cuts a character. Returns columns used. */
int	ui_text(struct ui *, int, int, int, attr_t, const char *);
/* Word-wraps s into w columns from row y, at most `max` rows; returns rows used. */
int	ui_wrap(struct ui *, int, int, int, int, attr_t, const char *);
/* The rows ui_wrap would take for s in w columns, drawing nothing. */
int	ui_wrap_rows(int, const char *);
/* A focusable row: "> [x] label" or "  ( ) label"; the cursor goes on the mark. */
int	ui_item(struct ui *, int, int, int, const char *, const char *, int);
/* "Label: [value____]" with the cursor at the insertion point when focused. */
void	ui_field(struct ui *, int, int, int, int, const char *, const struct field *, int);
/* "[ label ]" button, "> " marks focus. */
void	ui_button(struct ui *, int, int, const char *, int);
/* A box with a title, for overlays; returns its inner top row. */
int	ui_box(struct ui *, int, int, int, int, const char *);

/* "Label:  < value >": a choice changed with Left and Right. */
void	ui_choice(struct ui *, int, int, int, const char *, const char *, int);
#endif
