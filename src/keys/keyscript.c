/* keyscript.c -- parse and print the key-script format (pure functions, no curses). */
#include "lib/system.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys/keyscript.h"
#include "lib/xmalloc.h"

/* A key script this large is not a key script. */
#define KEYSCRIPT_MAX_BYTES	(4 * 1024 * 1024)

static const struct {
	enum key_code	 code;
	const char	*name;
} key_names[] = {
#define KEY_ROW(e, name) { K_##e, name },
	KEY_NAMES(KEY_ROW)
#undef KEY_ROW
	{ K_SPACE, "Space" },
};

struct cursor {
	const unsigned char	*p, *end;
	unsigned		 line, col;	/* 1-based, col counts characters */
};

static int	utf8_decode(const unsigned char *, size_t, wchar_t *);
static int	utf8_encode(uint32_t, char *);
static int	parse_name(const char *, size_t, struct key *);
static int	parse_bracket(struct cursor *, struct key *, char **);
static void	push(struct keyscript *, size_t *, const struct key *);

wchar_t
key_char(const struct key *k)
{
	if (k->code == K_CHAR)
		return (k->ch);
	if (k->code == K_SPACE)
		return (L' ');
	return (0);
}

/* Decodes one UTF-8 sequence; returns its length, or -1 if invalid. */
static int
utf8_decode(const unsigned char *s, size_t avail, wchar_t *out)
{
	uint32_t c;
	int len, i;

	if (s[0] < 0x80) {
		*out = s[0];
		return (1);
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return (-1);
	if ((size_t)len > avail)
		return (-1);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (-1);
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are invalid. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return (-1);
	*out = (wchar_t)c;
	return (len);
}

/* Encodes one code point (no locale involved); returns its length, 0 if invalid. */
static int
utf8_encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return (1);
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return (2);
	}
	if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return (0);
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return (3);
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return (4);
}

/* Parses the text between < and >; returns 0, or -1 if the name is unknown. */
static int
parse_name(const char *s, size_t len, struct key *k)
{
	size_t i;
	int n;

	memset(k, 0, sizeof *k);
	for (i = 0; i < nitems(key_names); i++) {
		if (strlen(key_names[i].name) == len &&
		    memcmp(key_names[i].name, s, len) == 0) {
			k->code = key_names[i].code;
			return (0);
		}
	}
	if (len == 3 && s[0] == 'C' && s[1] == '-' && s[2] >= 'a' && s[2] <= 'z') {
		k->code = K_CTRL;
		k->n = s[2];
		return (0);
	}
	if ((len == 2 || len == 3) && s[0] == 'F' && s[1] >= '1' && s[1] <= '9') {
		n = s[1] - '0';
		if (len == 3) {
			if (s[2] < '0' || s[2] > '9')
				return (-1);
			n = n * 10 + (s[2] - '0');
		}
		if (n < 1 || n > 12)
			return (-1);
		k->code = K_F;
		k->n = n;
		return (0);
	}
	return (-1);
}

static int
parse_bracket(struct cursor *c, struct key *k, char **cause)
{
	const unsigned char *start = c->p + 1, *q;
	unsigned col = c->col;

	if (start < c->end && *start == '<') {	/* "<<" is a literal '<' */
		k->code = K_CHAR;
		k->ch = L'<';
		c->p += 2;
		c->col += 2;
		return (0);
	}
	for (q = start; q < c->end && *q != '>' && *q != '\n' && q - start < 16; q++)
		;
	if (q >= c->end || *q != '>') {
		*cause = xasprintf(_("line %u, column %u: '<' starts a key name "
		    "but no '>' closes it (write << for a literal <)"), c->line, col);
		return (-1);
	}
	if (parse_name((const char *)start, (size_t)(q - start), k) != 0) {
		*cause = xasprintf(_("line %u, column %u: unknown key name <%.*s>"),
		    c->line, col, (int)(q - start), (const char *)start);
		return (-1);
	}
	c->col += (unsigned)(q - c->p) + 1;
	c->p = q + 1;
	return (0);
}

static void
push(struct keyscript *ks, size_t *cap, const struct key *k)
{
	struct key *bigger;

	if (ks->n == *cap) {
		/* Not realloc: the old array holds typed personal data and is wiped. */
		*cap = *cap ? *cap * 2 : 64;
		bigger = xcalloc(*cap, sizeof *bigger);
		if (ks->n > 0)
			memcpy(bigger, ks->keys, ks->n * sizeof *bigger);
		if (ks->keys != NULL)
			wipe_free(ks->keys, ks->n * sizeof *ks->keys);
		ks->keys = bigger;
	}
	ks->keys[ks->n++] = *k;
}

