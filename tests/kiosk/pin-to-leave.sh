#!/bin/sh
# pin-to-leave.sh -- sscard kiosk-pin makes a salted hash; leaving a kiosk takes the right PIN.
# The PIN has letters no hex digest holds, so "the PIN is not printed" cannot fail by chance.
. "$top_srcdir/tests/lib.sh"
export TERM=dumb XDG_RUNTIME_DIR="$T/run"
mkdir -p "$T/run" "$T/kit"
chmod 700 "$T/run"
printf '24kz68\n24kz68\n' | "$SSCARD" kiosk-pin > "$T/a" 2> "$T/err" || fail "kiosk-pin: $(cat "$T/err")"
printf '24kz68\n24kz68\n' | "$SSCARD" kiosk-pin > "$T/b" 2> /dev/null || fail "kiosk-pin again"
grep -q '^pin_hash = pbkdf2-sha256\$[0-9]*\$[0-9a-f]\{32\}\$[0-9a-f]\{64\}$' "$T/a" ||
	fail "not a hash line: $(cat "$T/a")"
! cmp -s "$T/a" "$T/b" || fail "the same PIN gave the same hash: no salt"
! grep -q 24kz68 "$T/a" || fail "the PIN itself is printed"
st=0; printf '24kz68\n2469\n' | "$SSCARD" kiosk-pin > /dev/null 2> "$T/err" || st=$?
[ $st -eq 1 ] && grep -q "differ" "$T/err" || fail "two different PINs accepted"
st=0; printf '12\n12\n' | "$SSCARD" kiosk-pin > /dev/null 2> "$T/err" || st=$?
[ $st -eq 1 ] && grep -q "4 to 32 characters" "$T/err" || fail "a short PIN accepted"
# One PIN rule for kiosk-pin and both front ends: what the curses field cannot type
# (a Tab, a control character, more than 32 characters) is refused here, with why.
for bad in "$(printf '24\t68')" "$(printf '24\03368')" "$(printf '%033d' 7)"; do
	st=0; printf '%s\n%s\n' "$bad" "$bad" | "$SSCARD" kiosk-pin > /dev/null 2> "$T/err" || st=$?
	[ $st -eq 1 ] && grep -q "PIN" "$T/err" || fail "kiosk-pin took a PIN no field can type: $(cat "$T/err")"
done
grep -q "no Tab" "$T/err" || grep -q "4 to 32" "$T/err" || fail "no reason given: $(cat "$T/err")"

printf '[kiosk]\nkit_dir = %s\n%s\n' "$T/kit" "$(cat "$T/a")" > "$T/kiosk.conf"
# A wrong PIN: the wizard goes on (and asks again); the right one leaves.
printf '\033\n3\n1111\n\033\n3\n24kz68\n' | "$SSCARD" --kiosk --config "$T/kiosk.conf" > "$T/out" 2>&1 &&
	st=0 || st=$?
[ $st -eq 3 ] || fail "status $st: $(cat "$T/out")"
grep -q "^!! .*That PIN is wrong. The wizard goes on." "$T/out" || fail "a wrong PIN was not refused"
[ "$(grep -c "Helper PIN" "$T/out")" -eq 2 ] || fail "not asked twice"
grep -q "PIN accepted." "$T/out" || fail "the right PIN was refused"
! grep -q "1111\|24kz68" "$T/out" || fail "a PIN was echoed"
# Only the wrong PIN: the kiosk does not let go (the input ends, status 3 without "accepted").
printf '\033\n3\n1111\n' | "$SSCARD" --kiosk --config "$T/kiosk.conf" > "$T/out" 2>&1 || true
! grep -q "PIN accepted." "$T/out" || fail "a wrong PIN let the helper out"
# Esc lets a citizen start again without the PIN: the answers are gone.
# (The name is typed, then "<" shows it as the default; after starting again it is not.)
printf '\n\n1\n张三\n<\n\033\n2\n\n\n1\n\033\n3\n24kz68\n' |
	"$SSCARD" --kiosk --config "$T/kiosk.conf" > "$T/out" 2>&1 || true
[ "$(grep -c "Step 1 of 8" "$T/out")" -eq 2 ] || fail "'Delete my answers and start again' did not start again"
[ "$(grep -c "Full name:" "$T/out")" -eq 3 ] || fail "the name was not asked again: $(cat "$T/out")"
[ "$(grep -c "default=张三" "$T/out")" -eq 1 ] || fail "the answers survived: $(grep default= "$T/out")"
# A kiosk records nothing a citizen types.
st=0; "$SSCARD" --kiosk --config "$T/kiosk.conf" --record "$T/rec" < /dev/null > "$T/out" 2>&1 || st=$?
[ $st -eq 2 ] && grep -q "no record" "$T/out" && [ ! -e "$T/rec" ] || fail "a kiosk recorded: $(cat "$T/out")"
# A kiosk without a kit_dir does not start.
st=0; "$SSCARD" --kiosk --plain < /dev/null > "$T/out" 2>&1 || st=$?
[ $st -eq 2 ] && grep -q "kit_dir" "$T/out" || fail "a kiosk without kit_dir started: $(cat "$T/out")"
# Nor in the curses wizard, and a bad key script is a usage error in plain mode too.
st=0; "$SSCARD" --kiosk --replay /dev/null < /dev/null > "$T/out" 2>&1 || st=$?
[ $st -eq 2 ] && grep -q "kit_dir" "$T/out" || fail "a curses kiosk without kit_dir started: $(cat "$T/out")"
printf '<Nope>' > "$T/bad.keys"
st=0; "$SSCARD" --plain --replay "$T/bad.keys" > "$T/out" 2>&1 || st=$?
[ $st -eq 2 ] || fail "a bad key script: status $st"
# Spaces, CJK and 32 characters are PINs; the curses field takes them (replayed here,
# typed in tmux by tests/kiosk/quit-pin.sh) and so does plain mode.
long=$(printf '%032d' 7)
export TERM=xterm-256color	# the curses wizard, replayed
for good in "24 六八" "$long"; do
	printf '%s\n%s\n' "$good" "$good" | "$SSCARD" kiosk-pin > "$T/good" 2> "$T/err" ||
		fail "kiosk-pin refused '$good': $(cat "$T/err")"
	printf '[kiosk]\nkit_dir = %s\n%s\n' "$T/kit" "$(cat "$T/good")" > "$T/good.conf"
	keys "<Esc><Tab>$good<Enter>"
	run_sscard --kiosk --config "$T/good.conf"
	assert_status 3
	st=0; printf '\033\n3\n%s\n' "$good" | TERM=dumb "$SSCARD" --kiosk --config "$T/good.conf" \
	    > "$T/out" 2>&1 || st=$?
	grep -q "PIN accepted." "$T/out" || fail "plain mode refused '$good': $(cat "$T/out")"
done
echo "kiosk PIN OK"
