/* application-json.c -- the one JSON codec of the application: one key per field, old keys still read. */
#include "lib/system.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "model/application-json.h"
#include "model/application.h"
#include "model/materials.h"
#include "model/region.h"

/* Bytes of a name, number or receipt: the fields hold 40 characters. */
#define TEXT_MAX	256
/* The language's buffer in an application. */
#define LANG_SIZE	sizeof ((struct application *)0)->lang
/* The string or flag at off in an application. */
#define AT(a, off, type)	((type *)(void *)((char *)(a) + (off)))
#define AT_CONST(a, off, type) \
	((const type *)(const void *)((const char *)(a) + (off)))

struct aj_field;

/* What application_json_decode reads, and into what. */
struct aj_in {
	json_t			*o;
	unsigned		 fields;	/* AJ_*: the fields read */
	unsigned		 required;	/* AJ_*: those that must be there */
	struct application	*a;
	struct application_photo *p;
};

/* Reads the field from o: 0, 1 when it is not there, or -1 with *cause. */
typedef int	 aj_read_fn(const struct aj_field *, const struct aj_in *,
		    char **);
/* The field's value as a new JSON value. */
typedef json_t	*aj_write_fn(const struct aj_field *, const struct application *,
		    const struct application_photo *);

struct aj_field {
	unsigned	 bit;		/* AJ_* */
	const char	*key;
	const char	*old[2];	/* its keys in earlier versions, still read */
	size_t		 off;		/* a string's, flag's or choice's place */
	size_t		 max;		/* a string's bytes at most */
	aj_read_fn	*read;
	aj_write_fn	*write;
	/* A choice: its word's index (-1: none), and why a word is refused. */
	int		(*find)(const char *);
	char	       *(*refused)(const char *);	/* caller frees */
};

static const char *quotable(const char *);
static int	 text_ok(const char *, size_t);
static int	 hex_ok(const char *, size_t);
static int	 key_known(const char *, unsigned);
static char	*refused_channel(const char *);
static char	*refused_region(const char *);
static char	*refused_language(const char *);
static aj_read_fn read_choice, read_text, read_materials, read_ticked,
		    read_flag, read_photo, read_receipt, read_photo_path, read_sha;
static aj_write_fn write_channel, write_text, write_region, write_materials,
		    write_flag, write_photo, write_receipt, write_language,
		    write_sha;

#define TEXT(bit, key, field, max) \
	{ bit, key, { NULL, NULL }, offsetof(struct application, field), max, \
	    read_text, write_text, NULL, NULL }
#define FLAG(bit, key, field) \
	{ bit, key, { NULL, NULL }, offsetof(struct application, field), 0, \
	    read_flag, write_flag, NULL, NULL }
/* A word from a list, kept as its index (an int), or as itself (max bytes). */
#define CHOICE(bit, key, old, field, max, write, find, refused) \
	{ bit, key, { old, NULL }, offsetof(struct application, field), max, \
	    read_choice, write, find, refused }

/*
 * In the order a card service has always received them (the channel before
 * the materials, which are the channel's).
 */
static const struct aj_field aj_fields[] = {
	CHOICE(AJ_CHANNEL, "channel", NULL, channel, 0, write_channel,
	    channel_from_id, refused_channel),
	TEXT(AJ_NAME, "name", name, TEXT_MAX),
	TEXT(AJ_ID_NUMBER, "id_number", id_number, TEXT_MAX),
	TEXT(AJ_PHONE, "phone", phone, TEXT_MAX),
	CHOICE(AJ_REGION, "region", NULL, region, 0, write_region, region_find,
	    refused_region),
	/* Drafts kept a number per channel, a bit per item. */
	{ AJ_MATERIALS, "materials", { "ticked", NULL }, 0, 0, read_materials,
	    write_materials, NULL, NULL },
	FLAG(AJ_CARD_LOST, "card_lost", card_lost),
	/* Drafts kept the photo's file and digest apart. */
	{ AJ_PHOTO, "photo", { "photo_file", "photo_sha256" }, 0, 0, read_photo,
	    write_photo, NULL, NULL },
	{ AJ_PHOTO_RECEIPT, "photo_receipt", { NULL, NULL },
	    offsetof(struct application, photo_receipt), TEXT_MAX, read_receipt,
	    write_receipt, NULL, NULL },
	/* Answers files said "lang". */
	CHOICE(AJ_LANGUAGE, "language", "lang", lang, LANG_SIZE, write_language,
	    i18n_index, refused_language),
	FLAG(AJ_MINOR, "minor", minor),
	/* Answers files gave the photo's path as "photo". */
	{ AJ_PHOTO_PATH, "photo_path", { "photo", NULL },
	    offsetof(struct application, photo_path), PATH_MAX, read_photo_path,
	    write_text, NULL, NULL },
	FLAG(AJ_PHOTO_FIXED, "photo_fixed", photo_fixed),
	FLAG(AJ_PHOTO_LEVELLED, "photo_levelled", photo_levelled),
	FLAG(AJ_PHOTO_WIDENED, "photo_widened", photo_widened),
	{ AJ_SOURCE_SHA, "source_sha256", { NULL, NULL }, 0, 0, read_sha, write_sha,
	    NULL, NULL },
};

