#!/bin/sh
# kiosk-outbox.sh -- one outbox, whatever the mode: an application a kiosk queues while the card
# service is down is the one `sscard outbox list` shows and `sscard outbox flush` sends once the
# service is back; then its personal files are gone.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

make_ca
mkdir -p "$T/usb" "$T/kit"
make_passing_photo "$T/usb/photo.jpg"

# A port where no card service answers.
start_server gone
stop_server
write_conf "$T/down.conf" "$PORT" "[kiosk]" "enabled = yes" "photo_dirs = $T/usb" \
    "kit_dir = $T/kit"
cat >"$T/kiosk.keys" <<KEYS
<Enter>
<Enter>
王小明<Enter>11010519491231002X<Enter>13800138000<Enter><Enter>
<F3>
$T/usb/photo.jpg<F3>
<F3>
<Space><F3>
<Enter>
KEYS
"$SSCARD" --config "$T/down.conf" --replay "$T/kiosk.keys" >"$T/kiosk.out" 2>"$T/kiosk.err"
[ -d "$T/outbox" ] && [ "$(ls "$T/outbox" | wc -l)" -eq 1 ] ||
	fail "the kiosk queued nothing in the outbox: $(ls -R "$T/outbox" "$T/kit"; cat "$T/kiosk.err")"
id=$(ls "$T/outbox")
[ -z "$(find "$T/kit" -name application.json)" ] || fail "an application queued in kit_dir"

"$SSCARD" --config "$T/down.conf" outbox list >"$T/list.out" 2>&1 || fail "outbox list: $(cat "$T/list.out")"
grep -q "$id" "$T/list.out" || fail "outbox list does not show the kiosk's entry: $(cat "$T/list.out")"

start_server back
write_conf "$T/up.conf" "$PORT"
"$SSCARD" --config "$T/up.conf" outbox flush --all >"$T/flush.out" 2>&1 || fail "flush: $(cat "$T/flush.out")"
expect "flush: applications" 1 "$(stats "$PORT" 's["applications"]')"
expect "flush: state" sent "$(entry_state "$id")"
[ -z "$(find "$T/outbox" -name application.json -o -name 'photo.*')" ] ||
	fail "the personal files stay after sending: $(ls -R "$T/outbox")"
echo "kiosk outbox OK"
