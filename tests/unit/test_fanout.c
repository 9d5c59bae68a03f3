/*
 * test_fanout.c - the inner-flow fanout program (sensor/fanout.c) run by
 * libpcap's own classic BPF interpreter, bpf_filter(), on real frames: every
 * Ethernet capture in pcaps/ (VXLAN, GENEVE, GRE, ERSPAN II/III, VLAN, IPv6,
 * fragments, ...) and 4096 VXLAN frames of random inner flows built here.
 *
 * For every frame the decoder reads as IP the program must give what an
 * independent C computation from the decoder's innermost flow gives
 * (fanout_mix() of its addresses, ports and protocol) wherever the program
 * claims to follow the encapsulation (fanout.h), and the frame with its
 * innermost addresses and ports swapped must give the same value (both
 * directions of a flow meet). The random flows must spread evenly over 2, 3
 * and 4 workers. The kernel's variant of the program must build too; the
 * kernel itself runs it in tests/fanout_test.sh.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "check.h"
#include "decode.h"
#include "fanout.h"
#include "fanout_ref.h"

static struct sock_filter prog[FANOUT_PROG_MAX];
static unsigned prog_len;

static uint32_t run(const uint8_t *frame, uint32_t len)
{
    return bpf_filter((const struct bpf_insn *)prog, frame, len, len);
}

/* The frame with its innermost addresses and ports swapped, in copy. */
static void swap_inner(const struct pkt *p, const uint8_t *frame, uint8_t *copy, uint32_t len)
{
    size_t l3 = (size_t)(p->l3 - frame), alen = p->ip_version == 4 ? 4 : 16;
    size_t src = l3 + (p->ip_version == 4 ? 12 : 8), l4;
    uint8_t tmp[16];

    memcpy(copy, frame, len);
    memcpy(tmp, copy + src, alen);
    memmove(copy + src, copy + src + alen, alen);
    memcpy(copy + src + alen, tmp, alen);
    if (!p->l4_ok || p->is_fragment)
        return;
    l4 = l3 + (p->ip_version == 4 ? (size_t)(p->l3[0] & 0x0f) * 4 : 40);
    if (l4 + 4 > len)
        return;
    memcpy(tmp, copy + l4, 2);
    memmove(copy + l4, copy + l4 + 2, 2);
    memcpy(copy + l4 + 2, tmp, 2);
}

struct tally {
    unsigned frames, compared, skipped, tunnelled;
};

static void one_frame(const uint8_t *frame, uint32_t len, struct tally *t)
{
    struct pkt p;
    int rc = decode_frame(&p, NULL, LINK_EN10MB, frame, len, len, 0);
    int64_t want = expected(&p, rc, frame, len);
    uint32_t got = run(frame, len);
    uint8_t copy[65536];

    t->frames++;
    if (want < 0) {
        t->skipped++;
        return;
    }
    t->compared++;
    t->tunnelled += p.ntunnel > 0;
    if ((uint32_t)want != got) {
        fprintf(stderr, "frame %u (%u bytes): program %08x, decoder's flow %08x\n", t->frames, len,
                got, (uint32_t)want);
        CHECK(0);
        return;
    }
    CHECK(1);
    if (len <= sizeof(copy)) {
        swap_inner(&p, frame, copy, len);
        CHECK_EQ(run(copy, len), got);
    }
}

/* Every Ethernet capture in pcaps/; the ones with tunnels must be compared. */
static void test_pcaps(void)
{
    static const char *must[] = {"vxlan",     "vxlan-vlan", "geneve",     "gre",
                                 "gre-eth",   "erspan2",    "erspan3",    "vlan",
                                 "fragments", "ipv6",       "docker-worm"};
    char path[512], eb[PCAP_ERRBUF_SIZE];
    DIR *d = opendir("pcaps");
    struct dirent *e;
    unsigned files = 0, compared = 0, tunnelled = 0;

    CHECK(d != NULL);
    if (!d)
        return;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        struct pcap_pkthdr *h;
        const u_char *data;
        struct tally t = {0, 0, 0, 0};
        pcap_t *pc;

        if (n < 6 || strcmp(e->d_name + n - 5, ".pcap") != 0)
            continue;
        snprintf(path, sizeof(path), "pcaps/%s", e->d_name);
        pc = pcap_open_offline(path, eb);
        if (!pc || pcap_datalink(pc) != DLT_EN10MB) {
            if (pc)
                pcap_close(pc);
            continue;
        }
        while (pcap_next_ex(pc, &h, &data) == 1)
            one_frame(data, h->caplen, &t);
        pcap_close(pc);
        files++;
        compared += t.compared;
        tunnelled += t.tunnelled;
        for (size_t i = 0; i < sizeof(must) / sizeof(*must); i++) {
            if (n - 5 == strlen(must[i]) && strncmp(e->d_name, must[i], n - 5) == 0 &&
                t.compared == 0) {
                fprintf(stderr, "%s: no frame compared\n", path);
                CHECK(0);
            }
        }
    }
    closedir(d);
    printf("pcaps: %u files, %u frames compared (%u tunnelled)\n", files, compared, tunnelled);
    CHECK(files >= 40);
    CHECK(tunnelled >= 10);
}

