#!/usr/bin/env python3
"""screens.py -- read snapshots of the wizard as a native reader of LANG would.

Usage: screens.py TOP_SRCDIR LANG IDS SNAPSHOT_DIR...
  IDS: a file of raw ids (one a line; "word:" means the id only before a colon,
  for an id that is also a unit, like dpi) that must never be shown.
Prints each problem and exits 1 if there is any:
  * an English message of the template shows where the catalog translates it;
  * a raw id shows;
  * a line ends with an opening bracket or starts with closing punctuation;
  * a wrapped line breaks inside a glossary term, between a number and its
    unit, or inside a Latin word.
"""
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from glossary import breaker_terms, parse_po  # noqa: E402

# ASCII [ ] are left out: they frame fields and buttons, not text.
OPENING = "（「『“‘《〈【〔("
CLOSING = "。，、；：！？）」』”’》〉】〕,.;:!?)"
UNITS = ("KB", "MB", "px", "dpi", "ppp", "mm", "yuan", "yuanes", "días", "元", "个", "個",
         "位", "项", "項", "步", "秒", "次", "份", "列", "欄", "行", "日", "月", "年", "天", "寸", "像素")
DIRECTIVE = re.compile(r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfgGcsp%]|%\.\*s|%lc")
PREVIEW = re.compile(r"^[\s:=+*#%@.\-]*$")


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def english_fragments(catalog):
    """Pieces of English that a translated screen must not show."""
    frags = set()
    for msgid, msgstr in catalog:
        if not msgstr or msgstr == msgid:
            continue
        for piece in DIRECTIVE.split(msgid):
            for part in piece.split("\n"):
                part = " ".join(part.split()).strip(" ,;:.()")
                if len(part) >= 10 and len(part.split()) >= 2 and part not in msgstr:
                    frags.add(part)
    return frags


def segments(line):
    """(column, text) of the pieces of a screen line: columns of text, box sides
    apart; text an overlay box cuts off (touching its side) is left out."""
    out = []
    for m in re.finditer(r"[^|]+", line):
        chunk, start = m.group(0), width(line[:m.start()])
        for p in re.finditer(r"\S+(?: {1,2}\S+)*", chunk):
            text = p.group(0)
            cut = (p.end() == len(chunk) and m.end() < len(line)) or (p.start() == 0 and m.start() > 0)
            if not PREVIEW.match(text) and not cut:
                out.append((start + width(chunk[:p.start()]), text))
    return out


def main(top, lang, ids_file, dirs):
    catalog = parse_po(os.path.join(top, "locales", lang + ".po"))
    frags = english_fragments(catalog)
    words = set()
    for _, msgstr in catalog:
        words.update(re.findall(r"[A-Za-zÀ-ÿ]+", msgstr))
    # The breaker's terms: every Chinese term of the glossary (glossary.py checks).
    terms = sorted(breaker_terms(os.path.join(top, "src", "lib", "text.c")), key=len, reverse=True)
    ids = [l.strip() for l in open(ids_file, encoding="utf-8") if l.strip()]
    problems = []

    for d in dirs:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".txt"):
                continue
            path = os.path.join(d, name)
            lines = open(path, encoding="utf-8").read().split("\n")
            flat = " ".join(" ".join(l.split()) for l in lines)
            where = "%s/%s" % (os.path.basename(d), name)
            for f in frags:
                probe = f if len(f) < 24 else f[:24]
                if f in flat or any(probe in l for l in lines):
                    problems.append("%s: English shows: %r" % (where, f))
            for i in ids:
                rx = re.escape(i[:-1]) + "[:：]" if i.endswith(":") else re.escape(i)
                if re.search(r"(?<![\w/.-])" + rx + r"(?![\w/.-])", flat):
                    problems.append("%s: raw id shows: %s" % (where, i.rstrip(":")))
            segs = [segments(l) for l in lines]
            for n, row in enumerate(segs):
                for col, text in row:
                    if text[-1] in OPENING:
                        problems.append("%s:%d: line ends with %s: %r" % (where, n + 1, text[-1], text))
                    if text[0] in CLOSING and not re.match(r"[.:]\w", text):
                        problems.append("%s:%d: line starts with %s: %r" % (where, n + 1, text[0], text))
                    below = [t for c, t in (segs[n + 1] if n + 1 < len(segs) else []) if c == col]
                    if below:
                        problems += joint(where, n + 1, text, below[0], terms, words)
    for p in problems:
        print(p)
    return 1 if problems else 0


def joint(where, n, a, b, terms, words):
    """Problems where a wrapped line a goes on with b."""
    out = []
    for t in terms:
        for k in range(1, len(t)):
            if a.endswith(t[:k]) and b.startswith(t[k:]):
                out.append("%s:%d: the term %s is split: %r / %r" % (where, n, t, a, b))
                break
    if a[-1].isdigit() and any(b.startswith(u) and (len(b) == len(u) or not b[len(u)].isalnum())
                               for u in UNITS):
        out.append("%s:%d: a number is split from its unit: %r / %r" % (where, n, a, b))
    ma, mb = re.search(r"([A-Za-zÀ-ÿ]+)$", a), re.match(r"([A-Za-zÀ-ÿ]+)", b)
    if ma and mb and " " in a:  # a word alone on a line may be wider than it
        left, right = ma.group(1), mb.group(1)
        if left + right in words and left not in words and right not in words:
            out.append("%s:%d: the word %s is split: %r / %r" % (where, n, left + right, a, b))
    return out


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
