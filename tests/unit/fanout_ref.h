/*
 * fanout_ref.h - what the inner-flow fanout program (sensor/fanout.c) must
 * give for a frame, computed in C from decode_frame()'s innermost flow: for
 * tests/unit/test_fanout.c and tests/fuzz/fuzz_fanout.c.
 */
#ifndef FIREDAMP_FANOUT_REF_H
#define FIREDAMP_FANOUT_REF_H

#include <stdint.h>

#include "decode.h"
#include "fanout.h"

static inline uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static inline uint16_t be16(const uint8_t *b)
{
    return (uint16_t)(b[0] << 8 | b[1]);
}

static inline int is_vlan(uint16_t t)
{
    return t == 0x8100 || t == 0x88a8 || t == 0x9100;
}

/*
 * What the program must give for a frame, from the decoder's innermost flow;
 * -1 where fanout.h says it follows less than the decoder (no claim made):
 * two VLAN tags, MPLS, IP-in-IP, nested tunnels, IPv6 extension headers.
 */
static inline int64_t expected(const struct pkt *p, int rc, const uint8_t *frame, uint32_t len)
{
    uint32_t addr, ports = 0;
    uint16_t t;

    if (rc != DECODE_OK || !p->ip_version || len < 18)
        return -1;
    t = be16(frame + 12);
    if (is_vlan(t) && is_vlan(be16(frame + 16)))
        return -1;
    if (is_vlan(t))
        t = be16(frame + 16);
    if (t != 0x0800 && t != 0x86dd)
        return -1;
    if (p->ntunnel > 1 || p->tunnel == TUNNEL_IPIP)
        return -1;
    if (p->ip_version == 6 && p->l3[6] != p->proto)
        return -1;
    if (p->nvlan - is_vlan(be16(frame + 12)) > (p->ntunnel ? 1 : 0)) /* two tags inside */
        return -1;
    if (p->ip_version == 4)
        addr = be32(p->src + 12) + be32(p->dst + 12);
    else
        addr = be32(p->src + 8) + be32(p->src + 12) + be32(p->dst + 8) + be32(p->dst + 12);
    if (p->l4_ok && !p->is_fragment && (p->proto == 6 || p->proto == 17))
        ports = (uint32_t)p->sport + p->dport;
    return fanout_mix(addr, ports, p->proto);
}

#endif
