/* outbox.h -- every application is stored here first, so nothing is ever lost. */
#ifndef SSCARD_OUTBOX_H
#define SSCARD_OUTBOX_H

struct application;
struct config;

struct outbox {
	char	*dir;	/* .../sscard/outbox */
};

/* Photos larger than this are refused before they are copied. */
#define OUTBOX_PHOTO_MAX	(50L * 1024 * 1024)

/*
 * Finds the outbox ([outbox] dir, else $XDG_DATA_HOME/sscard/outbox, else
 * ~/.local/share/sscard/outbox) and creates it 0700.  Returns 0, or -1 with
 * *cause; caller frees.
 */
int	outbox_open(struct outbox *, const struct config *, char **);
void	outbox_close(struct outbox *);
/*
 * Stores the application and a copy of its photo as one new entry
 * <dir>/<id>/{application.json,photo.jpg}: files 0600, folders 0700, each
 * written atomically, the entry renamed into place whole.  Returns 0 with
 * *id set (caller frees), or -1 with *cause.
 */
int	outbox_queue(const struct outbox *, const struct application *, char **, char **);

#endif
