/* keys.c -- the one table from keys to requests. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>

#include "keys/request.h"
#include "lib/xmalloc.h"

const struct request_info request_table[] = {
#define REQ_ROW(r, keys, help) { REQ_##r, keys, help },
	REQUESTS(REQ_ROW)
#undef REQ_ROW
	{ REQ_NONE, NULL, NULL }
};

/* Key names whose label is a symbol or a word of the reader's language. */
static const struct {
	const char	*name;
	const char	*label;		/* N_() where the reader's language has a word */
	int		 translate;
} key_labels[] = {
	{ "Up", "↑", 0 },
	{ "Down", "↓", 0 },
	{ "Left", "←", 0 },
	{ "Right", "→", 0 },
	/* TRANSLATORS: the space bar, as the help box names it. */
	{ "Space", N_("Space"), 1 },
	/* TRANSLATORS: the Backspace key, as the help box names it. */
	{ "BS", N_("Backspace"), 1 },
};

/* One key name as shown: a label, "Ctrl-S" for "C-s", "Shift-Tab" for "S-Tab". */
static char *
key_label(const char *name)
{
	size_t i;

	for (i = 0; i < nitems(key_labels); i++)
		if (strcmp(name, key_labels[i].name) == 0)
			return (xstrdup(key_labels[i].translate ?
			    _(key_labels[i].label) : key_labels[i].label));
	if (strncmp(name, "C-", 2) == 0 && name[2] != '\0' && name[3] == '\0')
		return (xasprintf("Ctrl-%c", name[2] - 'a' + 'A'));
	if (strncmp(name, "S-", 2) == 0)
		return (xasprintf("Shift-%s", name + 2));
	return (xstrdup(name));
}

char *
keys_label(const char *keys)
{
	char *copy = xstrdup(keys), *out = xstrdup(""), *tok, *save, *label, *s;

	for (tok = strtok_r(copy, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		label = key_label(tok);
		s = xasprintf("%s%s%s", out, *out != '\0' ? " " : "", label);
		free(label);
		free(out);
		out = s;
	}
	free(copy);
	return (out);
}

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
