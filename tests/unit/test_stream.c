/*
 * test_stream.c - TCP reassembly (sensor/stream.c) on real byte strings:
 * in order, split lines, out of order, retransmits, overlaps (first data
 * wins), holes, the out-of-order and memcap limits, depth, sequence wrap,
 * mid-stream pickup, snaplen truncation, tail overflow, consumer stop, and a
 * randomized shuffle with duplicates and overlaps under several seeds; the
 * memory pool: a second flow of the same shape allocates nothing, a tail
 * moved to bigger blocks keeps its bytes, the pool's chunks stay under the
 * memcap and move between size classes when one needs the room.
 * Every test also checks that all memory went back to the memcap and the pool.
 * Not tested here: the engine wiring (flow table, classify).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "decode.h"
#include "stream.h"

#define REC_MAX    (1u << 20)
#define MIN_(a, b) ((a) < (b) ? (a) : (b))
#define REC_LINES  32
#define REC_GAPS   64

enum rec_mode {
    REC_ALL,    /* consume everything */
    REC_LINES_, /* consume one complete '\n'-terminated line per call */
    REC_NONE,   /* never consume */
    REC_STOP,   /* consume, but return -1 on call number stop_at */
    REC_RANDOM, /* consume a random amount, often 0; checks bytes against ref */
};

struct rec {
    enum rec_mode mode;
    uint8_t *buf[2]; /* consumed bytes, in order */
    size_t len[2];
    char lines[REC_LINES][64];
    int nlines;
    uint32_t gaps[2][REC_GAPS];
    int ngaps[2];
    uint64_t gap_bytes[2];
    int calls, gap_calls, stop_at;
    /* REC_RANDOM: where the consumer is in ref, for content checks */
    const uint8_t *ref;
    size_t ref_len, pos, bad;
    size_t left; /* bytes the last deliver() call left unconsumed */
    uint64_t rng;
};

static uint64_t rng_next(uint64_t *x)
{
    /* xorshift64*: deterministic, good enough for shuffles */
    *x ^= *x >> 12;
    *x ^= *x << 25;
    *x ^= *x >> 27;
    return *x * 2685821657736338717ull;
}

static void rec_append(struct rec *r, int dir, const uint8_t *data, size_t len)
{
    if (r->len[dir] + len <= REC_MAX) {
        memcpy(r->buf[dir] + r->len[dir], data, len);
        r->len[dir] += len;
    }
}

static int rec_deliver(void *ctx, int dir, const uint8_t *data, size_t len)
{
    struct rec *r = ctx;
    const uint8_t *nl;
    size_t n;

    r->calls++;
    switch (r->mode) {
    case REC_ALL:
        if (r->ref) {
            if (r->pos + len > r->ref_len || memcmp(data, r->ref + r->pos, len) != 0)
                r->bad++;
            r->pos += len;
        }
        rec_append(r, dir, data, len);
        return (int)len;
    case REC_LINES_:
        nl = memchr(data, '\n', len);
        if (!nl)
            return 0;
        n = (size_t)(nl - data) + 1;
        if (r->nlines < REC_LINES && n < sizeof(r->lines[0])) {
            memcpy(r->lines[r->nlines], data, n);
            r->lines[r->nlines][n] = 0;
            r->nlines++;
        }
        rec_append(r, dir, data, n);
        return (int)n;
    case REC_NONE:
        return 0;
    case REC_STOP:
        if (r->calls == r->stop_at)
            return -1;
        rec_append(r, dir, data, len);
        return (int)len;
    case REC_RANDOM:
        if (r->pos + len > r->ref_len || memcmp(data, r->ref + r->pos, len) != 0)
            r->bad++;
        n = rng_next(&r->rng) % 3 == 0 ? 0 : 1 + rng_next(&r->rng) % len;
        r->pos += n;
        r->len[dir] += n;
        r->left = len - n;
        return (int)n;
    }
    return -1;
}

static void rec_gap(void *ctx, int dir, uint32_t missing)
{
    struct rec *r = ctx;

    r->gap_calls++;
    if (r->ngaps[dir] < REC_GAPS)
        r->gaps[dir][r->ngaps[dir]++] = missing;
    r->gap_bytes[dir] += missing;
    r->pos += missing;
}

struct fixture {
    struct stream_cfg cfg;
    struct stream_mem mem;
    struct stream_counters cnt;
    struct stream_env env;
    struct rec rec;
    struct stream s;
};

static struct fixture *fx_new(enum rec_mode mode)
{
    struct fixture *f = calloc(1, sizeof(*f));

