/*
 * ioc.c - indicator lists (see ioc.h): a strict line loader and
 * allocation-free lookups of hosts, URLs and SHA-256 hashes.
 *
 * All indicators of a file share one open-addressing table (linear
 * probing, at most half full, sized once after the whole file is parsed),
 * keyed by (kind, key bytes):
 *  - domain: the lowercase name; its hash runs from the last byte towards
 *    the first, so one right-to-left pass over a queried name yields the
 *    hash of every label-boundary suffix (the idea of sig.c's lists);
 *  - ip: 16 bytes, IPv4 as ::ffff:a.b.c.d so both spellings meet;
 *  - url: the normalised URL, hashed left to right; prefix entries (a
 *    trailing '*') have their own key space, and a bitmap of the prefix
 *    lengths in use lets one forward pass over the normalised query probe
 *    exactly the lengths that exist;
 *  - sha256: the 32 raw bytes.
 * Strings (keys, values, campaigns, sources) live in one arena; entries
 * refer to them by offset.
 *
 * Deliberately not here: wildcard matching inside URLs or names, CIDR
 * ranges, per-entry expiry, file watching (the caller reloads).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "errfmt.h"
#include "ioc.h"

#define K_URLPFX 5 /* internal kind: URL prefix entries */
#define K_COUNT  6

/* A normalised URL is at most a few bytes longer than the line it came from. */
#define URL_CANON_MAX (IOC_LINE_MAX + 16)

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

struct ioc_entry {
    uint64_t key;  /* finalised hash of (kind, key bytes) */
    uint32_t koff; /* key bytes in the arena */
    uint32_t klen;
    uint32_t voff; /* NUL-terminated value, campaign, source */
    uint32_t coff;
    uint32_t soff;
    uint8_t kind;
};

struct ioc_set {
    char *arena;
    size_t alen, acap;
    struct ioc_entry *ent;
    unsigned nent, ecap;
    uint32_t *slots; /* entry index + 1; 0 = empty */
    uint64_t mask;
    unsigned count[K_COUNT];
    unsigned max_pfx;                       /* longest prefix key */
    uint8_t pfx_len[URL_CANON_MAX / 8 + 1]; /* bit L: a prefix key of length L exists */
};

struct where {
    const char *name;
    unsigned line;
};

__attribute__((format(printf, 4, 5))) static void
ioc_err(char *err, size_t errlen, const struct where *w, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    file_verr(err, errlen, w->name, w->line, fmt, ap);
    va_end(ap);
}

static inline unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static inline int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static inline int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* ---- hashing and the table ------------------------------------------------ */

static inline uint64_t hstep(uint64_t h, unsigned char c)
{
    return (h ^ c) * FNV_PRIME;
}

