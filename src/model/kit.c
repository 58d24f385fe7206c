/* kit.c -- write the application kit: the checked photo, a print sheet, a summary. */
#include "lib/system.h"

#include <limits.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <wchar.h>

#include "model/checked.h"
#include "lib/config.h"
#include "lib/fsutil.h"
#include "model/kit.h"
#include "model/materials.h"
#include "model/application.h"
#include "model/nextsteps.h"
#include "photo/image.h"
#include "photo/jpeg.h"
#include "model/qr.h"
#include "model/region.h"
#include "lib/text.h"
#include "lib/xmalloc.h"

/* summary.txt lines fit a printed page and an 80-column terminal. */
#define SUMMARY_COLS	76
/* Gap between a cut mark and the photo, pixels (0.5 mm). */
#define MARK_GAP	6
#define MARK_GREY	128
/* JPEG quality of the print sheet, which no size window limits. */
#define SHEET_QUALITY	92

static char	*kit_consent_adult(const struct application *, const char *);
static int	 decode(const char *, size_t, struct image *, char **);
static void	 cut_marks(struct image *, int, int, const int *, int, const int *,
		    int);
static void	 append(char **, size_t *, const char *);
static void	 append_wrapped(char **, size_t *, const char *, const char *);
static void	 append_hanging(char **, size_t *, const char *, int);
static char	*make_fresh(const char *, char **);

char *
kit_default_dir(const struct config *cfg, const char *kiosk_dir)
{
	const char *base = kiosk_dir != NULL ? kiosk_dir :
	    config_str(cfg, "kit", "dir", NULL), *home = getenv("HOME");
	char stamp[32], *parent, *dir;
	time_t now = time(NULL);
	struct tm t;

	localtime_r(&now, &t);
	strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &t);
	if (base != NULL)
		parent = checked_expand(base);
	else
		parent = xasprintf("%s/sscard", home != NULL ? home : ".");
	dir = xasprintf("%s/%s", parent, stamp);
	free(parent);
	return (dir);
}

/* The checked photo, decoded from its bytes (never from a path again). */
static int
decode(const char *data, size_t len, struct image *im, char **cause)
{
	char *why = NULL;

	if (jpeg_decode((const uint8_t *)data, len, "photo.jpg", im, &why) == 0)
		return (0);
	/* What the citizen needs to know is that there is no sheet. */
	free(why);
	*cause = xstrdup(_("the checked photo is not a readable JPEG, so "
	    "no print sheet was made"));
	return (-1);
}

static void
set_grey(struct image *im, int x, int y)
{
	memset(im->px + ((size_t)y * (size_t)im->w + (size_t)x) * 3, MARK_GREY, 3);
}

/*
 * Thin grey lines along every photo edge, in the gaps between the copies
 * only, stopping short of the photos: cut along them and the copy is
 * exactly its size (cw x ch pixels), with no line on it.
 */
static void
cut_marks(struct image *sheet, int cw, int ch, const int *xs, int nx,
    const int *ys, int ny)
{
	int i, j, k, e, x, y, from, to;

	for (i = 0; i < nx; i++)
		for (e = 0; e < 2; e++) {
			x = e == 0 ? xs[i] - 1 : xs[i] + cw;
			for (j = 0; j <= ny; j++) {
				from = j == 0 ? 0 : ys[j - 1] + ch + MARK_GAP;
				to = j == ny ? sheet->h - 1 : ys[j] - 1 - MARK_GAP;
				for (y = from; y <= to; y++)
					set_grey(sheet, x, y);
			}
		}
	for (j = 0; j < ny; j++)
		for (e = 0; e < 2; e++) {
			y = e == 0 ? ys[j] - 1 : ys[j] + ch;
			for (k = 0; k <= nx; k++) {
				from = k == 0 ? 0 : xs[k - 1] + cw + MARK_GAP;
				to = k == nx ? sheet->w - 1 : xs[k] - 1 - MARK_GAP;
				for (x = from; x <= to; x++)
					set_grey(sheet, x, y);
			}
		}
}

