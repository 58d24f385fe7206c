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

/*
 * The length of the UTF-8 character at s, *c its value; 0 when s does not
 * start one (a stray byte, an overlong form, a surrogate, beyond U+10FFFF).
 */
size_t	text_utf8_char(const char *, unsigned long *);
/*
 * 1 for a character a terminal acts on or that changes how text around it
 * reads: C0 and C1 controls (ESC starts a sequence, U+009B is CSI), DEL, and
 * the bidirectional marks, embeddings, overrides and isolates (U+061C,
 * U+200E-200F, U+202A-202E, U+2066-2069), which can make "gpj.exe" of a name.
 */
int	text_unsafe_char(unsigned long);
/*
 * A copy of a name from outside (a file name, a path, a configured value)
 * that is safe to show: every unsafe character and every byte that is not
 * UTF-8 becomes '?', so an escape sequence is shown as text and does
 * nothing; other text (CJK, Latin, emoji) stays.  Caller frees.
 */
char	*text_safe_name(const char *);
/* text_safe_name for lines of text: the same, but '\n' stays. */
char	*text_safe_lines(const char *);
/* "sscard: CAUSE" and a newline on f, made safe; frees *cause and sets it to NULL. */
void	text_say_cause(FILE *, char **);

#endif
