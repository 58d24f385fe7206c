/* backend.h -- what the configuration says of the card service: whether there is one, its name. */
#ifndef SSCARD_MODEL_BACKEND_H
#define SSCARD_MODEL_BACKEND_H

struct config;

/* 1 when [backend] base_url is set, so that the application is sent; else the kit is the outcome. */
int	backend_configured(const struct config *);
/* [backend] name, else the host of base_url: what to call the service; caller frees. */
char	*backend_name(const struct config *);
/* 1 when [backend] insecure = yes: every screen and command must say so. */
int	backend_insecure(const struct config *);

#endif
