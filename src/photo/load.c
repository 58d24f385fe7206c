/* photo-load.c -- read photos with libjpeg-turbo and libpng; never print, never crash. */
#include "lib/system.h"

#include <errno.h>
#include <limits.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <jpeglib.h>
#include <jerror.h>
#include <libexif/exif-data.h>

#include "lib/fsutil.h"
#include "photo/load.h"
#include "lib/xmalloc.h"

/* A damaged progressive JPEG can hold endless scans; real ones have < 20. */
#define JPEG_MAX_SCANS	200
/* Bytes read from the photo file at a time (stdio's 4 KB made a 3 MB photo 700 reads). */
#define LOAD_BUFFER	(64 * 1024)
/*
 * JPEG files up to this size are decoded from memory (see jpeg_source): a
 * phone's 12 MP photo is 3 to 8 MB.  Larger ones are read as they go, so
 * that no more than this is held before the header is checked.
 */
#define JPEG_IN_MEMORY	(32L * 1024 * 1024)
/* Rows decoded between two calls of photo_load_opts.rows. */
#define ROWS_TOLD	16
/* Ancillary PNG chunks (text, ICC) larger than this are refused. */
#define PNG_CHUNK_MAX	(4L * 1024 * 1024)

struct jpeg_guard {
	struct jpeg_error_mgr		pub;
	struct jpeg_progress_mgr	progress;
	jmp_buf				jb;
	char				msg[JMSG_LENGTH_MAX];
	int				truncated;
};

/* What the decoders share; lives in photo_load's frame, not the setjmp one's. */
struct load_ctx {
	FILE			*f;
	const char		*path;
	long			 max_pixels;
	int			 min_w, min_h;
	struct image		*out;
	struct photo_info	*info;
	uint8_t			*iobuf;	/* the file's bytes as read, wiped at the close */
	uint8_t			*data;	/* a whole JPEG file in memory, wiped at the close */
	size_t			 size, len;	/* its size by fstat; bytes read */
	uint8_t			*row;	/* scratch rows (CMYK, RGBA) */
	size_t			 rowsize;
	void			(*rows)(void *, const struct image *,
				    const struct photo_info *, int);
	void			*arg;
	char			 pngmsg[128];
};

static void	jpeg_fail(j_common_ptr);
static void	jpeg_note(j_common_ptr, int);
static void	jpeg_progress(j_common_ptr);
static void	jpeg_guard_init(struct jpeg_guard *, struct jpeg_decompress_struct *);
static void	png_fail(png_structp, png_const_charp);
static void	png_quiet(png_structp, png_const_charp);
static png_structp png_open(struct load_ctx *, png_infop *);
static int	open_photo(struct load_ctx *, const char *, char **);
static void	close_photo(struct load_ctx *);
static int	exif_orientation(const uint8_t *, size_t);
static void	jpeg_read_exif(struct jpeg_decompress_struct *, struct photo_info *);
static void	jpeg_note_header(struct jpeg_decompress_struct *, struct photo_info *);
static void	jpeg_source(struct load_ctx *, struct jpeg_decompress_struct *);
static int	jpeg_pick_scale(const struct load_ctx *, unsigned, unsigned);
static void	jpeg_read_rows(struct load_ctx *, struct jpeg_decompress_struct *);
static int	load_jpeg(struct load_ctx *, char **);
static void	png_note_header(png_structp, png_infop, struct photo_info *);
static void	png_flatten(const uint8_t *, uint8_t *, int);
static void	png_copy_rows(struct load_ctx *, png_structp, int);
static void	cmyk_to_rgb(const uint8_t *, uint8_t *, int, int);
static int	load_png(struct load_ctx *, char **);
static int	too_large(const struct load_ctx *, long, long, char **);

/* libjpeg's errors long-jump back here with the message kept, never printed. */
static void
jpeg_fail(j_common_ptr cinfo)
{
	struct jpeg_guard *g = (struct jpeg_guard *)cinfo->err;

	(*cinfo->err->format_message)(cinfo, g->msg);
	longjmp(g->jb, 1);
}

/* Warnings never reach the terminal curses owns; a premature end is remembered. */
static void
jpeg_note(j_common_ptr cinfo, int level)
{
	struct jpeg_guard *g = (struct jpeg_guard *)cinfo->err;

	if (level >= 0)
		return;
	cinfo->err->num_warnings++;
	if (cinfo->err->msg_code == JWRN_JPEG_EOF)
		g->truncated = 1;
}

