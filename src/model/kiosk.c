/* kiosk.c -- shared machines: settings, confined photo folders, the helper's PIN. */
#include "lib/system.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <nettle/pbkdf2.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "lib/config.h"
#include "model/draft.h"
#include "lib/exitcode.h"
#include "lib/fsutil.h"
#include "model/kiosk.h"
#include "lib/xmalloc.h"

/* PBKDF2-SHA256: enough rounds to make guessing a short PIN from the config slow. */
#define PIN_ITERATIONS	600000
#define PIN_SALT	16
#define PIN_LEN		32

static char	*joined(char *const *, size_t);
static int	has_dotdot(const char *);
static const char *below(const char *, const char *);
static char	*absolute(const char *);
static int	open_under(const char *, const char *);
static int	open_confined(const struct kiosk *, const char *, char **);
static int	judged(int, const char *, char **);
static void	hex(const uint8_t *, size_t, char *);
static int	unhex(const char *, uint8_t *, size_t);

/* The kiosk kiosk_protect guards: the photo is opened again only beneath its folders. */
static const struct kiosk	*guarded;

void
kiosk_protect(const struct kiosk *k)
{
	struct rlimit none = { 0, 0 };

	guarded = k;
	if (!k->enabled)
		return;
	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

char *
kiosk_notice(int stored, long seconds)
{
	char *d = kiosk_duration(seconds), *s;

	/* TRANSLATORS: %s is a time, "30 seconds" or "1 minute". */
	s = stored ? xasprintf(_("Nobody has typed anything for a while. Press "
	    "Enter to go on: in %s the screen is cleared and the wizard starts "
	    "again for the next person; the stored application stays with this "
	    "service point."), d) :
	    /* TRANSLATORS: %s is a time, "30 seconds" or "1 minute". */
	    xasprintf(_("Nobody has typed anything for a while. Press Enter to "
	    "go on: in %s everything typed here is deleted and the wizard starts "
	    "again for the next person."), d);
	free(d);
	return (s);
}

char *
kiosk_duration(long seconds)
{
	unsigned long m = (unsigned long)seconds / 60;

	if (seconds >= 60 && seconds % 60 == 0)
		return (xasprintf(ngettext("%lu minute", "%lu minutes", m), m));
	return (xasprintf(ngettext("%ld second", "%ld seconds", (unsigned long)seconds),
	    seconds));
}

const char *
kiosk_wiped(int stored)
{
	return (stored ? _("The screen was cleared; the stored application stays "
	    "with this service point.") : _("Everything typed here has been deleted."));
}

int
kiosk_enabled(const struct config *cfg, int forced)
{
	char *cause = NULL;
	int on = 0;

	if (config_bool(cfg, "kiosk", "enabled", 0, &on, &cause) != 0)
		free(cause);	/* kiosk_load reports it */
	return (forced || on);
}

int
kiosk_wait(int fd, long ms)
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	int rc = poll(&pfd, 1, ms < 0 ? -1 : ms > INT_MAX ? INT_MAX : (int)ms);

	if (rc < 0)
		return (errno == EINTR ? -1 : 0);	/* an error: let the read say it */
	return (rc == 0 ? 1 : 0);
}

int
kiosk_load(struct kiosk *k, const struct config *cfg, int forced, char **cause)
{
	const char *dirs, *kit;
	char *copy, *tok, *save = NULL;

	memset(k, 0, sizeof *k);
	if (config_bool(cfg, "kiosk", "enabled", 0, &k->enabled, cause) != 0)
		return (-1);
	k->enabled |= forced;
	if (!k->enabled)
		return (0);
	if (config_long(cfg, "kiosk", "idle_seconds", 300, 1, 24 * 3600,
	    &k->idle_seconds, cause) != 0 ||
	    config_long(cfg, "kiosk", "notice_seconds", 30, 1, 3600,
	    &k->notice_seconds, cause) != 0)
		return (-1);
	k->pin_hash = config_str(cfg, "kiosk", "pin_hash", NULL);
	/* Folders are resolved when a photo is chosen: a USB stick comes later. */
	if ((dirs = config_str(cfg, "kiosk", "photo_dirs", NULL)) != NULL) {
		copy = xstrdup(dirs);
		for (tok = strtok_r(copy, ":", &save); tok != NULL;
		    tok = strtok_r(NULL, ":", &save)) {
			k->photo_dirs = xreallocarray(k->photo_dirs, k->nphoto_dirs + 1,
			    sizeof *k->photo_dirs);
			k->photo_dirs[k->nphoto_dirs++] = xstrdup(tok);
		}
		free(copy);
	}
	if ((kit = config_str(cfg, "kiosk", "kit_dir", NULL)) == NULL || *kit != '/') {
		*cause = xstrdup(_("A kiosk needs [kiosk] kit_dir, an absolute folder: "
		    "applications never go into a shared home folder."));
		return (-1);
	}
	k->kit_dir = xstrdup(kit);
	return (0);
}

