# threads.sh -- the photo engine's result does not depend on how many threads share the
# work (SSCARD_THREADS): the same report, the same fixed file, byte for byte.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
TOOL="$top_builddir/tests/photo/phototool"
# The variable is honoured: the engine cuts its work into that many parts
# (at most 4); otherwise the comparison below would prove nothing.
for n in 1 2 3 4; do
	got=$(SSCARD_THREADS=$n "$TOOL" threads) || fail "phototool threads"
	[ "$got" = "$n" ] || fail "SSCARD_THREADS=$n: the work was cut into $got parts"
done
for photo in london_030_03.jpg canada_095m_white_m_darktop_frontal.jpg \
    lisa4_cc0_head_tilt_indoor.jpg if016_glasses_clear_man_frontal_darktop.jpg; do
	for n in 1 2 4; do
		SSCARD_THREADS=$n "$SSCARD" check --json "$PHOTOS/$photo" > "check.$n" 2>&1 || true
		SSCARD_THREADS=$n "$SSCARD" fix "$PHOTOS/$photo" -o "fixed.$n.jpg" > "fix.$n" 2>&1 || true
		sed "s|fixed\.$n\.jpg|OUT|g" "fix.$n" > "fix.$n.said"
	done
	grep -q '"id": *"face"' check.1 || fail "$photo: no report: $(cat check.1)"
	for n in 2 4; do
		cmp -s check.1 "check.$n" || fail "$photo: the report with $n threads differs from one thread's"
		cmp -s fix.1.said "fix.$n.said" || fail "$photo: fix says other things with $n threads"
		if [ -e fixed.1.jpg ] || [ -e "fixed.$n.jpg" ]; then
			cmp -s fixed.1.jpg "fixed.$n.jpg" ||
				fail "$photo: the fixed photo with $n threads differs from one thread's"
		fi
	done
	rm -f fixed.*.jpg
done
echo "the same with 1, 2 and 4 threads"
