#!/usr/bin/env python3
"""layers.py -- the tree's dependency rule, read from the sources themselves.

lib <- keys <- photo <- model <- net <- {tui | plain} <- screens (tui only) <- cli

A file may include its own layer and the layers below it, by name
("photo/check.h"); model never includes net; plain never reaches <curses.h>
or terminfo, not even through a header of a layer below; tui never includes
screens; a header's functions are defined in the file of its name.

The tests are laid out like the code: a unit test in tests/unit/LAYER/ includes
only that layer and the layers below it, and no two test files (scripts,
programs and their helpers) in different folders share a name, extension aside,
so that a name alone says which test it is.
Prints every breach and exits 1, or exits 0 quietly.
"""
import os
import re
import sys

RANK = {"lib": 0, "keys": 1, "photo": 2, "model": 3, "net": 4,
        "tui": 5, "plain": 5, "screens": 6, "cli": 7}
# Two layers of equal rank never include each other.
CURSES = re.compile(r"^(ncursesw?/)?(n?curses|panel|menu|form)\.h$")
QUOTED = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
SYSTEM = re.compile(r"^\s*#\s*include\s+<([^>]+)>", re.M)
# A declaration at the start of a line: type, then name(.  Not macros.
PROTO = re.compile(r"^(?!static|typedef|extern|#|/\*| \*|\s)[A-Za-z_][\w \t\*]*?[\s\*]"
                   r"([a-z_][a-z0-9_]*)\s*\(", re.M)
GENERATED = {"autoconfig.h"}
# What a test file ends with; data, seeds and build products are not test files.
TEST_FILE = (".sh", ".py", ".c", ".h")
NOT_TESTS = ("tests/data/", "tests/fuzz/seeds/")


def sources(top):
    for folder in ["src", "screens"]:
        for root, _, files in os.walk(os.path.join(top, folder)):
            for f in sorted(files):
                if f.endswith((".c", ".h", ".cc")):
                    yield os.path.relpath(os.path.join(root, f), top)


def layer_of(rel):
    parts = rel.split("/")
    if parts[0] == "screens":
        return "screens"
    return parts[1] if len(parts) > 2 else None


def include_path(name):
    return "screens/" + name[len("screens/"):] if name.startswith("screens/") \
        else "src/" + name


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)


def reaches_curses(top, rel, seen):
    """The system header of the curses family rel reaches, or None."""
    if rel in seen or not os.path.exists(os.path.join(top, rel)):
        return None
    seen.add(rel)
    text = strip_comments(open(os.path.join(top, rel), encoding="utf-8").read())
    for name in SYSTEM.findall(text):
        if CURSES.match(name):
            return "%s includes <%s>" % (rel, name)
    for name in QUOTED.findall(text):
        if name not in GENERATED:
            found = reaches_curses(top, include_path(name), seen)
            if found:
                return found
    return None


def check_includes(top, rel, problems):
    me = layer_of(rel)
    if me is None:
        problems.append("%s: not in a layer's folder (src/LAYER/ or screens/)" % rel)
        return
    text = strip_comments(open(os.path.join(top, rel), encoding="utf-8").read())
    for name in QUOTED.findall(text):
        if name in GENERATED:
            continue
        if "/" not in name:
            problems.append('%s: #include "%s" does not name its layer' % (rel, name))
            continue
        other = name.split("/")[0]
        if other not in RANK:
            problems.append('%s: #include "%s": no layer "%s"' % (rel, name, other))
        elif other != me and (RANK[other] > RANK[me] or
                              (RANK[other] == RANK[me])):
            problems.append('%s: #include "%s": %s may not include %s' %
                            (rel, name, me, other))
        elif me == "screens" and other == "plain":
            problems.append('%s: #include "%s": screens belong to the curses front end' %
                            (rel, name))
    if me == "plain" or (me in ("lib", "keys", "photo", "model", "net")):
        found = reaches_curses(top, rel, set())
        if found:
            problems.append("%s: the %s layer reaches curses (%s)" % (rel, me, found))


def check_unit_test(top, rel, problems):
    """A unit test in tests/unit/LAYER/ reaches only LAYER and the layers below."""
    parts = rel.split("/")
    me = parts[2] if len(parts) == 4 else None
    if me not in RANK:
        problems.append("%s: a unit test belongs in tests/unit/LAYER/, LAYER one of %s" %
                        (rel, ", ".join(RANK)))
        return
    text = strip_comments(open(os.path.join(top, rel), encoding="utf-8").read())
    for name in QUOTED.findall(text):
        other = name.split("/")[0]
        if other in RANK and other != me and RANK[other] >= RANK[me]:
            problems.append('%s: #include "%s": a unit test of %s may not include %s' %
                            (rel, name, me, other))


def test_files(top):
    for root, dirs, files in os.walk(os.path.join(top, "tests")):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            rel = os.path.relpath(os.path.join(root, f), top)
            if f.endswith(TEST_FILE) and not rel.startswith(NOT_TESTS):
                yield rel


def check_test_names(top, problems):
    """Two test files in different folders never share a name, extension aside."""
    seen = {}
    for rel in test_files(top):
        stem = os.path.splitext(os.path.basename(rel))[0]
        other = seen.setdefault(stem, rel)
        if os.path.dirname(other) != os.path.dirname(rel):
            problems.append("%s and %s share the name %s: name each after what it proves" %
                            (other, rel, stem))
        if rel.startswith("tests/unit/") and rel.endswith(".c"):
            check_unit_test(top, rel, problems)


def check_header(top, rel, problems):
    base = rel[:-2]
    impl = [p for p in (base + ".c", base + ".cc") if os.path.exists(os.path.join(top, p))]
    text = strip_comments(open(os.path.join(top, rel), encoding="utf-8").read())
    names = PROTO.findall(text)
    if not names:
        return
    if not impl:
        problems.append("%s declares %s but there is no %s.c" % (rel, names[0], os.path.basename(base)))
        return
    body = "".join(open(os.path.join(top, p), encoding="utf-8").read() for p in impl)
    for name in names:
        if not re.search(r"^%s\s*\(" % re.escape(name), body, re.M):
            problems.append("%s declares %s, which %s does not define" %
                            (rel, name, os.path.basename(impl[0])))


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else "."
    problems = []
    for rel in sources(top):
        check_includes(top, rel, problems)
        if rel.endswith(".h") and rel.startswith("src/"):
            check_header(top, rel, problems)
    check_test_names(top, problems)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
