#!/bin/sh
# graphics-bench.sh -- sscard's sixel preview against img2sixel and chafa: time, bytes, PSNR.
# A 358x441 portrait and a 3000x4000 one, shown in the photo step's box of an 80x24
# layout (30x18 cells of 10x20 pixels, the size assumed when the terminal does not say).
# Every tool makes a preview of the same pixel size as sscard's; PSNR compares the
# decoded preview with the photo resized to that size by ImageMagick, once with its
# default filter and once with a box filter (area average). Not a test: it prints figures.
. "$top_srcdir/tests/lib.sh"
need_shared
for t in img2sixel chafa convert compare hyperfine; do
	command -v "$t" >/dev/null 2>&1 || { echo "SKIP: $t is not installed" >&2; exit 77; }
done
RUNS=${RUNS:-20}
cd "$T" || exit 1
convert "$PHOTOS/lisa2.jpg" -gravity center -crop 600x739+0+0 +repage \
	-resize '358x441!' -quality 92 small.jpg
convert "$PHOTOS/zoom_15cm.jpg" -resize '3000x4000!' -quality 90 big.jpg

# psnr FILE.six PHOTO FILTER: decoded sixel against PHOTO resized to its size.
psnr() {
	convert "sixel:$1" png:dec.png
	size=$(identify -format '%wx%h' dec.png)
	convert "$2" ${3:-} -resize "$size!" ref.png
	compare -metric PSNR ref.png dec.png null: 2>&1
}

# mean_ms COMMAND: mean wall time of RUNS runs (output to /dev/null).
mean_ms() {
	hyperfine -N -w 3 -r "$RUNS" --export-csv t.csv --output=null "$1" >/dev/null 2>&1 ||
		{ echo "?"; return; }
	awk -F, 'NR == 2 { printf "%.1f", $2 * 1000 }' t.csv
}

row() {	# row NAME PHOTO COMMAND
	sh -c "$3" > out.six
	printf '%-10s %-9s %8s ms %9d B %9s px %7.2f dB %7.2f dB\n' "$1" "$2" \
	    "$(mean_ms "$3")" "$(wc -c < out.six)" "$(identify -format '%wx%h' sixel:out.six)" \
	    "$(psnr out.six "$2")" "$(psnr out.six "$2" '-filter Box')"
}

printf '%-10s %-9s %11s %11s %12s %10s %10s\n' tool photo "mean time" bytes size \
    "PSNR dflt" "PSNR box"
for p in small.jpg big.jpg; do
	"$SSCARD" preview --graphics=sixel --cells 30x18 "$p" > sscard.six
	size=$(identify -format '%wx%h' sixel:sscard.six)
	w=${size%x*} h=${size#*x}
	row sscard "$p" "$SSCARD preview --graphics=sixel --cells 30x18 $p"
	row img2sixel "$p" "img2sixel -w $w -h $h $p"
	# chafa 1.12 without a terminal counts 8x8-pixel cells.
	row chafa "$p" "chafa -f sixels --font-ratio 1/1 -s $(( (w + 7) / 8 ))x$(( (h + 7) / 8 )) $p"
done
