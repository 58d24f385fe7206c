# lib-net.sh -- sourced by the net tests after tests/lib.sh: a test CA, loopback
# card services (tests/net/server.py), configurations and the server's counts.

need_tool python3 openssl

SERVER_PIDS=
HELPER="$top_builddir/tests/net/queue-helper"
SERVER_PY="$top_srcdir/tests/net/server.py"

# Servers die with the test, whatever way it ends.
trap 'st=$?; for p in $SERVER_PIDS; do kill "$p" 2>/dev/null; done
if [ $st -eq 0 ]; then rm -rf "$T"; else echo "kept $T for inspection" >&2; fi' EXIT
trap 'exit 1' INT TERM HUP

# make_ca: a CA made now (keys never leave $T), a server certificate it
# signed for 127.0.0.1, and a self-signed impostor for the same address.
make_ca() {
	(
	cd "$T" || exit 1
	printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > ext.cnf
	openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem \
	    -days 2 -subj "/CN=sscard test CA" &&
	openssl req -newkey rsa:2048 -nodes -keyout srv.key -out srv.csr \
	    -subj "/CN=127.0.0.1" &&
	openssl x509 -req -in srv.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
	    -out srv.pem -days 2 -extfile ext.cnf &&
	openssl req -x509 -newkey rsa:2048 -nodes -keyout bad.key -out bad.pem \
	    -days 2 -subj "/CN=127.0.0.1" -addext \
	    "subjectAltName=IP:127.0.0.1"
	) >"$T/openssl.log" 2>&1 || fail "openssl could not make the test CA: $(cat "$T/openssl.log")"
}

# start_server NAME [server.py options]: sets PORT; the server's log is $T/NAME.log.
# It shows $SRV_CERT if set, else the certificate the test CA signed.
start_server() {
	name=$1
	shift
	rm -f "$T/$name.fifo"
	mkfifo "$T/$name.fifo"
	python3 "$SERVER_PY" --cert "${SRV_CERT:-$T/srv}.pem" \
	    --key "${SRV_CERT:-$T/srv}.key" "$@" \
	    >"$T/$name.fifo" 2>"$T/$name.log" &
	SERVER_PIDS="$SERVER_PIDS $!"
	LAST_PID=$!
	read -r PORT <"$T/$name.fifo" || fail "server $name did not start: $(cat "$T/$name.log")"
	[ -n "$PORT" ] || fail "server $name gave no port: $(cat "$T/$name.log")"
}

stop_server() {
	kill "$LAST_PID" 2>/dev/null
	wait "$LAST_PID" 2>/dev/null
}

# write_conf FILE PORT [extra lines...]: fast retries, our CA, our outbox.
write_conf() {
	f=$1
	p=$2
	shift 2
	{
		printf '[outbox]\ndir = %s\n' "${OUTBOX:-$T/outbox}"
		printf '[backend]\nbase_url = https://127.0.0.1:%s/\n' "$p"
		printf 'ca_bundle = %s\nconnect_timeout = 5\ntimeout = 20\n' "$T/ca.pem"
		printf 'retries = 4\nbackoff = 50\nbackoff_max = 200\n'
		for l in "$@"; do
			printf '%s\n' "$l"
		done
	} >"$f"
}

# A photo-sized file: the server checks its sha256, not its pixels.
make_photo() {
	{ printf '\377\330\377\340'; head -c "${2:-40000}" /dev/urandom; } >"$1"
}

# stats PORT EXPR: evaluates a Python expression over the server's counts
# (s: posts, created, applications, forms, parts, agents, bad).
stats() {
	python3 - "${STATS_CA:-$T/ca.pem}" "$1" "$2" <<'EOF'
import json, ssl, sys, urllib.request
ctx = ssl.create_default_context(cafile=sys.argv[1])
s = json.load(urllib.request.urlopen(
    "https://127.0.0.1:%s/_stats" % sys.argv[2], context=ctx))
print(eval(sys.argv[3]))
EOF
}

# expect WHAT EXPECTED ACTUAL
expect() {
	[ "$2" = "$3" ] || fail "$1: expected '$2', got '$3'"
}

# entry_state ID: queued, sent or rejected, from the entry's state file.
entry_state() {
	if [ -f "${OUTBOX:-$T/outbox}/$1/state.json" ]; then
		python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state"])' \
		    "${OUTBOX:-$T/outbox}/$1/state.json"
	else
		echo queued
	fi
}

# entry_key ID: the entry's idempotency key.
entry_key() {
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["idempotency_key"])' \
	    "${OUTBOX:-$T/outbox}/$1/application.json"
}

# entry_receipt ID: the receipt stored for a sent entry.
entry_receipt() {
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("receipt"))' \
	    "${OUTBOX:-$T/outbox}/$1/state.json"
}
