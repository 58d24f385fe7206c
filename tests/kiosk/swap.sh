#!/bin/sh
# swap.sh -- a curses kiosk (tmux) never reads the citizen's photo file through a link
# swapped into photo_dirs after the photo was taken: on the review, the previous
# citizen's kit photo behind such a link is not read (it would count as "changed");
# the file counts as gone, and the kit holds the photo that was checked.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"
need_tool tmux
. "$top_srcdir/tests/kit/lib-tmux.sh"
mkdir -p "$T/usb" "$T/kit/20261201-101010"
make_passing_photo "$T/usb/mine.jpg"
cp "$T/usb/mine.jpg" "$T/checked.jpg"
cp "$PHOTOS/london_001_03.jpg" "$T/kit/20261201-101010/photo.jpg"
printf '[kiosk]\nkit_dir = %s\nphoto_dirs = %s\n' "$T/kit" "$T/usb" > "$T/k.conf"

tm_start "'$SSCARD' --kiosk --config '$T/k.conf'"
tm_walk_to_review "$T/usb/mine.jpg"
rm "$T/usb/mine.jpg"
ln -s "$T/kit/20261201-101010/photo.jpg" "$T/usb/mine.jpg"
tm send-keys -t w Space F3
wait_for "Step 8 of 8"
! tm capture-pane -p -t w | grep -q "changed after it" ||
	fail "the photo was read through the link swapped into photo_dirs"
tm send-keys -t w Enter		# Save the kit: it reads the photo again
i=0
until kit=$(find "$T/kit" -name photo.jpg ! -path "*20261201-101010*") && [ -n "$kit" ]; do
	i=$((i + 1))
	[ $i -lt 200 ] || { tm capture-pane -p -t w >&2; fail "no kit was saved"; }
	sleep 0.1
done
! tm capture-pane -p -t w | grep -q "changed after it" ||
	fail "the kit read the photo through the link swapped into photo_dirs"
[ -n "$kit" ] && cmp -s "$kit" "$T/checked.jpg" || fail "the kit does not hold the checked photo: $kit"
echo "kiosk swapped link OK"
