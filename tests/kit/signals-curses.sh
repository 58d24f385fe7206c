#!/bin/sh
# signals-curses.sh -- SIGHUP, SIGTERM and SIGINT mid-wizard in a real terminal
# (tmux): the terminal is given back (stty shows icanon and echo), the run's
# private folder and --record's temporary file are gone, no file under HOME or
# TMPDIR holds the ID number or the photo, and sscard dies of the signal.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"
need_tool tmux
. "$top_srcdir/tests/kit/lib-tmux.sh"

make_passing_photo "$T/photo.jpg"

for sig in HUP TERM INT; do
	tm_start "'$SSCARD' --record '$HOME/rec.keys'"
	tm_walk_to_check "$T/photo.jpg"
	# The photo is copied into the run's folder, the keys into the temp file.
	[ -n "$(find "$XDG_RUNTIME_DIR" -name 'photo-given')" ] ||
		fail "$sig: no copy of the photo in the workspace"
	ls "$HOME"/rec.keys.* >/dev/null 2>&1 || fail "$sig: no recording in progress"
	pid=$(tm_pid)
	[ -n "$pid" ] || fail "$sig: sscard is not running"
	kill -s "$sig" "$pid"
	tm wait-for done
	case $sig in HUP) want=129 ;; TERM) want=143 ;; INT) want=130 ;; esac
	[ "$(cat "$T/exit")" = "$want" ] || fail "$sig: exit status $(cat "$T/exit"), expected $want"
	grep -qw icanon "$T/stty" && ! grep -qw -- -icanon "$T/stty" ||
		fail "$sig: the terminal is not back in canonical mode: $(cat "$T/stty")"
	grep -qw echo "$T/stty" && ! grep -qw -- -echo "$T/stty" ||
		fail "$sig: echo is not back on: $(cat "$T/stty")"
	[ -z "$(find "$XDG_RUNTIME_DIR" "$TMPDIR" -mindepth 1)" ] ||
		fail "$sig: left: $(find "$XDG_RUNTIME_DIR" "$TMPDIR" -mindepth 1)"
	! ls "$HOME"/rec.keys* >/dev/null 2>&1 || fail "$sig: the recording is left: $(ls "$HOME")"
	# HUP and TERM (a dropped link, a shutdown) keep the answers as a private draft,
	# which the next start offers; SIGINT, like quitting, keeps none.
	draft="$HOME/.local/state/sscard/draft.json"
	if [ "$sig" = INT ]; then
		[ ! -e "$draft" ] || fail "INT: a draft is kept"
	else
		[ "$(mode_of "$draft")" = 600 ] || fail "$sig: no private draft"
		[ "$(json "$draft" 'd["step"]')" = check ] || fail "$sig: draft step $(json "$draft" 'd["step"]')"
		keys "<Esc>y"
		run_sscard
		assert_snap welcome "Answers of 张*, saved"
		[ ! -e "$draft" ] || fail "$sig: quitting kept the draft"
	fi
	left=$(leftovers "$T/photo.jpg")
	[ -z "$left" ] || fail "$sig: left: $left"
done

# SIGHUP while the details are typed, before Next: the draft holds them (saved on the
# signal, not only when the step was entered), and the next start resumes them.
tm_start "'$SSCARD'"
tm_walk_to_details
kill -s HUP "$(tm_pid)"
tm wait-for done
[ "$(json "$HOME/.local/state/sscard/draft.json" 'd["step"]')" = details ] || fail "HUP: draft step"
# Sealed: neither the name nor the ID number is in the file as typed.
! grep -q -e 张三 -e "$IDNUM" "$HOME/.local/state/sscard/draft.json" ||
	fail "HUP: the draft holds the name or ID number in clear"
keys "<Down><Down><Enter><Esc>y"
run_sscard
assert_snap details "张三" "Whose card:"

# A crash (SIGKILL) cannot clean up: the next run sweeps what it left.
tm_start "'$SSCARD'"
tm_walk_to_check "$T/photo.jpg"
kill -s KILL "$(tm_pid)"
tm wait-for done
[ -n "$(find "$XDG_RUNTIME_DIR" -name 'photo-given')" ] || fail "SIGKILL: nothing to sweep"
keys "<Esc>y"
run_sscard
assert_status 3
[ -z "$(find "$XDG_RUNTIME_DIR" -mindepth 1)" ] ||
	fail "the next run did not sweep: $(find "$XDG_RUNTIME_DIR" -mindepth 1)"

# An outbox entry a crash left half-built (it holds the ID number) is wiped
# when the wizard next starts; one of a process still running is kept.
sh -c 'exit 0' & dead=$!
wait $dead
ob="$HOME/.local/share/sscard/outbox"
mkdir -p "$ob/.new-$dead-20261201-0A1B2C3D" "$ob/.new-$$-20261201-0A1B2C3E"
echo "{\"id_number\": \"$IDNUM\"}" > "$ob/.new-$dead-20261201-0A1B2C3D/application.json"
keys "<Esc>y"
run_sscard
assert_status 3
[ ! -e "$ob/.new-$dead-20261201-0A1B2C3D" ] || fail "the half-built entry was not swept"
[ -d "$ob/.new-$$-20261201-0A1B2C3E" ] || fail "the entry of a running process was swept"
echo "signals OK"
