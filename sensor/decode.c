/*
 * decode.c - L2..L4 decoding of one captured frame into a struct pkt.
 *
 * A straight-line offset walker: one `struct walk` holds the frame, the offset
 * of the next layer and the end of the bytes that layer may use; a loop over a
 * small switch moves from layer to layer (no function pointers, no recursion),
 * and every read is preceded by a check against `end`, which starts at caplen
 * and only ever shrinks (IP total length, UDP length, PPPoE length). Tunnels
 * (GRE, ERSPAN I/II/III, VXLAN, GENEVE, IP-in-IP) restart the walk at the
 * inner layer, so the innermost IP packet overwrites the outer one in *p.
 *
 * Two kinds of "too short" are told apart for L3/L4 headers: shorter than the
 * enclosing IP header says (BAD_*: the sender lied) and shorter than what was
 * captured (TRUNC_*: snaplen). Tunnel headers inside a short packet are
 * TRUNC_* either way except VXLAN/GENEVE/GRE, which have BAD_* counters.
 *
 * Deliberately not done: fragment reassembly, checksum validation, IPv4
 * option or IPv6 option parsing (they are skipped by length), GRE version 1
 * (PPTP), VXLAN-GPE, MPLS pseudowires (control word / Ethernet over MPLS:
 * NOT_IP). IPv4 total length 0 (TSO/GSO on the capturing host) and IPv6
 * payload length 0 (jumbogram) are taken to mean "whatever was captured".
 */
#include "decode.h"

#include <string.h>

#include "util.h"

#define ETH_HLEN          14
#define SLL_HLEN          16
#define SLL2_HLEN         20
#define ARPHRD_NETLINK    824 /* SLL/SLL2 netlink capture: "protocol" is not an ethertype */
#define ETHERTYPE_MIN     0x0600
#define ETH_P_IP          0x0800
#define ETH_P_IPV6        0x86DD
#define ETH_P_8021Q       0x8100
#define ETH_P_8021AD      0x88A8
#define ETH_P_QINQ_OLD    0x9100
#define ETH_P_MPLS_UC     0x8847
#define ETH_P_MPLS_MC     0x8848
#define ETH_P_PPPOE_SESS  0x8864
#define ETH_P_TEB         0x6558 /* transparent Ethernet bridging (GRE, GENEVE) */
#define ETH_P_ERSPAN      0x88BE /* ERSPAN I (no GRE S flag) / II (S flag) */
#define ETH_P_ERSPAN3     0x22EB
#define PPP_IP            0x0021
#define PPP_IPV6          0x0057
#define IPV4_HLEN         20
#define IPV6_HLEN         40
#define TCP_HLEN          20
#define UDP_HLEN          8
#define GRE_HLEN          4
#define GRE_F_CSUM        0x8000
#define GRE_F_ROUTING     0x4000
#define GRE_F_KEY         0x2000
#define GRE_F_SEQ         0x1000
#define GRE_VERSION_MASK  0x0007
#define ERSPAN2_HLEN      8
#define ERSPAN3_HLEN      12
#define ERSPAN3_SUBHLEN   8 /* platform-specific subheader when the O flag is set */
#define ERSPAN_SID_MASK   0x03FF
#define VXLAN_HLEN        8
#define VXLAN_F_VNI       0x08
#define GENEVE_HLEN       8
#define IPPROTO_HOPOPTS_  0
#define IPPROTO_IPIP_     4
#define IPPROTO_TCP_      6
#define IPPROTO_UDP_      17
#define IPPROTO_IPV6_     41
#define IPPROTO_ROUTING_  43
#define IPPROTO_FRAGMENT_ 44
#define IPPROTO_GRE_      47
#define IPPROTO_AH_       51
#define IPPROTO_DSTOPTS_  60
#define IPV6_EXT_MIN      8  /* every extension header we walk is at least 8 bytes */
#define PKT_ZERO_SPLIT    64 /* see decode_frame(): keeps memset inlined */

/* What starts at walk.off. */
enum next_layer {
    NX_DONE = 0,
    NX_ETH,
    NX_IPV4,
    NX_IPV6,
    NX_MPLS,
    NX_PPPOE,
    NX_L4, /* p->proto at off; l4_wire set by the IP layer */
};

struct walk {
    const uint8_t *f;
    uint32_t off;     /* where the next layer starts; always <= end */
    uint32_t end;     /* reads stay below this: caplen, trimmed by IP/UDP/PPPoE lengths */
    uint32_t l4_wire; /* bytes from off to the IP payload's end as the IP header says */
    int next;
};

