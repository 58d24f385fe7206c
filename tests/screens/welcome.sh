#!/bin/sh
# welcome.sh -- the welcome step, whole: in English at the first start; in 中文简体,
# chosen there with Space, with the offer to resume the answers an earlier run left.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

# To the materials step, which leaves the answers as a draft.
keys "<Enter><Enter>张三<F3>"
run_screens 4
assert_screen welcome first <<'EOF'
Step 1 of 8: Welcome
--------------------------------------------------------------------------------
 This wizard helps you change the photo on your social security card (社保卡).
 You choose how to apply, enter your details, gather the materials and check
 your photo; you leave with an application kit (photo, print sheet, summary) to
 use in an official app or at a counter. sscard is not an official channel and
 sends nothing.

 Privacy: your answers, and once checked your photo, are kept encrypted as a
 draft only this account can read (its key is gone on restart) until the kit is
 saved or the application queued; a start after 24 hours deletes it.

 Language / 语言 / 語言 / Idioma:
   ( ) 中文简体
   ( ) 中文繁體
 > (*) English
   ( ) Español

 Up and Down choose a language, Space switches to it, Enter switches and goes
 on. F1 shows help.


--------------------------------------------------------------------------------
F1 Help  F2 Back  F3 Next  Esc Quit
EOF

# The next start offers them, masked; 中文简体 is chosen and the step stays.
keys "<Up><Up><Space>"
run_sscard
assert_status 4
assert_screen welcome <<'EOF'
第 1 步（共 8 步）：欢迎
--------------------------------------------------------------------------------
 本向导帮助您更换社保卡上的照片。您选择办理方式、填写个人信息、准备材料并检查
 照片；最后您会得到一份申请材料包（照片、6 寸排版照片、摘要），可在官方应用或窗
 口使用。sscard 不是官方渠道，不会发送任何内容。

 隐私：您的答案（照片检查通过后也包括照片）加密后作为只有本账户能读取的草稿保存
 （重启后密钥即消失），直到材料包保存或申请进入发件箱；24 小时后再次启动时会删
 除草稿。

 Language / 语言 / 語言 / Idioma:
 > (*) 中文简体
   ( ) 中文繁體
   ( ) English
   ( ) Español

 本机上有 张* 的填写内容，保存于 YYYY-MM-DD hh:mm。
  [ 继续填写 ]                 [ 删除并重新开始 ]




--------------------------------------------------------------------------------
F1 帮助  F2 上一步  F3 下一步  Esc 退出
EOF
