#!/bin/sh
# screens-per-language.sh -- every screen and overlay in zh_CN, zh_TW and es, as a reader of
# each language sees it: the help box and the quit box on each step, every
# region's facts, each outcome of the photo check (fixed, passing, warning,
# failing, unreadable), sending to a card service and the receipts, and a
# window too small.  No English message of the template where the catalog has a
# translation, no raw id, and lines that break where the language allows.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

command -v convert > /dev/null || fail "ImageMagick's convert is not installed"
CHECKER="$top_srcdir/tests/i18n/screens.py"
cd "$T" || exit 1

# The photos: a Canada portrait the check fails and the fix repairs; the same
# portrait fixed (it passes); a passing one with a grey background (a warning);
# one with a busy background that cannot be fixed; a file that is no photo.
cp "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" fixable.jpg
"$SSCARD" fix fixable.jpg -o pass.jpg > fix.out 2>&1 || fail "sscard fix: $(cat fix.out)"
convert pass.jpg -fuzz 3% -fill '#ececec' -opaque white -density 350 -units PixelsPerInch \
	-quality 85 warn.jpg || fail "ImageMagick could not make the grey background"
"$SSCARD" check warn.jpg > warn.out 2>&1 || fail "the grey photo does not pass with a warning: $(cat warn.out)"
grep -q "WARN" warn.out || fail "the grey photo has no warning: $(cat warn.out)"
cp "$PHOTOS/canada_053f_white_f_headband.jpg" unfixable.jpg
printf 'this is not a photo\n' > broken.jpg

# Ids that a citizen must never read: channels, regions, the rules of the check.
{
	printf '%s\n' online bank centre
	sed -n 's/^	{ "\([a-z-]*\)", N_(.*/\1/p' "$top_srcdir/src/model/region.c"
} > ids
"$SSCARD" check --json fixable.jpg > check.json
# Rules are named on the check screen once the checks carry a translated name.
if json check.json 'all("name" in c for c in d["checks"])' | grep -qx True; then
	json check.json '"\n".join(c["id"] + (":" if c["id"] == "dpi" else "") for c in d["checks"])' >> ids
else
	echo "NOTE: 'sscard check --json' gives rules no name yet; rule ids are not looked for" >&2
fi
[ "$(wc -l < ids)" -ge 14 ] || fail "too few ids to look for: $(cat ids)"

make_ca
start_server i18n
write_conf sent.conf "$PORT"
printf '[outbox]\ndir = %s\n' "$T/outbox-local" > local.conf

# walk LANG NAME CONF KEYS: replays KEYS in LANG with snapshots in NAME.LANG/.
walk() {
	printf '%s\n' "$4" > "$2.$1.keys"
	rm -rf "$2.$1"
	st=0
	"$SSCARD" --lang "$1" --config "$3" --replay "$2.$1.keys" --snapshot "$2.$1" \
	    > "$2.$1.out" 2> "$2.$1.err" || st=$?
}

# Up to the photo step: welcome (help, quit box, stay), channel CHANNEL_KEYS,
# details, materials, each with its help box; then the photo path.
# DETAILS: what is typed on the details step (the numbers only with a service).
DETAILS="张三<F3>"
to_photo() {
	printf '%s' "<F1><Esc><Esc><Enter><Enter><F1><Esc>$1"
	printf '%s' "<F1><Esc>$DETAILS"
	printf '%s' "<F1><Esc><Space><F3><F1><Esc>$2<F3>"
}
# Through every region (Right on the region row) to the online channel.
REGIONS="<Up><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right>"

for l in zh_CN zh_TW es; do
	# Online with a card service: the check fails, its rules are read one by
	# one, the fix repairs the photo, review, sending, the service's receipt.
	walk "$l" sent sent.conf "$(DETAILS="张三<Tab>11010519491231002X<Tab>13800138000<F3>"
	    to_photo "$REGIONS<Down><Down><Down><Up><Up><Enter>" "$T/fixable.jpg")<F1><Esc><Up><Up><Up><Up><Up><Enter><F3><F1><Esc><Space><F3><F1><Esc>"
	[ $st = 4 ] || fail "$l: the walk with a card service ended with $st: $(cat sent.$l.err)"
	ls "sent.$l" | grep -q -- '-submit.txt$' || fail "$l: no Sending step"
	grep -q "R[0-9]\{6\}" "$(ls sent.$l/*-receipt.txt | tail -n 1)" ||
		fail "$l: the receipt does not show the service's number"
	# No card service: the bank channel's receipt, and the online one's.
	walk "$l" bank local.conf "$(to_photo "<Down><Enter>" "$T/pass.jpg")<F3><Space><F3><F1><Esc>"
	[ $st = 4 ] || fail "$l: the bank walk ended with $st: $(cat bank.$l.err)"
	walk "$l" online local.conf "$(to_photo "<Enter>" "$T/pass.jpg")<F3><Space><F3>"
	ls "online.$l" | grep -q -- '-receipt.txt$' || fail "$l: the online walk has no receipt"
	# The other outcomes of the check, each with its help box; a file that is
	# no photo is refused on the photo step already.
	for p in warn unfixable broken; do
		walk "$l" "$p" local.conf "$(to_photo "<Enter>" "$T/$p.jpg")<F1><Esc><F3>"
	done
	for p in warn unfixable; do
		ls "$p.$l" | grep -q -- '-check.txt$' || fail "$l: no check screen for $p.jpg"
	done
	tail -n 4 "$(ls broken.$l/*-photo.txt | tail -n 1)" | grep -q "broken.jpg" ||
		fail "$l: the photo step does not say why broken.jpg is refused"
	# A window too small for the wizard.
	printf '' > small.keys
	COLUMNS=70 LINES=20 "$SSCARD" --lang "$l" --replay small.keys --snapshot "small.$l" \
	    > /dev/null 2>&1
	ls "small.$l" | grep -q -- '-too-small.txt$' || fail "$l: no too-small screen"

	# Every screen and overlay was seen.
	for s in welcome channel details materials photo check review submit receipt help quit too-small; do
		ls sent.$l bank.$l small.$l | grep -q -- "-$s.txt\$" || fail "$l: no snapshot of $s"
	done
	python3 "$CHECKER" "$top_srcdir" "$l" ids sent.$l bank.$l online.$l warn.$l \
	    unfixable.$l broken.$l small.$l > "problems.$l" ||
		{ head -n 40 "problems.$l" >&2; fail "$l: the screens are not what a reader of $l should see"; }
done
echo "screens in zh_CN, zh_TW and es OK"
