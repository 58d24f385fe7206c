#!/bin/sh
# preview-command.sh -- `sscard preview`: sixel, half blocks, ASCII and text on standard output.
. "$top_srcdir/tests/lib.sh"
need_tool convert

# A white card with a black square in its left half: known cells.
convert -size 40x20 xc:white -fill black -draw 'rectangle 0,0 19,19' "$T/card.png"

# ASCII: one character per cell; ink is '@', paper is ' '.
"$SSCARD" preview --graphics=ascii --cells 8x2 "$T/card.png" > "$T/ascii" ||
	fail "ascii preview failed"
# 40x20 pixels, 2 rows of 10x20-pixel cells high: 40x20 cells' worth of pixels, 8 columns.
printf '@@@@    \n@@@@    \n' > "$T/want"
cmp -s "$T/ascii" "$T/want" || fail "ascii: got '$(cat "$T/ascii")', expected '@@@@    ' twice"

# Half blocks: every cell is ▀ with 256-colour foreground and background.
"$SSCARD" preview --graphics=blocks --cells 8x2 "$T/card.png" > "$T/blocks" ||
	fail "blocks preview failed"
[ "$(wc -l < "$T/blocks")" -eq 2 ] || fail "blocks: $(wc -l < "$T/blocks") rows, expected 2"
n=$(grep -o '▀' "$T/blocks" | wc -l)
[ "$n" -eq 16 ] || fail "blocks: $n half blocks, expected 16 (8 columns x 2 rows)"
head -n 1 "$T/blocks" | grep -q "$(printf '\033')\[38;5;16m$(printf '\033')\[48;5;16m▀" ||
	fail "blocks: the black square is not black: $(head -n 1 "$T/blocks" | od -c | head -3)"
COLORTERM=truecolor "$SSCARD" preview --graphics=blocks --cells 8x2 "$T/card.png" |
	grep -q "38;2;255;255;255" || fail "blocks: no truecolour with COLORTERM=truecolor"

# None: a line of text that names the size.
out=$("$SSCARD" preview --graphics=none "$T/card.png")
[ "$out" = "[photo 40x20: this terminal cannot show pictures]" ] || fail "none: '$out'"

# Sixel: a DCS sequence that decodes to the box's pixel size (10x20 cells).
"$SSCARD" preview --graphics=sixel --cells 30x18 "$PHOTOS/lisa2.jpg" > "$T/p.six" ||
	fail "sixel preview failed"
size=$(convert "sixel:$T/p.six" png:- | identify -format '%wx%h' -)
[ "$size" = "270x360" ] || fail "sixel: decoded $size, expected 270x360 (480x640 in 300x360)"
# The palette keeps a white background white and flat around a face-like gradient:
# one colour, no dithered noise (ImageMagick decodes a sixel to PPM wrongly: PNG first).
convert -size 300x360 xc:white \( -size 150x200 radial-gradient:'#d09070-#603020' \) \
    -gravity center -composite "$T/face.png"
"$SSCARD" preview --graphics=sixel --cells 30x18 "$T/face.png" > "$T/f.six" ||
	fail "sixel preview of a gradient failed"
convert "sixel:$T/f.six" png:- | convert png:- -crop 60x60+0+0 +repage \
    -format '%k %[fx:int(minima.r*255)]' info: > "$T/corner"
[ "$(cat "$T/corner")" = "1 255" ] ||
	fail "sixel: the white background is not one plain white: $(cat "$T/corner") (colours, least red)"
# Across the gradient, 99% of the pixels within Delta E 3 (a just visible step) of the photo.
de=$(python3 "$top_srcdir/tests/bench/delta-e.py" "$T/face.png" "sixel:$T/f.six")
awk -v d="$de" 'BEGIN { split(d, v, " "); exit !(v[2] <= 3) }' ||
	fail "sixel: Delta E mean, p99, max $de against the photo (p99 above 3)"

# ASCII on a dark background: light ink, so white paper is dense and black ink is blank.
printf '[sscard]\nbackground = dark\n' > "$T/dark"
"$SSCARD" --config "$T/dark" preview --graphics=ascii --cells 8x2 "$T/card.png" > "$T/ascii" ||
	fail "ascii preview on dark failed"
printf '    @@@@\n    @@@@\n' > "$T/want-dark"
cmp -s "$T/ascii" "$T/want-dark" || fail "ascii on dark: got '$(cat "$T/ascii")'"
printf '[sscard]\nbackground = purple\n' > "$T/bad"
set +e
"$SSCARD" --config "$T/bad" preview --graphics=ascii "$T/card.png" > /dev/null 2> "$T/err"
st=$?
set -e
[ $st -eq 2 ] && grep -q "unknown background 'purple'" "$T/err" || fail "bad background: status $st, $(cat "$T/err")"

# The configuration chooses the mode; the option wins over it.
printf '[sscard]\ngraphics = ascii\n' > "$T/conf"
"$SSCARD" --config "$T/conf" preview --cells 8x2 "$T/card.png" | cmp -s - "$T/want" ||
	fail "[sscard] graphics = ascii was not used"
"$SSCARD" --config "$T/conf" preview --graphics=none "$T/card.png" | grep -q "^\[photo 40x20" ||
	fail "--graphics did not override the configuration"

# Errors: usage (2) and a file that is not a photo (1), with a message.
set +e
"$SSCARD" preview --graphics=kitty "$T/card.png" 2> "$T/err"; st=$?
[ $st -eq 2 ] && grep -q "unknown graphics mode 'kitty'" "$T/err" ||
	fail "bad mode: status $st, $(cat "$T/err")"
"$SSCARD" preview --cells 0x5 "$T/card.png" 2> "$T/err"; st=$?
[ $st -eq 2 ] && grep -q "COLSxROWS" "$T/err" || fail "bad --cells: status $st, $(cat "$T/err")"
"$SSCARD" preview 2> /dev/null; st=$?
[ $st -eq 2 ] || fail "no photo: status $st, expected 2"
echo "not a photo" > "$T/bad.jpg"
"$SSCARD" preview --graphics=sixel "$T/bad.jpg" > "$T/out" 2> "$T/err"; st=$?
[ $st -eq 1 ] && grep -q "bad.jpg" "$T/err" && [ ! -s "$T/out" ] ||
	fail "a broken photo: status $st, stderr $(cat "$T/err")"
set -e
exit 0
