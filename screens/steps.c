/* steps.c -- the curses screens of the wizard's steps, in the order of wizard_steps[]. */
#include "lib/system.h"

#include "screens/screen.h"

static const struct screen *const steps[] = {
	&welcome_screen,
	&channel_screen,
	&details_screen,
	&materials_screen,
	&photo_screen,
	&check_screen,
	&review_screen,
	&submit_screen,
	&receipt_screen,
	NULL
};

const struct app_screens wizard_screens = { steps, &help_screen, &quit_screen };

int
screen_focus_move(int *focus, int n, enum request req)
{
	if (req == REQ_FOCUS_NEXT) {
		*focus = (*focus + 1) % n;
		return (1);
	}
	if (req == REQ_FOCUS_PREV) {
		*focus = (*focus + n - 1) % n;
		return (1);
	}
	return (0);
}