static const struct decode_cfg default_cfg = {.vxlan_ports = {4789}, .geneve_port = 6081};

static const uint8_t v4mapped_prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

static const char *const result_names[DECODE_RESULT_COUNT] = {
#define DECODE_NAME(name, str) [DECODE_##name] = str,
    DECODE_RESULTS(DECODE_NAME)
#undef DECODE_NAME
};

const char *decode_result_name(int result)
{
    if (result < 0 || result >= DECODE_RESULT_COUNT)
        return "unknown";
    return result_names[result];
}

void decode_cfg_default(struct decode_cfg *cfg)
{
    *cfg = default_cfg;
}

int decode_link_supported(int linktype)
{
    switch (linktype) {
    case LINK_NULL:
    case LINK_EN10MB:
    case LINK_DLT_RAW:
    case LINK_DLT_RAW14:
    case LINK_RAW:
    case LINK_LOOP:
    case LINK_LINUX_SLL:
    case LINK_IPV4:
    case LINK_IPV6:
    case LINK_LINUX_SLL2:
        return 1;
    default:
        return 0;
    }
}

static inline uint32_t avail(const struct walk *w)
{
    return w->end - w->off;
}

/* Counts one removed tunnel layer; the first one (outermost) names the tunnel. */
static inline int tunnel_enter(struct pkt *p, int type, int has_id, uint32_t id)
{
    if (unlikely(p->ntunnel >= DECODE_MAX_TUNNEL))
        return DECODE_TOO_MANY_TUNNELS;
    if (p->ntunnel == 0) {
        p->tunnel = (uint8_t)type;
        p->tunnel_has_id = (uint8_t)has_id;
        p->tunnel_id = id;
    }
    p->ntunnel++;
    return DECODE_OK;
}

/*
 * An inner IP header replaces the outer one: clear what the outer L4 left so
 * a truncated inner packet never shows the outer ports as its own.
 */
static inline void l4_reset(struct pkt *p)
{
    p->proto = 0;
    p->is_fragment = 0;
    p->l4_ok = 0;
    p->sport = p->dport = 0;
    p->tcp_flags = 0;
    p->seq = p->ack = 0;
    p->win = 0;
    p->payload = NULL;
    p->payload_len = p->payload_wirelen = 0;
}

/* VLAN tags (any number of 802.1Q/802.1ad/0x9100), then the ethertype. */
static int walk_ethertype(struct pkt *p, struct walk *w, uint16_t type)
{
    while (type == ETH_P_8021Q || type == ETH_P_8021AD || type == ETH_P_QINQ_OLD) {
        if (avail(w) < 4)
            return DECODE_TRUNC_VLAN;
        if (p->nvlan >= DECODE_MAX_VLAN)
            return DECODE_TOO_MANY_VLAN;
        p->vlan[p->nvlan++] = rd16be(w->f + w->off) & 0x0fff;
        type = rd16be(w->f + w->off + 2);
        w->off += 4;
    }
    switch (type) {
    case ETH_P_IP:
        w->next = NX_IPV4;
        return DECODE_OK;
    case ETH_P_IPV6:
        w->next = NX_IPV6;
        return DECODE_OK;
    case ETH_P_MPLS_UC:
    case ETH_P_MPLS_MC:
        w->next = NX_MPLS;
        return DECODE_OK;
    case ETH_P_PPPOE_SESS:
        w->next = NX_PPPOE;
        return DECODE_OK;
    default: /* ARP, LLDP, 802.3 length field, ... */
        return DECODE_NOT_IP;
    }
}

static inline int walk_eth(struct pkt *p, struct walk *w)
{
    if (avail(w) < ETH_HLEN)
        return DECODE_TRUNC_L2;
    uint16_t type = rd16be(w->f + w->off + 12);
    w->off += ETH_HLEN;
    return walk_ethertype(p, w, type);
}

/* No type field: the IP version nibble says which IP this is. */
static inline int walk_ip_guess(struct walk *w, int trunc, int other)
{
    if (avail(w) < 1)
        return trunc;
    switch (w->f[w->off] >> 4) {
    case 4:
        w->next = NX_IPV4;
        return DECODE_OK;
    case 6:
        w->next = NX_IPV6;
        return DECODE_OK;
    default:
        return other;
    }
}

static int walk_mpls(struct walk *w)
{
    for (unsigned i = 0; i < DECODE_MAX_MPLS; i++) {
        if (avail(w) < 4)
            return DECODE_TRUNC_MPLS;
        int bottom = w->f[w->off + 2] & 0x01;
        w->off += 4;
        if (bottom)
            return walk_ip_guess(w, DECODE_TRUNC_MPLS, DECODE_NOT_IP);
    }
    return DECODE_TOO_MANY_MPLS;
}

