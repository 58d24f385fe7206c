#!/bin/sh
# photo-bench.sh -- how well and how fast sscard judges and fixes photos.
# 1. The labelled evaluation (tests/photo/expected.tsv): per check, how often sscard
#    agrees with the label, passes what should fail, or fails what should pass; and
#    what fix did with each photo -- on the reduced copies and, when SSCARD_SHARED
#    holds them, on the originals.
# 2. With SSCARD_SHARED: eye centres, face width, crown and chin against hand-placed
#    landmarks, and teeth against labelled smiles (tests/bench/landmarks.py).
# 3. A 12-megapixel portrait (made here by upscaling a reduced copy) checked and
#    fixed by sscard, and one with a busy background fixed (the network runs),
#    side by side with vipsthumbnail and ImageMagick doing only the
#    resize-and-encode part, in one run: median wall time, ratio, peak RSS.
# Not part of make check: times depend on the machine and its load.
set -eu
: "${SSCARD:?run through make bench-photo}"
: "${top_srcdir:?run through make bench-photo}"
SHARED=${SSCARD_SHARED:-$top_srcdir/../shared}
RUNS=${RUNS:-15}
for t in convert vipsthumbnail python3; do
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

# Measurements against the hand-placed landmarks and the teeth labels (originals only).
if [ -d "$SHARED/fixtures/photos/landmarks" ] && [ -n "${PHOTOTOOL:-}" ]; then
	python3 "$top_srcdir/tests/bench/landmarks.py" "$PHOTOTOOL" "$SSCARD" \
	    "$SHARED/fixtures/photos" || true
fi

# A phone-like 3000x4000 portrait: the dark-top sitter on his plain backdrop, with sensor noise.
convert "$top_srcdir/tests/data/photos/canada_095m_white_m_darktop_frontal.jpg" \
    -resize 3000x4000! -attenuate 0.3 +noise Gaussian -quality 92 "$W/portrait.jpg"
# The same size with a busy background (a composite, tests/data/README.md): the fix
# runs the segmentation network, twice (the photo, then the frame).
convert "$top_srcdir/tests/data/composite/composite_095m_arcade.jpg" \
    -resize 3000x4000! -attenuate 0.3 +noise Gaussian -quality 92 "$W/room.jpg"
echo "== Speed: $(identify -format '%wx%h' "$W/portrait.jpg"), $(stat -c %s "$W/portrait.jpg") bytes, $RUNS runs each"

# Median wall and CPU time and peak memory of each tool, the tools taking turns (timing.py),
# so that a change in the machine's load falls on all alike.
python3 "$top_srcdir/tests/bench/timing.py" "$RUNS" \
    "$SSCARD check $W/portrait.jpg" \
    "$SSCARD fix $W/portrait.jpg -o $W/sscard.jpg" \
    "$SSCARD fix $W/room.jpg -o $W/room-fixed.jpg" \
    "vipsthumbnail $W/portrait.jpg -s 358x441 -m centre -o $W/vips.jpg[Q=70]" \
    "convert $W/portrait.jpg -resize 358x441^ -gravity center -extent 358x441 -density 350 -units PixelsPerInch -define jpeg:extent=20KB $W/im.jpg" |
    paste -d ' ' - - - - - > "$W/times"
read -r cw cc cm fw fc fm rw rc rm vw vc vm iw ic im < "$W/times"
# "tool median-wall-s peak-KB median-cpu-s", as the table below reads them.
printf '%s %s %s %s\n' sscard-check "$cw" "$cm" "$cc" sscard-fix "$fw" "$fm" "$fc" \
    sscard-fix-room "$rw" "$rm" "$rc" vipsthumbnail "$vw" "$vm" "$vc" imagemagick "$iw" "$im" "$ic" |
    awk '{ printf "%s %.4f %d %.4f\n", $1, $2 / 1000, $3, $4 / 1000 }' > "$W/results"

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
		printf "targets (wall time): check <= 0.5x vips: %s; fix <= 1.0x vips: %s; " \
		    "fix of a busy background <= 1.0x vips: %s; peak RSS <= 60 MB: %s\n",
		    (v > 0 && at["sscard-check"] <= 0.5 * v) ? "met" : "NOT MET",
		    (v > 0 && at["sscard-fix"] <= v) ? "met" : "NOT MET",
		    (v > 0 && at["sscard-fix-room"] <= v) ? "met" : "NOT MET",
		    (mem["sscard-check"] <= 60 * 1024 && mem["sscard-fix"] <= 60 * 1024 &&
		    mem["sscard-fix-room"] <= 60 * 1024) ? "met" : "NOT MET"
		printf "sscard fix output passes sscard check: %s\n", ok
	}' "$W/results"
