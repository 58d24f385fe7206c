# sending-step.sh -- the wizard sends through the Sending step to a receipt from the
# card service; without a card service that step is passed over; Esc stops it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

need_tool convert
make_ca
make_passing_photo "$T/photo.jpg"

# keys AFTER_REVIEW: welcome, online, details, materials, photo, its check, review (consent), then AFTER_REVIEW.
keys() {
	cat <<KEYS
<Enter>
<Enter>
王小明<Enter>11010519491231002X<Enter>13800138000<Enter><Enter>
<F3>
$T/photo.jpg<F3>
<F3>
<Space><F3>
$1
KEYS
}

# run NAME CONF: replays $T/NAME.keys with snapshots in $T/NAME.snap.
run() {
	"$SSCARD" --config "$2" --replay "$T/$1.keys" --snapshot "$T/$1.snap" \
	    >"$T/$1.out" 2>"$T/$1.err"
}

# last_snapshot NAME: the text of the last screen.
last_snapshot() {
	cat "$(ls "$T/$1.snap"/*.txt | tail -n 1)"
}

start_server wizard
write_conf "$T/w.conf" "$PORT"
keys "<Enter>" >"$T/sent.keys"
run sent "$T/w.conf" || fail "wizard with a card service: exit status $?: $(cat "$T/sent.err")"
last_snapshot sent | grep -q "receipt number: R000001" ||
    fail "the receipt screen does not show the server's receipt: $(last_snapshot sent)"
ls "$T/sent.snap" | grep -q -- "-submit.txt" || fail "no snapshot of the Sending step"
grep -l "Step 8 of 9: Sending" "$T/sent.snap"/*-submit.txt >/dev/null ||
    fail "the Sending step has no title: $(cat "$T/sent.snap"/*-submit.txt)"
grep -q "%" "$T"/sent.snap/*-submit.txt || fail "no percentage on the Sending step"
grep -q "receipt: R000001" "$T/sent.out" || fail "stdout: $(cat "$T/sent.out")"
expect "wizard: applications" 1 "$(stats "$PORT" 's["applications"]')"
id=$(ls "$T/outbox")
expect "wizard: state" sent "$(entry_state "$id")"

# Esc while sending: nothing is sent, the application stays queued.
keys "<Esc><Enter><Enter>" >"$T/esc.keys"
run esc "$T/w.conf" || fail "wizard with Esc: exit status $?: $(cat "$T/esc.err")"
grep -q "Sending was stopped" "$T"/esc.snap/*-submit.txt ||
    fail "no 'stopped' message on the Sending step"
last_snapshot esc | tr -d " \n" | grep -q "NOTbeensent" || fail "after Esc: $(last_snapshot esc)"
expect "after Esc: applications" 1 "$(stats "$PORT" 's["applications"]')"
queued=0
for d in "$T/outbox"/*/; do
	[ "$(entry_state "$(basename "$d")")" = queued ] && queued=$((queued + 1))
done
expect "after Esc: queued entries" 1 "$queued"
stop_server

# No card service: review goes straight to the last step, which makes the
# kit; nothing is queued, nothing is sent.
printf '[outbox]\ndir = %s\n' "$T/outbox-local" >"$T/local.conf"
keys "<Enter><Enter>" >"$T/local.keys"
run local "$T/local.conf" || fail "wizard without a card service: exit status $?"
ls "$T/local.snap" | grep -q -- "-submit.txt" && fail "the Sending step was shown without a card service"
last_snapshot local | grep -q "Nothing has been sent" || fail "local outcome: $(last_snapshot local)"
grep -q "Application kit saved in " "$T/local.out" || fail "stdout: $(cat "$T/local.out")"
[ -z "$(ls "$T/outbox-local" 2>/dev/null)" ] || fail "queued without a card service"
exit 0
