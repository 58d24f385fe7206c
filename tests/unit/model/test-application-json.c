/* test-application-json.c -- the one JSON codec: every field round trips, old keys are read, bad input is refused with why. */
#include "lib/system.h"

#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/xmalloc.h"
#include "model/application-json.h"
#include "model/application.h"
#include "model/region.h"

#define SHA_A	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B	"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/* Every field set, none to its default. */
static void
fill(struct application *a, struct application_photo *p)
{
	application_init(a);
	snprintf(a->lang, sizeof a->lang, "es");
	a->channel = CHANNEL_CENTRE;
	application_set(&a->name, "María José Núñez");
	application_set(&a->id_number, "11010519491231002X");
	application_set(&a->phone, "13800138000");
	a->region = region_find("guangzhou");
	a->ticked[CHANNEL_CENTRE] = 0x15;
	a->card_lost = 1;
	a->minor = 1;
	application_set(&a->photo_path, "/media/usb/foto de María.jpg");
	application_set(&a->photo_receipt, "GZ-0042");
	a->photo_fixed = 1;
	snprintf(a->source_sha, sizeof a->source_sha, "%s", SHA_B);
	memset(p, 0, sizeof *p);
	snprintf(p->file, sizeof p->file, "photo.png");
	snprintf(p->sha256, sizeof p->sha256, "%s", SHA_A);
}

/* text parsed and decoded with fields and required: the codec's return; *cause set on -1. */
static int
decode(const char *text, unsigned fields, unsigned required, struct application *a,
    struct application_photo *p, char **cause)
{
	json_t *o;
	int rc;

	*cause = NULL;
	if (application_json_parse(text, strlen(text), &o, cause) != 0)
		return (-1);
	rc = application_json_decode(o, fields, required, a, p, cause);
	json_decref(o);
	return (rc);
}

/* a encoded with fields and written out, as a file holds it; caller frees. */
static char *
encode(const struct application *a, const struct application_photo *p,
    unsigned fields)
{
	json_t *o = application_json_encode(a, p, fields);
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);

	json_decref(o);
	assert_non_null(s);
	return (s);
}

/* A draft keeps every field: written and read back, each is what it was. */
static void
test_round_trip(void **state)
{
	struct application a, b;
	struct application_photo p, q;
	char *s, *again, *cause = NULL;

	(void)state;
	fill(&a, &p);
	s = encode(&a, &p, AJ_DRAFT);
	application_init(&b);
	assert_int_equal(decode(s, AJ_DRAFT | AJ_ONLY_KNOWN, AJ_DRAFT, &b, &q,
	    &cause), 0);
	assert_string_equal(b.lang, "es");
	assert_int_equal(b.channel, CHANNEL_CENTRE);
	assert_string_equal(b.name, a.name);
	assert_string_equal(b.id_number, a.id_number);
	assert_string_equal(b.phone, a.phone);
	assert_int_equal(b.region, a.region);
	assert_int_equal(b.ticked[CHANNEL_CENTRE], 0x15);
	assert_int_equal(b.card_lost, 1);
	assert_int_equal(b.minor, 1);
	assert_string_equal(b.photo_path, a.photo_path);
	assert_string_equal(b.photo_receipt, "GZ-0042");
	assert_int_equal(b.photo_fixed, 1);
	assert_string_equal(b.source_sha, SHA_B);
	assert_string_equal(q.file, "photo.png");
	assert_string_equal(q.sha256, SHA_A);
	/* And written again from what was read: the same text. */
	again = encode(&b, &q, AJ_DRAFT);
	assert_string_equal(again, s);
	free(again);
	free(s);
	application_clear(&b);
	application_clear(&a);
}

/*
 * What a card service receives: these keys, in this order, and nothing a
 * draft keeps for itself (the photo's path, minor, the fix, the source).
 */
