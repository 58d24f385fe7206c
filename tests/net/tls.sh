# tls.sh -- certificates are checked, tokens are sent and never shown.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

make_ca
make_photo "$T/photo.jpg"
TOKEN=tok-3f9a7c1e5b

# An impostor: a self-signed certificate for the same address is refused
# before anything is sent, and the entry stays queued.
SRV_CERT="$T/bad"
start_server bad
SRV_CERT=
write_conf "$T/bad.conf" "$PORT"
id=$("$HELPER" "$T/outbox" "$T/photo.jpg" 1)
"$SSCARD" --config "$T/bad.conf" outbox flush >"$T/bad.out" 2>&1
expect "bad certificate: exit status" 1 "$?"
expect "bad certificate: state" queued "$(entry_state "$id")"
grep -qi "certificate" "$T/bad.out" || fail "bad certificate: no reason: $(cat "$T/bad.out")"
STATS_CA="$T/bad.pem"
expect "bad certificate: POSTs" 0 "$(stats "$PORT" 'len(s["posts"])')"
STATS_CA=
stop_server
rm -rf "$T/outbox"

# The real server, with a token.
start_server good --token "$TOKEN"
write_conf "$T/wrong.conf" "$PORT" "token = not-the-token"
id=$("$HELPER" "$T/outbox" "$T/photo.jpg" 1)
"$SSCARD" --config "$T/wrong.conf" outbox flush >"$T/wrong.out" 2>&1
expect "wrong token: exit status" 1 "$?"
expect "wrong token: state" queued "$(entry_state "$id")"
grep -q "token" "$T/wrong.out" || fail "wrong token: no advice: $(cat "$T/wrong.out")"
grep -q "not-the-token" "$T/wrong.out" "$T/outbox/$id/state.json" &&
    fail "wrong token: the token was shown or stored"
expect "wrong token: applications" 0 "$(stats "$PORT" 's["applications"]')"

# A token file others can read is refused, and says how to fix it.
printf '%s\n' "$TOKEN" >"$T/token"
chmod 644 "$T/token"
write_conf "$T/file.conf" "$PORT" "token_file = $T/token"
"$SSCARD" --config "$T/file.conf" outbox flush >"$T/open.out" 2>&1
expect "readable token file: exit status" 1 "$?"
grep -q "chmod 600" "$T/open.out" || fail "readable token file: $(cat "$T/open.out")"
grep -q "$TOKEN" "$T/open.out" && fail "readable token file: the token was shown"
expect "readable token file: POSTs" 1 "$(stats "$PORT" 'sum(s["posts"].values())')"

# Private token file, certificate from the test CA: accepted and sent.
chmod 600 "$T/token"
"$SSCARD" --config "$T/file.conf" outbox flush >"$T/good.out" 2>&1 ||
    fail "good certificate and token: $(cat "$T/good.out")"
expect "good: state" sent "$(entry_state "$id")"
expect "good: applications" 1 "$(stats "$PORT" 's["applications"]')"
grep -rq "$TOKEN" "$T/good.out" "$T/outbox" && fail "good: the token was shown or stored"

# insecure = yes: the impostor is accepted, and the command says so.
id2=$("$HELPER" "$T/outbox" "$T/photo.jpg" 1)
write_conf "$T/insecure.conf" "$PORT" "token = $TOKEN" "insecure = yes"
sed -i '/^ca_bundle/d' "$T/insecure.conf"
"$SSCARD" --config "$T/insecure.conf" outbox flush >"$T/insecure.out" 2>&1 ||
    fail "insecure: $(cat "$T/insecure.out")"
grep -q "NOT checked" "$T/insecure.out" || fail "insecure: no warning: $(cat "$T/insecure.out")"
expect "insecure: state" sent "$(entry_state "$id2")"

# Without a CA bundle the test CA is unknown: refused.
make_photo "$T/photo2.jpg"
id3=$("$HELPER" "$T/outbox" "$T/photo2.jpg" 1)
sed '/^ca_bundle/d' "$T/file.conf" >"$T/noca.conf"
"$SSCARD" --config "$T/noca.conf" outbox flush >"$T/noca.out" 2>&1
expect "unknown CA: exit status" 1 "$?"
expect "unknown CA: state" queued "$(entry_state "$id3")"
exit 0
