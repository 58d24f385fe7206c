/* commands.c -- the table of subcommands; each lives in its own engine file. */
#include "system.h"

#include <string.h>

#include "cmd-photo.h"
#include "commands.h"
#include "graphics.h"

static const struct command commands[] = {
	{ "check", "check [--profile P] [--json] PHOTO...",
	  N_("check photos against a region's photo rules"), cmd_check },
	{ "fix", "fix [--profile P] PHOTO -o OUT",
	  N_("crop, whiten and resize a photo to the rules, then check it"), cmd_fix },
	{ "preview", "preview [--graphics=MODE] [--cells COLSxROWS] PHOTO",
	    N_("show a photo on this terminal as the wizard does"), cmd_preview },
	{ NULL, NULL, NULL, NULL }	/* keeps the table valid while it is empty */
};

const struct command *
command_find(const char *name)
{
	size_t i;

	for (i = 0; i < nitems(commands); i++)
		if (commands[i].name != NULL && strcmp(commands[i].name, name) == 0)
			return (&commands[i]);
	return (NULL);
}

const struct command *
command_at(int i)
{
	return (i >= 0 && (size_t)i < nitems(commands) && commands[i].name != NULL ?
	    &commands[i] : NULL);
}
