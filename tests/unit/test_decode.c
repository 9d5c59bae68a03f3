/*
 * test_decode.c - decode_frame() on frames built byte by byte: every link
 * type, VLAN/QinQ/MPLS/PPPoE, IPv4 options/padding/fragments, IPv6 extension
 * headers and fragments, TCP/UDP/ICMP, and the tunnels (GRE, ERSPAN II/III,
 * VXLAN, GENEVE, IP-in-IP, nested). Every frame is also decoded at every
 * truncation length from a malloc of exactly that many bytes, so ASan sees
 * any read past caplen, and the truncated result is compared with the full one.
 *
 * decode_frame()'s fast path is held to its contract on every one of those
 * frames and truncations: whenever it takes one, the general walk agrees.
 *
 * Does not use pcap files: the golden tests do that. Set DECODE_SEED_DIR to a
 * directory to write each frame as a fuzz seed (first byte = link selector,
 * in the order of tests/fuzz/fuzz_decode.c).
 */
#include <stdlib.h>

#include "check.h"
#include "decode.h"
#include "util.h"

/* ---- frame builder ---------------------------------------------------- */

struct fb {
    uint8_t b[2048];
    uint32_t n;
};

static void put8(struct fb *f, uint8_t v)
{
    if (f->n < sizeof(f->b))
        f->b[f->n++] = v;
}

static void put16(struct fb *f, uint16_t v)
{
    put8(f, (uint8_t)(v >> 8));
    put8(f, (uint8_t)v);
}

static void put32(struct fb *f, uint32_t v)
{
    put16(f, (uint16_t)(v >> 16));
    put16(f, (uint16_t)v);
}

static void putn(struct fb *f, const void *p, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        put8(f, ((const uint8_t *)p)[i]);
}

static void fill(struct fb *f, uint8_t v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        put8(f, v);
}

static void set16(struct fb *f, uint32_t at, uint16_t v)
{
    f->b[at] = (uint8_t)(v >> 8);
    f->b[at + 1] = (uint8_t)v;
}

static void eth(struct fb *f, uint16_t type)
{
    static const uint8_t macs[12] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
                                     0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb};
    putn(f, macs, sizeof(macs));
    put16(f, type);
}

/* One VLAN tag (TCI) followed by the next ethertype. */
static void tag(struct fb *f, uint16_t tci, uint16_t type)
{
    put16(f, tci);
    put16(f, type);
}

/* IPv4 header with optlen bytes of NOP options; ip4_end() fills total length. */
static uint32_t ip4(struct fb *f, uint8_t proto, uint32_t src, uint32_t dst, uint16_t frag,
                    uint32_t optlen)
{
    uint32_t at = f->n;
    put8(f, (uint8_t)(0x40 | (5 + optlen / 4)));
    put8(f, 0);
    put16(f, 0);
    put16(f, 0x1234);
    put16(f, frag);
    put8(f, 64);
    put8(f, proto);
    put16(f, 0);
    put32(f, src);
    put32(f, dst);
    fill(f, 1, optlen);
    return at;
}

static void ip4_end(struct fb *f, uint32_t at)
{
    set16(f, at + 2, (uint16_t)(f->n - at));
}

static const uint8_t v6a[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0a};
static const uint8_t v6b[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0b};

static uint32_t ip6(struct fb *f, uint8_t nh, const uint8_t *src, const uint8_t *dst)
{
    uint32_t at = f->n;
    put32(f, 0x60000000);
    put16(f, 0);
    put8(f, nh);
    put8(f, 64);
    putn(f, src, 16);
    putn(f, dst, 16);
    return at;
}

static void ip6_end(struct fb *f, uint32_t at)
{
    set16(f, at + 4, (uint16_t)(f->n - at - 40));
}

/* Hop-by-hop / routing / destination options header of (len8 + 1) * 8 bytes. */
static void ext6(struct fb *f, uint8_t nh, uint8_t len8)
{
    put8(f, nh);
    put8(f, len8);
    fill(f, 0, (uint32_t)(len8 + 1) * 8 - 2);
}

static void frag6(struct fb *f, uint8_t nh, uint16_t offset, int more)
{
    put8(f, nh);
    put8(f, 0);
    put16(f, (uint16_t)(offset << 3 | (more ? 1 : 0)));
    put32(f, 0xcafe);
}

static uint32_t tcp(struct fb *f, uint16_t sp, uint16_t dp, uint32_t seq, uint32_t ack,
                    uint8_t flags, uint16_t win, uint32_t optlen)
{
    uint32_t at = f->n;
    put16(f, sp);
    put16(f, dp);
    put32(f, seq);
    put32(f, ack);
    put8(f, (uint8_t)((5 + optlen / 4) << 4));
    put8(f, flags);
    put16(f, win);
    put16(f, 0);
    put16(f, 0);
    fill(f, 1, optlen);
    return at;
}

static uint32_t udp(struct fb *f, uint16_t sp, uint16_t dp)
{
    uint32_t at = f->n;
    put16(f, sp);
    put16(f, dp);
    put16(f, 0);
    put16(f, 0);
    return at;
}

static void udp_end(struct fb *f, uint32_t at)
{
    set16(f, at + 4, (uint16_t)(f->n - at));
}

static void gre(struct fb *f, uint16_t flags, uint16_t proto, uint32_t key, uint32_t seq)
{
    put16(f, flags);
    put16(f, proto);
    if (flags & 0x8000)
        put32(f, 0xdead0000); /* checksum + reserved1 */
    if (flags & 0x2000)
        put32(f, key);
    if (flags & 0x1000)
        put32(f, seq);
}

static void vxlan(struct fb *f, uint8_t flags, uint32_t vni)
{
    put8(f, flags);
    fill(f, 0, 3);
    put32(f, vni << 8);
}

#define A4 0x0a000001u /* 10.0.0.1 */
#define B4 0xc0a80102u /* 192.168.1.2 */
#define C4 0xac100001u /* 172.16.0.1 */
#define D4 0xac100002u /* 172.16.0.2 */

static void mapped(uint8_t out[16], uint32_t a)
{
    memset(out, 0, 16);
    out[10] = out[11] = 0xff;
    out[12] = (uint8_t)(a >> 24);
    out[13] = (uint8_t)(a >> 16);
    out[14] = (uint8_t)(a >> 8);
    out[15] = (uint8_t)a;
}

#define CHECK_V4(field, a)          \
    do {                            \
        uint8_t exp_[16];           \
        mapped(exp_, a);            \
        CHECK_MEM(field, exp_, 16); \
    } while (0)

static const char payload5[5] = {'h', 'e', 'l', 'l', 'o'};

/* ---- truncation sweep --------------------------------------------------- */

/* Same order as links[] in tests/fuzz/fuzz_decode.c. */
static const int fuzz_links[] = {LINK_EN10MB,  LINK_LINUX_SLL, LINK_LINUX_SLL2, LINK_RAW,
                                 LINK_DLT_RAW, LINK_DLT_RAW14, LINK_IPV4,       LINK_IPV6,
                                 LINK_NULL,    LINK_LOOP};

