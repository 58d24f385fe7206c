/* graphics.c -- show photos: sixels beside curses, or half blocks and ASCII through it. */
#include "lib/system.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* sixel.h defines a PACKAGE_VERSION of its own. */
#undef PACKAGE_VERSION
#include <sixel.h>

#include "tui/graphics.h"
#include "tui/palette.h"
#include "tui/ui.h"
#include "lib/xmalloc.h"

/* Light to dense ink: on a light background dark pixels get the most ink. */
static const char ramp[] = " .:-=+*#%@";

/* The frame's grey: seen on black and on white alike. */
#define FRAME_GREY	128

struct sixel_buf {
	char	*p;
	size_t	 len, cap;
};

static uint32_t	 sample_sum(const struct image *);
static int	 cache_get(struct graphics *, const struct image *, int, int);
static void	 cache_drop(struct graphics *, int);
static void	 resize_framed(const struct image *, int, int, struct image *);
static void	 box_cells(const struct graphics *, const struct image *, int *,
		    int *);
static int	 box_same(const struct graphics_box *, const struct graphics_box *);
static int	 box_in(const struct graphics_box *, const struct graphics_box *, int);
static void	 draw_sixel_box(struct ui *, const struct graphics_box *,
		    const struct image *);
static void	 draw_cells(const struct graphics *, const struct graphics_box *,
		    const struct image *);
static void	 draw_none(struct ui *, int, int, int, int, const struct image *);
static void	 send_sixel(const struct graphics *, const struct graphics_box *);
static void	 write_all(int, const char *, size_t);
static int	 sixel_put(char *, int, void *);
static int	 colour_256(const uint8_t *);
static int	 colour_of(int, const uint8_t *);
static const uint8_t *cell_px(const struct image *, int, int, const uint8_t **);
static char	 ramp_char(const uint8_t *, enum term_background);

int
graphics_open(struct graphics *g, const char *want, int may_query, char **cause)
{
	memset(g, 0, sizeof *g);
	g->fd = -1;
	if (term_detect(want, may_query, &g->caps, cause) != 0)
		return (-1);
	g->mode = g->caps.mode;
	return (0);
}

void
graphics_start(struct graphics *g, int fd)
{
	g->fd = fd;
	getmaxyx(stdscr, g->screen_rows, g->screen_cols);
	if (g->mode == GRAPHICS_SIXEL) {
		/* Insert/delete and scrolling would move text across the image. */
		idlok(stdscr, FALSE);
		idcok(stdscr, FALSE);
	}
	/* Half blocks need colours curses can draw (none with NO_COLOR). */
	if (g->mode == GRAPHICS_BLOCKS && COLORS < 256)
		g->mode = GRAPHICS_ASCII;
	if (COLORS >= (1 << 24))
		g->caps.colours = 1 << 24;
	else if (g->caps.colours > COLORS)
		g->caps.colours = COLORS >= 256 ? 256 : 8;
}

void
graphics_close(struct graphics *g)
{
	int i;

	for (i = 0; i < GRAPHICS_CACHE; i++)
		cache_drop(g, i);
	g->nplaced = g->nshown = 0;
}

void
graphics_begin(struct graphics *g)
{
	g->nplaced = 0;
}

void
graphics_hide(struct graphics *g)
{
	g->nplaced = 0;
}

void
graphics_cover(struct graphics *g, int y, int x, int rows, int cols)
{
	const struct graphics_box *b;
	int i, n = 0;

	if (g == NULL)
		return;
	for (i = 0; i < g->nplaced; i++) {
		b = &g->placed[i];
		if (b->y < y + rows && y < b->y + b->rows && b->x < x + cols &&
		    x < b->x + b->cols)
			continue;	/* under the overlay: not sent this frame */
		g->placed[n++] = *b;
	}
	g->nplaced = n;
}

/* Identifies a source image cheaply: its size and a sample of its pixels. */
static uint32_t
sample_sum(const struct image *im)
{
	size_t n = (size_t)im->w * (size_t)im->h * 3, step = n / 4096 + 1, i;
	uint32_t h = 2166136261u;

	for (i = 0; i < n; i += step) {
		h ^= im->px[i];
		h *= 16777619u;
	}
	return (h ^ ((uint32_t)im->w * 65599u + (uint32_t)im->h));
}

