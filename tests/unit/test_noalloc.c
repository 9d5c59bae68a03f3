/*
 * test_noalloc.c - the worker's packet loop calls no allocator once warm
 * (issue 7): real captures from pcaps/ go through worker_packet() three
 * times, each time as new flows of the same shape (inner addresses and
 * timestamps moved, so every flow of the pass before times out inside the
 * next one and its end - stream flush, dissector end, flow events - is part
 * of the loop too). The last two passes must not call malloc, calloc,
 * realloc, free or the aligned allocators at all.
 *
 * How allocations are seen: this executable defines malloc, calloc,
 * realloc, free, posix_memalign, aligned_alloc and memalign itself and
 * forwards them to glibc's __libc_* entry points. A definition in the
 * executable interposes for every shared object, so calls from libndpi,
 * libpcap, libcrypto, PCRE2 and glibc's own internals are counted, not only
 * those of sensor_core and the dissectors (-Wl,--wrap would see only the
 * static libraries). A counter runs only around the measured passes; each
 * call site is kept by return address, and NOALLOC_TRACE=1 prints a
 * backtrace of each counted call (the first few).
 *
 * What is asserted:
 *  - nDPI off, the signature database, Docker and C2 policies loaded, every
 *    capture of files_plain[] (TCP reassembly in and out of order, split
 *    lines and records, tunnels, fragments, DNS, TLS, Stratum, Docker API,
 *    small HTTP transfers): zero calls in the steady passes, while the
 *    warm-up pass did allocate (the counter works) and the measured passes
 *    did queue out-of-order segments and keep tails (the pools were used);
 *  - the downloads of files_lent[] (bodies past the sniff buffer, gzip and
 *    deflate): every counted call is the worker's dctx alloc()/mfree()
 *    (lend/unlend in worker.c: malloc and free by design, bounded by
 *    engine.lent_memory_mb; a script sample, zlib's state and window), which
 *    the test wraps to count; as many in each pass, none kept at the end;
 *  - nDPI on: counted and printed per flow, asserted balanced (as many frees
 *    as allocations), the same in each pass and at most one a flow. nDPI 4.2
 *    mallocs a TLS reassembly buffer (ndpi_search_tls_tcp_memory) for the
 *    TLS flows it inspects and frees it in ndpi_free_flow_data(), outside
 *    this project.
 *
 * Under AddressSanitizer (which owns malloc) the interposer is compiled out
 * and what is left is checked: the reassembly pool's own counters (no chunk
 * taken after warm-up, every block back) and the lend() counts.
 * NOALLOC_PER_FILE=1 runs each plain capture alone, to find one that allocates.
 * Not here: live capture, the output thread, the Redis writer.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "config.h"
#include "decode.h"
#include "ioc.h"
#include "indicators.h"
#include "namelist.h"
#include "worker.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define NOALLOC_ASAN 1 /* a sanitizer that owns malloc */
#endif
#endif
#if (defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)) && !defined(NOALLOC_ASAN)
#define NOALLOC_ASAN 1
#endif

/* ---- counting allocator ------------------------------------------------- */

#define SITES 64

struct site {
    void *ra;
    unsigned n;
};

static int counting;
static unsigned long long nalloc, nfree;
static unsigned long long nlend, nunlend; /* calls of the worker's lend()/unlend() */
static struct site sites[SITES];

#ifndef NOALLOC_ASAN
static int in_trace;   /* inside backtrace(): not counted */
static int trace_left; /* backtraces still to print (NOALLOC_TRACE) */

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);
extern void *__libc_memalign(size_t align, size_t n);
extern void __libc_free(void *p);
void *memalign(size_t align, size_t n); /* glibc's malloc.h, not included: it declares the rest */

static void note(void *ra, int is_free)
{
    if (!counting || in_trace)
        return;
    if (is_free)
        nfree++;
    else
        nalloc++;
    for (int i = 0; i < SITES; i++) {
        if (sites[i].ra == ra || !sites[i].ra) {
            sites[i].ra = ra;
            sites[i].n++;
            break;
        }
    }
    if (trace_left > 0) {
        void *bt[12];
        int n;

        trace_left--;
        in_trace = 1; /* backtrace() was warmed up: it does not allocate now */
        n = backtrace(bt, 12);
        fprintf(stderr, "--- %s\n", is_free ? "free" : "alloc");
        backtrace_symbols_fd(bt, n, 2);
        in_trace = 0;
    }
}

