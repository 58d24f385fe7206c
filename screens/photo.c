/* photo.c -- step 5: which photo file to use. */
#include "system.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "field.h"
#include "graphics.h"
#include "photo.h"
#include "picker.h"
#include "profile.h"
#include "region.h"
#include "screen.h"
#include "xmalloc.h"

struct photo_state {
	struct field	path;
	struct image	preview;	/* the photo at preview_path, for the preview */
	char		*preview_path;
	/* Picker (picker.c): the photos found, below the field; focus 0 the field. */
	struct picker_entry *found;
	size_t		 nfound;
	int		 focus;
};

#define PREVIEW_COLS	30	/* a 4:5 portrait in 17 rows of 9x19 pixel cells is 28 wide */

static char	*expand_path(const char *);
static void	 preview_box(const struct ui *, int *, int *, int *, int *);
static void	 preview_load(struct app *);
static void	 draw_found(const struct photo_state *, struct ui *, int, int);

/* "~/photo.jpg" means the home folder, as in a shell; caller frees. */
static char *
expand_path(const char *path)
{
	const char *home = getenv("HOME");

	if (strncmp(path, "~/", 2) == 0 && home != NULL)
		return (xasprintf("%s/%s", home, path + 2));
	return (xstrdup(path));
}

/* The preview sits on the right of the body, above the message line. */
static void
preview_box(const struct ui *ui, int *y, int *x, int *rows, int *cols)
{
	*y = UI_BODY_TOP;
	*x = ui->cols - PREVIEW_COLS - 1;
	*rows = ui_body_bottom(ui) - UI_BODY_TOP;
	*cols = PREVIEW_COLS;
}

/* Loads the photo for the preview once its path names a file; never in draw. */
static void
preview_load(struct app *app)
{
	struct photo_state *p = app->priv;
	char *path = expand_path(app->model.photo_path), *cause = NULL;
	struct stat sb;
	int y, x, rows, cols;

	if (p->preview_path != NULL && strcmp(path, p->preview_path) == 0) {
		free(path);
		return;
	}
	image_free(&p->preview);
	free(p->preview_path);
	p->preview_path = path;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return;
	preview_box(&app->ui, &y, &x, &rows, &cols);
	if (graphics_load(&app->gfx.caps, app->gfx.mode, path, rows, cols,
	    &p->preview, &cause) != 0)
		app_say_cause(app, cause);
}

static void
photo_enter(struct app *app)
{
	struct photo_state *p = xcalloc(1, sizeof *p);
	char *cause = NULL;

	field_init(&p->path, 1000, app->model.photo_path);
	if (picker_list_roots(&app->kiosk, &p->found, &p->nfound, &cause) != 0)
		app_say_cause(app, cause);
	app->priv = p;
	if (app->model.photo_path[0] != '\0')
		preview_load(app);
}

static void
photo_draw(const struct app *app, struct ui *ui)
{
	const struct photo_state *p = app->priv;
	const struct photo_profile *pr = profile_find(region_at(app->model.region)->profile);
	int y = UI_BODY_TOP, w = ui->cols - 2, by, bx, brows, bcols;
	char *s;

	if (p->preview.px != NULL) {
		preview_box(ui, &by, &bx, &brows, &bcols);
		graphics_place(ui, by, bx, brows, bcols, &p->preview);
		w = bx - 3;
	}
	y += ui_wrap(ui, y, 1, w, -1, A_NORMAL, _("Type the path of your "
	    "photo file, a JPEG or PNG (for example /media/usb/photo.jpg)."));
	y++;
	ui_field(ui, y, 1, 10, w - 16, _("Photo:"), &p->path, p->focus == 0);
	y += 2;
	/* TRANSLATORS: the photo rules: pixels, dpi, and the file-size window in KB. */
	s = xasprintf(_("The card needs a recent colour photo, %dx%d pixels at %d "
	    "dpi, on a plain white background, the face centred and looking at "
	    "the camera; the file between %d and %d KB."), pr->width, pr->height,
	    pr->dpi, profile_kb_min(pr), profile_kb_max(pr));
	y += ui_wrap(ui, y, 1, w, -1, A_NORMAL, s);
	free(s);
	draw_found(p, ui, y + 1, w);
}

/* The photos found, newest first, as many as fit; the focused one stays in view. */
static void
draw_found(const struct photo_state *p, struct ui *ui, int y, int w)
{
	int rows = ui_body_bottom(ui) - y, first, i, n;

	if (p->nfound == 0 || rows < 3)
		return;
	n = ui_wrap(ui, y, 1, w, 2, A_NORMAL, _("Photos found here, newest first "
	    "(Down moves to them, Enter takes one):"));
	y += n;
	rows -= n;
	first = p->focus > rows ? p->focus - rows : 0;
	for (i = first; i < (int)p->nfound && i < first + rows; i++)
		ui_item(ui, y++, 1, w, "", p->found[i].path, p->focus == i + 1);
}

static enum request
photo_handle(struct app *app, enum request req, const struct key *k)
{
	struct photo_state *p = app->priv;
	char *s;

	if (p->nfound > 0 && screen_focus_move(&p->focus, (int)p->nfound + 1, req))
		return (REQ_NONE);
	if (p->focus > 0 && (req == REQ_ACTIVATE || req == REQ_TOGGLE)) {
		field_set(&p->path, p->found[p->focus - 1].path);
		application_set(&app->model.photo_path, p->found[p->focus - 1].path);
		p->focus = 0;
		preview_load(app);
		return (REQ_NONE);
	}
	if (p->focus == 0 && field_handle(&p->path, req, k)) {
		s = field_utf8(&p->path);
		application_set(&app->model.photo_path, s);
		free(s);
		preview_load(app);
		return (REQ_NONE);
	}
	return (req);
}

static int
photo_leave(struct app *app, char **cause)
{
	struct photo_info info;
	char *path, *typed;

	if (app->model.photo_path[0] == '\0') {
		*cause = xstrdup(_("Type the path of your photo file first."));
		return (-1);
	}
	/* Picker (picker.c, kiosk.c): dropped paths and file:// URLs; a kiosk's folders. */
	if ((typed = picker_clean_path(app->model.photo_path, cause)) == NULL)
		return (-1);
	if (kiosk_confine(&app->kiosk, typed, &path, cause) != 0) {
		free(typed);
		return (-1);
	}
	free(typed);
	if (strcmp(path, app->model.photo_path) != 0) {
		application_set(&app->model.photo_path, path);
		field_set(&((struct photo_state *)app->priv)->path, path);
	}
	free(path);
	return (photo_probe(app->model.photo_path, &info, cause));
}

static void
photo_free(struct app *app)
{
	struct photo_state *p = app->priv;

	field_free(&p->path);
	image_free(&p->preview);
	free(p->preview_path);
	picker_list_free(p->found, p->nfound);
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
