/*
 * dns.c - DNS over UDP ("dns") and over TCP ("dns_tcp", RFC 1035 4.2.2 two
 * byte length prefix): reports every question as a "dns.query" fact and every
 * response as one "dns.answer" fact, joined to its query by transaction id.
 *
 * What it does: parses the header, the questions and every resource record,
 * following compression pointers only backwards and at most
 * DNS_PTR_FOLLOW_MAX times, so no message can loop or run past its end. A
 * message that does not parse completely is counted and reported by nobody:
 * half a response is not evidence. Answers of type A, AAAA, CNAME, NS, PTR,
 * MX and TXT (first string) are rendered as text; other types are walked over.
 *
 * What it deliberately does not do: EDNS options, DNSSEC, zone transfers,
 * UPDATE/NOTIFY (only opcode QUERY is reported), reassembly of messages larger
 * than DNS_TCP_MSG_MAX over TCP (skipped, counted), and no deciding whether a
 * name is a pool: signatures do that on the facts.
 */
#include <arpa/inet.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "dissector.h"

#define DNS_HDR_LEN        12
#define DNS_NAME_WIRE_MAX  255 /* RFC 1035 3.1: length octets included */
#define DNS_LABEL_MAX      63
#define DNS_PTR_FOLLOW_MAX 16
#define DNS_QUESTIONS_MAX  4
#define DNS_PENDING_MAX    8
#define DNS_ANSWERS_MAX    16
/* A rendered name: every byte may become "\xHH", plus dots. */
#define DNS_TEXT_MAX (DNS_NAME_WIRE_MAX * 4 + 4)
/* Rendered answers of one response share this arena (on the stack). */
#define DNS_ARENA_MAX        8192
#define DNS_TCP_MSG_MAX      2048
#define DNS_MALFORMED_REJECT 16 /* malformed messages with none good: not DNS */

#define DNS_T_A     1
#define DNS_T_NS    2
#define DNS_T_CNAME 5
#define DNS_T_PTR   12
#define DNS_T_MX    15
#define DNS_T_TXT   16
#define DNS_T_AAAA  28
#define DNS_T_OPT   41

/*
 * A query waiting for its response. No name: responses echo the question,
 * and the state of every DNS flow on a busy link lives for the UDP timeout,
 * so it must stay a few bytes (a response without a question is named by
 * its first answer's owner).
 */
struct dns_pending {
    uint16_t id;
    uint16_t rrtype;
    uint8_t used;
};

struct dns_state {
    struct dns_pending pending[DNS_PENDING_MAX];
    uint8_t pending_next; /* ring index: the oldest is replaced when full */
    uint8_t desync[2];    /* TCP: framing lost in this direction */
    uint32_t skip[2];     /* TCP: bytes of an oversized message still to pass */
    uint32_t messages;    /* messages parsed completely */
    uint32_t malformed;   /* messages that did not parse */
    uint32_t skipped;     /* TCP messages larger than DNS_TCP_MSG_MAX */
};

/* One resource record as found in a message; rdata stays in the message. */
struct dns_rr {
    uint8_t name[DNS_NAME_WIRE_MAX];
    size_t namelen;
    uint16_t type;
    uint16_t class;
    uint32_t ttl;
    size_t rdoff; /* offset of rdata in the message */
    uint16_t rdlen;
};

struct dns_hdr {
    uint16_t id, flags, qd, an, ns, ar;
};

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/*
 * Reads the name at `off` of msg[0..n) into `out` in uncompressed wire form
 * (labels, then the root zero). Pointers must point strictly backwards, into
 * the message past the header, at most DNS_PTR_FOLLOW_MAX times; labels are at
 * most 63 bytes and the whole name at most 255. Returns the length written to
 * out and sets *next to the offset right after the name where it started, or
 * returns -1 (nothing of `out` is then meaningful).
 */
