/* jpeg.c -- the one libjpeg wrapper: its errors become causes, never output. */
#include "lib/system.h"

#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

#include "lib/parallel.h"
#include "lib/xmalloc.h"
#include "photo/jpeg.h"

/* A damaged progressive JPEG can hold endless scans; real ones have < 20. */
#define JPEG_MAX_SCANS	200
/* Rows decoded between two calls of jpeg_read_opts.rows. */
#define ROWS_TOLD	16

/*
 * libjpeg's error manager, one for decoding and encoding: errors long-jump
 * back with the message kept, warnings are counted, nothing reaches the
 * terminal curses owns.
 */
struct jpeg_guard {
	struct jpeg_error_mgr		pub;
	struct jpeg_progress_mgr	progress;
	jmp_buf				jb;
	char				msg[JMSG_LENGTH_MAX];
	int				truncated;	/* the data ended early */
};

struct jpeg_reader {
	struct jpeg_decompress_struct	 d;
	struct jpeg_guard		 g;
	const char			*name;
	uint8_t				*row;	/* a CMYK row, wiped at the close */
	size_t				 rowsize;
};

/* One encoding tried by the size search, made in a thread of its own. */
struct trial {
	const struct image	*im;
	struct jpeg_encode_opts	 eo;
	struct jpeg_out		 o;
	char			*cause;
	int			 rc;
};

static void	guard_fail(j_common_ptr);
static void	guard_note(j_common_ptr, int);
static void	guard_scans(j_common_ptr);
static struct jpeg_error_mgr *guard_init(struct jpeg_guard *);
static char	*unreadable(const char *, const struct jpeg_guard *);
static void	note_header(struct jpeg_decompress_struct *, struct jpeg_header *);
static void	find_exif(struct jpeg_decompress_struct *, struct jpeg_header *);
static int	pick_scale(unsigned, unsigned, const struct jpeg_read_opts *);
static void	cmyk_to_rgb(const uint8_t *, uint8_t *, int, int);
static void	read_rows(struct jpeg_reader *, const struct jpeg_read_opts *,
		    struct image *);
static void	set_options(struct jpeg_compress_struct *, const struct image *,
		    const struct jpeg_encode_opts *);
static void	write_rows(struct jpeg_compress_struct *, const struct image *);
static void	encode_trial(void *, int);
static int	trials_failed(struct trial *, int, char **);
static void	keep_trial(struct trial *, int, struct jpeg_out *);
static int	best_quality(const struct image *, int, int, int, long,
		    struct jpeg_out *, char **);
static int	window_verdict(const struct jpeg_window *, const char *,
		    struct jpeg_out *, char **);

static void
guard_fail(j_common_ptr cinfo)
{
	struct jpeg_guard *g = (struct jpeg_guard *)cinfo->err;

	(*cinfo->err->format_message)(cinfo, g->msg);
	longjmp(g->jb, 1);
}

/* A premature end is only a warning to libjpeg (it fills in grey): remembered. */
static void
guard_note(j_common_ptr cinfo, int level)
{
	struct jpeg_guard *g = (struct jpeg_guard *)cinfo->err;

	if (level >= 0)
		return;
	cinfo->err->num_warnings++;
	if (cinfo->err->msg_code == JWRN_JPEG_EOF)
		g->truncated = 1;
}

static void
guard_scans(j_common_ptr cinfo)
{
	struct jpeg_guard *g = (struct jpeg_guard *)cinfo->err;
	j_decompress_ptr d = (j_decompress_ptr)cinfo;

	if (cinfo->is_decompressor && d->input_scan_number > JPEG_MAX_SCANS) {
		snprintf(g->msg, sizeof g->msg, "more than %d scans",
		    JPEG_MAX_SCANS);
		longjmp(g->jb, 1);
	}
}

/* Fills g in; returns what cinfo->err is to point at. */
static struct jpeg_error_mgr *
guard_init(struct jpeg_guard *g)
{
	struct jpeg_error_mgr *err;

	memset(g, 0, sizeof *g);
	err = jpeg_std_error(&g->pub);
	g->pub.error_exit = guard_fail;
	g->pub.emit_message = guard_note;
	g->progress.progress_monitor = guard_scans;
	return (err);
}

/* libjpeg's message in a sentence naming the photo; caller frees. */
static char *
unreadable(const char *name, const struct jpeg_guard *g)
{
	return (xasprintf(_("%s is not a readable JPEG photo (%s)"), name, g->msg));
}

static void
find_exif(struct jpeg_decompress_struct *d, struct jpeg_header *h)
{
	jpeg_saved_marker_ptr m;

	for (m = d->marker_list; m != NULL; m = m->next)
		if (m->marker == JPEG_APP0 + 1 && m->data_length >= 6 &&
		    memcmp(m->data, "Exif\0\0", 6) == 0) {
			h->exif = m->data;
			h->exif_len = m->data_length;
			return;
		}
}

