#!/bin/sh
# print-timeout.sh -- a print command that hangs neither holds the wizard nor outlives it:
# [print] timeout_seconds stops it (and says so), and SIGTERM, SIGHUP or SIGINT to sscard end
# the wait at once, the command with it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"
. "$top_srcdir/tests/kiosk/lib-print.sh"

# The time limit: the printer is killed, the failure said, the wizard goes on.
rm -f "$T/printing"
print_conf "$T/hang-lp" "timeout_seconds = 2"
print_keys "<Esc>y"
start=$(date +%s)
run_sscard --config "$T/print.conf"
assert_status 3
[ $(($(date +%s) - start)) -lt 15 ] || fail "the time limit did not stop the printer"
gone "$(cat "$T/printing")" || fail "the print command outlives its time limit"
# The message may wrap: its words are found with the lines joined.
cat "$T/shots"/* | tr -s '\n ' '  ' | grep -q "did not finish within 2 seconds" ||
	fail "the time limit is not said: $(tail -5 "$T/shots/$(ls "$T/shots" | tail -n 2 | head -n 1)")"

# A signal ends the wait, and the printer, within a few seconds.
for sig in TERM:143 HUP:129 INT:130; do
	want=${sig#*:}
	sig=${sig%:*}
	kill_printing "$sig"
	[ "$status" -eq "$want" ] || fail "SIG$sig: status $status: $(cat "$T/err")"
	gone "$printer" || { kill -KILL "$printer"; fail "SIG$sig: the printer still runs"; }
done

# A bad time limit is said.
print_conf "$T/hang-lp" "timeout_seconds = 0"
print_keys "<Esc>y"
run_sscard --config "$T/print.conf"
grep -rq "timeout_seconds" "$T/shots" "$T/err" || fail "timeout_seconds = 0 accepted"
echo "print timeout OK"
