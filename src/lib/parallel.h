/* parallel.h -- work shared among the processors. */
#ifndef SSCARD_PARALLEL_H
#define SSCARD_PARALLEL_H

#include <pthread.h>

#define PARALLEL_MAX	4	/* most threads one piece of work uses */

/*
 * Threads to use: SSCARD_THREADS when set, else one per processor; 1 to
 * PARALLEL_MAX.  With 1, everything below runs in the calling thread.
 */
int	parallel_threads(void);

/*
 * Calls fn(arg, i) for every i in [0, n), the items handed out in order to
 * the threads (this one among them) as each is free; returns when all are
 * done.  Items must not write the same memory.
 */
void	parallel_each(int n, void (*fn)(void *, int), void *arg);

/*
 * Calls fn(arg, lo, hi) on consecutive parts of [0, n), one per thread but
 * none under min items; returns when every part is done.
 */
void	parallel_for(int n, int min, void (*fn)(void *, int, int), void *arg);

/* One task beside the calling thread: parallel_start, other work, parallel_wait. */
struct parallel_task {
	pthread_t	  th;
	int		  started;
	void		*(*fn)(void *);
	void		 *arg;
};
/* Starts fn(arg) in a thread of its own, or runs it now when there is to be one thread. */
void	parallel_start(struct parallel_task *, void *(*)(void *), void *);
void	parallel_wait(struct parallel_task *);

#endif