static int dns_name_read(const uint8_t *msg, size_t n, size_t off, uint8_t *out, size_t *next)
{
    size_t pos = off, outlen = 0;
    unsigned jumps = 0;

    for (;;) {
        uint8_t c;

        if (pos >= n)
            return -1;
        c = msg[pos];
        if ((c & 0xc0) == 0xc0) {
            size_t target;

            if (pos + 1 >= n || ++jumps > DNS_PTR_FOLLOW_MAX)
                return -1;
            target = (size_t)(c & 0x3f) << 8 | msg[pos + 1];
            /* strictly backwards: no loop can be built, whatever the bytes */
            if (target < DNS_HDR_LEN || target >= pos)
                return -1;
            if (jumps == 1)
                *next = pos + 2;
            pos = target;
            continue;
        }
        if (c & 0xc0) /* 0x40, 0x80: extended label types, obsolete */
            return -1;
        if (c == 0) {
            if (outlen + 1 > DNS_NAME_WIRE_MAX)
                return -1;
            out[outlen++] = 0;
            if (jumps == 0)
                *next = pos + 1;
            return (int)outlen;
        }
        /* the label, its length octet and at least the root must fit */
        if (c > DNS_LABEL_MAX || pos + 1 + c > n || outlen + 1 + c + 1 > DNS_NAME_WIRE_MAX)
            return -1;
        memcpy(out + outlen, msg + pos, 1 + (size_t)c);
        outlen += 1 + (size_t)c;
        pos += 1 + (size_t)c;
    }
}

/* Appends bytes, printable ASCII as is and anything else as \xHH. */
static size_t dns_escape(char *out, size_t o, const uint8_t *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";

    for (size_t i = 0; i < len; i++) {
        if (s[i] > 0x20 && s[i] < 0x7f) {
            out[o++] = (char)s[i];
        } else {
            out[o++] = '\\';
            out[o++] = 'x';
            out[o++] = hex[s[i] >> 4];
            out[o++] = hex[s[i] & 15];
        }
    }
    return o;
}

/*
 * Renders a wire-form name (from dns_name_read) as dotted text into out, which
 * holds at least DNS_TEXT_MAX bytes. The root renders as "<root>", as
 * Suricata does. Returns the text length (NUL-terminated).
 */
static size_t dns_name_text(const uint8_t *w, size_t wlen, char *out)
{
    size_t i = 0, o = 0;

    while (i < wlen && w[i] != 0) {
        size_t l = w[i];

        if (i + 1 + l > wlen)
            break;
        if (o > 0)
            out[o++] = '.';
        o = dns_escape(out, o, w + i + 1, l);
        i += 1 + l;
    }
    if (o == 0) {
        memcpy(out, "<root>", 7);
        return 6;
    }
    out[o] = '\0';
    return o;
}

static const char *dns_type_text(uint16_t t, char *buf, size_t cap)
{
    switch (t) {
    case 1:
        return "A";
    case 2:
        return "NS";
    case 5:
        return "CNAME";
    case 6:
        return "SOA";
    case 12:
        return "PTR";
    case 15:
        return "MX";
    case 16:
        return "TXT";
    case 28:
        return "AAAA";
    case 33:
        return "SRV";
    case 65:
        return "HTTPS";
    case 255:
        return "ANY";
    }
    snprintf(buf, cap, "TYPE%u", (unsigned)t);
    return buf;
}

static const char *dns_rcode_text(unsigned rc, char *buf, size_t cap)
{
    static const char *const names[] = {"NOERROR",  "FORMERR", "SERVFAIL",
                                        "NXDOMAIN", "NOTIMP",  "REFUSED"};

    if (rc < sizeof(names) / sizeof(names[0]))
        return names[rc];
    snprintf(buf, cap, "RCODE%u", rc);
    return buf;
}

static int dns_hdr_read(const uint8_t *msg, size_t n, struct dns_hdr *h)
{
    if (n < DNS_HDR_LEN)
        return -1;
    h->id = rd16(msg);
    h->flags = rd16(msg + 2);
    h->qd = rd16(msg + 4);
    h->an = rd16(msg + 6);
    h->ns = rd16(msg + 8);
    h->ar = rd16(msg + 10);
    return 0;
}

#define DNS_QR(f)     (((f) >> 15) & 1)
#define DNS_OPCODE(f) (((f) >> 11) & 15)
#define DNS_RCODE(f)  ((f)&15)