static void dump_seed(const char *name, int link, const struct fb *f)
{
    const char *dir = getenv("DECODE_SEED_DIR");
    char path[512];
    uint8_t sel = 0;
    if (!dir)
        return;
    for (size_t i = 0; i < sizeof(fuzz_links) / sizeof(fuzz_links[0]); i++)
        if (fuzz_links[i] == link)
            sel = (uint8_t)i;
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return;
    fwrite(&sel, 1, 1, fp);
    fwrite(f->b, 1, f->n, fp);
    fclose(fp);
}

static int same_headers(const struct pkt *a, const struct pkt *b)
{
    return a->nvlan == b->nvlan && memcmp(a->vlan, b->vlan, sizeof(a->vlan)) == 0 &&
           a->tunnel == b->tunnel && a->ntunnel == b->ntunnel &&
           a->tunnel_has_id == b->tunnel_has_id && a->tunnel_id == b->tunnel_id &&
           a->ip_version == b->ip_version && memcmp(a->src, b->src, 16) == 0 &&
           memcmp(a->dst, b->dst, 16) == 0 && a->proto == b->proto &&
           a->is_fragment == b->is_fragment && a->l4_ok == b->l4_ok && a->sport == b->sport &&
           a->dport == b->dport && a->tcp_flags == b->tcp_flags && a->seq == b->seq &&
           a->ack == b->ack && a->win == b->win && a->payload_wirelen == b->payload_wirelen &&
           (a->l3 ? a->l3 - a->frame : -1) == (b->l3 ? b->l3 - b->frame : -1);
}

#define SW(cond)                                                      \
    do {                                                              \
        if (!(cond)) {                                                \
            fails++;                                                  \
            fprintf(stderr, "%s: caplen %u: %s\n", name, len, #cond); \
        }                                                             \
    } while (0)

/*
 * Decodes f at every caplen 0..n-1 from an exact-size heap copy. hdr_end is
 * the fewest bytes that give the full frame's result: shorter must give a
 * different result, longer the same; an OK truncated decode must describe
 * the same packet with payload and l3_len clipped to what was captured.
 */
static unsigned fast_answers; /* frames the fast path took, over every sweep */

/*
 * The fast path's contract: when it takes a frame, the walk gives the same
 * bytes; the peek takes exactly the frames the fast path takes, reads the
 * same flow fields, and decoding from it gives the same bytes again.
 */
static int fast_agrees(int link, const uint8_t *buf, uint32_t len, uint32_t wire)
{
    struct pkt a, b, c;
    struct pkt_peek t;
    int peeked = decode_peek(&t, NULL, link, buf, len);

    if (!decode_frame_fast(&a, NULL, link, buf, len, wire, 7))
        return !peeked;
    fast_answers++;
    return peeked && memcmp(a.src + 12, t.src4, 4) == 0 && memcmp(a.dst + 12, t.dst4, 4) == 0 &&
           a.sport == t.sport && a.dport == t.dport && a.proto == t.proto &&
           decode_frame_peeked(&c, &t, buf, len, wire, 7) == DECODE_OK &&
           memcmp(&a, &c, sizeof(a)) == 0 &&
           decode_frame_walk(&b, NULL, link, buf, len, wire, 7) == DECODE_OK &&
           memcmp(&a, &b, sizeof(a)) == 0;
}

static void sweep(const char *name, int link, const struct fb *f, uint32_t hdr_end)
{
    struct pkt full, t;
    int rfull = decode_frame(&full, NULL, link, f->b, f->n, f->n, 7);
    long pay_off = full.payload ? full.payload - f->b : -1;
    long l3_off = full.l3 ? full.l3 - f->b : -1;
    int fails = 0;

    dump_seed(name, link, f);
    for (uint32_t len = 0; len < f->n; len++) {
        uint8_t *buf = malloc(len ? len : 1);
        if (len)
            memcpy(buf, f->b, len);
        int r = decode_frame(&t, NULL, link, buf, len, f->n, 7);
        SW(r >= 0 && r < DECODE_RESULT_COUNT);
        SW(len < hdr_end ? r != rfull : r == rfull);
        SW(t.payload_len <= t.payload_wirelen);
        SW((t.payload == NULL) == (t.payload_len == 0));
        SW(fast_agrees(link, buf, len, f->n));
        if (t.payload)
            SW(t.payload >= buf && t.payload + t.payload_len <= buf + len);
        if (t.l3)
            SW(t.l3 >= buf && t.l3 + t.l3_len <= buf + len);
        if (r == DECODE_OK) {
            SW(same_headers(&t, &full));
            uint32_t want = 0;
            if (pay_off >= 0 && len > pay_off)
                want = MIN(full.payload_len, len - (uint32_t)pay_off);
            SW(t.payload_len == want);
            if (want)
                SW(t.payload == buf + pay_off);
            if (l3_off >= 0)
                SW(t.l3_len == MIN(full.l3_len, len - (uint32_t)l3_off));
        }
        free(buf);
    }
    CHECK_EQ(fails, 0);
}

static int dec(struct pkt *p, int link, const struct fb *f)
{
    return decode_frame(p, NULL, link, f->b, f->n, f->n, 1234);
}

/* ---- cases ------------------------------------------------------------- */

static void test_eth_ipv4_tcp(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x0800);
    uint32_t ip = ip4(&f, 6, A4, B4, 0x4000 /* DF */, 0);
    tcp(&f, 40000, 3333, 0x01020304, 0xa0b0c0d0, TCP_PSH | TCP_ACK, 501, 12);
    putn(&f, payload5, 5);
    ip4_end(&f, ip);

    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.ts_us, 1234);
    CHECK(p.frame == f.b);
    CHECK_EQ(p.caplen, f.n);
    CHECK_EQ(p.ip_version, 4);
    CHECK(p.l3 == f.b + 14);
    CHECK_EQ(p.l3_len, 20 + 32 + 5);
    CHECK_V4(p.src, A4);
    CHECK_V4(p.dst, B4);
    CHECK_EQ(p.proto, 6);
    CHECK_EQ(p.is_fragment, 0);
    CHECK_EQ(p.l4_ok, 1);
    CHECK_EQ(p.sport, 40000);
    CHECK_EQ(p.dport, 3333);
    CHECK_EQ(p.seq, 0x01020304);
    CHECK_EQ(p.ack, 0xa0b0c0d0);
    CHECK_EQ(p.tcp_flags, TCP_PSH | TCP_ACK);
    CHECK_EQ(p.win, 501);
    CHECK(p.payload == f.b + 14 + 20 + 32);
    CHECK_EQ(p.payload_len, 5);
    CHECK_EQ(p.payload_wirelen, 5);
    CHECK_MEM(p.payload, payload5, 5);
    CHECK_EQ(p.nvlan, 0);
    CHECK_EQ(p.tunnel, TUNNEL_NONE);
    CHECK_EQ(p.ntunnel, 0);
    sweep("eth_ipv4_tcp", LINK_EN10MB, &f, 14 + 20 + 32);

    /* the commonest frame takes the fast path, and only as Ethernet */
    struct pkt q;
    CHECK_EQ(decode_frame_fast(&q, NULL, LINK_EN10MB, f.b, f.n, f.n, 1234), 1);
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_MEM(&q, &p, sizeof(p));
    CHECK_EQ(decode_frame_fast(&q, NULL, LINK_RAW, f.b + 14, f.n - 14, f.n - 14, 0), 0);


    /* snaplen cut: payload is what was captured, wirelen what the header says */
    CHECK_EQ(decode_frame(&p, NULL, LINK_EN10MB, f.b, f.n - 3, f.n, 0), DECODE_OK);
    CHECK_EQ(p.l3_len, 20 + 32 + 2);
    CHECK_EQ(p.payload_len, 2);
    CHECK_EQ(p.payload_wirelen, 5);
}