/* PPPoE session stage (RFC 2516): 6-byte header, then the 2-byte PPP protocol. */
static int walk_pppoe(struct walk *w)
{
    if (avail(w) < 8)
        return DECODE_TRUNC_L2;
    const uint8_t *b = w->f + w->off;
    if (b[0] != 0x11 || b[1] != 0x00) /* version 1, type 1, code 0 (session data) */
        return DECODE_NOT_IP;
    uint32_t len = rd16be(b + 4); /* counts the PPP protocol field */
    uint16_t proto = rd16be(b + 6);
    w->off += 8;
    if (len >= 2 && len - 2 < avail(w))
        w->end = w->off + len - 2; /* Ethernet padding */
    switch (proto) {
    case PPP_IP:
        w->next = NX_IPV4;
        return DECODE_OK;
    case PPP_IPV6:
        w->next = NX_IPV6;
        return DECODE_OK;
    default:
        return DECODE_NOT_IP;
    }
}

static int walk_ipv4(struct pkt *p, struct walk *w)
{
    uint32_t cap = avail(w);
    if (cap < IPV4_HLEN)
        return DECODE_TRUNC_IPV4;
    const uint8_t *b = w->f + w->off;
    if ((b[0] >> 4) != 4)
        return DECODE_BAD_IP_VERSION;
    uint32_t hl = (b[0] & 0x0fu) * 4u;
    uint32_t tot = rd16be(b + 2);
    if (hl < IPV4_HLEN)
        return DECODE_BAD_IPV4;
    if (tot == 0) /* TSO/GSO super-packet seen before segmentation */
        tot = cap;
    if (tot < hl)
        return DECODE_BAD_IPV4;
    if (hl > cap)
        return DECODE_TRUNC_IPV4;
    if (tot < cap) { /* trailing bytes are link padding, not ours */
        w->end = w->off + tot;
        cap = tot;
    }
    if (unlikely(p->ntunnel))
        l4_reset(p);
    p->ip_version = 4;
    p->l3 = b;
    p->l3_len = cap;
    memcpy(p->src, v4mapped_prefix, 12);
    memcpy(p->src + 12, b + 12, 4);
    memcpy(p->dst, v4mapped_prefix, 12);
    memcpy(p->dst + 12, b + 16, 4);
    p->proto = b[9];
    w->off += hl;
    w->l4_wire = tot - hl;
    uint16_t frag = rd16be(b + 6);
    if (frag & 0x3fff) { /* MF or a fragment offset */
        p->is_fragment = 1;
        if (frag & 0x1fff) { /* not the first fragment: no L4 header here */
            w->next = NX_DONE;
            return DECODE_OK;
        }
    }
    w->next = NX_L4;
    return DECODE_OK;
}

static int walk_ipv6(struct pkt *p, struct walk *w)
{
    uint32_t cap = avail(w);
    if (cap < IPV6_HLEN)
        return DECODE_TRUNC_IPV6;
    const uint8_t *b = w->f + w->off;
    if ((b[0] >> 4) != 6)
        return DECODE_BAD_IP_VERSION;
    uint32_t plen = rd16be(b + 4);
    uint32_t wire;
    if (plen == 0) { /* jumbogram or GSO: trust the capture */
        wire = cap - IPV6_HLEN;
    } else {
        wire = plen;
        if (IPV6_HLEN + plen < cap) {
            w->end = w->off + IPV6_HLEN + plen;
            cap = IPV6_HLEN + plen;
        }
    }
    if (unlikely(p->ntunnel))
        l4_reset(p);
    p->ip_version = 6;
    p->l3 = b;
    p->l3_len = cap;
    memcpy(p->src, b + 8, 16);
    memcpy(p->dst, b + 24, 16);
    uint8_t nh = b[6];
    p->proto = nh;
    w->off += IPV6_HLEN;

    for (unsigned n = 0;; n++) {
        uint32_t len, frag_off = 0;
        switch (nh) {
        case IPPROTO_HOPOPTS_:
        case IPPROTO_ROUTING_:
        case IPPROTO_FRAGMENT_:
        case IPPROTO_AH_:
        case IPPROTO_DSTOPTS_:
            break;
        default: /* TCP, UDP, ICMPv6, No Next Header (59), ESP, ...: L4 decides */
            w->l4_wire = wire;
            w->next = NX_L4;
            return DECODE_OK;
        }
        if (n >= DECODE_MAX_IPV6_EXT)
            return DECODE_TOO_MANY_IPV6_EXT;
        if (wire < IPV6_EXT_MIN)
            return DECODE_BAD_IPV6;
        if (avail(w) < IPV6_EXT_MIN)
            return DECODE_TRUNC_IPV6;
        const uint8_t *e = w->f + w->off;
        if (nh == IPPROTO_FRAGMENT_) {
            len = 8;
            frag_off = rd16be(e + 2) & 0xfff8;
            p->is_fragment = 1;
        } else if (nh == IPPROTO_AH_) {
            len = ((uint32_t)e[1] + 2) * 4;
        } else {
            len = ((uint32_t)e[1] + 1) * 8;
        }
        if (len > wire)
            return DECODE_BAD_IPV6;
        if (len > avail(w))
            return DECODE_TRUNC_IPV6;
        nh = e[0];
        p->proto = nh;
        w->off += len;
        wire -= len;
        if (frag_off) { /* not the first fragment: no L4 header here */
            w->next = NX_DONE;
            return DECODE_OK;
        }
    }
}

