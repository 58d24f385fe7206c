# lib-screens.sh -- sourced by the whole-screen tests after tests/lib.sh (and, for a
# card service, tests/net/lib-net.sh): each step's screen, or plain mode's lines,
# compared whole with the expected text written in the test, tig's way:
#
#	keys '<Enter>'
#	run_screens 4
#	assert_screen channel <<'EOF'
#	...the 80x24 screen, exactly...
#	EOF
#
# A difference prints a diff and fails.  GENERATE=1 (tmux's name) rewrites the
# expected text in the test itself instead, so that an intended change to a screen
# is one command and its review the `git diff` of the test.  The expected texts of a
# test are found by their order: each assert_screen or assert_transcript is written
# once, opens its own <<'EOF' text and runs in the order it is written.

# The test itself, found before anything changes the working folder.
case $0 in
/*) SCREENS_SELF=$0 ;;
*) SCREENS_SELF=$PWD/$0 ;;
esac
SCREENS_N=0
# The line that opens an expected text.
SCREENS_OPEN="^[ \t]*assert_(screen|transcript)( .*)? <<'EOF'\$"
SCREENS_DAY=$(date +%Y-%m-%d)

# Photos are shown as their text placeholder ("[photo 358x441: ...]"), not as
# blocks of colour; the kit folder is relative to the working folder, so that
# neither a photo nor a folder makes a line as long as the temporary folder's
# name. The photos are typed as ~/NAME for the same reason.
export XDG_RUNTIME_DIR="$T/run"
mkdir -p "$T/run" "$HOME/.config/sscard"
chmod 700 "$T/run"
printf '[sscard]\ngraphics = none\n[kit]\ndir = kits\n' > "$HOME/.config/sscard/config"
cd "$T" || fail "cannot enter $T"

# run_screens STATUS [ARG]...: run_sscard with no draft left by an earlier run (a
# draft adds the offer to resume it to the welcome step), ending with STATUS (4 when
# the key script ends on the step looked at).
run_screens() {
	want=$1
	shift
	rm -rf "$HOME/.local/state/sscard"
	run_sscard "$@"
	assert_status "$want"
}

# assert_screen ID [first]: the newest (or the first) snapshot of screen ID is, whole,
# the expected text on standard input.
assert_screen() {
	f=$(ls "$T/shots" 2>/dev/null | grep -- "-$1.txt\$" |
	    if [ "${2:-}" = first ]; then head -n 1; else tail -n 1; fi)
	[ -n "$f" ] || fail "no snapshot of screen '$1' (have: $(ls "$T/shots" | tr '\n' ' '))"
	screens_compare "$T/shots/$f" "$f"
}

# assert_transcript FROM [TO]: plain mode's lines from the heading of the FROM-th step
# it showed (counting from 1, a step shown again counting again) to the end, or to
# the end of the TO-th, are the expected text on standard input.
assert_transcript() {
	[ -f "$T/shots/transcript.txt" ] || fail "no transcript: was the run in plain mode?"
	# A heading is a line underlined with dashes; a step ends with the blank line
	# before the next heading.
	awk -v from="$1" -v to="${2:-0}" '
		{ line[NR] = $0 }
		END {
			for (i = 1; i < NR; i++)
				if (line[i] != "" && line[i + 1] ~ /^-+$/)
					head[++n] = i
			head[n + 1] = NR + 2
			last = to > 0 && to < n ? head[to + 1] - 2 : NR
			for (i = head[from]; from <= n && i <= last; i++)
				print line[i]
		}' "$T/shots/transcript.txt" > "$T/part"
	[ -s "$T/part" ] || fail "the transcript has no step $1: $(cat "$T/shots/transcript.txt")"
	screens_compare "$T/part" "transcript from step $1${2:+ to $2}"
}

# screens_normalise: standard input to standard output with what changes from run to
# run made constant: the temporary folder's name becomes <tmp>; today's date (or the
# date the test started on) becomes YYYY-MM-DD, and a time after it hhmmss or hh:mm,
# keeping the width of each, so that the layout stays as drawn.  Trailing blanks go,
# as --snapshot trims them from screens (plain mode's prompts end in one).
screens_normalise() {
	awk -v tmp="$T" -v d0="$SCREENS_DAY" -v d1="$(date +%Y-%m-%d)" '
		function swap(s, from, to,    i, out) {
			out = ""
			while (from != "" && (i = index(s, from)) > 0) {
				out = out substr(s, 1, i - 1) to
				s = substr(s, i + length(from))
			}
			return (out s)
		}
		{
			s = swap(swap(swap($0, tmp, "<tmp>"), d0, "YYYY-MM-DD"), d1, "YYYY-MM-DD")
			gsub(/YYYY-MM-DD-[0-9][0-9][0-9][0-9][0-9][0-9]/, "YYYY-MM-DD-hhmmss", s)
			gsub(/YYYY-MM-DD [0-9][0-9]:[0-9][0-9]/, "YYYY-MM-DD hh:mm", s)
			sub(/[ \t]+$/, "", s)
			print s
		}'
}

# screens_compare FILE WHAT: FILE, normalised, against the expected text on standard
# input (the SCREENS_N-th of the test); a diff and a failure when they differ.
screens_compare() {
	SCREENS_N=$((SCREENS_N + 1))
	cat > "$T/expected"
	screens_normalise < "$1" > "$T/actual"
	if [ "${GENERATE:-}" = 1 ]; then
		screens_rewrite "$T/actual"
		return 0
	fi
	at=$(screens_heredoc_line)
	diff -u --label "expected ($at)" --label "actual ($2)" "$T/expected" "$T/actual" >&2 ||
		fail "$2 differs from the text expected at $at (GENERATE=1 rewrites it)"
}

# screens_heredoc_line: NAME:LINE of the SCREENS_N-th expected text of the test.
screens_heredoc_line() {
	awk -v k="$SCREENS_N" -v name="${SCREENS_SELF##*/}" -v open="$SCREENS_OPEN" '
		$0 ~ open && ++n == k {
			print name ":" NR + 1
			exit
		}' "$SCREENS_SELF"
}

# screens_rewrite FILE: the SCREENS_N-th expected text of the test becomes FILE.  The
# new test is renamed over the old one: the shell running it keeps reading the old.
screens_rewrite() {
	awk -v k="$SCREENS_N" -v new="$1" -v open="$SCREENS_OPEN" '
		skip && $0 == "EOF" { skip = 0 }
		skip { next }
		{ print }
		$0 ~ open && ++n == k {
			while ((getline l < new) > 0)
				print l
			skip = done = 1
		}
		END { exit !done }' "$SCREENS_SELF" > "$SCREENS_SELF.new" &&
		chmod --reference="$SCREENS_SELF" "$SCREENS_SELF.new" &&
		mv "$SCREENS_SELF.new" "$SCREENS_SELF" ||
		{ rm -f "$SCREENS_SELF.new"; fail "cannot rewrite expected text $SCREENS_N in $SCREENS_SELF"; }
	echo "GENERATE=1: rewrote the expected text at $(screens_heredoc_line)" >&2
}
