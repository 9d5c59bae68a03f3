/*
 * test_flow.c - unit tests for the flow table (sensor/flow.c).
 *
 * Packets are built by hand as struct pkt (not decoded), so these tests pin
 * the table alone: key normalisation, orientation rules 1-3 and late SYN
 * re-orientation, VLAN/tunnel zones, id striding, per-class timeouts at their
 * exact boundary, oldest-first eviction and shutdown order, counters, a
 * 1,000,000-flow churn through a 10,000-flow pool and bucket-chain lengths,
 * and eviction that spares protected flows (flow_protected()): oldest
 * unprotected first, flows protected after their last packet moved at
 * eviction time, the bounded scan, exact expiry on both lists, and a
 * 1,000,000-flow SYN scan that evicts none of 100 protected flows.
 * It does not test decode.c or the engine state stored in struct flow.
 */
#include <errno.h>
#include <stdlib.h>

#include "check.h"
#include "flow.h"
#include "util.h"

#define TCP  6
#define UDP  17
#define ICMP 1

/* What on_end saw, in order. */
#define REC_MAX 64
struct rec {
    unsigned n;
    uint64_t id[REC_MAX];
    int reason[REC_MAX];
    uint64_t last_ts[REC_MAX];
    uint16_t cli_port[REC_MAX];
    int bad; /* on_end got a flow not in use */
    uint64_t total;
};

static void rec_end(struct flow *f, int reason, void *ctx)
{
    struct rec *r = ctx;
    if (!f->in_use)
        r->bad++;
    r->total++;
    if (r->n < REC_MAX) {
        r->id[r->n] = f->id;
        r->reason[r->n] = reason;
        r->last_ts[r->n] = f->last_ts;
        r->cli_port[r->n] = flow_cli_port(f);
        r->n++;
    }
}

static void cfg_default(struct flow_table_cfg *c, uint32_t max_flows)
{
    memset(c, 0, sizeof(*c));
    c->max_flows = max_flows;
    c->hash_seed = 0x1234567890abcdefull;
    c->timeout_s[FLOW_TC_TCP_NEW] = 10;
    c->timeout_s[FLOW_TC_TCP_EST] = 100;
    c->timeout_s[FLOW_TC_TCP_CLOSED] = 5;
    c->timeout_s[FLOW_TC_UDP] = 30;
    c->timeout_s[FLOW_TC_OTHER] = 20;
    c->nworkers = 1;
}

static void addr4(uint8_t a[16], uint32_t v4)
{
    memset(a, 0, 16);
    a[10] = a[11] = 0xff;
    a[12] = (uint8_t)(v4 >> 24);
    a[13] = (uint8_t)(v4 >> 16);
    a[14] = (uint8_t)(v4 >> 8);
    a[15] = (uint8_t)v4;
}

/* An IPv4 L4 packet from src:sport to dst:dport at second `ts_s`. */
static struct pkt pkt4(uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport, uint8_t proto,
                       uint8_t tcp_flags, uint64_t ts_us, uint32_t payload_len)
{
    struct pkt p;
    memset(&p, 0, sizeof(p));
    p.ts_us = ts_us;
    p.ip_version = 4;
    addr4(p.src, src);
    addr4(p.dst, dst);
    p.proto = proto;
    p.l4_ok = proto == TCP || proto == UDP;
    p.sport = sport;
    p.dport = dport;
    p.tcp_flags = tcp_flags;
    p.payload_len = payload_len;
    p.wirelen = 54 + payload_len;
    return p;
}

#define S(x) ((uint64_t)(x)*1000000ull)
#define A    0x0a000001u /* 10.0.0.1 */
#define B    0x0a000002u /* 10.0.0.2 */
#define C    0xc0a80101u /* 192.168.1.1 */

/* A flow's pool index + 1, the way the lists store it. */
static uint32_t flow_idx_of(const struct flow_table *ft, const struct flow *f)
{
    return (uint32_t)(f - ft->pool) + 1;
}

static void test_init_errors(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;

    cfg_default(&c, 0);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), -EINVAL);
    cfg_default(&c, (1u << 30) + 1);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), -EINVAL);
    cfg_default(&c, 16);
    c.worker = 4;
    c.nworkers = 4;
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), -EINVAL);

    cfg_default(&c, 100);
    c.nworkers = 0; /* treated as one worker */
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
    CHECK_EQ(ft.nbuckets, 1024);
    CHECK_EQ(flow_table_memory(&ft), 100 * sizeof(struct flow) + 1024 * sizeof(uint32_t));
    flow_table_destroy(&ft);

    cfg_default(&c, 3000);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
    CHECK_EQ(ft.nbuckets, 8192); /* the power of two at or above twice max_flows */
    flow_table_destroy(&ft);
}

