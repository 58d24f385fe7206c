/*
 * nextsteps.c -- next steps per channel and region (domain.md §4.2-4.9,
 * seeds 000 and 002).  Data first, then the sentences built from it.
 */
#include "lib/system.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/application.h"
#include "model/nextsteps.h"
#include "model/region.h"
#include "lib/xmalloc.h"

/* What a region adds to the national steps; every field may be NULL / 0. */
struct region_steps {
	const char	*region;	/* region.c's id */
	int		 receipt_ok;	/* takes a photo studio's receipt number (Guangdong) */
	const char	*hotline;	/* the region's card hotline (digits) */
	const char	*online;	/* N_(): the path inside the region's own service */
	const char	*temp_card;	/* N_(): its temporary card (临时卡), where a source describes one */
};

static const struct region_steps table[] = {
	{ "beijing", 0, "96102",
	  N_("In Beijing: 北京市社会保险网上服务平台 → 个人用户登录 → 申报业务管理 → "
	     "社会保障卡补换卡或卡申领; after paying you receive the collection "
	     "proof (《新发与补[换]社会保障卡领卡证明》)."), NULL },
	{ "shenzhen", 1, NULL,
	  N_("In Shenzhen: first get a photo receipt number in the 数字相片回执 "
	     "mini-program (or from a photo studio), then apply in the 深圳社保 "
	     "WeChat account → 社会保障卡管理."), NULL },
	{ "guangzhou", 1, NULL,
	  N_("In Guangzhou: 广州人社 (WeChat) → 社保通 → 社会保障卡 → 社保卡相片上传; "
	     "the photo is reviewed in 1 to 5 working days and the photo receipt "
	     "number (相片回执号) comes by SMS."), NULL },
	{ "suzhou-ah", 0, NULL,
	  N_("In Suzhou (Anhui): 安徽政务服务网 (人社便民e站) or the 皖事通 app; then "
	     "collect the card in person at the outlet you chose (nobody can "
	     "collect it for you)."), NULL },
	/* domain.md §4.4: henanlong (Changchun) and xiangrikui (宿迁), both third-party. */
	{ "changchun", 0, NULL, NULL,
	  N_("While the card is made, the counter may give you a temporary card "
	     "(临时卡): one third-party source says it is usually valid for 60 days "
	     "(6 months at most), has no bank functions, works only in this region "
	     "and is handed back when you collect the new card.") },
	{ "suqian", 0, NULL, NULL,
	  N_("While the card is made, a temporary card (临时卡) may be issued "
	     "against a deposit of 10 yuan (one third-party source): ask at the "
	     "counter.") },
};

static const struct region_steps *steps_of(int);
static void	add(struct nextsteps *, const char *, char *);
static char	*photo_to_bring(const struct application *, int);
static void	online_steps(const struct application *, struct nextsteps *);
static void	counter_steps(const struct application *, int, struct nextsteps *);
static void	follow_up(const struct application *, int, struct nextsteps *);

static const struct region_steps *
steps_of(int index)
{
	const struct region *r = region_at(index);
	size_t i;

	for (i = 0; r != NULL && i < nitems(table); i++)
		if (strcmp(table[i].region, r->id) == 0)
			return (&table[i]);
	return (NULL);
}

int
nextsteps_receipt_ok(int region)
{
	const struct region_steps *s = steps_of(region);

	return (s != NULL && s->receipt_ok);
}

/* No source gives a region's receipt format: the general rule for all. */
int
nextsteps_receipt_valid(int region, const char *s)
{
	size_t n = strlen(s), i;

	(void)region;
	if (n < 6 || n > 30)
		return (0);
	for (i = 0; i < n; i++)
		if (!isascii((unsigned char)s[i]) || !isalnum((unsigned char)s[i]))
			return (0);
	return (1);
}

const char *
nextsteps_topic_label(enum region_topic t)
{
	static const char *const labels[] = {
		[TOPIC_WHERE] = N_("Where:"),
		[TOPIC_FEE] = N_("Fee:"),
		[TOPIC_TIME] = N_("How long:"),
		[TOPIC_RECEIVE] = N_("You receive:"),
	};

	return (_(labels[t]));
}

