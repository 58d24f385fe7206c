/* help.c -- the F1 overlay: this screen's help, then every key. */
#include "lib/system.h"

#include <stdlib.h>

#include "screens/screen.h"
#include "model/wizard.h"
#include "lib/xmalloc.h"

static void
help_draw(const struct app *app, struct ui *ui)
{
	const struct request_info *r;
	int top = 1, left = 2, h = ui->rows - 2, w = ui->cols - 4;
	int y, bottom = top + h - 2, skip = app->overlay_scroll, line;
	char *title, *keys;

	/* TRANSLATORS: title of the help box, e.g. "Help: Personal details". */
	title = xasprintf(_("Help: %s"), wizard_title(&app->ses, app->step));
	y = ui_box(ui, top, left, h, w, title);
	free(title);
	ui_focus(ui, y, left + 2);
	y += ui_wrap(ui, y, left + 2, w - 4, bottom - y, A_NORMAL, _(wizard_steps[app->step].help));
	/* Where this run keeps the copy of the photo, for a helper to see. */
	if (app->ses.ws.dir != NULL) {
		/* TRANSLATORS: %s is a folder such as /run/user/1000/sscard-4242-Ab12Cd. */
		title = xasprintf(_("This run's private folder (wiped when sscard "
		    "ends): %s"), app->ses.ws.dir);
		y += ui_wrap(ui, y, left + 2, w - 4, bottom - y, A_NORMAL, title);
		free(title);
	}
	y++;
	for (line = 0, r = request_table; r->req != REQ_NONE; r++, line++) {
		if (line < skip)
			continue;
		if (y >= bottom - 1)
			break;
		keys = keys_label(r->keys);
		ui_text(ui, y, left + 2, 12, A_BOLD, keys);
		free(keys);
		y += ui_wrap(ui, y, left + 15, w - 17, bottom - 1 - y, A_NORMAL,
		    _(r->help));
	}
	ui_text(ui, bottom, left + 2, w - 4, A_NORMAL,
	    _("Up/Down scroll, Esc or Enter closes this help."));
}

static enum request
help_handle(struct app *app, enum request req, const struct key *k)
{
	if (req == REQ_FOCUS_NEXT)
		app->overlay_scroll++;
	else if (req == REQ_FOCUS_PREV && app->overlay_scroll > 0)
		app->overlay_scroll--;
	else if (req == REQ_RESIZE || req == REQ_REDRAW)
		return (req);
	else
		app->overlay = OVERLAY_NONE;	/* any other key closes help */
	return (REQ_NONE);
}

const struct screen help_screen = {
	.draw = help_draw,
	.handle = help_handle,
};
