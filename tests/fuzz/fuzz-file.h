/*
 * fuzz-file.h -- for targets whose code under test reads a file: the input
 * is written to one file in a private folder made once per process.
 */
#ifndef SSCARD_FUZZ_FILE_H
#define SSCARD_FUZZ_FILE_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The folder, made on first use and removed at exit. */
static char	fuzz_dir[] = "/tmp/sscard-fuzz-XXXXXX";

static void
fuzz_dir_remove(void)
{
	char cmd[64];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", fuzz_dir);
}

/* Writes data to <folder>/name and returns the path (static storage per name slot). */
static const char *
fuzz_file(const char *name, const uint8_t *data, size_t size)
{
	static char path[4][256];
	static int made, slot;
	char *p;
	int fd;

	if (!made) {
		if (mkdtemp(fuzz_dir) == NULL) {
			perror("mkdtemp");
			exit(99);
		}
		atexit(fuzz_dir_remove);
		made = 1;
	}
	p = path[slot++ % 4];
	snprintf(p, sizeof path[0], "%s/%s", fuzz_dir, name);
	if ((fd = open(p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0 ||
	    write(fd, data, size) != (ssize_t)size) {
		perror(p);
		exit(99);
	}
	close(fd);
	return (p);
}

#endif
