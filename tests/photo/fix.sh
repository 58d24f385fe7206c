# fix.sh -- `sscard fix` turns every London portrait into a photo `sscard check` passes.
. "$top_srcdir/tests/lib.sh"
need_shared
cd "$T" || exit 1

for f in london_001_03 london_005_03 london_024_03 london_025_03 london_030_03 \
    london_030_08_smiling london_042_03; do
	"$SSCARD" fix "$PHOTOS/$f.jpg" -o "$f.fixed.jpg" > "$f.out" 2>&1 ||
		fail "$f: fix exited $?: $(cat "$f.out")"
	"$SSCARD" check "$f.fixed.jpg" > /dev/null || fail "$f: the fixed photo fails check"
	[ "$(stat -c %a "$f.fixed.jpg")" = 600 ] || fail "$f: mode $(stat -c %a "$f.fixed.jpg")"
	got=$(identify -format "%m %wx%h %x %U %[colorspace] %[jpeg:sampling-factor]" "$f.fixed.jpg")
	case $got in "JPEG 358x441 350 PixelsPerInch sRGB "*) ;;
	*) fail "$f: identify says '$got', want JPEG 358x441 350 PixelsPerInch sRGB" ;; esac
	size=$(stat -c %s "$f.fixed.jpg")
	[ "$size" -ge $((14 * 1024)) ] && [ "$size" -le 40000 ] ||
		fail "$f: $size bytes is outside 14-40 KB"
	# The geometry the check measured, within the national profile's ranges.
	"$SSCARD" check --json "$f.fixed.jpg" | python3 -c '
import json, re, sys
d = json.loads(sys.stdin.readline())
v = {c["id"]: c for c in d["checks"]}
def num(k): return int(re.search(r"-?\d+", v[k]["value"]).group())
ok = 179 <= num("face_width") <= 255 and num("eye_line") >= 207 and \
    162 <= num("centring") <= 196 and (7 <= num("crown") <= 21 or v["crown"]["verdict"] == "warn")
if not ok or not d["ok"]:
    sys.exit("%s: geometry out of range: %s" % (sys.argv[1], json.dumps(d["checks"])))
' "$f" || exit 1
done

# The smiling portrait is fixed, but its expression is still flagged.
"$SSCARD" check --json london_030_08_smiling.fixed.jpg | grep -q '"id":"expression","verdict":"warn"' ||
	fail "smiling: expression not flagged"

# What cannot be fixed is said, and nothing is written.
for f in lisa2.jpg zoom_15cm.jpg astronaut.png chelsea.png camera.png; do
	"$SSCARD" fix "$PHOTOS/$f" -o "no-$f.jpg" > out 2>&1 && fail "$f: fix succeeded"
	[ ! -e "no-$f.jpg" ] || fail "$f: a file was written"
	grep -q "$f" out || fail "$f: the message does not name the file: $(cat out)"
done
"$SSCARD" fix "$PHOTOS/lisa2.jpg" -o x.jpg 2>&1 | grep -q "background is not plain" ||
	fail "lisa2: reason not given"
"$SSCARD" fix "$PHOTOS/chelsea.png" -o x.jpg 2>&1 | grep -q "no face" || fail "chelsea: reason not given"

# A region with another window: the quality search lands inside it.
"$SSCARD" fix --profile shenzhen "$PHOTOS/london_024_03.jpg" -o sz.jpg > out || fail "shenzhen: $(cat out)"
size=$(stat -c %s sz.jpg)
[ "$size" -ge $((9 * 1024)) ] && [ "$size" -le 20000 ] || fail "shenzhen: $size bytes outside 9-20 KB"

# Usage errors.
"$SSCARD" fix "$PHOTOS/london_024_03.jpg" > /dev/null 2>&1; [ $? = 2 ] || fail "fix without -o: not 2"
"$SSCARD" fix --profile nowhere "$PHOTOS/london_024_03.jpg" -o y.jpg > /dev/null 2>&1
[ $? = 2 ] || fail "unknown profile: not 2"
echo "fix OK"
