/* photo-load.c -- read photos with libjpeg-turbo and libpng; never print, never crash. */
#include "system.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <jpeglib.h>

#include "photo.h"
#include "xmalloc.h"

struct jpeg_guard {
	struct jpeg_error_mgr	pub;
	jmp_buf			jb;
	char			msg[JMSG_LENGTH_MAX];
};

static void	jpeg_fail(j_common_ptr);
static void	jpeg_quiet(j_common_ptr);
static void	png_fail(png_structp, png_const_charp);
static void	png_quiet(png_structp, png_const_charp);
static int	probe_jpeg(FILE *, const char *, struct photo_info *, char **);
static int	probe_png(FILE *, const char *, struct photo_info *, char **);

/* libjpeg's errors long-jump back here with the message kept, never printed. */
static void
jpeg_fail(j_common_ptr cinfo)
{
	struct jpeg_guard *g = (struct jpeg_guard *)cinfo->err;

	(*cinfo->err->format_message)(cinfo, g->msg);
	longjmp(g->jb, 1);
}

/* libjpeg's warnings must never reach the terminal curses owns. */
static void
jpeg_quiet(j_common_ptr cinfo)
{
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

static int
probe_jpeg(FILE *f, const char *path, struct photo_info *info, char **cause)
{
	struct jpeg_decompress_struct cinfo;
	struct jpeg_guard g;

	memset(&g, 0, sizeof g);
	cinfo.err = jpeg_std_error(&g.pub);
	g.pub.error_exit = jpeg_fail;
	g.pub.output_message = jpeg_quiet;
	if (setjmp(g.jb)) {
		*cause = xasprintf(_("%s is not a readable JPEG photo (%s)"), path, g.msg);
		jpeg_destroy_decompress(&cinfo);
		return (-1);
	}
	jpeg_create_decompress(&cinfo);
	jpeg_stdio_src(&cinfo, f);
	jpeg_read_header(&cinfo, TRUE);
	info->format = PHOTO_JPEG;
	info->width = (int)cinfo.image_width;
	info->height = (int)cinfo.image_height;
	info->components = cinfo.num_components;
	jpeg_destroy_decompress(&cinfo);
	return (0);
}

static int
probe_png(FILE *f, const char *path, struct photo_info *info, char **cause)
{
	png_structp png;
	png_infop pi = NULL;
	char msg[128] = "";
	png_byte ct;

	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, msg, png_fail, png_quiet);
	if (png == NULL || (pi = png_create_info_struct(png)) == NULL)
		fatal("out of memory");
	if (setjmp(png_jmpbuf(png))) {
		*cause = xasprintf(_("%s is not a readable PNG photo (%s)"), path, msg);
		png_destroy_read_struct(&png, &pi, NULL);
		return (-1);
	}
	png_init_io(png, f);
	png_read_info(png, pi);
	info->format = PHOTO_PNG;
	info->width = (int)png_get_image_width(png, pi);
	info->height = (int)png_get_image_height(png, pi);
	ct = png_get_color_type(png, pi);
	info->components = (ct & PNG_COLOR_MASK_COLOR) ? 3 : 1;
	png_destroy_read_struct(&png, &pi, NULL);
	return (0);
}

int
photo_probe(const char *path, struct photo_info *info, char **cause)
{
	static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	unsigned char magic[8];
	struct stat st;
	FILE *f;
	int rc;

	memset(info, 0, sizeof *info);
	if ((f = fopen(path, "rb")) == NULL) {
		*cause = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		return (-1);
	}
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		*cause = xasprintf(_("%s is not a file"), path);
		fclose(f);
		return (-1);
	}
	info->file_size = (long)st.st_size;
	if (st.st_size == 0) {
		*cause = xasprintf(_("%s is empty"), path);
		fclose(f);
		return (-1);
	}
	/* Trust the bytes, not the file name: a text file called photo.jpg is not a photo. */
	if (fread(magic, 1, sizeof magic, f) < 3) {
		*cause = xasprintf(_("%s is neither a JPEG nor a PNG photo"), path);
		fclose(f);
		return (-1);
	}
	rewind(f);
	if (magic[0] == 0xff && magic[1] == 0xd8 && magic[2] == 0xff)
		rc = probe_jpeg(f, path, info, cause);
	else if (st.st_size >= 8 && memcmp(magic, png_sig, 8) == 0)
		rc = probe_png(f, path, info, cause);
	else {
		*cause = xasprintf(_("%s is neither a JPEG nor a PNG photo"), path);
		rc = -1;
	}
	fclose(f);
	return (rc);
}