/* The table key of hash h in kind `kind` (a finaliser so close hashes spread). */
static inline uint64_t hfinal(uint64_t h, unsigned kind)
{
    h ^= (uint64_t)kind * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

static uint64_t hash_fwd(const char *p, size_t n)
{
    uint64_t h = FNV_OFFSET;

    for (size_t i = 0; i < n; i++)
        h = hstep(h, (unsigned char)p[i]);
    return h;
}

/* Right to left over lowercase bytes: the domain direction. */
static uint64_t hash_rev(const char *p, size_t n)
{
    uint64_t h = FNV_OFFSET;

    for (size_t i = n; i-- > 0;)
        h = hstep(h, lower((unsigned char)p[i]));
    return h;
}

/*
 * Finds the entry of `kind` whose key is k[0..n) (compared case-folded when
 * fold is set: the stored key is lowercase), given the key's raw hash h.
 */
static const struct ioc_entry *lookup(const struct ioc_set *s, unsigned kind, uint64_t h,
                                      const char *k, size_t n, int fold)
{
    uint64_t key = hfinal(h, kind), i = key & s->mask;

    while (s->slots[i]) {
        const struct ioc_entry *e = &s->ent[s->slots[i] - 1];

        if (e->key == key && e->kind == kind && e->klen == n) {
            const char *a = s->arena + e->koff;
            size_t j = 0;

            if (fold)
                while (j < n && a[j] == (char)lower((unsigned char)k[j]))
                    j++;
            else
                j = memcmp(a, k, n) == 0 ? n : 0;
            if (j == n)
                return e;
        }
        i = (i + 1) & s->mask;
    }
    return NULL;
}

static void fill(const struct ioc_set *s, const struct ioc_entry *e, struct ioc_match *m)
{
    if (!m)
        return;
    m->kind = e->kind == K_URLPFX ? IOC_URL : (enum ioc_kind)e->kind;
    m->value = s->arena + e->voff;
    m->campaign = s->arena + e->coff;
    m->source = s->arena + e->soff;
}

/* ---- parsing shared by the loader and the queries ------------------------- */

/* Strict dotted quad, no leading zeros; writes ::ffff:a.b.c.d. Returns 0 or -1. */
static int parse_v4(const char *p, size_t n, uint8_t out[16])
{
    size_t i = 0;

    for (int part = 0; part < 4; part++) {
        size_t start = i;
        unsigned v = 0;

        while (i < n && is_digit((unsigned char)p[i]) && i - start < 3)
            v = v * 10 + (unsigned)(p[i++] - '0');
        if (i == start || v > 255 || (i - start > 1 && p[start] == '0'))
            return -1;
        out[12 + part] = (uint8_t)v;
        if (part < 3) {
            if (i >= n || p[i] != '.')
                return -1;
            i++;
        }
    }
    if (i != n)
        return -1;
    memset(out, 0, 10);
    out[10] = out[11] = 0xff;
    return 0;
}

static int parse_v6(const char *p, size_t n, uint8_t out[16])
{
    char buf[INET6_ADDRSTRLEN];

    if (n == 0 || n >= sizeof(buf) || memchr(p, '\0', n))
        return -1;
    memcpy(buf, p, n);
    buf[n] = '\0';
    return inet_pton(AF_INET6, buf, out) == 1 ? 0 : -1;
}

/* Port digits; empty means "default" (returned as 0). Returns -1 if bad. */
static long parse_port(const char *p, size_t n)
{
    long v = 0;

    for (size_t i = 0; i < n; i++) {
        if (!is_digit((unsigned char)p[i]))
            return -1;
        v = v * 10 + (p[i] - '0');
        if (v > 65535)
            return -1;
    }
    return v;
}

static int hexval(unsigned char c)
{
    if (is_digit(c))
        return c - '0';
    c = lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int parse_sha256(const char *p, size_t n, uint8_t out[32])
{
    if (n != 64)
        return -1;
    for (size_t i = 0; i < 32; i++) {
        int hi = hexval((unsigned char)p[2 * i]), lo = hexval((unsigned char)p[2 * i + 1]);

        if (hi < 0 || lo < 0)
            return -1;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return 0;
}

struct url_parts {
    int https;
    const char *host; /* with the brackets of an IPv6 literal, without a trailing dot */
    size_t hostn;
    long port;        /* 0: default */
    const char *rest; /* path and query, fragment cut */
    size_t restn;
};

static int no_ctl(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)p[i] <= 0x20 || (unsigned char)p[i] == 0x7f)
            return 0;
    return 1;
}

/*
 * Splits an absolute http(s) URL, or an origin-form target with its Host
 * value, into the parts normalisation needs. Returns 0 or -1 (not an
 * http(s) URL, bad port, blank or control bytes).
 */
static int url_split(const char *host, size_t hlen, const char *t, size_t tlen, struct url_parts *u)
{
    const char *a;
    size_t an, i, sch;

    memset(u, 0, sizeof(*u));
    if (tlen && t[0] == '/') {
        if (!host || hlen == 0 || memchr(host, '/', hlen) || memchr(host, '?', hlen) ||
            memchr(host, '#', hlen))
            return -1; /* a Host value is an authority, nothing more */
        a = host;
        an = hlen;
        u->rest = t;
        u->restn = tlen;
    } else {
        for (sch = 0; sch < tlen && sch < 8 && t[sch] != ':'; sch++)
            ;
        if (tlen - sch < 3 || memcmp(t + sch, "://", 3) != 0)
            return -1;
        if (sch == 4 && strncasecmp(t, "http", 4) == 0)
            u->https = 0;
        else if (sch == 5 && strncasecmp(t, "https", 5) == 0)
            u->https = 1;
        else
            return -1;
        a = t + sch + 3;
        for (an = 0; a + an < t + tlen && a[an] != '/' && a[an] != '?' && a[an] != '#'; an++)
            ;
        u->rest = a + an;
        u->restn = tlen - (size_t)(u->rest - t);
    }
    for (i = an; i-- > 0;)
        if (a[i] == '@') { /* userinfo never names the server */
            a += i + 1;
            an -= i + 1;
            break;
        }
    if (an == 0)
        return -1;
    if (a[0] == '[') {
        const char *rb = memchr(a, ']', an);
        size_t hn;

        if (!rb)
            return -1;
        hn = (size_t)(rb - a) + 1;
        u->host = a;
        u->hostn = hn;
        if (hn < an) {
            if (a[hn] != ':' || (u->port = parse_port(a + hn + 1, an - hn - 1)) < 0)
                return -1;
        }
    } else {
        const char *c = memchr(a, ':', an);

        u->host = a;
        u->hostn = c ? (size_t)(c - a) : an;
        if (c && (u->port = parse_port(c + 1, an - u->hostn - 1)) < 0)
            return -1;
        if (u->hostn && a[u->hostn - 1] == '.')
            u->hostn--;
    }
    if (u->hostn == 0 || !no_ctl(u->host, u->hostn))
        return -1;
    for (i = 0; i < u->restn; i++)
        if (u->rest[i] == '#') {
            u->restn = i;
            break;
        }
    if (!no_ctl(u->rest, u->restn))
        return -1;
    if (u->port == (u->https ? 443 : 80))
        u->port = 0;
    return 0;
}

/* Appends n bytes (case-folded if fold) at *pos, keeping what fits in cap. */
static void put(char *out, size_t cap, size_t *pos, const char *p, size_t n, int fold)
{
    for (size_t i = 0; i < n; i++, (*pos)++)
        if (*pos < cap)
            out[*pos] = fold ? (char)lower((unsigned char)p[i]) : p[i];
}

/* Writes the normalised URL; returns its full length (only cap bytes are stored). */
static size_t url_write(const struct url_parts *u, char *out, size_t cap)
{
    size_t pos = 0;
    char port[8];

    put(out, cap, &pos, u->https ? "https://" : "http://", u->https ? 8 : 7, 0);
    put(out, cap, &pos, u->host, u->hostn, 1);
    if (u->port)
        put(out, cap, &pos, port, (size_t)snprintf(port, sizeof(port), ":%ld", u->port), 0);
    if (u->restn == 0 || u->rest[0] != '/')
        put(out, cap, &pos, "/", 1, 0);
    put(out, cap, &pos, u->rest, u->restn, 0);
    return pos;
}

/* ---- queries ---------------------------------------------------------------- */

static const struct ioc_entry *ip_lookup(const struct ioc_set *s, const uint8_t ip[16])
{
    return lookup(s, IOC_IP, hash_fwd((const char *)ip, 16), (const char *)ip, 16, 0);
}

/* The longest domain entry that is a label-boundary suffix of d[0..len). */
static const struct ioc_entry *domain_lookup(const struct ioc_set *s, const char *d, size_t len)
{
    const struct ioc_entry *best = NULL;
    uint64_t h = FNV_OFFSET;
    size_t start = 0;

    if (len > IOC_DOMAIN_MAX) {
        /* no entry is longer: start at the first label boundary that can match */
        start = len - IOC_DOMAIN_MAX;
        while (start < len && d[start - 1] != '.')
            start++;
    }
    for (size_t i = len; i-- > start;) {
        h = hstep(h, lower((unsigned char)d[i]));
        if (i == start || d[i - 1] == '.') {
            const struct ioc_entry *e = lookup(s, IOC_DOMAIN, h, d + i, len - i, 1);

            if (e)
                best = e;
        }
    }
    return best;
}

int ioc_match_host(const struct ioc_set *s, const char *host, size_t len, struct ioc_match *m)
{
    const struct ioc_entry *e = NULL;
    const char *c;
    uint8_t ip[16];

    if (!s || !host || len == 0)
        return 0;
    if (host[0] == '[') {
        const char *rb = memchr(host, ']', len);
        size_t after;

        if (!rb)
            return 0;
        after = len - (size_t)(rb - host) - 1;
        if (after && (rb[1] != ':' || parse_port(rb + 2, after - 1) < 0))
            return 0;
        if (parse_v6(host + 1, (size_t)(rb - host) - 1, ip) == 0)
            e = ip_lookup(s, ip);
    } else if ((c = memchr(host, ':', len)) && memchr(c + 1, ':', len - (size_t)(c - host) - 1)) {
        if (parse_v6(host, len, ip) == 0) /* bare IPv6: no port possible */
            e = ip_lookup(s, ip);
    } else {
        size_t n = c ? (size_t)(c - host) : len;

        if (c && parse_port(c + 1, len - n - 1) < 0)
            return 0;
        if (n && host[n - 1] == '.')
            n--;
        if (n == 0)
            return 0;
        if (parse_v4(host, n, ip) == 0)
            e = ip_lookup(s, ip);
        else
            e = domain_lookup(s, host, n);
    }
    if (!e)
        return 0;
    fill(s, e, m);
    return 1;
}

int ioc_match_url(const struct ioc_set *s, const char *host, size_t hlen, const char *target,
                  size_t tlen, struct ioc_match *m)
{
    char buf[URL_CANON_MAX];
    const struct ioc_entry *e = NULL;
    struct url_parts u;
    size_t n, avail;
    uint64_t h = FNV_OFFSET;

    if (!s || !target || url_split(host, hlen, target, tlen, &u) < 0)
        return 0;
    n = url_write(&u, buf, sizeof(buf));
    if (n <= sizeof(buf))
        e = lookup(s, IOC_URL, hash_fwd(buf, n), buf, n, 0);
    if (!e) {
        avail = n < s->max_pfx ? n : s->max_pfx; /* max_pfx < sizeof(buf) */
        for (size_t i = 0; i < avail; i++) {
            h = hstep(h, (unsigned char)buf[i]);
            if (s->pfx_len[(i + 1) / 8] & (1u << ((i + 1) % 8))) {
                const struct ioc_entry *p = lookup(s, K_URLPFX, h, buf, i + 1, 0);

                if (p)
                    e = p; /* keep going: the longest prefix wins */
            }
        }
    }
    if (!e)
        return 0;
    fill(s, e, m);
    return 1;
}

int ioc_match_sha256(const struct ioc_set *s, const char *hex, size_t len, struct ioc_match *m)
{
    const struct ioc_entry *e;
    uint8_t d[32];

    if (!s || !hex || parse_sha256(hex, len, d) < 0)
        return 0;
    e = lookup(s, IOC_SHA256, hash_fwd((const char *)d, 32), (const char *)d, 32, 0);
    if (!e)
        return 0;
    fill(s, e, m);
    return 1;
}

unsigned ioc_count(const struct ioc_set *s, enum ioc_kind k)
{
    if (!s || k < IOC_DOMAIN || k > IOC_SHA256)
        return 0;
    return s->count[k] + (k == IOC_URL ? s->count[K_URLPFX] : 0);
}

/* ---- loading ---------------------------------------------------------------- */

void ioc_free(struct ioc_set *s)
{
    if (!s)
        return;
    free(s->arena);
    free(s->ent);
    free(s->slots);
    free(s);
}

/* Copies n bytes (+ NUL when nul) into the arena; returns the offset or -1. */
static long arena_put(struct ioc_set *s, const void *p, size_t n, int nul)
{
    size_t need = s->alen + n + (nul ? 1 : 0);
    long off = (long)s->alen;

    if (need > UINT32_MAX)
        return -1;
    if (need > s->acap) {
        size_t cap = s->acap ? s->acap : 4096;
        char *a;

        while (cap < need)
            cap *= 2;
        a = realloc(s->arena, cap);
        if (!a)
            return -1;
        s->arena = a;
        s->acap = cap;
    }
    memcpy(s->arena + s->alen, p, n);
    s->alen += n;
    if (nul)
        s->arena[s->alen++] = '\0';
    return off;
}

static void show_char(char *out, size_t n, unsigned char c)
{
    if (c > 0x20 && c < 0x7f)
        snprintf(out, n, "'%c'", c);
    else
        snprintf(out, n, "\\x%02x", c);
}

/*
 * Checks a host name (DNS rules: letters, digits, '-', '_', '.', labels of
 * 1..63, at most 253 bytes). min_labels 2 for domain entries (a single label
 * would match a whole top-level domain), 1 for hosts inside URLs.
 */
static int name_ok(const char *p, size_t n, int min_labels, char *why, size_t whylen)
{
    size_t label = 0;
    int labels = 1, all_num = 1;
    char cs[8];

    if (n == 0 || n > IOC_DOMAIN_MAX) {
        snprintf(why, whylen, "name of %zu bytes (1..%d)", n, IOC_DOMAIN_MAX);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = lower((unsigned char)p[i]);

        if (c == '.') {
            if (label == 0) {
                snprintf(why, whylen, "empty label in name");
                return 0;
            }
            label = 0;
            labels++;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '-' || c == '_')) {
            show_char(cs, sizeof(cs), c);
            snprintf(why, whylen, "illegal character %s in name", cs);
            return 0;
        }
        all_num &= is_digit(c);
        if (++label > IOC_LABEL_MAX) {
            snprintf(why, whylen, "label longer than %d bytes", IOC_LABEL_MAX);
            return 0;
        }
    }
    if (label == 0) {
        snprintf(why, whylen, "empty label in name");
        return 0;
    }
    if (all_num) {
        snprintf(why, whylen, "'%.*s' is numeric: write an IP address as kind ip", (int)n, p);
        return 0;
    }
    if (labels < min_labels) {
        snprintf(why, whylen, "single-label name '%.*s' would match a whole top-level domain",
                 (int)n, p);
        return 0;
    }
    return 1;
}

