/* json-wipe.h -- jansson's copies of applications are wiped when it frees them. */
#ifndef SSCARD_JSON_WIPE_H
#define SSCARD_JSON_WIPE_H

/*
 * Makes jansson allocate through sscard's allocator, which wipes every block
 * before freeing it: jansson copies names, ID numbers and phone numbers out
 * of every application it parses or builds.  Call once, before any JSON is
 * made; later calls do nothing.
 */
void	json_wipe_init(void);

#endif
