# lib-confine.sh -- sourced after tests/lib.sh by the kiosk photo-folder tests: a USB
# folder $T/usb with the citizen's photo mine.jpg, the previous citizen's kit photo
# $kitphoto under $T/kit, a link to it and a linked folder in $T/usb, and $T/k.conf,
# a kiosk whose photo_dirs is $T/usb.
mkdir -p "$T/usb" "$T/kit/20261201-101010"
kitphoto="$T/kit/20261201-101010/photo.jpg"
cp "$PHOTOS/london_001_03.jpg" "$kitphoto"
cp "$PHOTOS/canada_095m_white_m_darktop_frontal.jpg" "$T/usb/mine.jpg"
ln -s "$kitphoto" "$T/usb/link.jpg"
ln -s "$T/kit/20261201-101010" "$T/usb/up"
printf '[kiosk]\nkit_dir = %s\nphoto_dirs = %s\n' "$T/kit" "$T/usb" > "$T/k.conf"
