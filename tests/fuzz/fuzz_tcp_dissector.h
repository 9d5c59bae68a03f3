/*
 * fuzz_tcp_dissector.h - the one driver every TCP dissector's fuzz target
 * uses: data[0] seeds the chunk size (1..128) and whether the directions
 * interleave; data[1..2] is how many of the bytes that follow are the
 * client's; the rest is the server's. Each direction is probed, then fed
 * through the engine's tail logic in chunks (kept bytes offered again, the
 * oldest dropped past max_tail with a gap); end() closes unless the flow was
 * rejected. Aborts if the dissector claims more bytes than it was lent, or
 * if memory lent through the dctx (malloc-backed, at most FUZZ_LENT_MAX
 * bytes out at once) is not all returned, with the right sizes, by end()
 * (or by the reject).
 * Header-only: each fuzz target is its own program.
 */
#ifndef FIREDAMP_FUZZ_TCP_DISSECTOR_H
#define FIREDAMP_FUZZ_TCP_DISSECTOR_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dissector.h"

struct fuzz_side {
    const uint8_t *p;
    size_t n, off, tlen;
    uint8_t *tail; /* max_tail + one chunk */
};

static volatile uint8_t fuzz_sink;

#define FUZZ_LENT_MAX (4u << 20) /* lent bytes out at once before alloc() refuses */

struct fuzz_lent {
    size_t bytes;
    size_t blocks;
};

static void *fuzz_alloc(struct dctx *cx, size_t n)
{
    struct fuzz_lent *l = cx->engine;
    void *p;

    if (n == 0 || n > FUZZ_LENT_MAX - l->bytes)
        return NULL;
    p = malloc(n);
    if (p) {
        l->bytes += n;
        l->blocks++;
    }
    return p;
}

static void fuzz_mfree(struct dctx *cx, void *p, size_t n)
{
    struct fuzz_lent *l = cx->engine;

    if (!p)
        return;
    if (n > l->bytes || l->blocks == 0)
        abort(); /* returned with a size it was not lent with */
    l->bytes -= n;
    l->blocks--;
    free(p);
}

/* Reads every string a fact lends, so ASan sees a view that points nowhere. */
static void fuzz_emit(struct dctx *cx, const struct fact *f)
{
    (void)cx;
    for (unsigned i = 0; i < f->nfields; i++)
        if (f->field[i].type == FV_STR || f->field[i].type == FV_MD5HEX)
            for (uint32_t k = 0; k < f->field[i].len; k++)
                fuzz_sink ^= (uint8_t)f->field[i].v.s[k];
}

/* Feeds the next chunk of one side; returns the dissector's verdict or 0. */
static int fuzz_step(const struct dissector *d, void *st, struct dctx *cx, struct fuzz_side *s,
                     int dir, size_t chunk)
{
    size_t n = s->n - s->off < chunk ? s->n - s->off : chunk;
    int r;

    memcpy(s->tail + s->tlen, s->p + s->off, n);
    s->tlen += n;
    s->off += n;
    r = d->feed(st, cx, dir, s->tail, s->tlen);
    if (r < 0)
        return r;
    if ((size_t)r > s->tlen)
        abort(); /* consumed more than it was lent */
    memmove(s->tail, s->tail + r, s->tlen - (size_t)r);
    s->tlen -= (size_t)r;
    if (s->tlen > d->max_tail) {
        size_t drop = s->tlen - d->max_tail;
        if (d->gap)
            d->gap(st, cx, dir, (uint32_t)drop);
        memmove(s->tail, s->tail + drop, s->tlen - drop);
        s->tlen -= drop;
    }
    return 0;
}

static int fuzz_tcp_dissector(const struct dissector *d, uint16_t server_port, const uint8_t *data,
                              size_t size)
{
    struct flow_info fi = {.ipproto = 6, .client_port = 50000, .server_port = server_port};
    struct fuzz_lent lent = {0, 0};
    struct dctx cx = {
        .fi = &fi, .emit = fuzz_emit, .engine = &lent, .alloc = fuzz_alloc, .mfree = fuzz_mfree};
    struct fuzz_side sides[2];
    size_t chunk, split;
    int interleave, r = 0;
    void *st;

    if (size < 3)
        return 0;
    chunk = 1 + (data[0] & 0x7f);
    interleave = data[0] >> 7;
    split = (size_t)data[1] << 8 | data[2];
    data += 3;
    size -= 3;
    if (split > size)
        split = size;
    memset(sides, 0, sizeof(sides));
    sides[0].p = data;
    sides[0].n = split;
    sides[1].p = data + split;
    sides[1].n = size - split;
    sides[0].tail = malloc(d->max_tail + 128);
    sides[1].tail = malloc(d->max_tail + 128);
    st = calloc(1, d->state_size ? d->state_size : 1);
    if (!sides[0].tail || !sides[1].tail || !st)
        abort();
    d->probe(&fi, 0, sides[0].p, sides[0].n);
    d->probe(&fi, 1, sides[1].p, sides[1].n);
    while (r == 0 && (sides[0].off < sides[0].n || sides[1].off < sides[1].n)) {
        int dir = sides[0].off < sides[0].n ? 0 : 1;
        if (interleave && sides[0].off < sides[0].n && sides[1].off < sides[1].n)
            dir = (int)((sides[0].off / chunk + sides[1].off / chunk) & 1);
        fi.ts_us += 250000;
        r = fuzz_step(d, st, &cx, &sides[dir], dir, chunk);
    }
    if (r != DISSECT_REJECT && d->end)
        d->end(st, &cx);
    if (lent.bytes || lent.blocks)
        abort(); /* lent memory not returned by end() (or before a reject) */
    free(st);
    free(sides[0].tail);
    free(sides[1].tail);
    return 0;
}

#endif
