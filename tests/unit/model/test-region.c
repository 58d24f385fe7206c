/*
 * test-region.c -- the region table: lookup, its invariants (unique ids, a
 * known photo profile, the national row every other falls back on, notes
 * under the channels they are about), and each fact as the citizen reads it.
 */
#include "lib/system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../expect.h"

#include "model/application.h"
#include "model/region.h"
#include "photo/profile.h"

/* The index of region id, which must exist. */
static int
at(const char *id)
{
	int i = region_find(id);

	if (i < 0)
		fail_msg("no region \"%s\"", id);
	return (i);
}

/* Past either end there is no region; ids are exact, case and all. */
static void
test_lookup_edges(void **state)
{
	assert_null(region_at(-1));
	assert_null(region_at(region_count()));
	assert_int_equal(region_find(""), -1);
	assert_int_equal(region_find("Beijing"), -1);
	assert_int_equal(region_find("beijing "), -1);
	assert_int_equal(region_find("nowhere"), -1);
	assert_string_equal(region_at(at("beijing"))->id, "beijing");
}

/* Every id finds its own row: ids are unique, stable words. */
static void
test_ids_unique(void **state)
{
	const struct region *r;
	int i;

	assert_true(region_count() > 1);
	for (i = 0; i < region_count(); i++) {
		r = region_at(i);
		assert_non_null(r);
		assert_true(r->id[0] != '\0');
		assert_int_equal(strspn(r->id, "abcdefghijklmnopqrstuvwxyz-"),
		    strlen(r->id));
		assert_int_equal(region_find(r->id), i);
	}
}

/*
 * The first row is the national default the others fall back on: all its
 * facts known and its online services named, so no fallback is empty.
 */
static void
test_national_first(void **state)
{
	const struct region *n = region_at(0);
	int c;

	assert_string_equal(n->id, "national");
	assert_int_not_equal(n->fee.certainty, FACT_UNKNOWN);
	for (c = 0; c < CHANNEL_COUNT; c++)
		assert_int_not_equal(n->days[c].certainty, FACT_UNKNOWN);
	assert_non_null(n->online);
}

/* A fact is a known certainty and a value that is a number of yuan or days. */
static void
expect_sane(const struct fact *f)
{
	assert_in_range(f->certainty, FACT_UNKNOWN, FACT_SOURCED);
	assert_in_range(f->value, 0, 100);
	if (f->certainty == FACT_UNKNOWN)
		assert_int_equal(f->value, 0);
}

/* Every row has what each channel's screens need: name, profile, facts, a printed size. */
static void
test_rows_whole(void **state)
{
	const struct region *r;
	int i, c;

	for (i = 0; i < region_count(); i++) {
		r = region_at(i);
		assert_non_null(r->name);
		assert_non_null(r->profile);
		if (profile_find(r->profile) == NULL)
			fail_msg("region %s: no photo profile \"%s\"", r->id, r->profile);
		expect_sane(&r->fee);
		for (c = 0; c < CHANNEL_COUNT; c++)
			expect_sane(&r->days[c]);
		/* Both sides of the print given, or neither (26x32). */
		assert_int_equal(r->print_w > 0, r->print_h > 0);
		assert_true(r->print_w <= r->print_h);
	}
}

/*
 * A note says where it is true (online, a counter, both), and the notes
 * come first: region_note stops at the first empty one.
 */
static void
test_notes_well_formed(void **state)
{
	const struct region *r;
	int i, k, ended;

	for (i = 0; i < region_count(); i++) {
		r = region_at(i);
		for (k = 0, ended = 0; k < REGION_NOTES; k++) {
			if (r->notes[k].text == NULL) {
				ended = 1;
				continue;
			}
			if (ended)
				fail_msg("region %s: note %d after an empty one", r->id, k);
			assert_int_not_equal(r->notes[k].channels, 0);
			assert_int_equal(r->notes[k].channels & ~NOTE_ALL, 0);
		}
	}
}

/* Beijing's online hours never show under a counter; Liaocheng's warning shows everywhere. */
static void
test_notes_by_channel(void **state)
{
	int b = at("beijing"), l = at("liaocheng"), c;

	assert_contains(region_note(b, CHANNEL_ONLINE, 0), "5th of each month");
	assert_null(region_note(b, CHANNEL_ONLINE, 1));
	assert_null(region_note(b, CHANNEL_BANK, 0));
	assert_null(region_note(b, CHANNEL_CENTRE, 0));
	assert_null(region_note(at("guangzhou"), CHANNEL_CENTRE, 0));
	for (c = 0; c < CHANNEL_COUNT; c++)
		assert_contains(region_note(l, c, 0), "licensed ID-photo studio");
	assert_null(region_note(at("national"), CHANNEL_ONLINE, 0));
	assert_null(region_note(-1, CHANNEL_ONLINE, 0));
	assert_null(region_note(region_count(), CHANNEL_BANK, 0));
}

