#!/bin/sh
# kit.sh -- the last step with no card service, whole: the application kit saved
# (Enter on "Save the kit"), for a bank outlet in Shenzhen.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

make_passing_photo "$HOME/photo.jpg"
keys "<Enter><Up><Right><Right><Down><Down><Enter>张三<F3><Space><F3>~/photo.jpg<Enter><F3>
<Space><F3><Enter>"
run_screens 4
[ -f kits/*/summary.txt ] || fail "no kit saved: $(ls -R kits)"
assert_screen receipt <<'EOF'
Step 8 of 8: Your application kit and next steps
--------------------------------------------------------------------------------
 Nothing has been sent: sscard prepared your application kit on this computer.
 Save it, then apply yourself as the steps below say.
 sscard is not an official channel of the social security bureau: it helps you
 prepare. The application is made through one of the official channels below.
   Kit folder:    [kits/YYYY-MM-DD-hhmmss                                    ]
    [ Save the kit ]   >[ Finish ]    [ QR code for a helper ]
 Where:        An outlet of the cooperating bank that issued your card
               (合作银行网点); the bank is fixed by where the card was issued.
 Bring:        Your ID card (original), your current card and the photo:
               print-sheet.jpg printed at any photo kiosk, or photo.jpg on a
               phone or USB stick.
 How long:     The same day: the outlet makes the card while you wait
               (立等可取).
 Fee:          Usually 20 yuan when the change is for personal reasons, but
               cities differ (some charge 25 or 30 yuan, some nothing): check
               with your local office.

 -- more below: End shows more, Home goes back to the start --
Kit saved in kits/YYYY-MM-DD-hhmmss (photo.jpg, print-sheet.jpg, summary.txt).

--------------------------------------------------------------------------------
F1 Help  F2 Back  F3 Next  Esc Quit
EOF