static void test_ipv4_options_udp(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x0800);
    uint32_t ip = ip4(&f, 17, A4, B4, 0, 8);
    uint32_t u = udp(&f, 5353, 53);
    putn(&f, payload5, 5);
    udp_end(&f, u);
    ip4_end(&f, ip);

    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.l3_len, 28 + 8 + 5);
    CHECK_EQ(p.proto, 17);
    CHECK_EQ(p.l4_ok, 1);
    CHECK_EQ(p.sport, 5353);
    CHECK_EQ(p.dport, 53);
    CHECK(p.payload == f.b + 14 + 28 + 8);
    CHECK_EQ(p.payload_len, 5);
    CHECK_EQ(p.payload_wirelen, 5);
    sweep("ipv4_options_udp", LINK_EN10MB, &f, 14 + 28 + 8);
}

static void test_eth_padding(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x0800);
    uint32_t ip = ip4(&f, 6, A4, B4, 0, 0);
    tcp(&f, 1, 2, 3, 4, TCP_ACK, 5, 0);
    ip4_end(&f, ip);
    fill(&f, 0xee, 6); /* 54 -> 60 bytes minimum frame */

    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(f.n, 60);
    CHECK_EQ(p.l3_len, 40);
    CHECK_EQ(p.l4_ok, 1);
    CHECK(p.payload == NULL);
    CHECK_EQ(p.payload_len, 0);
    CHECK_EQ(p.payload_wirelen, 0);
    sweep("eth_padding", LINK_EN10MB, &f, 54);

    /* UDP whose length is shorter than the IP payload: UDP length wins */
    struct fb g = {0};
    eth(&g, 0x0800);
    ip = ip4(&g, 17, A4, B4, 0, 0);
    uint32_t u = udp(&g, 1000, 2000);
    putn(&g, payload5, 2);
    udp_end(&g, u);
    putn(&g, payload5, 3); /* inside IP, outside UDP */
    ip4_end(&g, ip);
    fill(&g, 0, 60 - g.n);
    CHECK_EQ(dec(&p, LINK_EN10MB, &g), DECODE_OK);
    CHECK_EQ(p.l3_len, 20 + 8 + 5);
    CHECK_EQ(p.payload_len, 2);
    CHECK_EQ(p.payload_wirelen, 2);
    CHECK(p.payload == g.b + 42);
    sweep("udp_trim", LINK_EN10MB, &g, 42);
}

static void test_vlan(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x8100);
    tag(&f, 0xa064, 0x0800); /* PCP 5, VID 100 */
    uint32_t ip = ip4(&f, 6, A4, B4, 0, 0);
    tcp(&f, 1234, 80, 1, 0, TCP_SYN, 1024, 0);
    ip4_end(&f, ip);

    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.nvlan, 1);
    CHECK_EQ(p.vlan[0], 100);
    CHECK(p.l3 == f.b + 18);
    CHECK_EQ(p.tcp_flags, TCP_SYN);
    CHECK_EQ(p.dport, 80);
    sweep("vlan", LINK_EN10MB, &f, 18 + 40);
}

static void test_qinq(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x88a8);
    tag(&f, 10, 0x9100);
    tag(&f, 20, 0x8100);
    tag(&f, 0x0fff, 0x86dd);
    uint32_t ip = ip6(&f, 17, v6a, v6b);
    uint32_t u = udp(&f, 1111, 2222);
    putn(&f, payload5, 5);
    udp_end(&f, u);
    ip6_end(&f, ip);

    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.nvlan, 3);
    CHECK_EQ(p.vlan[0], 10);
    CHECK_EQ(p.vlan[1], 20);
    CHECK_EQ(p.vlan[2], 4095);
    CHECK_EQ(p.ip_version, 6);
    CHECK_MEM(p.src, v6a, 16);
    CHECK_MEM(p.dst, v6b, 16);
    CHECK_EQ(p.payload_len, 5);
    CHECK(p.payload == f.b + 26 + 40 + 8);
    sweep("qinq", LINK_EN10MB, &f, 26 + 48);
}

static void test_too_many_vlan(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x8100);
    for (int i = 1; i <= 4; i++)
        tag(&f, (uint16_t)i, 0x8100);
    tag(&f, 5, 0x0800);
    uint32_t ip = ip4(&f, 6, A4, B4, 0, 0);
    tcp(&f, 1, 2, 3, 4, 0, 0, 0);
    ip4_end(&f, ip);

    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_TOO_MANY_VLAN);
    CHECK_EQ(p.nvlan, 4);
    CHECK_EQ(p.vlan[0], 1);
    CHECK_EQ(p.vlan[3], 4);
    CHECK_EQ(p.ip_version, 0);
    CHECK_EQ(p.l4_ok, 0);
    sweep("too_many_vlan", LINK_EN10MB, &f, 14 + 20);
}

static void test_mpls(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x8847);
    put32(&f, 100u << 12 | 64);         /* label 100, not bottom */
    put32(&f, 200u << 12 | 0x100 | 64); /* label 200, bottom of stack */
    uint32_t ip = ip4(&f, 17, A4, B4, 0, 0);
    uint32_t u = udp(&f, 1, 2);
    putn(&f, payload5, 5);
    udp_end(&f, u);
    ip4_end(&f, ip);

    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK(p.l3 == f.b + 22);
    CHECK_EQ(p.ip_version, 4);
    CHECK_EQ(p.payload_len, 5);
    sweep("mpls", LINK_EN10MB, &f, 22 + 28);

    /* IPv6 under MPLS multicast, then a pseudowire (nibble 0): not IP */
    struct fb g = {0};
    eth(&g, 0x8848);
    put32(&g, 0x100);
    ip = ip6(&g, 59, v6a, v6b);
    ip6_end(&g, ip);
    CHECK_EQ(dec(&p, LINK_EN10MB, &g), DECODE_OK);
    CHECK_EQ(p.ip_version, 6);
    CHECK_EQ(p.proto, 59);
    CHECK_EQ(p.l4_ok, 0);
    sweep("mpls_ipv6_nonext", LINK_EN10MB, &g, 18 + 40);

    struct fb h = {0};
    eth(&h, 0x8847);
    put32(&h, 0x100);
    put32(&h, 0); /* control word */
    CHECK_EQ(dec(&p, LINK_EN10MB, &h), DECODE_NOT_IP);

    struct fb k = {0};
    eth(&k, 0x8847);
    for (int i = 0; i < DECODE_MAX_MPLS + 1; i++)
        put32(&k, 0);
    CHECK_EQ(dec(&p, LINK_EN10MB, &k), DECODE_TOO_MANY_MPLS);
}