/*
 * The middle of the photo in the shape of a w_mm x h_mm print: a narrower
 * print (Guangzhou's 22x32 mm 小一寸) loses a strip at each side, never the
 * head's scale, which the check measured.
 */
static void
crop_to_shape(const struct image *in, int w_mm, int h_mm, struct image *out)
{
	int w = in->w, h = in->h, x0 = 0, y0 = 0, y;

	if ((long)in->w * h_mm > (long)in->h * w_mm) {
		w = (int)(((long)in->h * w_mm + h_mm / 2) / h_mm);
		x0 = (in->w - w) / 2;
	} else if ((long)in->w * h_mm < (long)in->h * w_mm) {
		h = (int)(((long)in->w * h_mm + w_mm / 2) / w_mm);
		y0 = (in->h - h) / 2;
	}
	image_alloc(out, w, h);
	for (y = 0; y < h; y++)
		memcpy(out->px + (size_t)y * (size_t)w * 3, in->px + ((size_t)(y0 + y) *
		    (size_t)in->w + (size_t)x0) * 3, (size_t)w * 3);
}

int
kit_print_sheet(const char *jpeg, size_t len, int w_mm, int h_mm,
    unsigned char **out, size_t *olen, int *copies, char **cause)
{
	struct image photo, shaped, copy, sheet;
	/* The copy in pixels at 300 dpi: 26x32 mm is 307x378. */
	int cw = (int)(w_mm * KIT_DPI * 10L / 254 + (w_mm * KIT_DPI * 10L % 254 >= 127));
	int ch = (int)(h_mm * KIT_DPI * 10L / 254 + (h_mm * KIT_DPI * 10L % 254 >= 127));
	int nx = KIT_SHEET_W / (cw + 2 * MARK_GAP + 2);
	int ny = KIT_SHEET_H / (ch + 2 * MARK_GAP + 2);
	int xs[16], ys[16], gx, gy, i, j, y, rc;
	struct jpeg_encode_opts eo = { SHEET_QUALITY, KIT_DPI, 0, 0 };
	struct jpeg_out o;

	if (nx > (int)nitems(xs))
		nx = (int)nitems(xs);
	if (ny > (int)nitems(ys))
		ny = (int)nitems(ys);
	if (decode(jpeg, len, &photo, cause) != 0)
		return (-1);
	crop_to_shape(&photo, w_mm, h_mm, &shaped);
	image_free(&photo);
	image_resize(&shaped, cw, ch, &copy);
	image_free(&shaped);
	image_alloc(&sheet, KIT_SHEET_W, KIT_SHEET_H);
	memset(sheet.px, 255, (size_t)sheet.w * (size_t)sheet.h * 3);
	/* Equal gaps around and between the copies. */
	gx = (KIT_SHEET_W - nx * cw) / (nx + 1);
	gy = (KIT_SHEET_H - ny * ch) / (ny + 1);
	for (i = 0; i < nx; i++)
		xs[i] = gx + i * (cw + gx);
	for (j = 0; j < ny; j++)
		ys[j] = gy + j * (ch + gy);
	for (j = 0; j < ny; j++)
		for (i = 0; i < nx; i++)
			for (y = 0; y < ch; y++)
				memcpy(sheet.px + ((size_t)(ys[j] + y) * KIT_SHEET_W +
				    (size_t)xs[i]) * 3, copy.px + (size_t)y *
				    (size_t)cw * 3, (size_t)cw * 3);
	cut_marks(&sheet, cw, ch, xs, nx, ys, ny);
	if ((rc = jpeg_encode(&sheet, &eo, &o, cause)) == 0) {
		*out = o.buf;
		*olen = o.len;
	}
	*copies = nx * ny;
	image_free(&copy);
	image_free(&sheet);
	return (rc);
}

