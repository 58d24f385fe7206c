# photo-step.sh -- the wizard's photo check step: table, Fix button, re-check, private copy.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
unset XDG_CACHE_HOME
cp "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" in.jpg
mkdir snap
# Welcome, a channel, the details, materials, the photo, then the check: Next is
# refused, Enter on the Fix button (where the focus starts) fixes, Next goes on
# to the review, then the kit.
printf '<Enter><Down><Space><F3>张三<F3><F3>%s/in.jpg<F3><F3><Enter><F3><Space><F3><Enter><Enter>' "$T" > keys
st=0
XDG_RUNTIME_DIR="$T/run" && mkdir -m 700 "$T/run" && export XDG_RUNTIME_DIR
"$SSCARD" --lang=en --replay=keys --snapshot=snap > out 2>&1 || st=$?
[ $st = 0 ] || fail "expected the wizard to finish with the kit: $(cat out)"
first=$(ls snap/*-check.txt | head -1)
last=$(ls snap/*-check.txt | tail -1)
grep -q "FAIL  Size in pixels: 480x640 (expected 358x441)" "$first" || fail "no FAIL row: $(cat "$first")"
grep -q "Fix the photo automatically" "$first" || fail "no Fix button: $(cat "$first")"
grep -q -- "-check cursor=[0-9,]* graphics=blocks box=" snap/index ||
	fail "no preview of the photo: $(grep -- -check snap/index)"
grep -q -- "-check cursor=[0-9,]* graphics=blocks box=[0-9,]* box=" snap/index ||
	fail "no original and fixed photo side by side: $(grep -- -check snap/index)"
grep -q "fails the rule 'Size in pixels'" snap/*-check.txt || fail "Next was not refused"
grep -q "Result: the photo meets the rules." "$last" || fail "no passing re-check: $(cat "$last")"
grep -q "sscard edited this photo: it replaced the" "$last" ||
	fail "the fixed photo's screen does not say what was done: $(cat "$last")"
ls snap/*-review.txt > /dev/null 2>&1 || fail "the wizard did not go on to the review"
# The fixed copy lived in the run's private folder, wiped at the end; the kit holds it.
[ ! -e "$HOME/.cache/sscard" ] || fail "a fixed copy was left in $HOME/.cache/sscard"
[ -z "$(ls "$T/run")" ] || fail "the run's private folder was left: $(ls "$T/run")"
f=$(ls "$HOME"/sscard/*/photo.jpg)
[ "$(stat -c %a "$f")" = 600 ] || fail "the kit's photo is not private: $(stat -c '%a %n' "$f")"
"$SSCARD" check "$f" > /dev/null || fail "the fixed copy does not pass"
cmp -s "$f" in.jpg && fail "the kit holds the photo as given, not the fixed one"
tr '\n' ' ' < "${f%/photo.jpg}/summary.txt" | tr -s ' ' |
	grep -q "sscard edited this photo: it replaced the background with white and cropped it" ||
	fail "the kit's summary does not say the photo was edited"
echo "wizard check step OK"

# Every rule that does not pass is listed, even many; moving the focus onto a
# rule shows its advice there and puts the cursor on it.
rm -rf snap2
mkdir snap2
printf '<Enter><Down><Space><F3>张三<F3><F3>%s<F3><Down><Down><Down><Down>' \
    "$PHOTOS/london_042_03.jpg" > keys2
"$SSCARD" --lang=en --replay=keys2 --snapshot=snap2 > out 2>&1
last=$(ls snap2/*-check.txt | tail -1)
# More rules fail than fit at 80x24: moving through them shows each one, and a
# marker says how many are above and below.
mkdir snap3
sed 's/<Down><Down><Down><Down>$/&&/' keys2 > keys3
"$SSCARD" --lang=en --replay=keys3 --snapshot=snap3 > out 2>&1
for name in "Size in pixels" "Dots per inch" "File size" "Face width" "Room above the head" \
    "Dark top" "Background"; do
	cat snap3/*-check.txt | grep -q "FAIL  $name:" || fail "rule $name is never shown"
done
grep -q "^   ([0-9]* more above; Up goes there)" "$last" || fail "no marker of the rules above: $(cat "$last")"
grep -q "^   ([0-9]* more below; Down goes there)" "$last" || fail "no marker of the rules below: $(cat "$last")"
grep -q "^ > FAIL  Room above the head:" "$last" || fail "Down did not reach the crown row: $(cat "$last")"
grep -q "too much space above the head" "$last" || fail "the crown advice is not shown: $(cat "$last")"
row=$(grep -n "^ > FAIL  Room above the head:" "$last" | cut -d: -f1)
tail -n 1 snap2/index | grep -q "check cursor=$((row - 1)),3 " ||
	fail "the cursor is not on the focused rule: $(tail -n 1 snap2/index)"
echo "check list navigation OK"