static void
jpeg_progress(j_common_ptr cinfo)
{
	struct jpeg_guard *g = (struct jpeg_guard *)cinfo->err;
	j_decompress_ptr d = (j_decompress_ptr)cinfo;

	if (cinfo->is_decompressor && d->input_scan_number > JPEG_MAX_SCANS) {
		snprintf(g->msg, sizeof g->msg, "more than %d scans",
		    JPEG_MAX_SCANS);
		longjmp(g->jb, 1);
	}
}

static void
jpeg_guard_init(struct jpeg_guard *g, struct jpeg_decompress_struct *cinfo)
{
	memset(g, 0, sizeof *g);
	cinfo->err = jpeg_std_error(&g->pub);
	g->pub.error_exit = jpeg_fail;
	g->pub.emit_message = jpeg_note;
	g->progress.progress_monitor = jpeg_progress;
}

static void
png_fail(png_structp png, png_const_charp msg)
{
	char *dst = png_get_error_ptr(png);

	snprintf(dst, 128, "%s", msg);
	png_longjmp(png, 1);
}

static void
png_quiet(png_structp png, png_const_charp msg)
{
}

/* A libpng reader that keeps quiet and refuses oversized chunks. */
static png_structp
png_open(struct load_ctx *ctx, png_infop *pi)
{
	png_structp png;

	ctx->pngmsg[0] = '\0';
	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, ctx->pngmsg,
	    png_fail, png_quiet);
	if (png == NULL || (*pi = png_create_info_struct(png)) == NULL)
		fatal("out of memory");
	png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
	png_set_chunk_malloc_max(png, PNG_CHUNK_MAX);
	png_set_chunk_cache_max(png, 1000);
	png_init_io(png, ctx->f);
	return (png);
}

/*
 * Opens path and checks its first bytes.  Returns 0 (JPEG), 1 (PNG), or -1
 * with *cause; on success ctx->f is open and rewound.
 */
static int
open_photo(struct load_ctx *ctx, const char *path, char **cause)
{
	static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	unsigned char magic[8];
	struct stat st;
	size_t n;
	int fd;

	ctx->path = path;
	memset(ctx->info, 0, sizeof *ctx->info);
	ctx->info->orientation = 1;
	ctx->info->scale_num = ctx->info->scale_denom = 1;
	/*
	 * O_NONBLOCK: opening a FIFO or a device must not wait for a writer;
	 * fstat then refuses anything that is not a regular file before a
	 * byte is read.
	 */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		*cause = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		return (-1);
	}
	if (fs_regular_fd(fd, path, &st, cause) != 0) {
		close(fd);
		return (-1);
	}
	if ((ctx->f = fdopen(fd, "rb")) == NULL) {
		*cause = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		close(fd);
		return (-1);
	}
	ctx->iobuf = xmalloc(LOAD_BUFFER);
	setvbuf(ctx->f, (char *)ctx->iobuf, _IOFBF, LOAD_BUFFER);
	ctx->size = (size_t)st.st_size;
	if ((ctx->info->file_size = (long)st.st_size) == 0)
		*cause = xasprintf(_("%s is empty"), path);
	else {
		/* Trust the bytes, not the file name: a text file called photo.jpg is not a photo. */
		n = fread(magic, 1, sizeof magic, ctx->f);
		rewind(ctx->f);
		if (n >= 3 && magic[0] == 0xff && magic[1] == 0xd8 && magic[2] == 0xff)
			return (0);
		if (n == 8 && memcmp(magic, png_sig, 8) == 0)
			return (1);
		*cause = xasprintf(_("%s is neither a JPEG nor a PNG photo"), path);
	}
	close_photo(ctx);
	return (-1);
}

static void
close_photo(struct load_ctx *ctx)
{
	fclose(ctx->f);
	ctx->f = NULL;
	wipe_free(ctx->iobuf, LOAD_BUFFER);
	ctx->iobuf = NULL;
	if (ctx->data != NULL)
		wipe_free(ctx->data, ctx->size);
	ctx->data = NULL;
}

int
photo_probe(const char *path, struct photo_info *info, char **cause)
{
	struct load_ctx ctx;
	int kind, rc;

	memset(&ctx, 0, sizeof ctx);
	ctx.info = info;	/* no ctx.out: the loaders stop after the header */
	ctx.max_pixels = PHOTO_MAX_PIXELS;
	if ((kind = open_photo(&ctx, path, cause)) < 0)
		return (-1);
	rc = kind == 0 ? load_jpeg(&ctx, cause) : load_png(&ctx, cause);
	close_photo(&ctx);
	return (rc);
}

