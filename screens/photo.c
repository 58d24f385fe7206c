/* photo.c -- step 5: which photo file to use. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/checked.h"
#include "tui/field.h"
#include "model/flow.h"
#include "lib/fsutil.h"
#include "tui/graphics.h"
#include "model/kiosk.h"
#include "tui/layout.h"
#include "model/nextsteps.h"
#include "photo/image.h"
#include "model/picker.h"
#include "photo/profile.h"
#include "model/region.h"
#include "screens/screen.h"
#include "lib/xmalloc.h"

/*
 * Focus: 0 the field (path or receipt number), then "I have a receipt
 * number" where the region takes one, then the photos found.
 */
struct photo_state {
	struct field	path;
	struct field	receipt;
	int		focus;
	int		use_receipt;	/* the citizen gives a studio's receipt number */
	struct image	preview;	/* the photo at preview_path, for the preview */
	char		*preview_path;
	/* Picker (picker.c): the photos found, below the field and the receipt line. */
	struct picker_entry *found;
	size_t		 nfound;
};

static void	 preview_load(struct app *);
static int	 found_first(const struct app *);
static void	 draw_found(const struct app *, struct ui *, int, int);

/*
 * Loads the photo for the preview once its path names a file; never in draw.
 * The file is opened as leaving the step opens it (in a kiosk only beneath
 * photo_dirs), and the preview is made from a copy of the bytes of what was
 * opened, in the run's private folder: nothing outside is read or shown.
 */
static void
preview_load(struct app *app)
{
	struct photo_state *p = app->priv;
	char *path, *copy, *cause = NULL;
	struct layout l;
	int fd;

	if ((path = picker_clean_path(app->ses.model.photo_path, &cause)) == NULL) {
		free(cause);	/* "file:/", half typed */
		cause = NULL;
		path = xstrdup("");
	}
	if (p->preview_path != NULL && strcmp(path, p->preview_path) == 0) {
		free(path);
		return;
	}
	image_free(&p->preview);
	free(p->preview_path);
	p->preview_path = path;
	/* Half a path, or one the kiosk refuses: no preview, and nothing said yet. */
	if (*path == '\0' || (fd = kiosk_open_photo(&app->ses.kiosk, path, &cause)) < 0) {
		free(cause);
		return;
	}
	copy = checked_stage(&app->ses.ws, fd, path, "photo-preview", NULL, &cause);
	close(fd);
	if (copy == NULL) {
		app_say_cause(app, cause);
		return;
	}
	layout_photos(&app->ui, 1, 0, NULL, LAYOUT_TEXT_MIN, &l);
	if (graphics_load(&app->gfx.caps, app->gfx.mode, copy, l.photo[0].rows,
	    l.photo[0].cols, &p->preview, &cause) != 0)
		app_say_cause(app, checked_cause_named(cause, copy, path));
	fs_wipe_file(copy);
	free(copy);
}

static void
photo_enter(struct app *app)
{
	struct photo_state *p = xcalloc(1, sizeof *p);
	char *cause = NULL;

	field_init(&p->path, 1000, app->ses.model.photo_path);
	field_init(&p->receipt, 30, app->ses.model.photo_receipt);
	p->use_receipt = app->ses.model.photo_receipt[0] != '\0' &&
	    nextsteps_receipt_ok(app->ses.model.region);
	if (picker_list_roots(&app->ses.kiosk, &p->found, &p->nfound, &cause) != 0)
		app_say_cause(app, cause);
	app->priv = p;
	if (app->ses.model.photo_path[0] != '\0')
		preview_load(app);
}

