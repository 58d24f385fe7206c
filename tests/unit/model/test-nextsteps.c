/*
 * test-nextsteps.c -- what the next steps say for each channel, with or
 * without a card service and a saved kit, for a lost card and a child; the
 * electronic card; studio receipt numbers.  Steps are compared by their
 * labels (their structure), and a text only by the words that matter.
 */
#include "lib/system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../expect.h"

#include "model/application.h"
#include "model/nextsteps.h"
#include "model/region.h"
#include "lib/xmalloc.h"

static struct application	a;
static struct nextsteps		ns;

static int
setup(void **state)
{
	application_init(&a);
	return (0);
}

static int
teardown(void **state)
{
	nextsteps_free(&ns);
	application_clear(&a);
	return (0);
}

/* The labels of the steps built, one after the other, as "Where: Bring: ...". */
static void
expect_labels(const char *want)
{
	char *got = xstrdup(""), *old;
	int i;

	for (i = 0; i < ns.n; i++) {
		old = got;
		got = xasprintf("%s%s%s", old, i > 0 ? " " : "", ns.v[i].label);
		free(old);
	}
	if (strcmp(got, want) != 0)
		fail_msg("steps \"%s\", expected \"%s\"", got, want);
	free(got);
}

/* The text of the step labelled label; it must be there. */
static const char *
step(const char *label)
{
	int i;

	for (i = 0; i < ns.n; i++)
		if (strcmp(ns.v[i].label, label) == 0)
			return (ns.v[i].text);
	fail_msg("no step \"%s\"", label);
	return (NULL);
}

/* One case: the application, and what its steps are (labels) or what one step says. */
struct say {
	int		 channel;
	const char	*region;
	int		 sends, kit, lost, minor;
	const char	*studio;	/* a photo studio's receipt number, or NULL */
	const char	*receipt;	/* the card service's receipt, or NULL */
	const char	*label;		/* the step; NULL: part is every label in order */
	const char	*part;
	int		 holds;		/* 1: the step's text holds part; 0: it does not */
};

/* The steps of the case's application: every field the steps read is the case's. */
static void
build_case(const struct say *c)
{
	a.channel = c->channel;
	a.region = region_find(c->region);
	assert_true(a.region >= 0);
	a.card_lost = c->lost;
	a.minor = c->minor;
	application_set(&a.photo_receipt, c->studio != NULL ? c->studio : "");
	free(a.receipt);
	a.receipt = c->receipt != NULL ? xstrdup(c->receipt) : NULL;
	nextsteps_free(&ns);
	nextsteps_build(&a, c->sends, c->kit, &ns);
}

/*
 * Which steps, in which order: online, where to upload and how; a bank
 * outlet, what to bring, then activate; a centre, keep the receipt instead;
 * a region's own online path as one row; the loss report first, then a
 * child's guardian, then the channel's; a temporary card only where a
 * source describes one.
 */
static void
test_structure(void **state)
{
	static const struct say cases[] = {
		{ CHANNEL_ONLINE, "national", 0, 0, 0, 0, NULL, NULL, NULL,
		  "Where: Steps: Then: Follow up: Beware:", 1 },
		{ CHANNEL_ONLINE, "beijing", 0, 0, 0, 0, NULL, NULL, NULL,
		  "Where: Your region: Steps: Then: Follow up: Beware:", 1 },
		/* No own path in the steps table nor services in region.c. */
		{ CHANNEL_ONLINE, "binzhou", 0, 0, 0, 0, NULL, NULL, NULL,
		  "Where: Steps: Then: Follow up: Beware:", 1 },
		{ CHANNEL_BANK, "national", 0, 1, 0, 0, NULL, NULL, NULL,
		  "Where: Bring: How long: Fee: Then: Follow up: Beware:", 1 },
		{ CHANNEL_CENTRE, "national", 0, 1, 0, 0, NULL, NULL, NULL,
		  "Where: Bring: How long: Fee: Keep: Follow up: Beware:", 1 },
		{ CHANNEL_ONLINE, "national", 0, 1, 1, 0, NULL, NULL, NULL,
		  "First: Formal loss: Where: Steps: Then: Follow up: Beware:", 1 },
		{ CHANNEL_BANK, "national", 0, 1, 1, 0, NULL, NULL, NULL,
		  "First: Formal loss: Where: Bring: How long: Fee: Then: Follow up: Beware:", 1 },
		{ CHANNEL_BANK, "national", 0, 1, 0, 1, NULL, NULL, NULL,
		  "For a child: Where: Bring: How long: Fee: Then: Follow up: Beware:", 1 },
		{ CHANNEL_ONLINE, "national", 0, 1, 1, 1, NULL, NULL, NULL,
		  "First: Formal loss: For a child: Where: Steps: Then: Follow up: Beware:", 1 },
		{ CHANNEL_CENTRE, "changchun", 0, 1, 0, 0, NULL, NULL, NULL,
		  "Where: Bring: How long: Fee: Keep: Meanwhile: Follow up: Beware:", 1 },
		{ CHANNEL_BANK, "suqian", 0, 1, 0, 0, NULL, NULL, NULL,
		  "Where: Bring: How long: Fee: Then: Meanwhile: Follow up: Beware:", 1 },
		{ CHANNEL_CENTRE, "beijing", 0, 1, 0, 0, NULL, NULL, NULL,
		  "Where: Bring: How long: Fee: Keep: Follow up: Beware:", 1 },
	};
	size_t i;

	for (i = 0; i < nitems(cases); i++) {
		build_case(&cases[i]);
		expect_labels(cases[i].part);
	}
}

