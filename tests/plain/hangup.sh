#!/bin/sh
# hangup.sh -- a dropped SSH session (SIGHUP) in plain mode keeps a draft; the next start
# offers it by masked name, resumes where it was and makes the kit of the same
# application (the checked photo the draft kept, byte for byte); the
# terminal is left sane after a signal, even one that comes while a PIN is typed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/plain/lib-plain.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"
unset XDG_STATE_HOME
"$SSCARD" fix "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" -o "$T/photo.jpg" > "$T/fix.out" 2>&1 ||
	fail "sscard fix could not make a passing photo: $(cat "$T/fix.out")"
drive() {
	pty "$T/pty.log" env TERM=dumb "$SSCARD" --plain "$@" || { cat "$T/pty.log" >&2; fail "pty run: $*"; }
}
draft="$HOME/.local/state/sscard/draft.json"

# First session: up to the photo check, then the line drops.
{ to_name 3; cat <<EOS; } > "$T/script"
send 张三丰
expect Whose card:
send
expect Type the numbers
ctrl C
send
expect Go on with the application
send 1
expect Type the numbers
send 1 3
expect Save the checklist
send
expect photo file
send $T/photo.jpg
expect Press Enter to go on.
hangup
exit -1
EOS
drive
[ -f "$draft" ] || fail "no draft after SIGHUP"
[ "$(mode_of "$draft")" = 600 ] && [ "$(mode_of "${draft%/*}")" = 700 ] || fail "draft not private"
[ "$(json "$draft" 'd["step"]')" = check ] || fail "draft step: $(json "$draft" 'd["step"]')"
[ -z "$(outbox_entries)" ] || fail "something was stored before the review"

# Second session: the offer shows the masked name only, then resumes at the check.
: > "$T/pty.log"
cat > "$T/script" <<EOS
expect 张**
send 1
expect Result: the photo meets the rules.
expect Press Enter to go on.
send
expect I agree: make my application kit
send 1
expect Kit folder:
send
expect Finish
send
exit 0
EOS
drive
sed -n "1,/Resume them/p" "$T/pty.log" > "$T/offer"
grep -q "张\*\*" "$T/offer" && ! grep -q "张三丰" "$T/offer" || fail "the offer must show the masked name only: $(cat "$T/offer")"
grep -q "Step 6 of 8: Photo check" "$T/pty.log" || fail "did not resume at the photo check"
! grep -q "Step 3 of 8" "$T/pty.log" || fail "asked the details again"
[ -z "$(outbox_entries)" ] || fail "an outbox entry without a card service"
k=$(kit_dir)
check_kit "$k" "$T/photo.jpg"
grep -q "Social security centre" "$k/summary.txt" || fail "the kit is not for the centre"
grep -q "^\[x\] .*" "$k/summary.txt" || fail "the ticks were lost: $(cat "$k/summary.txt")"
# Nothing but the folder's lock, an empty file.
[ ! -e "$draft" ] && [ -z "$(find "${draft%/*}" -type f ! \( -name draft.lock -empty \))" ] ||
	fail "the draft outlived the application: $(ls "${draft%/*}")"

# SIGTERM while the terminal's echo is off for a PIN: echo comes back.
kiosk_conf
cat > "$T/script" <<EOS
expect default=3>
send $(printf '\033')
expect Leave the kiosk (for the helper
signal TSTP
signal QUIT
send 3
expect Helper PIN
signal TERM
exit -15
sane
EOS
drive --kiosk --config "$T/kiosk.conf"
echo "hangup and resume OK"
