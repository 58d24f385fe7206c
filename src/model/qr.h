/* qr.h -- a QR code of a short text, drawn with text so that a helper's phone can scan it. */
#ifndef SSCARD_QR_H
#define SSCARD_QR_H

#include <stdio.h>

struct qr {
	int		 width;		/* modules per side, without the quiet zone */
	int		 quiet;		/* the quiet zone drawn around it, modules */
	unsigned char	*dark;		/* width * width: 1 a dark module */
};

/*
 * The quiet zone around the code, in modules: 4 (ISO/IEC 18004), or 2 for
 * the largest version, whose 4 would not fit 24 lines; on a screen the
 * blank cells around the code add to it.
 */
#define QR_QUIET	4
#define QR_QUIET_MIN	2
/*
 * The largest version drawn: 41 modules and a quiet zone of 2 are 45
 * columns by 23 lines in half blocks, which the last step's QR view fits
 * into 80x24 with 33 columns of text beside it and the key line below
 * (106 bytes at level M, 134 at L).  Versions up to 5 keep a quiet zone of 4
 * in the same room.
 */
#define QR_MAX_VERSION	6
#define QR_MAX_SIDE	45

/*
 * Encodes text (error correction M, else L where only L fits; version 1 to
 * QR_MAX_VERSION).  Returns 0 with q filled (free with qr_free), or -1 with
 * *cause (too long to fit the screen); caller frees.
 */
int	qr_encode(const char *, struct qr *, char **);
void	qr_free(struct qr *);
/*
 * The code as lines of text, quiet zone included: with unicode, two modules
 * a cell with the half blocks ▀ ▄ █ (a dark module is ink: right on paper
 * and light terminals); without, "##" for a dark module and a line per row
 * of modules.  Caller frees.
 */
char	*qr_render(const struct qr *, int);
/* Columns and lines qr_render(q, unicode) takes. */
void	qr_size(const struct qr *, int, int *, int *);

#endif
