/*
 * pcapmix: builds one large benchmark capture that looks like a busy SPAN port.
 *
 * The output is a classic pcap (Ethernet, microsecond timestamps) merging four sources in
 * time order, so flows of all kinds overlap the way they do on a real link:
 *   - replicated input: every packet of every input capture, copied COPIES times; each
 *     (copy, input) pair adds its own constant to the low 16 bits of every IPv4/IPv6 address,
 *     so a copy is a new set of flows but both directions of each flow stay consistent (the
 *     rewrite is a function of the address alone). The IPv4 header checksum and the TCP/UDP
 *     checksum are patched incrementally (RFC 1624), so a valid packet stays valid.
 *   - bulk: TCP port 443 flows shaped like TLS downloads/uploads: handshake, a ClientHello
 *     with SNI, a ServerHello, then 1448-byte segments of random bytes framed as TLS
 *     application-data records, an ACK every -a (default 2) segments, and a FIN exchange.
 *   - short: single-SYN scans of random addresses and ports, and DNS query/response pairs.
 *   - udp (off by default): long RTP-shaped UDP streams (voice, video calls, game telemetry),
 *     one bidirectional flow each, tens of small datagrams per second each way for minutes.
 * Proportions are by bytes (-B/-R/-F/-U); with the default shares the short flows dominate by
 * packet and flow count. -U 0 and -a 2 leave the output byte-identical to what it was before
 * those flags existed, so captures built with the old defaults stay reproducible.
 * Everything is spread over DURATION seconds (-d) and is deterministic for a given seed (-x).
 *
 * It deliberately does not read pcapng (convert with `editcap -F pcap`), does not rewrite
 * addresses embedded in payloads (ICMP errors, DNS answers, FTP PORT), does not emulate
 * loss, retransmission or congestion control, and is not a traffic model anyone should
 * draw conclusions from beyond "a sensor's packet path under a realistic mix".
 */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MIB                1048576ULL
#define PCAP_FILE_HDR      24
#define PCAP_REC_HDR       16
#define OUT_SNAPLEN        262144
#define MAX_INPUT_CAPLEN   262144
#define ETH_HLEN           14
#define FRAME_MAX          1600
#define MSS_PAYLOAD        1448 /* 1500 - 20 IP - 20 TCP - 12 timestamp option */
#define TCP_OPT_TS         12
#define TCP_OPT_SYN        20
#define TLS_RECORD         16406 /* 5-byte header + 16401 (16384 + 17 for TLS 1.3) */
#define POOL_SIZE          (4 * 1024 * 1024)
#define EPOCH_SEC          1700000000ULL
#define DEFAULT_SIZE_MB    1100
#define DEFAULT_DURATION_S 600
#define BULK_MIN_BYTES     (16 * 1024)
#define BULK_OCTAVES       11 /* 16 KiB .. 32 MiB, log-uniform by octave */
#define BULK_MIN_RATE_BPS  500000ULL
#define BULK_RATE_OCTAVES  7 /* 0.5 .. 64 Mbit/s */
#define N_SCANNERS         8
#define N_RESOLVERS        2
#define SYN_SCAN_FRAME     60 /* 54-byte SYN padded to the Ethernet minimum */
#define DEFAULT_ACK_EVERY  2  /* delayed ACK; 1 is a receiver in quickack mode */
#define MAX_ACK_EVERY      64
#define MAX_PCT            1000 /* per share; keeps budget arithmetic far from overflow */
#define RTP_HLEN           12
#define UDP_HDRS           (ETH_HLEN + 20 + 8 + RTP_HLEN)
#define RTP_MAX_PAYLOAD    1400 /* keeps every frame below FRAME_MAX */
#define RTP_DEF_PMIN       160  /* G.711 20 ms ... */
#define RTP_DEF_PMAX       240  /* ... to a small video/wideband frame */
#define RTP_MIN_PPS        25   /* per direction: 40 ms ... */
#define RTP_PPS_SPAN       26   /* ... to 20 ms packetisation */
#define RTP_MIN_DUR_S      30
#define RTP_MAX_DUR_S      600
#define RTP_MIN_PORT       10000 /* RTP uses an even port, RTCP the odd one above it */
#define RTP_JITTER_US      2000

enum src {
    SRC_REPL,
    SRC_BULK,
    SRC_SHORT,
    SRC_UDP,
    SRC_N,
};

enum ev_kind {
    EV_REPL,
    EV_BULK,
    EV_SHORT,
    EV_DNS_RESP,
    EV_UDP,
};

/* ---- deterministic randomness ---- */

static uint64_t rng_state;

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t rnd64(void)
{
    rng_state += 0x9e3779b97f4a7c15ULL;
    return mix64(rng_state);
}

/* Modulo bias is irrelevant here: n is tiny compared to 2^64. */
static uint64_t rnd_below(uint64_t n)
{
    return n ? rnd64() % n : 0;
}

/* ---- byte helpers ---- */

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void put32le(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static uint16_t get16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p, int swap)
{
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    if (swap)
        v = (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
    return v;
}

/* ---- checksums ---- */

static uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t n)
{
    while (n > 1) {
        sum += (uint32_t)p[0] << 8 | p[1];
        p += 2;
        n -= 2;
    }
    if (n)
        sum += (uint32_t)p[0] << 8;
    return sum;
}

static uint16_t csum_fold(uint32_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

/* RFC 1624 eq. 3: HC' = ~(~HC + ~m + m') for one 16-bit word changing from m to m2. */
static uint16_t csum_update(uint16_t hc, uint16_t m, uint16_t m2)
{
    uint32_t s = (uint32_t)(uint16_t)~hc + (uint16_t)~m + m2;
    s = (s & 0xffff) + (s >> 16);
    s = (s & 0xffff) + (s >> 16);
    return (uint16_t)~s;
}

/* ---- frame parsing (for input preprocessing and flow counting) ---- */

struct pinfo {
    int ipver;         /* 0 (not IP), 4 or 6 */
    uint32_t ip_off;   /* start of the IP header */
    uint32_t csum_off; /* TCP/UDP checksum field, 0 if absent or not patchable */
    uint8_t proto;
    int has_ports;
    uint16_t sport, dport;
};

static int parse_frame(const uint8_t *f, size_t len, struct pinfo *pi)
{
    memset(pi, 0, sizeof(*pi));
    if (len < ETH_HLEN)
        return -1;
    uint16_t et = get16(f + 12);
    size_t off = ETH_HLEN;
    for (int tags = 0; tags < 2 && (et == 0x8100 || et == 0x88a8); tags++) {
        if (len < off + 4)
            return -1;
        et = get16(f + off + 2);
        off += 4;
    }
    size_t l4;
    int first_frag = 1;
    if (et == 0x0800) {
        if (len < off + 20 || (f[off] >> 4) != 4)
            return -1;
        size_t ihl = (size_t)(f[off] & 15) * 4;
        if (ihl < 20 || len < off + ihl)
            return -1;
        pi->ipver = 4;
        pi->proto = f[off + 9];
        first_frag = (get16(f + off + 6) & 0x1fff) == 0;
        l4 = off + ihl;
    } else if (et == 0x86dd) {
        if (len < off + 40 || (f[off] >> 4) != 6)
            return -1;
        pi->ipver = 6;
        pi->proto = f[off + 6]; /* extension headers are not walked: such flows get no ports */
        l4 = off + 40;
    } else {
        return -1;
    }
    pi->ip_off = (uint32_t)off;
    if (first_frag && (pi->proto == 6 || pi->proto == 17) && len >= l4 + 4) {
        pi->has_ports = 1;
        pi->sport = get16(f + l4);
        pi->dport = get16(f + l4 + 2);
        size_t co = l4 + (pi->proto == 6 ? 16 : 6);
        if (len >= co + 2 && !(pi->proto == 17 && get16(f + co) == 0))
            pi->csum_off = (uint32_t)co;
    }
    return 0;
}

/* ---- distinct flow counting: a set of 64-bit hashes of bidirectional 5-tuples ---- */

struct flowset {
    uint64_t *slot;
    size_t cap, n;
};

static uint64_t hash_bytes(uint64_t h, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ULL;
    return h;
}

static void flowset_insert(struct flowset *s, uint64_t key)
{
    size_t i = key & (s->cap - 1);
    while (s->slot[i]) {
        if (s->slot[i] == key)
            return;
        i = (i + 1) & (s->cap - 1);
    }
    s->slot[i] = key;
    s->n++;
}

static void flowset_add(struct flowset *s, uint64_t key)
{
    if (key == 0)
        key = 1;
    if ((s->n + 1) * 2 > s->cap) {
        struct flowset g = {calloc(s->cap ? s->cap * 2 : 1 << 16, sizeof(uint64_t)),
                            s->cap ? s->cap * 2 : 1 << 16, 0};
        if (!g.slot) {
            fprintf(stderr, "pcapmix: out of memory for the flow set\n");
            exit(1);
        }
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i])
                flowset_insert(&g, s->slot[i]);
        free(s->slot);
        *s = g;
    }
    flowset_insert(s, key);
}

