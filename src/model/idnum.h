/* idnum.h -- citizen identity numbers (GB 11643-1999, ISO 7064 MOD 11-2). */
#ifndef SSCARD_IDNUM_H
#define SSCARD_IDNUM_H

#include <time.h>

/*
 * Validates an 18-character number (digits, last may be X or x) whose birth
 * date must be a real date not after `today` (a struct tm in local time).
 * Returns 0, or -1 with *cause set to a translated message; caller frees.
 * On success `norm` (19 bytes) holds the number with an upper-case X.
 */
int	idnum_validate(const char *, const struct tm *, char norm[19], char **);
/* The check character ('0'..'9' or 'X') for the first 17 digits. */
char	idnum_check_char(const char *);
/*
 * Converts a 15-digit legacy number (GB 11643-1989) to 18 digits: "19" after
 * the address code, then the check character.  Returns 0, or -1 with *cause.
 */
int	idnum_upgrade15(const char *, const struct tm *, char out[19], char **);
/* Age in whole years on `today` of the holder of a valid 18-character number. */
int	idnum_age(const char *, const struct tm *);
/* Masks for display and logs: 1101**********123X.  out must hold 19 bytes. */
void	idnum_mask(const char *, char out[19]);

#endif
