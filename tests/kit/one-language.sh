#!/bin/sh
# one-language.sh -- every text a citizen takes away is in the language chosen: no
# English inside Chinese or Spanish ("本地區自己的服務：the 广州人社 WeChat
# account → ..."), in summary.txt for every region, channel and card, and on the
# channel and last steps of the wizard; and a region's own service is one row of
# the next steps, not the same fact twice.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"

PYTHONPATH="$top_srcdir/tests/kit" python3 - <<'PY' || fail "English inside another language"
import re
from truth import *
# Words that are the same in every language: file names, the program, "[x]", "App",
# "U 盘", 人社便民e站.
KEEP = {"sscard", "x", "photo.jpg", "print-sheet.jpg", "summary.txt", "App", "APP",
        "U", "e", "SMS", "USB"}
ENGLISH = re.compile(r"\b(the|and|account|website|platform|online|government|service|"
                     r"services|region|Online|This)\b")
p = Problems()
for lang in ("zh_CN", "zh_TW", "es"):
    for r in range(len(regions())):
        for ch in CHANNELS:
            for lost in (0, 1):
                s = summary(lang, r, ch, lost)
                w = "%s region %d channel %d lost %d" % (lang, r, ch, lost)
                if lang.startswith("zh"):
                    words = set(re.findall(r"[A-Za-z][A-Za-z.-]*", s)) - KEEP
                    p.check(not words, w + ": English words %s" % sorted(words))
                else:
                    m = ENGLISH.findall(s)
                    p.check(not m, w + ": English words %s" % sorted(set(m)))
                n = sum(1 for l in s.split("\n") if l.startswith(tr(lang, "Your region:")))
                p.check(n <= 1, w + ": the region's own service in %d rows" % n)
exit(p.report())
PY

# The wizard in Chinese, Guangzhou, online: the channel step and every screen of the
# last step show no English word.
GUANGZHOU=3
make_passing_photo "$T/photo.jpg" canada_095m_white_m_darktop_frontal.jpg guangzhou
for lang in zh_CN zh_TW; do
	walk_keys "$lang" 0 $GUANGZHOU "$T/photo.jpg<Enter>" "" "$PAGE_KEYS" > "$T/keys"
	run_sscard
	assert_status 0
	python3 - "$T/shots" <<'PY' || fail "$lang: English on the channel or last step"
import glob, re, sys
KEEP = {"sscard", "x", "photo.jpg", "print-sheet.jpg", "summary.txt", "App", "APP",
        "U", "e", "SMS", "USB", "F1", "F2", "F3", "Esc", "Enter", "End", "Home", "Tab",
        "Ctrl-S", "QR"}
bad = {}
for f in sorted(glob.glob(sys.argv[1] + "/*-channel.txt") + glob.glob(sys.argv[1] + "/*-receipt.txt")):
    rows = open(f, encoding="utf-8").read().split("\n")
    # The body: not the kit folder's path.
    body = " ".join(l for l in rows[2:-3] if "/" not in l)
    words = set(re.findall(r"[A-Za-z][A-Za-z.-]*", body)) - KEEP
    if words:
        bad[f] = sorted(words)
for f, w in bad.items():
    print(f, w)
sys.exit(1 if bad else 0)
PY
	d=$(kit_dir)
	rm -rf "$HOME/sscard"
done
echo "one language OK"