static void
cache_drop(struct graphics *g, int i)
{
	struct graphics_cached *c = &g->cache[i];
	int j;

	image_free(&c->scaled);
	wipe_free(c->sixel, c->sixel_len);
	memset(c, 0, sizeof *c);
	/* A box showing this entry no longer matches anything. */
	for (j = 0; j < g->nshown; j++)
		if (g->shown[j].entry == i)
			g->shown[j].entry = -1;
}

/* The cache entry for img scaled to a rows x cols box; -1 if it cannot be shown. */
static int
cache_get(struct graphics *g, const struct image *img, int rows, int cols)
{
	struct graphics_cached *c;
	uint32_t sum = sample_sum(img);
	int i, victim = 0, w, h;
	char *cause = NULL;

	for (i = 0; i < GRAPHICS_CACHE; i++) {
		c = &g->cache[i];
		if (c->scaled.px != NULL && c->src_px == img->px &&
		    c->src_w == img->w && c->src_h == img->h && c->src_sum == sum &&
		    c->rows == rows && c->cols == cols) {
			c->used = ++g->tick;
			return (i);
		}
		if (c->used < g->cache[victim].used)
			victim = i;
	}
	cache_drop(g, victim);
	c = &g->cache[victim];
	graphics_target(&g->caps, g->mode, img->w, img->h, rows, cols, &w, &h);
	if (g->mode == GRAPHICS_SIXEL || g->mode == GRAPHICS_BLOCKS)
		resize_framed(img, w, h, &c->scaled);
	else
		image_resize(img, w, h, &c->scaled);
	if (g->mode == GRAPHICS_SIXEL && graphics_sixel(&c->scaled,
	    g->caps.registers, &c->sixel, &c->sixel_len, &cause) != 0) {
		free(cause);	/* the placeholder stays: better than nothing */
		c->sixel = NULL;
	}
	c->src_px = img->px;
	c->src_w = img->w;
	c->src_h = img->h;
	c->src_sum = sum;
	c->rows = rows;
	c->cols = cols;
	c->used = ++g->tick;
	return (victim);
}

/*
 * img scaled to w x h inside a one-pixel grey frame: a white background
 * keeps its edge on a white terminal, a dark one on a dark terminal.
 */
static void
resize_framed(const struct image *img, int w, int h, struct image *out)
{
	struct image in = { 0, 0, NULL };
	int y;

	if (w < 3 || h < 3) {
		image_resize(img, w, h, out);
		return;
	}
	image_resize(img, w - 2, h - 2, &in);
	image_alloc(out, w, h);
	memset(out->px, FRAME_GREY, (size_t)w * (size_t)h * 3);
	for (y = 0; y < in.h; y++)
		memcpy(out->px + ((size_t)(y + 1) * w + 1) * 3,
		    in.px + (size_t)y * in.w * 3, (size_t)in.w * 3);
	image_free(&in);
}

/* The cells a scaled image covers. */
static void
box_cells(const struct graphics *g, const struct image *s, int *rows, int *cols)
{
	switch (g->mode) {
	case GRAPHICS_SIXEL:
		*cols = (s->w + g->caps.cell_w - 1) / g->caps.cell_w;
		*rows = (s->h + g->caps.cell_h - 1) / g->caps.cell_h;
		break;
	case GRAPHICS_BLOCKS:
		*cols = s->w;
		*rows = (s->h + 1) / 2;
		break;
	default:
		*cols = s->w;
		*rows = s->h;
		break;
	}
}

