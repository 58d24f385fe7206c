#!/bin/sh
# walk.sh -- plain mode with TERM=dumb: each channel to the end, in English and Chinese;
# the transcript reads line by line; with no card service the kit is written (the checked
# photo, the print sheet, the summary) as on the curses last step, and no outbox entry.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"
export TERM=dumb
"$SSCARD" fix "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" -o "$T/photo.jpg" > "$T/fix.out" 2>&1 ||
	fail "sscard fix could not make a passing photo: $(cat "$T/fix.out")"

# start_of TEXT: its first 12 characters, which fit on any wrapped line.
start_of() {
	python3 -c 'import sys; print(sys.argv[1][:12])' "$1"
}

# plain_keys LANGUAGE CHANNEL: answers, one a line; with a wrong answer, help and a step back.
plain_keys() {
	keys "$1<Enter>
<Enter>
9<Enter>
$2<Enter>
张三<Enter>
123<Enter>
?<Enter>
<<<Enter>
<Enter>
<Enter>
1 2<Enter>
<Enter>
$T/photo.jpg<Enter>
<Enter>
1<Enter>
<Enter>
<<<Enter>
1<Enter>
<Enter>"
}

# check_plain CHANNEL LANG: transcript and outbox entry of the last run.
check_plain() {
	tr="$T/shots/transcript.txt"
	[ -f "$tr" ] || fail "no transcript"
	[ "$(mode_of "$tr")" = 600 ] || fail "transcript is $(mode_of "$tr")"
	# Lines only: no escape sequences, no carriage returns.
	! grep -q "$(printf '\033')" "$tr" || fail "escape sequences in plain mode"
	! grep -q "$(printf '\r')" "$tr" || fail "carriage returns in plain mode"
	grep -q '^  1: \[\*\] ' "$tr" || fail "no default marked [*]: $(head -30 "$tr")"
	grep -q "^!! $(tr_ "$2" 'ERROR:')" "$tr" || fail "no !! ERROR: line"
	grep -qF "$(tr_ "$2" 'Type a number from 1 to %d, then Enter.' | sed 's/%d/4/')" "$tr" ||
		fail "a wrong choice is not explained"
	grep -qF "$(start_of "$(tr_ "$2" 'Choose 2 if the card is for a child under 16: a parent or guardian then applies and gives consent for the child.')")" "$tr" ||
		fail "'?' shows no help"
	[ "$(grep -cF "$(tr_ "$2" 'Full name:')" "$tr")" -ge 2 ] || fail "'<' did not go back to the name"
	# No card service: no number is asked (tests/plain/send-to-service.sh reads one back).
	! grep -qF "$(tr_ "$2" 'ID number:')" "$tr" || fail "the ID number is asked with no service"
	title=$(tr_ "$2" 'Step %d of %d: %s' | sed "s/%d/3/; s/%d/8/; s/%s/$(tr_ "$2" 'Personal details')/")
	[ "$(grep -cxF -- "$title" "$tr")" -eq 1 ] || fail "section title '$title' not exactly once"
	grep -A1 -xF -- "$title" "$tr" | tail -n 1 | grep -qx -- '-*' || fail "title not underlined"
	grep -qF "$(start_of "$(tr_ "$2" 'Nothing has been sent: sscard prepared your application kit on this computer. Save it, then apply yourself as the steps below say.')")" "$tr" ||
		fail "the receipt does not say that nothing was sent"
	[ -z "$(outbox_entries)" ] || fail "an outbox entry without a card service: $(outbox_entries)"
	k=$(kit_dir)
	check_kit "$k" "$T/photo.jpg"
	grep -qF "$(tr_ "$2" 'Next steps:')" "$k/summary.txt" || fail "the summary has no next steps"
	grep -qF "$(tr_ "$2" 'Next steps:')" "$tr" || fail "the receipt step shows no next steps"
	grep -qF "$k" "$tr" || fail "the receipt does not name the kit folder"
	# Back from the last step goes to the review, as on the curses side; the kit stays saved.
	[ "$(grep -c "$(tr_ "$2" 'Review')\$" "$tr")" -ge 2 ] || fail "'<' on the receipt did not go back to the review"
	rm -rf "$HOME/sscard"
	# Stored: no draft is left behind.
	[ ! -e "$HOME/.local/state/sscard/draft.json" ] || fail "a draft remains after storing"
	rm -rf "$HOME/.local/share/sscard"
}

