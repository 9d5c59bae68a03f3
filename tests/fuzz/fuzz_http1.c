/*
 * fuzz_http1.c - the shared HTTP/1.x parser on arbitrary bytes. The first
 * byte picks request or response, the request method a response answers and
 * the seed of the split pattern; the rest is the stream. The head must parse
 * the same at its exact length and need more one byte short; the body is
 * decoded once in one piece and once in random pieces, and both must agree on
 * the result, the bytes used and the decoded bytes, with every span inside
 * the bytes the call consumed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http1.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decodes p[0..n) in pieces of 1..64 bytes (seed != 0) or whole; returns rc, hashes the output. */
static int body(int kind, uint64_t len, const uint8_t *p, size_t n, uint32_t seed, uint64_t *hash,
                uint64_t *wire)
{
    struct http1_body b;
    int rc = http1_body_init(&b, kind, len);

    *hash = 1469598103934665603ULL;
    while (rc == 0 && n) {
        size_t piece = n, k = 0, c, dl;
        const uint8_t *d;

        if (seed) {
            seed = seed * 1103515245u + 12345u;
            piece = 1 + (seed >> 16) % 64;
            piece = piece < n ? piece : n;
        }
        while (k < piece) {
            rc = http1_body_feed(&b, p + k, piece - k, &d, &dl, &c);
            if (c > piece - k || (dl && (d < p + k || d + dl > p + k + c)) || (!rc && !c))
                abort();
            for (size_t i = 0; i < dl; i++)
                *hash = (*hash ^ d[i]) * 1099511628211ULL;
            k += c;
            if (rc)
                break;
        }
        p += k;
        n -= k;
    }
    *wire = b.wire;
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct http1_req r;
    struct http1_resp s;
    const uint8_t *p = data + 1;
    size_t n = size ? size - 1 : 0;
    uint64_t len, h1, h2, w1, w2;
    int h, kind, is_resp = size && (data[0] & 1);
    char out[32];

    if (!size)
        return 0;
    h = is_resp ? http1_parse_response(p, n, &s) : http1_parse_request(p, n, &r);
    if (h > (int)n || (h == 0 && n >= HTTP1_MAX_HEAD))
        abort();
    if (h <= 0)
        return 0;
    if ((is_resp ? http1_parse_response(p, (size_t)h - 1, &s)
                 : http1_parse_request(p, (size_t)h - 1, &r)) != 0)
        abort(); /* one byte short of a head must be "need more" */
    if (is_resp) {
        if (http1_parse_response(p, (size_t)h, &s) != h)
            abort();
        kind = http1_resp_framing(&s, (data[0] >> 1) % (HTTP1_M_OTHER + 1), &len);
        http1_keep_alive(s.minor, &s.hdr);
    } else {
        if (http1_parse_request(p, (size_t)h, &r) != h)
            abort();
        if (r.target < (const char *)p || r.target + r.target_len > (const char *)p + h)
            abort();
        kind = http1_req_framing(&r, &len);
        if (http1_query_param(r.target, r.target_len, "a", out, sizeof(out)) >= 0 &&
            out[sizeof(out) - 1] != '\0' && memchr(out, 0, sizeof(out)) == NULL)
            abort();
        http1_req_upgrade(&r, NULL, NULL);
    }
    if (kind < 0)
        return 0;
    if (body(kind, len, p + h, n - (size_t)h, 0, &h1, &w1) !=
            body(kind, len, p + h, n - (size_t)h, (uint32_t)data[0] << 8 | 1, &h2, &w2) ||
        h1 != h2 || w1 != w2 || w1 > n - (size_t)h)
        abort(); /* the split changed the result */
    return 0;
}
