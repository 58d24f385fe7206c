/*
 * region.c -- the region table: data, not code.  Facts and sources are in
 * domain.md §2 and §4; where sources disagree the entry says FACT_DISPUTED and
 * the screen tells the citizen to check with the local office.
 */
#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "region.h"
#include "xmalloc.h"

#define SOURCED(v)	{ (v), FACT_SOURCED }
#define DISPUTED(v)	{ (v), FACT_DISPUTED }
#define UNKNOWN		{ 0, FACT_UNKNOWN }

static const struct region regions[] = {
	{ "national", N_("Other region (national default)"), "national",
	  DISPUTED(20), { DISPUTED(15), DISPUTED(0), DISPUTED(15) },
	  "国家政务服务平台, 电子社保卡, 掌上12333", NULL },
	{ "beijing", N_("Beijing 北京"), "national",
	  SOURCED(20), { SOURCED(4), UNKNOWN, DISPUTED(15) },
	  "北京市社会保险网上服务平台, 北京12333, 京通",
	  N_("Online applications open from the 5th of each month to its end, "
	     "06:00-22:00. Progress: hotline 96102.") },
	{ "shenzhen", N_("Shenzhen 深圳"), "shenzhen",
	  DISPUTED(20), { UNKNOWN, SOURCED(0), UNKNOWN },
	  "深圳社保 (WeChat)",
	  N_("Get a photo receipt number (数字相片回执) first, then apply.") },
	{ "guangzhou", N_("Guangzhou 广州"), "guangzhou",
	  DISPUTED(20), { UNKNOWN, UNKNOWN, UNKNOWN },
	  "广州人社 (WeChat) → 社保通 → 社会保障卡",
	  N_("The photo is reviewed in 1 to 5 working days; you receive a photo "
	     "receipt number (相片回执号) by SMS.") },
	{ "binzhou", N_("Binzhou 滨州"), "binzhou",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN }, NULL, NULL },
	{ "jinan", N_("Jinan 济南"), "jinan",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN }, NULL, NULL },
	{ "liaocheng", N_("Liaocheng 聊城"), "liaocheng",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN }, NULL,
	  N_("The photo must be taken at a licensed ID-photo studio; glasses "
	     "are not allowed.") },
	{ "suzhou-ah", N_("Suzhou 宿州 (Anhui)"), "suzhou-ah",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN }, "安徽政务服务网, 皖事通",
	  N_("After applying online, collect the card in person at the outlet "
	     "you chose.") },
	{ "hubei", N_("Hubei 湖北 / Wuhan 武汉"), "national",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN }, NULL, NULL },
	{ "jiaozuo", N_("Jiaozuo 焦作 (Henan)"), "national",
	  SOURCED(0), { UNKNOWN, UNKNOWN, UNKNOWN }, NULL,
	  N_("Replacement fees are waived since October 2024.") },
	{ "qinhuangdao", N_("Qinhuangdao 秦皇岛"), "national",
	  SOURCED(30), { UNKNOWN, SOURCED(0), UNKNOWN }, NULL, NULL },
};

static struct fact	fact_or_national(const struct fact *, const struct fact *);
static char		*describe_fee(const struct region *);
static char		*describe_time(const struct region *, int);

const struct region *
region_at(int i)
{
	return (i >= 0 && (size_t)i < nitems(regions) ? &regions[i] : NULL);
}

int
region_count(void)
{
	return ((int)nitems(regions));
}

int
region_find(const char *id)
{
	size_t i;

	for (i = 0; i < nitems(regions); i++)
		if (strcmp(regions[i].id, id) == 0)
			return ((int)i);
	return (-1);
}

/* The region's fact, or the national one (then never more than disputed). */
static struct fact
fact_or_national(const struct fact *own, const struct fact *national)
{
	struct fact f = *own;

	if (f.certainty == FACT_UNKNOWN) {
		f = *national;
		if (f.certainty == FACT_SOURCED)
			f.certainty = FACT_DISPUTED;
	}
	return (f);
}

static char *
describe_fee(const struct region *r)
{
	struct fact f = fact_or_national(&r->fee, &regions[0].fee);

	if (f.certainty == FACT_SOURCED)
		return (f.value == 0 ? xstrdup(_("Free.")) :
		    xasprintf(_("%d yuan when the change is for personal reasons "
		    "(a new photo is)."), f.value));
	if (f.certainty == FACT_DISPUTED)
		return (xasprintf(_("Usually %d yuan when the change is for personal "
		    "reasons, but cities differ (some charge 25 or 30 yuan, some "
		    "nothing): check with your local office."), f.value));
	return (xstrdup(_("Not known for this region: check with your local office.")));
}

static char *
describe_time(const struct region *r, int channel)
{
	struct fact f = fact_or_national(&r->days[channel], &regions[0].days[channel]);

	if (f.certainty == FACT_SOURCED)
		return (f.value == 0 ? xstrdup(_("The same day: the outlet makes the "
		    "card while you wait (立等可取).")) :
		    xasprintf(_("About %d working days."), f.value));
	if (f.certainty == FACT_DISPUTED)
		return (f.value == 0 ? xstrdup(_("Often the same day (立等可取) at "
		    "outlets that make cards on the spot; otherwise up to 15 working "
		    "days: check with your local office.")) :
		    xasprintf(_("Up to %d working days in most places, but times "
		    "differ: check with your local office."), f.value));
	return (xstrdup(_("Not known for this region: check with your local office.")));
}

const char *
region_topic_label(enum region_topic topic)
{
	static const char *const labels[TOPIC_COUNT] = {
		N_("Where:"), N_("Fee:"), N_("How long:"), N_("You receive:"),
	};

	return ((int)topic < TOPIC_COUNT ? _(labels[topic]) : "");
}

char *
region_describe(int index, int channel, enum region_topic topic)
{
	const struct region *r = region_at(index);

	if (r == NULL)
		r = &regions[0];
	if (channel < 0 || channel >= CHANNEL_COUNT)
		channel = CHANNEL_CENTRE;
	switch (topic) {
	case TOPIC_WHERE:
		if (channel == CHANNEL_ONLINE)
			return (xasprintf(_("Online, with your current card and a "
			    "phone that receives SMS codes: %s."),
			    r->online != NULL ? r->online : regions[0].online));
		if (channel == CHANNEL_BANK)
			return (xstrdup(_("An outlet of the cooperating bank that "
			    "issued your card (合作银行网点); the bank is fixed by where "
			    "the card was issued.")));
		return (xstrdup(_("Your local social security centre or street "
		    "office (社保中心 / 社保所), on a working day.")));
	case TOPIC_FEE:
		return (describe_fee(r));
	case TOPIC_TIME:
		return (describe_time(r, channel));
	case TOPIC_RECEIVE:
		if (channel == CHANNEL_ONLINE)
			return (xstrdup(_("An application number (受理编号) to follow "
			    "progress; the new card is posted to you or collected at "
			    "an outlet.")));
		return (xstrdup(_("A receipt (回执单) and a replacement proof "
		    "(补换卡证明): together they serve as your medical voucher while "
		    "the new card is made. Keep them to collect the card.")));
	}
	return (xstrdup(""));
}