static void
test_sent(void **state)
{
	struct application a;
	struct application_photo p;
	char *s;

	(void)state;
	fill(&a, &p);
	s = encode(&a, &p, AJ_SENT);
	assert_string_equal(s, "{\"channel\":\"centre\",\"name\":\"María José Núñez\","
	    "\"id_number\":\"11010519491231002X\",\"phone\":\"13800138000\","
	    "\"region\":\"guangzhou\",\"materials\":[\"id_card_copy\",\"photo\","
	    "\"fee\"],\"card_lost\":true,\"photo\":{\"file\":\"photo.png\","
	    "\"sha256\":\"" SHA_A "\"},\"photo_receipt\":\"GZ-0042\","
	    "\"language\":\"es\"}");
	free(s);
	/* No photo, no receipt number: null, both. */
	application_set(&a.photo_receipt, "");
	s = encode(&a, NULL, AJ_PHOTO | AJ_PHOTO_RECEIPT);
	assert_string_equal(s, "{\"photo\":null,\"photo_receipt\":null}");
	free(s);
	/* No channel yet: "" and no materials. */
	a.channel = -1;
	s = encode(&a, NULL, AJ_CHANNEL | AJ_MATERIALS);
	assert_string_equal(s, "{\"channel\":\"\",\"materials\":[]}");
	free(s);
	application_clear(&a);
}

/* The keys of earlier versions are read; the new key wins over its old one. */
static void
test_old_keys(void **state)
{
	struct application a;
	struct application_photo p;
	char *cause = NULL;

	(void)state;
	/* An answers file of old: "lang", and the photo's path as "photo". */
	application_init(&a);
	assert_int_equal(decode("{\"lang\": \"zh_TW\", \"photo\": \"/m/p.jpg\"}",
	    AJ_ANSWERS | AJ_ONLY_KNOWN, AJ_LANGUAGE | AJ_PHOTO_PATH, &a, NULL,
	    &cause), 0);
	assert_string_equal(a.lang, "zh_TW");
	assert_string_equal(a.photo_path, "/m/p.jpg");
	assert_int_equal(decode("{\"lang\": \"zh_TW\", \"language\": \"es\", "
	    "\"photo\": \"/old.jpg\", \"photo_path\": \"/new.jpg\"}", AJ_ANSWERS,
	    0, &a, NULL, &cause), 0);
	assert_string_equal(a.lang, "es");
	assert_string_equal(a.photo_path, "/new.jpg");
	application_clear(&a);
	/* A draft of format 2: ticks a number per channel, the photo's keys apart. */
	application_init(&a);
	assert_int_equal(decode("{\"channel\": \"bank\", \"ticked\": [2, 5, 0], "
	    "\"photo_file\": \"draft-photo-0123456789abcdef\", \"photo_sha256\": \""
	    SHA_A "\"}", AJ_DRAFT, AJ_MATERIALS | AJ_PHOTO, &a, &p, &cause), 0);
	assert_int_equal(a.ticked[CHANNEL_ONLINE], 2);
	assert_int_equal(a.ticked[CHANNEL_BANK], 5);
	assert_int_equal(a.ticked[CHANNEL_CENTRE], 0);
	assert_string_equal(p.file, "draft-photo-0123456789abcdef");
	assert_string_equal(p.sha256, SHA_A);
	/* "materials" beside "ticked": the channel's ids are read. */
	assert_int_equal(decode("{\"channel\": \"bank\", \"ticked\": [0, 5, 0], "
	    "\"materials\": [\"old_card\"]}", AJ_DRAFT, 0, &a, &p, &cause), 0);
	assert_int_equal(a.ticked[CHANNEL_BANK], 2);
	application_clear(&a);
}

/* Only the new keys are written, whatever was read. */
static void
test_writes_new_keys(void **state)
{
	static const char *const old[] = {
		"\"lang\"", "\"ticked\"", "\"photo_file\"", "\"photo_sha256\""
	};
	struct application a;
	struct application_photo p;
	char *s;
	size_t i;

	(void)state;
	fill(&a, &p);
	s = encode(&a, &p, ~0u & ~AJ_ONLY_KNOWN);
	for (i = 0; i < nitems(old); i++)
		if (strstr(s, old[i]) != NULL)
			fail_msg("%s written in %s", old[i], s);
	assert_non_null(strstr(s, "\"language\":\"es\""));
	assert_non_null(strstr(s, "\"photo_path\":"));
	free(s);
	application_clear(&a);
}

