#!/bin/sh
# print-fds.sh -- the print command inherits no open file of sscard: with --record writing the
# typed keys (the ID number among them) to a temporary file, the printer finds only its
# standard input, output and error open.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"
. "$top_srcdir/tests/kiosk/lib-print.sh"

# The printer lists its descriptors, and what each is, from a script file.
cat > "$T/fds-lp" <<EOS
#!/bin/sh
exec sh -c 'ls /proc/self/fd > "$T/fds"; ls -l /proc/self/fd > "$T/fds-long"'
EOS
chmod +x "$T/fds-lp"
print_conf "$T/fds-lp"
print_keys "<Esc>y"
run_sscard --config "$T/print.conf" --record "$T/recorded"
assert_status 3
[ -f "$T/fds" ] || fail "the print command did not run: $(cat "$T/err")"
# 0, 1 (the list itself), 2, and the folder ls reads the list from.
[ "$(sort -n "$T/fds" | tr '\n' ' ')" = "0 1 2 3 " ] ||
	fail "the print command inherits descriptors: $(cat "$T/fds-long")"
! grep -q "recorded" "$T/fds-long" || fail "the recording reaches the printer"
echo "print descriptors OK"
