/*
 * test_worker.c - the worker's packet path as a whole (sensor/worker.c), fed
 * real captures from pcaps/ through libpcap exactly as the capture engine
 * does.
 *
 * Replicate mode: N workers each read the whole input and keep the packets
 * whose flow hashes to them. Pinned here: every packet is counted by exactly
 * one worker; every flow exists in exactly one worker (the flow totals and
 * the events by type add up to what one worker alone produces); both
 * directions of a flow and the inner flows of a tunnel land together (else
 * the flow counts would grow and the dissector events would change); and a
 * flow whose packets alternate between the owner peek (plain IPv4) and the
 * decoder's walk (first fragments) is still kept by one worker.
 * Not here: signatures (no sigdb is loaded), output, live capture.
 */
#include <pcap/pcap.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "config.h"
#include "worker.h"

#define MAXW 4

/* Runs `nw` workers over the captures; returns their summed counters. */
static void run(unsigned nw, const char *const *files, struct stats *sum, uint64_t *per_worker)
{
    static struct worker w[MAXW];
    static struct config cfg;
    char err[256], eb[PCAP_ERRBUF_SIZE];

    config_defaults(&cfg);
    cfg.deterministic = 1;
    cfg.flow.hash_seed = 12345;
    cfg.workers = nw;
    cfg.queue_kb = 65536; /* nobody drains the queues here: room for every event */
    cfg.queue_block = 0;
    config_finish(&cfg);
    memset(sum, 0, sizeof(*sum));
    for (unsigned i = 0; i < nw; i++) {
        int rc = worker_init(&w[i], i, &cfg, NULL, err, sizeof(err));
        CHECK(rc == 0);
        if (rc != 0)
            return;
    }
    for (unsigned i = 0; i < nw; i++) {
        for (const char *const *fn = files; *fn; fn++) {
            pcap_t *pc = pcap_open_offline(*fn, eb);
            CHECK(pc != NULL);
            if (!pc)
                continue;
            w[i].linktype = pcap_datalink(pc);
            CHECK(pcap_dispatch(pc, -1, worker_pcap_cb, (u_char *)&w[i]) >= 0);
            pcap_close(pc);
        }
        worker_end_flows(&w[i]);
    }
    for (unsigned i = 0; i < nw; i++) {
        struct stats one;
        worker_stats_snapshot(&w[i], &one);
        per_worker[i] = one.packets;
        stats_add(sum, &one);
        worker_destroy(&w[i]);
    }
}

/*
 * Ethernet / IPv4 / UDP, 4 bytes of payload; returns its length. With `frag`
 * the datagram is a first fragment (more fragments follow): the fast path and
 * the owner peek leave it to the walk, which still reads its ports.
 */
static uint32_t udp_frame(uint8_t *f, int frag, int reply, uint16_t cport)
{
    uint8_t a[4] = {10, 1, 2, 3}, b[4] = {198, 51, 100, 7};
    uint32_t hl = 20, n = 14 + hl + 8 + 4;
    uint16_t sport = reply ? 53000 : cport, dport = reply ? cport : 53000;

    memset(f, 0, n);
    f[12] = 0x08;
    f[14] = (uint8_t)(0x40 | hl / 4);
    f[16] = (uint8_t)((n - 14) >> 8);
    f[17] = (uint8_t)(n - 14);
    if (frag)
        f[20] = 0x20; /* MF, offset 0 */
    f[22] = 64;
    f[23] = 17;
    memcpy(f + 26, reply ? b : a, 4);
    memcpy(f + 30, reply ? a : b, 4);
    f[14 + hl] = (uint8_t)(sport >> 8);
    f[15 + hl] = (uint8_t)sport;
    f[16 + hl] = (uint8_t)(dport >> 8);
    f[17 + hl] = (uint8_t)dport;
    f[19 + hl] = 12;
    memcpy(f + 22 + hl, "ping", 4);
    return n;
}

/* 16 flows, each 20 packets in both directions, a third of them first fragments. */
static void peek_and_walk_agree(unsigned nw)
{
    static struct worker w[MAXW];
    static struct config cfg;
    char err[256];
    uint8_t f[64];
    uint64_t packets = 0, flows = 0;

    config_defaults(&cfg);
    cfg.deterministic = 1;
    cfg.flow.hash_seed = 777;
    cfg.workers = nw;
    cfg.queue_block = 0;
    config_finish(&cfg);
    for (unsigned i = 0; i < nw; i++)
        CHECK(worker_init(&w[i], i, &cfg, NULL, err, sizeof(err)) == 0);
    for (unsigned i = 0; i < nw; i++) {
        for (unsigned k = 0; k < 20 * 16; k++) {
            uint32_t n = udp_frame(f, k % 3 == 0, k % 2, (uint16_t)(40000 + k / 20));
            worker_packet(&w[i], 1, f, n, n, 1000000u + k);
        }
        worker_end_flows(&w[i]);
    }
    for (unsigned i = 0; i < nw; i++) {
        struct stats one;
        worker_stats_snapshot(&w[i], &one);
        packets += one.packets;
        flows += one.flows.created;
        worker_destroy(&w[i]);
    }
    CHECK_EQ(packets, 20 * 16);
    CHECK_EQ(flows, 16); /* a flow split between two workers would count twice */
}

int main(void)
{
    static const char *const files[] = {
        "pcaps/dns-then-stratum.pcap",
        "pcaps/vxlan.pcap",
        "pcaps/gre.pcap",
        "pcaps/docker-worm.pcap",
        "pcaps/tls-sni.pcap",
        "pcaps/tcp-ooo.pcap",
        "pcaps/ipv6.pcap",
        "pcaps/fragments.pcap",
        "pcaps/truncated-frames.pcap",
        "pcaps/stratum-ooo.pcap",
        NULL,
    };
    struct stats one, many;
    uint64_t pw1[MAXW], pw[MAXW];

    run(1, files, &one, pw1);
    CHECK(one.packets > 100);
    CHECK(one.flows.created > 10);

    for (unsigned nw = 2; nw <= MAXW; nw++) {
        unsigned busy = 0;

        run(nw, files, &many, pw);
        /* each packet counted once, each flow in one worker */
        CHECK_EQ(many.packets, one.packets);
        CHECK_EQ(many.bytes, one.bytes);
        CHECK_EQ(many.flows.created, one.flows.created);
        CHECK_EQ(many.tunnelled, one.tunnelled);
        CHECK_EQ(many.ip_fragments, one.ip_fragments);
        for (int d = 0; d < DECODE_RESULT_COUNT; d++)
            CHECK_EQ(many.decode[d], one.decode[d]);
        /* the same dissection: a split flow would change these */
        for (int e = 0; e < STATS_EV_COUNT; e++)
            CHECK_EQ(many.events[e], one.events[e]);
        CHECK_EQ(many.dissector_flows, one.dissector_flows);
        CHECK_EQ(many.stream.gaps, one.stream.gaps);
        /* and the work is actually shared */
        for (unsigned i = 0; i < nw; i++)
            busy += pw[i] > 0;
        CHECK(busy >= 2);
        peek_and_walk_agree(nw);
    }
    peek_and_walk_agree(1);
    return check_done();
}
