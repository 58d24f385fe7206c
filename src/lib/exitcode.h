/* exitcode.h -- sscard's documented exit statuses (see EXIT STATUS in sscard.1). */
#ifndef SSCARD_EXITCODE_H
#define SSCARD_EXITCODE_H

enum exit_status {
	EXIT_FINISHED = 0,	/* the wizard ended on its receipt; a command succeeded */
	EXIT_FAILED = 1,	/* runtime error; for `check`, a photo failed a rule */
	EXIT_USAGE = 2,		/* bad options, bad config or bad key script */
	EXIT_CANCELLED = 3,	/* the user quit the wizard */
	EXIT_REPLAY_ENDED = 4,	/* the key script ran out before the wizard ended */
	EXIT_INPUT_GONE = 5,	/* a kiosk's input ended for good; everything was wiped first */
};

#endif
