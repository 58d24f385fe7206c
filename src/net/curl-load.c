/* curl-load.c -- the libcurl functions sscard uses, through dlopen on first use. */
#include "lib/system.h"

#define CURL_DISABLE_TYPECHECK	/* the functions are defined here, not called */
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <string.h>

#include "net/curl-load.h"
#include "lib/xmalloc.h"

typedef void (*fn)(void);

/* The table: every name, and where its address is kept once found. */
#define CURL_FUNCTIONS \
	X(curl_global_init) X(curl_global_cleanup) X(curl_easy_init) \
	X(curl_easy_cleanup) X(curl_easy_perform) X(curl_easy_setopt) \
	X(curl_easy_getinfo) X(curl_easy_strerror) X(curl_mime_init) \
	X(curl_mime_free) X(curl_mime_addpart) X(curl_mime_name) \
	X(curl_mime_data) X(curl_mime_filedata) X(curl_mime_filename) \
	X(curl_mime_type) X(curl_multi_init) X(curl_multi_cleanup) \
	X(curl_multi_add_handle) X(curl_multi_remove_handle) \
	X(curl_multi_perform) X(curl_multi_poll) X(curl_multi_info_read) \
	X(curl_multi_setopt) X(curl_share_init) X(curl_share_cleanup) \
	X(curl_share_setopt) X(curl_slist_append) X(curl_slist_free_all)

static struct {
#define X(name) __typeof__(&name) name;
	CURL_FUNCTIONS
#undef X
} lib;

static pthread_once_t	 once = PTHREAD_ONCE_INIT;
static char		*load_error;