const char *
nextsteps_intro(int sends)
{
	return (sends ? _("This wizard helps you change the photo on your social "
	    "security card (社保卡). You choose how to apply, enter your details, "
	    "gather the materials and check your photo; the application is then "
	    "queued and sent to the service configured on this computer. sscard "
	    "is not an official channel.") : _("This wizard helps you change the "
	    "photo on your social security card (社保卡). You choose how to apply, "
	    "enter your details, gather the materials and check your photo; you "
	    "leave with an application kit (photo, print sheet, summary) to use "
	    "in an official app or at a counter. sscard is not an official "
	    "channel and sends nothing."));
}

const char *
nextsteps_unofficial(void)
{
	return (_("sscard is not an official channel of the social security "
	    "bureau: it helps you prepare. The application is made through one "
	    "of the official channels below."));
}

const char *
nextsteps_ecard_label(void)
{
	return (_("I only want the photo on the electronic card (电子社保卡) changed"));
}

const char *
nextsteps_ecard(int i)
{
	static const char *const text[] = {
		N_("The electronic card (电子社保卡) shows the photo of your physical "
		   "card. To change it, you apply for a new physical card with the "
		   "new photo (换卡); the electronic card then shows the new photo "
		   "(an official answer, quoted by one website)."),
		N_("Some guides describe uploading a new photo inside the electronic "
		   "card app, to be reviewed there; no official source confirms it. "
		   "If your app offers it, that is the app's own process: sscard "
		   "cannot tell whether it works or what it changes."),
		N_("So choose one of the three channels: the photo you check here is "
		   "for the new card."),
	};

	return (i >= 0 && (size_t)i < nitems(text) ? _(text[i]) : NULL);
}

static void
add(struct nextsteps *ns, const char *label, char *text)
{
	ns->v = xreallocarray(ns->v, (size_t)ns->n + 1, sizeof *ns->v);
	ns->v[ns->n].label = xstrdup(label);
	ns->v[ns->n].text = text;
	ns->n++;
}

/* The photo in the form a counter takes it; caller frees. */
static char *
photo_to_bring(const struct application *a, int unsaved)
{
	if (a->photo_receipt[0] != '\0')
		return (xasprintf(_("the photo studio's receipt number %s"),
		    a->photo_receipt));
	if (unsaved)
		return (xstrdup(_("the photo (\"Save the kit\" above writes it "
		    "as photo.jpg and as a print sheet for any photo kiosk)")));
	return (xstrdup(_("the photo: print-sheet.jpg printed at any photo "
	    "kiosk, or photo.jpg on a phone or USB stick")));
}

static void
online_steps(const struct application *a, struct nextsteps *ns)
{
	const struct region *r = region_at(a->region);
	const struct region_steps *rs = steps_of(a->region);
	char *s;

	if (a->photo_receipt[0] != '\0')
		s = xasprintf(_("Apply in an official service and give the photo "
		    "studio's receipt number %s where it asks for the photo: "
		    "国家政务服务平台, 掌上12333 or 电子社保卡 (in 微信, or in 支付宝: "
		    "市民中心 → 社保)."), a->photo_receipt);
	else
		s = xstrdup(_("Upload photo.jpg in an official service: "
		    "国家政务服务平台, 掌上12333 or 电子社保卡 (in 微信, or in 支付宝: "
		    "市民中心 → 社保)."));
	add(ns, _("Where:"), s);
	/* The region's own path where there is one, else its services: one row, not two. */
	if (rs != NULL && rs->online != NULL)
		add(ns, _("Your region:"), xstrdup(_(rs->online)));
	else if (r != NULL && r->online != NULL && strcmp(r->id, "national") != 0)
		add(ns, _("Your region:"), xasprintf(_("This region's own "
		    "services: %s."), _(r->online)));
	add(ns, _("Steps:"), xstrdup(a->card_lost ? _("Inside the service: 补卡 "
	    "(the replacement of a lost card, often listed under 补换卡) → upload "
	    "the photo → confirm → wait for the review → pay, where a fee "
	    "applies. You need a phone that receives SMS codes; the lost card "
	    "is not needed.") : _("Inside the service: 换卡 (换卡申请 or "
	    "社保卡信息变更) → upload the photo → confirm → wait for the review "
	    "→ pay, where a fee applies. You need your current card (or its "
	    "number) and a phone that receives SMS codes.")));
	add(ns, _("Then:"), xstrdup(_("The new card is posted to you or collected "
	    "at an outlet. The electronic card (电子社保卡) shows the photo of your "
	    "physical card, so it changes with the new card, not before (an "
	    "official answer, quoted by one website).")));
}

