#!/bin/sh
# Interface gone and back: firedamp -i vethB in a network namespace this test
# creates, the veth pair deleted under it (ip link del), then created again
# with the same names. Asserted: one "interface gone" line and the sensor
# alive, idle (CPU time over 2 s below 10 % of one core: the error path
# sleeps, no busy loop), "reopened" once the link is back, a DNS query sent
# after that reported like one sent before, the kernel counters summed over
# both handles, exit 0 on SIGTERM. Then start-up: a missing interface fails at
# once (exit 1) unless capture.wait_for_interface is set, when the sensor
# waits for it, captures once it appears, and stops at once on SIGTERM.
#
# Two namespaces joined only by the veth pair; every address is inside them.
# Skips (77) without root, iproute2 or python3.
# Usage: relink_test.sh FIREDAMP
set -u
bin=$1
. "$(dirname "$0")/lib/netns.sh"
netns_require "relink test" ip python3
nsa=fd-relink-a-$$
nsb=fd-relink-b-$$
netns_setup "$nsa" "$nsb"
mklink() {
    ip -n "$nsa" link add vethA type veth peer name vethB netns "$nsb" &&
        ip -n "$nsa" addr add 10.199.0.1/24 dev vethA &&
        ip -n "$nsb" addr add 10.199.0.2/24 dev vethB &&
        ip -n "$nsa" link set vethA up && ip -n "$nsb" link set vethB up
}
query() { # a DNS query for $1 from the A side to the B side, three times
    ip netns exec "$nsa" python3 - "$1" <<'PY'
import socket, struct, sys
q = struct.pack(">HHHHHH", 0x4242, 0x0100, 1, 0, 0, 0)
for label in sys.argv[1].encode().split(b"."):
    q += bytes([len(label)]) + label
q += b"\x00" + struct.pack(">HH", 1, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(3):
    s.sendto(q, ("10.199.0.2", 53))
PY
}
wait_line() { # waits up to $2 s for $1 in firedamp's stderr
    for _ in $(seq 1 $(($2 * 10))); do
        grep -q "$1" "$t/fd.err" && return 0
        sleep 0.1
    done
    return 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
stop() { # SIGTERM, then the exit status in rc
    stop_within "$pid" 10
    rc=$?
    pid=""
}
. "$(dirname "$0")/lib/check.sh"
run() { # firedamp on vethB in the B namespace, extra flags in "$@"
    # emptied here, not by the redirection in the child: wait_line must not
    # find the last run's lines before this one has started
    : >"$t/fd.err"
    ip netns exec "$nsb" "$bin" -i vethB -f 'udp port 53' -o "$t/eve.json" --stats-interval 1 \
        --sensor-name relink --set dns.log_queries=yes "$@" 2>"$t/fd.err" &
    pid=$!
}

mklink || exit 1
run
sleep 1.5
query before.minexmr.com
sleep 0.5
ip -n "$nsa" link del vethA
check "'interface gone' logged" 'wait_line "capture vethB: interface gone" 5'
a=$(cpu_ticks "$pid")
sleep 2
b=$(cpu_ticks "$pid")
hz=$(getconf CLK_TCK)
check "alive while the link is gone" 'kill -0 "$pid"'
check "idle while the link is gone: $((b - a)) ticks of CPU in 2 s (limit $((hz / 5)))" \
    '[ $((b - a)) -le $((hz / 5)) ]'
mklink || exit 1
check "'reopened' logged" 'wait_line "capture vethB: reopened" 20'
sleep 0.5
query after.minexmr.com
sleep 1.5
stop
check "exit 0 after SIGTERM (got $rc; stderr: $(cat "$t/fd.err"))" '[ $rc = 0 ]'
check "query before the loss reported" 'grep -q "\"rrname\":\"before.minexmr.com\"" "$t/eve.json"'
check "query after the reopen reported" 'grep -q "\"rrname\":\"after.minexmr.com\"" "$t/eve.json"'
check "kernel counters summed over both handles (6 queries)" \
    'tail -n 1 "$t/eve.json" | grep -q "\"final\":true" && tail -n 1 "$t/eve.json" | grep -Eq "\"kernel_packets\":([6-9]|[1-9][0-9])"'
check "one line per state change" '[ "$(grep -c "interface gone" "$t/fd.err")" = 1 ] && [ "$(grep -c "reopened" "$t/fd.err")" = 1 ]'

# start-up: a missing interface
ip -n "$nsa" link del vethA
: >"$t/eve.json"
run
for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
check "missing interface at start-up: fails at once" '! kill -0 "$pid" 2>/dev/null'
wait "$pid"
rc=$?
pid=""
check "missing interface at start-up: exit 1 (got $rc)" '[ $rc = 1 ]'
check "missing interface at start-up: says why" 'grep -q "vethB" "$t/fd.err"'

run --set capture.wait_for_interface=yes
check "wait_for_interface: says it waits" 'wait_line "capture vethB: cannot open" 5'
sleep 1
check "wait_for_interface: still running" 'kill -0 "$pid"'
mklink || exit 1
check "wait_for_interface: opened once it exists" 'wait_line "capture vethB: reopened" 20'
sleep 0.5
query late.minexmr.com
sleep 1.5
stop
check "wait_for_interface: exit 0 after SIGTERM (got $rc)" '[ $rc = 0 ]'
check "wait_for_interface: query reported" 'grep -q "\"rrname\":\"late.minexmr.com\"" "$t/eve.json"'

# SIGTERM while it waits: out within a sleep step, exit 0
ip -n "$nsa" link del vethA
run --set capture.wait_for_interface=yes
check "wait_for_interface: waiting again" 'wait_line "capture vethB: cannot open" 5'
t0=$(date +%s%N)
stop
t1=$(date +%s%N)
check "SIGTERM while waiting: exit 0 (got $rc)" '[ $rc = 0 ]'
check "SIGTERM while waiting: out in $(((t1 - t0) / 1000000)) ms (limit 2000)" \
    '[ $(((t1 - t0) / 1000000)) -lt 2000 ]'

check_done || { cat "$t/fd.err"; exit 1; }
