# load.sh -- photo_load on every kind of file a citizen may bring, good and bad.
. "$top_srcdir/tests/lib.sh"
TOOL="$top_builddir/tests/photo/phototool"
cd "$T" || exit 1

convert "$PHOTOS/london_030_03.jpg" -resize 400x300! base.ppm
cjpeg -quality 95 base.ppm > base.jpg
convert base.ppm -colorspace CMYK cmyk.jpg
cjpeg -grayscale base.ppm > grey.jpg
cjpeg -progressive base.ppm > prog.jpg
cjpeg -arithmetic base.ppm > arith.jpg
convert base.ppm -depth 16 png48:d16.png
convert base.ppm -colors 64 png8:palette.png
convert base.ppm -alpha set -channel A -evaluate set 0 +channel png32:clear.png

# expect FILE PATTERN: phototool's report on FILE must contain PATTERN.
expect() {
	out=$("$TOOL" load "$1") || fail "$1 did not load: $out"
	echo "$out" | grep -q -- "$2" || fail "$1: expected '$2' in: $out"
}
expect base.jpg "size 400x300 .* components 3"
expect cmyk.jpg "cmyk [12]"
expect grey.jpg "components 1"
expect prog.jpg "progressive 1"
expect arith.jpg "arithmetic 1"
expect d16.png "depth 16"
expect palette.png "palette 1"
expect clear.png "topleft 255 255 255"	# transparent pixels flattened on white
# Every variant decodes to about the same picture (the centre pixel of base.ppm).
want=$(convert base.ppm -crop 1x1+200+150 -depth 8 txt:- | sed -n 2p | sed 's/.*(\([0-9]*\),\([0-9]*\),\([0-9]*\)).*/\1 \2 \3/')
for f in base.jpg cmyk.jpg prog.jpg arith.jpg d16.png palette.png; do
	got=$("$TOOL" load $f | sed -n 's/^centre //p')
	echo "$want $got" | awk -v f=$f '{ d = ($1-$4)^2 + ($2-$5)^2 + ($3-$6)^2;
	    if (d > 300) { print "FAIL: " f ": centre " $4 "," $5 "," $6 " far from " $1 "," $2 "," $3; exit 1 } }' || exit 1
done

# Each EXIF orientation gives the picture ImageMagick's -auto-orient gives.
for o in 1 2 3 4 5 6 7 8; do
	"$TOOL" exif $o base.jpg o$o.jpg || fail "exif $o"
	got=$("$TOOL" load o$o.jpg)
	echo "$got" | grep -q "orientation $o" || fail "orientation $o not read: $got"
	convert o$o.jpg -auto-orient o$o.ppm
	size=$(identify -format %wx%h o$o.ppm)
	echo "$got" | grep -q "size $size " || fail "orientation $o: want $size, got $got"
	want=$(convert o$o.ppm -crop 1x1+0+0 -depth 8 txt:- | sed -n 2p | sed 's/.*(\([0-9]*\),\([0-9]*\),\([0-9]*\)).*/\1 \2 \3/')
	tl=$(echo "$got" | sed -n 's/^topleft //p')
	echo "$want $tl" | awk -v o=$o '{ d = ($1-$4)^2 + ($2-$5)^2 + ($3-$6)^2;
	    if (d > 300) { print "FAIL: orientation " o ": top-left " $4 "," $5 "," $6 " vs " $1 "," $2 "," $3; exit 1 } }' || exit 1
done

# DCT scaling: a 3000x4000 photo needed at 480 is decoded at 1/4 (750x1000).
convert "$PHOTOS/london_030_03.jpg" -resize 3000x4000! big.jpg
expect big.jpg "size 3000x4000"
"$TOOL" load big.jpg 480 480 | grep -q "size 750x1000 .*" || fail "no DCT scaling: $("$TOOL" load big.jpg 480 480)"

# Bad files: a clear message naming the file, never a crash.
head -c 3000 prog.jpg > truncated.jpg
: > empty.jpg
echo "not a photo" > text.jpg
python3 - <<'PY'
import struct, zlib
d = open('base.jpg', 'rb').read()
i = d.find(b'\xff\xc0')
open('huge.jpg', 'wb').write(d[:i + 5] + struct.pack('>HH', 65000, 65000) + d[i + 9:])
def chunk(t, b):
    return struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b) & 0xffffffff)
z = zlib.compressobj(9)
row = b'\0' * (1 + 3 * 12000)
data = b''.join(z.compress(row) for _ in range(12000)) + z.flush()
open('bomb.png', 'wb').write(b'\x89PNG\r\n\x1a\n' +
    chunk(b'IHDR', struct.pack('>IIBBBBB', 12000, 12000, 8, 2, 0, 0, 0)) +
    chunk(b'IDAT', data) + chunk(b'IEND', b''))
PY
for f in truncated.jpg empty.jpg text.jpg huge.jpg bomb.png; do
	out=$("$TOOL" load $f 2>&1) && fail "$f was accepted: $out"
	case $out in "error: $f "*) ;; *) fail "$f: message does not name the file: $out" ;; esac
	[ -z "$("$TOOL" load $f 2>&1 >/dev/null)" ] || fail "$f: the decoder printed on stderr"
done
"$TOOL" load huge.jpg | grep -q "too large" || fail "huge.jpg: $("$TOOL" load huge.jpg)"
echo "loader OK"
