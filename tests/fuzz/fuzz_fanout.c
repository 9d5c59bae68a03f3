/*
 * fuzz_fanout.c - libFuzzer target for the inner-flow fanout program
 * (sensor/fanout.c), differential: the input is an Ethernet frame, run by
 * libpcap's classic BPF interpreter (bpf_filter()) from an exact-size copy,
 * and wherever the program claims to follow the frame's encapsulation
 * (tests/unit/fanout_ref.h) its value must be what the decoder's innermost
 * flow gives. Seeds: the Ethernet frames of the decoder's corpus.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "../unit/fanout_ref.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct sock_filter prog[FANOUT_PROG_MAX];
    static unsigned n;
    struct decode_cfg cfg;
    struct pkt p;
    uint8_t *frame;
    uint32_t got;
    int64_t want;
    int rc;

    decode_cfg_default(&cfg);
    cfg.vxlan_ports[1] = 8472;
    if (!n)
        n = fanout_prog(&cfg, FANOUT_PROG_FRAME, prog, FANOUT_PROG_MAX);
    if (!n)
        abort();
    if (size > 65535)
        return 0;
    frame = malloc(size ? size : 1);
    if (!frame)
        return 0;
    memcpy(frame, data, size);
    got = bpf_filter((const struct bpf_insn *)prog, frame, (u_int)size, (u_int)size);
    rc = decode_frame(&p, &cfg, LINK_EN10MB, frame, (uint32_t)size, (uint32_t)size, 0);
    want = expected(&p, rc, frame, (uint32_t)size);
    if (want >= 0 && (uint32_t)want != got)
        abort();
    free(frame);
    return 0;
}
