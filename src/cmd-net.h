/* cmd-net.h -- the commands that queue, send and follow applications. */
#ifndef SSCARD_CMD_NET_H
#define SSCARD_CMD_NET_H

struct config;

int	cmd_submit(int, char **, struct config *);
int	cmd_outbox(int, char **, struct config *);
int	cmd_status(int, char **, struct config *);

#endif