    f->cfg.depth = 0;
    f->cfg.max_ooo_segs = 64;
    f->cfg.max_tail = 4096;
    f->mem.memcap = 1u << 24;
    f->env.cfg = &f->cfg;
    f->env.mem = &f->mem;
    f->env.cnt = &f->cnt;
    f->env.sink.deliver = rec_deliver;
    f->env.sink.gap = rec_gap;
    f->env.sink.ctx = &f->rec;
    f->rec.mode = mode;
    f->rec.buf[0] = malloc(REC_MAX);
    f->rec.buf[1] = malloc(REC_MAX);
    stream_init(&f->s);
    return f;
}

/* Flushes, checks that the memcap and the pool got everything back, frees. */
static void fx_done(struct fixture *f)
{
    stream_flush(&f->s, &f->env);
    CHECK_EQ(f->mem.used, 0);
    CHECK_EQ(f->mem.pool.in_use, 0); /* every block went back to the pool */
    CHECK(f->mem.pool.bytes <= f->mem.memcap);
    stream_mem_destroy(&f->mem);
    CHECK_EQ(f->mem.pool.bytes, 0);
    free(f->rec.buf[0]);
    free(f->rec.buf[1]);
    free(f);
}

/* Sends a string as one segment. */
static int seg(struct fixture *f, int dir, uint32_t seq, const char *str)
{
    return stream_segment(&f->s, &f->env, dir, seq, TCP_ACK, (const uint8_t *)str,
                          (uint32_t)strlen(str), (uint32_t)strlen(str));
}

static int syn(struct fixture *f, int dir, uint32_t isn)
{
    return stream_segment(&f->s, &f->env, dir, isn, TCP_SYN, NULL, 0, 0);
}

static int got(struct fixture *f, int dir, const char *want)
{
    size_t n = strlen(want);

    return f->rec.len[dir] == n && memcmp(f->rec.buf[dir], want, n) == 0;
}

static void test_in_order(void)
{
    struct fixture *f = fx_new(REC_ALL);

    CHECK_EQ(syn(f, 0, 1000), 0);
    CHECK_EQ(syn(f, 1, 5000), 0);
    CHECK_EQ(seg(f, 0, 1001, "hello "), 0);
    CHECK_EQ(seg(f, 0, 1007, "world"), 0);
    CHECK_EQ(seg(f, 1, 5001, "pong"), 0);
    CHECK_EQ(seg(f, 0, 1012, "!"), 0);
    CHECK(got(f, 0, "hello world!"));
    CHECK(got(f, 1, "pong"));
    CHECK_EQ(f->cnt.segments, 4);
    CHECK_EQ(f->cnt.bytes_in_order, 16);
    CHECK_EQ(f->cnt.ooo_queued, 0);
    CHECK_EQ(f->rec.gap_calls, 0);
    CHECK_EQ(f->s.half[0].next_seq, 1013);
    CHECK_EQ(f->mem.peak, 0); /* zero copy: nothing was ever allocated */
    fx_done(f);
}

static void test_line_split(void)
{
    struct fixture *f = fx_new(REC_LINES_);

    syn(f, 0, 0);
    seg(f, 0, 1, "GET /ind");
    CHECK_EQ(f->rec.nlines, 0);
    CHECK(f->mem.used > 0); /* the partial line waits in the tail */
    seg(f, 0, 9, "ex HTTP/1");
    CHECK_EQ(f->rec.nlines, 0);
    seg(f, 0, 18, ".1\r\nHost: a");
    CHECK_EQ(f->rec.nlines, 1);
    CHECK_STR(f->rec.lines[0], "GET /index HTTP/1.1\r\n");
    CHECK_EQ(f->s.half[0].tail_len, 7);
    seg(f, 0, 29, "\n\r\n");
    CHECK_EQ(f->rec.nlines, 3);
    CHECK_STR(f->rec.lines[1], "Host: a\n");
    CHECK_STR(f->rec.lines[2], "\r\n");
    CHECK_EQ(f->s.half[0].tail_len, 0);
    CHECK(got(f, 0, "GET /index HTTP/1.1\r\nHost: a\n\r\n"));
    /* two lines in one segment are delivered in one stream_segment() call */
    seg(f, 0, 32, "a\nb\nc");
    CHECK_EQ(f->rec.nlines, 5);
    CHECK_STR(f->rec.lines[4], "b\n");
    CHECK_EQ(f->cnt.gaps, 0);
    fx_done(f);
}

