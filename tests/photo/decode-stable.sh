# decode-stable.sh -- JPEGs decoded at 1/8 (the smallest DCT scaling, which check uses
# for large photos) give the same pixels whatever the heap held before and whether or not
# libjpeg-turbo uses its SIMD code: Valgrind reports columns of that output as undefined,
# and a decoder that really read uninitialised memory would differ here.
. "$top_srcdir/tests/lib.sh"
need_tool convert cjpeg
TOOL="$top_builddir/tests/photo/phototool"
cd "$T" || exit 1

convert "$PHOTOS/london_030_03.jpg" -resize 333x777! odd.ppm
cjpeg -quality 90 -sample 1x1 odd.ppm > odd444.jpg
cjpeg -quality 90 -sample 2x2 odd.ppm > odd420.jpg
cjpeg -quality 90 -sample 2x1 -progressive odd.ppm > odd422p.jpg
convert "$PHOTOS/london_030_03.jpg" -resize 3000x4001! -quality 85 big.jpg
for f in odd444.jpg odd420.jpg odd422p.jpg big.jpg; do
	prev=
	for fill in 1 170 85; do
		simd=
		[ $fill = 85 ] && simd=1
		out=$(env MALLOC_PERTURB_=$fill ${simd:+JSIMD_FORCENONE=1} \
		    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}malloc_fill_byte=$fill:max_malloc_fill_size=268435456" \
		    "$TOOL" load $f 1 1) || fail "$f did not load: $out"
		echo "$out" | grep -q "scale 1/8" || fail "$f: not decoded at 1/8: $out"
		d=$(echo "$out" | sed -n 's/^digest //p')
		[ -n "$d" ] || fail "$f: no digest: $out"
		[ -z "$prev" ] || [ "$d" = "$prev" ] ||
			fail "$f: the 1/8 decode differs with heap fill $fill${simd:+ and no SIMD}"
		prev=$d
	done
done
echo "1/8 decoding is stable"
