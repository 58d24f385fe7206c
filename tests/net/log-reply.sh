#!/bin/sh
# log-reply.sh -- a card service's rejection that repeats the citizen's name, ID number and
# mobile number (written in groups) reaches the citizen in `sscard outbox list`, never the log:
# the log has the status code and a fixed description.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

make_ca
make_photo "$T/photo.jpg"
start_server echo --faults echo
write_conf "$T/log.conf" "$PORT" "[sscard]" "log = $T/logs/sscard.log"
mkdir -m 700 "$T/logs"
id=$("$HELPER" "$T/outbox" "$T/photo.jpg" 1) || fail "queue-helper failed"
"$SSCARD" --config "$T/log.conf" outbox flush >"$T/out" 2>&1
expect "echo: state" rejected "$(entry_state "$id")"
"$SSCARD" --config "$T/log.conf" outbox list >"$T/list.out" 2>&1
grep -q "already applied" "$T/list.out" || fail "the service's reason is not shown: $(cat "$T/list.out")"
grep -q "rejected $id after 1 tries: refused by the card service (HTTP 422)" "$T/logs/sscard.log" ||
	fail "no rejection line: $(cat "$T/logs/sscard.log")"
digits=$(tr -cd '0-9Xx\n' <"$T/logs/sscard.log")
for bad in 王小明 "already applied" 0013 1949; do
	! grep -q "$bad" "$T/logs/sscard.log" || fail "the log keeps '$bad': $(cat "$T/logs/sscard.log")"
done
! printf '%s\n' "$digits" | grep -q "110105194912310\|13800138000" ||
	fail "the log keeps a number: $(cat "$T/logs/sscard.log")"
echo "log of a reply OK"
