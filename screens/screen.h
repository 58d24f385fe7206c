/* screen.h -- the wizard's curses screens, one file each (struct screen: tui/app.h). */
#ifndef SSCARD_SCREEN_H
#define SSCARD_SCREEN_H

#include "tui/app.h"
#include "keys/key.h"
#include "keys/request.h"
#include "tui/ui.h"

/* The steps in the order of wizard_steps[] and the overlays, for cli/main.c to hand app_run. */
extern const struct app_screens wizard_screens;

/* The steps, and the overlays drawn over them (F1, and the quit box with a kiosk's PIN). */
extern const struct screen welcome_screen, channel_screen, details_screen,
    materials_screen, photo_screen, check_screen, review_screen, submit_screen,
    receipt_screen, help_screen, quit_screen;

/* Focus helper shared by screens: moves *focus by one within [0, n), wrapping. */
int	screen_focus_move(int *, int, enum request);

#endif
