# detect.sh -- the face and eye detector against the measured boxes of the fixtures README,
# and the cascade parser against damaged cascade files.
. "$top_srcdir/tests/lib.sh"
TOOL="$top_builddir/tests/photo/phototool"
CASCADES=/usr/share/opencv4/haarcascades
[ -r $CASCADES/haarcascade_frontalface_alt2.xml ] ||
	fail "opencv-data is not installed (build-aux/install-deps installs it)"

# file  x y w h (expected face box)  lx ly rx ry (expected eye centres), in the
# original's pixels (the README); the reduced copies are scaled on the fly.
cat > "$T/expected" <<'END'
london_001_03.jpg 377 402 582 582 553 634 780 626
london_005_03.jpg 391 374 562 562 564 589 773 599
london_024_03.jpg 433 411 484 484 574 596 766 600
london_025_03.jpg 402 489 529 529 555 702 769 699
london_030_03.jpg 405 413 543 543 551 633 780 620
london_030_08_smiling.jpg 413 464 512 512 555 674 776 658
london_042_03.jpg 377 363 529 529 539 558 759 577
lisa2.jpg 165 293 248 248 240 390 332 392
lisa3.jpg 130 170 373 373 242 341 362 299
zoom_15cm.jpg 173 310 835 835 419 627 762 630
astronaut.png 170 58 113 113 202 101 247 103
END

# detect_all DIR TOLERANCE: every expected face found in DIR's copy of the file with
# IoU >= 0.7, and its eyes within TOLERANCE of the eye distance.
detect_all() {
while read -r f ex ey ew eh elx ely erx ery; do
	out=$("$TOOL" detect "$1/$f") || fail "$f: detector failed: $out"
	# The README's boxes are in the original's pixels: scale them to this copy.
	k=$(identify -format '%w' "$1/$f")
	case $f in london_*) ow=1350 ;; lisa*) ow=600 ;; zoom_*) ow=1152 ;; *) ow=512 ;; esac
	n=$(echo "$out" | head -1 | cut -d' ' -f2)
	[ "$n" = 1 ] || fail "$f: expected exactly 1 face, got: $out"
	echo "$out" | sed -n 2p | awk -v f="$f" -v ex="$ex" -v ey="$ey" -v ew="$ew" \
	    -v eh="$eh" -v elx="$elx" -v ely="$ely" -v erx="$erx" -v ery="$ery" -v s="$k/$ow" -v tol="$2" '
	function max(a, b) { return a > b ? a : b }
	function min(a, b) { return a < b ? a : b }
	BEGIN { split(s, q, "/"); s = q[1] / q[2]; ex *= s; ey *= s; ew *= s; eh *= s
		elx *= s; ely *= s; erx *= s; ery *= s }
	{
		x = $2; y = $3; w = $4; h = $5
		iw = min(x + w, ex + ew) - max(x, ex); ih = min(y + h, ey + eh) - max(y, ey)
		inter = (iw > 0 && ih > 0) ? iw * ih : 0
		iou = inter / (w * h + ew * eh - inter)
		ied = sqrt((erx - elx) ^ 2 + (ery - ely) ^ 2)
		el = sqrt(($7 - elx) ^ 2 + ($8 - ely) ^ 2) / ied
		er = sqrt(($9 - erx) ^ 2 + ($10 - ery) ^ 2) / ied
		printf "%s: IoU %.2f, eye errors %.3f %.3f of IED\n", f, iou, el, er
		if (iou < 0.7 || el > tol || er > tol) {
			printf "FAIL: %s: got %s; expected box %s %s %s %s eyes %s %s %s %s\n",
			    f, $0, ex, ey, ew, eh, elx, ely, erx, ery
			exit 1
		}
	}' || exit 1
done < "$T/expected"
}
# The reduced copies carry less detail: an eighth of the eye distance there.
detect_all "$PHOTOS" 0.125
if shared_photos; then
	detect_all "$ORIGINALS" 0.1
fi

# Eyes behind glasses: the eyeglasses cascade (tilted features) finds them.
out=$("$TOOL" detect "$PHOTOS/grace_hopper_navy_cap_glasses_pd.jpg")
echo "$out" | grep -q "found 1 .* eyeglasses" || fail "eyes behind glasses not found: $out"

