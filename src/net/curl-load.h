/* curl-load.h -- libcurl, loaded when the first request is made. */
#ifndef SSCARD_CURL_LOAD_H
#define SSCARD_CURL_LOAD_H

/*
 * Loads libcurl (CURL_SONAME): 0, or -1 with *cause (caller frees) naming
 * the library and the Debian package.  Every curl_* function sscard calls is
 * defined in curl-load.c and goes through what this loaded, so curl_load must
 * succeed before the first of them: the photo commands and the wizard's
 * start never pay for libcurl and the libraries it brings (about 30).
 */
int	curl_load(char **);

#endif
