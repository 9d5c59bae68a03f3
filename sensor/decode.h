/*
 * decode.h - L2..L4 decoding of one captured frame into a struct pkt.
 *
 * The decoder walks offsets with a bound check before every read and never
 * reads past caplen. It decapsulates VLAN/QinQ, MPLS, GRE, ERSPAN II/III,
 * VXLAN and GENEVE down to the innermost IP packet. It does not reassemble IP
 * fragments (they are counted; non-first fragments carry no L4), does not
 * validate checksums (mirrored traffic carries offloaded ones) and allocates
 * nothing: struct pkt points into the caller's frame and owns nothing.
 * Thread-safe: no state outside the arguments.
 */
#ifndef FIREDAMP_DECODE_H
#define FIREDAMP_DECODE_H

#include <stdint.h>
#include <string.h>

#define DECODE_MAX_VLAN      4  /* tags kept per packet, outer to inner */
#define DECODE_MAX_MPLS      8  /* labels walked before giving up */
#define DECODE_MAX_IPV6_EXT  8  /* extension headers walked */
#define DECODE_MAX_TUNNEL    3  /* nested tunnel decapsulations */
#define DECODE_MAX_VXLAN_PORTS 4

/* libpcap link types we decode (values are the LINKTYPE_ / DLT_ numbers). */
#define LINK_NULL      0   /* BSD loopback: 4-byte host-order AF */
#define LINK_EN10MB    1
#define LINK_RAW       101 /* LINKTYPE_RAW: starts at the IP header */
#define LINK_LOOP      108 /* OpenBSD loopback: 4-byte network-order AF */
#define LINK_LINUX_SLL 113
#define LINK_IPV4      228
#define LINK_IPV6      229
#define LINK_LINUX_SLL2 276
#define LINK_DLT_RAW   12  /* DLT_RAW on Linux/BSD */
#define LINK_DLT_RAW14 14  /* DLT_RAW on OpenBSD */

enum tunnel_type {
    TUNNEL_NONE = 0,
    TUNNEL_GRE,
    TUNNEL_ERSPAN,
    TUNNEL_VXLAN,
    TUNNEL_GENEVE,
    TUNNEL_IPIP, /* IPv4/IPv6 in IPv4/IPv6 (IP protocol 4 / 41) */
};

/*
 * Decode outcomes. DECODE_OK and DECODE_NOT_IP are normal; every other value
 * names the reason decoding stopped and is counted per reason in stats.
 */
#define DECODE_RESULTS(X)                                                                          \
    X(OK, "ok")                                                                                    \
    X(NOT_IP, "not_ip")                                                                            \
    X(UNSUPPORTED_LINK, "unsupported_link")                                                        \
    X(TRUNC_L2, "truncated_l2")                                                                    \
    X(TRUNC_VLAN, "truncated_vlan")                                                                \
    X(TOO_MANY_VLAN, "too_many_vlan")                                                              \
    X(TRUNC_MPLS, "truncated_mpls")                                                                \
    X(TOO_MANY_MPLS, "too_many_mpls")                                                              \
    X(TRUNC_IPV4, "truncated_ipv4")                                                                \
    X(BAD_IPV4, "bad_ipv4_header")                                                                 \
    X(TRUNC_IPV6, "truncated_ipv6")                                                                \
    X(BAD_IPV6, "bad_ipv6_header")                                                                 \
    X(TOO_MANY_IPV6_EXT, "too_many_ipv6_ext")                                                      \
    X(BAD_IP_VERSION, "bad_ip_version")                                                            \
    X(TRUNC_TCP, "truncated_tcp")                                                                  \
    X(BAD_TCP, "bad_tcp_header")                                                                   \
    X(TRUNC_UDP, "truncated_udp")                                                                  \
    X(BAD_UDP, "bad_udp_header")                                                                   \
    X(TRUNC_GRE, "truncated_gre")                                                                  \
    X(BAD_GRE, "bad_gre_header")                                                                   \
    X(TRUNC_ERSPAN, "truncated_erspan")                                                            \
    X(TRUNC_VXLAN, "truncated_vxlan")                                                              \
    X(BAD_VXLAN, "bad_vxlan_header")                                                               \
    X(TRUNC_GENEVE, "truncated_geneve")                                                            \
    X(BAD_GENEVE, "bad_geneve_header")                                                             \
    X(TOO_MANY_TUNNELS, "too_many_tunnels")

enum decode_result {
#define DECODE_ENUM(name, str) DECODE_##name,
    DECODE_RESULTS(DECODE_ENUM)
#undef DECODE_ENUM
        DECODE_RESULT_COUNT
};

/* Returns the stable snake_case name of a decode result ("truncated_tcp"). */
const char *decode_result_name(int result);

/* Decoder settings: read-only during capture. */
struct decode_cfg {
    uint16_t vxlan_ports[DECODE_MAX_VXLAN_PORTS]; /* 0 = unused slot; default {4789} */
    uint16_t geneve_port;                         /* default 6081, 0 = off */
};

/* Fills the defaults (VXLAN 4789, GENEVE 6081). */
void decode_cfg_default(struct decode_cfg *cfg);

/* One decoded packet. Pointers are into the frame given to decode_frame(). */
struct pkt {
    uint64_t ts_us; /* capture time in microseconds: the only clock */
    const uint8_t *frame;
    uint32_t caplen, wirelen;

