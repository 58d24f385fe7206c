/* text.h -- display width of UTF-8 text, for tables printed on the command line. */
#ifndef SSCARD_TEXT_H
#define SSCARD_TEXT_H

#include <stdio.h>

/* Columns s takes on a terminal (CJK counts 2); its length in bytes if invalid. */
int	text_width(const char *);
/* Writes s padded with spaces to `width` columns. */
void	text_cell(FILE *, const char *, int);

#endif