static void flow_count(struct flowset *s, const uint8_t *f, size_t len)
{
    struct pinfo pi;
    if (parse_frame(f, len, &pi) < 0)
        return;
    size_t alen = pi.ipver == 4 ? 4 : 16;
    const uint8_t *ip = f + pi.ip_off;
    const uint8_t *a = ip + (pi.ipver == 4 ? 12 : 8);
    const uint8_t *b = a + alen;
    uint16_t pa = pi.sport, pb = pi.dport;
    int c = memcmp(a, b, alen);
    if (c > 0 || (c == 0 && pa > pb)) {
        const uint8_t *t = a;
        a = b;
        b = t;
        uint16_t tp = pa;
        pa = pb;
        pb = tp;
    }
    uint8_t ports[5] = {(uint8_t)(pa >> 8), (uint8_t)pa, (uint8_t)(pb >> 8), (uint8_t)pb, pi.proto};
    uint64_t h = 0xcbf29ce484222325ULL;
    h = hash_bytes(h, a, alen);
    h = hash_bytes(h, b, alen);
    h = hash_bytes(h, ports, sizeof(ports));
    flowset_add(s, mix64(h));
}

/* ---- output ---- */

struct out {
    FILE *f;
    uint64_t cap_bytes; /* stop before the file would exceed this */
    uint64_t bytes, packets, last_ts;
    uint64_t src_bytes[SRC_N], src_packets[SRC_N];
    int full;
    struct flowset flows;
};

/* Returns 0, or -1 once the size cap is reached (the packet is then not written). */
static int out_packet(struct out *o, enum src src, uint64_t ts_us, const uint8_t *frame,
                      uint32_t caplen, uint32_t wirelen)
{
    if (o->full || o->bytes + PCAP_REC_HDR + caplen > o->cap_bytes) {
        o->full = 1;
        return -1;
    }
    if (ts_us < o->last_ts) /* cannot happen with the heap; kept as a guarantee */
        ts_us = o->last_ts;
    o->last_ts = ts_us;
    uint8_t h[PCAP_REC_HDR];
    put32le(h, (uint32_t)(EPOCH_SEC + ts_us / 1000000));
    put32le(h + 4, (uint32_t)(ts_us % 1000000));
    put32le(h + 8, caplen);
    put32le(h + 12, wirelen);
    if (fwrite(h, 1, sizeof(h), o->f) != sizeof(h) || fwrite(frame, 1, caplen, o->f) != caplen) {
        fprintf(stderr, "pcapmix: write failed: %s\n", strerror(errno));
        exit(1);
    }
    o->bytes += PCAP_REC_HDR + caplen;
    o->packets++;
    o->src_bytes[src] += PCAP_REC_HDR + caplen;
    o->src_packets[src]++;
    flow_count(&o->flows, frame, caplen);
    return 0;
}

/* ---- synthetic frames ---- */

static const uint8_t mac_inside[6] = {0x02, 0x00, 0x5e, 0x10, 0x00, 0x01};
static const uint8_t mac_router[6] = {0x02, 0x00, 0x5e, 0x10, 0x00, 0xfe};

static uint8_t pool[POOL_SIZE];

/* Ethernet + IPv4 header; to_inside picks the MAC direction. Returns the IP header. */
static uint8_t *eth_ip4(uint8_t *f, int to_inside, uint16_t iplen, uint16_t id, uint8_t ttl,
                        uint8_t proto, uint32_t s, uint32_t d)
{
    memcpy(f, to_inside ? mac_inside : mac_router, 6);
    memcpy(f + 6, to_inside ? mac_router : mac_inside, 6);
    put16(f + 12, 0x0800);
    uint8_t *ip = f + ETH_HLEN;
    ip[0] = 0x45;
    ip[1] = 0;
    put16(ip + 2, iplen);
    put16(ip + 4, id);
    put16(ip + 6, 0x4000);
    ip[8] = ttl;
    ip[9] = proto;
    put16(ip + 10, 0);
    put32(ip + 12, s);
    put32(ip + 16, d);
    put16(ip + 10, csum_fold(csum_add(0, ip, 20)));
    return ip;
}

static void l4_csum(uint8_t *ip, size_t l4len, size_t csum_at)
{
    uint8_t *l4 = ip + 20;
    put16(l4 + csum_at, 0);
    uint8_t ph[12];
    memcpy(ph, ip + 12, 8);
    ph[8] = 0;
    ph[9] = ip[9];
    put16(ph + 10, (uint16_t)l4len);
    uint16_t c = csum_fold(csum_add(csum_add(0, ph, 12), l4, l4len));
    if (c == 0 && ip[9] == 17)
        c = 0xffff;
    put16(l4 + csum_at, c);
}

struct tcpseg {
    uint32_t s, d;
    uint16_t sp, dp;
    uint32_t seq, ack;
    uint8_t flags;
    uint16_t id;
    uint8_t ttl;
    int to_inside;
    int optkind; /* 0 none, 1 timestamps, 2 SYN options */
    uint32_t tsval, tsecr;
};

#define TH_FIN 0x01
#define TH_SYN 0x02
#define TH_RST 0x04
#define TH_PSH 0x08
#define TH_ACK 0x10

static size_t tcp_optlen(int kind)
{
    return kind == 2 ? TCP_OPT_SYN : kind == 1 ? TCP_OPT_TS : 0;
}

/* Payload must already be at f + tcp_hdrlen(); returns the frame length. */
static size_t tcp_hdrlen(int optkind)
{
    return ETH_HLEN + 20 + 20 + tcp_optlen(optkind);
}

static size_t tcp_build(uint8_t *f, const struct tcpseg *t, size_t plen)
{
    size_t ol = tcp_optlen(t->optkind);
    size_t l4len = 20 + ol + plen;
    uint8_t *ip = eth_ip4(f, t->to_inside, (uint16_t)(20 + l4len), t->id, t->ttl, 6, t->s, t->d);
    uint8_t *th = ip + 20;
    put16(th, t->sp);
    put16(th + 2, t->dp);
    put32(th + 4, t->seq);
    put32(th + 8, t->ack);
    th[12] = (uint8_t)(((20 + ol) / 4) << 4);
    th[13] = t->flags;
    put16(th + 14, t->optkind == 0 ? 1024 : 0x01f5);
    put16(th + 18, 0);
    uint8_t *o = th + 20;
    if (t->optkind == 2) {
        static const uint8_t syn_opt[TCP_OPT_SYN] = {2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0,
                                                     0, 0, 0,    0,    0, 0, 1, 3,  3, 7};
        memcpy(o, syn_opt, sizeof(syn_opt));
        put32(o + 8, t->tsval);
        put32(o + 12, t->tsecr);
    } else if (t->optkind == 1) {
        o[0] = 1;
        o[1] = 1;
        o[2] = 8;
        o[3] = 10;
        put32(o + 4, t->tsval);
        put32(o + 8, t->tsecr);
    }
    l4_csum(ip, l4len, 16);
    size_t flen = ETH_HLEN + 20 + l4len;
    if (flen < 60) {
        memset(f + flen, 0, 60 - flen);
        flen = 60;
    }
    return flen;
}

/* ---- TLS-shaped payloads ---- */

static const char *const sni_host[] = {"cdn", "video", "updates", "api"};
static const char *const sni_domain[] = {"example.net", "example.com", "example.org"};

struct bb {
    uint8_t *p;
    size_t n;
};

static void bb_put(struct bb *b, const void *d, size_t n)
{
    memcpy(b->p + b->n, d, n);
    b->n += n;
}

