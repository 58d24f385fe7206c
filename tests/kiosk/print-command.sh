#!/bin/sh
# print-command.sh -- [print] command gets the kit's summary and print sheet as arguments, without a
# shell; its failure is reported; a finished kiosk application's kit goes to kit_dir only,
# then the wipe.
. "$top_srcdir/tests/lib.sh"
export TERM=dumb XDG_RUNTIME_DIR="$T/run"
mkdir -p "$T/run" "$T/usb" "$T/kit"
chmod 700 "$T/run"
"$SSCARD" fix "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" -o "$T/usb/photo.jpg" > "$T/fix.out" 2>&1 ||
	fail "sscard fix could not make a passing photo: $(cat "$T/fix.out")"
# A printer that records its arguments and what the files held.
cat > "$T/fake-lp" <<'EOS'
#!/bin/sh
out=$(dirname "$0")/printed
for a in "$@"; do printf '%s\n' "$a"; done > "$out"
n=$#
cp "$(sed -n "$((n - 1))p" "$out")" "$out.summary"
cp "$(sed -n "${n}p" "$out")" "$out.sheet"
EOS
chmod +x "$T/fake-lp"
printf '2468\n2468\n' | "$SSCARD" kiosk-pin > "$T/pin.line" 2> /dev/null || fail "kiosk-pin"

# run_kiosk PRINT-COMMAND: one application to the end, printing it, then the helper leaves.
run_kiosk() {
	cat > "$T/kiosk.conf" <<EOC
[kiosk]
enabled = yes
photo_dirs = $T/usb
kit_dir = $T/kit
$(cat "$T/pin.line")
[print]
command = $1
EOC
	printf '\n\n2\n张三\n\n\n1\n\n1\n1\n\n' > "$T/lines"
	printf '\033\n3\n2468\n' >> "$T/lines"
	st=0
	"$SSCARD" --config "$T/kiosk.conf" < "$T/lines" > "$T/out" 2>&1 || st=$?
	[ $st -eq 3 ] || fail "status $st: $(tail -20 "$T/out")"
}

run_kiosk "$T/fake-lp -d 'photo printer' -o \"media=A6\" &&echo|\$HOME"
[ -f "$T/printed" ] || fail "the print command did not run: $(tail -20 "$T/out")"
printf '%s\n' -d 'photo printer' -o media=A6 '&&echo|$HOME' > "$T/want-head"
head -n 5 "$T/printed" > "$T/head"
cmp -s "$T/head" "$T/want-head" || fail "arguments: $(cat "$T/printed")"
[ "$(wc -l < "$T/printed")" -eq 7 ] || fail "not the summary and the sheet: $(cat "$T/printed")"
sed -n 6p "$T/printed" | grep -q '/summary.txt$' || fail "no summary: $(cat "$T/printed")"
sed -n 7p "$T/printed" | grep -q '/print-sheet.jpg$' || fail "no print sheet: $(cat "$T/printed")"
[ "$(identify -format '%w %h %x' "$T/printed.sheet")" = "1200 1800 300" ] ||
	fail "the sheet handed over is not the kit's 6-inch sheet"
grep -q "Next steps:" "$T/printed.summary" || fail "summary: $(cat "$T/printed.summary")"
grep -q "Sent to the printer." "$T/out" || fail "printing not confirmed"
# The kit is in kit_dir, nothing in the home folder; the kiosk wiped and began again.
e=$(find "$T/kit" -mindepth 1 -maxdepth 1 -type d)
[ -n "$e" ] && cmp -s "$e/photo.jpg" "$T/usb/photo.jpg" || fail "no kit in kit_dir: $(ls -R "$T/kit")"
[ "$(sed -n 7p "$T/printed")" = "$e/print-sheet.jpg" ] || fail "not the kit's own sheet printed"
grep -q "Bank outlet" "$e/summary.txt" || fail "the kit is not for the bank outlet"
[ -z "$(find "$HOME" -type f)" ] || fail "files in the home folder: $(find "$HOME" -type f)"
[ "$(grep -c "Step 1 of 8" "$T/out")" -eq 2 ] || fail "no fresh start after the last step"
[ -z "$(find "$T/run" -mindepth 1)" ] || fail "the workspace remains"

# A failing printer, and one that is not there: said, and the wizard goes on.
rm -rf "$T/kit"/*
run_kiosk "false"
# Plain mode breaks long lines: messages are found with the lines joined.
tr -s '\n ' '  ' < "$T/out" | grep -q "!! [^!]*Printing failed: false exited with status 1." ||
	fail "failure not reported: $(tail "$T/out")"
run_kiosk "$T/no-such-printer"
tr -s '\n ' '  ' < "$T/out" | grep -q "!! [^!]*cannot run the print command $T/no-such-printer" ||
	fail "missing command not reported: $(tail "$T/out")"
echo "print OK"
