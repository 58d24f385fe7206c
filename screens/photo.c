/* photo.c -- step 5: which photo file to use. */
#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "photo.h"
#include "profile.h"
#include "region.h"
#include "screen.h"
#include "xmalloc.h"

struct photo_state {
	struct field	path;
};

static void
photo_enter(struct app *app)
{
	struct photo_state *p = xcalloc(1, sizeof *p);

	field_init(&p->path, 1000, app->model.photo_path);
	app->priv = p;
}

static void
photo_draw(const struct app *app, struct ui *ui)
{
	const struct photo_state *p = app->priv;
	const struct photo_profile *pr = profile_find(region_at(app->model.region)->profile);
	int y = UI_BODY_TOP;
	char *s;

	y += ui_wrap(ui, y, 1, ui->cols - 2, -1, A_NORMAL, _("Type the path of your "
	    "photo file, a JPEG or PNG (for example /media/usb/photo.jpg)."));
	y++;
	ui_field(ui, y, 1, 10, ui->cols - 18, _("Photo:"), &p->path, 1);
	y += 2;
	/* TRANSLATORS: the photo rules: pixels, dpi, and the file-size window in KB. */
	s = xasprintf(_("The card needs a recent colour photo, %dx%d pixels at %d "
	    "dpi, on a plain white background, the face centred and looking at "
	    "the camera; the file between %d and %d KB."), pr->width, pr->height,
	    pr->dpi, profile_kb_min(pr), profile_kb_max(pr));
	ui_wrap(ui, y, 1, ui->cols - 2, -1, A_NORMAL, s);
	free(s);
}

static enum request
photo_handle(struct app *app, enum request req, const struct key *k)
{
	struct photo_state *p = app->priv;
	char *s;

	if (field_handle(&p->path, req, k)) {
		s = field_utf8(&p->path);
		application_set(&app->model.photo_path, s);
		free(s);
		return (REQ_NONE);
	}
	return (req);
}

static int
photo_leave(struct app *app, char **cause)
{
	const char *home = getenv("HOME");
	struct photo_info info;
	char *path;

	if (app->model.photo_path[0] == '\0') {
		*cause = xstrdup(_("Type the path of your photo file first."));
		return (-1);
	}
	/* "~/photo.jpg" means the home folder, as in a shell. */
	if (strncmp(app->model.photo_path, "~/", 2) == 0 && home != NULL) {
		path = xasprintf("%s/%s", home, app->model.photo_path + 2);
		application_set(&app->model.photo_path, path);
		field_set(&((struct photo_state *)app->priv)->path, path);
		free(path);
	}
	return (photo_probe(app->model.photo_path, &info, cause));
}

static void
photo_free(struct app *app)
{
	struct photo_state *p = app->priv;

	field_free(&p->path);
	free(p);
}

const struct screen photo_screen = {
	.id = "photo",
	.title = N_("Photo"),
	.help = N_("Type where your photo file is: a path like /media/usb/photo.jpg "
	    "or ~/photo.jpg. It must be a JPEG or PNG file. A photo studio's "
	    "digital photo (数码照) is best; a phone photo taken against a white "
	    "wall also works."),
	.enter = photo_enter,
	.draw = photo_draw,
	.handle = photo_handle,
	.leave = photo_leave,
	.free = photo_free,
};
