/*
 * bench_dissect.c - dissector throughput in MB/s, the cost of incremental
 * parsing: a Stratum session (XMRig dialect, a job line of ~500 bytes) fed
 * in chunks of 1, 100 and 1460 bytes through the same "keep what was not
 * consumed, offer it again with more" loop the engine's stream uses.
 * Reports CPU time (the process's own, not wall time) per configuration.
 * Usage: bench_dissect [SECONDS_PER_CASE]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dissector.h"

extern const struct dissector stratum_dissector;

static const char *const lines[] = {
    "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"login\",\"params\":{\"login\":\"48edfHu7V9Z84YzzMa6f"
    "UueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD.rig01\",\"pass\""
    ":\"x\",\"agent\":\"XMRig/6.21.0 (Linux x86_64) libuv/1.44.2 gcc/12.2.0\",\"rigid\":\"box7\","
    "\"algo\":[\"rx/0\",\"cn/r\",\"cn/2\"]}}\n",
    "{\"jsonrpc\":\"2.0\",\"method\":\"job\",\"params\":{\"blob\":\"1010e4c3b5a006c0a1f2e3d4c5b6a7"
    "98817263544536271809101112131415161718192021222300000000a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3"
    "c4d5e6f708192a3b4c5d6e7f80912a\",\"job_id\":\"r4nd0mj0b1d00002\",\"target\":\"b88d0600\","
    "\"algo\":\"rx/0\",\"height\":2975211,\"seed_hash\":\"0c8f2a4d6e1b3c5a7f9e0d2c4b6a8f1e3d5c7b9a"
    "0f2e4d6c8b0a1f3e5d7c9b1a\"}}\n",
    "{\"id\":2,\"jsonrpc\":\"2.0\",\"method\":\"submit\",\"params\":{\"id\":\"a1b2c3\",\"job_id\":"
    "\"r4nd0mj0b1d00002\",\"nonce\":\"deadbeef\",\"result\":\"00112233445566778899aabbccddeeff0011"
    "2233445566778899aabbccddeeff\",\"algo\":\"rx/0\"}}\n",
};

static unsigned facts;

static void emit(struct dctx *cx, const struct fact *f)
{
    (void)cx;
    (void)f;
    facts++;
}

static double cpu_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Feeds `data` to the dissector in `chunk`-byte pieces with the engine's tail logic. */
static void feed_all(void *st, struct dctx *cx, const char *data, size_t n, size_t chunk,
                     char *tail, size_t *tail_len)
{
    for (size_t off = 0; off < n; off += chunk) {
        size_t c = n - off < chunk ? n - off : chunk;
        int used;
        memcpy(tail + *tail_len, data + off, c);
        *tail_len += c;
        used = stratum_dissector.feed(st, cx, 0, (const uint8_t *)tail, *tail_len);
        if (used < 0) {
            fprintf(stderr, "dissector stopped (%d)\n", used);
            exit(1);
        }
        memmove(tail, tail + used, *tail_len - (size_t)used);
        *tail_len -= (size_t)used;
    }
}

int main(int argc, char **argv)
{
    double secs = argc > 1 ? atof(argv[1]) : 1.0;
    static const size_t chunks[] = {1, 100, 1460};
    char *session, *tail;
    size_t n = 0, cap = 1 << 20;
    struct flow_info fi = {.ipproto = 6, .client_port = 40000, .server_port = 3333};
    struct dctx cx = {.fi = &fi, .emit = emit};

    session = malloc(cap);
    tail = malloc(cap + 4096);
    /* a login, then jobs and submits: the shape of a long mining session */
    memcpy(session, lines[0], strlen(lines[0]));
    n = strlen(lines[0]);
    while (n + 1024 < cap) {
        for (int k = 1; k <= 2; k++) {
            memcpy(session + n, lines[k], strlen(lines[k]));
            n += strlen(lines[k]);
        }
    }
    size_t nlines = 0;
    for (size_t i = 0; i < n; i++)
        nlines += session[i] == '\n';
    printf("%-10s %12s %12s\n", "chunk", "MB/s", "lines/s");
    for (size_t c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++) {
        double t0 = cpu_now(), t;
        uint64_t bytes = 0, rounds = 0;
        do {
            void *st = calloc(1, stratum_dissector.state_size);
            size_t tl = 0;
            fi.ts_us = 1000000;
            feed_all(st, &cx, session, n, chunks[c], tail, &tl);
            stratum_dissector.end(st, &cx);
            free(st);
            bytes += n;
            rounds++;
            t = cpu_now() - t0;
        } while (t < secs);
        printf("%-10zu %12.1f %12.0f\n", chunks[c], (double)bytes / t / 1e6,
               (double)rounds * (double)nlines / t);
    }
    fprintf(stderr, "(%u facts)\n", facts);
    free(session);
    free(tail);
    return 0;
}
