/*
 * test_event.c - Community ID v1 against the published test vectors, the
 * JSON writer against every byte value, timestamps and fact rendering.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "event.h"
#include "json.h"

static void addr4(uint8_t out[16], const char *s)
{
    memset(out, 0, 16);
    out[10] = out[11] = 0xff;
    inet_pton(AF_INET, s, out + 12);
}

static void addr6(uint8_t out[16], const char *s)
{
    inet_pton(AF_INET6, s, out);
}

static void cid4(uint16_t seed, const char *s, const char *d, uint8_t proto, uint16_t sp,
                 uint16_t dp, const char *want)
{
    uint8_t a[16], b[16];
    char out[EVENT_CID_LEN];

    addr4(a, s);
    addr4(b, d);
    CHECK_EQ(event_community_id(NULL, out, seed, 4, a, b, proto, sp, dp), 0);
    CHECK_STR(out, want);
    /* the reverse direction gives the same id */
    if (proto != 1) {
        CHECK_EQ(event_community_id(NULL, out, seed, 4, b, a, proto, dp, sp), 0);
        CHECK_STR(out, want);
    }
}

/* Vectors from the Community ID spec's baseline, as used by Zeek's tests. */
static void test_community_id(void)
{
    uint8_t a[16], b[16];
    char out[EVENT_CID_LEN];

    cid4(0, "1.2.3.4", "5.6.7.8", 6, 1122, 3344, "1:wCb3OG7yAFWelaUydu0D+125CLM=");
    cid4(0, "1.2.3.4", "5.6.7.8", 17, 1122, 3344, "1:0Mu9InQx6z4ZiCZM/7HXi2WMhOg=");
    cid4(0, "1.2.3.4", "5.6.7.8", 1, 8, 0, "1:crodRHL2FEsHjbv3UkRrfbs4bZ0=");
    cid4(0, "5.6.7.8", "1.2.3.4", 1, 0, 0, "1:crodRHL2FEsHjbv3UkRrfbs4bZ0=");
    cid4(1, "1.2.3.4", "5.6.7.8", 6, 1122, 3344, "1:HhA1B+6CoLbiKPEs5nhNYN4XWfk=");
    cid4(1, "1.2.3.4", "5.6.7.8", 17, 1122, 3344, "1:OShq+iKDAMVouh/4bMxB9Sz4amw=");
    cid4(1, "1.2.3.4", "5.6.7.8", 1, 8, 0, "1:9pr4ZGTICiuZoIh90RRYE2RyXpU=");
    cid4(0, "1.2.3.4", "5.6.7.8", 46, 0, 0, "1:ikv3kmf89luf73WPz1jOs49S768=");
    addr6(a, "fe80:0001:0203:0405:0607:0809:0A0B:0C0D");
    addr6(b, "fe80:1011:1213:1415:1617:1819:1A1B:1C1D");
    CHECK_EQ(event_community_id(NULL, out, 0, 6, a, b, 58, 128, 0), 0);
    CHECK_STR(out, "1:0bf7hyMJUwt3fMED7z8LIfRpBeo=");
    CHECK_EQ(event_community_id(NULL, out, 0, 6, b, a, 58, 129, 0), 0);
    CHECK_STR(out, "1:0bf7hyMJUwt3fMED7z8LIfRpBeo=");
}

static void test_timestamp(void)
{
    char ts[EVENT_TS_LEN];

    event_timestamp(ts, 1571645702123456ULL);
    CHECK_STR(ts, "2019-10-21T08:15:02.123456+0000");
    event_timestamp(ts, 0);
    CHECK_STR(ts, "1970-01-01T00:00:00.000000+0000");
    event_timestamp(ts, 1000001);
    CHECK_STR(ts, "1970-01-01T00:00:01.000001+0000");
}

/* A strict JSON string checker for what json_escape produced. */
static int valid_json_string_body(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f || c == '"')
            return 0;
        if (c == '\\') {
            if (i + 1 >= n)
                return 0;
            c = (unsigned char)s[++i];
            if (c == 'u') {
                if (i + 4 >= n)
                    return 0;
                i += 4;
            } else if (!strchr("\"\\/bfnrt", c)) {
                return 0;
            }
        }
    }
    return 1;
}

