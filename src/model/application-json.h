/* application-json.h -- the application as JSON, one key per field: drafts, outbox, answers. */
#ifndef SSCARD_APPLICATION_JSON_H
#define SSCARD_APPLICATION_JSON_H

#include <jansson.h>
#include <stddef.h>

struct application;

/*
 * The fields of an application, a bit each; a use names the ones it writes
 * or reads.  Each has one key (sscard(1), APPLICATION JSON), the key a card
 * service receives where it receives the field.
 */
#define AJ_CHANNEL	0x0001u	/* "channel": "online", "bank", "centre"; "" */
#define AJ_NAME		0x0002u	/* "name" */
#define AJ_ID_NUMBER	0x0004u	/* "id_number" */
#define AJ_PHONE	0x0008u	/* "phone" */
#define AJ_REGION	0x0010u	/* "region": a region id */
#define AJ_MATERIALS	0x0020u	/* "materials": ready ids of the channel's list */
#define AJ_CARD_LOST	0x0040u	/* "card_lost": true or false */
#define AJ_PHOTO	0x0080u	/* "photo": {"file", "sha256"}, or null */
#define AJ_PHOTO_RECEIPT 0x0100u /* "photo_receipt": a studio's number, or null */
#define AJ_LANGUAGE	0x0200u	/* "language": "zh_CN", "zh_TW", "en", "es" */
#define AJ_MINOR	0x0400u	/* "minor": true or false */
#define AJ_PHOTO_PATH	0x0800u	/* "photo_path": the file the citizen named */
#define AJ_PHOTO_FIXED	0x1000u	/* "photo_fixed": the checked photo is the fix */
#define AJ_SOURCE_SHA	0x2000u	/* "source_sha256": the citizen's file, copied */
#define AJ_PHOTO_LEVELLED 0x4000u /* "photo_levelled": the fix turned it level */
#define AJ_PHOTO_WIDENED 0x8000u /* "photo_widened": the fix added white past its edge */
/* What the fix did, kept with the fixed photo. */
#define AJ_PHOTO_EDITS	(AJ_PHOTO_FIXED | AJ_PHOTO_LEVELLED | AJ_PHOTO_WIDENED)
/* Reading: a key that is no key (nor old key) of the fields read is an error. */
#define AJ_ONLY_KNOWN	0x80000000u

/* What a card service receives: an outbox entry's application.json. */
#define AJ_SENT		(AJ_CHANNEL | AJ_NAME | AJ_ID_NUMBER | AJ_PHONE | \
			 AJ_REGION | AJ_MATERIALS | AJ_CARD_LOST | AJ_PHOTO | \
			 AJ_PHOTO_RECEIPT | AJ_LANGUAGE)
/* What a draft keeps: all of it. */
#define AJ_DRAFT	(AJ_SENT | AJ_MINOR | AJ_PHOTO_PATH | AJ_PHOTO_EDITS | \
			 AJ_SOURCE_SHA)
/* Who the citizen is and their photo: what a draft seals. */
#define AJ_PERSONAL	(AJ_NAME | AJ_ID_NUMBER | AJ_PHONE | AJ_CARD_LOST | \
			 AJ_PHOTO | AJ_PHOTO_RECEIPT | AJ_MINOR | AJ_PHOTO_PATH | \
			 AJ_PHOTO_EDITS | AJ_SOURCE_SHA)
/* What an answers file of `sscard submit` gives. */
#define AJ_ANSWERS	(AJ_CHANNEL | AJ_NAME | AJ_ID_NUMBER | AJ_PHONE | \
			 AJ_REGION | AJ_MATERIALS | AJ_LANGUAGE | AJ_PHOTO_PATH)

/*
 * The checked photo as a file the JSON's holder keeps beside it (the
 * outbox entry's photo.jpg, a draft's sealed copy): a name, never a path.
 */
struct application_photo {
	char	file[64];	/* "": none (JSON null) */
	char	sha256[65];	/* lower-case hex */
};

/*
 * The fields of a named in fields as a new JSON object (caller decrefs),
 * in a fixed order; photo may be NULL (none).  jansson's copies of the
 * personal fields are wiped when it frees them (lib/json-wipe.h); text
 * dumped from the object is the caller's to wipe (wipe_str).
 */
json_t	*application_json_encode(const struct application *,
	    const struct application_photo *, unsigned);
/*
 * Reads the fields named in fields from o into a (application_init'ed by
 * the caller) and photo (may be NULL when AJ_PHOTO is not read), the old
 * keys of earlier versions too; a field named in required must be there,
 * and with a value (a channel, not "").  Returns 0, or -1 with *cause,
 * translated, naming the key and never quoting a number; caller frees.
 * After -1, a may hold some fields: the caller clears it.
 */
int	 application_json_decode(json_t *, unsigned, unsigned,
	    struct application *, struct application_photo *, char **);
/*
 * Parses data (len bytes) into a JSON object (*out; caller decrefs).
 * Returns 0, or -1 with *cause (where, never what: the text may hold an ID
 * number); caller frees.
 */
int	 application_json_parse(const char *, size_t, json_t **, char **);

#endif