/* Bank outlet and service centre: what to bring, how long, what to keep. */
/* `unsaved`: the kit may not be saved yet, so its files are not named as there. */
static void
counter_steps(const struct application *a, int unsaved, struct nextsteps *ns)
{
	const struct region_steps *rs = steps_of(a->region);
	char *photo = photo_to_bring(a, unsaved), *t;

	if (a->channel == CHANNEL_BANK)
		t = xasprintf(a->card_lost ? _("Your ID card (original) and %s. "
		    "The lost card is not needed.") : _("Your ID card (original), "
		    "your current card and %s."), photo);
	else
		t = xasprintf(a->card_lost ? _("Your ID card (original and a "
		    "photocopy) and %s. The lost card is not needed.") :
		    _("Your ID card (original and a photocopy), your current card "
		    "and %s."), photo);
	free(photo);
	add(ns, _("Where:"), region_describe(a->region, a->channel, TOPIC_WHERE));
	add(ns, _("Bring:"), t);
	/* The same sentence as the channel step's: one truth, one wording. */
	add(ns, _("How long:"), region_describe(a->region, a->channel, TOPIC_TIME));
	add(ns, _("Fee:"), region_describe(a->region, a->channel, TOPIC_FEE));
	if (a->channel == CHANNEL_BANK)
		add(ns, _("Then:"), xstrdup(_("The new card must be activated "
		    "before use: its financial account at the bank, and its social "
		    "security functions where your region asks for it.")));
	else
		add(ns, _("Keep:"), xstrdup(_("The receipt (回执单) and the "
		    "replacement proof (补换卡证明): together they are your medical "
		    "voucher until the new card is ready; costs you pay meanwhile are "
		    "reimbursed by the manual process (手工报销).")));
	if (rs != NULL && rs->temp_card != NULL)
		add(ns, _("Meanwhile:"), xstrdup(_(rs->temp_card)));
}

/* 1 when the card is made on the spot, as a source says for this region and channel. */
static int
made_on_the_spot(const struct application *a)
{
	const struct region *r = region_at(a->region);

	return (r != NULL && r->days[a->channel].certainty == FACT_SOURCED &&
	    r->days[a->channel].value == 0);
}

static void
follow_up(const struct application *a, int sends, struct nextsteps *ns)
{
	const struct region_steps *rs = steps_of(a->region);
	char *s, *t;

	if (rs != NULL && rs->hotline != NULL)
		s = xasprintf(_("Call 12333 or this region's hotline %s, or look "
		    "in the service where you applied."), rs->hotline);
	else
		s = xstrdup(_("Call 12333, or look in the service where you "
		    "applied."));
	if (!made_on_the_spot(a)) {
		/* domain.md §4.9: the production-status words of the official services. */
		t = xasprintf("%s %s", s, _("The official services show progress in "
		    "words such as 制卡中 (the card is being made) and 银行网点签收 (the "
		    "card has reached the bank outlet: go and collect it); each region "
		    "has its own words."));
		free(s);
		s = t;
	}
	if (sends && a->receipt != NULL) {
		t = xasprintf(_("%s \"sscard status %s\" asks the service "
		    "configured on this computer."), s, a->receipt);
		free(s);
		s = t;
	}
	add(ns, _("Follow up:"), s);
}

