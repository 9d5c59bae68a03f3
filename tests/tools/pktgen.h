/*
 * pktgen.h - builds real packets and writes them to a classic pcap file.
 *
 * A packet is built inside out in a struct pkt: payload first, then TCP or
 * UDP, then the flow's IPv4/IPv6 header (which fills the L4 checksum), then
 * the layers of a struct stack from innermost to outermost, one push function
 * per layer. A TCP conversation is a list of steps played by session_run(),
 * which keeps real sequence and acknowledgement numbers.
 *
 * Everything is deterministic: timestamps start at START_SEC and advance
 * STEP_US per packet, ISNs and IP IDs derive from the addresses, and the file
 * is written little-endian byte by byte whatever the host.
 *
 * This is test tooling, not the sensor: it does not send, read or parse
 * packets and does not model TCP timers or windows. Overflowing a buffer or
 * asking for an impossible stack is a bug in the caller, so every function
 * here prints why and exits(1) instead of returning an error. Single-threaded.
 */
#ifndef FIREDAMP_PKTGEN_H
#define FIREDAMP_PKTGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define PCAP_SNAPLEN   262144
#define LINKTYPE_NULL  0
#define LINKTYPE_ETHER 1
#define LINKTYPE_RAW   101
#define LINKTYPE_SLL   113
#define LINKTYPE_SLL2  276
#define START_SEC      1571645702u /* 2019-10-21T08:15:02Z */
#define STEP_US        1000u
#define PKT_CAP        8192
#define PKT_HEADROOM   512 /* more than the deepest stack of headers */
#define WBUF_CAP       4096
#define MAX_LAYERS     8
#define TCP_MSS        1460
#define TCP_WIN_SYN    64240
#define TCP_WIN        502 /* scaled by the SYN's window scale 7 */
#define TCP_FIN        0x01
#define TCP_SYN        0x02
#define TCP_PSH        0x08
#define TCP_ACK        0x10
#define IPPROTO_IPIP_  4
#define IPPROTO_TCP_   6
#define IPPROTO_UDP_   17
#define IPPROTO_GRE_   47
#define ETH_IPV4       0x0800
#define ETH_ARP        0x0806
#define ETH_IPV6       0x86dd
#define ETH_TEB        0x6558 /* transparent Ethernet bridging: an Ethernet frame follows */
#define ETH_8021Q      0x8100
#define ETH_8021AD     0x88a8
#define ETH_MPLS       0x8847
#define ETH_ERSPAN2    0x88be
#define ETH_ERSPAN3    0x22eb
#define PORT_VXLAN     4789
#define PORT_GENEVE    6081

/* Address literals for flow_init(): an IPv4 address, or 2001:db8::x. */
#define V4(a, b, c, d) ((const uint8_t[16]){a, b, c, d})
#define V6DOC(x)       ((const uint8_t[16]){0x20, 0x01, 0x0d, 0xb8, [15] = (x)})

/* Prints "pcapgen: what" and exits 1. */
void die(const char *what);

/* ---- a fixed-size byte writer for application payloads ---- */

struct wbuf {
    uint8_t b[WBUF_CAP];
    size_t len;
};

/* Each appends to w->len; all die on overflow. */
uint8_t *wb_room(struct wbuf *w, size_t n); /* n bytes to fill, left as they were */
void wb_u8(struct wbuf *w, uint32_t v);
void wb_u16(struct wbuf *w, uint32_t v); /* big-endian, like every field below */
void wb_u32(struct wbuf *w, uint32_t v);
void wb_mem(struct wbuf *w, const void *p, size_t n);
void wb_str(struct wbuf *w, const char *s);
void wb_noise(struct wbuf *w, size_t n, uint32_t seed); /* stand-in random/cipher bytes */
/* Opens a zeroed length field `width` bytes wide; wb_close() sets it to what followed. */
size_t wb_open(struct wbuf *w, size_t width);
void wb_close(struct wbuf *w, size_t at, size_t width);

/* ---- a packet under construction: bytes are prepended in front of head ---- */

struct pkt {
    uint8_t b[PKT_CAP];
    size_t head, tail;
    uint16_t ethertype; /* what the next outer layer must announce as ethertype */
    uint8_t ipproto;    /* ... or as IP protocol */
};

/* Starts p with a copy of data (may be NULL when len is 0), PKT_HEADROOM free in front. */
void pkt_init(struct pkt *p, const void *data, size_t len);
size_t pkt_len(const struct pkt *p);

/* ---- endpoints and flows ---- */

struct endpoint {
    uint8_t ip[16];
    uint8_t mac[6];
    uint16_t port;
};

struct flow {
    int family;            /* 4 or 6 */
    struct endpoint ep[2]; /* [0] client, [1] server; packet dir d goes ep[d] -> ep[!d] */
    bool hbh;              /* IPv6: put a hop-by-hop options header in front of L4 */
    uint16_t ip_id[2];
    uint32_t hash; /* symmetric: both directions pick the same tunnel source port */
};

