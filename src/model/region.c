/*
 * region.c -- the region table: data, not code.  Facts and sources are in
 * domain.md §2 and §4; where sources disagree the entry says FACT_DISPUTED and
 * the screen tells the citizen to check with the local office.
 */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>

#include "model/region.h"
#include "lib/xmalloc.h"

#define SOURCED(v)	{ (v), FACT_SOURCED }
#define DISPUTED(v)	{ (v), FACT_DISPUTED }
#define UNKNOWN		{ 0, FACT_UNKNOWN }

static const struct region regions[] = {
	{ "national", N_("Other region (national default)"), "national",
	  DISPUTED(20), { DISPUTED(15), DISPUTED(0), DISPUTED(15) },
	  N_("the national government service platform (国家政务服务平台), the "
	     "electronic card app (电子社保卡), 掌上12333"), { { 0, NULL } },
	  0, 0, STUDIO_ANY },
	{ "beijing", N_("Beijing 北京"), "national",
	  SOURCED(20), { SOURCED(4), UNKNOWN, DISPUTED(15) },
	  N_("the Beijing social insurance online platform (北京市社会保险网上服务平台), "
	     "the 北京12333 app, 京通"),
	  { { NOTE_ONLINE, N_("Online applications open from the 5th of each "
	      "month to its end, 06:00-22:00.") } },
	  0, 0, STUDIO_ANY },
	{ "shenzhen", N_("Shenzhen 深圳"), "shenzhen",
	  DISPUTED(20), { UNKNOWN, SOURCED(0), UNKNOWN },
	  N_("the 深圳社保 WeChat account"),
	  { { NOTE_ALL, N_("Get a photo receipt number (相片回执号) first, for "
	      "example with the 数字相片回执 mini-program, then apply.") } },
	  0, 0, STUDIO_RECEIPT },
	/* "白底小一寸": the small 1-inch print, 22x32 mm (domain.md §2). */
	{ "guangzhou", N_("Guangzhou 广州"), "guangzhou",
	  DISPUTED(20), { UNKNOWN, UNKNOWN, UNKNOWN },
	  N_("the 广州人社 WeChat account → 社保通 → 社会保障卡"),
	  { { NOTE_ONLINE, N_("The photo is reviewed in 1 to 5 working days; you "
	      "receive a photo receipt number (相片回执号) by SMS.") } },
	  22, 32, STUDIO_ANY },
	{ "binzhou", N_("Binzhou 滨州"), "binzhou",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN }, NULL, { { 0, NULL } },
	  0, 0, STUDIO_ANY },
	{ "jinan", N_("Jinan 济南"), "jinan",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN }, NULL, { { 0, NULL } },
	  0, 0, STUDIO_ANY },
	/* One copied third-party list, inconsistent in itself: Low (domain.md §2). */
	{ "liaocheng", N_("Liaocheng 聊城"), "liaocheng",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN }, NULL,
	  { { NOTE_ALL, N_("A single weak source (a list copied between websites) "
	      "says that Liaocheng takes only photos from a licensed ID-photo "
	      "studio, without glasses; the national rules allow clear glasses you "
	      "always wear. Ask your local office before you have the photo "
	      "taken.") } },
	  0, 0, STUDIO_ONLY_WEAK },
	{ "suzhou-ah", N_("Suzhou 宿州 (Anhui)"), "suzhou-ah",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN },
	  N_("the Anhui government service website (安徽政务服务网), the 皖事通 app"),
	  { { NOTE_ONLINE, N_("After applying online, collect the card in person "
	      "at the outlet you chose.") } },
	  0, 0, STUDIO_ANY },
	{ "hubei", N_("Hubei 湖北 / Wuhan 武汉"), "national",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN }, NULL, { { 0, NULL } },
	  0, 0, STUDIO_ANY },
	{ "jiaozuo", N_("Jiaozuo 焦作 (Henan)"), "national",
	  SOURCED(0), { UNKNOWN, UNKNOWN, UNKNOWN }, NULL,
	  { { NOTE_ALL, N_("Replacement fees are waived since October 2024.") } },
	  0, 0, STUDIO_ANY },
	{ "qinhuangdao", N_("Qinhuangdao 秦皇岛"), "national",
	  SOURCED(30), { UNKNOWN, SOURCED(0), UNKNOWN }, NULL, { { 0, NULL } },
	  0, 0, STUDIO_ANY },
	/* The two regions whose temporary card a source describes (domain.md §4.4). */
	{ "changchun", N_("Changchun 长春 (Jilin)"), "national",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN }, NULL, { { 0, NULL } },
	  0, 0, STUDIO_ANY },
	{ "suqian", N_("Suqian 宿迁 (Jiangsu)"), "national",
	  UNKNOWN, { UNKNOWN, UNKNOWN, UNKNOWN }, NULL, { { 0, NULL } },
	  0, 0, STUDIO_ANY },
};

static struct fact	fact_or_national(const struct fact *, const struct fact *);
static char		*describe_fee(const struct region *);
static char		*describe_time(const struct region *, int);
static char		*describe_receive(const struct region *, int);

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

const char *
region_note(int index, int channel, int i)
{
	const struct region *r = region_at(index);
	int k;

	for (k = 0; r != NULL && k < REGION_NOTES && r->notes[k].text != NULL; k++)
		if ((r->notes[k].channels & (1u << channel)) != 0 && i-- == 0)
			return (_(r->notes[k].text));
	return (NULL);
}

void
region_print_size(int index, int *w, int *h)
{
	const struct region *r = region_at(index);

	*w = r != NULL && r->print_w > 0 ? r->print_w : 26;
	*h = r != NULL && r->print_h > 0 ? r->print_h : 32;
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

/*
 * One sentence for each case, used by the channel step, the next steps and
 * summary.txt alike: the sources give 4 working days (Beijing online, seed
 * 002) to 15 (seed 000, applications by post); bank outlets often make the
 * card on the spot, some take 15 to 30 working days (domain.md §4.6).
 */
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
		    "outlets that make cards on the spot; elsewhere 15 to 30 working "
		    "days (sources differ): check with your local office.")) :
		    xasprintf(_("From 4 working days (one source) to %d working days "
		    "(another): check with your local office."), f.value));
	return (xstrdup(_("Not known for this region: check with your local office.")));
}

/* What the counter gives: at an outlet that makes the card on the spot, the card itself. */
static char *
describe_receive(const struct region *r, int channel)
{
	struct fact f = fact_or_national(&r->days[channel], &regions[0].days[channel]);

	if (channel == CHANNEL_ONLINE)
		return (xstrdup(_("An application number (受理编号) to follow "
		    "progress; the new card is posted to you or collected at "
		    "an outlet.")));
	if (f.value == 0 && f.certainty == FACT_SOURCED)
		return (xstrdup(_("The new card itself, before you leave; activate "
		    "it as the outlet tells you.")));
	if (f.value == 0)
		return (xstrdup(_("The new card itself where the outlet makes it on "
		    "the spot; otherwise a receipt (回执单) and a replacement proof "
		    "(补换卡证明): together they serve as your medical voucher until "
		    "the card is ready. Keep them to collect the card.")));
	return (xstrdup(_("A receipt (回执单) and a replacement proof "
	    "(补换卡证明): together they serve as your medical voucher while "
	    "the new card is made. Keep them to collect the card.")));
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
			return (xasprintf(_("Online, with a phone that receives "
			    "SMS codes: %s."),
			    _(r->online != NULL ? r->online : regions[0].online)));
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
		return (describe_receive(r, channel));
	}
	return (xstrdup(""));
}