static void test_out_of_order(void)
{
    struct fixture *f = fx_new(REC_ALL);

    syn(f, 0, 100);
    seg(f, 0, 109, "ccc"); /* 3 */
    CHECK_EQ(f->rec.len[0], 0);
    CHECK_EQ(f->cnt.ooo_queued, 1);
    CHECK(f->mem.used > 0);
    seg(f, 0, 101, "aaaa"); /* 1 */
    CHECK(got(f, 0, "aaaa"));
    seg(f, 0, 105, "bbbb"); /* 2: fills the hole, 3 follows */
    CHECK(got(f, 0, "aaaabbbbccc"));
    CHECK_EQ(f->s.half[0].nooo, 0);
    CHECK_EQ(f->mem.used, 0);
    CHECK_EQ(f->cnt.gaps, 0);

    /* reversed: 3, 2, 1 */
    seg(f, 0, 120, "fff");
    seg(f, 0, 116, "eeee");
    CHECK_EQ(f->s.half[0].nooo, 2);
    seg(f, 0, 112, "dddd");
    CHECK(got(f, 0, "aaaabbbbcccddddeeeefff"));
    CHECK_EQ(f->cnt.ooo_queued, 3);
    fx_done(f);
}

static void test_retransmit(void)
{
    struct fixture *f = fx_new(REC_ALL);

    syn(f, 0, 0);
    seg(f, 0, 1, "abcd");
    seg(f, 0, 5, "efgh");
    seg(f, 0, 1, "abcd");
    seg(f, 0, 5, "EFGH");
    CHECK(got(f, 0, "abcdefgh"));
    CHECK_EQ(f->cnt.retransmits, 2);
    /* a retransmitted SYN does not move next_seq back */
    syn(f, 0, 0);
    seg(f, 0, 9, "ij");
    CHECK(got(f, 0, "abcdefghij"));
    fx_done(f);
}

static void test_overlap(void)
{
    struct fixture *f = fx_new(REC_ALL);

    /* in order: a segment starting 2 bytes before next_seq only adds its end */
    syn(f, 0, 99);
    seg(f, 0, 100, "AAAA");
    seg(f, 0, 102, "BBBBBB");
    CHECK(got(f, 0, "AAAABBBB"));
    CHECK_EQ(f->cnt.overlaps, 1);
    fx_done(f);

    /* out of order: queued "AAAA" wins over "BBBBBB" starting 2 bytes earlier */
    f = fx_new(REC_ALL);
    syn(f, 0, 99);
    seg(f, 0, 110, "AAAA");
    seg(f, 0, 108, "BBBBBB");
    CHECK_EQ(f->cnt.overlaps, 1);
    seg(f, 0, 100, "01234567");
    CHECK(got(f, 0, "01234567BBAAAA"));
    fx_done(f);

    /* a segment spanning two queued ones fills only the holes around them */
    f = fx_new(REC_ALL);
    syn(f, 0, 99);
    seg(f, 0, 102, "cc");
    seg(f, 0, 106, "gg");
    seg(f, 0, 101, "XXXXXXXXXX");
    CHECK_EQ(f->s.half[0].nooo, 5);
    seg(f, 0, 100, "a");
    CHECK(got(f, 0, "aXccXXggXXX"));
    fx_done(f);

    /* in-order data trims a queued segment it overlaps */
    f = fx_new(REC_ALL);
    syn(f, 0, 99);
    seg(f, 0, 104, "QQQQ");
    seg(f, 0, 100, "012345");
    CHECK(got(f, 0, "012345QQ"));
    fx_done(f);
}

static void test_hole_at_flush(void)
{
    struct fixture *f = fx_new(REC_ALL);

    syn(f, 0, 999);
    seg(f, 0, 1000, "abc");
    seg(f, 0, 1010, "xyz");
    stream_segment(&f->s, &f->env, 0, 1013, TCP_FIN | TCP_ACK, NULL, 0, 0);
    CHECK_EQ(f->s.half[0].fin, 1);
    CHECK_EQ(f->rec.gap_calls, 0); /* FIN does not give up the hole */
    CHECK(got(f, 0, "abc"));
    stream_flush(&f->s, &f->env);
    CHECK(got(f, 0, "abcxyz"));
    CHECK_EQ(f->rec.ngaps[0], 1);
    CHECK_EQ(f->rec.gaps[0][0], 7);
    CHECK_EQ(f->cnt.gaps, 1);
    CHECK_EQ(f->cnt.gap_bytes, 7);
    fx_done(f);
}