/* MACs are derived from the addresses (02:00:00:00:x:y), IP IDs from the hash. */
void flow_init(struct flow *f, int family, const uint8_t *cip, uint16_t cport, const uint8_t *sip,
               uint16_t sport);

/* ---- layers: each sets p->ethertype / p->ipproto to what it is ---- */

void push_udp(struct pkt *p, uint16_t sport, uint16_t dport); /* checksum left to the IP layer */
void push_tcp(struct pkt *p, uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack,
              uint8_t flags);
void push_eth(struct pkt *p, const uint8_t *dst, const uint8_t *src);
void push_vlan(struct pkt *p, uint16_t tpid, uint32_t vid);

enum layer_kind {
    LK_ETH,     /* flags & LF_TUNNEL: fixed tunnel MACs, else the flow's MACs */
    LK_VLAN,    /* type: TPID, id: VLAN id */
    LK_MPLS,    /* id: label; bottom-of-stack set on the innermost label */
    LK_IPV4,    /* outer tunnel IPv4 header between fixed tunnel endpoints */
    LK_UDP,     /* outer UDP, type: destination port, source port from the inner flow */
    LK_GRE,     /* flags: LF_GRE_KEY (id is the key), LF_GRE_SEQ */
    LK_ERSPAN2, /* id: session */
    LK_ERSPAN3, /* id: session */
    LK_VXLAN,   /* id: VNI */
    LK_GENEVE,  /* id: VNI, one 8-byte option */
    LK_SLL,
    LK_SLL2,
    LK_NULL,
};

#define LF_TUNNEL  0x1
#define LF_GRE_KEY 0x2
#define LF_GRE_SEQ 0x4

struct layer {
    enum layer_kind kind;
    uint32_t id;
    uint16_t type;
    unsigned flags;
};

/* The layers around the flow's IP packet, outermost first, and the file's link type. */
struct stack {
    int linktype;
    size_t n;
    struct layer l[MAX_LAYERS];
};

/* What a layer may need to know about the packet it wraps. */
struct pktinfo {
    int dir;
    const struct endpoint *src, *dst;
    uint32_t flow_hash;
    uint64_t ts_us;
};

/* ---- the capture being written ---- */

struct gen {
    FILE *f;
    const struct stack *stack; /* may change between packets, not its link type */
    int linktype;
    uint64_t ts_us; /* timestamp of the next packet */
    unsigned npkts;
    uint32_t gre_seq;
    uint16_t outer_ip_id;
};

/* Creates path and writes the pcap header for st's link type. */
void gen_open(struct gen *g, const char *path, const struct stack *st);
/* Flushes and closes; dies if any write failed. */
void gen_close(struct gen *g);
/* Wraps p in g->stack, innermost layer first. */
void stack_apply(struct gen *g, struct pkt *p, const struct pktinfo *pi);
/* Writes caplen bytes of p as a frame of origlen bytes on the wire; advances the clock. */
void gen_write(struct gen *g, const struct pkt *p, size_t caplen, size_t origlen);

/* Wraps the L4 datagram in p in the flow's IP header and the stack: a whole frame. */
void flow_frame(struct gen *g, struct flow *f, int dir, struct pkt *p);
void udp_emit(struct gen *g, struct flow *f, int dir, const void *data, size_t len);
/* One IPv4 datagram in two fragments, the first with first_len (8k) bytes of IP payload. */
void udp_emit_frags(struct gen *g, struct flow *f, int dir, const void *data, size_t len,
                    size_t first_len);

/* ---- TCP sessions ---- */

struct tcp_conn {
    struct flow f;
    uint32_t nxt[2]; /* next sequence number each side sends */
};

/* A byte range of a step's payload sent as one segment. */
struct seg {
    size_t off, len;
};

/*
 * One direction's payload. With segs, those ranges are sent in that order
 * (out of order, repeated or overlapping as listed); without, the payload is
 * cut at the MSS. Either way the peer then acknowledges all of it.
 */
struct step {
    int dir;
    const void *data;
    size_t len;
    const struct seg *segs;
    size_t nsegs;
};

#define STEP(dir, str)                         \
    {                                          \
        (dir), (str), sizeof(str) - 1, NULL, 0 \
    }

struct session_opts {
    bool handshake; /* SYN, SYN/ACK, ACK first; else the capture starts mid-connection */
    bool close;     /* FIN/ACK, FIN/ACK, ACK at the end */
};

void tcp_conn_init(struct tcp_conn *c, int family, const uint8_t *cip, uint16_t cport,
                   const uint8_t *sip, uint16_t sport);
/* One segment; acknowledges whatever the peer has sent so far when flags has TCP_ACK. */
void tcp_seg(struct gen *g, struct tcp_conn *c, int dir, uint32_t seq, uint8_t flags,
             const void *data, size_t len);
void session_run(struct gen *g, struct tcp_conn *c, const struct step *steps, size_t n,
                 const struct session_opts *o);

#endif
