#!/bin/sh
# quit-pin.sh -- a curses kiosk in a real terminal (tmux): a PIN typed into the quit box
# is gone after "Start again", after Esc and after the idle wipe, so the next person
# cannot leave with Esc, Tab, Enter; a PIN with a space and CJK is typed and leaves.
. "$top_srcdir/tests/lib.sh"
need_tool tmux
export XDG_RUNTIME_DIR="$T/run" TMPDIR="$T/tmp"
mkdir -p "$T/run" "$T/tmp" "$T/kit"
chmod 700 "$T/run"
. "$top_srcdir/tests/kit/lib-tmux.sh"

pin="24 六八"
printf '%s\n%s\n' "$pin" "$pin" | "$SSCARD" kiosk-pin > "$T/pin.line" 2> "$T/err" ||
	fail "kiosk-pin refused a PIN with a space and CJK: $(cat "$T/err")"
printf '[kiosk]\nidle_seconds = 3\nnotice_seconds = 1\nkit_dir = %s\n%s\n' \
    "$T/kit" "$(cat "$T/pin.line")" > "$T/k.conf"

# pin_typed: the quit box open, the right PIN typed into its field (not Enter).
pin_typed() {
	tm send-keys -t w Escape
	wait_for "Helper PIN:"
	tm send-keys -t w Tab
	tm send-keys -t w -l "$pin"
	wait_for "*****"
}

# next_person_tries: Esc, Tab, Enter must not leave: the empty PIN is wrong.
next_person_tries() {
	tm send-keys -t w Escape
	wait_for "Helper PIN:"
	tm send-keys -t w Tab Enter
	wait_for "That PIN is wrong."
	sleep 0.3
	[ ! -e "$T/exit" ] || fail "$1: the next person left the kiosk (status $(cat "$T/exit"))"
	tm send-keys -t w Escape	# closes the box
	sleep 0.3
}

tm_start "'$SSCARD' --kiosk --config '$T/k.conf'"
# Start again (Tab from the field to "Start again", Enter).
pin_typed
tm send-keys -t w Tab Enter
wait_for "Everything typed here has been deleted."
next_person_tries "after Start again"
# Esc closes the box with the PIN in it.
pin_typed
tm send-keys -t w Escape
sleep 0.3
next_person_tries "after Esc"
# Left alone with the PIN typed: the idle wipe.
pin_typed
wait_for "Nobody has typed anything for a while"
wait_for "Everything typed here has been deleted."
next_person_tries "after the idle wipe"
# The helper's PIN (a space and CJK) is typed in the field and leaves.
pin_typed
tm send-keys -t w Enter
tm wait-for done
[ "$(cat "$T/exit")" = 3 ] || fail "the helper's PIN did not leave: status $(cat "$T/exit")"
echo "kiosk quit box PIN OK"
