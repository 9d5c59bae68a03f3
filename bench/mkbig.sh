#!/usr/bin/env bash
# mkbig.sh: builds a benchmark capture with pcapmix: bench/out/big.pcap, or with
# MKBIG_PROFILE=span bench/out/span.pcap.
#
# usage: bench/mkbig.sh [SIZE_MB [OUT]]        (defaults: 1100, bench/out/big.pcap;
#                                             span: 2048, bench/out/span.pcap)
#   env MKBIG_PROFILE=default|span            which traffic mix (below; default: default)
#   env MKBIG_INPUTS="a.pcap b.pcapng ..."    input captures to replicate (overrides the default)
#   env PCAPMIX_ARGS="-y 80 -x 2"             extra pcapmix flags (see pcapmix -h); they come
#                                             after the profile's, so they override it
#
# Profiles:
#   default  flow-heavy: 70 % bulk TLS / 20 % replicated / 10 % short flows by bytes. About
#            1.1 GB, 3 M packets, 1.1-1.3 M flows (2.4 packets per flow): SYN scans and DNS are
#            half the packets. The numbers in BASELINE.md and earlier results were measured on
#            this one; it stays byte-identical for the same inputs, so keep comparing on it.
#   span     shaped like the owner's reference SPAN capture (issue 7: 2 GB, 12 M packets,
#            1.1 M flows, ~170 bytes per packet, ~11 packets per flow). Default 2048 MiB to
#            bench/out/span.pcap. Bytes: 27 % bulk TLS with an ACK per segment (-a 1),
#            5 % replicated pcaps/, 5.5 % SYN scans and DNS, 62.5 % long RTP-shaped UDP
#            streams with 20-120 byte payloads (voice, calls, game telemetry). With the 71
#            pcaps/ inputs of 2026-11-22: 2147483108 bytes, 12.02 M packets, 1.10 M flows;
#            by packets 79 % UDP streams, 11 % short, 6 % bulk, 3 % replicated. Small
#            payloads are on purpose: 170 bytes per packet on average cannot be reached with
#            200-300 byte frames beside any bulk traffic at all.
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
profile=${MKBIG_PROFILE:-default}
case $profile in
default)
    def_size=1100
    def_out=$root/bench/out/big.pcap
    profile_args=()
    ;;
span)
    def_size=2048
    def_out=$root/bench/out/span.pcap
    profile_args=(-B 54 -R 10 -F 11 -U 125 -a 1 -p 20-120)
    ;;
*)
    echo "mkbig: unknown MKBIG_PROFILE '$profile' (default or span)" >&2
    exit 2
    ;;
esac
size_mb=${1:-$def_size}
out=${2:-$def_out}
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
echo "mkbig: profile $profile, ${#inputs[@]} input captures from $source_desc," \
    "target ${size_mb} MiB -> $out" >&2

# shellcheck disable=SC2086  # PCAPMIX_ARGS is a list of flags on purpose
"$tools/pcapmix" -o "$out.tmp" -s "$size_mb" ${profile_args[@]+"${profile_args[@]}"} \
    ${PCAPMIX_ARGS:-} "${inputs[@]}" \
    | sed "s#\.tmp\"#\"#" >"$out.summary.json"
mv "$out.tmp" "$out"
cat "$out.summary.json"
if command -v capinfos >/dev/null; then
    capinfos -c -s -u -x -y "$out" | sed -n '2,$p'
fi
