# detect.sh -- the face and eye detector against the measured boxes of the fixtures README.
. "$top_srcdir/tests/lib.sh"
need_shared
TOOL="$top_builddir/tests/photo/phototool"
[ -r /usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml ] || {
	echo "SKIP: opencv-data is not installed" >&2; exit 77; }

# file  x y w h (expected face box)  lx ly rx ry (expected eye centres)
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

while read -r f ex ey ew eh elx ely erx ery; do
	out=$("$TOOL" detect "$PHOTOS/$f") || fail "$f: detector failed: $out"
	n=$(echo "$out" | head -1 | cut -d' ' -f2)
	[ "$n" = 1 ] || fail "$f: expected exactly 1 face, got: $out"
	echo "$out" | sed -n 2p | awk -v f="$f" -v ex="$ex" -v ey="$ey" -v ew="$ew" \
	    -v eh="$eh" -v elx="$elx" -v ely="$ely" -v erx="$erx" -v ery="$ery" '
	function max(a, b) { return a > b ? a : b }
	function min(a, b) { return a < b ? a : b }
	{
		x = $2; y = $3; w = $4; h = $5
		iw = min(x + w, ex + ew) - max(x, ex); ih = min(y + h, ey + eh) - max(y, ey)
		inter = (iw > 0 && ih > 0) ? iw * ih : 0
		iou = inter / (w * h + ew * eh - inter)
		ied = sqrt((erx - elx) ^ 2 + (ery - ely) ^ 2)
		el = sqrt(($7 - elx) ^ 2 + ($8 - ely) ^ 2) / ied
		er = sqrt(($9 - erx) ^ 2 + ($10 - ery) ^ 2) / ied
		printf "%s: IoU %.2f, eye errors %.3f %.3f of IED\n", f, iou, el, er
		if (iou < 0.7 || el > 0.1 || er > 0.1) {
			printf "FAIL: %s: got %s; expected box %s %s %s %s eyes %s %s %s %s\n",
			    f, $0, ex, ey, ew, eh, elx, ely, erx, ery
			exit 1
		}
	}' || exit 1
done < "$T/expected"

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
echo "detector OK"
