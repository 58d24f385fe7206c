/* cmd-kiosk.h -- `sscard kiosk-pin`. */
#ifndef SSCARD_CLI_CMD_KIOSK_H
#define SSCARD_CLI_CMD_KIOSK_H

struct config;

/* Asks for a helper PIN twice, unseen, and prints its [kiosk] pin_hash line. */
int	cmd_kiosk_pin(int, char **, struct config *);

#endif