static void
load(void)
{
	void *h, *sym;
	const char *missing = NULL;

	if ((h = dlopen(CURL_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		/* TRANSLATORS: the library file, why it failed, a package name. */
		load_error = xasprintf(_("the network library %s cannot be loaded "
		    "(%s): install the Debian package %s"), CURL_SONAME,
		    dlerror(), CURL_PACKAGE);
		return;
	}
#define X(name) \
	if ((sym = dlsym(h, #name)) == NULL && missing == NULL) \
		missing = #name; \
	memcpy(&lib.name, &sym, sizeof sym);
	CURL_FUNCTIONS
#undef X
	if (missing != NULL) {
		load_error = xasprintf(_("the network library %s is too old: it "
		    "has no %s"), CURL_SONAME, missing);
		memset(&lib, 0, sizeof lib);
	}
}

int
curl_load(char **cause)
{
	pthread_once(&once, load);
	if (load_error == NULL)
		return (0);
	*cause = xstrdup(load_error);
	return (-1);
}

/* A call before curl_load succeeded is a bug in sscard, never a citizen's error. */
static void
need(fn f, const char *name)
{
	if (f == NULL)
		fatal("%s called before libcurl was loaded", name);
}

#define CALL(name, ...) (need((fn)lib.name, #name), lib.name(__VA_ARGS__))

CURLcode curl_global_init(long flags) { return (CALL(curl_global_init, flags)); }
void curl_global_cleanup(void) { CALL(curl_global_cleanup); }
CURL *curl_easy_init(void) { return (CALL(curl_easy_init)); }
void curl_easy_cleanup(CURL *e) { CALL(curl_easy_cleanup, e); }
CURLcode curl_easy_perform(CURL *e) { return (CALL(curl_easy_perform, e)); }
const char *curl_easy_strerror(CURLcode c) { return (CALL(curl_easy_strerror, c)); }
curl_mime *curl_mime_init(CURL *e) { return (CALL(curl_mime_init, e)); }
void curl_mime_free(curl_mime *m) { CALL(curl_mime_free, m); }
curl_mimepart *curl_mime_addpart(curl_mime *m) { return (CALL(curl_mime_addpart, m)); }
CURLcode curl_mime_name(curl_mimepart *p, const char *s) { return (CALL(curl_mime_name, p, s)); }
CURLcode curl_mime_data(curl_mimepart *p, const char *d, size_t n) { return (CALL(curl_mime_data, p, d, n)); }
CURLcode curl_mime_filedata(curl_mimepart *p, const char *s) { return (CALL(curl_mime_filedata, p, s)); }
CURLcode curl_mime_filename(curl_mimepart *p, const char *s) { return (CALL(curl_mime_filename, p, s)); }
CURLcode curl_mime_type(curl_mimepart *p, const char *s) { return (CALL(curl_mime_type, p, s)); }
CURLM *curl_multi_init(void) { return (CALL(curl_multi_init)); }
CURLMcode curl_multi_cleanup(CURLM *m) { return (CALL(curl_multi_cleanup, m)); }
CURLMcode curl_multi_add_handle(CURLM *m, CURL *e) { return (CALL(curl_multi_add_handle, m, e)); }
CURLMcode curl_multi_remove_handle(CURLM *m, CURL *e) { return (CALL(curl_multi_remove_handle, m, e)); }
CURLMcode curl_multi_perform(CURLM *m, int *running) { return (CALL(curl_multi_perform, m, running)); }
CURLMcode curl_multi_poll(CURLM *m, struct curl_waitfd *fds, unsigned int n, int ms, int *ret)
{ return (CALL(curl_multi_poll, m, fds, n, ms, ret)); }
CURLMsg *curl_multi_info_read(CURLM *m, int *left) { return (CALL(curl_multi_info_read, m, left)); }
CURLSH *curl_share_init(void) { return (CALL(curl_share_init)); }
CURLSHcode curl_share_cleanup(CURLSH *s) { return (CALL(curl_share_cleanup, s)); }
struct curl_slist *curl_slist_append(struct curl_slist *l, const char *s) { return (CALL(curl_slist_append, l, s)); }
void curl_slist_free_all(struct curl_slist *l) { CALL(curl_slist_free_all, l); }

/*
 * The variadic setters take one argument whose type the option's number
 * tells (curl's own CURLOPTTYPE_ ranges): read it as that type and pass it on.
 */
enum arg { ARG_LONG, ARG_POINTER, ARG_FUNCTION, ARG_OFF_T };

static enum arg
arg_of(int option)
{
	if (option < CURLOPTTYPE_OBJECTPOINT)
		return (ARG_LONG);
	if (option < CURLOPTTYPE_FUNCTIONPOINT)
		return (ARG_POINTER);
	if (option < CURLOPTTYPE_OFF_T)
		return (ARG_FUNCTION);
	if (option < CURLOPTTYPE_BLOB)
		return (ARG_OFF_T);
	return (ARG_POINTER);
}

#define FORWARD(name, handle, option, kind) do {			\
	va_list ap;							\
	va_start(ap, option);						\
	need((fn)lib.name, #name);					\
	switch (kind) {							\
	case ARG_LONG: rc = lib.name(handle, option, va_arg(ap, long)); break; \
	case ARG_POINTER: rc = lib.name(handle, option, va_arg(ap, void *)); break; \
	case ARG_FUNCTION: rc = lib.name(handle, option, va_arg(ap, fn)); break; \
	case ARG_OFF_T: rc = lib.name(handle, option, va_arg(ap, curl_off_t)); break; \
	}								\
	va_end(ap);							\
} while (0)

CURLcode
curl_easy_setopt(CURL *e, CURLoption option, ...)
{
	CURLcode rc = CURLE_BAD_FUNCTION_ARGUMENT;

	FORWARD(curl_easy_setopt, e, option, arg_of((int)option));
	return (rc);
}

CURLMcode
curl_multi_setopt(CURLM *m, CURLMoption option, ...)
{
	CURLMcode rc = CURLM_UNKNOWN_OPTION;

	FORWARD(curl_multi_setopt, m, option, arg_of((int)option));
	return (rc);
}

/* Share options are plain numbers: SHARE and UNSHARE take a long, USERDATA a pointer. */
CURLSHcode
curl_share_setopt(CURLSH *s, CURLSHoption option, ...)
{
	CURLSHcode rc = CURLSHE_BAD_OPTION;

	FORWARD(curl_share_setopt, s, option, option == CURLSHOPT_LOCKFUNC ||
	    option == CURLSHOPT_UNLOCKFUNC ? ARG_FUNCTION :
	    option == CURLSHOPT_USERDATA ? ARG_POINTER : ARG_LONG);
	return (rc);
}

/* Every info reads into the pointer given. */
CURLcode
curl_easy_getinfo(CURL *e, CURLINFO info, ...)
{
	CURLcode rc;
	va_list ap;

	va_start(ap, info);
	need((fn)lib.curl_easy_getinfo, "curl_easy_getinfo");
	rc = lib.curl_easy_getinfo(e, info, va_arg(ap, void *));
	va_end(ap);
	return (rc);
}
