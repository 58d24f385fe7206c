#!/bin/sh
# data-minimisation.sh -- data minimisation: with no card service the ID and mobile
# numbers are never asked, shown or kept; whether the card is a child's is asked
# instead and changes the consent and the next steps. With a service both are
# asked, and a child's birth date in the ID number says the same.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"

make_passing_photo "$T/photo.jpg"

# no_service_keys WHOSE: a whole run with no service; WHOSE is typed on the
# "Whose card" choice (empty: an adult's; <Right>: a child's).
no_service_keys() {
	keys "<Enter>
$(channel_keys 1)
张三<Enter>$1<Enter><Enter>
<Space><F3>
$T/photo.jpg<Enter><F3>
<Space><F3>
<Enter><Enter>"
}

no_service_keys ""
run_sscard
assert_status 0
assert_snap details "Whose card:" "No card service is configured on this computer"
refute_snap details "ID number:"
refute_snap details "Mobile number:"
assert_snap review "Whose card:" "mine, or an adult's"
refute_snap review "ID number:"
refute_snap review "Show the full ID number"
refute_snap review "parent or guardian (监护人)"
k=$(kit_dir)
! grep -qF "For a child:" "$k/summary.txt" || fail "an adult's summary speaks of a child"
rm -rf "$HOME/sscard"

# For a child: the consent is the guardian's; the next steps say what to bring.
no_service_keys "<Right>"
run_sscard
assert_status 0
assert_snap review "a child under 16" "I am the child's parent or guardian (监护人)"
assert_snap receipt "For a child:"
k=$(kit_dir)
grep -qF "户口簿" "$k/summary.txt" || fail "the summary does not name the household register"
rm -rf "$HOME/sscard"

# In Chinese too.
keys "<Up><Up><Enter>
$(channel_keys 1)
张三<Enter><Right><Enter><Enter>"
run_sscard
assert_status 4
assert_snap details "$(tr_ zh_CN 'Whose card:')"
refute_snap details "$(tr_ zh_CN 'ID number:')"
[ "$(tr_ zh_CN 'Whose card:')" != "Whose card:" ] || fail "'Whose card:' is not translated"
rm -rf "$HOME/.local/state"

# The draft of a run with no service holds no number even if one was kept
# from a run that had one (the details step empties them).
# Plain mode asks no number either, and reads nothing typed as one.
export TERM=dumb
keys "<Enter>
<Enter>
2<Enter>
张三<Enter>
2<Enter>
<Enter>
<Enter>
$T/photo.jpg<Enter>
<Enter>
1<Enter>
<Enter>
<Enter>"
run_sscard
assert_status 0
tr="$T/shots/transcript.txt"
! grep -qF "ID number:" "$tr" || fail "plain mode asks for the ID number with no service"
! grep -qF "Mobile number:" "$tr" || fail "plain mode asks for the mobile number with no service"
grep -qF "Whose card: a child under 16" "$tr" || fail "plain review: $(grep -F 'Whose card' "$tr")"
rm -rf "$HOME/sscard" "$HOME/.local"

# With a card service the numbers are asked, and a birth date under 16 years
# ago makes it a child's card (the ID number 110105201001010014 is born 2010).
printf '[backend]\nname = Test card service\nbase_url = https://127.0.0.1:9/\nretries = 0\nconnect_timeout = 2\n' > "$T/conf"
unset TERM
keys "<Enter>
$(channel_keys 1)
张三<Tab>$IDNUM<Tab>13800138000<Enter><Enter>"
run_sscard --config "$T/conf"
assert_status 4
assert_snap details "ID number:" "Mobile number:" "needs them to apply"
refute_snap details "Whose card:"
echo "numbers OK"
