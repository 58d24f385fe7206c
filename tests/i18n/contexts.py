#!/usr/bin/env python3
"""contexts.py -- a msgid is not used in two senses without a context.

Reads a template made by xgettext (with C_:1c,2) and fails:
- when a word listed in ALWAYS_CONTEXT appears without a msgctxt: these words
  mean different things at different places ("none": a dpi not stated, or no
  ornament worn), and a translator who sees one msgid can give only one word;
- when a short value (at most three words, lower case, no placeholder) with no
  context is used in more than one source file, unless SAME_SENSE says why it
  means one thing everywhere.  Values of this shape in different files are
  where one msgid came to serve two rules.
Prints each finding.
"""
import re
import sys

ALWAYS_CONTEXT = {"none", "no", "yes", "open", "closed", "clear", "light", "dark",
                  "free", "empty", "not marked", "unknown"}

SAME_SENSE = {
    "not visible": "a check row's value: the part of the photo it looks at does not show",
    "not measured": "a check row's value: what the rule measures could not be measured",
    "rejected": "the state of an application the card service refused",
}

VALUE = re.compile(r"[a-z][a-z' -]*")


def entries(pot):
    for block in pot.split("\n\n"):
        ctx = re.search(r'^msgctxt "(.*)"$', block, re.M)
        mid = re.search(r'^msgid "(.*)"$', block, re.M)
        if not mid or mid.group(1) == "":
            continue
        files = set()
        for refs in re.findall(r"^#: (.*)$", block, re.M):
            files.update(r.rsplit(":", 1)[0] for r in refs.split())
        yield (ctx.group(1) if ctx else None), mid.group(1), files


def main(path):
    bad = []
    for ctx, mid, files in entries(open(path, encoding="utf-8").read()):
        if ctx is not None:
            continue
        if mid.lower() in ALWAYS_CONTEXT:
            bad.append("'%s' has no context (C_): it means different things; at %s"
                       % (mid, ", ".join(sorted(files))))
        elif (VALUE.fullmatch(mid) and len(mid.split()) <= 3 and len(files) > 1
              and mid not in SAME_SENSE):
            bad.append("'%s' is used in %s with no context: give each sense a C_ "
                       "context, or say in SAME_SENSE why it is one sense"
                       % (mid, " and ".join(sorted(files))))
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