void *malloc(size_t n)
{
    note(__builtin_return_address(0), 0);
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    note(__builtin_return_address(0), 0);
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    note(__builtin_return_address(0), 0);
    return __libc_realloc(p, n);
}

void free(void *p)
{
    if (p)
        note(__builtin_return_address(0), 1);
    __libc_free(p);
}

void *memalign(size_t align, size_t n)
{
    note(__builtin_return_address(0), 0);
    return __libc_memalign(align, n);
}

void *aligned_alloc(size_t align, size_t n)
{
    note(__builtin_return_address(0), 0);
    return __libc_memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
    void *p;

    if (align < sizeof(void *) || (align & (align - 1)))
        return EINVAL;
    note(__builtin_return_address(0), 0);
    p = __libc_memalign(align, n);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}
#endif

static void count_start(void)
{
    memset(sites, 0, sizeof(sites));
    nalloc = nfree = nlend = nunlend = 0;
    counting = 1;
}

static void count_stop(void)
{
    counting = 0;
}

/* Where the counted calls came from: object+offset, for addr2line. */
static void print_sites(const char *what)
{
    for (int i = 0; i < SITES && sites[i].ra; i++) {
        Dl_info di;

        if (dladdr(sites[i].ra, &di) && di.dli_fname)
            fprintf(stderr, "  %s: %u x %s+0x%lx (%s)\n", what, sites[i].n, di.dli_fname,
                    (unsigned long)((char *)sites[i].ra - (char *)di.dli_fbase),
                    di.dli_sname ? di.dli_sname : "?");
        else
            fprintf(stderr, "  %s: %u x %p\n", what, sites[i].n, sites[i].ra);
    }
}

/*
 * The worker's dctx alloc()/mfree() (lend/unlend in worker.c: plain malloc
 * and free by design, engine.lent_memory_mb), wrapped so the test knows
 * exactly how many of the counted calls are theirs.
 */
static void *(*lend_orig)(struct dctx *cx, size_t n);
static void (*unlend_orig)(struct dctx *cx, void *p, size_t n);

static void *lend_counted(struct dctx *cx, size_t n)
{
    void *p = lend_orig(cx, n);

    if (p && counting)
        nlend++;
    return p;
}

static void unlend_counted(struct dctx *cx, void *p, size_t n)
{
    if (p && counting)
        nunlend++;
    unlend_orig(cx, p, n);
}

/* ---- captures in memory ------------------------------------------------- */

#define MAX_FRAMES 20000
#define FRAME_MAX  65536

struct frame {
    int linktype;
    uint32_t caplen, wirelen;
    uint64_t ts_us;
    uint8_t *orig; /* as captured */
    uint8_t *data; /* this pass's copy: inner addresses moved */
};

static struct frame frames[MAX_FRAMES];
static unsigned nframes;
/* of the last load(): file i is frames [file_start[i], file_start[i + 1]) */
static unsigned file_start[64];

static unsigned load(const char *const *files)
{
    char eb[PCAP_ERRBUF_SIZE];
    unsigned first = nframes;

    for (unsigned i = 0; files[i]; i++) {
        pcap_t *pc = pcap_open_offline(files[i], eb);
        struct pcap_pkthdr *h;
        const u_char *b;

        if (i + 1 < sizeof(file_start) / sizeof(file_start[0])) {
            file_start[i] = nframes;
            file_start[i + 1] = nframes;
        }

        CHECK(pc != NULL);
        if (!pc)
            continue;
        while (nframes < MAX_FRAMES && pcap_next_ex(pc, &h, &b) == 1) {
            struct frame *fr = &frames[nframes++];

            fr->linktype = pcap_datalink(pc);
            fr->caplen = h->caplen;
            fr->wirelen = h->len;
            fr->ts_us = (uint64_t)h->ts.tv_sec * 1000000u + (uint64_t)h->ts.tv_usec;
            fr->orig = malloc(h->caplen ? h->caplen : 1);
            fr->data = malloc(h->caplen ? h->caplen : 1);
            memcpy(fr->orig, b, h->caplen);
        }
        pcap_close(pc);
        if (i + 1 < sizeof(file_start) / sizeof(file_start[0]))
            file_start[i + 1] = nframes;
    }
    return nframes - first;
}

