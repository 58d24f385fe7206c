#!/bin/sh
# wipe-screen.sh -- a kiosk's wipe in plain mode clears the terminal and its scrollback
# (terminfo clear and E3, as clear(1) does) before it says so, so the next citizen sees
# nothing of the previous one's answers; where nothing can be cleared (TERM=dumb,
# output to a pipe) nothing is sent and the message does not claim it was.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/plain/lib-plain.sh"
kiosk_conf
{ to_name; cat <<EOS; } > "$T/script"
send 张三
expect Whose card:
send $(printf '\033')
expect Leave the kiosk (for the helper
send 2
expect Step 1 of 8
expect default=3>
send $(printf '\033')
expect Leave the kiosk (for the helper
send 3
expect Helper PIN
send 2468
exit 3
EOS
# after LOG: what the terminal got after the name was taken (the next question).
after() {
	python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); i = d.rfind(b"Whose card:"); sys.stdout.buffer.write(d[i:] if i >= 0 else b"")' "$1"
}
drive() {
	: > "$T/pty.log"
	pty "$T/pty.log" env TERM="$1" "$SSCARD" --plain --kiosk --config "$T/kiosk.conf" ||
		{ cat "$T/pty.log" >&2; fail "TERM=$1: the wipe"; }
	after "$T/pty.log" > "$T/after"
	[ -s "$T/after" ] || fail "TERM=$1: the name was never taken"
}
esc=$(printf '\033')

drive xterm
python3 -c 'import sys; d = open(sys.argv[1], "rb").read()
i = d.find(b"\x1b[H\x1b[2J\x1b[3J")
j = d.find("The screen and the lines scrolled off it were cleared.".encode())
sys.exit(0 if 0 <= i < j else 1)' "$T/after" ||
	fail "TERM=xterm: no clear of the screen and scrollback before the message: $(od -c "$T/after" | head -20)"

drive dumb
! grep -q "$esc" "$T/after" || fail "TERM=dumb: control sequences sent: $(od -c "$T/after" | head)"
grep -q "could not be cleared" "$T/after" && ! grep -q "were cleared\|was cleared" "$T/after" ||
	fail "TERM=dumb: the message is not true: $(cat "$T/after")"

# Output to a pipe: nothing to clear, and it is not said to be.
printf '\n\n\n张三\n\033\n2\n' |
	TERM=xterm "$SSCARD" --plain --kiosk --config "$T/kiosk.conf" > "$T/out" 2>&1 || true
after "$T/out" > "$T/after"
grep -q "Everything typed here has been deleted." "$T/after" || fail "pipe: no wipe: $(cat "$T/out")"
! grep -q "$esc" "$T/after" || fail "pipe: control sequences sent"
grep -q "could not be cleared" "$T/after" && ! grep -q "were cleared\|was cleared" "$T/after" ||
	fail "pipe: the message is not true: $(cat "$T/after")"
echo "kiosk wipe clears the screen OK"
