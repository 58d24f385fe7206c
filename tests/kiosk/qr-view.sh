#!/bin/sh
# qr-view.sh -- the curses last step in a real terminal (tmux): its "QR code for a helper"
# button shows, at 80x24, a QR view (the code on the right, in half blocks, and on the left
# what it holds) with what a helper or a counter can use: with no card service the kit's
# essentials (the channel, what to have ready), never the name, ID number or phone number; "##"
# where there is no Unicode, shown where the window is large enough; zbarimg decodes both
# from the screen; Enter hides the view; [print] command gets the kit's summary and print
# sheet, and its failure is said.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"
command -v tmux > /dev/null 2>&1 || fail "tmux is not installed (build-aux/install-deps installs it)"
command -v zbarimg > /dev/null || fail "zbarimg is missing (Debian package zbar-tools)"
. "$top_srcdir/tests/kit/lib-tmux.sh"

make_passing_photo "$T/photo.jpg"
# A printer that records its arguments.
cat > "$T/fake-lp" <<'EOS'
#!/bin/sh
for a in "$@"; do printf '%s\n' "$a"; done > "$(dirname "$0")/printed"
EOS
chmod +x "$T/fake-lp"

# decode_screen: what zbarimg reads in the QR code of the pane.
decode_screen() {
	tm capture-pane -p -t w > "$T/screen.txt"
	python3 "$top_srcdir/tests/kiosk/qr-screen.py" "$T/screen.txt" "$T/qr.pbm" ||
		fail "no QR code on the screen: $(cat "$T/screen.txt")"
	convert "$T/qr.pbm" "$T/qr.png" || fail "convert"
	zbarimg --raw -q "$T/qr.png"
}

# to_receipt PRINT-COMMAND [OPTIONS]: a whole application up to the last step, the kit saved.
to_receipt() {
	printf '[print]\ncommand = %s\n' "$1" > "$T/print.conf"
	tm_start "'$SSCARD' --config '$T/print.conf' ${2:-}"
	tm_walk_to_review "$T/photo.jpg"
	tm send-keys -t w Space F3
	wait_for "Step 8 of 8"
	! tm capture-pane -p -t w | grep -q "█" || fail "a QR code before there is a reference"
	tm send-keys -t w Enter
	wait_for "Kit saved in"
}

to_receipt "$T/fake-lp -o media=A6"
! tm capture-pane -p -t w | grep -q "█" || fail "the QR code is shown before it is asked for"
tm send-keys -t w Tab Enter
wait_for "Enter or Esc hides the QR code."
k=$(kit_dir)
decode_screen > "$T/decoded"
for want in "Online" "Have ready:" "current card or its number" "photo" "a phone for SMS codes"; do
	grep -qF -- "$want" "$T/decoded" || fail "half blocks: the code does not hold '$want': $(cat "$T/decoded")"
done
for secret in 11010519491231002X 13800138000 1101; do
	! grep -qF -- "$secret" "$T/decoded" || fail "the code holds $secret"
done
# What it holds, in words on the left of the code, in the same rows; the code fits 80x24.
grep -q "^ The QR code holds the channel.*  █" "$T/screen.txt" ||
	fail "the code is not beside what it holds: $(cat "$T/screen.txt")"
[ "$(grep -c "[▀▄█]" "$T/screen.txt")" -le 23 ] || fail "the code is taller than 23 lines"
# Enter hides the view: the buttons are back.
tm send-keys -t w Enter
wait_for "QR code for a helper"
# Print: Tab from the QR button to Print, Enter.
tm send-keys -t w Tab Enter
wait_for "Sent to the printer."
printf '%s\n' -o media=A6 "$k/summary.txt" "$k/print-sheet.jpg" > "$T/want"
cmp -s "$T/printed" "$T/want" || fail "print arguments: $(cat "$T/printed")"
tm send-keys -t w F3
timeout 20 tmux -L "$SOCK" wait-for done || fail "F3 did not finish"
[ "$(cat "$T/exit")" = 0 ] || fail "exit status $(cat "$T/exit")"
rm -rf "$HOME/sscard"

# A printer that fails: said on the message line, and the wizard goes on.
to_receipt "false"
tm send-keys -t w Tab Tab Enter
wait_for "Printing failed: false exited with status 1."
tm send-keys -t w F3
timeout 20 tmux -L "$SOCK" wait-for done || fail "F3 did not finish"
rm -rf "$HOME/sscard"

# No Unicode (--graphics ascii): "##" for a dark module, shown where the window is large
# enough for it.
to_receipt "$T/fake-lp" "--graphics ascii"
tm send-keys -t w Tab Enter
wait_for "too small for the QR code"
tm resize-window -t w -x 120 -y 50
sleep 0.5
decode_screen | grep -qF "current card or its number" || fail "ASCII: decoded '$(decode_screen)'"
! grep -q "[▀▄█]" "$T/screen.txt" || fail "half blocks without Unicode"
echo "receipt QR and print OK"
