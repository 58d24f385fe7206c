#!/bin/sh
# queued-each-channel.sh -- walk each channel to the last step, in English and Chinese,
# with a card service configured (here one that cannot be reached, so the
# application stays queued), and check the outbox entry.
. "$top_srcdir/tests/lib.sh"

make_passing_photo "$T/photo.jpg"
# Port 9 on loopback refuses at once: the try fails, the entry stays queued.
printf '[backend]\nname = Test card service\nbase_url = https://127.0.0.1:9/\nretries = 0\nconnect_timeout = 2\n' > "$T/conf"

# walk LANGKEYS CHANNELKEYS: the key script of a whole application.
walk() {
	keys "# welcome: language
$1<Enter>
# channel
$2<Enter>
# details: name, ID number, phone; Enter on the region goes on
张三<Tab>11010519491231002X<Tab>138 0013 8000<Enter><Enter>
# materials: tick the first two, next
<Space><Down><Space><F3>
# photo, then its check (it passes)
$T/photo.jpg<Enter><F3>
# review: consent, then queue; the try fails: go on
<Space><F3><Enter>
# the last step: finish
<Enter>"
}

# check_entry CHANNEL LANG: the newest outbox entry is complete and private.
check_entry() {
	entries=$(outbox_entries)
	[ "$(echo "$entries" | wc -l)" -eq 1 ] || fail "expected one outbox entry, got: $entries"
	e=$entries
	a="$e/application.json"
	[ "$(json "$a" 'd["channel"]')" = "$1" ] || fail "channel: $(json "$a" 'd["channel"]')"
	[ "$(json "$a" 'd["language"]')" = "$2" ] || fail "language: $(json "$a" 'd["language"]')"
	[ "$(json "$a" 'd["name"]')" = "张三" ] || fail "name"
	[ "$(json "$a" 'd["id_number"]')" = "11010519491231002X" ] || fail "id_number"
	[ "$(json "$a" 'd["phone"]')" = "13800138000" ] || fail "phone not normalised"
	[ "$(json "$a" 'd["region"]')" = national ] || fail "region"
	[ "$(json "$a" 'len(d["materials"])')" = 2 ] || fail "materials: $(json "$a" 'd["materials"]')"
	[ "$(json "$a" 'd["id"]')" = "$(basename "$e")" ] || fail "id is not the folder name"
	json "$a" 'd["created"]' | grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$' ||
		fail "created is not ISO 8601 UTC: $(json "$a" 'd["created"]')"
	[ -n "$(json "$a" 'd["client_version"]')" ] || fail "client_version"
	json "$a" 'd["idempotency_key"]' |
		grep -Eq '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' ||
		fail "idempotency_key is not a UUID v4"
	photo="$e/$(json "$a" 'd["photo"]["file"]')"
	cmp -s "$photo" "$T/photo.jpg" || fail "the stored photo differs from the citizen's"
	[ "$(json "$a" 'd["photo"]["sha256"]')" = "$(sha256sum < "$photo" | cut -d' ' -f1)" ] ||
		fail "photo sha256"
	for d in "$HOME/.local/share/sscard" "$HOME/.local/share/sscard/outbox" "$e"; do
		[ "$(mode_of "$d")" = 700 ] || fail "$d is $(mode_of "$d"), not 700"
	done
	for f in "$a" "$photo"; do
		[ "$(mode_of "$f")" = 600 ] || fail "$f is $(mode_of "$f"), not 600"
	done
	[ -z "$(find "$HOME/.local/share/sscard/outbox" -name '.*' ! -name . )" ] ||
		fail "temporary files left in the outbox"
	# The last step names the entry as a local reference, and the service.
	assert_snap receipt "$(basename "$e")" "Test card service"
	rm -rf "$HOME/.local"
}

# English: the welcome screen starts on English under C.UTF-8.
walk "" ""
run_sscard --config "$T/conf"
assert_status 0
assert_snap channel "Online" "Where:" "Fee:" "How long:" "You receive:"
assert_snap review "1101**********002X" "13800138000" "张三" "2 of 5 ready"
refute_snap review "11010519491231002X"
check_entry online en

walk "" "<Down>"
run_sscard --config "$T/conf"
assert_status 0
assert_snap channel "Bank outlet (合作银行网点), in this region:" "立等可取"
check_entry bank en

walk "" "<Down><Down>"
run_sscard --config "$T/conf"
assert_status 0
assert_snap channel "Social security centre (社保中心), in this region:" \
    "15 working days" "your local office"
assert_snap receipt "社保中心"
check_entry centre en

# Simplified Chinese, chosen on the welcome screen: the screens speak it.
walk "<Up><Up>" "<Down><Down>"
run_sscard --config "$T/conf"
assert_status 0
assert_snap details "$(tr_ zh_CN 'Full name:')"
[ "$(tr_ zh_CN 'Full name:')" != "Full name:" ] || fail "no zh_CN catalog"
check_entry centre zh_CN

# Spanish from --lang, bank outlet.
walk "" "<Down>"
run_sscard --lang es --config "$T/conf"
assert_status 0
# A bank outlet asks for the ID card itself (domain.md §4.3); the centre, a photocopy too.
assert_snap materials "$(tr_ es 'Your ID card (original)')"
check_entry bank es