static void
photo_draw(const struct app *app, struct ui *ui)
{
	const struct photo_state *p = app->priv;
	const struct photo_profile *pr = profile_find(region_at(app->ses.model.region)->profile);
	int y = UI_BODY_TOP, w = ui->cols - 2;
	struct layout l;
	char *s;

	if (p->preview.px != NULL && !p->use_receipt) {
		layout_photos(ui, 1, 0, &p->preview, LAYOUT_TEXT_MIN, &l);
		graphics_place(ui, l.photo[0].y, l.photo[0].x, l.photo[0].rows,
		    l.photo[0].cols, &p->preview);
		w = l.text.cols;
	}
	if (p->use_receipt) {
		y += ui_wrap(ui, y, 1, w, -1, A_NORMAL, _("Type the receipt number "
		    "the photo studio gave you (数码照回执 / 相片回执号): 6 to 30 "
		    "letters and digits."));
		y++;
		ui_field(ui, y, 1, 16, w - 22, _("Receipt number:"), &p->receipt,
		    p->focus == 0);
	} else {
		y += ui_wrap(ui, y, 1, w, -1, A_NORMAL, flow_photo_prompt());
		y++;
		ui_field(ui, y, 1, 10, w - 16, _("Photo:"), &p->path, p->focus == 0);
	}
	y += 2;
	if (nextsteps_receipt_ok(app->ses.model.region)) {
		y += ui_item(ui, y, 1, w, p->use_receipt ? "[x]" : "[ ]",
		    _("I have a photo studio's receipt number instead of a file "
		    "(accepted in this region)"), p->focus == 1);
		y++;
	}
	if (p->use_receipt)
		return;
	/* TRANSLATORS: the photo rules: pixels, dpi, and the file-size window in KB. */
	s = xasprintf(_("The card needs a recent colour photo, %dx%d pixels at %d "
	    "dpi, on a plain white background, the face centred and looking at "
	    "the camera; the file between %d and %d KB."), pr->width, pr->height,
	    pr->dpi, profile_kb_min(pr), profile_kb_max(pr));
	y += ui_wrap(ui, y, 1, w, -1, A_NORMAL, s);
	free(s);
	draw_found(app, ui, y + 1, w);
}

/* The focus of the first photo found: after the field and the receipt line. */
static int
found_first(const struct app *app)
{
	return (nextsteps_receipt_ok(app->ses.model.region) ? 2 : 1);
}

/* The photos found, newest first, as many as fit; the focused one stays in view. */
static void
draw_found(const struct app *app, struct ui *ui, int y, int w)
{
	const struct photo_state *p = app->priv;
	int rows = ui_body_bottom(ui) - y, first, i, n, at = p->focus - found_first(app);

	if (p->nfound == 0 || rows < 3)
		return;
	n = ui_wrap(ui, y, 1, w, 2, A_NORMAL, _("Photos found here, newest first "
	    "(Down moves to them, Enter takes one):"));
	y += n;
	rows -= n;
	first = at >= rows ? at - rows + 1 : 0;
	for (i = first; i < (int)p->nfound && i < first + rows; i++)
		ui_item(ui, y++, 1, w, "", p->found[i].path, at == i);
}

static enum request
photo_handle(struct app *app, enum request req, const struct key *k)
{
	struct photo_state *p = app->priv;
	int base = found_first(app), n = base + (p->use_receipt ? 0 : (int)p->nfound);
	char *s;

	if (n > 1 && screen_focus_move(&p->focus, n, req))
		return (REQ_NONE);
	if (p->focus >= base && (req == REQ_ACTIVATE || req == REQ_TOGGLE)) {
		field_set(&p->path, p->found[p->focus - base].path);
		application_set(&app->ses.model.photo_path, p->found[p->focus - base].path);
		p->focus = 0;
		preview_load(app);
		return (REQ_NONE);
	}
	if (p->focus >= base)
		return (req);
	if (p->focus == 1 && (req == REQ_TOGGLE || req == REQ_ACTIVATE)) {
		p->use_receipt = !p->use_receipt;
		return (REQ_NONE);
	}
	if (p->focus == 1)
		return (req);
	if (p->use_receipt && field_handle(&p->receipt, req, k)) {
		s = field_utf8(&p->receipt);
		application_set(&app->ses.model.photo_receipt, s);
		free(s);
		return (REQ_NONE);
	}
	if (!p->use_receipt && field_handle(&p->path, req, k)) {
		s = field_utf8(&p->path);
		application_set(&app->ses.model.photo_path, s);
		free(s);
		preview_load(app);
		return (REQ_NONE);
	}
	return (req);
}

static int
photo_leave(struct app *app, char **cause)
{
	struct photo_state *p = app->priv;

	if (p->use_receipt)
		return (flow_take_receipt(&app->ses, app->ses.model.photo_receipt, cause));
	if (flow_take_photo(&app->ses, app->ses.model.photo_path, cause) != 0)
		return (-1);
	field_set(&p->path, app->ses.model.photo_path);
	return (0);
}

static void
photo_free(struct app *app)
{
	struct photo_state *p = app->priv;

	field_free(&p->path);
	field_free(&p->receipt);
	image_free(&p->preview);
	free(p->preview_path);
	picker_list_free(p->found, p->nfound);
	free(p);
}

const struct screen photo_screen = {
	.enter = photo_enter,
	.draw = photo_draw,
	.handle = photo_handle,
	.leave = photo_leave,
	.free = photo_free,
};
