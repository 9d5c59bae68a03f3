#!/usr/bin/env bash
# run.sh: measures firedamp's throughput against the bare libpcap read loop on one capture.
#
# usage: bench/run.sh [PCAP]          (default bench/out/big.pcap, built by mkbig.sh if missing)
#   env RUNS=3                        runs per tool (the best is kept)
#   env FIREDAMP_ARGS="..."           extra firedamp flags (e.g. --set flow.max_flows=...)
#   env WORKERS2=1                    also firedamp with engine.workers=2 in every round
#
# It builds the project (cmake Release in build-bench), reads the file once to warm the page
# cache, then runs RUNS rounds of bare_loop and `firedamp -r PCAP -o /dev/null --deterministic`
# (and the two-worker firedamp), back to back, keeping the best (fastest) run of each, and
# ndpiReader once if it is installed. Because this machine's speed drifts by tens of percent
# over minutes, it also prints each round's ratios (firedamp against the bare loop of the same
# round; two workers against one) and their median. Peak RSS comes from /usr/bin/time. It
# prints a table and appends one markdown row per tool to bench/out/results.md. A tool that is
# missing or fails is reported as such, never fatal.
# It deliberately does not pin CPUs, drop caches or change CPU frequency settings.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
pcap=${1:-$root/bench/out/big.pcap}
runs=${RUNS:-3}
out_dir=$root/bench/out
build=$root/build-bench
mkdir -p "$out_dir"
log=$out_dir/run.log
: >"$log"

die() {
    echo "run: $*" >&2
    exit 1
}

if [ ! -x /usr/bin/time ]; then
    echo "run: installing GNU time for peak RSS" >&2
    apt-get install -y time >/dev/null 2>&1 || die "/usr/bin/time missing and could not be installed"
fi

