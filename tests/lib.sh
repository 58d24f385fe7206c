# lib.sh -- sourced by every shell test: a pinned environment and small helpers.
# Tests run with no terminal: LANG=C.UTF-8, TZ=UTC, 80x24, HOME in a fresh folder.

set -u
: "${SSCARD:?run through make check}"
: "${top_srcdir:?run through make check}"

export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color COLUMNS=80 LINES=24
unset LANGUAGE NO_COLOR XDG_CONFIG_HOME XDG_DATA_HOME

# A fresh home for this test, removed on success and kept on failure.
T=$(mktemp -d "${TMPDIR:-/tmp}/sscard-test.XXXXXX")
export HOME="$T/home"
mkdir -p "$HOME"
trap 'st=$?; if [ $st -eq 0 ]; then rm -rf "$T"; else echo "kept $T for inspection" >&2; fi' EXIT

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# The reduced portraits the tests carry (tests/data/README.md): every test can use them.
DATA="$top_srcdir/tests/data"
PHOTOS="$DATA/photos"

# shared_photos: true, with ORIGINALS set, when the full-size originals are there
# (SSCARD_SHARED); they only add cases, so a test never needs them.
shared_photos() {
	ORIGINALS="$SSCARD_SHARED/fixtures/photos"
	[ -d "$ORIGINALS" ]
}

# need_tool TOOL...: build-aux/install-deps installs every tool a test uses, so a
# missing one is a failure, never a skip.
need_tool() {
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 ||
			fail "$t is not installed (build-aux/install-deps installs it)"
	done
}

# keys TEXT: the key script for the next run_sscard.
keys() {
	printf '%s\n' "$1" > "$T/keys"
}

# keys_to_photo: plain mode's answers from the region question to the photo question
# with no card service, one a line, for a key script: Shenzhen, a bank outlet, the
# name 张三 and the card one's own (the default), the first two materials.
keys_to_photo() {
	printf '%s\n' '3<Enter>' '2<Enter>' '张三<Enter>' '<Enter>' '1 2<Enter>' '<Enter>'
}

# run_sscard [ARG]...: replays $T/keys, snapshots into $T/shots; sets $status.
run_sscard() {
	rm -rf "$T/shots"
	# The status goes to $status; the "|| status=$?" form is also safe under set -e.
	status=0
	"$SSCARD" --replay "$T/keys" --snapshot "$T/shots" "$@" >"$T/out" 2>"$T/err" ||
		status=$?
}

assert_status() {
	[ "$status" -eq "$1" ] || fail "exit status $status, expected $1; stderr: $(cat "$T/err")"
}

# last_snap ID: the newest snapshot of screen ID.
last_snap() {
	ls "$T/shots" | grep -- "-$1.txt\$" | tail -n 1 | sed "s|^|$T/shots/|"
}

# assert_snap ID TEXT...: the newest snapshot of screen ID shows every TEXT.
assert_snap() {
	id=$1
	shift
	f=$(last_snap "$id")
	[ -n "$f" ] || fail "no snapshot of screen '$id' (have: $(ls "$T/shots" | tr '\n' ' '))"
	for text in "$@"; do
		grep -qF -- "$text" "$f" || { cat "$f" >&2; fail "screen '$id' does not show: $text"; }
	done
}

# refute_snap ID TEXT: the newest snapshot of screen ID does not show TEXT.
refute_snap() {
	f=$(last_snap "$1")
	# A screen never reached shows nothing: that proves nothing either.
	[ -n "$f" ] && [ -f "$f" ] || fail "screen '$1' was never shown"
	! grep -qF -- "$2" "$f" || { cat "$f" >&2; fail "screen '$1' shows: $2"; }
}

# tr_ LANG MSGID: the translation a user of LANG sees (the msgid itself in English).
tr_() {
	LANGUAGE=$1 TEXTDOMAINDIR="$SSCARD_LOCALEDIR" gettext -d sscard -- "$2"
}

# outbox_entries: the entry folders of the outbox.
outbox_entries() {
	find "$HOME/.local/share/sscard/outbox" -mindepth 1 -maxdepth 1 -type d ! -name '.*' 2>/dev/null
}

# json FILE EXPR: a value from a JSON file, by a Python expression on `d`.
json() {
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

mode_of() {
	stat -c %a "$1"
}

# A real 358x441 white JPEG made at test time (no fixture needed).
make_photo() {
	convert -size 358x441 xc:white -density 350 -units PixelsPerInch "$1" ||
		fail "ImageMagick could not make a test photo"
}

# make_passing_photo OUT [PORTRAIT [PROFILE]]: a photo that passes (the national
# rules, or PROFILE's), made by `sscard fix` from one of the reduced portraits;
# by default the dark-top one (the London sitters wear white T-shirts). A
# PORTRAIT given as an absolute path is used as it is.
make_passing_photo() {
	src=${2:-canada_095m_white_m_darktop_frontal.jpg}
	case $src in /*) ;; *) src=$PHOTOS/$src ;; esac
	"$SSCARD" fix ${3:+--profile "$3"} "$src" -o "$1" > "$T/fix.out" 2>&1 ||
		{ cat "$T/fix.out" >&2; fail "sscard fix could not make a passing photo"; }
}