static void
note_header(struct jpeg_decompress_struct *d, struct jpeg_header *h)
{
	memset(h, 0, sizeof *h);
	h->width = (int)d->image_width;
	h->height = (int)d->image_height;
	h->components = d->num_components;
	h->precision = d->data_precision;
	h->progressive = d->progressive_mode;
	h->arithmetic = d->arith_code;
	if (d->jpeg_color_space == JCS_CMYK)
		h->cmyk = 1;
	else if (d->jpeg_color_space == JCS_YCCK)
		h->cmyk = 2;
	h->jfif = d->saw_JFIF_marker;
	if (d->saw_JFIF_marker) {
		h->density_unit = d->density_unit;
		h->xdensity = d->X_density;
		h->ydensity = d->Y_density;
	}
	find_exif(d, h);
}

struct jpeg_reader *
jpeg_open(const struct jpeg_source *src, struct jpeg_header *h, char **cause)
{
	struct jpeg_reader *r = xcalloc(1, sizeof *r);

	r->name = src->name;
	r->d.err = guard_init(&r->g);
	if (setjmp(r->g.jb)) {
		*cause = unreadable(r->name, &r->g);
		jpeg_close(r);
		return (NULL);
	}
	jpeg_create_decompress(&r->d);
	r->d.progress = &r->g.progress;
	/* Coefficient buffers of progressive files scale with the header. */
	if (src->max_memory > 0)
		r->d.mem->max_memory_to_use = src->max_memory;
	jpeg_save_markers(&r->d, JPEG_APP0 + 1, 0xffff);
	if (src->data != NULL)
		jpeg_mem_src(&r->d, src->data, (unsigned long)src->len);
	else
		jpeg_stdio_src(&r->d, src->f);
	jpeg_read_header(&r->d, TRUE);
	note_header(&r->d, h);
	return (r);
}

/* The smallest n in n/8 whose output still covers what o asks for. */
static int
pick_scale(unsigned w, unsigned h, const struct jpeg_read_opts *o)
{
	unsigned mw, mh;
	int n;

	if (o == NULL || (o->min_w <= 0 && o->min_h <= 0))
		return (8);
	mw = o->min_w > 0 ? (unsigned)o->min_w : 0;
	mh = o->min_h > 0 ? (unsigned)o->min_h : 0;
	/*
	 * 1/8 is safe: Valgrind flags its SIMD output columns as undefined, but
	 * the bytes are the scalar decoder's whatever the heap held before
	 * (tests/photo/decode-stable.sh).
	 */
	for (n = 1; n < 8; n++)
		if ((w * n + 7) / 8 >= mw && (h * n + 7) / 8 >= mh)
			break;
	return (n);
}

/* Converts Adobe (inverted) or plain CMYK to RGB; YCCK arrives as CMYK. */
static void
cmyk_to_rgb(const uint8_t *src, uint8_t *dst, int w, int inverted)
{
	int x, c, k, v;

	for (x = 0; x < w; x++, src += 4, dst += 3) {
		k = inverted ? src[3] : 255 - src[3];
		for (c = 0; c < 3; c++) {
			v = inverted ? src[c] : 255 - src[c];
			dst[c] = (uint8_t)((v * k + 127) / 255);
		}
	}
}

static void
read_rows(struct jpeg_reader *r, const struct jpeg_read_opts *o,
    struct image *out)
{
	struct jpeg_decompress_struct *d = &r->d;
	JSAMPROW rowp;
	uint8_t *dst;

	while (d->output_scanline < d->output_height) {
		dst = out->px + (size_t)d->output_scanline * out->w * 3;
		rowp = r->row != NULL ? r->row : dst;
		if (jpeg_read_scanlines(d, &rowp, 1) != 1)
			break;
		if (r->row != NULL)
			cmyk_to_rgb(r->row, dst, out->w, d->saw_Adobe_marker);
		if (o != NULL && o->rows != NULL &&
		    (d->output_scanline % ROWS_TOLD == 0 ||
		    d->output_scanline == d->output_height))
			o->rows(o->arg, out, (int)d->output_scanline);
	}
}

int
jpeg_read(struct jpeg_reader *r, const struct jpeg_read_opts *o,
    struct image *out, int *eighths, char **cause)
{
	struct jpeg_decompress_struct *d = &r->d;