/*
 * Pass k's copy of frames [from, to): the last byte of both inner addresses
 * xor'ed with k, the same on both sides, so each flow keeps its two
 * directions and its shape but is a flow no earlier pass had.
 */
static void prepare(unsigned from, unsigned to, unsigned k, const struct config *cfg)
{
    for (unsigned i = from; i < to; i++) {
        struct frame *fr = &frames[i];
        struct pkt p;
        size_t off;

        memcpy(fr->data, fr->orig, fr->caplen);
        decode_frame(&p, &cfg->decode, fr->linktype, fr->orig, fr->caplen, fr->wirelen, fr->ts_us);
        if (!p.ip_version || !p.l3)
            continue;
        off = (size_t)(p.l3 - fr->orig);
        if (p.ip_version == 4 && off + 20 <= fr->caplen) {
            fr->data[off + 15] ^= (uint8_t)(k << 4);
            fr->data[off + 19] ^= (uint8_t)(k << 4);
        } else if (p.ip_version == 6 && off + 40 <= fr->caplen) {
            fr->data[off + 23] ^= (uint8_t)(k << 4);
            fr->data[off + 39] ^= (uint8_t)(k << 4);
        }
    }
}

/* Three days of packet time per pass: longer than any flow timeout. */
#define PASS_SHIFT_US (3ull * 86400 * 1000000)

static void feed(struct worker *w, unsigned from, unsigned to, unsigned k)
{
    for (unsigned i = from; i < to; i++) {
        const struct frame *fr = &frames[i];

        worker_packet(w, fr->linktype, fr->data, fr->caplen, fr->wirelen,
                      fr->ts_us + k * PASS_SHIFT_US);
    }
}

/* The output thread's part: empties the queue (outside the measured passes). */
static uint64_t drain(struct worker *w)
{
    const char *data;
    uint32_t len;
    uint64_t n = 0;
    int ch;

    while (evq_peek(&w->q, &ch, &data, &len)) {
        evq_pop(&w->q);
        n++;
    }
    return n;
}

/* ---- what the engine shares --------------------------------------------- */

struct shared {
    struct worker_shared sh;
    struct docker_policy docker;
    struct namelist *images;
    struct c2_policy c2;
};

static void shared_load(struct shared *s, const struct config *cfg)
{
    char err[512];

    memset(s, 0, sizeof(*s));
    s->sh.db = sig_load("signatures", err, sizeof(err));
    CHECK(s->sh.db != NULL);
    s->sh.pools = hostmap_new(cfg->pool_addresses);
    CHECK(s->sh.pools != NULL);
    CHECK_EQ(cidr_parse(&s->docker.admin, cfg->docker_admin, err, sizeof(err)), 0);
    s->images = namelist_load("signatures/docker-images.names", err, sizeof(err));
    CHECK(s->images != NULL);
    s->docker.images = s->images;
    s->docker.worm_daemons = cfg->docker_worm_daemons;
    s->docker.worm_window_us = (uint64_t)cfg->docker_worm_window_s * 1000000;
    CHECK_EQ(docker_policy_init(&s->docker, cfg->docker_track_hosts), 0);
    s->c2.score_high = cfg->download_score_high;
    s->c2.score_medium = cfg->download_score_medium;
    s->c2.ind = indicators_load("signatures/script.indicators", err, sizeof(err));
    CHECK(s->c2.ind != NULL);
    s->c2.ioc = ioc_load("signatures/c2.ioc", err, sizeof(err));
    CHECK(s->c2.ioc != NULL);
    s->sh.docker = &s->docker;
    s->sh.c2 = &s->c2;
}

static void shared_free(struct shared *s)
{
    sig_free((struct sigdb *)s->sh.db);
    hostmap_free(s->sh.pools);
    docker_policy_destroy(&s->docker);
    namelist_free(s->images);
    indicators_free((struct indicator_set *)s->c2.ind);
    ioc_free((struct ioc_set *)s->c2.ioc);
}

