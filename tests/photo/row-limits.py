#!/usr/bin/env python3
"""row-limits.py -- a check row never contradicts its own figures.

Reads `sscard check --json` lines (LANG=C) on stdin.  For every row with a
numeric limit it works out from the printed value and the printed expected
window whether the value is inside: inside must pass (an estimate may warn,
its value says so), outside must not pass.  Prints each contradiction.
"""
import json
import re
import sys

NUM = r"(-?\d+(?:\.\d+)?)"


def nums(text):
    return [float(x) for x in re.findall(NUM, text)]


def window(text):
    """'a-b', '<= b', '>= a' or '±b' in text, as (lo, hi)."""
    m = re.search(NUM + "-" + NUM, text)
    if m:
        return float(m.group(1)), float(m.group(2))
    m = re.search(r"(<=|>=|±)\s*" + NUM, text)
    if not m:
        return None
    x = float(m.group(2))
    return {"<=": (float("-inf"), x), ">=": (x, float("inf")), "±": (-x, x)}[m.group(1)]


def part(text, label):
    """The comma-separated part of text that starts with label."""
    for p in text.split(", "):
        if p.startswith(label):
            return p
    return None


def inside_pose(value, expected, figures):
    """The turn against its printed limit; the chin's words against the
    nostrils' place and window that --json gives as figures."""
    ok = True
    turn = re.search(r"turned about " + NUM, value)
    if turn:
        lo, hi = window(expected.split(", ")[0])
        ok &= lo <= float(turn.group(1)) <= hi
    nose = re.search(r"nose at " + NUM + r" of eyes to mouth \(" + NUM + "-" + NUM,
                     figures or "")
    level = "chin level" in value
    if nose:
        q, lo, hi = (float(x) for x in nose.groups())
        if level != (lo <= q <= hi):
            return False
        ok &= level
    elif "chin" in value:
        return False    # words with no figures behind them
    return ok


def inside_parts(value, expected):
    """Labelled parts: 'mean 85, dark 19%' against 'mean 60-235, dark <= 10%'."""
    ok = True
    for p in expected.split(", "):
        label = p.split(" ")[0]
        lo, hi = window(p[len(label):])
        ok &= lo <= nums(part(value, label))[0] <= hi
    return ok


def inside_one(value, expected):
    if "bytes" in value or "bytes" in expected:
        assert "bytes" in value and "bytes" in expected, (value, expected)
    if re.fullmatch(r"\d+x\d+", expected):
        return value == expected
    if re.fullmatch(r"\d+", expected):
        return value == expected
    lo, hi = window(expected)
    return lo <= nums(value)[0] <= hi


def inside(c):
    if c["id"] == "pose":
        return inside_pose(c["value"], c["expected"], c.get("figures"))
    if c["id"] == "exposure":
        return inside_parts(c["value"], c["expected"])
    return inside_one(c["value"], c["expected"])


NUMERIC = {"pixels", "dpi", "filesize", "resolution", "face_width", "crown",
           "eye_line", "centring", "tilt", "pose", "exposure", "lighting", "sharpness"}


def main():
    bad = 0
    for line in sys.stdin:
        d = json.loads(line)
        for c in d["checks"]:
            if c["id"] not in NUMERIC or c["value"] in ("-", "not measured", "none"):
                continue
            if not nums(c["value"]) and c["id"] != "pose":
                continue
            estimated = "estimated" in c["value"]
            ok = inside(c)
            if (ok and c["verdict"] != "pass" and not estimated) or \
               (not ok and c["verdict"] == "pass"):
                print("%s: %s %s: value %s, expected %s" % (d["file"], c["id"],
                      c["verdict"].upper(), c["value"], c["expected"]))
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
