#!/bin/sh
# send-to-service.sh -- plain mode with a card service: queued, then sent over TLS to a loopback
# server, progress as "... N%" text on one line, the service's receipt on the last step,
# and the kit offered there too.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"
export TERM=dumb
make_ca
"$SSCARD" fix "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" -o "$T/photo.jpg" > "$T/fix.out" 2>&1 ||
	fail "sscard fix could not make a passing photo: $(cat "$T/fix.out")"
start_server plain
write_conf "$T/p.conf" "$PORT"
keys "<Enter><Enter>1<Enter>王小明<Enter>11010519491231002X<Enter>13800138000<Enter><Enter><Enter>$T/photo.jpg<Enter><Enter>1<Enter>2<Enter><Enter>"
run_sscard --config "$T/p.conf"
assert_status 0
tr="$T/shots/transcript.txt"
grep -Eq '^\.\.\. [0-9]+%( \.\.\. [0-9]+0%)* \.\.\. 100%$' "$tr" ||
	fail "no progress line: $(grep -n '%' "$tr")"
grep -q "its receipt number: R000001" "$tr" || fail "no receipt from the card service: $(tail -20 "$tr")"
e=$(find "$T/outbox" -mindepth 1 -maxdepth 1 -type d ! -name '.*')
[ -n "$e" ] || fail "not queued first"
[ "$(json "$e/state.json" 'd["state"]')" = sent ] || fail "the entry is not marked sent"
check_kit "$(kit_dir)" "$T/photo.jpg"
echo "plain send OK"
