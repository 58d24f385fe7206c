/* cmd-net.h -- the commands that queue, send and follow applications. */
#ifndef SSCARD_CMD_NET_H
#define SSCARD_CMD_NET_H

struct config;
struct photo_profile;

int	cmd_submit(int, char **, struct config *);
int	cmd_outbox(int, char **, struct config *);
int	cmd_status(int, char **, struct config *);

/*
 * The photo check that `sscard check` runs (src/photo-check.c): 0 pass, 1
 * fails a rule (*cause says which), -1 error (*cause); caller frees.
 */
int	photo_verdict(const char *, const struct photo_profile *,
	    const struct config *, char **);

#endif
