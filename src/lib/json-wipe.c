/* json-wipe.c -- allocation for jansson that wipes what it frees. */
#include "lib/system.h"

#include <jansson.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "lib/json-wipe.h"

static void	*json_wipe_malloc(size_t);
static void	 json_wipe_release(void *);

/*
 * Plain malloc, so that what json_dumps returns may still be given to
 * free(); the size to wipe comes from the allocator itself.
 */
static void *
json_wipe_malloc(size_t n)
{
	return (malloc(n));
}

static void
json_wipe_release(void *p)
{
	if (p == NULL)
		return;
	explicit_bzero(p, malloc_usable_size(p));
	free(p);
}

void
json_wipe_init(void)
{
	json_malloc_t m;
	json_free_t f;

	json_get_alloc_funcs(&m, &f);
	if (m != json_wipe_malloc)
		json_set_alloc_funcs(json_wipe_malloc, json_wipe_release);
}
