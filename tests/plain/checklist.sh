#!/bin/sh
# checklist.sh -- saving the checklist never replaces a file: a name that exists (a
# photo, or a symbolic link to one) is refused with a message and asked again; a new
# file is made, mode 0600.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/plain/lib-plain.sh"
export TERM=dumb
cp "$PHOTOS/london_001_03.jpg" "$T/photo.jpg"
cp "$T/photo.jpg" "$T/photo.orig"
cp "$T/photo.jpg" "$T/other.jpg"
ln -s "$T/other.jpg" "$T/link.txt"
{
	printf '\n\n1\n张三\n\n1\n'
	printf '%s\n' "$T/photo.jpg" "$T/link.txt" "$T/list.txt"
} | "$SSCARD" --plain > "$T/out" 2>&1 || true
cmp -s "$T/photo.jpg" "$T/photo.orig" || fail "the photo was replaced by the checklist"
cmp -s "$T/other.jpg" "$T/photo.orig" && [ -L "$T/link.txt" ] || fail "the link or its target was replaced"
[ "$(tr -s "\n " "  " < "$T/out" | grep -o "!! ERROR: [^!]*already exists, and sscard does not" | wc -l)" -eq 2 ] ||
	fail "no message for an existing file: $(grep -a '!!\|Save' "$T/out")"
[ "$(grep -c "Save the checklist to a file" "$T/out")" -eq 3 ] || fail "not asked again"
grep -q "Checklist saved to $T/list.txt." "$T/out" || fail "a new name was not saved: $(cat "$T/out")"
[ "$(stat -c %a "$T/list.txt")" = 600 ] || fail "the checklist is not 0600"
grep -q "sscard checklist" "$T/list.txt" || fail "the checklist is empty"
echo "checklist never replaces a file OK"
