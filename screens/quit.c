/* quit.c -- the Esc overlay: quit or stay; in a kiosk, start again, or the helper's PIN to leave. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "lib/exitcode.h"
#include "tui/field.h"
#include "model/kiosk.h"
#include "screens/screen.h"
#include "lib/xmalloc.h"

/*
 * The PIN being typed in a kiosk: never drawn, wiped whenever the overlay
 * closes and by every kiosk wipe, so the next person finds it empty.  It
 * takes every PIN kiosk_pin_valid allows (spaces, CJK).
 */
static struct field	pin;

static enum request	kiosk_quit_handle(struct app *, enum request, const struct key *);
static void		pin_type(enum request, const struct key *);
static void		kiosk_quit_close(struct app *);

static void
quit_forget(void)
{
	field_wipe(&pin);
}

/* A character or Backspace into the PIN; the cursor stays at its end. */
static void
pin_type(enum request req, const struct key *k)
{
	if (pin.buf == NULL)
		field_init(&pin, KIOSK_PIN_MAX, "");
	field_handle(&pin, req, k);
}

static void
kiosk_quit_close(struct app *app)
{
	quit_forget();
	app->overlay = OVERLAY_NONE;
}

static void
kiosk_quit_draw(const struct app *app, struct ui *ui)
{
	int w = 64, h = 10, top = (ui->rows - h) / 2, left = (ui->cols - w) / 2, y, i;
	char stars[KIOSK_PIN_MAX + 1];

	y = ui_box(ui, top, left, h, w, _("Quit sscard?"));
	ui_wrap(ui, y + 1, left + 2, w - 4, 2, A_NORMAL, _("Start again deletes "
	    "everything typed here. Leaving sscard needs the helper's PIN."));
	ui_button(ui, y + 4, left + 4, _("Start again (Y)"), app->overlay_focus == 0);
	ui_button(ui, y + 4, left + 34, _("Stay (N)"), app->overlay_focus == 1);
	for (i = 0; (size_t)i < pin.len && i < KIOSK_PIN_MAX; i++)
		stars[i] = '*';
	stars[i] = '\0';
	mvaddstr(y + 6, left + 2, app->overlay_focus == 2 ? ">" : " ");
	ui_text(ui, y + 6, left + 4, 20, A_NORMAL, _("Helper PIN:"));
	ui_text(ui, y + 6, left + 26, w - 28, A_NORMAL, stars);
	if (app->overlay_focus == 2)
		ui_focus(ui, y + 6, left + 26 + i);
}

static void
quit_draw(const struct app *app, struct ui *ui)
{
	int w = 60, h = 8, top = (ui->rows - h) / 2, left = (ui->cols - w) / 2, y;
	char *s;

	if (app->ses.kiosk.enabled) {
		kiosk_quit_draw(app, ui);
		return;
	}
	s = session_quit_outcome(&app->ses, app->step);
	y = ui_box(ui, top, left, h, w, _("Quit sscard?"));
	ui_wrap(ui, y, left + 2, w - 4, 3, A_NORMAL, s);
	free(s);
	/* Hotkeys are shown as letters: CJK labels have no letter to underline. */
	ui_button(ui, y + 4, left + 4, _("Quit (Y)"), app->overlay_focus == 0);
	ui_button(ui, y + 4, left + 20, _("Stay (N)"), app->overlay_focus == 1);
	if (session_quit_can_keep(&app->ses, app->step))
		ui_button(ui, y + 4, left + 36, _("Keep a draft (K)"), app->overlay_focus == 2);
}

/* Focus 0 start again, 1 stay, 2 the PIN field. */
static enum request
kiosk_quit_handle(struct app *app, enum request req, const struct key *k)
{
	wchar_t c = key_char(k);
	char *cause = NULL, *typed;
	int n;

	if (req == REQ_FOCUS_NEXT || req == REQ_RIGHT)
		app->overlay_focus = (app->overlay_focus + 1) % 3;
	else if (req == REQ_FOCUS_PREV || req == REQ_LEFT)
		app->overlay_focus = (app->overlay_focus + 2) % 3;
	else if (app->overlay_focus == 2 && (req == REQ_DELETE_BACK ||
	    (c != 0 && iswprint((wint_t)c))))
		pin_type(req, k);
	else if (app->overlay_focus == 2 && req == REQ_ACTIVATE) {
		typed = field_utf8(&pin);
		quit_forget();
		n = kiosk_pin_try(&app->ses.kiosk, typed, &cause);
		wipe_str(typed);
		if (!n) {
			app_say_cause(app, cause);
			return (REQ_NONE);
		}
		app_kiosk_wipe(app);
		app->finished = 1;
		app->exit_status = EXIT_CANCELLED;
	} else if ((app->overlay_focus != 2 && towlower((wint_t)c) == L'y') ||
	    (req == REQ_ACTIVATE && app->overlay_focus == 0))
		app_kiosk_wipe(app);	/* which forgets the PIN too */
	else if ((app->overlay_focus != 2 && towlower((wint_t)c) == L'n') ||
	    req == REQ_QUIT || req == REQ_ACTIVATE)
		kiosk_quit_close(app);
	else if (req == REQ_RESIZE || req == REQ_REDRAW)
		return (req);
	return (REQ_NONE);
}

static enum request
quit_handle(struct app *app, enum request req, const struct key *k)
{
	wchar_t c = towlower((wint_t)key_char(k));
	int n = session_quit_can_keep(&app->ses, app->step) ? 3 : 2;	/* quit, stay, keep */

	if (app->ses.kiosk.enabled)
		return (kiosk_quit_handle(app, req, k));
	if (req == REQ_FOCUS_NEXT || req == REQ_RIGHT)
		app->overlay_focus = (app->overlay_focus + 1) % n;
	else if (req == REQ_FOCUS_PREV || req == REQ_LEFT)
		app->overlay_focus = (app->overlay_focus + n - 1) % n;
	else if (c == L'y' || (req == REQ_ACTIVATE && app->overlay_focus == 0)) {
		app->finished = 1;
		app->exit_status = EXIT_CANCELLED;
	} else if (n == 3 && (c == L'k' || (req == REQ_ACTIVATE &&
	    app->overlay_focus == 2))) {
		app->finished = 1;
		app->exit_status = EXIT_CANCELLED;
		app->keep_on_quit = 1;
	} else if (c == L'n' || req == REQ_QUIT || req == REQ_ACTIVATE)
		app->overlay = OVERLAY_NONE;
	else if (req == REQ_RESIZE || req == REQ_REDRAW)
		return (req);
	return (REQ_NONE);
}

/* Every kiosk wipe calls it: what was typed into the box (a kiosk's PIN) goes. */
static void
quit_free(struct app *app)
{
	(void)app;
	quit_forget();
}

const struct screen quit_screen = {
	.draw = quit_draw,
	.handle = quit_handle,
	.free = quit_free,
};