static void test_sll(void)
{
    struct fb f = {0};
    struct pkt p;
    put16(&f, 0);      /* packet type: to us */
    put16(&f, 1);      /* ARPHRD_ETHER */
    put16(&f, 6);      /* address length */
    fill(&f, 0xab, 8); /* address, padded */
    put16(&f, 0x0800);
    uint32_t ip = ip4(&f, 6, A4, B4, 0, 0);
    tcp(&f, 1, 2, 3, 4, TCP_ACK, 0, 0);
    putn(&f, payload5, 5);
    ip4_end(&f, ip);

    CHECK_EQ(dec(&p, LINK_LINUX_SLL, &f), DECODE_OK);
    CHECK(p.l3 == f.b + 16);
    CHECK(p.payload == f.b + 56);
    CHECK_EQ(p.payload_len, 5);
    sweep("sll", LINK_LINUX_SLL, &f, 56);
}

static void test_sll2(void)
{
    struct fb f = {0};
    struct pkt p;
    put16(&f, 0x86dd); /* protocol */
    put16(&f, 0);      /* reserved */
    put32(&f, 3);      /* ifindex */
    put16(&f, 1);      /* ARPHRD_ETHER */
    put8(&f, 4);       /* packet type: outgoing */
    put8(&f, 6);
    fill(&f, 0xab, 8);
    uint32_t ip = ip6(&f, 17, v6a, v6b);
    uint32_t u = udp(&f, 7, 8);
    putn(&f, payload5, 5);
    udp_end(&f, u);
    ip6_end(&f, ip);

    CHECK_EQ(dec(&p, LINK_LINUX_SLL2, &f), DECODE_OK);
    CHECK(p.l3 == f.b + 20);
    CHECK_EQ(p.l3_len, 40 + 8 + 5);
    CHECK_EQ(p.sport, 7);
    CHECK(p.payload == f.b + 68);
    sweep("sll2", LINK_LINUX_SLL2, &f, 68);
}

static void test_raw(void)
{
    struct fb f = {0}, g = {0};
    struct pkt p;
    uint32_t ip = ip4(&f, 6, A4, B4, 0, 0);
    tcp(&f, 1, 2, 3, 4, TCP_ACK, 0, 0);
    putn(&f, payload5, 5);
    ip4_end(&f, ip);
    ip = ip6(&g, 6, v6a, v6b);
    tcp(&g, 5, 6, 7, 8, TCP_FIN, 0, 0);
    putn(&g, payload5, 5);
    ip6_end(&g, ip);

    static const int links4[] = {LINK_RAW, LINK_DLT_RAW, LINK_DLT_RAW14, LINK_IPV4};
    static const int links6[] = {LINK_RAW, LINK_DLT_RAW, LINK_DLT_RAW14, LINK_IPV6};
    for (int i = 0; i < 4; i++) {
        CHECK_EQ(dec(&p, links4[i], &f), DECODE_OK);
        CHECK(p.l3 == f.b);
        CHECK_EQ(p.ip_version, 4);
        CHECK(p.payload == f.b + 40);
        CHECK_EQ(dec(&p, links6[i], &g), DECODE_OK);
        CHECK_EQ(p.ip_version, 6);
        CHECK_EQ(p.tcp_flags, TCP_FIN);
        CHECK(p.payload == g.b + 60);
    }
    sweep("raw_ipv4", LINK_RAW, &f, 40);
    sweep("raw_ipv6", LINK_DLT_RAW, &g, 60);
    sweep("linktype_ipv4", LINK_IPV4, &f, 40);
    sweep("linktype_ipv6", LINK_IPV6, &g, 60);

    /* the link says IPv4, the header says 6; and a nibble that is neither */
    CHECK_EQ(dec(&p, LINK_IPV4, &g), DECODE_BAD_IP_VERSION);
    f.b[0] = 0x55;
    CHECK_EQ(dec(&p, LINK_RAW, &f), DECODE_BAD_IP_VERSION);
}

static void test_null_loop(void)
{
    struct fb f = {0};
    struct pkt p;
    put32(&f, 0x02000000); /* AF_INET, little-endian host */
    uint32_t ip = ip4(&f, 17, A4, B4, 0, 0);
    uint32_t u = udp(&f, 9, 10);
    udp_end(&f, u);
    ip4_end(&f, ip);
    CHECK_EQ(dec(&p, LINK_NULL, &f), DECODE_OK);
    CHECK(p.l3 == f.b + 4);
    CHECK_EQ(p.dport, 10);
    sweep("null_le", LINK_NULL, &f, 32);

    set16(&f, 0, 0);
    set16(&f, 2, 2); /* AF_INET, big-endian host */
    CHECK_EQ(dec(&p, LINK_NULL, &f), DECODE_OK);
    CHECK_EQ(dec(&p, LINK_LOOP, &f), DECODE_OK);
    CHECK_EQ(p.dport, 10);
    sweep("loop", LINK_LOOP, &f, 32);
    set16(&f, 2, 7); /* AF_OSI or whatever: not IP */
    CHECK_EQ(dec(&p, LINK_NULL, &f), DECODE_NOT_IP);

    static const uint32_t af6[] = {24, 28, 30};
    for (int i = 0; i < 3; i++) {
        struct fb g = {0};
        put8(&g, (uint8_t)af6[i]); /* little-endian */
        fill(&g, 0, 3);
        ip = ip6(&g, 58, v6a, v6b);
        fill(&g, 0, 8);
        ip6_end(&g, ip);
        CHECK_EQ(dec(&p, LINK_NULL, &g), DECODE_OK);
        CHECK_EQ(p.ip_version, 6);
        CHECK_EQ(p.proto, 58);
        CHECK_EQ(p.l4_ok, 0);
        /* LOOP is network order only: 24 << 24 is no address family */
        CHECK_EQ(dec(&p, LINK_LOOP, &g), DECODE_NOT_IP);
        if (i == 0)
            sweep("null_ipv6", LINK_NULL, &g, 44);
    }
}

