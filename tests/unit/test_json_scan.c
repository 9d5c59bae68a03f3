/*
 * test_json_scan.c - the JSON tokenizer: a table of valid and invalid
 * documents (every escape, surrogates, nesting at and past the limit, number
 * edge cases, trailing garbage), token shapes, key lookup in any order,
 * array access, unescaping with bounds, and number conversion.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "json_scan.h"

static struct json_tok tok[JSON_MAX_TOKENS];

static int scan(const char *s)
{
    return json_scan(s, strlen(s), tok, JSON_MAX_TOKENS);
}

static void test_table(void)
{
    static const struct {
        const char *s;
        int ok;
    } t[] = {
        {"{}", 1},
        {"[]", 1},
        {" \t\r\n{ } \r\n", 1},
        {"0", 1},
        {"-0", 1},
        {"1.5e-3", 1},
        {"-12.25E+10", 1},
        {"\"\"", 1},
        {"true", 1},
        {"null", 1},
        {"[false,true,null]", 1},
        {"{\"a\":[1,{\"b\":\"c\"}],\"d\":{}}", 1},
        {"\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"", 1},
        {"\"\\uDE00 lone low\"", 1},
        {"\"\xff\xfe raw high bytes\"", 1},
        {"", 0},
        {"   ", 0},
        {"{", 0},
        {"}", 0},
        {"[1,]", 0},
        {"[,1]", 0},
        {"{\"a\":1,}", 0},
        {"{\"a\" 1}", 0},
        {"{\"a\":}", 0},
        {"{a:1}", 0},
        {"{1:1}", 0},
        {"[1 2]", 0},
        {"{} {}", 0},
        {"{}x", 0},
        {"[1]]", 0},
        {"[}", 0},
        {"{]", 0},
        {"01", 0},
        {"-", 0},
        {"1.", 0},
        {".5", 0},
        {"1e", 0},
        {"1e+", 0},
        {"+1", 0},
        {"0x10", 0},
        {"tru", 0},
        {"nul", 0},
        {"True", 0},
        {"\"abc", 0},
        {"\"a\\x\"", 0},
        {"\"\\u12G4\"", 0},
        {"\"\\u12\"", 0},
        {"\"tab\there\"", 0},
        {"\"nl\nhere\"", 0},
        {"\"end\\", 0},
    };

    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        int r = scan(t[i].s);

        if ((r > 0) != t[i].ok)
            fprintf(stderr, "table %zu: \"%s\" -> %d\n", i, t[i].s, r);
        CHECK_EQ(r > 0, t[i].ok);
    }
    /* a NUL byte inside the length is not JSON whitespace */
    CHECK_EQ(json_scan("{}\0", 3, tok, JSON_MAX_TOKENS), JSON_ERR_INVALID);
    CHECK_EQ(json_scan("{\"a\":\"\0\"}", 8, tok, JSON_MAX_TOKENS), JSON_ERR_INVALID);
}

static void test_depth_and_tokens(void)
{
    char buf[128];

    memset(buf, '[', 16);
    memset(buf + 16, ']', 16);
    buf[32] = '\0';
    CHECK_EQ(scan(buf), 16);
    memset(buf, '[', 17);
    memset(buf + 17, ']', 17);
    buf[34] = '\0';
    CHECK_EQ(scan(buf), JSON_ERR_DEPTH);
    CHECK_EQ(json_scan("[1,2,3]", 7, tok, 4), 4);
    CHECK_EQ(json_scan("[1,2,3,4]", 9, tok, 4), JSON_ERR_NOMEM);
    CHECK_EQ(json_scan("{\"a\":1}", 7, tok, 2), JSON_ERR_NOMEM);
}

static void test_tokens(void)
{
    const char *s = "{\"id\":7,\"params\":[\"a\",[1,2],{\"x\":null}],\"method\":\"mining.notify\"}";
    int n = scan(s), p, m;

    CHECK_EQ(n, 14);
    CHECK_EQ(tok[0].type, JSON_OBJECT);
    CHECK_EQ(tok[0].size, 3);
    CHECK_EQ(tok[0].len, strlen(s));
    CHECK_EQ(tok[0].next, 14);
    CHECK_EQ(tok[1].type, JSON_STRING);
    CHECK_MEM(s + tok[1].start, "id", 2);
    CHECK_EQ(tok[1].len, 2);
    p = json_obj_get(s, tok, n, 0, "params");
    CHECK_EQ(p, 4);
    CHECK_EQ(tok[p].type, JSON_ARRAY);
    CHECK_EQ(tok[p].size, 3);
    CHECK_EQ(tok[p].parent, 0);
    CHECK_EQ(json_arr_get(tok, n, p, 0), 5);
    CHECK_EQ(json_arr_get(tok, n, p, 1), 6);
    CHECK_EQ(tok[6].size, 2);
    CHECK_EQ(tok[7].parent, 6);
    CHECK_EQ(json_arr_get(tok, n, p, 2), 9);
    CHECK_EQ(json_arr_get(tok, n, p, 3), -1);
    CHECK_EQ(json_arr_get(tok, n, 0, 0), -1);
    CHECK_EQ(tok[json_obj_get(s, tok, n, 9, "x")].type, JSON_NULL);
    m = json_obj_get(s, tok, n, 0, "method");
    CHECK(json_str_eq(s, &tok[m], "mining.notify"));
    CHECK(!json_str_eq(s, &tok[m], "mining.notif"));
    CHECK(json_str_prefix(s, &tok[m], "mining."));
    CHECK_EQ(json_obj_get(s, tok, n, 0, "nope"), -1);
    CHECK_EQ(json_obj_get(s, tok, n, 4, "id"), -1);
    /* nested keys of the same name are not members of the outer object */
    s = "{\"a\":{\"k\":1},\"k\":2}";
    n = scan(s);
    CHECK_EQ(json_obj_get(s, tok, n, 0, "k"), 6);
}

