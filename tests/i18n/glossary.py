#!/usr/bin/env python3
"""glossary.py -- the catalogs follow locales/glossary.tsv.

Usage: glossary.py TOP_SRCDIR.  Checks, and prints every problem found:
  * no catalog contains a variant the glossary says to avoid;
  * every message whose English contains a glossary term renders it as the
    glossary says (a term kept verbatim in the translation, like a command or a
    JSON key, needs no rendering);
  * zh_TW has no Simplified character (OpenCC's s2t would change none);
  * zh_CN and zh_TW use full-width punctuation next to Chinese text;
  * the line breaker keeps every Chinese rendering of the glossary on one line.
"""
import os
import re
import subprocess
import sys

LANGS = ("zh_CN", "zh_TW", "es")
CJK = "\u3400-\u9fff\uf900-\ufaff"
# Characters that are the same in both scripts although s2t maps them.  核:
# s2t's phrase table turns 在核對 into 在覈對, but Traditional text writes 核對
# and 審核 with 核 (the zh-Hant seed page has 審核, 核定).
BOTH_SCRIPTS = set("台只核")


def parse_po(path):
    """[(msgid, msgstr)] of a catalog, header and obsolete entries left out."""
    entries, cur, field = [], None, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("msgid "):
            cur = ["", ""]
            entries.append(cur)
            field, line = 0, line[6:]
        elif line.startswith("msgstr "):
            field, line = 1, line[7:]
        elif not (line.startswith('"') and cur is not None):
            field = None
            continue
        if field is not None:
            cur[field] += eval(line)  # a C string literal, as xgettext writes it
    return [(i, s) for i, s in entries if i]


def parse_glossary(path):
    rows = []
    lines = [l for l in open(path, encoding="utf-8") if not l.startswith("#")]
    header = lines[0].rstrip("\n").split("\t")
    for n, line in enumerate(lines[1:], 2):
        cells = line.rstrip("\n").split("\t")
        if len(cells) != len(header):
            sys.exit("glossary.tsv: row %d has %d cells, not %d" % (n, len(cells), len(header)))
        row = dict(zip(header, cells))
        row["terms"] = [t.strip() for t in row["term"].split(" / ")]
        row["avoid"] = [a.strip() for a in row["avoid"].split(" ; ") if a.strip()]
        rows.append(row)
    return rows


def word(term):
    return re.compile(r"(?<![A-Za-z])" + re.escape(term) + r"(?![A-Za-z])")


def breaker_terms(path):
    text = open(path, encoding="utf-8").read()
    block = re.search(r"terms\[\] = \{(.*?)\};", text, re.S)
    if block is None:
        sys.exit("src/lib/text.c: no terms[] table")
    return set(re.findall(r'L"([^"]*)"', block.group(1)))


def s2t(texts):
    out = subprocess.run(["opencc", "-c", "s2t.json"], input="\n".join(texts),
                         capture_output=True, text=True, check=True).stdout
    return out.split("\n")


def main(top):
    rows = parse_glossary(os.path.join(top, "locales", "glossary.tsv"))
    cats = {l: parse_po(os.path.join(top, "locales", l + ".po")) for l in LANGS}
    problems = []

    for row in rows:
        for pattern in row["avoid"]:
            rx = re.compile(pattern)
            for lang in LANGS:
                for msgid, msgstr in cats[lang]:
                    if rx.search(msgstr):
                        problems.append("%s: avoid /%s/ (%s) in the translation of %r: %r"
                                        % (lang, pattern, row["term"], msgid, msgstr))

    # Longer terms first: "photo receipt number" is not also "photo".
    alts = sorted(((t, row) for row in rows for t in row["terms"]), key=lambda a: -len(a[0]))
    for lang in LANGS:
        for msgid, msgstr in cats[lang]:
            rest = msgid
            for term, row in alts:
                rx = word(term)
                if not rx.search(rest):
                    continue
                rest = rx.sub("\0", rest)
                if term in msgstr:
                    continue  # kept as it is: a command, a key or a placeholder
                want = [w.strip() for w in row[lang].split(" / ") if w.strip()]
                have = msgstr.lower() if lang == "es" else msgstr
                if want and not any((w.lower() if lang == "es" else w) in have for w in want):
                    problems.append("%s: %r (glossary: %s) is not rendered %r in %r"
                                    % (lang, msgid, term, want, msgstr))

    tw = [s for _, s in cats["zh_TW"]]
    for orig, conv in zip(tw, s2t([s.replace("\n", " ") for s in tw])):
        for a, b in zip(orig.replace("\n", " "), conv):
            if a != b and a not in BOTH_SCRIPTS:
                problems.append("zh_TW: Simplified character %s (Traditional %s) in %r" % (a, b, orig))
                break

    ascii_punct = re.compile("[%s][,;:]|[,;:] ?[%s]" % (CJK, CJK))
    for lang in ("zh_CN", "zh_TW"):
        for msgid, msgstr in cats[lang]:
            m = ascii_punct.search(msgstr)
            if m:
                problems.append("%s: ASCII punctuation %r in Chinese text: %r" % (lang, m.group(0), msgstr))

    kept = breaker_terms(os.path.join(top, "src", "lib", "text.c"))
    for row in rows:
        for lang in ("zh_CN", "zh_TW"):
            for t in (w.strip() for w in row[lang].split(" / ")):
                if len(t) >= 2 and re.fullmatch("[%s]+" % CJK, t) and t not in kept:
                    problems.append("src/lib/text.c: the glossary term %s (%s) is not in terms[]"
                                    % (t, lang))

    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