/* Next blank-separated token from *pos; 0 at the end or at a '#' comment token. */
static int next_tok(const char *l, size_t n, size_t *pos, const char **tok, size_t *tn)
{
    size_t i = *pos;

    while (i < n && is_blank((unsigned char)l[i]))
        i++;
    if (i >= n || l[i] == '#') {
        *pos = n;
        return 0;
    }
    *tok = l + i;
    while (i < n && !is_blank((unsigned char)l[i]))
        i++;
    *tn = (size_t)(l + i - *tok);
    *pos = i;
    return 1;
}

/* Normalises one indicator of `kind` into key (arena) and value (arena). */
static int add_value(struct ioc_set *s, unsigned kind, const char *v, size_t vn,
                     struct ioc_entry *e, char *why, size_t whylen)
{
    uint8_t bin[32];
    char text[URL_CANON_MAX + 2];
    long koff, voff;
    size_t tn;

    switch (kind) {
    case IOC_DOMAIN:
        if (vn >= 2 && v[0] == '*' && v[1] == '.') {
            v += 2;
            vn -= 2;
        } else if (vn && v[0] == '.') {
            v++;
            vn--;
        }
        if (vn && v[vn - 1] == '.')
            vn--;
        if (!name_ok(v, vn, 2, why, whylen))
            return -1;
        for (size_t i = 0; i < vn; i++)
            text[i] = (char)lower((unsigned char)v[i]);
        if ((koff = arena_put(s, text, vn, 1)) < 0)
            return -2;
        e->koff = e->voff = (uint32_t)koff;
        e->klen = (uint32_t)vn;
        e->key = hfinal(hash_rev(text, vn), kind);
        return 0;
    case IOC_IP:
        if (parse_v4(v, vn, bin) < 0 && parse_v6(v, vn, bin) < 0) {
            snprintf(why, whylen, "'%.*s' is not an IPv4 or IPv6 address", (int)(vn > 64 ? 64 : vn),
                     v);
            return -1;
        }
        if (memcmp(bin, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0)
            tn = (size_t)snprintf(text, sizeof(text), "%u.%u.%u.%u", bin[12], bin[13], bin[14],
                                  bin[15]);
        else
            tn = inet_ntop(AF_INET6, bin, text, sizeof(text)) ? strlen(text) : 0;
        if ((koff = arena_put(s, bin, 16, 0)) < 0 || (voff = arena_put(s, text, tn, 1)) < 0)
            return -2;
        e->koff = (uint32_t)koff;
        e->voff = (uint32_t)voff;
        e->klen = 16;
        e->key = hfinal(hash_fwd((const char *)bin, 16), kind);
        return 0;
    case IOC_SHA256:
        if (parse_sha256(v, vn, bin) < 0) {
            snprintf(why, whylen, "sha256 must be 64 hex digits (got %zu bytes)", vn);
            return -1;
        }
        for (size_t i = 0; i < 64; i++)
            text[i] = (char)lower((unsigned char)v[i]);
        if ((koff = arena_put(s, bin, 32, 0)) < 0 || (voff = arena_put(s, text, 64, 1)) < 0)
            return -2;
        e->koff = (uint32_t)koff;
        e->voff = (uint32_t)voff;
        e->klen = 32;
        e->key = hfinal(hash_fwd((const char *)bin, 32), kind);
        return 0;
    default: { /* IOC_URL; a trailing '*' makes it a prefix */
        struct url_parts u;
        int pfx = vn > 1 && v[vn - 1] == '*';
        const char *sep;

        if (pfx)
            vn--;
        if (url_split(NULL, 0, v, vn, &u) < 0) {
            snprintf(why, whylen, "not an http:// or https:// URL with a valid port");
            return -1;
        }
        if (u.host[0] == '[') {
            if (parse_v6(u.host + 1, u.hostn - 2, bin) < 0) {
                snprintf(why, whylen, "bad IPv6 address in URL");
                return -1;
            }
        } else if (parse_v4(u.host, u.hostn, bin) < 0 && !name_ok(u.host, u.hostn, 1, why, whylen))
            return -1;
        sep = memchr(v, ':', vn); /* "://" exists: url_split checked */
        if (pfx && !memchr(sep + 3, '/', vn - (size_t)(sep + 3 - v))) {
            snprintf(why, whylen, "a prefix URL needs a path before its '*' (\"http://host/*\")");
            return -1;
        }
        tn = url_write(&u, text, sizeof(text) - 2);
        if (tn > sizeof(text) - 2) {
            snprintf(why, whylen, "URL too long");
            return -1;
        }
        if ((koff = arena_put(s, text, tn, 0)) < 0)
            return -2;
        if (pfx)
            text[tn++] = '*';
        if ((voff = arena_put(s, text, tn, 1)) < 0)
            return -2;
        e->kind = (uint8_t)(pfx ? K_URLPFX : IOC_URL);
        e->koff = (uint32_t)koff;
        e->voff = (uint32_t)voff;
        e->klen = (uint32_t)(pfx ? tn - 1 : tn);
        e->key = hfinal(hash_fwd(text, e->klen), e->kind);
        return 0;
    }
    }
}

/* Parses one line (no newline). Returns 0 (also for blank/comment), -1 with err. */
static int parse_line(struct ioc_set *s, const char *l, size_t n, const struct where *w, char *err,
                      size_t errlen)
{
    static const char *const kinds[] = {NULL, "domain", "ip", "url", "sha256"};
    const char *kt, *vt, *ct, *src;
    size_t kn, vn, cn, pos = 0, sn, i;
    unsigned kind = 0;
    struct ioc_entry e = {0};
    char why[160];
    long off;
    int r;

    if (n && l[n - 1] == '\r')
        n--;
    if (!next_tok(l, n, &pos, &kt, &kn))
        return 0;
    for (unsigned k = IOC_DOMAIN; k <= IOC_SHA256; k++)
        if (strlen(kinds[k]) == kn && memcmp(kinds[k], kt, kn) == 0)
            kind = k;
    if (!kind) {
        ioc_err(err, errlen, w, "unknown kind '%.*s' (domain, ip, url, sha256)",
                (int)(kn > 32 ? 32 : kn), kt);
        return -1;
    }
    if (!next_tok(l, n, &pos, &vt, &vn) || !next_tok(l, n, &pos, &ct, &cn)) {
        ioc_err(err, errlen, w, "expected: KIND VALUE CAMPAIGN SOURCE");
        return -1;
    }
    if (cn > IOC_CAMPAIGN_MAX) {
        ioc_err(err, errlen, w, "campaign longer than %d bytes", IOC_CAMPAIGN_MAX);
        return -1;
    }
    for (i = 0; i < cn; i++) {
        unsigned char c = (unsigned char)ct[i];

        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '-' ||
              c == '_' || c == '.')) {
            show_char(why, sizeof(why), c);
            ioc_err(err, errlen, w, "illegal character %s in campaign", why);
            return -1;
        }
    }
    /* the source is the rest of the line, up to a '#' token */
    while (pos < n && is_blank((unsigned char)l[pos]))
        pos++;
    src = l + pos;
    for (sn = 0; pos + sn < n && !(l[pos + sn] == '#' && is_blank((unsigned char)l[pos + sn - 1]));
         sn++)
        ;
    if (sn && src[0] == '#')
        sn = 0;
    while (sn && is_blank((unsigned char)src[sn - 1]))
        sn--;
    if (sn == 0) {
        ioc_err(err, errlen, w, "missing source (who published this indicator)");
        return -1;
    }
    if (sn > IOC_SOURCE_MAX) {
        ioc_err(err, errlen, w, "source longer than %d bytes", IOC_SOURCE_MAX);
        return -1;
    }
    for (i = 0; i < sn; i++)
        if (((unsigned char)src[i] < 0x20 && src[i] != '\t') || src[i] == 0x7f) {
            ioc_err(err, errlen, w, "control byte in source");
            return -1;
        }
    if (s->nent >= IOC_MAX_ENTRIES) {
        ioc_err(err, errlen, w, "more than %d entries", IOC_MAX_ENTRIES);
        return -1;
    }
    e.kind = (uint8_t)kind;
    r = add_value(s, kind, vt, vn, &e, why, sizeof(why));
    if (r == -1) {
        ioc_err(err, errlen, w, "%s %s", kinds[kind], why);
        return -1;
    }
    if (r < 0 || (off = arena_put(s, ct, cn, 1)) < 0)
        goto nomem;
    e.coff = (uint32_t)off;
    if ((off = arena_put(s, src, sn, 1)) < 0)
        goto nomem;
    e.soff = (uint32_t)off;
    if (s->nent == s->ecap) {
        unsigned cap = s->ecap ? s->ecap * 2 : 64;
        struct ioc_entry *g = realloc(s->ent, cap * sizeof(*g));

        if (!g)
            goto nomem;
        s->ent = g;
        s->ecap = cap;
    }
    s->ent[s->nent++] = e;
    return 0;
