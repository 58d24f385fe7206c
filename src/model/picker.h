/* picker.h -- photo files in a folder, found by their bytes; paths as drag-and-drop types them. */
#ifndef SSCARD_PICKER_H
#define SSCARD_PICKER_H

#include <stddef.h>
#include <time.h>

struct kiosk;

struct picker_entry {
	char		*path;		/* folder/name as listed */
	const char	*kind;		/* "JPEG" or "PNG" */
	time_t		 mtime;
	long long	 size;
};

/* "JPEG" or "PNG" when the file's first bytes say so, else NULL. */
const char	*picker_kind(const char *);
/* The same for the file open at fd, read at its start (the offset stays). */
const char	*picker_kind_fd(int);
/*
 * Lists the regular files of dir that are JPEG or PNG by their bytes (not
 * their names), newest first, into *v (*n entries; free with
 * picker_list_free).  In a kiosk, each is opened beneath its folder
 * (kiosk_open_photo): a symbolic link is left out before a byte is read.  Returns 0, or -1 with *cause; caller frees.
 */
int	picker_list(const char *, const struct kiosk *, struct picker_entry **,
	    size_t *, char **);
void	picker_list_free(struct picker_entry *, size_t);
/*
 * The images a citizen may pick: those of the working folder, or in a kiosk
 * those of every photo folder, newest first.  Returns 0, or -1 with *cause
 * naming a folder that could not be read (the others are listed); caller
 * frees.
 */
int	picker_list_roots(const struct kiosk *, struct picker_entry **, size_t *,
	    char **);
/*
 * What a typed or dropped path means: surrounding quotes removed,
 * backslash escapes undone, a file:// URL %-decoded, "~/" the home folder.
 * Returns the path (caller frees), or NULL with *cause (another kind of URL,
 * a bad %-escape); caller frees.
 */
char	*picker_clean_path(const char *, char **);

#endif