/*
 * s, when it is safe to repeat in a message: a short word (a key, a region,
 * a language), not a run of digits that could be an ID or mobile number put
 * in the wrong place; otherwise a placeholder.
 */
static const char *
quotable(const char *s)
{
	size_t i, digits = 0;

	if (s == NULL || strlen(s) > 40)
		return (_("[not shown]"));
	for (i = 0; s[i] != '\0'; i++) {
		digits = s[i] >= '0' && s[i] <= '9' ? digits + 1 : 0;
		if (digits >= 6 || strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
		    "opqrstuvwxyz0123456789_.-", s[i]) == NULL)
			return (_("[not shown]"));
	}
	return (s);
}

/* 1 when s has at most max bytes and no control character (C0, DEL, C1). */
static int
text_ok(const char *s, size_t max)
{
	const unsigned char *u = (const unsigned char *)s;

	if (strlen(s) > max)
		return (0);
	for (; *u != '\0'; u++)
		if (*u < 0x20 || *u == 0x7f || (u[0] == 0xc2 && u[1] >= 0x80 &&
		    u[1] <= 0x9f))
			return (0);
	return (1);
}

/* 1 when s is n lower-case hex digits. */
static int
hex_ok(const char *s, size_t n)
{
	return (s != NULL && strlen(s) == n && strspn(s, "0123456789abcdef") == n);
}

/* The string at key, or NULL with *cause when it is there but no fit text. */
static int
get_string(json_t *o, const char *key, size_t max, const char **s, char **cause)
{
	json_t *v = json_object_get(o, key);

	*s = NULL;
	if (v == NULL)
		return (1);
	if ((*s = json_string_value(v)) == NULL) {
		*cause = xasprintf(_("'%s' must be a string"), key);
		return (-1);
	}
	if (!text_ok(*s, max)) {
		*cause = xasprintf(_("'%s' is too long or holds control "
		    "characters"), key);
		return (-1);
	}
	return (0);
}

/*
 * A word from a list (channel, region, language): unknown words are
 * refused, but for a channel "" (none chosen yet) where none is required.
 */
static int
read_choice(const struct aj_field *f, const struct aj_in *in, char **cause)
{
	const char *key = f->key, *s;
	int rc, i;

	if (json_object_get(in->o, key) == NULL && f->old[0] != NULL)
		key = f->old[0];
	if ((rc = get_string(in->o, key, TEXT_MAX, &s, cause)) != 0)
		return (rc);
	if ((i = f->find(s)) < 0 && (*s != '\0' || f->bit != AJ_CHANNEL ||
	    (in->required & f->bit))) {
		*cause = f->refused(s);
		return (-1);
	}
	if (f->max > 0)
		snprintf(AT(in->a, f->off, char), f->max, "%s", s);
	else
		*AT(in->a, f->off, int) = i;
	return (0);
}

static char *
refused_channel(const char *s)
{
	return (xstrdup(_("'channel' must be online, bank or centre")));
}

static char *
refused_region(const char *s)
{
	return (xasprintf(_("unknown region '%s'"), quotable(s)));
}

static char *
refused_language(const char *s)
{
	return (xasprintf(_("unknown language '%s' (use zh_CN, zh_TW, en or es)"),
	    quotable(s)));
}

static json_t *
write_channel(const struct aj_field *f, const struct application *a,
    const struct application_photo *p)
{
	return (json_string(channel_id(a->channel)));
}

static int
read_text(const struct aj_field *f, const struct aj_in *in, char **cause)
{
	const char *s;
	int rc;

	if ((rc = get_string(in->o, f->key, f->max, &s, cause)) == 0)
		application_set(AT(in->a, f->off, char *), s);
	return (rc);
}

static json_t *
write_text(const struct aj_field *f, const struct application *a,
    const struct application_photo *p)
{
	return (json_string(*AT_CONST(a, f->off, char *)));
}

static json_t *
write_region(const struct aj_field *f, const struct application *a,
    const struct application_photo *p)
{
	const struct region *r = region_at(a->region);

	return (json_string(r != NULL ? r->id : "national"));
}

