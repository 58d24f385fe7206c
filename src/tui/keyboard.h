/* keyboard.h -- the wizard's next key, from the keyboard through curses or from the key script. */
#ifndef SSCARD_TUI_KEYBOARD_H
#define SSCARD_TUI_KEYBOARD_H

#include "keys/input.h"

/* Next key: 0, or -1 when the script ran out or the terminal is gone (never blocks in replay). */
int	keyboard_next(struct input *, struct key *);

#endif