static void test_escape_every_byte(void)
{
    char in[1], out[16];

    for (int b = 0; b < 256; b++) {
        size_t n;
        in[0] = (char)b;
        n = json_escape(out, sizeof(out), in, 1);
        CHECK(n != (size_t)-1);
        CHECK(valid_json_string_body(out, n));
        if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
            CHECK_EQ(n, 1);
            CHECK_EQ((unsigned char)out[0], b);
        } else if (b >= 0x80 || b < 0x20 || b == 0x7f) {
            /* lone high bytes are not UTF-8: \u00XX, like control bytes */
            if (!strchr("\n\r\t\b\f", b) || b == 0) {
                char want[8];
                snprintf(want, sizeof(want), "\\u00%02x", b);
                CHECK_EQ(n, 6);
                CHECK_MEM(out, want, 6);
            }
        }
    }
    /* valid UTF-8 passes through; broken sequences are escaped byte by byte */
    {
        const char ok[] = "\xc3\xa9t\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80";
        char big[64];
        size_t n = json_escape(big, sizeof(big), ok, sizeof(ok) - 1);
        CHECK_EQ(n, sizeof(ok) - 1);
        CHECK_MEM(big, ok, sizeof(ok) - 1);
        /* the same cut inside a sequence: the partial sequence is escaped */
        n = json_escape(big, sizeof(big), ok, 4);
        CHECK_EQ(n, 3 + 6);
    }
    {
        char big[64];
        const char bad[] = "\xc3(\xe2\x82\xed\xa0\x80"; /* truncated, then a surrogate */
        size_t n = json_escape(big, sizeof(big), bad, sizeof(bad) - 1);
        CHECK(n != (size_t)-1);
        CHECK(valid_json_string_body(big, n));
        CHECK_MEM(big, "\\u00c3(", 7);
    }
    /* overlong encoding of '/' is not passed through */
    {
        char big[32];
        size_t n = json_escape(big, sizeof(big), "\xc0\xaf", 2);
        CHECK_EQ(n, 12);
    }
    /* too small an output buffer is an error, never a partial escape */
    CHECK_EQ(json_escape(out, 5, "\x01", 1), (size_t)-1);
}

/*
 * Every byte value at every position of a run of plain ASCII long enough for
 * the eight-at-a-time fast path: the result must be the run with just that
 * byte escaped, as json_escape escapes it alone (a lone high byte beside
 * ASCII is never valid UTF-8).
 */
static void test_escape_in_runs(void)
{
    char in[40], out[256], one[16], want[256];

    for (int b = 0; b < 256; b++) {
        size_t n1;

        in[0] = (char)b;
        n1 = json_escape(one, sizeof(one), in, 1);
        for (size_t pos = 0; pos < sizeof(in); pos++) {
            size_t n, w = 0;

            memset(in, 'a' + (int)(pos % 26), sizeof(in));
            in[pos] = (char)b;
            memcpy(want, in, pos);
            w = pos;
            memcpy(want + w, one, n1);
            w += n1;
            memcpy(want + w, in + pos + 1, sizeof(in) - pos - 1);
            w += sizeof(in) - pos - 1;
            n = json_escape(out, sizeof(out), in, sizeof(in));
            if (n != w || memcmp(out, want, w) != 0) {
                CHECK_EQ(n, w);
                CHECK_MEM(out, want, w);
                return;
            }
        }
    }
    CHECK(1);
}

/*
 * Runs of every length around the eight-byte words, with one byte of every
 * value at every place, into an output of exactly the size needed and one
 * byte less: the same bytes as escaping the parts apart, and never a byte
 * written past the end (the word copies must not overrun a tight buffer).
 */
