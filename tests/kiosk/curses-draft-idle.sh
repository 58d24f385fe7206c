#!/bin/sh
# curses-draft-idle.sh -- the hooks in the curses wizard: a draft after each step, offered on the
# welcome screen by masked name, resumed where it was or deleted; in a kiosk (tmux) an
# idle notice, then the wipe back to the welcome screen, with no draft kept.
. "$top_srcdir/tests/lib.sh"
command -v tmux > /dev/null || fail "tmux is missing"
unset XDG_STATE_HOME
draft="$HOME/.local/state/sscard/draft.json"

# A session that ends on the photo step leaves a draft of it.
keys "<Enter><Enter>张三丰<Enter><Enter><Enter><Space><F3>"
run_sscard
assert_status 4
[ "$(json "$draft" 'd["step"]')" = photo ] || fail "draft step: $(json "$draft" 'd["step"]')"
[ "$(mode_of "$draft")" = 600 ] || fail "draft not private"
# The next start offers it (masked); Resume goes on at the photo step with the answers.
keys "<Down><Down><Enter><Esc><Enter>"
run_sscard
assert_snap welcome "Answers of 张**, saved" "Resume them" "Delete them and start afresh"
refute_snap welcome "张三丰"
assert_snap photo "Step 5 of 8: Photo"
ls "$T/shots" | grep -q -- '-details.txt$' && fail "the details were asked again"
keys "<Down><Down><Enter><F2><F2>"
run_sscard
assert_snap details "张三丰" "Whose card:"
# Delete: the draft is gone and the welcome screen says so.
keys "<Down><Down><Down><Enter>"
run_sscard
assert_snap welcome "The saved answers were deleted."
[ ! -e "$draft" ] || fail "the draft was not deleted"

# The photo step lists the images of the folder by their bytes, newest first; Down and
# Enter take one.
mkdir -p "$T/pics"
cp "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" "$T/pics/scan-0001.dat"
touch -d '2 hours ago' "$T/pics/scan-0001.dat"
cp "$PHOTOS/london_001_03.jpg" "$T/pics/new.jpg"
echo "not a photo" > "$T/pics/notes.jpg"
keys "<Enter><Enter>张三丰<Enter><Enter><Enter><F3><Down><Down><Enter><F3>"
(cd "$T/pics" && run_sscard)
assert_snap photo "Photos found here, newest first" "new.jpg" "scan-0001.dat"
refute_snap photo "notes.jpg"
assert_snap photo "[scan-0001.dat"
f=$(last_snap photo)
[ "$(grep -n "^ *new.jpg" "$f" | cut -d: -f1)" -lt "$(grep -n "^ *scan-0001.dat" "$f" | cut -d: -f1)" ] ||
	fail "not newest first: $(cat "$f")"
assert_snap check "$(tr_ en 'Your photo, checked against the %s rules:' | sed 's/ %s.*//')"
grep -q "pixels: 480x640" "$(last_snap check)" || fail "the check is not of the chosen photo"
rm -f "$draft" "${draft%/*}"/draft-photo-*

# A kiosk's Esc: start again (Y) wipes; leaving needs the helper's PIN, never shown.
mkdir -p "$T/kit"
printf '2468\n2468\n' | "$SSCARD" kiosk-pin > "$T/pin.line" 2> /dev/null || fail "kiosk-pin"
printf '[kiosk]\nkit_dir = %s\n%s\n' "$T/kit" "$(cat "$T/pin.line")" > "$T/pin.conf"
keys "<Enter><Enter>张三丰<Esc>y<Esc><Tab>1111<Enter>"
run_sscard --kiosk --config "$T/pin.conf"
assert_status 4
assert_snap quit "Helper PIN:" "Start again (Y)"
assert_snap welcome "Shared computer: after 5 minutes without a key"
grep -q "Helper PIN: *\*\*\*\* *|" "$T"/shots/*-quit.txt || fail "the PIN is not shown as stars"
! grep -q "1111" "$T"/shots/*-quit.txt || fail "the PIN is shown"
assert_snap quit "That PIN is wrong."
assert_snap welcome "Everything typed here has been deleted."
keys "<Esc><Tab>2468<Enter>"
run_sscard --kiosk --config "$T/pin.conf"
assert_status 3
# A photo fixed in a kiosk is wiped with the rest; the USB stick's own file stays.
mkdir -p "$T/usb"
cp "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" "$T/usb/in.jpg"
printf 'photo_dirs = %s\n' "$T/usb" >> "$T/pin.conf"
keys "<Enter><Enter>张三丰<Enter><Enter><Enter><C-s><F3>$T/usb/in.jpg<F3><Enter><Esc>y"
(cd "$T" && run_sscard --kiosk --config "$T/pin.conf")
assert_snap materials "This kiosk does not save files"
[ ! -e "$T/sscard-checklist.txt" ] || fail "a kiosk saved a file"
assert_snap check "The fixed photo meets the rules"
assert_snap welcome "Everything typed here has been deleted."
# The draft folder's lock (an empty file, from the runs above) holds nothing.
[ -z "$(find "$HOME" -type f ! \( -name draft.lock -empty \))" ] ||
	fail "a kiosk wipe left: $(find "$HOME" -type f)"
[ -f "$T/usb/in.jpg" ] || fail "the citizen's own photo was deleted"

# A kiosk in a real terminal: nobody types, a notice, then the wipe.
printf '[kiosk]\nidle_seconds = 2\nnotice_seconds = 2\nkit_dir = %s\n' "$T/kit" > "$T/k.conf"
. "$top_srcdir/tests/kit/lib-tmux.sh"
screen_now() { tm capture-pane -p -t w; }
tm -f /dev/null new-session -d -s w -x 80 -y 24 "'$SSCARD' --kiosk --config '$T/k.conf'"
wait_for "Language / 语言"
tm_to_details
tm send-keys -t w -l "张三丰"
wait_for "Nobody has typed anything for a while"
screen_now | grep -q "张三丰" || fail "the notice already wiped the screen"
wait_for "Everything typed here has been deleted."
screen_now | grep -q "Step 1 of 8" || fail "not back at the welcome screen"
! screen_now | grep -q "张三丰" || fail "the name is still shown"
[ ! -e "$draft" ] || fail "a kiosk kept a draft"
! grep -rqa 张三丰 "$HOME" "$T/kit" || fail "the name is on disk"
# A key during the notice keeps the citizen's answers.
tm_to_details
tm send-keys -t w -l "李四"
wait_for "Nobody has typed anything for a while"
tm send-keys -t w -l "光"
wait_for "李四光"
sleep 3
screen_now | grep -q "李四光" || fail "a key during the notice did not keep the answers"
echo "curses hooks OK"
