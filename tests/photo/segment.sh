# segment.sh -- the person-segmentation network: it finds the person (face and neck
# sure, the backdrop's top corners not) on photos of every kind of background, and a
# missing or damaged network or module is a clear error, never a crash.
. "$top_srcdir/tests/lib.sh"
TOOL="$top_builddir/tests/photo/phototool"
[ -r "$SSCARD_MODEL_DIR/selfie.onnx" ] ||
	fail "the network is not in $SSCARD_MODEL_DIR: run build-aux/fetch-models (install-deps runs it)"

# check_map PHOTO: the map agrees with where the face detector put the eyes and chin.
check_map() {
	scene=$("$TOOL" scene "$1") || fail "$1: $scene"
	"$TOOL" segment "$1" "$T/map.pgm" > "$T/out" || fail "$1: $(cat "$T/out")"
	w=$(identify -format '%w' "$1")
	python3 - "$T/map.pgm" "$w" "$scene" "$(basename "$1")" <<'PY' || exit 1
import sys
path, file_w, scene, name = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4]
data = open(path, "rb").read()
head = data.split(b"\n", 3)
w, h = map(int, head[1].split())
px = head[3]
assert len(px) == w * h, "short map"
k = w / file_w
lx, ly, rx, ry = (float(v) * k for v in scene[1:5])
chin = float(scene[scene.index("chin") + 1]) * k
at = lambda x, y: px[int(y) * w + int(x)] / 255
def mean(x0, y0, x1, y1):
    v = [px[y * w + x] for y in range(int(y0), int(y1)) for x in range(int(x0), int(x1))]
    return sum(v) / len(v) / 255
ied = rx - lx
mx, my = (lx + rx) / 2, (ly + ry) / 2
inside = {"nose": at(mx, my + 0.5 * ied), "eyes": at(mx, my),
          "neck": at(mx, min(h - 1, chin + 0.2 * ied))}
corners = {"top left": mean(0, 0, w * 0.08, h * 0.08),
           "top right": mean(w * 0.92, 0, w, h * 0.08)}
bad = ["%s is person only %.2f" % (k_, v) for k_, v in inside.items() if v < 0.9]
bad += ["%s corner is person %.2f" % (k_, v) for k_, v in corners.items() if v > 0.1]
if bad:
    print("FAIL: %s: %s" % (name, "; ".join(bad)))
    sys.exit(1)
print("ok %s: nose %.2f neck %.2f corners %.2f %.2f" % (name, inside["nose"],
      inside["neck"], corners["top left"], corners["top right"]))
PY
}

for f in lisa2.jpg lisa4_cc0_head_tilt_indoor.jpg canada_095m_white_m_darktop_frontal.jpg \
    london_001_03.jpg if016_glasses_clear_man_frontal_darktop.jpg zoom_15cm.jpg \
    canada_044f.jpg; do
	check_map "$PHOTOS/$f"
done

# A photo without a person: hardly anything is called person.
convert -size 400x500 gradient:'#d0c8b0-#605040' "$T/wall.jpg"
"$TOOL" segment "$T/wall.jpg" "$T/wall.pgm" > "$T/out" || fail "wall: $(cat "$T/out")"
python3 -c '
import sys
d = open(sys.argv[1], "rb").read().split(b"\n", 3)[3]
share = sum(v > 127 for v in d) / len(d)
print("wall: %.4f called person" % share)
sys.exit(share > 0.02)' "$T/wall.pgm" || fail "the network calls a bare wall a person"

# No network, a damaged one, no module: a message that says what to do; no crash.
photo="$PHOTOS/lisa2.jpg"
mkdir "$T/none" "$T/junk"
out=$(SSCARD_MODEL_DIR="$T/none" "$TOOL" segment "$photo" "$T/x.pgm" 2>&1) &&
	fail "no network, yet segment succeeded"
case $out in *"Run build-aux/fetch-models"*) ;; *) fail "no network: $out" ;; esac
head -c 5000 /dev/urandom > "$T/junk/selfie.onnx"
out=$(SSCARD_MODEL_DIR="$T/junk" "$TOOL" segment "$photo" "$T/x.pgm" 2>&1) &&
	fail "junk network, yet segment succeeded"
case $out in "error: The network "*"is damaged"*) ;; *) fail "junk network: $out" ;; esac
out=$(SSCARD_NN_MODULE="$T/none/sscard-nn.so" "$TOOL" segment "$photo" "$T/x.pgm" 2>&1) &&
	fail "no module, yet segment succeeded"
case $out in *"network module"*"not installed"*) ;; *) fail "no module: $out" ;; esac
# A network of another shape (an image file renamed) is refused the same way.
cp "$PHOTOS/lisa2.jpg" "$T/junk/selfie.onnx"
out=$(SSCARD_MODEL_DIR="$T/junk" "$TOOL" segment "$photo" "$T/x.pgm" 2>&1) &&
	fail "a JPEG as network, yet segment succeeded"
case $out in "error: The network "*"is damaged"*) ;; *) fail "JPEG network: $out" ;; esac
# Installed but damaged: the check of a white-backdrop photo cannot look under the head,
# and says so rather than pass the background; the fix refuses and says why.
cp "$SSCARD_MODEL_DIR/facemesh.onnx" "$SSCARD_MODEL_DIR/iris.onnx" "$T/junk/"
"$SSCARD" fix "$PHOTOS/canada_022f.jpg" -o "$T/white.jpg" > "$T/out" 2>&1 ||
	fail "canada_022f: not fixed: $(cat "$T/out")"
out=$(SSCARD_MODEL_DIR="$T/junk" "$SSCARD" check --json "$T/white.jpg") &&
	fail "junk network: the check of a white-backdrop photo passed"
echo "$out" | python3 -c '
import json, sys
v = {c["id"]: c for c in json.loads(sys.stdin.readline())["checks"]}["background"]
sys.exit(0 if v["verdict"] == "fail" and "is damaged" in v["message"] else
         "background with a junk network: %s" % v)' || exit 1
SSCARD_MODEL_DIR="$T/junk" "$SSCARD" fix "$PHOTOS/canada_022f.jpg" -o "$T/x.jpg" > "$T/out" 2>&1 &&
	fail "junk network: the fix wrote a photo"
grep -q "selfie.onnx is damaged" "$T/out" || fail "junk network: the fix does not say so: $(cat "$T/out")"
echo "ok: errors"