static void test_both_directions(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    int dir = -1;

    cfg_default(&c, 64);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);

    struct pkt p1 = pkt4(A, 50000, B, 80, TCP, TCP_SYN, S(1), 0);
    struct pkt p2 = pkt4(B, 80, A, 50000, TCP, TCP_SYN | TCP_ACK, S(1) + 10, 0);
    struct pkt p3 = pkt4(A, 50000, B, 80, TCP, TCP_ACK | TCP_PSH, S(1) + 20, 100);
    struct flow *f1 = flow_packet(&ft, &p1, &dir);
    CHECK(f1 != NULL);
    CHECK_EQ(dir, 0);
    struct flow *f2 = flow_packet(&ft, &p2, &dir);
    CHECK(f1 == f2);
    CHECK_EQ(dir, 1);
    struct flow *f3 = flow_packet(&ft, &p3, &dir);
    CHECK(f1 == f3);
    CHECK_EQ(dir, 0);
    CHECK_EQ(ft.st.created, 1);
    CHECK_EQ(ft.st.active, 1);
    CHECK_EQ(f1->pkts[0], 2);
    CHECK_EQ(f1->pkts[1], 1);
    CHECK_EQ(f1->bytes[0], 54 + 54 + 100);
    CHECK_EQ(f1->bytes[1], 54);
    CHECK_EQ(f1->first_ts, S(1));
    CHECK_EQ(f1->last_ts, S(1) + 20);
    CHECK_EQ(flow_cli_port(f1), 50000);
    CHECK_EQ(flow_srv_port(f1), 80);
    CHECK_MEM(flow_cli_addr(f1), p1.src, 16);
    CHECK_MEM(flow_srv_addr(f1), p1.dst, 16);
    CHECK_EQ(f1->flags, FLOW_F_SYN | FLOW_F_SYNACK | FLOW_F_PAYLOAD);
    CHECK_EQ(f1->tclass, FLOW_TC_TCP_EST);
    CHECK_EQ(f1->dissector, -1);
    CHECK(f1->ndpi == NULL && f1->stream == NULL && f1->dstate == NULL);

    /* Same addresses, other proto / other port: other flows. */
    struct pkt u = pkt4(A, 50000, B, 80, UDP, 0, S(2), 10);
    struct flow *fu = flow_packet(&ft, &u, &dir);
    CHECK(fu != f1);
    struct pkt p4 = pkt4(A, 50001, B, 80, TCP, TCP_SYN, S(2), 0);
    CHECK(flow_packet(&ft, &p4, &dir) != f1);
    CHECK_EQ(ft.st.created, 3);

    /* IPv6, both directions; an address that differs only in its last byte. */
    struct pkt v6a, v6b;
    memset(&v6a, 0, sizeof(v6a));
    v6a.ts_us = S(3);
    v6a.ip_version = 6;
    memcpy(v6a.src, "\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x09", 16);
    memcpy(v6a.dst, "\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16);
    v6a.proto = UDP;
    v6a.l4_ok = 1;
    v6a.sport = 5353;
    v6a.dport = 53;
    v6a.wirelen = 90;
    v6b = v6a;
    memcpy(v6b.src, v6a.dst, 16);
    memcpy(v6b.dst, v6a.src, 16);
    v6b.sport = 53;
    v6b.dport = 5353;
    v6b.wirelen = 200;
    struct flow *g1 = flow_packet(&ft, &v6a, &dir);
    CHECK_EQ(dir, 0);
    struct flow *g2 = flow_packet(&ft, &v6b, &dir);
    CHECK(g1 == g2);
    CHECK_EQ(dir, 1);
    CHECK_EQ(g1->key.ip_version, 6);
    CHECK_EQ(g1->tclass, FLOW_TC_UDP);
    CHECK_EQ(flow_srv_port(g1), 53);
    CHECK_MEM(flow_srv_addr(g1), v6a.dst, 16);
    CHECK_EQ(g1->bytes[0], 90);
    CHECK_EQ(g1->bytes[1], 200);
    /* Side 0 of the key is the lower address. */
    CHECK_MEM(g1->key.addr[0], v6a.dst, 16);
    CHECK_EQ(g1->key.port[0], 53);

    /* Same address both sides: the port decides, still one flow. */
    struct pkt l1 = pkt4(A, 40000, A, 40001, UDP, 0, S(4), 1);
    struct pkt l2 = pkt4(A, 40001, A, 40000, UDP, 0, S(4), 1);
    struct flow *h1 = flow_packet(&ft, &l1, &dir);
    CHECK_EQ(dir, 0);
    CHECK(flow_packet(&ft, &l2, &dir) == h1);
    CHECK_EQ(dir, 1);

    /* ICMP and fragments: ports are ignored even if the struct holds junk. */
    struct pkt i1 = pkt4(A, 0, C, 0, ICMP, 0, S(5), 56);
    i1.sport = 1234; /* l4_ok is 0: must not be read */
    struct pkt i2 = pkt4(C, 0, A, 0, ICMP, 0, S(5) + 1, 56);
    i2.sport = 999;
    struct flow *k1 = flow_packet(&ft, &i1, &dir);
    CHECK_EQ(dir, 0);
    CHECK(flow_packet(&ft, &i2, &dir) == k1);
    CHECK_EQ(dir, 1);
    CHECK_EQ(k1->key.port[0], 0);
    CHECK_EQ(k1->key.port[1], 0);
    CHECK_EQ(k1->tclass, FLOW_TC_OTHER);

    /* A TCP fragment (no L4) is its own port-less flow. */
    struct pkt fr = pkt4(A, 50000, B, 80, TCP, 0, S(6), 0);
    fr.l4_ok = 0;
    fr.is_fragment = 1;
    struct flow *ff = flow_packet(&ft, &fr, &dir);
    CHECK(ff != NULL && ff != f1);
    CHECK_EQ(ff->key.port[0] | ff->key.port[1], 0);

    /* No IP: no flow. */
    struct pkt n;
    memset(&n, 0, sizeof(n));
    CHECK(flow_packet(&ft, &n, &dir) == NULL);
    n.ip_version = 5;
    CHECK(flow_packet(&ft, &n, &dir) == NULL);

    flow_table_destroy(&ft);
}

static void test_orientation(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    struct flow *f;
    int dir = -1;

    cfg_default(&c, 64);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);

    /* Rule 1: a pure SYN's sender is the client, whatever the ports say. */
    struct pkt p = pkt4(A, 80, B, 50000, TCP, TCP_SYN, S(1), 0);
    f = flow_packet(&ft, &p, &dir);
    CHECK_EQ(dir, 0);
    CHECK_EQ(flow_cli_port(f), 80);
    CHECK_EQ(f->flags & FLOW_F_MIDSTREAM, 0);

    /* Rule 1: SYN+ACK first: its receiver is the client (here port 22). */
    p = pkt4(A, 40000, B, 22, TCP, TCP_SYN | TCP_ACK, S(1), 0);
    f = flow_packet(&ft, &p, &dir);
    CHECK_EQ(dir, 1);
    CHECK_EQ(flow_cli_port(f), 22);
    CHECK_MEM(flow_cli_addr(f), p.dst, 16);
    CHECK_EQ(f->flags, FLOW_F_SYNACK);
    CHECK_EQ(f->pkts[1], 1);
    CHECK_EQ(f->pkts[0], 0);
    /* the matching SYN retransmitted from the client agrees: no flip */
    p = pkt4(B, 22, A, 40000, TCP, TCP_SYN, S(1) + 1, 0);
    CHECK(flow_packet(&ft, &p, &dir) == f);
    CHECK_EQ(dir, 0);
    CHECK_EQ(flow_cli_port(f), 22);
    CHECK_EQ(f->flags, FLOW_F_SYNACK | FLOW_F_SYN);

    /* Rule 2: mid-stream 443 vs 50000: 443 is the server, whoever sent first. */
    p = pkt4(C, 443, A, 50000, TCP, TCP_ACK, S(1), 0);
    f = flow_packet(&ft, &p, &dir);
    CHECK_EQ(dir, 1);
    CHECK_EQ(flow_srv_port(f), 443);
    CHECK_EQ(flow_cli_port(f), 50000);
    CHECK(f->flags & FLOW_F_MIDSTREAM);
    /* 8080 (registered) vs 50000 (ephemeral): 8080 serves */
    p = pkt4(A, 50000, C, 8080, UDP, 0, S(1), 10);
    f = flow_packet(&ft, &p, &dir);
    CHECK_EQ(dir, 0);
    CHECK_EQ(flow_srv_port(f), 8080);
    /* 53 vs 1900 from the 53 side */
    p = pkt4(C, 53, B, 1900, UDP, 0, S(1), 10);
    f = flow_packet(&ft, &p, &dir);
    CHECK_EQ(dir, 1);
    CHECK_EQ(flow_srv_port(f), 53);
    CHECK_EQ(f->flags & FLOW_F_MIDSTREAM, 0); /* UDP is never mid-stream */

    /* Rule 3: equal ranks: the first sender is the client. */
    p = pkt4(B, 60000, A, 40000, TCP, TCP_ACK, S(1), 0);
    f = flow_packet(&ft, &p, &dir);
    CHECK_EQ(dir, 0);
    CHECK_EQ(flow_cli_port(f), 60000);
    p = pkt4(A, 40000, B, 60000, TCP, TCP_ACK, S(1), 0);
    CHECK(flow_packet(&ft, &p, &dir) == f);
    CHECK_EQ(dir, 1);
    p = pkt4(C, 123, A, 123, UDP, 0, S(1), 48); /* NTP: both service ports */
    f = flow_packet(&ft, &p, &dir);
    CHECK_EQ(dir, 0);
    CHECK_MEM(flow_cli_addr(f), p.src, 16);

    flow_table_destroy(&ft);
}

