# long-message.sh -- a message that does not fit the two status rows at 80x24 is shown
# whole (the body gives way), never cut mid-sentence ("...the automatic fix cannot"),
# in every language, double-width Chinese too.
. "$top_srcdir/tests/lib.sh"

# flat FILE: the screen's text without spaces or line breaks.
flat() {
	tr -d ' \n' < "$1"
}

# whole LANG TEXT: the newest check screen holds TEXT in one piece.
whole() {
	f=$(last_snap check)
	flat "$f" | grep -qF -- "$(printf '%s' "$2" | tr -d ' \n')" ||
		{ cat "$f" >&2; fail "$1: the message is not shown whole: $2"; }
}

to_check="<Enter><Enter>张三<Tab>11010519491231002X<Tab>13800138000<Enter><Enter><F3>"
light_top="The top is white or light: on the white background it merges with it, which is not allowed. Wear a dark top; the automatic fix cannot change it."
for l in en zh_CN zh_TW es; do
	# A light top cannot be fixed: Next says why, in three lines or more.
	keys "$to_check$PHOTOS/london_001_03.jpg<Enter><F3>"
	run_sscard --lang=$l --graphics=none
	# shellcheck disable=SC2059
	whole $l "$(printf "$(tr_ $l 'This photo cannot be used: %s')" "$(tr_ $l "$light_top")")"
	# A photo that can be fixed: Next says which rule fails and what Enter does.
	keys "$to_check$PHOTOS/canada_095m_white_m_darktop_frontal.jpg<Enter><F3>"
	run_sscard --lang=$l --graphics=none
	# shellcheck disable=SC2059
	whole $l "$(printf "$(tr_ $l "The photo fails the rule '%s'. Press Enter to fix it automatically, or go back and choose another photo.")" "$(tr_ $l 'Size in pixels')")"
	# The key line and the rule above it stay where they are.
	f=$(last_snap check)
	[ "$(wc -l < "$f")" -le 24 ] || fail "$l: the screen grew past 24 lines"
	sed -n 23p "$f" | grep -q '^-----' || fail "$l: the rule above the keys moved: $(cat "$f")"
done
