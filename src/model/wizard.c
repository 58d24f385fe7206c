/* wizard.c -- the wizard's steps, in order, with what both front ends show of them. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xmalloc.h"
#include "model/backend.h"
#include "model/session.h"
#include "model/wizard.h"

static const char	*outcome_title(const struct session *);
static int		 submit_skip(const struct session *);
static int		 no_service(const struct session *);

const struct wizard_step wizard_steps[] = {
	{
		.id = "welcome",
		.title = N_("Welcome"),
		.help = N_("Choose the language of the wizard. Everything you type is "
		    "kept when you go back and forth between steps, and kept as a draft on "
		    "this computer until the kit is saved or the application is queued, so "
		    "that a dropped connection loses nothing (never on a kiosk). Answers "
		    "saved earlier are offered below the languages: Resume goes on where "
		    "they were; going on without resuming replaces them. A copy of your "
		    "photo (and its fixed version) goes into a private folder for this "
		    "run, wiped when sscard ends. After you agree on the review step, "
		    "sscard saves the application kit in the folder shown on the last "
		    "step, or, with a card service configured, queues the application in "
		    "the outbox and sends it."),
	},
	{
		.id = "channel",
		.title = N_("How to apply"),
		.help = N_("Choose your region with Left and Right, then move through the "
		    "three channels with Up and Down: each shows where you go, the fee, "
		    "how long it takes and what you receive. The last line, for those "
		    "who only want the photo on the electronic card changed, says what "
		    "that takes. When the facts do not all "
		    "fit, the last line says so: End shows the next fact, Home goes back "
		    "to the first. Space chooses a channel, Enter chooses it and goes on. "
		    "Where sources disagree, sscard says so: check with your local "
		    "office."),
	},
	{
		.id = "details",
		.title = N_("Personal details"),
		.help = N_("Type your full name as on your ID card. With a card service "
		    "configured, also your 18-character citizen ID number and your mobile "
		    "number: an old 15-digit number is converted for you to check, and the "
		    "ID number is checked with its last character (GB 11643), so a typing "
		    "mistake is caught here. With no service, say whether the card is for a "
		    "child under 16. Left and Right change a choice and the region."),
	},
	{
		.id = "materials",
		.title = N_("Materials"),
		.help = N_("These are the things to bring, or to have ready, for the "
		    "channel you chose. Tick each one you have with Space or Enter. You "
		    "can save the list to a text file to print or take with you: type a "
		    "file name and press Ctrl-S. You may go on with items unticked. If your "
		    "card is lost, tick \"My current card is lost\": the card is then not "
		    "needed, and the next steps begin with reporting the loss (挂失)."),
	},
	{
		.id = "photo",
		.title = N_("Photo"),
		.help = N_("Type where your photo file is: a path like /media/usb/photo.jpg "
		    "or ~/photo.jpg. It must be a JPEG or PNG file. A photo studio's "
		    "digital photo (数码照) is best; a phone photo taken against a white "
		    "wall also works. sscard copies the file into a private folder for "
		    "this run and checks the copy; the copy is wiped when sscard ends. "
		    "Where the region accepts it (Guangdong), Tab goes to \"I have a "
		    "photo studio's receipt number\": Space ticks it, and you type the "
		    "number instead of a path."),
	},
	{
		.id = "check",
		.title = N_("Photo check"),
		.help = N_("Your photo is checked against the rules of your region: size "
		    "in pixels, resolution, file size, one face looking at the camera, "
		    "its size and position, a plain white background, light and "
		    "sharpness. PASS, WARN and FAIL say how each rule went; warnings do "
		    "not stop you. If a rule fails and the photo can be fixed, focus "
		    "starts on the Fix button and Enter fixes: sscard crops and whitens "
		    "a copy, keeps it in this run's private folder (wiped when sscard "
		    "ends), and checks it again. Otherwise focus starts on the first "
		    "rule that does not pass, and Enter goes on when the photo passes. "
		    "Up and Down move through the rules; the advice of the rule under "
		    "the focus is below the list. After a fix, V shows the photo before "
		    "and after over the whole screen; V or Esc shows the rules again."),
	},
	{
		.id = "review",
		.title = N_("Review"),
		.help = N_("Check every line. To change something, go back with F2. "
		    "Where an ID number was asked, it is masked so that people nearby "
		    "cannot read it; tick \"Show the full ID number\" to check it. The photo on the right is "
		    "the checked one: exactly these bytes are used. Tick the consent "
		    "line, then F3 or Enter goes on: with a card service configured the "
		    "application is queued and sent; without one, the next step saves "
		    "your application kit."),
	},
	{
		.id = "submit",
		.title = N_("Sending"),
		.help = N_("The application is sent to the card service. If the network "
		    "or the service is down, sscard tries again after a while. Esc stops "
		    "sending; the application stays queued on this computer and nothing "
		    "is lost. \"Try again\" sends it now; \"Go on\" shows the local id."),
		.skip = submit_skip,
		.absent = no_service,
		.no_back = 1,
	},
	{
		.id = "receipt",
		.title = N_("Your application kit and next steps"),
		.title_of = outcome_title,
		.help = N_("The kit is a folder with photo.jpg (the checked photo, to "
		    "upload in an official app or bring on a phone or USB stick), "
		    "print-sheet.jpg (a 6-inch sheet with copies in the size your region "
		    "asks for, 26x32 mm in most regions, for any photo kiosk) and "
		    "summary.txt (what to bring and do, to print). Type another folder "
		    "if you like; \"Save the kit\" or Ctrl-S saves it, Finish saves it "
		    "too when no card service is configured. The next steps below "
		    "scroll a step at a time: End shows more, Home goes back to the "
		    "start (in the folder field, Home and End move the cursor). A local "
		    "reference is known only to this computer; a receipt number comes "
		    "only from an office or the configured service. Tab or Down moves on "
		    "to the buttons: \"QR code for a helper\" shows a QR code a helper "
		    "can scan with a phone, holding the receipt number the service gave, "
		    "or else the channel, the region and what to bring (never your name, "
		    "ID number or phone number); Enter or Esc hides it. \"Print\" (only "
		    "when a print command is configured) prints summary.txt and "
		    "print-sheet.jpg."),
	},
	{ .id = NULL }
};

/* The last step says what became of the application. */
static const char *
outcome_title(const struct session *s)
{
	if (s->model.receipt != NULL)
		return (N_("Receipt and next steps"));
	if (s->model.outbox_id != NULL)
		return (N_("Queued: next steps"));
	return (N_("Your application kit and next steps"));
}