	memset(out, 0, sizeof *out);
	if (setjmp(r->g.jb)) {
		*cause = unreadable(r->name, &r->g);
		return (-1);
	}
	d->scale_num = (unsigned)pick_scale(d->image_width, d->image_height, o);
	d->scale_denom = 8;
	if (eighths != NULL)
		*eighths = (int)d->scale_num;
	d->out_color_space = d->jpeg_color_space == JCS_CMYK ||
	    d->jpeg_color_space == JCS_YCCK ? JCS_CMYK : JCS_RGB;
	d->dct_method = JDCT_ISLOW;
	jpeg_start_decompress(d);
	image_alloc(out, (int)d->output_width, (int)d->output_height);
	if (d->out_color_space == JCS_CMYK) {
		r->rowsize = (size_t)d->output_width * 4;
		r->row = xmalloc(r->rowsize);
	}
	read_rows(r, o, out);
	if (r->g.truncated) {
		*cause = xasprintf(_("%s is cut short: the photo file is incomplete"),
		    r->name);
		return (-1);
	}
	jpeg_finish_decompress(d);
	return (0);
}

void
jpeg_close(struct jpeg_reader *r)
{
	if (r == NULL)
		return;
	jpeg_destroy_decompress(&r->d);
	if (r->row != NULL)
		wipe_free(r->row, r->rowsize);
	free(r);
}

int
jpeg_decode(const uint8_t *data, size_t len, const char *name,
    struct image *out, char **cause)
{
	struct jpeg_source src;
	struct jpeg_header h;
	struct jpeg_reader *r;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&src, 0, sizeof src);
	src.name = name;
	src.data = data;
	src.len = len;
	if ((r = jpeg_open(&src, &h, cause)) == NULL)
		return (-1);
	rc = jpeg_read(r, NULL, out, NULL, cause);
	jpeg_close(r);
	if (rc != 0)
		image_free(out);
	return (rc);
}

static void
set_options(struct jpeg_compress_struct *c, const struct image *im,
    const struct jpeg_encode_opts *eo)
{
	c->image_width = (JDIMENSION)im->w;
	c->image_height = (JDIMENSION)im->h;
	c->input_components = 3;
	c->in_color_space = JCS_RGB;
	jpeg_set_defaults(c);
	jpeg_set_quality(c, eo->quality, TRUE);
	c->optimize_coding = eo->optimize ? TRUE : FALSE;
	/* JFIF with the density in its header: a kiosk prints it at its size. */
	c->write_JFIF_header = TRUE;
	c->density_unit = 1;
	c->X_density = c->Y_density = (UINT16)eo->dpi;
	if (eo->full_chroma)
		c->comp_info[0].h_samp_factor = c->comp_info[0].v_samp_factor = 1;
}

static void
write_rows(struct jpeg_compress_struct *c, const struct image *im)
{
	JSAMPROW row;

	while (c->next_scanline < c->image_height) {
		row = im->px + (size_t)c->next_scanline * im->w * 3;
		jpeg_write_scanlines(c, &row, 1);
	}
}

int
jpeg_encode(const struct image *im, const struct jpeg_encode_opts *eo,
    struct jpeg_out *o, char **cause)
{
	struct jpeg_compress_struct c;
	struct jpeg_guard g;
	unsigned long cap = (unsigned long)im->w * (unsigned long)im->h * 4 + 65536;
	unsigned long len = cap;
	unsigned char *own = xmalloc(cap);

	/*
	 * own is larger than any JPEG of the image, so that libjpeg never grows
	 * it by itself and frees a copy of the photo unwiped.
	 */
	memset(o, 0, sizeof *o);
	o->buf = own;
	c.err = guard_init(&g);
	if (setjmp(g.jb)) {
		jpeg_destroy_compress(&c);
		if (o->buf != own)	/* libjpeg's, of a size it did not say */
			free(o->buf);
		wipe_free(own, cap);
		memset(o, 0, sizeof *o);
		*cause = xasprintf(_("the photo cannot be encoded as a JPEG (%s)"),
		    g.msg);
		return (-1);
	}
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &o->buf, &len);
	set_options(&c, im, eo);
	jpeg_start_compress(&c, TRUE);
	write_rows(&c, im);
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	if (o->buf != own)	/* grown after all: ours is not o->buf any more */
		wipe_free(own, cap);
	o->len = len;
	o->quality = eo->quality;
	return (0);
}

void
jpeg_out_free(struct jpeg_out *o)
{
	if (o->buf != NULL)
		wipe_free(o->buf, o->len);
	memset(o, 0, sizeof *o);
}

static void
encode_trial(void *arg, int i)
{
	struct trial *t = (struct trial *)arg + i;

	t->rc = jpeg_encode(t->im, &t->eo, &t->o, &t->cause);
}

