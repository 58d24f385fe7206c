# cascade-dir.sh -- a cascade folder that holds only some of the cascades: the detector
# uses what is there and reports, never frees twice or crashes.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
dir=/usr/share/opencv4/haarcascades
[ -r "$dir/haarcascade_frontalface_alt2.xml" ] || fail "opencv-data is not installed"
mkdir c
cp "$dir/haarcascade_frontalface_alt2.xml" "$dir/haarcascade_eye.xml" c/
printf '[photo]\ncascade_dir = %s/c\n' "$T" > conf
# A cat: alt2 finds no face, and there is no default cascade to try next.
st=0
"$SSCARD" --config conf check "$PHOTOS/chelsea.png" > out 2>&1 || st=$?
[ $st = 1 ] || fail "expected a failing report (status 1), got $st: $(cat out)"
grep -q "One face" out || fail "no report: $(cat out)"
grep -q "Sanitizer\|runtime error" out && fail "the detector crashed: $(cat out)"
# A face: found with what is there.
"$SSCARD" --config conf check --json "$PHOTOS/london_030_03.jpg" > out.json 2>&1 || true
grep -q '"id": *"face"' out.json || fail "no face check in the report: $(cat out.json)"
echo "cascade folder OK"