void
graphics_place(struct ui *ui, int y, int x, int rows, int cols,
    const struct image *img)
{
	struct graphics *g = ui->gfx;
	struct graphics_box *b;
	int e, r, c;

	if (g == NULL || img == NULL || img->px == NULL || y < 0 || x < 0 ||
	    g->nplaced == GRAPHICS_MAX_BOXES)
		return;
	/* An image touching the last row would scroll the whole screen. */
	if (y + rows > ui->rows - 1)
		rows = ui->rows - 1 - y;
	if (x + cols > ui->cols)
		cols = ui->cols - x;
	if (rows < 1 || cols < 1)
		return;
	if (g->mode == GRAPHICS_NONE ||
	    (e = cache_get(g, img, rows, cols)) < 0) {
		draw_none(ui, y, x, rows, cols, img);
		return;
	}
	box_cells(g, &g->cache[e].scaled, &r, &c);
	b = &g->placed[g->nplaced++];
	b->entry = e;
	b->rows = r < rows ? r : rows;
	b->cols = c < cols ? c : cols;
	b->y = y;
	b->x = x + (cols - b->cols) / 2;
	if (g->mode == GRAPHICS_SIXEL)
		draw_sixel_box(ui, b, &g->cache[e].scaled);
	else
		draw_cells(g, b, &g->cache[e].scaled);
}

/*
 * The cells under a sixel hold invisible blanks: curses would erase a row
 * of plain blanks with EL, which erases the image too; these it leaves
 * alone, and rewrites (wiping the image) only when the screen changes.
 */
static void
draw_sixel_box(struct ui *ui, const struct graphics_box *b,
    const struct image *img)
{
	char *s;
	int r;

	for (r = 0; r < b->rows; r++)
		mvchgat(b->y + r, b->x, b->cols, A_INVIS, 0, NULL);
	/*
	 * Invisible too: it is there for snapshots and screen readers, and
	 * must not show for the moment before the image, or under an overlay.
	 */
	/* TRANSLATORS: lies under the photo drawn WxH pixels large. */
	s = xasprintf(_("[photo %dx%d]"), img->w, img->h);
	ui_text(ui, b->y, b->x, b->cols, A_INVIS, s);
	free(s);
}

/* Without any graphics: say there is a photo, and its size. */
static void
draw_none(struct ui *ui, int y, int x, int rows, int cols,
    const struct image *img)
{
	struct graphics *g = ui->gfx;
	struct graphics_box *b = &g->placed[g->nplaced++];
	char *s;

	s = xasprintf(_("[photo %dx%d: this terminal cannot show pictures]"),
	    img->w, img->h);
	b->entry = -1;
	b->y = y;
	b->x = x;
	b->cols = cols;
	b->rows = ui_wrap(ui, y, x, cols, rows, A_NORMAL, s);
	free(s);
}

/* The top pixel of a cell (and in *bottom the one below, or NULL). */
static const uint8_t *
cell_px(const struct image *im, int x, int y, const uint8_t **bottom)
{
	const uint8_t *p = im->px + ((size_t)y * im->w + x) * 3;

	if (bottom != NULL)
		*bottom = y + 1 < im->h ? p + (size_t)im->w * 3 : NULL;
	return (p);
}

/* On a dark background the ink is light: bright pixels get the most of it. */
static char
ramp_char(const uint8_t *p, enum term_background bg)
{
	int l = (p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000;

	if (bg != TERM_BG_DARK)
		l = 255 - l;
	return (ramp[l * (int)(sizeof ramp - 2) / 255]);
}

/* The nearest of xterm's 6x6x6 cube and 24 greys. */
static int
colour_256(const uint8_t *p)
{
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };
	int q[3], i, best, grey, gv, avg = (p[0] + p[1] + p[2]) / 3;
	long dc = 0, dg = 0;

	for (i = 0; i < 3; i++) {
		q[i] = p[i] < 48 ? 0 : p[i] < 115 ? 1 : (p[i] - 35) / 40;
		dc += (long)(level[q[i]] - p[i]) * (level[q[i]] - p[i]);
	}
	grey = avg > 238 ? 23 : avg < 8 ? 0 : (avg - 3) / 10;
	gv = 8 + grey * 10;
	for (i = 0; i < 3; i++)
		dg += (long)(gv - p[i]) * (gv - p[i]);
	best = dg < dc ? 232 + grey : 16 + 36 * q[0] + 6 * q[1] + q[2];
	return (best);
}

/* A colour number: packed RGB on a direct-colour terminal, else xterm's 256. */
static int
colour_of(int colours, const uint8_t *p)
{
	int rgb = (p[0] << 16) | (p[1] << 8) | p[2];

	if (colours >= (1 << 24))
		return (rgb < 8 ? 8 : rgb);	/* 0-7 mean the ANSI colours */
	return (colour_256(p));
}

