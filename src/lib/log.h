/* log.h -- [sscard] log: one line per thing sscard does, nothing personal in it. */
#ifndef SSCARD_LOG_H
#define SSCARD_LOG_H

struct config;

/*
 * Opens the file named by [sscard] log for appending (none set: logging is
 * off).  The file is made 0600; an existing one must be a regular file of the
 * user's that nobody else can read, never reached through a symbolic link.
 * Returns 0, or -1 with *cause; caller frees.
 */
int	log_open(const struct config *, char **);
/*
 * Appends "DATE sscard[PID]: message" as one write, so lines of several
 * processes never mix.  Callers never pass names, photos, tokens or a
 * card service's own words; as a second guard every number of 11 or more
 * digits (an ID or mobile number, +86 too), written whole or in groups
 * separated by blanks, dashes or dots, is masked like 1101**********123X
 * or 1101 **** **** 123X, and control characters become blanks.
 */
void	log_event(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_close(void);
/* log_event's masking, in place (exposed for the tests). */
void	log_mask(char *);

#endif
