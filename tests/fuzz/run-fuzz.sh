#!/bin/sh
# run-fuzz.sh SRCDIR FUZZER NAME SEED-PREFIX DICT SECONDS [libFuzzer flags]:
# one libFuzzer target for SECONDS on its seeds and what earlier runs found.
set -u
src=$1 fuzzer=$2 name=$3 prefix=$4 dict=$5 seconds=$6
shift 6
corpus=tests/fuzz/corpus-$name
mkdir -p "$corpus"
cp "$src"/seeds/"$prefix"-* "$corpus"/ || exit 1
set -- -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 \
    -artifact_prefix="tests/fuzz/crash-$name-" -print_final_stats=1 "$@"
[ -n "$dict" ] && set -- -dict="$src/$dict" "$@"
echo "fuzz-$name: $seconds s"
exec "$fuzzer" "$@" "$corpus"