static void test_ooo_full(void)
{
    struct fixture *f = fx_new(REC_ALL);

    f->cfg.max_ooo_segs = 2;
    syn(f, 0, 0);
    seg(f, 0, 1, "01");
    seg(f, 0, 5, "45"); /* hole 3..4 */
    seg(f, 0, 7, "67");
    CHECK_EQ(f->s.half[0].nooo, 2);
    CHECK_EQ(f->rec.gap_calls, 0);
    seg(f, 0, 9, "89"); /* no room: the hole is given up now */
    CHECK_EQ(f->rec.ngaps[0], 1);
    CHECK_EQ(f->rec.gaps[0][0], 2);
    CHECK(got(f, 0, "01456789"));
    CHECK_EQ(f->s.half[0].nooo, 0);
    /* the late retransmission of the hole is dropped */
    seg(f, 0, 3, "23");
    CHECK_EQ(f->cnt.retransmits, 1);
    CHECK(got(f, 0, "01456789"));

    /* a new segment before the first queued one: only its own hole goes */
    seg(f, 0, 20, "kk");
    seg(f, 0, 24, "mm");
    seg(f, 0, 13, "dd");
    CHECK_EQ(f->rec.gaps[0][1], 2);
    CHECK(got(f, 0, "01456789dd"));
    CHECK_EQ(f->s.half[0].nooo, 2);
    fx_done(f);

    /* max_ooo_segs 0: nothing is ever queued */
    f = fx_new(REC_ALL);
    f->cfg.max_ooo_segs = 0;
    seg(f, 0, 50, "ab");
    seg(f, 0, 60, "cd");
    CHECK(got(f, 0, "abcd"));
    CHECK_EQ(f->rec.gaps[0][0], 8);
    CHECK_EQ(f->mem.peak, 0);
    fx_done(f);
}

static void test_memcap(void)
{
    struct fixture *f = fx_new(REC_ALL);

    f->mem.memcap = 16; /* smaller than any segment copy */
    syn(f, 0, 0);
    seg(f, 0, 1, "ab");
    seg(f, 0, 5, "ef");
    CHECK(f->cnt.memcap_fail >= 1);
    CHECK_EQ(f->rec.ngaps[0], 1);
    CHECK_EQ(f->rec.gaps[0][0], 2);
    CHECK(got(f, 0, "abef"));
    CHECK_EQ(f->mem.used, 0);
    fx_done(f);

    /* a tail that may not grow: the partial line is reported as a gap */
    f = fx_new(REC_LINES_);
    f->mem.memcap = 3;
    syn(f, 0, 0);
    seg(f, 0, 1, "line1\npart");
    CHECK_EQ(f->rec.nlines, 1);
    CHECK(f->cnt.memcap_fail >= 1);
    CHECK_EQ(f->rec.gap_bytes[0], 4);
    CHECK_EQ(f->mem.used, 0);
    fx_done(f);

    /* memcap shared: a partly filled memcap lets some segments in */
    f = fx_new(REC_ALL);
    f->mem.memcap = 200;
    syn(f, 0, 0);
    seg(f, 0, 1, "a");
    for (uint32_t i = 0; i < 20; i++)
        seg(f, 0, 10 + 10 * i, "0123456789");
    CHECK(f->cnt.memcap_fail > 0);
    CHECK(f->mem.peak <= 200);
    CHECK_EQ(f->rec.len[0] + f->rec.gap_bytes[0], 1 + 8 + 200);
    fx_done(f);
}

/*
 * Out-of-order copies stop short of the memcap: a flow flooding holes fills
 * its share, and a new session can still keep the partial line its consumer
 * left (the in-order tail), instead of losing it as a gap.
 */
static void test_tail_reserve(void)
{
    struct fixture *f = fx_new(REC_LINES_);
    struct stream b;
    uint64_t fails, gaps;

    f->mem.memcap = 64 * 1024;
    f->cfg.max_ooo_segs = 100000;
    syn(f, 0, 0);
    for (uint32_t i = 0; i < 20000 && !f->cnt.memcap_fail; i++)
        seg(f, 0, 1000 + 100 * i, "0123456789"); /* holes that never fill */
    CHECK(f->cnt.memcap_fail > 0);
    CHECK(f->mem.used <= f->mem.memcap - f->mem.memcap / STREAM_TAIL_RESERVE);
    CHECK(f->mem.pool.bytes <= f->mem.memcap);
    fails = f->cnt.memcap_fail;
    gaps = f->rec.ngaps[0]; /* the flooding flow's own, at its refusal */

    stream_init(&b);
    stream_segment(&b, &f->env, 0, 0, TCP_SYN, NULL, 0, 0);
    stream_segment(&b, &f->env, 0, 1, TCP_ACK, (const uint8_t *)"mining.subscr", 13, 13);
    CHECK_EQ(b.half[0].tail_len, 13); /* kept, not refused */
    CHECK_EQ(f->cnt.memcap_fail, fails);
    stream_segment(&b, &f->env, 0, 14, TCP_ACK, (const uint8_t *)"ibe\n", 4, 4);
    CHECK_EQ(f->rec.nlines, 1);
    CHECK_STR(f->rec.lines[0], "mining.subscribe\n");
    CHECK_EQ(f->rec.ngaps[0], gaps);
    stream_flush(&b, &f->env);
    fx_done(f);
}

