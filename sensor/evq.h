/*
 * evq.h - the bounded queue from one worker to the output thread: a
 * single-producer single-consumer ring of variable-length records (one event
 * line each, with a channel tag), lock-free with C11 acquire/release.
 *
 * The worker never blocks on an output: when the ring is full it either
 * waits (file replay, where losing an event is worse than waiting) or drops
 * the record and counts it (live capture), as configured.
 */
#ifndef FIREDAMP_EVQ_H
#define FIREDAMP_EVQ_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

enum evq_channel {
    EVQ_EVENTS = 0, /* the JSON-lines output (and Redis) */
    EVQ_FLOWS = 1,  /* flow records (--flow-log) */
};

struct evq {
    uint8_t *buf;
    uint32_t size; /* power of two */
    uint32_t block; /* wait when full */
    _Alignas(64) _Atomic uint64_t head; /* written by the producer */
    _Alignas(64) _Atomic uint64_t tail; /* written by the consumer */
    _Alignas(64) _Atomic uint64_t dropped;
    _Atomic uint32_t closed;
};

/* Allocates a ring of at least `bytes` (rounded up to a power of two). 0 or -1. */
int evq_init(struct evq *q, size_t bytes, int block);
void evq_destroy(struct evq *q);

/*
 * Producer: appends one record. Returns 0, or -1 if it was dropped (ring
 * full in drop mode, or a record larger than a quarter of the ring).
 */
int evq_push(struct evq *q, int channel, const char *data, uint32_t len);

/*
 * Consumer: the oldest record, without removing it. Returns 1 and sets
 * *channel, *data, *len; 0 if empty. Call evq_pop() when done with it.
 */
int evq_peek(struct evq *q, int *channel, const char **data, uint32_t *len);
void evq_pop(struct evq *q);

/* Bytes queued now (for stats: queue depth). */
uint64_t evq_depth(struct evq *q);

#endif
