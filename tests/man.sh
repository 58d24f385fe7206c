#!/bin/sh
# man.sh -- the manual pages are lint-clean and in step with --help and the key table.
. "$top_srcdir/tests/lib.sh"

need_tool mandoc
for page in "$top_srcdir/man/sscard.1" "$top_srcdir/man/sscard.conf.5"; do
	mandoc -Tlint -W warning "$page" > "$T/lint" 2>&1 || { cat "$T/lint" >&2; fail "$page is not lint-clean"; }
done

# Every long option of --help, every command and every key request is documented.
"$SSCARD" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u > "$T/options"
while read -r opt; do
	grep -qF -- "Fl \\-${opt#--}" "$top_srcdir/man/sscard.1" || fail "sscard.1 lacks $opt"
done < "$T/options"
"$SSCARD" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | sort -u > "$T/commands"
while read -r cmd; do
	grep -q "^\.It Cm $cmd" "$top_srcdir/man/sscard.1" || fail "sscard.1 lacks the command $cmd"
done < "$T/commands"
sed -n 's/^\t_([A-Z_]*,[[:space:]]*"\([^"]*\)".*/\1/p' "$top_srcdir/src/keys/request.h" > "$T/keys"
[ -s "$T/keys" ] || fail "no requests found in request.h"
while read -r k; do
	grep -qF "$k" "$top_srcdir/man/sscard.1" || fail "KEY BINDINGS lacks '$k'"
done < "$T/keys"
# Every exit status the program defines is documented.
for n in $(sed -n 's/.*= \([0-9]\),.*/\1/p' "$top_srcdir/src/lib/exitcode.h"); do
	grep -q "^\.It $n$" "$top_srcdir/man/sscard.1" || fail "EXIT STATUS lacks $n"
done