/* The ids of the channel's checklist: its ticks. */
static int
read_materials(const struct aj_field *f, const struct aj_in *in, char **cause)
{
	const struct material *m;
	json_t *list = json_object_get(in->o, f->key), *v;
	unsigned bits = 0;
	size_t i;
	int n, j;

	if (list == NULL)
		return (read_ticked(f, in, cause));
	if (!json_is_array(list)) {
		*cause = xstrdup(_("'materials' must be a list of material ids"));
		return (-1);
	}
	m = materials_for(in->a->channel, &n);
	json_array_foreach(list, i, v) {
		for (j = 0; j < n && (!json_is_string(v) ||
		    strcmp(json_string_value(v), m[j].id) != 0); j++)
			;
		if (j == n) {
			*cause = xasprintf(_("'materials': '%s' is not on the "
			    "checklist of channel %s"), json_is_string(v) ?
			    quotable(json_string_value(v)) : "?",
			    channel_id(in->a->channel));
			return (-1);
		}
		bits |= 1u << j;
	}
	if (in->a->channel >= 0)
		in->a->ticked[in->a->channel] = bits;
	return (0);
}

/* The old form: a number per channel, a bit per item of its checklist. */
static int
read_ticked(const struct aj_field *f, const struct aj_in *in, char **cause)
{
	json_t *list = json_object_get(in->o, f->old[0]), *v;
	json_int_t bits;
	size_t i;

	if (list == NULL)
		return (1);
	if (!json_is_array(list) || json_array_size(list) > CHANNEL_COUNT)
		goto bad;
	json_array_foreach(list, i, v) {
		bits = json_integer_value(v);
		if (!json_is_integer(v) || bits < 0 ||
		    bits >= (json_int_t)1 << MATERIALS_MAX)
			goto bad;
		in->a->ticked[i] = (unsigned)bits;
	}
	return (0);
bad:
	*cause = xasprintf(_("'%s' must be a list of numbers, one per channel"),
	    f->old[0]);
	return (-1);
}

static json_t *
write_materials(const struct aj_field *f, const struct application *a,
    const struct application_photo *p)
{
	const struct material *m;
	json_t *list = json_array();
	int n, i;

	m = materials_for(a->channel, &n);
	for (i = 0; i < n; i++)
		if (a->ticked[a->channel] & (1u << i))
			json_array_append_new(list, json_string(m[i].id));
	return (list);
}

static int
read_flag(const struct aj_field *f, const struct aj_in *in, char **cause)
{
	json_t *v = json_object_get(in->o, f->key);

	if (v == NULL)
		return (1);
	if (!json_is_boolean(v)) {
		*cause = xasprintf(_("'%s' must be true or false"), f->key);
		return (-1);
	}
	*AT(in->a, f->off, int) = json_is_true(v);
	return (0);
}

static json_t *
write_flag(const struct aj_field *f, const struct application *a,
    const struct application_photo *p)
{
	return (json_boolean(*AT_CONST(a, f->off, int)));
}

/* A file name (no folder) and its digest, in *p; "photo": null is no photo. */
static int
read_photo(const struct aj_field *f, const struct aj_in *in, char **cause)
{
	struct application_photo *p = in->p;
	json_t *v = json_object_get(in->o, f->key);
	const char *file, *sha;

	memset(p, 0, sizeof *p);
	if (json_is_null(v))
		return (0);
	if (v != NULL) {
		file = json_string_value(json_object_get(v, "file"));
		sha = json_string_value(json_object_get(v, "sha256"));
	} else {
		file = json_string_value(json_object_get(in->o, f->old[0]));
		sha = json_string_value(json_object_get(in->o, f->old[1]));
		if (json_object_get(in->o, f->old[0]) == NULL &&
		    json_object_get(in->o, f->old[1]) == NULL)
			return (1);
	}
	if (file == NULL || *file == '\0' || !text_ok(file, sizeof p->file - 1) ||
	    strchr(file, '/') != NULL || !hex_ok(sha, 64)) {
		*cause = xasprintf(_("'%s' must be null, or hold the photo's file "
		    "name and its SHA-256"), f->key);
		return (-1);
	}
	snprintf(p->file, sizeof p->file, "%s", file);
	memcpy(p->sha256, sha, sizeof p->sha256);
	return (0);
}

static json_t *
write_photo(const struct aj_field *f, const struct application *a,
    const struct application_photo *p)
{
	if (p == NULL || p->file[0] == '\0')
		return (json_null());
	return (json_pack("{s:s, s:s}", "file", p->file, "sha256", p->sha256));
}

