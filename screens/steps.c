/* steps.c -- the wizard's steps, in order. */
#include "system.h"

#include "screen.h"

extern const struct screen welcome_screen, channel_screen, details_screen,
    materials_screen, photo_screen, check_screen, review_screen, submit_screen,
    receipt_screen;

const struct screen *const steps[] = {
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

int
steps_count(void)
{
	return ((int)nitems(steps) - 1);
}

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

const char *
screen_title(const struct app *app, const struct screen *s)
{
	return (_(s->title_of != NULL ? s->title_of(app) : s->title));
}
