/*
 * pktgen.c - packet building and classic pcap writing for pcapgen.
 *
 * See pktgen.h for the model (inside-out building, one push function per
 * layer, deterministic output). Checksums are always computed, never left
 * as offload zeros, so tshark validates every IPv4, TCP and UDP checksum.
 * Does not fragment anything but IPv4 UDP, and does not do IPv6 tunnels.
 */
#include <stdlib.h>
#include <string.h>

#include "pktgen.h"

void die(const char *what)
{
    fprintf(stderr, "pcapgen: %s\n", what);
    exit(1);
}

static void wr16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void wr32(uint8_t *p, uint32_t v)
{
    wr16(p, v >> 16);
    wr16(p + 2, v & 0xffff);
}

/* ---- byte writer ---- */

uint8_t *wb_room(struct wbuf *w, size_t n)
{
    if (n > WBUF_CAP - w->len)
        die("wbuf overflow");
    w->len += n;
    return w->b + w->len - n;
}

void wb_u8(struct wbuf *w, uint32_t v)
{
    *wb_room(w, 1) = (uint8_t)v;
}

void wb_u16(struct wbuf *w, uint32_t v)
{
    wr16(wb_room(w, 2), v);
}

void wb_u32(struct wbuf *w, uint32_t v)
{
    wr32(wb_room(w, 4), v);
}

void wb_mem(struct wbuf *w, const void *p, size_t n)
{
    memcpy(wb_room(w, n), p, n);
}

void wb_str(struct wbuf *w, const char *s)
{
    wb_mem(w, s, strlen(s));
}

size_t wb_open(struct wbuf *w, size_t width)
{
    memset(wb_room(w, width), 0, width);
    return w->len;
}

void wb_close(struct wbuf *w, size_t at, size_t width)
{
    size_t n = w->len - at;
    for (size_t i = 0; i < width; i++)
        w->b[at - 1 - i] = (uint8_t)(n >> (8 * i));
}

/* xorshift32: deterministic filler standing in for random and encrypted bytes. */
void wb_noise(struct wbuf *w, size_t n, uint32_t seed)
{
    uint8_t *p = wb_room(w, n);
    uint32_t x = seed ? seed : 1;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        p[i] = (uint8_t)(x >> 24);
    }
}

/* ---- checksums ---- */

static uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t n)
{
    for (; n > 1; p += 2, n -= 2)
        sum += (uint32_t)p[0] << 8 | p[1];
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

/* Fills the TCP or UDP checksum of the whole segment l4[0..len) (RFC 768, 793, 8200 8.1). */
static void l4_set_csum(int family, const uint8_t *src, const uint8_t *dst, uint8_t proto,
                        uint8_t *l4, size_t len)
{
    size_t off = proto == IPPROTO_TCP_ ? 16 : 6;
    size_t alen = family == 4 ? 4 : 16;
    uint32_t sum;
    uint16_t c;

    if (proto != IPPROTO_TCP_ && proto != IPPROTO_UDP_)
        return;
    wr16(l4 + off, 0);
    sum = csum_add(csum_add(0, src, alen), dst, alen);
    sum += proto + (uint32_t)(len >> 16) + (uint32_t)(len & 0xffff);
    c = csum_fold(csum_add(sum, l4, len));
    if (proto == IPPROTO_UDP_ && c == 0)
        c = 0xffff; /* 0 means "no checksum" in UDP */
    wr16(l4 + off, c);
}

/* ---- a packet under construction: bytes are prepended in front of head ---- */

void pkt_init(struct pkt *p, const void *data, size_t len)
{
    if (len > PKT_CAP - PKT_HEADROOM)
        die("payload too large");
    p->head = p->tail = PKT_HEADROOM;
    if (len)
        memcpy(p->b + p->tail, data, len);
    p->tail += len;
    p->ethertype = 0;
    p->ipproto = 0;
}

static uint8_t *pkt_push(struct pkt *p, size_t n)
{
    if (n > p->head)
        die("headroom exhausted");
    p->head -= n;
    memset(p->b + p->head, 0, n);
    return p->b + p->head;
}

size_t pkt_len(const struct pkt *p)
{
    return p->tail - p->head;
}

/* ---- endpoints and flows ---- */

static void ep_set(struct endpoint *e, int family, const uint8_t *ip, uint16_t port)
{
    memset(e, 0, sizeof(*e));
    memcpy(e->ip, ip, family == 4 ? 4 : 16);
    e->port = port;
    /* locally administered MAC derived from the address, so it is stable */
    e->mac[0] = 0x02;
    e->mac[4] = ip[family == 4 ? 2 : 14];
    e->mac[5] = ip[family == 4 ? 3 : 15];
}

static uint32_t fnv1a(uint32_t h, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

void flow_init(struct flow *f, int family, const uint8_t *cip, uint16_t cport, const uint8_t *sip,
               uint16_t sport)
{
    uint8_t key[2][18];
    int lo;

    memset(f, 0, sizeof(*f));
    f->family = family;
    ep_set(&f->ep[0], family, cip, cport);
    ep_set(&f->ep[1], family, sip, sport);
    for (int i = 0; i < 2; i++) {
        memcpy(key[i], f->ep[i].ip, 16);
        wr16(key[i] + 16, f->ep[i].port);
    }
    lo = memcmp(key[0], key[1], sizeof(key[0])) > 0;
    f->hash = fnv1a(fnv1a(2166136261u, key[lo], 18), key[!lo], 18);
    f->ip_id[0] = (uint16_t)(0x4000 + (f->hash & 0xfff));
    f->ip_id[1] = (uint16_t)(0x9000 + (f->hash >> 20));
}

/* ---- transport and IP layers ---- */

void push_udp(struct pkt *p, uint16_t sport, uint16_t dport)
{
    size_t len = pkt_len(p) + 8;
    uint8_t *h = pkt_push(p, 8);

    wr16(h, sport);
    wr16(h + 2, dport);
    wr16(h + 4, (uint32_t)len); /* checksum is filled by the IP layer */
    p->ipproto = IPPROTO_UDP_;
}

void push_tcp(struct pkt *p, uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack,
              uint8_t flags)
{
    /* SYNs carry MSS, NOP, window scale 7, NOP, NOP, SACK permitted */
    static const uint8_t opts[12] = {2, 4, TCP_MSS >> 8, TCP_MSS & 0xff, 1, 3, 3, 7, 1, 1, 4, 2};
    size_t olen = (flags & TCP_SYN) ? sizeof(opts) : 0;
    uint8_t *h = pkt_push(p, 20 + olen);

    wr16(h, sport);
    wr16(h + 2, dport);
    wr32(h + 4, seq);
    wr32(h + 8, (flags & TCP_ACK) ? ack : 0);
    h[12] = (uint8_t)(((20 + olen) / 4) << 4);
    h[13] = flags;
    wr16(h + 14, (flags & TCP_SYN) ? TCP_WIN_SYN : TCP_WIN);
    memcpy(h + 20, opts, olen);
    p->ipproto = IPPROTO_TCP_;
}

/* frag is the IPv4 flags+offset field; l4csum is false when p holds only a fragment. */
static void push_ipv4(struct pkt *p, const uint8_t *src, const uint8_t *dst, uint16_t id,
                      uint16_t frag, bool l4csum)
{
    size_t len = pkt_len(p);
    uint8_t *h;

    if (l4csum)
        l4_set_csum(4, src, dst, p->ipproto, p->b + p->head, len);
    h = pkt_push(p, 20);
    h[0] = 0x45;
    wr16(h + 2, (uint32_t)(len + 20));
    wr16(h + 4, id);
    wr16(h + 6, frag);
    h[8] = 64;
    h[9] = p->ipproto;
    memcpy(h + 12, src, 4);
    memcpy(h + 16, dst, 4);
    wr16(h + 10, csum_fold(csum_add(0, h, 20)));
    p->ethertype = ETH_IPV4;
    p->ipproto = IPPROTO_IPIP_;
}

static void push_ipv6(struct pkt *p, const uint8_t *src, const uint8_t *dst, uint32_t label,
                      bool hbh)
{
    uint8_t next = p->ipproto;
    uint8_t *h;

    /* the pseudo-header names the upper layer and its length, not the extension header */
    l4_set_csum(6, src, dst, next, p->b + p->head, pkt_len(p));
    if (hbh) {
        h = pkt_push(p, 8);
        h[0] = next;
        h[2] = 1; /* PadN, 4 bytes of padding: the smallest valid option area */
        h[3] = 4;
        next = 0;
    }
    h = pkt_push(p, 40);
    wr32(h, 0x60000000u | (label & 0xfffff));
    wr16(h + 4, (uint32_t)(pkt_len(p) - 40));
    h[6] = next;
    h[7] = 64;
    memcpy(h + 8, src, 16);
    memcpy(h + 24, dst, 16);
    p->ethertype = ETH_IPV6;
    p->ipproto = 41;
}

/* ---- encapsulation layers: a stack, listed outermost first ---- */

static const uint8_t tun_mac_a[6] = {0x02, 0x00, 0x5e, 0x00, 0x01, 0x01};
static const uint8_t tun_mac_b[6] = {0x02, 0x00, 0x5e, 0x00, 0x01, 0x02};
static const uint8_t tun_ip_a[4] = {172, 31, 0, 10}; /* the mirror source / tunnel entry */
static const uint8_t tun_ip_b[4] = {172, 31, 0, 20}; /* the collector / tunnel exit */

static void need_inner(const struct pkt *p, uint16_t ethertype, const char *layer)
{
    if (p->ethertype != ethertype) {
        fprintf(stderr, "pcapgen: %s cannot carry ethertype 0x%04x\n", layer, p->ethertype);
        exit(1);
    }
}

void push_eth(struct pkt *p, const uint8_t *dst, const uint8_t *src)
{
    uint8_t *h = pkt_push(p, 14);

    memcpy(h, dst, 6);
    memcpy(h + 6, src, 6);
    wr16(h + 12, p->ethertype);
    p->ethertype = ETH_TEB;
}

void push_vlan(struct pkt *p, uint16_t tpid, uint32_t vid)
{
    uint8_t *h = pkt_push(p, 4);

    /* the TPID itself lives in the enclosing header's type field */
    wr16(h, vid & 0xfff);
    wr16(h + 2, p->ethertype);
    p->ethertype = tpid;
}

static void push_mpls(struct pkt *p, uint32_t label)
{
    uint32_t bos = p->ethertype != ETH_MPLS;
    uint8_t *h;

    if (bos && p->ethertype != ETH_IPV4 && p->ethertype != ETH_IPV6)
        need_inner(p, ETH_IPV4, "MPLS");
    h = pkt_push(p, 4);
    wr32(h, (label & 0xfffff) << 12 | bos << 8 | 64);
    p->ethertype = ETH_MPLS;
}

static void push_gre(struct pkt *p, unsigned flags, uint32_t key, uint32_t seq)
{
    size_t len = 4 + ((flags & LF_GRE_KEY) ? 4 : 0) + ((flags & LF_GRE_SEQ) ? 4 : 0);
    uint8_t *h = pkt_push(p, len);
    size_t o = 4;

    wr16(h, ((flags & LF_GRE_KEY) ? 0x2000 : 0) | ((flags & LF_GRE_SEQ) ? 0x1000 : 0));
    wr16(h + 2, p->ethertype);
    if (flags & LF_GRE_KEY) {
        wr32(h + o, key);
        o += 4;
    }
    if (flags & LF_GRE_SEQ)
        wr32(h + o, seq);
    p->ethertype = 0;
    p->ipproto = IPPROTO_GRE_;
}

/* ERSPAN type II (draft-foschiano-erspan): ver 1, VLAN 0, COS 0, En 0, T 0, session, index 0. */
static void push_erspan2(struct pkt *p, uint32_t session)
{
    uint8_t *h;

    need_inner(p, ETH_TEB, "ERSPAN II");
    h = pkt_push(p, 8);
    wr16(h, 1u << 12);
    wr16(h + 2, session & 0x3ff);
    p->ethertype = ETH_ERSPAN2;
}

/* ERSPAN type III: ver 2, session, timestamp in 100 us units (Gra 00), no platform subheader. */
static void push_erspan3(struct pkt *p, uint32_t session, uint64_t ts_us, int dir)
{
    uint8_t *h;

    need_inner(p, ETH_TEB, "ERSPAN III");
    h = pkt_push(p, 12);
    wr16(h, 2u << 12);
    wr16(h + 2, session & 0x3ff);
    wr32(h + 4, (uint32_t)(ts_us / 100));
    /* SGT 0, P 0, FT 0 (Ethernet), HW ID 1, D = direction, Gra 00, O 0 */
    wr16(h + 10, 1u << 4 | (uint32_t)dir << 3);
    p->ethertype = ETH_ERSPAN3;
}

static void push_vxlan(struct pkt *p, uint32_t vni)
{
    uint8_t *h;

    need_inner(p, ETH_TEB, "VXLAN");
    h = pkt_push(p, 8);
    h[0] = 0x08; /* I flag: VNI valid */
    wr32(h + 4, vni << 8);
}

static void push_geneve(struct pkt *p, uint32_t vni)
{
    uint8_t *h = pkt_push(p, 16);

    h[0] = 2; /* version 0, options length 2 words */
    wr16(h + 2, p->ethertype);
    wr32(h + 4, vni << 8);
    wr16(h + 8, 0xffff); /* option class: experimental use (RFC 8926) */
    h[10] = 0x01;        /* type */
    h[11] = 1;           /* one 4-byte word of option data */
    wr32(h + 12, 0x66646d70);
}

static void push_outer_udp(struct pkt *p, uint16_t dport, uint32_t flow_hash)
{
    /* like AWS traffic mirroring and RFC 7348: source port is a hash of the inner flow */
    push_udp(p, (uint16_t)(49152 + flow_hash % 16384), dport);
}

/* Linux cooked v1: packet type, ARPHRD_ETHER, sender's address, protocol. */
static void push_sll(struct pkt *p, const struct pktinfo *pi)
{
    uint8_t *h = pkt_push(p, 16);

    wr16(h, pi->dir == 0 ? 4 : 0); /* captured on the client: outgoing / to us */
    wr16(h + 2, 1);
    wr16(h + 4, 6);
    memcpy(h + 6, pi->src->mac, 6);
    wr16(h + 14, p->ethertype);
}

static void push_sll2(struct pkt *p, const struct pktinfo *pi)
{
    uint8_t *h = pkt_push(p, 20);

    wr16(h, p->ethertype);
    wr32(h + 4, 2); /* interface index */
    wr16(h + 8, 1);
    h[10] = pi->dir == 0 ? 4 : 0;
    h[11] = 6;
    memcpy(h + 12, pi->src->mac, 6);
}

/* BSD loopback: the address family in the capturing host's byte order (little-endian here). */
static void push_null(struct pkt *p)
{
    uint8_t *h;

    need_inner(p, ETH_IPV4, "NULL");
    h = pkt_push(p, 4);
    h[0] = 2; /* AF_INET */
}

void stack_apply(struct gen *g, struct pkt *p, const struct pktinfo *pi)
{
    for (size_t i = g->stack->n; i-- > 0;) {
        const struct layer *l = &g->stack->l[i];
        bool tun = l->flags & LF_TUNNEL;

        switch (l->kind) {
        case LK_ETH:
            push_eth(p, tun ? tun_mac_b : pi->dst->mac, tun ? tun_mac_a : pi->src->mac);
            break;
        case LK_VLAN:
            push_vlan(p, l->type, l->id);
            break;
        case LK_MPLS:
            push_mpls(p, l->id);
            break;
        case LK_IPV4:
            push_ipv4(p, tun_ip_a, tun_ip_b, g->outer_ip_id++, 0x4000, true);
            break;
        case LK_UDP:
            push_outer_udp(p, l->type, pi->flow_hash);
            break;
        case LK_GRE:
            push_gre(p, l->flags, l->id, g->gre_seq++);
            break;
        case LK_ERSPAN2:
            push_erspan2(p, l->id);
            break;
        case LK_ERSPAN3:
            push_erspan3(p, l->id, pi->ts_us, pi->dir);
            break;
        case LK_VXLAN:
            push_vxlan(p, l->id);
            break;
        case LK_GENEVE:
            push_geneve(p, l->id);
            break;
        case LK_SLL:
            push_sll(p, pi);
            break;
        case LK_SLL2:
            push_sll2(p, pi);
            break;
        case LK_NULL:
            push_null(p);
            break;
        }
    }
}

/* ---- pcap writer ---- */

static void put_le32(struct gen *g, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};

    if (fwrite(b, 1, 4, g->f) != 4)
        die("write failed");
}

static void pcap_header(struct gen *g)
{
    put_le32(g, 0xa1b2c3d4);
    put_le32(g, 2 | 4u << 16); /* version 2.4 */
    put_le32(g, 0);            /* thiszone */
    put_le32(g, 0);            /* sigfigs */
    put_le32(g, PCAP_SNAPLEN);
    put_le32(g, (uint32_t)g->linktype);
}

void gen_open(struct gen *g, const char *path, const struct stack *st)
{
    memset(g, 0, sizeof(*g));
    g->stack = st;
    g->linktype = st->linktype;
    g->ts_us = (uint64_t)START_SEC * 1000000;
    g->f = fopen(path, "wb");
    if (!g->f) {
        perror(path);
        exit(1);
    }
    pcap_header(g);
}

void gen_close(struct gen *g)
{
    if (ferror(g->f) || fclose(g->f) != 0)
        die("write failed");
    g->f = NULL;
}

/* Writes caplen bytes of p as a frame that was origlen bytes on the wire. */
void gen_write(struct gen *g, const struct pkt *p, size_t caplen, size_t origlen)
{
    if (g->stack->linktype != g->linktype)
        die("one capture, one link type");
    if (caplen > pkt_len(p))
        die("caplen beyond frame");
    put_le32(g, (uint32_t)(g->ts_us / 1000000));
    put_le32(g, (uint32_t)(g->ts_us % 1000000));
    put_le32(g, (uint32_t)caplen);
    put_le32(g, (uint32_t)origlen);
    if (fwrite(p->b + p->head, 1, caplen, g->f) != caplen)
        die("write failed");
    g->ts_us += STEP_US;
    g->npkts++;
}

/* Wraps the L4 datagram in p into the flow's IP header and the stack: a whole frame. */
void flow_frame(struct gen *g, struct flow *f, int dir, struct pkt *p)
{
    const struct endpoint *s = &f->ep[dir], *d = &f->ep[!dir];
    struct pktinfo pi = {dir, s, d, f->hash, g->ts_us};

    if (f->family == 4)
        push_ipv4(p, s->ip, d->ip, f->ip_id[dir]++, 0x4000, true);
    else
        push_ipv6(p, s->ip, d->ip, f->hash, f->hbh);
    stack_apply(g, p, &pi);
}

static void flow_emit(struct gen *g, struct flow *f, int dir, struct pkt *p)
{
    flow_frame(g, f, dir, p);
    gen_write(g, p, pkt_len(p), pkt_len(p));
}

void udp_emit(struct gen *g, struct flow *f, int dir, const void *data, size_t len)
{
    struct pkt p;

    pkt_init(&p, data, len);
    push_udp(&p, f->ep[dir].port, f->ep[!dir].port);
    flow_emit(g, f, dir, &p);
}

/*
 * Sends one IPv4 UDP datagram as two fragments, the first carrying first_len
 * bytes of IP payload (a multiple of 8), the second the rest. The UDP checksum covers the whole
 * datagram, as a real sender computes it before fragmenting.
 */
void udp_emit_frags(struct gen *g, struct flow *f, int dir, const void *data, size_t len,
                    size_t first_len)
{
    const struct endpoint *s = &f->ep[dir], *d = &f->ep[!dir];
    struct pktinfo pi = {dir, s, d, f->hash, 0};
    struct pkt whole, frag;
    uint16_t id = f->ip_id[dir]++;
    size_t l4len;

    if (f->family != 4 || first_len % 8)
        die("fragments: IPv4 and 8-byte multiples only");
    pkt_init(&whole, data, len);
    push_udp(&whole, s->port, d->port);
    l4len = pkt_len(&whole);
    l4_set_csum(4, s->ip, d->ip, IPPROTO_UDP_, whole.b + whole.head, l4len);
    if (first_len >= l4len)
        die("fragments: nothing left for the second fragment");
    for (int i = 0; i < 2; i++) {
        size_t off = i ? first_len : 0, n = i ? l4len - first_len : first_len;

        pkt_init(&frag, whole.b + whole.head + off, n);
        frag.ipproto = IPPROTO_UDP_;
        push_ipv4(&frag, s->ip, d->ip, id, (i ? 0 : 0x2000u) | (uint32_t)(off / 8), false);
        pi.ts_us = g->ts_us;
        stack_apply(g, &frag, &pi);
        gen_write(g, &frag, pkt_len(&frag), pkt_len(&frag));
    }
}

/* ---- TCP sessions ---- */

void tcp_conn_init(struct tcp_conn *c, int family, const uint8_t *cip, uint16_t cport,
                   const uint8_t *sip, uint16_t sport)
{
    flow_init(&c->f, family, cip, cport, sip, sport);
    c->nxt[0] = 0x1d3c0000u ^ (c->f.hash & 0xffff);
    c->nxt[1] = 0xa07e0000u ^ (c->f.hash >> 16);
}

void tcp_seg(struct gen *g, struct tcp_conn *c, int dir, uint32_t seq, uint8_t flags,
             const void *data, size_t len)
{
    struct pkt p;

    pkt_init(&p, data, len);
    push_tcp(&p, c->f.ep[dir].port, c->f.ep[!dir].port, seq, c->nxt[!dir], flags);
    flow_emit(g, &c->f, dir, &p);
}

static void tcp_handshake(struct gen *g, struct tcp_conn *c)
{
    tcp_seg(g, c, 0, c->nxt[0]++, TCP_SYN, NULL, 0);
    tcp_seg(g, c, 1, c->nxt[1]++, TCP_SYN | TCP_ACK, NULL, 0);
    tcp_seg(g, c, 0, c->nxt[0], TCP_ACK, NULL, 0);
}

/* Client closes first; the server's FIN rides on its ACK; the client acknowledges. */
static void tcp_close(struct gen *g, struct tcp_conn *c)
{
    tcp_seg(g, c, 0, c->nxt[0]++, TCP_FIN | TCP_ACK, NULL, 0);
    tcp_seg(g, c, 1, c->nxt[1]++, TCP_FIN | TCP_ACK, NULL, 0);
    tcp_seg(g, c, 0, c->nxt[0], TCP_ACK, NULL, 0);
}

void session_run(struct gen *g, struct tcp_conn *c, const struct step *steps, size_t n,
                 const struct session_opts *o)
{
    if (o->handshake)
        tcp_handshake(g, c);
    for (size_t i = 0; i < n; i++) {
        const struct step *s = &steps[i];
        const uint8_t *d = s->data;
        uint32_t base = c->nxt[s->dir];

        if (s->segs) {
            for (size_t k = 0; k < s->nsegs; k++) {
                if (s->segs[k].off + s->segs[k].len > s->len)
                    die("segment beyond step");
                tcp_seg(g, c, s->dir, base + (uint32_t)s->segs[k].off, TCP_PSH | TCP_ACK,
                        d + s->segs[k].off, s->segs[k].len);
            }
        } else {
            for (size_t off = 0; off < s->len; off += TCP_MSS) {
                size_t len = s->len - off < TCP_MSS ? s->len - off : TCP_MSS;
                uint8_t fl = off + len == s->len ? TCP_PSH | TCP_ACK : TCP_ACK;

                tcp_seg(g, c, s->dir, base + (uint32_t)off, fl, d + off, len);
            }
        }
        c->nxt[s->dir] = base + (uint32_t)s->len;
        tcp_seg(g, c, !s->dir, c->nxt[!s->dir], TCP_ACK, NULL, 0);
    }
    if (o->close)
        tcp_close(g, c);
}
