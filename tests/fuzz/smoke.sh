#!/bin/sh
# smoke.sh -- every fuzz target on its seeds and thousands of mutations (under ASan in CI).
. "$top_srcdir/tests/lib.sh"
seeds="$top_srcdir/tests/fuzz/seeds"
smoke() {	# smoke TARGET SEED-PREFIX [ROUNDS]
	FUZZ_SMOKE_ROUNDS=${3:-3000} "$top_builddir/tests/fuzz/smoke-$1" "$seeds/$2"-* ||
		fail "$1 target"
}
smoke keyscript keys
smoke config config
smoke jpeg jpeg 500
smoke png png 500
smoke exif exif 1000
# Face detection per input: fewer rounds keep make check quick.
smoke check check 40
smoke cascade cascade 300
smoke reply reply
smoke answers answers
smoke term term
smoke picker-path picker-path
smoke log-mask logmask 20000
smoke print-split printsplit 20000
smoke draft draft