/* The loss report: the temporary one at once; the formal one where the channel allows. */
static void
loss_steps(const struct application *a, struct nextsteps *ns)
{
	add(ns, _("First:"), xstrdup(_("Report the loss (挂失) at once: call "
	    "12333, use the app (电子社保卡 or 掌上12333) or the bank's customer "
	    "service. This temporary loss lasts only days (7 in some places; 5, "
	    "10 or 15 in others: check with your local office).")));
	switch (a->channel) {
	case CHANNEL_ONLINE:
		add(ns, _("Formal loss:"), xstrdup(_("The sources say the loss is "
		    "made formal (正式挂失) in person with your ID card, for the card "
		    "and for its bank account; whether your region then lets you "
		    "apply for 补卡 (the replacement of a lost card) online, they do "
		    "not say. Ask 12333 before you apply online, or apply at a "
		    "counter. Once the card is reported lost, the electronic card may "
		    "stop working (sources disagree).")));
		break;
	case CHANNEL_BANK:
		add(ns, _("Formal loss:"), xstrdup(_("At the outlet, with your ID "
		    "card: make the loss formal (正式挂失) for the card and for its "
		    "bank account, and ask for 补卡 (the replacement of a lost card), "
		    "not 换卡. Some outlets do all of it in one visit: check with "
		    "your local office.")));
		break;
	default:
		add(ns, _("Formal loss:"), xstrdup(_("In person, with your ID card: "
		    "make the loss formal (正式挂失) for the card at the centre, where "
		    "you ask for 补卡 (the replacement of a lost card) rather than "
		    "换卡, and for its bank account at the bank.")));
		break;
	}
}

/* domain.md §4.4 (what a guardian brings), §1.4 (photos from age 7, Medium). */
static const char child_note[] = N_("A parent or guardian (监护人) applies for "
    "a child under 16 and gives consent for the child. Bring your own ID card "
    "and the child's household register (户口簿) or birth certificate; a child "
    "under 16 may use the household register instead of an ID card. Whether an "
    "online service takes a child's application differs by region, and one "
    "source says a photo is needed only from age 7: ask 12333 or your local "
    "office.");

void
nextsteps_build(const struct application *a, int sends, int kit,
    struct nextsteps *ns)
{
	memset(ns, 0, sizeof *ns);
	if (a->card_lost)
		loss_steps(a, ns);
	if (a->minor)
		add(ns, _("For a child:"), xstrdup(_(child_note)));
	if (a->channel == CHANNEL_ONLINE)
		online_steps(a, ns);
	else
		counter_steps(a, !kit, ns);
	follow_up(a, sends, ns);
	/* domain.md §5.3: the issuers' anti-fraud notice. */
	add(ns, _("Beware:"), xstrdup(_("人社 (the social security bureau) and its "
	    "banks do not send text messages with links about card changes (the "
	    "card issuers' anti-fraud notice): do not open such a link; if in "
	    "doubt, call 12333.")));
}

void
nextsteps_free(struct nextsteps *ns)
{
	int i;

	for (i = 0; i < ns->n; i++) {
		free(ns->v[i].label);
		free(ns->v[i].text);
	}
	free(ns->v);
	memset(ns, 0, sizeof *ns);
}

int
nextsteps_facts(int r, int channel, struct nextsteps_fact *facts)
{
	const char *note;
	int n = 0, i;

	for (i = 0; i < TOPIC_COUNT; i++, n++) {
		facts[n].label = nextsteps_topic_label((enum region_topic)i);
		facts[n].text = region_describe(r, channel, (enum region_topic)i);
	}
	/* Only the notes true for this channel: online hours are not a counter's. */
	for (i = 0; n < FACTS_MAX && (note = region_note(r, channel, i)) != NULL; i++, n++) {
		facts[n].label = NULL;
		facts[n].text = xstrdup(note);
	}
	return (n);
}

void
nextsteps_facts_free(struct nextsteps_fact *facts, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(facts[i].text);
}

char *
nextsteps_facts_heading(int channel)
{
	/* TRANSLATORS: %s is a channel name, e.g. "Online". */
	return (xasprintf(_("%s, in this region:"), channel_name(channel)));
}