/* Reads a question at *off: name, type and class. Returns 0 or -1. */
static int dns_question_read(const uint8_t *msg, size_t n, size_t *off, struct dns_rr *q)
{
    size_t next;
    int l = dns_name_read(msg, n, *off, q->name, &next);

    if (l < 0 || next + 4 > n)
        return -1;
    q->namelen = (size_t)l;
    q->type = rd16(msg + next);
    q->class = rd16(msg + next + 2);
    *off = next + 4;
    return 0;
}

/* Reads a resource record at *off; its rdata must lie inside the message. */
static int dns_rr_read(const uint8_t *msg, size_t n, size_t *off, struct dns_rr *rr)
{
    if (dns_question_read(msg, n, off, rr) < 0 || *off + 6 > n)
        return -1;
    rr->ttl = rd32(msg + *off);
    rr->rdlen = rd16(msg + *off + 4);
    rr->rdoff = *off + 6;
    if (rr->rdoff + rr->rdlen > n)
        return -1;
    *off = rr->rdoff + rr->rdlen;
    return 0;
}

/*
 * Walks the whole message: every question and every record of the three
 * sections. Returns the offset after the last record, or 0 when the message
 * does not parse.
 */
static size_t dns_walk(const uint8_t *msg, size_t n, const struct dns_hdr *h)
{
    struct dns_rr rr;
    size_t off = DNS_HDR_LEN;
    unsigned nrr = (unsigned)h->an + h->ns + h->ar;

    for (unsigned i = 0; i < h->qd; i++)
        if (dns_question_read(msg, n, &off, &rr) < 0)
            return 0;
    for (unsigned i = 0; i < nrr; i++)
        if (dns_rr_read(msg, n, &off, &rr) < 0)
            return 0;
    return off;
}

/* ---- probing -------------------------------------------------------------- */

static int dns_port_hint(const struct flow_info *fi)
{
    static const uint16_t ports[] = {53, 5353, 5355};

    for (size_t i = 0; i < sizeof(ports) / sizeof(ports[0]); i++)
        if (fi->server_port == ports[i] || fi->client_port == ports[i])
            return 1;
    return 0;
}

/*
 * The lenient test used on DNS ports: opcode 0..5, one to four questions
 * (mDNS announcements carry none), and counts that could fit in `n` bytes
 * (a question takes at least 5 bytes, a record 11).
 */
static int dns_plausible(const struct flow_info *fi, const uint8_t *msg, size_t n)
{
    struct dns_hdr h;
    size_t least;

    if (dns_hdr_read(msg, n, &h) < 0 || DNS_OPCODE(h.flags) > 5)
        return 0;
    if (h.qd == 0) {
        if (!(DNS_QR(h.flags) && h.an > 0 && (fi->server_port == 5353 || fi->client_port == 5353)))
            return 0;
    } else if (h.qd > DNS_QUESTIONS_MAX) {
        return 0;
    }
    least = DNS_HDR_LEN + (size_t)h.qd * 5 + ((size_t)h.an + h.ns + h.ar) * 11;
    return least <= n;
}

static int dns_qtype_known(uint16_t t)
{
    static const uint16_t known[] = {1,  2,  5,  6,  12, 13, 15, 16,  28,  33, 35,
                                     39, 43, 48, 52, 64, 65, 99, 252, 255, 257};

    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (known[i] == t)
            return 1;
    return 0;
}

/* Hostname characters only, as real queries use ("_" for SRV and DKIM). */
static int dns_name_strict(const uint8_t *w, size_t wlen)
{
    for (size_t i = 0; i < wlen && w[i] != 0; i += 1 + (size_t)w[i]) {
        for (size_t j = i + 1; j <= i + w[i] && j < wlen; j++) {
            uint8_t c = w[j];

            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_'))
                return 0;
        }
    }
    return 1;
}

/*
 * The strict test used on any port: exactly one question of a known type and
 * class IN with a hostname, opcode QUERY, Z clear, every record parsing, and
 * the message ending exactly at n. A query carries no answers and at most the
 * EDNS OPT record.
 */