static void bb_u8(struct bb *b, uint8_t v)
{
    b->p[b->n++] = v;
}

static void bb_u16(struct bb *b, uint16_t v)
{
    put16(b->p + b->n, v);
    b->n += 2;
}

static void bb_rand(struct bb *b, size_t n, uint64_t key)
{
    memcpy(b->p + b->n, pool + (key % (POOL_SIZE - FRAME_MAX)), n);
    b->n += n;
}

/* A TLS 1.3-shaped ClientHello carrying an SNI; returns its length (< 400). */
static size_t tls_client_hello(uint8_t *p, uint32_t sni_id, uint64_t key)
{
    char name[64];
    int nl = snprintf(name, sizeof(name), "%s%u.%s", sni_host[sni_id % 4], sni_id % 1000,
                      sni_domain[sni_id % 3]);
    struct bb b = {p, 0};
    bb_put(&b, "\x16\x03\x01\x00\x00", 5);
    bb_put(&b, "\x01\x00\x00\x00\x03\x03", 6);
    bb_rand(&b, 32, key);
    bb_u8(&b, 32);
    bb_rand(&b, 32, key >> 7);
    bb_put(&b, "\x00\x08\x13\x01\x13\x02\x13\x03\xc0\x2f\x01\x00", 12);
    size_t ext_at = b.n;
    bb_u16(&b, 0);
    bb_u16(&b, 0); /* server_name */
    bb_u16(&b, (uint16_t)(nl + 5));
    bb_u16(&b, (uint16_t)(nl + 3));
    bb_u8(&b, 0);
    bb_u16(&b, (uint16_t)nl);
    bb_put(&b, name, (size_t)nl);
    bb_put(&b, "\x00\x0a\x00\x04\x00\x02\x00\x1d", 8);          /* supported_groups */
    bb_put(&b, "\x00\x0d\x00\x04\x00\x02\x04\x03", 8);          /* signature_algorithms */
    bb_put(&b, "\x00\x10\x00\x05\x00\x03\x02\x68\x32", 9);      /* ALPN h2 */
    bb_put(&b, "\x00\x2b\x00\x05\x04\x03\x04\x03\x03", 9);      /* supported_versions */
    bb_put(&b, "\x00\x33\x00\x26\x00\x24\x00\x1d\x00\x20", 10); /* key_share x25519 */
    bb_rand(&b, 32, key >> 13);
    put16(p + ext_at, (uint16_t)(b.n - ext_at - 2));
    put16(p + 3, (uint16_t)(b.n - 5));
    p[6] = (uint8_t)((b.n - 9) >> 16);
    put16(p + 7, (uint16_t)(b.n - 9));
    return b.n;
}

/* ServerHello + ChangeCipherSpec + one application-data record, exactly MSS_PAYLOAD bytes. */
static void tls_server_flight(uint8_t *p, uint64_t key)
{
    struct bb b = {p, 0};
    bb_put(&b, "\x16\x03\x03\x00\x00\x02\x00\x00\x00\x03\x03", 11);
    bb_rand(&b, 32, key);
    bb_u8(&b, 32);
    bb_rand(&b, 32, key >> 5);
    bb_put(&b, "\x13\x01\x00\x00\x2e", 5);
    bb_put(&b, "\x00\x2b\x00\x02\x03\x04", 6);
    bb_put(&b, "\x00\x33\x00\x24\x00\x1d\x00\x20", 8);
    bb_rand(&b, 32, key >> 11);
    put16(p + 3, (uint16_t)(b.n - 5));
    p[6] = (uint8_t)((b.n - 9) >> 16);
    put16(p + 7, (uint16_t)(b.n - 9));
    bb_put(&b, "\x14\x03\x03\x00\x01\x01", 6);
    size_t rest = MSS_PAYLOAD - b.n - 5;
    bb_put(&b, "\x17\x03\x03", 3);
    bb_u16(&b, (uint16_t)rest);
    bb_rand(&b, rest, key >> 17);
}

/* Bytes [off, off+n) of a stream of TLS application-data records with random contents. */
static void tls_stream(uint8_t *p, size_t n, uint64_t off, uint64_t key)
{
    memcpy(p, pool + ((key + off * 7) % (POOL_SIZE - FRAME_MAX)), n);
    static const uint8_t hdr[5] = {0x17, 0x03, 0x03, (TLS_RECORD - 5) >> 8, (TLS_RECORD - 5) & 255};
    for (uint64_t r = off - off % TLS_RECORD; r < off + n; r += TLS_RECORD)
        for (int j = 0; j < 5; j++)
            if (r + j >= off && r + j < off + n)
                p[r + j - off] = hdr[j];
}

/* ---- bulk TCP flows ---- */

enum bulk_phase {
    BP_SYN,
    BP_SYNACK,
    BP_ACK,
    BP_CHELLO,
    BP_SFLIGHT,
    BP_REQUEST,
    BP_DATA,
    BP_DATA_ACK,
    BP_FIN1,
    BP_FIN2,
    BP_LAST_ACK,
    BP_DONE,
};

struct bulk {
    uint32_t cip, sip;
    uint16_t cport, sport;
    uint32_t cseq, sseq;
    uint16_t cid, sid;
    uint64_t total, sent, nseg;
    uint64_t start_us, data_ts;
    uint32_t seg_us, rtt_us;
    uint32_t sni, req_len;
    uint64_t key;
    uint32_t ack_every; /* one ACK per this many data segments */
    int download;
    int phase;
};

static uint64_t bulk_bytes(const struct bulk *b)
{
    uint8_t tmp[512];
    uint64_t ch = tls_client_hello(tmp, b->sni, b->key);
    uint64_t full = b->total / MSS_PAYLOAD, rem = b->total % MSS_PAYLOAD;
    uint64_t nseg = full + (rem ? 1 : 0);
    uint64_t hdr = tcp_hdrlen(1) + PCAP_REC_HDR;           /* 66 + 16 */
    uint64_t n = 2 * (tcp_hdrlen(2) + PCAP_REC_HDR) + hdr; /* SYN, SYN/ACK, ACK */
    n += hdr + ch + hdr + MSS_PAYLOAD + hdr + b->req_len;
    n += full * (hdr + MSS_PAYLOAD) + (rem ? hdr + rem : 0);
    n += (nseg + b->ack_every - 1) / b->ack_every * hdr + 3 * hdr;
    return n;
}

static void bulk_plan(struct bulk *b, uint64_t id, uint64_t duration_us, uint32_t ack_every)
{
    memset(b, 0, sizeof(*b));
    b->ack_every = ack_every;
    b->key = rnd64();
    b->cip = 0x0a000000u | (uint32_t)rnd_below(1u << 24);
    b->sip = 0xc6120000u | (uint32_t)rnd_below(1u << 17); /* 198.18.0.0/15, RFC 2544 */
    b->cport = (uint16_t)(32768 + rnd_below(28000));
    b->sport = 443;
    b->cseq = (uint32_t)rnd64();
    b->sseq = (uint32_t)rnd64();
    b->cid = (uint16_t)rnd64();
    b->sid = (uint16_t)rnd64();
    b->sni = (uint32_t)(id * 7 + rnd_below(4));
    b->req_len = (uint32_t)(5 + 100 + rnd_below(600));
    b->download = rnd_below(10) < 8;
    b->rtt_us = (uint32_t)(2000 + rnd_below(80000));
    uint64_t oct = rnd_below(BULK_OCTAVES);
    b->total = ((uint64_t)BULK_MIN_BYTES << oct) + rnd_below((uint64_t)BULK_MIN_BYTES << oct);
    uint64_t rate = (BULK_MIN_RATE_BPS << rnd_below(BULK_RATE_OCTAVES));
    rate += rnd_below(rate);
    /* A flow never lasts more than 90% of the capture: raise its rate instead. */
    uint64_t max_dur = duration_us * 9 / 10;
    if (b->total * 8 * 1000000 / rate > max_dur)
        rate = b->total * 8 * 1000000 / (max_dur ? max_dur : 1) + 1;
    b->seg_us = (uint32_t)((uint64_t)(tcp_hdrlen(1) + MSS_PAYLOAD) * 8 * 1000000 / rate);
    if (b->seg_us == 0)
        b->seg_us = 1;
    uint64_t dur = (b->total / MSS_PAYLOAD + 1) * b->seg_us + 4 * b->rtt_us;
    b->start_us = dur < duration_us ? rnd_below(duration_us - dur) : 0;
}

