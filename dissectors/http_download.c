/*
 * http_download.c - HTTP/1.x downloads on the wire (any port): for every
 * transaction, what was fetched, from where, and what it is, judged from the
 * bytes of the decoded body (a C2 serving an ELF as text/plain is still an
 * ELF).
 *
 * What it does: parses both directions with http1.h (kept-alive and
 * pipelined messages, Content-Length / chunked / close-delimited bodies, 1xx
 * interim replies), keeps a FIFO of up to HD_PENDING_MAX request summaries
 * (their strings in one small arena), pairs each response with the oldest,
 * and streams the response body through: de-chunking (http1), inflate for
 * Content-Encoding gzip / x-gzip / deflate (zlib or raw) with zlib's memory
 * lent by the engine (cx->alloc), SHA-256 (OpenSSL's low-level API, context in
 * the state), the first FILETYPE_SNIFF_BYTES decoded bytes for
 * filetype_sniff(), and, when they are a script, up to HTTP_SAMPLE_MAX bytes
 * of text in one lent block for the engine's indicator scanner. No body is
 * ever held whole.
 *
 * One fact per transaction, type "http_download", name
 * "http_download.transfer", subject the url, emitted when the response body
 * ends (or its head, when it has none), or at a gap / end() with what is
 * known. Fields, in this order, each only when known:
 *   url            absolute-form target as sent; else "http://" + Host + target;
 *                  without a Host, the target alone (targets cut at HD_URL_MAX)
 *   url_truncated  true when the target was longer than what was kept
 *   hostname       Host without port (or the absolute URL's), lowercased,
 *                  IPv6 without brackets
 *   http_method, status (absent when no response was seen), user_agent,
 *   content_type, server, content_encoding
 *   file_type      filetype_name() of the body's first bytes, when a body
 *                  byte was seen; file_detail when non-empty
 *   size           decoded body bytes (when the body could not be decoded:
 *                  the encoded bytes); present whenever the response has a body
 *   wire_size      body bytes on the wire, chunk framing included, when != size
 *   sha256         of the decoded body, 64 lowercase hex, only when complete
 *   truncated      (response seen) the body is not whole: gap, cut short,
 *                  past HTTP_DECODE_MAX, a decompression bomb, undecodable,
 *                  a 206 that is not the whole file
 *   decoded        (a Content-Encoding was present) the coding was undone
 *   content_range, range (the request's Range), request_size (request body
 *   bytes, de-chunked, when > 0), host_is_ip (Host is an IP literal),
 *   http_errors    (when > 0) unparsable messages skipped so far in the flow
 *   body           hidden: the script sample (scripts only)
 *   request_body   hidden: the first HTTP_REQ_SAMPLE bytes of a POST/PUT body
 *
 * What it deliberately does not do: decide anything (signatures do), read
 * HTTP/2 or TLS, follow a tunnel (after a 101 or a CONNECT 2xx it is done),
 * undo codings other than gzip and deflate (br, zstd: decoded false), or
 * keep a hash of part of a body. After a gap it follows a body whose end it
 * still knows (Content-Length, close-delimited); otherwise it stops reading
 * that direction. Bytes that are not HTTP before the first message reject
 * the flow; afterwards, binary bytes reject it (after emitting what is
 * pending) and text is counted and skipped to the next start line.
 */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <zlib.h>

#include <arpa/inet.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "dissector.h"
#include "filetype.h"
#include "http1.h"
#include "http_download.h"

#define HD_PENDING_MAX 8    /* unanswered requests kept per flow (pipelining) */
#define HD_ARENA       3072 /* request strings of the whole FIFO */
#define HD_URL_MAX     1024 /* request target kept */
#define HD_HOST_MAX    262  /* Host kept: a DNS name (253) and ":port" */
#define HD_UA_MAX      256
#define HD_RANGE_MAX   64
#define HD_METHOD_MAX  16
#define HD_CTYPE_MAX   128 /* response header values kept */
#define HD_CENC_MAX    32
#define HD_CRANGE_MAX  64
#define HD_SERVER_MAX  128
#define HD_ZOUT        16384 /* inflate output per round, on the stack */
#define HD_RAW_HEAD    16    /* first encoded bytes kept to re-read a body that is not encoded */
#define HD_RESYNC_KEEP 16    /* bytes kept back while looking for a start line */
#define HD_BINARY_LOOK 64    /* bytes looked at to call garbage "clearly not HTTP" */
#define HD_MAX_TAIL    HTTP1_MAX_HEAD /* only heads wait in the tail; bodies stream */

/* zlib blocks carry their size in front, so mfree() gets it back */
#define HD_ZHDR sizeof(max_align_t)

enum {
    RS_METHOD,
    RS_HOST,
    RS_RANGE,
    RS_UA,
    RS_TARGET,
    RS_N
};
static const uint16_t rs_max[RS_N] = {HD_METHOD_MAX, HD_HOST_MAX, HD_RANGE_MAX, HD_UA_MAX,
                                      HD_URL_MAX};

#define RF_URL_TRUNC 0x01

/* One request waiting for its response. */
struct hd_req {
    uint32_t seq;
    uint16_t blk; /* start of its strings in the arena */
    uint16_t off[RS_N], len[RS_N];
    uint8_t method_id, flags;
    uint64_t body;   /* request body bytes, de-chunked */
    uint8_t *sample; /* lent, POST/PUT: the first body bytes */
    uint32_t sample_len, sample_cap;
};

enum {
    ENC_NONE,
    ENC_GZIP,
    ENC_DEFLATE,
    ENC_OTHER
};

enum {
    M_IDENTITY, /* decoded bytes are the body bytes */
    M_INFLATE,  /* through zlib */
    M_RAW,      /* undecodable: the encoded bytes are sniffed, not hashed */
    M_SKIP,     /* stopped (limit, bomb, corrupt stream): only counted */
};

