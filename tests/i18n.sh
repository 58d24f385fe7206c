#!/bin/sh
# i18n.sh -- every translatable file is in POTFILES; every catalog is complete and valid.
. "$top_srcdir/tests/lib.sh"
cd "$top_srcdir"

# Every source file that marks a message with _("...") or N_("...") must be
# listed: headers too (the key table's help texts are N_() strings in a header),
# whatever the file's extension.  The template is made from POTFILES alone, so a
# file missing here would be missing from the template as well and the
# staleness check below could not notice it.
marked=$(find src screens -type f ! -name '*.o' ! -name '*.a' -exec grep -lIE '(^|[^A-Za-z0-9_])[NC]?_\("' {} + | sort)
[ -n "$marked" ] || fail "no source file marks a message: the search for _() is broken"
for f in $marked; do
	grep -qx "$f" locales/POTFILES || fail "$f uses gettext but is not in locales/POTFILES"
done
while read -r f; do
	[ -f "$f" ] || fail "locales/POTFILES names $f, which does not exist"
done < locales/POTFILES

# The template is current: no message in the sources is missing from it.
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
	-o "$T/fresh.pot" -f locales/POTFILES
msgcmp --use-untranslated "$T/fresh.pot" locales/sscard.pot 2> "$T/cmp" ||
	{ head -n 20 "$T/cmp" >&2; fail "locales/sscard.pot is stale: run make update-po"; }

# No msgid serves two senses ("none" for a dpi not stated and for no ornament).
python3 "$top_srcdir/tests/i18n/contexts.py" "$T/fresh.pot" > "$T/contexts" ||
	{ cat "$T/contexts" >&2; fail "a message is used in two senses without a context"; }

for l in zh_CN zh_TW es; do
	"$MSGFMT" --check --statistics -o /dev/null "locales/$l.po" 2> "$T/stat" ||
		{ cat "$T/stat" >&2; fail "$l.po does not compile"; }
	grep -Eq 'untranslated|fuzzy' "$T/stat" && { cat "$T/stat" >&2; fail "$l.po is incomplete"; }
	# Every message of the template is in the catalog, translated.
	msgcmp "locales/$l.po" "$T/fresh.pot" 2> "$T/cmp" ||
		{ head -n 20 "$T/cmp" >&2; fail "$l.po lacks messages: run make update-po"; }
done

# The catalogs follow the glossary (terms, variants to avoid, Traditional
# characters in zh_TW, full-width punctuation in Chinese).
command -v opencc > /dev/null || fail "opencc is not installed (build-aux/install-deps installs it)"
python3 "$top_srcdir/tests/i18n/glossary.py" "$top_srcdir" > "$T/glossary" ||
	{ cat "$T/glossary" >&2; fail "the catalogs do not follow locales/glossary.tsv"; }

# The catalogs work on a machine where only C.UTF-8 exists.
keys "<Enter>"
run_sscard --lang zh_TW
assert_snap channel "$(tr_ zh_TW 'How to apply')"
# LANG decides when LC_ALL is not set; zh_CN.UTF-8 need not be installed.
unset LC_ALL
LANG=zh_CN.UTF-8 run_sscard
assert_snap welcome "$(tr_ zh_CN 'Welcome')"
LC_ALL=es_ES.UTF-8 LANG=zh_CN.UTF-8 run_sscard
assert_snap welcome "$(tr_ es 'Welcome')"
export LC_ALL=C.UTF-8
LANGUAGE=es:en LANG=C.UTF-8 run_sscard
assert_snap welcome "$(tr_ es 'Welcome')"
# CJK is laid out by display width: no screen line is wider than 80 columns.
for f in "$T"/shots/*.txt; do
	python3 -c '
import sys, unicodedata
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.rstrip("\n"))
    if w > 80:
        sys.exit("%s:%d is %d columns wide" % (sys.argv[1], n, w))
' "$f" || fail "a line is too wide"
done

# Numbers shown to people use the language's decimal separator; JSON keeps the point.
LANGUAGE=es "$SSCARD" check "$PHOTOS/lisa3.jpg" > "$T/es.txt" 2>&1 || true
# (lisa3's head is rolled about 19°.)
grep -Eq -- "-1[89],[0-9]°" "$T/es.txt" || fail "no decimal comma in Spanish: $(cat "$T/es.txt")"
tail -n +2 "$T/es.txt" | grep -E '[0-9]\.[0-9]' &&
	fail "a decimal point in Spanish: $(tail -n +2 "$T/es.txt" | grep -E '[0-9]\.[0-9]')"
LANGUAGE=es "$SSCARD" check --json "$PHOTOS/lisa3.jpg" 2>&1 | grep -Eq -- '"-1[89]\.[0-9]°"' ||
	fail "JSON lost its decimal point"
LANGUAGE=zh_CN "$SSCARD" check "$PHOTOS/lisa3.jpg" 2>&1 | grep -Eq -- "-1[89]\.[0-9]°" ||
	fail "the decimal point is gone in Chinese"

# "none" in two senses: a file that states no dpi, and no ornament expected.  The
# ornaments row read 应为 未标注 ("not marked") when both shared one msgid.
row() {
	python3 -c '
import json, sys
d = json.loads(sys.stdin.readline())
print({c["id"]: c for c in d["checks"]}[sys.argv[1]][sys.argv[2]])' "$1" "$2"
}
for l in zh_CN zh_TW es; do
	dpi=$(LANGUAGE=$l "$SSCARD" check --json "$PHOTOS/astronaut.png" | row dpi value)
	orn=$(LANGUAGE=$l "$SSCARD" check --json "$PHOTOS/canada_053f_white_f_headband.jpg" |
	    row accessories expected)
	[ "$dpi" != none ] || fail "$l: the missing dpi is not translated"
	[ "$orn" != "$dpi" ] && [ "$orn" != none ] ||
		fail "$l: the ornaments row expects '$orn', the word for a dpi not stated"
done
exit 0
