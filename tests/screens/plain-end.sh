#!/bin/sh
# plain-end.sh -- plain mode's lines, whole, in 中文简体 (chosen on the welcome step)
# with no card service: the review, consent, and the last step, which saves the kit
# in the folder it offers.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

make_passing_photo "$HOME/photo.jpg" canada_095m_white_m_darktop_frontal.jpg shenzhen
keys "1<Enter>
$(keys_to_photo)
~/photo.jpg<Enter>
<Enter>
1<Enter>
<Enter>
<Enter>"
run_screens 0 --plain
[ -f kits/*/summary.txt ] || fail "no kit saved: $(ls -R kits)"
assert_transcript 7 <<'EOF'
第 7 步（共 8 步）：核对信息
----------------------------
制作材料包之前，请核对所有内容：
  办理渠道： 合作银行网点
  地区： 深圳
  姓名： 张三
  为谁办卡： 本人或其他16周岁以上的人
  所需材料： 已备好 2 项，共 6 项
  照片： ~/photo.jpg (已检查)
我同意 sscard 把申请材料包（照片、6 寸排版照片和一份不含身份证号码的摘要）保存在
本账户的文件夹中，文件夹在下一步显示。不会发送任何内容。（必选）
  1: 我同意：制作我的申请材料包,
  2: 修改办理渠道,
  3: 修改个人信息,
  4: 修改材料,
  5: 更换照片,
提示：“?”查看帮助，“<”返回> 1

第 8 步（共 8 步）：您的申请材料包与后续步骤
--------------------------------------------
没有发送任何内容：sscard 已在本机为您准备好申请材料包。请先保存，然后按下面的步
骤自行办理。
sscard 不是社保局的官方渠道：它只帮您做准备。申请要通过下面的某个官方渠道办理。
材料包文件夹：
提示：“?”查看帮助，“<”返回，默认=kits/YYYY-MM-DD-hhmmss>
  材料包已保存在 kits/YYYY-MM-DD-hhmmss（photo.jpg、print-sheet.jpg、
  summary.txt）。
后续步骤：
  办理地点： 当初为您发卡的合作银行网点；办理银行由发卡地决定，不能另选。
  携带： 身份证（原件）、现有的社保卡和照片：在任何冲印店或自助照片机冲印的
    print-sheet.jpg，或存在手机、U 盘里的 photo.jpg。
  所需时间： 当天即可：网点现场制卡，立等可取。
  费用： 因个人原因换卡一般收费 20 元，但各城市不同（有的收 25 元或 30 元，有的
    免费）：请向当地社保部门确认。
  之后： 新卡使用前必须激活：在银行激活金融账户，所在地区要求时还要启用社保功
    能。
  跟进： 拨打 12333，或在您办理的服务中查询。
  谨防诈骗： 人社部门及其合作银行不会通过短信发送社保卡换卡的链接（发卡机构的防
    诈骗提示）：收到这类链接不要点开；如有疑问，请拨打 12333。
  1: [*] 完成,
  2: 显示二维码，供工作人员扫描,
提示：“?”查看帮助，“<”返回，默认=1>
EOF
