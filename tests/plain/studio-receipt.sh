#!/bin/sh
# studio-receipt.sh -- plain mode in a region that takes a photo studio's receipt number
# (Shenzhen): "r NUMBER" stands for the photo, a bad number is explained, the check step
# says there is no photo to check, and the review and the kit's summary name the number.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"
export TERM=dumb

keys "en<Enter>
<Enter>
$(keys_to_photo)
r 12<Enter>
r 440300ABC123<Enter>
<Enter>
1<Enter>
<Enter>
<Enter>"
run_sscard --plain
assert_status 0
tr="$T/shots/transcript.txt"
[ -f "$tr" ] || fail "no transcript: $(cat "$T/err")"
grep -qF "$(tr_ en "In this region a photo studio's receipt number (数码照回执 / 相片回执号) can stand for the photo: type r, a space and the number, for example r 44030012345678." | cut -c1-40)" "$tr" ||
	fail "the photo step does not offer the receipt number: $(sed -n '/Photo$/,$p' "$tr" | head -20)"
grep -qF "$(tr_ en "A receipt number has 6 to 30 letters and digits, with no spaces: check the one on the studio's receipt." | cut -c1-30)" "$tr" ||
	fail "a bad receipt number is not explained"
grep -qF "$(tr_ en "You gave a photo studio's receipt number (%s). The office checks the studio's photo when you apply; sscard has no photo to check." | cut -c1-30)" "$tr" ||
	fail "the check step does not say there is no photo to check"
grep -qF "440300ABC123 (a photo studio's receipt number" "$tr" || fail "the review does not name the receipt number"
grep -qF "$(tr_ en 'Kit saved in %s (summary.txt).' | sed 's/ %s.*//')" "$tr" &&
	grep -q '(summary.txt)\.$' "$tr" || fail "the kit is not said to hold the summary alone"
! grep -qF "photo.jpg, print-sheet.jpg" "$tr" || fail "a photo is said to be in a kit that has none"
d=$(kit_dir)
[ ! -e "$d/photo.jpg" ] || fail "a kit with a receipt number holds a photo"
grep -qF 440300ABC123 "$d/summary.txt" || fail "the summary does not name the receipt number: $(cat "$d/summary.txt")"
echo "plain receipt OK"
