/* person.h -- the citizen's details: name, ID number, mobile number. */
#ifndef SSCARD_PERSON_H
#define SSCARD_PERSON_H

#include <time.h>

struct application;

enum person_field { FIELD_NAME, FIELD_ID, FIELD_PHONE, FIELD_REGION };

/* Trimmed name in *out (caller frees), or -1 with *cause. */
int	person_check_name(const char *, char **, char **);
/* 11-digit mobile number in out (spaces, dashes and +86 removed), or -1. */
int	person_check_phone(const char *, char [12], char **);
/*
 * Checks name, ID number and phone of a as the wizard does, normalising them
 * in place.  Returns 0, or -1 with *field (the first bad one) and *cause.  An
 * old 15-digit ID number is not accepted here; *cause then offers the
 * 18-digit form and *upgraded holds it (caller frees).
 */
int	person_check(struct application *, const struct tm *, enum person_field *,
	    char **, char **);

#endif
