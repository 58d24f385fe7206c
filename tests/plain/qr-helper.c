/*
 * qr-helper.c -- for tests/plain/qr-decodes.sh: draws a code with the engine, and turns
 * a drawing read back from a screen (half blocks or "##") into a PBM image.
 *
 *   qr-helper render TEXT [ascii]   the engine's drawing of TEXT on stdout
 *   qr-helper pbm < DRAWING         the drawing as a PBM, 8 pixels a module
 */
#include "lib/system.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/qr.h"
#include "lib/xmalloc.h"

#define SCALE	8
#define MAXSIDE	200

static unsigned char	px[MAXSIDE][MAXSIDE];

/* Modules of one screen line: a cell is two modules high, or "##" one module wide. */
static int
line_modules(const char *s, int y, int *w)
{
	int x = 0, ascii = strchr(s, '#') != NULL;

	while (*s != '\0' && *s != '\n' && x < MAXSIDE) {
		if (ascii) {
			px[y][x++] = *s == '#';
			s += s[1] != '\0' && s[1] != '\n' ? 2 : 1;
		} else if (strncmp(s, "\u2588", 3) == 0) {
			px[y][x] = px[y + 1][x] = 1, x++, s += 3;
		} else if (strncmp(s, "\u2580", 3) == 0) {
			px[y][x++] = 1, s += 3;
		} else if (strncmp(s, "\u2584", 3) == 0) {
			px[y + 1][x++] = 1, s += 3;
		} else
			x++, s++;
	}
	if (x > *w)
		*w = x;
	return (ascii ? 1 : 2);
}

static int
to_pbm(void)
{
	char line[4096];
	int y = 0, w = 0, i, j;

	while (y < MAXSIDE - 2 && fgets(line, sizeof line, stdin) != NULL)
		y += line_modules(line, y, &w);
	printf("P1\n%d %d\n", w * SCALE, y * SCALE);
	for (i = 0; i < y * SCALE; i++) {
		for (j = 0; j < w * SCALE; j++)
			putchar(px[i / SCALE][j / SCALE] ? '1' : '0');
		putchar('\n');
	}
	return (0);
}

int
main(int argc, char **argv)
{
	struct qr q;
	char *cause = NULL, *s;

	setlocale(LC_ALL, "C.UTF-8");
	if (argc == 2 && strcmp(argv[1], "pbm") == 0)
		return (to_pbm());
	if (argc < 3 || strcmp(argv[1], "render") != 0) {
		fprintf(stderr, "usage: qr-helper render TEXT [ascii] | qr-helper pbm\n");
		return (2);
	}
	if (qr_encode(argv[2], &q, &cause) != 0) {
		fprintf(stderr, "qr-helper: %s\n", cause);
		return (1);
	}
	s = qr_render(&q, argc < 4);
	fputs(s, stdout);
	free(s);
	qr_free(&q);
	return (0);
}