/* Emits the flow's next packet; returns its successor's time, or UINT64_MAX when done. */
static uint64_t bulk_step(struct bulk *b, uint64_t now, struct out *o)
{
    static uint8_t f[FRAME_MAX];
    struct tcpseg t;
    int from_client;
    size_t plen = 0;
    uint64_t next;
    int sender_is_client = !b->download;

    memset(&t, 0, sizeof(t));
    t.optkind = 1;
    t.flags = TH_ACK;
    switch (b->phase) {
    case BP_SYN:
        from_client = 1;
        t.flags = TH_SYN;
        t.optkind = 2;
        next = now + b->rtt_us / 2;
        break;
    case BP_SYNACK:
        from_client = 0;
        t.flags = TH_SYN | TH_ACK;
        t.optkind = 2;
        next = now + b->rtt_us / 2;
        break;
    case BP_ACK:
        from_client = 1;
        next = now + 1;
        break;
    case BP_CHELLO:
        from_client = 1;
        t.flags |= TH_PSH;
        plen = tls_client_hello(f + tcp_hdrlen(1), b->sni, b->key);
        next = now + b->rtt_us;
        break;
    case BP_SFLIGHT:
        from_client = 0;
        tls_server_flight(f + tcp_hdrlen(1), b->key);
        plen = MSS_PAYLOAD;
        next = now + b->rtt_us / 2;
        break;
    case BP_REQUEST:
        from_client = 1;
        t.flags |= TH_PSH;
        plen = b->req_len;
        memcpy(f + tcp_hdrlen(1), pool + (b->key % (POOL_SIZE - FRAME_MAX)), plen);
        f[tcp_hdrlen(1)] = 0x17;
        f[tcp_hdrlen(1) + 1] = 0x03;
        f[tcp_hdrlen(1) + 2] = 0x03;
        put16(f + tcp_hdrlen(1) + 3, (uint16_t)(plen - 5));
        next = now + b->rtt_us / 2;
        break;
    case BP_DATA:
        from_client = sender_is_client;
        plen = b->total - b->sent < MSS_PAYLOAD ? (size_t)(b->total - b->sent) : MSS_PAYLOAD;
        tls_stream(f + tcp_hdrlen(1), plen, b->sent, b->key);
        b->data_ts = now;
        next = now + b->seg_us;
        break;
    case BP_DATA_ACK:
        from_client = !sender_is_client;
        next = b->sent == b->total ? now + b->rtt_us / 2 : b->data_ts + b->seg_us;
        break;
    case BP_FIN1:
    case BP_LAST_ACK:
        from_client = sender_is_client;
        t.flags |= b->phase == BP_FIN1 ? TH_FIN : 0;
        next = now + b->rtt_us / 2;
        break;
    case BP_FIN2:
        from_client = !sender_is_client;
        t.flags |= TH_FIN;
        next = now + b->rtt_us / 2;
        break;
    default:
        return UINT64_MAX;
    }

    uint32_t *my_seq = from_client ? &b->cseq : &b->sseq;
    uint32_t *peer_seq = from_client ? &b->sseq : &b->cseq;
    t.s = from_client ? b->cip : b->sip;
    t.d = from_client ? b->sip : b->cip;
    t.sp = from_client ? b->cport : b->sport;
    t.dp = from_client ? b->sport : b->cport;
    t.seq = *my_seq;
    t.ack = b->phase == BP_SYN ? 0 : *peer_seq;
    t.id = from_client ? b->cid++ : b->sid++;
    t.ttl = from_client ? 64 : 52;
    t.to_inside = !from_client;
    t.tsval = (uint32_t)(now / 1000 + (from_client ? b->key : b->key >> 32));
    t.tsecr = b->phase == BP_SYN ? 0 : (uint32_t)(now / 1000);
    size_t flen = tcp_build(f, &t, plen);
    if (out_packet(o, SRC_BULK, now, f, (uint32_t)flen, (uint32_t)flen) < 0)
        return UINT64_MAX;

    *my_seq += (uint32_t)plen + ((t.flags & (TH_SYN | TH_FIN)) ? 1 : 0);
    switch (b->phase) {
    case BP_DATA:
        b->sent += plen;
        b->nseg++;
        b->phase = (b->nseg % b->ack_every == 0 || b->sent == b->total) ? BP_DATA_ACK : BP_DATA;
        if (b->phase == BP_DATA_ACK)
            next = now + b->seg_us / 2;
        break;
    case BP_DATA_ACK:
        b->phase = b->sent == b->total ? BP_FIN1 : BP_DATA;
        break;
    case BP_REQUEST:
        b->phase = BP_DATA;
        break;
    default:
        b->phase++;
        break;
    }
    return b->phase == BP_DONE ? UINT64_MAX : next;
}

/* ---- short flows: SYN scans and DNS ---- */

static const char *const dns_domains[] = {"example.com", "example.net", "example.org",
                                          "test.example.com"};
#define N_DOMAINS  4
#define DNS_LABEL  8
#define DNS_NAMELN (1 + DNS_LABEL) /* wire bytes of the random first label */

static size_t dns_query_len(unsigned dom)
{
    return ETH_HLEN + 20 + 8 + 12 + DNS_NAMELN + strlen(dns_domains[dom]) + 2 + 4;
}

static size_t dns_build(uint8_t *f, int response, uint32_t client, uint16_t cport, uint16_t txid,
                        uint32_t name, unsigned resolver)
{
    unsigned dom = name % N_DOMAINS;
    uint8_t *d = f + ETH_HLEN + 20 + 8;
    put16(d, txid);
    put16(d + 2, response ? 0x8180 : 0x0100);
    put16(d + 4, 1);
    put16(d + 6, response ? 1 : 0);
    put16(d + 8, 0);
    put16(d + 10, 0);
    uint8_t *q = d + 12;
    *q++ = DNS_LABEL;
    uint64_t h = mix64(name);
    for (int i = 0; i < DNS_LABEL; i++, h >>= 5)
        *q++ = (uint8_t)('a' + h % 26);
    const char *s = dns_domains[dom];
    while (*s) {
        const char *dot = strchr(s, '.');
        size_t ll = dot ? (size_t)(dot - s) : strlen(s);
        *q++ = (uint8_t)ll;
        memcpy(q, s, ll);
        q += ll;
        s += ll + (dot ? 1 : 0);
    }
    *q++ = 0;
    put16(q, 1);
    put16(q + 2, 1);
    q += 4;
    if (response) {
        static const uint8_t ans[12] = {0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0x01, 0x2c, 0, 4};
        memcpy(q, ans, sizeof(ans));
        put32(q + 12, 0xc6120000u | (uint32_t)(mix64(name + 1) & 0x1ffff));
        q += 16;
    }
    size_t udplen = (size_t)(q - (f + ETH_HLEN + 20));
    uint32_t res = 0x0a000035u + resolver; /* 10.0.0.53, 10.0.0.54 */
    uint8_t *ip = eth_ip4(f, response, (uint16_t)(20 + udplen), (uint16_t)(name ^ txid),
                          response ? 63 : 64, 17, response ? res : client, response ? client : res);
    uint8_t *u = ip + 20;
    put16(u, response ? 53 : cport);
    put16(u + 2, response ? cport : 53);
    put16(u + 4, (uint16_t)udplen);
    l4_csum(ip, udplen, 6);
    return ETH_HLEN + 20 + udplen;
}

/* ---- long UDP streams: RTP-shaped voice, video calls, game telemetry ---- */

/*
 * One stream is one bidirectional UDP flow between a 10/8 client and a 198.18/15 server, both
 * on even ports >= RTP_MIN_PORT, carrying RTP (RFC 3550: V=2, no padding, extension or CSRC)
 * both ways at the same packet rate for its whole life. Each direction has its own SSRC,
 * random initial sequence number and timestamp, both incremented per packet as a sender
 * would. Static payload types (0 PCMU, 8 PCMA) keep one payload size for the whole stream,
 * like a constant-bit-rate codec; dynamic ones (96..111) vary per packet inside the -p range.
 * There is no RTCP, no signalling (SIP/SDP) and no loss; a sensor sees a long flow of small
 * datagrams, which is what this class exists to put on its packet path.
 */
