#!/bin/sh
# xterm.sh -- in a real xterm (VT340, sixel) the photo step shows the photo, and going back
# a step wipes it. Screenshots through the shared xterm-shot harness (Xvfb, xdotool, xwd).
. "$top_srcdir/tests/lib.sh"
need_shared
SHOT="$SSCARD_SHARED/tools/xterm-shot"
for t in Xvfb xterm xwd xdotool convert; do
	command -v "$t" >/dev/null 2>&1 ||
		{ echo "SKIP: $t is not installed (build-aux/install-deps installs it)" >&2; exit 77; }
done
[ -x "$SHOT" ] || { echo "SKIP: no xterm-shot harness at $SHOT" >&2; exit 77; }

photo="$PHOTOS/lisa2.jpg"
to_photo="-k F3 -k Down -k Return -k type:Zhang -k Tab -k type:11010519491231002X
 -k Tab -k type:13800138000 -k F3 -k F3 -k type:$photo"

# shoot OUT.png [KEYS...]: runs the wizard in xterm, types the keys, takes the screenshot.
shoot() {
	out=$1
	shift
	set +e
	# shellcheck disable=SC2086
	"$SHOT" -t 30 -K 0.5 -w 1.5 -g 80x24 $to_photo "$@" "$out" -- "$SSCARD" 2> "$T/shot.err"
	st=$?
	set -e
	# 124: the wizard still runs when the screenshot is taken, as it should.
	if [ $st -eq 2 ] || [ ! -s "$out" ]; then
		echo "SKIP: the xterm harness could not run: $(cat "$T/shot.err")" >&2
		exit 77
	fi
}

# colourful FILE.png: the share of the photo box's pixels that have colour (text is grey).
colourful() {
	size=$(identify -format '%wx%h' "$1")
	# The window has a 2-pixel border around 80x24 cells; the box is columns 51-76, rows 2-18.
	cw=$(( (${size%x*} - 4) / 80 )) ch=$(( (${size#*x} - 4) / 24 ))
	convert "$1" -crop "$((26 * cw))x$((17 * ch))+$((2 + 51 * cw))+$((2 + 2 * ch))" +repage \
	    -fx 'max(r,max(g,b)) - min(r,min(g,b)) > 0.08' -format '%[fx:mean]' info:
}

set -e
shoot "$T/photo.png"
shoot "$T/next.png" -k F2
on=$(colourful "$T/photo.png")
off=$(colourful "$T/next.png")
echo "coloured share of the photo box: photo step $on, the step before $off"
awk -v v="$on" 'BEGIN { exit !(v > 0.3) }' ||
	fail "the photo step shows no photo (coloured share $on, expected > 0.3); see $T/photo.png"
awk -v v="$off" 'BEGIN { exit !(v < 0.01) }' ||
	fail "the photo was not wiped on the step before (coloured share $off); see $T/next.png"
