#!/bin/sh
# review.sh -- the review step with no card service, whole: Next without consent is
# refused with a message; nothing is made.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

make_passing_photo "$HOME/photo.jpg"
keys "<Enter><Down><Down><Enter>张三<Tab><Right><F3><Space><F3>~/photo.jpg<Enter><F3><F3>"
run_screens 4
[ ! -d kits ] || fail "a kit was made without consent"
assert_screen review <<'EOF'
Step 7 of 8: Review
--------------------------------------------------------------------------------
 Please check everything before the kit is made:

   Channel:           Social security centre (社保中心)       [photo 358x441:
   Region:            Other region (national default)         this terminal
   Full name:         张三                                    cannot show
   Whose card:        a child under 16 (a parent or guardian  pictures]
                      applies)
   Materials:         1 of 7 ready
   Photo:             checked (on the right)


 > [ ] I am the child's parent or guardian (监护人), and I give this consent
       for the child. I agree that sscard saves an application kit (the photo,
       a print sheet and a summary without my ID number) in a folder of this
       account, shown on the next step. Nothing is sent anywhere. (Required)



Tick the consent line (Space) to go on; without it nothing is stored or sent.

--------------------------------------------------------------------------------
F1 Help  F2 Back  F3 Next  Esc Quit
EOF