n=0
for lang in en zh_CN; do
	case $lang in en) pick=3 ;; zh_CN) pick=1 ;; esac
	for ch in online bank centre; do
		n=$((n + 1))
		plain_keys "$pick" "$n"
		[ "$n" -gt 3 ] && plain_keys "$pick" "$((n - 3))"
		run_sscard
		assert_status 0
		check_plain "$ch" "$lang"
	done
done

# Chinese screens speak Chinese.
grep -qF "$(tr_ zh_CN 'Full name:')" "$T/shots/transcript.txt" || fail "no Chinese"
[ "$(tr_ zh_CN 'Full name:')" != "Full name:" ] || fail "no zh_CN catalog"

# Automatic: TERM=dumb or ACCESSIBLE, without --plain, reading typed lines from stdin.
printf '\n\n1\n' > "$T/lines"
for env in "TERM=dumb" "TERM=xterm ACCESSIBLE=1"; do
	st=0
	env $env "$SSCARD" < "$T/lines" > "$T/out" 2>&1 || st=$?
	[ $st -eq 3 ] || fail "$env: status $st: $(cat "$T/out")"
	grep -qF "$(tr_ en 'Step %d of %d: %s' | sed 's/%d/3/; s/%d/8/; s/%s/Personal details/')" "$T/out" ||
		fail "$env: not plain mode: $(cat "$T/out")"
done
# ACCESSIBLE=0 or false is not a request for plain mode (no terminal: the curses wizard refuses).
for v in 0 false; do
	st=0
	TERM=xterm ACCESSIBLE=$v "$SSCARD" < "$T/lines" > "$T/out" 2>&1 || st=$?
	grep -q "needs a terminal" "$T/out" || fail "ACCESSIBLE=$v chose plain mode: $(cat "$T/out")"
done
# --record writes typed lines as a key script that --replay types again.
rm -rf "$HOME/.local/state"	# the runs above left a draft: no resume offer here
printf '\n\n3\n王 小明\n\n\n\n%s\n\n1\n%s\n\n' "$T/photo.jpg" "$T/kit1" > "$T/lines"
st=0
"$SSCARD" --record "$T/rec.keys" < "$T/lines" > "$T/out" 2>&1 || st=$?
[ $st -eq 0 ] || fail "recording run: status $st: $(tail "$T/out")"
[ "$(mode_of "$T/rec.keys")" = 600 ] || fail "the recording is not private"
grep -q "^王<Space>小明<Enter>$" "$T/rec.keys" || fail "recording: $(cat "$T/rec.keys")"
check_kit "$T/kit1" "$T/photo.jpg"
sed "s|$T/kit1|$T/kit2|" "$T/rec.keys" > "$T/rec2.keys"
"$SSCARD" --replay "$T/rec2.keys" > "$T/out" 2>&1 || fail "replaying the recording: $(tail "$T/out")"
check_kit "$T/kit2" "$T/photo.jpg"
cmp -s "$T/kit1/summary.txt" "$T/kit2/summary.txt" || fail "the replay's summary differs"

# Nothing typed, nothing kept.
rm -rf "$HOME/.local/state"
"$SSCARD" --plain < /dev/null > /dev/null 2>&1 || true
[ ! -e "$HOME/.local/state/sscard/draft.json" ] || fail "an empty session left a draft"
# Input ending early keeps a draft; the replay status says the script ran out.
keys "<Enter><Enter>1<Enter>李四<Enter>"
run_sscard --plain
assert_status 4
[ "$(mode_of "$HOME/.local/state/sscard/draft.json")" = 600 ] || fail "no private draft"
[ "$(mode_of "$HOME/.local/state/sscard")" = 700 ] || fail "draft folder not 700"
echo "plain walks OK"