nomem:
    ioc_err(err, errlen, w, "out of memory");
    return -1;
}

/* Sizes the table once and inserts every distinct entry. */
static int build_table(struct ioc_set *s)
{
    uint64_t slots = 16;

    while (slots < (uint64_t)s->nent * 2)
        slots <<= 1;
    s->slots = calloc(slots, sizeof(*s->slots));
    if (!s->slots)
        return -1;
    s->mask = slots - 1;
    for (unsigned k = 0; k < s->nent; k++) {
        const struct ioc_entry *e = &s->ent[k];
        uint64_t i = e->key & s->mask;
        int dup = 0;

        while (s->slots[i]) {
            const struct ioc_entry *o = &s->ent[s->slots[i] - 1];

            if (o->key == e->key && o->kind == e->kind && o->klen == e->klen &&
                memcmp(s->arena + o->koff, s->arena + e->koff, e->klen) == 0) {
                dup = 1; /* the first line wins */
                break;
            }
            i = (i + 1) & s->mask;
        }
        if (dup)
            continue;
        s->slots[i] = k + 1;
        s->count[e->kind]++;
        if (e->kind == K_URLPFX) {
            s->pfx_len[e->klen / 8] |= (uint8_t)(1u << (e->klen % 8));
            if (e->klen > s->max_pfx)
                s->max_pfx = e->klen;
        }
    }
    return 0;
}