static void
append(char **buf, size_t *len, const char *s)
{
	size_t n = strlen(s);

	*buf = xreallocarray(*buf, *len + n + 1, 1);
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

/*
 * text wrapped to SUMMARY_COLS by the screens' own rules (text_line): at
 * spaces or between CJK characters, never before closing punctuation nor
 * inside a term; later lines indented by `indent`.
 */
static void
append_hanging(char **buf, size_t *len, const char *s, int indent)
{
	size_t n = mbstowcs(NULL, s, 0), start = 0, shown, next, i;
	wchar_t *w;
	char *line, mb[MB_LEN_MAX + 1];
	int k, first = 1;

	if (n == (size_t)-1) {		/* not UTF-8: keep it as it is */
		append(buf, len, s);
		append(buf, len, "\n");
		return;
	}
	w = xcalloc(n + 1, sizeof *w);
	mbstowcs(w, s, n + 1);
	while (start < n) {
		shown = text_line(w + start, n - start, SUMMARY_COLS - (first ? 0 :
		    indent), &next);
		line = xmalloc((size_t)indent + shown * MB_LEN_MAX + 2);
		memset(line, ' ', first ? 0 : (size_t)indent);
		line[first ? 0 : indent] = '\0';
		for (i = 0; i < shown; i++)
			if ((k = wctomb(mb, w[start + i])) > 0) {
				mb[k] = '\0';
				strcat(line, mb);
			}
		append(buf, len, line);
		append(buf, len, "\n");
		free(line);
		if (next == 0)		/* cannot happen: text_line always moves on */
			break;
		start += next;
		first = 0;
	}
	free(w);
}

/* "label text", wrapped, later lines indented by two. */
static void
append_wrapped(char **buf, size_t *len, const char *label, const char *text)
{
	char *s = xasprintf("%s%s%s", label, *label ? " " : "", text);

	append_hanging(buf, len, s, 2);
	free(s);
}

/* Where the print sheet is named: its copies in the region's print size. */
static char *
sheet_sentence(const struct application *a)
{
	int w, h;

	region_print_size(a->region, &w, &h);
	if (w == 26 && h == 32)
		return (xstrdup(_("photo.jpg in this folder, checked by sscard; "
		    "print-sheet.jpg holds copies of it to print (26x32 mm each).")));
	/* TRANSLATORS: the print size of a region that asks for another one, e.g. 22x32 mm. */
	return (xasprintf(_("photo.jpg in this folder, checked by sscard; "
	    "print-sheet.jpg holds copies of it to print, %dx%d mm each: the "
	    "size this region asks for (小一寸)."), w, h));
}

char *
kit_summary(const struct application *a, int sends)
{
	const struct region *r = region_at(a->region);
	struct nextsteps ns;
	char *buf = NULL, *s, *list, *line, *nl;
	const char *note;
	size_t len = 0;
	int k, t;

	append(&buf, &len, "");
	append_wrapped(&buf, &len, "", _("sscard: application kit for a new photo "
	    "on a social security card (社保卡)"));
	append_wrapped(&buf, &len, "", nextsteps_unofficial());
	append(&buf, &len, "\n");
	append_wrapped(&buf, &len, _("Channel:"), channel_name(a->channel));
	append_wrapped(&buf, &len, _("Region:"), _(r->name));
	if (a->photo_receipt[0] != '\0') {
		s = xasprintf(_("%s (a photo studio's receipt number: the office "
		    "checks the studio's photo)"), a->photo_receipt);
		append_wrapped(&buf, &len, _("Photo:"), s);
		free(s);
	} else {
		s = sheet_sentence(a);
		append_wrapped(&buf, &len, _("Photo:"), s);
		free(s);
		if ((s = checked_edit_notice(a)) != NULL) {
			append_wrapped(&buf, &len, "", s);
			free(s);
		}
	}
	append(&buf, &len, "\n");
	append_wrapped(&buf, &len, "", _("Checklist ([x] you have it, [ ] still "
	    "to get):"));
	list = materials_checklist(a->channel, a->ticked[a->channel], a->card_lost);
	/* Each item wrapped, its later lines under its text ("[x] "). */
	for (line = list; *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			nl = line + strlen(line) - 1;
		s = xstrndup(line, (size_t)(nl - line) + (*nl != '\n'));
		append_hanging(&buf, &len, s, 4);
		free(s);
	}
	free(list);
	append(&buf, &len, "\n");
	s = xasprintf(_("%s, in this region:"), channel_name(a->channel));
	append_wrapped(&buf, &len, "", s);
	free(s);
	for (t = TOPIC_WHERE; t <= TOPIC_RECEIVE; t++) {
		s = region_describe(a->region, a->channel, (enum region_topic)t);
		append_wrapped(&buf, &len, nextsteps_topic_label((enum region_topic)t), s);
		free(s);
	}
	for (k = 0; (note = region_note(a->region, a->channel, k)) != NULL; k++)
		append_wrapped(&buf, &len, "", note);
	append(&buf, &len, "\n");
	append_wrapped(&buf, &len, "", _("Next steps:"));
	nextsteps_build(a, sends, 1, &ns);
	for (k = 0; k < ns.n; k++)
		append_wrapped(&buf, &len, ns.v[k].label, ns.v[k].text);
	nextsteps_free(&ns);
	return (buf);
}

/*
 * A new folder of our own: dir, else dir-2, dir-3...  Two runs in the same
 * second never share a kit.  Returns the folder made (caller frees), or NULL
 * with *cause.
 */
static char *
make_fresh(const char *dir, char **cause)
{
	const char *slash = strrchr(dir, '/');
	char *parent = slash != NULL && slash != dir ? xstrndup(dir, (size_t)(slash - dir)) :
	    xstrdup(slash != NULL ? "/" : ".");
	char *path = NULL;
	int i;

	if (fs_mkdir_private(parent, 1, cause) != 0) {
		free(parent);
		return (NULL);
	}
	free(parent);
	for (i = 1; i < 100; i++) {
		free(path);
		path = i == 1 ? xstrdup(dir) : xasprintf("%s-%d", dir, i);
		if (mkdir(path, 0700) == 0)
			return (path);
		if (errno != EEXIST)
			break;
	}
	*cause = xasprintf(_("cannot create folder %s: %s"), path, strerror(errno));
	free(path);
	return (NULL);
}

int
kit_save(const struct application *a, int sends, const char *want, int fresh,
    char **saved, char **cause)
{
	char *photo = NULL, *summary, *dir;
	unsigned char *sheet = NULL;
	size_t plen = 0, slen = 0;
	int copies, w_mm, h_mm, rc = -1;

	*saved = NULL;
	if (fresh)
		dir = make_fresh(want, cause);
	else
		dir = fs_mkdir_private(want, 1, cause) == 0 ? xstrdup(want) : NULL;
	if (dir == NULL)
		return (-1);
	if (a->photo_receipt[0] == '\0') {
		if (checked_read(a, &photo, &plen, cause) != 0)
			goto out;
		region_print_size(a->region, &w_mm, &h_mm);
		if (fs_write_atomic(dir, "photo.jpg", photo, plen, cause) != 0 ||
		    kit_print_sheet(photo, plen, w_mm, h_mm, &sheet, &slen, &copies,
		    cause) != 0 ||
		    fs_write_atomic(dir, "print-sheet.jpg", sheet, slen, cause) != 0)
			goto out;
	}
	summary = kit_summary(a, sends);
	rc = fs_write_atomic(dir, "summary.txt", summary, strlen(summary), cause);
	free(summary);
out:
	if (photo != NULL)
		wipe_free(photo, plen);
	if (sheet != NULL)
		wipe_free(sheet, slen);
	if (rc == 0)
		*saved = dir;
	else
		free(dir);
	return (rc);
}

char *
kit_headline(const struct application *a, const char *service)
{
	if (a->receipt != NULL)
		/* TRANSLATORS: the service's name, then the receipt it gave. */
		return (xasprintf(_("%s received your application; its receipt "
		    "number: %s."), service, a->receipt));
	if (a->outbox_id != NULL)
		return (xasprintf(_("Your application is queued on this computer for "
		    "%s. It has NOT been sent yet. Local reference (known only to "
		    "this computer, not to any office): %s."), service, a->outbox_id));
	return (xstrdup(_("Nothing has been sent: sscard prepared your "
	    "application kit on this computer. Save it, then apply "
	    "yourself as the steps below say.")));
}

char *
kit_consent(const struct application *a, const char *service)
{
	char *agree = kit_consent_adult(a, service), *s;

	if (!a->minor)
		return (agree);
	/* PIPL Art. 31: a child's data only with a parent's or guardian's consent. */
	s = xasprintf(_("I am the child's parent or guardian (监护人), and I give "
	    "this consent for the child. %s"), agree);
	free(agree);
	return (s);
}

static char *
kit_consent_adult(const struct application *a, const char *service)
{
	if (service != NULL)
		/* TRANSLATORS: %s is the name of the service configured on this computer. */
		return (xasprintf(_("I agree that sscard stores these details and the "
		    "photo on this computer, readable only by this account, and sends "
		    "them only to %s, the service configured here (not the social "
		    "security bureau), to apply for a new card. (Required)"), service));
	if (a->photo_receipt[0] != '\0')
		return (xstrdup(_("I agree that sscard saves an application kit (a "
		    "summary without my ID number) in a folder of this account, shown "
		    "on the next step. Nothing is sent anywhere. (Required)")));
	return (xstrdup(_("I agree that sscard saves an application kit (the "
	    "photo, a print sheet and a summary without my ID number) in a "
	    "folder of this account, shown on the next step. Nothing is sent "
	    "anywhere. (Required)")));
}

/* The essentials as the QR code holds them; `number`: with the studio's receipt number. */
static char *
qr_essentials(const struct application *a, int number)
{
	/* The channels' names, short: the code must fit a terminal. */
	static const char *const channels[CHANNEL_COUNT] = {
		N_("Online"), N_("Bank outlet"), N_("Social security centre"),
	};
	const struct region *r = region_at(a->region);
	char *list, *text, *region;

	list = materials_brief(a, number);
	/* The national default is no region a helper can use: left out, the code stays small. */
	region = r == NULL || strcmp(r->id, "national") == 0 ? xstrdup("") :
	    xasprintf("%s\n", _(r->name));
	text = xasprintf("%s\n%s%s %s", _(channels[a->channel]), region,
	    a->channel == CHANNEL_ONLINE ? _("Have ready:") : _("Bring:"), list);
	free(region);
	free(list);
	return (text);
}

char *
kit_qr_text(const struct application *a, char **what)
{
	char *text, *cause = NULL;
	struct qr q;

	if (a->receipt != NULL) {
		*what = xasprintf(_("The QR code holds the receipt number of your "
		    "application, %s, and nothing else."), a->receipt);
		return (xstrdup(a->receipt));
	}
	*what = xstrdup(a->channel == CHANNEL_ONLINE ? _("The QR code holds the "
	    "channel, the region you chose and what to have ready, as in "
	    "summary.txt; not your name, ID number or phone number.") : _("The QR "
	    "code holds the channel, the region you chose and what to bring, as in "
	    "summary.txt; not your name, ID number or phone number."));
	text = qr_essentials(a, 1);
	/* A long studio receipt number may not fit the screen's code: summary.txt has it. */
	if (a->photo_receipt[0] != '\0' && qr_encode(text, &q, &cause) != 0) {
		free(cause);
		free(text);
		return (qr_essentials(a, 0));
	}
	if (a->photo_receipt[0] != '\0')
		qr_free(&q);
	return (text);
}

char *
kit_saved_line(const struct application *a, const char *dir)
{
	return (a->photo_receipt[0] != '\0' ? xasprintf(_("Kit saved in %s "
	    "(summary.txt)."), dir) : xasprintf(_("Kit saved in %s (photo.jpg, "
	    "print-sheet.jpg, summary.txt)."), dir));
}