/* Half blocks or ASCII, through curses: it owns these cells like any text. */
static void
draw_cells(const struct graphics *g, const struct graphics_box *b,
    const struct image *s)
{
	static const wchar_t upper[] = { 0x2580, 0 };
	const uint8_t *top, *bot;
	cchar_t cc;
	int x, r, pair;

	for (r = 0; r < b->rows; r++) {
		for (x = 0; x < b->cols && x < s->w; x++) {
			if (g->mode == GRAPHICS_ASCII) {
				mvaddch(b->y + r, b->x + x,
				    (chtype)ramp_char(cell_px(s, x, r, NULL),
				    g->caps.background));
				continue;
			}
			top = cell_px(s, x, 2 * r, &bot);
			pair = alloc_pair(colour_of(g->caps.colours, top),
			    bot != NULL ? colour_of(g->caps.colours, bot) : -1);
			if (pair < 0)
				pair = 0;
			setcchar(&cc, upper, A_NORMAL, 0, &pair);
			mvadd_wch(b->y + r, b->x + x, &cc);
		}
	}
}

char *
graphics_text(const struct image *s, enum graphics_mode mode,
    const struct term_caps *caps, size_t *len)
{
	const uint8_t *top, *bot;
	size_t cap = (size_t)s->w * (size_t)(s->h + 1) * 40 + 64, n = 0;
	char *out = xmalloc(cap);
	int x, y, step = mode == GRAPHICS_BLOCKS ? 2 : 1;

	for (y = 0; y < s->h; y += step) {
		for (x = 0; x < s->w; x++) {
			top = cell_px(s, x, y, &bot);
			if (mode != GRAPHICS_BLOCKS)
				out[n++] = ramp_char(top, caps->background);
			else if (caps->colours >= (1 << 24))
				n += (size_t)sprintf(out + n, "\033[38;2;%d;%d;%dm",
				    top[0], top[1], top[2]);
			else
				n += (size_t)sprintf(out + n, "\033[38;5;%dm",
				    colour_256(top));
			if (mode != GRAPHICS_BLOCKS)
				continue;
			if (bot != NULL && caps->colours >= (1 << 24))
				n += (size_t)sprintf(out + n, "\033[48;2;%d;%d;%dm",
				    bot[0], bot[1], bot[2]);
			else if (bot != NULL)
				n += (size_t)sprintf(out + n, "\033[48;5;%dm",
				    colour_256(bot));
			n += (size_t)sprintf(out + n, "\xe2\x96\x80");	/* ▀ */
		}
		n += (size_t)sprintf(out + n, "%s\n",
		    mode == GRAPHICS_BLOCKS ? "\033[0m" : "");
	}
	out[n] = '\0';
	*len = n;
	return (out);
}

static int
box_same(const struct graphics_box *a, const struct graphics_box *b)
{
	return (a->entry >= 0 && a->entry == b->entry && a->y == b->y &&
	    a->x == b->x && a->rows == b->rows && a->cols == b->cols);
}

static int
box_in(const struct graphics_box *b, const struct graphics_box *v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (box_same(b, &v[i]))
			return (1);
	return (0);
}

void
graphics_refresh(struct graphics *g)
{
	int i, full;

	if (g->mode != GRAPHICS_SIXEL) {
		refresh();
		return;
	}
	/* A repaint (C-l, a resize) erases every image: send them again. */
	full = is_cleared(curscr) || LINES != g->screen_rows ||
	    COLS != g->screen_cols;
	if (full)
		clearok(curscr, TRUE);
	g->screen_rows = LINES;
	g->screen_cols = COLS;
	/* Rewriting its rows with what is there now wipes an image that went away. */
	for (i = 0; !full && i < g->nshown; i++)
		if (!box_in(&g->shown[i], g->placed, g->nplaced))
			wredrawln(stdscr, g->shown[i].y, g->shown[i].rows);
	refresh();
	for (i = 0; i < g->nplaced; i++)
		if (full || !box_in(&g->placed[i], g->shown, g->nshown))
			send_sixel(g, &g->placed[i]);
	memcpy(g->shown, g->placed, sizeof g->shown);
	g->nshown = g->nplaced;
}