#define TX_TRUNC    0x01 /* not the whole body */
#define TX_NOHASH   0x02 /* the hash does not cover the whole body */
#define TX_FROZEN   0x04 /* no more bytes reach the hash, sniffer or sample */
#define TX_SNIFFED  0x08
#define TX_NODECODE 0x10 /* an encoding was present and not undone */
#define TX_ZLIVE    0x20 /* the inflate state holds lent memory */
#define TX_ZEND     0x40 /* inflate saw the end of the compressed stream */

/* The response being read (one at a time: responses come in order). */
struct hd_tx {
    uint8_t active, has_req, inbody, kind, enc, mode, flags;
    uint8_t ctype_len, cenc_len, crange_len, server_len, ftype;
    uint16_t status, sniff_len;
    uint64_t clen; /* Content-Length when the body is framed by it, else 0 */
    uint64_t wire, raw, size;
    const char *fdetail;
    uint8_t *sample; /* lent: the script text */
    uint32_t sample_len, sample_cap;
    struct http1_body body;
    SHA256_CTX sha;
    z_stream zs;
    char ctype[HD_CTYPE_MAX], cenc[HD_CENC_MAX], crange[HD_CRANGE_MAX], server[HD_SERVER_MAX];
    uint8_t raw_head[HD_RAW_HEAD];
    uint8_t sniff[FILETYPE_SNIFF_BYTES];
};

struct hd_state {
    struct hd_tx tx;
    struct http1_body rbody; /* the request body being read */
    uint8_t in_rbody, recognised, tunnel;
    uint8_t dead[2];   /* framing lost after a gap: the direction is consumed unread */
    uint8_t resync[2]; /* a bad message: look for the next start line */
    uint8_t qhead, qlen;
    uint16_t a_start, a_end; /* the live part of the arena */
    uint32_t next_seq, fill_seq;
    uint32_t http_errors, overflows;
    struct hd_req q[HD_PENDING_MAX];
    char arena[HD_ARENA];
};

/* ---- lent memory ------------------------------------------------------------ */

static void *hd_lend(struct dctx *cx, size_t n)
{
    return cx->alloc && cx->mfree && n ? cx->alloc(cx, n) : NULL;
}

static void hd_unlend(struct dctx *cx, void *p, size_t n)
{
    if (p && cx->mfree)
        cx->mfree(cx, p, n);
}

static voidpf hd_zalloc(voidpf opaque, uInt items, uInt size)
{
    struct dctx *cx = opaque;
    uint8_t *p;
    size_t n;

    if (size && items > (SIZE_MAX - HD_ZHDR) / size)
        return Z_NULL;
    n = (size_t)items * size + HD_ZHDR;
    p = hd_lend(cx, n);
    if (!p)
        return Z_NULL;
    memcpy(p, &n, sizeof(n));
    return p + HD_ZHDR;
}

static void hd_zfree(voidpf opaque, voidpf addr)
{
    uint8_t *p = (uint8_t *)addr - HD_ZHDR;
    size_t n;

    memcpy(&n, p, sizeof(n));
    hd_unlend(opaque, p, n);
}

/* ---- the request FIFO -------------------------------------------------------- */

static struct hd_req *hd_front(struct hd_state *st)
{
    return st->qlen ? &st->q[st->qhead] : NULL;
}

static const char *hd_s(const struct hd_state *st, const struct hd_req *r, int k)
{
    return st->arena + r->off[k];
}

static void hd_req_release(struct dctx *cx, struct hd_req *r)
{
    hd_unlend(cx, r->sample, r->sample_cap);
    r->sample = NULL;
    r->sample_len = r->sample_cap = 0;
}

static void hd_pop(struct hd_state *st, struct dctx *cx)
{
    if (!st->qlen)
        return;
    hd_req_release(cx, &st->q[st->qhead]);
    st->qhead = (uint8_t)((st->qhead + 1) % HD_PENDING_MAX);
    if (--st->qlen)
        st->a_start = st->q[st->qhead].blk;
    else
        st->a_start = st->a_end = 0;
}

static struct hd_req *hd_find(struct hd_state *st, uint32_t seq)
{
    for (unsigned i = 0; seq && i < st->qlen; i++) {
        struct hd_req *r = &st->q[(st->qhead + i) % HD_PENDING_MAX];

        if (r->seq == seq)
            return r;
    }
    return NULL;
}

/* ---- the response body ------------------------------------------------------- */

static void hd_zend(struct hd_state *st, struct dctx *cx)
{
    struct hd_tx *t = &st->tx;

    if (t->flags & TX_ZLIVE) {
        t->zs.opaque = cx;
        inflateEnd(&t->zs);
        t->flags &= (uint8_t)~TX_ZLIVE;
    }
}

/* Stops reading the body's content: what was seen is all the fact will say. */
static void hd_stop(struct hd_state *st, struct dctx *cx, uint8_t why)
{
    st->tx.flags |= (uint8_t)(why | TX_FROZEN);
    if (st->tx.mode != M_IDENTITY)
        st->tx.mode = M_SKIP;
    hd_zend(st, cx);
}

static void hd_sniff(struct hd_state *st, struct dctx *cx)
{
    struct hd_tx *t = &st->tx;
    uint32_t cap = HTTP_SAMPLE_MAX;

    t->ftype = (uint8_t)filetype_sniff(t->sniff, t->sniff_len, &t->fdetail);
    t->flags |= TX_SNIFFED;
    /* a body that fits the sniff buffer is its own sample: lend only for more */
    if (!filetype_is_script(t->ftype) || t->sniff_len < FILETYPE_SNIFF_BYTES ||
        (t->flags & TX_FROZEN))
        return;
    if (t->enc == ENC_NONE && t->kind == HTTP1_BODY_LENGTH && t->clen < cap)
        cap = (uint32_t)(t->clen > t->sniff_len ? t->clen : t->sniff_len);
    t->sample = hd_lend(cx, cap);
    if (!t->sample)
        return;
    t->sample_cap = cap;
    memcpy(t->sample, t->sniff, t->sniff_len);
    t->sample_len = t->sniff_len;
}

