#!/usr/bin/env python3
"""delta-e.py REFERENCE IMAGE: mean and 99th-percentile CIE76 Delta E of IMAGE against REFERENCE.

Both are read through ImageMagick (so IMAGE may be a sixel file: sixel:FILE) and must have
the same size. Colours are sRGB, converted to CIE L*a*b* with the D65 white point.
Prints "mean p99 max" with two decimals.
"""
import subprocess
import sys


def pixels(name):
    """The pixels of an image as (width, height, bytes), decoded by ImageMagick."""
    # ImageMagick 6 writes a decoded sixel straight to PPM as black: through PNG first.
    png = subprocess.run(["convert", name, "-strip", "-depth", "8", "png:-"], check=True,
                         stdout=subprocess.PIPE).stdout
    data = subprocess.run(["convert", "png:-", "-strip", "-depth", "8", "ppm:-"], check=True,
                          input=png, stdout=subprocess.PIPE).stdout
    fields, pos = [], 0
    while len(fields) < 4:  # P6 width height maxval, each after white space
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        sys.exit("delta-e: %s is not an 8-bit image" % name)
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def lab_table():
    """sRGB byte to linear light, once."""
    out = []
    for v in range(256):
        c = v / 255.0
        out.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return out


LIN = lab_table()


def f(t):
    return t ** (1.0 / 3.0) if t > 216.0 / 24389.0 else (24389.0 / 27.0 * t + 16.0) / 116.0


def lab(r, g, b):
    r, g, b = LIN[r], LIN[g], LIN[b]
    x = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047)
    y = f(0.2126729 * r + 0.7151522 * g + 0.0721750 * b)
    z = f((0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883)
    return 116.0 * y - 16.0, 500.0 * (x - y), 200.0 * (y - z)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: delta-e.py REFERENCE IMAGE")
    w1, h1, a = pixels(sys.argv[1])
    w2, h2, b = pixels(sys.argv[2])
    if (w1, h1) != (w2, h2):
        sys.exit("delta-e: %dx%d against %dx%d" % (w2, h2, w1, h1))
    cache = {}
    de = []
    for i in range(0, w1 * h1 * 3, 3):
        p, q = a[i:i + 3], b[i:i + 3]
        lp = cache.get(p) or cache.setdefault(p, lab(*p))
        lq = cache.get(q) or cache.setdefault(q, lab(*q))
        de.append(((lp[0] - lq[0]) ** 2 + (lp[1] - lq[1]) ** 2 + (lp[2] - lq[2]) ** 2) ** 0.5)
    de.sort()
    print("%.2f %.2f %.2f" % (sum(de) / len(de), de[min(len(de) - 1, int(0.99 * len(de)))],
                              de[-1]))


if __name__ == "__main__":
    main()
