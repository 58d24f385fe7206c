/*
 * kit.h -- the application kit a citizen takes to an official app or a
 * counter: photo.jpg (the checked photo, byte for byte), print-sheet.jpg
 * (a 6-inch sheet at 300 dpi with copies of the photo in the region's print
 * size, 26x32 mm unless it asks for another, and thin cut marks) and
 * summary.txt (channel, region, checklist, facts, next steps).
 */
#ifndef SSCARD_KIT_H
#define SSCARD_KIT_H

#include <stddef.h>

struct application;
struct config;

/* The sheet: 4x6 inches (101.6x152.4 mm, the 6-inch print) at 300 dpi. */
#define KIT_SHEET_W	1200
#define KIT_SHEET_H	1800
#define KIT_DPI		300

/*
 * A kiosk's kit_dir (when not NULL), else [kit] dir, else ~/sscard, then the
 * date and time: where a kit goes; caller frees.
 */
char	*kit_default_dir(const struct config *, const char *);
/*
 * Saves the kit of a into folder `dir` (0700; files 0600, written
 * atomically).  With `fresh` (the default folder) the folder must be new:
 * dir, else dir-2, dir-3..., so that two runs never share one.  The photo
 * comes only from the checked bytes (checked_read); with a studio's receipt
 * number instead of a photo, only summary.txt is written.  `sends` as for
 * nextsteps_build.  Returns 0 with *saved (the folder; caller frees), or -1
 * with *cause; caller frees.
 */
int	kit_save(const struct application *, int, const char *, int, char **,
	    char **);
/* summary.txt's text in the current language; caller frees. */
char	*kit_summary(const struct application *, int);
/*
 * Lays copies of the JPEG photo, w x h mm each (its middle where the shape
 * differs), out on the sheet and encodes it (JFIF, 300 dpi).  Returns 0
 * with *out (free) and *len, or -1 with *cause; *copies gets how many
 * copies it holds.
 */
int	kit_print_sheet(const char *, size_t, int, int, unsigned char **, size_t *,
	    int *, char **);

/*
 * The last step's first sentence, true here: received by `service` (its
 * receipt), queued for it, or (service NULL) the kit prepared.  Caller frees.
 */
char	*kit_headline(const struct application *, const char *);
/* "Kit saved in DIR (...)": the files the kit of a holds (with a receipt number, no photo).  Caller frees. */
char	*kit_saved_line(const struct application *, const char *);
/* The review step's consent line: sending to `service`, or (NULL) the kit only.  Caller frees. */
char	*kit_consent(const struct application *, const char *);
/*
 * What the QR code holds, for a helper's phone or a counter: the receipt
 * number the configured service gave, else the kit's essentials (the
 * channel, the region and what to bring, in the current language; never
 * the name, the ID number or the phone number).  *what gets the sentence
 * that says so, for the screen.  Both allocated; caller frees.
 */
char	*kit_qr_text(const struct application *, char **);

#endif