static void test_reorientation(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    struct flow *f;
    int dir = -1;

    cfg_default(&c, 64);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);

    /* A stray ACK from 40000, then the SYN from 45000: 45000 is the client. */
    struct pkt p = pkt4(A, 40000, B, 45000, TCP, TCP_ACK, S(1), 0);
    p.wirelen = 60;
    f = flow_packet(&ft, &p, &dir);
    CHECK_EQ(dir, 0);
    CHECK_EQ(flow_cli_port(f), 40000);
    CHECK_EQ(f->bytes[0], 60);
    p = pkt4(B, 45000, A, 40000, TCP, TCP_SYN, S(1) + 5, 0);
    p.wirelen = 74;
    CHECK(flow_packet(&ft, &p, &dir) == f);
    CHECK_EQ(dir, 0);
    CHECK_EQ(flow_cli_port(f), 45000);
    CHECK_MEM(flow_cli_addr(f), p.src, 16);
    CHECK_EQ(f->pkts[0], 1);
    CHECK_EQ(f->pkts[1], 1); /* the stray ACK now counts server->client */
    CHECK_EQ(f->bytes[0], 74);
    CHECK_EQ(f->bytes[1], 60);
    CHECK(f->flags & FLOW_F_SYN);
    CHECK(f->flags & FLOW_F_MIDSTREAM); /* the first packet still was not a SYN */
    /* Then the SYN+ACK from 40000 agrees; a later SYN from 40000 (simultaneous open) does not flip.
     */
    p = pkt4(A, 40000, B, 45000, TCP, TCP_SYN | TCP_ACK, S(1) + 6, 0);
    CHECK(flow_packet(&ft, &p, &dir) == f);
    CHECK_EQ(dir, 1);
    CHECK(f->flags & FLOW_F_SYNACK);
    p = pkt4(A, 40000, B, 45000, TCP, TCP_SYN, S(1) + 7, 0);
    CHECK(flow_packet(&ft, &p, &dir) == f);
    CHECK_EQ(dir, 1);
    CHECK_EQ(flow_cli_port(f), 45000);

    /* Rule 2 wrong about who opened: a SYN+ACK from the believed client flips it. */
    p = pkt4(C, 50000, A, 2000, TCP, TCP_ACK, S(2), 0); /* 2000 believed server */
    f = flow_packet(&ft, &p, &dir);
    CHECK_EQ(flow_srv_port(f), 2000);
    p = pkt4(C, 50000, A, 2000, TCP, TCP_SYN | TCP_ACK, S(2) + 1, 0);
    CHECK(flow_packet(&ft, &p, &dir) == f);
    CHECK_EQ(dir, 1);
    CHECK_EQ(flow_srv_port(f), 50000);
    CHECK_EQ(f->pkts[1], 2);
    CHECK_EQ(f->pkts[0], 0);
    CHECK(f->flags & FLOW_F_SYNACK);

    /* SYN+ACK first, then a pure SYN from the SYN+ACK's sender: the SYN wins. */
    p = pkt4(B, 3000, C, 4000, TCP, TCP_SYN | TCP_ACK, S(3), 0);
    f = flow_packet(&ft, &p, &dir);
    CHECK_EQ(flow_cli_port(f), 4000);
    p = pkt4(B, 3000, C, 4000, TCP, TCP_SYN, S(3) + 1, 0);
    CHECK(flow_packet(&ft, &p, &dir) == f);
    CHECK_EQ(dir, 0);
    CHECK_EQ(flow_cli_port(f), 3000);
    CHECK_EQ(f->flags & (FLOW_F_SYN | FLOW_F_SYNACK), FLOW_F_SYN);

    /* After payload the orientation is final. */
    p = pkt4(A, 41000, B, 46000, TCP, TCP_ACK | TCP_PSH, S(4), 100);
    f = flow_packet(&ft, &p, &dir);
    CHECK_EQ(flow_cli_port(f), 41000);
    p = pkt4(B, 46000, A, 41000, TCP, TCP_SYN, S(4) + 1, 0);
    CHECK(flow_packet(&ft, &p, &dir) == f);
    CHECK_EQ(dir, 1);
    CHECK_EQ(flow_cli_port(f), 41000);
    CHECK_EQ(f->flags & FLOW_F_SYN, 0); /* a SYN from the server is not the client SYN */

    /* A client SYN fixes the orientation: a later SYN from the server does not flip it. */
    p = pkt4(A, 42000, B, 47000, TCP, TCP_SYN, S(5), 0);
    f = flow_packet(&ft, &p, &dir);
    p = pkt4(B, 47000, A, 42000, TCP, TCP_SYN, S(5) + 1, 0);
    CHECK(flow_packet(&ft, &p, &dir) == f);
    CHECK_EQ(dir, 1);
    CHECK_EQ(flow_cli_port(f), 42000);

    flow_table_destroy(&ft);
}

static void test_zones(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    int dir;

    struct pkt base = pkt4(A, 50000, B, 80, TCP, TCP_SYN, S(1), 0);
    struct pkt v10 = base, v20 = base, q10 = base, t1 = base, t2 = base, t1noid = base;
    v10.nvlan = 1;
    v10.vlan[0] = 10;
    v20.nvlan = 1;
    v20.vlan[0] = 20;
    q10.nvlan = 2; /* QinQ: outer 300, inner 10 -> same zone as v10 */
    q10.vlan[0] = 300;
    q10.vlan[1] = 10;
    t1.tunnel = TUNNEL_VXLAN;
    t1.ntunnel = 1;
    t1.tunnel_has_id = 1;
    t1.tunnel_id = 1;
    t2 = t1;
    t2.tunnel_id = 2;
    t1noid.tunnel = TUNNEL_GRE;
    t1noid.ntunnel = 1;
    t1noid.tunnel_id = 7; /* no id: ignored */

    /* both off: one flow */
    cfg_default(&c, 64);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
    struct flow *f = flow_packet(&ft, &v10, &dir);
    CHECK(flow_packet(&ft, &v20, &dir) == f);
    CHECK(flow_packet(&ft, &t1, &dir) == f);
    CHECK(flow_packet(&ft, &t2, &dir) == f);
    CHECK(flow_packet(&ft, &base, &dir) == f);
    CHECK_EQ(ft.st.created, 1);
    /* the encapsulation of the first packet is what the flow remembers */
    CHECK_EQ(f->nvlan, 1);
    CHECK_EQ(f->vlan[0], 10);
    CHECK_EQ(f->key.vlan, 0);
    flow_table_destroy(&ft);

    /* VLAN on */
    c.use_vlan = 1;
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
    struct flow *a = flow_packet(&ft, &v10, &dir);
    struct flow *b = flow_packet(&ft, &v20, &dir);
    CHECK(a != b);
    CHECK_EQ(a->key.vlan, 10);
    CHECK_EQ(b->key.vlan, 20);
    CHECK(flow_packet(&ft, &q10, &dir) == a);
    struct flow *nov = flow_packet(&ft, &base, &dir);
    CHECK(nov != a && nov != b);
    CHECK(flow_packet(&ft, &t1, &dir) == nov); /* tunnel ids off */
    CHECK_EQ(ft.st.created, 3);
    flow_table_destroy(&ft);

    /* tunnel ids on */
    c.use_vlan = 0;
    c.use_tunnel_id = 1;
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
    a = flow_packet(&ft, &t1, &dir);
    b = flow_packet(&ft, &t2, &dir);
    CHECK(a != b);
    CHECK_EQ(a->key.zone, 1);
    CHECK_EQ(b->key.zone, 2);
    CHECK_EQ(a->tunnel, TUNNEL_VXLAN);
    CHECK_EQ(a->tunnel_has_id, 1);
    CHECK_EQ(b->tunnel_id, 2);
    nov = flow_packet(&ft, &base, &dir);
    CHECK(nov != a && nov != b);
    CHECK(flow_packet(&ft, &t1noid, &dir) == nov);
    CHECK(flow_packet(&ft, &v20, &dir) == nov); /* vlan off */
    /* the reply inside the same tunnel finds the same flow */
    struct pkt r = pkt4(B, 80, A, 50000, TCP, TCP_SYN | TCP_ACK, S(2), 0);
    r.tunnel_has_id = 1;
    r.tunnel_id = 2;
    CHECK(flow_packet(&ft, &r, &dir) == b);
    CHECK_EQ(dir, 1);
    CHECK_EQ(ft.st.created, 3);
    flow_table_destroy(&ft);
}

