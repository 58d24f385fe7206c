/* receipt.c -- step 7: the local id, and plainly that the application is queued. */
#include "system.h"

#include <stdlib.h>

#include "screen.h"
#include "xmalloc.h"

static void
receipt_draw(const struct app *app, struct ui *ui)
{
	const struct application *a = &app->model;
	int y = UI_BODY_TOP, w = ui->cols - 2;
	const char *next;
	char *s;

	if (a->receipt != NULL) {
		s = xasprintf(_("Your application was received by the card service. "
		    "Receipt: %s"), a->receipt);
		y += ui_wrap(ui, y, 1, w, -1, A_BOLD, s);
		free(s);
	} else
		y += ui_wrap(ui, y, 1, w, -1, A_BOLD, _("Your application is queued "
		    "on this computer. It has NOT been sent yet."));
	y++;
	s = xasprintf(_("Local id: %s"), a->outbox_id != NULL ? a->outbox_id : "");
	y += ui_wrap(ui, y, 3, w - 2, -1, A_NORMAL, s);
	free(s);
	s = xasprintf(_("Stored in: %s"), app->outbox.dir != NULL ? app->outbox.dir : "");
	y += ui_wrap(ui, y, 3, w - 2, -1, A_NORMAL, s);
	free(s);
	y++;
	if (a->receipt != NULL)
		next = _("Next: keep the receipt; with it you can follow the "
		    "application (sscard status RECEIPT) and ask the card service "
		    "about it.");
	else if (a->channel == CHANNEL_ONLINE)
		next = _("Next: when the application is sent you get an "
		    "application number (受理编号) to follow its progress.");
	else
		next = _("Next: take the materials on your checklist and this "
		    "local id to the outlet. There you receive a receipt (回执单) "
		    "and a replacement proof (补换卡证明); together they are your "
		    "medical voucher until the new card is ready.");
	y += ui_wrap(ui, y, 1, w, -1, A_NORMAL, next);
	y++;
	ui_button(ui, y, 1, _("Finish"), 1);
}

static enum request
receipt_handle(struct app *app, enum request req, const struct key *k)
{
	return (req == REQ_ACTIVATE ? REQ_NEXT : req);
}

const struct screen receipt_screen = {
	.id = "receipt",
	.title = N_("Receipt"),
	.help = N_("Write down or photograph the local id. The application stays "
	    "in the outbox on this computer until it is sent; nothing is lost if "
	    "the computer is switched off. Enter finishes."),
	.draw = receipt_draw,
	.handle = receipt_handle,
	.no_back = 1,
};
