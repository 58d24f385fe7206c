#!/bin/sh
# graphics-bench.sh -- sscard's sixel preview against img2sixel, side by side: time, bytes,
# and CIE76 Delta E (mean and 99th percentile) against the photo resized to the preview's size.
# Four portraits (faces of several skin tones on light backgrounds), each shown in a 30x15-cell
# box of 10x20-pixel cells (the cell size assumed when the terminal does not say). Each tool
# reads the photo and resizes it itself; the reference is ImageMagick's area-average resize
# (-filter Box) of the same photo to the preview's size, and the sixel is decoded back by
# ImageMagick (delta-e.py). The reduced copies always; the originals too when SSCARD_SHARED
# has them. Times are medians of RUNS runs, the two tools taking turns (timing.py), as wall
# time and as processor time (user + system: what a run costs, whatever else the machine is
# doing). Prints a table and, last, whether sscard met its targets on every photo: Delta E
# (mean and p99) no worse than img2sixel's, at most 0.6 times its bytes, no more processor time.
. "$top_srcdir/tests/lib.sh"
for t in img2sixel convert identify python3; do
	command -v "$t" >/dev/null 2>&1 || { echo "SKIP: $t is not installed" >&2; exit 77; }
done
RUNS=${RUNS:-20}
DELTA_E="$top_srcdir/tests/bench/delta-e.py"
TIMING="$top_srcdir/tests/bench/timing.py"
NAMES="london_025_03 london_042_03 london_030_03 canada_095m_white_m_darktop_frontal"
cd "$T" || exit 1

# measure TOOL PHOTO COMMAND MS: one row (MS: "wall cpu"); sets bytes, de (mean p99 max).
measure() {
	sh -c "$3" > "$1.six"
	size=$(identify -format '%wx%h' "sixel:$1.six")
	convert "$2" -filter Box -resize "$size!" ref.png
	bytes=$(wc -c < "$1.six")
	de=$(python3 "$DELTA_E" ref.png "sixel:$1.six")
	case $2 in "$PHOTOS"/*) kind=reduced ;; *) kind=original ;; esac
	# shellcheck disable=SC2086
	set -- "$1" "$kind $(basename "$2")" $4 $de
	printf '%-10s %-48s %9s %7s ms %7s ms %8d B %6s %6s\n' "$1" "$2" "$size" "$3" "$4" \
	    "$bytes" "$5" "$6"
}

printf '%-10s %-48s %9s %10s %10s %10s %6s %6s\n' tool photo pixels "wall" "processor" \
    bytes "dE" "dE p99"
photos=""
for n in $NAMES; do
	photos="$photos $PHOTOS/$n.jpg"
	if shared_photos && [ -f "$ORIGINALS/$n.jpg" ]; then
		photos="$photos $ORIGINALS/$n.jpg"
	fi
done
verdict=met
for p in $photos; do
	s_cmd="$SSCARD preview --graphics=sixel --cells 30x15 $p"
	sh -c "$s_cmd" > size.six
	size=$(identify -format '%wx%h' sixel:size.six)
	i_cmd="img2sixel -w ${size%x*} -h ${size#*x} $p"
	python3 "$TIMING" "$RUNS" "$s_cmd" "$i_cmd" | cut -d " " -f 1,2 > times
	measure sscard "$p" "$s_cmd" "$(sed -n 1p times)"
	s_bytes=$bytes s_de=$de
	measure img2sixel "$p" "$i_cmd" "$(sed -n 2p times)"
	awk -v st="$(sed -n 1p times)" -v it="$(sed -n 2p times)" -v sb="$s_bytes" -v ib="$bytes" \
	    -v sd="$s_de" -v id="$de" '
	    BEGIN { split(sd, s, " "); split(id, i, " "); split(st, a, " "); split(it, b, " ")
		r = sb / ib
		ok = s[1] <= i[1] && s[2] <= i[2] && r <= 0.6 && a[2] <= b[2]
		printf "%-10s bytes %.2fx those of img2sixel, processor time %.2fx, wall %.2fx: %s\n",
		    "", r, a[2] / b[2], a[1] / b[1], ok ? "targets met" : "TARGETS MISSED"
		exit !ok }' || verdict=missed
done
echo "sscard against img2sixel on every photo: targets $verdict"
