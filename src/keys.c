/* keys.c -- the one table from keys to requests. */
#include "system.h"

#include "request.h"

const struct request_info request_table[] = {
#define REQ_ROW(r, keys, help) { REQ_##r, keys, help },
	REQUESTS(REQ_ROW)
#undef REQ_ROW
	{ REQ_NONE, NULL, NULL }
};

enum request
keys_lookup(const struct key *k)
{
	switch (k->code) {
	case K_CHAR:
		return (k->ch == L'?' ? REQ_HELP : REQ_CHAR);
	case K_SPACE:
		return (REQ_TOGGLE);
	case K_F:
		return (k->n == 1 ? REQ_HELP : k->n == 2 ? REQ_BACK :
		    k->n == 3 ? REQ_NEXT : REQ_NONE);
	case K_CTRL:
		return (k->n == 's' ? REQ_SAVE : k->n == 'l' ? REQ_REDRAW :
		    k->n == 'a' ? REQ_HOME : k->n == 'e' ? REQ_END :
		    k->n == 'u' ? REQ_CLEAR : REQ_NONE);
	case K_ENTER:	return (REQ_ACTIVATE);
	case K_TAB:	return (REQ_FOCUS_NEXT);
	case K_BTAB:	return (REQ_FOCUS_PREV);
	case K_DOWN:	return (REQ_FOCUS_NEXT);
	case K_UP:	return (REQ_FOCUS_PREV);
	case K_LEFT:	return (REQ_LEFT);
	case K_RIGHT:	return (REQ_RIGHT);
	case K_HOME:	return (REQ_HOME);
	case K_END:	return (REQ_END);
	case K_PGUP:	return (REQ_BACK);
	case K_PGDN:	return (REQ_NEXT);
	case K_ESC:	return (REQ_QUIT);
	case K_BS:	return (REQ_DELETE_BACK);
	case K_DEL:	return (REQ_DELETE);
	case K_RESIZE:	return (REQ_RESIZE);
	default:	return (REQ_NONE);
	}
}