/* Decoded body bytes: counted, hashed, sniffed, sampled. */
static void hd_take(struct hd_state *st, struct dctx *cx, const uint8_t *d, size_t n)
{
    struct hd_tx *t = &st->tx;
    uint64_t before = t->size;
    int limit = 0;

    t->size += n;
    if (t->flags & TX_FROZEN)
        return;
    if (n >= HTTP_DECODE_MAX - before) {
        n = (size_t)(HTTP_DECODE_MAX - before);
        limit = t->size > HTTP_DECODE_MAX;
    }
    if (!(t->flags & TX_NOHASH))
        SHA256_Update(&t->sha, d, n);
    if (!(t->flags & TX_SNIFFED)) {
        size_t k = FILETYPE_SNIFF_BYTES - t->sniff_len;

        k = n < k ? n : k;
        memcpy(t->sniff + t->sniff_len, d, k);
        t->sniff_len = (uint16_t)(t->sniff_len + k);
        d += k;
        n -= k;
        if (t->sniff_len == FILETYPE_SNIFF_BYTES)
            hd_sniff(st, cx);
    }
    if (t->sample && n && t->sample_len < t->sample_cap) {
        size_t k = t->sample_cap - t->sample_len;

        k = n < k ? n : k;
        memcpy(t->sample + t->sample_len, d, k);
        t->sample_len += (uint32_t)k;
    }
    if (limit) /* the caller ends the inflater: it may be inside it */
        t->flags |= TX_TRUNC | TX_NOHASH | TX_FROZEN;
}

/* A zlib header (RFC 1950): deflate bodies come with or without one. */
static int hd_zlib_header(const uint8_t *p)
{
    return (p[0] & 0x0f) == 8 && (p[0] >> 4) <= 7 && ((unsigned)p[0] << 8 | p[1]) % 31 == 0;
}

static int hd_zinit(struct hd_state *st, struct dctx *cx)
{
    struct hd_tx *t = &st->tx;
    int wbits = 15 + 32; /* gzip, or zlib from a server that calls it gzip */

    if (t->enc == ENC_DEFLATE)
        wbits = t->raw >= 2 && hd_zlib_header(t->raw_head) ? 15 : -15;
    memset(&t->zs, 0, sizeof(t->zs));
    if (!cx->alloc || !cx->mfree)
        return -1;
    t->zs.zalloc = hd_zalloc;
    t->zs.zfree = hd_zfree;
    t->zs.opaque = cx;
    if (inflateInit2(&t->zs, wbits) != Z_OK)
        return -1;
    t->flags |= TX_ZLIVE;
    return 0;
}

#define HD_ZFAIL_MEM  1 /* the engine refused memory before any output */
#define HD_ZFAIL_DATA 2 /* not a compressed stream, before any output */

/*
 * Runs in[0..n) through the inflater. Returns 0, or HD_ZFAIL_* when it failed
 * before producing a byte (the caller decides what the body is then); a
 * failure after output stops the body here, truncated.
 */
static int hd_zfeed(struct hd_state *st, struct dctx *cx, const uint8_t *in, size_t n)
{
    struct hd_tx *t = &st->tx;
    uint8_t out[HD_ZOUT];
    int full = 0; /* the last round filled out: zlib may hold more output */

    while ((n || full) && t->mode == M_INFLATE) {
        uInt take = n > UINT_MAX ? UINT_MAX : (uInt)n;
        size_t made;
        int rc;

        if (t->flags & TX_ZEND) {
            /* a second gzip member continues the file; anything else is trailing junk */
            if (!n || t->enc != ENC_GZIP || in[0] != 0x1f)
                return 0;
            t->zs.opaque = cx;
            inflateReset(&t->zs);
            t->flags &= (uint8_t)~TX_ZEND;
        }
        t->zs.next_in = (Bytef *)(uintptr_t)in;
        t->zs.avail_in = take;
        t->zs.next_out = out;
        t->zs.avail_out = sizeof(out);
        t->zs.opaque = cx;
        rc = inflate(&t->zs, Z_NO_FLUSH);
        made = sizeof(out) - t->zs.avail_out;
        full = made == sizeof(out);
        in += take - t->zs.avail_in;
        n -= take - t->zs.avail_in;
        if (made)
            hd_take(st, cx, out, made);
        if (t->flags & TX_FROZEN) {
            hd_stop(st, cx, 0);
            return 0;
        }
        /* a bomb: measured against the compressed bytes inflate really read */
        if (t->size > HTTP_BOMB_AFTER && t->size / HTTP_BOMB_RATIO > t->raw - n) {
            hd_stop(st, cx, TX_TRUNC | TX_NOHASH);
            return 0;
        }
        if (rc == Z_STREAM_END) {
            t->flags |= TX_ZEND;
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            if (t->size == 0)
                return rc == Z_MEM_ERROR ? HD_ZFAIL_MEM : HD_ZFAIL_DATA;
            hd_stop(st, cx, TX_TRUNC | TX_NOHASH); /* corrupt past its start */
            return 0;
        }
        if (made == 0 && t->zs.avail_in == take)
            return 0; /* no progress possible: never spin */
    }
    return 0;
}

