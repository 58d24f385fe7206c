# protocol.sh -- the protocol: parts, fields, headers, 409, listing, status queries.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

make_ca
make_photo "$T/photo.jpg"

# A regional service with other part names and extra static fields.
start_server fields --application-part antrag --photo-part bild
write_conf "$T/fields.conf" "$PORT" "application_part = antrag" "photo_part = bild" \
    "[form]" "office = 4401" "channel_code = SSC-PHOTO"
id=$("$HELPER" "$T/outbox" "$T/photo.jpg" 1)
key=$(entry_key "$id")
"$SSCARD" --config "$T/fields.conf" outbox flush >"$T/fields.out" 2>&1 ||
    fail "fields: $(cat "$T/fields.out")"
expect "fields: protocol violations" "[]" "$(stats "$PORT" 's["bad"]')"
expect "fields: form fields" "{'office': '4401', 'channel_code': 'SSC-PHOTO'}" \
    "$(stats "$PORT" "s['forms']['$key']")"
expect "fields: photo part" "['bild', 'photo.jpg', 'image/jpeg']" \
    "$(stats "$PORT" "s['parts']['$key']")"
expect "fields: User-Agent" "True" \
    "$(stats "$PORT" "all(a.startswith('sscard/') for a in s['agents'])")"
receipt=$(entry_receipt "$id")
stop_server

# 409: the service already has the application; its receipt is taken.
# (keep_sent_days keeps the entry whole, as a crash before the receipt was stored would.)
start_server dup
OUTBOX="$T/outbox2"
write_conf "$T/dup.conf" "$PORT" "[outbox]" "keep_sent_days = 30"
id=$("$HELPER" "$OUTBOX" "$T/photo.jpg" 1)
key=$(entry_key "$id")
"$SSCARD" --config "$T/dup.conf" outbox flush >"$T/dup1.out" 2>&1 || fail "409: first flush"
first=$(entry_receipt "$id")
rm "$T/outbox2/$id/state.json"	# as if the reply had been lost in a crash
"$SSCARD" --config "$T/dup.conf" outbox flush >"$T/dup2.out" 2>&1 ||
    fail "409: second flush: $(cat "$T/dup2.out")"
expect "409: state" sent "$(entry_state "$id")"
expect "409: receipt" "$first" "$(entry_receipt "$id")"
expect "409: POSTs" 2 "$(stats "$PORT" "s['posts']['$key']")"
expect "409: applications" 1 "$(stats "$PORT" 's["applications"]')"

# Status of an application, in the user's language; unknown and malformed.
"$SSCARD" --config "$T/dup.conf" status "$first" >"$T/st.out" 2>&1 ||
    fail "status: $(cat "$T/st.out")"
grep -q "being reviewed" "$T/st.out" || fail "status: $(cat "$T/st.out")"
grep -q "Your photo is being checked." "$T/st.out" || fail "status message: $(cat "$T/st.out")"
"$SSCARD" --lang zh_CN --config "$T/dup.conf" status "$first" >"$T/st-zh.out" 2>&1 ||
    fail "status zh_CN: $(cat "$T/st-zh.out")"
"$SSCARD" --config "$T/dup.conf" status R999999 >"$T/st404.out" 2>&1
expect "status of an unknown receipt: exit status" 1 "$?"
grep -q "R999999" "$T/st404.out" || fail "status 404: $(cat "$T/st404.out")"
"$SSCARD" --config "$T/dup.conf" status MALFORMED >"$T/stbad.out" 2>&1
expect "status with a malformed reply: exit status" 1 "$?"
grep -q "could not be read" "$T/stbad.out" || fail "status malformed: $(cat "$T/stbad.out")"
"$SSCARD" --config "$T/dup.conf" status '../x y' >"$T/stinj.out" 2>&1
expect "status with a bad receipt: exit status" 1 "$?"
stop_server

# The list: states and receipts, channel names (not ids), ID numbers masked.
"$SSCARD" --config "$T/dup.conf" outbox list >"$T/list.out" 2>&1 || fail "list"
grep -q "^$id .* Online .*1101\*\*\*\*\*\*\*\*\*\*002. .*sent .*$first" "$T/list.out" ||
    fail "list: $(cat "$T/list.out")"
grep -q "110105194912310" "$T/list.out" && fail "list shows a full ID number"

# Without a base_url, flush and status refuse and nothing changes.
printf '[outbox]\ndir = %s\n' "$T/outbox3" >"$T/none.conf"
id=$("$HELPER" "$T/outbox3" "$T/photo.jpg" 1)
"$SSCARD" --config "$T/none.conf" outbox flush >"$T/none.out" 2>&1
expect "no backend: flush exit status" 1 "$?"
grep -q "base_url" "$T/none.out" || fail "no backend: $(cat "$T/none.out")"
OUTBOX="$T/outbox3"
expect "no backend: state" queued "$(entry_state "$id")"

# Usage errors.
"$SSCARD" --config "$T/none.conf" outbox >/dev/null 2>&1
expect "outbox without a verb" 2 "$?"
"$SSCARD" --config "$T/none.conf" outbox list --all >/dev/null 2>&1
expect "outbox list --all" 2 "$?"
"$SSCARD" --config "$T/none.conf" status >/dev/null 2>&1
expect "status without a receipt" 2 "$?"
exit 0