static void test_escape_lengths(void)
{
    char in[24], out[24 * 6 + 16], one[16], want[24 * 6];

    for (size_t len = 1; len <= sizeof(in); len++)
        for (int b = 0; b < 256; b += (b < 0x21 || b > 0x7d) ? 1 : 13)
            for (size_t pos = 0; pos < len; pos++) {
                size_t n1, w, n;

                memset(in, 'A' + (int)(len % 26), len);
                in[pos] = (char)b;
                n1 = json_escape(one, sizeof(one), in + pos, 1);
                memcpy(want, in, pos);
                memcpy(want + pos, one, n1);
                memcpy(want + pos + n1, in + pos + 1, len - pos - 1);
                w = len - 1 + n1;
                memset(out, '#', sizeof(out));
                n = json_escape(out, w, in, len);
                if (n != w || memcmp(out, want, w) != 0 || out[w] != '#') {
                    CHECK_EQ(n, w);
                    CHECK_MEM(out, want, w);
                    CHECK_EQ(out[w], '#');
                    return;
                }
                memset(out, '#', sizeof(out));
                if (json_escape(out, w - 1, in, len) != (size_t)-1 || out[w - 1] != '#') {
                    CHECK_EQ(json_escape(out, w - 1, in, len), (size_t)-1);
                    CHECK_EQ(out[w - 1], '#');
                    return;
                }
            }
    CHECK(1);
}

/*
 * json_str() as a whole (its plain fast path and the escaping one): every
 * length 0-40, plain or with a byte of every kind at every place, from a
 * heap copy of exactly its length (ASan sees any read past it), into a
 * writer with exactly the room needed (fits; nothing past it is written)
 * and one byte less (overflow, and still nothing past it).
 */
static void test_str_lengths(void)
{
    static const unsigned char kinds[] = {'a', '"', '\\', '\n', 0x01, 0x7f, 0x80, 0xc3, 0xff};
    char esc[64 * 6], want[64 * 6 + 2], out[64 * 6 + 16];

    for (size_t len = 0; len <= 40; len++)
        for (size_t kind = 0; kind < sizeof(kinds); kind++)
            for (size_t pos = 0; pos < (len ? len : 1); pos++) {
                char *in = malloc(len ? len : 1);
                struct json j;
                size_t n, w;

                CHECK(in != NULL);
                if (!in)
                    return;
                for (size_t i = 0; i < len; i++)
                    in[i] = (char)('A' + (i * 7 + len) % 26);
                if (len)
                    in[pos] = (char)kinds[kind];
                n = json_escape(esc, sizeof(esc), in, len);
                want[0] = '"';
                memcpy(want + 1, esc, n);
                want[n + 1] = '"';
                w = n + 2;
                memset(out, '#', sizeof(out));
                json_init(&j, out, w);
                json_str(&j, in, len);
                if (j.overflow || j.len != w || memcmp(out, want, w) != 0 || out[w] != '#') {
                    CHECK_EQ(j.overflow, 0);
                    CHECK_EQ(j.len, w);
                    CHECK_MEM(out, want, w);
                    CHECK_EQ(out[w], '#');
                    free(in);
                    return;
                }
                memset(out, '#', sizeof(out));
                json_init(&j, out, w - 1);
                json_str(&j, in, len);
                if (!j.overflow || out[w - 1] != '#') {
                    CHECK_EQ(j.overflow, 1);
                    CHECK_EQ(out[w - 1], '#');
                    free(in);
                    return;
                }
                free(in);
            }
    CHECK(1);
}

