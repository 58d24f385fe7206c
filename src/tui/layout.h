/* layout.h -- where a screen's photos go: boxes that grow with the window. */
#ifndef SSCARD_LAYOUT_H
#define SSCARD_LAYOUT_H

struct ui;
struct image;

#define LAYOUT_MAX_PHOTOS	2
/* The text beside the photos keeps at least this many columns. */
#define LAYOUT_TEXT_MIN		40

struct layout_box {
	int	y, x, rows, cols;
};

struct layout {
	struct layout_box	text;	/* the screen's own text, left of the photos */
	struct layout_box	label[LAYOUT_MAX_PHOTOS];	/* a row above each photo */
	struct layout_box	photo[LAYOUT_MAX_PHOTOS];
	int			nphotos;
};

/*
 * Splits the body of the screen: text on the left, at least text_min columns
 * (0: no text, the photos take the whole width), n photos side by side on
 * the right (each under a label row when labels is 1), every photo box as
 * large as the body's height and the text's minimum width allow, at the
 * shape of the tallest of the n images at imgs (NULL, or none loaded: a 3:4
 * portrait) in the terminal's cells.  The text box ends on the body's last
 * row; photo boxes end a row above it.
 */
void	layout_photos(const struct ui *, int, int, const struct image *, int,
	    struct layout *);

#endif