static void test_ids(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    int dir;

    cfg_default(&c, 2); /* small: ids keep growing through eviction */
    c.worker = 1;
    c.nworkers = 4;
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
    uint64_t want = 2;
    for (uint16_t i = 0; i < 6; i++) {
        struct pkt p = pkt4(A, (uint16_t)(40000 + i), B, 80, TCP, TCP_SYN, S(1) + i, 0);
        struct flow *f = flow_packet(&ft, &p, &dir);
        CHECK_EQ(f->id, want);
        want += 4;
    }
    flow_table_destroy(&ft);

    cfg_default(&c, 8);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
    for (uint16_t i = 0; i < 3; i++) {
        struct pkt p = pkt4(A, (uint16_t)(40000 + i), B, 80, UDP, 0, S(1), 0);
        CHECK_EQ(flow_packet(&ft, &p, &dir)->id, i + 1);
    }
    flow_table_destroy(&ft);
}

/* One flow per class, each last seen at `t`, in the table `ft`. */
static void make_class_flows(struct flow_table *ft, uint64_t t, struct flow *out[FLOW_TC_COUNT])
{
    struct pkt p;
    int dir;

    /* TCP_NEW: a lone SYN */
    p = pkt4(A, 40000, B, 80, TCP, TCP_SYN, t, 0);
    out[FLOW_TC_TCP_NEW] = flow_packet(ft, &p, &dir);
    /* TCP_EST: full handshake */
    p = pkt4(A, 40001, B, 80, TCP, TCP_SYN, t, 0);
    out[FLOW_TC_TCP_EST] = flow_packet(ft, &p, &dir);
    p = pkt4(B, 80, A, 40001, TCP, TCP_SYN | TCP_ACK, t, 0);
    flow_packet(ft, &p, &dir);
    p = pkt4(A, 40001, B, 80, TCP, TCP_ACK, t, 0);
    flow_packet(ft, &p, &dir);
    /* TCP_CLOSED: RST */
    p = pkt4(A, 40002, B, 80, TCP, TCP_SYN, t, 0);
    out[FLOW_TC_TCP_CLOSED] = flow_packet(ft, &p, &dir);
    p = pkt4(B, 80, A, 40002, TCP, TCP_RST | TCP_ACK, t, 0);
    flow_packet(ft, &p, &dir);
    p = pkt4(A, 40003, B, 53, UDP, 0, t, 30);
    out[FLOW_TC_UDP] = flow_packet(ft, &p, &dir);
    p = pkt4(A, 0, B, 0, ICMP, 0, t, 56);
    out[FLOW_TC_OTHER] = flow_packet(ft, &p, &dir);
}