static void test_depth(void)
{
    struct fixture *f = fx_new(REC_ALL);

    f->cfg.depth = 10;
    syn(f, 0, 0);
    syn(f, 1, 0);
    seg(f, 0, 20, "later"); /* queued, freed when the depth stops the direction */
    CHECK(f->mem.used > 0);
    CHECK_EQ(seg(f, 0, 1, "aaaaaa"), 0);
    CHECK_EQ(seg(f, 0, 7, "bbbbbb"), 0);
    CHECK(got(f, 0, "aaaaaabbbb"));
    CHECK_EQ(f->s.half[0].stopped, 1);
    CHECK_EQ(f->cnt.depth_reached, 1);
    CHECK_EQ(f->mem.used, 0);
    CHECK_EQ(seg(f, 0, 13, "cccccc"), 0);
    CHECK(got(f, 0, "aaaaaabbbb"));
    CHECK_EQ(f->cnt.depth_reached, 1);
    /* the other direction goes on, and exactly at depth it stops too */
    CHECK_EQ(seg(f, 1, 1, "0123456789"), -1);
    CHECK(got(f, 1, "0123456789"));
    CHECK_EQ(f->cnt.depth_reached, 2);
    CHECK_EQ(f->rec.gap_calls, 0);
    fx_done(f);
}

static void test_wrap(void)
{
    struct fixture *f = fx_new(REC_ALL);
    uint32_t isn = 0xFFFFFFF0u;

    syn(f, 0, isn);
    seg(f, 0, isn + 1, "0123456789");      /* ..0xFFFFFFFA */
    seg(f, 0, isn + 19, "ijklmnop");       /* 0x00000003.., queued */
    seg(f, 0, isn + 11, "abcdefgh");       /* crosses 2^32 */
    seg(f, 0, isn + 5, "456789abc");       /* all before next_seq: retransmit */
    seg(f, 0, (uint32_t)(isn + 27), "q");  /* just past the wrap */
    seg(f, 0, (uint32_t)(isn + 40), "zz"); /* hole 28..40 after the wrap */
    CHECK(got(f, 0, "0123456789abcdefghijklmnopq"));
    CHECK_EQ(f->s.half[0].next_seq, 12);
    CHECK_EQ(f->cnt.retransmits, 1);
    stream_flush(&f->s, &f->env);
    CHECK_EQ(f->rec.gaps[0][0], 12);
    CHECK(got(f, 0, "0123456789abcdefghijklmnopqzz"));
    fx_done(f);
}

static void test_midstream(void)
{
    struct fixture *f = fx_new(REC_ALL);

    /* pure ACKs do not pick the stream up; the first payload does */
    stream_segment(&f->s, &f->env, 0, 0x12345000, TCP_ACK, NULL, 0, 0);
    CHECK_EQ(f->s.half[0].init, 0);
    seg(f, 0, 0x12345678, "mid");
    seg(f, 0, 0x1234567b, "stream");
    seg(f, 1, 0x7000, "reply");
    seg(f, 0, 0x12345600, "old"); /* before the pickup point: dropped */
    CHECK(got(f, 0, "midstream"));
    CHECK(got(f, 1, "reply"));
    CHECK_EQ(f->cnt.retransmits, 1);
    fx_done(f);

    /* SYN carrying data (TFO): the data follows the SYN's sequence number */
    f = fx_new(REC_ALL);
    stream_segment(&f->s, &f->env, 0, 500, TCP_SYN, (const uint8_t *)"tfo", 3, 3);
    seg(f, 0, 504, "+more");
    CHECK(got(f, 0, "tfo+more"));
    fx_done(f);
}

static void test_snaplen(void)
{
    struct fixture *f = fx_new(REC_ALL);

    syn(f, 0, 0);
    stream_segment(&f->s, &f->env, 0, 1, TCP_ACK, (const uint8_t *)"abcd", 4, 10);
    CHECK(got(f, 0, "abcd"));
    CHECK_EQ(f->rec.ngaps[0], 1);
    CHECK_EQ(f->rec.gaps[0][0], 6);
    CHECK_EQ(f->s.half[0].next_seq, 11);
    seg(f, 0, 11, "next");
    CHECK(got(f, 0, "abcdnext"));

    /* out of order truncated: the cut-off part does not stall what follows */
    stream_segment(&f->s, &f->env, 0, 20, TCP_ACK, (const uint8_t *)"XY", 2, 8);
    seg(f, 0, 28, "after");
    seg(f, 0, 15, "fill5");
    CHECK(got(f, 0, "abcdnextfill5XYafter"));
    CHECK_EQ(f->rec.ngaps[0], 2);
    CHECK_EQ(f->rec.gaps[0][1], 6);
    CHECK_EQ(f->s.half[0].nooo, 0);

    /* nothing captured at all */
    stream_segment(&f->s, &f->env, 0, 33, TCP_ACK, NULL, 0, 100);
    CHECK_EQ(f->rec.gaps[0][2], 100);
    seg(f, 0, 133, "!");
    CHECK(got(f, 0, "abcdnextfill5XYafter!"));
    fx_done(f);
}

