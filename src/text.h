/* text.h -- display width of UTF-8 text, and where its lines may break. */
#ifndef SSCARD_TEXT_H
#define SSCARD_TEXT_H

#include <stdio.h>
#include <wchar.h>

/* Columns s takes on a terminal (CJK counts 2); its length in bytes if invalid. */
int	text_width(const char *);
/* Writes s padded with spaces to `width` columns. */
void	text_cell(FILE *, const char *, int);

/*
 * Whether a line may end before s[i] of the n characters of s.  A line breaks
 * at a space or between two CJK characters, never inside a Latin word, inside a
 * term that is one word to an office (合作银行网点, 相片回执号: the glossary's
 * terms), between a number and its unit, after an opening bracket or before
 * closing punctuation.  A run of spaces is one break, before its first space.
 */
int	text_may_break(const wchar_t *, size_t, size_t);
/*
 * The first line of s (n characters) in `width` columns: returns how many
 * characters it shows (trailing spaces left out) and sets *next to where the
 * next line starts (past the spaces, or past the newline that ended it).  Only
 * a word wider than the whole line is cut, and never inside a character.
 */
size_t	text_line(const wchar_t *, size_t, int, size_t *);

#endif
