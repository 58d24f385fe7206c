/* parallel.h -- work shared among the processors. */
#ifndef SSCARD_PARALLEL_H
#define SSCARD_PARALLEL_H

#define PARALLEL_MAX	4	/* most threads one piece of work uses */

/* Threads to use: SSCARD_THREADS when set (1: this thread alone), else one per processor; 1 to PARALLEL_MAX. */
int	parallel_threads(void);

/*
 * Calls fn(arg, lo, hi) on consecutive parts of [0, n), one per thread
 * (this one among them) but none under min items, and returns when every
 * part is done.  The parts must not write the same memory.
 */
void	parallel_for(int n, int min, void (*fn)(void *, int, int), void *arg);

#endif
