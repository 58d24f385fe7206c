# lib-plain.sh -- sourced by the plain-mode pty tests after tests/lib.sh: a private
# runtime folder, the test's folder as the working one (a stray answer saved as a file
# lands there, never in the source tree), a kiosk's configuration, a script's start.
export XDG_RUNTIME_DIR="$T/run"
mkdir -p "$T/run" "$T/kit"
chmod 700 "$T/run"
cd "$T" || fail "cannot enter $T"

# kiosk_conf: $T/kiosk.conf, a kiosk with kit_dir $T/kit and the helper PIN 2468.
kiosk_conf() {
	printf '2468\n2468\n' | "$SSCARD" kiosk-pin > "$T/pin.line" 2> /dev/null || fail "kiosk-pin"
	printf '[kiosk]\nkit_dir = %s\n%s\n' "$T/kit" "$(cat "$T/pin.line")" > "$T/kiosk.conf"
}

# to_name [CHANNEL]: drive-pty.py lines from the start to the name question (the
# default language and region, then the channel: the default, or 1 to 3).
to_name() {
	printf 'expect default=3>\nsend\nexpect default=1>\nsend\nexpect default=1>\n'
	printf 'send %s\nexpect Full name:\n' "${1:-}"
}

# pty LOG ARG...: runs $T/script on a pseudo-terminal with the command ARG..., its
# output appended to LOG.
pty() {
	log=$1
	shift
	python3 "$top_srcdir/tests/plain/drive-pty.py" "$T/script" "$log" "$@"
}
