/* request.h -- what a key asks the wizard to do; defined once, with its help text. */
#ifndef SSCARD_REQUEST_H
#define SSCARD_REQUEST_H

#include "keys/key.h"

/*
 * X-macro: request, the keys that make it (as shown in help and the man
 * page), help text.  The enum, the help overlay, the key table in keys.c and
 * the man page's KEY BINDINGS (checked by a test) all come from this list.
 */
#define REQUESTS(_)							\
	_(HELP,		"F1 ?",		N_("Show help for this screen"))	\
	_(BACK,		"F2 PgUp",	N_("Go back one step (what you typed is kept)")) \
	_(NEXT,		"F3 PgDn",	N_("Check this step and go to the next one")) \
	_(QUIT,		"Esc",		N_("Quit (asks first)"))		\
	_(ACTIVATE,	"Enter",	N_("Choose the item or button under the cursor; in a field, go to the next field")) \
	_(FOCUS_NEXT,	"Tab Down",	N_("Move to the next item"))	\
	_(FOCUS_PREV,	"S-Tab Up",	N_("Move to the previous item"))	\
	_(TOGGLE,	"Space",	N_("Tick or untick the item under the cursor")) \
	_(SAVE,		"C-s",		N_("Save (on screens that can save)"))	\
	_(REDRAW,	"C-l",		N_("Redraw the screen"))		\
	_(LEFT,		"Left",		N_("Move the cursor left in a field"))	\
	_(RIGHT,	"Right",	N_("Move the cursor right in a field"))	\
	_(HOME,		"Home C-a",	N_("Go to the start of a field"))	\
	_(END,		"End C-e",	N_("Go to the end of a field"))		\
	_(DELETE_BACK,	"BS",		N_("Delete the character before the cursor")) \
	_(DELETE,	"Del",		N_("Delete the character under the cursor")) \
	_(CLEAR,	"C-u",		N_("Clear the field"))

enum request {
	REQ_NONE = 0,
	REQ_CHAR,	/* a printable character; the key carries it */
	REQ_RESIZE,
#define REQ_ENUM(r, keys, help) REQ_##r,
	REQUESTS(REQ_ENUM)
#undef REQ_ENUM
	REQ_COUNT
};

struct request_info {
	enum request	 req;
	const char	*keys;	/* untranslated key names, space separated */
	const char	*help;	/* N_() text */
};

/* The request a key makes on any screen (screens may reinterpret it). */
enum request	keys_lookup(const struct key *);
/* The table of requests with their keys and help, ended by REQ_NONE. */
extern const struct request_info request_table[];
/*
 * The keys of a request as the help box shows them to a citizen: arrows as
 * arrows, "C-s" as "Ctrl-S", the space bar in the reader's language; caller frees.
 */
char		*keys_label(const char *);

#endif