static void test_ipv6_ext(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x86dd);
    uint32_t ip = ip6(&f, 0, v6a, v6b);
    ext6(&f, 60, 0); /* hop-by-hop (8 bytes), next: destination options */
    ext6(&f, 43, 1); /* destination options (16 bytes), next: routing */
    ext6(&f, 51, 0); /* routing (8 bytes), next: AH */
    put8(&f, 6);     /* AH: next TCP */
    put8(&f, 4);     /* (4 + 2) * 4 = 24 bytes */
    fill(&f, 0, 22);
    tcp(&f, 443, 50000, 9, 10, TCP_ACK | TCP_PSH, 77, 0);
    putn(&f, payload5, 5);
    ip6_end(&f, ip);

    uint32_t hdrs = 14 + 40 + 8 + 16 + 8 + 24 + 20;
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.proto, 6);
    CHECK_EQ(p.l4_ok, 1);
    CHECK_EQ(p.sport, 443);
    CHECK_EQ(p.win, 77);
    CHECK_EQ(p.is_fragment, 0);
    CHECK(p.payload == f.b + hdrs);
    CHECK_EQ(p.payload_len, 5);
    CHECK_EQ(p.payload_wirelen, 5);
    CHECK_EQ(p.l3_len, f.n - 14);
    sweep("ipv6_ext", LINK_EN10MB, &f, hdrs);

    /* payload length that ends inside an extension header: the header lied */
    set16(&f, 14 + 4, 12);
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_BAD_IPV6);

    struct fb g = {0};
    eth(&g, 0x86dd);
    ip = ip6(&g, 60, v6a, v6b);
    for (int i = 0; i < DECODE_MAX_IPV6_EXT; i++)
        ext6(&g, 60, 0);
    ip6_end(&g, ip);
    CHECK_EQ(dec(&p, LINK_EN10MB, &g), DECODE_TOO_MANY_IPV6_EXT);
}

static void test_ipv6_fragment(void)
{
    struct fb f = {0}, g = {0};
    struct pkt p;
    eth(&f, 0x86dd);
    uint32_t ip = ip6(&f, 44, v6a, v6b);
    frag6(&f, 17, 0, 1);
    uint32_t u = udp(&f, 4000, 5000);
    putn(&f, payload5, 5);
    set16(&f, u + 4, 1000); /* the datagram is longer than this first fragment */
    ip6_end(&f, ip);

    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.is_fragment, 1);
    CHECK_EQ(p.proto, 17);
    CHECK_EQ(p.l4_ok, 1);
    CHECK_EQ(p.dport, 5000);
    CHECK_EQ(p.payload_len, 5);
    CHECK_EQ(p.payload_wirelen, 5);
    sweep("ipv6_frag_first", LINK_EN10MB, &f, 14 + 48 + 8);

    eth(&g, 0x86dd);
    ip = ip6(&g, 44, v6a, v6b);
    frag6(&g, 17, 185, 0);
    fill(&g, 0x41, 16);
    ip6_end(&g, ip);
    CHECK_EQ(dec(&p, LINK_EN10MB, &g), DECODE_OK);
    CHECK_EQ(p.is_fragment, 1);
    CHECK_EQ(p.proto, 17);
    CHECK_EQ(p.l4_ok, 0);
    CHECK_EQ(p.sport, 0);
    CHECK(p.payload == NULL);
    sweep("ipv6_frag_later", LINK_EN10MB, &g, 14 + 48);
}

static void test_ipv4_fragment(void)
{
    struct fb f = {0}, g = {0};
    struct pkt p;
    eth(&f, 0x0800);
    uint32_t ip = ip4(&f, 6, A4, B4, 0x2000 /* MF */, 0);
    tcp(&f, 1, 2, 3, 4, TCP_ACK, 0, 0);
    putn(&f, payload5, 5);
    ip4_end(&f, ip);
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.is_fragment, 1);
    CHECK_EQ(p.l4_ok, 1);
    CHECK_EQ(p.sport, 1);
    CHECK_EQ(p.payload_len, 5);
    sweep("ipv4_frag_first", LINK_EN10MB, &f, 54);

    eth(&g, 0x0800);
    ip = ip4(&g, 6, A4, B4, 185, 0); /* offset 1480, last fragment */
    fill(&g, 0x42, 30);
    ip4_end(&g, ip);
    CHECK_EQ(dec(&p, LINK_EN10MB, &g), DECODE_OK);
    CHECK_EQ(p.is_fragment, 1);
    CHECK_EQ(p.proto, 6);
    CHECK_EQ(p.l4_ok, 0);
    CHECK_EQ(p.sport, 0);
    CHECK(p.payload == NULL);
    CHECK_V4(p.src, A4);
    CHECK_EQ(p.l3_len, 50);
    sweep("ipv4_frag_later", LINK_EN10MB, &g, 34);
}

static void test_icmp_arp_pppoe(void)
{
    struct fb f = {0}, g = {0}, h = {0};
    struct pkt p;
    eth(&f, 0x0800);
    uint32_t ip = ip4(&f, 1, A4, B4, 0, 0);
    put32(&f, 0x08000000); /* echo request */
    put32(&f, 0x00010001);
    ip4_end(&f, ip);
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.proto, 1);
    CHECK_EQ(p.l4_ok, 0);
    CHECK_EQ(p.ip_version, 4);
    CHECK(p.payload == NULL);
    sweep("icmp", LINK_EN10MB, &f, 34);

    eth(&g, 0x0806);
    put16(&g, 1);
    put16(&g, 0x0800);
    put8(&g, 6);
    put8(&g, 4);
    put16(&g, 1);
    fill(&g, 0x11, 20);
    fill(&g, 0, 60 - g.n);
    CHECK_EQ(dec(&p, LINK_EN10MB, &g), DECODE_NOT_IP);
    CHECK_EQ(p.ip_version, 0);
    CHECK(p.l3 == NULL);
    sweep("arp", LINK_EN10MB, &g, 14);

    eth(&h, 0x8864);
    put8(&h, 0x11);
    put8(&h, 0);
    put16(&h, 0x0042);
    uint32_t len_at = h.n;
    put16(&h, 0);
    put16(&h, 0x0021);
    ip = ip4(&h, 17, A4, B4, 0, 0);
    uint32_t u = udp(&h, 1, 2);
    putn(&h, payload5, 5);
    udp_end(&h, u);
    ip4_end(&h, ip);
    set16(&h, len_at, (uint16_t)(h.n - len_at - 2));
    CHECK_EQ(dec(&p, LINK_EN10MB, &h), DECODE_OK);
    CHECK(p.l3 == h.b + 22);
    CHECK_EQ(p.payload_len, 5);
    sweep("pppoe", LINK_EN10MB, &h, 22 + 28);
}

