/* person.h -- the citizen's details: name, ID number, mobile number. */
#ifndef SSCARD_PERSON_H
#define SSCARD_PERSON_H

#include <time.h>

struct application;

enum person_field { FIELD_NAME, FIELD_ID, FIELD_PHONE, FIELD_REGION, FIELD_MINOR };

/* Trimmed name in *out (caller frees), or -1 with *cause. */
int	person_check_name(const char *, char **, char **);
/* 11-digit mobile number in out (spaces, dashes and +86 removed), or -1. */
int	person_check_phone(const char *, char [12], char **);
/*
 * Checks the name of a and, when `numbers` (a card service needs them), its
 * ID number and phone as the wizard does, normalising them in place and
 * reading a->minor from the ID number's birth date.  Returns 0, or -1 with *field (the first bad one) and *cause.  An
 * old 15-digit ID number is not accepted here; *cause then offers the
 * 18-digit form and *upgraded holds it (caller frees).
 */
int	person_check(struct application *, const struct tm *, int,
	    enum person_field *, char **, char **);

/* The field's label, translated: "Full name:", "ID number:", ..., "Whose card:". */
const char	*person_label(enum person_field);
/* "Whose card" answers, translated: 0 an adult's, 1 a child's (a->minor). */
const char	*person_minor_answer(int);
/* Why the numbers are or are not asked (`numbers`: a card service needs them). */
const char	*person_numbers_why(int);

#endif