/*
 * What the steps say, by the words that matter: the kit's files named only
 * once it is saved; a studio's number for the photo; `sscard status` only
 * with a card service and its receipt; a region's hotline, its own path and
 * temporary card; progress words unless the card is made on the spot; a
 * lost card reported first, made formal as the channel allows, replaced by
 * 补卡 and never asked for.
 */
static void
test_texts(void **state)
{
	static const struct say cases[] = {
		{ CHANNEL_ONLINE, "national", 0, 0, 0, 0, NULL, NULL,
		  "Where:", "Upload photo.jpg", 1 },
		{ CHANNEL_ONLINE, "national", 0, 0, 0, 0, NULL, NULL,
		  "Steps:", "your current card", 1 },
		{ CHANNEL_ONLINE, "beijing", 0, 0, 0, 0, NULL, NULL,
		  "Your region:", "北京市社会保险网上服务平台", 1 },
		{ CHANNEL_ONLINE, "suzhou-ah", 0, 0, 0, 0, NULL, NULL, "Your region:", "皖事通", 1 },
		{ CHANNEL_BANK, "national", 0, 1, 0, 0, NULL, NULL,
		  "Bring:", "Your ID card (original), your current card", 1 },
		{ CHANNEL_BANK, "national", 0, 1, 0, 0, NULL, NULL, "Then:", "activated", 1 },
		{ CHANNEL_CENTRE, "national", 0, 1, 0, 0, NULL, NULL,
		  "Bring:", "original and a photocopy", 1 },
		{ CHANNEL_CENTRE, "national", 0, 1, 0, 0, NULL, NULL, "Keep:", "补换卡证明", 1 },
		{ CHANNEL_BANK, "national", 0, 1, 0, 0, NULL, NULL,
		  "Bring:", "print-sheet.jpg", 1 },
		{ CHANNEL_BANK, "national", 0, 0, 0, 0, NULL, NULL,
		  "Bring:", "\"Save the kit\"", 1 },
		{ CHANNEL_BANK, "national", 0, 0, 0, 0, NULL, NULL,
		  "Bring:", "print-sheet.jpg", 0 },
		{ CHANNEL_CENTRE, "shenzhen", 0, 0, 0, 0, "SZ20261201A8", NULL,
		  "Bring:", "receipt number SZ20261201A8", 1 },
		{ CHANNEL_CENTRE, "shenzhen", 0, 0, 0, 0, "SZ20261201A8", NULL,
		  "Bring:", "Save the kit", 0 },
		{ CHANNEL_ONLINE, "shenzhen", 0, 0, 0, 0, "SZ20261201A8", NULL,
		  "Where:", "receipt number SZ20261201A8", 1 },
		{ CHANNEL_ONLINE, "national", 1, 1, 0, 0, NULL, "R000042",
		  "Follow up:", "\"sscard status R000042\"", 1 },
		{ CHANNEL_ONLINE, "national", 0, 1, 0, 0, NULL, "R000042",
		  "Follow up:", "sscard status", 0 },
		{ CHANNEL_BANK, "national", 1, 1, 0, 0, NULL, NULL,
		  "Follow up:", "sscard status", 0 },
		{ CHANNEL_CENTRE, "beijing", 0, 1, 0, 0, NULL, NULL, "Follow up:", "96102", 1 },
		{ CHANNEL_CENTRE, "beijing", 0, 1, 0, 0, NULL, NULL, "Follow up:", "制卡中", 1 },
		{ CHANNEL_BANK, "qinhuangdao", 0, 1, 0, 0, NULL, NULL, "Follow up:", "制卡中", 0 },
		{ CHANNEL_CENTRE, "changchun", 0, 1, 0, 0, NULL, NULL, "Meanwhile:", "60 days", 1 },
		{ CHANNEL_BANK, "suqian", 0, 1, 0, 0, NULL, NULL,
		  "Meanwhile:", "deposit of 10 yuan", 1 },
		{ CHANNEL_BANK, "national", 0, 1, 0, 1, NULL, NULL, "For a child:", "监护人", 1 },
		{ CHANNEL_ONLINE, "national", 0, 1, 1, 0, NULL, NULL, "First:", "挂失", 1 },
		{ CHANNEL_ONLINE, "national", 0, 1, 1, 0, NULL, NULL,
		  "Formal loss:", "Ask 12333 before you apply online", 1 },
		{ CHANNEL_ONLINE, "national", 0, 1, 1, 0, NULL, NULL, "Steps:", "补卡", 1 },
		{ CHANNEL_BANK, "national", 0, 1, 1, 0, NULL, NULL,
		  "Formal loss:", "At the outlet", 1 },
		{ CHANNEL_BANK, "national", 0, 1, 1, 0, NULL, NULL,
		  "Bring:", "The lost card is not needed.", 1 },
		{ CHANNEL_CENTRE, "national", 0, 1, 1, 0, NULL, NULL,
		  "Formal loss:", "at the centre", 1 },
		{ CHANNEL_CENTRE, "national", 0, 1, 1, 0, NULL, NULL,
		  "Bring:", "The lost card is not needed.", 1 },
	};
	size_t i;

	for (i = 0; i < nitems(cases); i++) {
		build_case(&cases[i]);
		if (!expect_holds(step(cases[i].label), cases[i].part, cases[i].holds))
			fail_msg("case %zu: %s, %s", i, channel_id(cases[i].channel),
			    cases[i].region);
	}
}