static int walk_tcp(struct pkt *p, struct walk *w)
{
    uint32_t cap = avail(w), wire = w->l4_wire;
    if (wire < TCP_HLEN)
        return DECODE_BAD_TCP;
    if (cap < TCP_HLEN)
        return DECODE_TRUNC_TCP;
    const uint8_t *b = w->f + w->off;
    uint32_t doff = (uint32_t)(b[12] >> 4) * 4u;
    if (doff < TCP_HLEN || doff > wire)
        return DECODE_BAD_TCP;
    if (doff > cap)
        return DECODE_TRUNC_TCP;
    p->sport = rd16be(b);
    p->dport = rd16be(b + 2);
    p->seq = rd32be(b + 4);
    p->ack = rd32be(b + 8);
    p->tcp_flags = b[13];
    p->win = rd16be(b + 14);
    p->l4_ok = 1;
    p->payload_len = cap - doff;
    p->payload_wirelen = wire - doff;
    p->payload = p->payload_len ? b + doff : NULL;
    w->next = NX_DONE;
    return DECODE_OK;
}

static int walk_vxlan(struct pkt *p, struct walk *w, uint32_t wire)
{
    if (wire < VXLAN_HLEN)
        return DECODE_BAD_VXLAN;
    if (avail(w) < VXLAN_HLEN)
        return DECODE_TRUNC_VXLAN;
    const uint8_t *b = w->f + w->off;
    if (!(b[0] & VXLAN_F_VNI))
        return DECODE_BAD_VXLAN;
    int r = tunnel_enter(p, TUNNEL_VXLAN, 1, rd24be(b + 4));
    if (r != DECODE_OK)
        return r;
    w->off += VXLAN_HLEN;
    w->next = NX_ETH;
    return DECODE_OK;
}

static int walk_geneve(struct pkt *p, struct walk *w, uint32_t wire)
{
    if (wire < GENEVE_HLEN)
        return DECODE_BAD_GENEVE;
    if (avail(w) < GENEVE_HLEN)
        return DECODE_TRUNC_GENEVE;
    const uint8_t *b = w->f + w->off;
    if (b[0] >> 6) /* version 0 is the only one defined (RFC 8926) */
        return DECODE_BAD_GENEVE;
    uint32_t hl = GENEVE_HLEN + (b[0] & 0x3fu) * 4u;
    if (wire < hl)
        return DECODE_BAD_GENEVE;
    if (avail(w) < hl)
        return DECODE_TRUNC_GENEVE;
    int next;
    switch (rd16be(b + 2)) {
    case ETH_P_TEB:
        next = NX_ETH;
        break;
    case ETH_P_IP:
        next = NX_IPV4;
        break;
    case ETH_P_IPV6:
        next = NX_IPV6;
        break;
    default: /* a GENEVE payload we do not follow: the outer UDP packet stands */
        w->next = NX_DONE;
        return DECODE_OK;
    }
    int r = tunnel_enter(p, TUNNEL_GENEVE, 1, rd24be(b + 4));
    if (r != DECODE_OK)
        return r;
    w->off += hl;
    w->next = next;
    return DECODE_OK;
}

