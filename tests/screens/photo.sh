#!/bin/sh
# photo.sh -- the photo step, whole: in Shenzhen, where a photo studio's receipt
# number can stand for the photo, after a text file named as a photo.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

printf 'Dear office,\n' > letter.jpg
keys "<Enter><Up><Right><Right><Enter><Enter>张三<F3><F3>letter.jpg<Enter>"
run_screens 4
assert_screen photo <<'EOF'
Step 5 of 8: Photo
--------------------------------------------------------------------------------
 Type the path of your photo file, a JPEG or PNG (for example
 /media/usb/photo.jpg).

 > Photo:     [letter.jpg                                                    ]

   [ ] I have a photo studio's receipt number instead of a file (accepted in
       this region)

 The card needs a recent colour photo, 358x441 pixels at 350 dpi, on a plain
 white background, the face centred and looking at the camera; the file between
 9 and 20 KB.







letter.jpg is neither a JPEG nor a PNG photo

--------------------------------------------------------------------------------
F1 Help  F2 Back  F3 Next  Esc Quit
EOF
