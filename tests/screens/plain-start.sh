#!/bin/sh
# plain-start.sh -- plain mode's lines, whole, from the welcome step to the materials:
# English by default; Beijing, whose note on online applications stands under
# Online; a digit in the name refused; two materials ticked, no checklist saved.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

keys "<Enter>
2<Enter>
1<Enter>
Zhang3<Enter>
张三<Enter>
<Enter>
1 2<Enter>
<Enter>"
run_screens 4 --plain
assert_transcript 1 4 <<'EOF'
Step 1 of 8: Welcome
--------------------
This wizard helps you change the photo on your social security card (社保卡).
You choose how to apply, enter your details, gather the materials and check your
photo; you leave with an application kit (photo, print sheet, summary) to use in
an official app or at a counter. sscard is not an official channel and sends
nothing.
Privacy: your answers, and once checked your photo, are kept encrypted as a
draft only this account can read (its key is gone on restart) until the kit is
saved or the application queued; a start after 24 hours deletes it.
Language / 语言 / 語言 / Idioma:
  1: 中文简体,
  2: 中文繁體,
  3: [*] English,
  4: Español,
Prompt: '?' for help, '<' to go back, default=3>

Step 2 of 8: How to apply
-------------------------
Region:
  1: [*] Other region (national default),
  2: Beijing 北京,
  3: Shenzhen 深圳,
  4: Guangzhou 广州,
  5: Binzhou 滨州,
  6: Jinan 济南,
  7: Liaocheng 聊城,
  8: Suzhou 宿州 (Anhui),
  9: Hubei 湖北 / Wuhan 武汉,
 10: Jiaozuo 焦作 (Henan),
 11: Qinhuangdao 秦皇岛,
 12: Changchun 长春 (Jilin),
 13: Suqian 宿迁 (Jiangsu),
Prompt: '?' for help, '<' to go back, default=1> 2
Online, in this region:
  Where: Online, with a phone that receives SMS codes: the Beijing social
    insurance online platform (北京市社会保险网上服务平台), the 北京12333 app,
    京通.
  Fee: 20 yuan when the change is for personal reasons (a new photo is).
  How long: About 4 working days.
  You receive: An application number (受理编号) to follow progress; the new card
    is posted to you or collected at an outlet.
  Online applications open from the 5th of each month to its end, 06:00-22:00.
Bank outlet (合作银行网点), in this region:
  Where: An outlet of the cooperating bank that issued your card (合作银行网点);
    the bank is fixed by where the card was issued.
  Fee: 20 yuan when the change is for personal reasons (a new photo is).
  How long: Often the same day (立等可取) at outlets that make cards on the
    spot; elsewhere 15 to 30 working days (sources differ): check with your
    local office.
  You receive: The new card itself where the outlet makes it on the spot;
    otherwise a receipt (回执单) and a replacement proof (补换卡证明): together
    they serve as your medical voucher until the card is ready. Keep them to
    collect the card.
Social security centre (社保中心), in this region:
  Where: Your local social security centre or street office (社保中心 / 社保所),
    on a working day.
  Fee: 20 yuan when the change is for personal reasons (a new photo is).
  How long: From 4 working days (one source) to 15 working days (another): check
    with your local office.
  You receive: A receipt (回执单) and a replacement proof (补换卡证明): together
    they serve as your medical voucher while the new card is made. Keep them to
    collect the card.
How will you apply?
  1: [*] Online,
  2: Bank outlet (合作银行网点),
  3: Social security centre (社保中心),
  4: I only want the photo on the electronic card (电子社保卡) changed,
Prompt: '?' for help, '<' to go back, default=1> 1

Step 3 of 8: Personal details
-----------------------------
Type your details as they are on your ID card.
No card service is configured on this computer, so sscard does not ask for your
ID number or mobile number: you give them at the office or on the official
service.
Full name:
Prompt: '?' for help, '<' to go back> Zhang3
!! ERROR: A name cannot contain '3'; write it as on your ID card.
Full name:
Prompt: '?' for help, '<' to go back> 张三
Whose card:
  1: [*] mine, or an adult's (16 or older),
  2: a child under 16 (a parent or guardian applies),
Prompt: '?' for help, '<' to go back, default=1>

Step 4 of 8: Materials
----------------------
  1: [ ] Your current social security card or its number,
  2: [ ] A digital photo that passes sscard's photo check, or a photo studio's
         digital photo receipt (数码照回执),
  3: [ ] A mobile phone that receives SMS codes,
  4: [ ] A postal address, if the new card is sent by post,
  5: [ ] A way to pay the card fee online, if your region charges one,
  6: [ ] My current card is lost (report it first: 挂失),
Type the numbers of the items you have, separated by spaces; Enter keeps the
ticks shown, '!' unticks all.
Prompt: '?' for help, '<' to go back> 1 2
Save the checklist to a file? Type a file name, or press Enter not to save it.
Prompt: '?' for help, '<' to go back>
EOF