struct ioc_set *ioc_load_mem(const char *name, const char *text, size_t len, char *err,
                             size_t errlen)
{
    struct where w = {.name = name ? name : "(memory)", .line = 0};
    struct ioc_set *s;
    size_t pos = 0;

    if (len > IOC_FILE_MAX || (len && !text)) {
        ioc_err(err, errlen, &w, "larger than %u bytes", IOC_FILE_MAX);
        return NULL;
    }
    s = calloc(1, sizeof(*s));
    if (!s) {
        ioc_err(err, errlen, &w, "out of memory");
        return NULL;
    }
    while (pos < len) {
        const char *l = text + pos, *nl = memchr(l, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - l) : len - pos;

        w.line++;
        if (n > IOC_LINE_MAX) {
            ioc_err(err, errlen, &w, "line longer than %d bytes", IOC_LINE_MAX);
            goto fail;
        }
        if (memchr(l, '\0', n)) {
            ioc_err(err, errlen, &w, "NUL byte");
            goto fail;
        }
        if (parse_line(s, l, n, &w, err, errlen) < 0)
            goto fail;
        pos += n + 1;
    }
    w.line = 0;
    if (build_table(s) < 0) {
        ioc_err(err, errlen, &w, "out of memory for %u entries", s->nent);
        goto fail;
    }
    return s;
fail:
    ioc_free(s);
    return NULL;
}

struct ioc_set *ioc_load(const char *path, char *err, size_t errlen)
{
    struct where w = {.name = path ? path : "(null)", .line = 0};
    struct ioc_set *s;
    struct stat st;
    FILE *f;
    char *buf;

    if (!path || !(f = fopen(path, "rb"))) {
        ioc_err(err, errlen, &w, "%s", strerror(path ? errno : EINVAL));
        return NULL;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        ioc_err(err, errlen, &w, "not a regular file");
        fclose(f);
        return NULL;
    }
    if (st.st_size > (off_t)IOC_FILE_MAX) {
        ioc_err(err, errlen, &w, "larger than %u bytes", IOC_FILE_MAX);
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)st.st_size + 1);
    if (!buf || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
        ioc_err(err, errlen, &w, "cannot read");
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    s = ioc_load_mem(path, buf, (size_t)st.st_size, err, errlen);
    free(buf);
    return s;
}
