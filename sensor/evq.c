/*
 * evq.c - the SPSC record ring (see evq.h). A record is an 8-byte header
 * (length, channel) and the bytes, padded to 8; a record never wraps: when it
 * does not fit before the end, a skip marker fills the rest of the ring.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "evq.h"

#define REC_HDR  8
#define REC_SKIP 0xffffffffu

static uint32_t rec_size(uint32_t len)
{
    return (REC_HDR + len + 7) & ~7u;
}

int evq_init(struct evq *q, size_t bytes, int block)
{
    size_t size = 4096;

    memset(q, 0, sizeof(*q));
    while (size < bytes && size < (1u << 30))
        size <<= 1;
    q->buf = malloc(size);
    if (!q->buf)
        return -1;
    q->size = (uint32_t)size;
    q->block = block ? 1 : 0;
    return 0;
}

void evq_destroy(struct evq *q)
{
    free(q->buf);
    q->buf = NULL;
}

static void put_hdr(uint8_t *p, uint32_t len, uint32_t channel)
{
    memcpy(p, &len, 4);
    memcpy(p + 4, &channel, 4);
}

int evq_push(struct evq *q, int channel, const char *data, uint32_t len)
{
    uint32_t need = rec_size(len);
    uint64_t head = atomic_load_explicit(&q->head, memory_order_relaxed);

    if (need > q->size / 4) {
        atomic_fetch_add_explicit(&q->dropped, 1, memory_order_relaxed);
        return -1;
    }
    for (;;) {
        uint64_t tail = atomic_load_explicit(&q->tail, memory_order_acquire);
        uint32_t off = (uint32_t)(head & (q->size - 1));
        uint32_t to_end = q->size - off;
        uint64_t want = need <= to_end ? need : (uint64_t)to_end + need;

        if (q->size - (head - tail) >= want) {
            if (need > to_end) { /* fill the end with a skip marker and wrap */
                put_hdr(q->buf + off, REC_SKIP, 0);
                head += to_end;
                off = 0;
            }
            put_hdr(q->buf + off, len, (uint32_t)channel);
            memcpy(q->buf + off + REC_HDR, data, len);
            atomic_store_explicit(&q->head, head + need, memory_order_release);
            return 0;
        }
        if (!q->block || atomic_load_explicit(&q->closed, memory_order_relaxed)) {
            atomic_fetch_add_explicit(&q->dropped, 1, memory_order_relaxed);
            return -1;
        }
        /* the output thread is behind: wait for it (file replay only) */
        struct timespec ts = {0, 50000};
        nanosleep(&ts, NULL);
    }
}

int evq_peek(struct evq *q, int *channel, const char **data, uint32_t *len)
{
    uint64_t tail = atomic_load_explicit(&q->tail, memory_order_relaxed);
    uint64_t head = atomic_load_explicit(&q->head, memory_order_acquire);
    uint32_t l, ch, off;

    while (tail != head) {
        off = (uint32_t)(tail & (q->size - 1));
        memcpy(&l, q->buf + off, 4);
        if (l == REC_SKIP) {
            tail += q->size - off;
            atomic_store_explicit(&q->tail, tail, memory_order_release);
            continue;
        }
        memcpy(&ch, q->buf + off + 4, 4);
        *channel = (int)ch;
        *data = (const char *)q->buf + off + REC_HDR;
        *len = l;
        return 1;
    }
    return 0;
}

void evq_pop(struct evq *q)
{
    uint64_t tail = atomic_load_explicit(&q->tail, memory_order_relaxed);
    uint32_t off = (uint32_t)(tail & (q->size - 1)), l;

    memcpy(&l, q->buf + off, 4);
    atomic_store_explicit(&q->tail, tail + rec_size(l), memory_order_release);
}

uint64_t evq_depth(struct evq *q)
{
    return atomic_load_explicit(&q->head, memory_order_relaxed) -
           atomic_load_explicit(&q->tail, memory_order_relaxed);
}
