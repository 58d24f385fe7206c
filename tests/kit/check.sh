#!/bin/sh
# check.sh -- the check step tells the truth: when a photo cannot be fixed its
# first line says why and what to do; the focus starts on the first rule that
# does not pass, with its advice shown; Next is refused with the same reason.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"

# to_check PHOTO: the keys up to the check step, then Next (refused).
to_check() {
	keys "<Enter><Enter>张三<Enter><Enter><Enter><F3>$1<Enter><F3>"
}

# head_text LAST: rows 3 to LAST of the check screen's text column, joined.
head_text() {
	sed -n "3,${1}p" "$(last_snap check)" | sed 's/   .*$//' | tr '\n' ' ' | tr -s ' '
}

# A cat: no face, and it is that which cannot be fixed (not its format).
to_check "$PHOTOS/chelsea.png"
run_sscard
assert_status 4
first=$(sed -n 3p "$(last_snap check)")
echo "$first" | grep -q "This photo cannot be fixed: No face" || fail "first line: $first"
assert_snap check "This photo cannot be used: No face"
refute_snap check "Fix the photo automatically"

# Black and white: that is the reason given.
to_check "$PHOTOS/camera.png"
run_sscard
head_text 5 | grep -q "This photo cannot be fixed: The photo is black" ||
	fail "black and white: $(cat "$(last_snap check)")"

# A cluttered background: the background, not the pixel size.
to_check "$PHOTOS/canada_053f_white_f_headband.jpg"
run_sscard
head_text 6 | grep -q "This photo cannot be fixed: The background is not" ||
	fail "background: $(cat "$(last_snap check)")"
refute_snap check "fails the rule 'Size in pixels'"

# A photo that can be fixed: the focus is on the first failing rule, its
# advice below the list, the cursor on it; the Fix button is there.
to_check "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg"
run_sscard
f=$(last_snap check)
grep -q "^ > FAIL  Size in pixels:" "$f" || fail "the focus is not on the first failing rule: $(cat "$f")"
grep -q "must be exactly 358x441 pixels" "$f" || fail "no advice for the focused rule: $(cat "$f")"
grep -q "Fix the photo automatically" "$f" || fail "no Fix button: $(cat "$f")"
row=$(grep -n "^ > FAIL  Size in pixels:" "$f" | cut -d: -f1)
tail -n 1 "$T/shots/index" | grep -q "check cursor=$((row - 1)),3 " ||
	fail "the cursor is not on the focused rule: $(tail -n 1 "$T/shots/index")"
echo "check step OK"
