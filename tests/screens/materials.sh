#!/bin/sh
# materials.sh -- the materials step, whole: a social security centre's list with
# two items ticked and the checklist saved (Ctrl-S) in the working folder.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

keys "<Enter><Down><Down><Enter>张三<F3><Space><Down><Down><Space><C-s>"
run_screens 4
[ -s sscard-checklist.txt ] || fail "the checklist was not saved"
assert_screen materials <<'EOF'
Step 4 of 8: Materials
--------------------------------------------------------------------------------
 Social security centre (社保中心): 2 of 7 ready. Space ticks what you have.

   [x] Your ID card, original and a photocopy
   [ ] Your current social security card, to hand back
 > [x] A recent 1-inch colour photo on a white background, or a photo studio's
       digital photo receipt (数码照回执)
   [ ] The application form (you can fill it in there)
   [ ] The card fee, if your region charges one (often 20 yuan)
   [ ] If someone applies for you: their ID card as well as yours
   [ ] Somewhere safe to keep the receipt (回执单) and the replacement proof
       (补换卡证明)




   [ ] My current card is lost (report it first: 挂失)
   Save as:         [sscard-checklist.txt                    ]
                     [ Save the checklist (Ctrl-S) ]
Checklist saved to sscard-checklist.txt.

--------------------------------------------------------------------------------
F1 Help  F2 Back  F3 Next  Esc Quit
EOF
