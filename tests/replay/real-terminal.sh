#!/bin/sh
# real-terminal.sh -- black box in a real terminal (tmux): keys, cursor, resize, --record, replay.
. "$top_srcdir/tests/lib.sh"

need_tool tmux
make_passing_photo "$T/photo.jpg"
. "$top_srcdir/tests/kit/lib-tmux.sh"

tm -f /dev/null new-session -d -s w -x 80 -y 24 \
	"'$SSCARD' --record '$T/rec.keys'; echo \$? > '$T/exit'; tmux -L '$SOCK' wait-for -S done"
wait_for "Language / 语言"
tm send-keys -t w Enter
wait_for "Step 2 of 8"
tm send-keys -t w Down Down Enter
wait_for "Step 3 of 8"
tm send-keys -t w -l "张三"
wait_for "[张三"
# The cursor is in the name field, after the two wide characters.
[ "$(tm display -p -t w '#{cursor_x},#{cursor_y}')" = "25,5" ] ||
	fail "cursor at $(tm display -p -t w '#{cursor_x},#{cursor_y}'), expected 25,5"
tm send-keys -t w Enter Enter Enter
wait_for "Step 4 of 8"
tm send-keys -t w Space Down Space F3
wait_for "Step 5 of 8"
tm send-keys -t w -l "$T/photo.jpg"
tm send-keys -t w Enter
wait_for "Step 6 of 8"
wait_for "meets the rules"
tm send-keys -t w F3
wait_for "Step 7 of 8"
tm send-keys -t w Space F3
wait_for "Nothing has been sent"

# Too small: a polite message; large again: the receipt is redrawn whole.
tm resize-window -t w -x 70 -y 20
wait_for "80 columns and 24 lines"
tm resize-window -t w -x 80 -y 24
wait_for "Nothing has been sent"
tm send-keys -t w Enter
wait_for "Kit saved in"
tm send-keys -t w Enter
tm wait-for done
[ "$(cat "$T/exit")" = 0 ] || fail "exit status $(cat "$T/exit")"
[ "$(ls "$HOME/sscard" | wc -l)" -eq 1 ] || fail "no kit"
[ "$(mode_of "$T/rec.keys")" = 600 ] || fail "the recording is $(mode_of "$T/rec.keys"), not 600"
grep -q "^张三<Enter>$" "$T/rec.keys" ||
	{ cat "$T/rec.keys" >&2; fail "the recording does not hold what was typed"; }

# The recording replays to the same application: the same kit.
first=$HOME/sscard/$(ls "$HOME/sscard")
keys "$(cat "$T/rec.keys")"
run_sscard
assert_status 0
second=$(find "$HOME/sscard" -mindepth 1 -maxdepth 1 -type d ! -path "$first")
[ -n "$second" ] || fail "the replay made no kit"
for f in summary.txt photo.jpg; do
	cmp -s "$first/$f" "$second/$f" || fail "replayed $f differs"
done
