/* term-detect.h -- what the terminal can show: sixel, colours, cell size. */
#ifndef SSCARD_TERM_DETECT_H
#define SSCARD_TERM_DETECT_H

#include <stddef.h>
#include <stdio.h>

enum graphics_mode {
	GRAPHICS_NONE,		/* a line of text says a photo is there */
	GRAPHICS_ASCII,		/* a luminance ramp of ASCII characters */
	GRAPHICS_BLOCKS,	/* "▀" half blocks in colour, through curses */
	GRAPHICS_SIXEL,		/* DEC sixel graphics */
	GRAPHICS_AUTO		/* only as a request: detect */
};

/* What is behind the text: the ASCII preview draws ink of the other kind. */
enum term_background {
	TERM_BG_UNKNOWN,	/* taken as light: most terminals start black on white */
	TERM_BG_LIGHT,
	TERM_BG_DARK
};

/* How long the terminal has to answer, in milliseconds. */
#define TERM_QUERY_MS	250

struct term_caps {
	enum graphics_mode	 mode;
	int			 queried;	/* 1: the terminal was asked */
	int			 answered;	/* 1: DA1's reply came in time */
	int			 sixel;		/* DA1 lists attribute 4 */
	int			 registers;	/* sixel colour registers; 0 unknown */
	int			 max_w, max_h;	/* largest sixel image; 0 unknown */
	int			 area_w, area_h; /* text area in pixels (CSI 14 t) */
	int			 text_rows, text_cols; /* text area in cells (CSI 18 t) */
	int			 cell_w, cell_h; /* one cell in pixels; never 0 after detection */
	int			 colours;	/* 8, 256 or 16777216 */
	enum term_background	 background;	/* OSC 11, or known of the terminal */
};

/* "auto", "sixel", "blocks", "ascii", "none": 0 and *mode, or -1. */
int		 term_mode_parse(const char *, enum graphics_mode *);
const char	*term_mode_name(enum graphics_mode);

/*
 * Decides how photos are shown.  want is a mode name or NULL for "auto";
 * may_query is 0 when the terminal must not be asked (replays).  Asks the
 * terminal only on a foreground terminal that is not TERM=dumb, before curses
 * owns it, and never waits longer than TERM_QUERY_MS.  Returns 0, or -1 with
 * *cause for an unknown mode name; caller frees.
 */
int	term_detect(const char *, int, struct term_caps *, char **);

/*
 * The configuration's "background": "dark", "light", or NULL or "auto" for
 * what the terminal said.  Returns 0, or -1 with *cause; caller frees.
 */
int	term_set_background(struct term_caps *, const char *, char **);

/*
 * The cell size in pixels for the terminal on fd: its window size in
 * pixels if it gives one, else the replies in caps (CSI 16 t, CSI 14 t,
 * XTSMGRAPHICS' geometry, over the cells of CSI 18 t or the window),
 * else 10x20.  Also drops a sixel size limit that is only the window's.
 */
void	term_cell_size(int, struct term_caps *);

/*
 * Sends the queries on out, reads replies from in (a terminal) until DA1's
 * reply or timeout_ms, then discards unread input and restores the terminal
 * mode.  Fills what the replies say into caps.
 */
void	term_query(int, int, int, struct term_caps *);
/* Reads the replies in buf (CSI ... c, S or t; OSC 11) into caps. */
void	term_parse(const unsigned char *, size_t, struct term_caps *);

/*
 * After an ESC read by curses: 1 if what follows was a terminal's late reply
 * to term_query (now consumed), 0 if not (the keys are put back).  Only acts
 * when the query timed out, since only then can replies arrive late.
 */
int	term_drop_late_reply(void);

#endif
