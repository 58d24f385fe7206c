/* parallel.c -- work shared among the processors, for the photo engine. */
#include "lib/system.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/parallel.h"

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

struct items {
	void		(*fn)(void *, int);
	void		*arg;
	int		 n;
	atomic_int	 next;
};

static void *
take_items(void *p)
{
	struct items *it = p;
	int i;

	while ((i = atomic_fetch_add(&it->next, 1)) < it->n)
		it->fn(it->arg, i);
	return (NULL);
}

void
parallel_each(int n, void (*fn)(void *, int), void *arg)
{
	struct items it = { fn, arg, n, 0 };
	pthread_t th[PARALLEL_MAX];
	int k = parallel_threads(), started = 0, i;

	if (k > n)
		k = n;
	/* A thread that cannot start leaves its share to the others. */
	while (started < k - 1 && pthread_create(&th[started], NULL, take_items,
	    &it) == 0)
		started++;
	take_items(&it);
	for (i = 0; i < started; i++)
		pthread_join(th[i], NULL);
}

struct parts {
	void	(*fn)(void *, int, int);
	void	*arg;
	int	 n, k;
};

static void
run_part(void *p, int i)
{
	const struct parts *pt = p;

	pt->fn(pt->arg, (int)((long)pt->n * i / pt->k),
	    (int)((long)pt->n * (i + 1) / pt->k));
}

void
parallel_for(int n, int min, void (*fn)(void *, int, int), void *arg)
{
	struct parts pt = { fn, arg, n, parallel_threads() };

	if (min < 1)
		min = 1;
	if (pt.k > n / min)
		pt.k = n / min;
	if (pt.k <= 1) {
		if (n > 0)
			fn(arg, 0, n);
		return;
	}
	parallel_each(pt.k, run_part, &pt);
}

void
parallel_start(struct parallel_task *t, void *(*fn)(void *), void *arg)
{
	t->fn = fn;
	t->arg = arg;
	t->started = parallel_threads() > 1 &&
	    pthread_create(&t->th, NULL, fn, arg) == 0;
	if (!t->started)
		fn(arg);
}

void
parallel_wait(struct parallel_task *t)
{
	if (t->started)
		pthread_join(t->th, NULL);
	t->started = 0;
}