/* Input, the fields read and required, and what the cause must say. */
static const struct refusal {
	const char	*json;
	unsigned	 fields, required;
	const char	*want;
} refusals[] = {
	{ "[1, 2]", AJ_DRAFT, 0, "not a JSON object" },
	{ "{\"name\": ", AJ_DRAFT, 0, "not valid JSON (line 1, column 9)" },
	{ "\"11010519491231002X\"", AJ_DRAFT, 0, "not valid JSON (line 1" },
	{ "{}", AJ_ANSWERS, AJ_NAME, "'name' is missing" },
	{ "{}", AJ_ANSWERS, AJ_PHOTO_PATH, "'photo_path' is missing" },
	/* Wrong types. */
	{ "{\"channel\": 1}", AJ_DRAFT, 0, "'channel' must be a string" },
	{ "{\"name\": 110105}", AJ_DRAFT, 0, "'name' must be a string" },
	{ "{\"name\": {\"a\": [1, {}]}}", AJ_DRAFT, 0, "'name' must be a string" },
	{ "{\"phone\": null}", AJ_DRAFT, 0, "'phone' must be a string" },
	{ "{\"photo_receipt\": 5}", AJ_DRAFT, 0, "'photo_receipt' must be a string" },
	{ "{\"lang\": 5}", AJ_ANSWERS, 0, "'lang' must be a string" },
	{ "{\"card_lost\": \"yes\"}", AJ_DRAFT, 0, "'card_lost' must be true or false" },
	{ "{\"minor\": 1}", AJ_DRAFT, 0, "'minor' must be true or false" },
	{ "{\"photo\": 1}", AJ_ANSWERS, 0, "'photo' must be a string" },
	{ "{\"photo\": {\"file\": \"p.jpg\"}}", AJ_ANSWERS, 0, "'photo' must be a string" },
	/* Control characters; strings too long for their field. */
	{ "{\"name\": \"a\\u0007b\"}", AJ_DRAFT, 0, "'name' is too long or holds control" },
	{ "{\"name\": \"a\\u0085b\"}", AJ_DRAFT, 0, "'name' is too long or holds control" },
	{ "{\"id_number\": \"a\\u007fb\"}", AJ_DRAFT, 0, "'id_number' is too long" },
	/* Unknown channel, region, language, materials. */
	{ "{\"channel\": \"post\"}", AJ_DRAFT, 0, "'channel' must be online, bank or centre" },
	{ "{\"channel\": \"\"}", AJ_DRAFT, AJ_CHANNEL, "'channel' must be online" },
	{ "{\"region\": \"atlantis\"}", AJ_DRAFT, 0, "unknown region 'atlantis'" },
	{ "{\"region\": \"11010519491231002X\"}", AJ_DRAFT, 0, "unknown region '[not shown]'" },
	{ "{\"language\": \"xx\"}", AJ_DRAFT, 0, "unknown language 'xx'" },
	{ "{\"channel\": \"online\", \"materials\": \"all\"}", AJ_DRAFT, 0,
	  "'materials' must be a list of material ids" },
	{ "{\"channel\": \"online\", \"materials\": [\"passport\"]}", AJ_DRAFT, 0,
	  "'passport' is not on the checklist of channel online" },
	{ "{\"channel\": \"online\", \"materials\": [7]}", AJ_DRAFT, 0,
	  "'?' is not on the checklist" },
	{ "{\"channel\": \"bank\", \"materials\": [\"digital_photo\"]}", AJ_DRAFT, 0,
	  "'digital_photo' is not on the checklist of channel bank" },
	{ "{\"materials\": [\"id_card\"]}", AJ_DRAFT, 0, "is not on the checklist" },
	{ "{\"ticked\": [65536]}", AJ_DRAFT, 0, "'ticked' must be a list of numbers" },
	{ "{\"ticked\": [-1]}", AJ_DRAFT, 0, "'ticked' must be a list of numbers" },
	{ "{\"ticked\": [0, 0, 0, 0]}", AJ_DRAFT, 0, "'ticked' must be a list" },
	{ "{\"ticked\": [\"1\"]}", AJ_DRAFT, 0, "'ticked' must be a list" },
	{ "{\"ticked\": 5}", AJ_DRAFT, 0, "'ticked' must be a list" },
	/* A photo that is no file name with its digest. */
	{ "{\"photo\": \"photo.jpg\"}", AJ_DRAFT, 0, "'photo' must be null, or hold" },
	{ "{\"photo\": {\"file\": \"photo.jpg\"}}", AJ_DRAFT, 0, "'photo' must be null" },
	{ "{\"photo\": {\"file\": \"../x.jpg\", \"sha256\": \"" SHA_A "\"}}", AJ_DRAFT,
	  0, "'photo' must be null" },
	{ "{\"photo\": {\"file\": \"\", \"sha256\": \"" SHA_A "\"}}", AJ_DRAFT, 0,
	  "'photo' must be null" },
	{ "{\"photo\": {\"file\": \"p.jpg\", \"sha256\": \"" SHA_A "A\"}}", AJ_DRAFT,
	  0, "'photo' must be null" },
	{ "{\"photo\": {\"file\": \"p.jpg\", \"sha256\": \"AAAAAAAAAAAAAAAAAAAAAAAA"
	  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}}", AJ_DRAFT, 0,
	  "'photo' must be null" },
	{ "{\"photo_file\": \"draft-photo-0123456789abcdef\"}", AJ_DRAFT, 0,
	  "'photo' must be null" },
	{ "{\"source_sha256\": \"xyz\"}", AJ_DRAFT, 0, "'source_sha256' must be a SHA-256" },
	/* Keys that are no field's, where only known keys are allowed. */
	{ "{\"email\": \"a@b.cn\"}", AJ_ANSWERS | AJ_ONLY_KNOWN, 0, "unknown key 'email'" },
	{ "{\"11010519491231002X\": 1}", AJ_ANSWERS | AJ_ONLY_KNOWN, 0,
	  "unknown key '[not shown]'" },
	{ "{\"minor\": true}", AJ_ANSWERS | AJ_ONLY_KNOWN, 0, "unknown key 'minor'" },
};