static void test_key_order(void)
{
    const char *a = "{\"method\":\"login\",\"id\":1,\"params\":{}}";
    const char *b = "{\"params\":{},\"id\":1,\"me\\u0074hod\":\"log\\u0069n\"}";
    int n;

    n = scan(a);
    CHECK(json_str_eq(a, &tok[json_obj_get(a, tok, n, 0, "method")], "login"));
    n = scan(b);
    CHECK(json_obj_get(b, tok, n, 0, "method") > 0);
    CHECK(json_str_eq(b, &tok[json_obj_get(b, tok, n, 0, "method")], "login"));
    CHECK_EQ(tok[json_obj_get(b, tok, n, 0, "params")].type, JSON_OBJECT);
}

static void test_unescape(void)
{
    const char *s =
        "\"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t|\\u00e9|\\u20AC|\\uD83D\\uDE00|\\uDE00|\\uD800x\"";
    const char want[] = "q\"b\\s/\b\f\n\r\t|\xc3\xa9|\xe2\x82\xac|\xf0\x9f\x98\x80|\xef\xbf\xbd|"
                        "\xef\xbf\xbdx";
    char out[64];
    int n = scan(s), l;

    CHECK_EQ(n, 1);
    l = json_unescape(s, &tok[0], out, sizeof(out));
    CHECK_EQ(l, (int)sizeof(want) - 1);
    CHECK_MEM(out, want, sizeof(want) - 1);
    /* bounded: writes at most cap bytes, still says the full length */
    memset(out, '#', sizeof(out));
    CHECK_EQ(json_unescape(s, &tok[0], out, 4), (int)sizeof(want) - 1);
    CHECK_MEM(out, "q\"b\\#", 5);
    CHECK_EQ(json_unescape(s, &tok[0], NULL, 0), (int)sizeof(want) - 1);
    /* a multi-byte sequence cut by the bound leaves bytes after it untouched */
    memset(out, '#', sizeof(out));
    CHECK_EQ(json_unescape("\"\\u20ac\"", &(struct json_tok){JSON_STRING, 1, 6, -1, 0, 1}, out, 2),
             3);
    CHECK_MEM(out, "\xe2\x82#", 3);
    n = scan("[1]");
    CHECK_EQ(json_unescape("[1]", &tok[1], out, sizeof(out)), -1);
}

static void test_numbers(void)
{
    const char *s = "[0,-7,9223372036854775807,9223372036854775808,1.5,2e3,-0.25E-2]";
    int n = scan(s);
    int64_t v;
    double d;

    CHECK_EQ(n, 8);
    CHECK_EQ(json_num_int64(s, &tok[1], &v), 0);
    CHECK_EQ(v, 0);
    CHECK_EQ(json_num_int64(s, &tok[2], &v), 0);
    CHECK_EQ(v, -7);
    CHECK_EQ(json_num_int64(s, &tok[3], &v), 0);
    CHECK(v == INT64_MAX);
    CHECK_EQ(json_num_int64(s, &tok[4], &v), -1);
    CHECK_EQ(json_num_int64(s, &tok[5], &v), -1);
    CHECK_EQ(json_num_double(s, &tok[5], &d), 0);
    CHECK(d == 1.5);
    CHECK_EQ(json_num_double(s, &tok[6], &d), 0);
    CHECK(d == 2000.0);
    CHECK_EQ(json_num_double(s, &tok[7], &d), 0);
    CHECK(d == -0.0025);
    CHECK_EQ(json_num_double(s, &tok[0], &d), -1);
}

int main(void)
{
    test_table();
    test_depth_and_tokens();
    test_tokens();
    test_key_order();
    test_unescape();
    test_numbers();
    return check_done();
}
