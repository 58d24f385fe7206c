# submit-command.sh -- sscard submit: checked like the wizard, queued, sent; nothing queued on a bad answer.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

make_ca
"$SSCARD" fix "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" -o "$T/ok.jpg" >"$T/fix.out" 2>&1 ||
    fail "sscard fix could not make a passing photo: $(cat "$T/fix.out")"

# answers FILE [JSON members overriding the good ones]
answers() {
	f=$1
	shift
	python3 -c '
import json, sys
a = {"channel": "online", "name": "王小明", "id_number": "11010519491231002X",
     "phone": "138 0013 8000", "region": "beijing", "photo": sys.argv[1],
     "materials": [], "lang": "en"}
for kv in sys.argv[3:]:
    k, _, v = kv.partition("=")
    if v == "DELETE":
        del a[k]
    else:
        a[k] = json.loads(v)
json.dump(a, open(sys.argv[2], "w"), ensure_ascii=False)
' "$T/ok.jpg" "$f" "$@"
}

start_server submit
# The sent entry is kept whole for a while so that the test can read it.
write_conf "$T/s.conf" "$PORT" "[outbox]" "keep_sent_days = 1"

# refused NAME MESSAGE [overrides]: exit 1, the reason printed, nothing queued.
refused() {
	name=$1 msg=$2
	shift 2
	answers "$T/$name.json" "$@"
	"$SSCARD" --config "$T/s.conf" submit "$T/$name.json" >"$T/$name.out" 2>&1
	rc=$?
	expect "$name: exit status" 1 "$rc"
	grep -q -- "$msg" "$T/$name.out" || fail "$name: expected '$msg' in: $(cat "$T/$name.out")"
	grep -q "nothing was queued" "$T/$name.out" || fail "$name: $(cat "$T/$name.out")"
	[ -z "$(ls -A "$T/outbox" 2>/dev/null)" ] || fail "$name: something was queued"
	grep -q "11010519491231002X\|110105194912310" "$T/$name.out" &&
	    fail "$name: a full ID number was printed"
	true
}

refused unknown-key "unknown key 'email'" 'email="a@b.cn"'
refused missing-phone "'phone' is missing" 'phone=DELETE'
refused bad-channel "'channel' must be" 'channel="post"'
refused bad-region "unknown region 'atlantis'" 'region="atlantis"'
refused bad-id "does not check out" 'id_number="110105194912310021"'
refused old-id "1101" 'id_number="110105491231002"'
refused bad-phone "11 digits" 'phone="12345"'
refused bad-name "name" 'name=""'
refused bad-material "not on the" 'materials=["passport"]'
# A number in the wrong place is not repeated in the message.
refused misplaced-id "unknown region" 'region="11010519491231002X"'
refused misplaced-key "unknown key" '11010519491231002X="x"'
refused not-string "must be a string" 'phone=13800138000'
refused bad-photo "does not meet the" "photo=\"$PHOTOS/chelsea.png\""
refused no-photo "cannot\|No such" "photo=\"$T/nothing.jpg\""
printf '{"channel": ' >"$T/broken.json"
"$SSCARD" --config "$T/s.conf" submit "$T/broken.json" >"$T/broken.out" 2>&1
expect "not JSON: exit status" 1 "$?"
# jansson's own message would quote the number: only line and column are given.
printf '{"channel": "online",
 "id_number": 11010519491231002X}' >"$T/quoting.json"
"$SSCARD" --config "$T/s.conf" submit "$T/quoting.json" >"$T/quoting.out" 2>&1
expect "not JSON, quoting: exit status" 1 "$?"
grep -q "line 2, column" "$T/quoting.out" || fail "not JSON: no position: $(cat "$T/quoting.out")"
grep -q "1101051949" "$T/quoting.out" && fail "not JSON: the ID number was printed: $(cat "$T/quoting.out")"
# A birth date that does not exist, or is to come: said without its digits.
refused bad-birth "not a real date" 'id_number="110105194902301234"'
grep -q "19490230" "$T/bad-birth.out" && fail "bad birth date: its digits were printed"
refused future-birth "in the future" 'id_number="110105209901011234"'
grep -q "20990101" "$T/future-birth.out" && fail "future birth date: its digits were printed"
"$SSCARD" --config "$T/s.conf" submit >/dev/null 2>&1
expect "no answers file: exit status" 2 "$?"
expect "refused answers: POSTs" 0 "$(stats "$PORT" 'len(s["posts"])')"

# Good answers: queued, sent, the receipt printed; the server has them.
answers "$T/good.json" 'materials=["card_number", "phone"]'
"$SSCARD" --config "$T/s.conf" submit "$T/good.json" >"$T/good.out" 2>&1 ||
    fail "submit: $(cat "$T/good.out")"
grep -q "sent; receipt R000001" "$T/good.out" || fail "submit: $(cat "$T/good.out")"
grep -q "11010519491231002X" "$T/good.out" && fail "submit printed the ID number"
id=$(ls "$T/outbox")
expect "submit: state" sent "$(entry_state "$id")"
expect "submit: applications" 1 "$(stats "$PORT" 's["applications"]')"
python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
assert a["phone"] == "13800138000", a["phone"]
assert a["region"] == "beijing" and a["channel"] == "online", a
assert a["materials"] == ["card_number", "phone"], a["materials"]
' "$T/outbox/$id/application.json" || fail "submit: the stored application is wrong"
stop_server

# Without a card service: queued, "not yet sent", success.
printf '[outbox]\ndir = %s\n' "$T/local" >"$T/local.conf"
"$SSCARD" --config "$T/local.conf" submit "$T/good.json" >"$T/local.out" 2>&1 ||
    fail "submit without a card service: $(cat "$T/local.out")"
grep -q "not yet sent" "$T/local.out" || fail "local: $(cat "$T/local.out")"
expect "local: entries" 1 "$(ls "$T/local" | wc -l)"

# The keys of the application's JSON (the answers above use the old lang and photo).
answers "$T/new.json" lang=DELETE photo=DELETE 'language="es"' "photo_path=\"$T/ok.jpg\""
"$SSCARD" --config "$T/local.conf" submit "$T/new.json" >"$T/new.out" 2>&1 ||
    fail "submit, new keys: $(cat "$T/new.out")"
# Its language is the messages' from then on, and the application's.
grep -q "Guardada en la bandeja de salida" "$T/new.out" || fail "new keys: $(cat "$T/new.out")"
id=$(sed -n 's/^Guardada en la bandeja de salida con el código //p' "$T/new.out")
expect "new keys: language" es "$(json "$T/local/$id/application.json" 'd["language"]')"
expect "new keys: entries" 2 "$(ls "$T/local" | wc -l)"
exit 0
