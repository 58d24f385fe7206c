#!/bin/sh
# materials-checklist.sh -- the checklist: ticks, saving with Ctrl-S or the button, errors.
. "$top_srcdir/tests/lib.sh"

to_materials="<Enter><Down><Down><Enter>张三<F3>"

# Tick two items, save to a file with Ctrl-S.
keys "$to_materials<Space><Down><Down><Space><Tab><Tab><Tab><Tab><Tab><Tab><C-u>$T/list.txt<C-s>"
run_sscard
assert_snap materials "2 of 7 ready" "Checklist saved to $T/list.txt"
[ -f "$T/list.txt" ] || fail "no checklist written"
[ "$(mode_of "$T/list.txt")" = 600 ] || fail "checklist mode $(mode_of "$T/list.txt")"
grep -q "^\[x\] Your ID card, original and a photocopy$" "$T/list.txt" || fail "item 1 not ticked"
grep -q "^\[ \] Your current social security card" "$T/list.txt" || fail "item 2 ticked"
grep -q "^\[x\] A recent 1-inch colour photo" "$T/list.txt" || fail "item 3 not ticked"
[ "$(grep -c '^\[' "$T/list.txt")" -eq 7 ] || fail "not every item is listed"
grep -q "Social security centre" "$T/list.txt" || fail "the channel is not named"

# A folder that does not exist: a message, and the screen (and ticks) stay.
keys "$to_materials<Space><Up><Up><C-u>$T/none/list.txt<Enter><F2><F3>"
run_sscard
grep -lF "cannot write $T/none/list.txt" "$T"/shots/*-materials.txt > /dev/null ||
	fail "no error for an unwritable path"
assert_snap materials "1 of 7 ready"

# In Chinese the saved list is in Chinese too.
keys "$to_materials<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><C-u>$T/zh.txt<C-s>"
run_sscard --lang zh_CN
grep -qF "$(tr_ zh_CN 'Your ID card, original and a photocopy')" "$T/zh.txt" ||
	fail "the saved list is not in Chinese"
