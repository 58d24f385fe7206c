# mesh.sh -- FaceMesh's landmarks against hand-placed ones (tests/data/landmarks.tsv: the
# Face Research Lab's templates of the Canada portraits, scaled to the reduced copies):
# eye centres on the irises within 2 % of the eye distance (median), the face's width at
# the ear roots within a few percent; without the iris network the eye rings' centres
# stand for the pupils, within a few percent; a missing network is a clear error.
. "$top_srcdir/tests/lib.sh"
TOOL="$top_builddir/tests/photo/phototool"
[ -r "$SSCARD_MODEL_DIR/facemesh.onnx" ] ||
	fail "FaceMesh is not in $SSCARD_MODEL_DIR: run build-aux/fetch-models (install-deps runs it)"

# measure MODEL-DIR EYE-MEDIAN EYE-MAX: the landmarks of every face, against the templates.
measure() {
	grep -v '^#' "$DATA/landmarks.tsv" | while IFS='	' read -r f lx ly rx ry cl cr chin; do
		printf '%s %s %s %s %s %s %s %s %s\n' "$f" "$lx" "$ly" "$rx" "$ry" "$cl" "$cr" "$chin" \
		    "$(SSCARD_MODEL_DIR="$1" "$TOOL" mesh "$PHOTOS/$f")"
	done > "$T/pairs"
	python3 - "$T/pairs" "$2" "$3" <<'PY'
import statistics, sys
eye, width = [], []
for line in open(sys.argv[1]):
    v = line.split()
    f, (lx, ly, rx, ry, cl, cr, chin) = v[0], map(float, v[1:8])
    if v[8] != "eyes":
        print("FAIL: %s: %s" % (f, " ".join(v[8:])))
        sys.exit(1)
    m = [float(x) for x in v[9:13]] + [float(v[14]), float(v[15])]
    ied = ((rx - lx) ** 2 + (ry - ly) ** 2) ** 0.5
    eye += [((m[0] - lx) ** 2 + (m[1] - ly) ** 2) ** 0.5 / ied * 100,
            ((m[2] - rx) ** 2 + (m[3] - ry) ** 2) ** 0.5 / ied * 100]
    width.append(abs((m[5] - m[4]) - (cr - cl)) / (cr - cl) * 100)
e, w = statistics.median(eye), statistics.median(width)
print("%d faces: eye centre error median %.1f %% of the eye distance (max %.1f); "
      "face width error median %.1f %% (max %.1f)" % (len(width), e, max(eye), w, max(width)))
if e > float(sys.argv[2]) or max(eye) > float(sys.argv[3]) or w > 2 or max(width) > 5:
    print("FAIL: FaceMesh's landmarks are off")
    sys.exit(1)
PY
}
measure "$SSCARD_MODEL_DIR" 2 4 || exit 1
# Without the iris network: the eye rings' centres.
mkdir "$T/no-iris"
for n in facemesh selfie; do ln -s "$SSCARD_MODEL_DIR/$n.onnx" "$T/no-iris/$n.onnx"; done
measure "$T/no-iris" 3.5 7 || exit 1

mkdir "$T/none"
out=$(SSCARD_MODEL_DIR="$T/none" "$TOOL" mesh "$PHOTOS/canada_022f.jpg" 2>&1) &&
	fail "no network, yet mesh succeeded"
case $out in *"Run build-aux/fetch-models"*) ;; *) fail "no network: $out" ;; esac
# A network installed but damaged (or of another kind) is no silent fallback on the
# detector's rougher measures: the check fails the face with what to do, the fix refuses.
for n in facemesh iris; do
	rm -rf "$T/bad" && mkdir "$T/bad"
	for m in facemesh iris selfie; do cp "$SSCARD_MODEL_DIR/$m.onnx" "$T/bad/"; done
	cp "$SSCARD_MODEL_DIR/selfie.onnx" "$T/bad/$n.onnx"
	SSCARD_MODEL_DIR="$T/bad" "$SSCARD" check "$PHOTOS/canada_022f.jpg" > "$T/out" 2>&1 &&
		fail "$n damaged: the check passed"
	grep -q "$n.onnx is damaged" "$T/out" || fail "$n damaged: the check does not say so: $(cat "$T/out")"
	grep -q "the row \"One face\" says why" "$T/out" ||
		fail "$n damaged: the rows not measured do not say why: $(cat "$T/out")"
	SSCARD_MODEL_DIR="$T/bad" "$SSCARD" fix "$PHOTOS/canada_022f.jpg" -o "$T/bad.jpg" > "$T/out" 2>&1 &&
		fail "$n damaged: the fix wrote a photo"
	grep -q "$n.onnx is damaged" "$T/out" || fail "$n damaged: the fix does not say so: $(cat "$T/out")"
	[ ! -e "$T/bad.jpg" ] || fail "$n damaged: a file was written"
done
echo "ok: errors"