static void test_tail_overflow(void)
{
    struct fixture *f = fx_new(REC_NONE);

    f->cfg.max_tail = 16;
    syn(f, 0, 0);
    seg(f, 0, 1, "0123456789");
    CHECK_EQ(f->rec.gap_calls, 0);
    CHECK_EQ(f->s.half[0].tail_len, 10);
    seg(f, 0, 11, "abcdefghij");
    CHECK_EQ(f->rec.gap_calls, 1);
    CHECK_EQ(f->rec.gaps[0][0], 4);
    CHECK_EQ(f->s.half[0].tail_len, 16);
    CHECK(f->s.half[0].tail && memcmp(f->s.half[0].tail, "456789abcdefghij", 16) == 0);
    seg(f, 0, 21, "KLMNOPQRSTUVWXYZ0123456789");
    CHECK_EQ(f->rec.gaps[0][1], 26);
    CHECK_EQ(f->s.half[0].tail_len, 16);
    CHECK(f->mem.used <= 16);
    CHECK_EQ(f->cnt.tail_overflow, 2);
    CHECK_EQ(f->rec.gap_bytes[0], 30);
    fx_done(f);

    /* the line consumer resyncs after the discard */
    f = fx_new(REC_LINES_);
    f->cfg.max_tail = 8;
    syn(f, 0, 0);
    seg(f, 0, 1, "abcdefgh");
    seg(f, 0, 9, "ijkl\nmn\n");
    CHECK_EQ(f->rec.gaps[0][0], 8);
    CHECK_EQ(f->rec.nlines, 2);
    CHECK_STR(f->rec.lines[0], "ijkl\n");
    CHECK_STR(f->rec.lines[1], "mn\n");
    fx_done(f);

    /* a hole takes the pending tail with it: the gap counts both */
    f = fx_new(REC_LINES_);
    f->cfg.max_ooo_segs = 1;
    syn(f, 0, 0);
    seg(f, 0, 1, "ok\npar");
    seg(f, 0, 20, "x\n");
    seg(f, 0, 30, "y\nz\n");
    CHECK_EQ(f->rec.gaps[0][0], 3 + 13); /* "par" and the missing 7..19 */
    CHECK_EQ(f->rec.nlines, 2);
    CHECK_STR(f->rec.lines[1], "x\n");
    fx_done(f);
}

static void test_consumer_stop(void)
{
    struct fixture *f = fx_new(REC_STOP);

    f->rec.stop_at = 2;
    syn(f, 0, 0);
    syn(f, 1, 0);
    seg(f, 1, 50, "queued");
    CHECK(f->mem.used > 0);
    CHECK_EQ(seg(f, 0, 1, "one"), 0);
    CHECK_EQ(seg(f, 0, 4, "two"), -1);
    CHECK_EQ(f->s.stopped, 1);
    CHECK_EQ(f->mem.used, 0);
    CHECK_EQ(f->rec.calls, 2);
    CHECK_EQ(seg(f, 0, 7, "three"), -1);
    CHECK_EQ(seg(f, 1, 1, "x"), -1);
    stream_flush(&f->s, &f->env);
    CHECK_EQ(f->rec.calls, 2);
    CHECK_EQ(f->rec.gap_calls, 0);
    CHECK(got(f, 0, "one"));
    fx_done(f);
}

/* stream_free() delivers nothing and returns all memory. */
static void test_free(void)
{
    struct fixture *f = fx_new(REC_LINES_);

    syn(f, 0, 0);
    seg(f, 0, 1, "partial");
    seg(f, 0, 40, "later\n");
    seg(f, 1, 1, "other");
    CHECK(f->mem.used > 0);
    stream_free(&f->s, &f->mem);
    CHECK_EQ(f->mem.used, 0);
    CHECK_EQ(f->rec.nlines, 0);
    CHECK_EQ(f->rec.gap_calls, 0);
    stream_init(&f->s);
    fx_done(f);
}

