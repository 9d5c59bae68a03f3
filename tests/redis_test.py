#!/usr/bin/env python3
"""redis_test.py - the Redis output against a real redis-server (Debian's),
never a mock. Every server is started here on a free loopback port in a
temporary directory (--save '' --appendonly no, except the kill test, which
needs acknowledged writes to survive SIGKILL and so uses appendfsync always)
and killed at the end.

Usage: redis_test.py FIREDAMP SOURCE_DIR. Exit 0 pass, 1 fail, 77 skip
(no redis-server).

What it checks, counting every event by its event_id:
  * stream, list and channel hold exactly the JSON-lines output, event for
    event, in order (dns-then-stratum + docker-worm, --deterministic);
  * Redis absent at start: events spooled; the next start delivers them
    first; Redis started during a run: spooled, then delivered in order;
  * Redis killed (SIGKILL) in the middle of a spool replay, then restarted:
    every event_id delivered, none dropped;
  * Redis answering OOM (maxmemory 1, noeviction), WRONGTYPE and NOAUTH:
    spooled, counted by kind, delivered once fixed;
  * Redis stalled (DEBUG SLEEP) past the command timeout: spooled, reconnected,
    delivered in order;
  * a spool too small, no spool, a hand-off queue too small for a stall in
    live (drop) mode: the loss counted exactly, in stats and on stderr;
  * firedamp --tail prints one line per event and acknowledges them.
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
import time

FD, SRC = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
PCAPS = os.path.join(SRC, "pcaps")
failures = []


def check(cond, what):
    if cond:
        print("ok   " + what)
    else:
        print("FAIL " + what)
        failures.append(what)


# ---- a minimal RESP client (no third-party module) --------------------------

class Resp:
    def __init__(self, port, timeout=5.0):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.f = self.s.makefile("rb")

    def send(self, *args):
        out = [b"*%d\r\n" % len(args)]
        for a in args:
            a = a if isinstance(a, bytes) else str(a).encode()
            out.append(b"$%d\r\n%s\r\n" % (len(a), a))
        self.s.sendall(b"".join(out))

    def read(self):
        line = self.f.readline()
        if not line:
            raise ConnectionError("closed")
        t, rest = line[:1], line[1:-2]
        if t == b"+":
            return rest.decode()
        if t == b"-":
            return RuntimeError(rest.decode())
        if t == b":":
            return int(rest)
        if t == b"$":
            n = int(rest)
            if n < 0:
                return None
            data = self.f.read(n + 2)[:-2]
            return data
        if t == b"*":
            n = int(rest)
            return None if n < 0 else [self.read() for _ in range(n)]
        raise ValueError("bad reply %r" % line)

    def cmd(self, *args):
        self.send(*args)
        return self.read()

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass


# ---- redis-server ---------------------------------------------------------

def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Server:
    def __init__(self, port, workdir, aof=False, extra=()):
        self.port, self.dir = port, workdir
        args = ["redis-server", "--port", str(port), "--bind", "127.0.0.1",
                "--save", "", "--dir", workdir, "--protected-mode", "yes"]
        args += ["--appendonly", "yes", "--appendfsync", "always"] if aof else \
            ["--appendonly", "no"]
        args += list(extra)
        self.p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                c = Resp(port, 0.5)
                r = c.cmd("PING")
                c.close()
                if r == "PONG" or isinstance(r, RuntimeError):
                    return
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("redis-server did not start on port %d" % port)

    def kill(self, sig=signal.SIGKILL):
        if self.p.poll() is None:
            self.p.send_signal(sig)
            self.p.wait(10)


# ---- firedamp --------------------------------------------------------------

def fd_args(out, port, spool, *extra):
    return [FD, "-o", out, "--redis", "redis://127.0.0.1:%d/0" % port,
            "--set", "redis.spool_path=" + spool,
            "--set", "redis.backoff_max_ms=200",
            "--set", "redis.connect_timeout_ms=500",
            "--set", "redis.command_timeout_ms=1000"] + list(extra)


def run_fd(args, stdin=None):
    p = subprocess.run(args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    return p.returncode, p.stderr.decode(errors="replace")


def lines_of(path):
    with open(path, "rb") as f:
        return [l.rstrip(b"\n") for l in f if l.strip()]


def eid(line):
    return json.loads(line)["event_id"]


def etype(line):
    return json.loads(line)["event_type"]


def final_redis_stats(out):
    last = json.loads(lines_of(out)[-1])
    assert last["event_type"] == "stats" and last["stats"]["final"]
    return last["stats"]["output"]["redis"]


def stream_events(c, key="firedamp:events"):
    r = c.cmd("XRANGE", key, "-", "+")
    if isinstance(r, RuntimeError):
        return r
    res = []
    for _id, fields in r or []:
        d = dict(zip(fields[::2], fields[1::2]))
        res.append((d[b"event"], d[b"event_type"].decode()))
    return res


def spool_records(path):
    """Undelivered records of a spool file (the format of sensor/spool.h)."""
    import zlib
    data = open(path, "rb").read()
    if len(data) < 24:
        return []
    read_off = struct.unpack("<Q", data[8:16])[0]
    recs, pos = [], read_off
    while pos + 8 <= len(data):
        n, crc = struct.unpack("<II", data[pos:pos + 8])
        payload = data[pos + 8:pos + 8 + n]
        if len(payload) < n or zlib.crc32(payload) != crc:
            break
        recs.append(payload)
        pos += 8 + n
    return recs


# ---- a capture with many events: N DNS transactions ------------------------

def dns_pcap(path, n, base_port=20000):
    def csum(b):
        if len(b) % 2:
            b += b"\0"
        s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
        s = (s >> 16) + (s & 0xffff)
        s += s >> 16
        return ~s & 0xffff

    def frame(src, dst, sport, dport, payload):
        udp = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0,
                         socket.inet_aton(src), socket.inet_aton(dst))
        ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
        return b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01\x08\x00" + ip + udp

    qname = b"".join(bytes([len(x)]) + x for x in b"www.example.org".split(b".")) + b"\0"
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        t = 1600000000
        for i in range(n):
            sport = base_port + i % 40000
            tid = i & 0xffff
            q = struct.pack("!HHHHHH", tid, 0x0100, 1, 0, 0, 0) + qname + b"\0\x01\0\x01"
            a = struct.pack("!HHHHHH", tid, 0x8180, 1, 1, 0, 0) + qname + b"\0\x01\0\x01" + \
                b"\xc0\x0c\0\x01\0\x01\0\0\0\x3c\0\x04" + bytes([192, 0, 2, i % 250 + 1])
            for src, dst, sp, dp, pl in (("10.9.0.2", "10.9.0.53", sport, 53, q),
                                         ("10.9.0.53", "10.9.0.2", 53, sport, a)):
                fr = frame(src, dst, sp, dp, pl)
                us = i * 1000
                f.write(struct.pack("<IIII", t + us // 1000000, us % 1000000, len(fr), len(fr)))
                f.write(fr)


def pcap_split(path):
    data = open(path, "rb").read()
    return data[:24], data[24:]


# ---- the tests ---------------------------------------------------------------

def test_equal_to_jsonl(tmp):
    port = free_port()
    srv = Server(port, tmp)
    try:
        sub = Resp(port)
        sub.cmd("SUBSCRIBE", "firedamp:alerts")
        out = os.path.join(tmp, "eq.json")
        rc, err = run_fd(fd_args(out, port, os.path.join(tmp, "eq.spool"),
                                 "--deterministic", "--set", "redis.modes=stream,channel,list",
                                 "-r", os.path.join(PCAPS, "dns-then-stratum.pcap"),
                                 "-r", os.path.join(PCAPS, "docker-worm.pcap")))
        check(rc == 0, "equal: exit 0 (%d) %s" % (rc, err.strip()))
        lines = lines_of(out)
        c = Resp(port)
        st = stream_events(c)
        check(len(lines) > 10, "equal: %d events produced" % len(lines))
        check([e for e, _ in st] == lines, "equal: stream == JSON lines, event for event")
        check(all(t == etype(e) for e, t in st), "equal: stream event_type field matches")
        lst = c.cmd("LRANGE", "firedamp:list", 0, -1)
        check(lst == lines, "equal: list == JSON lines")
        want = [l for l in lines if etype(l) in ("alert", "incident")]
        got = []
        sub.s.settimeout(2)
        try:
            while len(got) < len(want):
                m = sub.read()
                if m[0] == b"message":
                    got.append(m[2])
        except OSError:
            pass
        check(len(want) > 0 and got == want,
              "equal: channel == the %d alert/incident lines" % len(want))
        hb = c.cmd("HGETALL", "firedamp:sensor:firedamp")
        hb = dict(zip(hb[::2], hb[1::2]))
        check(b"heartbeat" in hb and int(hb[b"published"]) >= len(lines) - 1,
              "equal: heartbeat hash with counters")
        rs = final_redis_stats(out)
        check(rs["published"] == len(lines) - 1 and rs["dropped"] == 0 and rs["spooled"] == 0,
              "equal: stats.output.redis published=%d" % rs["published"])
        # a stream restricted to alerts, a MAXLEN trim
        out2 = os.path.join(tmp, "eq2.json")
        rc, err = run_fd(fd_args(out2, port, os.path.join(tmp, "eq.spool"), "--deterministic",
                                 "--set", "redis.stream_key=only-alerts",
                                 "--set", "redis.stream_types=alert",
                                 "-r", os.path.join(PCAPS, "dns-then-stratum.pcap")))
        st2 = stream_events(c, "only-alerts")
        check(rc == 0 and [e for e, _ in st2] == [l for l in lines_of(out2)
                                                  if etype(l) == "alert"],
              "equal: redis.stream_types=alert routes only alerts")
        c.close()
        sub.close()
    finally:
        srv.kill()


def test_absent_then_started(tmp):
    port = free_port()
    spool = os.path.join(tmp, "abs.spool")
    out1 = os.path.join(tmp, "abs1.json")
    rc, err = run_fd(fd_args(out1, port, spool, "-r", os.path.join(PCAPS, "docker-worm.pcap")))
    lines1 = lines_of(out1)
    check(rc == 0, "absent: exit 0 with Redis down")
    check("spooling events to" in err and "stay in spool" in err,
          "absent: stderr says events are spooled and stay")
    check(spool_records(spool) == lines1, "absent: the spool holds every line, in order")
    rs = final_redis_stats(out1)
    check(rs["connected"] is False and rs["errors"]["connect"] >= 1 and rs["dropped"] == 0,
          "absent: stats connected=false, connect errors counted, nothing dropped")

    srv = Server(port, tmp)
    try:
        # the next start delivers the old spool first, then its own events
        out2 = os.path.join(tmp, "abs2.json")
        rc, err = run_fd(fd_args(out2, port, spool, "-r",
                                 os.path.join(PCAPS, "dns-then-stratum.pcap")))
        c = Resp(port)
        st = [e for e, _ in stream_events(c)]
        check("undelivered events from an earlier run" in err,
              "absent: second start announces the old spool")
        check(st == lines1 + lines_of(out2), "absent: old spool first, then the new run, in order")
        check(spool_records(spool) == [], "absent: spool empty after delivery")
        c.cmd("DEL", "firedamp:events")
        c.close()
    finally:
        srv.kill()

    # Redis started during a run: events spooled while it is down, then delivered in order
    hdr, body = pcap_split(os.path.join(PCAPS, "docker-worm.pcap"))
    out3 = os.path.join(tmp, "abs3.json")
    p = subprocess.Popen(fd_args(out3, port, spool, "-r", "-"), stdin=subprocess.PIPE,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    pos = packet_cut(body, len(body) // 2)
    p.stdin.write(hdr + body[:pos])
    p.stdin.flush()
    time.sleep(1.0)
    srv = Server(port, tmp)
    try:
        time.sleep(0.8)
        p.stdin.write(body[pos:])
        p.stdin.close()
        err = p.stderr.read().decode(errors="replace")
        rc = p.wait(30)
        c = Resp(port)
        st = [e for e, _ in stream_events(c)]
        lines3 = lines_of(out3)
        rs = final_redis_stats(out3)
        check(rc == 0 and st == lines3,
              "started mid-run: stream == JSON lines, in order (%d events)" % len(lines3))
        check(rs["spooled"] > 0 and rs["replayed"] > 0 and rs["dropped"] == 0,
              "started mid-run: spooled %d, replayed %d, dropped 0" % (rs["spooled"],
                                                                     rs["replayed"]))
        check("delivering again" in err, "started mid-run: stderr says delivery resumed")
        c.close()
    finally:
        srv.kill()


def test_slow(tmp):
    """Redis stalls (DEBUG SLEEP) past redis.command_timeout_ms: the batch is
    spooled, the connection dropped and made again, nothing lost."""
    port = free_port()
    srv = Server(port, tmp, extra=["--enable-debug-command", "local"])
    try:
        spool = os.path.join(tmp, "slow.spool")
        out = os.path.join(tmp, "slow.json")
        p = subprocess.Popen(fd_args(out, port, spool, "-r", "-"), stdin=subprocess.PIPE,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        hdr, body = pcap_split(os.path.join(PCAPS, "docker-worm.pcap"))
        half = packet_cut(body, len(body) // 2)
        p.stdin.write(hdr + body[:half])
        p.stdin.flush()
        time.sleep(0.5)
        stall = Resp(port)
        stall.send("DEBUG", "SLEEP", "2.5")  # the server stops answering anyone
        time.sleep(0.1)
        p.stdin.write(body[half:])
        p.stdin.flush()
        time.sleep(3.5)
        p.stdin.close()
        err = p.stderr.read().decode(errors="replace")
        rc = p.wait(30)
        stall.close()
        c = Resp(port)
        ids = [eid(e) for e, _ in stream_events(c)]
        produced = [eid(l) for l in lines_of(out)]
        seen, first = set(), []
        for i in ids:
            if i not in seen:
                seen.add(i)
                first.append(i)
        rs = final_redis_stats(out)
        check(rc == 0 and first == produced,
              "slow: every event delivered, in order (%d, %d entries)" % (len(produced),
                                                                        len(ids)))
        check(rs["errors"]["io"] >= 1 and rs["dropped"] == 0 and rs["spooled"] > 0,
              "slow: the timeout counted (errors.io=%d), spooled %d, dropped 0" %
              (rs["errors"]["io"], rs["spooled"]))
        c.close()
    finally:
        srv.kill()


def test_queue_full(tmp):
    """A live sensor (output.queue_block: no) never waits for a stalled Redis:
    what the hand-off queue cannot hold is dropped, counted exactly, said."""
    port = free_port()
    srv = Server(port, tmp, extra=["--enable-debug-command", "local"])
    try:
        big = os.path.join(tmp, "dns3k.pcap")
        dns_pcap(big, 3000)
        stall = Resp(port)
        stall.send("DEBUG", "SLEEP", "1.5")
        time.sleep(0.1)
        out = os.path.join(tmp, "qf.json")
        rc, err = run_fd(fd_args(out, port, os.path.join(tmp, "qf.spool"),
                                 "--set", "output.queue_block=no",
                                 "--set", "output.max_event_bytes=4096",
                                 "--set", "redis.queue_kb=64",
                                 "--set", "redis.command_timeout_ms=5000", "-r", big))
        stall.close()
        lines = lines_of(out)
        dropped = None
        for l in err.splitlines():
            if "events could not be kept" in l and "queue full: " in l:
                dropped = int(l.split("queue full: ")[1].rstrip(")"))
        c = Resp(port)
        ids = set(eid(e) for e, _ in stream_events(c))
        delivered = sum(1 for l in lines if eid(l) in ids)
        check(rc == 0 and dropped is not None and dropped > 0,
              "queue full: the loss is on stderr (%s events)" % dropped)
        check(dropped is not None and delivered + dropped == len(lines),
              "queue full: delivered %d + dropped %s == produced %d" % (delivered, dropped,
                                                                       len(lines)))
        c.close()
    finally:
        srv.kill()


def packet_cut(body, limit):
    """The offset of the last whole pcap record boundary at or before limit."""
    pos = 0
    while pos < len(body):
        n = struct.unpack("<I", body[pos + 8:pos + 12])[0]
        if pos + 16 + n > limit:
            break
        pos += 16 + n
    return pos


def test_killed_mid_replay(tmp):
    port = free_port()
    spool = os.path.join(tmp, "kill.spool")
    big = os.path.join(tmp, "dns6k.pcap")
    dns_pcap(big, 6000)
    out1 = os.path.join(tmp, "kill1.json")
    rc, err = run_fd(fd_args(out1, port, spool, "-r", big))
    lines1 = lines_of(out1)
    check(rc == 0 and len(spool_records(spool)) == len(lines1) and len(lines1) > 6000,
          "kill: %d events spooled while Redis is down" % len(lines1))
    # replay slowly (batch 16, every write fsynced) while this run stays alive on an open stdin
    aof = os.path.join(tmp, "aof")
    os.mkdir(aof)
    srv = Server(port, aof, aof=True)
    out2 = os.path.join(tmp, "kill2.json")
    p = subprocess.Popen(fd_args(out2, port, spool, "--set", "redis.batch=16", "-r", "-"),
                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    hdr, body = pcap_split(os.path.join(PCAPS, "dns-then-stratum.pcap"))
    p.stdin.write(hdr)
    p.stdin.flush()
    c = Resp(port)
    n = 0
    for _ in range(500):
        n = c.cmd("XLEN", "firedamp:events")
        if n > 1000:
            break
        time.sleep(0.01)
    c.close()
    srv.kill(signal.SIGKILL)
    check(0 < n < len(lines1), "kill: Redis killed mid-replay (%d of %d delivered)" %
          (n, len(lines1)))
    time.sleep(0.7)
    srv = Server(port, aof, aof=True)
    try:
        p.stdin.write(body)
        p.stdin.flush()
        # the sensor runs on: it reconnects by itself and replays the rest of the spool
        for _ in range(3000):
            if not spool_records(spool):
                break
            time.sleep(0.01)
        p.stdin.close()
        err = p.stderr.read().decode(errors="replace")
        rc = p.wait(60)
        c = Resp(port)
        ids = [eid(e) for e, _ in stream_events(c)]
        produced = [eid(l) for l in lines1] + [eid(l) for l in lines_of(out2)]
        rs = final_redis_stats(out2)
        missing = set(produced) - set(ids)
        check(rc == 0 and not missing,
              "kill: every event_id delivered (%d produced, %d entries, %d missing)" %
              (len(produced), len(ids), len(missing)))
        check(rs["dropped"] == 0 and rs["errors"]["io"] + rs["errors"]["connect"] >= 1 and
              rs["reconnects"] >= 1, "kill: dropped 0, the outage counted, reconnected")
        # order: first occurrences follow production order
        seen, first = set(), []
        for i in ids:
            if i not in seen:
                seen.add(i)
                first.append(i)
        check(first == produced, "kill: first deliveries in production order")
        c.close()
    finally:
        srv.kill()


def test_error_replies(tmp):
    port = free_port()
    srv = Server(port, tmp)
    try:
        c = Resp(port)
        for kind, breakit, fixit in (
                ("oom", [("CONFIG", "SET", "maxmemory-policy", "noeviction"),
                         ("CONFIG", "SET", "maxmemory", "1")],
                 [("CONFIG", "SET", "maxmemory", "0")]),
                ("wrongtype", [("SET", "firedamp:events", "not a stream")],
                 [("DEL", "firedamp:events")])):
            c.cmd("DEL", "firedamp:events")
            for cmd in breakit:
                c.cmd(*cmd)
            spool = os.path.join(tmp, kind + ".spool")
            out = os.path.join(tmp, kind + ".json")
            p = subprocess.Popen(fd_args(out, port, spool, "-r", "-"), stdin=subprocess.PIPE,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            data = open(os.path.join(PCAPS, "docker-worm.pcap"), "rb").read()
            p.stdin.write(data)
            p.stdin.flush()
            time.sleep(1.0)
            spooled_meanwhile = len(spool_records(spool))
            for cmd in fixit:
                c.cmd(*cmd)
            time.sleep(0.8)
            p.stdin.close()
            err = p.stderr.read().decode(errors="replace")
            rc = p.wait(30)
            lines = lines_of(out)
            st = [e for e, _ in stream_events(c)]
            rs = final_redis_stats(out)
            check(spooled_meanwhile > 0, "%s: events spooled while Redis refuses (%d)" %
                  (kind, spooled_meanwhile))
            check(rc == 0 and st == lines, "%s: delivered once fixed, in order (%d)" %
                  (kind, len(lines)))
            check(rs["errors"][kind] >= 1 and rs["dropped"] == 0,
                  "%s: counted as errors.%s=%d, dropped 0" % (kind, kind, rs["errors"][kind]))
            check(kind.upper() in err, "%s: the error reply is on stderr" % kind)
        c.close()
    finally:
        srv.kill()


def test_noauth(tmp):
    port = free_port()
    srv = Server(port, tmp, extra=["--requirepass", "s3cret"])
    try:
        spool = os.path.join(tmp, "auth.spool")
        out = os.path.join(tmp, "auth1.json")
        # no heartbeat: its HSET has more arguments than Redis 7 lets an unauthenticated
        # client send (it closes the connection), and the point here is the NOAUTH reply
        rc, err = run_fd(fd_args(out, port, spool, "--set", "redis.heartbeat=0", "-r",
                                 os.path.join(PCAPS, "dns-then-stratum.pcap")))
        lines1 = lines_of(out)
        rs = final_redis_stats(out)
        check(rc == 0 and rs["errors"]["noauth"] >= 1 and
              len(spool_records(spool)) == len(lines1),
              "noauth: without the password every event is spooled, NOAUTH counted")
        args = fd_args(os.path.join(tmp, "auth2.json"), port, spool, "-r",
                       os.path.join(PCAPS, "dns-then-stratum.pcap"))
        args[args.index("--redis") + 1] = "redis://:s3cret@127.0.0.1:%d/3" % port
        rc, err = run_fd(args)
        c = Resp(port)
        c.cmd("AUTH", "s3cret")
        c.cmd("SELECT", "3")
        st = [e for e, _ in stream_events(c)]
        check(rc == 0 and st == lines1 + lines_of(os.path.join(tmp, "auth2.json")),
              "noauth: with the password (db 3) the spool is delivered first")
        check("s3cret" not in err, "noauth: the password never reaches stderr")
        c.close()
    finally:
        srv.kill()


def test_spool_full(tmp):
    port = free_port()  # nothing listens
    spool = os.path.join(tmp, "full.spool")
    out = os.path.join(tmp, "full.json")
    big = os.path.join(tmp, "dns300.pcap")
    dns_pcap(big, 300)
    rc, err = run_fd(fd_args(out, port, spool, "--set", "redis.spool_max_kb=16", "-r", big))
    lines = lines_of(out)
    kept = spool_records(spool)
    dropped = None
    for l in err.splitlines():
        if "events could not be kept" in l:
            dropped = int(l.split("redis: ")[1].split()[0])
    check(rc == 0 and dropped is not None and dropped > 0,
          "full: stderr reports the loss (%s events)" % dropped)
    check(dropped is not None and len(kept) + dropped == len(lines),
          "full: kept %d + dropped %s == produced %d" % (len(kept), dropped, len(lines)))
    check(os.path.getsize(spool) <= 16 * 1024, "full: spool file within its bound")
    check(kept == lines[:len(kept)], "full: the oldest events are the ones kept")
    rs = final_redis_stats(out)
    # the final stats line itself is handed over after it is rendered
    check(rs["dropped"] in (dropped, dropped - 1) and rs["dropped_by_reason"]["spool_full"] ==
          rs["dropped"], "full: stats output.redis.dropped=%d" % rs["dropped"])
    # no spool at all: every event is a counted loss, said on stderr
    out0 = os.path.join(tmp, "nospool.json")
    rc, err = run_fd(fd_args(out0, port, "", "-r", os.path.join(PCAPS, "docker-worm.pcap")))
    n0 = len(lines_of(out0))
    check(rc == 0 and "no spool" in err and
          ("redis: %d events could not be kept (spool full: %d," % (n0, n0)) in err,
          "full: without a spool all %d events are counted as lost" % n0)
    # then Redis comes back: what was kept is delivered
    srv = Server(port, tmp)
    try:
        empty = os.path.join(tmp, "empty.pcap")
        with open(empty, "wb") as f:
            f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        out2 = os.path.join(tmp, "full2.json")
        rc, err = run_fd(fd_args(out2, port, spool, "-r", empty))
        c = Resp(port)
        ids = set(eid(e) for e, _ in stream_events(c))
        delivered = [l for l in lines if eid(l) in ids]
        check(rc == 0 and len(delivered) + dropped == len(lines),
              "full: delivered %d + dropped %d == produced %d" % (len(delivered), dropped,
                                                                  len(lines)))
        c.close()
    finally:
        srv.kill()


def test_tail(tmp):
    port = free_port()
    srv = Server(port, tmp)
    try:
        url = "redis://127.0.0.1:%d/0" % port
        tail = subprocess.Popen([FD, "--tail", "--redis", url, "--consumer", "t1"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        c = Resp(port)
        for _ in range(200):
            g = c.cmd("XINFO", "GROUPS", "firedamp:events")
            if isinstance(g, list) and g:
                break
            time.sleep(0.02)
        out = os.path.join(tmp, "tail.json")
        rc, err = run_fd(fd_args(out, port, os.path.join(tmp, "tail.spool"), "--deterministic",
                                 "-r", os.path.join(PCAPS, "dns-then-stratum.pcap"),
                                 "-r", os.path.join(PCAPS, "docker-worm.pcap")))
        lines = lines_of(out)
        for _ in range(300):
            info = c.cmd("XINFO", "GROUPS", "firedamp:events")
            grp = dict(zip(info[0][::2], info[0][1::2]))
            strm = c.cmd("XINFO", "STREAM", "firedamp:events")
            last = strm[strm.index(b"last-generated-id") + 1]
            if grp[b"last-delivered-id"] == last and grp[b"pending"] == 0:
                break
            time.sleep(0.02)
        tail.send_signal(signal.SIGTERM)
        got, terr = tail.communicate(timeout=10)
        got = got.decode(errors="replace").splitlines()
        check(tail.returncode == 0, "tail: exits 0 on SIGTERM")
        check(len(got) == len(lines), "tail: one line per event (%d/%d)" % (len(got), len(lines)))
        alerts = [g for g in got if " alert " in g]
        check(any("[sev 1]" in g and "user=" in g for g in alerts),
              "tail: a mining alert shows severity and the Stratum user")
        check(any("op=" in g and "risk=" in g for g in got), "tail: docker_api op and risk")
        check(any("rrname=" in g for g in got), "tail: dns rrname")
        check(any(" -> " in g for g in got), "tail: src -> dest")
        check(c.cmd("XPENDING", "firedamp:events", "firedamp-tail")[0] == 0,
              "tail: every entry acknowledged")
        c.close()
    finally:
        srv.kill()


def main():
    if not shutil.which("redis-server"):
        print("redis-server not installed: skipped")
        return 77
    os.chdir(SRC)  # ./signatures
    tmp = tempfile.mkdtemp(prefix="firedamp-redis-")
    t0 = time.time()
    try:
        for t in (test_equal_to_jsonl, test_absent_then_started, test_error_replies,
                  test_noauth, test_slow, test_queue_full, test_spool_full, test_killed_mid_replay, test_tail):
            d = os.path.join(tmp, t.__name__)
            os.mkdir(d)
            try:
                t(d)
            except Exception as e:  # a crash of the test is a failure, with its reason
                import traceback
                traceback.print_exc()
                check(False, "%s raised %r" % (t.__name__, e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failures, %.1f s" % (len(failures), time.time() - t0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
