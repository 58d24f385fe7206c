#!/bin/sh
# facts.sh -- at 80x24, in every language, every fact of the region table for
# every region and channel appears whole on some screen of the channel step
# (long facts wrap; when they do not all fit, End shows the next one).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"

FACTS="$top_builddir/tests/kit/facts"
nregions=$("$FACTS" en | cut -f1 | sort -un | wc -l)
[ "$nregions" -gt 10 ] || fail "only $nregions regions"

for lang in en zh_CN zh_TW es; do
	"$FACTS" "$lang" > "$T/facts.$lang" || fail "facts $lang"
	r=0
	while [ $r -lt "$nregions" ]; do
		# Each channel in turn, with End pressed enough to page through it.
		k="$(lang_keys "$lang")<Enter><Up>"
		i=0
		while [ $i -lt $r ]; do k="$k<Right>"; i=$((i + 1)); done
		for c in 0 1 2; do k="$k<Down><End><End><End><End><End>"; done
		keys "$k"
		run_sscard
		assert_status 4
		python3 - "$T/facts.$lang" "$r" "$T/shots" <<'PY' || fail "$lang, region $r: $(cat "$T/missing")"
import glob, os, re, sys
facts, region, shots = sys.argv[1], sys.argv[2], sys.argv[3]
def flat(s):
    return re.sub(r"\s+", "", s)
# The screens of each channel: the one whose row holds the focus mark ">".
screens = {"0": [], "1": [], "2": []}
for p in sorted(glob.glob(os.path.join(shots, "*-channel.txt"))):
    lines = open(p, encoding="utf-8").read().split("\n")
    for c in screens:
        if lines[3 + int(c)].startswith(" >"):
            screens[c].append(flat("".join(lines[2:-3])))
missing = []
for line in open(facts, encoding="utf-8"):
    r, c, fact = line.rstrip("\n").split("\t", 2)
    if r == region and not any(flat(fact) in s for s in screens[c]):
        missing.append("channel %s: %s" % (c, fact))
open(os.path.join(os.path.dirname(shots), "missing"), "w").write("\n".join(missing))
sys.exit(1 if missing else 0)
PY
		r=$((r + 1))
	done
done
echo "every fact shown whole at 80x24"
