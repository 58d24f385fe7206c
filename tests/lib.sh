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

# need_shared: the real portraits live in ../shared, read in place, never copied.
need_shared() {
	if [ ! -d "$SSCARD_SHARED/fixtures/photos" ]; then
		echo "SKIP: the shared fixtures are absent: $SSCARD_SHARED/fixtures/photos" >&2
		echo "      (set SSCARD_SHARED to the folder that holds fixtures/photos)" >&2
		exit 77
	fi
	PHOTOS="$SSCARD_SHARED/fixtures/photos"
}
