/* kit.c -- write the application kit: the checked photo, a print sheet, a summary. */
#include "system.h"

#include <limits.h>
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <wchar.h>

#include <jpeglib.h>

#include "checked.h"
#include "config.h"
#include "fsutil.h"
#include "kit.h"
#include "materials.h"
#include "model.h"
#include "nextsteps.h"
#include "photo.h"
#include "region.h"
#include "xmalloc.h"

/* summary.txt lines fit a printed page and an 80-column terminal. */
#define SUMMARY_COLS	76
/* Gap between a cut mark and the photo, pixels (0.5 mm). */
#define MARK_GAP	6
#define MARK_GREY	128

struct jpeg_guard {
	struct jpeg_error_mgr	 pub;
	jmp_buf			 jb;
};

static char	*kit_consent_adult(const struct application *, const char *);
static void	 on_jpeg_error(j_common_ptr);
static int	 decode(const char *, size_t, struct image *, char **);
static void	 encode(const struct image *, unsigned char **, size_t *);
static void	 cut_marks(struct image *, const int *, int, const int *, int);
static void	 append(char **, size_t *, const char *);
static void	 append_wrapped(char **, size_t *, const char *, const char *);
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

static void
on_jpeg_error(j_common_ptr c)
{
	longjmp(((struct jpeg_guard *)c->err)->jb, 1);
}

/* The checked photo, decoded from its bytes (never from a path again). */
static int
decode(const char *data, size_t len, struct image *im, char **cause)
{
	struct jpeg_decompress_struct cinfo;
	struct jpeg_guard g;
	JSAMPROW row;

	memset(im, 0, sizeof *im);
	cinfo.err = jpeg_std_error(&g.pub);
	g.pub.error_exit = on_jpeg_error;
	if (setjmp(g.jb)) {
		jpeg_destroy_decompress(&cinfo);
		image_free(im);
		*cause = xstrdup(_("the checked photo is not a readable JPEG, so "
		    "no print sheet was made"));
		return (-1);
	}
	jpeg_create_decompress(&cinfo);
	jpeg_mem_src(&cinfo, (const unsigned char *)data, (unsigned long)len);
	jpeg_read_header(&cinfo, TRUE);
	cinfo.out_color_space = JCS_RGB;
	jpeg_start_decompress(&cinfo);
	image_alloc(im, (int)cinfo.output_width, (int)cinfo.output_height);
	while (cinfo.output_scanline < cinfo.output_height) {
		row = im->px + (size_t)cinfo.output_scanline * (size_t)im->w * 3;
		jpeg_read_scanlines(&cinfo, &row, 1);
	}
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	return (0);
}

/* JFIF with the density in its header: a kiosk prints it at 26x32 mm. */
static void
encode(const struct image *im, unsigned char **out, size_t *len)
{
	struct jpeg_compress_struct cinfo;
	struct jpeg_error_mgr err;
	unsigned long n = 0;
	JSAMPROW row;
	int y;

	*out = NULL;
	cinfo.err = jpeg_std_error(&err);	/* errors here are bugs: out of memory */
	jpeg_create_compress(&cinfo);
	jpeg_mem_dest(&cinfo, out, &n);
	cinfo.image_width = (JDIMENSION)im->w;
	cinfo.image_height = (JDIMENSION)im->h;
	cinfo.input_components = 3;
	cinfo.in_color_space = JCS_RGB;
	jpeg_set_defaults(&cinfo);
	jpeg_set_quality(&cinfo, 92, TRUE);
	cinfo.write_JFIF_header = TRUE;
	cinfo.density_unit = 1;
	cinfo.X_density = cinfo.Y_density = KIT_DPI;
	jpeg_start_compress(&cinfo, TRUE);
	for (y = 0; y < im->h; y++) {
		row = im->px + (size_t)y * (size_t)im->w * 3;
		jpeg_write_scanlines(&cinfo, &row, 1);
	}
	jpeg_finish_compress(&cinfo);
	jpeg_destroy_compress(&cinfo);
	*len = n;
}

static void
set_grey(struct image *im, int x, int y)
{
	memset(im->px + ((size_t)y * (size_t)im->w + (size_t)x) * 3, MARK_GREY, 3);
}

/*
 * Thin grey lines along every photo edge, in the gaps between the copies
 * only, stopping short of the photos: cut along them and the copy is
 * exactly 26x32 mm, with no line on it.
 */
static void
cut_marks(struct image *sheet, const int *xs, int nx, const int *ys, int ny)
{
	int i, j, k, e, x, y, from, to;

	for (i = 0; i < nx; i++)
		for (e = 0; e < 2; e++) {
			x = e == 0 ? xs[i] - 1 : xs[i] + KIT_COPY_W;
			for (j = 0; j <= ny; j++) {
				from = j == 0 ? 0 : ys[j - 1] + KIT_COPY_H + MARK_GAP;
				to = j == ny ? sheet->h - 1 : ys[j] - 1 - MARK_GAP;
				for (y = from; y <= to; y++)
					set_grey(sheet, x, y);
			}
		}
	for (j = 0; j < ny; j++)
		for (e = 0; e < 2; e++) {
			y = e == 0 ? ys[j] - 1 : ys[j] + KIT_COPY_H;
			for (k = 0; k <= nx; k++) {
				from = k == 0 ? 0 : xs[k - 1] + KIT_COPY_W + MARK_GAP;
				to = k == nx ? sheet->w - 1 : xs[k] - 1 - MARK_GAP;
				for (x = from; x <= to; x++)
					set_grey(sheet, x, y);
			}
		}
}

