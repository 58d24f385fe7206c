#!/bin/sh
# lost.sh -- a lost card, in every language, region and channel: the checklist and
# the next steps agree (the lost card is never needed, never asked for), the loss is
# reported at once and made formal where that channel allows it, and the
# replacement of a lost card is called 补卡 (not 换卡, the exchange of a card
# handed back).  Online, the steps do not pretend the formal loss can be made
# while applying online (domain.md §4.7).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"

PYTHONPATH="$top_srcdir/tests/kit" python3 - <<'PY' || fail "a lost card's texts are not true"
from truth import *
# Sentences that said the card was needed, or the formal loss made online.
needed = ["Inside the service: 社保卡信息变更 / 换卡申请 or 照片更新 → upload the photo → "
          "confirm → wait for the review → pay, where a fee applies. You need your "
          "current card (or its number) and a phone that receives SMS codes.",
          "Inside the service: 换卡 (换卡申请 or 社保卡信息变更) → upload the photo → confirm → "
          "wait for the review → pay, where a fee applies. You need your current card "
          "(or its number) and a phone that receives SMS codes.",
          "Online, with your current card and a phone that receives SMS codes: %s."]
old_first = ("Report the loss (挂失) at once: call 12333, use the app (电子社保卡 or "
             "掌上12333) or the bank's customer service. This temporary loss lasts only "
             "days (7 in some places; 5, 10 or 15 in others: check with your local "
             "office); make it formal in person with your ID card, for the card and at "
             "the bank, when you ask for the new card.")
first = ("Report the loss (挂失) at once: call 12333, use the app (电子社保卡 or "
         "掌上12333) or the bank's customer service. This temporary loss lasts only "
         "days (7 in some places; 5, 10 or 15 in others: check with your local office).")
formal = {
    0: "The sources say the loss is made formal (正式挂失) in person with your ID card, "
       "for the card and for its bank account; whether your region then lets you apply "
       "for 补卡 (the replacement of a lost card) online, they do not say. Ask 12333 "
       "before you apply online, or apply at a counter. Once the card is reported lost, "
       "the electronic card may stop working (sources disagree).",
    1: "At the outlet, with your ID card: make the loss formal (正式挂失) for the card "
       "and for its bank account, and ask for 补卡 (the replacement of a lost card), not "
       "换卡. Some outlets do all of it in one visit: check with your local office.",
    2: "In person, with your ID card: make the loss formal (正式挂失) for the card at "
       "the centre, where you ask for 补卡 (the replacement of a lost card) rather than "
       "换卡, and for its bank account at the bank.",
}
online_lost = ("Inside the service: 补卡 (the replacement of a lost card, often listed "
               "under 补换卡) → upload the photo → confirm → wait for the review → pay, "
               "where a fee applies. You need a phone that receives SMS codes; the lost "
               "card is not needed.")
not_needed = "not needed: the card is lost; report the loss first (挂失)"
bu = {"en": "补卡", "es": "补卡", "zh_CN": "补卡", "zh_TW": "補卡"}
p = Problems()
for lang in LANGS:
    for r in range(len(regions())):
        for ch in CHANNELS:
            s = summary(lang, r, ch, 1)
            w = "%s region %d channel %d" % (lang, r, ch)
            for n in needed:
                head = tr(lang, n).split("%s")[0]
                p.check(not has(s, head), w + ": the lost card is needed: " + head[:50])
            p.check(has(s, tr(lang, not_needed)), w + ": the checklist does not say the card is not needed")
            p.check(not has(s, tr(lang, old_first)), w + ": the formal loss is made 'when you ask for the new card'")
            p.check(has(s, tr(lang, first)), w + ": no report of the loss at once")
            p.check(has(s, tr(lang, formal[ch])), w + ": the formal loss is not said as this channel allows")
            p.check(bu[lang] in s, w + ": 补卡 is not named")
            if ch == 0:
                p.check(has(s, tr(lang, online_lost)), w + ": the online steps are not those of 补卡")
            # The first next step is the loss report.
            nxt = steps(lang, r, ch, 1).split("\n")[0]
            p.check(has(nxt, tr(lang, first)), w + ": the loss is not reported first")
exit(p.report())
PY

# The wizard: online, a lost card, in Chinese; the materials step marks the card, and
# every next step (loss report, formal loss, 补卡) is shown whole on the last step.
make_passing_photo "$T/photo.jpg"
walk_keys zh_CN 0 0 "$T/photo.jpg<Enter>" "<Space><Up><Up><Up><Space>" "$PAGE_KEYS" > "$T/keys"
run_sscard
assert_status 0
assert_snap materials "[x] $(tr_ zh_CN 'My current card is lost (report it first: 挂失)')" "[-]"
d=$(kit_dir)
assert_steps_shown "$d" zh_CN
assert_summary "$d" 补卡 正式挂失
! grep -q "照片更新" "$d/summary.txt" || fail "照片更新 in the summary"
echo "lost card OK"