static int dns_strict(const uint8_t *msg, size_t n)
{
    struct dns_hdr h;
    struct dns_rr q;
    size_t off = DNS_HDR_LEN;

    if (dns_hdr_read(msg, n, &h) < 0 || h.qd != 1 || DNS_OPCODE(h.flags) != 0 || (h.flags & 0x0040))
        return 0;
    if (dns_question_read(msg, n, &off, &q) < 0 || !dns_qtype_known(q.type) || q.class != 1 ||
        !dns_name_strict(q.name, q.namelen))
        return 0;
    if (!DNS_QR(h.flags)) {
        if (h.an != 0 || h.ns != 0 || h.ar > 1 || DNS_RCODE(h.flags) != 0)
            return 0;
        if (h.ar == 1) {
            struct dns_rr opt;

            if (dns_rr_read(msg, n, &off, &opt) < 0 || opt.type != DNS_T_OPT || opt.namelen != 1)
                return 0;
        }
        return off == n;
    }
    return dns_walk(msg, n, &h) == n;
}

static int dns_probe(const struct flow_info *fi, int dir, const uint8_t *p, size_t n)
{
    if (dns_port_hint(fi) && dns_plausible(fi, p, n))
        return PROBE_YES;
    return dns_strict(p, n) ? PROBE_YES : PROBE_NO;
}

static int dns_tcp_probe(const struct flow_info *fi, int dir, const uint8_t *p, size_t n)
{
    size_t len;

    if (dns_port_hint(fi)) {
        /* some stacks send the length prefix in a segment of its own */
        if (n < 2 + DNS_HDR_LEN)
            return PROBE_MAYBE;
        len = rd16(p);
        return len >= DNS_HDR_LEN && dns_plausible(fi, p + 2, len) ? PROBE_YES : PROBE_NO;
    }
    if (n < 2)
        return PROBE_NO;
    len = rd16(p);
    if (len < DNS_HDR_LEN || 2 + len > n)
        return PROBE_NO;
    return dns_strict(p + 2, len) ? PROBE_YES : PROBE_NO;
}

/* ---- messages ------------------------------------------------------------- */

static void dns_pending_add(struct dns_state *st, uint16_t id, const struct dns_rr *q)
{
    struct dns_pending *pq = &st->pending[st->pending_next];

    st->pending_next = (uint8_t)((st->pending_next + 1) % DNS_PENDING_MAX);
    pq->used = 1;
    pq->id = id;
    pq->rrtype = q->type;
}

/* Finds the query of a response and frees every pending entry with that id. */
static int dns_pending_take(struct dns_state *st, uint16_t id, struct dns_pending *out)
{
    int found = 0;

    for (unsigned i = 0; i < DNS_PENDING_MAX; i++) {
        struct dns_pending *pq = &st->pending[i];

        if (!pq->used || pq->id != id)
            continue;
        if (!found)
            *out = *pq;
        found = 1;
        pq->used = 0;
    }
    return found;
}

static void dns_report_queries(struct dns_state *st, struct dctx *cx, const uint8_t *msg, size_t n,
                               const struct dns_hdr *h)
{
    size_t off = DNS_HDR_LEN;
    unsigned nq = h->qd < DNS_QUESTIONS_MAX ? h->qd : DNS_QUESTIONS_MAX;

    for (unsigned i = 0; i < nq; i++) {
        struct dns_rr q;
        struct fact f;
        char name[DNS_TEXT_MAX], tbuf[16];
        size_t nl;

        if (dns_question_read(msg, n, &off, &q) < 0)
            return;
        dns_pending_add(st, h->id, &q);
        nl = dns_name_text(q.name, q.namelen, name);
        fact_init(&f, "dns", "dns.query");
        fact_cstr(&f, "type", "query");
        fact_uint(&f, "id", h->id);
        fact_str(&f, "rrname", name, nl);
        fact_subject(&f, name, nl); /* one alert per name looked up */
        fact_cstr(&f, "rrtype", dns_type_text(q.type, tbuf, sizeof(tbuf)));
        cx->emit(cx, &f);
    }
}

/* "a.b.c.d" of 4 bytes, NUL-terminated; returns the length (snprintf is 10x slower). */
static int dns_ipv4_text(const uint8_t *rd, char *out)
{
    char *o = out;

    for (int i = 0; i < 4; i++) {
        unsigned v = rd[i];

        if (v >= 100)
            *o++ = (char)('0' + v / 100);
        if (v >= 10)
            *o++ = (char)('0' + v / 10 % 10);
        *o++ = (char)('0' + v % 10);
        *o++ = i < 3 ? '.' : '\0';
    }
    return (int)(o - out - 1);
}