static int walk_udp(struct pkt *p, const struct decode_cfg *cfg, struct walk *w)
{
    uint32_t cap = avail(w), wire = w->l4_wire;
    if (wire < UDP_HLEN)
        return DECODE_BAD_UDP;
    if (cap < UDP_HLEN)
        return DECODE_TRUNC_UDP;
    const uint8_t *b = w->f + w->off;
    uint32_t ulen = rd16be(b + 4);
    if (ulen != 0) { /* 0: IPv6 jumbogram (RFC 2675), the IP length rules */
        if (ulen < UDP_HLEN)
            return DECODE_BAD_UDP;
        if (ulen <= wire) {
            wire = ulen;
            if (cap > ulen) {
                cap = ulen;
                w->end = w->off + ulen;
            }
        } else if (!p->is_fragment) { /* a first fragment carries part of ulen */
            return DECODE_BAD_UDP;
        }
    }
    uint16_t dport = rd16be(b + 2);
    p->sport = rd16be(b);
    p->dport = dport;
    p->l4_ok = 1;
    p->payload_len = cap - UDP_HLEN;
    p->payload_wirelen = wire - UDP_HLEN;
    p->payload = p->payload_len ? b + UDP_HLEN : NULL;
    w->off += UDP_HLEN;
    w->next = NX_DONE;

    for (unsigned i = 0; i < DECODE_MAX_VXLAN_PORTS; i++)
        if (cfg->vxlan_ports[i] == dport && dport != 0)
            return walk_vxlan(p, w, wire - UDP_HLEN);
    if (dport == cfg->geneve_port && dport != 0)
        return walk_geneve(p, w, wire - UDP_HLEN);
    return DECODE_OK;
}

/* ERSPAN I/II/III after the GRE header: session header(s), then Ethernet. */
static int walk_erspan(struct pkt *p, struct walk *w, uint16_t gre_proto, int gre_seq)
{
    const uint8_t *b = w->f + w->off;
    uint32_t hl;
    int has_id = 1;
    if (gre_proto == ETH_P_ERSPAN3) {
        if (avail(w) < ERSPAN3_HLEN)
            return DECODE_TRUNC_ERSPAN;
        hl = ERSPAN3_HLEN;
        if (b[11] & 0x01)
            hl += ERSPAN3_SUBHLEN;
    } else if (gre_seq) {
        hl = ERSPAN2_HLEN;
    } else { /* type I: the mirrored frame follows GRE directly */
        hl = 0;
        has_id = 0;
    }
    if (avail(w) < hl)
        return DECODE_TRUNC_ERSPAN;
    int r = tunnel_enter(p, TUNNEL_ERSPAN, has_id, has_id ? rd16be(b + 2) & ERSPAN_SID_MASK : 0);
    if (r != DECODE_OK)
        return r;
    w->off += hl;
    w->next = NX_ETH;
    return DECODE_OK;
}

static int walk_gre(struct pkt *p, struct walk *w)
{
    uint32_t wire = w->l4_wire;
    if (wire < GRE_HLEN)
        return DECODE_BAD_GRE;
    if (avail(w) < GRE_HLEN)
        return DECODE_TRUNC_GRE;
    const uint8_t *b = w->f + w->off;
    uint16_t flags = rd16be(b), proto = rd16be(b + 2);
    if ((flags & GRE_VERSION_MASK) || (flags & GRE_F_ROUTING))
        return DECODE_BAD_GRE;
    uint32_t key_off = GRE_HLEN + ((flags & GRE_F_CSUM) ? 4 : 0);
    uint32_t hl = key_off + ((flags & GRE_F_KEY) ? 4 : 0) + ((flags & GRE_F_SEQ) ? 4 : 0);
    if (wire < hl)
        return DECODE_BAD_GRE;
    if (avail(w) < hl)
        return DECODE_TRUNC_GRE;
    int has_key = (flags & GRE_F_KEY) != 0;
    uint32_t key = has_key ? rd32be(b + key_off) : 0;
    int next;
    switch (proto) {
    case ETH_P_IP:
        next = NX_IPV4;
        break;
    case ETH_P_IPV6:
        next = NX_IPV6;
        break;
    case ETH_P_TEB:
        next = NX_ETH;
        break;
    case ETH_P_MPLS_UC:
    case ETH_P_MPLS_MC:
        next = NX_MPLS;
        break;
    case ETH_P_ERSPAN:
    case ETH_P_ERSPAN3:
        w->off += hl;
        return walk_erspan(p, w, proto, (flags & GRE_F_SEQ) != 0);
    default: /* a GRE payload we do not follow: the outer IP packet stands */
        w->next = NX_DONE;
        return DECODE_OK;
    }
    int r = tunnel_enter(p, TUNNEL_GRE, has_key, key);
    if (r != DECODE_OK)
        return r;
    w->off += hl;
    w->next = next;
    return DECODE_OK;
}

