# pixels.sh -- `sscard check` reports a photo's size in pixels as the file holds it.
# The analysis decodes a reduced copy (DCT scaling rounds each side up on its own):
# a 1350x1800 original once came out as 1350x1797, as does 487x637 here (487x636).
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
need_tool convert identify python3

for size in 487x637 486x638 481x641 401x599 371x500 640x480 363x487; do
	convert "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" -resize "$size!" p.jpg
	want=$(identify -format '%wx%h' p.jpg)
	got=$("$SSCARD" check --json p.jpg | python3 -c '
import json, sys
d = json.loads(sys.stdin.readline())
print({c["id"]: c["value"] for c in d["checks"]}["pixels"])')
	[ "$got" = "$want" ] || fail "$size: check reports $got, the file is $want"
done
# The originals, where the shared fixture set is there.
if shared_photos; then
	for f in "$ORIGINALS"/canada/*.jpg; do
		want=$(identify -format '%wx%h' "$f")
		"$SSCARD" check "$f" | grep -q "Size in pixels  *$want " ||
			fail "$f: size is not $want: $("$SSCARD" check "$f" | grep 'Size in pixels')"
	done
fi
