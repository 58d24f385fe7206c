/* photo/nn.c -- neural networks run through the OpenCV module, opened on first use. */
#include "lib/system.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "photo/nn.h"
#include "lib/xmalloc.h"

typedef int	run_fn(const char *, const float *, int, int, int, const char *,
		    float *, size_t);

typedef int	read_fn(const char *);
typedef void	forget_fn(const char *);

static pthread_once_t	 once = PTHREAD_ONCE_INIT;
static run_fn		*run;
static read_fn		*read_net;
static forget_fn	*forget_net;

static const char	*module_path(void);
static char		*model_path(const char *);
static void		 open_module(void);

/* The module: SSCARD_NN_MODULE (a build tree's) else the installed one. */
static const char *
module_path(void)
{
	const char *p = getenv("SSCARD_NN_MODULE");

	return (p != NULL && *p != '\0' ? p : PKGLIBDIR "/sscard-nn.so");
}

/* models/name.onnx: under SSCARD_MODEL_DIR (a build tree's) else the installed folder. */
static char *
model_path(const char *name)
{
	const char *d = getenv("SSCARD_MODEL_DIR");

	return (xasprintf("%s/%s.onnx", d != NULL && *d != '\0' ? d : PKGDATADIR "/models",
	    name));
}

static void
open_module(void)
{
	void *h;

	/* Kept open to the end: OpenCV's threads live as long as the process. */
	if ((h = dlopen(module_path(), RTLD_NOW | RTLD_LOCAL)) != NULL) {
		*(void **)&run = dlsym(h, "sscard_nn_run");
		*(void **)&read_net = dlsym(h, "sscard_nn_read");
		*(void **)&forget_net = dlsym(h, "sscard_nn_forget");
	}
}

void
nn_read_ahead(const char *name)
{
	char *m = model_path(name);

	pthread_once(&once, open_module);
	if (read_net != NULL && access(m, R_OK) == 0)
		(void)read_net(m);
	free(m);
}

void
nn_forget(const char *name)
{
	char *m = model_path(name);

	pthread_once(&once, open_module);
	if (forget_net != NULL)
		forget_net(m);
	free(m);
}

int
nn_available(const char *name)
{
	char *m = model_path(name);
	int ok = access(module_path(), R_OK) == 0 && access(m, R_OK) == 0;

	free(m);
	return (ok);
}

int
nn_run(const char *name, const float *in, int c, int h, int w,
    const char *output, float *out, size_t out_n, char **cause)
{
	char *m = model_path(name);
	int rc = -1, e;

	pthread_once(&once, open_module);
	if (run == NULL)
		*cause = xasprintf(_("The photo fix needs sscard's network module "
		    "(%s), which is not installed or cannot be loaded. Install "
		    "sscard with \"make install\" after build-aux/install-deps."),
		    module_path());
	else if (access(m, R_OK) != 0)
		*cause = xasprintf(_("The photo fix needs the network %s, which is "
		    "not installed. Run build-aux/fetch-models, then \"make "
		    "install\"."), m);
	else if ((e = run(m, in, c, h, w, output, out, out_n)) == -3)
		*cause = xstrdup(_("There was not enough memory to run the photo "
		    "network. Close other programs and try again."));
	else if (e != 0)
		*cause = xasprintf(_("The network %s is damaged or of another "
		    "kind; run build-aux/fetch-models again, then \"make install\"."), m);
	else
		rc = 0;
	free(m);
	return (rc);
}
