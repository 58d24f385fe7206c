/* print.h -- [print] command: the kit's files handed to a printer command, no shell. */
#ifndef SSCARD_PRINT_H
#define SSCARD_PRINT_H

#include <stddef.h>

struct application;
struct config;
struct workspace;

/* 1 when [print] command is set. */
int	print_configured(const struct config *);
/*
 * Splits a command line into words as a shell would for plain words:
 * blanks separate, '...' and "..." quote, a backslash escapes the next
 * character; nothing else is special (no variables, globs or pipes).
 * Returns 0 with *argv (NULL-terminated, free with print_argv_free), or -1
 * with *cause (an unclosed quote, no words); caller frees.
 */
int	print_split(const char *, char ***, char **);
void	print_argv_free(char **);
/*
 * Runs [print] command with the files as its last arguments and waits for
 * it, at most [print] timeout_seconds (60) and not past a signal that ends
 * the run: then its process group is killed.  It inherits no descriptor but
 * 0, 1 and 2 (/dev/null).  Returns 0 when it exited 0, or -1 with *cause
 * saying how it failed; caller frees.
 */
int	print_files(const struct config *, const char *const *, size_t, char **);

/*
 * Prints the kit of a: summary.txt and print-sheet.jpg of the folder kit,
 * or, when no kit is saved (kit NULL), of one written into the workspace
 * for the printer only and wiped once the command has ended.  `sends` as
 * for kit_save.  0, or -1 with *cause.
 */
int	print_application(const struct config *, const struct application *, int,
	    const char *, const struct workspace *, char **);

#endif
