/* cmd-preview.h -- `sscard preview`: a photo shown in the terminal as the wizard shows it. */
#ifndef SSCARD_CLI_CMD_PREVIEW_H
#define SSCARD_CLI_CMD_PREVIEW_H

struct config;

/* sscard preview [--graphics=MODE] [--cells COLSxROWS] PHOTO */
int	cmd_preview(int, char **, struct config *);

#endif
