/*
 * fuzz_inflate.c - the de-chunk + inflate path of the HTTP download
 * dissector: data[0] picks the Content-Encoding (gzip, x-gzip, deflate,
 * identity), whether the body is chunked or length-framed, and how the
 * stream is cut (bits 4..7: pieces of that many bytes, 0: 128); data[1] is
 * the chunk size (1..256); the rest is the body as the server encoded it
 * (the seeds are real gzip / zlib / raw deflate streams). The message goes
 * through fuzz_tcp_dissector.h, so lent memory is checked as well.
 */
#include "fuzz_tcp_dissector.h"
#include "http_download.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char req[] = "GET /x.sh HTTP/1.1\r\nHost: 10.0.0.1\r\n\r\n";
    static const char *const enc[4] = {"gzip", "x-gzip", "deflate", "identity"};
    size_t chunk, cap, w = 3, n;
    uint8_t *m;
    int l;

    if (size < 2 || size > (1u << 20))
        return 0;
    chunk = 1 + (size_t)data[1];
    cap = 3 + sizeof(req) + 160 + (size - 2) + ((size - 2) / chunk + 1) * 16;
    m = malloc(cap);
    if (!m)
        abort();
    m[0] = (uint8_t)((data[0] >> 4) ? (data[0] >> 4) - 1 : 127); /* piece size - 1 */
    m[1] = (uint8_t)((sizeof(req) - 1) >> 8);
    m[2] = (uint8_t)(sizeof(req) - 1);
    memcpy(m + w, req, sizeof(req) - 1);
    w += sizeof(req) - 1;
    data += 2;
    n = size - 2;
    if (data[-2] & 4)
        l = snprintf(
            (char *)m + w, cap - w,
            "HTTP/1.1 200 OK\r\nContent-Encoding: %s\r\nTransfer-Encoding: chunked\r\n\r\n",
            enc[data[-2] & 3]);
    else
        l = snprintf((char *)m + w, cap - w,
                     "HTTP/1.1 200 OK\r\nContent-Encoding: %s\r\nContent-Length: %zu\r\n\r\n",
                     enc[data[-2] & 3], n);
    w += (size_t)l;
    if (data[-2] & 4) {
        for (size_t off = 0; off < n; off += chunk) {
            size_t k = n - off < chunk ? n - off : chunk;

            w += (size_t)snprintf((char *)m + w, cap - w, "%zx\r\n", k);
            memcpy(m + w, data + off, k);
            w += k;
            memcpy(m + w, "\r\n", 2);
            w += 2;
        }
        memcpy(m + w, "0\r\n\r\n", 5);
        w += 5;
    } else {
        memcpy(m + w, data, n);
        w += n;
    }
    fuzz_tcp_dissector(&http_download_dissector, 80, m, w);
    free(m);
    return 0;
}
