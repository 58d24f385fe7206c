#!/bin/sh
# key-scripts.sh -- key scripts: errors before anything runs, exit statuses, help, quit, receipt.
. "$top_srcdir/tests/lib.sh"

# An unknown key name is refused before anything runs, naming line and column.
keys "# fine
<Enter>ab<Bogus>"
run_sscard
assert_status 2
grep -q "line 2, column 10: unknown key name <Bogus>" "$T/err" || fail "message: $(cat "$T/err")"
[ ! -e "$T/shots" ] || fail "snapshots written for a refused script"

printf 'ok\n\377\n' > "$T/keys"
run_sscard
assert_status 2
grep -q "line 2, column 1: invalid UTF-8" "$T/err" || fail "message: $(cat "$T/err")"

rm -f "$T/nosuch"
"$SSCARD" --replay "$T/nosuch" > /dev/null 2> "$T/err"
status=$?
assert_status 2
grep -q "nosuch" "$T/err" || fail "missing script not named"

# The script runs out: its own exit status, and a message naming the step.
keys "<Enter>"
run_sscard
assert_status 4
grep -q "ended before the wizard did (on step 'channel')" "$T/err" || fail "$(cat "$T/err")"

# Esc asks; N stays; Esc then Y quits with "cancelled" and stores nothing.
keys "<Esc>n<Enter><Esc>y"
run_sscard
assert_status 3
assert_snap quit "Quit sscard?" "Quit (Y)" "Stay (N)"
assert_snap channel "Online"
[ -z "$(outbox_entries)" ] || fail "cancelling stored something"

# Esc then K quits keeping the answers as a draft, which the next start offers; quitting
# with Y keeps none.  K is offered only where a draft can be kept (the welcome step says so).
keys "<Enter><Esc>k"
run_sscard
assert_status 3
assert_snap quit "Quit (Y)" "Stay (N)" "Keep a draft (K)"
draft="$HOME/.local/state/sscard/draft.json"
[ -f "$draft" ] || fail "K kept no draft"
keys "<Esc>y"
run_sscard
assert_snap welcome "Answers of"
[ ! -e "$draft" ] || fail "Y kept the draft"
# On the welcome step there are no answers to keep: no K, and the box does not offer one.
refute_snap quit "Keep a draft (K)"
refute_snap quit "unless you keep"

# Esc then Enter keeps the default, which is to stay.
keys "<Esc><Enter>"
run_sscard
assert_status 4
tail -n 1 "$T/shots/index" | grep -q welcome || fail "Enter on the quit box did not stay"

# F1 and ? open this screen's help with every key; any key closes it.
keys "<F1><Esc><Enter>?"
run_sscard
assert_status 4
for text in "Help: Welcome" "Choose the language" "F2 PgUp" "Show help for this screen"; do
	grep -qF "$text" "$T/shots/0002-help.txt" || fail "first help does not show: $text"
done
ls "$T/shots" | grep -q -- "-channel.txt" || fail "help did not close"
assert_snap help "Help: How to apply"

# The cursor ends on the focus: the language item, then the first field.
keys "<Enter><Enter>张"
run_sscard
grep -q "^0001-welcome cursor=[0-9]*,4$" "$T/shots/index" || fail "welcome cursor: $(head -1 "$T/shots/index")"
grep -q "details cursor=5,23$" "$T/shots/index" || fail "details cursor: $(cat "$T/shots/index")"

# Snapshots trim trailing blanks and name the screen.
for f in "$T"/shots/*.txt; do
	! grep -q ' $' "$f" || fail "$f has trailing blanks"
done
ls "$T/shots" | grep -Eq '^0001-welcome\.txt$' || fail "snapshot names: $(ls "$T/shots")"

# A terminal smaller than 80x24 gets a polite message with the size needed.
keys "<Enter>"
COLUMNS=70 LINES=20 run_sscard
assert_snap too-small "70 columns by 20 lines" "at least" "80 columns and 24 lines"

# Snapshots show personal data: a private folder, private files, the index too.
keys "<Enter><Enter>张三"
run_sscard
[ "$(mode_of "$T/shots")" = 700 ] || fail "snapshot folder is $(mode_of "$T/shots")"
for f in "$T"/shots/*; do
	[ "$(mode_of "$f")" = 600 ] || fail "$f is $(mode_of "$f"), not 600"
done
