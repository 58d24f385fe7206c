# concurrent-flush.sh -- two sscard processes flushing one outbox never send an entry twice.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

make_ca
make_photo "$T/photo.jpg" 100000
start_server both
write_conf "$T/c.conf" "$PORT" "parallel = 4"
n=60
"$HELPER" "$T/outbox" "$T/photo.jpg" $n >"$T/ids" || fail "queue-helper failed"

"$SSCARD" --config "$T/c.conf" outbox flush >"$T/a.out" 2>&1 &
a=$!
"$SSCARD" --config "$T/c.conf" outbox flush >"$T/b.out" 2>&1 &
b=$!
wait $a
ra=$?
wait $b
rb=$?
# An entry the other process sent, or is sending, is no failure of either
# (tests/unit/cli/test-flush has the moments this run may or may not hit).
[ "$ra" -eq 0 ] || fail "first flush: exit status $ra: $(grep -v ': sent; ' "$T/a.out")"
[ "$rb" -eq 0 ] || fail "second flush: exit status $rb: $(grep -v ': sent; ' "$T/b.out")"

expect "keys the server saw" $n "$(stats "$PORT" 'len(s["posts"])')"
expect "keys POSTed more than once" "[]" \
    "$(stats "$PORT" '[k for k, v in s["posts"].items() if v != 1]')"
expect "applications" $n "$(stats "$PORT" 's["applications"]')"
expect "entries reported sent by the two processes" $n \
    "$(cat "$T/a.out" "$T/b.out" | grep -c ': sent; receipt ')"
while read -r id; do
	expect "state of $id" sent "$(entry_state "$id")"
done <"$T/ids"

# Nothing left to do: a third flush sends nothing.
"$SSCARD" --config "$T/c.conf" outbox flush >"$T/c.out" 2>&1 || fail "third flush"
expect "POSTs after a third flush" $n "$(stats "$PORT" 'sum(s["posts"].values())')"
echo "sent by the first: $(grep -c ": sent;" "$T/a.out"), by the second: $(grep -c ": sent;" "$T/b.out")"
exit 0