/* A studio's receipt number; null is none (""). */
static int
read_receipt(const struct aj_field *f, const struct aj_in *in, char **cause)
{
	if (json_is_null(json_object_get(in->o, f->key))) {
		application_set(&in->a->photo_receipt, "");
		return (0);
	}
	return (read_text(f, in, cause));
}

static json_t *
write_receipt(const struct aj_field *f, const struct application *a,
    const struct application_photo *p)
{
	if (a->photo_receipt == NULL || a->photo_receipt[0] == '\0')
		return (json_null());
	return (write_text(f, a, p));
}

static json_t *
write_language(const struct aj_field *f, const struct application *a,
    const struct application_photo *p)
{
	return (json_string(a->lang));
}

/* "photo_path", or in an answers file of old a "photo" that is a string. */
static int
read_photo_path(const struct aj_field *f, const struct aj_in *in, char **cause)
{
	struct aj_field old = *f;

	/* Where "photo" is the checked photo's, it is never a path. */
	if (json_object_get(in->o, f->key) != NULL || (in->fields & AJ_PHOTO))
		return (read_text(f, in, cause));
	old.key = f->old[0];
	return (read_text(&old, in, cause));
}

static int
read_sha(const struct aj_field *f, const struct aj_in *in, char **cause)
{
	const char *s;
	int rc;

	if ((rc = get_string(in->o, f->key, TEXT_MAX, &s, cause)) != 0)
		return (rc);
	if (*s != '\0' && !hex_ok(s, 64)) {
		*cause = xasprintf(_("'%s' must be a SHA-256: 64 hexadecimal "
		    "digits"), f->key);
		return (-1);
	}
	snprintf(in->a->source_sha, sizeof in->a->source_sha, "%s", s);
	return (0);
}

static json_t *
write_sha(const struct aj_field *f, const struct application *a,
    const struct application_photo *p)
{
	return (json_string(a->source_sha));
}

json_t *
application_json_encode(const struct application *a,
    const struct application_photo *p, unsigned fields)
{
	json_t *o = json_object(), *v;
	size_t i;

	for (i = 0; i < nitems(aj_fields); i++) {
		if ((fields & aj_fields[i].bit) == 0)
			continue;
		v = aj_fields[i].write(&aj_fields[i], a, p);
		if (json_object_set_new(o, aj_fields[i].key, v) != 0)
			fatal("application_json_encode: out of memory");
	}
	return (o);
}

/* 1 when key is the key, or an old key, of one of fields. */
static int
key_known(const char *key, unsigned fields)
{
	const struct aj_field *f;
	size_t i, k;

	for (i = 0; i < nitems(aj_fields); i++) {
		f = &aj_fields[i];
		if ((fields & f->bit) == 0)
			continue;
		if (strcmp(key, f->key) == 0)
			return (1);
		for (k = 0; k < nitems(f->old); k++)
			if (f->old[k] != NULL && strcmp(key, f->old[k]) == 0)
				return (1);
	}
	return (0);
}

int
application_json_decode(json_t *o, unsigned fields, unsigned required,
    struct application *a, struct application_photo *p, char **cause)
{
	const struct aj_in in = { o, fields, required, a, p };
	const struct aj_field *f;
	const char *key;
	json_t *v;
	size_t i;
	int rc;

	if (!json_is_object(o)) {
		*cause = xstrdup(_("not a JSON object"));
		return (-1);
	}
	if (fields & AJ_ONLY_KNOWN)
		json_object_foreach(o, key, v)
			if (!key_known(key, fields)) {
				*cause = xasprintf(_("unknown key '%s'"),
				    quotable(key));
				return (-1);
			}
	for (i = 0; i < nitems(aj_fields); i++) {
		f = &aj_fields[i];
		if ((fields & f->bit) == 0)
			continue;
		if ((rc = f->read(f, &in, cause)) < 0)
			return (-1);
		if (rc == 1 && (required & f->bit)) {
			*cause = xasprintf(_("'%s' is missing"), f->key);
			return (-1);
		}
	}
	return (0);
}

int
application_json_parse(const char *data, size_t len, json_t **out, char **cause)
{
	json_error_t err;

	*out = json_loadb(data, len, 0, &err);
	if (*out == NULL) {
		/* jansson's text quotes the file, ID numbers too: where, never what. */
		*cause = xasprintf(_("not valid JSON (line %d, column %d)"),
		    err.line, err.column);
		return (-1);
	}
	if (!json_is_object(*out)) {
		*cause = xstrdup(_("not a JSON object"));
		json_decref(*out);
		*out = NULL;
		return (-1);
	}
	return (0);
}
