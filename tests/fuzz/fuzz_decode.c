/*
 * fuzz_decode.c - libFuzzer target for decode_frame().
 *
 * The first input byte picks the link type from links[] (modulo its size),
 * the rest is the frame, decoded from an exact-size copy so ASan catches a
 * read one byte past caplen. Checks the contract's invariants: a known result,
 * payload and l3 inside the frame, captured payload never above the wire
 * length, limits on VLAN and tunnel counts, and the fast path's contract
 * (when it takes a frame, the general walk gives the same bytes, and the owner
 * peek decode_peek takes the same frames and reads the same flow
 * fields). Does not check field values:
 * tests/unit/test_decode.c does that on crafted frames.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"

/* Same order as fuzz_links[] in tests/unit/test_decode.c (the seeds use it). */
static const int links[] = {LINK_EN10MB,  LINK_LINUX_SLL, LINK_LINUX_SLL2, LINK_RAW,
                            LINK_DLT_RAW, LINK_DLT_RAW14, LINK_IPV4,       LINK_IPV6,
                            LINK_NULL,    LINK_LOOP};

static const uint8_t v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct decode_cfg cfg;
    struct pkt p;
    if (size < 1)
        return 0;
    int link = links[data[0] % (sizeof(links) / sizeof(links[0]))];
    uint32_t caplen = (uint32_t)(size - 1);
    uint8_t *frame = malloc(caplen ? caplen : 1);
    if (!frame)
        return 0;
    memcpy(frame, data + 1, caplen);
    decode_cfg_default(&cfg);
    cfg.vxlan_ports[1] = 8472;

    int r = decode_frame(&p, &cfg, link, frame, caplen, caplen, 0);
    if (r < 0 || r >= DECODE_RESULT_COUNT || !decode_result_name(r))
        abort();
    if (p.payload_len > caplen || p.payload_len > p.payload_wirelen)
        abort();
    if ((p.payload == NULL) != (p.payload_len == 0))
        abort();
    if (p.payload && (p.payload < frame || p.payload + p.payload_len > frame + caplen))
        abort();
    if (p.l3 && (p.l3 < frame || p.l3 + p.l3_len > frame + caplen))
        abort();
    if (p.nvlan > DECODE_MAX_VLAN || p.ntunnel > DECODE_MAX_TUNNEL)
        abort();
    if (p.l4_ok && p.ip_version != 4 && p.ip_version != 6)
        abort();
    struct pkt fast, walk;
    struct pkt_peek t;
    int took = decode_frame_fast(&fast, &cfg, link, frame, caplen, caplen, 0);
    if (took && (decode_frame_walk(&walk, &cfg, link, frame, caplen, caplen, 0) != DECODE_OK ||
                 memcmp(&fast, &walk, sizeof(fast)) != 0))
        abort();
    /* the owner peek takes the fast path's frames, no other, reads their flow fields,
       and decoding from it gives the fast path's bytes */
    if (decode_peek(&t, &cfg, link, frame, caplen) != took)
        abort();
    if (took && (memcmp(fast.src, v4mapped, 12) != 0 || memcmp(fast.src + 12, t.src4, 4) != 0 ||
                 memcmp(fast.dst, v4mapped, 12) != 0 || memcmp(fast.dst + 12, t.dst4, 4) != 0 ||
                 fast.sport != t.sport || fast.dport != t.dport || fast.proto != t.proto ||
                 decode_frame_peeked(&walk, &t, frame, caplen, caplen, 0) != DECODE_OK ||
                 memcmp(&fast, &walk, sizeof(fast)) != 0))
        abort();
    volatile uint8_t sink = 0; /* touch every byte we were told is ours */
    for (uint32_t i = 0; i < p.payload_len; i++)
        sink ^= p.payload[i];
    for (uint32_t i = 0; i < p.l3_len; i++)
        sink ^= p.l3[i];
    (void)sink;
    free(frame);
    return 0;
}