static int walk_l4(struct pkt *p, const struct decode_cfg *cfg, struct walk *w)
{
    int r;
    switch (p->proto) {
    case IPPROTO_TCP_:
        return walk_tcp(p, w);
    case IPPROTO_UDP_:
        return walk_udp(p, cfg, w);
    case IPPROTO_GRE_:
        return walk_gre(p, w);
    case IPPROTO_IPIP_:
    case IPPROTO_IPV6_:
        r = tunnel_enter(p, TUNNEL_IPIP, 0, 0);
        if (r != DECODE_OK)
            return r;
        w->next = p->proto == IPPROTO_IPIP_ ? NX_IPV4 : NX_IPV6;
        return DECODE_OK;
    default: /* ICMP, SCTP, ESP, ...: the IP header is all we describe */
        w->next = NX_DONE;
        return DECODE_OK;
    }
}

/* BSD loopback address family: AF_INET is 2 everywhere, AF_INET6 differs by OS. */
static inline int af_next(uint32_t af)
{
    switch (af) {
    case 2:
        return NX_IPV4;
    case 24: /* NetBSD, OpenBSD, BSD/OS */
    case 28: /* FreeBSD, DragonFly */
    case 30: /* macOS */
        return NX_IPV6;
    default:
        return NX_DONE;
    }
}

/* Link header: sets w->off/w->next, or returns why not. */
static int walk_link(struct pkt *p, struct walk *w, int linktype)
{
    const uint8_t *b = w->f;
    uint32_t caplen = w->end;
    switch (linktype) {
    case LINK_EN10MB:
        w->next = NX_ETH;
        return DECODE_OK;
    case LINK_LINUX_SLL:
        if (caplen < SLL_HLEN)
            return DECODE_TRUNC_L2;
        if (rd16be(b + 2) == ARPHRD_NETLINK)
            return DECODE_NOT_IP;
        w->off = SLL_HLEN;
        return walk_ethertype(p, w, rd16be(b + 14));
    case LINK_LINUX_SLL2:
        if (caplen < SLL2_HLEN)
            return DECODE_TRUNC_L2;
        if (rd16be(b + 8) == ARPHRD_NETLINK)
            return DECODE_NOT_IP;
        w->off = SLL2_HLEN;
        return walk_ethertype(p, w, rd16be(b));
    case LINK_RAW:
    case LINK_DLT_RAW:
    case LINK_DLT_RAW14:
        return walk_ip_guess(w, DECODE_TRUNC_L2, DECODE_BAD_IP_VERSION);
    case LINK_IPV4:
        w->next = NX_IPV4;
        return DECODE_OK;
    case LINK_IPV6:
        w->next = NX_IPV6;
        return DECODE_OK;
    case LINK_NULL:
    case LINK_LOOP:
        if (caplen < 4)
            return DECODE_TRUNC_L2;
        w->off = 4;
        if (linktype == LINK_LOOP) {
            w->next = af_next(rd32be(b));
        } else { /* host order of the capturing machine, which may not be ours */
            w->next = af_next(rd32le(b));
            if (w->next == NX_DONE)
                w->next = af_next(rd32be(b));
        }
        return w->next == NX_DONE ? DECODE_NOT_IP : DECODE_OK;
    default:
        return DECODE_UNSUPPORTED_LINK;
    }
}

/*
 * The commonest frame on a SPAN port, checked in one straight pass: Ethernet
 * with at most one VLAN tag, IPv4 that is not a fragment, TCP or UDP not to
 * a tunnel port. fast_check() reads and checks; it writes nothing but *fs (a
 * struct pkt_peek's layout part), so the owner peek (decode_peek) and the
 * decoder (decode_fast) take the same frames by one test. Anything else (or
 * anything the walk would reject) returns 0, and the walk decides.
 *
 * Always inlined: called out of line (gcc splits it), *fs goes through the
 * stack, and the 8-byte reload of two 4-byte fields stalled store forwarding
 * (a third of decode_frame's time).
 */
/*
 * Is dport one of the tunnel ports (VXLAN or GENEVE)? The four VXLAN ports
 * are compared at once, as the 16-bit lanes of one word (a lane is zero
 * exactly where a port equals dport): one test for the commonest UDP packet,
 * where the loop was a sixth of its decode.
 */
