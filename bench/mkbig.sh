#!/usr/bin/env bash
# mkbig.sh: builds the benchmark capture bench/out/big.pcap with pcapmix.
#
# usage: bench/mkbig.sh [SIZE_MB [OUT]]        (defaults: 1100, bench/out/big.pcap)
#   env MKBIG_INPUTS="a.pcap b.pcapng ..."    input captures to replicate (overrides the default)
#   env PCAPMIX_ARGS="-y 80 -x 2"             extra pcapmix flags (see pcapmix -h)
#
# Inputs by default: the project's own pcaps/*.pcap and *.pcapng, address-rewritten per copy,
# beside pcapmix's synthetic SPAN mix (SYN scans, DNS, bulk TLS with ACKs).
#   env MKBIG_CORPUS=1 adds the real third-party captures of ../shared/corpus (read in place,
#   never copied into the repository), for a replicated share with more varied traffic.
# Whatever is absent is left out; with no input at all only the synthetic mix is written. pcapng inputs are converted to classic pcap with editcap into
# bench/out/inputs/ first (pcapmix reads classic pcap only).
# It does not download anything. It always rewrites OUT (run.sh calls it only when the
# capture is missing).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
size_mb=${1:-1100}
out=${2:-$root/bench/out/big.pcap}
mkdir -p "$(dirname "$out")" "$root/bench/out/inputs"

# Build pcapmix standalone, so this works even while the main tree does not build.
tools=$root/build-bench/tools
if ! { cmake -S "$here" -B "$tools" -DCMAKE_BUILD_TYPE=Release >/dev/null &&
       cmake --build "$tools" --target pcapmix -j2 >/dev/null; }; then
    echo "mkbig: cmake build failed, compiling pcapmix with cc directly" >&2
    mkdir -p "$tools"
    cc -std=c11 -O2 -D_GNU_SOURCE -o "$tools/pcapmix" "$here/pcapmix.c"
fi

shopt -s nullglob
if [ -n "${MKBIG_INPUTS:-}" ]; then
    read -r -a candidates <<<"$MKBIG_INPUTS"
    source_desc="MKBIG_INPUTS"
else
    candidates=("$root"/pcaps/*.pcap "$root"/pcaps/*.pcapng)
    source_desc="pcaps/"
    if [ "${MKBIG_CORPUS:-0}" = 1 ]; then
        corpus=$root/../shared/corpus
        candidates+=("$corpus"/*/*.pcap "$corpus"/*/*.pcapng)
        source_desc="pcaps/ and ../shared/corpus"
    fi
fi

inputs=()
for f in "${candidates[@]}"; do
    [ -f "$f" ] || continue
    # The first four bytes tell pcapng (0a 0d 0d 0a) from classic pcap.
    if [ "$(head -c 4 "$f" | od -An -tx1 | tr -d ' \n')" = "0a0d0d0a" ]; then
        if ! command -v editcap >/dev/null; then
            echo "mkbig: skipping pcapng $f (no editcap to convert it)" >&2
            continue
        fi
        conv=$root/bench/out/inputs/$(basename "$(dirname "$f")")_$(basename "${f%.*}").pcap
        if [ ! -s "$conv" ] || [ "$f" -nt "$conv" ]; then
            if ! editcap -F pcap "$f" "$conv" 2>/dev/null; then
                echo "mkbig: skipping $f (editcap could not convert it)" >&2
                rm -f "$conv"
                continue
            fi
        fi
        inputs+=("$conv")
    else
        inputs+=("$f")
    fi
done
echo "mkbig: ${#inputs[@]} input captures from $source_desc, target ${size_mb} MiB -> $out" >&2

# shellcheck disable=SC2086  # PCAPMIX_ARGS is a list of flags on purpose
"$tools/pcapmix" -o "$out.tmp" -s "$size_mb" ${PCAPMIX_ARGS:-} "${inputs[@]}" \
    | sed "s#\.tmp\"#\"#" >"$out.summary.json"
mv "$out.tmp" "$out"
cat "$out.summary.json"
if command -v capinfos >/dev/null; then
    capinfos -c -s -u -x -y "$out" | sed -n '2,$p'
fi
