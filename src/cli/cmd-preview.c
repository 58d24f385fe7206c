/* cmd-preview.c -- `sscard preview`: the wizard's photo preview on standard output. */
#include "lib/system.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/cmd-preview.h"
#include "lib/config.h"
#include "lib/exitcode.h"
#include "tui/graphics.h"
#include "lib/xmalloc.h"

static int	parse_cells(const char *, int *, int *);
static void	default_cells(int *, int *);
static int	show(const struct term_caps *, const struct image *, int, int,
		    char **);

/* "COLSxROWS", each 1..1000. */
static int
parse_cells(const char *s, int *cols, int *rows)
{
	char *end;
	long c, r;

	c = strtol(s, &end, 10);
	if (end == s || (*end != 'x' && *end != 'X'))
		return (-1);
	s = end + 1;
	r = strtol(s, &end, 10);
	if (end == s || *end != '\0' || c < 1 || c > 1000 || r < 1 || r > 1000)
		return (-1);
	*cols = (int)c;
	*rows = (int)r;
	return (0);
}

/* The whole terminal but its last row, or 80x24 when output is not one. */
static void
default_cells(int *cols, int *rows)
{
	struct winsize ws;

	*cols = 80;
	*rows = 23;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 &&
	    ws.ws_row > 1) {
		*cols = ws.ws_col;
		*rows = ws.ws_row - 1;
	}
}

static int
show(const struct term_caps *caps, const struct image *img, int rows, int cols,
    char **cause)
{
	struct image s = { 0, 0, NULL };
	char *out;
	size_t len;
	int w, h, rc = 0;

	if (caps->mode == GRAPHICS_NONE) {
		printf(_("[photo %dx%d: this terminal cannot show pictures]\n"),
		    img->w, img->h);
		return (0);
	}
	graphics_target(caps, caps->mode, img->w, img->h, rows, cols, &w, &h);
	image_resize(img, w, h, &s);
	if (caps->mode == GRAPHICS_SIXEL)
		rc = graphics_sixel(&s, caps->registers, &out, &len, cause);
	else
		out = graphics_text(&s, caps->mode, caps, &len);
	if (rc == 0) {
		fwrite(out, 1, len, stdout);
		wipe_free(out, len);
	}
	image_free(&s);
	return (rc);
}

int
cmd_preview(int argc, char **argv, struct config *cfg)
{
	static const struct option longopts[] = {
		{ "graphics", required_argument, NULL, 'g' },
		{ "cells", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	const char *want = config_str(cfg, "sscard", "graphics", NULL);
	struct term_caps caps;
	struct image img = { 0, 0, NULL };
	char *cause = NULL;
	int ch, cols = 0, rows = 0, rc;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch == 'g')
			want = optarg;
		else if (ch != 'c' || parse_cells(optarg, &cols, &rows) != 0) {
			if (ch == 'c')
				fprintf(stderr, _("%s: --cells wants COLSxROWS, "
				    "like 40x20, not '%s'\n"), PACKAGE, optarg);
			fprintf(stderr, _("Usage: %s preview [--graphics=MODE] "
			    "[--cells COLSxROWS] PHOTO\n"), PACKAGE);
			return (EXIT_USAGE);
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, _("Usage: %s preview [--graphics=MODE] "
		    "[--cells COLSxROWS] PHOTO\n"), PACKAGE);
		return (EXIT_USAGE);
	}
	if (term_detect(want, 1, &caps, &cause) != 0 ||
	    term_set_background(&caps, config_str(cfg, "sscard", "background",
	    NULL), &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		return (EXIT_USAGE);
	}
	if (cols == 0)
		default_cells(&cols, &rows);
	rc = graphics_load(&caps, caps.mode, argv[optind], rows, cols, &img,
	    &cause);
	if (rc == 0)
		rc = show(&caps, &img, rows, cols, &cause);
	image_free(&img);
	if (rc != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		free(cause);
		return (EXIT_FAILED);
	}
	return (EXIT_FINISHED);
}
