#!/usr/bin/env python3
"""make_flood.py - hostile captures for the flood and reassembly-abuse tests.

Writes classic pcap (little endian, microseconds, Ethernet) with struct
only, deterministically from --seed. Real mining bytes come from the
project's own captures in pcaps/: their records are copied unchanged
except for the timestamps.

  flood OUT --flows N   stratum-v1.pcap's session (cgminer, 10.0.0.21:49712
                        -> 198.51.100.10:3333) starts; then a SYN scan of N
                        distinct flows (random 192.168/16 sources and ports,
                        distinct 10/8 destinations, 64-byte frames) over
                        --seconds of capture time, with the rest of that
                        session's records (its three share submits among
                        them) spread through the scan at their original
                        relative times; its close after the scan; then
                        stratum-split3.pcap's session (10.0.0.28 ->
                        192.0.2.30:3333) as a new one.
  reasm OUT             --abusers TCP flows to 192.0.2.50:3333, each opened
                        with the real XMRig login of stratum-split3.pcap, then
                        interleaved: out-of-order segments ahead of holes that
                        never fill, thousands of 1-byte segments (in order and
                        out of order), segments 2^31 and more away; the
                        stratum-split3 session runs in the middle of it and
                        stratum-v1's after it.

What it does not do: compute TCP checksums (the sensor does not check them)
or answer the scan. Prints one JSON line describing what it wrote (the
tuples and counts the tests assert on).
"""
import argparse
import json
import os
import random
import struct
import sys

LINKTYPE_ETHERNET = 1
ETH_HDR = bytes.fromhex("020000000002" "020000000001" "0800")


class PcapWriter:
    def __init__(self, path):
        self.f = open(path, "wb", buffering=1 << 20)
        self.f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, LINKTYPE_ETHERNET))
        self.count = 0

    def write(self, ts_us, frame, wirelen=None):
        self.f.write(struct.pack("<IIII", ts_us // 1000000, ts_us % 1000000, len(frame),
                                 wirelen if wirelen is not None else len(frame)))
        self.f.write(frame)
        self.count += 1

    def close(self):
        self.f.close()


def read_pcap(path):
    """[(ts_us, frame, wirelen)] of a classic little-endian microsecond pcap."""
    with open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack_from("<I", data, 0)
    if magic != 0xA1B2C3D4 or struct.unpack_from("<I", data, 20)[0] != LINKTYPE_ETHERNET:
        sys.exit(f"{path}: not a little-endian microsecond Ethernet pcap")
    out, off = [], 24
    while off + 16 <= len(data):
        sec, usec, incl, orig = struct.unpack_from("<IIII", data, off)
        off += 16
        out.append((sec * 1000000 + usec, data[off:off + incl], orig))
        off += incl
    return out


def tcp_payload(frame):
    """(src, sport, dst, dport, seq, flags, payload) of an Ethernet/IPv4/TCP frame."""
    ihl = (frame[14] & 15) * 4
    tot = struct.unpack_from(">H", frame, 16)[0]
    t = 14 + ihl
    sport, dport, seq, _ack, off, flags = struct.unpack_from(">HHIIBB", frame, t)
    return (frame[26:30], sport, frame[30:34], dport, seq, flags,
            frame[t + (off >> 4) * 4:14 + tot])


def ip_csum(hdr):
    s = sum(struct.unpack("!10H", hdr))
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def tcp_frame(src, dst, sport, dport, seq, ack, flags, payload=b"", win=65535):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4,
                      flags, win, 0, 0)
    ip = bytearray(struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + len(payload), 0, 0x4000,
                               64, 6, 0, src, dst))
    struct.pack_into("!H", ip, 10, ip_csum(bytes(ip)))
    frame = ETH_HDR + bytes(ip) + tcp + payload
    return frame + bytes(max(0, 60 - len(frame)))


SYN, FIN, RST, PSH, ACK = 0x02, 0x01, 0x04, 0x08, 0x10


