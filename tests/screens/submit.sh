#!/bin/sh
# submit.sh -- with a card service (a real HTTP server on loopback), whole: on the
# curses side the review with the ID number masked, the Sending step as it starts
# and the receipt; plain mode's lines of the details (the ID number read back), and
# from the review to the end.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

make_ca
start_server screens
# The outbox is relative to the working folder, so that no line holds the name of
# the temporary folder.
OUTBOX=outbox
write_conf "$T/svc.conf" "$PORT"
make_passing_photo "$HOME/photo.jpg"
keys "<Enter><Enter>王小明<Tab>11010519491231002X<Tab>13800138000<F3><F3>
~/photo.jpg<Enter><F3><Space><F3><Enter>"
run_screens 0 --config "$T/svc.conf"
assert_screen review <<'EOF'
Step 7 of 9: Review
--------------------------------------------------------------------------------
 Please check everything before the application is queued:

   Channel:           Online                                  [photo 358x441:
   Region:            Other region (national default)         this terminal
   Full name:         王小明                                  cannot show
   ID number:         1101**********002X                      pictures]
   Mobile number:     13800138000
   Whose card:        mine, or an adult's (16 or older)
   Materials:         0 of 5 ready
   Photo:             checked (on the right)

   [ ] Show the full ID number
 > [x] I agree that sscard stores these details and the photo on this computer,
       readable only by this account, and sends them only to 127.0.0.1, the
       service configured here (not the social security bureau), to apply for a
       new card. (Required)




--------------------------------------------------------------------------------
F1 Help  F2 Back  F3 Next  Esc Quit
EOF
assert_screen submit first <<'EOF'
Step 8 of 9: Sending
--------------------------------------------------------------------------------
 Sending your application to the card service...

 [--------------------------------------------------------------------]   0%
 Connecting to the card service...

 Esc stops sending. The application stays queued on this computer and can be
 sent later.













--------------------------------------------------------------------------------
F1 Help    F3 Next  Esc Quit
EOF
assert_screen receipt <<'EOF'
Step 9 of 9: Receipt and next steps
--------------------------------------------------------------------------------
 127.0.0.1 received your application; its receipt number: R000001.
 What 127.0.0.1 does with it is up to that service. sscard is not an official
 channel; the steps below are what the official channels ask for.
   Kit folder:    [kits/YYYY-MM-DD-hhmmss                                    ]
    [ Save the kit ]   >[ Finish ]    [ QR code for a helper ]
 Where:        Upload photo.jpg in an official service: 国家政务服务平台,
               掌上12333 or 电子社保卡 (in 微信, or in 支付宝: 市民中心 → 社
               保).
 Steps:        Inside the service: 换卡 (换卡申请 or 社保卡信息变更) → upload
               the photo → confirm → wait for the review → pay, where a fee
               applies. You need your current card (or its number) and a phone
               that receives SMS codes.
 Then:         The new card is posted to you or collected at an outlet. The
               electronic card (电子社保卡) shows the photo of your physical
               card, so it changes with the new card, not before (an official
               answer, quoted by one website).

 -- more below: End shows more, Home goes back to the start --


--------------------------------------------------------------------------------
F1 Help    F3 Next  Esc Quit
EOF

keys "<Enter>
<Enter>
<Enter>
王小明<Enter>
11010519491231002X<Enter>
13800138000<Enter>
<Enter>
<Enter>
~/photo.jpg<Enter>
<Enter>
1<Enter>
<Enter>
<Enter>"
run_screens 0 --plain --config "$T/svc.conf"
assert_transcript 3 3 <<'EOF'
Step 3 of 9: Personal details
-----------------------------
Type your details as they are on your ID card.
The ID number and mobile number are asked because the card service configured
here needs them to apply. The ID number has 18 characters; the last may be X.
Numbers of foreign permanent residents start with 9.
Full name:
Prompt: '?' for help, '<' to go back> 王小明
ID number:
Prompt: '?' for help, '<' to go back> 11010519491231002X
ID number read back: 110105 1949 1231 002X
Mobile number:
Prompt: '?' for help, '<' to go back> 13800138000
EOF
assert_transcript 7 <<'EOF'
Step 7 of 9: Review
-------------------
Please check everything before the application is queued:
  Channel: Online
  Region: Other region (national default)
  Full name: 王小明
  ID number: 1101**********002X
  Mobile number: 13800138000
  Whose card: mine, or an adult's (16 or older)
  Materials: 0 of 5 ready
  Photo: ~/photo.jpg (checked)
I agree that sscard stores these details and the photo on this computer,
readable only by this account, and sends them only to 127.0.0.1, the service
configured here (not the social security bureau), to apply for a new card.
(Required)
  1: I agree: queue my application,
  2: Show the full ID number,
  3: Change how to apply,
  4: Change the personal details,
  5: Change the materials,
  6: Change the photo,
Prompt: '?' for help, '<' to go back> 1

Step 8 of 9: Sending
--------------------
Sending your application to the card service...
... 0% ... 100%

Step 9 of 9: Receipt and next steps
-----------------------------------
127.0.0.1 received your application; its receipt number: R000002.
sscard is not an official channel of the social security bureau: it helps you
prepare. The application is made through one of the official channels below.
  Stored in: outbox
  1: [*] Go on without a kit,
  2: Save the application kit too (photo, print sheet, summary),
Prompt: '?' for help, '<' to go back, default=1>
Next steps:
  Where: Upload photo.jpg in an official service: 国家政务服务平台, 掌上12333 or
    电子社保卡 (in 微信, or in 支付宝: 市民中心 → 社保).
  Steps: Inside the service: 换卡 (换卡申请 or 社保卡信息变更) → upload the
    photo → confirm → wait for the review → pay, where a fee applies. You need
    your current card (or its number) and a phone that receives SMS codes.
  Then: The new card is posted to you or collected at an outlet. The electronic
    card (电子社保卡) shows the photo of your physical card, so it changes with
    the new card, not before (an official answer, quoted by one website).
  Follow up: Call 12333, or look in the service where you applied. The official
    services show progress in words such as 制卡中 (the card is being made) and
    银行网点签收 (the card has reached the bank outlet: go and collect it); each
    region has its own words. "sscard status R000002" asks the service
    configured on this computer.
  Beware: 人社 (the social security bureau) and its banks do not send text
    messages with links about card changes (the card issuers' anti-fraud
    notice): do not open such a link; if in doubt, call 12333.
  1: [*] Finish,
  2: Show a QR code for a helper to scan,
Prompt: '?' for help, '<' to go back, default=1>
EOF
