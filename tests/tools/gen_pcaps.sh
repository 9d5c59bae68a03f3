#!/bin/sh
# gen_pcaps.sh - regenerates every pcaps/*.pcap that pcapgen knows, and checks them.
#
# usage: tests/tools/gen_pcaps.sh [--check] [PCAPGEN]
#   PCAPGEN   a built pcapgen binary; without one, a private copy is built with cc.
#   --check   after writing, run tshark over every capture with IPv4/TCP/UDP
#             checksum validation on and fail on a bad checksum or a malformed
#             packet (truncated-frames.pcap is malformed on purpose and skipped),
#             and on a tls-sni.pcap JA3 other than the one the goldens expect.
# Output is deterministic: rerunning it must leave `git status` clean.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
check=0
if [ "${1:-}" = "--check" ]; then
    check=1
    shift
fi
bin=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
if [ -z "$bin" ]; then
    ${CC:-cc} -std=c11 -O2 -Wall -Wextra -o "$tmp/pcapgen" \
        "$root/tests/tools/pcapgen.c" "$root/tests/tools/pktgen.c"
    bin=$tmp/pcapgen
fi

mkdir -p "$root/pcaps"
for s in $("$bin" --list | awk '{print $1}'); do
    "$bin" "$s" "$root/pcaps/$s.pcap"
done
[ "$check" = 1 ] || exit 0

fail=0
opts="-o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE -o udp.check_checksum:TRUE"
for s in $("$bin" --list | awk '{print $1}'); do
    [ "$s" = truncated-frames ] && continue
    # shellcheck disable=SC2086
    tshark -n -r "$root/pcaps/$s.pcap" $opts -V >"$tmp/v" 2>/dev/null
    if grep -E 'Malformed Packet|checksum status: Bad|\[Checksum Status: Bad\]' "$tmp/v" >/dev/null; then
        echo "gen_pcaps: $s.pcap: malformed packet or bad checksum" >&2
        fail=1
    fi
done
ja3=$(tshark -n -r "$root/pcaps/tls-sni.pcap" -Y 'tls.handshake.type == 1' \
    -T fields -e tls.handshake.ja3 2>/dev/null)
if [ "$ja3" != ef4252355d60214dafd2be9b7798a041 ]; then
    echo "gen_pcaps: tls-sni.pcap: JA3 '$ja3', expected ef4252355d60214dafd2be9b7798a041" >&2
    fail=1
fi
[ "$fail" = 0 ] && echo "gen_pcaps: all captures check out"
exit "$fail"
