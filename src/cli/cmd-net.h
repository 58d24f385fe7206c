/* cmd-net.h -- the commands that queue, send and follow applications. */
#ifndef SSCARD_CMD_NET_H
#define SSCARD_CMD_NET_H

#include <stddef.h>

struct application;
struct config;

int	cmd_submit(int, char **, struct config *);
int	cmd_outbox(int, char **, struct config *);
int	cmd_status(int, char **, struct config *);

/*
 * Reads an answers file's contents into a (application_init'ed by the
 * caller) and checks the person's details as `sscard submit` does, the photo
 * aside.  Returns 0, or -1 with *cause, which never quotes the ID number;
 * caller frees.
 */
int	cmd_answers_check(const char *, size_t, struct application *, char **);

#endif