void
kiosk_free(struct kiosk *k)
{
	size_t i;

	for (i = 0; i < k->nphoto_dirs; i++)
		free(k->photo_dirs[i]);
	free(k->photo_dirs);
	free(k->kit_dir);
	memset(k, 0, sizeof *k);
}

/* "a, b, c"; caller frees. */
static char *
joined(char *const *v, size_t n)
{
	char *s = xstrdup(""), *t;
	size_t i;

	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s%s", s, i > 0 ? ", " : "", v[i]);
		free(s);
		s = t;
	}
	return (s);
}

static int
has_dotdot(const char *path)
{
	const char *p = path;

	while ((p = strstr(p, "..")) != NULL) {
		if ((p == path || p[-1] == '/') && (p[2] == '\0' || p[2] == '/'))
			return (1);
		p += 2;
	}
	return (0);
}

/* What follows root in path ("" for root itself), or NULL when path is not below root. */
static const char *
below(const char *path, const char *root)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n == 1 && root[0] == '/')
		return (path + 1);
	if (strncmp(path, root, n) != 0 || (path[n] != '\0' && path[n] != '/'))
		return (NULL);
	return (path + n + (path[n] == '/'));
}

/* path from the root of the file system, "//" and "/./" folded; caller frees. */
static char *
absolute(const char *path)
{
	char *cwd = NULL, *s, *o, *p;
	size_t n;

	if (*path != '/' && (cwd = getcwd(NULL, 0)) == NULL)
		cwd = xstrdup("/");
	s = cwd != NULL ? xasprintf("%s/%s", cwd, path) : xstrdup(path);
	free(cwd);
	for (o = p = s; *p != '\0'; p += n) {
		p += strspn(p, "/");
		if ((n = strcspn(p, "/")) == 0 || (n == 1 && *p == '.'))
			continue;
		*o++ = '/';
		memmove(o, p, n);
		o += n;
	}
	if (o == s)
		*o++ = '/';
	*o = '\0';
	return (s);
}

/*
 * Opens path (absolute) beneath the photo folder root: the folder as
 * configured (its own links followed: the service point set it), then every
 * component below it without following a link.  -2 when path is not below
 * root, else the descriptor or -1 with errno.
 */