/*
 * Inflate could not start on the body whose bytes so far are raw_head[0..before)
 * then d[0..n). Not compressed at all (a server that says gzip and is not):
 * read as it is, decoded false, hashed when every byte is still at hand.
 * Memory refused: the encoded bytes are sniffed, truncated, not hashed.
 */
static void hd_zfallback(struct hd_state *st, struct dctx *cx, int why, const uint8_t *d, size_t n,
                         uint64_t before)
{
    struct hd_tx *t = &st->tx;

    hd_zend(st, cx);
    t->flags |= TX_NODECODE;
    if (why == HD_ZFAIL_DATA && before <= HD_RAW_HEAD) {
        t->mode = M_IDENTITY;
    } else {
        t->mode = M_RAW;
        t->flags |= TX_TRUNC | TX_NOHASH;
    }
    if (before <= HD_RAW_HEAD) {
        hd_take(st, cx, t->raw_head, (size_t)before);
        hd_take(st, cx, d, n);
    } else {
        t->flags |= TX_FROZEN; /* the start is gone: sniffing the middle would mislead */
    }
}

/* De-chunked body bytes of the response. */
static void hd_body_data(struct hd_state *st, struct dctx *cx, const uint8_t *d, size_t n)
{
    struct hd_tx *t = &st->tx;
    uint64_t before = t->raw;
    int rc = 0;

    if (before < HD_RAW_HEAD) {
        size_t k = HD_RAW_HEAD - (size_t)before;

        memcpy(t->raw_head + before, d, n < k ? n : k);
    }
    t->raw += n;
    switch (t->mode) {
    case M_IDENTITY:
    case M_RAW:
        hd_take(st, cx, d, n);
        return;
    case M_INFLATE:
        if (!(t->flags & TX_ZLIVE)) {
            if (t->enc == ENC_DEFLATE && t->raw < 2)
                return; /* raw_head holds it until the header can be judged */
            if (hd_zinit(st, cx) != 0) {
                hd_zfallback(st, cx, HD_ZFAIL_MEM, d, n, before);
                return;
            }
            if (before) /* the first byte, held in raw_head */
                rc = hd_zfeed(st, cx, t->raw_head, (size_t)before);
        }
        if (rc == 0)
            rc = hd_zfeed(st, cx, d, n);
        if (rc)
            hd_zfallback(st, cx, rc, d, n, before);
        return;
    default:
        return;
    }
}

/* ---- facts ------------------------------------------------------------------- */

static int hd_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int hd_prefix_nocase(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);

    if (n < l)
        return 0;
    for (size_t i = 0; i < l; i++)
        if (hd_lower((uint8_t)s[i]) != lit[i])
            return 0;
    return 1;
}

/* The authority of an absolute-form target ("http://user@h:80/p" -> "h:80"), or NULL. */
static const char *hd_authority(const char *t, size_t n, size_t *len)
{
    const char *s = NULL, *e;

    for (size_t i = 0; i + 3 <= n && i < 16; i++)
        if (memcmp(t + i, "://", 3) == 0) {
            s = t + i + 3;
            break;
        }
    if (!s)
        return NULL;
    for (e = s; e < t + n && *e != '/' && *e != '?' && *e != '#'; e++)
        if (*e == '@')
            s = e + 1;
    *len = (size_t)(e - s);
    return s;
}

/* Host without port, lowercased, IPv6 without brackets, into out (NUL-terminated). */
static size_t hd_hostname(const char *h, size_t n, char *out, size_t cap)
{
    size_t s = 0, e = n, o = 0, colons = 0;

    for (size_t i = 0; i < n; i++)
        colons += h[i] == ':';
    if (n && h[0] == '[') {
        s = 1;
        for (e = 1; e < n && h[e] != ']'; e++)
            ;
    } else if (colons == 1) { /* host:port; a bare IPv6 literal keeps its colons */
        for (size_t i = n; i > 0; i--)
            if (h[i - 1] == ':') {
                size_t k = i;

                while (k < n && h[k] >= '0' && h[k] <= '9')
                    k++;
                if (k == n)
                    e = i - 1;
                break;
            }
    }
    for (size_t i = s; i < e && o + 1 < cap; i++)
        out[o++] = (char)hd_lower((uint8_t)h[i]);
    out[o] = '\0';
    return o;
}

static int hd_is_ip(const char *host)
{
    unsigned char buf[16];

    return inet_pton(AF_INET, host, buf) == 1 || inet_pton(AF_INET6, host, buf) == 1;
}

/* Builds the url into out[0..cap); returns its length. */
static size_t hd_url(const struct hd_state *st, const struct hd_req *r, char *out, size_t cap)
{
    const char *t = hd_s(st, r, RS_TARGET), *h = hd_s(st, r, RS_HOST);
    size_t tl = r->len[RS_TARGET], hl = r->len[RS_HOST], al, o = 0;

    if (hd_authority(t, tl, &al) || !hl || !tl || t[0] != '/') {
        memcpy(out, t, tl < cap ? tl : cap);
        return tl < cap ? tl : cap;
    }
    if (cap < 7 + hl + tl)
        return 0; /* cannot happen: the caller sizes out for the bounds */
    memcpy(out, "http://", 7);
    o = 7;
    memcpy(out + o, h, hl);
    o += hl;
    memcpy(out + o, t, tl);
    return o + tl;
}

static void hd_hex(const uint8_t *d, size_t n, char *out)
{
    static const char hx[] = "0123456789abcdef";

    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hx[d[i] >> 4];
        out[2 * i + 1] = hx[d[i] & 15];
    }
}

/*
 * One fact for request r (may be NULL: a response without its request) and
 * the response in st->tx when `resp` (else the request went unanswered).
 * Everything is borrowed for the emit() only.
 */
