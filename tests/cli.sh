#!/bin/sh
# cli.sh -- options, exit statuses, configuration errors, write errors.
. "$top_srcdir/tests/lib.sh"

run() {
	"$SSCARD" "$@" > "$T/out" 2> "$T/err" < /dev/null
	status=$?
}

run --help
assert_status 0
grep -q -- "--replay=FILE" "$T/out" || fail "--help lacks --replay"
cp "$T/out" "$T/help-en"
grep -q "^Usage: sscard" "$T/out" || fail "--help has no usage line"
run --version
assert_status 0
head -n 1 "$T/out" | grep -Eq '^sscard [0-9]+\.[0-9]+\.[0-9]+$' || fail "version line: $(head -n 1 "$T/out")"

run --no-such-option
assert_status 2
grep -q "Try 'sscard --help'" "$T/err" || fail "no hint after a bad option"
run no-such-command
assert_status 2
grep -q "unknown command 'no-such-command'" "$T/err" || fail "$(cat "$T/err")"
run --lang=xx
assert_status 2
grep -q "unknown language 'xx'" "$T/err" || fail "$(cat "$T/err")"

# Help in another language comes from the catalog.
run --lang=es --help
assert_status 0
grep -q "^Opciones:" "$T/out" || fail "--lang=es --help is not in Spanish"
[ "$(wc -l < "$T/out")" -eq "$(wc -l < "$T/help-en")" ] || fail "the Spanish help lost lines"

# The help is printed before the configuration is read: it never says that the
# wizard queues the application (with no card service it queues nothing), but what
# happens either way, in every language.
intro="Change the photo on a Chinese social security card (社保卡): a wizard
that explains the channels, takes your details and checks your photo.
It then saves an application kit for the counter or, where a card
service is configured, queues the application and sends it.

"
for l in en zh_CN zh_TW es; do
	run --lang=$l --help
	want=$(tr_ $l "$intro")
	[ $l = en ] || [ "$want" != "$(printf '%s' "$intro")" ] || fail "$l: the help's introduction is not translated"
	grep -qF -- "$(printf '%s\n' "$want" | head -n 1)" "$T/out" &&
	    grep -qF -- "$(printf '%s\n' "$want" | sed -n 3p)" "$T/out" ||
		fail "$l: --help does not say what happens with and without a card service: $(head -8 "$T/out")"
	! grep -q "nothing is lost\|queues the application so" "$T/out" || fail "$l: --help says it always queues"
done

# Writing to a full device is an error, not a silent success.
if [ -w /dev/full ]; then
	"$SSCARD" --help > /dev/full 2> "$T/err"
	status=$?
	assert_status 1
	grep -q "write error" "$T/err" || fail "no write error reported"
fi

# No terminal and no key script: a clear message, never a hang.
run
assert_status 1
grep -q -- "--replay" "$T/err" || fail "$(cat "$T/err")"

# Configuration: a broken file is an error naming file and line.
printf '[sscard]\nlang = en\nnot a key value line\n' > "$T/broken.conf"
keys "<Enter>"
run --config "$T/broken.conf" --replay "$T/keys"
assert_status 2
grep -q "broken.conf:3:" "$T/err" || fail "$(cat "$T/err")"
run --config "$T/absent.conf" --replay "$T/keys"
assert_status 2
grep -q "absent.conf" "$T/err" || fail "$(cat "$T/err")"

# An unknown key is a warning naming file and line; the wizard still runs.
printf '[sscard]\nlang = en\ncolour = red\n' > "$T/unknown.conf"
run --config "$T/unknown.conf" --replay "$T/keys"
assert_status 4
grep -q "unknown.conf:3: unknown key 'colour'" "$T/err" || fail "$(cat "$T/err")"

# The user's file is read from XDG_CONFIG_HOME; --config wins over it.
mkdir -p "$T/xdg/sscard"
printf '[kit]\ndir = %s\n' "$T/from-user" > "$T/xdg/sscard/config"
printf '[kit]\ndir = %s\n' "$T/from-option" > "$T/option.conf"
make_passing_photo "$T/p.jpg"
keys "<Enter><Enter>张三<F3><F3>$T/p.jpg<Enter><F3><Space><F3><Enter><Enter>"
XDG_CONFIG_HOME="$T/xdg" run --replay "$T/keys"
assert_status 0
[ -d "$T/from-user" ] && [ "$(ls "$T/from-user" | wc -l)" -eq 1 ] || fail "user config not read"
XDG_CONFIG_HOME="$T/xdg" run --replay "$T/keys" --config "$T/option.conf"
assert_status 0
[ "$(ls "$T/from-option" | wc -l)" -eq 1 ] || fail "--config did not win"
[ "$(ls "$T/from-user" | wc -l)" -eq 1 ] || fail "--config did not win"
grep -q "Application kit saved in $T/from-option/" "$T/out" || fail "no closing line: $(cat "$T/out")"