if [ ! -f "$pcap" ]; then
    if [ $# -eq 0 ]; then
        "$here/mkbig.sh" || die "mkbig.sh failed"
    else
        die "$pcap: no such file"
    fi
fi

# --- build ---
echo "run: building (Release, $build)" >&2
firedamp=""
if cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >>"$log" 2>&1 &&
    cmake --build "$build" --target firedamp -j2 >>"$log" 2>&1 && [ -x "$build/firedamp" ]; then
    firedamp=$build/firedamp
else
    echo "run: firedamp did not build (see $log)" >&2
fi
# bare_loop from the root build if bench/ is wired in there, else standalone.
bare=""
if cmake --build "$build" --target bare_loop -j2 >>"$log" 2>&1 && [ -x "$build/bench/bare_loop" ]; then
    bare=$build/bench/bare_loop
elif cmake -S "$here" -B "$build/tools" -DCMAKE_BUILD_TYPE=Release >>"$log" 2>&1 &&
    cmake --build "$build/tools" --target bare_loop -j2 >>"$log" 2>&1; then
    bare=$build/tools/bare_loop
else
    die "bare_loop did not build (see $log)"
fi

# --- measure ---
echo "run: warming the page cache with $pcap" >&2
cat "$pcap" >/dev/null

# timed_run OUTFILE CMD...: runs CMD under /usr/bin/time; prints "seconds rss_kib rc".
# Seconds are wall-clock of the whole process, from date's nanoseconds.
timed_run() {
    local outfile=$1
    shift
    local t0 t1 rc rss
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$out_dir/.time" "$@" >"$outfile" 2>>"$log"
    rc=$?
    t1=$(date +%s%N)
    rss=$(tail -1 "$out_dir/.time" 2>/dev/null)
    [[ "$rss" =~ ^[0-9]+$ ]] || rss=0
    echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", (b - a) / 1e9 }') $rss $rc"
}

json_field() { # json_field FILE KEY: a number from a one-line JSON object
    sed -n "s/.*\"$2\":\([0-9.eE+-]*\).*/\1/p" "$1" | head -1
}

# one_fd ARGS...: one firedamp run; prints "seconds rss rc"
one_fd() {
    # shellcheck disable=SC2086  # FIREDAMP_ARGS is a list of flags on purpose
    timed_run "$out_dir/firedamp.stdout" "$firedamp" -r "$pcap" -o /dev/null --deterministic \
        ${FIREDAMP_ARGS:-} "$@"
}

# is_less A B: A < B as numbers
is_less() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

# fd_round PREFIX LABEL [FLAGS...]: this round's firedamp run into PREFIX_s (its seconds),
# PREFIX_best, PREFIX_rss and, on failure, PREFIX_fail (then it returns 1)
fd_round() {
    local -n secs=$1_s best=$1_best rss_max=$1_rss fail=$1_fail
    local label=$2 s rss rc
    shift 2
    read -r s rss rc < <(one_fd "$@")
    if [ "$rc" != 0 ]; then
        fail="exit $rc in round $i (see $log)"
        echo "run: $label failed: $fail" >&2
        return 1
    fi
    echo "run: round $i: $label ${s}s" >&2
    secs=$s
    if [ -z "$best" ] || is_less "$s" "$best"; then best=$s; fi
    if [ "$rss" -gt "$rss_max" ]; then rss_max=$rss; fi
    return 0
}

# Rounds: the bare loop (its own timer covers the read loop only), then firedamp, then
# (WORKERS2=1) firedamp with two workers, back to back.
bare_best="" bare_rss=0
fd_s="" fd_best="" fd_rss=0 fd_fail=""
fd2_s="" fd2_best="" fd2_rss=0 fd2_fail=""
ratios=() ratios2=()
[ -n "$firedamp" ] || fd_fail="not built"
for i in $(seq "$runs"); do
    read -r _ rss rc < <(timed_run "$out_dir/bare.json" "$bare" "$pcap")
    [ "$rc" = 0 ] || die "bare_loop failed (rc $rc, see $log)"
    sb=$(json_field "$out_dir/bare.json" seconds)
    echo "run: round $i: bare_loop ${sb}s" >&2
    if [ -z "$bare_best" ] || is_less "$sb" "$bare_best"; then
        bare_best=$sb
        cp "$out_dir/bare.json" "$out_dir/bare.best.json"
    fi
    [ "$rss" -gt "$bare_rss" ] && bare_rss=$rss
    [ -z "$fd_fail" ] && fd_round fd firedamp || continue
    ratios+=("$(awk -v b="$sb" -v f="$fd_s" 'BEGIN { printf "%.3f", b / f }')")
    [ "${WORKERS2:-0}" = 1 ] && [ -z "$fd2_fail" ] &&
        fd_round fd2 "firedamp, 2 workers" --set engine.workers=2 || continue
    ratios2+=("$(awk -v a="$fd_s" -v b="$fd2_s" 'BEGIN { printf "%.3f", a / b }')")
done
packets=$(json_field "$out_dir/bare.best.json" packets)
bytes=$(json_field "$out_dir/bare.best.json" bytes)

# row NAME SECONDS RSS_KIB NOTE: one table line from a time (empty time: not measured)
rows=()
row() {
    local name=$1 secs=$2 rss=$3 note=$4
    if [ -z "$secs" ]; then
        rows+=("$(printf '| %-10s | %12s | %8s | %8s | %9s | %s |' "$name" - - - - "$note")")
        return
    fi
    rows+=("$(awk -v n="$name" -v s="$secs" -v p="$packets" -v b="$bytes" -v base="$bare_best" \
        -v r="$rss" -v note="$note" 'BEGIN {
            printf "| %-10s | %12.0f | %8.3f | %8.3f | %9.1f | %s |", n, p / s, b * 8 / s / 1e9,
                   base / s, r / 1024, note }')")
}
row bare_loop "$bare_best" "$bare_rss" "best of $runs, read loop only"
if [ -n "$fd_fail" ]; then
    row firedamp "" 0 "FAILED: $fd_fail"
else
    row firedamp "$fd_best" "$fd_rss" "best of $runs, whole process"
fi
if [ "${WORKERS2:-0}" = 1 ]; then
    if [ -n "$fd2_fail" ] || [ -z "$fd2_best" ]; then
        row firedamp-2w "" 0 "FAILED: ${fd2_fail:-not run}"
    else
        row firedamp-2w "$fd2_best" "$fd2_rss" "best of $runs, whole process, 2 workers"
    fi
fi

if [ -x /usr/bin/ndpiReader ]; then
    # -q: no per-flow dump; its end-of-run summary still goes to stdout, kept in the log.
    read -r s rss rc < <(timed_run "$out_dir/ndpi.stdout" /usr/bin/ndpiReader -i "$pcap" -q)
    if [ "$rc" = 0 ]; then
        echo "run: ndpiReader: ${s}s" >&2
        row ndpiReader "$s" "$rss" "1 run, whole process"
        ndpi_s=$s
    else
        row ndpiReader "" 0 "FAILED: exit $rc"
    fi
fi

header='| tool       |    packets/s |   Gbit/s | vs. bare | RSS MiB   | note |'
sep='|------------|-------------:|---------:|---------:|----------:|------|'
size=$(stat -c %s "$pcap")
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%.3f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo
echo "capture: $pcap ($size bytes, $packets packets, $bytes wire bytes)"
echo "$header"
echo "$sep"
printf '%s\n' "${rows[@]}"
if [ "${#ratios[@]}" -gt 0 ]; then
    echo
    echo "per round, firedamp vs. the bare loop of the same round: ${ratios[*]} (median $(median "${ratios[@]}"))"
fi
if [ "${#ratios2[@]}" -gt 0 ]; then
    echo "per round, two workers vs. one: ${ratios2[*]} (median $(median "${ratios2[@]}"))"
fi
if [ -n "${ndpi_s:-}" ] && [ -n "$fd_best" ]; then
    awk -v n="$ndpi_s" -v f="$fd_best" -v t="${fd2_best:-}" 'BEGIN {
        printf "firedamp vs. ndpiReader: %.1fx", n / f
        if (t != "") printf ", two workers %.1fx", n / t
        printf "\n" }'
fi

results=$out_dir/results.md
if [ ! -s "$results" ]; then
    {
        echo "| date | commit | capture | tool | packets/s | Gbit/s | vs. bare | RSS MiB | note |"
        echo "|------|--------|---------|------|----------:|-------:|---------:|--------:|------|"
    } >"$results"
fi
stamp=$(date -u +%Y-%m-%dT%H:%MZ)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo none)
for r in "${rows[@]}"; do
    echo "| $stamp | $commit | $(basename "$pcap") ($packets pkts) $r" >>"$results"
done
echo
echo "run: appended to $results" >&2
