#!/bin/sh
# photo-step-preview.sh -- the photo step shows the photo; snapshots record the mode and the box.
. "$top_srcdir/tests/lib.sh"
set -e

to_photo="<Enter><Down><Down><Enter>张三<F3><F3>"
photo="$PHOTOS/lisa2.jpg"

# Half blocks (TERM=xterm-256color, nothing asked while replaying), beside the text.
keys "$to_photo$photo"
run_sscard
assert_status 4
line=$(grep -- "-photo " "$T/shots/index" | tail -n 1)
case $line in
*" graphics=blocks box=2,"*) ;;
*) fail "index line: '$line', expected graphics=blocks box=2,..." ;;
esac
f=$(last_snap photo)
[ "$(grep -c '▀▀▀▀▀▀▀▀▀▀' "$f")" -ge 15 ] || { cat "$f" >&2; fail "no half-block photo"; }
# The cursor stays on the field, not on the photo.
case $line in *" cursor=5,"*) ;; *) fail "cursor not on the field: $line" ;; esac

# Before the path names a file there is no photo; the next step has none either.
keys "$to_photo/nonexistent.jpg<F3>"
run_sscard
! grep -q "graphics=" "$T/shots/index" || fail "a preview without a photo: $(cat "$T/shots/index")"

keys "$to_photo$photo<F2>"
run_sscard
tail -n 1 "$T/shots/index" | grep -q -- "-materials " || fail "not back on the materials step"
! tail -n 1 "$T/shots/index" | grep -q "graphics=" || fail "the materials step shows a photo"

# Forced modes: ASCII, a text line, and sixel: its placeholder gives the drawn size,
# 480x640 fitted to 17 rows of 20 pixels (the cell size when the terminal is not asked).
keys "$to_photo$photo"
run_sscard --graphics=ascii
grep -q "graphics=ascii box=" "$T/shots/index" || fail "ascii not recorded"
grep -q '##\*\*\*' "$(last_snap photo)" || fail "no ASCII photo"
run_sscard --graphics=none
assert_snap photo "[photo 480x640:"
run_sscard --graphics=sixel
assert_snap photo "[photo 255x340]"
grep -q "graphics=sixel box=2,53,17,26" "$T/shots/index" ||
	fail "sixel box: $(grep graphics= "$T/shots/index" | tail -n 1)"

# The help overlay hides the sixel; closing it shows it again.
keys "$to_photo$photo<F1><Esc>"
run_sscard --graphics=sixel
tail -n 2 "$T/shots/index" | head -n 1 | grep -q -- "-help cursor=[0-9,]*\$" ||
	fail "a photo under the help: $(tail -n 2 "$T/shots/index")"
tail -n 1 "$T/shots/index" | grep -q "graphics=sixel" || fail "no photo after the help"

# A file that is not a photo: a message, no crash, no preview.
echo "not a photo" > "$T/bad.jpg"
keys "$to_photo$T/bad.jpg"
run_sscard
assert_status 4
assert_snap photo "bad.jpg"
! grep -q "graphics=" "$T/shots/index" || fail "a preview of a broken file"

# The photo grows with the window: at 120x40 at least 1.8 times the area it has at 80x24.
keys "$to_photo$photo"
run_sscard --graphics=sixel
small=$(grep -o "photo cursor=[0-9,]* graphics=sixel box=[0-9,]*" "$T/shots/index" | tail -n 1)
export COLUMNS=120 LINES=40
run_sscard --graphics=sixel
large=$(grep -o "photo cursor=[0-9,]* graphics=sixel box=[0-9,]*" "$T/shots/index" | tail -n 1)
area() { echo "$1" | sed 's/.*box=//' | awk -F, '{ print $3 * $4 }'; }
[ "$(area "$large")" -ge $(( $(area "$small") * 18 / 10 )) ] ||
	fail "the photo does not grow: 80x24 '$small', 120x40 '$large'"
# The text beside it is never under it: the field ends left of the box.
f=$(last_snap photo)
awk -v x="$(echo "$large" | sed 's/.*box=//' | cut -d, -f2)" '
    /Photo:/ { if (index($0, "]") >= x + 1) bad = 1 } END { exit bad }' "$f" ||
	fail "the field runs under the photo: $(grep Photo: "$f")"

# The quit box keeps a photo it does not cover (250x60), and hides one it covers (80x24).
keys "$to_photo$photo<Esc>"
export COLUMNS=250 LINES=60
run_sscard --graphics=sixel
tail -n 1 "$T/shots/index" | grep -q -- "-quit .*graphics=sixel box=" ||
	fail "the quit box hid a photo it does not cover: $(tail -n 1 "$T/shots/index")"
export COLUMNS=80 LINES=24
run_sscard --graphics=sixel
tail -n 1 "$T/shots/index" | grep -q -- "-quit cursor=[0-9,]*\$" ||
	fail "a photo under the quit box: $(tail -n 1 "$T/shots/index")"

# Before and After: each at least 20 columns wide from 100 columns on.
fixable="$PHOTOS/canada_095m_white_m_darktop_frontal.jpg"
keys "$to_photo$fixable<F3><Enter>"
for size in 100x30 120x40; do
	export COLUMNS=${size%x*} LINES=${size#*x}
	run_sscard --graphics=sixel
	line=$(grep -- "-check " "$T/shots/index" | tail -n 1)
	assert_snap check "Before:" "After:"
	echo "$line" | sed 's/.*graphics=sixel//' | tr ' ' '\n' | grep box= | cut -d, -f4 |
	    awk 'NF { n++; if ($1 < 20) bad = 1 } END { exit bad || n != 2 }' ||
		fail "Before/After at $size: $line"
done
export COLUMNS=80 LINES=24

# At 80x24 Before and After share the width with the rules; V shows them over the whole
# body (the screen says so, and the help names the key), V again brings the rules back.
keys "$to_photo$fixable<F3><Enter>v"
run_sscard --graphics=sixel
widths() { sed 's/.*graphics=sixel//' | tr ' ' '\n' | grep box= | cut -d, -f4 | tr '\n' ' '; }
small=$(grep -- "-check " "$T/shots/index" | tail -n 2 | head -n 1 | widths)
large=$(grep -- "-check " "$T/shots/index" | tail -n 1 | widths)
echo "$small / $large" | awk '{ exit !($4 >= 1.4 * $1 && $5 >= 1.4 * $2 && $1 >= 15) }' ||
	fail "V does not show Before and After larger: columns $small, then $large"
assert_snap check "Press V or Esc to see the rules again."
refute_snap check "Result:"
keys "$to_photo$fixable<F3><Enter>vv<F1>"
run_sscard --graphics=sixel
assert_snap check "Press V to see the photos larger." "Result:"
assert_snap help "V shows the photo before"
