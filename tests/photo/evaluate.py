#!/usr/bin/env python3
# evaluate.py -- runs `sscard check` and `sscard fix` on every labelled fixture of
# tests/photo/expected.tsv and compares with the labels.
#   evaluate.py assert SSCARD EXPECTED DIR WORK   exit 1 on a false pass (check or fix)
#                                                  or a photo that should be fixed and is not
#   evaluate.py table  SSCARD EXPECTED DIR WORK   print the per-check table and the fix results
import json
import os
import subprocess
import sys


def labels(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or line.startswith("file\t") or not line.strip():
            continue
        f, check, fix, checks = line.rstrip("\n").split("\t")
        per = {}
        if checks != "-":
            for kv in checks.split(","):
                k, v = kv.split("=")
                per[k] = v
        rows.append((f, check, fix, per))
    return rows


def run_check(sscard, photo):
    p = subprocess.run([sscard, "check", "--json", photo], capture_output=True, text=True)
    if not p.stdout:
        return p.returncode, None
    d = json.loads(p.stdout.splitlines()[0])
    return p.returncode, {c["id"]: c for c in d["checks"]}


def run_fix(sscard, photo, out):
    if os.path.exists(out):
        os.unlink(out)
    p = subprocess.run([sscard, "fix", photo, "-o", out], capture_output=True, text=True)
    reason = (p.stderr.strip().splitlines() or [""])[-1]
    return p.returncode, os.path.exists(out), reason


def main():
    mode, sscard, expected, folder, work = sys.argv[1:6]
    rows = labels(expected)
    bad = []
    table = {}
    fixes = []
    misses = []
    for f, want_check, want_fix, per in rows:
        photo = os.path.join(folder, f)
        # The canada and anybg sets' originals keep their own names, in their folders.
        if not os.path.exists(photo) and f.startswith("canada_") and len(f) == 15:
            photo = os.path.join(folder, "canada", f[7:])
        if not os.path.exists(photo) and f.startswith("anybg_"):
            photo = os.path.join(folder, "anybg", f[6:])
        if not os.path.exists(photo):
            bad.append("%s: missing" % photo)
            continue
        st, got = run_check(sscard, photo)
        if want_check == "fail" and st == 0:
            bad.append("%s: check passes a photo an office rejects" % f)
        for k, v in per.items():
            g = got[k]["verdict"] if got is not None and k in got else "fail"
            t = table.setdefault(k, [0, 0, 0])
            if v == "fail":
                col = 0 if g == "fail" else 1
            elif v == "warn":
                col = 0 if g == "warn" else 1 if g == "pass" else 2
            else:
                col = 0 if g != "fail" else 2
            t[col] += 1
            if col:
                misses.append("  %-12s %-11s %s: %s, expected %s" % (k,
                    "false pass" if col == 1 else "false fail", f, g, v))
        out = os.path.join(work, f + ".fixed.jpg")
        st, wrote, reason = run_fix(sscard, photo, out)
        if want_fix == "refuse":
            if st == 0:
                bad.append("%s: fix exits 0 for a photo an office rejects" % f)
            if wrote:
                bad.append("%s: fix refused but wrote %s" % (f, out))
            fixes.append((f, "refused" if st != 0 and not wrote else "WROTE", reason))
        else:
            ok = st == 0 and wrote and run_check(sscard, out)[0] == 0
            if wrote and not ok:
                bad.append("%s: wrote a photo that fails check" % f)
            elif not ok and want_fix == "pass":
                bad.append("%s: not fixed into a passing photo: %s" % (f, reason))
            fixes.append((f, "fixed, passes" if ok else
                "NOT FIXED" if want_fix == "pass" else "missed", reason if not ok else ""))
    if mode == "table":
        print("%-12s %6s %11s %11s" % ("check", "agree", "false pass", "false fail"))
        for k in sorted(table):
            a, fp, ff = table[k]
            print("%-12s %6d %11d %11d" % (k, a, fp, ff))
        print("\n".join(misses))
        print()
        print("fix results (%s):" % folder)
        for f, what, reason in fixes:
            short = reason.split(": ", 2)[-1] if reason else ""
            print("  %-56s %-14s %s" % (f, what, short[:80]))
        print()
    for b in bad:
        print("FAIL: " + b, file=sys.stderr)
    print("%d photos, %d disagreements with the labels that matter" % (len(rows), len(bad)))
    return 1 if bad else 0


sys.exit(main())