int
kit_print_sheet(const char *jpeg, size_t len, unsigned char **out, size_t *olen,
    int *copies, char **cause)
{
	struct image photo, copy, sheet;
	int nx = KIT_SHEET_W / (KIT_COPY_W + 2 * MARK_GAP + 2);
	int ny = KIT_SHEET_H / (KIT_COPY_H + 2 * MARK_GAP + 2);
	int xs[8], ys[8], gx, gy, i, j, y;

	if (decode(jpeg, len, &photo, cause) != 0)
		return (-1);
	image_resize(&photo, KIT_COPY_W, KIT_COPY_H, &copy);
	image_free(&photo);
	image_alloc(&sheet, KIT_SHEET_W, KIT_SHEET_H);
	memset(sheet.px, 255, (size_t)sheet.w * (size_t)sheet.h * 3);
	/* Equal gaps around and between the copies. */
	gx = (KIT_SHEET_W - nx * KIT_COPY_W) / (nx + 1);
	gy = (KIT_SHEET_H - ny * KIT_COPY_H) / (ny + 1);
	for (i = 0; i < nx; i++)
		xs[i] = gx + i * (KIT_COPY_W + gx);
	for (j = 0; j < ny; j++)
		ys[j] = gy + j * (KIT_COPY_H + gy);
	for (j = 0; j < ny; j++)
		for (i = 0; i < nx; i++)
			for (y = 0; y < KIT_COPY_H; y++)
				memcpy(sheet.px + ((size_t)(ys[j] + y) * KIT_SHEET_W +
				    (size_t)xs[i]) * 3, copy.px + (size_t)y *
				    KIT_COPY_W * 3, (size_t)KIT_COPY_W * 3);
	cut_marks(&sheet, xs, nx, ys, ny);
	encode(&sheet, out, olen);
	*copies = nx * ny;
	image_free(&copy);
	image_free(&sheet);
	return (0);
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
 * "label text", wrapped to SUMMARY_COLS by display width, later lines
 * indented under the text: at spaces, or between two wide characters.
 */
static void
append_wrapped(char **buf, size_t *len, const char *label, const char *text)
{
	char *s = xasprintf("%s%s%s", label, *label ? " " : "", text), *line;
	wchar_t *w = xcalloc(strlen(s) + 1, sizeof *w);
	size_t n = mbstowcs(w, s, strlen(s) + 1), start = 0, i, brk;
	int cols, cw, indent = 0;
	char mb[8];

	if (n == (size_t)-1) {		/* not UTF-8: keep it as it is */
		append(buf, len, s);
		append(buf, len, "\n");
		free(w);
		free(s);
		return;
	}
	while (start < n) {
		cols = indent;
		brk = 0;
		for (i = start; i < n; i++) {
			cw = wcwidth(w[i]) > 0 ? wcwidth(w[i]) : 0;
			if (cols + cw > SUMMARY_COLS)
				break;
			cols += cw;
			if (w[i] == L' ' || (cw == 2 && i + 1 < n && wcwidth(w[i + 1]) == 2))
				brk = i + 1;
		}
		if (i < n && brk > start)
			i = brk;
		if (i == start)
			i = start + 1;
		line = xmalloc((size_t)indent + (i - start) * MB_LEN_MAX + 2);
		memset(line, ' ', (size_t)indent);
		line[indent] = '\0';
		for (; start < i; start++) {
			int k = wctomb(mb, w[start]);

			if (k > 0) {
				mb[k] = '\0';
				strcat(line, mb);
			}
		}
		while (strlen(line) > 0 && line[strlen(line) - 1] == ' ')
			line[strlen(line) - 1] = '\0';
		append(buf, len, line);
		append(buf, len, "\n");
		free(line);
		while (start < n && w[start] == L' ')
			start++;
		indent = 2;
	}
	free(w);
	free(s);
}

char *
kit_summary(const struct application *a, int sends)
{
	const struct region *r = region_at(a->region);
	struct nextsteps ns;
	char *buf = NULL, *s, *list;
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
	} else
		append_wrapped(&buf, &len, _("Photo:"), _("photo.jpg in this "
		    "folder, checked by sscard; print-sheet.jpg holds copies of it "
		    "to print (26x32 mm each)."));
	append(&buf, &len, "\n");
	append_wrapped(&buf, &len, "", _("Checklist ([x] you have it, [ ] still "
	    "to get):"));
	list = materials_checklist(a->channel, a->ticked[a->channel], a->card_lost);
	append(&buf, &len, list);
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
	if (r->note != NULL)
		append_wrapped(&buf, &len, "", _(r->note));
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
	int copies, rc = -1;

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
		if (fs_write_atomic(dir, "photo.jpg", photo, plen, cause) != 0 ||
		    kit_print_sheet(photo, plen, &sheet, &slen, &copies, cause) != 0 ||
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

char *
kit_reference(const struct application *a, const char *saved, const struct tm *today)
{
	const char *base = saved != NULL && strrchr(saved, '/') != NULL ?
	    strrchr(saved, '/') + 1 : saved;
	char date[16];

	if (a->receipt != NULL)
		return (xstrdup(a->receipt));
	if (a->outbox_id != NULL)
		return (xstrdup(a->outbox_id));
	if (base == NULL || *base == '\0')
		return (NULL);
	strftime(date, sizeof date, "%Y-%m-%d", today);
	/* The default folder is named by its date and time already. */
	return (strncmp(base, date, strlen(date)) == 0 ? xstrdup(base) :
	    xasprintf("%s %s", base, date));
}

char *
kit_saved_line(const struct application *a, const char *dir)
{
	return (a->photo_receipt[0] != '\0' ? xasprintf(_("Kit saved in %s "
	    "(summary.txt)."), dir) : xasprintf(_("Kit saved in %s (photo.jpg, "
	    "print-sheet.jpg, summary.txt)."), dir));
}
