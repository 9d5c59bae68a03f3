/*
 * fanout.h - the classic BPF program that splits a live PACKET_FANOUT group
 * by the innermost flow (engine.dispatch: fanout_inner).
 *
 * The kernel's PACKET_FANOUT_HASH hashes the outer headers: on a VXLAN,
 * GENEVE or ERSPAN mirror every packet of a mirror session has the same outer
 * addresses and ports, so one worker gets everything (and the two directions
 * of an inner flow, mirrored from two hosts, may land apart). With
 * PACKET_FANOUT_CBPF the kernel runs this program on each packet instead and
 * gives it to member (value mod members): the value is a symmetric hash of
 * the innermost addresses, ports and protocol, so both directions of each
 * inner flow meet in one worker, and each packet is copied to one ring only
 * (replicate mode copies each to every worker's ring).
 *
 * What it follows: Ethernet with at most one VLAN tag, IPv4 (options) and
 * IPv6 (no extension headers), then at most one tunnel: VXLAN on the
 * configured ports, GENEVE (Ethernet, IPv4 or IPv6 inside), GRE (transparent
 * Ethernet, IPv4, IPv6, ERSPAN II and III). IPv4 fragments hash by addresses
 * only; IPv6 by the low 64 bits of each address. Anything else that is IP
 * hashes by what it has; what is not IP, or ends early, gives 0 (worker 0).
 */
#ifndef FIREDAMP_FANOUT_H
#define FIREDAMP_FANOUT_H

#include <stdint.h>

#include <linux/filter.h>

#include "decode.h"

#define FANOUT_PROG_MAX 320

enum fanout_prog_mode {
    /* for the kernel's fanout: the packet starts at its network header on
       ingress (the link header is pulled, a VLAN tag taken off), at the
       link header when sent from this host (told apart by the packet type) */
    FANOUT_PROG_KERNEL,
    /* for a captured frame (libpcap's bpf_filter(), tests): the link header first */
    FANOUT_PROG_FRAME,
};

/*
 * Writes the program for cfg's tunnel ports into out (FANOUT_PROG_MAX
 * instructions fit). Returns the instruction count, or 0 if max is too
 * small or a jump would not reach (a bug: the tests build it).
 */
unsigned fanout_prog(const struct decode_cfg *cfg, enum fanout_prog_mode mode,
                     struct sock_filter *out, unsigned max);

/*
 * The program's last step in C: the value for the sums it gathered (the
 * addresses' 32-bit words, the two ports, the protocol).
 */
static inline uint32_t fanout_mix(uint32_t addr_sum, uint32_t port_sum, uint32_t proto)
{
    uint32_t h = (addr_sum ^ port_sum * 0x9e3779b1u) + proto;

    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

#endif
