/*
 * fuzz_stratum.c - the stratum dissector on arbitrary bytes. data[0] seeds
 * the chunk size (1..128) and whether the directions interleave; data[1..2]
 * is how many of the bytes that follow are the client's; the rest is the
 * server's. Each direction is probed until a verdict, then fed through the
 * engine's tail logic in chunks (kept bytes offered again, the oldest dropped
 * past max_tail with a gap); end() closes unless the flow was rejected.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dissector.h"

extern const struct dissector stratum_dissector;

#define TAIL_MAX (65536 + 128)

struct side {
    const uint8_t *p;
    size_t n, off, tlen;
    uint8_t tail[TAIL_MAX];
};

static struct side sides[2];

static volatile uint8_t sink;

static void emit_none(struct dctx *cx, const struct fact *f)
{
    for (unsigned i = 0; i < f->nfields; i++)
        if (f->field[i].type == FV_STR)
            for (uint32_t k = 0; k < f->field[i].len; k++)
                sink ^= (uint8_t)f->field[i].v.s[k];
}

/* Feeds the next chunk of one side; returns the dissector's verdict or 0. */
static int step(void *st, struct dctx *cx, int dir, size_t chunk)
{
    struct side *s = &sides[dir];
    size_t n = s->n - s->off < chunk ? s->n - s->off : chunk;
    int r;

    memcpy(s->tail + s->tlen, s->p + s->off, n);
    s->tlen += n;
    s->off += n;
    r = stratum_dissector.feed(st, cx, dir, s->tail, s->tlen);
    if (r < 0)
        return r;
    if ((size_t)r > s->tlen)
        abort(); /* consumed more than it was lent */
    memmove(s->tail, s->tail + r, s->tlen - (size_t)r);
    s->tlen -= (size_t)r;
    if (s->tlen > stratum_dissector.max_tail) {
        size_t drop = s->tlen - stratum_dissector.max_tail;

        stratum_dissector.gap(st, cx, dir, (uint32_t)drop);
        memmove(s->tail, s->tail + drop, s->tlen - drop);
        s->tlen -= drop;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct flow_info fi = {.ipproto = 6, .client_port = 50000, .server_port = 3333};
    struct dctx cx = {.fi = &fi, .emit = emit_none};
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
    sides[0].p = data;
    sides[0].n = split;
    sides[1].p = data + split;
    sides[1].n = size - split;
    sides[0].off = sides[0].tlen = sides[1].off = sides[1].tlen = 0;
    stratum_dissector.probe(&fi, 0, sides[0].p, sides[0].n);
    stratum_dissector.probe(&fi, 1, sides[1].p, sides[1].n);
    st = calloc(1, stratum_dissector.state_size);
    while (r == 0 && (sides[0].off < sides[0].n || sides[1].off < sides[1].n)) {
        int dir = sides[0].off < sides[0].n ? 0 : 1;

        if (interleave && sides[0].off < sides[0].n && sides[1].off < sides[1].n)
            dir = (int)((sides[0].off / chunk + sides[1].off / chunk) & 1);
        fi.ts_us += 250000;
        r = step(st, &cx, dir, chunk);
    }
    if (r != DISSECT_REJECT)
        stratum_dissector.end(st, &cx);
    free(st);
    return 0;
}