/* One flow's worth of work for the pool: a tail that grows, queued segments, a hole. */
static void pool_workload(struct fixture *f)
{
    char line[200];

    stream_init(&f->s);
    f->rec.mode = REC_LINES_;
    f->rec.len[0] = f->rec.len[1] = 0;
    f->rec.nlines = 0;
    syn(f, 0, 0);
    memset(line, 'a', sizeof(line) - 1);
    line[sizeof(line) - 1] = 0;
    for (uint32_t i = 0; i < 10; i++) /* one 1990-byte line in ten pieces: 64 .. 2048 classes */
        seg(f, 0, 1 + i * 199, line);
    CHECK_EQ(f->s.half[0].tail_len, 1990);
    seg(f, 0, 1991, "\n");
    CHECK_EQ(f->rec.nlines, 0); /* longer than a line slot: consumed, not kept */
    CHECK_EQ(f->rec.len[0], 1991);
    seg(f, 0, 3000, "later\n");
    seg(f, 0, 2500, "earlier\n");
    seg(f, 1, 7, "queued too\n");
    CHECK_EQ(f->s.half[0].nooo, 2);
    CHECK(f->mem.used > 0);
    stream_flush(&f->s, &f->env);
    CHECK_EQ(f->mem.used, 0);
    CHECK_EQ(f->mem.pool.in_use, 0);
}

/* A second flow of the same shape is served from the free lists: no malloc. */
static void test_pool_recycle(void)
{
    struct fixture *f = fx_new(REC_LINES_);
    uint64_t mallocs, bytes;

    pool_workload(f);
    mallocs = f->mem.pool.mallocs;
    bytes = f->mem.pool.bytes;
    CHECK(mallocs > 0);
    CHECK(bytes > 0 && bytes <= f->mem.memcap);
    for (int i = 0; i < 50; i++)
        pool_workload(f);
    CHECK_EQ(f->mem.pool.mallocs, mallocs);
    CHECK_EQ(f->mem.pool.bytes, bytes);
    CHECK_EQ(f->mem.pool.frees, 0);
    CHECK_EQ(f->cnt.memcap_fail, 0);
    CHECK_EQ(f->cnt.gaps, 2 * 51); /* the holes before "earlier" and "later", per flow */
    stream_init(&f->s);
    fx_done(f);
}

/* A tail moved to bigger blocks keeps its bytes, oldest first. */
static void test_tail_grow(void)
{
    struct fixture *f = fx_new(REC_NONE);
    uint8_t want[3000];
    uint32_t seq = 1;

    f->cfg.max_tail = 3000;
    syn(f, 0, 0);
    for (uint32_t i = 0; i < sizeof(want); i++)
        want[i] = (uint8_t)(i * 7 + i / 251);
    while (seq <= 3000) {
        uint32_t n = MIN_(37u, 3001 - seq);

        stream_segment(&f->s, &f->env, 0, seq, TCP_ACK, want + seq - 1, n, n);
        seq += n;
        CHECK_EQ(f->s.half[0].tail_len, seq - 1);
        CHECK(f->s.half[0].tail_cap <= 3000 && f->s.half[0].tail_cap >= seq - 1);
        CHECK_EQ(f->mem.used, f->s.half[0].tail_cap); /* charged the capacity, not the class */
    }
    CHECK(memcmp(f->s.half[0].tail, want, 3000) == 0);
    CHECK_EQ(f->cnt.memcap_fail, 0);
    CHECK_EQ(f->rec.gap_calls, 0);
    fx_done(f);
}

/*
 * The pool's chunks stay under the memcap too; chunks of a class nobody uses
 * any more are given back when another class needs the room.
 */
static void test_pool_memcap(void)
{
    struct fixture *f = fx_new(REC_ALL);
    char big[1400];
    uint64_t fails;

    f->mem.memcap = 256 * 1024;
    f->cfg.max_ooo_segs = 65535;
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = 0;
    syn(f, 0, 0);
    /* a hole at 1, then 1399-byte segments (2048-byte class) until the memcap refuses */
    for (uint32_t i = 0; i < 400; i++)
        seg(f, 0, 100 + i * 1399, big);
    CHECK(f->cnt.memcap_fail > 0);
    CHECK(f->mem.pool.bytes <= f->mem.memcap);
    CHECK(f->mem.peak <= f->mem.memcap);
    CHECK(f->mem.pool.bytes > f->mem.memcap / 2); /* most of the memcap did serve */
    stream_flush(&f->s, &f->env);
    CHECK_EQ(f->mem.used, 0);
    fails = f->cnt.memcap_fail;

    /* now only 64 KiB tails: the 2048-byte chunks make room for them */
    f->rec.mode = REC_NONE;
    f->cfg.max_tail = 65536;
    for (int k = 0; k < 3; k++) {
        stream_init(&f->s);
        syn(f, 0, 0);
        for (uint32_t i = 0; i < 46; i++)
            seg(f, 0, 1 + i * 1399, big);
        CHECK_EQ(f->s.half[0].tail_len, 46 * 1399);
        CHECK(f->mem.pool.bytes <= f->mem.memcap);
        stream_free(&f->s, &f->mem);
    }
    CHECK_EQ(f->cnt.memcap_fail, fails);
    CHECK(f->mem.pool.frees > 0);
    stream_init(&f->s);
    fx_done(f);
}

