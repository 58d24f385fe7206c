# check-each-rule.sh -- every check of `sscard check` has a photo that passes it and one that does not.
. "$top_srcdir/tests/lib.sh"
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

# The dark-top portrait on a plain backdrop, fixed: a photo that passes every check.
"$SSCARD" fix "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" -o good.jpg > /dev/null ||
	fail "cannot make good.jpg"
for id in format colour pixels dpi filesize face resolution face_width crown eye_line \
    centring tilt pose eyes glasses headwear expression accessories clothing shoulders ears \
    background exposure lighting sharpness; do
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
"$SSCARD" check --json good.jpg | grep -q '"id":"face_width","name":"Face width","verdict":"pass"' ||
	fail "face_width: no name in JSON"
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
# White around the head but a field beside the shoulders: the network says what is
# backdrop under the head, and there it is not the white above.
convert good.jpg -fill '#4a7a30' -draw "rectangle 0,330 55,440" \
    -draw "rectangle 303,330 357,440" field.jpg
expect field.jpg background fail
"$SSCARD" check field.jpg | grep -q "not plain under the head" ||
	fail "field.jpg: the background's failure does not say where: $("$SSCARD" check field.jpg)"
# exposure: a dark copy.
convert good.jpg -evaluate multiply 0.15 dark.jpg
expect dark.jpg exposure fail
# lighting: one side of the face in shadow.
convert good.jpg \( +clone -crop 179x441+0+0 +repage -evaluate multiply 0.45 \) -geometry +0+0 -composite shadow.jpg
expect shadow.jpg lighting fail
# sharpness: a blurred copy.
convert good.jpg -blur 0x3 blur.jpg
expect blur.jpg sharpness fail
# expression: teeth showing fails where the profile wants the mouth closed (all built-in).
expect "$PHOTOS/london_030_08_smiling.jpg" expression fail
expect "$PHOTOS/london_127_08_eastasian_f_smiling_teeth.jpg" expression fail
expect "$PHOTOS/astronaut.png" expression fail
# Pale skin in bright light is not teeth: closed mouths pass.
expect "$PHOTOS/if013_eastasian_woman_white_bg_head_turned_500px.jpg" expression pass
expect "$PHOTOS/zoom_15cm.jpg" expression pass
# Full lips, closed: FaceMesh places the inner lips apart, but only lip shows between them.
expect "$PHOTOS/london_082_08_closed_full_lips.jpg" expression pass
# Without FaceMesh the colour of teeth still tells, and the figures say how it was judged.
mkdir -p no-models
out=$(SSCARD_MODEL_DIR=$PWD/no-models "$SSCARD" check --json "$PHOTOS/london_030_08_smiling.jpg" 2>&1)
echo "$out" | grep -q '"teeth colour [0-9.]* (FaceMesh not installed)"' || fail "no FaceMesh: $out"
(
	export SSCARD_MODEL_DIR="$PWD/no-models"
	expect "$PHOTOS/london_030_08_smiling.jpg" expression fail
) || exit 1
printf '[profile national]\nmouth_closed = no\n' > open.conf
G=--config=open.conf expect "$PHOTOS/london_030_08_smiling.jpg" expression warn
# clothing: a white T-shirt (every London sitter) fails, before and after whitening;
# a light-blue shirt fails too.
expect "$PHOTOS/london_030_03.jpg" clothing fail
expect "$PHOTOS/london_034_03_eastasian_f_neutral_whitetee.jpg" clothing fail
expect "$PHOTOS/max_luciano_lightblue_shirt_cc0.png" clothing fail
convert good.jpg -fill white -draw 'rectangle 0,380 357,440' whitetop.jpg
expect whitetop.jpg clothing fail
# A narrow sitter (044f, maroon top): beside one shoulder the white backdrop reaches
# the bottom edge outside the top's edge: it is not a white top, and one shoulder
# with room under the chin is enough.
"$SSCARD" fix "$PHOTOS/canada_044f.jpg" -o narrow.jpg > /dev/null || fail "044f is not fixed"
expect narrow.jpg clothing pass
expect narrow.jpg shoulders pass
# On a lavender wall, a grey that white would merge with may be the top or the
# wall's shadow: the network tells the person's pixels.  A light grey top (117m) and
# a white one shaded to grey (063f) fail (both passed); the maroon top still passes,
# and so does a black jacket over a white T-shirt (123m: light in part only).
expect "$PHOTOS/canada_117m.jpg" clothing fail
expect "$PHOTOS/canada_063f.jpg" clothing fail
expect "$PHOTOS/canada_044f.jpg" clothing pass
expect "$PHOTOS/canada_123m.jpg" clothing pass
# shoulders: gone from both sides fails; so does one side gone where the frame ends
# close under the chin (151m's, a third of the eye distance under it), and a chin cut
# by the bottom edge (the message says which).
convert good.jpg -fill white -draw 'rectangle 0,400 110,440' -draw 'rectangle 250,400 357,440' bare.jpg
expect bare.jpg shoulders fail
"$SSCARD" fix "$PHOTOS/canada_151m.jpg" -o low.jpg > /dev/null || fail "151m is not fixed"
expect low.jpg shoulders pass
convert low.jpg -fill white -draw 'rectangle 0,400 110,440' oneside.jpg
expect oneside.jpg shoulders fail
"$SSCARD" check oneside.jpg | grep -q "The shoulders do not show below the chin" ||
	fail "oneside.jpg: not told the shoulders do not show"
