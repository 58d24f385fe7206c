# row-limits.sh -- no check row warns or fails with a value inside the limit it prints,
# or passes outside it (issue: "turned about 8° ... <= 12°" warned).
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
need_tool python3 cjpeg djpeg

# pad IN SIZE OUT: IN with a JPEG comment after SOI, OUT exactly SIZE bytes long.
pad() {
	python3 - "$1" "$2" "$3" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
n = int(sys.argv[2]) - len(data) - 4
assert 0 <= n < 65534, n
open(sys.argv[3], "wb").write(data[:2] + b"\xff\xfe" + (n + 2).to_bytes(2, "big") +
                              b" " * n + data[2:])
PY
}

# Sizes just inside and outside the national window (14336-40000 bytes),
# where whole KB would read 14 or 39 KB for a file that fails.
"$SSCARD" fix "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" -o good.jpg > /dev/null ||
	fail "cannot make good.jpg"
djpeg good.jpg | cjpeg -quality 30 > small.jpg
for s in 14100 14336 40000 40100 40447; do
	pad small.jpg $s size-$s.jpg
done
# Darker and lighter copies for the exposure bands.
for k in 0.45 0.55 1.6; do
	convert good.jpg -evaluate multiply $k expo-$k.jpg
done

for f in "$PHOTOS"/*.jpg "$PHOTOS"/*.png good.jpg size-*.jpg expo-*.jpg; do
	"$SSCARD" check --json "$f" || [ $? -eq 1 ] || fail "$f: check failed"
done > rows.json
python3 "$top_srcdir/tests/photo/row-limits.py" < rows.json > bad ||
	fail "rows contradicting their own figures:
$(cat bad)"

# The window the exposure row prints is the one it judges by, in every language.
for l in zh_CN zh_TW es; do
	LANGUAGE=$l "$SSCARD" check --json \
	    "$PHOTOS/if021_eastasian_woman_sidelit_lowlight_white_blouse.jpg" > $l.json
	python3 - $l.json <<'PY' || fail "$l: exposure row does not print its window"
import json, sys
row = {c["id"]: c for c in json.load(open(sys.argv[1]))["checks"]}["exposure"]
assert row["verdict"] == "warn", row
assert "60-235" in row["expected"] and "10%" in row["expected"], row
assert not row["expected"].startswith("mean "), row
PY
done