/*
 * Renders the rdata of one answer into out (room for DNS_TEXT_MAX + 8 bytes).
 * Returns the length, or -1 for a type not rendered or rdata that is wrong.
 */
static int dns_rdata_text(const uint8_t *msg, size_t n, const struct dns_rr *rr, char *out)
{
    const uint8_t *rd = msg + rr->rdoff;
    size_t end = rr->rdoff + rr->rdlen, next, o = 0;
    uint8_t w[DNS_NAME_WIRE_MAX];
    int l;

    switch (rr->type) {
    case DNS_T_A:
        if (rr->rdlen != 4)
            return -1;
        return dns_ipv4_text(rd, out);
    case DNS_T_AAAA:
        if (rr->rdlen != 16 || !inet_ntop(AF_INET6, rd, out, 46))
            return -1;
        return (int)strlen(out);
    case DNS_T_MX:
        /* preference, then the exchange: a name like the others */
        if (rr->rdlen < 3)
            return -1;
        o = (size_t)snprintf(out, 8, "%u ", rd16(rd));
        l = dns_name_read(msg, end, rr->rdoff + 2, w, &next);
        if (l < 0)
            return -1;
        return (int)(o + dns_name_text(w, (size_t)l, out + o));
    case DNS_T_CNAME:
    case DNS_T_NS:
    case DNS_T_PTR:
        l = dns_name_read(msg, end, rr->rdoff, w, &next);
        if (l < 0)
            return -1;
        return (int)dns_name_text(w, (size_t)l, out);
    case DNS_T_TXT:
        if (rr->rdlen < 1 || 1 + (size_t)rd[0] > rr->rdlen)
            return -1;
        o = dns_escape(out, 0, rd + 1, rd[0]);
        out[o] = '\0';
        return (int)o;
    }
    return -1;
}

static void dns_report_answer(struct dns_state *st, struct dctx *cx, const uint8_t *msg, size_t n,
                              const struct dns_hdr *h)
{
    struct dns_pending pq;
    struct dns_rr q, rr;
    struct fact f;
    char name[DNS_TEXT_MAX], tbuf[16], rbuf[16], arena[DNS_ARENA_MAX];
    size_t off = DNS_HDR_LEN, used = 0, nl = 0;
    int have_q = 0, have_name = 0, have_type = 0;
    uint16_t rrtype = 0;
    unsigned nans = 0;

    for (unsigned i = 0; i < h->qd; i++) {
        if (dns_question_read(msg, n, &off, &q) < 0)
            return;
        if (i == 0)
            have_q = 1;
    }
    if (dns_pending_take(st, h->id, &pq) && !have_q) {
        rrtype = pq.rrtype; /* what was asked; the name comes from the first answer */
        have_type = 1;
    } else if (have_q) {
        /* re-read the first question: the echo in the response is what it answers */
        size_t qoff = DNS_HDR_LEN;

        if (dns_question_read(msg, n, &qoff, &q) < 0)
            return;
        nl = dns_name_text(q.name, q.namelen, name);
        rrtype = q.type;
        have_name = 1;
    }

    fact_init(&f, "dns", "dns.answer");
    fact_cstr(&f, "type", "answer");
    fact_uint(&f, "id", h->id);
    if (have_name) {
        fact_str(&f, "rrname", name, nl);
        fact_subject(&f, name, nl); /* one alert per name looked up */
        fact_cstr(&f, "rrtype", dns_type_text(rrtype, tbuf, sizeof(tbuf)));
    }
    fact_cstr(&f, "rcode", dns_rcode_text(DNS_RCODE(h->flags), rbuf, sizeof(rbuf)));
    for (unsigned i = 0; i < h->an; i++) {
        int l;

        if (dns_rr_read(msg, n, &off, &rr) < 0)
            return;
        if (i == 0) {
            fact_uint(&f, "ttl", rr.ttl);
            if (!have_name) {
                /* no question echoed (mDNS announcements, some stubs): name the owner */
                nl = dns_name_text(rr.name, rr.namelen, name);
                fact_str(&f, "rrname", name, nl);
                fact_subject(&f, name, nl);
                fact_cstr(&f, "rrtype",
                          dns_type_text(have_type ? rrtype : rr.type, tbuf, sizeof(tbuf)));
            }
        }
        if (nans >= DNS_ANSWERS_MAX || used + DNS_TEXT_MAX + 8 > sizeof(arena))
            continue;
        l = dns_rdata_text(msg, n, &rr, arena + used);
        if (l < 0)
            continue;
        fact_str_item(&f, "answers", arena + used, (size_t)l);
        used += (size_t)l + 1;
        nans++;
    }
    cx->emit(cx, &f);
}

