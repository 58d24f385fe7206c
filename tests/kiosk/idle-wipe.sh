#!/bin/sh
# idle-wipe.sh -- a kiosk left alone warns, then wipes everything of that citizen (a scan of
# every folder sscard writes finds neither the ID number nor a photo) and starts again;
# the photo list and typed paths stay inside [kiosk] photo_dirs.
. "$top_srcdir/tests/lib.sh"
export TERM=dumb XDG_RUNTIME_DIR="$T/run"
mkdir -p "$T/run" "$T/usb" "$T/kit"
chmod 700 "$T/run"
cp "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" "$T/usb/photo.jpg"	# fails the rules: fixed into the workspace
cp "$PHOTOS/london_001_03.jpg" "$T/secret.jpg"
ln -s "$T/secret.jpg" "$T/usb/link.jpg"
printf '2468\n2468\n' | "$SSCARD" kiosk-pin > "$T/pin.line" 2> /dev/null || fail "kiosk-pin"
cat > "$T/kiosk.conf" <<EOC
[kiosk]
enabled = yes
idle_seconds = 3
notice_seconds = 2
photo_dirs = $T/usb
kit_dir = $T/kit
$(cat "$T/pin.line")
EOC
# scan: every file sscard could have written that holds the name or a photo.
scan() {
	for d in "$HOME" "$T/run" "$T/kit"; do
		grep -rla "张三" "$d"
		find "$d" -type f | while read -r f; do
			case $(head -c 4 "$f" | od -An -tx1 | tr -d ' \n') in
			ffd8ff* | 89504e47) echo "$f" ;;
			esac
		done
	done
}
# wait_for TEXT: until sscard has printed TEXT (at most 60 s).
wait_for() {
	i=0
	until grep -qF "$1" "$T/out" 2> /dev/null; do
		i=$((i + 1))
		[ $i -lt 600 ] || return 0
		sleep 0.1
	done
}
# A citizen answers up to the fixed photo's check, walks away; the scan runs after the
# wipe while sscard still runs; then the helper leaves.
{
	printf '\n\n1\n张三\n\n1\n'	# no checklist file in a kiosk
	printf '%s/usb/../secret.jpg\n' "$T"
	printf '%s/usb/link.jpg\n' "$T"
	printf '%s\n' "$T/secret.jpg"
	printf '1\n'		# the list's photo
	printf '1\n'		# fix it
	wait_for "Press Enter to go on."
	scan > "$T/before"	# the fixed photo exists now
	ls "$T/run" > "$T/ws.before"
	wait_for "Everything typed here has been deleted."
	scan > "$T/found"
	ls "$T/run" > "$T/ws.after"
	find "$T/run" -mindepth 2 > "$T/ws.files"
	printf '\033\n3\n2468\n'
} | "$SSCARD" --config "$T/kiosk.conf" > "$T/out" 2>&1 && st=0 || st=$?
[ "$st" -eq 3 ] || fail "status $st: $(tail -20 "$T/out")"
grep -q "This is a shared computer" "$T/out" || fail "the welcome does not announce the idle wipe"
! grep -q "Save the checklist" "$T/out" || fail "a kiosk offers to write a file"
grep -q "^  1: $T/usb/photo.jpg (JPEG" "$T/out" || fail "the USB photo is not listed: $(cat "$T/out")"
! grep -q "link.jpg (JPEG" "$T/out" || fail "a symlink out of photo_dirs is listed"
grep -q "^!! .*'\.\.'" "$T/out" || fail "'..' was not refused"
# The message is broken into lines at 80 columns, the folder's path on the next one under a long TMPDIR.
[ "$(tr '\n' ' ' < "$T/out" | grep -o "!! [^!]*can only come from $T/usb" | wc -l)" -ge 2 ] ||
	fail "the symlink or the outside path was not refused: $(grep '^!!' "$T/out")"
grep -q "The fixed photo, checked against" "$T/out" || fail "the photo was not fixed"
grep -q "^Nobody has typed anything for a while. Press Enter" "$T/out" || fail "no idle notice"
grep -q "Everything typed here has been deleted." "$T/out" || fail "no wipe"
[ "$(grep -c "Step 1 of 8" "$T/out")" -eq 2 ] || fail "did not start again at the welcome"
grep -q "PIN accepted." "$T/out" || fail "the PIN did not let the helper leave"
[ -s "$T/before" ] || fail "the scan finds nothing even before the wipe: it cannot see a remnant"
[ ! -s "$T/found" ] || fail "after the idle wipe these remain: $(cat "$T/found")"
# The wipe took the citizen's workspace; the next one has a new, empty one.
[ "$(wc -l < "$T/ws.before")" -eq 1 ] && [ "$(wc -l < "$T/ws.after")" -eq 1 ] ||
	fail "one workspace expected: before $(cat "$T/ws.before"), after $(cat "$T/ws.after")"
! cmp -s "$T/ws.before" "$T/ws.after" || fail "the wipe kept the citizen's workspace"
[ ! -s "$T/ws.files" ] || fail "the next citizen's workspace is not empty: $(cat "$T/ws.files")"
scan > "$T/found"
[ ! -s "$T/found" ] || fail "after leaving these remain: $(cat "$T/found")"
[ -z "$(find "$HOME" -type f)" ] || fail "files in the home folder: $(find "$HOME" -type f)"
[ -z "$(find "$T/run" -mindepth 1)" ] || fail "the workspace remains: $(find "$T/run")"
echo "kiosk idle wipe OK"
