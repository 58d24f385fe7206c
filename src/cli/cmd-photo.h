/* cmd-photo.h -- the photo subcommands. */
#ifndef SSCARD_CMD_PHOTO_H
#define SSCARD_CMD_PHOTO_H

struct config;

/* sscard check [--profile P] [--json] PHOTO...: 0 all pass, 1 one fails, 2 error. */
int	cmd_check(int, char **, struct config *);
/* sscard fix [--profile P] PHOTO -o OUT: 0 only when OUT passes. */
int	cmd_fix(int, char **, struct config *);

#endif