def flood(args):
    a = read_pcap(os.path.join(args.pcaps, "stratum-v1.pcap"))
    b = read_pcap(os.path.join(args.pcaps, "stratum-split3.pcap"))
    rng = random.Random(args.seed)
    w = PcapWriter(args.out)
    n = args.flows
    span = int(args.seconds * 1000000)

    # Session A: handshake to the first notify (records 1-13), untouched.
    head, mid, close = a[:13], a[13:29], a[29:]
    for ts, fr, wl in head:
        w.write(ts, fr, wl)
    t0 = head[-1][0] + 500000  # the scan starts half a second later
    # The rest of A keeps its relative times, squeezed into 5-95 % of the scan.
    m0, m1 = mid[0][0], mid[-1][0]
    mid_ts = [t0 + span // 20 + (ts - m0) * (span * 9 // 10) // max(1, m1 - m0) for ts, _, _ in mid]

    # One 64-byte SYN: Ethernet, IPv4 (total length 40), TCP, 10 bytes of padding.
    tmpl = bytearray(tcp_frame(b"\0" * 4, b"\0" * 4, 0, 0, 0, 0, SYN, win=1024) + bytes(4))
    assert len(tmpl) == 64
    ip_hdr = bytearray(tmpl[14:34])
    struct.pack_into("!H", ip_hdr, 10, 0)
    struct.pack_into("!4s4s", ip_hdr, 12, b"\0" * 4, b"\0" * 4)
    base = sum(struct.unpack("!10H", ip_hdr))
    rec = struct.Struct("<IIII")
    pk = struct.Struct("!H4s4s")  # checksum, source, destination at IP offset 10
    ports = struct.Struct("!HHI")
    f = w.f
    k = 0
    for i in range(n):
        ts = t0 + i * span // n
        while k < len(mid) and mid_ts[k] <= ts:
            w.write(mid_ts[k], mid[k][1], mid[k][2])
            k += 1
        src = 0xC0A80000 | rng.getrandbits(16)
        # distinct destinations: an odd multiplier is a bijection of 10.0.0.0/8
        dst = 0x0A000000 | ((i * 0x9E3779 + 0x1234) & 0xFFFFFF)
        s = base + (src >> 16) + (src & 0xFFFF) + (dst >> 16) + (dst & 0xFFFF)
        s = (s & 0xFFFF) + (s >> 16)
        s = (s & 0xFFFF) + (s >> 16)
        pk.pack_into(tmpl, 24, ~s & 0xFFFF, src.to_bytes(4, "big"), dst.to_bytes(4, "big"))
        r = rng.getrandbits(64)
        ports.pack_into(tmpl, 34, 1024 + (r & 0xFFFF) % 64512, 1 + ((r >> 16) & 0xFFFF) % 65535,
                        r >> 32)
        f.write(rec.pack(ts // 1000000, ts % 1000000, 64, 64))
        f.write(tmpl)
    w.count += n
    for j in range(k, len(mid)):  # only when the scan is shorter than the session
        w.write(mid_ts[j], mid[j][1], mid[j][2])
    t_end = t0 + span + 100000
    for j, (ts, fr, wl) in enumerate(close):
        w.write(t_end + j * 1000, fr, wl)
    # Session B: a new miner after the scan, its own timing.
    t_b = t_end + 1000000
    for ts, fr, wl in b:
        w.write(t_b + ts - b[0][0], fr, wl)
    w.close()
    sa, pa, da, qa = tcp_payload(a[0][1])[:4]
    sb, pb, db, qb = tcp_payload(b[0][1])[:4]
    print(json.dumps({
        "packets": w.count, "scan_flows": n,
        "first": [ip_str(sa), pa, ip_str(da), qa], "second": [ip_str(sb), pb, ip_str(db), qb],
    }))


def ip_str(b4):
    return ".".join(str(x) for x in b4)


def reasm(args):
    b = read_pcap(os.path.join(args.pcaps, "stratum-split3.pcap"))
    a = read_pcap(os.path.join(args.pcaps, "stratum-v1.pcap"))
    # XMRig's real 312-byte login line: records 4-6 of stratum-split3
    login = b"".join(tcp_payload(fr)[6] for _, fr, _ in b[3:6])
    assert login.startswith(b"{") and login.endswith(b"\n"), login[:20]
    rng = random.Random(args.seed)
    w = PcapWriter(args.out)
    t = b[0][0]
    pool = bytes([192, 0, 2, 50])
    flows = []
    for i in range(args.abusers):
        cli = bytes([10, 1, i >> 8, i & 255])
        cport, cisn, sisn = 40000 + i, rng.getrandbits(32), rng.getrandbits(32)
        flows.append((cli, cport, cisn, sisn))

    def step():
        nonlocal t
        t += 200
        return t

    # every abuser: handshake, then the valid login, then the server's ACK
    for cli, cport, cisn, sisn in flows:
        w.write(step(), tcp_frame(cli, pool, cport, 3333, cisn, 0, SYN))
        w.write(step(), tcp_frame(pool, cli, 3333, cport, sisn, cisn + 1, SYN | ACK))
        w.write(step(), tcp_frame(cli, pool, cport, 3333, cisn + 1, sisn + 1, ACK))
        w.write(step(), tcp_frame(cli, pool, cport, 3333, cisn + 1, sisn + 1, PSH | ACK, login))
        w.write(step(), tcp_frame(pool, cli, 3333, cport, sisn + 1, cisn + 1 + len(login), ACK))

    # A line-shaped filler, so bytes delivered after a gap still look like JSON lines.
    line = b'{"id":7,"jsonrpc":"2.0","method":"keepalived","params":{"id":"x"}}'
    filler = (line + b" " * 1400)[:1399] + b"\n"
    legit = list(b)  # stratum-split3, replayed in the middle of the abuse
    legit_at = args.rounds // 3
    counts = {"ooo_segments": 0, "tiny_segments": 0, "far_segments": 0}
    for rnd in range(args.rounds):
        if rnd == legit_at:
            for ts, fr, wl in legit:
                w.write(step(), fr, wl)
        for cli, cport, cisn, sisn in flows:
            nxt = cisn + 1 + len(login)
            ack = sisn + 1
            # (a) 1400 bytes 1 KiB + 3000 * rnd ahead: a hole before every segment, never filled
            seq = nxt + 1024 + 3000 * rnd
            w.write(step(), tcp_frame(cli, pool, cport, 3333, seq, ack, ACK, filler))
            counts["ooo_segments"] += 1
            # (b) 1-byte segments: 4 out of order (every other byte, far ahead) and 4 in order
            for j in range(4):
                seq = nxt + 10000000 + 2 * (rnd * 4 + j)
                w.write(step(), tcp_frame(cli, pool, cport, 3333, seq, ack, ACK, b" "))
                w.write(step(), tcp_frame(pool, cli, 3333, cport, ack + rnd * 4 + j, nxt,
                                          PSH | ACK, b"{"))
                counts["tiny_segments"] += 2
            # (c) far outside any window: 2^31 away either side, and the wrap point
            for d in (1 << 31, (1 << 31) - 1, (1 << 31) + 1, 0xFFFFFFFF - 3000 * rnd):
                w.write(step(), tcp_frame(cli, pool, cport, 3333, nxt + d, ack, ACK,
                                          filler[:200]))
                counts["far_segments"] += 1
    # the abusers reset; a second legitimate session afterwards, in the quiet
    for cli, cport, cisn, sisn in flows:
        w.write(step(), tcp_frame(cli, pool, cport, 3333, cisn + 1 + len(login), 0, RST))
    t += 1000000
    for ts, fr, wl in a:
        w.write(t + ts - a[0][0], fr, wl)
    w.close()
    sa, pa, da, qa = tcp_payload(b[0][1])[:4]
    sv, pv, dv, qv = tcp_payload(a[0][1])[:4]
    counts.update({"packets": w.count, "abusers": args.abusers,
                   "during": [ip_str(sa), pa, ip_str(da), qa],
                   "after": [ip_str(sv), pv, ip_str(dv), qv]})
    print(json.dumps(counts))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=("flood", "reasm"))
    ap.add_argument("out")
    ap.add_argument("--pcaps", default=os.path.join(here, "..", "..", "pcaps"))
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--flows", type=int, default=1000000, help="flood: distinct scan flows")
    ap.add_argument("--seconds", type=float, default=20.0, help="flood: capture time of the scan")
    ap.add_argument("--abusers", type=int, default=32, help="reasm: abusive flows")
    ap.add_argument("--rounds", type=int, default=300, help="reasm: abuse rounds per flow")
    args = ap.parse_args()
    if args.mode == "flood":
        if not 0 < args.flows <= 1 << 24:
            ap.error("--flows: 1 .. 2^24 (distinct destinations in 10/8)")
        flood(args)
    else:
        reasm(args)


if __name__ == "__main__":
    main()
