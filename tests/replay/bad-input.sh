#!/bin/sh
# bad-input.sh -- bad input at every field is refused with a message; nothing typed is lost.
. "$top_srcdir/tests/lib.sh"

make_passing_photo "$T/photo.jpg"
printf 'this is text, not a photo\n' > "$T/text.jpg"
: > "$T/empty.jpg"
head -c 300 "$T/photo.jpg" > "$T/truncated.jpg"
# A card service (one that cannot be reached): only then are the ID and mobile
# numbers asked, and checked.
printf '[backend]\nname = Test card service\nbase_url = https://127.0.0.1:9/\nretries = 0\nconnect_timeout = 2\n' > "$T/svc.conf"

# Channel: Next with no channel chosen.
keys "<Enter><F3>"
run_sscard --config "$T/svc.conf"
assert_status 4
assert_snap channel "Choose how you will apply first"

# Details: each bad value in turn, fixed in place (the focus goes to the bad field).
keys "<Enter><Enter>
<F3>
张三<F3>
11010519491231002<F3>
1<F3>
<BS>X<F3>
12345<F3>
<C-u>13800138000<F3>
<F2>
<F3>"
run_sscard --config "$T/svc.conf"
assert_status 4
for msg in "Please enter your full name" "this one has 0." "this one has 17." \
    "This ID number does not check out" "this one has 5."; do
	grep -lF "$msg" "$T"/shots/*-details.txt >/dev/null || fail "not refused: $msg"
done
# After Back (F2) and Next (F3) the details were kept and went through again.
[ "$(ls "$T/shots" | grep -c -- -materials.txt)" -ge 2 ] || fail "Back/Next lost the details"

# Back from materials keeps every field.
keys "<Enter><Enter>张三<Tab>11010519491231002X<Tab>13800138000<F3><F2>"
run_sscard --config "$T/svc.conf"
assert_status 4
assert_snap details "张三" "11010519491231002X" "13800138000"

# A wrong check character: the number does not check out, to be compared with the
# card; the character that would fit is never named (the typo may be elsewhere, and
# "fixing" the last one makes someone else's number).  In every language.
bad_id="This ID number does not check out: a digit may be mistyped. Compare it with your ID card, digit by digit."
for l in en zh_CN zh_TW es; do
	keys "<Enter><Enter>张三<Tab>110105194912310021<Tab>13800138000<F3>"
	run_sscard --config "$T/svc.conf" --lang=$l
	want=$(tr_ $l "$bad_id")
	[ $l = en ] || [ "$want" != "$bad_id" ] || fail "$l: the ID check message is not translated"
	tr -d ' \n' < "$(last_snap details)" | grep -qF -- "$(printf '%s' "$want" | tr -d ' ')" ||
		fail "$l: the details step does not say: $want: $(cat "$(last_snap details)")"
	! grep -q "should be X\|应为 X\|應為 X\|debería ser X" "$(last_snap details)" ||
		fail "$l: the details step names a check character"
	assert_snap details "张三" "13800138000"
	# Plain mode reads the same sentence.
	printf '\n\n1\n张三\n110105194912310021\n' |
	    "$SSCARD" --plain --config "$T/svc.conf" --lang=$l > "$T/plain" 2>&1
	tr -d ' \n' < "$T/plain" | grep -qF -- "$(printf '%s' "$want" | tr -d ' ')" ||
		fail "$l: plain mode does not say: $want: $(tail -5 "$T/plain")"
done
keys "<Enter><Enter>张三<Tab>11010519491231002x<Tab>13800138000<F3>"
run_sscard --config "$T/svc.conf"
assert_snap materials "Online"

# Impossible and future birth dates.
keys "<Enter><Enter>张三<Tab>110105194902300023<Tab>13800138000<F3>"
run_sscard --config "$T/svc.conf"
assert_snap details "not a real date"
keys "<Enter><Enter>张三<Tab>110105209901010027<Tab>13800138000<F3>"
run_sscard --config "$T/svc.conf"
assert_snap details "in the future"

# A 15-digit number is converted and offered; a second Next accepts it.
keys "<Enter><Enter>张三<Tab>370725881105149<Tab>13800138000<F3>"
run_sscard --config "$T/svc.conf"
assert_snap details "37072519881105149X" "its 18-digit form is 37072519881105149X"
keys "<Enter><Enter>张三<Tab>370725881105149<Tab>13800138000<F3><F3>"
run_sscard --config "$T/svc.conf"
assert_snap materials "Online"

# Names: digits are refused; a name with a middle dot is accepted.
keys "<Enter><Enter>Zhang3<Tab>11010519491231002X<Tab>13800138000<F3>"
run_sscard --config "$T/svc.conf"
assert_snap details "cannot contain '3'"
keys "<Enter><Enter>买买提·艾力<Tab>11010519491231002X<Tab>+86 138-0013-8000<F3>"
run_sscard --config "$T/svc.conf"
assert_snap materials "Online"

# Photo: missing, text named .jpg, empty, truncated; then a real one goes on.
base="<Enter><Enter>张三<Tab>11010519491231002X<Tab>13800138000<F3><F3>"
for case in "missing.jpg:cannot open" "text.jpg:neither a JPEG nor a PNG" \
    "empty.jpg:is empty" ; do
	file=${case%%:*}
	msg=${case#*:}
	keys "$base$T/$file<Enter>"
	run_sscard --config "$T/svc.conf"
	assert_snap photo "$msg" "$file"
done
keys "$base$T/text.jpg<Enter><C-u>$T/photo.jpg<Enter><F3>"
run_sscard --config "$T/svc.conf"
assert_snap review "checked (on the right)"

# Review: no consent, no queue; the entry appears only with consent.
keys "$base$T/photo.jpg<Enter><F3><F3>"
run_sscard --config "$T/svc.conf"
assert_snap review "Tick the consent line"
[ -z "$(outbox_entries)" ] || fail "an application was queued without consent"
