/* facts.c -- test helper: every fact of the region table, per language, one a line. */
#include "lib/system.h"

#include <stdio.h>
#include <stdlib.h>

#include "lib/i18n.h"
#include "model/application.h"
#include "model/region.h"

/*
 * facts LANG: lines "REGION CHANNEL FACT" for every region and channel, the
 * four topics and the region's notes for that channel, as the channel
 * screen shows them.
 */
int
main(int argc, char **argv)
{
	static const enum region_topic topics[] = {
		TOPIC_WHERE, TOPIC_FEE, TOPIC_TIME, TOPIC_RECEIVE
	};
	const struct region *r;
	char *s;
	size_t t;
	int i, c;

	if (argc != 2 || i18n_init(argv[1]) != 0) {
		fprintf(stderr, "usage: facts LANG\n");
		return (2);
	}
	for (i = 0; (r = region_at(i)) != NULL; i++)
		for (c = 0; c < CHANNEL_COUNT; c++) {
			for (t = 0; t < nitems(topics); t++) {
				s = region_describe(i, c, topics[t]);
				printf("%d\t%d\t%s\n", i, c, s);
				free(s);
			}
			for (t = 0; region_note(i, c, (int)t) != NULL; t++)
				printf("%d\t%d\t%s\n", i, c, region_note(i, c, (int)t));
		}
	return (0);
}
