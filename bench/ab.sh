#!/usr/bin/env bash
# ab.sh: compares two firedamp binaries (or one binary with two flag sets) on one capture,
# in alternating runs, because on a shared machine the speed of the same binary drifts by
# tens of percent over minutes: only runs made back to back are comparable.
#
# usage: bench/ab.sh PCAP ROUNDS A B
#   A and B are commands (quoted if they have flags), e.g.
#     bench/ab.sh bench/out/span.pcap 6 /tmp/old/firedamp build/firedamp
#     bench/ab.sh bench/out/span.pcap 6 build/firedamp "build/firedamp --set engine.workers=2"
#   Each round runs A then B (B then A in odd rounds), each as
#   `CMD -r PCAP -o /dev/null --deterministic`, and prints their wall seconds and B/A.
#   At the end: each side's min and median, and the median of the per-round ratios.
#
# Read the ratio's spread before the median: if A against itself (bench/ab.sh P 6 A A) spreads
# as wide as A against B, the difference is noise. For effects under ~15% prefer callgrind
# instruction counts or perf sample shares (bench/BASELINE.md, session 4). Needs GNU time.
set -euo pipefail

[ $# -eq 4 ] || { sed -n '2,16p' "$0" >&2; exit 2; }
pcap=$1 rounds=$2 a=$3 b=$4
[ -f "$pcap" ] || { echo "ab: $pcap: no such file" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "ab: /usr/bin/time (GNU time) is needed" >&2; exit 2; }
t=$(mktemp)
trap 'rm -f "$t"' EXIT

run() { # wall seconds of one run of command $1
    # shellcheck disable=SC2086 # the command's flags are meant to split
    /usr/bin/time -f %e -o "$t" $1 -r "$pcap" -o /dev/null --deterministic >/dev/null 2>&1 ||
        { echo "ab: '$1' failed" >&2; exit 1; }
    tail -n 1 "$t"
}

cat "$pcap" >/dev/null # warm the page cache once
ta=() tb=() ratios=()
for i in $(seq 1 "$rounds"); do
    if [ $((i % 2)) = 1 ]; then x=$(run "$a"); y=$(run "$b"); else y=$(run "$b"); x=$(run "$a"); fi
    r=$(awk -v x="$x" -v y="$y" 'BEGIN { printf "%.3f", y / x }')
    ta+=("$x") tb+=("$y") ratios+=("$r")
    printf 'round %d: A %s s  B %s s  B/A %s\n' "$i" "$x" "$y" "$r"
done
stats() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "min %s median %s", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "A: $(stats "${ta[@]}") s  ($a)"
echo "B: $(stats "${tb[@]}") s  ($b)"
echo "B/A: $(stats "${ratios[@]}")"
