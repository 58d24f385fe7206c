#!/bin/sh
# progress-words.sh -- what a user of 掌上12333 or the e-card apps expects: progress in their
# words (制卡中, 银行网点签收: domain.md §4.9) in the next steps and in `sscard status`;
# the issuers' reminder that 人社 and its banks send no links by SMS (§5.3) on the last
# step and in summary.txt; and the temporary card (临时卡) only where a source says a
# region issues one (Changchun, Suqian: §4.4, hedged as there).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"

PYTHONPATH="$top_srcdir/tests/kit" python3 - <<'PY' || fail "status words, the SMS reminder or the temporary card"
from truth import *
beware = ("人社 (the social security bureau) and its banks do not send text messages with "
          "links about card changes (the card issuers' anti-fraud notice): do not open such "
          "a link; if in doubt, call 12333.")
words = ("The official services show progress in words such as 制卡中 (the card is being "
         "made) and 银行网点签收 (the card has reached the bank outlet: go and collect it); "
         "each region has its own words.")
temp = {
    "changchun": "While the card is made, the counter may give you a temporary card (临时卡): "
                 "one third-party source says it is usually valid for 60 days (6 months at "
                 "most), has no bank functions, works only in this region and is handed back "
                 "when you collect the new card.",
    "suqian": "While the card is made, a temporary card (临时卡) may be issued against a "
              "deposit of 10 yuan (one third-party source): ask at the counter.",
}
ids = regions()
p = Problems()
p.check("changchun" in ids and "suqian" in ids, "no region that issues a temporary card")
on_the_spot = {("shenzhen", 1), ("qinhuangdao", 1)}
for lang in LANGS:
    for r, rid in enumerate(ids):
        for ch in CHANNELS:
            for lost in (0, 1):
                s = summary(lang, r, ch, lost)
                w = "%s %s channel %d lost %d" % (lang, rid, ch, lost)
                p.check(has(s, tr(lang, beware)), w + ": no reminder that 人社 sends no links")
                p.check(has(s, tr(lang, words)) == ((rid, ch) not in on_the_spot),
                        w + ": the status words where the card is made on the spot, or none elsewhere")
                for t in ("临时卡", "臨時卡", "temporary card", "tarjeta temporal"):
                    if t in s:
                        p.check(rid in temp and ch > 0, w + ": a temporary card where no source says so")
                if rid in temp and ch > 0:
                    p.check(has(s, tr(lang, temp[rid])), w + ": its temporary card is not named")
exit(p.report())
PY

# The last step shows the reminder (every next step, whole, at 80x24).
make_passing_photo "$T/photo.jpg"
for lang in en zh_TW; do
	walk_keys "$lang" 2 0 "$T/photo.jpg<Enter>" "" "$PAGE_KEYS" > "$T/keys"
	run_sscard
	assert_status 0
	d=$(kit_dir)
	assert_steps_shown "$d" "$lang"
	assert_summary "$d" "$(tr_ "$lang" 'Beware:')"
	rm -rf "$HOME/sscard"
done

# `sscard status`: the service's states in the official services' words.
. "$top_srcdir/tests/net/lib-net.sh"
make_ca
OUTBOX="$T/outbox"
for st in approved card_ready; do
	start_server "status-$st" --status "$st"
	write_conf "$T/s.conf" "$PORT"
	python3 -c '
import json, sys
json.dump({"channel": "bank", "name": "王小明", "id_number": "11010519491231002X",
           "phone": "13800138000", "region": "national", "photo": sys.argv[1]},
          open(sys.argv[2], "w"), ensure_ascii=False)' "$T/photo.jpg" "$T/a.json"
	"$SSCARD" --config "$T/s.conf" submit "$T/a.json" > "$T/submit.out" 2>&1 || fail "submit: $(cat "$T/submit.out")"
	receipt=$(grep -o 'R[0-9]*' "$T/submit.out" | tail -n 1)
	want=$([ $st = approved ] && echo 制卡中 || echo 银行网点签收)
	for lang in en zh_CN zh_TW es; do
		"$SSCARD" --lang "$lang" --config "$T/s.conf" status "$receipt" > "$T/st.out" 2>&1 ||
			fail "status $st $lang: $(cat "$T/st.out")"
		w=$want
		[ "$lang" = zh_TW ] && w=$(printf '%s' "$want" | sed 's/银行网点签收/銀行網點簽收/; s/制卡中/製卡中/')
		grep -qF "$w" "$T/st.out" || fail "status $st in $lang is not in the official words ($w): $(cat "$T/st.out")"
	done
	stop_server
done
# `sscard outbox list`: the entries' states say whose they are (this computer's queue,
# the card service), never the office's words for the card.
for lang in en zh_CN zh_TW es; do
	"$SSCARD" --lang "$lang" --config "$T/s.conf" outbox list > "$T/list.out" 2>&1 || fail "outbox list: $(cat "$T/list.out")"
	grep -qF "$(tr_ "$lang" 'sent to the card service')" "$T/list.out" ||
		fail "$lang: outbox list does not say the entry went to the card service: $(cat "$T/list.out")"
	! grep -q "制卡中\|製卡中\|银行网点签收\|銀行網點簽收" "$T/list.out" || fail "$lang: the office's words in the outbox list"
done
echo "status words OK"
