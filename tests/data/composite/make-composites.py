#!/usr/bin/python3
"""make-composites.py -- the person of a plain-backdrop portrait over another background.

Usage: make-composites.py PERSON.jpg BACKGROUND.jpg X Y W H OUT.jpg

The person is keyed out of the plain studio backdrop by colour (the backdrop of
each row taken from both edges): what is reachable from the edges, and pockets
of the backdrop's very colour between strands of hair; the crop X Y W H of BACKGROUND is
scaled to the portrait's size and laid behind.  What the test photos in this
folder were made with (README.md there); needs ImageMagick and python3-numpy.
"""
import subprocess
import sys

import numpy as np


def read(path):
    ppm = subprocess.run(["convert", path, "-depth", "8", "ppm:-"], check=True,
                         capture_output=True).stdout
    parts = ppm.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    return np.frombuffer(parts[4][: w * h * 3], np.uint8).reshape(h, w, 3).astype(np.float32)


def backdrop_share(im):
    """1 where the backdrop is, 0 on the person, soft between (the backdrop
    reachable from the edges, or of its very colour)."""
    h, w, _ = im.shape
    edge = (im[:, :12].mean(axis=1) + im[:, -12:].mean(axis=1)) / 2
    top = im[:12].reshape(-1, 3).mean(axis=0)
    for y in range(h):
        if np.abs(edge[y] - top).max() > 30:   # shoulders reach the edge
            edge[y] = edge[y - 1] if y else top
    d = np.abs(im - edge[:, None, :]).max(axis=2)
    share = np.clip((28 - d) / 16, 0, 1)
    # Only backdrop reachable from the top and side edges counts.
    seen = np.zeros((h, w), bool)
    # Pockets between strands of hair, of the backdrop's very colour, count too.
    stack = [(0, x) for x in range(w)] + [(y, 0) for y in range(h)] + \
        [(y, w - 1) for y in range(h)] + list(zip(*np.nonzero(share >= 0.95)))
    while stack:
        y, x = stack.pop()
        if y < 0 or x < 0 or y >= h or x >= w or seen[y, x] or share[y, x] <= 0:
            continue
        seen[y, x] = True
        stack += [(y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)]
    return np.where(seen, share, 0)


def main():
    person, bg_path, x, y, cw, ch, out = sys.argv[1:8]
    im = read(person)
    h, w, _ = im.shape
    bg = read(bg_path)[int(y):int(y) + int(ch), int(x):int(x) + int(cw)]
    tmp = out + ".bg.ppm"
    bh, bw, _ = bg.shape
    with open(tmp, "wb") as f:
        f.write(b"P6\n%d %d\n255\n" % (bw, bh) + bg.astype(np.uint8).tobytes())
    subprocess.run(["convert", tmp, "-resize", "%dx%d!" % (w, h), tmp], check=True)
    bg = read(tmp)
    a = backdrop_share(im)[:, :, None]
    res = np.clip(im * (1 - a) + bg * a, 0, 255).astype(np.uint8)
    with open(tmp, "wb") as f:
        f.write(b"P6\n%d %d\n255\n" % (w, h) + res.tobytes())
    subprocess.run(["convert", tmp, "-quality", "92", out], check=True)
    subprocess.run(["rm", "-f", tmp], check=True)


if __name__ == "__main__":
    main()