    uint16_t vlan[DECODE_MAX_VLAN]; /* VLAN ids, outer to inner, across tunnels */
    uint8_t nvlan;

    uint8_t tunnel;     /* enum tunnel_type of the OUTERMOST tunnel, TUNNEL_NONE if none */
    uint8_t ntunnel;    /* how many tunnel layers were removed */
    uint8_t tunnel_has_id;
    uint32_t tunnel_id; /* VNI (VXLAN/GENEVE), session id (ERSPAN), key (GRE) */

    /* Innermost IP header: what nDPI wants. */
    uint8_t ip_version; /* 4 or 6, 0 if not IP */
    const uint8_t *l3;
    uint32_t l3_len;    /* IP total length, trimmed to what was captured */
    uint8_t src[16], dst[16]; /* IPv4 stored as ::ffff:a.b.c.d (RFC 4291 mapped) */
    uint8_t proto;      /* IPPROTO_* of the innermost L4 */
    uint8_t is_fragment; /* 1 for any IPv4/IPv6 fragment */
    uint8_t l4_ok;      /* 1 when sport/dport (and the TCP fields) are valid */

    uint16_t sport, dport;
    uint8_t tcp_flags;
    uint32_t seq, ack;
    uint16_t win;

    const uint8_t *payload;  /* L4 payload (TCP/UDP), NULL if none */
    uint32_t payload_len;    /* bytes present in the capture */
    uint32_t payload_wirelen; /* bytes the IP header says were sent (>= payload_len) */
};

#define TCP_FIN 0x01
#define TCP_SYN 0x02
#define TCP_RST 0x04
#define TCP_PSH 0x08
#define TCP_ACK 0x10
#define TCP_URG 0x20

/*
 * Decodes `frame` (caplen bytes captured of wirelen sent) of the given link
 * type into *p (fully overwritten). Returns DECODE_OK, DECODE_NOT_IP (a valid
 * frame that carries no IP, e.g. ARP), or another enum decode_result naming
 * why decoding stopped. On any result, the fields filled before the stop are
 * valid (e.g. vlan, tunnel); l4_ok tells whether the 5-tuple is usable.
 */
int decode_frame(struct pkt *p, const struct decode_cfg *cfg, int linktype, const uint8_t *frame,
                 uint32_t caplen, uint32_t wirelen, uint64_t ts_us);

/*
 * decode_frame()'s two halves, for the tests and the fuzz target that hold
 * them to one answer. decode_frame_fast() takes only the commonest frame on a
 * SPAN port (Ethernet with at most one VLAN tag, unfragmented IPv4, TCP or UDP
 * to no tunnel port) in one straight pass: it returns 1 and a *p byte for byte
 * equal to decode_frame_walk()'s (which then returns DECODE_OK), or 0 with *p
 * zeroed. decode_frame_walk() is the general walk that decides the rest.
 */
int decode_frame_fast(struct pkt *p, const struct decode_cfg *cfg, int linktype,
                      const uint8_t *frame, uint32_t caplen, uint32_t wirelen, uint64_t ts_us);
int decode_frame_walk(struct pkt *p, const struct decode_cfg *cfg, int linktype,
                      const uint8_t *frame, uint32_t caplen, uint32_t wirelen, uint64_t ts_us);

/*
 * Bytes 8-15 of ::ffff:a.b.c.d (bytes 0-7 are zero) as a memcpy of them would
 * read, built in a register: the decoder stores it, the worker's owner hash
 * uses it without a round trip through memory.
 */
static inline uint64_t v4mapped_lo(const uint8_t a4[4])
{
    uint32_t x;

    memcpy(&x, a4, 4);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return 0xffff0000ULL | (uint64_t)x << 32;
#else
    return 0x0000ffff00000000ULL | x;
#endif
}

/*
 * What the fast path's checks found in a frame (decode_frame_fast's frames):
 * the flow's fields, as decode_frame() would give them (src and dst there are
 * ::ffff:src4 and ::ffff:dst4), and where the layers are.
 */
struct pkt_peek {
    uint8_t src4[4], dst4[4]; /* network order */
    uint16_t sport, dport;
    uint8_t proto;
    /* for decode_frame_peeked() */
    uint8_t nvlan;
    uint16_t vlan;
    const uint8_t *l3, *l4;
    uint32_t cap, wire, l4cap, doff;
};

/*
 * Reads only what names the flow of a frame decode_frame() would take by its
 * fast path: returns 1 with *pk filled (decode_frame() would then return
 * DECODE_OK with ip_version 4, l4_ok 1 and these fields), or 0 when the frame
 * needs the walk. For workers that each read every packet and keep their
 * share: the owner of most packets is known without decoding them, and
 * decode_frame_peeked() then decodes a kept one without checking it again.
 */
int decode_peek(struct pkt_peek *pk, const struct decode_cfg *cfg, int linktype,
                const uint8_t *frame, uint32_t caplen);

/* decode_frame() of the frame decode_peek() took (the same frame and caplen): DECODE_OK. */
int decode_frame_peeked(struct pkt *p, const struct pkt_peek *pk, const uint8_t *frame,
                        uint32_t caplen, uint32_t wirelen, uint64_t ts_us);

/* Returns 1 if `linktype` is one decode_frame() understands. */
int decode_link_supported(int linktype);

#endif
