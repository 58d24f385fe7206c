/* queue-helper.c -- queues N made-up applications straight into an outbox (tests, benchmark). */
#include "lib/system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/fsutil.h"
#include "model/idnum.h"
#include "model/application.h"
#include "net/outbox.h"
#include "lib/xmalloc.h"

int
main(int argc, char **argv)
{
	struct application a;
	struct outbox ob;
	char id[19] = "11010519491231002", *out = NULL, *cause = NULL;
	long i, n;

	if (argc != 4 || (n = strtol(argv[3], NULL, 10)) < 1) {
		fprintf(stderr, "usage: queue-helper OUTBOX PHOTO N\n");
		return (2);
	}
	id[17] = idnum_check_char(id);
	id[18] = '\0';
	ob.dir = argv[1];
	ob.keep_sent_days = 0;
	if (fs_mkdir_private(ob.dir, 1, &cause) != 0)
		goto fail;
	application_init(&a);
	a.channel = CHANNEL_ONLINE;
	application_set(&a.name, "王小明");
	application_set(&a.id_number, id);
	application_set(&a.phone, "13800138000");
	application_set(&a.photo_path, argv[2]);
	snprintf(a.lang, sizeof a.lang, "en");
	for (i = 0; i < n; i++) {
		if (outbox_queue(&ob, &a, &out, &cause) != 0)
			goto fail;
		printf("%s\n", out);
		free(out);
	}
	application_clear(&a);
	return (0);
fail:
	fprintf(stderr, "queue-helper: %s\n", cause);
	free(cause);
	return (1);
}
