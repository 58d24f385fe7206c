#!/bin/sh
# check-step-says-why.sh -- the check step tells the truth: when a photo cannot be fixed its
# first line says why and what to do; the focus starts on the main action (Fix),
# the rules a key away; Next is refused with the same reason.
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

# A cluttered background: where the segmentation network is installed the fix
# can try to replace it, and the step offers the fix ...
to_check "$PHOTOS/canada_053f_white_f_headband.jpg"
run_sscard
assert_snap check "FAIL  Background: grey, not plain"
assert_snap check "Fix the photo automatically"
# ... where it is not, the background is what cannot be fixed, not the pixel size.
mkdir "$T/no-models"
to_check "$PHOTOS/canada_053f_white_f_headband.jpg"
models=$SSCARD_MODEL_DIR
SSCARD_MODEL_DIR="$T/no-models"
run_sscard
SSCARD_MODEL_DIR=$models
head_text 6 | grep -q "This photo cannot be fixed: The background is not" ||
	fail "background without the network: $(cat "$(last_snap check)")"
refute_snap check "fails the rule 'Size in pixels'"

# A photo that can be fixed: the main action is one Enter away, so the focus
# (and the cursor) starts on the Fix button; Up reads the rules, the first
# failing one with its advice below the list.
to_check "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg"
run_sscard
f=$(last_snap check)
grep -q "^ >\[ Fix the photo automatically \]" "$f" || fail "the focus is not on the Fix button: $(cat "$f")"
row=$(grep -n "^ >\[ Fix the photo automatically" "$f" | cut -d: -f1)
tail -n 1 "$T/shots/index" | grep -q "check cursor=$((row - 1)),4 " ||
	fail "the cursor is not on the Fix button: $(tail -n 1 "$T/shots/index")"
keys "<Enter><Enter>张三<Tab>$IDNUM<Tab>13800138000<Enter><Enter><F3>$PHOTOS/canada_095m_white_m_darktop_frontal.jpg<Enter><Up><Up><Up><Up><Up>"
run_sscard
f=$(last_snap check)
grep -q "^ > FAIL  Size in pixels:" "$f" || fail "Up does not reach the first failing rule: $(cat "$f")"
grep -q "must be exactly 358x441 pixels" "$f" || fail "no advice for the focused rule: $(cat "$f")"
# One Enter fixes, from the button; the fixed photo passes, and the next Enter goes on.
keys "<Enter><Enter>张三<Tab>$IDNUM<Tab>13800138000<Enter><Enter><F3>$PHOTOS/canada_095m_white_m_darktop_frontal.jpg<Enter><Enter>"
run_sscard
assert_snap check "The fixed photo, checked against" "Result: the photo meets the rules."
keys "<Enter><Enter>张三<Tab>$IDNUM<Tab>13800138000<Enter><Enter><F3>$PHOTOS/canada_095m_white_m_darktop_frontal.jpg<Enter><Enter><Enter>"
run_sscard
last=$(ls "$T/shots" | grep -v index | tail -n 1)
case $last in *-review.txt) ;; *) fail "Enter on a passing photo does not go on: $last" ;; esac
# Esc in the enlarged Before/After view closes the view, never the quit box.
keys "<Enter><Enter>张三<Tab>$IDNUM<Tab>13800138000<Enter><Enter><F3>$PHOTOS/canada_095m_white_m_darktop_frontal.jpg<Enter><Enter>v<Esc>"
run_sscard --graphics=blocks
[ -z "$(ls "$T/shots" | grep -- '-quit.txt$')" ] || fail "Esc in the enlarged view opened the quit box"
assert_snap check "Result: the photo meets the rules." "Press V to see the photos larger."
echo "check step OK"
