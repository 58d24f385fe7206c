/* key.h -- one keystroke, independent of curses, as the key script names it. */
#ifndef SSCARD_KEY_H
#define SSCARD_KEY_H

#include <wchar.h>

/*
 * X-macro of named keys: enum name, script name.  The script format, the
 * recorder and the man page's KEY SCRIPTS section all come from this list.
 */
#define KEY_NAMES(_)			\
	_(ENTER,	"Enter")	\
	_(TAB,		"Tab")		\
	_(BTAB,		"S-Tab")	\
	_(UP,		"Up")		\
	_(DOWN,		"Down")		\
	_(LEFT,		"Left")		\
	_(RIGHT,	"Right")	\
	_(HOME,		"Home")		\
	_(END,		"End")		\
	_(PGUP,		"PgUp")		\
	_(PGDN,		"PgDn")		\
	_(ESC,		"Esc")		\
	_(BS,		"BS")		\
	_(DEL,		"Del")

enum key_code {
	K_NONE = 0,
	K_CHAR,		/* a character: key.ch */
	K_SPACE,	/* written <Space>; also typed as ' ' */
	K_F,		/* function key: key.n is 1..12 */
	K_CTRL,		/* control key: key.n is 'a'..'z' */
	K_RESIZE,	/* the terminal changed size (never in scripts) */
#define KEY_ENUM(e, name) K_##e,
	KEY_NAMES(KEY_ENUM)
#undef KEY_ENUM
};

struct key {
	enum key_code	code;
	wchar_t		ch;	/* K_CHAR */
	int		n;	/* K_F, K_CTRL */
};

#endif