struct tpkt {
    uint32_t off, len, wire;
};

/*
 * 100 KB of random bytes cut into random segments, plus duplicates and
 * random overlapping ranges, shuffled. `ooo` bounds the queue; `trunc` lets
 * some segments be cut by the capture; `mode` is REC_ALL or REC_RANDOM.
 */
static void random_run(uint64_t seed, uint32_t isn, uint32_t ooo, int trunc, enum rec_mode mode)
{
    const uint32_t total = 100 * 1024;
    struct fixture *f = fx_new(mode);
    uint8_t *data = malloc(total);
    struct tpkt *pk = malloc(sizeof(*pk) * total);
    uint64_t x = seed;
    size_t n = 0, i;
    uint32_t off;

    for (i = 0; i < total; i++)
        data[i] = (uint8_t)rng_next(&x);
    for (off = 0; off < total;) {
        uint32_t len = 1 + (uint32_t)(rng_next(&x) % 1460);

        len = len > total - off ? total - off : len;
        pk[n].off = off;
        pk[n].len = len;
        pk[n].wire = len;
        n++;
        if (rng_next(&x) % 8 == 0) {
            pk[n] = pk[n - 1]; /* duplicate */
            n++;
        }
        off += len;
    }
    for (i = n / 4; i; i--) { /* random overlapping ranges */
        uint32_t a = (uint32_t)(rng_next(&x) % total);
        uint32_t len = 1 + (uint32_t)(rng_next(&x) % 3000);

        pk[n].off = a;
        pk[n].len = len > total - a ? total - a : len;
        pk[n].wire = pk[n].len;
        n++;
    }
    for (i = n - 1; i > 0; i--) { /* Fisher-Yates, but keep reordering local */
        size_t j = i - (size_t)(rng_next(&x) % (i < 64 ? i + 1 : 64));
        struct tpkt t = pk[i];

        pk[i] = pk[j];
        pk[j] = t;
    }
    if (trunc) {
        for (i = 0; i < n; i++)
            if (rng_next(&x) % 16 == 0)
                pk[i].len = (uint32_t)(rng_next(&x) % (pk[i].len + 1));
    }
    f->cfg.max_ooo_segs = ooo;
    f->cfg.max_tail = 2048;
    f->rec.ref = data;
    f->rec.ref_len = total;
    f->rec.rng = seed * 7 + 1;
    syn(f, 0, isn);
    for (i = 0; i < n; i++)
        stream_segment(&f->s, &f->env, 0, isn + 1 + pk[i].off, TCP_ACK, data + pk[i].off, pk[i].len,
                       pk[i].wire);
    stream_flush(&f->s, &f->env);

    /* every byte offered sat at the offset that consumed + gap bytes say */
    CHECK_EQ(f->rec.bad, 0);
    /* the tail offered at flush may stay unconsumed: it is neither consumed nor a gap */
    CHECK_EQ(f->rec.pos + f->rec.left, total);
    CHECK_EQ(f->rec.len[0] + f->cnt.gap_bytes + f->rec.left, total);
    if (ooo >= 65535 && !trunc) {
        CHECK_EQ(f->cnt.gaps, 0);
        CHECK(f->rec.len[0] == total && memcmp(f->rec.buf[0], data, total) == 0);
    }
    if (ooo < 65535 && !trunc)
        CHECK(f->cnt.gaps > 0); /* the small queue really was exercised */
    CHECK_EQ(f->mem.used, 0);
    free(data);
    free(pk);
    fx_done(f);
}

static void test_random(void)
{
    static const uint64_t seeds[] = {1, 2, 3, 0x9e3779b97f4a7c15ull, 42};
    size_t i;

    for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
        uint32_t isn = i & 1 ? 0xFFFFFFFFu - 30000 : (uint32_t)(seeds[i] * 2654435761u);

        random_run(seeds[i], isn, 65535, 0, REC_ALL);
        random_run(seeds[i], isn, 4, 0, REC_ALL);
        random_run(seeds[i], isn, 4, 1, REC_ALL);
        random_run(seeds[i], isn, 65535, 1, REC_RANDOM);
        random_run(seeds[i], isn, 2, 1, REC_RANDOM);
    }
}

int main(void)
{
    test_in_order();
    test_line_split();
    test_out_of_order();
    test_retransmit();
    test_overlap();
    test_hole_at_flush();
    test_ooo_full();
    test_memcap();
    test_depth();
    test_wrap();
    test_midstream();
    test_snaplen();
    test_tail_overflow();
    test_tail_reserve();
    test_consumer_stop();
    test_free();
    test_pool_recycle();
    test_tail_grow();
    test_pool_memcap();
    test_random();
    return check_done();
}
