/* terminal.h -- the text terminal through terminfo alone (no curses): clear it. */
#ifndef SSCARD_LIB_TERMINAL_H
#define SSCARD_LIB_TERMINAL_H

#include <stdio.h>

/*
 * The terminal at out and its scrollback cleared as clear(1) does it:
 * terminfo's clear, then E3 where the terminal has it.  Returns 2 when both
 * were sent, 1 for the screen alone, 0 when nothing could be cleared (not a
 * terminal, TERM dumb or unknown).
 */
int	term_clear(FILE *);

#endif
