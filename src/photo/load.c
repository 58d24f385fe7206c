/* load.c -- read photos, JPEG through photo/jpeg.h and PNG with libpng; never print, never crash. */
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

#include <libexif/exif-data.h>

#include "lib/fsutil.h"
#include "lib/xmalloc.h"
#include "photo/jpeg.h"
#include "photo/load.h"

/* Bytes read from the photo file at a time (stdio's 4 KB made a 3 MB photo 700 reads). */
#define LOAD_BUFFER	(64 * 1024)
/*
 * JPEG files up to this size are decoded from memory (see source_jpeg): a
 * phone's 12 MP photo is 3 to 8 MB.  Larger ones are read as they go, so
 * that no more than this is held before the header is checked.
 */
#define JPEG_IN_MEMORY	(32L * 1024 * 1024)
/* Ancillary PNG chunks (text, ICC) larger than this are refused. */
#define PNG_CHUNK_MAX	(4L * 1024 * 1024)

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
	uint8_t			*row;	/* scratch rows (RGBA) */
	size_t			 rowsize;
	void			(*rows)(void *, const struct image *,
				    const struct photo_info *, int);
	void			*arg;
	char			 pngmsg[128];
};

static void	png_fail(png_structp, png_const_charp);
static void	png_quiet(png_structp, png_const_charp);
static png_structp png_open(struct load_ctx *, png_infop *);
static int	open_photo(struct load_ctx *, const char *, char **);
static void	close_photo(struct load_ctx *);
static int	exif_orientation(const uint8_t *, size_t);
static void	note_jpeg(const struct jpeg_header *, struct photo_info *);
static void	source_jpeg(struct load_ctx *, struct jpeg_source *);
static void	tell_rows(void *, const struct image *, int);
static int	load_jpeg(struct load_ctx *, char **);
static void	png_note_header(png_structp, png_infop, struct photo_info *);
static void	png_flatten(const uint8_t *, uint8_t *, int);
static void	png_copy_rows(struct load_ctx *, png_structp, int);
static int	load_png(struct load_ctx *, char **);
static int	too_large(const struct load_ctx *, long, long, char **);

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
note_jpeg(const struct jpeg_header *h, struct photo_info *info)
{
	info->format = PHOTO_JPEG;
	info->width = h->width;
	info->height = h->height;
	info->components = h->components;
	info->bit_depth = h->precision;
	info->progressive = h->progressive;
	info->arithmetic = h->arithmetic;
	info->cmyk = h->cmyk;
	info->jfif = h->jfif;
	info->density_unit = h->density_unit;
	info->xdensity = h->xdensity;
	info->ydensity = h->ydensity;
	if (h->exif != NULL) {
		info->exif = 1;
		info->orientation = exif_orientation(h->exif, h->exif_len);
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
source_jpeg(struct load_ctx *ctx, struct jpeg_source *src)
{
	memset(src, 0, sizeof *src);
	src->name = ctx->path;
	/* Coefficient buffers of progressive files scale with the header. */
	src->max_memory = ctx->max_pixels * 8;
	if (ctx->out != NULL && ctx->size <= JPEG_IN_MEMORY) {
		ctx->data = xmalloc(ctx->size > 0 ? ctx->size : 1);
		ctx->len = fread(ctx->data, 1, ctx->size, ctx->f);
	}
	if (ctx->data != NULL && ctx->len > 0) {
		src->data = ctx->data;
		src->len = ctx->len;
	} else
		src->f = ctx->f;
}

/* The wrapper's rows, told on with the photo's info. */
static void
tell_rows(void *arg, const struct image *im, int n)
{
	struct load_ctx *ctx = arg;

	ctx->rows(ctx->arg, im, ctx->info, n);
}

static int
load_jpeg(struct load_ctx *ctx, char **cause)
{
	struct jpeg_source src;
	struct jpeg_header h;
	struct jpeg_read_opts o;
	struct jpeg_reader *r;
	int rc;

	source_jpeg(ctx, &src);
	if ((r = jpeg_open(&src, &h, cause)) == NULL)
		return (-1);
	note_jpeg(&h, ctx->info);
	/* photo_probe: the header is all. */
	if (ctx->out == NULL || too_large(ctx, h.width, h.height, cause)) {
		jpeg_close(r);
		return (ctx->out == NULL ? 0 : -1);
	}
	memset(&o, 0, sizeof o);
	/* The size asked for is after orientation; the decoder's, as stored. */
	o.min_w = ctx->info->orientation >= 5 ? ctx->min_h : ctx->min_w;
	o.min_h = ctx->info->orientation >= 5 ? ctx->min_w : ctx->min_h;
	if (ctx->rows != NULL) {
		o.rows = tell_rows;
		o.arg = ctx;
	}
	rc = jpeg_read(r, &o, ctx->out, &ctx->info->scale_num, cause);
	ctx->info->scale_denom = 8;
	jpeg_close(r);
	return (rc);
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