static void test_classes(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    struct flow *f[FLOW_TC_COUNT];
    struct pkt p;
    int dir;

    cfg_default(&c, 64);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
    make_class_flows(&ft, S(1), f);
    for (int i = 0; i < FLOW_TC_COUNT; i++)
        CHECK_EQ(f[i]->tclass, i);

    /* SYN + SYN/ACK alone is not established; the client's ACK makes it so. */
    p = pkt4(C, 40000, B, 443, TCP, TCP_SYN, S(1), 0);
    struct flow *g = flow_packet(&ft, &p, &dir);
    p = pkt4(B, 443, C, 40000, TCP, TCP_SYN | TCP_ACK, S(1), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(g->tclass, FLOW_TC_TCP_NEW);
    p = pkt4(C, 40000, B, 443, TCP, TCP_ACK | TCP_PSH, S(1), 20);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(g->tclass, FLOW_TC_TCP_EST);
    /* FIN one way stays established; both ways closes */
    p = pkt4(C, 40000, B, 443, TCP, TCP_FIN | TCP_ACK, S(1), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(g->tclass, FLOW_TC_TCP_EST);
    CHECK_EQ(g->flags & (FLOW_F_FIN_CLI | FLOW_F_FIN_SRV), FLOW_F_FIN_CLI);
    p = pkt4(B, 443, C, 40000, TCP, TCP_FIN | TCP_ACK, S(1), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(g->tclass, FLOW_TC_TCP_CLOSED);
    /* a last ACK keeps it closed */
    p = pkt4(C, 40000, B, 443, TCP, TCP_ACK, S(1), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(g->tclass, FLOW_TC_TCP_CLOSED);

    /* Mid-stream: an ACK alone is new, the first data makes it established. */
    p = pkt4(C, 40001, B, 443, TCP, TCP_ACK, S(1), 0);
    g = flow_packet(&ft, &p, &dir);
    CHECK_EQ(g->tclass, FLOW_TC_TCP_NEW);
    p = pkt4(B, 443, C, 40001, TCP, TCP_ACK, S(1), 1400);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(g->tclass, FLOW_TC_TCP_EST);
    CHECK_EQ(g->flags, FLOW_F_MIDSTREAM | FLOW_F_PAYLOAD);
    /* A bare RST is closed at once. */
    p = pkt4(C, 40002, B, 443, TCP, TCP_RST, S(1), 0);
    g = flow_packet(&ft, &p, &dir);
    CHECK_EQ(g->tclass, FLOW_TC_TCP_CLOSED);
    /* A SYN-only scan target stays new through retransmissions. */
    p = pkt4(C, 40003, B, 22, TCP, TCP_SYN, S(1), 0);
    g = flow_packet(&ft, &p, &dir);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(g->tclass, FLOW_TC_TCP_NEW);
    CHECK_EQ(g->pkts[0], 2);

    /* every list is consistent: walk each from head to tail */
    uint64_t total = 0;
    for (int k = 0; k < FLOW_TC_COUNT; k++) {
        uint32_t prev = 0;
        for (uint32_t i = ft.head[k]; i; i = ft.pool[i - 1].lnext) {
            CHECK_EQ(ft.pool[i - 1].tclass, k);
            CHECK_EQ(ft.pool[i - 1].lprev, prev);
            prev = i;
            total++;
        }
        CHECK_EQ(ft.tail[k], prev);
    }
    CHECK_EQ(total, ft.st.active);
    flow_table_destroy(&ft);
}

static void test_timeouts(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    struct flow *f[FLOW_TC_COUNT];
    struct rec r;

    memset(&r, 0, sizeof(r));
    cfg_default(&c, 64);
    CHECK_EQ(flow_table_init(&ft, &c, rec_end, &r), 0);
    uint64_t t0 = S(1000) + 123;
    make_class_flows(&ft, t0, f);
    uint64_t ids[FLOW_TC_COUNT];
    for (int i = 0; i < FLOW_TC_COUNT; i++)
        ids[i] = f[i]->id;
    CHECK_EQ(ft.st.active, 5);

    /* Nothing ends 1 us before its timeout; each ends exactly at last_ts + timeout. */
    static const int order[FLOW_TC_COUNT] = {FLOW_TC_TCP_CLOSED, FLOW_TC_TCP_NEW, FLOW_TC_OTHER,
                                             FLOW_TC_UDP, FLOW_TC_TCP_EST};
    unsigned ended = 0;
    for (int i = 0; i < FLOW_TC_COUNT; i++) {
        int k = order[i];
        uint64_t deadline = t0 + S(c.timeout_s[k]);
        CHECK_EQ(flow_expire(&ft, deadline - 1, 0), 0);
        CHECK_EQ(r.n, ended);
        CHECK_EQ(flow_expire(&ft, deadline, 0), 1);
        ended++;
        CHECK_EQ(r.n, ended);
        CHECK_EQ(r.id[ended - 1], ids[k]);
        CHECK_EQ(r.reason[ended - 1], FLOW_END_TIMEOUT);
        CHECK_EQ(ft.st.active, FLOW_TC_COUNT - ended);
    }
    CHECK_EQ(ft.st.expired, 5);
    CHECK_EQ(ft.st.evicted, 0);
    CHECK_EQ(r.bad, 0);

    /* A packet refreshes the deadline; an older packet does not move last_ts back. */
    struct pkt p = pkt4(A, 40003, B, 53, UDP, 0, S(2000), 10);
    int dir;
    struct flow *u = flow_packet(&ft, &p, &dir);
    p.ts_us = S(2010);
    flow_packet(&ft, &p, &dir);
    p.ts_us = S(2005); /* merged capture stepping back */
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(u->last_ts, S(2010));
    CHECK_EQ(u->first_ts, S(2000));
    CHECK_EQ(flow_expire(&ft, S(2039), 0), 0);
    CHECK_EQ(flow_expire(&ft, S(2040), 0), 1);
    /* now earlier than last_ts (hostile clock): nothing ends, no wrap */
    u = flow_packet(&ft, &p, &dir);
    CHECK_EQ(flow_expire(&ft, 0, 0), 0);
    CHECK_EQ(flow_expire(&ft, UINT64_MAX, 0), 1);

    /* max bounds the work per call. */
    for (uint16_t i = 0; i < 10; i++) {
        p = pkt4(A, (uint16_t)(1000 + i), B, 53, UDP, 0, S(3000) + i, 10);
        flow_packet(&ft, &p, &dir);
    }
    CHECK_EQ(flow_expire(&ft, S(3100), 3), 3);
    CHECK_EQ(ft.st.active, 7);
    CHECK_EQ(flow_expire(&ft, S(3100), 0), 7);
    CHECK_EQ(ft.st.active, 0);
    CHECK_EQ(ft.st.expired, 5 + 2 + 10);
    /* slots came back: the table still works and reuses them */
    p = pkt4(A, 1, B, 2, UDP, 0, S(4000), 0);
    CHECK(flow_packet(&ft, &p, &dir) != NULL);
    CHECK_EQ(ft.st.active, 1);
    flow_table_destroy(&ft);
}

static void test_eviction(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    struct rec r;
    struct pkt p;
    int dir;

    memset(&r, 0, sizeof(r));
    cfg_default(&c, 4);
    CHECK_EQ(flow_table_init(&ft, &c, rec_end, &r), 0);

    /* four flows in three classes; the oldest is the UDP one at t=1 */
    p = pkt4(A, 1000, B, 53, UDP, 0, S(1), 10);
    struct flow *u1 = flow_packet(&ft, &p, &dir);
    uint64_t u1id = u1->id;
    p = pkt4(A, 40000, B, 80, TCP, TCP_SYN, S(2), 0);
    struct flow *t2 = flow_packet(&ft, &p, &dir);
    uint64_t t2id = t2->id;
    p = pkt4(A, 0, C, 0, ICMP, 0, S(3), 56);
    flow_packet(&ft, &p, &dir);
    p = pkt4(A, 1001, B, 53, UDP, 0, S(4), 10);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(ft.st.active, 4);
    CHECK_EQ(ft.free_head, 0);

    /* a fifth flow evicts u1 (t=1) */
    p = pkt4(C, 40001, B, 443, TCP, TCP_SYN, S(5), 0);
    struct flow *n1 = flow_packet(&ft, &p, &dir);
    CHECK(n1 != NULL);
    CHECK_EQ(r.n, 1);
    CHECK_EQ(r.id[0], u1id);
    CHECK_EQ(r.reason[0], FLOW_END_EVICTED);
    CHECK_EQ(r.cli_port[0], 1000);
    CHECK_EQ(ft.st.evicted, 1);
    CHECK_EQ(ft.st.active, 4);
    CHECK_EQ(ft.st.max_active, 4);
    CHECK(n1 == u1); /* the freed slot is reused */
    CHECK_EQ(n1->pkts[0], 1);
    CHECK_EQ(n1->first_ts, S(5));

    /* refresh the TCP flow from t=2: the ICMP flow (t=3) is now the oldest */
    p = pkt4(B, 80, A, 40000, TCP, TCP_SYN | TCP_ACK, S(6), 0);
    CHECK(flow_packet(&ft, &p, &dir) == t2);
    p = pkt4(C, 40002, B, 443, TCP, TCP_SYN, S(7), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(r.n, 2);
    CHECK_EQ(r.last_ts[1], S(3));
    CHECK_EQ(r.reason[1], FLOW_END_EVICTED);
    /* the old UDP flow is gone: its next packet makes a new flow (evicting t=4) */
    p = pkt4(A, 1000, B, 53, UDP, 0, S(8), 10);
    struct flow *u1b = flow_packet(&ft, &p, &dir);
    CHECK(u1b->id != u1id);
    CHECK_EQ(r.n, 3);
    CHECK_EQ(r.last_ts[2], S(4));
    /* next oldest is n1 (t=5), then t2 (t=6) */
    p = pkt4(C, 40003, B, 443, TCP, TCP_SYN, S(9), 0);
    flow_packet(&ft, &p, &dir);
    p = pkt4(C, 40004, B, 443, TCP, TCP_SYN, S(9), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(r.n, 5);
    CHECK_EQ(r.last_ts[3], S(5));
    CHECK_EQ(r.id[4], t2id);
    CHECK_EQ(ft.st.evicted, 5);
    CHECK_EQ(ft.st.created, 9);
    CHECK_EQ(ft.st.active, 4);
    CHECK_EQ(r.bad, 0);
    flow_table_destroy(&ft);
}

static void test_end_all(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    struct rec r;
    struct pkt p;
    int dir;

    memset(&r, 0, sizeof(r));
    cfg_default(&c, 32);
    CHECK_EQ(flow_table_init(&ft, &c, rec_end, &r), 0);
    /* eight flows over four classes, touched so last_ts order differs from creation order */
    static const uint8_t proto[8] = {UDP, TCP, ICMP, UDP, TCP, TCP, 47 /* GRE */, UDP};
    for (uint16_t i = 0; i < 8; i++) {
        p = pkt4(A, (uint16_t)(2000 + i), B, 80, proto[i], proto[i] == TCP ? TCP_SYN : 0, S(10 + i),
                 0);
        flow_packet(&ft, &p, &dir);
    }
    p = pkt4(A, 2000, B, 80, UDP, 0, S(30), 1); /* flow 0 becomes the newest */
    flow_packet(&ft, &p, &dir);
    p = pkt4(A, 2005, B, 80, TCP, TCP_RST, S(25), 0); /* flow 5 moves to CLOSED */
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(ft.st.active, 8);

    flow_end_all(&ft);
    CHECK_EQ(ft.st.active, 0);
    CHECK_EQ(r.n, 8);
    /* ICMP and GRE flows have no ports */
    static const uint16_t want_port[8] = {2001, 0, 2003, 2004, 0, 2007, 2005, 2000};
    static const uint64_t want_ts[8] = {11, 12, 13, 14, 16, 17, 25, 30};
    for (unsigned i = 0; i < 8; i++) {
        CHECK_EQ(r.cli_port[i], want_port[i]);
        CHECK_EQ(r.last_ts[i], S(want_ts[i]));
        CHECK_EQ(r.reason[i], FLOW_END_SHUTDOWN);
    }
    for (int k = 0; k < FLOW_TC_COUNT; k++)
        CHECK(ft.head[k] == 0 && ft.tail[k] == 0);
    unsigned nonempty = 0;
    for (uint32_t b = 0; b < ft.nbuckets; b++)
        nonempty += ft.bucket[b] != 0;
    CHECK_EQ(nonempty, 0);
    /* all 32 slots are free again: the 8 used ones on the free list, the rest never used */
    unsigned nfree = 0;
    for (uint32_t i = ft.free_head; i && nfree <= 32; i = ft.pool[i - 1].hnext)
        nfree++;
    CHECK_EQ(nfree, 8);
    CHECK_EQ(ft.fresh, 8);
    CHECK_EQ(nfree + (32 - ft.fresh), 32);
    CHECK_EQ(ft.st.expired, 0);
    CHECK_EQ(ft.st.evicted, 0);
    flow_end_all(&ft); /* idempotent on an empty table */
    CHECK_EQ(r.n, 8);
    flow_table_destroy(&ft);
}

/* xorshift64*: fixed seed so the stress run is the same every time */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dull;
}

static struct pkt rand_pkt(uint64_t ts)
{
    uint64_t x = rng(), y = rng();
    struct pkt p = pkt4((uint32_t)x, (uint16_t)(x >> 32), (uint32_t)y, (uint16_t)(y >> 32),
                        (x >> 48) & 1 ? TCP : UDP, TCP_SYN, ts, 0);
    if ((y >> 48) & 1) { /* half IPv6 */
        p.ip_version = 6;
        for (int i = 0; i < 16; i++) {
            p.src[i] = (uint8_t)(rng() >> 56);
            p.dst[i] = (uint8_t)(rng() >> 56);
        }
    }
    return p;
}

static void test_stress(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    struct rec r;
    int dir;
    const uint32_t N = 1000000, MAXF = 10000;

    memset(&r, 0, sizeof(r));
    cfg_default(&c, MAXF);
    CHECK_EQ(flow_table_init(&ft, &c, rec_end, &r), 0);
    struct pkt live = {0};
    struct flow *live_f = NULL;
    uint64_t over = 0, nulls = 0, reused = 0;
    for (uint32_t i = 0; i < N; i++) {
        struct pkt p = rand_pkt(S(1) + i);
        struct flow *f = flow_packet(&ft, &p, &dir);
        if (!f)
            nulls++;
        else if (f->pkts[0] + f->pkts[1] != 1)
            reused++; /* a random tuple that hit an existing flow */
        if (ft.st.active > MAXF)
            over++;
        if (i == N - 100) {
            live = p;
            live_f = f;
        }
    }
    CHECK_EQ(nulls, 0);
    CHECK_EQ(over, 0);
    CHECK_EQ(reused, 0);
    CHECK_EQ(ft.st.created, N);
    CHECK_EQ(ft.st.evicted, N - MAXF);
    CHECK_EQ(ft.st.active, MAXF);
    CHECK_EQ(ft.st.max_active, MAXF);
    CHECK_EQ(r.total, N - MAXF);
    CHECK_EQ(r.bad, 0);

    /* a flow still live is found again, both directions, and nothing new is made */
    struct flow *f = flow_packet(&ft, &live, &dir);
    CHECK(f == live_f);
    CHECK_EQ(dir, 0);
    struct pkt rev = live;
    memcpy(rev.src, live.dst, 16);
    memcpy(rev.dst, live.src, 16);
    rev.sport = live.dport;
    rev.dport = live.sport;
    rev.tcp_flags = TCP_ACK;
    CHECK(flow_packet(&ft, &rev, &dir) == live_f);
    CHECK_EQ(dir, 1);
    CHECK_EQ(live_f->pkts[0], 2);
    CHECK_EQ(live_f->pkts[1], 1);
    CHECK_EQ(ft.st.created, N);

    /* every bucket chain holds exactly the live flows, each in its own bucket */
    uint64_t chained = 0;
    for (uint32_t b = 0; b < ft.nbuckets; b++)
        for (uint32_t i = ft.bucket[b]; i && chained <= MAXF; i = ft.pool[i - 1].hnext) {
            CHECK_EQ(ft.pool[i - 1].hash & (ft.nbuckets - 1), b);
            chained++;
        }
    CHECK_EQ(chained, MAXF);
    flow_end_all(&ft);
    CHECK_EQ(r.total, N);
    flow_table_destroy(&ft);
}

/*
 * Every list (both halves of every class) is consistent: linked both ways,
 * on the list its flow says, in last_ts order (the packets here never step
 * back in time), and together they hold every active flow.
 */
static void check_lists(const struct flow_table *ft)
{
    uint64_t total = 0;

    for (unsigned l = 0; l < FLOW_NLISTS; l++) {
        uint32_t prev = 0;
        uint64_t last = 0;
        for (uint32_t i = ft->head[l]; i && total <= ft->st.active; i = ft->pool[i - 1].lnext) {
            const struct flow *f = &ft->pool[i - 1];
            CHECK_EQ(f->tclass, l % FLOW_TC_COUNT);
            CHECK_EQ(f->on_kept, l >= FLOW_TC_COUNT);
            CHECK_EQ(f->lprev, prev);
            CHECK(f->last_ts >= last);
            last = f->last_ts;
            prev = i;
            total++;
        }
        CHECK_EQ(ft->tail[l], prev);
    }
    CHECK_EQ(total, ft->st.active);
}

static void test_protected_eviction(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    struct rec r;
    struct pkt p;
    int dir;

    memset(&r, 0, sizeof(r));
    cfg_default(&c, 4);
    CHECK_EQ(flow_table_init(&ft, &c, rec_end, &r), 0);

    /* t=1: a dissector takes the flow on its only packet (what the worker does after flow_packet)
     */
    p = pkt4(A, 40000, B, 3333, TCP, TCP_ACK, S(1), 100);
    struct flow *pf = flow_packet(&ft, &p, &dir);
    CHECK(!flow_protected(pf));
    pf->dissector = 0;
    CHECK(flow_protected(pf));
    CHECK_EQ(pf->on_kept, 0); /* flow.c looks again at its next call */
    uint64_t pid = pf->id;
    p = pkt4(A, 1000, B, 53, UDP, 0, S(2), 10);
    uint64_t qid = flow_packet(&ft, &p, &dir)->id;
    CHECK_EQ(pf->on_kept, 1);
    CHECK_EQ(ft.head[FLOW_TC_COUNT + FLOW_TC_TCP_EST], flow_idx_of(&ft, pf));
    /* t=3: a flow that raised an event, then saw another packet: on its protected list */
    p = pkt4(A, 1001, C, 53, UDP, 0, S(3), 10);
    struct flow *ef = flow_packet(&ft, &p, &dir);
    ef->events = 1;
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(ef->on_kept, 1);
    CHECK_EQ(ft.head[FLOW_TC_COUNT + FLOW_TC_UDP], flow_idx_of(&ft, ef));
    p = pkt4(A, 1002, B, 53, UDP, 0, S(4), 10);
    uint64_t uid = flow_packet(&ft, &p, &dir)->id;
    check_lists(&ft);

    /* t=5: the oldest flow is protected: the oldest unprotected one (t=2) goes instead */
    p = pkt4(C, 40001, B, 443, TCP, TCP_SYN, S(5), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(r.n, 1);
    CHECK_EQ(r.id[0], qid);
    CHECK_EQ(r.reason[0], FLOW_END_EVICTED);
    CHECK_EQ(pf->id, pid);
    CHECK_EQ(ft.st.evicted, 1);
    CHECK_EQ(ft.st.evicted_protected, 0);
    check_lists(&ft);

    /* t=6, t=7: the unprotected flows go in age order, the protected ones stay */
    p = pkt4(C, 40002, B, 443, TCP, TCP_SYN, S(6), 0);
    struct flow *n2 = flow_packet(&ft, &p, &dir);
    CHECK_EQ(r.id[1], uid);
    p = pkt4(C, 40003, B, 443, TCP, TCP_SYN, S(7), 0);
    struct flow *n3 = flow_packet(&ft, &p, &dir);
    CHECK_EQ(r.n, 3);
    CHECK_EQ(r.last_ts[2], S(5));
    CHECK_EQ(ft.st.evicted_protected, 0);
    /* a packet for each protected flow finds it again: nothing was re-created */
    uint64_t created = ft.st.created;
    p = pkt4(B, 3333, A, 40000, TCP, TCP_ACK, S(8), 50);
    CHECK(flow_packet(&ft, &p, &dir) == pf);
    CHECK_EQ(dir, 1);
    p = pkt4(A, 1001, C, 53, UDP, 0, S(8), 10);
    CHECK(flow_packet(&ft, &p, &dir) == ef);
    CHECK_EQ(ft.st.created, created);

    /*
     * An alert protects too. n2 and n3 are not the newest flow, so only the
     * eviction sees the change (and moves them); once everything is
     * protected the oldest protected flow goes.
     */
    n2->nalerted = 1;
    n3->dissector = 2;
    CHECK_EQ(n2->on_kept, 0);
    p = pkt4(C, 40004, B, 443, TCP, TCP_SYN, S(9), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(r.n, 4);
    CHECK_EQ(r.last_ts[3], S(6)); /* n2: oldest of all, every one protected */
    CHECK_EQ(ft.st.evicted_protected, 1);
    CHECK_EQ(ft.st.evicted, 4);
    check_lists(&ft);

    /* a dissector that finished (done, no event) protects no longer: back on the plain list */
    n3->dstate_done = 1;
    CHECK(!flow_protected(n3));
    p = pkt4(B, 443, C, 40003, TCP, TCP_SYN | TCP_ACK, S(10), 0);
    CHECK(flow_packet(&ft, &p, &dir) == n3);
    CHECK_EQ(n3->on_kept, 0);
    check_lists(&ft);
    /* the new flow of t=9 (unprotected, older) goes first, then n3 */
    p = pkt4(C, 40005, B, 443, TCP, TCP_SYN, S(11), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(r.last_ts[4], S(9));
    p = pkt4(C, 40006, B, 443, TCP, TCP_SYN, S(12), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(r.last_ts[5], S(10));
    CHECK_EQ(ft.st.evicted_protected, 1);
    CHECK_EQ(r.bad, 0);
    check_lists(&ft);
    flow_table_destroy(&ft);
}

/* Protection does not change when a flow expires: both lists keep exact timeouts. */
static void test_protected_expiry(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    struct rec r;
    struct pkt p;
    int dir;

    memset(&r, 0, sizeof(r));
    cfg_default(&c, 3);
    CHECK_EQ(flow_table_init(&ft, &c, rec_end, &r), 0);
    p = pkt4(A, 40000, B, 3333, TCP, TCP_SYN, S(1), 0);
    struct flow *k1 = flow_packet(&ft, &p, &dir);
    p = pkt4(A, 40001, B, 3333, TCP, TCP_SYN, S(2), 0);
    struct flow *k2 = flow_packet(&ft, &p, &dir);
    k2->events = 3; /* the newest flow: moved at the next call, t=2 */
    p = pkt4(A, 40002, B, 3333, TCP, TCP_SYN, S(3), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(k2->on_kept, 1);
    k1->dissector = 0; /* not the newest: still on the plain list */
    CHECK_EQ(k1->on_kept, 0);
    /* the eviction moves k1 (t=1) to the head of the protected TCP_NEW list, before k2 (t=2) */
    p = pkt4(A, 40003, B, 3333, TCP, TCP_SYN, S(4), 0);
    flow_packet(&ft, &p, &dir);
    CHECK_EQ(r.n, 1);
    CHECK_EQ(r.last_ts[0], S(3));
    CHECK_EQ(ft.head[FLOW_TC_COUNT + FLOW_TC_TCP_NEW], flow_idx_of(&ft, k1));
    check_lists(&ft);
    uint64_t id1 = k1->id, id2 = k2->id;
    /* TCP_NEW times out after 10 s: exactly at last_ts + 10 s, protected or not */
    CHECK_EQ(flow_expire(&ft, S(11) - 1, 0), 0);
    CHECK_EQ(flow_expire(&ft, S(11), 0), 1);
    CHECK_EQ(r.id[1], id1);
    CHECK_EQ(r.reason[1], FLOW_END_TIMEOUT);
    CHECK_EQ(flow_expire(&ft, S(12) - 1, 0), 0);
    CHECK_EQ(flow_expire(&ft, S(12), 0), 1);
    CHECK_EQ(r.id[2], id2);
    CHECK_EQ(flow_expire(&ft, S(14), 0), 1);
    CHECK_EQ(ft.st.active, 0);
    CHECK_EQ(ft.st.expired, 3);

    /* shutdown ends protected and unprotected flows together, oldest first */
    for (uint16_t i = 0; i < 3; i++) {
        p = pkt4(A, (uint16_t)(50000 + i), B, 3333, TCP, TCP_SYN, S(20 + i), 0);
        struct flow *f = flow_packet(&ft, &p, &dir);
        if (i != 1) {
            f->dissector = 0;
            flow_packet(&ft, &p, &dir);
        }
    }
    unsigned before = r.n;
    flow_end_all(&ft);
    CHECK_EQ(r.n, before + 3);
    for (unsigned i = 0; i < 3; i++) {
        CHECK_EQ(r.last_ts[before + i], S(20 + i));
        CHECK_EQ(r.reason[before + i], FLOW_END_SHUTDOWN);
    }
    for (unsigned l = 0; l < FLOW_NLISTS; l++)
        CHECK(ft.head[l] == 0 && ft.tail[l] == 0);
    flow_table_destroy(&ft);
}

/*
 * The eviction scan is bounded: when 100 flows all became protected behind
 * the table's back, one new flow moves FLOW_EVICT_SCAN of them and then
 * evicts the next head whatever it is (counted), never walking the table.
 */
static void test_protected_bound(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    struct rec r;
    struct pkt p;
    int dir;

    memset(&r, 0, sizeof(r));
    cfg_default(&c, 100);
    CHECK_EQ(flow_table_init(&ft, &c, rec_end, &r), 0);
    struct flow *all[100];
    for (uint16_t i = 0; i < 100; i++) {
        p = pkt4(A, (uint16_t)(10000 + i), B, 3333, TCP, TCP_SYN, S(1) + i, 0);
        all[i] = flow_packet(&ft, &p, &dir);
    }
    for (unsigned i = 0; i < 100; i++) /* all at once: only the newest is rechecked */
        all[i]->dissector = 0;
    for (uint16_t i = 0; i < 4; i++) {
        p = pkt4(C, (uint16_t)(20000 + i), B, 80, TCP, TCP_SYN, S(2) + i, 0);
        flow_packet(&ft, &p, &dir);
    }
    CHECK_EQ(ft.st.evicted, 4);
    /* evictions 1-3 each moved 32 and took the 33rd; the 4th moved the last one */
    CHECK_EQ(r.n, 4);
    CHECK_EQ(r.cli_port[0], 10000 + FLOW_EVICT_SCAN);
    CHECK_EQ(r.cli_port[1], 10000 + 2 * FLOW_EVICT_SCAN + 1);
    CHECK_EQ(r.cli_port[2], 10000 + 3 * FLOW_EVICT_SCAN + 2);
    CHECK_EQ(r.cli_port[3], 20000); /* the first new flow: oldest unprotected */
    CHECK_EQ(ft.st.evicted_protected, 3);
    check_lists(&ft);
    flow_table_destroy(&ft);
}

/*
 * A SYN scan of 1,000,000 random flows through a 10,000-flow table holding
 * 100 protected flows: half keep talking during the scan, half stay silent
 * (but within their timeout). Not one is evicted; every one is found again.
 */
static void test_protected_flood(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    struct rec r;
    struct pkt p;
    int dir;
    const uint32_t N = 1000000, MAXF = 10000, NP = 100;
    struct flow *keep[100];
    uint64_t keep_id[100];

    memset(&r, 0, sizeof(r));
    cfg_default(&c, MAXF);
    CHECK_EQ(flow_table_init(&ft, &c, rec_end, &r), 0);
    for (uint32_t i = 0; i < NP; i++) {
        p = pkt4(A, (uint16_t)(30000 + i), C, 3333, TCP, TCP_ACK, S(1), 200);
        keep[i] = flow_packet(&ft, &p, &dir);
        keep[i]->dissector = 0;
        if (i % 3 == 0) /* some raised an event and then saw another packet */
            keep[i]->events = 1;
        keep_id[i] = keep[i]->id;
    }
    for (uint32_t i = 0; i < N; i++) {
        p = rand_pkt(S(2) + i);
        flow_packet(&ft, &p, &dir);
        if (i % 20000 == 0) { /* the talking half: a packet every 20,000 scan packets */
            for (uint32_t k = 0; k < NP; k += 2) {
                p = pkt4(C, 3333, A, (uint16_t)(30000 + k), TCP, TCP_ACK, S(2) + i, 100);
                flow_packet(&ft, &p, &dir);
            }
        }
    }
    CHECK_EQ(ft.st.active, MAXF);
    CHECK_EQ(ft.st.evicted, ft.st.created - MAXF);
    CHECK(ft.st.evicted >= N - MAXF);
    CHECK_EQ(ft.st.evicted_protected, 0);
    CHECK_EQ(r.bad, 0);
    uint64_t created = ft.st.created;
    unsigned found = 0;
    for (uint32_t k = 0; k < NP; k++) {
        p = pkt4(A, (uint16_t)(30000 + k), C, 3333, TCP, TCP_ACK, S(3), 10);
        struct flow *f = flow_packet(&ft, &p, &dir);
        found += f == keep[k] && f->id == keep_id[k] && dir == 0;
    }
    CHECK_EQ(found, NP);
    CHECK_EQ(ft.st.created, created);
    check_lists(&ft);
    flow_end_all(&ft);
    CHECK_EQ(r.total, ft.st.created);
    flow_table_destroy(&ft);
}

static void test_hash_chains(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    int dir;

    for (int seed = 0; seed < 3; seed++) {
        cfg_default(&c, 10000);
        c.hash_seed = (uint64_t)seed * 0x5851f42d4c957f2dull;
        CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
        for (int i = 0; i < 10000; i++) {
            struct pkt p = rand_pkt(S(1));
            flow_packet(&ft, &p, &dir);
        }
        CHECK_EQ(ft.st.active, 10000);
        unsigned maxlen = 0;
        for (uint32_t b = 0; b < ft.nbuckets; b++) {
            unsigned len = 0;
            for (uint32_t i = ft.bucket[b]; i; i = ft.pool[i - 1].hnext)
                len++;
            if (len > maxlen)
                maxlen = len;
        }
        CHECK(maxlen < 12);
        flow_table_destroy(&ft);
    }

    /* Structured keys (one client, sequential ports) spread just as well. */
    cfg_default(&c, 10000);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
    for (uint32_t i = 0; i < 10000; i++) {
        struct pkt p = pkt4(A, (uint16_t)(10000 + i), B, 3333, TCP, TCP_SYN, S(1), 0);
        flow_packet(&ft, &p, &dir);
    }
    unsigned maxlen = 0, used = 0;
    for (uint32_t b = 0; b < ft.nbuckets; b++) {
        unsigned len = 0;
        for (uint32_t i = ft.bucket[b]; i; i = ft.pool[i - 1].hnext)
            len++;
        used += len != 0;
        if (len > maxlen)
            maxlen = len;
    }
    CHECK(maxlen < 12);
    CHECK(used > 8000); /* ~8,600 expected for 10,000 keys in 32,768 buckets */
    flow_table_destroy(&ft);

    /* the seed changes the hash of the same key */
    struct flow_table f2;
    cfg_default(&c, 16);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
    c.hash_seed ^= 1;
    CHECK_EQ(flow_table_init(&f2, &c, NULL, NULL), 0);
    struct pkt p = pkt4(A, 1, B, 2, UDP, 0, S(1), 0);
    CHECK(flow_packet(&ft, &p, &dir)->hash != flow_packet(&f2, &p, &dir)->hash);
    flow_table_destroy(&ft);
    flow_table_destroy(&f2);
}

/*
 * A pool of 2 MiB or more comes on its own 2 MiB-aligned mapping (for
 * transparent huge pages; the heap under ASan): every slot of it holds a flow
 * and finds it again, both directions, and the table frees cleanly (ASan and
 * valgrind would see a wrong munmap length as a leak or a fault).
 */
static void test_big_pool(void)
{
    struct flow_table ft;
    struct flow_table_cfg c;
    const uint32_t n = 1u << 16; /* 16 MiB of flows */
    uint64_t found = 0;
    int dir;

    cfg_default(&c, n);
    CHECK_EQ(flow_table_init(&ft, &c, NULL, NULL), 0);
    CHECK(n * sizeof(struct flow) >= (2u << 20));
    if (!FIREDAMP_ASAN)
        CHECK_EQ((uintptr_t)ft.pool & ((2u << 20) - 1), 0);
    for (uint32_t i = 0; i < n; i++) {
        struct pkt p = pkt4(0x0b000000u + i, 40000, C, 53, UDP, 0, S(1), 10);
        struct flow *f = flow_packet(&ft, &p, &dir);
        CHECK(f != NULL && f->pkts[0] == 1 && f->pkts[1] == 0);
    }
    CHECK_EQ(ft.st.active, n);
    CHECK_EQ(ft.st.evicted, 0);
    for (uint32_t i = 0; i < n; i++) {
        struct pkt p = pkt4(C, 53, 0x0b000000u + i, 40000, UDP, 0, S(2), 10);
        struct flow *f = flow_packet(&ft, &p, &dir);
        found += f && dir == 1 && f->pkts[1] == 1;
    }
    CHECK_EQ(found, n);
    CHECK_EQ(ft.st.created, n);
    flow_end_all(&ft);
    flow_table_destroy(&ft);
}

int main(void)
{
    test_init_errors();
    test_both_directions();
    test_orientation();
    test_reorientation();
    test_zones();
    test_ids();
    test_classes();
    test_timeouts();
    test_eviction();
    test_end_all();
    test_stress();
    test_protected_eviction();
    test_protected_expiry();
    test_protected_bound();
    test_protected_flood();
    test_hash_chains();
    test_big_pool();
    return check_done();
}