static void hd_emit(struct hd_state *st, struct dctx *cx, const struct hd_req *r, int resp)
{
    struct hd_tx *t = &st->tx;
    struct fact f;
    char url[7 + HD_HOST_MAX + HD_URL_MAX], host[HD_HOST_MAX + 1], hex[64];
    uint8_t digest[SHA256_DIGEST_LENGTH];
    size_t url_len = 0, host_len = 0;
    int body = resp && t->kind != HTTP1_BODY_NONE && t->kind != HTTP1_BODY_TUNNEL;

    fact_init(&f, "http_download", "http_download.transfer");
    if (r) {
        const char *auth;
        size_t al;

        url_len = hd_url(st, r, url, sizeof(url));
        fact_str(&f, "url", url, url_len);
        if (r->flags & RF_URL_TRUNC)
            fact_bool(&f, "url_truncated", 1);
        if (r->len[RS_HOST])
            host_len = hd_hostname(hd_s(st, r, RS_HOST), r->len[RS_HOST], host, sizeof(host));
        else if ((auth = hd_authority(hd_s(st, r, RS_TARGET), r->len[RS_TARGET], &al)))
            host_len = hd_hostname(auth, al, host, sizeof(host));
        if (host_len)
            fact_str(&f, "hostname", host, host_len);
        fact_str(&f, "http_method", hd_s(st, r, RS_METHOD), r->len[RS_METHOD]);
    }
    if (resp)
        fact_uint(&f, "status", t->status);
    if (r && r->len[RS_UA])
        fact_str(&f, "user_agent", hd_s(st, r, RS_UA), r->len[RS_UA]);
    if (resp && t->ctype_len)
        fact_str(&f, "content_type", t->ctype, t->ctype_len);
    if (resp && t->server_len)
        fact_str(&f, "server", t->server, t->server_len);
    if (resp && t->cenc_len)
        fact_str(&f, "content_encoding", t->cenc, t->cenc_len);
    if (body && t->raw) {
        fact_cstr(&f, "file_type", filetype_name((enum file_type)t->ftype));
        if (t->fdetail && t->fdetail[0])
            fact_cstr(&f, "file_detail", t->fdetail);
    }
    if (body) {
        fact_uint(&f, "size", t->size);
        if (t->wire != t->size)
            fact_uint(&f, "wire_size", t->wire);
        if (!(t->flags & (TX_NOHASH | TX_TRUNC))) {
            SHA256_Final(digest, &t->sha);
            hd_hex(digest, sizeof(digest), hex);
            fact_str(&f, "sha256", hex, sizeof(hex));
        }
    }
    if (resp)
        fact_bool(&f, "truncated", (t->flags & TX_TRUNC) != 0);
    if (resp && t->enc != ENC_NONE)
        fact_bool(&f, "decoded", !(t->flags & TX_NODECODE));
    if (resp && t->crange_len)
        fact_str(&f, "content_range", t->crange, t->crange_len);
    if (r && r->len[RS_RANGE])
        fact_str(&f, "range", hd_s(st, r, RS_RANGE), r->len[RS_RANGE]);
    if (r && r->body)
        fact_uint(&f, "request_size", r->body);
    if (host_len)
        fact_bool(&f, "host_is_ip", hd_is_ip(host));
    if (st->http_errors)
        fact_uint(&f, "http_errors", st->http_errors);
    if (body && t->raw && filetype_is_script((enum file_type)t->ftype)) {
        if (t->sample)
            fact_hidden(&f, "body", (const char *)t->sample, t->sample_len);
        else
            fact_hidden(&f, "body", (const char *)t->sniff, t->sniff_len);
    }
    if (r && r->sample_len)
        fact_hidden(&f, "request_body", (const char *)r->sample, r->sample_len);
    if (url_len)
        fact_subject(&f, url, url_len);
    cx->emit(cx, &f);
}

/* Emits the oldest request without a response. */
static void hd_emit_unanswered(struct hd_state *st, struct dctx *cx)
{
    hd_emit(st, cx, hd_front(st), 0);
    hd_pop(st, cx);
}

/* Ends the response transaction: one fact, every lent block of it returned. */
static void hd_finish(struct hd_state *st, struct dctx *cx, int complete)
{
    struct hd_tx *t = &st->tx;

    if (!t->active)
        return;
    if (!complete)
        t->flags |= TX_TRUNC;
    if (t->mode == M_INFLATE && t->raw && !(t->flags & TX_ZEND))
        t->flags |= TX_TRUNC; /* the compressed stream was cut short */
    if (t->raw && !(t->flags & TX_SNIFFED))
        hd_sniff(st, cx);
    hd_emit(st, cx, t->has_req ? hd_front(st) : NULL, 1);
    hd_zend(st, cx);
    hd_unlend(cx, t->sample, t->sample_cap);
    t->sample = NULL;
    if (t->has_req)
        hd_pop(st, cx);
    t->active = 0;
    t->inbody = 0;
}

/* Everything pending reported, everything lent returned (end, reject). */
static void hd_flush(struct hd_state *st, struct dctx *cx)
{
    struct hd_tx *t = &st->tx;

    if (t->active)
        hd_finish(st, cx, !t->inbody || http1_body_eof(&t->body) == 1);
    while (st->qlen)
        hd_emit_unanswered(st, cx);
    st->fill_seq = 0;
}

/* ---- messages ---------------------------------------------------------------- */

/* Copies header `name`'s first value, at most cap bytes; returns the length kept. */
static uint8_t hd_hdr_copy(const struct http1_headers *h, const char *name, char *out, size_t cap)
{
    int i = http1_header_find(h, name, 0);
    size_t l;

    if (i < 0)
        return 0;
    l = h->h[i].value_len < cap ? h->h[i].value_len : cap;
    memcpy(out, h->h[i].value, l);
    return (uint8_t)l;
}

