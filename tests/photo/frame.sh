# frame.sh -- the framing planner uses the whole range the rules allow, adds only white
# where the photo ends before the frame above the head, and when no frame fits says which
# edge and by how much; a chain at the neck is refused for what it is.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
src="$PHOTOS/canada_095m_white_m_darktop_frontal.jpg"

# crop GEOMETRY NAME: a part of the 480x640 portrait (eyes near y 296, chin near 540).
crop() {
	convert "$src" -crop "$1" +repage -quality 92 "$2" || fail "convert $1"
}

# refused PHOTO TEXT: fix exits 1, writes nothing, and says TEXT with a number of pixels.
refused() {
	st=0
	b=$(basename "$1" .jpg)
	"$SSCARD" fix "$1" -o "$b.out.jpg" > "$b.txt" 2>&1 || st=$?
	[ "$st" = 1 ] || fail "$1: fix exited $st, want 1: $(cat "$b.txt")"
	[ ! -e "$b.out.jpg" ] || fail "$1: refused but wrote a file"
	grep -q "$2" "$b.txt" || fail "$1: want '$2', got: $(cat "$b.txt")"
}

# A photo framed as a finished card (face near 60 % of the width), which a planner
# aiming at the middle of the face-width range called "too close to the camera".
"$SSCARD" fix "$PHOTOS/canada_113m.jpg" -o close.jpg > close.txt 2>&1 ||
	fail "canada_113m: $(cat close.txt)"
"$SSCARD" check close.jpg > /dev/null || fail "canada_113m: the fixed photo fails check"

# Hair 2 px under the top edge, a plain backdrop there: the frame reaches past the top
# and only white is added (the rows above the photo are pure white, nothing repeated).
crop 480x600+0+58 top.jpg
"$SSCARD" fix top.jpg -o top-fixed.jpg > top.txt 2>&1 || fail "top: $(cat top.txt)"
"$SSCARD" check top-fixed.jpg > /dev/null || fail "top: the fixed photo fails check"
min=$(convert top-fixed.jpg -crop 358x4+0+0 +repage -colorspace gray -format '%[fx:int(255*minima)]' info:)
[ "$min" -ge 250 ] || fail "top: the added rows are not white (darkest $min)"

# No frame fits: the refusal names the edge and the shortfall.
crop 480x545+0+0 bottom.jpg
refused bottom.jpg "ends too soon below the face: .* at least [0-9]* more pixels"
crop 400x640+80+0 left.jpg
refused left.jpg "too close to the left edge of the photo.* at least [0-9]* more pixels"
crop 380x640+0+0 right.jpg
refused right.jpg "too close to the right edge of the photo.* at least [0-9]* more pixels"
# The top edge through the top of the hair (crown near y 64): 2 px of it cut, the frame
# reaches above with white (the hair's top flattened by 2 px); 6 px cut is too much
# to flatten, and no frame leaves the room above the head.
crop 480x574+0+66 apex.jpg
"$SSCARD" fix apex.jpg -o apex-fixed.jpg > apex.txt 2>&1 || fail "apex: $(cat apex.txt)"
"$SSCARD" check apex-fixed.jpg > /dev/null || fail "apex: the fixed photo fails check"
min=$(convert apex-fixed.jpg -crop 358x4+0+0 +repage -colorspace gray -format '%[fx:int(255*minima)]' info:)
[ "$min" -ge 250 ] || fail "apex: the added rows are not white (darkest $min)"
crop 480x600+0+70 hair.jpg
refused hair.jpg "too close to the top edge of the photo: .* at least [0-9]* more pixels"

# A thick chain at the neck, on a photo that otherwise frames and whitens cleanly.
refused "$PHOTOS/canada_098m.jpg" "A chain or necklace seems to show at the neck"
# A light grey top, whose photo ends in a black wedge: once on white, the grey merges
# with it, and the refusal says so (not "cannot be separated").
refused "$PHOTOS/canada_117m.jpg" "Dark top: The top is white or light"
echo "framing OK"
