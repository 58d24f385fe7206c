/*
 * checked.h -- the checked photo: the bytes the check saw are the bytes that
 * are queued or saved.  The citizen's file is copied once into the run's
 * workspace; the check reads the copy (or sscard's fix of it); queueing and
 * the kit read the copy again and refuse it unless its SHA-256 is the one
 * recorded, and unless the citizen's own file is still what was copied.
 */
#ifndef SSCARD_CHECKED_H
#define SSCARD_CHECKED_H

#include <stddef.h>

/* Photos larger than this are refused before they are copied, queued or saved. */
#define CHECKED_PHOTO_MAX	(50L * 1024 * 1024)

struct application;
struct workspace;

/* SHA-256 of data as 64 lower-case hex digits. */
void	checked_sha256(const void *, size_t, char [65]);
/*
 * Copies the file at path into the workspace as name and makes a's
 * checked_path the copy; sha, unless NULL, gets the digest of its bytes.
 * Returns 0, or -1 with *cause; caller frees.
 */
int	checked_copy(struct application *, const struct workspace *, const char *,
	    const char *, char [65], char **);
/*
 * checked_take_fd of the file at path (already expanded), opened with
 * kiosk_open_given: in a kiosk only beneath its photo folders.  Returns 0,
 * or -1 with *cause; caller frees.
 */
int	checked_take(struct application *, const struct workspace *, const char *,
	    char **);
/*
 * Copies the photo open at fd (shown names it in messages) into the
 * workspace as name: its bytes are read from fd only, never by a name.
 * sha, unless NULL, gets their digest.  Returns the copy's path (caller
 * frees), or NULL with *cause; caller frees.
 */
char	*checked_stage(const struct workspace *, int, const char *, const char *,
	    char [65], char **);
/*
 * The photo open at fd becomes the photo to check: copied into the
 * workspace, and probed there (a JPEG or PNG sscard can load); a file that
 * fails leaves the photo checked before in place.  Returns 0, or -1 with
 * *cause naming the file as shown; caller frees.
 */
int	checked_take_fd(struct application *, const struct workspace *, int,
	    const char *, char **);
/* cause with the first mention of the copy's path made shown's; frees cause. */
char	*checked_cause_named(char *, const char *, const char *);
/* The fixed photo at path (in the workspace) becomes the photo to use. */
int	checked_adopt(struct application *, const char *, char **);
/*
 * Reads the checked bytes into *data (free with wipe_free) after verifying
 * them; the citizen's own file is read again (kiosk_open_given) to see
 * whether it changed.  Returns 0, or -1 with *cause saying what changed;
 * caller frees.
 */
int	checked_read(const struct application *, char **, size_t *, char **);
/* "~/photo.jpg" means the home folder, as in a shell; caller frees. */
char	*checked_expand(const char *);
/*
 * What sscard's fix did to the checked photo and what offices may think of
 * an edited photo, for the application's region; NULL when it was not fixed.
 * Caller frees.
 */
char	*checked_edit_notice(const struct application *);

#endif
