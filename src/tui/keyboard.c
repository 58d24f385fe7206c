/* keyboard.c -- the next key: typed, read through curses, or from the key script. */
#include "lib/system.h"

#include <curses.h>
#include <string.h>

#include "keys/input.h"
#include "tui/keyboard.h"
#include "tui/term-detect.h"

static int	from_curses(wint_t, int, struct key *);

/* Turns what wget_wch read into a key. */
static int
from_curses(wint_t c, int rc, struct key *k)
{
	memset(k, 0, sizeof *k);
	if (rc == KEY_CODE_YES) {
		switch (c) {
		case KEY_ENTER:		k->code = K_ENTER;	return (0);
		case KEY_BTAB:		k->code = K_BTAB;	return (0);
		case KEY_UP:		k->code = K_UP;		return (0);
		case KEY_DOWN:		k->code = K_DOWN;	return (0);
		case KEY_LEFT:		k->code = K_LEFT;	return (0);
		case KEY_RIGHT:		k->code = K_RIGHT;	return (0);
		case KEY_HOME:		k->code = K_HOME;	return (0);
		case KEY_END:		k->code = K_END;	return (0);
		case KEY_PPAGE:		k->code = K_PGUP;	return (0);
		case KEY_NPAGE:		k->code = K_PGDN;	return (0);
		case KEY_BACKSPACE:	k->code = K_BS;		return (0);
		case KEY_DC:		k->code = K_DEL;	return (0);
		case KEY_RESIZE:	k->code = K_RESIZE;	return (0);
		}
		if (c >= KEY_F(1) && c <= KEY_F(12)) {
			k->code = K_F;
			k->n = (int)(c - KEY_F0);
			return (0);
		}
		return (-1);
	}
	switch (c) {
	case '\r': case '\n':	k->code = K_ENTER;	return (0);
	case '\t':		k->code = K_TAB;	return (0);
	case 27:		k->code = K_ESC;	return (0);
	case 8: case 127:	k->code = K_BS;		return (0);
	case ' ':		k->code = K_SPACE;	return (0);
	}
	if (c >= 1 && c <= 26) {
		k->code = K_CTRL;
		k->n = 'a' + (int)c - 1;
		return (0);
	}
	if (c < 0x20)
		return (-1);
	k->code = K_CHAR;
	k->ch = (wchar_t)c;
	return (0);
}

int
keyboard_next(struct input *in, struct key *k)
{
	wint_t c;
	int rc;

	if (in->replay)
		return (input_scripted(in, k));
	for (;;) {
		rc = get_wch(&c);
		if (rc == ERR)
			return (-1);	/* the terminal is gone (hang-up): unwind */
		if (rc == OK && c == 27 && term_drop_late_reply())
			continue;	/* the terminal answering a query, not a key */
		if (from_curses(c, rc, k) == 0)
			break;
	}
	input_typed(in, k);
	return (0);
}
