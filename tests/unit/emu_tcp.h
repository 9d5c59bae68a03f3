/*
 * emu_tcp.h - the engine in miniature, for the unit tests of TCP dissectors:
 * bytes of each direction are probed until a dissector verdict, then fed
 * with the engine's tail contract (unconsumed bytes kept and offered again
 * joined with new ones; past max_tail the oldest are dropped and gap() is
 * called), and end() is called once unless the flow was rejected.
 * The dctx lends memory (alloc/mfree) from malloc and counts what is out, so
 * a test can assert that everything lent came back by end(); lent_budget
 * (0: none) makes alloc refuse past it, and a test may set cx.alloc = NULL
 * to lend nothing at all.
 * Header-only: each test is its own program and owns one struct emu.
 */
#ifndef FIREDAMP_EMU_TCP_H
#define FIREDAMP_EMU_TCP_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dissector.h"

struct emu {
    const struct dissector *d;
    struct flow_info fi;
    struct dctx cx;
    uint8_t *st;
    int attached, dead, rejected, ended;
    uint8_t *tail[2];
    size_t tlen[2], cap;
    uint32_t gaps;
    size_t lent, lent_peak, lent_budget; /* bytes out now, at most, allowed (0: no bound) */
    uint32_t lent_blocks, lent_refused;  /* blocks out now, allocs refused */
};

/* dctx alloc(): malloc, charged to the emulator (cx->engine is the struct emu). */
static void *emu_alloc(struct dctx *cx, size_t n)
{
    struct emu *e = cx->engine;
    void *p;

    if (n == 0 || (e->lent_budget && n > e->lent_budget - e->lent)) {
        e->lent_refused++;
        return NULL;
    }
    p = malloc(n);
    if (!p) {
        e->lent_refused++;
        return NULL;
    }
    e->lent += n;
    e->lent_blocks++;
    if (e->lent > e->lent_peak)
        e->lent_peak = e->lent;
    return p;
}

/* dctx mfree(): aborts when more comes back than was lent (a wrong size). */
static void emu_mfree(struct dctx *cx, void *p, size_t n)
{
    struct emu *e = cx->engine;

    if (!p)
        return;
    if (n > e->lent || e->lent_blocks == 0)
        abort();
    e->lent -= n;
    e->lent_blocks--;
    free(p);
}

/* (Re)starts e for dissector d: fresh zeroed state, empty tails of cap bytes. */
static void emu_init(struct emu *e, const struct dissector *d, uint16_t server_port,
                     void (*emit)(struct dctx *, const struct fact *), size_t cap)
{
    free(e->st);
    free(e->tail[0]);
    free(e->tail[1]);
    memset(e, 0, sizeof(*e));
    e->d = d;
    e->fi.ipproto = 6;
    e->fi.client_port = 51234;
    e->fi.server_port = server_port;
    e->cx.fi = &e->fi;
    e->cx.emit = emit;
    e->cx.engine = e;
    e->cx.alloc = emu_alloc;
    e->cx.mfree = emu_mfree;
    e->st = calloc(1, d->state_size ? d->state_size : 1);
    e->tail[0] = malloc(cap);
    e->tail[1] = malloc(cap);
    e->cap = cap;
    if (!e->st || !e->tail[0] || !e->tail[1])
        abort();
}

/* Offers n more bytes of direction dir (at e->fi.ts_us). */
static void emu_offer(struct emu *e, int dir, const void *data, size_t n)
{
    size_t room;
    int r;

    if (e->dead || e->rejected)
        return;
    room = e->cap - e->tlen[dir];
    if (n > room)
        n = room;
    memcpy(e->tail[dir] + e->tlen[dir], data, n);
    e->tlen[dir] += n;
    if (!e->attached) {
        r = e->d->probe(&e->fi, dir, e->tail[dir], e->tlen[dir]);
        if (r == PROBE_NO) {
            e->dead = 1;
            return;
        }
        if (r == PROBE_MAYBE)
            return;
        e->attached = 1;
    }
    for (int k = 0; k < 2; k++) { /* the other side's bytes kept while probing */
        int dd = k == 0 ? dir : !dir;

        if (!e->tlen[dd])
            continue;
        r = e->d->feed(e->st, &e->cx, dd, e->tail[dd], e->tlen[dd]);
        if (r == DISSECT_REJECT) {
            e->rejected = 1;
            return;
        }
        if (r < 0 || (size_t)r > e->tlen[dd]) {
            e->dead = 1;
            return;
        }
        memmove(e->tail[dd], e->tail[dd] + r, e->tlen[dd] - (size_t)r);
        e->tlen[dd] -= (size_t)r;
        if (e->tlen[dd] > e->d->max_tail) {
            size_t keep = e->d->max_tail, drop = e->tlen[dd] - keep;

            e->d->gap(e->st, &e->cx, dd, (uint32_t)drop);
            e->gaps++;
            memmove(e->tail[dd], e->tail[dd] + drop, keep);
            e->tlen[dd] = keep;
        }
    }
}

/* Flow end: end() once, unless the dissector never took the flow or rejected it. */
static void emu_finish(struct emu *e)
{
    if (e->attached && !e->rejected && !e->ended)
        e->d->end(e->st, &e->cx);
    e->ended = 1;
    e->dead = 1;
}

/* Frees what emu_init took. */
static void emu_free(struct emu *e)
{
    free(e->st);
    free(e->tail[0]);
    free(e->tail[1]);
    memset(e, 0, sizeof(*e));
}

#endif
