/*
 * c2_policy.c - the verdict on HTTP transfers and the IOC check of names
 * (contract in c2_policy.h).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "c2_policy.h"
#include "util.h"

/* Signal weights, added to the indicators' score (see c2_policy.h). */
#define W_EXEC_FROM_IP   20 /* a script or binary whose URL names an address */
#define W_DOWNLOADER     10 /* fetched by curl, wget, python, ... */
#define W_BINARY_FROM_IP 30 /* an ELF or PE from an address: droppers, never vendors */
#define SCORE_CAP        100

static int str_field(const struct fact *f, const char *name, const char **s, size_t *len)
{
    const struct fact_field *ff = fact_get(f, name);

    if (!ff || ff->type != FV_STR)
        return 0;
    *s = ff->v.s;
    *len = ff->len;
    return 1;
}

static int bool_field(const struct fact *f, const char *name)
{
    const struct fact_field *ff = fact_get(f, name);

    return ff && ff->type == FV_BOOL && ff->v.u;
}

static int is(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);

    return len == n && memcmp(s, lit, n) == 0;
}

/* The tools droppers fetch with (User-Agent prefixes, any case). */
static int downloader_ua(const char *ua, size_t len)
{
    static const char *const tools[] = {
        "curl/",           "wget",        "python-urllib/", "python-requests/", "python/",
        "go-http-client/", "libwww-perl", "lwp::simple",    "aria2/",           "httpie/",
        "fetch libfetch",  "busybox",     "powershell",     "winhttp",          NULL,
    };

    for (unsigned i = 0; tools[i]; i++) {
        size_t n = strlen(tools[i]);
        if (len >= n && strncasecmp(ua, tools[i], n) == 0)
            return 1;
    }
    return 0;
}

/* Adds a + b, copied into sc->buf (bounded), as field `name` (an array item or not). */
static void add_text(struct c2_scratch *sc, size_t *used, const char *name, int item, const char *a,
                     const char *b)
{
    int n = snprintf(sc->buf + *used, sizeof(sc->buf) - *used, "%s%s", a, b ? b : "");

    if (n <= 0 || (size_t)n >= sizeof(sc->buf) - *used) {
        sc->fact.overflow++;
        return;
    }
    if (item)
        fact_str_item(&sc->fact, name, sc->buf + *used, (size_t)n);
    else
        fact_str(&sc->fact, name, sc->buf + *used, (size_t)n);
    *used += (size_t)n + 1;
}

/* sc->fact = in's fields, subject and flags: the base every enrichment adds to. */
static void copy_fact(struct c2_scratch *sc, const struct fact *in)
{
    struct fact *f = &sc->fact;

    fact_init(f, in->type, in->name);
    f->flags = in->flags;
    f->subject = in->subject;
    f->subject_len = in->subject_len;
    f->overflow = in->overflow;
    memcpy(f->field, in->field, in->nfields * sizeof(in->field[0]));
    f->nfields = in->nfields;
}

static const struct fact *name_ioc(const struct c2_policy *p, const struct fact *in,
                                   const char *field, struct c2_scratch *sc)
{
    struct ioc_match m;
    const char *s;
    size_t len, used = 0;

    if (!p->ioc || !str_field(in, field, &s, &len) || !ioc_match_host(p->ioc, s, len, &m))
        return in;
    copy_fact(sc, in);
    add_text(sc, &used, "ioc", 0, m.campaign, NULL);
    add_text(sc, &used, "ioc_source", 0, m.source, NULL);
    return &sc->fact;
}

/* Sets the copy's `truncated` to true (the dissector always writes it for a response). */
static void mark_truncated(struct fact *f)
{
    for (unsigned i = 0; i < f->nfields; i++)
        if (f->field[i].type == FV_BOOL && str_eq(f->field[i].name, "truncated"))
            f->field[i].v.u = 1;
}

/*
 * The script scan, or its cached result when the same complete body (same
 * SHA-256, hence the same sample) was scanned before with the same set.
 */
static void scan_script(const struct c2_policy *p, const struct fact *in, struct c2_scratch *sc,
                        const char *text, size_t len)
{
    struct c2_cached *c = NULL;
    const char *sha;
    size_t shalen;

    if (str_field(in, "sha256", &sha, &shalen) && shalen == sizeof(c->sha256)) {
        unsigned h = 0;

        for (int i = 0; i < 8; i++)
            h = h << 4 | (unsigned)(sha[i] <= '9' ? sha[i] - '0' : (sha[i] | 0x20) - 'a' + 10);
        c = &sc->cache[h % C2_CACHE_SLOTS];
        if (c->used && c->set == p->ind && memcmp(c->sha256, sha, shalen) == 0) {
            sc->res = c->res;
            sc->cache_hits++;
            return;
        }
    }
    indicators_scan(p->ind, sc->xs, IND_SCOPE_SCRIPT, (const uint8_t *)text, len, &sc->res);
    sc->scans++;
    if (c && !sc->res.errors) { /* a scan cut short by a limit is not kept */
        memcpy(c->sha256, sha, shalen);
        c->set = p->ind;
        c->used = 1;
        c->res = sc->res;
    }
}

