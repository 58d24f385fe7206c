# lib-kit.sh -- sourced by the kit tests after tests/lib.sh: passing photos made
# from the reduced portraits, a whole walk of the wizard, and checks of a kit.

need_tool identify

# This run's private folders go under $T/run, so a test sees all of them.
export XDG_RUNTIME_DIR="$T/run" TMPDIR="$T/tmp"
mkdir -p "$XDG_RUNTIME_DIR" "$TMPDIR"
chmod 700 "$XDG_RUNTIME_DIR"

IDNUM=11010519491231002X
DETAILS_SERVICE="张三<Tab>$IDNUM<Tab>13800138000<Enter><Enter>"

# lang_keys LANG: the welcome-screen keys that choose LANG (English is the default).
lang_keys() {
	case $1 in
	zh_CN) echo "<Up><Up>" ;;
	zh_TW) echo "<Up>" ;;
	es) echo "<Down>" ;;
	*) echo "" ;;
	esac
}

# channel_keys CHANNEL [REGION_INDEX]: on the channel screen, the region (Right
# from the first) and the channel (0 online, 1 bank, 2 centre), chosen with Enter.
channel_keys() {
	k="<Up>"
	i=0
	while [ $i -lt "${2:-0}" ]; do k="$k<Right>"; i=$((i + 1)); done
	i=0
	while [ $i -le "$1" ]; do k="$k<Down>"; i=$((i + 1)); done
	echo "$k<Enter>"
}

# walk_keys LANG CHANNEL REGION PHOTO_KEYS [MATERIALS_KEYS] [END]: a whole
# application; PHOTO_KEYS is what is typed on the photo step; END follows the
# review (default: save the kit, then finish). $DETAILS, when set, is typed on
# the details step instead of the name alone (a card service asks the numbers:
# $DETAILS_SERVICE).
walk_keys() {
	cat <<KEYS
$(lang_keys "$1")<Enter>
$(channel_keys "$2" "$3")
${DETAILS:-张三<Enter><Enter><Enter>}
${5:-<Space><Down><Space>}<F3>
$4<F3>
<Space><F3>
${6:-<Enter><Enter>}
KEYS
}

# kit_dir: the one kit folder under ~/sscard.
kit_dir() {
	n=$(find "$HOME/sscard" -mindepth 1 -maxdepth 1 -type d | wc -l)
	[ "$n" -eq 1 ] || fail "expected one kit folder in ~/sscard, found $n"
	find "$HOME/sscard" -mindepth 1 -maxdepth 1 -type d
}

# check_kit DIR PHOTO: the kit is private, its photo is PHOTO byte for byte,
# its sheet a 6-inch page at 300 dpi.
check_kit() {
	[ "$(mode_of "$1")" = 700 ] || fail "$1 is $(mode_of "$1"), not 700"
	for f in photo.jpg print-sheet.jpg summary.txt; do
		[ -f "$1/$f" ] || fail "no $f in the kit: $(ls "$1")"
		[ "$(mode_of "$1/$f")" = 600 ] || fail "$f is $(mode_of "$1/$f"), not 600"
	done
	[ "$(sha256sum < "$1/photo.jpg")" = "$(sha256sum < "$2")" ] ||
		fail "the kit's photo is not the checked photo"
	[ "$(identify -format '%w %h %x %y %U' "$1/print-sheet.jpg")" = \
	    "1200 1800 300 300 PixelsPerInch" ] ||
		fail "print sheet: $(identify -format '%w %h %x %y %U' "$1/print-sheet.jpg")"
	! grep -q "$IDNUM" "$1/summary.txt" || fail "the summary holds the ID number"
}

# term LANG WORD...: the words as LANG's catalog writes them (zh_TW in
# traditional characters; the others keep the Chinese names as they are).
term() {
	l=$1
	shift
	for w in "$@"; do
		if [ "$l" = zh_TW ]; then
			printf '%s\n' "$w" | sed -e 's/国家政务服务平台/國家政務服務平臺/' \
			    -e 's/电子社保卡/電子社保卡/' -e 's/支付宝/支付寶/' \
			    -e 's/社保卡信息变更/社保卡信息變更/' -e 's/回执单/回執單/' \
			    -e 's/补换卡证明/補換卡證明/' -e 's/手工报销/手工報銷/' -e 's/挂失/掛失/'
		else
			printf '%s\n' "$w"
		fi
	done
}

# assert_summary DIR TEXT...: summary.txt names every TEXT.
assert_summary() {
	d=$1
	shift
	for text in "$@"; do
		tr -d ' \n' < "$d/summary.txt" | grep -qF -- "$(printf '%s' "$text" | tr -d ' ')" ||
			{ cat "$d/summary.txt" >&2; fail "summary.txt does not name: $text"; }
	done
}

# leftovers: files under HOME and TMPDIR (and the runtime folder) that hold
# the ID number or the bytes of photo $1; prints them.
leftovers() {
	python3 - "$1" "$IDNUM" "$HOME" "$TMPDIR" "$XDG_RUNTIME_DIR" <<'PY'
import os, sys
photo = open(sys.argv[1], "rb").read()
# A stretch from the middle of the JPEG: any copy of the photo holds it.
probe = photo[len(photo) // 2:len(photo) // 2 + 256]
idnum = sys.argv[2].encode()
for top in sys.argv[3:]:
    for d, _, files in os.walk(top):
        for f in files:
            p = os.path.join(d, f)
            try:
                data = open(p, "rb").read()
            except OSError:
                continue
            if idnum in data or probe in data:
                print(p)
PY
}

# PAGE_KEYS: on the last step, save the kit, page through every next step, finish.
PAGE_KEYS="<Enter><End><End><End><End><End><End><End><End><Enter>"

# assert_steps_shown DIR LANG: every next step of DIR/summary.txt appeared
# whole, with its label, on some snapshot of the last step (at 80x24).
assert_steps_shown() {
	python3 - "$1/summary.txt" "$T/shots" "$(tr_ "$2" 'Next steps:')" <<'PY' ||
import glob, os, re, sys
summary, shots, heading = sys.argv[1:4]
def flat(s):
    return re.sub(r"\s+", "", s)
lines = open(summary, encoding="utf-8").read().split("\n")
# After the heading: a step per unindented line, its continuation indented.
steps = []
for l in lines[lines.index(heading) + 1:]:
    if not l:
        break
    if l.startswith("  "):
        steps[-1] += l
    else:
        steps.append(l)
screens = [flat("".join(open(p, encoding="utf-8").read().split("\n")[2:-3]))
           for p in sorted(glob.glob(os.path.join(shots, "*-receipt.txt")))]
missing = [s for s in steps if not any(flat(s) in sc for sc in screens)]
open(os.path.join(os.path.dirname(shots), "missing"), "w").write(
    "\n".join(missing) or "(no steps found)")
sys.exit(1 if missing or not steps else 0)
PY
		fail "next steps not shown whole at 80x24: $(cat "$T/missing")"
}