struct rtp {
    uint32_t cip, sip;
    uint16_t cport, sport;
    uint64_t key;
    uint64_t start_us[2];
    uint32_t gap_us;  /* packet interval, both directions */
    uint64_t left[2]; /* packets still to send, per direction (0 = client -> server) */
    uint64_t sent[2];
    uint32_t ssrc[2], ts[2];
    uint16_t seq[2], id[2];
    uint32_t ts_step;
    uint16_t pbase; /* payload size of a static-PT stream, and the planning estimate */
    uint8_t pt;
};

static uint16_t rtp_payload_len(const struct rtp *r, int dir, uint16_t pmin, uint16_t pmax)
{
    if (r->pt < 96)
        return r->pbase;
    uint64_t h = mix64(r->key ^ ((uint64_t)dir << 62) ^ r->sent[dir]);
    return (uint16_t)(pmin + h % ((uint64_t)pmax - pmin + 1));
}

static uint64_t rtp_frame_cost(uint16_t payload)
{
    size_t f = UDP_HDRS + payload;
    return PCAP_REC_HDR + (f < 60 ? 60 : f);
}

/* Output bytes the stream will take, with the mean payload for dynamic payload types. */
static uint64_t rtp_bytes(const struct rtp *r, uint16_t pmin, uint16_t pmax)
{
    uint64_t per = rtp_frame_cost(r->pt < 96 ? r->pbase : (uint16_t)((pmin + pmax) / 2));
    return (r->left[0] + r->left[1]) * per;
}

static void rtp_plan(struct rtp *r, uint64_t duration_us, uint16_t pmin, uint16_t pmax)
{
    memset(r, 0, sizeof(*r));
    r->key = rnd64();
    r->cip = 0x0a000000u | (uint32_t)rnd_below(1u << 24);
    r->sip = 0xc6120000u | (uint32_t)rnd_below(1u << 17);
    r->cport = (uint16_t)(RTP_MIN_PORT + 2 * rnd_below((65536 - RTP_MIN_PORT) / 2));
    r->sport = (uint16_t)(RTP_MIN_PORT + 2 * rnd_below((65536 - RTP_MIN_PORT) / 2));
    unsigned k = (unsigned)rnd_below(18);
    r->pt = (uint8_t)(k == 0 ? 0 : k == 1 ? 8 : 96 + (k - 2));
    r->pbase = (uint16_t)(pmin + rnd_below((uint64_t)pmax - pmin + 1));
    uint32_t pps = (uint32_t)(RTP_MIN_PPS + rnd_below(RTP_PPS_SPAN));
    r->gap_us = 1000000 / pps;
    r->ts_step = (r->pt < 96 ? 8000 : 48000) / pps;
    for (int d = 0; d < 2; d++) {
        r->ssrc[d] = (uint32_t)rnd64();
        r->ts[d] = (uint32_t)rnd64();
        r->seq[d] = (uint16_t)rnd64();
        r->id[d] = (uint16_t)rnd64();
    }
    uint64_t dur = (RTP_MIN_DUR_S + rnd_below(RTP_MAX_DUR_S - RTP_MIN_DUR_S + 1)) * 1000000;
    if (dur > duration_us)
        dur = duration_us;
    uint64_t start = rnd_below(duration_us - dur + 1);
    /* the callee answers a moment after the caller starts talking */
    r->start_us[0] = start + rnd_below(r->gap_us);
    r->start_us[1] = start + 50000 + rnd_below(250000);
    for (int d = 0; d < 2; d++)
        r->left[d] = r->start_us[d] < start + dur ? (start + dur - r->start_us[d]) / r->gap_us : 0;
}

/* The earliest time either direction sends next, or UINT64_MAX when both are done. */
static uint64_t rtp_next(const struct rtp *r, int *dir)
{
    uint64_t best = UINT64_MAX;
    for (int d = 0; d < 2; d++) {
        if (!r->left[d])
            continue;
        uint64_t j = mix64(r->key + ((uint64_t)d << 40) + r->sent[d]) % RTP_JITTER_US;
        uint64_t t = r->start_us[d] + r->sent[d] * r->gap_us + j;
        if (t < best) {
            best = t;
            if (dir)
                *dir = d;
        }
    }
    return best;
}

/* Emits the stream's next datagram; returns its successor's time, or UINT64_MAX when done. */
static uint64_t rtp_step(struct rtp *r, uint64_t now, struct out *o, uint16_t pmin, uint16_t pmax)
{
    static uint8_t f[FRAME_MAX];
    int d = 0;
    if (rtp_next(r, &d) == UINT64_MAX)
        return UINT64_MAX;
    uint16_t plen = rtp_payload_len(r, d, pmin, pmax);
    uint8_t *rh = f + UDP_HDRS - RTP_HLEN;
    rh[0] = 0x80;                                            /* V=2 */
    rh[1] = (uint8_t)((r->sent[d] == 0 ? 0x80 : 0) | r->pt); /* marker: start of talkspurt */
    put16(rh + 2, r->seq[d]);
    put32(rh + 4, r->ts[d]);
    put32(rh + 8, r->ssrc[d]);
    memcpy(rh + RTP_HLEN,
           pool + ((r->key + r->sent[d] * 131 + (uint64_t)d * 977) % (POOL_SIZE - FRAME_MAX)),
           plen);
    size_t udplen = 8 + RTP_HLEN + (size_t)plen;
    int from_client = d == 0;
    uint8_t *ip = eth_ip4(f, !from_client, (uint16_t)(20 + udplen), r->id[d], from_client ? 64 : 56,
                          17, from_client ? r->cip : r->sip, from_client ? r->sip : r->cip);
    uint8_t *u = ip + 20;
    put16(u, from_client ? r->cport : r->sport);
    put16(u + 2, from_client ? r->sport : r->cport);
    put16(u + 4, (uint16_t)udplen);
    l4_csum(ip, udplen, 6);
    size_t flen = ETH_HLEN + 20 + udplen;
    if (flen < 60) {
        memset(f + flen, 0, 60 - flen);
        flen = 60;
    }
    if (out_packet(o, SRC_UDP, now, f, (uint32_t)flen, (uint32_t)flen) < 0)
        return UINT64_MAX;
    r->seq[d]++;
    r->ts[d] += r->ts_step;
    r->id[d]++;
    r->sent[d]++;
    r->left[d]--;
    uint64_t next = rtp_next(r, NULL);
    return next == UINT64_MAX || next >= now ? next : now;
}

/* ---- replicated input ---- */

struct ipkt {
    uint64_t rel_us;
    uint64_t off;
    uint32_t caplen, wirelen;
    struct pinfo pi;
};

struct infile {
    const char *name;
    uint8_t *data;
    size_t len, cap;
    struct ipkt *pkts;
    size_t n, ncap;
    uint64_t span_us;
    uint64_t out_bytes;
};

struct stream {
    uint32_t file;
    uint16_t shift;
    size_t next;
    uint64_t start_us;
    double scale;
};

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "pcapmix: out of memory\n");
        exit(1);
    }
    return q;
}

static void infile_append(struct infile *in, uint64_t ts_us, const uint8_t *hdr, size_t hlen,
                          const uint8_t *body, size_t blen, uint32_t wirelen)
{
    if (in->n == in->ncap) {
        in->ncap = in->ncap ? in->ncap * 2 : 256;
        in->pkts = xrealloc(in->pkts, in->ncap * sizeof(*in->pkts));
    }
    while (in->len + hlen + blen > in->cap) {
        in->cap = in->cap ? in->cap * 2 : 65536;
        in->data = xrealloc(in->data, in->cap);
    }
    struct ipkt *k = &in->pkts[in->n++];
    k->rel_us = ts_us; /* absolute for now; made relative once the file is loaded */
    k->off = in->len;
    if (hlen)
        memcpy(in->data + in->len, hdr, hlen);
    if (blen)
        memcpy(in->data + in->len + hlen, body, blen);
    in->len += hlen + blen;
    k->caplen = (uint32_t)(hlen + blen);
    k->wirelen = wirelen;
    parse_frame(in->data + k->off, k->caplen, &k->pi);
}

