/* qr.c -- a QR code (libqrencode) of a short text, as half blocks or "##" text. */
#include "lib/system.h"

#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "model/qr.h"
#include "lib/xmalloc.h"

static int	dark_at(const struct qr *, int, int);

/*
 * text at level: plain ASCII in the modes that make the smallest code;
 * anything else as 8-bit bytes headed by the ECI designator of UTF-8 (26),
 * so that a phone reads Chinese as UTF-8 rather than guessing Shift JIS.
 */
static QRcode *
encode_at(const char *text, QRecLevel level)
{
	QRinput *in;
	QRcode *c = NULL;
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p != '\0' && *p < 0x80; p++)
		;
	if (*p == '\0')
		return (QRcode_encodeString(text, 0, level, QR_MODE_8, 1));
	if ((in = QRinput_new2(0, level)) == NULL)
		return (NULL);
	if (QRinput_appendECIheader(in, 26) == 0 && QRinput_append(in, QR_MODE_8,
	    (int)strlen(text), (const unsigned char *)text) == 0)
		c = QRcode_encodeInput(in);
	QRinput_free(in);
	return (c);
}

int
qr_encode(const char *text, struct qr *q, char **cause)
{
	QRcode *c;
	int i;

	memset(q, 0, sizeof q[0]);
	/* Error correction M where it fits, else L: a screen is clean, but M is kinder to a shaky phone. */
	c = encode_at(text, QR_ECLEVEL_M);
	if (c != NULL && c->version > QR_MAX_VERSION) {
		QRcode_free(c);
		c = encode_at(text, QR_ECLEVEL_L);
	}
	if (c == NULL || c->version > QR_MAX_VERSION) {
		*cause = xstrdup(_("The text is too long for a QR code that fits "
		    "the screen."));
		if (c != NULL)
			QRcode_free(c);
		return (-1);
	}
	q->width = c->width;
	q->quiet = c->width + 2 * QR_QUIET <= QR_MAX_SIDE ? QR_QUIET : QR_QUIET_MIN;
	q->dark = xmalloc((size_t)c->width * (size_t)c->width);
	for (i = 0; i < c->width * c->width; i++)
		q->dark[i] = c->data[i] & 1;	/* bit 0: a dark module */
	QRcode_free(c);
	return (0);
}

void
qr_free(struct qr *q)
{
	free(q->dark);
	memset(q, 0, sizeof q[0]);
}

/* The module at (x, y) counted from the quiet zone's corner; outside the code: light. */
static int
dark_at(const struct qr *q, int x, int y)
{
	x -= q->quiet;
	y -= q->quiet;
	if (x < 0 || y < 0 || x >= q->width || y >= q->width)
		return (0);
	return (q->dark[y * q->width + x]);
}

void
qr_size(const struct qr *q, int unicode, int *cols, int *rows)
{
	int side = q->width + 2 * q->quiet;

	*cols = unicode ? side : 2 * side;
	*rows = unicode ? (side + 1) / 2 : side;
}

char *
qr_render(const struct qr *q, int unicode)
{
	static const char *const half[4] = { " ", "\u2584", "\u2580", "\u2588" };
	int side = q->width + 2 * q->quiet, x, y, cols, rows;
	char *out, *o;

	qr_size(q, unicode, &cols, &rows);
	out = o = xmalloc((size_t)rows * ((size_t)cols * 3 + 1) + 1);
	for (y = 0; y < side; y += unicode ? 2 : 1) {
		for (x = 0; x < side; x++) {
			if (unicode) {
				/* Two modules a cell: the top one is the upper half. */
				const char *g = half[dark_at(q, x, y) * 2 +
				    dark_at(q, x, y + 1)];

				memcpy(o, g, strlen(g));
				o += strlen(g);
			} else {
				memcpy(o, dark_at(q, x, y) ? "##" : "  ", 2);
				o += 2;
			}
		}
		*o++ = '\n';
	}
	*o = '\0';
	return (out);
}
