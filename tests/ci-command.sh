#!/bin/sh
# ci-command.sh -- CI runs the command README gives a newcomer: the line after "Run every
# test" in README.md is, character for character, the last line of .ci/run.
. "$top_srcdir/tests/lib.sh"

readme=$(awk '/^Run every test/ { want = 1; next }
	want && /^    / { sub(/^    /, ""); print; exit }' "$top_srcdir/README.md")
[ -n "$readme" ] || fail "README.md gives no command after 'Run every test'"
ci=$(grep -v '^[[:space:]]*$' "$top_srcdir/.ci/run" | tail -n 1)
[ "$readme" = "$ci" ] || fail "CI's last command is not README's test command:
README: $readme
.ci/run: $ci"
echo "CI runs README's test command"