static void test_gre_key_ipv4(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x0800);
    uint32_t o = ip4(&f, 47, A4, B4, 0, 0);
    gre(&f, 0x8000 | 0x2000 | 0x1000, 0x0800, 0xfeedbeef, 42); /* C, K, S: 16 bytes */
    uint32_t i = ip4(&f, 6, C4, D4, 0, 0);
    tcp(&f, 3000, 4000, 5, 6, TCP_ACK, 9, 0);
    putn(&f, payload5, 5);
    ip4_end(&f, i);
    ip4_end(&f, o);

    uint32_t inner = 14 + 20 + 16;
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.tunnel, TUNNEL_GRE);
    CHECK_EQ(p.ntunnel, 1);
    CHECK_EQ(p.tunnel_has_id, 1);
    CHECK_EQ(p.tunnel_id, 0xfeedbeef);
    CHECK(p.l3 == f.b + inner);
    CHECK_EQ(p.l3_len, 45);
    CHECK_V4(p.src, C4);
    CHECK_V4(p.dst, D4);
    CHECK_EQ(p.sport, 3000);
    CHECK_EQ(p.dport, 4000);
    CHECK(p.payload == f.b + inner + 40);
    CHECK_EQ(p.payload_len, 5);
    sweep("gre_key_ipv4", LINK_EN10MB, &f, inner + 40);

    /* inner TCP cut: the inner IP stands, the outer has no ports to leak */
    CHECK_EQ(decode_frame(&p, NULL, LINK_EN10MB, f.b, inner + 30, f.n, 0), DECODE_TRUNC_TCP);
    CHECK_V4(p.src, C4);
    CHECK_EQ(p.l4_ok, 0);
    /* GRE cut: the outer IP stands */
    CHECK_EQ(decode_frame(&p, NULL, LINK_EN10MB, f.b, 14 + 20 + 10, f.n, 0), DECODE_TRUNC_GRE);
    CHECK_V4(p.src, A4);
    CHECK_EQ(p.proto, 47);
    CHECK_EQ(p.ntunnel, 0);

    f.b[14 + 20] |= 0x40; /* routing present */
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_BAD_GRE);
    f.b[14 + 20] &= (uint8_t)~0x40;
    f.b[14 + 21] |= 0x01; /* version 1 */
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_BAD_GRE);
}

static void test_gre_teb(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x0800);
    uint32_t o = ip4(&f, 47, A4, B4, 0, 0);
    gre(&f, 0, 0x6558, 0, 0);
    eth(&f, 0x8100);
    tag(&f, 300, 0x86dd);
    uint32_t i = ip6(&f, 17, v6a, v6b);
    uint32_t u = udp(&f, 53, 9999);
    putn(&f, payload5, 5);
    udp_end(&f, u);
    ip6_end(&f, i);
    ip4_end(&f, o);

    uint32_t inner = 14 + 20 + 4 + 18;
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.tunnel, TUNNEL_GRE);
    CHECK_EQ(p.tunnel_has_id, 0);
    CHECK_EQ(p.nvlan, 1);
    CHECK_EQ(p.vlan[0], 300);
    CHECK_EQ(p.ip_version, 6);
    CHECK(p.l3 == f.b + inner);
    CHECK(p.payload == f.b + inner + 48);
    sweep("gre_teb", LINK_EN10MB, &f, inner + 48);
}

/* Outer Ethernet/IPv4/GRE(proto) for the ERSPAN cases; returns the outer IP offset. */
static uint32_t erspan_outer(struct fb *f, uint16_t gre_flags, uint16_t proto)
{
    eth(f, 0x0800);
    uint32_t o = ip4(f, 47, A4, B4, 0, 0);
    gre(f, gre_flags, proto, 0, 7);
    return o;
}

static uint32_t inner_eth_ipv4_tcp(struct fb *f)
{
    eth(f, 0x0800);
    uint32_t i = ip4(f, 6, C4, D4, 0, 0);
    tcp(f, 3333, 44444, 1, 2, TCP_ACK, 3, 0);
    putn(f, payload5, 5);
    ip4_end(f, i);
    return i;
}

static void test_erspan(void)
{
    struct pkt p;
    /* type II: GRE S flag, 8-byte header, session id low 10 bits */
    struct fb f = {0};
    uint32_t o = erspan_outer(&f, 0x1000, 0x88be);
    put16(&f, 0x1000 | 55); /* version 1, VLAN 55 */
    put16(&f, 0xfc00 | 0x3ab);
    put32(&f, 0);
    uint32_t i = inner_eth_ipv4_tcp(&f);
    ip4_end(&f, o);
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.tunnel, TUNNEL_ERSPAN);
    CHECK_EQ(p.tunnel_has_id, 1);
    CHECK_EQ(p.tunnel_id, 0x3ab);
    CHECK(p.l3 == f.b + i);
    CHECK_EQ(i, 14 + 20 + 8 + 8 + 14);
    CHECK_V4(p.src, C4);
    CHECK_EQ(p.dport, 44444);
    CHECK(p.payload == f.b + i + 40);
    sweep("erspan2", LINK_EN10MB, &f, i + 40);

    /* type I: no S flag, Ethernet right after GRE */
    struct fb g = {0};
    o = erspan_outer(&g, 0, 0x88be);
    i = inner_eth_ipv4_tcp(&g);
    ip4_end(&g, o);
    CHECK_EQ(dec(&p, LINK_EN10MB, &g), DECODE_OK);
    CHECK_EQ(p.tunnel, TUNNEL_ERSPAN);
    CHECK_EQ(p.tunnel_has_id, 0);
    CHECK(p.l3 == g.b + 14 + 20 + 4 + 14);
    sweep("erspan1", LINK_EN10MB, &g, i + 40);

    /* type III without and with the platform subheader */
    for (int oflag = 0; oflag <= 1; oflag++) {
        struct fb h = {0};
        o = erspan_outer(&h, 0x1000, 0x22eb);
        put16(&h, 0x2000 | 9);
        put16(&h, 0x0400 | 0x2a5);
        put32(&h, 0x11223344); /* timestamp */
        put16(&h, 0);          /* SGT */
        put8(&h, 0);
        put8(&h, (uint8_t)(0x02 | oflag)); /* granularity bits + O */
        if (oflag) {
            put32(&h, 0x0badf00d);
            put32(&h, 0x12345678);
        }
        i = inner_eth_ipv4_tcp(&h);
        ip4_end(&h, o);
        CHECK_EQ(dec(&p, LINK_EN10MB, &h), DECODE_OK);
        CHECK_EQ(p.tunnel, TUNNEL_ERSPAN);
        CHECK_EQ(p.tunnel_id, 0x2a5);
        CHECK_EQ(i, 14 + 20 + 8 + 12 + (oflag ? 8 : 0) + 14);
        CHECK(p.l3 == h.b + i);
        CHECK_V4(p.dst, D4);
        CHECK_EQ(p.payload_len, 5);
        sweep(oflag ? "erspan3_sub" : "erspan3", LINK_EN10MB, &h, i + 40);
        /* cut inside the ERSPAN header */
        CHECK_EQ(
            decode_frame(&p, NULL, LINK_EN10MB, h.b, 14 + 20 + 8 + 12 + (oflag ? 4 : -1), h.n, 0),
            DECODE_TRUNC_ERSPAN);
        CHECK_V4(p.src, A4);
    }
}

