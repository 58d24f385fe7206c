/* idnum.c -- validate, convert and mask citizen identity numbers (GB 11643). */
#include "lib/system.h"

#include <stdio.h>
#include <string.h>

#include "model/idnum.h"
#include "lib/xmalloc.h"

static int	all_digits(const char *, size_t);
static int	check_birth(const char *, int, const struct tm *, char **);
static int	days_in_month(int, int);

/* Weights 2^(18-i) mod 11 for positions 1..17. */
static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return (0);
	return (1);
}

static int
days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return (m == 2 && leap ? 29 : days[m - 1]);
}

char
idnum_check_char(const char *s)
{
	int sum = 0, i, c;

	for (i = 0; i < 17; i++)
		sum += (s[i] - '0') * weights[i];
	c = (12 - sum % 11) % 11;
	return (c == 10 ? 'X' : (char)('0' + c));
}

/* The birth date at s (YYYYMMDD) must exist and not be in the future. */
static int
check_birth(const char *s, int pos, const struct tm *today, char **cause)
{
	int y, m, d, ty, tm, td;

	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[4] - '0') * 10 + (s[5] - '0');
	d = (s[6] - '0') * 10 + (s[7] - '0');
	if (y < 1850 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
		/*
		 * The digits are not repeated: messages can reach logs and
		 * the screens of a service point.
		 * TRANSLATORS: %d are character positions.
		 */
		*cause = xasprintf(_("Characters %d to %d (the birth date) are "
		    "not a real date."), pos, pos + 7);
		return (-1);
	}
	ty = today->tm_year + 1900;
	tm = today->tm_mon + 1;
	td = today->tm_mday;
	if (y > ty || (y == ty && (m > tm || (m == tm && d > td)))) {
		/* TRANSLATORS: %d are character positions. */
		*cause = xasprintf(_("The birth date in characters %d to %d is in "
		    "the future."), pos, pos + 7);
		return (-1);
	}
	return (0);
}

int
idnum_validate(const char *in, const struct tm *today, char norm[19], char **cause)
{
	size_t len = strlen(in);
	char want;

	if (len == 15 && all_digits(in, 15)) {
		*cause = xstrdup(_("This is an old 15-digit number. Numbers have "
		    "18 characters since 1999."));
		return (-1);
	}
	if (len != 18) {
		*cause = xasprintf(_("An ID number has 18 characters; this one has %zu."),
		    len);
		return (-1);
	}
	if (!all_digits(in, 17) || !(all_digits(in + 17, 1) || in[17] == 'X' ||
	    in[17] == 'x')) {
		*cause = xstrdup(_("Only digits are allowed, and X as the last "
		    "character."));
		return (-1);
	}
	/* Permanent-residence numbers of foreigners (from 2023) start with 9. */
	if (in[0] == '0') {
		*cause = xstrdup(_("An ID number cannot start with 0."));
		return (-1);
	}
	if (check_birth(in + 6, 7, today, cause) != 0)
		return (-1);
	want = idnum_check_char(in);
	/*
	 * Never name the check character that would fit: the typing mistake may
	 * be in any digit, and "fixing" the last one makes someone else's number.
	 */
	if ((in[17] == 'x' ? 'X' : in[17]) != want) {
		*cause = xstrdup(_("This ID number does not check out: a digit may "
		    "be mistyped. Compare it with your ID card, digit by digit."));
		return (-1);
	}
	memcpy(norm, in, 17);
	norm[17] = want;
	norm[18] = '\0';
	return (0);
}

int
idnum_age(const char *norm, const struct tm *today)
{
	int y, m, d, age;

	y = (norm[6] - '0') * 1000 + (norm[7] - '0') * 100 + (norm[8] - '0') * 10 +
	    (norm[9] - '0');
	m = (norm[10] - '0') * 10 + (norm[11] - '0');
	d = (norm[12] - '0') * 10 + (norm[13] - '0');
	age = today->tm_year + 1900 - y;
	/* Not yet this year's birthday. */
	if (today->tm_mon + 1 < m || (today->tm_mon + 1 == m && today->tm_mday < d))
		age--;
	return (age);
}

int
idnum_upgrade15(const char *in, const struct tm *today, char out[19], char **cause)
{
	if (strlen(in) != 15 || !all_digits(in, 15)) {
		*cause = xstrdup(_("An old ID number has exactly 15 digits."));
		return (-1);
	}
	memcpy(out, in, 6);
	out[6] = '1';
	out[7] = '9';
	memcpy(out + 8, in + 6, 9);
	if (check_birth(out + 6, 7, today, cause) != 0)
		return (-1);
	out[17] = idnum_check_char(out);
	out[18] = '\0';
	return (0);
}

void
idnum_mask(const char *in, char out[19])
{
	size_t len = strlen(in), i;

	if (len > 18)
		len = 18;
	for (i = 0; i < len; i++)
		out[i] = (i < 4 || i + 4 >= len) ? in[i] : '*';
	out[len] = '\0';
}
