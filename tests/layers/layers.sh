#!/bin/sh
# layers.sh -- the tree's dependency rule holds (tests/layers/layers.py says which
# include breaks it): lib <- keys <- photo <- model <- net <- {tui | plain} <-
# screens <- cli; plain never reaches <curses.h>; headers match their files; the tests
# are laid out like the code (tests/unit/LAYER/) and no two share a name.
. "$top_srcdir/tests/lib.sh"
need_tool python3
python3 "$top_srcdir/tests/layers/layers.py" "$top_srcdir" || fail "the layers are broken (above)"