/* Guangzhou's small 1-inch print is 22x32 mm; everywhere else, and for no region, 26x32. */
static void
test_print_size(void **state)
{
	int w, h;

	region_print_size(at("guangzhou"), &w, &h);
	assert_int_equal(w, 22);
	assert_int_equal(h, 32);
	region_print_size(at("beijing"), &w, &h);
	assert_int_equal(w, 26);
	assert_int_equal(h, 32);
	region_print_size(-1, &w, &h);
	assert_int_equal(w, 26);
	assert_int_equal(h, 32);
}

/*
 * Each fact as the citizen reads it: a sourced one stated, the same day only
 * where a source says so, an unknown one the national figure marked for
 * checking; a region's own online services, else the national ones; the
 * card itself to take home only where it is made on the spot.
 */
static void
test_facts(void **state)
{
	static const struct {
		const char		*region;
		int			 channel;
		enum region_topic	 topic;
		const char		*part;
	} facts[] = {
		{ "jiaozuo", CHANNEL_BANK, TOPIC_FEE, "Free." },
		{ "qinhuangdao", CHANNEL_BANK, TOPIC_FEE, "30 yuan when" },
		{ "beijing", CHANNEL_ONLINE, TOPIC_FEE, "20 yuan when" },
		{ "national", CHANNEL_ONLINE, TOPIC_FEE, "Usually 20 yuan" },
		{ "binzhou", CHANNEL_CENTRE, TOPIC_FEE, "Usually 20 yuan" },
		{ "binzhou", CHANNEL_CENTRE, TOPIC_FEE, "check with your local office" },
		{ "beijing", CHANNEL_ONLINE, TOPIC_TIME, "About 4 working days." },
		{ "shenzhen", CHANNEL_BANK, TOPIC_TIME, "The same day" },
		{ "beijing", CHANNEL_CENTRE, TOPIC_TIME, "to 15 working days" },
		/* Unknown at a Beijing bank outlet: the national "often the same day". */
		{ "beijing", CHANNEL_BANK, TOPIC_TIME, "Often the same day" },
		{ "binzhou", CHANNEL_ONLINE, TOPIC_TIME, "to 15 working days" },
		{ "qinhuangdao", CHANNEL_BANK, TOPIC_RECEIVE, "The new card itself, before" },
		{ "national", CHANNEL_BANK, TOPIC_RECEIVE, "where the outlet makes it" },
		{ "beijing", CHANNEL_CENTRE, TOPIC_RECEIVE, "A receipt (回执单)" },
		{ "beijing", CHANNEL_ONLINE, TOPIC_RECEIVE, "application number (受理编号)" },
		{ "beijing", CHANNEL_ONLINE, TOPIC_WHERE, "京通" },
		{ "binzhou", CHANNEL_ONLINE, TOPIC_WHERE, "国家政务服务平台" },
		{ "beijing", CHANNEL_BANK, TOPIC_WHERE, "cooperating bank" },
		/* A channel out of range is the centre. */
		{ "beijing", -1, TOPIC_WHERE, "social security centre" },
		{ "beijing", CHANNEL_COUNT, TOPIC_WHERE, "social security centre" },
	};
	char *s;
	size_t i;

	for (i = 0; i < nitems(facts); i++) {
		s = region_describe(at(facts[i].region), facts[i].channel, facts[i].topic);
		assert_contains(s, facts[i].part);
		free(s);
	}
	/* No region: the national facts. */
	s = region_describe(-1, CHANNEL_ONLINE, TOPIC_WHERE);
	assert_contains(s, "国家政务服务平台");
	free(s);
}

/* Every region, channel and topic has a sentence: no screen is ever left blank. */
static void
test_every_fact_said(void **state)
{
	char *s;
	int i, c, t;

	for (i = 0; i < region_count(); i++)
		for (c = 0; c < CHANNEL_COUNT; c++)
			for (t = TOPIC_WHERE; t < TOPIC_COUNT; t++) {
				s = region_describe(i, c, (enum region_topic)t);
				if (strlen(s) < 5)
					fail_msg("region %s, channel %d, topic %d: \"%s\"",
					    region_at(i)->id, c, t, s);
				free(s);
			}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup_edges),
		cmocka_unit_test(test_ids_unique),
		cmocka_unit_test(test_national_first),
		cmocka_unit_test(test_rows_whole),
		cmocka_unit_test(test_notes_well_formed),
		cmocka_unit_test(test_notes_by_channel),
		cmocka_unit_test(test_print_size),
		cmocka_unit_test(test_facts),
		cmocka_unit_test(test_every_fact_said),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
