/* xmalloc.h -- allocators that never return NULL. */
#ifndef SSCARD_XMALLOC_H
#define SSCARD_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));
void	 wipe_free(void *, size_t);
void	 wipe_str(char *);
void	 fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));
void	 fatal_set_cleanup(void (*)(void));

#endif
