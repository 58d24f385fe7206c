#!/bin/sh
# print-wipe.sh -- Print with no kit saved makes a copy for the printer in the run's private
# folder (print/, a subfolder): it is wiped once printing has ended, and whatever way the run
# ends (finished, quit, SIGTERM, SIGKILL and the next run's sweep) no file of it remains.  A
# run killed with only TMPDIR set is swept by a later run that has XDG_RUNTIME_DIR.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"
. "$top_srcdir/tests/kiosk/lib-print.sh"
need_tool tmux

# A printer that notes what the run's folder holds while it prints.
cat > "$T/look-lp" <<EOS
#!/bin/sh
find "$XDG_RUNTIME_DIR" -type f > "$T/while-printing"
EOS
chmod +x "$T/look-lp"

# nothing_left WHEN: no file, no folder of a run remains.
nothing_left() {
	[ -z "$(find "$T/run" "$T/tmp" -mindepth 1)" ] ||
		fail "$1: left behind: $(find "$T/run" "$T/tmp" -mindepth 1)"
}

# Finished normally (F3 saves the kit in ~/sscard, as the citizen asked), and quit.
for end in "<F3>" "<Esc>y"; do
	rm -rf "$HOME/sscard" "$T/while-printing"
	print_conf "$T/look-lp"
	print_keys "$end"
	run_sscard --config "$T/print.conf"
	grep -q "/print/print-sheet.jpg$" "$T/while-printing" ||
		fail "$end: no copy made for the printer: $(cat "$T/while-printing" "$T/err")"
	nothing_left "$end"
done

# In a terminal: once "Sent to the printer." shows, the copy is gone while the run goes on.
. "$top_srcdir/tests/kit/lib-tmux.sh"
print_conf "$T/look-lp"
tm_start "'$SSCARD' --config '$T/print.conf'"
tm_walk_to_review "$T/photo.jpg"
tm send-keys -t w Space F3
wait_for "Step 8 of 8"
tm send-keys -t w Tab Tab Tab Enter
wait_for "Sent to the printer."
grep -q "/print/photo.jpg$" "$T/while-printing" || fail "terminal: no copy for the printer"
[ -z "$(find "$T/run" -path '*/print*')" ] ||
	fail "the copy for the printer stays after printing: $(find "$T/run" -path '*/print*')"
[ -n "$(find "$T/run" -mindepth 1)" ] || fail "the run's folder went before the run ended"
tm send-keys -t w Escape y
timeout 20 tmux -L "$SOCK" wait-for done || fail "the run did not end"
nothing_left "terminal"

# SIGTERM: the run ends of it, the printer with it, its folder wiped.
kill_printing TERM
[ "$status" -eq 143 ] || fail "SIGTERM: status $status: $(cat "$T/err")"
gone "$printer" || fail "SIGTERM: the print command still runs"
nothing_left SIGTERM

# SIGKILL: the next run sweeps the folder, print/ and all.
kill_printing KILL
kill -KILL "$printer" 2>/dev/null
[ -n "$(find "$T/run" -path '*/print/photo.jpg')" ] || fail "SIGKILL: no print folder to sweep"
printf '<Esc>y\n' > "$T/keys"
run_sscard
nothing_left "SIGKILL, then a new run"

# SIGKILL of a run with only TMPDIR, then a run with XDG_RUNTIME_DIR sweeps it too.
(
	unset XDG_RUNTIME_DIR
	kill_printing KILL
	kill -KILL "$printer" 2>/dev/null
	[ -n "$(find "$T/tmp" -name 'sscard-*' -type d)" ] || fail "no folder under TMPDIR"
) || exit 1
printf '<Esc>y\n' > "$T/keys"
run_sscard
nothing_left "SIGKILL under TMPDIR, then a run with XDG_RUNTIME_DIR"
echo "print wipe OK"