/* Loads a classic pcap into memory as Ethernet frames; 0 on success, -1 to skip the file. */
static int infile_load(struct infile *in, const char *path)
{
    memset(in, 0, sizeof(*in));
    in->name = path;
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "pcapmix: warning: %s: %s, skipped\n", path, strerror(errno));
        return -1;
    }
    uint8_t gh[PCAP_FILE_HDR];
    if (fread(gh, 1, sizeof(gh), f) != sizeof(gh)) {
        fprintf(stderr, "pcapmix: warning: %s: too short, skipped\n", path);
        fclose(f);
        return -1;
    }
    uint32_t magic = get32(gh, 0);
    int swap, nsec;
    if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
        swap = 0;
        nsec = magic == 0xa1b23c4d;
    } else if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
        swap = 1;
        nsec = magic == 0x4d3cb2a1;
    } else {
        fprintf(stderr,
                "pcapmix: warning: %s: not a classic pcap (pcapng? convert with "
                "editcap -F pcap), skipped\n",
                path);
        fclose(f);
        return -1;
    }
    uint32_t linktype = get32(gh + 20, swap) & 0xffff;
    if (linktype != 0 && linktype != 1 && linktype != 101 && linktype != 228 && linktype != 229 &&
        linktype != 113 && linktype != 276) {
        fprintf(stderr, "pcapmix: warning: %s: link type %u not supported, skipped\n", path,
                linktype);
        fclose(f);
        return -1;
    }
    static uint8_t body[MAX_INPUT_CAPLEN];
    uint8_t rh[PCAP_REC_HDR];
    uint64_t bad = 0;
    while (fread(rh, 1, sizeof(rh), f) == sizeof(rh)) {
        uint64_t ts = (uint64_t)get32(rh, swap) * 1000000 + get32(rh + 4, swap) / (nsec ? 1000 : 1);
        uint32_t incl = get32(rh + 8, swap), orig = get32(rh + 12, swap);
        if (incl > MAX_INPUT_CAPLEN) {
            fprintf(stderr, "pcapmix: warning: %s: record of %u bytes, rest of file skipped\n",
                    path, incl);
            break;
        }
        if (fread(body, 1, incl, f) != incl) {
            fprintf(stderr, "pcapmix: warning: %s: truncated last record dropped\n", path);
            break;
        }
        if (orig < incl)
            orig = incl;
        uint8_t eh[ETH_HLEN];
        memcpy(eh, mac_router, 6);
        memcpy(eh + 6, mac_inside, 6);
        if (linktype == 1) {
            infile_append(in, ts, NULL, 0, body, incl, orig);
        } else if (linktype == 113) { /* Linux cooked: 16-byte header, protocol at 14 */
            if (incl < 16) {
                bad++;
                continue;
            }
            memcpy(eh + 12, body + 14, 2);
            infile_append(in, ts, eh, ETH_HLEN, body + 16, incl - 16, orig - 16 + ETH_HLEN);
        } else if (linktype == 276) { /* Linux cooked v2: 20-byte header, protocol first */
            if (incl < 20) {
                bad++;
                continue;
            }
            memcpy(eh + 12, body, 2);
            infile_append(in, ts, eh, ETH_HLEN, body + 20, incl - 20, orig - 20 + ETH_HLEN);
        } else if (linktype == 0) { /* BSD loopback: 4-byte address family, host order */
            if (incl < 4) {
                bad++;
                continue;
            }
            uint32_t af = get32(body, swap);
            put16(eh + 12, af == 2 ? 0x0800 : 0x86dd); /* 24, 28, 30: the BSDs' AF_INET6 */
            infile_append(in, ts, eh, ETH_HLEN, body + 4, incl - 4, orig - 4 + ETH_HLEN);
        } else { /* raw IP: the version nibble says which */
            if (incl < 1) {
                bad++;
                continue;
            }
            put16(eh + 12, (body[0] >> 4) == 6 ? 0x86dd : 0x0800);
            infile_append(in, ts, eh, ETH_HLEN, body, incl, orig + ETH_HLEN);
        }
    }
    fclose(f);
    if (bad)
        fprintf(stderr, "pcapmix: warning: %s: %" PRIu64 " short records skipped\n", path, bad);
    if (in->n == 0) {
        fprintf(stderr, "pcapmix: warning: %s: no packets, skipped\n", path);
        return -1;
    }
    uint64_t t0 = in->pkts[0].rel_us;
    for (size_t i = 0; i < in->n; i++) {
        in->pkts[i].rel_us = in->pkts[i].rel_us < t0 ? 0 : in->pkts[i].rel_us - t0;
        if (i && in->pkts[i].rel_us < in->pkts[i - 1].rel_us)
            in->pkts[i].rel_us = in->pkts[i - 1].rel_us;
        in->out_bytes += PCAP_REC_HDR + in->pkts[i].caplen;
    }
    in->span_us = in->pkts[in->n - 1].rel_us;
    return 0;
}

static void addr_shift(uint8_t *frame, const struct pinfo *pi, uint8_t *a, uint16_t shift)
{
    uint16_t old = get16(a), nw = (uint16_t)(old + shift);
    put16(a, nw);
    uint8_t *ip = frame + pi->ip_off;
    if (pi->ipver == 4)
        put16(ip + 10, csum_update(get16(ip + 10), old, nw));
    if (pi->csum_off) {
        uint16_t c = csum_update(get16(frame + pi->csum_off), old, nw);
        if (c == 0 && pi->proto == 17)
            c = 0xffff;
        put16(frame + pi->csum_off, c);
    }
}

static uint64_t stream_step(struct stream *s, struct infile *files, uint64_t now, struct out *o)
{
    static uint8_t f[MAX_INPUT_CAPLEN];
    struct infile *in = &files[s->file];
    const struct ipkt *k = &in->pkts[s->next];
    memcpy(f, in->data + k->off, k->caplen);
    if (s->shift && k->pi.ipver) {
        uint8_t *ip = f + k->pi.ip_off;
        size_t alen = k->pi.ipver == 4 ? 4 : 16;
        uint8_t *a = ip + (k->pi.ipver == 4 ? 12 : 8);
        addr_shift(f, &k->pi, a + alen - 2, s->shift);
        addr_shift(f, &k->pi, a + 2 * alen - 2, s->shift);
    }
    if (out_packet(o, SRC_REPL, now, f, k->caplen, k->wirelen) < 0)
        return UINT64_MAX;
    if (++s->next >= in->n)
        return UINT64_MAX;
    uint64_t t = s->start_us + (uint64_t)((double)in->pkts[s->next].rel_us * s->scale);
    return t < now ? now : t;
}

/* ---- the merge: a binary min-heap of "next packet" events ---- */

struct ev {
    uint64_t ts;
    uint64_t tie; /* insertion order, so equal times merge deterministically */
    uint32_t idx;
    uint8_t kind, resolver;
    uint16_t cport, txid;
    uint32_t client, name;
};

struct heap {
    struct ev *v;
    size_t n, cap;
    uint64_t tie;
};

static int ev_less(const struct ev *a, const struct ev *b)
{
    return a->ts < b->ts || (a->ts == b->ts && a->tie < b->tie);
}

static void heap_push(struct heap *h, struct ev e)
{
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 1024;
        h->v = xrealloc(h->v, h->cap * sizeof(*h->v));
    }
    e.tie = h->tie++;
    size_t i = h->n++;
    while (i && ev_less(&e, &h->v[(i - 1) / 2])) {
        h->v[i] = h->v[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->v[i] = e;
}

static struct ev heap_pop(struct heap *h)
{
    struct ev top = h->v[0], last = h->v[--h->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && ev_less(&h->v[c + 1], &h->v[c]))
            c++;
        if (!ev_less(&h->v[c], &last))
            break;
        h->v[i] = h->v[c];
        i = c;
    }
    if (h->n)
        h->v[i] = last;
    return top;
}

/* ---- main ---- */

