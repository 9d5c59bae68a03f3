#!/usr/bin/env python3
"""signals_test.py - what firedamp does on SIGHUP, SIGUSR1 and SIGTERM (issue 8).

Part 1, any user: firedamp reads a FIFO the test writes pcap records into,
so the test decides what it has seen before and after each signal.
  - session A (pcaps/stratum-v1.pcap) with the rules as shipped: sid 1001;
  - a rule 9001 is added to a copy of the signature dir, SIGHUP: stderr says
    the new set loaded; session B (stratum-split3) raises 1001 and 9001,
    and A's flow was not lost (one flow record for it at the end);
  - the rules file is broken, SIGHUP: stderr says why and that the old set
    stays; session C (ethstratum) still raises 9001;
  - SIGUSR1: a stats event at once (not final), counting one reload and one
    refused reload; end of input: exit 0 and a final stats event.
Part 2, root with iproute2 (else skipped, saying so): firedamp -i lo inside a
network namespace; stratum-v1's conversation is replayed over a real TCP
connection that stays open; SIGTERM: exit 0, and the session's summary,
which is written when its flow ends, is there.

Usage: signals_test.py FIREDAMP SOURCE_DIR
"""
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

FIREDAMP, SRC = sys.argv[1], sys.argv[2]
fails = 0


def check(cond, what):
    global fails
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails += 1


def records(path):
    """(header, [(ts_sec, ts_usec, caplen, origlen, data)]) of a classic pcap."""
    b = open(os.path.join(SRC, "pcaps", path), "rb").read()
    magic = struct.unpack("<I", b[:4])[0]
    e = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    out, off = [], 24
    while off + 16 <= len(b):
        s, us, cap, orig = struct.unpack(e + "IIII", b[off:off + 16])
        out.append((cap, orig, b[off + 16:off + 16 + cap]))
        off += 16 + cap
    return b[:24], e, out


def wait_for(pred, secs=15.0):
    end = time.time() + secs
    while time.time() < end:
        v = pred()
        if v:
            return v
        time.sleep(0.05)
    return pred()


def events(path):
    out = []
    try:
        with open(path) as f:
            for line in f:
                if line.endswith("\n"):
                    out.append(json.loads(line))
    except FileNotFoundError:
        pass
    return out


def alerts(evs, sid):
    return [e for e in evs if e.get("event_type") == "alert" and e["alert"]["signature_id"] == sid]


