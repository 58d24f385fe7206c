#!/bin/sh
# draft-lock.sh -- two plain-mode runs of one account at once: the first holds the
# draft; the second says a draft is in use by another sscard and keeps none, so the
# next start offers the first run's answers, not the second's.
. "$top_srcdir/tests/lib.sh"
unset XDG_STATE_HOME
export TERM=dumb
draft="$HOME/.local/state/sscard/draft.json"

# flat FILE: its text on one line, so that a wrapped sentence can be found.
flat() {
	tr -s '\n ' '  ' < "$1"
}

# The first run waits at the question after the name, its answers typed through a FIFO.
mkfifo "$T/in"
"$SSCARD" --plain < "$T/in" > "$T/first.out" 2>&1 &
first=$!
exec 3> "$T/in"
printf '\n\n3\n张三丰\n' >&3
i=0
until grep -q "Whose card" "$T/first.out"; do
	i=$((i + 1))
	[ "$i" -lt 300 ] || fail "the first run did not reach the question after the name: $(cat "$T/first.out")"
	sleep 0.1
done
[ -f "$draft" ] || fail "the first run keeps no draft"
flat "$T/first.out" | grep -qF "kept encrypted as a draft" || fail "the first run does not say it keeps a draft"

# The second run, meanwhile: not offered the first's answers, told why it keeps no
# draft, and it leaves the first's alone.
sum=$(cksum < "$draft")
keys "<Enter><Enter>1<Enter>李四<Enter>"
run_sscard --plain
assert_status 4
! grep -qF "张**" "$T/out" || fail "the second run was offered the first's draft"
[ "$(cksum < "$draft")" = "$sum" ] || fail "the second run wrote over the first's draft"
flat "$T/out" | grep -qF "no draft is kept, as a draft is in use by another sscard of this account" ||
	fail "the second run does not say the draft is in use: $(cat "$T/out")"
[ -f "$draft" ] || fail "the second run deleted the first's draft"

# The first run ends (its input closes) and keeps its answers.
exec 3>&-
wait "$first"
keys "<Enter>"
run_sscard --plain
grep -qF "张**" "$T/out" || fail "the first run's draft is not the one offered: $(grep -i answers "$T/out")"
! grep -qF "李*," "$T/out" || fail "the second run overwrote the first's draft"
