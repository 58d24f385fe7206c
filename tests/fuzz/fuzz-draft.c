/*
 * fuzz-draft.c -- libFuzzer target: any draft file is read into an
 * application whose every field is in range (a known channel where a step
 * needs one, a known region, strings bounded), or refused with a message;
 * never a crash.  An input "CLEAR\0SEALED" has SEALED sealed with the
 * target's key into CLEAR's "sealed" field, so that the fields a draft
 * keeps encrypted are fuzzed too.
 */
#include "lib/system.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/draft.h"
#include "model/application.h"
#include "model/region.h"
#include "lib/xmalloc.h"

#define NOW	((time_t)1800000000)	/* 2027-01-15: seeds saved before it are in range */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const uint8_t key[DRAFT_KEY_LEN] = "sscard fuzz key, not a secret!!";

/* CLEAR with SEALED sealed into it, as draft_save writes it; NULL if CLEAR is no object. */
static char *
with_sealed(const char *clear, size_t len, const char *sealed, size_t slen)
{
	json_error_t err;
	json_t *o = json_loadb(clear, len, 0, &err);
	char *text, *b64, print[17], *out = NULL;

	if (json_is_object(o)) {
		text = xmalloc(slen + 1);
		memcpy(text, sealed, slen);
		text[slen] = '\0';
		b64 = draft_seal_text(key, text);
		draft_key_print(key, print);
		json_object_set_new(o, "sealed", json_string(b64));
		json_object_set_new(o, "key", json_string(print));
		out = json_dumps(o, JSON_COMPACT);
		free(b64);
		free(text);
	}
	json_decref(o);
	return (out);
}

/* What the wizard relies on in a draft it accepted. */
static void
assert_in_range(const struct application *a, const struct draft_meta *m)
{
	char *masked;

	if (m->step == NULL || a->channel < -1 || a->channel >= CHANNEL_COUNT ||
	    (a->channel < 0 && strcmp(m->step, "channel") != 0) ||
	    region_at(a->region) == NULL || m->saved < 0 || m->saved > NOW + 86400 ||
	    strlen(a->name) > 256 || strlen(a->id_number) > 256)
		abort();
	masked = draft_mask_name(a->name);	/* what the offer shows */
	free(masked);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *nul = memchr(data, '\0', size);
	struct application a;
	struct draft_meta m;
	char *cause = NULL, *sealed = NULL;
	size_t len = size;

	if (nul != NULL) {
		sealed = with_sealed(text, nul - text, nul + 1, strnlen(nul + 1,
		    size - (nul + 1 - text)));
		if (sealed == NULL)
			return (0);
		text = sealed;
		len = strlen(sealed);
	}
	application_init(&a);
	if (draft_decode(text, len, key, NOW, "/nonexistent", &a, &m, &cause) == 0) {
		assert_in_range(&a, &m);
		draft_meta_free(&m);
	} else {
		if (cause == NULL)
			abort();
		free(cause);
	}
	application_clear(&a);
	free(sealed);
	return (0);
}
