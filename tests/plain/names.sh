#!/bin/sh
# names.sh -- file names from a USB stick never reach the terminal raw: an OSC title, a
# CSI 3J, an OSC 52 clipboard write, C1 bytes and U+202E in names are shown as '?' in
# the photo list and the review, on the terminal (a pty) and in the transcript; a CJK
# name stays as it is.  The curses photo list and sscard check show them so too.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/plain/lib-plain.sh"
mkdir -p "$T/usb"
"$SSCARD" fix "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" -o "$T/photo.jpg" > "$T/fix.out" 2>&1 ||
	fail "sscard fix could not make a passing photo: $(cat "$T/fix.out")"
n=0
for name in "a$(printf '\033]0;pwned\007')" "b$(printf '\033[3J')" \
    "c$(printf '\033]52;c;aGk=\007')" "d$(printf '\233')31m" "e$(printf '\302\233')31m" \
    "照片"; do
	n=$((n + 1))
	cp "$T/photo.jpg" "$T/usb/$name.jpg"
	touch -d "2026-01-01 00:0$n" "$T/usb/$name.jpg"
done
rlo="$T/usb/$(printf '\342\200\256')gpj.exe.jpg"
cp "$T/photo.jpg" "$rlo"	# the newest: number 1
{ to_name; cat <<EOS; } > "$T/script"
send 张三
expect Whose card:
send
expect Type the numbers
send
expect Save the checklist
send
expect 7: a?]0;pwned?.jpg
send 1
expect Press Enter to go on.
send
expect I agree
signal TERM
exit -15 5
EOS
cd "$T/usb"
pty "$T/pty.log" env TERM=dumb "$SSCARD" --plain --snapshot "$T/shots" ||
	{ cat "$T/pty.log" >&2; fail "the photo list with odd names"; }
cd "$T"
# raw FILE: what a terminal would act on, found in FILE: ESC, BEL, C1 controls (as
# characters or as bytes that are not UTF-8), bidi overrides and isolates.
raw() {
	python3 -c 'import sys
t = open(sys.argv[1], "rb").read().decode("utf-8", "surrogateescape")
print(" ".join(sorted({hex(ord(c)) for c in t if ord(c) in (0x1b, 0x07) or
    0x80 <= ord(c) <= 0x9f or 0x202a <= ord(c) <= 0x202e or
    0x2066 <= ord(c) <= 0x2069 or 0xdc80 <= ord(c) <= 0xdcff})))' "$1"
}
for f in "$T/pty.log" "$T/shots/transcript.txt"; do
	[ -z "$(raw "$f")" ] || fail "$f holds raw $(raw "$f")"
	grep -q "a?\]0;pwned?\.jpg (JPEG" "$f" && grep -q "b?\[3J\.jpg" "$f" &&
	    grep -q "c?\]52;c;aGk=?\.jpg" "$f" && grep -q "d?31m\.jpg" "$f" &&
	    grep -q "e?31m\.jpg" "$f" && grep -q "照片\.jpg (JPEG" "$f" ||
		fail "$f: a name is not listed as it should be: $(grep -a 'JPEG' "$f")"
	grep -q "  1: ?gpj\.exe\.jpg (JPEG" "$f" || fail "$f: U+202E was not shown as '?'"
	# The path as chosen, as the curses wizard keeps it (picker.c's name, never made absolute).
	grep -q "Photo: .*?gpj\.exe\.jpg (" "$f" || fail "$f: the review's photo: $(grep -a 'Photo:' "$f")"
done

# The curses photo step lists the same names with '?' too.
printf '<F3><Enter><F3>张三<F3><F3>' > "$T/keys"
(cd "$T/usb" && "$SSCARD" --replay "$T/keys" --snapshot "$T/cshots") > "$T/cout" 2>&1 || true
shot=$(ls "$T/cshots"/*-photo.txt 2> /dev/null | tail -n 1)
[ -n "$shot" ] || fail "the curses wizard did not reach the photo step: $(cat "$T/cout")"
[ -z "$(raw "$shot")" ] || fail "the curses photo list holds raw $(raw "$shot")"
grep -q "?gpj\.exe\.jpg" "$shot" || fail "the curses list: $(cat "$shot")"
# sscard check, run on a stick's files, names them safely too (and in its errors).
: > "$T/usb/$(printf 'z\033[3J')empty.jpg"
"$SSCARD" check "$T/usb"/*.jpg > "$T/check.out" 2>&1 || true
[ -z "$(raw "$T/check.out")" ] || fail "sscard check printed raw $(raw "$T/check.out")"
grep -q "usb/?gpj\.exe\.jpg: checked against" "$T/check.out" && grep -q "usb/z?\[3Jempty\.jpg" "$T/check.out" ||
	fail "sscard check: $(grep -a 'usb/' "$T/check.out")"
echo "odd file names are shown safely OK"