convert good.jpg -background white -gravity north -splice 0x70 -crop 358x441+0+0 +repage chincut.jpg
expect chincut.jpg shoulders fail
"$SSCARD" check chincut.jpg | grep -q "The chin is cut by the bottom edge" ||
	fail "chincut.jpg: not told the chin is cut"
# glasses: dark sunglasses fail; clear glasses warn where allowed, and in Liaocheng,
# whose "no glasses" only a weak source gives (domain.md §2, Low), warn too.
expect "$PHOTOS/if032_sunglasses_dark_man_lowkey_500px.jpg" glasses fail
expect "$PHOTOS/if016_glasses_clear_man_frontal_darktop.jpg" glasses warn
C="--profile liaocheng" expect "$PHOTOS/if016_glasses_clear_man_frontal_darktop.jpg" glasses warn
# studio: only Liaocheng's weak source asks for a studio's photo: a warning there, no row elsewhere.
C="--profile liaocheng" expect good.jpg studio warn
! "$SSCARD" check --json good.jpg | grep -q '"studio"' || fail "a studio row outside Liaocheng"
# Large amber-tinted lenses behind a frame fail.
expect "$PHOTOS/grace_hopper_navy_cap_glasses_pd.jpg" glasses fail
# Eyes narrowed by a broad smile under a warm cast, found only by the eyeglasses
# cascade and with no frame seen: tinted lenses are only perhaps (it failed "tinted").
smile="$PHOTOS/if037_fur_hat_man_smiling_teeth_500px.jpg"
expect "$smile" glasses warn
"$SSCARD" check "$smile" | grep -q "but no frame was seen" ||
	fail "$smile: the glasses warning does not say why: $("$SSCARD" check "$smile")"
# eyes: not found behind glasses looking down.
expect "$PHOTOS/if029_eastasian_woman_glasses_looking_down_500px.jpg" eyes fail
# headwear: a red cap over the crown.
convert good.jpg -fill '#d02020' -draw 'rectangle 90,20 270,75' hat.jpg
expect hat.jpg headwear fail
# An officer's cap with its badge.
expect "$PHOTOS/grace_hopper_navy_cap_glasses_pd.jpg" headwear fail
# accessories: on a plain backdrop a green earring at the ear lobe fails (不得佩戴装饰品),
# and fix refuses it for that.  The lobe: just outside the face's outline at the ear
# root, an eye distance under the eyes (the scene's measures of good.jpg).
lobe=$("$top_builddir/tests/photo/phototool" scene good.jpg |
    awk '{ d = $4 - $2; printf "%d %d", $7 - 0.08 * d, ($3 + $5) / 2 + 1.05 * d }')
