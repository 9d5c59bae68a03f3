#!/bin/sh
# Live fanout of a VXLAN mirror, in the kernel: firedamp -i on one end of a
# veth pair inside a network namespace this test creates (nothing leaves it),
# two workers; python3 sends a mirror session's frames into the other end
# (one outer flow, UDP 4789, carrying 24 inner TCP handshakes).
#
# engine.dispatch=fanout_inner (the kernel runs fanout.c's program): both
# workers get packets, and each inner flow is one flow record holding both of
# its directions. engine.dispatch=fanout (the kernel's hash of the outer
# headers), the contrast: one worker gets every packet. engine.dispatch=replicate:
# the flows are right, but the kernel copies every packet into both workers'
# rings (144 copies for 72 packets). Skips (77) without
# root, iproute2 or python3.
# Usage: fanout_test.sh FIREDAMP
set -u
bin=$1
. "$(dirname "$0")/lib/netns.sh"
netns_require "fanout test" ip python3
ns=firedamp-fanout-$$
netns_setup "$ns"
ip -n "$ns" link add fd0 type veth peer name fd1
ip -n "$ns" link set fd0 up
ip -n "$ns" link set fd1 up

send() {
    ip netns exec "$ns" python3 - <<'PY'
import socket, struct

def csum(b):
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    return ~(s + (s >> 16)) & 0xffff

def ipv4(src, dst, proto, payload):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0,
                    socket.inet_aton(src), socket.inet_aton(dst))
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload

def tcp(sport, dport, seq, ack, flags):
    return struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 0x50, flags, 65535, 0, 0)

def frame(src_mac, dst_mac, etype, payload):
    return dst_mac + src_mac + struct.pack("!H", etype) + payload

def mirrored(inner):
    # the mirror session: one VTEP pair, one UDP source port, VNI 42
    vx = struct.pack("!II", 0x08000000, 42 << 8) + inner
    udp = struct.pack("!HHHH", 49152, 4789, 8 + len(vx), 0) + vx
    return frame(b"\x02\0\0\0\0\x01", b"\x02\0\0\0\0\x02", 0x0800,
                 ipv4("10.255.0.1", "10.255.0.2", 17, udp))

s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("fd0", 0))
cm, sm = b"\x04\0\0\0\0\x01", b"\x04\0\0\0\0\x02"
for i in range(24):
    c, srv, cp, sp = "172.16.%d.%d" % (i, 10 + i), "192.168.7.%d" % (20 + i), 40000 + i, 8000 + i
    s.send(mirrored(frame(cm, sm, 0x0800, ipv4(c, srv, 6, tcp(cp, sp, 1000, 0, 0x02)))))
    s.send(mirrored(frame(sm, cm, 0x0800, ipv4(srv, c, 6, tcp(sp, cp, 5000, 1001, 0x12)))))
    s.send(mirrored(frame(cm, sm, 0x0800, ipv4(c, srv, 6, tcp(cp, sp, 1001, 5001, 0x10)))))
PY
}

# run DISPATCH: capture the mirror with two workers; eve and flow log in $t/DISPATCH.*
run() {
    ip netns exec "$ns" "$bin" -i fd1 -f 'udp port 4789' -o "$t/$1.eve" --flow-log "$t/$1.flows" \
        --stats-interval 0 --set engine.workers=2 --set engine.dispatch="$1" \
        --set flow.use_tunnel_id=no 2>"$t/$1.err" &
    pid=$!
    sleep 1.5
    send
    sleep 1
    stop_within "$pid" 10
    rc=$?
    pid=""
    echo "$rc" >"$t/$1.rc"
}

# summary DISPATCH: "rc w0 w1 flows dup both kernel" from the final stats and the flow records
summary() {
    python3 - "$t/$1" <<'PY'
import json, sys
p = sys.argv[1]
rc = open(p + ".rc").read().strip()
stats = [json.loads(l) for l in open(p + ".eve") if '"event_type":"stats"' in l]
w = stats[-1]["stats"]["workers"] if stats else []
pk = [x["packets"] for x in w] + [0, 0]
kernel = stats[-1]["stats"]["capture"]["kernel_packets"] if stats else -1
flows = []
for l in open(p + ".flows"):
    e = json.loads(l)
    if e.get("event_type") == "flow" and e.get("proto") == "TCP":
        ends = sorted([(e["src_ip"], e["src_port"]), (e["dest_ip"], e["dest_port"])])
        flows.append((tuple(ends), e["flow"]))
keys = [k for k, _ in flows]
both = sum(1 for _, f in flows if f["pkts_toserver"] == 2 and f["pkts_toclient"] == 1)
print(rc, pk[0], pk[1], len(flows), len(keys) - len(set(keys)), both, kernel)
PY
}

run fanout_inner
run fanout
run replicate
# load DISPATCH: rc w0 w1 nflows dup both kernel, from summary
load() {
    read -r rc w0 w1 nflows dup both kernel <<EOF
$(summary "$1")
EOF
}

. "$(dirname "$0")/lib/check.sh"
load fanout_inner
check "fanout_inner: exit 0 (got $rc; stderr: $(cat "$t/fanout_inner.err"))" '[ "$rc" = 0 ]'
check "fanout_inner: 72 packets in all (workers: $w0 + $w1)" '[ $((w0 + w1)) = 72 ]'
check "fanout_inner: both workers got inner flows (workers: $w0, $w1)" \
    '[ "$w0" -gt 0 ] && [ "$w1" -gt 0 ]'
check "fanout_inner: 24 flow records (got $nflows)" '[ "$nflows" = 24 ]'
check "fanout_inner: no inner flow split between workers ($dup duplicated)" '[ "$dup" = 0 ]'
check "fanout_inner: each flow has its 2 + 1 packets (got $both of 24)" '[ "$both" = 24 ]'
check "fanout_inner: the kernel copied each packet once (72; got $kernel)" '[ "$kernel" = 72 ]'
load fanout
check "fanout: exit 0 (got $rc; stderr: $(cat "$t/fanout.err"))" '[ "$rc" = 0 ]'
check "fanout: the outer hash gives one worker all 72 packets (workers: $w0, $w1)" \
    '{ [ "$w0" = 72 ] && [ "$w1" = 0 ]; } || { [ "$w0" = 0 ] && [ "$w1" = 72 ]; }'
check "fanout: 24 flow records (got $nflows)" '[ "$nflows" = 24 ]'
load replicate
check "replicate: exit 0 (got $rc; stderr: $(cat "$t/replicate.err"))" '[ "$rc" = 0 ]'
check "replicate: the workers kept 72 packets between them (workers: $w0 + $w1)" \
    '[ $((w0 + w1)) = 72 ]'
check "replicate: 24 whole flow records (got $nflows, $dup duplicated, $both whole)" \
    '[ "$nflows" = 24 ] && [ "$dup" = 0 ] && [ "$both" = 24 ]'
check "replicate: the kernel copied each packet to both rings (144; got $kernel)" \
    '[ "$kernel" = 144 ]'
check_done
