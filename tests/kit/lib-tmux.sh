# lib-tmux.sh -- sourced by tests that need a real terminal: sscard in a
# tmux pane of 80x24, keys sent, the screen read back.

SOCK="sscard-test-$$"
tm() { tmux -L "$SOCK" "$@"; }
trap 'st=$?; tm kill-server 2>/dev/null || true
if [ $st -eq 0 ]; then rm -rf "$T"; else echo "kept $T for inspection" >&2; fi' EXIT

# wait_for TEXT: until the pane shows TEXT (bounded: about 20 seconds).
wait_for() {
	i=0
	while ! tm capture-pane -p -t w | grep -qF -- "$1"; do
		i=$((i + 1))
		[ $i -lt 400 ] || { tm capture-pane -p -t w >&2; fail "the screen never showed: $1"; }
		sleep 0.05
	done
}

# tm_start COMMAND: runs COMMAND (sscard and its options, quoted for sh) in a
# new pane; when it ends, its status goes to $T/exit and `stty -a` of the
# pane's terminal to $T/stty.
TM_RUNS=0
tm_start() {
	rm -f "$T/exit" "$T/stty"
	# A new server each time: one just killed may still hold its socket.
	tm kill-server 2>/dev/null || true
	TM_RUNS=$((TM_RUNS + 1))
	SOCK="sscard-test-$$-$TM_RUNS"
	tm -f /dev/null new-session -d -s w -x 80 -y 24 \
	    "env HOME='$HOME' TMPDIR='$TMPDIR' XDG_RUNTIME_DIR='$XDG_RUNTIME_DIR' $1; \
	    echo \$? > '$T/exit'; stty -a > '$T/stty'; tmux -L '$SOCK' wait-for -S done; sleep 5"
	wait_for "Language / 语言"
}

# tm_pid: the sscard running in the pane (the pane's shell's child).
tm_pid() {
	pgrep -P "$(tm display -p -t w '#{pane_pid}')" | head -n 1
}

# tm_to_details: English, online, on to the details step.
tm_to_details() {
	tm send-keys -t w Enter
	wait_for "Step 2 of 8"
	tm send-keys -t w Enter
	wait_for "Step 3 of 8"
}

# tm_walk_to_details: English, online, the details typed.
tm_walk_to_details() {
	tm_to_details
	tm send-keys -t w -l "张三"
	wait_for "[张三"
}

# tm_walk_to_check PHOTO: on to the check of PHOTO, which passes.
tm_walk_to_check() {
	tm_walk_to_details
	tm send-keys -t w Enter Enter Enter
	wait_for "Step 4 of 8"
	tm send-keys -t w F3
	wait_for "Step 5 of 8"
	tm send-keys -t w -l "$1"
	tm send-keys -t w Enter
	wait_for "Step 6 of 8"
	wait_for "meets the rules"
}

tm_walk_to_review() {
	tm_walk_to_check "$1"
	tm send-keys -t w F3
	wait_for "Step 7 of 8"
}
