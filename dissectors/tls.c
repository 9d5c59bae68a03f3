/*
 * tls.c - the cleartext start of a TLS session: the client's ClientHello and
 * the server's ServerHello, reported as one "tls.hello" fact with the SNI,
 * the ALPN list, the version and the JA3 / JA3S fingerprints.
 *
 * What it does: gathers the handshake fragments of the hello from as many
 * TLS records and TCP segments as it takes (at most TLS_HELLO_MAX bytes) in
 * the flow state, parses the hello with every length checked against the
 * bytes it has, and builds the JA3 string exactly as Salesforce's ja3.py does
 * ("SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats",
 * GREASE values left out of every list) and JA3S as ja3s.py does
 * ("SSLVersion,Cipher,Extensions"). The engine renders the MD5 of the strings.
 * The fact goes out when the ServerHello is parsed, or at a server-side gap or
 * at end() when no ServerHello came.
 *
 * What it deliberately does not do: decrypt anything or look past the hellos
 * (certificates of TLS 1.2 are left alone too), SSLv2-compatible hellos, a
 * second ClientHello after a HelloRetryRequest (the HRR stands for the
 * ServerHello), DTLS, and no judging of SNI or fingerprints: signatures do.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "dissector.h"

#define TLS_REC_HDR    5
#define TLS_RECORD_MAX 16384 /* plaintext record limit, RFC 8446 5.1 */
#define TLS_HS_HDR     4
#define TLS_HELLO_MAX  16384 /* largest hello message body gathered */
#define TLS_SNI_MAX    255
#define TLS_ALPN_MAX   8
#define TLS_ALPN_BUF   512
#define TLS_JA3_MAX    1500
#define TLS_JA3S_MAX   512

#define TLS_CT_HANDSHAKE    22
#define TLS_HS_CLIENT_HELLO 1
#define TLS_HS_SERVER_HELLO 2

#define TLS_EXT_SERVER_NAME        0
#define TLS_EXT_SUPPORTED_GROUPS   10
#define TLS_EXT_EC_POINT_FORMATS   11
#define TLS_EXT_ALPN               16
#define TLS_EXT_SUPPORTED_VERSIONS 43

enum tls_phase {
    TLS_WAIT_CLIENT = 0,
    TLS_WAIT_SERVER,
    TLS_DONE,
};

struct tls_state {
    uint8_t phase;
    uint8_t has_sni;
    uint8_t ja3_truncated;
    uint8_t ja3s_truncated;
    uint8_t seen_server;
    uint8_t nalpn;
    uint16_t client_version; /* ClientHello legacy_version */
    uint16_t offered;        /* highest offered: supported_versions, else legacy */
    uint16_t negotiated;     /* from the ServerHello */
    uint16_t sni_len;
    uint16_t ja3_len;
    uint16_t ja3s_len;
    uint16_t alpn_used;
    uint16_t alpn_off[TLS_ALPN_MAX];
    uint8_t alpn_len[TLS_ALPN_MAX];
    uint32_t hs_len; /* bytes of hs[] in use */
    char sni[TLS_SNI_MAX];
    char alpn[TLS_ALPN_BUF];
    char ja3[TLS_JA3_MAX];
    char ja3s[TLS_JA3S_MAX];
    uint8_t hs[TLS_HS_HDR + TLS_HELLO_MAX];
};

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

/* RFC 8701: 0x0a0a, 0x1a1a, ... 0xfafa. */
static int tls_grease(uint16_t v)
{
    return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
}

/* ---- a bounded reader over one hello ---------------------------------- */

struct tls_cur {
    const uint8_t *p;
    size_t n, off;
    int bad;
};

static int cur_u8(struct tls_cur *c)
{
    if (c->bad || c->n - c->off < 1) {
        c->bad = 1;
        return 0;
    }
    return c->p[c->off++];
}

static int cur_u16(struct tls_cur *c)
{
    int v;

    if (c->bad || c->n - c->off < 2) {
        c->bad = 1;
        return 0;
    }
    v = rd16(c->p + c->off);
    c->off += 2;
    return v;
}

/* Returns a view of the next len bytes, or NULL (and marks the reader bad). */
static const uint8_t *cur_take(struct tls_cur *c, size_t len)
{
    const uint8_t *s;

    if (c->bad || c->n - c->off < len) {
        c->bad = 1;
        return NULL;
    }
    s = c->p + c->off;
    c->off += len;
    return s;
}

