# idle-time.sh -- the kiosk welcome says the true idle time, in the plural form of
# each language (it said "after 1 minutes" for idle_seconds = 20), in the curses
# wizard and in plain mode.
. "$top_srcdir/tests/lib.sh"
mkdir -p "$T/kit"

# flat FILE: the text without spaces or line breaks, so that wrapping does not matter.
flat() {
	tr -d ' \n' < "$1"
}

# expect SECONDS LANG TEXT: both front ends say TEXT for idle_seconds = SECONDS.
expect() {
	printf '[kiosk]\nidle_seconds = %s\nkit_dir = %s\n' "$1" "$T/kit" > "$T/k.conf"
	want=$(printf '%s' "$3" | tr -d ' ')
	keys ""
	run_sscard --kiosk --lang="$2" --config "$T/k.conf"
	flat "$(last_snap welcome)" | grep -qiF -- "$want" ||
		fail "$2, $1 s: the welcome does not say '$3': $(cat "$(last_snap welcome)")"
	# Through a pipe: the kiosk's wipe empties a regular file it writes to.
	"$SSCARD" --plain --kiosk --lang="$2" --config "$T/k.conf" < /dev/null 2>&1 | cat > "$T/plain"
	flat "$T/plain" | grep -qiF -- "$want" ||
		fail "$2, $1 s: plain mode does not say '$3': $(cat "$T/plain")"
}

expect 20 en "after 20 seconds without a key"
expect 60 en "after 1 minute without a key"
expect 300 en "after 5 minutes without a key"
expect 90 en "after 90 seconds without a key"
expect 1 en "after 1 second without a key"
expect 20 zh_CN "20 秒"
expect 60 zh_CN "1 分钟"
expect 20 zh_TW "20 秒"
expect 300 zh_TW "5 分鐘"
expect 20 es "20 segundos"
expect 60 es "1 minuto sin"
expect 300 es "5 minutos"
