/*
 * classify.h - nDPI classification of flows, first packets only.
 *
 * One classifier per worker (nDPI's detection module is not shared between
 * threads). A flow gets an nDPI flow struct from a preallocated pool on its
 * first packet, is fed at most ndpi.max_packets packets, and gives the struct
 * back as soon as nDPI decides or gives up, keeping only the two protocol
 * ids. nDPI's verdict is a hint for dissectors and the app_proto field; it is
 * never a detection on its own (nDPI 4.2 calls any JSON-RPC "Mining").
 *
 * This is the only file that includes nDPI headers.
 */
#ifndef FIREDAMP_CLASSIFY_H
#define FIREDAMP_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "decode.h"
#include "flow.h"

struct classify_stats {
    uint64_t classified;   /* flows nDPI named */
    uint64_t unknown;      /* flows given up without a name */
    uint64_t pool_full;    /* flows not classified: no free nDPI flow struct */
    uint64_t skipped;      /* flows a dissector took: named by the dissector */
    uint64_t inflight;     /* flows currently holding an nDPI flow struct */
};

struct classify;

/* Creates a classifier, or NULL with the reason in err. */
struct classify *classify_new(const struct config *c, uint32_t pool_size, char *err, size_t errlen);

void classify_free(struct classify *cl);

/*
 * Feeds one packet of flow f (no-op once f->classified). Sets f->app_master /
 * f->app_proto and f->classified when nDPI decides or after max_packets.
 */
void classify_packet(struct classify *cl, struct flow *f, const struct pkt *p);

/* A dissector took the flow: stop classifying it, return its struct (no verdict counted). */
void classify_skip(struct classify *cl, struct flow *f);

/* Flow end: gives up on a flow still classifying and returns its struct. */
void classify_flow_end(struct classify *cl, struct flow *f);

/*
 * nDPI's name for the flow ("TLS", "HTTP.Docker"), written into buf, or NULL
 * if unknown. A flow that never carried payload is named from nDPI's address
 * lists here, on first asking, and remembers it. Only for the worker that owns cl.
 */
const char *classify_app_name(struct classify *cl, struct flow *f, char *buf, size_t len);

const struct classify_stats *classify_stats(const struct classify *cl);

/* nDPI's version string, for --version. */
const char *classify_ndpi_version(void);

/* Bytes of nDPI flow structs in use, and of their whole pool. */
uint64_t classify_memory(const struct classify *cl);
uint64_t classify_memory_bound(const struct classify *cl);

#endif
