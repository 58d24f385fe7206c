#!/bin/sh
# signals-plain.sh -- plain mode ends on SIGTERM, SIGHUP and SIGINT as the curses wizard does
# (signals.c): within 5 s, by the signal itself (a shell shows 143, 129, 130), its
# private folder wiped and --record's file removed, the draft kept on SIGTERM and SIGHUP and not on SIGINT, the
# terminal's modes given back.  Ctrl-C typed on the line asks to quit, as Esc does.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/plain/lib-plain.sh"
draft="$HOME/.local/state/sscard/draft.json"
# drive SIG STATUS: up to the question after the name, then the signal; what is typed is recorded.
drive() {
	rm -f "$draft" "$T/keys"
	: > "$T/pty.log"
	{ to_name; cat <<EOS; } > "$T/script"
send 张三
expect Whose card:
signal $1
exit $2 5
sane
EOS
	pty "$T/pty.log" env TERM=dumb "$SSCARD" --plain --record "$T/keys" ||
		{ cat "$T/pty.log" >&2; fail "SIG$1 did not end plain mode by the signal within 5 s"; }
	[ -z "$(ls -A "$T/run")" ] || fail "SIG$1 left the private folder: $(ls -A "$T/run")"
	[ -z "$(ls -A "$T" | grep keys)" ] || fail "SIG$1 left the recording: $(ls -A "$T")"
}
drive TERM -15
[ -f "$draft" ] || fail "no draft after SIGTERM"
drive HUP -1
[ -f "$draft" ] || fail "no draft after SIGHUP"
drive INT -2
[ ! -e "$draft" ] || fail "SIGINT kept a draft: it quits, as in the curses wizard"

# Ctrl-C typed at a question is not a signal: it asks first, and "Go on" goes on;
# SIGINT while it asks still quits without a draft.
rm -f "$draft"
{ to_name; cat <<EOS; } > "$T/script"
send 张三
expect Whose card:
ctrl C
send
expect Go on with the application
send 1
expect default=张三>
ctrl C
send
expect Go on with the application
signal INT
exit -2 5
EOS
: > "$T/pty.log"
pty "$T/pty.log" env TERM=dumb "$SSCARD" --plain || { cat "$T/pty.log" >&2; fail "Ctrl-C on the line"; }
[ ! -e "$draft" ] || fail "SIGINT at the quit question kept a draft"

# A kiosk too: SIGTERM ends it by the signal, everything wiped.
kiosk_conf
cat > "$T/script" <<EOS
expect default=3>
send
expect default=1>
signal TERM
exit -15 5
sane
EOS
: > "$T/pty.log"
pty "$T/pty.log" env TERM=dumb "$SSCARD" --plain --kiosk --config "$T/kiosk.conf" ||
	{ cat "$T/pty.log" >&2; fail "SIGTERM in a kiosk"; }
[ -z "$(ls -A "$T/run")" ] || fail "the kiosk's private folder stayed: $(ls -A "$T/run")"
grep -q "Everything typed here has been deleted." "$T/pty.log" || fail "no wipe in the kiosk"
echo "plain signals OK"