/* ---- the runs ----------------------------------------------------------- */

struct result {
    unsigned long long warm_alloc;     /* pass 0 */
    unsigned long long alloc, frees;   /* passes 1 and 2 */
    unsigned long long lends, unlends; /* of those, the worker's lend() and unlend() */
    unsigned long long pass_alloc[2];
    uint64_t flows;          /* created in passes 1 and 2 */
    uint64_t ooo, tail_peak; /* reassembly work seen in passes 1 and 2 */
    uint64_t lent_peak, events;
    uint64_t pool_mallocs_warm, pool_mallocs_end, pool_in_use_end, used_end;
};

static void run(const struct config *cfg, const struct shared *sh, unsigned from, unsigned to,
                struct result *r, const char *name)
{
    static struct worker w;
    char err[256];
    uint64_t flows0, ooo0;

    memset(r, 0, sizeof(*r));
    CHECK_EQ(worker_init(&w, 0, cfg, &sh->sh, err, sizeof(err)), 0);
    lend_orig = w.cx.alloc;
    unlend_orig = w.cx.mfree;
    w.cx.alloc = lend_counted;
    w.cx.mfree = unlend_counted;
    prepare(from, to, 0, cfg);
    count_start();
    feed(&w, from, to, 0);
    count_stop();
    r->warm_alloc = nalloc;
    r->events += drain(&w);
    r->pool_mallocs_warm = w.smem.pool.mallocs;
    flows0 = w.ft.st.created;
    ooo0 = w.st.stream.ooo_queued;
    w.smem.peak = 0;
    for (unsigned k = 1; k <= 2; k++) {
        prepare(from, to, k, cfg);
        count_start();
        feed(&w, from, to, k);
        count_stop();
        r->alloc += nalloc;
        r->frees += nfree;
        r->lends += nlend;
        r->unlends += nunlend;
        r->pass_alloc[k - 1] = nalloc;
        if (nalloc || nfree) {
            fprintf(stderr, "%s, pass %u: %llu allocations (%llu lent), %llu frees (%llu lent)\n",
                    name, k, nalloc, nlend, nfree, nunlend);
            print_sites("site");
        }
        r->events += drain(&w);
    }
    r->flows = w.ft.st.created - flows0;
    r->ooo = w.st.stream.ooo_queued - ooo0;
    r->tail_peak = w.smem.peak;
    r->lent_peak = w.st.lent_memory_peak;
    r->pool_mallocs_end = w.smem.pool.mallocs;
    worker_end_flows(&w);
    r->events += drain(&w);
    r->pool_in_use_end = w.smem.pool.in_use;
    r->used_end = w.smem.used;
    CHECK_EQ(w.st.lent_memory, 0);
    worker_destroy(&w);
    stream_mem_destroy(&w.smem); /* idempotent: harmless once worker_destroy() does it */
}