static int
open_under(const char *root, const char *path)
{
	char *conf = absolute(root), *real = realpath(root, NULL);
	const char *rel = below(path, conf);
	int rfd, fd = -2, saved;

	if (rel == NULL && real != NULL)
		rel = below(path, real);
	if (rel != NULL && real != NULL) {
		if ((rfd = open(real, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
			fd = -1;
		else {
			fd = fs_open_beneath(rfd, *rel != '\0' ? rel : ".",
			    O_RDONLY | O_NONBLOCK);
			saved = errno;
			close(rfd);
			errno = saved;
		}
	}
	free(conf);
	free(real);
	return (fd);
}

/* The descriptor of path opened beneath one of the kiosk's folders, or -1 with *cause. */
static int
open_confined(const struct kiosk *k, const char *path, char **cause)
{
	char *abs, *list;
	size_t i;
	int fd = -2;

	if (has_dotdot(path)) {
		*cause = xstrdup(_("In this kiosk a path cannot contain '..'."));
		return (-1);
	}
	if (k->nphoto_dirs == 0) {
		*cause = xstrdup(_("This kiosk has no photo folders ([kiosk] photo_dirs)."));
		return (-1);
	}
	abs = absolute(path);
	for (i = 0; i < k->nphoto_dirs && fd == -2; i++)
		fd = open_under(k->photo_dirs[i], abs);
	free(abs);
	if (fd >= 0)
		return (fd);
	if (fd == -1 && errno != ELOOP && errno != EXDEV && errno != ENOTDIR) {
		*cause = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		return (-1);
	}
	list = joined(k->photo_dirs, k->nphoto_dirs);
	*cause = xasprintf(_("In this kiosk photos can only come from %s (a link "
	    "that leads elsewhere is refused too)."), list);
	free(list);
	return (-1);
}

/* The file opened is judged, not its name (fs_regular_fd); closed unless it passes. */
static int
judged(int fd, const char *path, char **cause)
{
	struct stat sb;

	if (fs_regular_fd(fd, path, &sb, cause) != 0) {
		close(fd);
		return (-1);
	}
	return (fd);
}

int
kiosk_open_photo(const struct kiosk *k, const char *path, char **cause)
{
	int fd;

	if (k->enabled)
		fd = open_confined(k, path, cause);
	/* O_NONBLOCK: a FIFO named photo.jpg must not hang the wizard. */
	else if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		*cause = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
	return (fd < 0 ? -1 : judged(fd, path, cause));
}

int
kiosk_open_given(const char *path, char **cause)
{
	static const struct kiosk anywhere;

	return (kiosk_open_photo(guarded != NULL ? guarded : &anywhere, path, cause));
}

static void
hex(const uint8_t *b, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

static int
unhex(const char *s, uint8_t *b, size_t n)
{
	size_t i;
	unsigned v;

	if (strlen(s) != 2 * n)
		return (-1);
	for (i = 0; i < n; i++) {
		if (sscanf(s + 2 * i, "%2x", &v) != 1)
			return (-1);
		b[i] = (uint8_t)v;
	}
	return (0);
}

/*
 * One rule for every front end: the curses field takes any printable
 * character (a space, CJK) up to KIOSK_PIN_MAX, and plain mode a line;
 * a control character or a Tab could never be typed back in the field.
 */
int
kiosk_pin_valid(const char *pin, char **cause)
{
	mbstate_t st;
	wchar_t c;
	size_t n, chars = 0;

	memset(&st, 0, sizeof st);
	for (; *pin != '\0'; pin += n, chars++) {
		n = mbrtowc(&c, pin, MB_LEN_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || !iswprint((wint_t)c)) {
			*cause = xstrdup(_("a PIN can only hold characters that can be "
			    "typed and shown (letters, digits, signs, spaces; no Tab "
			    "or control keys)"));
			return (0);
		}
	}
	if (chars < KIOSK_PIN_MIN || chars > KIOSK_PIN_MAX) {
		*cause = xasprintf(_("a PIN needs %d to %d characters"), KIOSK_PIN_MIN,
		    KIOSK_PIN_MAX);
		return (0);
	}
	return (1);
}

char *
kiosk_pin_hash(const char *pin)
{
	uint8_t salt[PIN_SALT], dk[PIN_LEN];
	char s[2 * PIN_SALT + 1], d[2 * PIN_LEN + 1];

	fs_random(salt, sizeof salt);
	pbkdf2_hmac_sha256(strlen(pin), (const uint8_t *)pin, PIN_ITERATIONS,
	    sizeof salt, salt, sizeof dk, dk);
	hex(salt, sizeof salt, s);
	hex(dk, sizeof dk, d);
	explicit_bzero(dk, sizeof dk);
	return (xasprintf("pbkdf2-sha256$%d$%s$%s", PIN_ITERATIONS, s, d));
}

int
kiosk_pin_check(const char *stored, const char *pin)
{
	uint8_t salt[PIN_SALT], want[PIN_LEN], got[PIN_LEN], diff = 0;
	char saltx[2 * PIN_SALT + 1], dkx[2 * PIN_LEN + 1];
	unsigned iter;
	size_t i;

	if (sscanf(stored, "pbkdf2-sha256$%u$%32[0-9a-f]$%64[0-9a-f]", &iter, saltx,
	    dkx) != 3 || iter < 1000 || iter > 10000000 ||
	    unhex(saltx, salt, sizeof salt) != 0 || unhex(dkx, want, sizeof want) != 0)
		return (0);
	pbkdf2_hmac_sha256(strlen(pin), (const uint8_t *)pin, iter, sizeof salt, salt,
	    sizeof got, got);
	for (i = 0; i < sizeof got; i++)	/* constant time */
		diff |= (uint8_t)(got[i] ^ want[i]);
	explicit_bzero(got, sizeof got);
	return (diff == 0);
}

int
kiosk_pin_try(struct kiosk *k, const char *pin, char **cause)
{
	time_t now = time(NULL);

	if (k->pin_hash == NULL) {
		*cause = xstrdup(_("This kiosk has no helper PIN ([kiosk] pin_hash): "
		    "it cannot be left from the wizard."));
		return (0);
	}
	if (now < k->locked_until) {
		*cause = xasprintf(_("Too many wrong PINs: try again in %lld seconds."),
		    k->locked_until - (long long)now);
		return (0);
	}
	if (kiosk_pin_check(k->pin_hash, pin)) {
		k->wrong = 0;
		return (1);
	}
	if (++k->wrong >= KIOSK_PIN_TRIES) {
		k->wrong = 0;
		k->locked_until = (long long)now + KIOSK_PIN_COOLDOWN;
	}
	*cause = xstrdup(_("That PIN is wrong. The wizard goes on."));
	return (0);
}
