/*
 * stream.c - TCP reassembly for one flow: in-order bytes go to the consumer
 * straight from the packet, unconsumed bytes wait in a bounded tail, early
 * segments wait in a bounded sorted out-of-order list. Every byte of the
 * stream is either offered to the consumer once (and again while it stays
 * unconsumed in the tail) or reported through gap(); nothing is delivered
 * twice once consumed, and nothing is skipped silently.
 *
 * What a gap means here: gap(dir, n) says that the n bytes following the
 * last byte the consumer consumed will never be offered (again). When a hole
 * is resolved while the tail still holds unconsumed bytes, those bytes are
 * dropped with it and counted in n: they precede a hole, so joining them
 * with what follows would hand the consumer a splice that never was on the
 * wire.
 *
 * Memory: tails and out-of-order copies are blocks of the worker's size-class
 * pool (stream_mem.pool, see pool.h), never malloc'd per packet: a freed
 * stream's blocks go back to the pool's free lists for the next flow, and the
 * pool asks malloc for a chunk only while a class is still warming up. The
 * memcap is charged what the stream asked for (a tail's capacity, at most
 * max_tail; a copy's exact size), so the accounting reads the same whatever
 * the block class; the pool's own chunks are held under the same memcap.
 *
 * Deliberately not done here: ACK tracking, window checks, RST validation,
 * urgent data, timeouts and connection state (the flow table does those).
 * Segments longer than STREAM_SEG_MAX cannot come out of a real capture and
 * are ignored rather than risk sequence-space wrap inside one segment.
 */
#include <string.h>

#include "decode.h"
#include "stream.h"
#include "util.h"

/* Far above any segment a capture hands over (64 KiB, a few 100 KiB with GRO), far below 2^31. */
#define STREAM_SEG_MAX (1u << 24)

/* h->nooo is 16 bits wide. */
#define STREAM_OOO_HARD_MAX UINT16_MAX

/*
 * One queued piece of sequence space, [seq, seq + span). Only the first len
 * bytes were captured; the rest (snaplen truncation) is reported as a gap
 * when the piece is delivered. Pieces in a list never overlap.
 */
struct stream_seg {
    struct stream_seg *next;
    uint32_t seq;
    uint32_t span;
    uint32_t len;
    uint8_t data[];
};

/* --- memory accounting ------------------------------------------------- */

/*
 * Out-of-order copies may use this much of the memcap; the rest is kept for
 * the in-order tails the dissectors need. Queued segments are a bet that a
 * hole fills; a flood of them (many flows sending past holes) must not leave
 * a new session unable to keep the few bytes its dissector asked to see again.
 */
static uint64_t ooo_limit(const struct stream_mem *mem)
{
    return mem->memcap - mem->memcap / STREAM_TAIL_RESERVE;
}

static int mem_charge_upto(struct stream_env *env, size_t size, uint64_t limit)
{
    struct stream_mem *mem = env->mem;

    if (size > limit || mem->used > limit - size) {
        env->cnt->memcap_fail++;
        return -1;
    }
    mem->used += size;
    if (mem->used > mem->peak)
        mem->peak = mem->used;
    return 0;
}

static int mem_charge(struct stream_env *env, size_t size)
{
    return mem_charge_upto(env, size, env->mem->memcap);
}

static void mem_uncharge(struct stream_mem *mem, size_t size)
{
    mem->used = size > mem->used ? 0 : mem->used - size;
}

static struct stream_seg *seg_new(struct stream_env *env, uint32_t seq, const uint8_t *data,
                                  uint32_t len, uint32_t span)
{
    size_t size = sizeof(struct stream_seg) + len;
    struct stream_seg *seg;

    if (mem_charge_upto(env, size, ooo_limit(env->mem)) < 0)
        return NULL;
    seg = pool_sized_get(&env->mem->pool, size, ooo_limit(env->mem));
    if (!seg) {
        mem_uncharge(env->mem, size);
        env->cnt->memcap_fail++;
        return NULL;
    }
    seg->next = NULL;
    seg->seq = seq;
    seg->span = span;
    seg->len = len;
    if (len)
        memcpy(seg->data, data, len);
    return seg;
}

static void seg_free(struct stream_mem *mem, struct stream_seg *seg)
{
    mem_uncharge(mem, sizeof(struct stream_seg) + seg->len);
    pool_sized_put(&mem->pool, seg);
}

static void half_free(struct stream_half *h, struct stream_mem *mem)
{
    struct stream_seg *seg, *next;

    for (seg = h->ooo; seg; seg = next) {
        next = seg->next;
        seg_free(mem, seg);
    }
    h->ooo = NULL;
    h->nooo = 0;
    if (h->tail) {
        mem_uncharge(mem, h->tail_cap);
        pool_sized_put(&mem->pool, h->tail);
    }
    h->tail = NULL;
    h->tail_len = 0;
    h->tail_cap = 0;
}

