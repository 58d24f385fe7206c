# old-entry.sh -- outbox entries as sscard 0.1.0 wrote them are listed, and sent as they are stored.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

# Two entries queued by 0.1.0: one with its photo, one with a studio's receipt number.
with_photo=20261206-F866A74E
with_receipt=20261206-1A65787B
cp -R "$top_srcdir/tests/net/fixtures/outbox-0.1.0" "$T/outbox"
chmod -R u=rwX,go= "$T/outbox"

make_ca
start_server old
write_conf "$T/old.conf" "$PORT" "[outbox]" "keep_sent_days = 1"
"$SSCARD" --config "$T/old.conf" outbox list >"$T/list.out" 2>&1 || fail "list: $(cat "$T/list.out")"
grep -q "^$with_photo .*Bank outlet.* 1101\*\*\*\*\*\*\*\*\*\*002X .*queued" "$T/list.out" ||
    fail "list: $(cat "$T/list.out")"
grep -q "^$with_receipt .*Online.* 1101\*\*\*\*\*\*\*\*\*\*002X .*queued" "$T/list.out" ||
    fail "list: $(cat "$T/list.out")"

"$SSCARD" --config "$T/old.conf" outbox flush >"$T/flush.out" 2>&1 || fail "flush: $(cat "$T/flush.out")"
expect "protocol violations" "[]" "$(stats "$PORT" 's["bad"]')"
expect "applications" 2 "$(stats "$PORT" 's["applications"]')"
expect "photo part" "['photo', 'photo.jpg', 'image/jpeg']" \
    "$(stats "$PORT" "s['parts']['$(entry_key "$with_photo")']")"
expect "receipt number" "['photo_receipt', 'SZ-2026-0001', None]" \
    "$(stats "$PORT" "s['parts']['$(entry_key "$with_receipt")']")"
for id in "$with_photo" "$with_receipt"; do
	expect "$id: state" sent "$(entry_state "$id")"
	cmp -s "$T/outbox/$id/application.json" \
	    "$top_srcdir/tests/net/fixtures/outbox-0.1.0/$id/application.json" ||
	    fail "$id: application.json was rewritten"
done
exit 0
