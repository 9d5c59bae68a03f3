/*
 * fuzz_stream.c - drives TCP reassembly with segments described by the input.
 * Input: 4 bytes of config (tiny limits, consumer kind), then 5-byte records:
 * [dir|flags|advance] [seq delta, 16-bit signed] [captured len] [cut-off len].
 * Payload bytes are a function of their sequence number, so the consumer can
 * check that every byte it is offered sits at the offset that its consumed
 * and gap bytes say; also checks consumed <= sent and that flush frees all.
 */
#include <stdint.h>
#include <stdlib.h>

#include "decode.h"
#include "stream.h"

struct fz {
    int kind;
    uint32_t pos[2];
    uint64_t sent[2], consumed[2];
};

static uint8_t fz_byte(uint32_t seq)
{
    return (uint8_t)((seq * 2654435761u) >> 24);
}

static int fz_deliver(void *ctx, int dir, const uint8_t *data, size_t len)
{
    struct fz *f = ctx;
    size_t i, n = len;

    for (i = 0; i < len; i++)
        if (data[i] != fz_byte(f->pos[dir] + (uint32_t)i))
            abort();
    if (f->kind == 1) { /* a line consumer: up to and including a 0x0a, else need more */
        for (n = 0; n < len && data[n] != 0x0a;)
            n++;
        n = n < len ? n + 1 : 0;
    }
    n = f->kind == 2 ? 0 : f->kind == 3 ? len / 2 : n;
    f->pos[dir] += (uint32_t)n;
    f->consumed[dir] += n;
    if (f->consumed[dir] > f->sent[dir])
        abort();
    return (int)n;
}

static void fz_gap(void *ctx, int dir, uint32_t missing)
{
    ((struct fz *)ctx)->pos[dir] += missing;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz f = {0};
    struct stream_cfg cfg;
    struct stream_mem mem = {0};
    struct stream_counters cnt = {0};
    struct stream_env env = {&cfg, &mem, &cnt, {fz_deliver, fz_gap, &f}};
    struct stream s;
    uint32_t cur[2] = {1000, 0xFFFFFF00u};
    uint8_t buf[255];

    if (size < 4)
        return 0;
    cfg.max_ooo_segs = data[0] & 7;
    cfg.max_tail = data[1] & 63;
    cfg.depth = data[2] & 1 ? (uint32_t)data[2] * 8 : 0;
    mem.memcap = (uint64_t)data[3] * 8;
    f.kind = data[0] >> 3 & 3;
    stream_init(&s);
    for (data += 4, size -= 4; size >= 5; data += 5, size -= 5) {
        int dir = data[0] & 1;
        uint8_t flags = (data[0] & 2 ? TCP_SYN : 0) | (data[0] & 4 ? TCP_FIN : 0) |
                        (data[0] & 8 ? TCP_RST : 0) | TCP_ACK;
        uint32_t seq = cur[dir] + (uint32_t)(int16_t)(data[1] << 8 | data[2]);
        uint32_t len = data[3], i;

        for (i = 0; i < len; i++)
            buf[i] = fz_byte(seq + (flags & TCP_SYN ? 1 : 0) + i);
        if (!s.half[dir].init && (flags & TCP_SYN || len || data[4]))
            f.pos[dir] = seq + (flags & TCP_SYN ? 1 : 0);
        f.sent[dir] += len;
        stream_segment(&s, &env, dir, seq, flags, buf, len, len + data[4]);
        if (data[0] & 16)
            cur[dir] = seq + len + data[4];
    }
    stream_flush(&s, &env);
    if (mem.used != 0 || mem.peak > mem.memcap || mem.pool.bytes > mem.memcap)
        abort();
    stream_mem_destroy(&mem);
    return 0;
}