/* Nothing to send without a card service, or once it has the application. */
static int
submit_skip(const struct session *s)
{
	return (!session_sends(s) || s->model.receipt != NULL);
}

/* Without a card service the submit step is not part of the run. */
static int
no_service(const struct session *s)
{
	return (!session_sends(s));
}

int
wizard_count(void)
{
	return ((int)nitems(wizard_steps) - 1);
}

int
wizard_index(const char *id)
{
	int i;

	for (i = 0; id != NULL && wizard_steps[i].id != NULL; i++)
		if (strcmp(wizard_steps[i].id, id) == 0)
			return (i);
	return (-1);
}

const char *
wizard_title(const struct session *s, int step)
{
	const struct wizard_step *w = &wizard_steps[step];

	return (_(w->title_of != NULL ? w->title_of(s) : w->title));
}

char *
wizard_heading(const struct session *s, int step)
{
	char *t, *u;

	/* TRANSLATORS: the first line of every screen: "Step 3 of 7: Personal details". */
	t = xasprintf(_("Step %d of %d: %s"), wizard_number(s, step, step),
	    wizard_number(s, wizard_count() - 1, step), wizard_title(s, step));
	if (!backend_insecure(s->cfg))
		return (t);
	u = xasprintf("%s  !! %s", t, _("INSECURE: the card service's certificate "
	    "is not checked"));
	free(t);
	return (u);
}

char *
wizard_replay_ended(int step)
{
	return (xasprintf(_("%s: the key script ended before the wizard did "
	    "(on step '%s')\n"), PACKAGE, wizard_steps[step].id));
}

int
wizard_skipped(const struct session *s, int step)
{
	return (wizard_steps[step].skip != NULL && wizard_steps[step].skip(s));
}

int
wizard_number(const struct session *s, int step, int current)
{
	int n = 0, j;

	for (j = 0; j <= step; j++)
		if (j == current || !(wizard_steps[j].absent != NULL ?
		    wizard_steps[j].absent(s) : wizard_skipped(s, j)))
			n++;
	return (n);
}

int
wizard_next(const struct session *s, int step, int dir)
{
	int i = step + dir;

	while (i > 0 && i < wizard_count() && wizard_skipped(s, i))
		i += dir;
	return (i < 0 ? step : i);
}

int
wizard_back_refused(const struct session *s, int step, const char **why)
{
	if (!wizard_steps[step].no_back && s->model.outbox_id == NULL)
		return (0);
	*why = _("The application is already queued; going back would not change it.");
	return (-1);
}

int
wizard_keeps_checked(int step)
{
	/* On the check step the photo taken is kept too: a resumed draft checks it again. */
	return (step >= wizard_index("check"));
}
