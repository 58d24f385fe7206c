# sent-stubs.sh -- a sent entry keeps only a stub; a damaged entry is shown, never skipped.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

make_ca
make_photo "$T/photo.jpg"
start_server stubs
write_conf "$T/s.conf" "$PORT"

# Sent with the default keep_sent_days = 0: only the stub is left.
id=$("$HELPER" "$T/outbox" "$T/photo.jpg" 1)
"$SSCARD" --config "$T/s.conf" outbox flush >"$T/f.out" 2>&1 || fail "flush: $(cat "$T/f.out")"
expect "stub: files" "lock state.json" "$(ls "$T/outbox/$id" | tr '\n' ' ' | sed 's/ $//')"
expect "stub: state" sent "$(json "$T/outbox/$id/state.json" 'd["state"]')"
expect "stub: receipt" R000001 "$(json "$T/outbox/$id/state.json" 'd["receipt"]')"
expect "stub: date" "${id%%-*}" "$(json "$T/outbox/$id/state.json" 'd["created"][:10].replace("-", "")')"
grep -q "王小明\|1101051949\|13800138000" "$T/outbox/$id/state.json" && fail "stub: personal data kept"
"$SSCARD" --config "$T/s.conf" outbox list >"$T/l.out" 2>&1 || fail "list of a stub: $(cat "$T/l.out")"
grep -q "^$id .*sent .*R000001" "$T/l.out" || fail "list of a stub: $(cat "$T/l.out")"

# keep_sent_days = 2: the whole entry stays until two days after sending.
write_conf "$T/k.conf" "$PORT" "[outbox]" "keep_sent_days = 2"
id=$("$HELPER" "$T/outbox" "$T/photo.jpg" 1)
"$SSCARD" --config "$T/k.conf" outbox flush >"$T/k.out" 2>&1 || fail "keep: $(cat "$T/k.out")"
[ -f "$T/outbox/$id/application.json" ] && [ -f "$T/outbox/$id/photo.jpg" ] ||
    fail "keep_sent_days = 2: the entry was stripped at once"
"$SSCARD" --config "$T/k.conf" outbox list >"$T/k.list" 2>&1 || fail "keep: list"
grep -q "^$id .*1101\*\*\*\*\*\*\*\*\*\*002. .*sent" "$T/k.list" || fail "keep: list: $(cat "$T/k.list")"
[ -f "$T/outbox/$id/application.json" ] || fail "keep: list stripped a young entry"
python3 - "$T/outbox/$id/state.json" <<'PY'
import json, sys, time
d = json.load(open(sys.argv[1]))
d["sent"] = int(time.time()) - 3 * 86400
json.dump(d, open(sys.argv[1], "w"))
PY
"$SSCARD" --config "$T/k.conf" outbox list >"$T/k2.list" 2>&1 || fail "keep: second list"
[ -f "$T/outbox/$id/application.json" ] && fail "keep: an entry sent 3 days ago was kept"
[ -f "$T/outbox/$id/photo.jpg" ] && fail "keep: the photo of an entry sent 3 days ago was kept"
grep -q "^$id .*sent .*R000002" "$T/k2.list" || fail "keep: stub list: $(cat "$T/k2.list")"

# A damaged application.json: listed as damaged with line and column (never
# its contents), and both list and flush exit non-zero.
id=$("$HELPER" "$T/outbox" "$T/photo.jpg" 1)
printf '{"name": "王小明", "id_number": 11010519491231002X,' >"$T/outbox/$id/application.json"
"$SSCARD" --config "$T/s.conf" outbox list >"$T/d.out" 2>&1
expect "damaged: list exit status" 1 "$?"
grep -q "^$id .*damaged" "$T/d.out" || fail "damaged: not listed: $(cat "$T/d.out")"
grep -q "line 1, column" "$T/d.out" || fail "damaged: no reason: $(cat "$T/d.out")"
grep -q "王小明\|11010519491231002" "$T/d.out" && fail "damaged: the reason quotes the file: $(cat "$T/d.out")"
"$SSCARD" --config "$T/s.conf" outbox flush >"$T/d2.out" 2>&1
expect "damaged: flush exit status" 1 "$?"
grep -q "$id: damaged" "$T/d2.out" || fail "damaged: flush: $(cat "$T/d2.out")"
expect "damaged: POSTs" 2 "$(stats "$PORT" 'sum(s["posts"].values())')"
stop_server
exit 0
