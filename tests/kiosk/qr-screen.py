#!/usr/bin/env python3
"""qr-screen.py -- the QR code on a captured screen, as a PBM image for zbarimg.

Usage: qr-screen.py SCREEN.txt OUT.pbm
The code is the block of half blocks (or "##" pairs) on the screen: every
column from the first to the last cell that holds one, every row that has one
there.  Half blocks are two modules a cell, "##" one module two cells wide.
Exits 1 when the screen shows no code.
"""
import sys
import unicodedata

BLOCKS = {" ": (0, 0), "\u2580": (1, 0), "\u2584": (0, 1), "\u2588": (1, 1)}


def cells_of(line):
    """The line as terminal cells: a wide character takes two."""
    out = []
    for c in line:
        out.append(c)
        if unicodedata.east_asian_width(c) in "WF":
            out.append("")
    return "".join(ch if ch else "\0" for ch in out)


def main():
    lines = [cells_of(l) for l in
             open(sys.argv[1], encoding="utf-8").read().split("\n")]
    cells = [(y, x) for y, l in enumerate(lines) for x, c in enumerate(l)
             if c in "\u2580\u2584\u2588"]
    unicode = bool(cells)
    if not unicode:
        cells = [(y, x) for y, l in enumerate(lines) for x in range(len(l) - 1)
                 if l[x:x + 2] == "##"]
    if not cells:
        sys.exit("qr-screen.py: no QR code on the screen")
    x0 = min(x for _, x in cells)
    x1 = max(x for _, x in cells) + (0 if unicode else 1)
    rows = sorted({y for y, _ in cells})
    grid = []
    for y in range(rows[0], rows[-1] + 1):
        part = lines[y][x0:x1 + 1].ljust(x1 + 1 - x0)
        if unicode:
            top = [BLOCKS.get(c, (0, 0))[0] for c in part]
            bottom = [BLOCKS.get(c, (0, 0))[1] for c in part]
            grid += [top, bottom]
        else:
            grid.append([1 if part[i:i + 2] == "##" else 0
                         for i in range(0, len(part) - 1, 2)])
    while grid and not any(grid[-1]):
        grid.pop()
    quiet, scale = 4, 8
    w = len(grid[0]) + 2 * quiet
    h = len(grid) + 2 * quiet
    out = ["P1", "%d %d" % (w * scale, h * scale)]
    for y in range(h):
        row = []
        for x in range(w):
            gy, gx = y - quiet, x - quiet
            dark = 0 <= gy < len(grid) and 0 <= gx < len(grid[gy]) and grid[gy][gx]
            row += ["1" if dark else "0"] * scale
        out += [" ".join(row)] * scale
    open(sys.argv[2], "w").write("\n".join(out) + "\n")


main()