int main(void)
{
    static const char *const files_plain[] = {
        "pcaps/stratum-ooo.pcap",
        "pcaps/stratum-split3.pcap",
        "pcaps/tcp-ooo.pcap",
        "pcaps/tls-sni-ooo.pcap",
        "pcaps/tls-sni-split.pcap",
        "pcaps/tcp-midstream.pcap",
        "pcaps/dns-then-stratum.pcap",
        "pcaps/stratum-v1.pcap",
        "pcaps/ethstratum.pcap",
        "pcaps/xmrig-cryptonote.pcap",
        "pcaps/getwork-http.pcap",
        "pcaps/docker-worm.pcap",
        "pcaps/docker-curl-chunked.pcap",
        "pcaps/docker-curl-keepalive.pcap",
        "pcaps/http-304.pcap",
        "pcaps/vxlan.pcap",
        "pcaps/ipv6.pcap",
        "pcaps/fragments.pcap",
        "pcaps/truncated-frames.pcap",
        NULL,
    };
    static const char *const files_lent[] = {
        "pcaps/http-keepalive.pcap",    "pcaps/http-chunked.pcap", "pcaps/http-wget.pcap",
        "pcaps/http-big-script.pcap",   "pcaps/http-benign.pcap",  "pcaps/http-gzip.pcap",
        "pcaps/http-gzip-chunked.pcap", "pcaps/http-deflate.pcap", NULL,
    };
    static struct config cfg;
    struct shared sh;
    struct result r;
    unsigned plain, lent;

#ifndef NOALLOC_ASAN
    {
        void *bt[4];

        backtrace(bt, 4); /* loads the unwinder now, not inside a counted call */
        trace_left = getenv("NOALLOC_TRACE") ? 20 : 0;
    }
#endif
    config_defaults(&cfg);
    cfg.deterministic = 1;
    cfg.flow.hash_seed = 12345;
    cfg.workers = 1;
    cfg.queue_kb = 65536; /* drained between passes only */
    cfg.queue_block = 0;
    cfg.ndpi_enabled = 0;
    config_finish(&cfg);
    shared_load(&sh, &cfg);

    plain = load(files_plain);
    if (getenv("NOALLOC_PER_FILE")) {
        /* diagnosis: which capture allocates in its steady passes */
        for (unsigned i = 0; files_plain[i]; i++)
            run(&cfg, &sh, file_start[i], file_start[i + 1], &r, files_plain[i]);
    }

    lent = load(files_lent);
    CHECK(plain > 300);
    CHECK(lent > 10);

    /* nDPI off: the engine's own loop */
    run(&cfg, &sh, 0, plain, &r, "plain");
#ifndef NOALLOC_ASAN
    CHECK(r.warm_alloc > 0); /* the counter sees the pools warming up */
    CHECK_EQ(r.alloc, 0);
    CHECK_EQ(r.frees, 0);
#endif
    CHECK(r.flows > 40);
    CHECK(r.ooo > 0);       /* out-of-order segments were queued in the measured passes */
    CHECK(r.tail_peak > 0); /* and tails kept */
    CHECK(r.events > 0);
    CHECK(r.pool_mallocs_warm > 0);
    CHECK_EQ(r.pool_mallocs_end, r.pool_mallocs_warm); /* no chunk taken after warm-up */
    CHECK_EQ(r.pool_in_use_end, 0);
    CHECK_EQ(r.used_end, 0);
    fprintf(stderr, "plain: %llu allocations warming up, %llu in 2 passes of %llu flows\n",
            r.warm_alloc, r.alloc, (unsigned long long)r.flows);

    /* downloads with a sample or a compressed body: lend() and unlend(), nothing else */
    run(&cfg, &sh, plain, plain + lent, &r, "lent");
    CHECK(r.lent_peak > 0);
#ifndef NOALLOC_ASAN
    CHECK(r.lends > 0);
    CHECK_EQ(r.alloc, r.lends);
    CHECK_EQ(r.frees, r.unlends);
    CHECK_EQ(r.pass_alloc[0], r.pass_alloc[1]); /* per flow, not growing */
#endif
    CHECK_EQ(r.pool_mallocs_end, r.pool_mallocs_warm);
    CHECK_EQ(r.pool_in_use_end, 0);
    fprintf(stderr, "lent: %llu allocations (%llu lent), %llu frees in 2 passes of %llu flows\n",
            r.alloc, r.lends, r.frees, (unsigned long long)r.flows);

    /* nDPI on: what nDPI allocates per flow, reported; balanced, not growing */
    cfg.ndpi_enabled = 1;
    run(&cfg, &sh, 0, plain, &r, "ndpi");
#ifndef NOALLOC_ASAN
    CHECK_EQ(r.lends, 0);
    CHECK_EQ(r.alloc, r.frees);
    CHECK_EQ(r.pass_alloc[0], r.pass_alloc[1]);
    CHECK(r.alloc <= r.flows); /* nDPI 4.2: one TLS buffer per TLS flow it inspects, at most */
#endif
    CHECK_EQ(r.pool_mallocs_end, r.pool_mallocs_warm);
    fprintf(stderr, "ndpi: %llu allocations, %llu frees in 2 passes of %llu flows (%.2f a flow)\n",
            r.alloc, r.frees, (unsigned long long)r.flows,
            r.flows ? (double)r.alloc / (double)r.flows : 0.0);

    for (unsigned i = 0; i < nframes; i++) {
        free(frames[i].orig);
        free(frames[i].data);
    }
    shared_free(&sh);
    return check_done();
}