lx=${lobe% *} ly=${lobe#* }
convert good.jpg -fill '#20c020' -draw "circle $lx,$ly $((lx + 11)),$ly" earring.jpg
expect earring.jpg accessories fail
# A small one (9 % of the ear's box) only warns: it may be a shadow or a reflection.
convert good.jpg -fill '#20c020' -draw "circle $lx,$ly $((lx + 8)),$ly" stud.jpg
expect stud.jpg accessories warn
"$SSCARD" fix earring.jpg -o earring-fixed.jpg > earring-fix.txt 2>&1 &&
	fail "fix wrote a photo of someone wearing an earring"
grep -q "Jewellery and ornaments: Something colourful is worn" earring-fix.txt ||
	fail "fix refused the earring for another reason: $(cat earring-fix.txt)"
# Beside a head on a busy backdrop the colour may be the backdrop's: the hair band of
# 053f, whose long hair makes the backdrop measure as not plain, only warns.
expect "$PHOTOS/canada_053f_white_f_headband.jpg" accessories warn
# Colour at the neck alone warns, and says what else looks the same (a collar, skin
# reddened by the sun) instead of naming hair bands and earrings.
convert good.jpg -fill '#20b020' -draw 'rectangle 150,422 210,440' collar.jpg
expect collar.jpg accessories warn
"$SSCARD" check collar.jpg | grep -q "Something colourful shows at the neck" ||
	fail "collar.jpg: the warning does not say where: $("$SSCARD" check collar.jpg)"
# A forehead flushed a little past pure red (blue over green, 119m) is skin, not a band
# (it warned "something colourful over the head"); a pink band over the hair fails.
expect "$PHOTOS/canada_119m.jpg" accessories pass
convert good.jpg -fill '#e050a0' -draw 'rectangle 110,45 250,75' pinkband.jpg
expect pinkband.jpg accessories fail
# resolution: a 115-pixel portrait fails; the good photo at three quarters of its size
# warns (its face enlarged 1.3 times), as does a 400-pixel portrait whose face is 1.67
# times too small.
expect "$PHOTOS/max_bryan_glasses_darktop_cc0_115px.png" resolution fail
convert good.jpg -resize 75% small.jpg
expect small.jpg resolution warn
expect "$PHOTOS/max_luciano_lightblue_shirt_cc0.png" resolution fail
# pose: a head turned to one side (the face squeezed on one side) fails.
convert good.jpg \( +clone -crop 179x441+0+0 +repage -resize 55%x100%! \) \
    \( good.jpg -crop 179x441+179+0 +repage \) +append -gravity center \
    -background white -extent 358x441 turned.jpg
expect turned.jpg pose fail
# A near profile (FaceMesh's outline slopes 52° in depth) fails; the frontal 400-pixel
# portrait, whose cheeks' edges were unequal to colour, passes.
expect "$PHOTOS/anybg_if063_man_head_turned_profile.jpg" pose fail
expect "$PHOTOS/max_luciano_lightblue_shirt_cc0.png" pose pass
# Hair over the cheeks: the nostrils far off the eye midpoint tell the turn.
expect "$PHOTOS/if013_eastasian_woman_white_bg_head_turned_500px.jpg" pose fail
# headwear: a black cap over a black-haired head shows no strong colour, but the
# forehead under it no skin: a warning that says so (hair over the forehead looks
# the same to colour); the fixed portrait (above) passes.
cap="$PHOTOS/anybg_if090_man_cap_stud_earrings_light_sweater.jpg"
expect "$cap" headwear warn
"$SSCARD" check "$cap" | grep -q "The forehead does not show" ||
	fail "$cap: the headwear warning does not say why: $("$SSCARD" check "$cap")"
# ears: hair over the ears (london 067) leaves almost no skin where an ear should be,
# although the head is wider there than the face; the fixed portrait (above) shows both.
hair="$PHOTOS/london_067_03_eastasian_m_neutral_hair_over_ears.jpg"
expect "$hair" ears fail
"$SSCARD" check "$hair" | grep -q "one side shows almost no skin where the ear should be" ||
	fail "$hair: the ears' failure does not say why: $("$SSCARD" check "$hair")"
# The same on a busy backdrop (stripes in the upper corners), where the head's outline
# is not measured: the skin beside the face still tells the hair over the ears.
convert "$hair" -fill '#2050c0' -draw "rectangle 0,0 40,400" -draw "rectangle 80,0 120,400" \
    -draw "rectangle 560,0 600,400" -fill '#d0b020' -draw "rectangle 40,0 80,400" \
    -draw "rectangle 600,0 639,400" busy-hair.jpg
expect busy-hair.jpg background fail
expect busy-hair.jpg ears fail
# Looking down: the nostrils far from their place between the eyes and the mouth.
expect "$PHOTOS/if029_eastasian_woman_glasses_looking_down_500px.jpg" pose fail
expect "$PHOTOS/london_005_03.jpg" pose pass
# A sliver of a photo (2x2000) gets a report that says why, never a crash.
convert -size 2x2000 xc:'#808080' sliver.jpg
"$SSCARD" check sliver.jpg > sliver.out 2>&1; [ $? = 1 ] || fail "sliver: not 1: $(cat sliver.out)"
grep -q "too small or too narrow" sliver.out || fail "sliver: no reason: $(cat sliver.out)"
"$SSCARD" fix sliver.jpg -o sliver-fixed.jpg > sliver.out 2>&1 && fail "sliver: fixed"
[ ! -e sliver-fixed.jpg ] || fail "sliver: a file was written"
grep -q "too small or too narrow" sliver.out || fail "sliver: fix gives no reason: $(cat sliver.out)"

# Exit statuses: 0 all pass, 1 one fails, 2 unreadable or usage.
"$SSCARD" check good.jpg stud.jpg > /dev/null; [ $? = 0 ] || fail "pass with a warning: not 0"
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
        assert set(c) == {"id", "name", "verdict", "value", "figures", "expected", "message"}, c
        assert c["verdict"] in ("pass", "warn", "fail")
assert json.loads(lines[0])["ok"] is True and json.loads(lines[1])["ok"] is False
' || fail "--json output is wrong"

# Profiles: a recommended window warns (Guangzhou 20-200 KB), a required one
# fails, and one defined in the configuration.
C="--profile guangzhou" expect good.jpg filesize warn
printf '[profile guangzhou]\nsize_window = required\n' > req.conf
G=--config=req.conf C="--profile guangzhou" expect good.jpg filesize fail
printf '[profile guangzhou]\nsize_window = maybe\n' > badwin.conf
"$SSCARD" --config=badwin.conf check --profile guangzhou good.jpg > /dev/null 2>&1
[ $? = 2 ] || fail "a bad size_window is not refused"
printf '[profile tight]\nbase = national\nmax_kb = 12\n' > tight.conf
G=--config=tight.conf C="--profile tight" expect good.jpg filesize fail
"$SSCARD" --config=tight.conf check --profile tight good.jpg | grep -q "14-12 KB\|12 KB" ||
	fail "config profile window not shown"
printf '[profile national]\nface_min = 230\n' > wide.conf
G=--config=wide.conf expect good.jpg face_width fail

# The table names each rule for people, in the user's language.
"$SSCARD" check good.jpg | grep -q "PASS   Room above the head" || fail "no rule names: $("$SSCARD" check good.jpg)"
LANGUAGE=zh_CN "$SSCARD" --lang=zh_CN check good.jpg > zh.txt || fail "zh_CN check failed"
grep -q "$(tr_ zh_CN "Room above the head")" zh.txt || fail "zh_CN: rule names not translated: $(cat zh.txt)"
# Rows speak to the citizen: no measuring jargon in the table in any language
# (issue: "deviation 1.5, detail 0 %", "tint 0.008", "nose at 0.58"); the
# figures stay in --json.
for f in good.jpg "$PHOTOS/lisa2.jpg" "$PHOTOS/if016_glasses_clear_man_frontal_darktop.jpg" \
    "$PHOTOS/if018_eastasian_man_looking_up_sideways_500px.jpg"; do
	for l in en zh_CN zh_TW es; do
		"$SSCARD" --lang=$l check "$f" > rows.txt
		for w in deviation detail tint "of the cheeks" "nose at" "of eyes to mouth" \
		    偏差 杂色 雜色 鼻孔 色偏 镜框 鏡框 desviación detalle "nariz a"; do
			grep -qF -- "$w" rows.txt &&
				fail "$l: '$w' in the rows of $f: $(cat rows.txt)"
		done
	done
	case $f in *if018*) continue ;; esac	# no face measured: words only
	"$SSCARD" check --json "$f" > rows.json || [ $? -eq 1 ] || fail "check --json $f"
	python3 -c '
import json, sys
c = {c["id"]: c for c in json.load(open("rows.json"))["checks"]}
assert "tint" in c["glasses"]["figures"], c["glasses"]
assert c["background"]["figures"] is None or "deviation" in c["background"]["figures"]
' || fail "$f: the figures are not in --json"
done
echo "check OK"
