/* field.h -- a one-line text field that edits by characters, shown by display width. */
#ifndef SSCARD_FIELD_H
#define SSCARD_FIELD_H

#include <stddef.h>
#include <wchar.h>

#include "keys/key.h"
#include "keys/request.h"

struct field {
	wchar_t	*buf;
	size_t	 len, cap;
	size_t	 pos;		/* cursor, in characters */
	size_t	 max;		/* most characters accepted */
};

void	 field_init(struct field *, size_t, const char *);
void	 field_free(struct field *);	/* wipes: fields hold personal data */
/* Overwrites the text with zeros and empties the field; it stays usable. */
void	 field_wipe(struct field *);
/* Handles an editing request; returns 1 if it was one (consumed), else 0. */
int	 field_handle(struct field *, enum request, const struct key *);
/* The text as UTF-8; caller frees. */
char	*field_utf8(const struct field *);
void	 field_set(struct field *, const char *);
/* Display columns before the cursor, and the first character shown in w columns. */
int	 field_cursor_col(const struct field *, size_t);
size_t	 field_scroll(const struct field *, int);

#endif