_Static_assert(DECODE_MAX_VXLAN_PORTS == 4, "udp_tunnel_port() compares four ports as a word");
static inline int udp_tunnel_port(const struct decode_cfg *cfg, uint16_t dport)
{
    const uint64_t lanes = 0x0001000100010001ULL;
    uint64_t x;

    memcpy(&x, cfg->vxlan_ports, 8);
    x ^= lanes * dport;
    return dport != 0 && (((x - lanes) & ~x & (lanes << 15)) != 0 || dport == cfg->geneve_port);
}

__attribute__((always_inline)) static inline int
fast_check(struct pkt_peek *fs, const struct decode_cfg *cfg, const uint8_t *frame, uint32_t caplen)
{
    uint32_t off = ETH_HLEN, cap, hl, tot, wire, l4cap, doff = 0;
    uint16_t type, vlan = 0, dport;
    const uint8_t *b, *l4;
    uint8_t proto, nvlan = 0;

    if (caplen < ETH_HLEN + IPV4_HLEN)
        return 0;
    type = rd16be(frame + 12);
    if (type == ETH_P_8021Q || type == ETH_P_8021AD || type == ETH_P_QINQ_OLD) {
        if (caplen < ETH_HLEN + 4 + IPV4_HLEN)
            return 0;
        vlan = rd16be(frame + 14) & 0x0fff;
        type = rd16be(frame + 16);
        off += 4;
        nvlan = 1;
    }
    if (type != ETH_P_IP)
        return 0;
    b = frame + off;
    cap = caplen - off;
    hl = (b[0] & 0x0fu) * 4u;
    tot = rd16be(b + 2);
    if ((b[0] >> 4) != 4 || hl < IPV4_HLEN || hl > cap || (rd16be(b + 6) & 0x3fff))
        return 0;
    if (tot == 0) /* TSO/GSO super-packet, as in walk_ipv4() */
        tot = cap;
    if (tot < hl)
        return 0;
    if (tot < cap)
        cap = tot;
    proto = b[9];
    wire = tot - hl;
    l4cap = cap - hl;
    l4 = b + hl;
    if (proto == IPPROTO_TCP_) {
        if (wire < TCP_HLEN || l4cap < TCP_HLEN)
            return 0;
        doff = (uint32_t)(l4[12] >> 4) * 4u;
        if (doff < TCP_HLEN || doff > wire || doff > l4cap)
            return 0;
    } else if (proto == IPPROTO_UDP_) {
        uint32_t ulen;
        if (wire < UDP_HLEN || l4cap < UDP_HLEN)
            return 0;
        ulen = rd16be(l4 + 4);
        if (ulen != 0) {
            if (ulen < UDP_HLEN || ulen > wire)
                return 0;
            wire = ulen;
            if (l4cap > ulen)
                l4cap = ulen;
        }
        dport = rd16be(l4 + 2);
        if (udp_tunnel_port(cfg, dport))
            return 0;
        doff = UDP_HLEN;
    } else {
        return 0;
    }
    fs->l3 = b;
    fs->l4 = l4;
    fs->cap = cap;
    fs->wire = wire;
    fs->l4cap = l4cap;
    fs->doff = doff;
    fs->vlan = vlan;
    fs->nvlan = nvlan;
    fs->proto = proto;
    return 1;
}

/*
 * ::ffff:a.b.c.d built in registers and stored at once: the flow table reads
 * the address back at once (16 bytes, or 8 and 8), and a load spanning two
 * smaller stores (12 + 4 as memcpy wrote them) waits for them to retire.
 */
static inline void v4mapped_store(uint8_t out[16], const uint8_t *a4)
{
    uint64_t w[2] = {0, v4mapped_lo(a4)};

    memcpy(out, w, 16);
}

/* *p of a frame fast_check() took, as the walk would write it. *p is zeroed by the caller. */
static inline void fast_write(struct pkt *p, const struct pkt_peek *fs)
{
    const uint8_t *l4 = fs->l4;

    p->vlan[0] = fs->vlan;
    p->nvlan = fs->nvlan;
    p->ip_version = 4;
    p->l3 = fs->l3;
    p->l3_len = fs->cap;
    v4mapped_store(p->src, fs->l3 + 12);
    v4mapped_store(p->dst, fs->l3 + 16);
    p->proto = fs->proto;
    p->l4_ok = 1;
    p->sport = rd16be(l4);
    p->dport = rd16be(l4 + 2);
    if (fs->proto == IPPROTO_TCP_) {
        p->seq = rd32be(l4 + 4);
        p->ack = rd32be(l4 + 8);
        p->tcp_flags = l4[13];
        p->win = rd16be(l4 + 14);
    }
    p->payload_len = fs->l4cap - fs->doff;
    p->payload_wirelen = fs->wire - fs->doff;
    p->payload = p->payload_len ? l4 + fs->doff : NULL;
}