/* ---- random inner flows in VXLAN ------------------------------------------ */

static uint32_t rng = 2463534242u;

static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static void put16(uint8_t *b, uint16_t v)
{
    b[0] = (uint8_t)(v >> 8);
    b[1] = (uint8_t)v;
}

/*
 * One mirror session's frame: the same outer Ethernet/IPv4/UDP 4789 every
 * time, an inner Ethernet/IPv4 (or IPv6)/TCP of the flow given. Returns its length.
 */
static uint32_t vxlan_frame(uint8_t *f, int v6, const uint8_t *src, const uint8_t *dst,
                            uint16_t sport, uint16_t dport)
{
    uint32_t inner_ip = v6 ? 40 : 20, n = 14 + 20 + 8 + 8 + 14 + inner_ip + 20;
    uint8_t *ip, *in;

    memset(f, 0, n);
    memset(f, 0x02, 12);
    put16(f + 12, 0x0800);
    ip = f + 14;
    ip[0] = 0x45;
    put16(ip + 2, (uint16_t)(n - 14));
    ip[8] = 64;
    ip[9] = 17;
    memcpy(ip + 12, "\x0a\x00\x00\x01\x0a\x00\x00\x02", 8);
    put16(ip + 20, 49152);
    put16(ip + 22, 4789);
    put16(ip + 24, (uint16_t)(n - 34));
    ip[28] = 0x08; /* VXLAN: I flag, VNI 7 */
    ip[35] = 7 << 0;
    in = ip + 36;
    memset(in, 0x04, 12);
    put16(in + 12, v6 ? 0x86dd : 0x0800);
    in += 14;
    if (v6) {
        in[0] = 0x60;
        put16(in + 4, 20);
        in[6] = 6;
        in[7] = 64;
        memcpy(in + 8, src, 16);
        memcpy(in + 24, dst, 16);
    } else {
        in[0] = 0x45;
        put16(in + 2, 40);
        in[8] = 64;
        in[9] = 6;
        memcpy(in + 12, src, 4);
        memcpy(in + 16, dst, 4);
    }
    in += inner_ip;
    put16(in, sport);
    put16(in + 2, dport);
    in[12] = 0x50;
    in[13] = 0x12;
    return n;
}

/*
 * vxlan_frame()'s frame rebuilt with an IPv6 outer header and/or a VLAN tag
 * outside or inside: every one the program claims to follow is the
 * decoder's flow, and both directions give one value.
 */
