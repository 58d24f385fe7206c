/* fsutil.h -- private directories and atomic writes for personal data. */
#ifndef SSCARD_FSUTIL_H
#define SSCARD_FSUTIL_H

#include <stddef.h>

struct stat;

/*
 * Creates path and missing parents (made 0700).  The last `own` components,
 * when they exist already, must belong to the user and be writable by nobody
 * else, or -1 with *cause: an existing folder's mode is never changed.
 */
int	fs_mkdir_private(const char *, int, char **);
/*
 * Opens the folder path (O_DIRECTORY) after the same check as
 * fs_mkdir_private.  Returns the descriptor, or -1 with *cause.
 */
int	fs_open_dir(const char *, char **);
/* fs_write_atomic relative to the folder descriptor dfd; dir names it in messages. */
int	fs_write_atomic_at(int, const char *, const char *, const void *, size_t,
	    char **);
/*
 * Opens dir/name relative to dfd with flags (O_CREAT makes it 0600), never
 * following a symbolic link; refuses anything but a regular file of the
 * user's that only they can read.  Returns the descriptor, or -1 with *cause.
 */
int	fs_open_private_at(int, const char *, const char *, int, char **);
/* Appends one line with a single write (the file open with O_APPEND): 0 or -1. */
int	fs_append_line(int, const char *, size_t);
/*
 * Writes data to dir/name atomically: a 0600 temp file in dir, fsync, rename,
 * fsync of dir.  On failure the old file (if any) is intact.  Returns 0, or
 * -1 with *cause; caller frees.
 */
int	fs_write_atomic(const char *, const char *, const void *, size_t, char **);
/*
 * The same without waiting for the disk: after a crash the file holds the
 * old contents or the new, or may be empty.  Only for files that can be
 * lost safely.  Returns 0, or -1 with *cause; caller frees.
 */
int	fs_replace(const char *, const char *, const void *, size_t, char **);
/* fs_write_atomic for a path ("dir/name", "name" or "/name"); -1 if it names a folder. */
int	fs_write_path(const char *, const void *, size_t, char **);
/* Reads a whole file of at most `max` bytes; caller frees *data. */
int	fs_read_file(const char *, size_t, char **, size_t *, char **);
/*
 * Judges the file open at fd (opened O_NONBLOCK, so that a FIFO or a device
 * did not wait), not its name: a regular file, then read blocking.  Fills
 * *st.  Returns 0, or -1 with *cause naming path; fd stays open.
 */
int	fs_regular_fd(int, const char *, struct stat *, char **);
/*
 * The same from fd, open already (it is not closed; path names it in
 * messages): a regular file only, read from where fd stands.
 */
int	fs_read_fd(int, const char *, size_t, char **, size_t *, char **);
int	fs_fsync_dir(const char *, char **);
/*
 * Overwrites every file in the folder path with zeros, removes them, its
 * subfolders and the folder; links are removed, never followed.
 */
void	fs_wipe_dir(const char *);
/* One file: overwritten with zeros, synced, removed (never through a symlink). */
void	fs_wipe_file(const char *);
/*
 * In folder dir, wipes (fs_wipe_dir) every folder of ours named
 * <prefix><pid>-<tail> whose process no longer runs: what a crash left.
 * tail: the length of what follows the pid (letters and digits, as
 * mkdtemp makes them), or 0 for any.
 */
/*
 * Opens path beneath the folder dfd with flags: path is relative, has no
 * ".." component, and no component is a symbolic link (openat2 with
 * RESOLVE_BENEATH and RESOLVE_NO_SYMLINKS where the kernel has it, else one
 * component at a time with O_NOFOLLOW).  Always close-on-exec.  Returns the
 * descriptor, or -1 with errno (EXDEV: it would lead out; ELOOP: a link).
 */
int	fs_open_beneath(int, const char *, int);
/* For tests: 1 takes the component walk even where the kernel has openat2. */
void	fs_open_beneath_walk(int);
void	fs_sweep_dead(const char *, const char *, size_t);
/* Fills buf with n random bytes from the kernel. */
void	fs_random(void *, size_t);

#endif
