#!/bin/sh
# one-flow.sh -- plain mode runs the curses wizard's flow, so it says what the curses
# screens say: rule names, not ids, and only the rules that do not pass; the last step's
# title as the curses side gives it; consent never the default; lines broken where
# text.c allows, never past the width; the photo path as typed; a draft keeps the
# checked bytes by the same step rule; Back after the kit as on the curses side; the kit
# saved in the folder offered.  Every difference found is reported, then the test fails.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"
. "$top_srcdir/tests/plain/lib-plain.sh"
export TERM=dumb
bad=0
miss() {
	echo "FAIL: $*" >&2
	bad=1
}
make_passing_photo "$T/photo.jpg"
cp "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" "$T/raw.jpg"
tr="$T/shots/transcript.txt"

# pick LANGUAGE PHOTO FIX: to the review; Enter there (no default may consent), then
# consent, the kit's folder, Back from the last step, the review again, Finish.
pick() {
	keys "$1<Enter>
$(keys_to_photo)
$2<Enter>
$3<Enter>
<Enter>
1<Enter>
<Enter>
<<<Enter>
1<Enter>
<Enter>"
}

# English, a photo that needs the fix, typed relative to the working folder.
pick 3 raw.jpg 1
run_sscard --plain
check=$(sed -n '/: Photo check$/,/: Review$/p' "$tr")
echo "$check" | grep -Eq '^ *(PASS|WARN|FAIL)  [a-z_]+: ' &&
	miss "the check step shows rule ids: $(echo "$check" | grep -E '^ *(PASS|WARN|FAIL)  [a-z_]+: ' | head -3)"
echo "$check" | grep -Eq '^ *FAIL  [A-Z][a-z]' || miss "the check step shows no failing rule by name"
[ "$(echo "$check" | grep -c '^ *PASS  ')" -le 2 ] ||
	miss "the check step lists each passing rule: $(echo "$check" | grep -c '^ *PASS  ') PASS lines"
grep -qxF "Step 8 of 8: Your application kit and next steps" "$tr" ||
	miss "the last step is not titled as on the curses side: $(grep '^Step 8' "$tr")"
grep -q '^  *1: \[\*\] I agree' "$tr" && miss "consent is the review's default answer"
grep -qF "Photo: raw.jpg" "$tr" || miss "the photo path is not kept as typed: $(grep 'Photo:' "$tr")"
grep -qF "The kit is saved; going back would not change it." "$tr" &&
	miss "Back after the kit is refused (the curses wizard goes back)"
[ "$(grep -cx 'Step 7 of 8: Review' "$tr")" -ge 2 ] || miss "Back after the kit does not go back to the review"
[ -n "$(find "$HOME/sscard" -mindepth 1 -maxdepth 1 -type d 2>/dev/null)" ] || miss "no kit saved"
rm -rf "$HOME/sscard" "$HOME/.local/state/sscard"

# Chinese: no line wider than the terminal (80 columns), broken between words.
pick 1 "$T/photo.jpg" ""
run_sscard --plain
python3 - "$tr" <<'PY' || miss "plain mode writes lines past 80 columns"
import sys, unicodedata
bad = 0
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if w > 80:
        print("%d columns: %s" % (w, line), file=sys.stderr)
        bad = 1
sys.exit(bad)
PY
rm -rf "$HOME/sscard" "$HOME/.local/state/sscard"

# A draft left on the photo step holds no checked bytes, as the curses wizard's.
keys "3<Enter>
$(keys_to_photo)
$T/photo.jpg<Enter>
<Enter>
5<Enter>"
run_sscard --plain
d="$HOME/.local/state/sscard/draft.json"
if [ -f "$d" ]; then
	[ "$(json "$d" 'd.get("step")')" = photo ] || miss "the draft is not on the photo step: $(json "$d" 'd.get("step")')"
	[ "$(json "$d" 'd.get("photo_checked")')" = False ] ||
		miss "a draft on the photo step keeps the checked bytes (the curses wizard does not)"
else
	miss "no draft left on the photo step"
fi
rm -rf "$HOME/.local/state/sscard"

# The kit is saved in the folder its question offered, however long the answer takes.
# The answer comes more than a second after the question, whatever the check's time.
mkfifo "$T/answers"
"$SSCARD" --plain < "$T/answers" > "$T/kit.out" 2>&1 &
{
	printf '3\n\n1\n张三\n\n1 2\n\n%s\n\n1\n' "$T/photo.jpg"
	i=0
	while ! grep -q "Kit folder:" "$T/kit.out" && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
	sleep 1.5
	printf '\n\n'
} > "$T/answers"
wait $! || miss "the kit run failed: $(tail -5 "$T/kit.out")"
offered=$(tr -d '\n' < "$T/kit.out" | sed -n "s|.*default=\($HOME/sscard/[0-9-]*\)> .*|\1|p")
saved=$(tr -d '\n' < "$T/kit.out" | sed -n "s|.*Kit saved in *\($HOME/sscard/[0-9-]*\) *(photo.jpg.*|\1|p")
[ -n "$offered" ] && [ "$offered" = "$saved" ] ||
	miss "the kit folder offered ($offered) is not the one saved ($saved)"

[ $bad -eq 0 ] || exit 1
echo "plain one flow OK"