static void test_outer_variants(void)
{
    uint8_t a6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0x11};
    uint8_t b6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0x22};
    uint8_t a4[4] = {172, 16, 0, 5}, b4[4] = {172, 16, 9, 9};
    unsigned compared = 0;

    for (int v = 0; v < 16; v++) {
        int outer6 = v & 1, outer_tag = v >> 1 & 1, inner_tag = v >> 2 & 1, inner6 = v >> 3 & 1;
        uint8_t base[256], f[320], r[320];
        uint32_t bn = vxlan_frame(base, inner6, inner6 ? a6 : a4, inner6 ? b6 : b4, 33000, 8333);
        uint32_t n = 0, udp_len = bn - 34, ip_off, udp_off;
        struct tally t = {0, 0, 0, 0};
        struct pkt p;

        memcpy(f, base, 12); /* MACs */
        n = 12;
        if (outer_tag) {
            put16(f + n, 0x8100);
            put16(f + n + 2, 100);
            n += 4;
        }
        put16(f + n, outer6 ? 0x86dd : 0x0800);
        n += 2;
        ip_off = n;
        if (outer6) {
            memset(f + n, 0, 40);
            f[n] = 0x60;
            put16(f + n + 4, (uint16_t)udp_len);
            f[n + 6] = 17;
            f[n + 7] = 64;
            memcpy(f + n + 8, b6, 16);
            memcpy(f + n + 24, a6, 16);
            n += 40;
        } else {
            memcpy(f + n, base + 14, 20);
            n += 20;
        }
        udp_off = n;
        memcpy(f + n, base + 34, 16); /* UDP and VXLAN */
        n += 16;
        memcpy(f + n, base + 50, 12); /* the inner MACs */
        n += 12;
        if (inner_tag) {
            put16(f + n, 0x8100);
            put16(f + n + 2, 200);
            n += 4;
        }
        memcpy(f + n, base + 62, bn - 62); /* the inner type, IP and TCP */
        n += bn - 62;
        put16(f + ip_off + (outer6 ? 4 : 2), (uint16_t)(n - ip_off - (outer6 ? 40 : 0)));
        put16(f + udp_off + 4, (uint16_t)(n - udp_off));
        one_frame(f, n, &t);
        CHECK_EQ(decode_frame(&p, NULL, LINK_EN10MB, f, n, n, 0), DECODE_OK);
        CHECK_EQ(p.ntunnel, 1);
        CHECK_EQ(p.sport, 33000);
        compared += t.compared;
        swap_inner(&p, f, r, n);
        CHECK_EQ(run(r, n), run(f, n));
        CHECK(run(f, n) != 0);
    }
    CHECK_EQ(compared, 16);
}

static void test_spread(void)
{
    enum {
        FLOWS = 4096
    };
    unsigned count[3][4];
    uint8_t f[256], r[256];

    memset(count, 0, sizeof(count));
    for (int i = 0; i < FLOWS; i++) {
        uint8_t a[16], b[16];
        int v6 = i % 4 == 3;
        uint16_t sp = (uint16_t)(next_rand() | 1024), dp = i % 2 ? 443 : 3333;
        uint32_t n, h, hr;
        struct tally t = {0, 0, 0, 0};

        for (int k = 0; k < 16; k += 4) {
            uint32_t x = next_rand(), y = next_rand();

            memcpy(a + k, &x, 4);
            memcpy(b + k, &y, 4);
        }
        if (!v6) { /* one client network, one server network, as in a VPC */
            a[0] = 10, a[1] = 1;
            b[0] = 10, b[1] = 2;
        }
        n = vxlan_frame(f, v6, a, b, sp, dp);
        h = run(f, n);
        vxlan_frame(r, v6, b, a, dp, sp);
        hr = run(r, n);
        CHECK_EQ(h, hr);
        one_frame(f, n, &t); /* and it is what the decoder's flow gives */
        CHECK_EQ(t.compared, 1);
        for (unsigned m = 2; m <= 4; m++)
            count[m - 2][h % m]++;
    }
    for (unsigned m = 2; m <= 4; m++) {
        for (unsigned w = 0; w < m; w++) {
            double share = (double)count[m - 2][w] / FLOWS;

            printf("%u workers: worker %u gets %.3f of the flows\n", m, w, share);
            CHECK(share > 1.0 / m - 0.04 && share < 1.0 / m + 0.04);
        }
    }
}

/*
 * GRE headers of every length (checksum, key, sequence) around ERSPAN II,
 * ERSPAN III with and without its platform subheader (the O flag), and
 * transparent Ethernet: the program's value is the decoder's flow's.
 */
