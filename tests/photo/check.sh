# check.sh -- every check of `sscard check` has a photo that passes it and one that does not.
. "$top_srcdir/tests/lib.sh"
need_shared
cd "$T" || exit 1

# verdict FILE ID: the verdict `sscard $G check --json $C FILE` gives for check ID.
verdict() {
	f=$1 id=$2
	# shellcheck disable=SC2086
	"$SSCARD" ${G:-} check --json ${C:-} "$f" | python3 -c '
import json, sys
d = json.loads(sys.stdin.readline())
print({c["id"]: c["verdict"] for c in d["checks"]}[sys.argv[1]])' "$id"
}
# [G=GLOBAL-OPTIONS] [C=CHECK-OPTIONS] expect FILE ID VERDICT
expect() {
	f=$1 id=$2 want=$3
	got=$(verdict "$f" "$id")
	# shellcheck disable=SC2086
	[ "$got" = "$want" ] || fail "$f: check $id: expected $want, got '$got': $("$SSCARD" ${G:-} check ${C:-} "$f")"
}

"$SSCARD" fix "$PHOTOS/london_030_03.jpg" -o good.jpg > /dev/null || fail "cannot make good.jpg"
for id in format colour pixels dpi filesize face face_width crown eye_line centring \
    tilt background exposure lighting sharpness expression; do
	expect good.jpg $id pass
done
"$SSCARD" check good.jpg > out || fail "good.jpg: exit $?: $(cat out)"

# format: PNG fails, arithmetic coding fails, progressive warns.
convert good.jpg good.png
expect good.png format fail
djpeg good.jpg > good.ppm
cjpeg -arithmetic -quality 90 good.ppm > arith.jpg
expect arith.jpg format fail
cjpeg -progressive -quality 90 good.ppm > prog.jpg
expect prog.jpg format warn
# colour: greyscale and CMYK fail.
cjpeg -grayscale good.ppm > grey.jpg
expect grey.jpg colour fail
convert good.jpg -colorspace CMYK cmyk.jpg
expect cmyk.jpg colour fail
# pixels, dpi, filesize.
convert good.jpg -resize 400x500! big.jpg
expect big.jpg pixels fail
convert good.jpg -density 72 -units PixelsPerInch dpi72.jpg
expect dpi72.jpg dpi fail
cjpeg -quality 100 -sample 1x1 good.ppm > heavy.jpg
expect heavy.jpg filesize fail
# face: a cat, two people, no cascades (the message names opencv-data).
expect "$PHOTOS/chelsea.png" face fail
convert "$PHOTOS/london_005_03.jpg" "$PHOTOS/london_030_03.jpg" +append -resize 50% two.jpg
expect two.jpg face fail
mkdir empty
printf '[photo]\ncascade_dir = %s/empty\n' "$T" > nocascade.conf
G=--config=nocascade.conf expect good.jpg face fail
"$SSCARD" --config=nocascade.conf check good.jpg | grep -q opencv-data ||
	fail "no cascades: opencv-data is not named"
# face_width and crown: the uncropped portrait.
expect "$PHOTOS/london_030_03.jpg" face_width fail
expect "$PHOTOS/london_030_03.jpg" crown fail
# eye_line and centring: the good photo shifted down, and sideways.
convert good.jpg -background white -gravity north -splice 0x70 -crop 358x441+0+0 +repage low.jpg
expect low.jpg eye_line fail
convert good.jpg -background white -gravity west -splice 45x0 -crop 358x441+0+0 +repage side.jpg
expect side.jpg centring fail
# tilt: a head rolled by about 19 degrees.
expect "$PHOTOS/lisa3.jpg" tilt fail
# background: grey, blue, and a busy room.
expect "$PHOTOS/london_024_03.jpg" background fail
convert good.jpg -fuzz 4% -fill '#3060c0' -opaque white blue.jpg
expect blue.jpg background fail
expect "$PHOTOS/lisa2.jpg" background fail
# exposure: a dark copy.
convert good.jpg -evaluate multiply 0.15 dark.jpg
expect dark.jpg exposure fail
# lighting: one side of the face in shadow.
convert good.jpg \( +clone -crop 179x441+0+0 +repage -evaluate multiply 0.45 \) -geometry +0+0 -composite shadow.jpg
expect shadow.jpg lighting fail
# sharpness: a blurred copy.
convert good.jpg -blur 0x3 blur.jpg
expect blur.jpg sharpness fail
# expression: teeth showing.
"$SSCARD" fix "$PHOTOS/london_030_08_smiling.jpg" -o smile.jpg > /dev/null
expect smile.jpg expression warn

# Exit statuses: 0 all pass, 1 one fails, 2 unreadable or usage.
"$SSCARD" check good.jpg smile.jpg > /dev/null; [ $? = 0 ] || fail "pass with a warning: not 0"
"$SSCARD" check good.jpg dark.jpg > /dev/null; [ $? = 1 ] || fail "one fails: not 1"
echo text > text.jpg
"$SSCARD" check good.jpg text.jpg > /dev/null 2> err; [ $? = 2 ] || fail "unreadable: not 2"
grep -q "text.jpg" err || fail "unreadable: file not named: $(cat err)"
"$SSCARD" check > /dev/null 2>&1; [ $? = 2 ] || fail "no photo: not 2"
"$SSCARD" check --profile nowhere good.jpg > /dev/null 2>&1; [ $? = 2 ] || fail "bad profile: not 2"

# --json: one object per photo per line, with the documented keys.
"$SSCARD" check --json good.jpg dark.jpg | python3 -c '
import json, sys
lines = sys.stdin.read().splitlines()
assert len(lines) == 2, lines
for l in lines:
    d = json.loads(l)
    assert set(d) == {"file", "profile", "ok", "checks"}, d
    assert d["profile"] == "national"
    for c in d["checks"]:
        assert set(c) == {"id", "verdict", "value", "expected", "message"}, c
        assert c["verdict"] in ("pass", "warn", "fail")
assert json.loads(lines[0])["ok"] is True and json.loads(lines[1])["ok"] is False
' || fail "--json output is wrong"

# Profiles: another region's window, and one defined in the configuration.
C="--profile shenzhen" expect good.jpg filesize fail
printf '[profile tight]\nbase = national\nmax_kb = 12\n' > tight.conf
G=--config=tight.conf C="--profile tight" expect good.jpg filesize fail
"$SSCARD" --config=tight.conf check --profile tight good.jpg | grep -q "14-12 KB\|12 KB" ||
	fail "config profile window not shown"
printf '[profile national]\nface_min = 230\n' > wide.conf
G=--config=wide.conf expect good.jpg face_width fail

# The human table uses the user's language, and aligns CJK words by width.
LANGUAGE=zh_CN "$SSCARD" --lang=zh_CN check good.jpg > zh.txt || fail "zh_CN check failed"
echo "check OK"