int
keyscript_parse(const char *text, size_t len, struct keyscript *ks, char **cause)
{
	struct cursor c = { (const unsigned char *)text,
	    (const unsigned char *)text + len, 1, 1 };
	struct key k;
	size_t cap = 0;
	int n;

	memset(ks, 0, sizeof *ks);
	while (c.p < c.end) {
		if (c.col == 1 && *c.p == '#') {	/* a comment line */
			while (c.p < c.end && *c.p != '\n')
				c.p++;
			continue;
		}
		if (*c.p == '\n' || *c.p == '\r') {	/* line breaks are ignored */
			if (*c.p == '\n') {
				c.line++;
				c.col = 1;
			}
			c.p++;
			continue;
		}
		if (*c.p == '<') {
			if (parse_bracket(&c, &k, cause) != 0)
				goto fail;
			push(ks, &cap, &k);
			continue;
		}
		memset(&k, 0, sizeof k);
		if ((n = utf8_decode(c.p, (size_t)(c.end - c.p), &k.ch)) < 0) {
			*cause = xasprintf(_("line %u, column %u: invalid UTF-8"),
			    c.line, c.col);
			goto fail;
		}
		if (k.ch < 0x20 || k.ch == 0x7f) {
			*cause = xasprintf(_("line %u, column %u: control character "
			    "0x%02x; write keys like <Tab> or <C-a> by name"),
			    c.line, c.col, (unsigned)k.ch);
			goto fail;
		}
		k.code = K_CHAR;
		push(ks, &cap, &k);
		c.p += n;
		c.col++;
	}
	return (0);
fail:
	keyscript_free(ks);
	return (-1);
}

/* Reads and parses FILE ("-" is not allowed: stdin is not a key source). */
int
keyscript_load(const char *path, struct keyscript *ks, char **cause)
{
	FILE *f;
	char *buf;
	size_t len;
	int rc;

	if ((f = fopen(path, "rbe")) == NULL) {
		*cause = xasprintf(_("cannot open key script %s: %s"), path,
		    strerror(errno));
		return (-1);
	}
	/* Unbuffered: no copy of the typed names and numbers in stdio's buffer. */
	setvbuf(f, NULL, _IONBF, 0);
	buf = xmalloc(KEYSCRIPT_MAX_BYTES + 1);
	len = fread(buf, 1, KEYSCRIPT_MAX_BYTES + 1, f);
	if (ferror(f) || len > KEYSCRIPT_MAX_BYTES) {
		*cause = ferror(f) ?
		    xasprintf(_("cannot read key script %s: %s"), path, strerror(errno)) :
		    xasprintf(_("key script %s is larger than %d MiB"), path,
		    KEYSCRIPT_MAX_BYTES >> 20);
		fclose(f);
		wipe_free(buf, KEYSCRIPT_MAX_BYTES + 1);
		return (-1);
	}
	fclose(f);
	rc = keyscript_parse(buf, len, ks, cause);
	if (rc != 0) {
		char *c = xasprintf("%s: %s", path, *cause);
		free(*cause);
		*cause = c;
	}
	wipe_free(buf, len);	/* only len bytes were ever written */
	return (rc);
}

void
keyscript_free(struct keyscript *ks)
{
	if (ks->keys != NULL)
		wipe_free(ks->keys, ks->n * sizeof *ks->keys);
	memset(ks, 0, sizeof *ks);
}

const char *
keyscript_name(const struct key *k, char *buf, size_t size)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < nitems(key_names); i++) {
		if (key_names[i].code == k->code) {
			snprintf(buf, size, "%s", key_names[i].name);
			return (buf);
		}
	}
	if (k->code == K_F)
		snprintf(buf, size, "F%d", k->n);
	else if (k->code == K_CTRL)
		snprintf(buf, size, "C-%c", k->n);
	return (buf);
}

int
keyscript_write(FILE *f, const struct key *k)
{
	char name[16];
	char mb[8];
	int n;

	if (k->code == K_RESIZE || k->code == K_NONE)
		return (0);
	if (k->code != K_CHAR) {
		if (fprintf(f, "<%s>", keyscript_name(k, name, sizeof name)) < 0)
			return (-1);
		/* A line per Enter keeps recorded scripts readable and diffable. */
		if (k->code == K_ENTER && fputc('\n', f) == EOF)
			return (-1);
		return (0);
	}
	if (k->ch == L'<')
		return (fputs("<<", f) == EOF ? -1 : 0);
	if (k->ch == L' ')
		return (fputs("<Space>", f) == EOF ? -1 : 0);
	if ((n = utf8_encode((uint32_t)k->ch, mb)) == 0)
		return (0);
	return (fwrite(mb, 1, (size_t)n, f) == (size_t)n ? 0 : -1);
}