static void test_gre_variants(void)
{
    static const struct {
        uint16_t flags, proto;
        int erspan_o;
    } v[] = {
        {0x1000, 0x88be, 0}, {0x3000, 0x88be, 0}, {0xb000, 0x88be, 0}, {0x0000, 0x88be, 0},
        {0x1000, 0x22eb, 0}, {0x1000, 0x22eb, 1}, {0x3000, 0x22eb, 1}, {0x2000, 0x6558, 0},
        {0xa000, 0x6558, 0}, {0x0000, 0x0800, 0},
    };
    uint8_t a[4] = {192, 168, 3, 4}, b[4] = {198, 51, 100, 7};

    for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++) {
        uint8_t f[256], r[256], *ip, *g, *e;
        uint32_t n = 14 + 20,
                 words = (v[i].flags >> 15 & 1) + (v[i].flags >> 13 & 1) + (v[i].flags >> 12 & 1);
        struct tally t = {0, 0, 0, 0};

        memset(f, 0, sizeof(f));
        memset(f, 0x02, 12);
        put16(f + 12, 0x0800);
        ip = f + 14;
        ip[0] = 0x45;
        ip[8] = 64;
        ip[9] = 47;
        memcpy(ip + 12, "\x0a\x09\x00\x01\x0a\x09\x00\x02", 8);
        g = f + n;
        put16(g, v[i].flags);
        put16(g + 2, v[i].proto);
        n += 4 + 4 * words;
        e = f + n;
        if (v[i].proto == 0x88be && (v[i].flags & 0x1000)) {
            put16(e, 0x1000 | 7); /* ERSPAN II: version 1, session 7 */
            n += 8;
        } else if (v[i].proto == 0x22eb) {
            put16(e, 0x2000 | 7); /* ERSPAN III */
            e[11] = (uint8_t)v[i].erspan_o;
            n += 12 + (v[i].erspan_o ? 8 : 0);
        }
        if (v[i].proto != 0x0800) { /* an Ethernet header inside */
            memset(f + n, 0x04, 12);
            put16(f + n + 12, 0x0800);
            n += 14;
        }
        ip = f + n;
        ip[0] = 0x45;
        put16(ip + 2, 40);
        ip[8] = 64;
        ip[9] = 6;
        memcpy(ip + 12, a, 4);
        memcpy(ip + 16, b, 4);
        put16(ip + 20, 51000);
        put16(ip + 22, 443);
        ip[32] = 0x50;
        n += 40;
        put16(f + 14 + 2, (uint16_t)(n - 14));
        one_frame(f, n, &t);
        CHECK_EQ(t.compared, 1);
        {
            struct pkt p;

            CHECK_EQ(decode_frame(&p, NULL, LINK_EN10MB, f, n, n, 0), DECODE_OK);
            CHECK_EQ(p.sport, 51000); /* the decoder took the inner flow */
            swap_inner(&p, f, r, n);
            CHECK_EQ(run(r, n), run(f, n));
        }
    }
}

/* Short and broken frames: whatever the program gives, it gives without reading past the end. */
static void test_truncated(void)
{
    uint8_t f[256], a[4] = {10, 1, 2, 3}, b[4] = {10, 2, 3, 4};
    uint32_t n = vxlan_frame(f, 0, a, b, 40000, 3333);

    for (uint32_t len = 0; len <= n; len++) {
        uint8_t *copy = malloc(len ? len : 1);

        memcpy(copy, f, len);
        (void)run(copy, len); /* ASan: a read past len is a failure */
        free(copy);
    }
    CHECK_EQ(run(f, 14 + 20 + 8 + 8 + 14 + 10), 0); /* ends inside the inner IP header */
    CHECK(run(f, n) != 0);
}

static void test_build(void)
{
    struct sock_filter k[FANOUT_PROG_MAX];
    struct decode_cfg cfg;
    unsigned n;

    decode_cfg_default(&cfg);
    prog_len = fanout_prog(&cfg, FANOUT_PROG_FRAME, prog, FANOUT_PROG_MAX);
    CHECK(prog_len > 0);
    CHECK(bpf_validate((const struct bpf_insn *)prog, (int)prog_len));
    n = fanout_prog(&cfg, FANOUT_PROG_KERNEL, k, FANOUT_PROG_MAX);
    CHECK(n > prog_len);
    /*
     * The kernel's own check of classic BPF (bpf_check_classic: opcodes,
     * jumps, scratch memory stored before it is loaded on every path), the
     * one PACKET_FANOUT_DATA runs: attaching as a socket filter needs no root.
     */
    for (int m = 0; m < 2; m++) {
        struct sock_fprog fp = {(unsigned short)(m ? prog_len : n), m ? prog : k};
        int s = socket(AF_INET, SOCK_DGRAM, 0);

        CHECK(s >= 0);
        if (setsockopt(s, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof(fp)) != 0) {
            fprintf(stderr, "the kernel refuses the %s program: %s\n", m ? "frame" : "kernel",
                    strerror(errno));
            CHECK(0);
        }
        close(s);
    }
    CHECK_EQ(fanout_prog(&cfg, FANOUT_PROG_FRAME, k, prog_len - 1), 0); /* too small: refused */
    printf("program: %u instructions (kernel: %u)\n", prog_len, n);
}

int main(void)
{
    test_build();
    if (prog_len) {
        test_pcaps();
        test_spread();
        test_gre_variants();
        test_outer_variants();
        test_truncated();
    }
    return check_done();
}