/* Appends a new request to the FIFO, its strings cut to their bounds and to the arena. */
static struct hd_req *hd_push(struct hd_state *st, struct dctx *cx, const struct http1_req *q)
{
    const char *s[RS_N] = {q->method};
    size_t l[RS_N] = {q->method_len}, room;
    struct hd_req *r;
    int i;

    if (st->qlen == HD_PENDING_MAX) {
        st->overflows++;
        if (st->tx.active && st->tx.has_req) {
            /* the front is being answered: the next oldest goes unanswered */
            unsigned second = (st->qhead + 1u) % HD_PENDING_MAX;

            hd_emit(st, cx, &st->q[second], 0);
            hd_req_release(cx, &st->q[second]);
            st->q[second] = st->q[st->qhead];
            st->qhead = (uint8_t)second;
            st->qlen--;
        } else {
            hd_emit_unanswered(st, cx);
        }
    }
    if ((i = http1_header_find(&q->hdr, "host", 0)) >= 0) {
        s[RS_HOST] = q->hdr.h[i].value;
        l[RS_HOST] = q->hdr.h[i].value_len;
    }
    if ((i = http1_header_find(&q->hdr, "range", 0)) >= 0) {
        s[RS_RANGE] = q->hdr.h[i].value;
        l[RS_RANGE] = q->hdr.h[i].value_len;
    }
    if ((i = http1_header_find(&q->hdr, "user-agent", 0)) >= 0) {
        s[RS_UA] = q->hdr.h[i].value;
        l[RS_UA] = q->hdr.h[i].value_len;
    }
    s[RS_TARGET] = q->target;
    l[RS_TARGET] = q->target_len;
    if (st->a_start && HD_ARENA - st->a_end <
                           HD_METHOD_MAX + HD_HOST_MAX + HD_RANGE_MAX + HD_UA_MAX + HD_URL_MAX) {
        /* compact: the live strings move to the front of the arena */
        memmove(st->arena, st->arena + st->a_start, (size_t)(st->a_end - st->a_start));
        for (unsigned k = 0; k < st->qlen; k++) {
            struct hd_req *o = &st->q[(st->qhead + k) % HD_PENDING_MAX];

            o->blk = (uint16_t)(o->blk - st->a_start);
            for (int f = 0; f < RS_N; f++)
                o->off[f] = (uint16_t)(o->off[f] - st->a_start);
        }
        st->a_end = (uint16_t)(st->a_end - st->a_start);
        st->a_start = 0;
    }
    r = &st->q[(st->qhead + st->qlen) % HD_PENDING_MAX];
    memset(r, 0, sizeof(*r));
    r->seq = ++st->next_seq ? st->next_seq : ++st->next_seq;
    r->method_id = (uint8_t)q->method_id;
    r->blk = st->a_end;
    for (int f = 0; f < RS_N; f++) {
        size_t k = l[f] < rs_max[f] ? l[f] : rs_max[f];

        room = HD_ARENA - st->a_end;
        if (k > room)
            k = room;
        if (f == RS_TARGET && k < l[f])
            r->flags |= RF_URL_TRUNC;
        r->off[f] = st->a_end;
        r->len[f] = (uint16_t)k;
        if (k)
            memcpy(st->arena + st->a_end, s[f], k);
        st->a_end = (uint16_t)(st->a_end + k);
    }
    if (!st->qlen)
        st->a_start = r->blk;
    st->qlen++;
    return r;
}

/* Request body bytes (de-chunked). */
static void hd_req_data(struct hd_state *st, const uint8_t *d, size_t n)
{
    struct hd_req *r = hd_find(st, st->fill_seq);

    if (!r)
        return; /* answered (and reported) before its body ended */
    r->body += n;
    if (r->sample && r->sample_len < r->sample_cap) {
        size_t k = r->sample_cap - r->sample_len;

        k = n < k ? n : k;
        memcpy(r->sample + r->sample_len, d, k);
        r->sample_len += (uint32_t)k;
    }
}

/* Feeds request body bytes; returns bytes used of p[0..n), *err on a framing error. */
static size_t hd_req_body(struct hd_state *st, const uint8_t *p, size_t n, int *err)
{
    size_t off = 0;

    while (off < n && st->in_rbody) {
        const uint8_t *d;
        size_t dl, u;
        int rc = http1_body_feed(&st->rbody, p + off, n - off, &d, &dl, &u);

        off += u;
        if (dl)
            hd_req_data(st, d, dl);
        if (rc != 0) {
            st->in_rbody = 0;
            st->fill_seq = 0;
            *err = rc < 0;
        }
    }
    return off;
}

/* One request head at p[0..n). Returns bytes used (0: wait for more), -1: not a request. */
static long hd_request(struct hd_state *st, struct dctx *cx, const uint8_t *p, size_t n)
{
    struct http1_req q;
    struct hd_req *r;
    uint64_t len = 0;
    int head = http1_parse_request(p, n, &q), kind;

    if (head <= 0)
        return head == 0 ? 0 : -1;
    kind = http1_req_framing(&q, &len);
    if (kind < 0)
        return -1;
    st->recognised = 1;
    r = hd_push(st, cx, &q);
    http1_body_init(&st->rbody, kind, len);
    if (!st->rbody.done) {
        st->in_rbody = 1;
        st->fill_seq = r->seq;
        if (q.method_id == HTTP1_M_POST || q.method_id == HTTP1_M_PUT) {
            uint32_t cap = HTTP_REQ_SAMPLE;

            if (kind == HTTP1_BODY_LENGTH && len < cap)
                cap = (uint32_t)len;
            r->sample = hd_lend(cx, cap);
            r->sample_cap = r->sample ? cap : 0;
        }
    }
    return head;
}

