#!/bin/sh
# xterm-sixel.sh -- in a real xterm (VT340, sixel): the photo step shows the photo in the box the
# snapshot index records, at 80x24 and larger at 120x40; going back a step wipes it, and the
# quit box that covers it leaves no strip of it. Screenshots through tests/graphics/xterm-shot
# (Xvfb, xdotool, xwd).
. "$top_srcdir/tests/lib.sh"
SHOT="$top_srcdir/tests/graphics/xterm-shot"
for t in bash Xvfb xterm xwd xdotool convert; do
	command -v "$t" >/dev/null 2>&1 ||
		fail "$t is not installed (build-aux/install-deps installs it)"
done

photo="$PHOTOS/lisa2.jpg"
to_photo="-k F3 -k Down -k Return -k type:Zhang
 -k F3 -k F3 -k type:$photo"

# shoot OUT.png SIZE [KEYS...]: runs the wizard in xterm at SIZE cells, types the keys, takes
# the screenshot; snapshots go to OUT.shots.
shoot() {
	out=$1 size=$2
	shift 2
	set +e
	# shellcheck disable=SC2086
	bash "$SHOT" -t 30 -K 0.5 -w 1.5 -g "$size" $to_photo "$@" "$out" -- \
	    "$SSCARD" --snapshot "$out.shots" 2> "$T/shot.err"
	st=$?
	set -e
	# 124: the wizard still runs when the screenshot is taken, as it should.
	[ $st -ne 2 ] && [ -s "$out" ] || fail "the xterm harness could not run: $(cat "$T/shot.err")"
}

# box OUT.png ID: the last box the index records for screen ID, "y,x,rows,cols".
box() {
	grep -- "-$2 .*graphics=sixel" "$1.shots/index" | tail -n 1 | sed 's/.* box=//'
}

# colourful FILE.png COLS ROWS Y,X,R,C: the share of pixels with colour (text is grey) in the
# cells Y,X,R,C of a COLSxROWS window (a 2-pixel border around the cells).
colourful() {
	size=$(identify -format '%wx%h' "$1")
	cw=$(( (${size%x*} - 4) / $2 )) ch=$(( (${size#*x} - 4) / $3 ))
	echo "$4" | {
		IFS=, read -r y x r c
		convert "$1" -crop "$((c * cw))x$((r * ch))+$((2 + x * cw))+$((2 + y * ch))" +repage \
		    -fx 'max(r,max(g,b)) - min(r,min(g,b)) > 0.08' -format '%[fx:mean]' info:
	}
}

set -e
shoot "$T/photo.png" 80x24
shoot "$T/next.png" 80x24 -k F2
shoot "$T/large.png" 120x40
shoot "$T/quit.png" 80x24 -k Escape
b=$(box "$T/photo.png" photo)
bl=$(box "$T/large.png" photo)
[ -n "$b" ] && [ -n "$bl" ] || fail "no sixel box in the index: $(tail -n 2 "$T/photo.png.shots/index")"
on=$(colourful "$T/photo.png" 80 24 "$b")
off=$(colourful "$T/next.png" 80 24 "$b")
large=$(colourful "$T/large.png" 120 40 "$bl")
quit=$(colourful "$T/quit.png" 80 24 "$b")
echo "boxes: 80x24 $b, 120x40 $bl; coloured share: photo step $on, 120x40 $large," \
    "the step before $off, under the quit box $quit"
awk -v v="$on" 'BEGIN { exit !(v > 0.3) }' ||
	fail "the photo step shows no photo in its box $b (coloured share $on); see $T/photo.png"
awk -v v="$large" 'BEGIN { exit !(v > 0.3) }' ||
	fail "no photo at 120x40 in its box $bl (coloured share $large); see $T/large.png"
awk -v v="$off" 'BEGIN { exit !(v < 0.01) }' ||
	fail "the photo was not wiped on the step before (coloured share $off); see $T/next.png"
awk -v v="$quit" 'BEGIN { exit !(v < 0.01) }' ||
	fail "strips of the photo around the quit box (coloured share $quit); see $T/quit.png"
# At 120x40 the box has at least 1.8 times the cells (the cell is the same).
echo "$b $bl" | awk '{ split($1, s, ","); split($2, l, ","); exit !(l[3] * l[4] >= 1.8 * s[3] * s[4]) }' ||
	fail "the photo does not grow with the window: $b at 80x24, $bl at 120x40"
# Keep the screenshots when asked (SSCARD_SHOTS=DIR), for people to look at.
if [ -n "${SSCARD_SHOTS:-}" ]; then
	mkdir -p "$SSCARD_SHOTS"
	cp "$T/photo.png" "$T/large.png" "$T/next.png" "$T/quit.png" "$SSCARD_SHOTS/"
fi
