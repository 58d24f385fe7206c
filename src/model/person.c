/* person.c -- validate what the citizen typed; the wizard and `submit` share it. */
#include "lib/system.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "model/idnum.h"
#include "model/application.h"
#include "model/person.h"
#include "lib/xmalloc.h"

#define NAME_MAX_CHARS	40

static int	name_char_ok(wchar_t);

/* Letters of any script, spaces, and the marks names use (· for 买买提·艾力). */
static int
name_char_ok(wchar_t c)
{
	return (iswalpha((wint_t)c) || c == L' ' || c == L'\u00b7' ||
	    c == L'\u2022' || c == L'-' || c == L'.' || c == L'\'' ||
	    (c >= 0x3400 && c <= 0x9fff) || (c >= 0x20000 && c <= 0x3134f));
}

int
person_check_name(const char *in, char **out, char **cause)
{
	wchar_t w[NAME_MAX_CHARS + 2];
	const char *p = in;
	mbstate_t st;
	size_t n, i, start, end;

	while (*p == ' ')
		p++;
	memset(&st, 0, sizeof st);
	n = mbsrtowcs(w, &p, nitems(w), &st);
	if (n == (size_t)-1) {
		*cause = xstrdup(_("The name contains characters that are not valid text."));
		return (-1);
	}
	for (end = n; end > 0 && w[end - 1] == L' '; end--)
		;
	if (end == 0) {
		*cause = xstrdup(_("Please enter your full name as it is on your ID card."));
		return (-1);
	}
	if (p != NULL || end > NAME_MAX_CHARS) {
		*cause = xasprintf(_("A name can have at most %d characters."),
		    NAME_MAX_CHARS);
		return (-1);
	}
	for (start = 0, i = 0; i < end; i++) {
		if (!name_char_ok(w[i])) {
			*cause = xasprintf(_("A name cannot contain '%lc'; write it as "
			    "on your ID card."), (wint_t)w[i]);
			return (-1);
		}
	}
	w[end] = L'\0';
	*out = xmalloc(end * MB_CUR_MAX + 1);
	wcstombs(*out, w + start, end * MB_CUR_MAX + 1);
	return (0);
}

int
person_check_phone(const char *in, char out[12], char **cause)
{
	char digits[32];
	size_t n = 0;
	const char *p;

	for (p = in; *p != '\0'; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if ((*p < '0' || *p > '9') && !(*p == '+' && p == in)) {
			*cause = xasprintf(_("A mobile number has only digits; '%c' is "
			    "not one."), *p);
			return (-1);
		}
		if (n + 1 >= sizeof digits) {
			*cause = xstrdup(_("A mobile number has 11 digits; this one is "
			    "far longer."));
			return (-1);
		}
		if (*p != '+')
			digits[n++] = *p;
	}
	digits[n] = '\0';
	p = digits;
	/* +86 / 0086: the country code of China is not part of the number. */
	if (n == 13 && strncmp(digits, "86", 2) == 0)
		p += 2;
	else if (n == 15 && strncmp(digits, "0086", 4) == 0)
		p += 4;
	if (strlen(p) != 11) {
		*cause = xasprintf(_("A mobile number has 11 digits (for example "
		    "13800138000); this one has %zu."), strlen(p));
		return (-1);
	}
	if (p[0] != '1' || p[1] < '3') {
		*cause = xstrdup(_("Mobile numbers in China start with 13 to 19."));
		return (-1);
	}
	memcpy(out, p, 12);
	return (0);
}

int
person_check(struct application *a, const struct tm *today, int numbers,
    enum person_field *field, char **cause, char **upgraded)
{
	char id[19], phone[12], *name = NULL;

	*upgraded = NULL;
	if (person_check_name(a->name, &name, cause) != 0) {
		*field = FIELD_NAME;
		return (-1);
	}
	application_set(&a->name, name);
	wipe_str(name);
	if (!numbers) {
		/* Nothing uses them: a draft made with a service keeps none here. */
		application_set(&a->id_number, "");
		application_set(&a->phone, "");
		return (0);
	}
	/* An old 15-digit number is offered in its 18-digit form, never taken silently. */
	if (strlen(a->id_number) == 15) {
		*field = FIELD_ID;
		if (idnum_upgrade15(a->id_number, today, id, cause) != 0)
			return (-1);
		*upgraded = xstrdup(id);
		*cause = xasprintf(_("This is an old 15-digit number; its 18-digit "
		    "form is %s. Check it against your ID card, then go on again."), id);
		return (-1);
	}
	if (idnum_validate(a->id_number, today, id, cause) != 0) {
		*field = FIELD_ID;
		return (-1);
	}
	application_set(&a->id_number, id);
	a->minor = idnum_age(id, today) < MINOR_AGE;
	if (person_check_phone(a->phone, phone, cause) != 0) {
		*field = FIELD_PHONE;
		return (-1);
	}
	application_set(&a->phone, phone);
	explicit_bzero(id, sizeof id);
	return (0);
}

const char *
person_label(enum person_field f)
{
	static const char *const labels[] = { N_("Full name:"), N_("ID number:"),
	    N_("Mobile number:"), N_("Region:"), N_("Whose card:") };

	return (_(labels[f]));
}

const char *
person_minor_answer(int minor)
{
	return (minor ? _("a child under 16 (a parent or guardian applies)") :
	    _("mine, or an adult's (16 or older)"));
}

const char *
person_numbers_why(int numbers)
{
	if (numbers)
		return (_("The ID number and mobile number are asked because the "
		    "card service configured here needs them to apply. The ID number "
		    "has 18 characters; the last may be X. Numbers of foreign "
		    "permanent residents start with 9."));
	return (_("No card service is configured on this computer, so sscard "
	    "does not ask for your ID number or mobile number: you give them at "
	    "the office or on the official service."));
}
