/*
 * test_dns.c - the DNS dissectors (UDP "dns" and TCP "dns_tcp") on messages
 * built byte by byte here: queries and answers of every rendered type,
 * compression pointers good and hostile, names at the 255-byte limit, every
 * truncation, query/response joining by id, and DNS over TCP fed one byte at
 * a time through a copy of the engine's tail logic.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cap_fact.h"
#include "check.h"
#include "dissector.h"

extern const struct dissector dns_dissector;
extern const struct dissector dns_tcp_dissector;

/* A real-looking query as dig sends it: pool.supportxmr.com A, id 0x1234, EDNS. */
static const uint8_t q_pool[] = {
    0x12, 0x34, 0x01, 0x20, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x04, 'p',  'o',  'o',
    'l',  0x0a, 's',  'u',  'p',  'p',  'o',  'r',  't',  'x',  'm',  'r',  0x03, 'c',  'o',  'm',
    0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x29, 0x04, 0xd0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

/* Its answer: two A records whose owner is a pointer to the question (c0 0c). */
static const uint8_t r_pool[] = {
    0x12, 0x34, 0x81, 0x80, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x04, 'p',
    'o',  'o',  'l',  0x0a, 's',  'u',  'p',  'p',  'o',  'r',  't',  'x',  'm',  'r',
    0x03, 'c',  'o',  'm',  0x00, 0x00, 0x01, 0x00, 0x01, 0xc0, 0x0c, 0x00, 0x01, 0x00,
    0x01, 0x00, 0x00, 0x01, 0x2c, 0x00, 0x04, 0x5e, 0x82, 0x0c, 0x1b, 0xc0, 0x0c, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x00, 0x01, 0x2c, 0x00, 0x04, 0x5e, 0x82, 0x0c, 0x1c,
};

/* ---- facts, copied out of the borrowed views ---- */

#define CAP_MAX 16
static struct cap_fact facts[CAP_MAX];
static int nfacts;

static void cap_emit(struct dctx *cx, const struct fact *f)
{
    (void)cx;
    cap_keep(facts, CAP_MAX, &nfacts, f);
}

static const char *answer(const struct cap_fact *c, int idx)
{
    const struct cap_field *f = field_nth(c, "answers", idx);

    return f && f->flags == FV_ARRAY ? f->s : NULL;
}

/* ---- a flow: state plus the engine's tail logic for TCP ---- */

struct drv {
    const struct dissector *d;
    struct flow_info fi;
    struct dctx cx;
    void *st;
    uint8_t tail[2][8192];
    size_t tlen[2];
    int verdict;
    int bad_consume;
};

static struct drv *drv_new(const struct dissector *d)
{
    struct drv *v = calloc(1, sizeof(*v));

    v->d = d;
    v->fi.ipproto = d->ipproto;
    v->fi.client_port = 40000;
    v->fi.server_port = 53;
    v->cx.fi = &v->fi;
    v->cx.emit = cap_emit;
    v->st = calloc(1, d->state_size);
    cap_clear(facts, CAP_MAX, &nfacts);
    return v;
}

static void drv_free(struct drv *v)
{
    if (v->verdict != DISSECT_REJECT)
        v->d->end(v->st, &v->cx);
    free(v->st);
    free(v);
}

/* One UDP datagram. */
static int udp(struct drv *v, int dir, const uint8_t *p, size_t n)
{
    return v->d->feed(v->st, &v->cx, dir, p, n);
}

static int tcp(struct drv *v, int dir, const uint8_t *p, size_t n)
{
    int r;

    if (v->verdict)
        return v->verdict;
    if (v->tlen[dir] + n > sizeof(v->tail[dir])) {
        v->bad_consume++;
        return -100;
    }
    memcpy(v->tail[dir] + v->tlen[dir], p, n);
    v->tlen[dir] += n;
    r = v->d->feed(v->st, &v->cx, dir, v->tail[dir], v->tlen[dir]);
    if (r < 0)
        return v->verdict = r;
    if ((size_t)r > v->tlen[dir]) {
        v->bad_consume++;
        r = (int)v->tlen[dir];
    }
    memmove(v->tail[dir], v->tail[dir] + r, v->tlen[dir] - (size_t)r);
    v->tlen[dir] -= (size_t)r;
    if (v->tlen[dir] > v->d->max_tail) {
        size_t drop = v->tlen[dir] - v->d->max_tail;

        memmove(v->tail[dir], v->tail[dir] + drop, v->tlen[dir] - drop);
        v->tlen[dir] -= drop;
        v->d->gap(v->st, &v->cx, dir, (uint32_t)drop);
    }
    return r;
}

/* ---- building messages ---- */

struct msg {
    uint8_t b[4096];
    size_t n;
};

static void put8(struct msg *m, unsigned v)
{
    m->b[m->n++] = (uint8_t)v;
}

static void put16(struct msg *m, unsigned v)
{
    put8(m, v >> 8);
    put8(m, v & 0xff);
}

static void put32(struct msg *m, uint32_t v)
{
    put16(m, v >> 16);
    put16(m, v & 0xffff);
}

/* Writes "a.b.c" as labels and the root; "" is the root alone. */
static void putname(struct msg *m, const char *name)
{
    while (*name) {
        const char *dot = strchr(name, '.');
        size_t l = dot ? (size_t)(dot - name) : strlen(name);

        put8(m, (unsigned)l);
        memcpy(m->b + m->n, name, l);
        m->n += l;
        name += l + (dot ? 1 : 0);
    }
    put8(m, 0);
}

static void hdr(struct msg *m, unsigned id, unsigned flags, unsigned qd, unsigned an, unsigned ns,
                unsigned ar)
{
    m->n = 0;
    put16(m, id);
    put16(m, flags);
    put16(m, qd);
    put16(m, an);
    put16(m, ns);
    put16(m, ar);
}

static void question(struct msg *m, const char *name, unsigned type)
{
    putname(m, name);
    put16(m, type);
    put16(m, 1);
}

/* An RR whose owner is a pointer to `owner`; rdata follows with put*. Returns rdlength's offset. */
static size_t rr(struct msg *m, unsigned owner, unsigned type, uint32_t ttl)
{
    size_t at;

    put16(m, 0xc000 | owner);
    put16(m, type);
    put16(m, 1);
    put32(m, ttl);
    at = m->n;
    put16(m, 0);
    return at;
}

static void rdlen(struct msg *m, size_t at)
{
    size_t len = m->n - at - 2;

    m->b[at] = (uint8_t)(len >> 8);
    m->b[at + 1] = (uint8_t)len;
}

/* ---- tests ---- */

static void test_probe(void)
{
    struct flow_info fi53 = {.ipproto = 17, .client_port = 40000, .server_port = 53};
    struct flow_info odd = {.ipproto = 17, .client_port = 40000, .server_port = 8853};
    static const uint8_t junk[] = "\x12\x34 hello world, not dns at all";
    uint8_t longer[sizeof(q_pool) + 1];
    struct msg m;

    CHECK_EQ(dns_dissector.probe(&fi53, 0, q_pool, sizeof(q_pool)), PROBE_YES);
    CHECK_EQ(dns_dissector.probe(&fi53, 1, r_pool, sizeof(r_pool)), PROBE_YES);
    /* the strict test: DNS on a port that is not DNS's */
    CHECK_EQ(dns_dissector.probe(&odd, 0, q_pool, sizeof(q_pool)), PROBE_YES);
    CHECK_EQ(dns_dissector.probe(&odd, 1, r_pool, sizeof(r_pool)), PROBE_YES);
    memcpy(longer, q_pool, sizeof(q_pool));
    longer[sizeof(q_pool)] = 0;
    CHECK_EQ(dns_dissector.probe(&odd, 0, longer, sizeof(longer)), PROBE_NO);
    CHECK_EQ(dns_dissector.probe(&fi53, 0, longer, sizeof(longer)), PROBE_YES);
    CHECK_EQ(dns_dissector.probe(&odd, 0, junk, sizeof(junk) - 1), PROBE_NO);
    CHECK_EQ(dns_dissector.probe(&fi53, 0, junk, sizeof(junk) - 1), PROBE_NO);
    CHECK_EQ(dns_dissector.probe(&fi53, 0, q_pool, 11), PROBE_NO);
    /* odd port: a label with a space is no hostname */
    hdr(&m, 1, 0x0100, 1, 0, 0, 0);
    question(&m, "po ol.example", 1);
    CHECK_EQ(dns_dissector.probe(&odd, 0, m.b, m.n), PROBE_NO);
    CHECK_EQ(dns_dissector.probe(&fi53, 0, m.b, m.n), PROBE_YES);
    /* odd port: two questions, or an unknown type, is not strict enough */
    hdr(&m, 1, 0x0100, 2, 0, 0, 0);
    question(&m, "a.example", 1);
    question(&m, "b.example", 1);
    CHECK_EQ(dns_dissector.probe(&odd, 0, m.b, m.n), PROBE_NO);
    CHECK_EQ(dns_dissector.probe(&fi53, 0, m.b, m.n), PROBE_YES);
    hdr(&m, 1, 0x0100, 1, 0, 0, 0);
    question(&m, "a.example", 4242);
    CHECK_EQ(dns_dissector.probe(&odd, 0, m.b, m.n), PROBE_NO);
    /* opcode 6 is not a DNS opcode, even on port 53 */
    hdr(&m, 1, 6 << 11, 1, 0, 0, 0);
    question(&m, "a.example", 1);
    CHECK_EQ(dns_dissector.probe(&fi53, 0, m.b, m.n), PROBE_NO);
    /* counts that cannot fit in the datagram */
    hdr(&m, 1, 0x8180, 1, 40, 0, 0);
    question(&m, "a.example", 1);
    CHECK_EQ(dns_dissector.probe(&fi53, 1, m.b, m.n), PROBE_NO);
}

static void test_query_and_answer(void)
{
    struct drv *v = drv_new(&dns_dissector);

    CHECK_EQ(udp(v, 0, q_pool, sizeof(q_pool)), 0);
    CHECK_EQ(nfacts, 1);
    CHECK_STR(facts[0].type, "dns");
    CHECK_STR(facts[0].name, "dns.query");
    CHECK_STR(fstr(&facts[0], "type"), "query");
    CHECK_EQ(fnum(&facts[0], "id"), 0x1234);
    CHECK_STR(fstr(&facts[0], "rrname"), "pool.supportxmr.com");
    CHECK_STR(fstr(&facts[0], "rrtype"), "A");
    udp(v, 1, r_pool, sizeof(r_pool));
    CHECK_EQ(nfacts, 2);
    CHECK_STR(facts[1].name, "dns.answer");
    CHECK_STR(fstr(&facts[1], "type"), "answer");
    CHECK_EQ(fnum(&facts[1], "id"), 0x1234);
    CHECK_STR(fstr(&facts[1], "rrname"), "pool.supportxmr.com");
    CHECK_STR(fstr(&facts[1], "rrtype"), "A");
    CHECK_STR(fstr(&facts[1], "rcode"), "NOERROR");
    CHECK_STR(answer(&facts[1], 0), "94.130.12.27");
    CHECK_STR(answer(&facts[1], 1), "94.130.12.28");
    CHECK(answer(&facts[1], 2) == NULL);
    CHECK_EQ(fnum(&facts[1], "ttl"), 300);
    drv_free(v);
}

/* AAAA, a CNAME chain ending in an A (pointers to pointers), MX, TXT. */
static void test_types(void)
{
    static const uint8_t v6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    struct drv *v = drv_new(&dns_dissector);
    struct msg m;
    size_t at, cname1, cname2;

    hdr(&m, 7, 0x8180, 1, 1, 0, 0);
    question(&m, "xmr.example", 28);
    at = rr(&m, 12, 28, 60);
    memcpy(m.b + m.n, v6, 16);
    m.n += 16;
    rdlen(&m, at);
    udp(v, 1, m.b, m.n);
    CHECK_EQ(nfacts, 1);
    CHECK_STR(fstr(&facts[0], "rrtype"), "AAAA");
    CHECK_STR(answer(&facts[0], 0), "2001:db8::1");
    CHECK_EQ(fnum(&facts[0], "ttl"), 60);

    /* www.pool.example CNAME a.cdn.example; a.cdn.example CNAME b.a.cdn.example; A */
    cap_clear(facts, CAP_MAX, &nfacts);
    hdr(&m, 8, 0x8180, 1, 3, 0, 0);
    question(&m, "www.pool.example", 1);
    at = rr(&m, 12, 5, 30);
    cname1 = m.n;
    putname(&m, "a.cdn.example");
    rdlen(&m, at);
    at = rr(&m, (unsigned)cname1, 5, 30);
    cname2 = m.n;
    put8(&m, 1);
    put8(&m, 'b');
    put16(&m, 0xc000 | (unsigned)cname1); /* b + pointer to a.cdn.example */
    rdlen(&m, at);
    at = rr(&m, (unsigned)cname2, 1, 30);
    put32(&m, 0x09090909);
    rdlen(&m, at);
    udp(v, 1, m.b, m.n);
    CHECK_EQ(nfacts, 1);
    CHECK_STR(fstr(&facts[0], "rrname"), "www.pool.example");
    CHECK_STR(answer(&facts[0], 0), "a.cdn.example");
    CHECK_STR(answer(&facts[0], 1), "b.a.cdn.example");
    CHECK_STR(answer(&facts[0], 2), "9.9.9.9");

    cap_clear(facts, CAP_MAX, &nfacts);
    hdr(&m, 9, 0x8180, 1, 1, 0, 0);
    question(&m, "example.org", 15);
    at = rr(&m, 12, 15, 3600);
    put16(&m, 10);
    put8(&m, 4);
    memcpy(m.b + m.n, "mail", 4);
    m.n += 4;
    put16(&m, 0xc00c);
    rdlen(&m, at);
    udp(v, 1, m.b, m.n);
    CHECK_STR(fstr(&facts[0], "rrtype"), "MX");
    CHECK_STR(answer(&facts[0], 0), "10 mail.example.org");

    /* TXT: the first string only; bytes that are not printable come out as \xHH */
    cap_clear(facts, CAP_MAX, &nfacts);
    hdr(&m, 10, 0x8180, 1, 1, 0, 0);
    question(&m, "t.example", 16);
    at = rr(&m, 12, 16, 5);
    put8(&m, 6);
    memcpy(m.b + m.n, "v=x\x01 y", 6);
    m.n += 6;
    put8(&m, 3);
    memcpy(m.b + m.n, "two", 3);
    m.n += 3;
    rdlen(&m, at);
    udp(v, 1, m.b, m.n);
    CHECK_STR(fstr(&facts[0], "rrtype"), "TXT");
    CHECK_STR(answer(&facts[0], 0), "v=x\\x01\\x20y");
    CHECK(answer(&facts[0], 1) == NULL);
    drv_free(v);
}

static void test_nxdomain(void)
{
    struct drv *v = drv_new(&dns_dissector);
    struct msg m;
    size_t at;

    hdr(&m, 0xbeef, 0x8183, 1, 0, 1, 0);
    question(&m, "nope.pool.example", 1);
    at = rr(&m, 17, 6, 900); /* SOA for pool.example, in authority */
    putname(&m, "ns.example");
    putname(&m, "admin.example");
    for (int i = 0; i < 5; i++)
        put32(&m, 1);
    rdlen(&m, at);
    udp(v, 1, m.b, m.n);
    CHECK_EQ(nfacts, 1);
    CHECK_STR(fstr(&facts[0], "rcode"), "NXDOMAIN");
    CHECK_STR(fstr(&facts[0], "rrname"), "nope.pool.example");
    CHECK(field(&facts[0], "answers") == NULL);
    CHECK(field(&facts[0], "ttl") == NULL);

    cap_clear(facts, CAP_MAX, &nfacts);
    hdr(&m, 1, 0x8182, 1, 0, 0, 0);
    question(&m, "x.example", 1);
    udp(v, 1, m.b, m.n);
    CHECK_STR(fstr(&facts[0], "rcode"), "SERVFAIL");
    cap_clear(facts, CAP_MAX, &nfacts);
    hdr(&m, 1, 0x8189, 1, 0, 0, 0);
    question(&m, "x.example", 99);
    udp(v, 1, m.b, m.n);
    CHECK_STR(fstr(&facts[0], "rcode"), "RCODE9");
    CHECK_STR(fstr(&facts[0], "rrtype"), "TYPE99");
    drv_free(v);
}

/* Pointers: to itself, forwards, into the header, and chains of 16 and 17. */
static void test_pointers(void)
{
    struct drv *v = drv_new(&dns_dissector);
    struct msg m;
    size_t at;

    hdr(&m, 1, 0x0100, 1, 0, 0, 0);
    put16(&m, 0xc00c); /* the question's name points at itself */
    put16(&m, 1);
    put16(&m, 1);
    udp(v, 0, m.b, m.n);
    CHECK_EQ(nfacts, 0);

    hdr(&m, 1, 0x8180, 1, 1, 0, 0);
    question(&m, "a.example", 1);
    at = rr(&m, 12, 5, 1);
    put16(&m, 0xc000 | (unsigned)(m.n + 2)); /* forwards: to the next bytes */
    putname(&m, "b.example");
    rdlen(&m, at);
    udp(v, 1, m.b, m.n);
    CHECK_EQ(nfacts, 1);                 /* the answer is reported ... */
    CHECK(answer(&facts[0], 0) == NULL); /* ... but not its broken CNAME */

    cap_clear(facts, CAP_MAX, &nfacts);
    hdr(&m, 1, 0x8180, 1, 1, 0, 0);
    question(&m, "a.example", 1);
    put16(&m, 0xc003); /* owner points into the header */
    put16(&m, 1);
    put16(&m, 1);
    put32(&m, 1);
    put16(&m, 4);
    put32(&m, 1);
    udp(v, 1, m.b, m.n);
    CHECK_EQ(nfacts, 0);

    for (unsigned chain = 15; chain <= 16; chain++) {
        size_t prev;

        /* a CNAME that goes through `chain` pointers plus the first one: 16 ok, 17 not */
        cap_clear(facts, CAP_MAX, &nfacts);
        hdr(&m, 1, 0x8180, 1, 1, 0, 0);
        question(&m, "a.example", 1);
        prev = 12;
        /* pointers kept in a TXT record that nobody reads as a name */
        at = rr(&m, 12, 16, 1);
        put8(&m, (unsigned)(2 * chain));
        for (unsigned i = 0; i < chain; i++) {
            size_t here = m.n;

            put16(&m, 0xc000 | (unsigned)prev);
            prev = here;
        }
        rdlen(&m, at);
        m.b[7] = 2; /* ancount */
        at = rr(&m, 12, 5, 1);
        put16(&m, 0xc000 | (unsigned)prev);
        rdlen(&m, at);
        udp(v, 1, m.b, m.n);
        CHECK_EQ(nfacts, 1);
        if (chain == 15)
            CHECK_STR(answer(&facts[0], 1), "a.example");
        else
            CHECK(answer(&facts[0], 1) == NULL);
    }
    drv_free(v);
}

/* Labels of 63+63+63+61: 255 bytes on the wire, accepted; one more is not. */
static void test_name_limits(void)
{
    struct drv *v = drv_new(&dns_dissector);
    char name[300], expect[300];
    struct msg m;

    for (int extra = 0; extra <= 1; extra++) {
        size_t o = 0;
        int sizes[4] = {63, 63, 63, 61 + extra};

        for (int l = 0; l < 4; l++) {
            if (l)
                name[o++] = '.';
            memset(name + o, 'a' + l, (size_t)sizes[l]);
            o += (size_t)sizes[l];
        }
        name[o] = '\0';
        memcpy(expect, name, o + 1);
        cap_clear(facts, CAP_MAX, &nfacts);
        hdr(&m, 5, 0x0100, 1, 0, 0, 0);
        question(&m, name, 1);
        CHECK_EQ(m.n - 12 - 4, 255u + (size_t)extra);
        udp(v, 0, m.b, m.n);
        if (extra == 0) {
            CHECK_EQ(nfacts, 1);
            CHECK_STR(fstr(&facts[0], "rrname"), expect);
        } else {
            CHECK_EQ(nfacts, 0);
        }
    }
    /* a label of 64 */
    memset(name, 'x', 64);
    name[64] = '\0';
    cap_clear(facts, CAP_MAX, &nfacts);
    hdr(&m, 5, 0x0100, 1, 0, 0, 0);
    question(&m, name, 1);
    udp(v, 0, m.b, m.n);
    CHECK_EQ(nfacts, 0);
    /* the root, and bytes that need escaping */
    hdr(&m, 6, 0x0100, 1, 0, 0, 0);
    question(&m, "", 2);
    udp(v, 0, m.b, m.n);
    CHECK_EQ(nfacts, 1);
    CHECK_STR(fstr(&facts[0], "rrname"), "<root>");
    CHECK_STR(fstr(&facts[0], "rrtype"), "NS");
    cap_clear(facts, CAP_MAX, &nfacts);
    hdr(&m, 6, 0x0100, 1, 0, 0, 0);
    question(&m, "a\x7f\xff.Example", 1);
    udp(v, 0, m.b, m.n);
    CHECK_STR(fstr(&facts[0], "rrname"), "a\\x7f\\xff.Example");
    drv_free(v);
}

/* Every truncation of a query and of a response: nothing reported, no crash. */
static void test_truncated(void)
{
    struct drv *v = drv_new(&dns_dissector);
    int ok = 1;

    for (size_t n = 0; n < sizeof(r_pool); n++) {
        uint8_t *copy = malloc(n ? n : 1); /* exact size: ASan sees any overread */

        memcpy(copy, r_pool, n);
        udp(v, 1, copy, n);
        if (n < sizeof(q_pool)) {
            memcpy(copy, q_pool, n);
            udp(v, 0, copy, n);
        }
        free(copy);
        if (nfacts != 0)
            ok = 0;
    }
    CHECK(ok);
    /* after that much garbage with nothing good, the flow is not DNS */
    CHECK_EQ(udp(v, 1, r_pool, 5), DISSECT_REJECT);
    free(v->st);
    free(v);
}

/* Responses find their query by id; the table holds eight. */
static void test_join(void)
{
    struct drv *v = drv_new(&dns_dissector);
    struct msg m;
    size_t at;

    hdr(&m, 1, 0x0100, 1, 0, 0, 0);
    question(&m, "a.example", 1);
    udp(v, 0, m.b, m.n);
    hdr(&m, 2, 0x0100, 1, 0, 0, 0);
    question(&m, "b.example", 28);
    udp(v, 0, m.b, m.n);
    CHECK_EQ(nfacts, 2);

    /*
     * id 2 answered without the question echoed: the type from the query, the
     * name from the answer's owner (queries keep no names: DNS flow state
     * must stay small)
     */
    hdr(&m, 2, 0x8180, 0, 1, 0, 0);
    put8(&m, 0);
    put16(&m, 28);
    put16(&m, 1);
    put32(&m, 77);
    put16(&m, 16);
    for (int i = 0; i < 16; i++)
        put8(&m, i == 15);
    udp(v, 1, m.b, m.n);
    CHECK_EQ(nfacts, 3);
    CHECK_STR(fstr(&facts[2], "rrname"), "<root>");
    CHECK_STR(fstr(&facts[2], "rrtype"), "AAAA");
    CHECK_STR(answer(&facts[2], 0), "::1");
    /* the same id again: the query was taken, the answer's own owner names it */
    udp(v, 1, m.b, m.n);
    CHECK_EQ(nfacts, 4);
    CHECK_STR(fstr(&facts[3], "rrname"), "<root>");

    /* nine queries: the first is pushed out */
    cap_clear(facts, CAP_MAX, &nfacts);
    for (unsigned id = 100; id < 109; id++) {
        hdr(&m, id, 0x0100, 1, 0, 0, 0);
        question(&m, id == 100 ? "first.example" : "other.example", 1);
        udp(v, 0, m.b, m.n);
    }
    hdr(&m, 100, 0x8180, 0, 0, 0, 0);
    udp(v, 1, m.b, m.n);
    CHECK_EQ(nfacts, 10);
    CHECK(field(&facts[9], "rrname") == NULL);
    hdr(&m, 101, 0x8183, 0, 0, 0, 0);
    udp(v, 1, m.b, m.n);
    CHECK(field(&facts[10], "rrname") == NULL); /* no question, no answer: no name */
    CHECK_STR(fstr(&facts[10], "rcode"), "NXDOMAIN");

    /* seventeen answers: sixteen reported */
    cap_clear(facts, CAP_MAX, &nfacts);
    hdr(&m, 300, 0x8180, 1, 17, 0, 0);
    question(&m, "many.example", 1);
    for (uint32_t i = 0; i < 17; i++) {
        at = rr(&m, 12, 1, 10);
        put32(&m, 0x0a000000 | i);
        rdlen(&m, at);
    }
    udp(v, 1, m.b, m.n);
    CHECK_EQ(nfacts, 1);
    CHECK_STR(answer(&facts[0], 15), "10.0.0.15");
    CHECK(answer(&facts[0], 16) == NULL);
    drv_free(v);
}

static size_t framed(uint8_t *out, const uint8_t *msg, size_t n)
{
    out[0] = (uint8_t)(n >> 8);
    out[1] = (uint8_t)n;
    memcpy(out + 2, msg, n);
    return n + 2;
}

static void test_tcp(void)
{
    struct flow_info fi = {.ipproto = 6, .client_port = 40000, .server_port = 53};
    struct flow_info odd = {.ipproto = 6, .client_port = 40000, .server_port = 8853};
    uint8_t q[600], r[600], big[3100];
    size_t qn = framed(q, q_pool, sizeof(q_pool)), rn = framed(r, r_pool, sizeof(r_pool));
    struct drv *v;
    int ok = 1;

    CHECK_EQ(dns_tcp_dissector.probe(&fi, 0, q, 1), PROBE_MAYBE);
    CHECK_EQ(dns_tcp_dissector.probe(&fi, 0, q, qn), PROBE_YES);
    CHECK_EQ(dns_tcp_dissector.probe(&odd, 0, q, qn), PROBE_YES);
    CHECK_EQ(dns_tcp_dissector.probe(&odd, 0, q, qn - 1), PROBE_NO);
    CHECK_EQ(dns_tcp_dissector.probe(&odd, 0, q + 2, qn - 2), PROBE_NO);

    /* one byte at a time, both directions */
    v = drv_new(&dns_tcp_dissector);
    v->fi.ipproto = 6;
    for (size_t i = 0; i < qn; i++)
        tcp(v, 0, q + i, 1);
    CHECK_EQ(nfacts, 1);
    for (size_t i = 0; i < rn; i++)
        tcp(v, 1, r + i, 1);
    CHECK_EQ(nfacts, 2);
    CHECK_STR(fstr(&facts[1], "rrname"), "pool.supportxmr.com");
    CHECK_STR(answer(&facts[1], 1), "94.130.12.28");
    CHECK_EQ(v->tlen[0] + v->tlen[1], 0u);
    CHECK_EQ(v->bad_consume, 0);
    drv_free(v);

    /* two responses in one stream, split at every point */
    for (size_t cut = 0; cut <= 2 * rn; cut++) {
        uint8_t two[1200];

        memcpy(two, r, rn);
        memcpy(two + rn, r, rn);
        v = drv_new(&dns_tcp_dissector);
        tcp(v, 1, two, cut);
        tcp(v, 1, two + cut, 2 * rn - cut);
        if (nfacts != 2 || v->bad_consume || v->tlen[1] != 0 || !answer(&facts[1], 0) ||
            strcmp(answer(&facts[1], 0), "94.130.12.27") != 0)
            ok = 0;
        drv_free(v);
    }
    CHECK(ok);

    /* a 3000-byte message is passed over, the next one still read */
    memset(big, 0, sizeof(big));
    big[0] = 3000 >> 8;
    big[1] = 3000 & 0xff;
    v = drv_new(&dns_tcp_dissector);
    for (size_t off = 0; off < 3002; off += 500)
        tcp(v, 0, big + off, 3002 - off < 500 ? 3002 - off : 500);
    tcp(v, 0, q, qn);
    CHECK_EQ(nfacts, 1);
    CHECK_STR(fstr(&facts[0], "rrname"), "pool.supportxmr.com");
    drv_free(v);

    /* bytes lost in the middle of a message: that direction is given up */
    v = drv_new(&dns_tcp_dissector);
    tcp(v, 0, q, 10);
    v->d->gap(v->st, &v->cx, 0, 5);
    tcp(v, 0, q, qn);
    CHECK_EQ(nfacts, 0);
    tcp(v, 1, r, rn);
    CHECK_EQ(nfacts, 1);
    drv_free(v);

    /* a message too short to hold a header is counted and passed over */
    v = drv_new(&dns_tcp_dissector);
    CHECK_EQ(tcp(v, 0, (const uint8_t *)"\x00\x03\x01\x02\x03", 5), 5);
    CHECK_EQ(nfacts, 0);
    drv_free(v);
}

int main(void)
{
    CHECK(dns_dissector.state_size > 0 && dns_dissector.state_size < 4096);
    CHECK(dns_tcp_dissector.max_tail == 2048 + 2);
    test_probe();
    test_query_and_answer();
    test_types();
    test_nxdomain();
    test_pointers();
    test_name_limits();
    test_truncated();
    test_join();
    test_tcp();
    return check_done();
}
