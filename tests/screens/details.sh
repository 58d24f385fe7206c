#!/bin/sh
# details.sh -- the details step, whole, with a validation error shown: a digit in
# the name with no card service; with one (here one that cannot be reached: the
# step never sends), an ID number whose check character does not fit.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

keys "<Enter><Enter>Zhang3<F3>"
run_screens 4
assert_screen details <<'EOF'
Step 3 of 8: Personal details
--------------------------------------------------------------------------------
 Type your details as they are on your ID card. Tab or Enter moves to the next
 field.

 > Full name:       [Zhang3                                  ]

   Whose card:      < mine, or an adult's (16 or older) >

   Region:          < Other region (national default) >

   No card service is configured on this computer, so sscard does not ask for
   your ID number or mobile number: you give them at the office or on the
   official service.

   Your region sets the photo rules and the facts shown on the previous step.




A name cannot contain '3'; write it as on your ID card.

--------------------------------------------------------------------------------
F1 Help  F2 Back  F3 Next  Esc Quit
EOF

printf '[backend]\nname = Test card service\nbase_url = https://127.0.0.1:9/\n' > "$T/svc.conf"
keys "<Enter><Enter>张三<Tab>110105194912310021<Tab>13800138000<F3>"
run_screens 4 --config "$T/svc.conf"
assert_screen details <<'EOF'
Step 3 of 9: Personal details
--------------------------------------------------------------------------------
 Type your details as they are on your ID card. Tab or Enter moves to the next
 field.

   Full name:       [张三                                    ]

 > ID number:       [110105194912310021                      ]

   Mobile number:   [13800138000                             ]

   Region:          < Other region (national default) >

   The ID number and mobile number are asked because the card service
   configured here needs them to apply. The ID number has 18 characters; the
   last may be X. Numbers of foreign permanent residents start with 9.

   Your region sets the photo rules and the facts shown on the previous step.


This ID number does not check out: a digit may be mistyped. Compare it with your
ID card, digit by digit.
--------------------------------------------------------------------------------
F1 Help  F2 Back  F3 Next  Esc Quit
EOF
