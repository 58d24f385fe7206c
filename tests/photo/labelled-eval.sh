# labelled-eval.sh -- the labelled fixtures (tests/photo/expected.tsv): no photo an office rejects
# passes `sscard check` or comes out of `sscard fix` with status 0 (nor is any file
# written for it), and the dark-top near-pass portrait is fixed into a passing photo.
. "$top_srcdir/tests/lib.sh"
mkdir "$T/reduced"
python3 "$top_srcdir/tests/photo/evaluate.py" assert "$SSCARD" \
    "$top_srcdir/tests/photo/expected.tsv" "$PHOTOS" "$T/reduced" || fail "reduced copies"
if shared_photos; then
	mkdir "$T/originals"
	python3 "$top_srcdir/tests/photo/evaluate.py" assert "$SSCARD" \
	    "$top_srcdir/tests/photo/expected.tsv" "$ORIGINALS" "$T/originals" ||
		fail "originals"
fi
echo "evaluation OK"