/* Numbers as snprintf writes them: every digit count, its edges, and the extremes. */
static void test_numbers(void)
{
    char buf[64], want[32];
    struct json j;
    uint64_t v = 1;

    for (int d = 0; d < 20; d++, v *= 10) {
        const uint64_t cand[] = {v - 1, v, v + 1, v * 2 - 1, v * 5 + 3};

        for (unsigned k = 0; k < sizeof(cand) / sizeof(cand[0]); k++) {
            json_init(&j, buf, sizeof(buf));
            json_uint(&j, cand[k]);
            snprintf(want, sizeof(want), "%llu", (unsigned long long)cand[k]);
            CHECK_EQ(j.len, strlen(want));
            CHECK_MEM(buf, want, j.len);
            json_init(&j, buf, sizeof(buf));
            json_int(&j, -(int64_t)(cand[k] >> 1));
            snprintf(want, sizeof(want), "%lld", -(long long)(cand[k] >> 1));
            CHECK_EQ(j.len, strlen(want));
            CHECK_MEM(buf, want, j.len);
        }
    }
    for (uint64_t n = 0; n < 100000; n += 7) {
        json_init(&j, buf, sizeof(buf));
        json_uint(&j, n);
        snprintf(want, sizeof(want), "%llu", (unsigned long long)n);
        if (j.len != strlen(want) || memcmp(buf, want, j.len) != 0) {
            CHECK_MEM(buf, want, strlen(want));
            return;
        }
    }
    json_init(&j, buf, sizeof(buf));
    json_uint(&j, UINT64_MAX);
    CHECK_EQ(j.len, 20);
    CHECK_MEM(buf, "18446744073709551615", 20);
    json_init(&j, buf, sizeof(buf));
    json_int(&j, INT64_MIN);
    CHECK_EQ(j.len, 20);
    CHECK_MEM(buf, "-9223372036854775808", 20);
}

static void test_writer(void)
{
    char buf[256];
    struct json j;

    json_init(&j, buf, sizeof(buf));
    json_open(&j);
    json_kv_cstr(&j, "a", "x\"y");
    json_kv_int(&j, "b", -5);
    json_key(&j, "c");
    json_open_array(&j);
    json_uint(&j, 1);
    json_uint(&j, 2);
    json_close_array(&j);
    json_key(&j, "d");
    json_open(&j);
    json_kv_bool(&j, "e", 1);
    json_kv_double(&j, "f", 2.5);
    json_close(&j);
    json_close(&j);
    CHECK(!j.overflow);
    CHECK_EQ(j.len, strlen("{\"a\":\"x\\\"y\",\"b\":-5,\"c\":[1,2],\"d\":{\"e\":true,\"f\":2.5}}"));
    CHECK_MEM(buf, "{\"a\":\"x\\\"y\",\"b\":-5,\"c\":[1,2],\"d\":{\"e\":true,\"f\":2.5}}", j.len);

    /* overflow is flagged, not truncated silently */
    json_init(&j, buf, 10);
    json_open(&j);
    json_kv_cstr(&j, "long", "0123456789");
    json_close(&j);
    CHECK(j.overflow);
    CHECK(j.len <= 10);
}

static void test_fact(void)
{
    char buf[512];
    struct json j;
    struct fact f;
    const char *want = "{\"dns\":{\"rrname\":\"a\\u0001b\",\"answers\":[\"1.2.3.4\",\"5.6.7.8\"],"
                       "\"ttl\":60,\"ja3\":\"900150983cd24fb0d6963f7d28e17f72\",\"ok\":false}}";

    fact_init(&f, "dns", "dns.answer");
    fact_str(&f, "rrname",
             "a\x01"
             "b",
             3);
    fact_str_item(&f, "answers", "1.2.3.4", 7);
    fact_str_item(&f, "answers", "5.6.7.8", 7);
    fact_uint(&f, "ttl", 60);
    fact_md5hex(&f, "ja3", "abc", 3); /* MD5("abc"), RFC 1321 test suite */
    fact_bool(&f, "ok", 0);
    json_init(&j, buf, sizeof(buf));
    json_open(&j);
    event_fact(&j, NULL, &f);
    json_close(&j);
    CHECK(!j.overflow);
    buf[j.len] = '\0';
    CHECK_STR(buf, want);

    /* a full fact counts what it dropped */
    fact_init(&f, "x", "x");
    for (int i = 0; i < FACT_MAX_FIELDS + 3; i++)
        fact_uint(&f, "n", (uint64_t)i);
    CHECK_EQ(f.nfields, FACT_MAX_FIELDS);
    CHECK_EQ(f.overflow, 3);
}

int main(void)
{
    test_community_id();
    test_timestamp();
    test_escape_every_byte();
    test_escape_in_runs();
    test_escape_lengths();
    test_numbers();
    test_str_lengths();
    test_writer();
    test_fact();
    return check_done();
}
