# retry.sh -- every failure a card service can show ends in exactly one application.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

make_ca
make_photo "$T/photo.jpg" 400000

# scenario NAME FAULTS POSTS [config lines]: one entry, one flush, sent
# exactly once although the server saw POSTS requests for it.
scenario() {
	name=$1 faults=$2 posts=$3
	shift 3
	OUTBOX="$T/ob-$name"
	start_server "$name" --faults "$faults" --slow 4
	write_conf "$T/$name.conf" "$PORT" "$@"
	id=$("$HELPER" "$OUTBOX" "$T/photo.jpg" 1) || fail "$name: queue-helper failed"
	key=$(entry_key "$id")
	"$SSCARD" --config "$T/$name.conf" outbox flush >"$T/$name.out" 2>"$T/$name.err"
	rc=$?
	[ $rc -eq 0 ] || fail "$name: flush exit status: expected 0, got $rc: $(cat "$T/$name.out" "$T/$name.err")"
	expect "$name: state" sent "$(entry_state "$id")"
	expect "$name: applications on the server" 1 "$(stats "$PORT" 's["applications"]')"
	expect "$name: POSTs for the key" "$posts" "$(stats "$PORT" "s['posts'].get('$key', 0)")"
	expect "$name: receipt" "$(stats "$PORT" "s['created']['$key']")" "$(entry_receipt "$id")"
	expect "$name: protocol violations" "[]" "$(stats "$PORT" 's["bad"]')"
	grep -q "sent; receipt R000001" "$T/$name.out" ||
	    fail "$name: no receipt in the output: $(cat "$T/$name.out")"
	stop_server
}

scenario success "" 1
scenario busy-429-503 429,503date 3
scenario error-500 500 2
scenario dropped-before-reply drop 2
scenario cut-mid-upload cut 1
scenario recorded-then-dropped recdrop 2
scenario malformed-reply malformed 2
scenario huge-reply huge 2
scenario slower-than-timeout slow 2 "timeout = 1"

# 422: rejected, kept with the server's reason, never sent again.
OUTBOX="$T/ob-rejected"
start_server rejected --faults 422
write_conf "$T/rej.conf" "$PORT"
id=$("$HELPER" "$OUTBOX" "$T/photo.jpg" 1)
"$SSCARD" --config "$T/rej.conf" outbox flush >"$T/rej.out" 2>&1
expect "422: exit status" 1 "$?"
expect "422: state" rejected "$(entry_state "$id")"
grep -q "The photo does not show a face." "$T/rej.out" ||
    fail "422: the server's reason is not shown: $(cat "$T/rej.out")"
"$SSCARD" --config "$T/rej.conf" outbox flush --all >"$T/rej2.out" 2>&1
expect "422: flush after rejection" 0 "$?"
expect "422: POSTs" 1 "$(stats "$PORT" 'sum(s["posts"].values())')"
"$SSCARD" --config "$T/rej.conf" outbox list >"$T/rej.list"
grep -q "rejected" "$T/rej.list" && grep -q "The photo does not show a face." "$T/rej.list" ||
    fail "422: outbox list: $(cat "$T/rej.list")"
[ -f "$OUTBOX/$id/photo.jpg" ] || fail "422: the rejected entry lost its photo"
stop_server

# Out of retries: the entry stays queued with the reason, and a later
# flush sends it; still one application.
OUTBOX="$T/ob-giveup"
start_server giveup --faults 500,500,500
write_conf "$T/giveup.conf" "$PORT" "retries = 1"
id=$("$HELPER" "$OUTBOX" "$T/photo.jpg" 1)
key=$(entry_key "$id")
"$SSCARD" --config "$T/giveup.conf" outbox flush >"$T/giveup.out" 2>&1
expect "give up: exit status" 1 "$?"
expect "give up: state" queued "$(entry_state "$id")"
grep -q "HTTP 500" "$T/giveup.out" || fail "give up: no reason: $(cat "$T/giveup.out")"
grep -q "sscard outbox flush" "$T/giveup.out" || fail "give up: no advice: $(cat "$T/giveup.out")"
"$SSCARD" --config "$T/giveup.conf" outbox flush --all >"$T/giveup2.out" 2>&1 ||
    fail "give up: second flush: $(cat "$T/giveup2.out")"
expect "give up: state after second flush" sent "$(entry_state "$id")"
expect "give up: POSTs" 4 "$(stats "$PORT" "s['posts']['$key']")"
expect "give up: applications" 1 "$(stats "$PORT" 's["applications"]')"
stop_server
exit 0
