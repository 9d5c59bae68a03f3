#!/bin/sh
# Live capture end to end: firedamp -i lo inside a network namespace this test
# creates (nothing leaves it), a real DNS query sent over it with python3's
# socket module (unanswered: logged because dns.log_queries=yes), then SIGTERM:
# exit 0, the query reported, a final stats event
# with the kernel's counters. Skips (77) without root or iproute2.
# Usage: live_test.sh FIREDAMP
set -u
bin=$1
. "$(dirname "$0")/lib/netns.sh"
netns_require "live capture test" ip python3
ns=firedamp-live-$$
netns_setup "$ns"

ip netns exec "$ns" "$bin" -i lo -f 'udp port 53' -o "$t/eve.json" --stats-interval 0 \
    --sensor-name live-test --set dns.log_queries=yes 2>"$t/fd.err" &
pid=$!
sleep 1.5
# a DNS query for a pool name, as a miner's resolver would send it
ip netns exec "$ns" python3 - <<'PY'
import socket, struct
q = struct.pack(">HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0)
for label in b"pool.minexmr.com".split(b"."):
    q += bytes([len(label)]) + label
q += b"\x00" + struct.pack(">HH", 1, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(3):
    s.sendto(q, ("127.0.0.1", 53))
PY
sleep 1
# it must stop promptly even though the ring is idle: no hang, whatever happens
stop_within "$pid" 10
rc=$?
pid=""
. "$(dirname "$0")/lib/check.sh"
check "exit 0 after SIGTERM (got $rc; stderr: $(cat "$t/fd.err"))" '[ $rc = 0 ]'
check "dns query reported" 'grep -q "\"rrname\":\"pool.minexmr.com\"" "$t/eve.json"'
check "sensor name" 'grep -q "\"sensor\":\"live-test\"" "$t/eve.json"'
check "final stats with kernel counters" \
    'tail -n 1 "$t/eve.json" | grep -q "\"final\":true" && tail -n 1 "$t/eve.json" | grep -Eq "\"kernel_packets\":[1-9]"'
check_done