/* --- talking to the consumer ------------------------------------------- */

/* Stops the whole stream for good; buffers are freed by the top-level call. */
static void stop_all(struct stream *s)
{
    s->stopped = 1;
}


/* Counts and tells the consumer; the tail is left alone. */
static void notify_gap(struct stream *s, struct stream_env *env, int dir, uint64_t n)
{
    if (n == 0 || s->stopped || s->half[dir].stopped)
        return;
    env->cnt->gaps++;
    env->cnt->gap_bytes += n;
    if (env->sink.gap)
        env->sink.gap(env->sink.ctx, dir, n > UINT32_MAX ? UINT32_MAX : (uint32_t)n);
}

/* A hole: `missing` bytes lost after the tail, which goes with them (see top). */
static void report_gap(struct stream *s, struct stream_env *env, int dir, uint64_t missing)
{
    struct stream_half *h = &s->half[dir];
    uint64_t n = missing + h->tail_len;

    h->tail_len = 0;
    notify_gap(s, env, dir, n);
}

/*
 * Offers data[0..len) until the consumer has taken all of it or asks for
 * more (returns 0). Returns bytes consumed, or -1 if the consumer stopped.
 */
static int64_t offer(struct stream *s, struct stream_env *env, int dir, const uint8_t *data,
                     size_t len)
{
    size_t off = 0;

    if (!env->sink.deliver)
        return (int64_t)len;
    while (off < len) {
        int r = env->sink.deliver(env->sink.ctx, dir, data + off, len - off);

        if (r < 0) {
            stop_all(s);
            return -1;
        }
        if (r == 0)
            break;
        off += MIN((size_t)r, len - off);
    }
    return (int64_t)off;
}

/* Offers the tail and moves what is left of it to the front. */
static int tail_offer(struct stream *s, struct stream_env *env, int dir)
{
    struct stream_half *h = &s->half[dir];
    int64_t used;

    if (h->tail_len == 0)
        return 0;
    used = offer(s, env, dir, h->tail, h->tail_len);
    if (used < 0)
        return -1;
    if (used > 0) {
        memmove(h->tail, h->tail + used, h->tail_len - (size_t)used);
        h->tail_len -= (uint32_t)used;
    }
    return 0;
}

/*
 * Gives the tail room for cap bytes (already charged): the block it has when
 * its class is big enough, else a bigger block with the bytes moved over.
 * The memcap charge stays the capacity asked for, whatever the class.
 */
static int tail_grow(struct stream_half *h, struct stream_env *env, uint64_t cap)
{
    uint8_t *p;

    if (cap > pool_sized_size(h->tail)) {
        p = pool_sized_get(&env->mem->pool, (size_t)cap, env->mem->memcap);
        if (!p)
            return -1;
        if (h->tail_len)
            memcpy(p, h->tail, h->tail_len);
        pool_sized_put(&env->mem->pool, h->tail);
        h->tail = p;
    }
    h->tail_cap = (uint32_t)cap;
    return 0;
}

/*
 * Appends data to the tail, keeping at most max_tail bytes (fewer if the
 * memcap stops the buffer growing); the oldest bytes go first. Returns how
 * many bytes were discarded.
 */
static uint64_t tail_put(struct stream_half *h, struct stream_env *env, const uint8_t *data,
                         size_t n)
{
    uint64_t total = (uint64_t)h->tail_len + n;
    uint64_t want = MIN(total, (uint64_t)env->cfg->max_tail);
    uint64_t keep, drop;

    if (want > h->tail_cap) {
        /* Doubling keeps the copies amortised while a consumer waits long. */
        uint64_t cap = MIN(MAX(want, (uint64_t)h->tail_cap * 2), (uint64_t)env->cfg->max_tail);

        if (mem_charge(env, cap - h->tail_cap) == 0 && tail_grow(h, env, cap) < 0) {
            mem_uncharge(env->mem, cap - h->tail_cap);
            env->cnt->memcap_fail++;
        }
    }
    keep = MIN(want, (uint64_t)h->tail_cap);
    drop = total - keep;
    if (total > env->cfg->max_tail)
        env->cnt->tail_overflow++;
    if (drop >= h->tail_len) {
        size_t skip = (size_t)(drop - h->tail_len);

        if (n > skip)
            memcpy(h->tail, data + skip, n - skip);
        h->tail_len = (uint32_t)(n - skip);
    } else {
        memmove(h->tail, h->tail + drop, h->tail_len - (size_t)drop);
        h->tail_len -= (uint32_t)drop;
        if (n)
            memcpy(h->tail + h->tail_len, data, n);
        h->tail_len += (uint32_t)n;
    }
    return drop;
}

