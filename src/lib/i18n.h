/* i18n.h -- languages: choose, switch at run time, work with only C.UTF-8. */
#ifndef SSCARD_I18N_H
#define SSCARD_I18N_H

struct language {
	const char	*code;		/* "zh_CN" */
	const char	*native;	/* "中文简体": never translated */
};

/*
 * Sets the locale (falling back to C.UTF-8 when the user's is missing or not
 * UTF-8), binds the catalogs, and picks the language: `lang` if given, else
 * LANGUAGE, LC_ALL, LC_MESSAGES, LANG.  Returns 0, or -1 if lang is unknown.
 */
int			 i18n_init(const char *);
/* Switches every later gettext() to code; returns -1 if unknown. */
int			 i18n_set(const char *);
const char		*i18n_current(void);
const struct language	*i18n_language(int);	/* NULL past the end */
int			 i18n_index(const char *);	/* -1 if unknown */
/*
 * s with the decimal point of every number written in the language's own way
 * ("3.5°" is "3,5°" in Spanish), for people; files and JSON keep the point.
 * Caller frees.
 */
char			*i18n_decimals(const char *);
/* Matches "zh_CN.UTF-8", "zh-TW", "es_MX", "en_GB" to a supported code, or NULL. */
const char		*i18n_match(const char *);
/*
 * list (an empty string to begin), then the language's list separator
 * (", "; 、 in Chinese) and item: list is freed, the result returned.
 */
char			*i18n_list_add(char *, const char *);

#endif