/* When one of the n trials failed: its cause in *cause, every file wiped. */
static int
trials_failed(struct trial *t, int n, char **cause)
{
	int i, failed = 0;

	for (i = 0; i < n; i++)
		failed |= t[i].rc != 0;
	if (!failed)
		return (0);
	*cause = NULL;
	for (i = 0; i < n; i++) {
		if (t[i].rc != 0 && *cause == NULL)
			*cause = t[i].cause;
		else
			free(t[i].cause);
		jpeg_out_free(&t[i].o);
	}
	return (1);
}

/* Keeps trial t's file as the best so far (o), or wipes it. */
static void
keep_trial(struct trial *t, int keep, struct jpeg_out *o)
{
	if (keep) {
		jpeg_out_free(o);
		*o = t->o;
	} else
		jpeg_out_free(&t->o);
	memset(&t->o, 0, sizeof t->o);
}

/*
 * The highest quality in lo..hi whose file is at most max bytes, into *o
 * (left empty when none is): a search by thirds, the two qualities of a
 * round encoded side by side.  Returns 0, or -1 with *cause.
 */
static int
best_quality(const struct image *im, int dpi, int lo, int hi, long max,
    struct jpeg_out *o, char **cause)
{
	struct trial t[2];
	int n, fit0, fit1;

	memset(t, 0, sizeof t);
	t[0].im = t[1].im = im;
	t[0].eo.dpi = t[1].eo.dpi = dpi;
	t[0].eo.optimize = t[1].eo.optimize = 1;
	while (lo <= hi) {
		/* Two qualities a third and two thirds in; one when lo is hi. */
		t[0].eo.quality = lo + (hi - lo) / 3;
		t[1].eo.quality = lo + 2 * (hi - lo) / 3 + (hi > lo);
		n = t[1].eo.quality != t[0].eo.quality ? 2 : 1;
		parallel_each(n, encode_trial, t);
		if (trials_failed(t, n, cause)) {
			jpeg_out_free(o);
			return (-1);
		}
		fit0 = (long)t[0].o.len <= max;
		fit1 = n == 2 && (long)t[1].o.len <= max;
		if (fit1)
			lo = t[1].eo.quality + 1;
		else if (fit0) {
			lo = t[0].eo.quality + 1;
			hi = t[1].eo.quality - 1;
		} else
			hi = t[0].eo.quality - 1;
		keep_trial(&t[0], fit0 && !fit1, o);
		if (n == 2)
			keep_trial(&t[1], fit1, o);
	}
	return (0);
}

/* 0 when o lies in w's window, else -1 with *cause and o wiped. */
static int
window_verdict(const struct jpeg_window *w, const char *name,
    struct jpeg_out *o, char **cause)
{
	long len = (long)o->len;

	if (w->recommended || ((w->min == 0 || len >= w->min) &&
	    (w->max == 0 || len <= w->max)))
		return (0);
	/*
	 * KB as photo/profile.h states a window: a maximum in thousands of
	 * bytes, a minimum in 1024s, so that it holds in either reading.
	 */
	if (w->max > 0 && len > w->max)
		*cause = xasprintf(_("%s: at JPEG quality %d the photo is %ld KB, "
		    "larger than %ld KB."), name, o->quality, (len + 512) / 1024,
		    w->max / 1000);
	else
		*cause = xasprintf(_("%s: at JPEG quality %d the photo is %ld KB; "
		    "it cannot be made at least %ld KB without padding the file, "
		    "so the required size window cannot be met."), name,
		    o->quality, (len + 512) / 1024, w->min / 1024);
	jpeg_out_free(o);
	return (-1);
}

int
jpeg_encode_window(const struct image *im, const struct jpeg_window *w,
    const char *name, struct jpeg_out *o, char **cause)
{
	struct jpeg_encode_opts eo;
	long aim = w->aim > 0 ? w->aim : w->max > 0 ? w->max : LONG_MAX;
	int lo = w->quality > 0 ? w->quality : JPEG_QUALITY_LOW;
	int hi = w->quality > 0 ? w->quality : 100;

	memset(o, 0, sizeof *o);
	memset(&eo, 0, sizeof eo);
	eo.dpi = w->dpi;
	eo.optimize = 1;
	if (best_quality(im, w->dpi, lo, hi, aim, o, cause) != 0)
		return (-1);
	/* No quality fits under aim: the smallest file, which the window may still take. */
	eo.quality = lo;
	if (o->buf == NULL && jpeg_encode(im, &eo, o, cause) != 0)
		return (-1);
	if ((long)o->len < w->min && o->quality == 100 && w->quality == 0) {
		jpeg_out_free(o);
		eo.quality = 100;
		eo.full_chroma = 1;
		if (jpeg_encode(im, &eo, o, cause) != 0)
			return (-1);
	}
	return (window_verdict(w, name, o, cause));
}