# No human face: a cat, and a man in profile.
for f in chelsea.png camera.png; do
	out=$("$TOOL" detect "$PHOTOS/$f")
	[ "$(echo "$out" | head -1 | cut -d' ' -f2)" = 0 ] || fail "$f: expected no face, got: $out"
done

# Two faces side by side are both found.
convert "$PHOTOS/london_005_03.jpg" "$PHOTOS/london_030_03.jpg" +append -resize 50% "$T/two.jpg"
out=$("$TOOL" detect "$T/two.jpg")
[ "$(echo "$out" | head -1 | cut -d' ' -f2)" = 2 ] || fail "two faces: expected 2, got: $out"

# Without the cascades the detector refuses, naming the package to install.
mkdir "$T/empty"
out=$(CASCADE_DIR="$T/empty" "$TOOL" detect "$PHOTOS/london_005_03.jpg") && fail "no cascades: accepted"
case $out in *opencv-data*) ;; *) fail "no cascades: message lacks opencv-data: $out" ;; esac

# Every Debian cascade with tilted features loads.
for c in haarcascade_eye_tree_eyeglasses.xml haarcascade_upperbody.xml haarcascade_smile.xml; do
	out=$("$TOOL" cascade "$CASCADES/$c") || fail "$c does not load: $out"
done
# Damaged cascades are refused, naming the file and the element, never a crash.
# damage NAME PYTHON-EXPR: writes bad-NAME.xml, alt2 with EXPR applied to its text s.
damage() {
	python3 -c '
import re, sys
s = open(sys.argv[1]).read()
s = eval(sys.argv[2])
open(sys.argv[3], "w").write(s)' "$CASCADES/haarcascade_frontalface_alt2.xml" "$2" "$T/bad-$1.xml"
	out=$("$TOOL" cascade "$T/bad-$1.xml"); st=$?
	[ $st = 1 ] || fail "$1: status $st (a crash?): $out"
	case $out in "error: $T/bad-$1.xml is not a Haar cascade"*"bad $3"*) ;;
	*) fail "$1: message does not name the file and '$3': $out" ;; esac
}
# A rectangle reaching past the window with a sum that would wrap in 32 bits.
damage wrap 're.sub(r"<_>\s*3 7 14 4 -1\.</_>", "<_>2147483600 7 14 4 -1.</_>", s, count=1)' "rects of feature"
# A leaf index of -2147483648, whose negation does not fit an int.
damage leaf 're.sub(r"(<internalNodes>\s*)0 1 0 ", r"\g<1>-2147483648 1 0 ", s, count=1)' "internalNodes of tree 0"
# A node far outside its tree, a feature index past the end, not a number.
damage node 're.sub(r"(<internalNodes>\s*)0 1 0 ", r"\g<1>0 5 0 ", s, count=1)' "internalNodes of tree 0"
damage feature 're.sub(r"(<internalNodes>\s*)0 1 0 ", r"\g<1>0 1 999999 ", s, count=1)' "internalNodes of tree 0"
damage nan 're.sub(r"(<internalNodes>\s*)0 1 0 ", r"\g<1>0 1 0.5 ", s, count=1)' "internalNodes of tree 0"
damage width 's.replace("<width>20</width>", "<width>1e300</width>", 1)' "width"
damage leaves 're.sub(r"(<leafValues>\s*)\S+", r"\1nan", s, count=1)' "leafValues of tree 0"
# The detector given such a directory refuses with the same reason.
mkdir "$T/badcascades"
cp "$T/bad-wrap.xml" "$T/badcascades/haarcascade_frontalface_alt2.xml"
cp $CASCADES/haarcascade_eye.xml "$T/badcascades/"
out=$(CASCADE_DIR="$T/badcascades" "$TOOL" detect "$PHOTOS/london_005_03.jpg") && fail "bad cascade: accepted"
case $out in *"rects of feature"*) ;; *) fail "bad cascade: $out" ;; esac

# A sliver of a photo finds no face (and does not end the program).
convert -size 2x2000 xc:gray "$T/sliver.png"
out=$("$TOOL" detect "$T/sliver.png") || fail "sliver: $out"
[ "$(echo "$out" | head -1 | cut -d' ' -f2)" = 0 ] || fail "sliver: $out"
echo "detector OK"