static uint8_t hd_encoding(const char *v, size_t n)
{
    if (n == 0 || (n == 8 && hd_prefix_nocase(v, n, "identity")))
        return ENC_NONE;
    if ((n == 4 && hd_prefix_nocase(v, n, "gzip")) || (n == 6 && hd_prefix_nocase(v, n, "x-gzip")))
        return ENC_GZIP;
    if (n == 7 && hd_prefix_nocase(v, n, "deflate"))
        return ENC_DEFLATE;
    return ENC_OTHER;
}

/* "bytes 0-(N-1)/N": a 206 that is the whole file. */
static int hd_range_whole(const char *s, size_t n)
{
    uint64_t a = 0, b = 0, c = 0, *v = &a;
    size_t i = 6, digits = 0;

    if (n < 6 || !hd_prefix_nocase(s, n, "bytes "))
        return 0;
    for (; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            if (*v > UINT64_MAX / 16)
                return 0;
            *v = *v * 10 + (uint64_t)(s[i] - '0');
            digits++;
        } else if (s[i] == '-' && v == &a && digits) {
            v = &b;
            digits = 0;
        } else if (s[i] == '/' && v == &b && digits) {
            v = &c;
            digits = 0;
        } else {
            return 0;
        }
    }
    return v == &c && digits && a == 0 && b + 1 == c;
}

/* Starts the transaction of a parsed response head. */
static void hd_tx_start(struct hd_state *st, const struct http1_resp *rs, int kind, uint64_t len)
{
    struct hd_tx *t = &st->tx;
    int i;

    memset(t, 0, offsetof(struct hd_tx, ctype));
    t->active = 1;
    t->has_req = st->qlen > 0;
    t->kind = (uint8_t)kind;
    t->status = (uint16_t)rs->status;
    t->clen = kind == HTTP1_BODY_LENGTH ? len : 0;
    t->ctype_len = hd_hdr_copy(&rs->hdr, "content-type", t->ctype, sizeof(t->ctype));
    t->cenc_len = hd_hdr_copy(&rs->hdr, "content-encoding", t->cenc, sizeof(t->cenc));
    t->crange_len = hd_hdr_copy(&rs->hdr, "content-range", t->crange, sizeof(t->crange));
    t->server_len = hd_hdr_copy(&rs->hdr, "server", t->server, sizeof(t->server));
    t->enc = ENC_NONE;
    if ((i = http1_header_find(&rs->hdr, "content-encoding", 0)) >= 0) {
        t->enc = hd_encoding(rs->hdr.h[i].value, rs->hdr.h[i].value_len);
        if (http1_header_find(&rs->hdr, "content-encoding", i + 1) >= 0)
            t->enc = ENC_OTHER; /* stacked codings: not undone */
    }
    t->mode = t->enc == ENC_NONE ? M_IDENTITY : M_INFLATE;
    if (t->enc == ENC_OTHER) {
        t->mode = M_RAW;
        t->flags |= TX_TRUNC | TX_NOHASH | TX_NODECODE;
    }
    if (rs->status == 206 && !hd_range_whole(t->crange, t->crange_len))
        t->flags |= TX_TRUNC; /* part of a file */
    SHA256_Init(&t->sha);
    http1_body_init(&t->body, kind, len);
    t->inbody = !t->body.done;
}

/* One response head at p[0..n); same returns as hd_request. */
static long hd_response(struct hd_state *st, struct dctx *cx, const uint8_t *p, size_t n)
{
    struct http1_resp rs;
    struct hd_req *front = hd_front(st);
    uint64_t len = 0;
    int head = http1_parse_response(p, n, &rs), kind;

    if (head <= 0)
        return head == 0 ? 0 : -1;
    kind = http1_resp_framing(&rs, front ? front->method_id : HTTP1_M_UNKNOWN, &len);
    if (kind < 0)
        return -1;
    st->recognised = 1;
    if (kind == HTTP1_BODY_INTERIM)
        return head; /* 100 Continue: the final response follows */
    hd_tx_start(st, &rs, kind, len);
    if (kind == HTTP1_BODY_TUNNEL) {
        st->tx.inbody = 0;
        hd_finish(st, cx, 1);
        st->tunnel = 1;
    } else if (!st->tx.inbody) {
        hd_finish(st, cx, 1);
    }
    return head;
}

/* Control bytes where a start line should be: this is not HTTP any more. */
static int hd_binary(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n && i < HD_BINARY_LOOK; i++)
        if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\r' && p[i] != '\n') || p[i] == 0x7f)
            return 1;
    return 0;
}

/* ---- the dissector ------------------------------------------------------------ */

static int hd_probe(const struct flow_info *fi, int dir, const uint8_t *p, size_t n)
{
    (void)fi;
    if (dir == DIR_TO_SERVER) {
        struct http1_req q;
        int rc = http1_parse_request(p, n, &q);
        size_t s = 0;

        if (rc != 0)
            return rc > 0 ? PROBE_YES : PROBE_NO;
        /* every byte so far is valid: a whole request line is enough */
        while (s < n && (p[s] == '\r' || p[s] == '\n'))
            s++;
        return s < n && memchr(p + s, '\n', n - s) ? PROBE_YES : PROBE_MAYBE;
    }
    if (n < 7)
        return n && memcmp(p, "HTTP/1.", n) == 0 ? PROBE_MAYBE : PROBE_NO;
    return memcmp(p, "HTTP/1.", 7) == 0 ? PROBE_YES : PROBE_NO;
}

