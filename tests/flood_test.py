#!/usr/bin/env python3
"""flood_test.py - firedamp under a flow-table flood and under reassembly abuse.

Usage: flood_test.py FIREDAMP SOURCE_DIR WORK_DIR {flood,reasm} [long]

flood: tests/tools/make_flood.py writes a capture where a Stratum session
(pcaps/stratum-v1.pcap) starts, a SYN scan of N distinct flows runs while
that session keeps submitting shares, the session closes, and a new one
(pcaps/stratum-split3.pcap) starts. Run with a small flow table, it asserts
from the final stats event and the events: every scan flow was created and
all but a table's worth evicted, the table never held more than its size, the
first session was never evicted or re-created (one flow, one alert, its
summary counting every job and share of the capture, as the golden file of
its own capture says), the second session is detected the same way, and the
peak RSS of the process (wait4) does not grow with the scan: N and N/10
within 4 MiB, and the scan costs no more than the flow table's bound (plus
1 MiB for the rest a scan holds: nDPI's flows in flight, events) over a run
without it (all read with the read() file reader); the mapped reader costs
at most its 16 MiB window more. The pool is only written as flows use it,
so a run without the scan has almost none of it resident, and a full table
counts its whole bound; under AddressSanitizer (FIREDAMP_SANITIZED) its
shadow and redzones add up to a quarter more.

reasm: make_flood.py's reassembly capture (abusive Stratum flows: holes never
filled, thousands of 1-byte segments, sequence numbers 2^31 away) run with
stream.memcap_mb=1: the reassembly peak stays under the memcap, the memcap
refused allocations (so it was reached), gaps were reported, everything was
freed at the end, the exit status is 0, and the two legitimate sessions (one
in the middle of the abuse, one after) are detected as their golden files say.

Short sizes for CI (about 20 s, under a minute with ASan); 'long' runs
5,000,000 flows vs 1,000,000 and heavier abuse, only with FIREDAMP_LONG_TESTS=1
(exit 77, skipped, otherwise): FIREDAMP_LONG_TESTS=1 ctest -L long.
Generated captures go to WORK_DIR and are removed unless FLOOD_KEEP=1.
"""
import json
import os
import subprocess
import sys
import time

