/*
 * cidr.h - a small set of address blocks ("10.0.0.0/8, 192.168.1.5,
 * 2001:db8::/32"), parsed once from configuration and matched against the
 * 16-byte (IPv4-mapped) addresses the engine uses. Linear scan: the sets are
 * operator allowlists of a few entries. Immutable after parsing.
 */
#ifndef FIREDAMP_CIDR_H
#define FIREDAMP_CIDR_H

#include <stddef.h>
#include <stdint.h>

#define CIDR_MAX 64

struct cidr_set {
    unsigned n;
    struct {
        uint8_t addr[16];
        uint8_t bits; /* prefix length over the 16-byte form */
    } e[CIDR_MAX];
};

/*
 * Parses a comma- or blank-separated list of addresses and address/prefix
 * blocks into *s (emptied first). Returns 0, or -1 with the offending entry
 * in err.
 */
int cidr_parse(struct cidr_set *s, const char *text, char *err, size_t errlen);

/* 1 if the 16-byte address is in one of the blocks. */
int cidr_match(const struct cidr_set *s, const uint8_t addr[16]);

#endif
