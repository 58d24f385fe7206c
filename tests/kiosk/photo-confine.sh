#!/bin/sh
# photo-confine.sh -- a curses kiosk's photo step reads nothing outside [kiosk] photo_dirs:
# the path of the previous citizen's kit photo (kit_dir/<date-time>/photo.jpg), typed,
# shows no preview and is refused on Next; a link in the photo folder to it is neither
# listed nor previewed; a photo inside the folder is previewed and taken.
. "$top_srcdir/tests/lib.sh"
export XDG_RUNTIME_DIR="$T/run"
mkdir -p "$T/run"
chmod 700 "$T/run"
. "$top_srcdir/tests/kiosk/lib-confine.sh"
to_photo="<Enter><Enter>张三丰<Enter><Enter><Enter><F3>"

# preview_shown: the newest photo snapshot shows a picture (half blocks).
preview_shown() {
	grep -q "▀" "$(last_snap photo)"
}

for path in "$kitphoto" "$T/usb/link.jpg" "$T/usb/up/photo.jpg" "file://$kitphoto"; do
	keys "$to_photo$path"
	run_sscard --kiosk --config "$T/k.conf"
	assert_snap photo "Step 5 of 8: Photo"
	! preview_shown || { cat "$(last_snap photo)" >&2; fail "$path outside photo_dirs is previewed"; }
	keys "$to_photo$path<F3>"
	run_sscard --kiosk --config "$T/k.conf"
	assert_snap photo "can only come from $T/usb"
	! preview_shown || fail "$path is previewed on Next"
	[ -z "$(ls "$T/shots" | grep -- '-check.txt$')" ] || fail "$path was taken"
done
refute_snap photo "link.jpg"
refute_snap photo "up/photo.jpg"
# The preview's copy in the run's folder is gone as soon as it is drawn.
[ -z "$(find "$T/run" -type f)" ] || fail "left in the run's folder: $(find "$T/run" -type f)"
# Inside the folder: listed, previewed and taken.
keys "$to_photo$T/usb/mine.jpg"
run_sscard --kiosk --config "$T/k.conf"
assert_snap photo "$T/usb/mine.jpg"
preview_shown || { cat "$(last_snap photo)" >&2; fail "a photo inside photo_dirs is not previewed"; }
keys "$to_photo$T/usb/mine.jpg<F3>"
run_sscard --kiosk --config "$T/k.conf"
assert_snap check "pixels: 480x640"
echo "kiosk photo confinement OK"
