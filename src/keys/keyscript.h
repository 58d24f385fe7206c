/* keyscript.h -- the key-script format of --replay and --record. */
#ifndef SSCARD_KEYSCRIPT_H
#define SSCARD_KEYSCRIPT_H

#include <stddef.h>
#include <stdio.h>

#include "keys/key.h"

struct keyscript {
	struct key	*keys;
	size_t		 n;
	size_t		 next;	/* index of the next key to replay */
};

/*
 * Parses a whole script held in memory.  Returns 0 and fills ks (free with
 * keyscript_free), or -1 and sets *cause to a message naming line and column;
 * caller frees it.
 */
int	 keyscript_parse(const char *, size_t, struct keyscript *, char **);
int	 keyscript_load(const char *, struct keyscript *, char **);
void	 keyscript_free(struct keyscript *);

/* Writes one key in script form: "<Enter>", "<<", "张".  Returns -1 on write error. */
int	 keyscript_write(FILE *, const struct key *);
/* The script name of a key ("Enter", "F1", "C-a"), into buf; "" for characters. */
const char *keyscript_name(const struct key *, char *, size_t);

/* The character a key types into a text field, or 0 when it types none. */
wchar_t	key_char(const struct key *);

#endif