/*
 * Hands new in-order bytes to the consumer: zero copy when nothing is
 * pending, else joined to the tail. `direct` says they are the packet's own
 * bytes (for the counter). Applies the depth. Returns -1 if the stream
 * stopped, 0 otherwise.
 */
static int push(struct stream *s, struct stream_env *env, int dir, const uint8_t *data,
                uint32_t len, int direct)
{
    struct stream_half *h = &s->half[dir];
    uint32_t depth = env->cfg->depth;
    int depth_hit = 0;
    uint64_t drop;

    if (depth) {
        uint64_t room = h->delivered < depth ? depth - h->delivered : 0;

        if (len >= room) {
            len = (uint32_t)room;
            depth_hit = 1;
        }
    }
    h->delivered += len;

    if (h->tail_len == 0) {
        int64_t used = offer(s, env, dir, data, len);

        if (used < 0)
            return -1;
        if (direct)
            env->cnt->bytes_in_order += (uint64_t)used;
        if ((uint64_t)used == len)
            goto out;
        /* The consumer just refused these bytes: offer again only after a discard. */
        drop = tail_put(h, env, data + used, len - (size_t)used);
        if (!drop)
            goto out;
    } else {
        drop = len ? tail_put(h, env, data, len) : 0;
    }
    /* The consumer resyncs on the gap, then sees what is left again. */
    notify_gap(s, env, dir, drop);
    if (tail_offer(s, env, dir) < 0)
        return -1;
out:
    if (depth_hit && !h->stopped) {
        h->stopped = 1;
        env->cnt->depth_reached++;
    }
    return 0;
}

/*
 * In-order bytes at next_seq: `len` captured ones, then `span - len` that the
 * capture cut off and that become a gap.
 */
static int accept(struct stream *s, struct stream_env *env, int dir, const uint8_t *data,
                  uint32_t len, uint32_t span, int direct)
{
    struct stream_half *h = &s->half[dir];

    h->next_seq += len;
    if (len && push(s, env, dir, data, len, direct) < 0)
        return -1;
    if (span > len) {
        h->next_seq += span - len;
        report_gap(s, env, dir, span - len);
    }
    return 0;
}

/* Delivers queued pieces that the advance of next_seq has made in order. */
static void drain(struct stream *s, struct stream_env *env, int dir)
{
    struct stream_half *h = &s->half[dir];
    struct stream_seg *seg;

    while ((seg = h->ooo) && SEQ_LEQ(seg->seq, h->next_seq)) {
        h->ooo = seg->next;
        h->nooo--;
        if (SEQ_GT(seg->seq + seg->span, h->next_seq)) {
            uint32_t off = h->next_seq - seg->seq;
            uint32_t len = off < seg->len ? seg->len - off : 0;

            accept(s, env, dir, seg->data + (seg->len - len), len, seg->span - off, 0);
        }
        seg_free(env->mem, seg);
        if (s->stopped || h->stopped)
            return;
    }
}

/* Gives up waiting for the first hole: reports it, delivers what follows. */
static void resolve_hole(struct stream *s, struct stream_env *env, int dir)
{
    struct stream_half *h = &s->half[dir];

    report_gap(s, env, dir, (uint32_t)(h->ooo->seq - h->next_seq));
    h->next_seq = h->ooo->seq;
    drain(s, env, dir);
}

struct piece {
    uint32_t seq;
    const uint8_t *data;
    uint32_t len;  /* captured bytes at data */
    uint32_t span; /* sequence space covered, >= len */
};

static void piece_advance(struct piece *p, uint32_t n)
{
    uint32_t d = MIN(n, p->len);

    p->seq += n;
    if (d)
        p->data += d;
    p->len -= d;
    p->span -= n;
}

#define SEEN_OVERLAP 1u
#define SEEN_QUEUED  2u

/*
 * Copies the parts of p that no queued piece covers into the sorted list.
 * Returns 0 when all of p is queued or covered; -1 when the list is full or
 * the memcap refuses, with p advanced to what is still to be placed.
 */
