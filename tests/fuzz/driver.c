/*
 * driver.c -- runs a libFuzzer target without libFuzzer: on the seed files
 * given, then on deterministic mutations of them (FUZZ_SMOKE_ROUNDS per seed,
 * default 3000), so that `make check` under
 * ASan exercises every target (a smoke run; `--enable-fuzzing` builds the real
 * fuzzers with clang).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define ROUNDS	3000
#define MAXLEN	65536

static uint32_t	seed = 2463534242u;

/* xorshift32: the same mutations on every run, so a failure reproduces. */
static uint32_t
next(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return (seed);
}

static size_t
load(const char *path, uint8_t *buf)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL) {
		perror(path);
		exit(99);
	}
	n = fread(buf, 1, MAXLEN, f);
	fclose(f);
	return (n);
}

int
main(int argc, char **argv)
{
	static uint8_t base[MAXLEN], buf[MAXLEN];
	const char *env = getenv("FUZZ_SMOKE_ROUNDS");
	size_t len, n, i;
	int a, r, rounds = env != NULL && atoi(env) > 0 ? atoi(env) : ROUNDS;

	for (a = 1; a < argc; a++) {
		len = load(argv[a], base);
		LLVMFuzzerTestOneInput(base, len);
		for (r = 0; r < rounds; r++) {
			memcpy(buf, base, len);
			n = len;
			for (i = next() % 8 + 1; i > 0; i--) {
				switch (next() % 4) {
				case 0:	/* flip a byte */
					if (n > 0)
						buf[next() % n] = (uint8_t)next();
					break;
				case 1:	/* cut */
					n = n > 0 ? next() % n : 0;
					break;
				case 2:	/* insert a special byte */
					if (n < MAXLEN) {
						size_t at = n > 0 ? next() % n : 0;
						static const uint8_t special[] = "<>[]=#\n\xff\xe5\0";

						memmove(buf + at + 1, buf + at, n - at);
						buf[at] = special[next() % (sizeof special)];
						n++;
					}
					break;
				case 3:	/* duplicate the tail */
					if (n > 0 && n * 2 <= MAXLEN) {
						memcpy(buf + n, buf, n);
						n *= 2;
					}
					break;
				}
			}
			LLVMFuzzerTestOneInput(buf, n);
		}
	}
	printf("%d seeds x %d mutations: no crash\n", argc - 1, rounds);
	return (0);
}
