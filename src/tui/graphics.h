/* graphics.h -- photos on the terminal: sixel, half blocks, ASCII or a line of text. */
#ifndef SSCARD_GRAPHICS_H
#define SSCARD_GRAPHICS_H

#include <stddef.h>
#include <stdint.h>

#include "photo/load.h"
#include "tui/term-detect.h"

struct ui;

#define GRAPHICS_MAX_BOXES	4	/* images on one screen */
#define GRAPHICS_CACHE		6	/* scaled images and sixels kept */
/* libsixel computes sizes in int: stay far below its limits. */
#define GRAPHICS_MAX_PX		2000
/* Sixel previews are decoded at least this high: a box in 60 rows of 20 pixels. */
#define GRAPHICS_LOAD_MIN	1200

/* A source image scaled for one box, and its sixel once encoded. */
struct graphics_cached {
	const uint8_t		*src_px;	/* which source: address, size, sample */
	int			 src_w, src_h;
	uint32_t		 src_sum;
	int			 rows, cols;	/* the box it was scaled for */
	struct image		 scaled;
	char			*sixel;
	size_t			 sixel_len;
	unsigned long		 used;
};

/* Where an image sits on the screen, in cells. */
struct graphics_box {
	int	y, x, rows, cols;
	int	entry;		/* index in cache */
};

struct graphics {
	struct term_caps	 caps;
	enum graphics_mode	 mode;
	int			 fd;		/* the terminal, for sixels; -1 none */
	int			 screen_rows, screen_cols;
	struct graphics_box	 placed[GRAPHICS_MAX_BOXES];	/* this frame */
	int			 nplaced;
	struct graphics_box	 shown[GRAPHICS_MAX_BOXES];	/* on the terminal */
	int			 nshown;
	struct graphics_cached	 cache[GRAPHICS_CACHE];
	unsigned long		 tick;
};

/*
 * Detects the terminal (see term_detect) before curses starts.  want is the
 * mode asked for by --graphics or the configuration, NULL for auto.  Returns
 * 0, or -1 with *cause; caller frees.
 */
int	graphics_open(struct graphics *, const char *, int, char **);
/* Once curses runs: what it can draw, and the terminal's fd for sixels. */
void	graphics_start(struct graphics *, int);
/* Wipes and frees every cached image. */
void	graphics_close(struct graphics *);

/* Before a frame is drawn: no image is placed yet. */
void	graphics_begin(struct graphics *);
/*
 * Shows img in the box of rows x cols cells at y,x, at its aspect ratio.
 * Half blocks, ASCII and text are drawn now through curses; a sixel box is
 * kept blank (with an invisible "[photo WxH]" under the image) and the image
 * is sent by graphics_refresh.  Sixels and half blocks get a thin grey
 * frame.  Screens call this from draw.
 */
void	graphics_place(struct ui *, int, int, int, int, const struct image *);
/* An overlay covers the screen: this frame shows no sixel. */
void	graphics_hide(struct graphics *);
/* An overlay covers rows x cols at y,x: the images under it are not shown. */
void	graphics_cover(struct graphics *, int, int, int, int);
/*
 * Instead of refresh(): wipes sixels that are gone, refreshes, then sends the
 * sixels that are new or were wiped by a repaint, and leaves the cursor where
 * curses put it.
 */
void	graphics_refresh(struct graphics *);
/* " graphics=MODE box=y,x,rows,cols..." for snapshots, "" when no image shows. */
void	graphics_describe(const struct graphics *, char *, size_t);

/*
 * Fits a w x h image into max_w x max_h output pixels, each px_w:px_h in
 * shape, never enlarging when no_upscale.  Sets *out_w, *out_h (at least 1).
 */
void	graphics_fit(int, int, int, int, int, int, int, int *, int *);
/*
 * Encodes img as a sixel sequence with at most ncolours colour registers
 * (the terminal's; 0 or more than PALETTE_MAX: PALETTE_MAX).
 * Returns 0 with *out (caller frees with wipe_free) and *len,
 * or -1 with *cause; caller frees.
 */
int	graphics_sixel(const struct image *, int, char **, size_t *, char **);
/*
 * The preview of an image already scaled for mode (half blocks: one column
 * and two rows per cell; ASCII: one pixel per cell) as text with escape
 * sequences for the terminal's colours (8, 256 or 16777216), ASCII ink
 * for its background.  Returns an allocated string; caller frees with free.
 */
char	*graphics_text(const struct image *, enum graphics_mode,
	    const struct term_caps *, size_t *);
/* The size to scale a w x h image to for a box of rows x cols in mode. */
void	graphics_target(const struct term_caps *, enum graphics_mode, int, int,
	    int, int, int *, int *);

/*
 * Loads the photo at path, decoding no more pixels than a box of rows x
 * cols cells can show in mode.  Returns 0 (free out with image_free), or -1
 * with *cause naming the file; caller frees.
 */
int	graphics_load(const struct term_caps *, enum graphics_mode, const char *,
	    int, int, struct image *, char **);

struct config;

#endif
