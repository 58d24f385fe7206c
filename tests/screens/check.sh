#!/bin/sh
# check.sh -- the photo check step, whole: a photo that passes; in Shenzhen, a
# portrait that fails its rules and can be fixed (the focus on the Fix button); in
# 中文简体, one that cannot be fixed (dark glasses hide the eyes).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

make_passing_photo "$HOME/photo.jpg"
cp "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" "$HOME/portrait.jpg"
cp "$PHOTOS/if032_sunglasses_dark_man_lowkey_500px.jpg" "$HOME/glasses.jpg"

# check_keys PHOTO [REGION]: to the photo step, online with no card service (in the
# REGION-th region after the first), then PHOTO.
check_keys() {
	r=
	i=0
	while [ $i -lt "${2:-0}" ]; do r="$r<Right>"; i=$((i + 1)); done
	keys "<Enter><Up>$r<Enter><Enter>张三<F3><F3>~/$1<Enter>"
}

check_keys photo.jpg
run_screens 4
assert_screen check <<'EOF'
Step 6 of 8: Photo check
--------------------------------------------------------------------------------
 Your photo, checked against the National social     Your photo:
 security card (MOHRSS) rules:                       [photo 358x441: this
 Result: the photo meets the rules.                  terminal cannot show
                                                     pictures]
   PASS  File format, Size in pixels, Dots per
   inch, File size, Colour, One face, Face width,
   Room above the head, Height of the eyes, Face
   centred, Head level, Detail of the face, Eyes
   open and visible, Facing the camera, Glasses,
   Bare head, Mouth closed, Jewellery and
   ornaments, Dark top, Chin and shoulders in the
   frame, Ears showing, Background, Exposure, Even
   light, Sharpness







--------------------------------------------------------------------------------
F1 Help  F2 Back  F3 Next  Esc Quit
EOF

check_keys portrait.jpg 2
run_screens 4
assert_screen check <<'EOF'
Step 6 of 8: Photo check
--------------------------------------------------------------------------------
 Your photo, checked against the Shenzhen rules:       Your photo:
 Result: the photo does not meet the rules.            [photo 480x640: this
   FAIL  Size in pixels: 480x640 (expected 358x441)    terminal cannot show
   FAIL  Dots per inch: none (expected 350)            pictures]
   FAIL  File size: 58 KB (expected 9-20 KB)
   FAIL  Room above the head: 44 px (expected
   7-21 px)
   FAIL  Background: grey, plain (expected white,
   plain)







 >[ Fix the photo automatically ]



--------------------------------------------------------------------------------
F1 Help  F2 Back  F3 Next  Esc Quit
EOF

check_keys glasses.jpg
run_screens 4 --lang=zh_CN
assert_screen check <<'EOF'
第 6 步（共 8 步）：检查照片
--------------------------------------------------------------------------------
 这张照片无法修正：找不到眼睛。请睁开双眼直视  您的照片：
 镜头，不要有东西（头发、深色或反光的眼镜）遮  [照片 500x500：此终端无法显示图
 挡。                                          片]
 您的照片按全国社会保障卡（人社部）的要求检
 查，结果如下：
 结果：照片不符合要求。
 > 不通过  像素尺寸：500x500（应为 358x441）
   不通过  分辨率（dpi）：72（应为 350）
   不通过  文件大小：40110 字节（应为
   14336-40000 字节）
   不通过  脸部宽度：134 px（应为
   179-255 px）

   （下面还有 11 项，按 ↓ 查看）
   照片必须正好是 358x441 像素；自动修正会进
   行裁剪并调整尺寸。
 这个问题无法自动修正：请返回上一步（F2）选择
 另一张照片。


--------------------------------------------------------------------------------
F1 帮助  F2 上一步  F3 下一步  Esc 退出
EOF
