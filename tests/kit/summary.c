/*
 * summary.c -- test helper: the texts a citizen takes away, for any region,
 * channel and card, in any language, without walking the wizard.
 *
 *   summary LANG REGION CHANNEL LOST [RECEIPT]   summary.txt as kit_save writes it
 *   summary steps LANG REGION CHANNEL LOST       the next steps, "label text" a line
 *   summary qr LANG REGION CHANNEL LOST [RECEIPT]  what the QR code holds, then its
 *                                                columns and lines; exit 1 if it
 *                                                does not fit the screen
 *   summary regions                              the region ids, one a line
 *
 * REGION is an index in the region table, CHANNEL 0 online, 1 bank, 2 centre;
 * LOST 1 when the card is lost; RECEIPT a photo studio's receipt number.
 */
#include "lib/system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "model/kit.h"
#include "model/application.h"
#include "model/nextsteps.h"
#include "model/qr.h"
#include "model/region.h"

static int
usage(void)
{
	fprintf(stderr, "usage: summary [steps | qr] LANG REGION CHANNEL LOST [RECEIPT]\n"
	    "       summary regions\n");
	return (2);
}

int
main(int argc, char **argv)
{
	struct application a;
	struct nextsteps ns;
	const struct region *r;
	struct qr q;
	int steps = 0, qr = 0, i, cols, rows, rc = 0;
	char *s, *what, *cause = NULL;

	if (argc == 2 && strcmp(argv[1], "regions") == 0) {
		for (i = 0; (r = region_at(i)) != NULL; i++)
			printf("%s\n", r->id);
		return (0);
	}
	if (argc > 1 && (strcmp(argv[1], "steps") == 0 || strcmp(argv[1], "qr") == 0)) {
		steps = argv[1][0] == 's';
		qr = argv[1][0] == 'q';
		argc--;
		argv++;
	}
	if (argc < 5 || argc > 6 || i18n_init(argv[1]) != 0)
		return (usage());
	application_init(&a);
	snprintf(a.lang, sizeof a.lang, "%s", argv[1]);
	a.region = atoi(argv[2]);
	a.channel = atoi(argv[3]);
	a.card_lost = atoi(argv[4]);
	if (region_at(a.region) == NULL || a.channel < 0 || a.channel >= CHANNEL_COUNT)
		return (usage());
	if (argc == 6)
		application_set(&a.photo_receipt, argv[5]);
	if (qr) {
		s = kit_qr_text(&a, &what);
		printf("%s\n", s);
		if (qr_encode(s, &q, &cause) != 0) {
			fprintf(stderr, "summary: %s\n", cause);
			free(cause);
			rc = 1;
		} else {
			qr_size(&q, 1, &cols, &rows);
			printf("%d %d\n", cols, rows);
			qr_free(&q);
		}
		free(s);
		free(what);
	} else if (steps) {
		nextsteps_build(&a, 0, 1, &ns);
		for (i = 0; i < ns.n; i++)
			printf("%s %s\n", ns.v[i].label, ns.v[i].text);
		nextsteps_free(&ns);
	} else {
		s = kit_summary(&a, 0);
		fputs(s, stdout);
		free(s);
	}
	application_clear(&a);
	return (rc);
}
