#!/bin/sh
# qr-decodes.sh -- the QR code of the last step, read back from the transcript, drawn as an image
# and decoded with zbarimg: half blocks, and "##" without Unicode; it fits 80x24.  With no
# card service it holds what a helper or a counter can use, the kit's essentials (the
# channel, the region and what to bring, in the language chosen), never the name, ID
# number or phone number, and the screen says what it holds.
. "$top_srcdir/tests/lib.sh"
export TERM=dumb
command -v zbarimg > /dev/null || fail "zbarimg is missing (Debian package zbar-tools)"
QRHELPER="$top_builddir/tests/plain/qr-helper"
"$SSCARD" fix "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" -o "$T/photo.jpg" > "$T/fix.out" 2>&1 ||
	fail "sscard fix could not make a passing photo: $(cat "$T/fix.out")"

# decode DRAWING: what zbarimg reads in the drawing, made an image by the helper.
decode() {
	"$QRHELPER" pbm < "$1" > "$T/qr.pbm" || fail "qr-helper pbm"
	convert "$T/qr.pbm" "$T/qr.png" || fail "convert"
	zbarimg --raw -q "$T/qr.png"
}

# drawing TRANSCRIPT: the lines of the code (half blocks and spaces, or "#" and spaces).
drawing() {
	python3 - "$1" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
start = max(i for i, l in enumerate(lines) if re.search(r"=1> 2$", l))
code = []
# The quiet zone's lines are spaces: part of the code, as on the screen.
for l in lines[start + 1:]:
    if re.fullmatch(r"[ \u2580\u2584\u2588]+|[ #]+", l):
        code.append(l)
    elif code:
        break
print("\n".join(code))
PY
}

# Languages in plain mode: 1 中文简体, 3 English (the default).
for lang in en zh_CN; do
	n=$([ $lang = en ] && echo 3 || echo 1)
	for mode in blocks ascii; do
		rm -rf "$HOME" && mkdir -p "$HOME"
		keys "$n<Enter><Enter>2<Enter>张三<Enter><Enter><Enter><Enter>$T/photo.jpg<Enter><Enter>1<Enter><Enter>2<Enter>"
		run_sscard --graphics "$mode"
		assert_status 0
		tr="$T/shots/transcript.txt"
		drawing "$tr" > "$T/drawing"
		rows=$(wc -l < "$T/drawing")
		cols=$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$T/drawing")
		if [ "$mode" = blocks ]; then
			grep -q "█" "$T/drawing" || fail "no half blocks"
			[ "$rows" -le 23 ] && [ "$cols" -le 45 ] || fail "too large for 80x24: ${cols}x$rows"
		fi
		decode "$T/drawing" > "$T/decoded"
		# The bank outlet, what to bring there; nothing personal.
		for want in "$(tr_ $lang 'Bank outlet')" \
		    "$(tr_ $lang 'Bring:')" "$(tr_ $lang 'ID card (original)')" "$(tr_ $lang 'current card')" \
		    "$(tr_ $lang 'photo')"; do
			grep -qF -- "$want" "$T/decoded" || fail "$lang $mode: the code does not hold '$want': $(cat "$T/decoded")"
		done
		for secret in 张三 11010519491231002X 13800138000 1101; do
			! grep -qF -- "$secret" "$T/decoded" || fail "$lang $mode: the code holds $secret"
		done
		# Said in words before the code, and the same text after it.
		grep -qF "$(tr_ $lang 'The QR code holds the channel, the region you chose and what to bring, as in summary.txt; not your name, ID number or phone number.' | cut -c1-24)" "$tr" ||
			fail "$lang $mode: the screen does not say what the code holds"
		grep -qF "$(tr_ $lang 'If the phone cannot read it, the same text:')" "$tr" || fail "$lang $mode: the text is not also shown"
	done
done

# With a card service: the code holds the receipt number the service gave, and says so.
. "$top_srcdir/tests/net/lib-net.sh"
make_ca
start_server receipt
write_conf "$T/net.conf" "$PORT" "name = Test card service"
rm -rf "$HOME" && mkdir -p "$HOME"
keys "3<Enter><Enter>2<Enter>张三<Enter>11010519491231002X<Enter>13800138000<Enter><Enter><Enter>$T/photo.jpg<Enter><Enter>1<Enter><Enter>2<Enter>"
run_sscard --config "$T/net.conf"
assert_status 0
e=$(ls "$T/outbox")
receipt=$(json "$T/outbox/$e/state.json" 'd["receipt"]')
drawing "$T/shots/transcript.txt" > "$T/drawing"
[ "$(decode "$T/drawing")" = "$receipt" ] || fail "with a service: decoded '$(decode "$T/drawing")', not the receipt $receipt"
python3 -c 'import re, sys; f = lambda s: re.sub(r"\s+", "", s); sys.exit(f(sys.argv[2]) not in f(open(sys.argv[1], encoding="utf-8").read()))' \
    "$T/shots/transcript.txt" "$(tr_ en 'The QR code holds the receipt number of your application, %s, and nothing else.' | sed "s/%s/$receipt/")" ||
	fail "the screen does not say that the code holds the receipt"
stop_server

# Every region, channel and card in every language: the essentials fit 80x24 (45
# columns, 23 lines).  Where a studio's receipt number stands for the photo
# (Shenzhen, Guangzhou), one of 12 characters is in the code in English and Chinese;
# one of 30, or in the longer Spanish, may be left to summary.txt, never the rest.
PYTHONPATH="$top_srcdir/tests/kit" python3 - <<'PY' || fail "an application's QR code does not fit 80x24"
import subprocess
from truth import *
p = Problems()
ids = regions()
for lang in LANGS:
    for r, rid in enumerate(ids):
        for ch in CHANNELS:
            for lost in (0, 1):
                receipts = (None, "SZ20261201A8", "A" * 30) if rid in ("shenzhen", "guangzhou") else (None,)
                for receipt in receipts:
                    args = [HELPER, "qr", lang, str(r), str(ch), str(lost)] + ([receipt] if receipt else [])
                    out = subprocess.run(args, capture_output=True, text=True)
                    w = "%s %s channel %d lost %d receipt %s" % (lang, rid, ch, lost, receipt)
                    p.check(out.returncode == 0, w + ": " + out.stderr.strip())
                    if out.returncode:
                        continue
                    cols, rows = map(int, out.stdout.split("\n")[-2].split())
                    p.check(cols <= 45 and rows <= 23, w + ": %dx%d" % (cols, rows))
                    if receipt == "SZ20261201A8" and lang != "es":
                        p.check(receipt in out.stdout, w + ": the receipt number is not in the code")
exit(p.report())
PY

# The engine: the longest text that fits (version 6, level L: 134 bytes) decodes and
# fits 80x24; a longer one is refused.
text=$(python3 -c 'print("r" * 134)')
"$QRHELPER" render "$text" > "$T/drawing" || fail "render"
[ "$(wc -l < "$T/drawing")" -le 23 ] || fail "version 6 is taller than 23 lines"
[ "$(decode "$T/drawing")" = "$text" ] || fail "the longest text not decoded"
! "$QRHELPER" render "${text}rr" > /dev/null 2>&1 || fail "a code too large for the screen was drawn"
echo "QR OK"
