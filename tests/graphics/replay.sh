#!/bin/sh
# replay.sh -- the photo step shows the photo; snapshots record the mode and the box.
. "$top_srcdir/tests/lib.sh"
need_shared
set -e

to_photo="<Enter><Down><Down><Enter>张三<Tab>11010519491231002X<Tab>13800138000<F3><F3>"
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
# 600x800 fitted to 17 rows of 20 pixels (the cell size when the terminal is not asked).
keys "$to_photo$photo"
run_sscard --graphics=ascii
grep -q "graphics=ascii box=" "$T/shots/index" || fail "ascii not recorded"
grep -q '##\*\*\*' "$(last_snap photo)" || fail "no ASCII photo"
run_sscard --graphics=none
assert_snap photo "[photo 600x800: this terminal"
run_sscard --graphics=sixel
assert_snap photo "[photo 255x340]"
grep -q "graphics=sixel box=2,51,17,26" "$T/shots/index" ||
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