/* ---- the JA3 string writer ------------------------------------------------ */

struct tls_str {
    char *s;
    size_t cap, len;
    int over; /* something did not fit: the string must not be used */
};

static void str_putc(struct tls_str *w, char ch)
{
    if (w->len + 1 > w->cap) {
        w->over = 1;
        return;
    }
    w->s[w->len++] = ch;
}

static void str_uint(struct tls_str *w, unsigned v)
{
    char d[12];
    int k = 0;

    do {
        d[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (k > 0)
        str_putc(w, d[--k]);
}

/* Appends the non-GREASE 16-bit values of list[0..len) joined with '-'. */
static void str_list16(struct tls_str *w, const uint8_t *list, size_t len)
{
    int first = 1;

    for (size_t i = 0; i + 1 < len; i += 2) {
        uint16_t v = rd16(list + i);

        if (tls_grease(v))
            continue;
        if (!first)
            str_putc(w, '-');
        str_uint(w, v);
        first = 0;
    }
}

static const char *tls_version_text(uint16_t v, char *buf, size_t cap)
{
    switch (v) {
    case 0x0300:
        return "SSLv3";
    case 0x0301:
        return "TLSv1.0";
    case 0x0302:
        return "TLSv1.1";
    case 0x0303:
        return "TLSv1.2";
    case 0x0304:
        return "TLSv1.3";
    }
    snprintf(buf, cap, "0x%04x", (unsigned)v);
    return buf;
}

/* ---- gathering a hello from records ------------------------------------- */

/* The body length the handshake header in hs[] announces. */
static size_t tls_hs_body_len(const struct tls_state *st)
{
    return (size_t)st->hs[1] << 16 | (size_t)st->hs[2] << 8 | st->hs[3];
}

enum {
    TLS_GATHER_MORE = 0,   /* *used bytes taken; the hello is not complete yet */
    TLS_GATHER_DONE = 1,   /* hs[] holds the whole hello; *used bytes taken */
    TLS_GATHER_OTHER = -1, /* a TLS record that is not a handshake (alert, ...) */
    TLS_GATHER_BAD = -2,   /* not TLS, or a hello we will not hold */
};

/*
 * Copies the fragments of whole handshake records from p[0..n) into st->hs
 * until the handshake message of type `want` is complete. A partial record is
 * left for the engine to offer again with more bytes.
 */
static int tls_gather(struct tls_state *st, const uint8_t *p, size_t n, uint8_t want, size_t *used)
{
    size_t off = 0;

    *used = 0;
    while (n - off >= TLS_REC_HDR) {
        const uint8_t *r = p + off;
        size_t rlen = rd16(r + 3), room, copy;

        if (r[1] != 3 || r[2] > 4 || rlen == 0 || rlen > TLS_RECORD_MAX)
            return TLS_GATHER_BAD;
        if (r[0] != TLS_CT_HANDSHAKE)
            return r[0] >= 20 && r[0] <= 24 ? TLS_GATHER_OTHER : TLS_GATHER_BAD;
        if (n - off < TLS_REC_HDR + rlen)
            break;
        room = sizeof(st->hs) - st->hs_len;
        copy = rlen < room ? rlen : room;
        memcpy(st->hs + st->hs_len, r + TLS_REC_HDR, copy);
        st->hs_len += (uint32_t)copy;
        off += TLS_REC_HDR + rlen;
        *used = off;
        if (st->hs_len >= 1 && st->hs[0] != want)
            return TLS_GATHER_BAD;
        if (st->hs_len >= TLS_HS_HDR) {
            size_t mlen = tls_hs_body_len(st);

            if (mlen > TLS_HELLO_MAX)
                return TLS_GATHER_BAD;
            /* the rest of the record may hold the next messages: not ours */
            if (st->hs_len >= TLS_HS_HDR + mlen)
                return TLS_GATHER_DONE;
        }
    }
    return TLS_GATHER_MORE;
}

/* ---- ClientHello ---------------------------------------------------------- */

static void tls_alpn_keep(struct tls_state *st, const uint8_t *s, size_t len)
{
    if (st->nalpn >= TLS_ALPN_MAX || len > (size_t)TLS_ALPN_BUF - st->alpn_used)
        return;
    memcpy(st->alpn + st->alpn_used, s, len);
    st->alpn_off[st->nalpn] = st->alpn_used;
    st->alpn_len[st->nalpn] = (uint8_t)len;
    st->alpn_used += (uint16_t)len;
    st->nalpn++;
}

static int tls_ext_sni(struct tls_state *st, struct tls_cur *e)
{
    struct tls_cur l = {0};
    size_t llen = (size_t)cur_u16(e);

    l.p = cur_take(e, llen);
    l.n = llen;
    if (!l.p)
        return -1;
    while (l.off < l.n) {
        int type = cur_u8(&l);
        size_t len = (size_t)cur_u16(&l);
        const uint8_t *name = cur_take(&l, len);

        if (!name)
            return -1;
        if (type == 0 && !st->has_sni) {
            st->sni_len = (uint16_t)(len < TLS_SNI_MAX ? len : TLS_SNI_MAX);
            memcpy(st->sni, name, st->sni_len);
            st->has_sni = 1;
        }
    }
    return 0;
}

static int tls_ext_alpn(struct tls_state *st, struct tls_cur *e)
{
    struct tls_cur l = {0};
    size_t llen = (size_t)cur_u16(e);

    l.p = cur_take(e, llen);
    l.n = llen;
    if (!l.p)
        return -1;
    while (l.off < l.n) {
        size_t len = (size_t)cur_u8(&l);
        const uint8_t *proto = cur_take(&l, len);

        if (!proto || len == 0)
            return -1;
        tls_alpn_keep(st, proto, len);
    }
    return 0;
}

static int tls_ext_versions(struct tls_state *st, struct tls_cur *e)
{
    size_t len = (size_t)cur_u8(e);
    const uint8_t *v = cur_take(e, len);

    if (!v || len % 2)
        return -1;
    for (size_t i = 0; i < len; i += 2) {
        uint16_t ver = rd16(v + i);

        /* drafts (0x7fxx) and GREASE are not versions one can name */
        if ((ver >> 8) == 3 && !tls_grease(ver) && ver > st->offered)
            st->offered = ver;
    }
    return 0;
}

/* Views into the hello that the JA3 string is built from. */
struct tls_lists {
    const uint8_t *groups, *formats;
    size_t ngroups, nformats; /* bytes */
};

static int tls_client_ext(struct tls_state *st, uint16_t type, struct tls_cur *e,
                          struct tls_lists *ls)
{
    size_t len;

    switch (type) {
    case TLS_EXT_SERVER_NAME:
        return tls_ext_sni(st, e);
    case TLS_EXT_SUPPORTED_GROUPS:
        len = (size_t)cur_u16(e);
        if (!ls->groups) {
            ls->groups = cur_take(e, len);
            ls->ngroups = len;
            return ls->groups && len % 2 == 0 ? 0 : -1;
        }
        return 0;
    case TLS_EXT_EC_POINT_FORMATS:
        len = (size_t)cur_u8(e);
        if (!ls->formats) {
            ls->formats = cur_take(e, len);
            ls->nformats = len;
            return ls->formats ? 0 : -1;
        }
        return 0;
    case TLS_EXT_ALPN:
        return tls_ext_alpn(st, e);
    case TLS_EXT_SUPPORTED_VERSIONS:
        return tls_ext_versions(st, e);
    }
    return 0;
}

/*
 * Parses the ClientHello body m[0..n) and builds the JA3 string. Returns 0,
 * or -1 when the hello is malformed.
 */
static int tls_client_hello(struct tls_state *st, const uint8_t *m, size_t n)
{
    struct tls_cur c = {.p = m, .n = n};
    struct tls_str w = {.s = st->ja3, .cap = sizeof(st->ja3)};
    struct tls_lists ls = {0};
    const uint8_t *ciphers, *exts = NULL;
    size_t nciphers, nexts = 0;
    int first;

    st->client_version = (uint16_t)cur_u16(&c);
    st->offered = st->client_version;
    cur_take(&c, 32);                 /* random */
    cur_take(&c, (size_t)cur_u8(&c)); /* legacy_session_id */
    nciphers = (size_t)cur_u16(&c);
    ciphers = cur_take(&c, nciphers);
    cur_take(&c, (size_t)cur_u8(&c)); /* legacy_compression_methods */
    if (c.bad || nciphers % 2)
        return -1;
    if (c.off < c.n) { /* extensions are optional before TLS 1.2 */
        nexts = (size_t)cur_u16(&c);
        exts = cur_take(&c, nexts);
        if (!exts)
            return -1;
    }

    str_uint(&w, st->client_version);
    str_putc(&w, ',');
    str_list16(&w, ciphers, nciphers);
    str_putc(&w, ',');

    struct tls_cur e = {.p = exts, .n = nexts};

    first = 1;
    while (e.off < e.n) {
        uint16_t type = (uint16_t)cur_u16(&e);
        size_t len = (size_t)cur_u16(&e);
        struct tls_cur body = {.p = cur_take(&e, len), .n = len};

        if (!body.p)
            return -1;
        if (tls_client_ext(st, type, &body, &ls) < 0 || body.bad)
            return -1;
        if (tls_grease(type))
            continue;
        if (!first)
            str_putc(&w, '-');
        str_uint(&w, type);
        first = 0;
    }
    str_putc(&w, ',');
    if (ls.groups)
        str_list16(&w, ls.groups, ls.ngroups);
    str_putc(&w, ',');
    for (size_t i = 0; ls.formats && i < ls.nformats; i++) {
        if (i > 0)
            str_putc(&w, '-');
        str_uint(&w, ls.formats[i]);
    }
    st->ja3_len = (uint16_t)w.len;
    st->ja3_truncated = (uint8_t)w.over;
    return 0;
}

/* ---- ServerHello ---------------------------------------------------------- */

/* Parses the ServerHello body m[0..n) and builds JA3S. Returns 0 or -1. */
static int tls_server_hello(struct tls_state *st, const uint8_t *m, size_t n)
{
    struct tls_cur c = {.p = m, .n = n};
    struct tls_str w = {.s = st->ja3s, .cap = sizeof(st->ja3s)};
    uint16_t version, cipher;
    size_t sidlen;
    int first = 1;

    version = (uint16_t)cur_u16(&c);
    cur_take(&c, 32);
    sidlen = (size_t)cur_u8(&c);
    cur_take(&c, sidlen);
    cipher = (uint16_t)cur_u16(&c);
    cur_u8(&c); /* compression */
    if (c.bad || sidlen > 32)
        return -1;
    st->negotiated = version;

    str_uint(&w, version);
    str_putc(&w, ',');
    str_uint(&w, cipher);
    str_putc(&w, ',');
    if (c.off < c.n) {
        size_t nexts = (size_t)cur_u16(&c);
        struct tls_cur e = {.p = cur_take(&c, nexts), .n = nexts};

        if (!e.p)
            return -1;
        while (e.off < e.n) {
            uint16_t type = (uint16_t)cur_u16(&e);
            size_t len = (size_t)cur_u16(&e);
            const uint8_t *body = cur_take(&e, len);

            if (!body)
                return -1;
            if (type == TLS_EXT_SUPPORTED_VERSIONS && len == 2)
                st->negotiated = rd16(body);
            /* ja3s.py keeps every server extension, GREASE included */
            if (!first)
                str_putc(&w, '-');
            str_uint(&w, type);
            first = 0;
        }
    }
    st->ja3s_len = (uint16_t)w.len;
    st->ja3s_truncated = (uint8_t)w.over;
    st->seen_server = 1;
    return 0;
}

/* ---- reporting ------------------------------------------------------------ */

static void tls_report(struct tls_state *st, struct dctx *cx)
{
    struct fact f;
    char vbuf[8];
    uint16_t version = st->seen_server ? st->negotiated : st->offered;

    st->phase = TLS_DONE;
    fact_init(&f, "tls", "tls.hello");
    if (st->has_sni)
        fact_str(&f, "sni", st->sni, st->sni_len);
    fact_cstr(&f, "version", tls_version_text(version, vbuf, sizeof(vbuf)));
    if (st->ja3_truncated) {
        fact_bool(&f, "ja3_truncated", 1);
    } else {
        fact_md5hex(&f, "ja3", st->ja3, st->ja3_len);
        fact_str(&f, "ja3_string", st->ja3, st->ja3_len);
    }
    if (st->seen_server && st->ja3s_truncated) {
        fact_bool(&f, "ja3s_truncated", 1);
    } else if (st->seen_server) {
        fact_md5hex(&f, "ja3s", st->ja3s, st->ja3s_len);
        fact_str(&f, "ja3s_string", st->ja3s, st->ja3s_len);
    }
    for (unsigned i = 0; i < st->nalpn; i++)
        fact_str_item(&f, "alpn", st->alpn + st->alpn_off[i], st->alpn_len[i]);
    cx->emit(cx, &f);
}

/* ---- the dissector -------------------------------------------------------- */

static int tls_probe(const struct flow_info *fi, int dir, const uint8_t *p, size_t n)
{
    size_t rlen;

    if (dir != DIR_TO_SERVER)
        return PROBE_NO; /* the client's hello is what we need */
    if ((n >= 1 && p[0] != TLS_CT_HANDSHAKE) || (n >= 2 && p[1] != 3) || (n >= 3 && p[2] > 4))
        return PROBE_NO;
    if (n < 6)
        return PROBE_MAYBE;
    rlen = rd16(p + 3);
    if (rlen == 0 || rlen > TLS_RECORD_MAX)
        return PROBE_NO;
    return p[5] == TLS_HS_CLIENT_HELLO ? PROBE_YES : PROBE_NO;
}

static int tls_feed_client(struct tls_state *st, const uint8_t *p, size_t n)
{
    size_t used;
    int rc = tls_gather(st, p, n, TLS_HS_CLIENT_HELLO, &used);

    if (rc == TLS_GATHER_MORE)
        return (int)used;
    if (rc != TLS_GATHER_DONE)
        return DISSECT_REJECT;
    /* hs[] may hold the start of the next message past the hello */
    if (tls_client_hello(st, st->hs + TLS_HS_HDR, tls_hs_body_len(st)) < 0)
        return DISSECT_REJECT;
    st->phase = TLS_WAIT_SERVER;
    st->hs_len = 0;
    return (int)n; /* nothing after the hello is needed from the client */
}

static int tls_feed_server(struct tls_state *st, struct dctx *cx, const uint8_t *p, size_t n)
{
    size_t used;
    int rc = tls_gather(st, p, n, TLS_HS_SERVER_HELLO, &used);

    if (rc == TLS_GATHER_MORE)
        return (int)used;
    /* an alert, or a server that is not TLS: the client's side still counts */
    if (rc == TLS_GATHER_DONE)
        tls_server_hello(st, st->hs + TLS_HS_HDR, tls_hs_body_len(st));
    tls_report(st, cx);
    return DISSECT_DONE;
}

static int tls_feed(void *vst, struct dctx *cx, int dir, const uint8_t *p, size_t n)
{
    struct tls_state *st = vst;

    if (n > INT_MAX) /* the return value must say how much was used */
        n = INT_MAX;
    switch (st->phase) {
    case TLS_WAIT_CLIENT:
        /* server bytes before the hello is whole: keep them for later */
        return dir == DIR_TO_SERVER ? tls_feed_client(st, p, n) : 0;
    case TLS_WAIT_SERVER:
        return dir == DIR_TO_CLIENT ? tls_feed_server(st, cx, p, n) : (int)n;
    }
    return DISSECT_DONE;
}

static void tls_gap(void *vst, struct dctx *cx, int dir, uint32_t missing)
{
    struct tls_state *st = vst;

    if (st->phase == TLS_WAIT_CLIENT && dir == DIR_TO_SERVER)
        st->phase = TLS_DONE; /* the hello is broken: nothing to report */
    else if (st->phase == TLS_WAIT_SERVER && dir == DIR_TO_CLIENT)
        tls_report(st, cx);
}

static void tls_end(void *vst, struct dctx *cx)
{
    struct tls_state *st = vst;

    if (st->phase == TLS_WAIT_SERVER)
        tls_report(st, cx);
    st->phase = TLS_DONE;
}

const struct dissector tls_dissector = {
    .name = "tls",
    .app_proto = "TLS",
    .ipproto = 6,
    .state_size = sizeof(struct tls_state),
    /* one whole record waits in the tail; a little slack for the next header */
    .max_tail = TLS_REC_HDR + TLS_RECORD_MAX + 256,
    .probe = tls_probe,
    .feed = tls_feed,
    .gap = tls_gap,
    .end = tls_end,
};
