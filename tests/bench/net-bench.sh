# net-bench.sh -- flush 1000 queued applications to a loopback HTTPS card
# service, against a shell loop sending the same entries with one `curl -F`
# process each.  Prints both times and the ratio (target: at least 10x).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

N=${NET_BENCH_N:-1000}
command -v curl >/dev/null 2>&1 || { echo "SKIP: curl is not installed" >&2; exit 77; }
make_ca
make_photo "$T/photo.jpg" 24000	# the size of a typical ID photo
"$HELPER" "$T/outbox" "$T/photo.jpg" "$N" >"$T/ids" || fail "queue-helper failed"
python3 -c '
import json, sys
for line in sys.stdin:
    i = line.strip()
    a = json.load(open("%s/%s/application.json" % (sys.argv[1], i)))
    print(i, a["idempotency_key"])
' "$T/outbox" <"$T/ids" >"$T/keys"
now() { date +%s.%N; }

# The shell loop: one curl process, one connection, one TLS handshake per entry.
start_server curl-loop
t0=$(now)
while read -r id key; do
	curl -sS -o /dev/null -w '%{http_code}\n' --cacert "$T/ca.pem" \
	    -A "sscard/bench" -H "Idempotency-Key: $key" -H "Expect:" \
	    -F "application=<$T/outbox/$id/application.json;type=application/json" \
	    -F "photo=@$T/outbox/$id/photo.jpg;type=image/jpeg" \
	    "https://127.0.0.1:$PORT/applications"
done <"$T/keys" >"$T/curl.codes"
t1=$(now)
expect "curl loop: applications" "$N" "$(stats "$PORT" 's["applications"]')"
stop_server

# sscard: one process, curl multi, connections reused.
start_server sscard
write_conf "$T/bench.conf" "$PORT"
t2=$(now)
"$SSCARD" --config "$T/bench.conf" outbox flush >"$T/flush.out" 2>&1 ||
    fail "flush: $(tail -n 5 "$T/flush.out")"
t3=$(now)
expect "sscard: applications" "$N" "$(stats "$PORT" 's["applications"]')"
expect "sscard: POSTs" "$N" "$(stats "$PORT" 'sum(s["posts"].values())')"
conns=$(stats "$PORT" 's["connections"]')
stop_server

awk -v conns="$conns" -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN {
	loop = b - a; flush = d - c
	printf "net-bench: %d applications of %d bytes over HTTPS on 127.0.0.1\n", n, 24004
	printf "  curl -F, one process each: %8.2f s  (%7.1f per second)\n", loop, n / loop
	printf "  sscard outbox flush:       %8.2f s  (%7.1f per second, %d connections)\n", flush, n / flush, conns - 1
	printf "  ratio: %.1fx (target: at least 10x)\n", loop / flush
}'
exit 0