def part1():
    t = tempfile.mkdtemp(prefix="firedamp-signals-")
    try:
        sigs = os.path.join(t, "sigs")
        shutil.copytree(os.path.join(SRC, "signatures"), sigs)
        rules = os.path.join(sigs, "firedamp.rules")
        fifo, eve, err = os.path.join(t, "in.pcap"), os.path.join(t, "eve.json"), os.path.join(t, "err")
        os.mkfifo(fifo)
        errf = open(err, "w")
        p = subprocess.Popen([FIREDAMP, "-r", fifo, "-o", eve, "--flow-log", eve, "--stats-interval", "0",
                              "--set", "signatures.dir=" + sigs, "--deterministic"], stderr=errf)
        w = open(fifo, "wb")  # blocks until firedamp opens it
        hdr, e, a = records("stratum-v1.pcap")
        w.write(hdr)
        clock = [1_700_000_000_000_000]

        def feed(recs):
            for cap, orig, data in recs:
                clock[0] += 1000
                w.write(struct.pack(e + "IIII", clock[0] // 1_000_000, clock[0] % 1_000_000, cap, orig) + data)
            w.flush()

        def stderr_has(s):
            return s in open(err).read()

        feed(a)
        check(wait_for(lambda: alerts(events(eve), 1001)) != [], "session A: sid 1001 with the shipped rules")
        n_rules = len([l for l in open(rules) if l.startswith("sid=")])

        with open(rules, "a") as f:
            f.write('\nsid=9001 severity=3 category="Crypto Mining" fact=stratum.session when confirmed=true '
                    'msg="reload test rule"\n')
        p.send_signal(signal.SIGHUP)
        check(wait_for(lambda: stderr_has(": %d rules, " % (n_rules + 1))),
              "SIGHUP: the new set is announced, the added rule counted")
        feed(records("stratum-split3.pcap")[2])
        got = wait_for(lambda: alerts(events(eve), 9001))
        check(len(got) == 1, "session B: the new rule 9001 alerts (%d)" % len(got))
        check(wait_for(lambda: len(alerts(events(eve), 1001)) == 2), "session B: 1001 still alerts")

        with open(rules, "a") as f:
            f.write("sid=oops this is not a rule\n")
        p.send_signal(signal.SIGHUP)
        check(wait_for(lambda: stderr_has("keeping the %d rules" % (n_rules + 1))),
              "broken rules file: refused, the set in use is kept")
        feed(records("ethstratum.pcap")[2])
        check(wait_for(lambda: len(alerts(events(eve), 9001)) == 2),
              "session C after the refused reload: 9001 still alerts")

        p.send_signal(signal.SIGUSR1)
        st = wait_for(lambda: [x for x in events(eve) if x.get("event_type") == "stats"])
        check(len(st) == 1 and st[0]["stats"]["final"] is False, "SIGUSR1: a stats event at once")
        if st:
            sg = st[0]["stats"]["signatures"]
            check(sg["reloads"] == 1 and sg["reload_failures"] == 1 and sg["rules"] == n_rules + 1,
                  "stats: 1 reload, 1 refused, %d rules (%s)" % (n_rules + 1, sg))
        w.close()
        rc = p.wait(timeout=30)
        errf.close()
        check(rc == 0, "end of input: exit 0 (%d)" % rc)
        evs = events(eve)
        check([x["stats"]["final"] for x in evs if x.get("event_type") == "stats"] == [False, True],
              "a final stats event")
        flows = [x for x in evs if x.get("event_type") == "flow" and x["flow"].get("dissector") == "stratum"]
        check(len(flows) == 3, "three Stratum flows, none lost across the reloads (%d)" % len(flows))
        print(open(err).read().strip())
    finally:
        shutil.rmtree(t, ignore_errors=True)


def tcp_segments(path):
    """The payloads of the first TCP conversation, in order: (to_server, bytes)."""
    _, _, recs = records(path)
    out, client = [], None
    for cap, orig, d in recs:
        if len(d) < 34 or d[12:14] != b"\x08\x00" or d[23] != 6:
            continue
        ihl = (d[14] & 15) * 4
        tcp = 14 + ihl
        sport, dport = struct.unpack(">HH", d[tcp:tcp + 4])
        flags, doff = d[tcp + 13], (d[tcp + 12] >> 4) * 4
        tot = struct.unpack(">H", d[16:18])[0]
        pay = d[tcp + doff:14 + tot]
        if client is None and flags & 0x02 and not flags & 0x10:
            client = sport
        if pay and client is not None:
            out.append((sport == client, bytes(pay)))
    return out


def part2():
    if os.geteuid() != 0 or not shutil.which("ip"):
        print("SKIP part 2: live SIGTERM needs root and iproute2")
        return
    ns = "firedamp-sig-%d" % os.getpid()
    if subprocess.run(["ip", "netns", "add", ns], capture_output=True).returncode != 0:
        print("SKIP part 2: cannot create a network namespace")
        return
    t = tempfile.mkdtemp(prefix="firedamp-sigterm-")
    p = None
    try:
        subprocess.run(["ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up"], check=True)
        eve = os.path.join(t, "eve.json")
        p = subprocess.Popen(["ip", "netns", "exec", ns, FIREDAMP, "-i", "lo", "-f", "tcp port 3333",
                              "-o", eve, "--stats-interval", "1", "--allow-root",
                              "--set", "signatures.dir=" + os.path.join(SRC, "signatures")],
                             stderr=open(os.path.join(t, "err"), "w"))
        # the first periodic stats event: the ring is open and the workers run
        check(wait_for(lambda: [x for x in events(eve) if x.get("event_type") == "stats"]) != [],
              "live: firedamp -i lo is up")
        segs = tcp_segments("stratum-v1.pcap")
        # the conversation, replayed over a real connection in the namespace; kept open
        script = r'''
import socket, sys, json, time
segs = [(c, bytes.fromhex(h)) for c, h in json.load(open(sys.argv[1]))]
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 3333)); srv.listen(1)
cli = socket.create_connection(("127.0.0.1", 3333)); con, _ = srv.accept()
for to_server, data in segs:
    a, b = (cli, con) if to_server else (con, cli)
    a.sendall(data)
    got = b""
    while len(got) < len(data):
        got += b.recv(len(data) - len(got))
    time.sleep(0.01)
print("replayed", flush=True)
time.sleep(30)
'''
        sj = os.path.join(t, "segs.json")
        json.dump([(c, d.hex()) for c, d in segs], open(sj, "w"))
        rp = subprocess.Popen(["ip", "netns", "exec", ns, sys.executable, "-c", script, sj],
                              stdout=subprocess.PIPE, text=True)
        check(rp.stdout.readline().strip() == "replayed", "stratum-v1 replayed over TCP (connection kept open)")
        check(wait_for(lambda: alerts(events(eve), 1001)) != [], "live: sid 1001 before SIGTERM")
        summaries = [x for x in events(eve) if x.get("stratum", {}).get("shares") is not None]
        p.send_signal(signal.SIGTERM)
        rc = p.wait(timeout=30)
        rp.kill()
        check(rc == 0, "SIGTERM: exit 0 (%d)" % rc)
        evs = events(eve)
        after = [x for x in evs if x.get("stratum", {}).get("shares") is not None]
        check(len(after) > len(summaries), "SIGTERM: the open session's summary is written (%d before, %d after)"
              % (len(summaries), len(after)))
        check(any(x.get("event_type") == "stats" and x["stats"]["final"] for x in evs), "SIGTERM: a final stats event")
    finally:
        if p and p.poll() is None:
            p.kill()
        subprocess.run(["ip", "netns", "del", ns], capture_output=True)
        shutil.rmtree(t, ignore_errors=True)


part1()
part2()
print("%d failed" % fails)
sys.exit(1 if fails else 0)
