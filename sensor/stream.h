/*
 * stream.h - TCP reassembly, one struct stream per dissected TCP flow, one
 * half per direction.
 *
 * In-order payload is handed to the consumer straight from the packet (zero
 * copy). Bytes the consumer did not consume are kept in a per-direction tail
 * buffer (at most cfg->max_tail) and offered again, joined with the next
 * in-order bytes. Segments that arrive ahead of the expected sequence number
 * are copied into a bounded out-of-order list (cfg->max_ooo_segs per
 * direction, all copies under the worker's memcap) and delivered once the
 * hole fills.
 *
 * Policy, the same as most IDS "first" policies:
 *  - retransmitted bytes (before next_seq) are dropped: first data wins;
 *  - an out-of-order segment overlapping one already queued keeps the queued
 *    bytes and only adds the new ones;
 *  - when a hole cannot be waited for any longer (out-of-order list full,
 *    memcap reached, FIN/RST seen past the hole, or stream_flush() at flow
 *    end), the consumer is told gap(missing bytes) and delivery resumes at
 *    the next queued segment;
 *  - a direction with no SYN seen starts at the first segment seen (mid-stream
 *    pickup);
 *  - per-direction depth: after cfg->depth bytes delivered the direction
 *    stops (counted), as Suricata's stream.reassembly.depth.
 *
 * Not thread-safe: a stream belongs to the worker that owns its flow.
 * All memory comes through struct stream_mem so the worker can bound it, from
 * a size-class pool that recycles it: no malloc per packet once warm.
 */
#ifndef FIREDAMP_STREAM_H
#define FIREDAMP_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "pool.h"

/* 1/STREAM_TAIL_RESERVE of the memcap is for in-order tails only (out-of-order copies stop short)
 */
#define STREAM_TAIL_RESERVE 4

struct stream_cfg {
    uint32_t depth;        /* bytes per direction delivered at most; 0 = unlimited */
    uint32_t max_ooo_segs; /* out-of-order segments queued per direction */
    uint32_t max_tail;     /* unconsumed bytes kept per direction */
};

/*
 * Memory shared by every stream of one worker: the accounting and the pool
 * the buffers come from. All-zero plus a memcap is ready to use; give it
 * back with stream_mem_destroy().
 *
 * `used` is what the streams asked for (a tail's capacity, a segment copy
 * with its header), `pool.bytes` what the pool got from malloc to serve them
 * (block classes and chunk headers included). The memcap bounds both; the
 * pool keeps its chunks after the streams are gone, so a warm worker does not
 * call malloc again.
 */
struct stream_mem {
    uint64_t memcap; /* bytes; allocations that would pass it fail (counted) */
    uint64_t used;
    uint64_t peak;
    struct pool_sized pool; /* tails and out-of-order copies */
};

/* Counters, per worker; the engine adds them to stats. */
struct stream_counters {
    uint64_t segments;       /* segments with payload seen */
    uint64_t bytes_in_order; /* bytes delivered without copy */
    uint64_t ooo_queued;     /* segments queued out of order */
    uint64_t retransmits;    /* segments entirely before next_seq */
    uint64_t overlaps;       /* segments partly before next_seq or overlapping queued data */
    uint64_t gaps;           /* gap() calls */
    uint64_t gap_bytes;      /* bytes reported missing */
    uint64_t depth_reached;  /* directions stopped by depth */
    uint64_t memcap_fail;    /* allocations refused by the memcap */
    uint64_t tail_overflow;  /* consumer left more than max_tail unconsumed */
};

/*
 * The consumer. deliver() returns bytes consumed (0..len) or a negative value
 * to stop reassembly of the whole stream (both directions) for good.
 * gap() is told that `missing` bytes of direction `dir` will never arrive.
 */
struct stream_sink {
    int (*deliver)(void *ctx, int dir, const uint8_t *data, size_t len);
    void (*gap)(void *ctx, int dir, uint32_t missing);
    void *ctx;
};

struct stream_seg; /* private: an out-of-order segment */

struct stream_half {
    uint32_t next_seq; /* next byte expected */
    uint8_t init;      /* next_seq is valid */
    uint8_t fin;       /* FIN or RST seen */
    uint8_t stopped;   /* depth reached or consumer stopped */
    uint16_t nooo;
    uint64_t delivered;          /* bytes delivered (depth accounting) */
    struct stream_seg *ooo;      /* sorted by seq */
    uint8_t *tail;               /* unconsumed bytes, a block of stream_mem's pool */
    uint32_t tail_len, tail_cap; /* tail_cap: bytes charged to the memcap, <= max_tail */
};

struct stream {
    struct stream_half half[2]; /* index = direction: 0 client->server, 1 server->client */
    uint8_t stopped;            /* consumer returned < 0 */
};

/* Everything a stream call needs from its worker. */
struct stream_env {
    const struct stream_cfg *cfg;
    struct stream_mem *mem;
    struct stream_counters *cnt;
    struct stream_sink sink;
};

/* Zero-initialises a stream. No allocation. */
void stream_init(struct stream *s);

/*
 * Feeds one TCP segment of direction `dir`: its sequence number, flags
 * (TCP_SYN/FIN/RST as in decode.h), captured payload (len bytes) and the
 * payload length on the wire (wirelen >= len; the difference is a capture
 * gap). May call sink.deliver/sink.gap any number of times. Returns 0, or -1
 * once the stream is stopped (consumer said stop, both directions done).
 */
int stream_segment(struct stream *s, struct stream_env *env, int dir, uint32_t seq, uint8_t flags,
                   const uint8_t *payload, uint32_t len, uint32_t wirelen);

/*
 * Flow end: reports remaining holes as gaps, delivers every queued segment in
 * order, offers the tails one last time, then frees all memory of the stream.
 * The stream may be reused after stream_init().
 */
void stream_flush(struct stream *s, struct stream_env *env);

/* Frees all memory of the stream without delivering anything. */
void stream_free(struct stream *s, struct stream_mem *mem);

/*
 * Gives the pool's memory back to the system (worker teardown). Every stream
 * using mem must have been freed or flushed first; mem is empty again after,
 * with its memcap kept.
 */
void stream_mem_destroy(struct stream_mem *mem);

#endif
