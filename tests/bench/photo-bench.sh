#!/bin/sh
# photo-bench.sh -- how well and how fast sscard judges and fixes photos.
# 1. The labelled evaluation (tests/photo/expected.tsv): per check, how often sscard
#    agrees with the label, passes what should fail, or fails what should pass; and
#    what fix did with each photo -- on the reduced copies and, when SSCARD_SHARED
#    holds them, on the originals.
# 2. A 12-megapixel portrait (made here by upscaling a reduced copy) checked and
#    fixed by sscard, side by side with vipsthumbnail and ImageMagick doing only the
#    resize-and-encode part, in one run: median wall time, ratio, peak RSS.
# Not part of make check: times depend on the machine and its load.
set -eu
: "${SSCARD:?run through make bench-photo}"
: "${top_srcdir:?run through make bench-photo}"
SHARED=${SSCARD_SHARED:-$top_srcdir/../shared}
RUNS=${RUNS:-7}
for t in convert vipsthumbnail /usr/bin/time python3; do
	command -v $t > /dev/null || { echo "photo-bench: $t is not installed" >&2; exit 77; }
done
W=$(mktemp -d "${TMPDIR:-/tmp}/sscard-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT

echo "== Labelled evaluation: reduced copies (tests/data/photos)"
mkdir "$W/reduced"
python3 "$top_srcdir/tests/photo/evaluate.py" table "$SSCARD" \
    "$top_srcdir/tests/photo/expected.tsv" "$top_srcdir/tests/data/photos" "$W/reduced" || true
if [ -d "$SHARED/fixtures/photos" ]; then
	echo "== Labelled evaluation: originals ($SHARED/fixtures/photos)"
	mkdir "$W/originals"
	python3 "$top_srcdir/tests/photo/evaluate.py" table "$SSCARD" \
	    "$top_srcdir/tests/photo/expected.tsv" "$SHARED/fixtures/photos" "$W/originals" || true
fi

# A phone-like 3000x4000 portrait: the dark-top sitter on his plain backdrop, with sensor noise.
convert "$top_srcdir/tests/data/photos/canada_095m_white_m_darktop_frontal.jpg" \
    -resize 3000x4000! -attenuate 0.3 +noise Gaussian -quality 92 "$W/portrait.jpg"
echo "== Speed: $(identify -format '%wx%h' "$W/portrait.jpg"), $(stat -c %s "$W/portrait.jpg") bytes, $RUNS runs each"

# run NAME COMMAND...: RUNS timed runs; prints "NAME median-wall-s peak-KB median-cpu-s"
# (CPU is user + system time, which other load on the machine disturbs less).
run() {
	name=$1
	shift
	: > "$W/$name.t"
	i=0
	while [ $i -lt "$RUNS" ]; do
		/usr/bin/time -f "%e %M %U %S" -o "$W/one" "$@" > /dev/null 2>&1 || true
		cat "$W/one" >> "$W/$name.t"
		i=$((i + 1))
	done
	grep -E '^[0-9.]+ [0-9]+ [0-9.]+ [0-9.]+$' "$W/$name.t" > "$W/$name.ok"
	cpu=$(awk '{ print $3 + $4 }' "$W/$name.ok" | sort -n | awk '{ c[NR] = $1 }
	    END { print c[int((NR + 1) / 2)] }')
	sort -n "$W/$name.ok" | awk -v n="$name" -v cpu="$cpu" '{ t[NR] = $1; if ($2 > m) m = $2 }
	    END { printf "%s %s %d %s\n", n, t[int((NR + 1) / 2)], m, cpu }'
}

{
	run sscard-check "$SSCARD" check "$W/portrait.jpg"
	run sscard-fix "$SSCARD" fix "$W/portrait.jpg" -o "$W/sscard.jpg"
	run vipsthumbnail vipsthumbnail "$W/portrait.jpg" -s 358x441 -m centre \
	    -o "$W/vips.jpg[Q=70]"
	run imagemagick convert "$W/portrait.jpg" -resize '358x441^' -gravity center \
	    -extent 358x441 -density 350 -units PixelsPerInch \
	    -define jpeg:extent=20KB "$W/im.jpg"
} > "$W/results"

"$SSCARD" check "$W/sscard.jpg" > /dev/null 2>&1 && ok=yes || ok=no
awk -v ok="$ok" '
	{ tool[NR] = $1; t[NR] = $2; rss[NR] = $3; cpu[NR] = $4; at[$1] = $2; mem[$1] = $3
	  ac[$1] = $4 }
	END {
		printf "%-14s %9s %8s %9s %10s %8s %9s\n", "tool", "median s", "peak MB",
		    "vs vips", "vs magick", "CPU s", "CPU/vips"
		for (i = 1; i <= NR; i++) {
			rv = (at["vipsthumbnail"] > 0) ? t[i] / at["vipsthumbnail"] : 0
			rm = (at["imagemagick"] > 0) ? t[i] / at["imagemagick"] : 0
			cv = (ac["vipsthumbnail"] > 0) ? cpu[i] / ac["vipsthumbnail"] : 0
			printf "%-14s %9.3f %8.1f %8.2fx %9.2fx %8.3f %8.2fx\n", tool[i], t[i],
			    rss[i] / 1024, rv, rm, cpu[i], cv
		}
		v = at["vipsthumbnail"]
		printf "targets (wall time): check <= 0.5x vips: %s; fix <= 1.0x vips: %s; peak RSS <= 30 MB: %s\n",
		    (v > 0 && at["sscard-check"] <= 0.5 * v) ? "met" : "NOT MET",
		    (v > 0 && at["sscard-fix"] <= v) ? "met" : "NOT MET",
		    (mem["sscard-check"] <= 30 * 1024 && mem["sscard-fix"] <= 30 * 1024) ? "met" : "NOT MET"
		printf "sscard fix output passes sscard check: %s\n", ok
	}' "$W/results"