/* One complete message: validate it all, then report. */
static void dns_message(struct dns_state *st, struct dctx *cx, const uint8_t *msg, size_t n)
{
    struct dns_hdr h;

    if (dns_hdr_read(msg, n, &h) < 0 || dns_walk(msg, n, &h) == 0) {
        st->malformed++;
        return;
    }
    st->messages++;
    if (DNS_OPCODE(h.flags) != 0)
        return;
    if (DNS_QR(h.flags))
        dns_report_answer(st, cx, msg, n, &h);
    else
        dns_report_queries(st, cx, msg, n, &h);
}

static int dns_verdict(const struct dns_state *st)
{
    if (st->messages == 0 && st->malformed >= DNS_MALFORMED_REJECT)
        return DISSECT_REJECT;
    return 0;
}

static int dns_feed(void *vst, struct dctx *cx, int dir, const uint8_t *p, size_t n)
{
    struct dns_state *st = vst;

    dns_message(st, cx, p, n);
    return dns_verdict(st);
}

static int dns_tcp_feed(void *vst, struct dctx *cx, int dir, const uint8_t *p, size_t n)
{
    struct dns_state *st = vst;
    size_t off = 0;
    int d = dir ? 1 : 0;

    if (n > INT_MAX) /* the return value must say how much was used */
        n = INT_MAX;
    if (st->desync[d])
        return (int)n;
    while (off < n) {
        size_t len;

        if (st->skip[d] > 0) {
            size_t take = n - off < st->skip[d] ? n - off : st->skip[d];

            st->skip[d] -= (uint32_t)take;
            off += take;
            continue;
        }
        if (n - off < 2)
            break;
        len = rd16(p + off);
        if (len > DNS_TCP_MSG_MAX) {
            st->skipped++;
            st->skip[d] = (uint32_t)len;
            off += 2;
            continue;
        }
        if (n - off < 2 + len)
            break;
        dns_message(st, cx, p + off + 2, len);
        off += 2 + len;
        if (dns_verdict(st) < 0)
            return DISSECT_REJECT;
    }
    return (int)off;
}

static void dns_gap(void *vst, struct dctx *cx, int dir, uint32_t missing)
{
    struct dns_state *st = vst;
    int d = dir ? 1 : 0;

    /* inside an oversized message the loss costs nothing; elsewhere framing is gone */
    if (st->skip[d] >= missing)
        st->skip[d] -= missing;
    else
        st->desync[d] = 1;
}

static void dns_udp_gap(void *vst, struct dctx *cx, int dir, uint32_t missing)
{
}

static void dns_end(void *vst, struct dctx *cx)
{
    /* queries were reported when seen; unanswered ones need nothing more */
}

const struct dissector dns_dissector = {
    .name = "dns",
    .app_proto = "DNS",
    .ipproto = 17,
    .state_size = sizeof(struct dns_state),
    .max_tail = 0,
    .probe = dns_probe,
    .feed = dns_feed,
    .gap = dns_udp_gap,
    .end = dns_end,
};

const struct dissector dns_tcp_dissector = {
    .name = "dns_tcp",
    .app_proto = "DNS",
    .ipproto = 6,
    .state_size = sizeof(struct dns_state),
    .max_tail = DNS_TCP_MSG_MAX + 2,
    .probe = dns_tcp_probe,
    .feed = dns_tcp_feed,
    .gap = dns_gap,
    .end = dns_end,
};