static void test_vxlan(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x8100);
    tag(&f, 7, 0x0800);
    uint32_t o = ip4(&f, 17, A4, B4, 0, 0);
    uint32_t u = udp(&f, 51000, 4789);
    vxlan(&f, 0x08, 0x123456);
    eth(&f, 0x8100);
    tag(&f, 42, 0x0800);
    uint32_t i = ip4(&f, 6, C4, D4, 0, 0);
    tcp(&f, 22, 60000, 100, 200, TCP_ACK, 300, 0);
    putn(&f, payload5, 5);
    ip4_end(&f, i);
    udp_end(&f, u);
    ip4_end(&f, o);

    CHECK_EQ(i, 18 + 20 + 8 + 8 + 18);
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.nvlan, 2);
    CHECK_EQ(p.vlan[0], 7);
    CHECK_EQ(p.vlan[1], 42);
    CHECK_EQ(p.tunnel, TUNNEL_VXLAN);
    CHECK_EQ(p.ntunnel, 1);
    CHECK_EQ(p.tunnel_has_id, 1);
    CHECK_EQ(p.tunnel_id, 0x123456);
    CHECK(p.l3 == f.b + i);
    CHECK_EQ(p.l3_len, 45);
    CHECK_V4(p.src, C4);
    CHECK_V4(p.dst, D4);
    CHECK_EQ(p.proto, 6);
    CHECK_EQ(p.sport, 22);
    CHECK_EQ(p.dport, 60000);
    CHECK_EQ(p.seq, 100);
    CHECK(p.payload == f.b + i + 40);
    CHECK_EQ(p.payload_len, 5);
    CHECK_EQ(p.payload_wirelen, 5);
    sweep("vxlan_vlan", LINK_EN10MB, &f, i + 40);

    /* VXLAN header cut: TRUNC_VXLAN, the outer UDP packet is described */
    CHECK_EQ(decode_frame(&p, NULL, LINK_EN10MB, f.b, 18 + 28 + 5, f.n, 0), DECODE_TRUNC_VXLAN);
    CHECK_V4(p.src, A4);
    CHECK_EQ(p.l4_ok, 1);
    CHECK_EQ(p.dport, 4789);
    CHECK_EQ(p.ntunnel, 0);
    CHECK_EQ(p.nvlan, 1);

    f.b[18 + 28] = 0x00; /* I flag missing */
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_BAD_VXLAN);

    /* the port is configuration: 8472 (Linux default) only when listed */
    f.b[18 + 28] = 0x08;
    set16(&f, 18 + 22, 8472);
    struct decode_cfg cfg;
    decode_cfg_default(&cfg);
    CHECK_EQ(decode_frame(&p, &cfg, LINK_EN10MB, f.b, f.n, f.n, 0), DECODE_OK);
    CHECK_EQ(p.tunnel, TUNNEL_NONE);
    CHECK_EQ(p.dport, 8472);
    cfg.vxlan_ports[1] = 8472;
    CHECK_EQ(decode_frame(&p, &cfg, LINK_EN10MB, f.b, f.n, f.n, 0), DECODE_OK);
    CHECK_EQ(p.tunnel, TUNNEL_VXLAN);
    CHECK_EQ(p.dport, 60000);
}

static void test_geneve(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x86dd);
    uint32_t o = ip6(&f, 17, v6a, v6b);
    uint32_t u = udp(&f, 12345, 6081);
    put8(&f, 2); /* version 0, 2 words of options */
    put8(&f, 0);
    put16(&f, 0x6558);
    put32(&f, 0xabcdef00);
    put16(&f, 0x0102); /* option class */
    put8(&f, 0x80);    /* type */
    put8(&f, 1);       /* 1 word of data */
    put32(&f, 0xdeadbeef);
    eth(&f, 0x0800);
    uint32_t i = ip4(&f, 17, C4, D4, 0, 0);
    uint32_t iu = udp(&f, 1000, 53);
    putn(&f, payload5, 5);
    udp_end(&f, iu);
    ip4_end(&f, i);
    udp_end(&f, u);
    ip6_end(&f, o);

    CHECK_EQ(i, 14 + 40 + 8 + 16 + 14);
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.tunnel, TUNNEL_GENEVE);
    CHECK_EQ(p.tunnel_id, 0xabcdef);
    CHECK_EQ(p.ip_version, 4);
    CHECK_V4(p.src, C4);
    CHECK_EQ(p.dport, 53);
    CHECK(p.payload == f.b + i + 28);
    CHECK_EQ(p.payload_len, 5);
    sweep("geneve_opts", LINK_EN10MB, &f, i + 28);

    CHECK_EQ(decode_frame(&p, NULL, LINK_EN10MB, f.b, 14 + 48 + 12, f.n, 0), DECODE_TRUNC_GENEVE);
    CHECK_EQ(p.ip_version, 6);
    CHECK_EQ(p.dport, 6081);
    f.b[14 + 48] |= 0x40; /* version 1 */
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_BAD_GENEVE);

    struct decode_cfg cfg;
    decode_cfg_default(&cfg);
    cfg.geneve_port = 0; /* off */
    CHECK_EQ(decode_frame(&p, &cfg, LINK_EN10MB, f.b, f.n, f.n, 0), DECODE_OK);
    CHECK_EQ(p.tunnel, TUNNEL_NONE);
}

static void test_nested_vxlan_in_gre(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x0800);
    uint32_t o = ip4(&f, 47, A4, B4, 0, 0);
    gre(&f, 0x2000, 0x0800, 99, 0);
    uint32_t m = ip4(&f, 17, B4, A4, 0, 0);
    uint32_t u = udp(&f, 40000, 4789);
    vxlan(&f, 0x08, 5);
    eth(&f, 0x8100);
    tag(&f, 11, 0x0800);
    uint32_t i = ip4(&f, 6, C4, D4, 0, 0);
    tcp(&f, 8080, 1025, 1, 1, TCP_ACK, 1, 0);
    putn(&f, payload5, 5);
    ip4_end(&f, i);
    udp_end(&f, u);
    ip4_end(&f, m);
    ip4_end(&f, o);

    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.tunnel, TUNNEL_GRE);
    CHECK_EQ(p.ntunnel, 2);
    CHECK_EQ(p.tunnel_has_id, 1);
    CHECK_EQ(p.tunnel_id, 99);
    CHECK_EQ(p.nvlan, 1);
    CHECK_EQ(p.vlan[0], 11);
    CHECK(p.l3 == f.b + i);
    CHECK_V4(p.src, C4);
    CHECK_EQ(p.sport, 8080);
    CHECK(p.payload == f.b + i + 40);
    sweep("vxlan_in_gre", LINK_EN10MB, &f, i + 40);
}

