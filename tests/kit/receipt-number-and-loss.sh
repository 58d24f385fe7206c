#!/bin/sh
# receipt-number-and-loss.sh -- a photo studio's receipt number instead of a file (Shenzhen),
# and a lost card: the next steps start with the loss report.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"

SHENZHEN=2	# region index: national, beijing, shenzhen, ...

# Shenzhen, bank outlet, the studio's receipt number.
walk_keys en 1 $SHENZHEN "<Tab><Space><Tab>SZ20261201A8<F3>" > "$T/keys"
run_sscard
assert_status 0
assert_snap photo "[x] I have a photo studio's receipt number" "[SZ20261201A8"
assert_snap check "SZ20261201A8" "The office checks"
assert_snap review "SZ20261201A8 (a photo studio's receipt number"
d=$(kit_dir)
[ -f "$d/summary.txt" ] || fail "no summary"
[ ! -e "$d/photo.jpg" ] && [ ! -e "$d/print-sheet.jpg" ] || fail "a photo in a receipt-only kit"
assert_summary "$d" "SZ20261201A8" "Shenzhen 深圳" 立等可取 \
    "$(tr_ en 'Your ID card (original), your current card and %s.' | cut -c1-40)"
rm -rf "$HOME/sscard"

# A receipt number in a wrong form is refused with a message.
walk_keys en 1 $SHENZHEN "<Tab><Space><Tab>SZ-1<F3>" > "$T/keys"
run_sscard
assert_snap photo "6 to 30 letters and digits, with no spaces"
[ ! -e "$HOME/sscard" ] || fail "a kit was made with a bad receipt number"

# Online in Shenzhen: the region's own steps.
make_passing_photo "$T/sz.jpg" canada_095m_white_m_darktop_frontal.jpg shenzhen
walk_keys en 0 $SHENZHEN "$T/sz.jpg<Enter>" > "$T/keys"
run_sscard
assert_status 0
d=$(kit_dir)
check_kit "$d" "$T/sz.jpg"
assert_summary "$d" 数字相片回执 深圳社保 社会保障卡管理
rm -rf "$HOME/sscard"

# Where receipts are not taken (the national default) the option is absent.
make_passing_photo "$T/photo.jpg"
walk_keys en 0 0 "$T/photo.jpg<Enter>" > "$T/keys"
run_sscard
refute_snap photo "receipt number"
rm -rf "$HOME/sscard"

# A lost card: ticked on the materials step, the card is not needed, and the
# steps start with the loss report (挂失).
walk_keys zh_CN 2 0 "$T/photo.jpg<Enter>" "<Space><Up><Up><Up><Space>" "$PAGE_KEYS" > "$T/keys"
run_sscard
assert_status 0
assert_snap materials "[x] $(tr_ zh_CN 'My current card is lost (report it first: 挂失)')" "[-]"
assert_snap review "$(tr_ zh_CN 'lost: report the loss first (挂失)')"
d=$(kit_dir)
check_kit "$d" "$T/photo.jpg"
head -n 40 "$d/summary.txt" | grep -q "^\[-\]" || fail "the card is not marked in the checklist"
assert_steps_shown "$d" zh_CN
assert_summary "$d" "$(tr_ zh_CN 'First:')" 挂失 12333 \
    "$(tr_ zh_CN 'Your ID card (original and a photocopy) and %s. The lost card is not needed.' | cut -c1-20)"
# The loss report comes before every other step.
first=$(sed -n "/$(tr_ zh_CN 'Next steps:')/{n;p;q}" "$d/summary.txt")
echo "$first" | grep -q 挂失 || fail "the first step is not the loss report: $first"
# With a card service: the receipt number is sent in the application, with no
# photo part, and the service's receipt is shown.
. "$top_srcdir/tests/net/lib-net.sh"
make_ca
start_server receipt
write_conf "$T/net.conf" "$PORT" "name = Test card service"
DETAILS=$DETAILS_SERVICE walk_keys en 1 $SHENZHEN "<Tab><Space><Tab>SZ20261201A8<F3>" "" "<Enter>" > "$T/keys"
run_sscard --config "$T/net.conf"
assert_status 0
assert_snap receipt "Test card service received your application"
# Sent: only the stub is left, with the service's receipt.
e=$(ls "$T/outbox")
[ ! -e "$T/outbox/$e/application.json" ] || fail "the sent application kept its personal file"
[ "$(json "$T/outbox/$e/state.json" 'd["state"]')" = sent ] || fail "no sent stub: $(cat "$T/outbox/$e/state.json")"
[ "$(stats "$PORT" '"photo" in s["parts"]')" = False ] ||
	fail "a photo part in a receipt application: $(stats "$PORT" 's["parts"]')"
[ "$(stats "$PORT" 's["parts"][list(s["parts"])[0]][1]')" = SZ20261201A8 ] ||
	fail "the service did not get the receipt number: $(stats "$PORT" 's["parts"]')"
stop_server
echo "regions OK"
