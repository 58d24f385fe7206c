#!/bin/sh
# channel.sh -- the channel step, whole, with a region's notes shown: Beijing's note
# on online applications under Online; in 中文简体 (--lang), Shenzhen's note, true of
# every channel, under the bank outlet.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

# Up goes to the region, Right to the next one, Down back to the channels.
keys "<Enter><Up><Right><Down>"
run_screens 4
assert_screen channel <<'EOF'
Step 2 of 8: How to apply
--------------------------------------------------------------------------------
   Region:    < Beijing 北京 >
 > ( ) Online
   ( ) Bank outlet (合作银行网点)
   ( ) Social security centre (社保中心)
   (?) I only want the photo on the electronic card (电子社保卡) changed

 Online, in this region:
   Where:        Online, with a phone that receives SMS codes: the Beijing
                 social insurance online platform (北京市社会保险网上服务平台),
                 the 北京12333 app, 京通.
   Fee:          20 yuan when the change is for personal reasons (a new photo
                 is).
   How long:     About 4 working days.
   You receive:  An application number (受理编号) to follow progress; the new
                 card is posted to you or collected at an outlet.
   Online applications open from the 5th of each month to its end, 06:00-22:00.




--------------------------------------------------------------------------------
F1 Help  F2 Back  F3 Next  Esc Quit
EOF

keys "<Enter><Up><Right><Right><Down><Down>"
run_screens 4 --lang=zh_CN
assert_screen channel <<'EOF'
第 2 步（共 8 步）：办理方式
--------------------------------------------------------------------------------
   地区：     < 深圳 >
   ( ) 网上办理
 > ( ) 合作银行网点
   ( ) 社保中心
   (?) 我只想更换电子社保卡上的照片

 本地区合作银行网点的情况：
   办理地点：    当初为您发卡的合作银行网点；办理银行由发卡地决定，不能另选。
   费用：        因个人原因换卡一般收费 20 元，但各城市不同（有的收 25 元或
                 30 元，有的免费）：请向当地社保部门确认。
   所需时间：    当天即可：网点现场制卡，立等可取。
   您将获得：    离开前就能拿到新卡；请按网点的说明激活。
   请先取得相片回执号（例如通过“数字相片回执”小程序），再提交申请。







--------------------------------------------------------------------------------
F1 帮助  F2 上一步  F3 下一步  Esc 退出
EOF
