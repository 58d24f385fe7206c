#!/bin/sh
# smoke.sh -- every fuzz target on its seeds and thousands of mutations (under ASan in CI).
. "$top_srcdir/tests/lib.sh"
"$top_builddir/tests/fuzz/smoke-keyscript" "$top_srcdir"/tests/fuzz/seeds/keys-* || fail "keyscript target"
"$top_builddir/tests/fuzz/smoke-config" "$top_srcdir"/tests/fuzz/seeds/config-* || fail "config target"
