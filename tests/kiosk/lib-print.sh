# lib-print.sh -- sourced by the print tests after tests/lib.sh and tests/kit/lib-kit.sh:
# a whole application replayed up to the last step, where Print is pressed with no kit saved.

make_passing_photo "$T/photo.jpg"

# print_conf COMMAND [EXTRA-LINE]: $T/print.conf with [print] command = COMMAND.
print_conf() {
	printf '[print]\ncommand = %s\n%s\n' "$1" "${2:-}" > "$T/print.conf"
}

# print_keys [AFTER]: keys to the last step, then Print (no kit saved: Tab past Finish and
# the QR button), then AFTER.
print_keys() {
	walk_keys en 1 0 "$T/photo.jpg" "" "<Space><F3>
<Tab><Tab><Tab><Enter>
${1:-}" > "$T/keys"
}

# wait_file FILE: until FILE exists (bounded: about 20 seconds).
wait_file() {
	i=0
	while [ ! -s "$1" ]; do
		i=$((i + 1))
		[ $i -lt 400 ] || fail "$1 never appeared"
		sleep 0.05
	done
}

# gone PID: true once PID no longer runs (bounded: about 5 seconds).
gone() {
	i=0
	while kill -0 "$1" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 100 ] || return 1
		sleep 0.05
	done
}

# kill_printing SIGNAL: a run that hangs in the print command ($T/hang-lp) gets SIGNAL and
# must end within about 5 seconds; its exit status goes to $status, the printer's pid to $printer.
kill_printing() {
	rm -f "$T/printing"
	print_conf "$T/hang-lp"
	print_keys
	"$SSCARD" --config "$T/print.conf" --replay "$T/keys" > "$T/out" 2> "$T/err" &
	pid=$!
	wait_file "$T/printing"
	printer=$(cat "$T/printing")
	kill "-$1" "$pid"
	gone "$pid" || { kill -KILL "$pid" "$printer"; fail "SIG$1: sscard still waits for the printer"; }
	status=0
	wait "$pid" || status=$?
}

# A printer that says it has started ($T/printing holds its pid), then hangs.
cat > "$T/hang-lp" <<EOS
#!/bin/sh
echo \$\$ > "$T/printing.tmp" && mv "$T/printing.tmp" "$T/printing"
exec sleep 1000
EOS
chmod +x "$T/hang-lp"
