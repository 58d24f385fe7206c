/* materials.c -- the checklist per channel (domain.md §4.3-4.4), and saving it. */
#include "lib/system.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/fsutil.h"
#include "model/materials.h"
#include "model/application.h"
#include "lib/xmalloc.h"

/* domain.md §4.3: the ID card at a bank outlet; §4.4: original and a copy at a centre. */
#define M_ID_ORIGINAL	{ "id_card", N_("Your ID card (original)"), N_("ID card (original)") }
#define M_ID_COPY	{ "id_card_copy", N_("Your ID card, original and a photocopy"), \
			    N_("ID card + photocopy") }
#define M_OLD_CARD	{ "old_card", N_("Your current social security card, to hand back"), \
			    N_("current card") }
#define M_PHOTO		{ "photo", N_("A recent 1-inch colour photo on a white background, " \
			    "or a photo studio's digital photo receipt (数码照回执)"), N_("photo") }
#define M_FORM		{ "form", N_("The application form (you can fill it in there)"), NULL }
#define M_FEE		{ "fee", N_("The card fee, if your region charges one (often 20 yuan)"), NULL }
#define M_AGENT		{ "agent", N_("If someone applies for you: their ID card as well as yours"), NULL }

static int	write_new(const char *, const char *, char **);

static const struct material online[] = {
	{ "card_number", N_("Your current social security card or its number"),
	  N_("current card or its number") },
	{ "digital_photo", N_("A digital photo that passes sscard's photo check, "
	    "or a photo studio's digital photo receipt (数码照回执)"), N_("photo") },
	{ "phone", N_("A mobile phone that receives SMS codes"),
	  N_("a phone for SMS codes") },
	{ "address", N_("A postal address, if the new card is sent by post"), NULL },
	{ "fee_online", N_("A way to pay the card fee online, if your region charges one"),
	  NULL },
};
static const struct material bank[] = {
	M_ID_ORIGINAL, M_OLD_CARD, M_PHOTO, M_FORM, M_FEE, M_AGENT,
};
static const struct material centre[] = {
	M_ID_COPY, M_OLD_CARD, M_PHOTO, M_FORM, M_FEE, M_AGENT,
	{ "receipt_note", N_("Somewhere safe to keep the receipt (回执单) and the "
	    "replacement proof (补换卡证明)"), NULL },
};

const struct material *
materials_for(int channel, int *n)
{
	switch (channel) {
	case CHANNEL_ONLINE:
		*n = (int)nitems(online);
		return (online);
	case CHANNEL_BANK:
		*n = (int)nitems(bank);
		return (bank);
	case CHANNEL_CENTRE:
		*n = (int)nitems(centre);
		return (centre);
	}
	*n = 0;
	return (NULL);
}

int
materials_ready(const struct application *a, int *needed)
{
	const struct material *m;
	int n, i, ready = 0;

	m = materials_for(a->channel, &n);
	*needed = 0;
	for (i = 0; i < n; i++) {
		if (material_not_needed(&m[i], a->card_lost))
			continue;
		(*needed)++;
		ready += (a->ticked[a->channel] >> i) & 1;
	}
	return (ready);
}

char *
materials_brief(const struct application *a, int number)
{
	const struct material *m;
	char *text = NULL, *item, *old;
	int n, i;

	m = materials_for(a->channel, &n);
	for (i = 0; i < n; i++) {
		if (m[i].brief == NULL || material_not_needed(&m[i], a->card_lost))
			continue;
		if (strcmp(m[i].brief, "photo") == 0 && a->photo_receipt[0] != '\0')
			/* TRANSLATORS: in the QR code's list of what to bring. */
			item = number ? xasprintf(_("photo receipt number %s"),
			    a->photo_receipt) : xstrdup(_("photo receipt number"));
		else
			item = xstrdup(_(m[i].brief));
		old = text;
		/* TRANSLATORS: between two items of a short list ("、" in Chinese). */
		text = old == NULL ? item : xasprintf("%s%s%s", old, _(", "), item);
		if (old != NULL) {
			free(old);
			free(item);
		}
	}
	return (text != NULL ? text : xstrdup(""));
}

int
material_not_needed(const struct material *m, int lost)
{
	return (lost && (strcmp(m->id, "old_card") == 0 ||
	    strcmp(m->id, "card_number") == 0));
}

char *
materials_checklist(int channel, unsigned ticked, int lost)
{
	const struct material *m;
	char *text = xstrdup(""), *line, *old;
	int n, i;

	m = materials_for(channel, &n);
	for (i = 0; i < n; i++) {
		line = material_not_needed(&m[i], lost) ?
		    xasprintf("[-] %s (%s)\n", _(m[i].label), _("not needed: the "
		    "card is lost; report the loss first (挂失)")) :
		    xasprintf("%s %s\n", (ticked & (1u << i)) ? "[x]" : "[ ]",
		    _(m[i].label));
		old = text;
		text = xasprintf("%s%s", old, line);
		free(old);
		free(line);
	}
	return (text);
}

/*
 * text as a new file at path, mode 0600: never an existing file replaced
 * (O_EXCL; a name typed by mistake must not overwrite a photo) nor a
 * symbolic link followed.  A file left half-written is removed.
 */
static int
write_new(const char *path, const char *text, char **cause)
{
	size_t len = strlen(text);
	FILE *f;
	int fd, failed, saved;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600)) < 0) {
		*cause = errno == EEXIST ? xasprintf(_("%s already exists, and sscard "
		    "does not replace files: type another file name."), path) :
		    xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		return (-1);
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		failed = 1;
	} else {
		failed = fwrite(text, 1, len, f) != len || fflush(f) != 0 ||
		    fsync(fd) != 0;
		failed |= fclose(f) != 0;
	}
	if (!failed)
		return (0);
	saved = errno;
	unlink(path);
	*cause = xasprintf(_("cannot write %s: %s"), path, strerror(saved));
	return (-1);
}

int
materials_save(int channel, unsigned ticked, int lost, const char *region,
    const char *path, char **cause)
{
	char *text, *list;
	int rc;

	list = materials_checklist(channel, ticked, lost);
	text = xasprintf("%s\n%s: %s\n%s: %s\n\n%s", _("sscard checklist: changing "
	    "the photo on a social security card"), _("Channel"), channel_name(channel),
	    _("Region"), region, list);
	free(list);
	rc = write_new(path, text, cause);
	free(text);
	return (rc);
}