/* The inputs' numbers (an ID number, a run of 7s) are never repeated. */
static void
assert_quotes_no_number(const char *cause)
{
	if (strstr(cause, "110105") != NULL || strstr(cause, "7777777") != NULL)
		fail_msg("a number repeated: %s", cause);
}

static void
test_refused(void **state)
{
	struct application a;
	struct application_photo p;
	char *cause;
	size_t i;

	(void)state;
	for (i = 0; i < nitems(refusals); i++) {
		application_init(&a);
		if (decode(refusals[i].json, refusals[i].fields, refusals[i].required,
		    &a, &p, &cause) != -1 || cause == NULL)
			fail_msg("accepted: %s", refusals[i].json);
		if (strstr(cause, refusals[i].want) == NULL)
			fail_msg("%s: expected '%s', got '%s'", refusals[i].json,
			    refusals[i].want, cause);
		assert_quotes_no_number(cause);
		free(cause);
		application_clear(&a);
	}
}

/* Strings longer than their field, up to a whole answers file of one. */
static void
test_huge(void **state)
{
	static const struct {
		const char	*key;
		unsigned	 field;
		size_t		 len;
	} huge[] = {
		{ "name", AJ_NAME, 257 }, { "phone", AJ_PHONE, 60000 },
		{ "photo_receipt", AJ_PHOTO_RECEIPT, 300 },
		{ "photo_path", AJ_PHOTO_PATH, 5000 },
	};
	struct application a;
	char *text, *cause, *fill_with;
	size_t i;

	(void)state;
	for (i = 0; i < nitems(huge); i++) {
		fill_with = xmalloc(huge[i].len + 1);
		memset(fill_with, '7', huge[i].len);
		fill_with[huge[i].len] = '\0';
		text = xasprintf("{\"%s\": \"%s\"}", huge[i].key, fill_with);
		application_init(&a);
		assert_int_equal(decode(text, huge[i].field, 0, &a, NULL, &cause), -1);
		assert_non_null(strstr(cause, "is too long"));
		assert_quotes_no_number(cause);
		free(cause);
		/* One byte less fits. */
		free(text);
		text = xasprintf("{\"%s\": \"%.*s\"}", huge[i].key,
		    (int)huge[i].len - 1, fill_with);
		if (huge[i].len == 257) {
			assert_int_equal(decode(text, huge[i].field, 0, &a, NULL,
			    &cause), 0);
			assert_int_equal(strlen(a.name), 256);
		}
		application_clear(&a);
		free(text);
		free(fill_with);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_sent),
		cmocka_unit_test(test_old_keys),
		cmocka_unit_test(test_writes_new_keys),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_huge),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
