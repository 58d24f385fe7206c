/* input.c -- where keys come from besides the keyboard: a key script; and --record. */
#include "lib/system.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keys/input.h"
#include "lib/signals.h"
#include "lib/xmalloc.h"

static void	record_abandon(void *, int);

int
input_open(struct input *in, const char *script, char **cause)
{
	memset(in, 0, sizeof *in);
	if (script == NULL)
		return (0);
	in->replay = 1;
	return (keyscript_load(script, &in->script, cause));
}

/* Records into a 0600 temp file beside path; input_close renames it into place. */
int
input_record(struct input *in, const char *path, char **cause)
{
	int fd;

	in->record_tmp = xasprintf("%s.XXXXXX", path);
	if ((fd = mkostemp(in->record_tmp, O_CLOEXEC)) < 0 ||
	    (in->record = fdopen(fd, "w")) == NULL) {
		*cause = xasprintf(_("cannot record to %s: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(in->record_tmp);
		in->record_tmp = NULL;
		return (-1);
	}
	in->record_path = xstrdup(path);
	in->record_cleanup = signals_on_exit(record_abandon, in);
	fputs("# sscard key script (recorded); replay with: sscard --replay FILE\n",
	    in->record);
	return (0);
}

/*
 * The run ends before input_close (a signal, fatal()): the half-made
 * recording goes, nothing is renamed.
 */
static void
record_abandon(void *arg, int signo)
{
	struct input *in = arg;

	(void)signo;
	if (in->record == NULL)
		return;
	fclose(in->record);
	in->record = NULL;
	unlink(in->record_tmp);
	free(in->record_tmp);
	free(in->record_path);
	in->record_tmp = in->record_path = NULL;
}

int
input_close(struct input *in, char **cause)
{
	int rc = 0;

	keyscript_free(&in->script);
	if (in->record_path != NULL)
		signals_forget(in->record_cleanup);
	if (in->record != NULL) {
		if (fputc('\n', in->record) == EOF || fflush(in->record) != 0 ||
		    fsync(fileno(in->record)) != 0) {
			*cause = xasprintf(_("cannot write %s: %s"), in->record_path,
			    strerror(errno));
			rc = -1;
		}
		if (fclose(in->record) != 0 && rc == 0) {
			*cause = xasprintf(_("cannot write %s"), in->record_path);
			rc = -1;
		}
		if (rc == 0 && rename(in->record_tmp, in->record_path) != 0) {
			*cause = xasprintf(_("cannot write %s: %s"), in->record_path,
			    strerror(errno));
			rc = -1;
		}
		if (rc != 0)
			unlink(in->record_tmp);
		free(in->record_tmp);
		free(in->record_path);
	}
	memset(in, 0, sizeof *in);
	return (rc);
}

int
input_scripted(struct input *in, struct key *k)
{
	if (in->script.next >= in->script.n)
		return (-1);
	*k = in->script.keys[in->script.next++];
	return (0);
}

void
input_typed(struct input *in, const struct key *k)
{
	if (in->record == NULL || k->code == K_RESIZE)
		return;
	keyscript_write(in->record, k);
	fflush(in->record);
}
