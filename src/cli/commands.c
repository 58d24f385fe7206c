/* commands.c -- the table of subcommands; each lives in its own engine file. */
#include "lib/system.h"

#include <string.h>

#include "cli/cmd-net.h"
#include "cli/cmd-photo.h"
#include "cli/commands.h"
#include "cli/cmd-kiosk.h"
#include "cli/cmd-preview.h"

static const struct command commands[] = {
	{ "check", "check [--profile P] [--json] PHOTO...",
	  N_("check photos against a region's photo rules"), cmd_check },
	{ "fix", "fix [--profile P] PHOTO -o OUT",
	  N_("crop, whiten and resize a photo to the rules, then check it"), cmd_fix },
	{ "submit", "submit [--profile NAME] ANSWERS.json",
	  N_("check, queue and send one application without the wizard"), cmd_submit },
	{ "outbox", "outbox list | outbox flush [--all]",
	  N_("list the queued applications, or send them"), cmd_outbox },
	{ "status", "status RECEIPT",
	  N_("ask the card service how an application is going"), cmd_status },
	{ "preview", "preview [--graphics=MODE] [--cells COLSxROWS] PHOTO",
	  N_("show a photo on this terminal as the wizard does"), cmd_preview },
	{ "kiosk-pin", "kiosk-pin",
	  N_("make the hash of a helper PIN for [kiosk] pin_hash"), cmd_kiosk_pin },
	{ NULL, NULL, NULL, NULL }
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
