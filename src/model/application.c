/* model.c -- the application a citizen is filling in. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>

#include "model/application.h"
#include "lib/xmalloc.h"

static const char *const channel_ids[CHANNEL_COUNT] = { "online", "bank", "centre" };
static const char *const channel_names[CHANNEL_COUNT] = {
	N_("Online"),
	N_("Bank outlet (合作银行网点)"),
	N_("Social security centre (社保中心)"),
};

void
application_init(struct application *a)
{
	memset(a, 0, sizeof *a);
	a->channel = -1;
	a->name = xstrdup("");
	a->id_number = xstrdup("");
	a->phone = xstrdup("");
	a->photo_path = xstrdup("");
	a->photo_receipt = xstrdup("");
	a->checked_path = xstrdup("");
}

/* Frees every field, wiping the personal ones first. */
void
application_clear(struct application *a)
{
	wipe_str(a->name);
	wipe_str(a->id_number);
	wipe_str(a->phone);
	wipe_str(a->photo_path);
	wipe_str(a->photo_receipt);
	wipe_str(a->checked_path);
	free(a->outbox_id);
	free(a->receipt);
	explicit_bzero(a, sizeof *a);
	a->channel = -1;
}

/* Replaces *field with a copy of value, wiping the old one. */
void
application_set(char **field, const char *value)
{
	char *old = *field;

	*field = xstrdup(value);
	wipe_str(old);
}

const char *
channel_id(int c)
{
	return (c >= 0 && c < CHANNEL_COUNT ? channel_ids[c] : "");
}

const char *
channel_name(int c)
{
	return (c >= 0 && c < CHANNEL_COUNT ? _(channel_names[c]) : "");
}

int
channel_from_id(const char *s)
{
	int c;

	for (c = 0; c < CHANNEL_COUNT; c++)
		if (strcmp(s, channel_ids[c]) == 0)
			return (c);
	return (-1);
}
