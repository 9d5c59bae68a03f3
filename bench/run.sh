#!/usr/bin/env bash
# run.sh: measures firedamp's throughput against the bare libpcap read loop on one capture.
#
# usage: bench/run.sh [PCAP]          (default bench/out/big.pcap, built by mkbig.sh if missing)
#   env RUNS=3                        runs per tool (the best is kept)
#   env FIREDAMP_ARGS="..."           extra firedamp flags (e.g. --set flow.max_flows=...)
#
# It builds the project (cmake Release in build-bench), reads the file once to warm the page
# cache, then runs bare_loop and `firedamp -r PCAP -o /dev/null --deterministic` RUNS times
# each, keeping the best (fastest) run of each, and ndpiReader once if it is installed. Peak
# RSS comes from /usr/bin/time. It prints a table and appends one markdown row per tool to
# bench/out/results.md. A tool that is missing or fails is reported as such, never fatal.
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

# bare loop: its own timer covers the read loop only.
bare_best=""
bare_rss=0
for i in $(seq "$runs"); do
    read -r _ rss rc < <(timed_run "$out_dir/bare.json" "$bare" "$pcap")
    [ "$rc" = 0 ] || die "bare_loop failed (rc $rc, see $log)"
    s=$(json_field "$out_dir/bare.json" seconds)
    echo "run: bare_loop run $i: ${s}s" >&2
    if [ -z "$bare_best" ] || awk -v a="$s" -v b="$bare_best" 'BEGIN { exit !(a < b) }'; then
        bare_best=$s
        cp "$out_dir/bare.json" "$out_dir/bare.best.json"
    fi
    [ "$rss" -gt "$bare_rss" ] && bare_rss=$rss
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

if [ -n "$firedamp" ]; then
    fd_best=""
    fd_rss=0
    fd_fail=""
    for i in $(seq "$runs"); do
        # shellcheck disable=SC2086  # FIREDAMP_ARGS is a list of flags on purpose
        read -r s rss rc < <(timed_run "$out_dir/firedamp.stdout" "$firedamp" -r "$pcap" \
            -o /dev/null --deterministic ${FIREDAMP_ARGS:-})
        if [ "$rc" != 0 ]; then
            fd_fail="exit $rc on run $i (see $log)"
            echo "run: firedamp failed: $fd_fail" >&2
            break
        fi
        echo "run: firedamp run $i: ${s}s" >&2
        if [ -z "$fd_best" ] || awk -v a="$s" -v b="$fd_best" 'BEGIN { exit !(a < b) }'; then
            fd_best=$s
        fi
        [ "$rss" -gt "$fd_rss" ] && fd_rss=$rss
    done
    if [ -n "$fd_fail" ]; then
        row firedamp "" 0 "FAILED: $fd_fail"
    else
        row firedamp "$fd_best" "$fd_rss" "best of $runs, whole process"
    fi
else
    row firedamp "" 0 "not built"
fi

if [ -x /usr/bin/ndpiReader ]; then
    # -q: no per-flow dump; its end-of-run summary still goes to stdout, kept in the log.
    read -r s rss rc < <(timed_run "$out_dir/ndpi.stdout" /usr/bin/ndpiReader -i "$pcap" -q)
    if [ "$rc" = 0 ]; then
        echo "run: ndpiReader: ${s}s" >&2
        row ndpiReader "$s" "$rss" "1 run, whole process"
    else
        row ndpiReader "" 0 "FAILED: exit $rc"
    fi
fi

header='| tool       |    packets/s |   Gbit/s | vs. bare | RSS MiB   | note |'
sep='|------------|-------------:|---------:|---------:|----------:|------|'
size=$(stat -c %s "$pcap")
echo
echo "capture: $pcap ($size bytes, $packets packets, $bytes wire bytes)"
echo "$header"
echo "$sep"
printf '%s\n' "${rows[@]}"

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