/* Response bytes: bodies streamed, heads parsed. */
static int hd_feed_client(struct hd_state *st, struct dctx *cx, const uint8_t *p, size_t n)
{
    struct hd_tx *t = &st->tx;
    size_t off = 0;

    while (off < n) {
        long r;

        if (t->active && t->inbody) {
            const uint8_t *d;
            size_t dl, u;
            int rc = http1_body_feed(&t->body, p + off, n - off, &d, &dl, &u);

            off += u;
            t->wire += u;
            if (dl)
                hd_body_data(st, cx, d, dl);
            if (rc < 0) {
                st->http_errors++;
                st->resync[DIR_TO_CLIENT] = 1;
            }
            if (rc != 0)
                hd_finish(st, cx, rc == 1);
            continue;
        }
        if (st->resync[DIR_TO_CLIENT]) {
            int found;

            off += http1_resync(p + off, n - off, 1, 1, HD_RESYNC_KEEP, &found);
            if (!found)
                return (int)off;
            st->resync[DIR_TO_CLIENT] = 0;
        }
        r = hd_response(st, cx, p + off, n - off);
        if (r == 0)
            break;
        if (r < 0) {
            if (!st->recognised || hd_binary(p + off, n - off))
                return DISSECT_REJECT;
            st->http_errors++;
            st->resync[DIR_TO_CLIENT] = 1;
            off++; /* past the start of the bad message */
            continue;
        }
        off += (size_t)r;
        if (st->tunnel)
            return DISSECT_DONE;
    }
    return (int)off;
}

/* Request bytes: heads parsed, bodies counted and sampled. */
static int hd_feed_server(struct hd_state *st, struct dctx *cx, const uint8_t *p, size_t n)
{
    size_t off = 0;

    while (off < n) {
        long r;

        if (st->in_rbody) {
            int err = 0;

            off += hd_req_body(st, p + off, n - off, &err);
            if (err) {
                st->http_errors++;
                st->resync[DIR_TO_SERVER] = 1;
            }
            continue;
        }
        if (st->resync[DIR_TO_SERVER]) {
            int found;

            off += http1_resync(p + off, n - off, 0, 1, HD_RESYNC_KEEP, &found);
            if (!found)
                return (int)off;
            st->resync[DIR_TO_SERVER] = 0;
        }
        r = hd_request(st, cx, p + off, n - off);
        if (r == 0)
            break;
        if (r < 0) {
            if (!st->recognised || hd_binary(p + off, n - off))
                return DISSECT_REJECT;
            st->http_errors++;
            st->resync[DIR_TO_SERVER] = 1;
            off++;
            continue;
        }
        off += (size_t)r;
    }
    return (int)off;
}

static int hd_feed(void *vst, struct dctx *cx, int dir, const uint8_t *p, size_t n)
{
    struct hd_state *st = vst;
    int d = dir ? DIR_TO_CLIENT : DIR_TO_SERVER, rc;

    if (n > INT_MAX)
        n = INT_MAX;
    if (st->tunnel)
        return DISSECT_DONE;
    if (st->dead[d])
        return (int)n;
    rc = d == DIR_TO_CLIENT ? hd_feed_client(st, cx, p, n) : hd_feed_server(st, cx, p, n);
    if (rc == DISSECT_REJECT)
        hd_flush(st, cx); /* no end() follows a reject: report and return everything now */
    return rc;
}

/*
 * Bytes lost at the current position of `dir`. A body whose end is still known
 * (Content-Length, close) keeps its place; anything else loses the framing.
 */
static void hd_gap(void *vst, struct dctx *cx, int dir, uint32_t missing)
{
    struct hd_state *st = vst;
    struct hd_tx *t = &st->tx;
    int d = dir ? DIR_TO_CLIENT : DIR_TO_SERVER;

    if (st->tunnel || st->dead[d])
        return;
    if (d == DIR_TO_CLIENT) {
        if (t->active && t->inbody) {
            hd_stop(st, cx, TX_TRUNC | TX_NOHASH); /* a hash of part of a body misleads */
            if (t->body.kind == HTTP1_BODY_CLOSE ||
                (t->body.kind == HTTP1_BODY_LENGTH && missing <= t->body.remaining)) {
                t->raw += missing; /* body bytes that existed: counted, not seen */
                if (t->mode == M_IDENTITY)
                    t->size += missing;
            }
            if (t->body.kind == HTTP1_BODY_CLOSE) {
                t->wire += missing;
                return;
            }
            if (t->body.kind == HTTP1_BODY_LENGTH && missing <= t->body.remaining) {
                t->wire += missing;
                if (missing < t->body.remaining) {
                    http1_body_init(&t->body, HTTP1_BODY_LENGTH, t->body.remaining - missing);
                    return;
                }
                hd_finish(st, cx, 0);
                return; /* the next response starts right after the gap */
            }
            hd_finish(st, cx, 0);
        }
        st->resync[d] = 0;
        st->dead[d] = 1;
        return;
    }
    if (st->in_rbody && st->rbody.kind == HTTP1_BODY_LENGTH && missing <= st->rbody.remaining) {
        struct hd_req *r = hd_find(st, st->fill_seq);

        if (r)
            r->body += missing;
        if (missing < st->rbody.remaining) {
            http1_body_init(&st->rbody, HTTP1_BODY_LENGTH, st->rbody.remaining - missing);
        } else {
            st->in_rbody = 0;
            st->fill_seq = 0;
        }
        return;
    }
    st->in_rbody = 0;
    st->fill_seq = 0;
    st->resync[d] = 0;
    st->dead[d] = 1;
}

static void hd_end(void *vst, struct dctx *cx)
{
    hd_flush(vst, cx);
}

const struct dissector http_download_dissector = {
    .name = "http",
    .app_proto = "HTTP",
    .ipproto = 6,
    .state_size = sizeof(struct hd_state),
    .max_tail = HD_MAX_TAIL,
    .probe = hd_probe,
    .feed = hd_feed,
    .gap = hd_gap,
    .end = hd_end,
};