static void test_ipip_and_limits(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x0800);
    uint32_t o = ip4(&f, 41, A4, B4, 0, 0);
    uint32_t i = ip6(&f, 6, v6a, v6b);
    tcp(&f, 1, 2, 3, 4, TCP_RST, 0, 0);
    ip6_end(&f, i);
    ip4_end(&f, o);
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.tunnel, TUNNEL_IPIP);
    CHECK_EQ(p.ntunnel, 1);
    CHECK_EQ(p.tunnel_has_id, 0);
    CHECK_EQ(p.ip_version, 6);
    CHECK_EQ(p.tcp_flags, TCP_RST);
    sweep("ip6_in_ip4", LINK_EN10MB, &f, 14 + 20 + 60);

    /* IPv4-in-IPv4 nested past DECODE_MAX_TUNNEL */
    struct fb g = {0};
    uint32_t at[DECODE_MAX_TUNNEL + 2];
    for (int k = 0; k < DECODE_MAX_TUNNEL + 1; k++)
        at[k] = ip4(&g, 4, A4 + (uint32_t)k, B4, 0, 0);
    at[DECODE_MAX_TUNNEL + 1] = ip4(&g, 17, C4, D4, 0, 0);
    uint32_t u = udp(&g, 1, 2);
    udp_end(&g, u);
    for (int k = DECODE_MAX_TUNNEL + 1; k >= 0; k--)
        ip4_end(&g, at[k]);
    CHECK_EQ(dec(&p, LINK_RAW, &g), DECODE_TOO_MANY_TUNNELS);
    CHECK_EQ(p.ntunnel, DECODE_MAX_TUNNEL);
    CHECK_V4(p.src, A4 + DECODE_MAX_TUNNEL);
    /* one layer fewer decodes */
    CHECK_EQ(decode_frame(&p, NULL, LINK_RAW, g.b + 20, g.n - 20, g.n - 20, 0), DECODE_OK);
    CHECK_EQ(p.ntunnel, DECODE_MAX_TUNNEL);
    CHECK_V4(p.src, C4);
    CHECK_EQ(p.dport, 2);
}

static void test_bad_headers(void)
{
    struct fb f = {0};
    struct pkt p;
    eth(&f, 0x0800);
    uint32_t ip = ip4(&f, 6, A4, B4, 0, 0);
    uint32_t t = tcp(&f, 1, 2, 3, 4, TCP_ACK, 0, 0);
    putn(&f, payload5, 5);
    ip4_end(&f, ip);

    f.b[ip] = 0x44; /* IHL 4 */
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_BAD_IPV4);
    f.b[ip] = 0x45;
    set16(&f, ip + 2, 19); /* total length below the header */
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_BAD_IPV4);
    set16(&f, ip + 2, 30); /* ends inside the TCP header */
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_BAD_TCP);
    set16(&f, ip + 2, 0); /* TSO: the capture decides */
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.payload_len, 5);
    CHECK_EQ(p.payload_wirelen, 5);
    set16(&f, ip + 2, 45);
    f.b[t + 12] = 0x40; /* data offset 4 */
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_BAD_TCP);
    f.b[t + 12] = 0xf0; /* 60 bytes: past the IP payload */
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_BAD_TCP);
    f.b[t + 12] = 0x50;
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    /* the header promises more than was captured: truncation, not a bad header */
    set16(&f, ip + 2, 1500);
    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(p.l3_len, 45);
    CHECK_EQ(p.payload_len, 5);
    CHECK_EQ(p.payload_wirelen, 1460);

    struct fb g = {0};
    eth(&g, 0x0800);
    ip = ip4(&g, 17, A4, B4, 0, 0);
    uint32_t u = udp(&g, 1, 2);
    putn(&g, payload5, 5);
    ip4_end(&g, ip);
    set16(&g, u + 4, 7);
    CHECK_EQ(dec(&p, LINK_EN10MB, &g), DECODE_BAD_UDP);
    set16(&g, u + 4, 14); /* longer than the IP payload, not a fragment */
    CHECK_EQ(dec(&p, LINK_EN10MB, &g), DECODE_BAD_UDP);
    set16(&g, u + 4, 13);
    CHECK_EQ(dec(&p, LINK_EN10MB, &g), DECODE_OK);

    CHECK_EQ(dec(&p, 9999, &g), DECODE_UNSUPPORTED_LINK);
    CHECK_EQ(decode_frame(&p, NULL, LINK_EN10MB, g.b, 0, 0, 0), DECODE_TRUNC_L2);
}

static void test_no_stale_fields(void)
{
    struct fb f = {0}, g = {0};
    struct pkt p;
    eth(&f, 0x8100);
    tag(&f, 5, 0x0800);
    uint32_t ip = ip4(&f, 6, A4, B4, 0, 0);
    tcp(&f, 1, 2, 3, 4, TCP_ACK, 0, 0);
    putn(&f, payload5, 5);
    ip4_end(&f, ip);
    eth(&g, 0x0806);
    fill(&g, 0, 46);

    CHECK_EQ(dec(&p, LINK_EN10MB, &f), DECODE_OK);
    CHECK_EQ(dec(&p, LINK_EN10MB, &g), DECODE_NOT_IP);
    CHECK_EQ(p.nvlan, 0);
    CHECK_EQ(p.vlan[0], 0);
    CHECK_EQ(p.ip_version, 0);
    CHECK_EQ(p.l4_ok, 0);
    CHECK_EQ(p.sport, 0);
    CHECK_EQ(p.seq, 0);
    CHECK(p.payload == NULL);
    CHECK(p.l3 == NULL);
    CHECK_EQ(p.payload_len, 0);
}

static void test_names_and_links(void)
{
    CHECK_STR(decode_result_name(DECODE_OK), "ok");
    CHECK_STR(decode_result_name(DECODE_TRUNC_TCP), "truncated_tcp");
    CHECK_STR(decode_result_name(DECODE_TOO_MANY_TUNNELS), "too_many_tunnels");
    CHECK_STR(decode_result_name(-1), "unknown");
    CHECK_STR(decode_result_name(DECODE_RESULT_COUNT), "unknown");
    int named = 0;
    for (int r = 0; r < DECODE_RESULT_COUNT; r++)
        named += decode_result_name(r) != NULL && strcmp(decode_result_name(r), "unknown") != 0;
    CHECK_EQ(named, DECODE_RESULT_COUNT);

    static const int yes[] = {0, 1, 12, 14, 101, 108, 113, 228, 229, 276};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        CHECK_EQ(decode_link_supported(yes[i]), 1);
    CHECK_EQ(decode_link_supported(105), 0); /* 802.11 */
    CHECK_EQ(decode_link_supported(127), 0); /* radiotap */
    CHECK_EQ(decode_link_supported(-1), 0);

    struct decode_cfg cfg;
    memset(&cfg, 0xff, sizeof(cfg));
    decode_cfg_default(&cfg);
    CHECK_EQ(cfg.vxlan_ports[0], 4789);
    CHECK_EQ(cfg.vxlan_ports[1], 0);
    CHECK_EQ(cfg.vxlan_ports[DECODE_MAX_VXLAN_PORTS - 1], 0);
    CHECK_EQ(cfg.geneve_port, 6081);
}

int main(void)
{
    test_eth_ipv4_tcp();
    test_ipv4_options_udp();
    test_eth_padding();
    test_vlan();
    test_qinq();
    test_too_many_vlan();
    test_mpls();
    test_sll();
    test_sll2();
    test_raw();
    test_null_loop();
    test_ipv6_ext();
    test_ipv6_fragment();
    test_ipv4_fragment();
    test_icmp_arp_pppoe();
    test_gre_key_ipv4();
    test_gre_teb();
    test_erspan();
    test_vxlan();
    test_geneve();
    test_nested_vxlan_in_gre();
    test_ipip_and_limits();
    test_bad_headers();
    test_no_stale_fields();
    test_names_and_links();
    /* the sweeps include plain Ethernet/IPv4 TCP and UDP frames: the fast path takes some */
    CHECK(fast_answers > 0);
    return check_done();
}
