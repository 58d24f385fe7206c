#!/bin/sh
# summary-lines.sh -- summary.txt is broken into lines by the screens' own rules (src/lib/text.c):
# no line starts with closing punctuation (。，、：…) or is wider than 76 columns, in
# any language, region, channel or card; and the catalogs say one thing one way:
# zh_TW writes 平臺 (never 平台) and 才 (never 纔), and the print sheet is what a photo
# counter calls it, 6 寸排版照片 (never 打印相纸 or 打印页).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"

PYTHONPATH="$top_srcdir/tests/kit:$top_srcdir/tests/i18n" python3 - "$top_srcdir" <<'PY' || fail "summary.txt or the catalogs break the rules"
import sys, unicodedata
from truth import *
from glossary import parse_po
CLOSING = "。，、；：！？）」』”’》〉】〕］｝…·,.;:!?)]}"
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
p = Problems()
for lang in LANGS:
    for r in range(len(regions())):
        for ch in CHANNELS:
            for lost in (0, 1):
                for receipt in (None, "SZ20261201A8"):
                    s = summary(lang, r, ch, lost, receipt)
                    w = "%s region %d channel %d lost %d" % (lang, r, ch, lost)
                    for n, line in enumerate(s.split("\n"), 1):
                        t = line.lstrip(" ")
                        p.check(not (t and t[0] in CLOSING), "%s line %d starts with %r: %r" % (w, n, t[:1], line))
                        p.check(width(line) <= 76, "%s line %d is %d columns wide: %r" % (w, n, width(line), line))
top = sys.argv[1]
tw = parse_po(top + "/locales/zh_TW.po")
cn = parse_po(top + "/locales/zh_CN.po")
for i, s in tw:
    p.check("平台" not in s, "zh_TW: 平台 (not 平臺) in %r" % s)
    p.check("纔" not in s, "zh_TW: 纔 (not 才) in %r" % s)
    p.check("相紙" not in s and "打印頁" not in s, "zh_TW: the print sheet is not 排版照片 in %r" % s)
for i, s in cn:
    p.check("相纸" not in s and "打印页" not in s, "zh_CN: the print sheet is not 排版照片 in %r" % s)
for lang, cat in (("zh_CN", cn), ("zh_TW", tw)):
    for i, s in cat:
        if "print sheet" in i or "6-inch sheet" in i:
            p.check("排版" in s, "%s: the print sheet is not 排版照片 in %r" % (lang, s))
exit(p.report())
PY
echo "summary lines OK"
