/* backend.c -- what the configuration says of the card service (net/ talks to it). */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>

#include "lib/config.h"
#include "lib/xmalloc.h"
#include "model/backend.h"

int
backend_configured(const struct config *cfg)
{
	const char *url = config_str(cfg, "backend", "base_url", NULL);

	return (url != NULL && *url != '\0');
}

char *
backend_name(const struct config *cfg)
{
	const char *name = config_str(cfg, "backend", "name", NULL);
	const char *url = config_str(cfg, "backend", "base_url", ""), *p;

	if (name != NULL && *name != '\0')
		return (xstrdup(name));
	/* The host of the URL: never implied to be the bureau. */
	if ((p = strstr(url, "://")) != NULL)
		url = p + 3;
	return (xstrndup(url, strcspn(url, "/:?#")));
}

int
backend_insecure(const struct config *cfg)
{
	char *cause = NULL;
	int on = 0;

	if (config_bool(cfg, "backend", "insecure", 0, &on, &cause) != 0)
		free(cause);	/* net_open reports it */
	return (on);
}