/* The EXIF orientation (1-8) in an "Exif\0\0" block, or 1. */
static int
exif_orientation(const uint8_t *data, size_t len)
{
	ExifData *ed;
	ExifEntry *e;
	int o = 1;

	if (len < 14 || len > 0xffff || (ed = exif_data_new_from_data(data, (unsigned)len)) == NULL)
		return (1);
	e = exif_content_get_entry(ed->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
	if (e != NULL && e->format == EXIF_FORMAT_SHORT && e->components >= 1 &&
	    e->size >= 2)
		o = exif_get_short(e->data, exif_data_get_byte_order(ed));
	exif_data_unref(ed);
	return (o >= 1 && o <= 8 ? o : 1);
}

static void
jpeg_read_exif(struct jpeg_decompress_struct *cinfo, struct photo_info *info)
{
	jpeg_saved_marker_ptr m;

	for (m = cinfo->marker_list; m != NULL; m = m->next) {
		if (m->marker != JPEG_APP0 + 1 || m->data_length < 6 ||
		    memcmp(m->data, "Exif\0\0", 6) != 0)
			continue;
		info->exif = 1;
		info->orientation = exif_orientation(m->data, m->data_length);
		return;
	}
}

static void
jpeg_note_header(struct jpeg_decompress_struct *cinfo, struct photo_info *info)
{
	info->format = PHOTO_JPEG;
	info->width = (int)cinfo->image_width;
	info->height = (int)cinfo->image_height;
	info->components = cinfo->num_components;
	info->bit_depth = cinfo->data_precision;
	info->progressive = cinfo->progressive_mode;
	info->arithmetic = cinfo->arith_code;
	if (cinfo->jpeg_color_space == JCS_CMYK)
		info->cmyk = 1;
	else if (cinfo->jpeg_color_space == JCS_YCCK)
		info->cmyk = 2;
	info->jfif = cinfo->saw_JFIF_marker;
	if (cinfo->saw_JFIF_marker) {
		info->density_unit = cinfo->density_unit;
		info->xdensity = cinfo->X_density;
		info->ydensity = cinfo->Y_density;
	}
	jpeg_read_exif(cinfo, info);
}

/* The smallest n in n/8 whose output still covers min_w x min_h (after orientation). */
static int
jpeg_pick_scale(const struct load_ctx *ctx, unsigned w, unsigned h)
{
	unsigned mw = (unsigned)ctx->min_w, mh = (unsigned)ctx->min_h, t;
	int n;

	if (ctx->info->orientation >= 5) {
		t = mw;
		mw = mh;
		mh = t;
	}
	if (mw == 0 && mh == 0)
		return (8);
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
jpeg_read_rows(struct load_ctx *ctx, struct jpeg_decompress_struct *cinfo)
{
	struct image *out = ctx->out;
	JSAMPROW rowp;
	uint8_t *dst;

	while (cinfo->output_scanline < cinfo->output_height) {
		dst = out->px + (size_t)cinfo->output_scanline * out->w * 3;
		rowp = ctx->row != NULL ? ctx->row : dst;
		if (jpeg_read_scanlines(cinfo, &rowp, 1) != 1)
			break;
		if (ctx->row != NULL)
			cmyk_to_rgb(ctx->row, dst, out->w, cinfo->saw_Adobe_marker);
		if (ctx->rows != NULL && (cinfo->output_scanline % ROWS_TOLD == 0 ||
		    cinfo->output_scanline == cinfo->output_height))
			ctx->rows(ctx->arg, out, ctx->info, (int)cinfo->output_scanline);
	}
}

static int
too_large(const struct load_ctx *ctx, long w, long h, char **cause)
{
	if (w <= 0 || h <= 0 || w > INT_MAX / 4 || h > INT_MAX / 4 ||
	    w * h > ctx->max_pixels) {
		*cause = xasprintf(_("%s is too large: %ldx%ld pixels (at most %ld "
		    "million pixels are read)"), ctx->path, w, h,
		    ctx->max_pixels / 1000000);
		return (1);
	}
	return (0);
}

/*
 * A JPEG to decode is read whole first: libjpeg-turbo's fast Huffman path
 * runs only with enough bytes in hand, which a 4 KB stdio source often has
 * not (8 % of a 12 MP decode).  A file too large for that is read as it goes.
 */
static void
jpeg_source(struct load_ctx *ctx, struct jpeg_decompress_struct *cinfo)
{
	if (ctx->out != NULL && ctx->data != NULL && ctx->len > 0) {
		jpeg_mem_src(cinfo, ctx->data, (unsigned long)ctx->len);
		return;
	}
	jpeg_stdio_src(cinfo, ctx->f);
}

static int
load_jpeg(struct load_ctx *ctx, char **cause)
{
	struct jpeg_decompress_struct cinfo;
	struct jpeg_guard g;
	int n;

	if (ctx->out != NULL && ctx->size <= JPEG_IN_MEMORY) {
		ctx->data = xmalloc(ctx->size > 0 ? ctx->size : 1);
		ctx->len = fread(ctx->data, 1, ctx->size, ctx->f);
	}
	jpeg_guard_init(&g, &cinfo);
	if (setjmp(g.jb)) {
		*cause = xasprintf(_("%s is not a readable JPEG photo (%s)"),
		    ctx->path, g.msg);
		jpeg_destroy_decompress(&cinfo);
		return (-1);
	}
	jpeg_create_decompress(&cinfo);
	cinfo.progress = &g.progress;
	/* Coefficient buffers of progressive files scale with the header. */
	cinfo.mem->max_memory_to_use = ctx->max_pixels * 8;
	jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xffff);
	jpeg_source(ctx, &cinfo);
	jpeg_read_header(&cinfo, TRUE);
	jpeg_note_header(&cinfo, ctx->info);
	if (ctx->out == NULL) {		/* photo_probe: the header is all */
		jpeg_destroy_decompress(&cinfo);
		return (0);
	}
	if (too_large(ctx, cinfo.image_width, cinfo.image_height, cause)) {
		jpeg_destroy_decompress(&cinfo);
		return (-1);
	}
	n = jpeg_pick_scale(ctx, cinfo.image_width, cinfo.image_height);
	cinfo.scale_num = (unsigned)n;
	cinfo.scale_denom = 8;
	ctx->info->scale_num = n;
	ctx->info->scale_denom = 8;
	cinfo.out_color_space = ctx->info->cmyk ? JCS_CMYK : JCS_RGB;
	cinfo.dct_method = JDCT_ISLOW;
	jpeg_start_decompress(&cinfo);
	image_alloc(ctx->out, (int)cinfo.output_width, (int)cinfo.output_height);
	if (ctx->info->cmyk) {
		ctx->rowsize = (size_t)cinfo.output_width * 4;
		ctx->row = xmalloc(ctx->rowsize);
	}
	jpeg_read_rows(ctx, &cinfo);
	if (g.truncated) {
		*cause = xasprintf(_("%s is cut short: the photo file is incomplete"),
		    ctx->path);
		jpeg_destroy_decompress(&cinfo);
		return (-1);
	}
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	return (0);
}

static void
png_note_header(png_structp png, png_infop pi, struct photo_info *info)
{
	png_uint_32 rx, ry, num;
	png_bytep exif;
	int unit, ct;

	ct = png_get_color_type(png, pi);
	info->format = PHOTO_PNG;
	info->width = (int)png_get_image_width(png, pi);
	info->height = (int)png_get_image_height(png, pi);
	info->components = (ct & PNG_COLOR_MASK_COLOR) ? 3 : 1;
	info->bit_depth = png_get_bit_depth(png, pi);
	info->palette = ct == PNG_COLOR_TYPE_PALETTE;
	info->alpha = (ct & PNG_COLOR_MASK_ALPHA) ||
	    png_get_valid(png, pi, PNG_INFO_tRNS);
	info->progressive = png_get_interlace_type(png, pi) != PNG_INTERLACE_NONE;
	if (png_get_pHYs(png, pi, &rx, &ry, &unit) && unit == PNG_RESOLUTION_METER &&
	    rx < 1000000 && ry < 1000000) {
		info->density_unit = 1;
		info->xdensity = (int)(rx * 0.0254 + 0.5);
		info->ydensity = (int)(ry * 0.0254 + 0.5);
	}
#ifdef PNG_eXIf_SUPPORTED
	if (png_get_eXIf_1(png, pi, &num, &exif) && num >= 8 && num < 0xfff0) {
		uint8_t *buf = xmalloc(num + 6);

		memcpy(buf, "Exif\0\0", 6);
		memcpy(buf + 6, exif, num);
		info->exif = 1;
		info->orientation = exif_orientation(buf, num + 6);
		free(buf);
	}
#endif
}

/* RGBA over white. */
static void
png_flatten(const uint8_t *src, uint8_t *dst, int w)
{
	int x, c, a;

	for (x = 0; x < w; x++, src += 4, dst += 3) {
		a = src[3];
		for (c = 0; c < 3; c++)
			dst[c] = (uint8_t)((src[c] * a + 255 * (255 - a) + 127) / 255);
	}
}

/* Interlaced files need every row kept across the passes; others one row. */
static void
png_copy_rows(struct load_ctx *ctx, png_structp png, int passes)
{
	struct image *out = ctx->out;
	size_t stride = (size_t)out->w * 4;
	int y, p;

	if (passes > 1) {
		ctx->rowsize = stride * out->h;
		ctx->row = xcalloc(out->h, stride);
		for (p = 0; p < passes; p++)
			for (y = 0; y < out->h; y++)
				png_read_row(png, ctx->row + stride * y, NULL);
		for (y = 0; y < out->h; y++)
			png_flatten(ctx->row + stride * y,
			    out->px + (size_t)y * out->w * 3, out->w);
		return;
	}
	ctx->rowsize = stride;
	ctx->row = xmalloc(stride);
	for (y = 0; y < out->h; y++) {
		png_read_row(png, ctx->row, NULL);
		png_flatten(ctx->row, out->px + (size_t)y * out->w * 3, out->w);
	}
}

static int
load_png(struct load_ctx *ctx, char **cause)
{
	png_structp png;
	png_infop pi = NULL;
	int passes;

	png = png_open(ctx, &pi);
	if (setjmp(png_jmpbuf(png))) {
		*cause = xasprintf(_("%s is not a readable PNG photo (%s)"),
		    ctx->path, ctx->pngmsg);
		png_destroy_read_struct(&png, &pi, NULL);
		return (-1);
	}
	png_read_info(png, pi);
	png_note_header(png, pi, ctx->info);
	if (ctx->out == NULL || too_large(ctx, ctx->info->width,
	    ctx->info->height, cause)) {
		png_destroy_read_struct(&png, &pi, NULL);
		return (ctx->out == NULL ? 0 : -1);	/* photo_probe: header only */
	}
	/* Whatever is stored, read 8-bit RGBA. */
	png_set_expand(png);
	png_set_scale_16(png);
	png_set_gray_to_rgb(png);
	png_set_add_alpha(png, 0xff, PNG_FILLER_AFTER);
	passes = png_set_interlace_handling(png);
	png_read_update_info(png, pi);
	image_alloc(ctx->out, ctx->info->width, ctx->info->height);
	png_copy_rows(ctx, png, passes);
	png_read_end(png, NULL);
	png_destroy_read_struct(&png, &pi, NULL);
	return (0);
}

int
photo_load(const char *path, const struct photo_load_opts *opts,
    struct image *out, struct photo_info *info, char **cause)
{
	struct load_ctx ctx;
	int kind, rc;

	memset(&ctx, 0, sizeof ctx);
	memset(out, 0, sizeof *out);
	ctx.out = out;
	ctx.info = info;
	ctx.max_pixels = opts != NULL && opts->max_pixels > 0 ?
	    opts->max_pixels : PHOTO_MAX_PIXELS;
	if (opts != NULL) {
		ctx.min_w = opts->min_w > 0 ? opts->min_w : 0;
		ctx.min_h = opts->min_h > 0 ? opts->min_h : 0;
		ctx.rows = opts->rows;
		ctx.arg = opts->arg;
	}
	if ((kind = open_photo(&ctx, path, cause)) < 0)
		return (-1);
	rc = kind == 0 ? load_jpeg(&ctx, cause) : load_png(&ctx, cause);
	if (ctx.rows != NULL)
		ctx.rows(ctx.arg, NULL, info, -1);
	close_photo(&ctx);
	if (ctx.row != NULL)
		wipe_free(ctx.row, ctx.rowsize);
	if (rc != 0) {
		image_free(out);
		return (-1);
	}
	image_orient(out, info->orientation);
	return (0);
}

int
photo_dpi(const struct photo_info *info)
{
	if (info->density_unit == 1)
		return (info->xdensity);
	if (info->density_unit == 2)
		return ((int)(info->xdensity * 2.54 + 0.5));
	return (0);
}