static void usage(void)
{
    fprintf(stderr,
            "usage: pcapmix -o OUT.pcap [-s SIZE_MB] [-c COPIES] [-d SECONDS] [-B BULK%%]\n"
            "               [-R REPLICATED%%] [-F SHORT%%] [-U UDP%%] [-y SYN%%] [-a N]\n"
            "               [-p MIN-MAX] [-m MAX_INPUT_SPAN_S] [-x SEED] [IN.pcap ...]\n"
            "  -s  output size in MiB (default %d); the file stops before exceeding it\n"
            "  -c  copies of the inputs (default: as many as fill -R of the output)\n"
            "  -d  capture duration in seconds (default %d)\n"
            "  -B/-R/-F  byte shares of bulk TLS flows, replicated input, short flows\n"
            "            (default 70/20/10; without inputs -R is shared out to the others)\n"
            "  -U  byte share of long RTP-shaped UDP streams (default 0: none)\n"
            "  -y  percentage of short flows that are single SYNs, the rest DNS (default 75)\n"
            "  -a  bulk flows ACK every N data segments (default %d; 1 = quickack)\n"
            "  -p  RTP payload bytes of the UDP streams, MIN-MAX (default %d-%d, max %d)\n"
            "  -m  inputs longer than this are time-compressed to it (default DURATION/4)\n"
            "  -x  PRNG seed (default 1)\n",
            DEFAULT_SIZE_MB, DEFAULT_DURATION_S, DEFAULT_ACK_EVERY, RTP_DEF_PMIN, RTP_DEF_PMAX,
            RTP_MAX_PAYLOAD);
    exit(2);
}

static unsigned long long num_arg(const char *s, int opt)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || end == s) {
        fprintf(stderr, "pcapmix: -%c wants a number, got '%s'\n", opt, s);
        exit(2);
    }
    return v;
}

/* "MIN-MAX" with MIN <= MAX <= RTP_MAX_PAYLOAD, or exit. */
static void range_arg(const char *s, uint16_t *lo, uint16_t *hi)
{
    char *end;
    errno = 0;
    unsigned long a = strtoul(s, &end, 10);
    int ok = !errno && end != s && *end == '-';
    unsigned long b = ok ? strtoul(end + 1, &end, 10) : 0;
    if (!ok || errno || *end || a > b || b > RTP_MAX_PAYLOAD) {
        fprintf(stderr, "pcapmix: -p wants MIN-MAX with MIN <= MAX <= %d, got '%s'\n",
                RTP_MAX_PAYLOAD, s);
        exit(2);
    }
    *lo = (uint16_t)a;
    *hi = (uint16_t)b;
}

