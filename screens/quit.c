/* quit.c -- the Esc overlay: quit or stay. */
#include "system.h"

#include <stdlib.h>
#include <wctype.h>

#include "exitcode.h"
#include "screen.h"
#include "xmalloc.h"

void
quit_draw(const struct app *app, struct ui *ui)
{
	int w = 60, h = 8, top = (ui->rows - h) / 2, left = (ui->cols - w) / 2, y;
	char *s;

	/* Exactly what stays: the kit or the queued entry; the workspace never does. */
	if (app->kit_saved != NULL)
		s = xasprintf(_("Your kit stays in %s. The rest is wiped."),
		    app->kit_saved);
	else if (app->model.outbox_id != NULL)
		s = xstrdup(_("Your application is already queued in the outbox."));
	else if (app->model.checked_path[0] != '\0')
		s = xstrdup(_("Nothing is kept: what you typed is forgotten and "
		    "the copy of your photo is wiped."));
	else
		s = xstrdup(_("Nothing is kept: what you typed is forgotten."));
	y = ui_box(ui, top, left, h, w, _("Quit sscard?"));
	ui_wrap(ui, y, left + 2, w - 4, 3, A_NORMAL, s);
	free(s);
	/* Hotkeys are shown as letters: CJK labels have no letter to underline. */
	ui_button(ui, y + 4, left + 4, _("Quit (Y)"), app->overlay_focus == 0);
	ui_button(ui, y + 4, left + 30, _("Stay (N)"), app->overlay_focus == 1);
}

enum request
quit_handle(struct app *app, enum request req, const struct key *k)
{
	wchar_t c = towlower((wint_t)key_char(k));

	if (req == REQ_FOCUS_NEXT || req == REQ_FOCUS_PREV || req == REQ_LEFT ||
	    req == REQ_RIGHT)
		app->overlay_focus = !app->overlay_focus;
	else if (c == L'y' || (req == REQ_ACTIVATE && app->overlay_focus == 0)) {
		app->finished = 1;
		app->exit_status = EXIT_CANCELLED;
	} else if (c == L'n' || req == REQ_QUIT || req == REQ_ACTIVATE)
		app->overlay = OVERLAY_NONE;
	else if (req == REQ_RESIZE || req == REQ_REDRAW)
		return (req);
	return (REQ_NONE);
}
