/* fuzz-config.c -- libFuzzer target: any configuration file loads or is refused, never crashes. */
#include "lib/system.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/config.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/sscard-fuzz-config-XXXXXX", *cause = NULL;
	struct config cfg;
	long n;
	int fd;

	if ((fd = mkstemp(path)) < 0)
		return (0);
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return (0);
	}
	close(fd);
	config_init(&cfg);
	if (config_load_file(&cfg, path, &cause) != 0)
		free(cause);
	else if (config_long(&cfg, "backend", "retries", 3, 0, 100, &n, &cause) != 0)
		free(cause);
	config_free(&cfg);
	unlink(path);
	return (0);
}