static void
write_all(int fd, const char *p, size_t n)
{
	struct pollfd pfd;
	ssize_t k;

	while (n > 0) {
		if ((k = write(fd, p, n)) < 0) {
			if (errno == EAGAIN) {
				pfd.fd = fd;
				pfd.events = POLLOUT;
				poll(&pfd, 1, 1000);
			} else if (errno != EINTR)
				return;
			continue;
		}
		p += k;
		n -= (size_t)k;
	}
}

/*
 * Saves the cursor, draws at the box in sixel scrolling mode (DECSDM reset:
 * at the cursor) with the cursor left beside the image (8452), and puts the
 * cursor back on the focus where curses left it.
 */
static void
send_sixel(const struct graphics *g, const struct graphics_box *b)
{
	static const char post[] = "\033[?8452l\0338";
	const struct graphics_cached *c;
	char pre[64];
	int n;

	if (g->fd < 0 || b->entry < 0 || (c = &g->cache[b->entry])->sixel == NULL)
		return;
	n = snprintf(pre, sizeof pre, "\0337\033[?80l\033[?8452h\033[%d;%dH",
	    b->y + 1, b->x + 1);
	write_all(g->fd, pre, (size_t)n);
	write_all(g->fd, c->sixel, c->sixel_len);
	write_all(g->fd, post, sizeof post - 1);
}

void
graphics_describe(const struct graphics *g, char *buf, size_t size)
{
	size_t n;
	int i;

	buf[0] = '\0';
	if (g->nplaced == 0)
		return;
	n = (size_t)snprintf(buf, size, " graphics=%s", term_mode_name(g->mode));
	for (i = 0; i < g->nplaced && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, " box=%d,%d,%d,%d",
		    g->placed[i].y, g->placed[i].x, g->placed[i].rows,
		    g->placed[i].cols);
}

void
graphics_fit(int w, int h, int max_w, int max_h, int px_w, int px_h,
    int no_upscale, int *out_w, int *out_h)
{
	double ow, oh;

	/* Shown at max_h rows of pixels, how wide is it in output pixels? */
	oh = max_h;
	ow = (double)max_h * px_h * w / ((double)h * px_w);
	if (ow > max_w) {
		ow = max_w;
		oh = (double)max_w * px_w * h / ((double)w * px_h);
	}
	if (no_upscale && ow > w) {
		ow = w;
		oh = h;
	}
	*out_w = ow < 1 ? 1 : (int)(ow + 0.5);
	*out_h = oh < 1 ? 1 : (int)(oh + 0.5);
	if (*out_w > max_w)
		*out_w = max_w;
	if (*out_h > max_h)
		*out_h = max_h;
}

void
graphics_target(const struct term_caps *caps, enum graphics_mode mode, int w,
    int h, int rows, int cols, int *tw, int *th)
{
	int mw, mh;

	switch (mode) {
	case GRAPHICS_SIXEL:
		mw = cols * caps->cell_w;
		mh = rows * caps->cell_h;
		if (caps->max_w > 0 && mw > caps->max_w)
			mw = caps->max_w;
		if (caps->max_h > 0 && mh > caps->max_h)
			mh = caps->max_h;
		mw = mw > GRAPHICS_MAX_PX ? GRAPHICS_MAX_PX : mw;
		mh = mh > GRAPHICS_MAX_PX ? GRAPHICS_MAX_PX : mh;
		/*
		 * A 358x441 card photo too fills a large box, the crop is judged
		 * by eye; but not blown up past twice its size.
		 */
		mw = mw > 2 * w ? 2 * w : mw;
		mh = mh > 2 * h ? 2 * h : mh;
		graphics_fit(w, h, mw, mh, 1, 1, 0, tw, th);
		break;
	case GRAPHICS_BLOCKS:
		/* A cell holds two pixels, each half a cell high. */
		graphics_fit(w, h, cols, rows * 2, 2 * caps->cell_w, caps->cell_h,
		    0, tw, th);
		break;
	default:
		graphics_fit(w, h, cols, rows, caps->cell_w, caps->cell_h, 0, tw,
		    th);
		break;
	}
}