/* The counter's facts are the channel step's own sentences, and its labels the topic labels. */
static void
test_one_wording(void **state)
{
	static const enum region_topic topics[] = { TOPIC_WHERE, TOPIC_TIME, TOPIC_FEE };
	static const struct say centre = { CHANNEL_CENTRE, "beijing", 0, 1, 0, 0, NULL, NULL,
	    NULL, NULL, 1 };
	char *s;
	size_t i;

	build_case(&centre);
	assert_string_equal(nextsteps_topic_label(TOPIC_WHERE), "Where:");
	assert_string_equal(nextsteps_topic_label(TOPIC_TIME), "How long:");
	assert_string_equal(nextsteps_topic_label(TOPIC_FEE), "Fee:");
	for (i = 0; i < nitems(topics); i++) {
		s = region_describe(a.region, CHANNEL_CENTRE, topics[i]);
		assert_string_equal(step(nextsteps_topic_label(topics[i])), s);
		free(s);
	}
}

/*
 * Every region, channel, service, kit and card: the anti-fraud notice last,
 * the follow-up before it, the loss report first exactly when the card is
 * lost, and then no step asks for the card.
 */
static void
test_every_case(void **state)
{
	struct say c = { 0 };
	int i, k, j, lost;

	for (i = 0; i < region_count(); i++)
		for (c.channel = 0; c.channel < CHANNEL_COUNT; c.channel++)
			for (k = 0; k < 8; k++) {
				c.region = region_at(i)->id;
				c.sends = k & 1, c.kit = (k >> 1) & 1, c.lost = lost = (k >> 2) & 1;
				build_case(&c);
				assert_true(ns.n >= 4);
				assert_string_equal(ns.v[ns.n - 1].label, "Beware:");
				assert_string_equal(ns.v[ns.n - 2].label, "Follow up:");
				assert_int_equal(strcmp(ns.v[0].label, "First:") == 0, lost);
				for (j = 0; j < ns.n; j++) {
					assert_true(ns.v[j].text[0] != '\0');
					if (lost)
						assert_lacks(ns.v[j].text, "current card");
				}
			}
}

/* The e-card shows the physical card's photo: three paragraphs, the in-app upload unconfirmed. */
static void
test_ecard(void **state)
{
	assert_true(nextsteps_ecard_label()[0] != '\0');
	assert_contains(nextsteps_ecard(0), "new physical card");
	assert_contains(nextsteps_ecard(1), "no official source confirms it");
	assert_non_null(nextsteps_ecard(2));
	assert_null(nextsteps_ecard(3));
	assert_null(nextsteps_ecard(-1));
}

/* What the wizard says it does: sends only with a card service. */
static void
test_intro(void **state)
{
	assert_contains(nextsteps_intro(1), "queued and sent");
	assert_lacks(nextsteps_intro(1), "sends nothing");
	assert_contains(nextsteps_intro(0), "sends nothing");
	assert_contains(nextsteps_unofficial(), "not an official channel");
}

/* Guangdong takes a studio's receipt number; its form is 6-30 ASCII letters and digits. */
static void
test_receipt_numbers(void **state)
{
	assert_true(nextsteps_receipt_ok(region_find("shenzhen")));
	assert_true(nextsteps_receipt_ok(region_find("guangzhou")));
	assert_false(nextsteps_receipt_ok(region_find("beijing")));
	assert_false(nextsteps_receipt_ok(region_find("national")));
	assert_false(nextsteps_receipt_ok(-1));
	assert_true(nextsteps_receipt_valid(0, "SZ20261201A8"));
	assert_true(nextsteps_receipt_valid(0, "A12345"));
	assert_true(nextsteps_receipt_valid(0, "123456789012345678901234567890"));
	assert_false(nextsteps_receipt_valid(0, ""));
	assert_false(nextsteps_receipt_valid(0, "A1234"));
	assert_false(nextsteps_receipt_valid(0, "1234567890123456789012345678901"));
	assert_false(nextsteps_receipt_valid(0, "SZ-2026-12"));
	assert_false(nextsteps_receipt_valid(0, "SZ 202612"));
	assert_false(nextsteps_receipt_valid(0, "ＳＺ2026120"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_one_wording),
		cmocka_unit_test(test_every_case),
		cmocka_unit_test(test_ecard),
		cmocka_unit_test(test_intro),
		cmocka_unit_test(test_receipt_numbers),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
