#!/bin/sh
# kiosk-eof.sh -- Ctrl-D (end of input) at a kiosk's terminal is a request to quit: it
# offers to go on, start again or leave with the helper's PIN, at every question, the
# PIN's too; only the PIN leaves.  With no terminal, input that ends for good wipes
# everything and ends with status 5, so a script without stdin still terminates.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/plain/lib-plain.sh"
kiosk_conf

cat > "$T/script" <<EOS
expect default=3>
ctrl D
expect Leave the kiosk (for the helper
ctrl D
expect default=3>
send
expect Region:
expect default=1>
ctrl D
expect Leave the kiosk (for the helper
send 1
expect default=1>
send
expect How will you apply?
expect default=1>
send
expect Full name:
send 张三
expect Whose card:
ctrl D
expect Leave the kiosk (for the helper
send 3
expect Helper PIN
ctrl D
expect Full name:
ctrl D
expect Leave the kiosk (for the helper
send 3
expect Helper PIN
send 2468
expect PIN accepted.
exit 3
EOS
pty "$T/pty.log" env TERM=dumb "$SSCARD" --kiosk --config "$T/kiosk.conf" ||
	{ cat "$T/pty.log" >&2; fail "Ctrl-D left the kiosk, or the PIN did not"; }
[ "$(grep -c "Leave the kiosk (for the helper" "$T/pty.log")" -eq 4 ] ||
	fail "not every Ctrl-D asked: $(cat "$T/pty.log")"
[ "$(grep -c "Helper PIN" "$T/pty.log")" -eq 2 ] || fail "the PIN was not asked twice"
grep -q "Everything typed here has been deleted." "$T/pty.log" || fail "no wipe before leaving"

# No terminal: the input ends for good; everything is wiped, then status 5.
st=0
printf '\n\n1\n张三\n' | "$SSCARD" --plain --kiosk --config "$T/kiosk.conf" > "$T/out" 2> "$T/err" || st=$?
[ $st -eq 5 ] || fail "status $st at the end of a kiosk's input: $(cat "$T/err")"
grep -q "Everything typed here has been deleted." "$T/out" || fail "no wipe: $(tail -5 "$T/out")"
grep -q "input ended" "$T/err" || fail "the end is not explained: $(cat "$T/err")"
[ -z "$(ls -A "$T/run")" ] || fail "the workspace outlived the end: $(ls -A "$T/run")"
! grep -rq "张三" "$T/run" "$T/kit" "$HOME" 2> /dev/null || fail "the name stayed behind"
echo "kiosk end of input OK"
