#!/bin/sh
# photo-bench.sh -- a 12-megapixel portrait checked and fixed by sscard, side by side
# with ImageMagick and vipsthumbnail doing only the resize-and-encode part.
# Prints median wall time, the ratio to sscard, and peak RSS.  Not part of make check.
set -eu
: "${SSCARD:?run through make bench-photo}"
SHARED=${SSCARD_SHARED:-$top_srcdir/../shared}
PHOTO="$SHARED/fixtures/photos/london_030_03.jpg"
RUNS=${RUNS:-7}
[ -r "$PHOTO" ] || { echo "photo-bench: $PHOTO is missing (set SSCARD_SHARED)" >&2; exit 77; }
for t in convert vipsthumbnail /usr/bin/time; do
	command -v $t > /dev/null || { echo "photo-bench: $t is not installed" >&2; exit 77; }
done
W=$(mktemp -d "${TMPDIR:-/tmp}/sscard-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT

# A phone-like 3000x4000 portrait: the face on a plain backdrop, with sensor noise.
convert "$PHOTO" -resize 3000x3000 -gravity center -background '#dcdedd' \
    -extent 3000x4000 -attenuate 0.4 +noise Gaussian -quality 92 "$W/portrait.jpg"
echo "input: $(identify -format '%wx%h' "$W/portrait.jpg"), $(stat -c %s "$W/portrait.jpg") bytes, $RUNS runs each"

# run NAME COMMAND...: RUNS timed runs; prints "NAME median-seconds peak-KB".
run() {
	name=$1
	shift
	: > "$W/$name.t"
	i=0
	while [ $i -lt "$RUNS" ]; do
		/usr/bin/time -f "%e %M" -o "$W/one" "$@" > /dev/null 2>&1 || true
		cat "$W/one" >> "$W/$name.t"
		i=$((i + 1))
	done
	grep -E '^[0-9.]+ [0-9]+$' "$W/$name.t" | sort -n | awk -v n="$name" '{ t[NR] = $1; if ($2 > m) m = $2 }
	    END { printf "%s %s %d\n", n, t[int((NR + 1) / 2)], m }'
}

{
	run sscard-check "$SSCARD" check "$W/portrait.jpg"
	run sscard-fix "$SSCARD" fix "$W/portrait.jpg" -o "$W/sscard.jpg"
	run imagemagick convert "$W/portrait.jpg" -resize '358x441^' -gravity center \
	    -extent 358x441 -density 350 -units PixelsPerInch \
	    -define jpeg:extent=40KB "$W/im.jpg"
	run vipsthumbnail vipsthumbnail "$W/portrait.jpg" -s 358x441 -m centre \
	    -o "$W/vips.jpg[Q=70]"
} > "$W/results"

"$SSCARD" check "$W/sscard.jpg" > /dev/null && ok=yes || ok=no
awk -v ok="$ok" '
	{ tool[NR] = $1; t[NR] = $2; rss[NR] = $3; at[$1] = $2 }
	END {
		printf "%-14s %9s %8s %12s %12s\n", "tool", "median s", "peak MB",
		    "vs vips", "vs magick"
		for (i = 1; i <= NR; i++) {
			rv = (at["vipsthumbnail"] > 0) ? t[i] / at["vipsthumbnail"] : 0
			rm = (at["imagemagick"] > 0) ? t[i] / at["imagemagick"] : 0
			printf "%-14s %9.3f %8.1f %11.2fx %11.2fx\n", tool[i], t[i],
			    rss[i] / 1024, rv, rm
		}
		printf "sscard fix output passes sscard check: %s\n", ok
	}' "$W/results"
