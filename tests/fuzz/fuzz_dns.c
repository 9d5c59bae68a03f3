/*
 * fuzz_dns.c - the DNS dissectors on arbitrary bytes: the whole input as one
 * UDP datagram (probe, then feed twice so the pending-query table is used),
 * then the input as a TCP stream after its first byte, fed in chunks of
 * 1..64 bytes (set by that first byte) through the engine's tail logic.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dissector.h"

extern const struct dissector dns_dissector;
extern const struct dissector dns_tcp_dissector;

static volatile uint8_t sink;

static void emit_none(struct dctx *cx, const struct fact *f)
{
    /* touch every string, so ASan sees a view that points nowhere */
    for (unsigned i = 0; i < f->nfields; i++)
        if (f->field[i].type == FV_STR)
            for (uint32_t k = 0; k < f->field[i].len; k++)
                sink ^= (uint8_t)f->field[i].v.s[k];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t tail[2048 + 2 + 64];
    struct flow_info fi = {.ipproto = 17, .client_port = 40000, .server_port = 53};
    struct dctx cx = {.fi = &fi, .emit = emit_none};
    uint8_t *st = calloc(1, dns_dissector.state_size);
    size_t chunk, tlen = 0;

    dns_dissector.probe(&fi, 0, data, size);
    dns_dissector.feed(st, &cx, 0, data, size);
    dns_dissector.feed(st, &cx, 1, data, size);
    dns_dissector.end(st, &cx);
    free(st);

    if (size < 1)
        return 0;
    fi.ipproto = 6;
    chunk = 1 + data[0] % 64;
    st = calloc(1, dns_tcp_dissector.state_size);
    dns_tcp_dissector.probe(&fi, 0, data + 1, size - 1);
    for (size_t off = 1; off < size; off += chunk) {
        size_t n = size - off < chunk ? size - off : chunk;
        int r;

        memcpy(tail + tlen, data + off, n);
        tlen += n;
        r = dns_tcp_dissector.feed(st, &cx, 0, tail, tlen);
        if (r < 0 || (size_t)r > tlen)
            break;
        memmove(tail, tail + r, tlen - (size_t)r);
        tlen -= (size_t)r;
        if (tlen > dns_tcp_dissector.max_tail) {
            dns_tcp_dissector.gap(st, &cx, 0, (uint32_t)(tlen - dns_tcp_dissector.max_tail));
            memmove(tail, tail + tlen - dns_tcp_dissector.max_tail, dns_tcp_dissector.max_tail);
            tlen = dns_tcp_dissector.max_tail;
        }
    }
    dns_tcp_dissector.end(st, &cx);
    free(st);
    return 0;
}
