# service-text.sh -- what a card service says cannot stall a flush, reach the
# terminal as control sequences, or become a path in a later request.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

make_ca
make_photo "$T/photo.jpg"

# timed_flush WHAT CONF OUT STATUS SECONDS: one flush (killed after a minute)
# must end with STATUS in less than SECONDS.
timed_flush() {
	start=$(date +%s)
	timeout 60 "$SSCARD" --config "$2" outbox flush >"$3" 2>&1
	expect "$1: exit status" "$4" "$?"
	took=$(($(date +%s) - start))
	[ "$took" -lt "$5" ] || fail "$1: the flush waited $took s"
}

# Retry-After of a day: honoured only up to backoff_max, so the flush ends soon.
OUTBOX="$T/ob-ra"
start_server ra --faults "503:86400"
write_conf "$T/ra.conf" "$PORT"
id=$("$HELPER" "$OUTBOX" "$T/photo.jpg" 1)
timed_flush "Retry-After 86400" "$T/ra.conf" "$T/ra.out" 0 20
expect "Retry-After 86400: state" sent "$(entry_state "$id")"
stop_server

# A retry that would start after the run's deadline is left for the next
# run: the entry stays queued and the flush says so with a non-zero status.
OUTBOX="$T/ob-deadline"
start_server deadline --faults "503:30,503:30"
write_conf "$T/dl.conf" "$PORT" "backoff_max = 60000" "run_timeout = 2"
id=$("$HELPER" "$OUTBOX" "$T/photo.jpg" 1)
timed_flush "past the deadline" "$T/dl.conf" "$T/dl.out" 1 15
expect "past the deadline: state" queued "$(entry_state "$id")"
grep -q "busy" "$T/dl.out" || fail "past the deadline: no reason: $(cat "$T/dl.out")"
# Not due yet: this flush sends nothing, and says the entry is still queued.
"$SSCARD" --config "$T/dl.conf" outbox flush >"$T/dl2.out" 2>&1
expect "flush with an entry not yet due: exit status" 1 "$?"
grep -q "still queued, not sent" "$T/dl2.out" || fail "not due: $(cat "$T/dl2.out")"
expect "not due: POSTs" 1 "$(stats "$PORT" 'sum(s["posts"].values())')"
stop_server

# C1 controls (U+009B is CSI) and bidi overrides never reach the terminal or state.json.
OUTBOX="$T/ob-c1"
start_server c1 --faults c1reason
write_conf "$T/c1.conf" "$PORT"
id=$("$HELPER" "$OUTBOX" "$T/photo.jpg" 1)
"$SSCARD" --config "$T/c1.conf" outbox flush >"$T/c1.out" 2>&1
expect "C1 reason: exit status" 1 "$?"
expect "C1 reason: state" rejected "$(entry_state "$id")"
"$SSCARD" --config "$T/c1.conf" outbox list >>"$T/c1.out" 2>&1
for f in "$T/c1.out" "$OUTBOX/$id/state.json"; do
	python3 - "$f" <<'PY' || fail "C1 reason: $f holds a control or bidi character: $(cat "$f")"
import json, sys
raw = open(sys.argv[1], "rb").read()
text = raw.decode("utf-8")
if sys.argv[1].endswith(".json"):
    text = json.loads(text)["reason"]
bad = [c for c in text if 0x80 <= ord(c) <= 0x9f or 0x202a <= ord(c) <= 0x202e
       or 0x2066 <= ord(c) <= 0x2069]
sys.exit(1 if bad or "refused" not in text else 0)
PY
done
stop_server

# A receipt of ".." is not taken (the next try gets the real one), and
# `sscard status ..` sends nothing, so GET / never goes out with the token.
OUTBOX="$T/ob-dots"
start_server dots --faults dotreceipt --token s3cret
write_conf "$T/dots.conf" "$PORT" "token = s3cret"
id=$("$HELPER" "$OUTBOX" "$T/photo.jpg" 1)
"$SSCARD" --config "$T/dots.conf" outbox flush >"$T/dots.out" 2>&1 ||
    fail "dot receipt: $(cat "$T/dots.out")"
expect "dot receipt: state" sent "$(entry_state "$id")"
expect "dot receipt: receipt" R000001 "$(entry_receipt "$id")"
for r in .. . ... 'a/b' 'a\b'; do
	"$SSCARD" --config "$T/dots.conf" status "$r" >"$T/st.out" 2>&1
	expect "status '$r': exit status" 1 "$?"
done
expect "status of bad receipts: GETs" "[]" "$(stats "$PORT" 's["gets"]')"
stop_server
exit 0
