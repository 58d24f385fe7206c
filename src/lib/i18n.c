/* i18n.c -- gettext set-up and run-time language switching. */
#include "lib/system.h"

#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xmalloc.h"

/* glibc bumps this to invalidate gettext's cache (gettext manual, "gettext grok"). */
extern int _nl_msg_cat_cntr;

static const struct language languages[] = {
	{ "zh_CN", "中文简体" },
	{ "zh_TW", "中文繁體" },
	{ "en", "English" },
	{ "es", "Español" },
};

static char current[8] = "en";

const char *
i18n_match(const char *s)
{
	if (s == NULL || *s == '\0')
		return (NULL);
	if (strncmp(s, "zh", 2) == 0) {
		/* Traditional script: Taiwan, Hong Kong, Macau, or an explicit Hant. */
		if (strstr(s, "TW") || strstr(s, "HK") || strstr(s, "MO") ||
		    strstr(s, "Hant"))
			return ("zh_TW");
		return ("zh_CN");
	}
	if (strncmp(s, "es", 2) == 0 && (s[2] == '\0' || strchr("_-.@", s[2])))
		return ("es");
	if (strncmp(s, "en", 2) == 0 && (s[2] == '\0' || strchr("_-.@", s[2])))
		return ("en");
	return (NULL);
}

int
i18n_index(const char *code)
{
	size_t i;

	for (i = 0; i < nitems(languages); i++)
		if (strcmp(languages[i].code, code) == 0)
			return ((int)i);
	return (-1);
}

const struct language *
i18n_language(int i)
{
	return (i >= 0 && (size_t)i < nitems(languages) ? &languages[i] : NULL);
}

const char *
i18n_current(void)
{
	return (current);
}

int
i18n_set(const char *code)
{
	if (i18n_index(code) < 0)
		return (-1);
	snprintf(current, sizeof current, "%s", code);
	/* LANGUAGE beats the locale's own language, and works under C.UTF-8. */
	setenv("LANGUAGE", code, 1);
	++_nl_msg_cat_cntr;
	return (0);
}

/* The first of LANGUAGE's list, LC_ALL, LC_MESSAGES, LANG that we support. */
static const char *
language_from_environment(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *env = getenv("LANGUAGE"), *m;
	char buf[64], *tok, *save;
	size_t i;

	if (env != NULL && *env != '\0') {
		snprintf(buf, sizeof buf, "%s", env);
		for (tok = strtok_r(buf, ":", &save); tok != NULL;
		    tok = strtok_r(NULL, ":", &save))
			if ((m = i18n_match(tok)) != NULL)
				return (m);
	}
	for (i = 0; i < nitems(vars); i++) {
		env = getenv(vars[i]);
		if (env != NULL && *env != '\0')
			return (i18n_match(env));	/* the first one set decides */
	}
	return (NULL);
}

int
i18n_init(const char *lang)
{
	const char *dir = getenv("SSCARD_LOCALEDIR"), *code;

	code = lang != NULL ? i18n_match(lang) : language_from_environment();
	/* Curses and the catalogs need a UTF-8 locale; C.UTF-8 is always there. */
	if (setlocale(LC_ALL, "") == NULL ||
	    strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain(PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	if (lang != NULL && code == NULL) {
		i18n_set("en");
		return (-1);
	}
	i18n_set(code != NULL ? code : "en");
	return (0);
}

char *
i18n_decimals(const char *s)
{
	/* TRANSLATORS: the decimal separator of numbers shown to people ("," in Spanish). */
	const char *sep = _(".");
	size_t i, n = strlen(s), seplen = strlen(sep);
	char *out = xmalloc(n * (seplen > 1 ? seplen : 1) + 1), *o = out;

	for (i = 0; i < n; i++) {
		if (s[i] == '.' && i > 0 && isdigit((unsigned char)s[i - 1]) &&
		    isdigit((unsigned char)s[i + 1])) {
			memcpy(o, sep, seplen);
			o += seplen;
		} else
			*o++ = s[i];
	}
	*o = '\0';
	return (out);
}

char *
i18n_list_add(char *list, const char *item)
{
	/* TRANSLATORS: between the names of rules in a list (、 in Chinese). */
	char *s = xasprintf("%s%s%s", list, *list ? _(", ") : "", item);

	free(list);
	return (s);
}
