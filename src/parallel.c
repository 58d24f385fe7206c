/* parallel.c -- work shared among the processors, for the photo engine. */
#include "system.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "parallel.h"

static pthread_once_t	once = PTHREAD_ONCE_INIT;
static int		threads;

static void
count_threads(void)
{
	const char *e = getenv("SSCARD_THREADS");
	long v = e != NULL && *e != '\0' ? strtol(e, NULL, 10) :
	    sysconf(_SC_NPROCESSORS_ONLN);

	threads = v < 1 ? 1 : v > PARALLEL_MAX ? PARALLEL_MAX : (int)v;
}

int
parallel_threads(void)
{
	pthread_once(&once, count_threads);
	return (threads);
}

struct part {
	void	(*fn)(void *, int, int);
	void	*arg;
	int	 lo, hi;
};

static void *
run_part(void *p)
{
	struct part *pt = p;

	pt->fn(pt->arg, pt->lo, pt->hi);
	return (NULL);
}

void
parallel_for(int n, int min, void (*fn)(void *, int, int), void *arg)
{
	struct part parts[PARALLEL_MAX];
	pthread_t th[PARALLEL_MAX];
	int k = parallel_threads(), i, started[PARALLEL_MAX];

	if (min < 1)
		min = 1;
	if (k > n / min)
		k = n / min;
	if (k <= 1) {
		if (n > 0)
			fn(arg, 0, n);
		return;
	}
	for (i = 0; i < k; i++) {
		parts[i].fn = fn;
		parts[i].arg = arg;
		parts[i].lo = (int)((long)n * i / k);
		parts[i].hi = (int)((long)n * (i + 1) / k);
	}
	/* Part 0 is this thread's; a part whose thread cannot start is run here too. */
	for (i = 1; i < k; i++)
		started[i] = pthread_create(&th[i], NULL, run_part, &parts[i]) == 0;
	run_part(&parts[0]);
	for (i = 1; i < k; i++) {
		if (started[i])
			pthread_join(th[i], NULL);
		else
			run_part(&parts[i]);
	}
}
