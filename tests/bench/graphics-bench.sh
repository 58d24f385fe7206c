#!/bin/sh
# graphics-bench.sh -- sscard's sixel preview against img2sixel, side by side: time, bytes,
# and CIE76 Delta E (mean and 99th percentile) against the photo resized to the preview's size.
# Four portraits (faces of several skin tones on light backgrounds), each shown in a 30x15-cell
# box of 10x20-pixel cells (the cell size assumed when the terminal does not say). Each tool
# reads the photo and resizes it itself; the reference is ImageMagick's area-average resize
# (-filter Box) of the same photo to the preview's size, and the sixel is decoded back by
# ImageMagick (delta-e.py). The reduced copies always; the originals too when SSCARD_SHARED
# has them. Prints a table and, last, whether sscard met its targets on every photo: Delta E
# no worse than img2sixel's, at most 0.6 times its bytes, no slower.
. "$top_srcdir/tests/lib.sh"
for t in img2sixel convert identify hyperfine python3; do
	command -v "$t" >/dev/null 2>&1 || { echo "SKIP: $t is not installed" >&2; exit 77; }
done
RUNS=${RUNS:-20}
DELTA_E="$top_srcdir/tests/bench/delta-e.py"
NAMES="london_025_03 london_042_03 london_030_03 canada_095m_white_m_darktop_frontal"
cd "$T" || exit 1

# mean_ms COMMAND: mean wall time of RUNS runs (output to /dev/null).
mean_ms() {
	hyperfine -N -w 3 -r "$RUNS" --export-csv t.csv --output=null "$1" >/dev/null 2>&1 ||
		{ echo "?"; return; }
	awk -F, 'NR == 2 { printf "%.1f", $2 * 1000 }' t.csv
}

# measure TOOL PHOTO COMMAND: one row; sets ms, bytes, de (mean p99 max).
measure() {
	sh -c "$3" > "$1.six"
	size=$(identify -format '%wx%h' "sixel:$1.six")
	convert "$2" -filter Box -resize "$size!" ref.png
	ms=$(mean_ms "$3")
	bytes=$(wc -c < "$1.six")
	de=$(python3 "$DELTA_E" ref.png "sixel:$1.six")
	# shellcheck disable=SC2086
	set -- "$1" "$2" $de
	case $2 in "$PHOTOS"/*) kind=reduced ;; *) kind=original ;; esac
	printf '%-10s %-48s %9s %7s ms %8d B %6s %6s\n' "$1" "$kind $(basename "$2")" "$size" "$ms" \
	    "$bytes" "$3" "$4"
}

printf '%-10s %-48s %9s %10s %10s %6s %6s\n' tool photo pixels "mean time" bytes \
    "dE" "dE p99"
photos=""
for n in $NAMES; do
	photos="$photos $PHOTOS/$n.jpg"
	if shared_photos && [ -f "$ORIGINALS/$n.jpg" ]; then
		photos="$photos $ORIGINALS/$n.jpg"
	fi
done
verdict=met
for p in $photos; do
	measure sscard "$p" "$SSCARD preview --graphics=sixel --cells 30x15 $p"
	s_ms=$ms s_bytes=$bytes s_de=$de
	w=${size%x*} h=${size#*x}
	measure img2sixel "$p" "img2sixel -w $w -h $h $p"
	awk -v sm="$s_ms" -v im="$ms" -v sb="$s_bytes" -v ib="$bytes" -v sd="$s_de" -v id="$de" '
	    BEGIN { split(sd, s, " "); split(id, i, " ")
		r = sb / ib
		ok = s[1] <= i[1] && s[2] <= i[2] && r <= 0.6 && sm <= im
		printf "%-10s bytes %.2fx those of img2sixel, time %.2fx: %s\n", "", r, sm / im,
		    ok ? "targets met" : "TARGETS MISSED"
		exit !ok }' || verdict=missed
done
echo "sscard against img2sixel on every photo: targets $verdict"