MiB = 1 << 20
MAP_WINDOW = 16 * MiB  # sensor/capture.c MAP_WIN


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def gen(src, args):
    out = subprocess.run([sys.executable, os.path.join(src, "tests", "tools", "make_flood.py")] +
                         args, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def run(fd, src, pcap, out, sets):
    """Runs firedamp; returns (exit status, peak RSS bytes, seconds, events)."""
    cmd = [fd, "--deterministic", "-r", pcap, "-o", out,
           "--set", "signatures.dir=" + os.path.join(src, "signatures")]
    for s in sets:
        cmd += ["--set", s]
    if os.path.exists(out):
        os.unlink(out)  # firedamp appends to an existing file
    t = time.monotonic()
    p = subprocess.Popen(cmd)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    secs = time.monotonic() - t
    with open(out, encoding="utf-8") as f:
        events = [json.loads(line) for line in f]
    return p.returncode, ru.ru_maxrss * 1024, secs, events


def final_stats(events):
    st = [e["stats"] for e in events if e["event_type"] == "stats" and e["stats"].get("final")]
    check(len(st) == 1, f"{len(st)} final stats events")
    return st[0]


def tuple_events(events, t):
    src, sport, dst, dport = t
    return [e for e in events if e.get("src_ip") == src and e.get("src_port") == sport and
            e.get("dest_ip") == dst and e.get("dest_port") == dport]


def golden_summary(src, name):
    """The stratum counters the golden file of pcaps/NAME.pcap expects."""
    with open(os.path.join(src, "tests", "golden", name + ".jsonl"), encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            if e["event_type"] == "stratum":
                return {k: e["stratum"][k] for k in ("jobs", "shares", "accepted", "rejected")}
    fail(f"no stratum event in tests/golden/{name}.jsonl")


def check_session(events, t, want, what):
    """One flow, one 1001 alert, one stratum summary with the golden counters."""
    ev = tuple_events(events, t)
    ids = {e["flow_id"] for e in ev}
    check(len(ids) == 1, f"{what}: {len(ids)} flows (evicted and re-created?)")
    alerts = [e for e in ev if e["event_type"] == "alert" and e["alert"]["signature_id"] == 1001]
    check(len(alerts) == 1, f"{what}: {len(alerts)} alerts 1001, expected 1")
    sums = [e["stratum"] for e in ev if e["event_type"] == "stratum"]
    check(len(sums) == 1, f"{what}: {len(sums)} stratum summaries, expected 1")
    got = {k: sums[0].get(k) for k in want}
    check(got == want, f"{what}: summary {got}, expected {want}")


def flood(fd, src, work, long):
    small, big, maxf = (1000000, 5000000, 65536) if long else (100000, 1000000, 16384)
    # The flow table's RSS is measured with the read() file reader: the mapped
    # one (the default) adds its window of file pages, up to MAP_WINDOW, which
    # is checked on its own below.
    sets = [f"flow.max_flows={maxf}", "capture.file_mmap=no"]
    want_a = golden_summary(src, "stratum-v1")
    want_b = golden_summary(src, "stratum-split3")
    rss = {}
    for n in (1, small, big):
        pcap = os.path.join(work, f"flood-{n}.pcap")
        t = time.monotonic()
        info = gen(src, ["flood", pcap, "--flows", str(n)])
        gsecs = time.monotonic() - t
        rc, rss[n], secs, events = run(fd, src, pcap, pcap + ".json", sets)
        check(rc == 0, f"{n} flows: exit status {rc}")
        st = final_stats(events)
        fl = st["flows"]
        print(f"flood {n} flows, max_flows {maxf}: peak RSS {rss[n] / MiB:.1f} MiB, "
              f"evicted {fl['evicted']}, total {fl['total']}, max_active {fl['max_active']}, "
              f"run {secs:.1f} s (generate {gsecs:.1f} s)")
        # the scan and the two sessions, each created exactly once
        check(fl["total"] == n + 2, f"{n} flows: {fl['total']} created, expected {n + 2}")
        check(fl["max_active"] <= maxf, f"max_active {fl['max_active']} > {maxf}")
        check(fl["evicted"] >= n + 2 - maxf, f"evicted {fl['evicted']} < {n + 2 - maxf}")
        check(fl["memory"] <= fl["memory_bound"], f"flow memory {fl['memory']} over its bound")
        check(st["memory"]["in_use"] <= st["memory"]["bound"], "memory in use over its bound")
        check(st["decoder"]["errors"] == 0, f"decoder errors {st['decoder']['errors']}")
        check_session(events, info["first"], want_a, f"{n} flows: session before the scan")
        check_session(events, info["second"], want_b, f"{n} flows: session after the scan")
        if n > 1:
            bound = fl["memory_bound"]
        if n == big:
            rc, rss_map, _, events = run(fd, src, pcap, pcap + ".json", sets[:1])
            check(rc == 0, f"{n} flows, mapped reader: exit status {rc}")
            check(final_stats(events)["flows"]["total"] == n + 2, f"{n} flows, mapped reader")
            print(f"mapped reader: peak RSS {rss_map / MiB:.1f} MiB "
                  f"({(rss_map - rss[n]) / MiB:+.1f} MiB against read())")
            check(rss_map - rss[n] <= MAP_WINDOW + MiB,
                  f"the mapped reader cost {(rss_map - rss[n]) / MiB:.1f} MiB more than read(), "
                  f"more than its {MAP_WINDOW / MiB:.0f} MiB window")
        if os.environ.get("FLOOD_KEEP") != "1":
            os.unlink(pcap)
            os.unlink(pcap + ".json")
    growth = rss[big] - rss[small]
    print(f"RSS: {small} flows {rss[small] / MiB:.1f} MiB, {big} flows {rss[big] / MiB:.1f} MiB, "
          f"no scan {rss[1] / MiB:.1f} MiB")
    check(growth <= 4 * MiB, f"RSS grew {growth / MiB:.1f} MiB from {small} to {big} flows")
    allowed = bound + MiB
    if "address" in os.environ.get("FIREDAMP_SANITIZED", ""):
        allowed += allowed // 4
    check(rss[big] - rss[1] <= allowed,
          f"the scan cost {(rss[big] - rss[1]) / MiB:.1f} MiB, more than the flow table's "
          f"bound {bound / MiB:.1f} MiB and the rest's 1 MiB (allowed {allowed / MiB:.1f} MiB)")


def reasm(fd, src, work, long):
    abusers, rounds = (256, 400) if long else (64, 120)
    pcap = os.path.join(work, "reasm.pcap")
    info = gen(src, ["reasm", pcap, "--abusers", str(abusers), "--rounds", str(rounds)])
    rc, rss, secs, events = run(fd, src, pcap, pcap + ".json", ["stream.memcap_mb=1"])
    check(rc == 0, f"exit status {rc}")
    st = final_stats(events)
    tcp = st["tcp"]
    print(f"reasm {abusers} abusive flows x {rounds} rounds ({info['packets']} packets): "
          f"peak RSS {rss / MiB:.1f} MiB, run {secs:.1f} s, tcp {json.dumps(tcp)}")
    check(tcp["reassembly_memcap"] == MiB, f"memcap {tcp['reassembly_memcap']}, expected 1 MiB")
    check(tcp["reassembly_memory_peak"] <= tcp["reassembly_memcap"],
          f"reassembly peak {tcp['reassembly_memory_peak']} over the memcap")
    check(tcp["reassembly_memory"] == 0, f"{tcp['reassembly_memory']} bytes still held at exit")
    check(tcp["memcap_fail"] > 0, "the memcap was never reached: the abuse is too weak")
    check(tcp["gaps"] > 0 and tcp["gap_bytes"] > 0, "no gaps reported")
    check(tcp["ooo_queued"] > 0, "nothing queued out of order")
    sent = info["ooo_segments"] + info["tiny_segments"] + info["far_segments"]
    check(tcp["segments"] >= sent, f"{tcp['segments']} segments seen, {sent} sent")
    check(st["dissectors"]["flows"] >= abusers + 2,
          f"{st['dissectors']['flows']} flows dissected: the abusers were not taken")
    check(st["memory"]["in_use"] <= st["memory"]["bound"], "memory in use over its bound")
    check_session(events, info["during"], golden_summary(src, "stratum-split3"),
                  "session during the abuse")
    check_session(events, info["after"], golden_summary(src, "stratum-v1"),
                  "session after the abuse")
    if os.environ.get("FLOOD_KEEP") != "1":
        os.unlink(pcap)
        os.unlink(pcap + ".json")


def main():
    if len(sys.argv) < 5 or sys.argv[4] not in ("flood", "reasm"):
        print(__doc__.split("\n\n")[1])
        return 2
    fd, src, work, mode = sys.argv[1:5]
    long = len(sys.argv) > 5 and sys.argv[5] == "long"
    if long and os.environ.get("FIREDAMP_LONG_TESTS") != "1":
        print("long run: set FIREDAMP_LONG_TESTS=1 to run it")
        return 77
    os.makedirs(work, exist_ok=True)
    (flood if mode == "flood" else reasm)(fd, src, work, long)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
