#!/bin/sh
# plain-photo.sh -- plain mode's lines, whole, of the photo step (a text file named
# as a photo, then a photo that passes) and its check; then the check of a portrait
# that fails and can be fixed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/screens/lib-screens.sh"

make_passing_photo "$HOME/photo.jpg" canada_095m_white_m_darktop_frontal.jpg shenzhen
cp "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" "$HOME/portrait.jpg"
printf 'Dear office,\n' > letter.jpg

keys "3<Enter>
$(keys_to_photo)
letter.jpg<Enter>
~/photo.jpg<Enter>"
run_screens 4 --plain
assert_transcript 5 <<'EOF'
Step 5 of 8: Photo
------------------
In this region a photo studio's receipt number (数码照回执 / 相片回执号) can
stand for the photo: type r, a space and the number, for example r
44030012345678.
Type the path of your photo file, a JPEG or PNG (for example
/media/usb/photo.jpg).
Prompt: '?' for help, '<' to go back> letter.jpg
!! ERROR: letter.jpg is neither a JPEG nor a PNG photo
Type the path of your photo file, a JPEG or PNG (for example
/media/usb/photo.jpg).
Prompt: '?' for help, '<' to go back> ~/photo.jpg

Step 6 of 8: Photo check
------------------------
Your photo, checked against the Shenzhen rules:
  PASS  File format, Size in pixels, Dots per inch, File size, Colour, One face,
    Face width, Room above the head, Height of the eyes, Face centred, Head
    level, Detail of the face, Eyes open and visible, Facing the camera,
    Glasses, Bare head, Mouth closed, Jewellery and ornaments, Dark top, Chin
    and shoulders in the frame, Ears showing, Background, Exposure, Even light,
    Sharpness
Result: the photo meets the rules.
Press Enter to go on.
Prompt: '?' for help, '<' to go back>
EOF

keys "3<Enter>
$(keys_to_photo)
~/portrait.jpg<Enter>"
run_screens 4 --plain
assert_transcript 6 <<'EOF'
Step 6 of 8: Photo check
------------------------
Your photo, checked against the Shenzhen rules:
  FAIL  Size in pixels: 480x640 (expected 358x441)
        The photo must be exactly 358x441 pixels; the automatic fix crops and
        resizes it.
  FAIL  Dots per inch: none (expected 350)
        The file must say 350 dpi; the automatic fix sets it.
  FAIL  File size: 58 KB (expected 9-20 KB)
        The file must be between 9 and 20 KB; the automatic fix picks the JPEG
        quality that fits.
  FAIL  Room above the head: 44 px (expected 7-21 px)
        There is too much space above the head.
  FAIL  Background: grey, plain (expected white, plain)
        The background must be white; it is plain, so the automatic fix can
        whiten it.
  PASS  File format, Colour, One face, Face width, Height of the eyes, Face
    centred, Head level, Detail of the face, Eyes open and visible, Facing the
    camera, Glasses, Bare head, Mouth closed, Jewellery and ornaments, Dark top,
    Chin and shoulders in the frame, Ears showing, Exposure, Even light,
    Sharpness
Result: the photo does not meet the rules.
  1: [*] Fix the photo automatically,
  2: Choose another photo,
Prompt: '?' for help, '<' to go back, default=1>
EOF

# A photo without a face leaves some twenty rules unmeasured for one reason: a screen
# reader hears their names once, and the reason once, not twenty times.
convert "$PHOTOS/chelsea.png" "$HOME/cat.jpg"
keys "3<Enter>
$(keys_to_photo)
~/cat.jpg<Enter>"
run_screens 4 --plain
t="$T/shots/transcript.txt"
[ "$(grep -c "Not measured: it needs exactly one face in the photo." "$t")" = 1 ] ||
	fail "the reason is not said once: $(cat "$t")"
grep -q "^  FAIL  Detail of the face, Face width, Room above the head, Height of the eyes,\$" "$t" ||
	fail "the rules not measured are not named on one line: $(cat "$t")"
grep -q "^    shoulders in the frame, Ears showing, Background, Exposure, Even light,\$" "$t" ||
	fail "the rules not measured are not all named: $(cat "$t")"