/* libsixel's output callback: appends to a buffer that is wiped when it moves. */
static int
sixel_put(char *data, int size, void *priv)
{
	struct sixel_buf *b = priv;
	char *p;

	if (b->len + (size_t)size > b->cap) {
		b->cap = (b->cap + (size_t)size) * 2;
		p = xmalloc(b->cap);
		if (b->len > 0)
			memcpy(p, b->p, b->len);
		wipe_free(b->p, b->len);
		b->p = p;
	}
	memcpy(b->p + b->len, data, (size_t)size);
	b->len += (size_t)size;
	return (size);
}

/*
 * The palette is ours (palette.c: median cut in Lab, flat colours kept
 * flat); libsixel only writes the indexed pixels out as sixel bands.
 * Measured on four portraits at 30x15 cells against img2sixel: lower mean
 * and 99th-percentile Delta E at about half the bytes (make bench).
 */
int
graphics_sixel(const struct image *img, int ncolours, char **out, size_t *len,
    char **cause)
{
	struct sixel_buf buf = { NULL, 0, 0 };
	struct palette pal;
	sixel_output_t *o = NULL;
	sixel_dither_t *d = NULL;
	size_t size = (size_t)img->w * (size_t)img->h;
	unsigned char *idx;
	SIXELSTATUS st;

	if (img->w > GRAPHICS_MAX_PX || img->h > GRAPHICS_MAX_PX) {
		*cause = xasprintf(_("the preview of %dx%d pixels is too large"),
		    img->w, img->h);
		return (-1);
	}
	if (ncolours <= 0 || ncolours > PALETTE_MAX)
		ncolours = PALETTE_MAX;
	idx = xmalloc(size);
	palette_quantize(img, ncolours, &pal, idx);
	st = sixel_output_new(&o, sixel_put, &buf, NULL);
	if (SIXEL_SUCCEEDED(st)) {
		sixel_output_set_encode_policy(o, SIXEL_ENCODEPOLICY_SIZE);
		st = sixel_dither_new(&d, pal.n, NULL);
	}
	if (SIXEL_SUCCEEDED(st)) {
		sixel_dither_set_palette(d, &pal.rgb[0][0]);
		sixel_dither_set_pixelformat(d, SIXEL_PIXELFORMAT_PAL8);
		st = sixel_encode(idx, img->w, img->h, 8, d, o);
	}
	if (d != NULL)
		sixel_dither_unref(d);
	if (o != NULL)
		sixel_output_unref(o);
	wipe_free(idx, size);
	if (SIXEL_FAILED(st)) {
		wipe_free(buf.p, buf.len);
		*cause = xasprintf(_("cannot encode the preview: %s"),
		    sixel_helper_format_error(st));
		return (-1);
	}
	*out = buf.p;
	*len = buf.len;
	return (0);
}

int
graphics_load(const struct term_caps *caps, enum graphics_mode mode,
    const char *path, int rows, int cols, struct image *out, char **cause)
{
	struct photo_load_opts o;
	struct photo_info info;

	memset(&o, 0, sizeof o);
	/*
	 * DCT scaling: a 12-megapixel photo for a 300-pixel box decodes at 1/4.
	 * Twice the box, then an area average: a 7/8 scaled decode resampled
	 * again lost 9 dB against a full decode.
	 */
	switch (mode) {
	case GRAPHICS_SIXEL:
		/* Enough for a larger box too: the window may grow. */
		o.min_w = 2 * cols * caps->cell_w;
		o.min_h = 2 * rows * caps->cell_h;
		if (o.min_h < GRAPHICS_LOAD_MIN) {
			o.min_w = (int)((long)o.min_w * GRAPHICS_LOAD_MIN / o.min_h);
			o.min_h = GRAPHICS_LOAD_MIN;
		}
		break;
	case GRAPHICS_BLOCKS:
		o.min_w = 2 * cols;
		o.min_h = 4 * rows;
		break;
	case GRAPHICS_ASCII:
		o.min_w = 2 * cols;
		o.min_h = 2 * rows;
		break;
	default:
		break;	/* the text says how large the photo is */
	}
	return (photo_load(path, &o, out, &info, cause));
}