static inline int decode_fast(struct pkt *p, const struct decode_cfg *cfg, const uint8_t *frame,
                              uint32_t caplen)
{
    struct pkt_peek fs;

    if (!fast_check(&fs, cfg, frame, caplen))
        return 0;
    fast_write(p, &fs);
    return 1;
}

int decode_peek(struct pkt_peek *pk, const struct decode_cfg *cfg, int linktype,
                const uint8_t *frame, uint32_t caplen)
{
    if (!cfg)
        cfg = &default_cfg;
    if (linktype != LINK_EN10MB || !fast_check(pk, cfg, frame, caplen))
        return 0;
    memcpy(pk->src4, pk->l3 + 12, 4);
    memcpy(pk->dst4, pk->l3 + 16, 4);
    pk->sport = rd16be(pk->l4);
    pk->dport = rd16be(pk->l4 + 2);
    return 1;
}

static inline void pkt_start(struct pkt *p, const uint8_t *frame, uint32_t caplen, uint32_t wirelen,
                             uint64_t ts_us)
{
    /*
     * Two memsets, not one: gcc (x86-64, -O2) turns a single 136-byte memset
     * into `rep stosq`, whose start-up cost was half of a whole Ethernet/IPv4/
     * TCP decode; below 128 bytes each is inlined as plain vector stores.
     * Still the whole struct, so a field added to struct pkt is zeroed too.
     */
    memset(p, 0, PKT_ZERO_SPLIT);
    memset((uint8_t *)p + PKT_ZERO_SPLIT, 0, sizeof(*p) - PKT_ZERO_SPLIT);
    p->ts_us = ts_us;
    p->frame = frame;
    p->caplen = caplen;
    p->wirelen = wirelen;
}

/*
 * Out of line: inlined into decode_frame(), its frame and registers made the
 * fast path save six registers and a 120-byte frame on every packet.
 */
static __attribute__((noinline)) int walk(struct pkt *p, const struct decode_cfg *cfg, int linktype)
{
    struct walk w = {.f = p->frame, .off = 0, .end = p->caplen, .l4_wire = 0, .next = NX_DONE};
    int r;

    r = walk_link(p, &w, linktype);
    while (r == DECODE_OK) {
        switch (w.next) {
        case NX_ETH:
            r = walk_eth(p, &w);
            break;
        case NX_IPV4:
            r = walk_ipv4(p, &w);
            break;
        case NX_IPV6:
            r = walk_ipv6(p, &w);
            break;
        case NX_MPLS:
            r = walk_mpls(&w);
            break;
        case NX_PPPOE:
            r = walk_pppoe(&w);
            break;
        case NX_L4:
            r = walk_l4(p, cfg, &w);
            break;
        default:
            return DECODE_OK;
        }
    }
    return r;
}

int decode_frame(struct pkt *p, const struct decode_cfg *cfg, int linktype, const uint8_t *frame,
                 uint32_t caplen, uint32_t wirelen, uint64_t ts_us)
{
    if (!cfg)
        cfg = &default_cfg;
    pkt_start(p, frame, caplen, wirelen, ts_us);
    if (linktype == LINK_EN10MB && decode_fast(p, cfg, frame, caplen))
        return DECODE_OK;
    return walk(p, cfg, linktype);
}

int decode_frame_peeked(struct pkt *p, const struct pkt_peek *pk, const uint8_t *frame,
                        uint32_t caplen, uint32_t wirelen, uint64_t ts_us)
{
    pkt_start(p, frame, caplen, wirelen, ts_us);
    fast_write(p, pk);
    return DECODE_OK;
}

int decode_frame_fast(struct pkt *p, const struct decode_cfg *cfg, int linktype,
                      const uint8_t *frame, uint32_t caplen, uint32_t wirelen, uint64_t ts_us)
{
    if (!cfg)
        cfg = &default_cfg;
    pkt_start(p, frame, caplen, wirelen, ts_us);
    return linktype == LINK_EN10MB && decode_fast(p, cfg, frame, caplen);
}

int decode_frame_walk(struct pkt *p, const struct decode_cfg *cfg, int linktype,
                      const uint8_t *frame, uint32_t caplen, uint32_t wirelen, uint64_t ts_us)
{
    if (!cfg)
        cfg = &default_cfg;
    pkt_start(p, frame, caplen, wirelen, ts_us);
    return walk(p, cfg, linktype);
}
