#!/bin/sh
# kiosk-photo.sh -- plain mode in a kiosk takes photos only from [kiosk] photo_dirs, the
# way the curses photo step does: the previous citizen's kit photo, typed, through a link
# in the photo folder or through a linked folder, is refused and not copied; a photo of
# the folder is taken.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/plain/lib-plain.sh"
export TERM=dumb
. "$top_srcdir/tests/kiosk/lib-confine.sh"

keys "<Enter>
$(keys_to_photo)
$kitphoto<Enter>
$T/usb/link.jpg<Enter>
$T/usb/up/photo.jpg<Enter>
file://$kitphoto<Enter>
$T/usb/mine.jpg<Enter>"
run_sscard --plain --kiosk --config "$T/k.conf"
tr="$T/shots/transcript.txt"
[ -f "$tr" ] || fail "no transcript: $(cat "$T/err")"
n=$(grep -c "can only come from $T/usb" "$tr")
[ "$n" -eq 4 ] || fail "$n of 4 paths outside photo_dirs refused: $(sed -n '/Photo$/,$p' "$tr" | head -40)"
grep -qF "$(tr_ en 'Type the path of your photo file first.')" "$tr" ||
	fail "an empty answer is not asked again plainly: $(sed -n '/Photo$/,$p' "$tr" | head -20)"
grep -q "pixels: 480x640" "$tr" || fail "the photo inside photo_dirs was not taken: $(sed -n '/Photo$/,$p' "$tr" | tail -20)"
echo "plain kiosk photo confinement OK"