int main(int argc, char **argv)
{
    const char *out_path = NULL;
    uint64_t size_mb = DEFAULT_SIZE_MB, copies = 0, duration_s = DEFAULT_DURATION_S;
    uint64_t pct_bulk = 70, pct_repl = 20, pct_short = 10, pct_syn = 75, seed = 1;
    uint64_t max_span_s = 0, pct_udp = 0, ack_every = DEFAULT_ACK_EVERY;
    uint16_t rtp_pmin = RTP_DEF_PMIN, rtp_pmax = RTP_DEF_PMAX;
    int opt;
    while ((opt = getopt(argc, argv, "o:s:c:d:B:R:F:U:y:a:p:m:x:h")) != -1) {
        switch (opt) {
        case 'o':
            out_path = optarg;
            break;
        case 's':
            size_mb = num_arg(optarg, opt);
            break;
        case 'c':
            copies = num_arg(optarg, opt);
            break;
        case 'd':
            duration_s = num_arg(optarg, opt);
            break;
        case 'B':
            pct_bulk = num_arg(optarg, opt);
            break;
        case 'R':
            pct_repl = num_arg(optarg, opt);
            break;
        case 'F':
            pct_short = num_arg(optarg, opt);
            break;
        case 'U':
            pct_udp = num_arg(optarg, opt);
            break;
        case 'y':
            pct_syn = num_arg(optarg, opt);
            break;
        case 'a':
            ack_every = num_arg(optarg, opt);
            break;
        case 'p':
            range_arg(optarg, &rtp_pmin, &rtp_pmax);
            break;
        case 'm':
            max_span_s = num_arg(optarg, opt);
            break;
        case 'x':
            seed = num_arg(optarg, opt);
            break;
        default:
            usage();
        }
    }
    if (!out_path || size_mb == 0 || duration_s == 0 || pct_syn > 100 || pct_bulk > MAX_PCT ||
        pct_repl > MAX_PCT || pct_short > MAX_PCT || pct_udp > MAX_PCT ||
        pct_bulk + pct_repl + pct_short + pct_udp == 0 || size_mb > 1000000 || duration_s > 86400 ||
        ack_every == 0 || ack_every > MAX_ACK_EVERY)
        usage();
    if (max_span_s == 0 || max_span_s > duration_s)
        max_span_s = duration_s / 4 ? duration_s / 4 : 1;
    rng_state = seed;
    for (size_t i = 0; i < POOL_SIZE; i += 8) {
        uint64_t r = rnd64();
        memcpy(pool + i, &r, 8);
    }

    /* inputs */
    int nin_arg = argc - optind;
    struct infile *files = calloc(nin_arg ? (size_t)nin_arg : 1, sizeof(*files));
    if (!files)
        return 1;
    size_t nfiles = 0;
    uint64_t in_bytes = 0;
    for (int i = optind; i < argc; i++) {
        if (infile_load(&files[nfiles], argv[i]) == 0)
            in_bytes += files[nfiles++].out_bytes;
    }

    uint64_t duration_us = duration_s * 1000000;
    uint64_t size = size_mb * MIB;
    uint64_t body = size > PCAP_FILE_HDR ? size - PCAP_FILE_HDR : 0;
    uint64_t pct_all = pct_bulk + pct_repl + pct_short + pct_udp;
    if (nfiles == 0 || pct_repl == 0) {
        copies = 0;
    } else if (copies == 0) {
        copies = (body * pct_repl / pct_all + in_bytes / 2) / in_bytes;
        if (copies == 0)
            copies = 1;
    }
    if (copies > 65535 / (nfiles ? nfiles : 1))
        copies = 65535 / (nfiles ? nfiles : 1); /* every (copy, file) needs its own shift */
    uint64_t repl_bytes = copies * in_bytes;
    uint64_t rest = body > repl_bytes ? body - repl_bytes : 0;
    /* Written so that -U 0 gives exactly the budgets of the three-class original. */
    uint64_t pct_rest = pct_bulk + pct_short + pct_udp;
    uint64_t bulk_budget = pct_rest ? rest * pct_bulk / pct_rest : 0;
    uint64_t udp_budget = pct_rest ? rest * pct_udp / pct_rest : 0;
    uint64_t short_budget = pct_rest ? rest - bulk_budget - udp_budget : 0;

    struct heap heap = {0};

    /* replicated streams: copy k of file i starts somewhere in its k-th slice of the span */
    struct stream *streams = calloc(copies * nfiles + 1, sizeof(*streams));
    if (!streams)
        return 1;
    size_t nstreams = 0;
    for (uint64_t k = 0; k < copies; k++) {
        for (size_t i = 0; i < nfiles; i++) {
            struct stream *s = &streams[nstreams];
            uint64_t span = files[i].span_us;
            uint64_t maxs = max_span_s * 1000000;
            s->file = (uint32_t)i;
            s->scale = span > maxs ? (double)maxs / (double)span : 1.0;
            uint64_t eff = span > maxs ? maxs : span;
            uint64_t room = duration_us > eff ? duration_us - eff : 0;
            s->start_us = (k * room + rnd_below(room + 1)) / copies;
            s->shift = (uint16_t)((k * nfiles + i) * 0x0101);
            heap_push(&heap,
                      (struct ev){.ts = s->start_us, .kind = EV_REPL, .idx = (uint32_t)nstreams});
            nstreams++;
        }
    }

    /* bulk flows, planned until their byte budget is used */
    size_t nbulk = 0, bulk_cap = 0;
    struct bulk *bulks = NULL;
    uint64_t planned = 0;
    while (planned + 64 * 1024 < bulk_budget) {
        if (nbulk == bulk_cap) {
            bulk_cap = bulk_cap ? bulk_cap * 2 : 256;
            bulks = xrealloc(bulks, bulk_cap * sizeof(*bulks));
        }
        struct bulk *b = &bulks[nbulk];
        bulk_plan(b, nbulk, duration_us, (uint32_t)ack_every);
        uint64_t bytes = bulk_bytes(b);
        if (planned + bytes > bulk_budget) {
            uint64_t over = planned + bytes - bulk_budget;
            /* each payload byte costs about (1514+16+41)/1448 output bytes */
            uint64_t ack_cost = (tcp_hdrlen(1) + PCAP_REC_HDR) / ack_every;
            uint64_t cut =
                over * MSS_PAYLOAD / (tcp_hdrlen(1) + MSS_PAYLOAD + PCAP_REC_HDR + ack_cost);
            b->total = b->total > cut + BULK_MIN_BYTES ? b->total - cut : BULK_MIN_BYTES;
            bytes = bulk_bytes(b);
        }
        planned += bytes;
        heap_push(&heap, (struct ev){.ts = b->start_us, .kind = EV_BULK, .idx = (uint32_t)nbulk});
        nbulk++;
    }

    /* UDP streams, planned until their byte budget is used; the last one is cut short */
    size_t nrtp = 0, rtp_cap = 0;
    struct rtp *rtps = NULL;
    uint64_t rtp_planned = 0;
    while (rtp_planned + 64 * 1024 < udp_budget) {
        if (nrtp == rtp_cap) {
            rtp_cap = rtp_cap ? rtp_cap * 2 : 256;
            rtps = xrealloc(rtps, rtp_cap * sizeof(*rtps));
        }
        struct rtp *r = &rtps[nrtp];
        rtp_plan(r, duration_us, rtp_pmin, rtp_pmax);
        uint64_t bytes = rtp_bytes(r, rtp_pmin, rtp_pmax);
        if (rtp_planned + bytes > udp_budget) {
            double keep = (double)(udp_budget - rtp_planned) / (double)bytes;
            r->left[0] = (uint64_t)((double)r->left[0] * keep);
            r->left[1] = (uint64_t)((double)r->left[1] * keep);
            bytes = rtp_bytes(r, rtp_pmin, rtp_pmax);
        }
        rtp_planned += bytes;
        uint64_t first = rtp_next(r, NULL);
        if (first != UINT64_MAX)
            heap_push(&heap, (struct ev){.ts = first, .kind = EV_UDP, .idx = (uint32_t)nrtp});
        nrtp++;
    }

    /* short flows: evenly spaced over the capture, each a SYN or a DNS exchange */
    double dns_avg = 0;
    for (unsigned d = 0; d < N_DOMAINS; d++)
        dns_avg += (double)(2 * (dns_query_len(d) + PCAP_REC_HDR) + 16) / N_DOMAINS;
    double short_avg = (double)pct_syn / 100 * (SYN_SCAN_FRAME + PCAP_REC_HDR) +
                       (1 - (double)pct_syn / 100) * dns_avg;
    uint64_t nshort = (uint64_t)((double)short_budget / short_avg);
    uint64_t short_gap = nshort ? duration_us * 1000 / nshort : 0; /* in ns */
    uint64_t short_i = 0, n_syn = 0, n_dns = 0;
    if (nshort)
        heap_push(&heap, (struct ev){.ts = 0, .kind = EV_SHORT});

    struct out o = {0};
    o.f = fopen(out_path, "wb");
    if (!o.f) {
        fprintf(stderr, "pcapmix: %s: %s\n", out_path, strerror(errno));
        return 1;
    }
    setvbuf(o.f, NULL, _IOFBF, 1 << 20);
    o.cap_bytes = body;
    uint8_t gh[PCAP_FILE_HDR] = {0};
    put32le(gh, 0xa1b2c3d4);
    gh[4] = 2;
    gh[6] = 4;
    put32le(gh + 16, OUT_SNAPLEN);
    put32le(gh + 20, 1);
    if (fwrite(gh, 1, sizeof(gh), o.f) != sizeof(gh)) {
        fprintf(stderr, "pcapmix: write failed\n");
        return 1;
    }

    static uint8_t frame[FRAME_MAX];
    while (heap.n && !o.full) {
        struct ev e = heap_pop(&heap);
        uint64_t next = UINT64_MAX;
        switch (e.kind) {
        case EV_REPL:
            next = stream_step(&streams[e.idx], files, e.ts, &o);
            break;
        case EV_BULK:
            next = bulk_step(&bulks[e.idx], e.ts, &o);
            break;
        case EV_UDP:
            next = rtp_step(&rtps[e.idx], e.ts, &o, rtp_pmin, rtp_pmax);
            break;
        case EV_DNS_RESP: {
            size_t n = dns_build(frame, 1, e.client, e.cport, e.txid, e.name, e.resolver);
            out_packet(&o, SRC_SHORT, e.ts, frame, (uint32_t)n, (uint32_t)n);
            break;
        }
        case EV_SHORT:
            if (rnd_below(100) < pct_syn) {
                struct tcpseg t = {0};
                t.s = 0xc612c800u | (uint32_t)rnd_below(N_SCANNERS); /* 198.18.200.x */
                t.d = 0x0a000000u | (uint32_t)rnd_below(1u << 24);
                t.sp = (uint16_t)(1024 + rnd_below(64000));
                t.dp = (uint16_t)(1 + rnd_below(65535));
                t.seq = (uint32_t)rnd64();
                t.flags = TH_SYN;
                t.id = (uint16_t)rnd64();
                t.ttl = 250;
                t.to_inside = 1;
                size_t n = tcp_build(frame, &t, 0);
                out_packet(&o, SRC_SHORT, e.ts, frame, (uint32_t)n, (uint32_t)n);
                n_syn++;
            } else {
                struct ev r = {.kind = EV_DNS_RESP};
                r.client = 0x0a000000u | (uint32_t)rnd_below(1u << 24);
                r.cport = (uint16_t)(1024 + rnd_below(64000));
                r.txid = (uint16_t)rnd64();
                r.name = (uint32_t)rnd64();
                r.resolver = (uint8_t)rnd_below(N_RESOLVERS);
                size_t n = dns_build(frame, 0, r.client, r.cport, r.txid, r.name, r.resolver);
                if (out_packet(&o, SRC_SHORT, e.ts, frame, (uint32_t)n, (uint32_t)n) == 0) {
                    r.ts = e.ts + 500 + rnd_below(30000);
                    heap_push(&heap, r);
                }
                n_dns++;
            }
            if (++short_i < nshort) {
                uint64_t base = short_i * short_gap / 1000;
                next = base + rnd_below(short_gap / 1000 + 1);
                if (next < e.ts)
                    next = e.ts;
            }
            break;
        }
        if (next != UINT64_MAX)
            heap_push(&heap, (struct ev){.ts = next, .kind = e.kind, .idx = e.idx});
    }
    if (fflush(o.f) != 0 || fclose(o.f) != 0) {
        fprintf(stderr, "pcapmix: %s: %s\n", out_path, strerror(errno));
        return 1;
    }

    for (size_t i = 0; i < nfiles; i++) {
        free(files[i].data);
        free(files[i].pkts);
    }
    free(files);
    free(streams);
    free(bulks);
    free(rtps);
    free(heap.v);
    size_t nflows = o.flows.n;
    free(o.flows.slot);

    printf("{\"file\":\"%s\",\"bytes\":%" PRIu64 ",\"packets\":%" PRIu64 ",\"flows\":%zu,"
           "\"seconds\":%.3f,\"truncated\":%d,"
           "\"bulk\":{\"flows\":%zu,\"packets\":%" PRIu64 ",\"bytes\":%" PRIu64 "},"
           "\"replicated\":{\"inputs\":%zu,\"copies\":%" PRIu64 ",\"packets\":%" PRIu64
           ",\"bytes\":%" PRIu64 "},"
           "\"short\":{\"syn\":%" PRIu64 ",\"dns\":%" PRIu64 ",\"packets\":%" PRIu64
           ",\"bytes\":%" PRIu64 "},"
           "\"udp\":{\"flows\":%zu,\"packets\":%" PRIu64 ",\"bytes\":%" PRIu64 "}}\n",
           out_path, o.bytes + PCAP_FILE_HDR, o.packets, nflows, (double)o.last_ts / 1e6, o.full,
           nbulk, o.src_packets[SRC_BULK], o.src_bytes[SRC_BULK], nfiles, copies,
           o.src_packets[SRC_REPL], o.src_bytes[SRC_REPL], n_syn, n_dns, o.src_packets[SRC_SHORT],
           o.src_bytes[SRC_SHORT], nrtp, o.src_packets[SRC_UDP], o.src_bytes[SRC_UDP]);
    return 0;
}
