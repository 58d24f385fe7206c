#!/bin/sh
# qr.sh -- the QR code of the last step, read back from the transcript, drawn as an image
# and decoded with zbarimg: half blocks, and "##" without Unicode; it fits 80x24 beside text.
. "$top_srcdir/tests/lib.sh"
export TERM=dumb
command -v zbarimg > /dev/null || fail "zbarimg is missing (Debian package zbar-tools)"
HELPER="$top_builddir/tests/plain/qr-helper"
"$SSCARD" fix "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" -o "$T/photo.jpg" > "$T/fix.out" 2>&1 ||
	fail "sscard fix could not make a passing photo: $(cat "$T/fix.out")"

# decode DRAWING: what zbarimg reads in the drawing, made an image by the helper.
decode() {
	"$HELPER" pbm < "$1" > "$T/qr.pbm" || fail "qr-helper pbm"
	convert "$T/qr.pbm" "$T/qr.png" || fail "convert"
	zbarimg --raw -q "$T/qr.png"
}

for mode in blocks ascii; do
	keys "<Enter><Enter>1<Enter>张三<Enter><Enter><Enter><Enter>$T/photo.jpg<Enter><Enter>1<Enter><Enter>2<Enter>"
	run_sscard --graphics "$mode"
	assert_status 0
	tr="$T/shots/transcript.txt"
	# No card service: the reference is the kit's folder, named by its date and time.
	id=$(basename "$(find "$HOME/sscard" -mindepth 1 -maxdepth 1 -type d)")
	case $id in "$(date +%Y-%m-%d)"-*) ;; *) fail "kit folder $id is not named by the date" ;; esac
	sed -n '/default=1> 2$/,/If the phone cannot read it/p' "$tr" | sed '1d;$d' > "$T/drawing"
	rows=$(wc -l < "$T/drawing")
	cols=$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$T/drawing")
	if [ "$mode" = blocks ]; then
		grep -q "█" "$T/drawing" || fail "no half blocks"
		[ "$rows" -le 19 ] && [ "$cols" -le 37 ] || fail "too large for 80x24: ${cols}x$rows"
	else
		! grep -q "[^ #]" "$T/drawing" || fail "not ASCII: $(cat "$T/drawing")"
	fi
	[ "$(decode "$T/drawing")" = "$id" ] || fail "$mode: decoded '$(decode "$T/drawing")', not $id"
	grep -qF "If the phone cannot read it, type the code: $id" "$tr" || fail "the code is not also in text"
	rm -rf "$HOME/sscard"
done
cp "$T/qr.png" "$T/ascii.png"

# The engine: the longest reference that fits (version 3) still decodes; a longer one is refused.
ref="RCPT-2026-12-01-SHENZHEN-0000000001-ABCDEFGH"
"$HELPER" render "$ref" > "$T/drawing" || fail "render"
[ "$(wc -l < "$T/drawing")" -le 19 ] || fail "version 3 is taller than 19 lines"
[ "$(decode "$T/drawing")" = "$ref" ] || fail "long reference not decoded"
! "$HELPER" render "$ref$ref" > /dev/null 2>&1 || fail "a code too large for the screen was drawn"
echo "QR OK"