static int transfer_ioc(const struct c2_policy *p, const struct fact *in, struct ioc_match *m)
{
    const char *host = NULL, *url, *sha;
    size_t hlen = 0, ulen, slen;

    if (!p->ioc)
        return 0;
    if (str_field(in, "sha256", &sha, &slen) && ioc_match_sha256(p->ioc, sha, slen, m))
        return 1;
    str_field(in, "hostname", &host, &hlen);
    if (str_field(in, "url", &url, &ulen) && ioc_match_url(p->ioc, host, hlen, url, ulen, m))
        return 1;
    return host && ioc_match_host(p->ioc, host, hlen, m);
}

const struct fact *c2_policy_enrich(const struct c2_policy *p, const struct fact *in,
                                    struct c2_scratch *sc, int *log)
{
    const char *ft = NULL, *ua = NULL, *s;
    size_t ftlen = 0, ualen = 0, len, used = 0;
    unsigned score = 0, beacon_score = 0;
    int exec = 0, binary = 0, ip = 0, tool = 0, ioc, beacon = 0;
    struct ioc_match m;
    const char *risk;

    if (str_eq(in->name, "dns.query"))
        return name_ioc(p, in, "rrname", sc);
    if (str_eq(in->name, "tls.hello"))
        return name_ioc(p, in, "sni", sc);
    if (!str_eq(in->name, "http_download.transfer"))
        return in;

    copy_fact(sc, in);
    if (str_field(in, "file_type", &ft, &ftlen)) {
        binary = is(ft, ftlen, "elf") || is(ft, ftlen, "pe");
        exec = binary || is(ft, ftlen, "shell-script") || is(ft, ftlen, "python") ||
               is(ft, ftlen, "perl");
    }
    ip = bool_field(in, "host_is_ip");
    tool = str_field(in, "user_agent", &ua, &ualen) && downloader_ua(ua, ualen);

    /* what the script would do */
    memset(&sc->res, 0, sizeof(sc->res));
    if (p->ind && sc->xs && str_field(in, "body", &s, &len)) {
        const struct fact_field *size = fact_get(in, "size");

        scan_script(p, in, sc, s, len);
        if (size && size->type == FV_UINT && size->v.u > len) {
            /* past the inspection depth: say so, and how far the scan read */
            mark_truncated(&sc->fact);
            fact_uint(&sc->fact, "inspected", len);
        }
        score = sc->res.score;
        for (unsigned i = 0; i < sc->res.nhits && i < C2_MAX_LISTED; i++)
            fact_str_item(&sc->fact, "indicators", sc->res.hit[i].name,
                          strlen(sc->res.hit[i].name));
    }
    /* how it was fetched */
    if (exec && ip) {
        score += W_EXEC_FROM_IP;
        fact_str_item(&sc->fact, "reasons", "ip-literal-host", 15);
    }
    if (exec && tool) {
        score += W_DOWNLOADER;
        add_text(sc, &used, "reasons", 1, "downloader-ua", NULL);
    }
    if (binary && ip) {
        score += W_BINARY_FROM_IP;
        fact_str_item(&sc->fact, "reasons", "binary-from-ip", 14);
    }
    /* what it sent: host information posted to a server */
    if (p->ind && sc->xs && str_field(in, "request_body", &s, &len)) {
        struct indicator_result br;

        indicators_scan(p->ind, sc->xs, IND_SCOPE_BEACON, (const uint8_t *)s, len, &br);
        beacon_score = br.score;
        if (beacon_score >= p->score_medium) {
            beacon = 1;
            for (unsigned i = 0; i < br.nhits && i < 4; i++)
                add_text(sc, &used, "reasons", 1, br.hit[i].name, NULL);
        }
    }
    ioc = transfer_ioc(p, in, &m);
    if (ioc)
        add_text(sc, &used, "reasons", 1, "ioc:", m.campaign);
    if (score > SCORE_CAP)
        score = SCORE_CAP;

    risk = ioc || score >= p->score_high ? "high"
           : score >= p->score_medium    ? "medium"
           : exec                        ? "low"
                                         : "info";
    fact_uint(&sc->fact, "score", score);
    fact_cstr(&sc->fact, "risk", risk);
    if (beacon) {
        fact_bool(&sc->fact, "beacon", 1);
        fact_uint(&sc->fact, "beacon_score", beacon_score);
    }
    if (ioc) {
        add_text(sc, &used, "ioc", 0, m.campaign, NULL);
        add_text(sc, &used, "ioc_source", 0, m.source, NULL);
    }
    /* a page, an API answer, an archive, a 304: not a download worth an event */
    *log = beacon || risk[0] != 'i';
    return &sc->fact;
}
