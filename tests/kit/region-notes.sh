#!/bin/sh
# region-notes.sh -- each region fact true where it stands (domain.md §2, §4): a note
# under the channels it is about (Beijing's online hours and Guangzhou's online
# photo review never under a counter); "the same day (立等可取)" never beside a
# voucher for while the card is made; one wording of how long it takes on the
# channel step and in the next steps; the ID card a bank outlet asks for the same
# in the checklist and the steps; one national platform; Liaocheng's weak rules
# hedged, and warned about on the check step; Guangzhou's print sheet in its
# 小一寸 size (22x32 mm).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"

PYTHONPATH="$top_srcdir/tests/kit" python3 - <<'PY' || fail "region facts are not true where they stand"
from truth import *
ids = regions()
R = {r: i for i, r in enumerate(ids)}
online_only = {
    "beijing": "Online applications open from the 5th of each month to its end, 06:00-22:00.",
    "guangzhou": "The photo is reviewed in 1 to 5 working days; you receive a photo receipt number (相片回执号) by SMS.",
    "suzhou-ah": "After applying online, collect the card in person at the outlet you chose.",
}
same_day = "The same day: the outlet makes the card while you wait (立等可取)."
voucher_while_made = ("A receipt (回执单) and a replacement proof (补换卡证明): together they "
                      "serve as your medical voucher while the new card is made. Keep them to "
                      "collect the card.")
old_liaocheng = "The photo must be taken at a licensed ID-photo studio; glasses are not allowed."
liaocheng = ("A single weak source (a list copied between websites) says that Liaocheng "
             "takes only photos from a licensed ID-photo studio, without glasses; the "
             "national rules allow clear glasses you always wear. Ask your local office "
             "before you have the photo taken.")
national_platform = {"en": "国家政务服务平台", "es": "国家政务服务平台",
                     "zh_CN": "国家政务服务平台", "zh_TW": "國家政務服務平臺"}
other_platform = ("国家社会保险公共服务平台", "國家社會保險公共服務平台", "國家社會保險公共服務平臺")
p = Problems()
for lang in LANGS:
    label = tr(lang, "How long:")
    for r in range(len(ids)):
        for ch in CHANNELS:
            for lost in (0, 1):
                s = summary(lang, r, ch, lost)
                w = "%s %s channel %d lost %d" % (lang, ids[r], ch, lost)
                for region, note in online_only.items():
                    if r == R[region]:
                        p.check(has(s, tr(lang, note)) == (ch == 0),
                                w + ": the note %r under the wrong channel" % note[:30])
                if has(s, tr(lang, same_day)):
                    p.check(not has(s, tr(lang, voucher_while_made)),
                            w + ": the same day beside a voucher for while the card is made")
                # How long: the channel step's sentence is the next steps' sentence.
                times = set()
                lines = s.split("\n")
                for i, l in enumerate(lines):
                    if l.startswith(label):
                        t = l
                        for c in lines[i + 1:]:
                            if not c.startswith("  "):
                                break
                            t += c
                        times.add(flat(t))
                p.check(len(times) == 1, w + ": two wordings of how long it takes: %s" % times)
                if ch == 1:
                    p.check(has(s, tr(lang, "Your ID card (original)")) and
                            not has(s, tr(lang, "Your ID card, original and a photocopy")),
                            w + ": the bank outlet's ID card differs between checklist and steps")
                if ch == 0:
                    p.check(national_platform[lang] in s and
                            not any(o in s for o in other_platform),
                            w + ": not the one national platform")
                if r == R["liaocheng"]:
                    p.check(not has(s, tr(lang, old_liaocheng)) and has(s, tr(lang, liaocheng)),
                            w + ": Liaocheng's weak rules stated flatly")
exit(p.report())
PY

# The channel step: Beijing's online hours under Online, not under the bank outlet
# or the centre.
hours='Online applications open from the 5th of each month to its end, 06:00-22:00.'
for lang in en zh_CN zh_TW es; do
	keys "$(lang_keys "$lang")<Enter><Up><Right><Down><Down>"
	run_sscard
	python3 - "$T/shots" "$(tr_ "$lang" "$hours")" <<'PY' || fail "$lang: Beijing's online hours under the wrong channel"
import glob, re, sys
flat = lambda s: re.sub(r"\s+", "", s)
seen = {}
for f in sorted(glob.glob(sys.argv[1] + "/*-channel.txt")):
    rows = open(f, encoding="utf-8").read().split("\n")
    for c in range(3):
        if rows[3 + c].startswith(" >"):
            seen[c] = flat(sys.argv[2]) in flat("".join(rows))
ok = seen.get(0) is True and seen.get(1) is False
if not ok:
    print(seen)
sys.exit(0 if ok else 1)
PY
	rm -rf "$HOME" && mkdir -p "$HOME"
done

# Liaocheng: the check step warns about the studio, saying the source is weak.
LIAOCHENG=6
make_passing_photo "$T/photo.jpg"
studio='A single weak source says that this region takes only photos from a licensed ID-photo studio; sscard cannot tell where a photo was taken. Ask your local office, or have the photo taken at a studio.'
walk_keys en 1 $LIAOCHENG "$T/photo.jpg<Enter>" "" "<Esc>" > "$T/keys"
run_sscard
grep -q "WARN.*$(tr_ en 'Taken at a studio')\|$(tr_ en 'Taken at a studio')" "$(last_snap check)" ||
	{ cat "$(last_snap check)"; fail "the check step does not warn about Liaocheng's studio rule"; }
rm -rf "$HOME" && mkdir -p "$HOME"

# copy_width SHEET: the width in pixels of the copies on a print sheet, from the
# cut marks along its top edge (a grey line each side of every copy).
copy_width() {
	convert "$1" -crop 1200x1+0+3 -depth 8 txt:- | python3 -c '
import re, sys
xs = [int(m.group(1)) for m in (re.match(r"(\d+),\d+: \((\d+)", l) for l in sys.stdin) if m and int(m.group(2)) < 200]
runs = []
for x in xs:
    if runs and x - runs[-1][-1] <= 2:
        runs[-1].append(x)
    else:
        runs.append([x])
c = [sum(r) / len(r) for r in runs]
print(round(c[1] - c[0] - 1) if len(c) >= 2 else 0)'
}
# The print sheet: 26x32 mm copies (307 px at 300 dpi) by default, 22x32 mm (260 px) in Guangzhou.
GUANGZHOU=3
for r in 0 $GUANGZHOU; do
	walk_keys en 2 $r "$T/photo.jpg<Enter>" > "$T/keys"
	run_sscard
	assert_status 0
	d=$(kit_dir)
	w=$(copy_width "$d/print-sheet.jpg")
	want=$([ $r = 0 ] && echo 307 || echo 260)
	[ "$w" -ge $((want - 2)) ] && [ "$w" -le $((want + 2)) ] ||
		fail "region $r: copies $w px wide, not $want"
	[ $r = 0 ] || assert_summary "$d" "22x32"
	rm -rf "$HOME/sscard"
done
echo "region notes OK"