static int ooo_insert(struct stream_half *h, struct stream_env *env, struct piece *p,
                      unsigned *seen)
{
    uint32_t limit = MIN(env->cfg->max_ooo_segs, (uint32_t)STREAM_OOO_HARD_MAX);
    uint32_t end = p->seq + p->span;
    struct stream_seg *prev = NULL, *cur = h->ooo, *seg;

    while (p->span) {
        uint32_t pend, pspan;

        while (cur && SEQ_LEQ(cur->seq + cur->span, p->seq)) {
            prev = cur;
            cur = cur->next;
        }
        if (cur && SEQ_LEQ(cur->seq, p->seq)) {
            /* Queued bytes win: skip what they cover. */
            uint32_t cend = cur->seq + cur->span;

            if (!(*seen & SEEN_OVERLAP)) {
                env->cnt->overlaps++;
                *seen |= SEEN_OVERLAP;
            }
            piece_advance(p, SEQ_LT(cend, end) ? cend - p->seq : p->span);
            continue;
        }
        pend = cur && SEQ_LT(cur->seq, end) ? cur->seq : end;
        pspan = pend - p->seq;
        if (h->nooo >= limit)
            return -1;
        seg = seg_new(env, p->seq, p->data, MIN(p->len, pspan), pspan);
        if (!seg)
            return -1;
        seg->next = cur;
        if (prev)
            prev->next = seg;
        else
            h->ooo = seg;
        prev = seg;
        h->nooo++;
        if (!(*seen & SEEN_QUEUED)) {
            env->cnt->ooo_queued++;
            *seen |= SEEN_QUEUED;
        }
        piece_advance(p, pspan);
    }
    return 0;
}

/* The payload of one segment, already known to be within STREAM_SEG_MAX. */
static void half_data(struct stream *s, struct stream_env *env, int dir, struct piece *p)
{
    struct stream_half *h = &s->half[dir];
    unsigned seen = 0;

    while (p->span && !s->stopped && !h->stopped) {
        if (SEQ_LEQ(p->seq + p->span, h->next_seq)) {
            env->cnt->retransmits++;
            return;
        }
        if (SEQ_LT(p->seq, h->next_seq)) {
            if (!(seen & SEEN_OVERLAP)) {
                env->cnt->overlaps++;
                seen |= SEEN_OVERLAP;
            }
            piece_advance(p, h->next_seq - p->seq);
        }
        if (p->seq == h->next_seq) {
            if (accept(s, env, dir, p->data, p->len, p->span, 1) == 0)
                drain(s, env, dir);
            return;
        }
        if (ooo_insert(h, env, p, &seen) == 0)
            return;
        /*
         * No room to wait: give up the oldest hole (which ends at the first
         * queued piece or at this one), then place the rest again.
         */
        if (h->ooo && SEQ_LT(h->ooo->seq, p->seq)) {
            resolve_hole(s, env, dir);
        } else {
            report_gap(s, env, dir, (uint32_t)(p->seq - h->next_seq));
            h->next_seq = p->seq;
        }
    }
}

void stream_init(struct stream *s)
{
    memset(s, 0, sizeof(*s));
}

int stream_segment(struct stream *s, struct stream_env *env, int dir, uint32_t seq, uint8_t flags,
                   const uint8_t *payload, uint32_t len, uint32_t wirelen)
{
    struct stream_half *h;
    struct piece p;

    if (s->stopped)
        return -1;
    if (dir != 0 && dir != 1)
        return 0;
    h = &s->half[dir];
    if (!payload)
        len = 0;
    if (wirelen < len)
        wirelen = len;
    if (wirelen > STREAM_SEG_MAX)
        return 0;
    if (wirelen)
        env->cnt->segments++;
    if (likely(len && seq == h->next_seq && len == wirelen && h->init && !h->ooo && !h->stopped &&
               !(flags & TCP_SYN))) {
        /* The common case, what accept() + drain() would do with nothing queued. */
        if (flags & (TCP_FIN | TCP_RST))
            h->fin = 1;
        h->next_seq += len;
        push(s, env, dir, payload, len, 1);
        goto out;
    }
    if (flags & TCP_SYN) {
        if (!h->init) {
            h->next_seq = seq + 1;
            h->init = 1;
        }
        seq++; /* the SYN takes one sequence number; data (TFO) follows it */
    }
    if (flags & (TCP_FIN | TCP_RST))
        h->fin = 1;
    if (wirelen && !h->stopped) {
        if (!h->init) {
            h->next_seq = seq;
            h->init = 1;
        }
        p.seq = seq;
        p.data = payload;
        p.len = len;
        p.span = wirelen;
        half_data(s, env, dir, &p);
    }
out:
    if (s->stopped) {
        stream_free(s, env->mem);
        return -1;
    }
    if (h->stopped)
        half_free(h, env->mem);
    return s->half[0].stopped && s->half[1].stopped ? -1 : 0;
}

void stream_flush(struct stream *s, struct stream_env *env)
{
    int dir;

    for (dir = 0; dir < 2; dir++) {
        struct stream_half *h = &s->half[dir];

        while (!s->stopped && !h->stopped && h->ooo)
            resolve_hole(s, env, dir);
        if (!s->stopped && !h->stopped)
            tail_offer(s, env, dir);
    }
    stream_free(s, env->mem);
}

void stream_free(struct stream *s, struct stream_mem *mem)
{
    half_free(&s->half[0], mem);
    half_free(&s->half[1], mem);
}

void stream_mem_destroy(struct stream_mem *mem)
{
    pool_sized_destroy(&mem->pool);
    mem->used = 0;
}
