/*
 * json_scan.c - the JSON tokenizer and its helpers (contract in json_scan.h).
 *
 * One pass, no recursion: the open container is tracked through the tokens'
 * parent links, so depth costs nothing but a counter. Every read is checked
 * against n. Numbers are converted only on request, by copying the token into
 * a small stack buffer for strtod/strtoll (tokens are not NUL-terminated).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "json_scan.h"

#define JSON_NUM_MAX 64 /* longest number text json_num_double converts */

enum json_want {
    W_VALUE,          /* a value: top level, after ':' or ',' in an array */
    W_VALUE_OR_CLOSE, /* right after '[' */
    W_KEY_OR_CLOSE,   /* right after '{' */
    W_KEY,            /* after ',' in an object */
    W_COLON,
    W_COMMA_OR_CLOSE,
    W_DONE,
};

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Reads 4 hex digits at s[i..i+4); returns the value or -1. */
static long hex4(const char *s, size_t n, size_t i)
{
    long v = 0;

    if (n - i < 4 || i > n)
        return -1;
    for (int k = 0; k < 4; k++) {
        int h = hexval(s[i + (size_t)k]);

        if (h < 0)
            return -1;
        v = v << 4 | h;
    }
    return v;
}

/* Checks a string whose opening quote is at s[i]; returns the index past the closing quote or 0. */
static size_t scan_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c == '"')
            return i + 1;
        if (c < 0x20)
            return 0;
        if (c != '\\')
            continue;
        if (++i >= n)
            return 0;
        switch (s[i]) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            break;
        case 'u':
            if (hex4(s, n, i + 1) < 0)
                return 0;
            i += 4;
            break;
        default:
            return 0;
        }
    }
    return 0;
}

static size_t digits(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* Checks a number starting at s[i]; returns the index past it or 0. */
static size_t scan_number(const char *s, size_t n, size_t i)
{
    size_t j;

    if (i < n && s[i] == '-')
        i++;
    if (i >= n)
        return 0;
    if (s[i] == '0')
        i++;
    else if (s[i] >= '1' && s[i] <= '9')
        i = digits(s, n, i);
    else
        return 0;
    if (i < n && s[i] == '.') {
        j = digits(s, n, i + 1);
        if (j == i + 1)
            return 0;
        i = j;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        j = digits(s, n, i);
        if (j == i)
            return 0;
        i = j;
    }
    return i;
}

static int new_tok(struct json_tok *tok, unsigned max, int *ntok, uint8_t type, size_t start,
                   int parent)
{
    struct json_tok *t;

    if ((unsigned)*ntok >= max)
        return JSON_ERR_NOMEM;
    t = &tok[*ntok];
    t->type = type;
    t->start = (uint32_t)start;
    t->len = 0;
    t->parent = parent;
    t->size = 0;
    t->next = (uint32_t)*ntok + 1;
    return (*ntok)++;
}

int json_scan(const char *s, size_t n, struct json_tok *tok, unsigned max)
{
    enum json_want want = W_VALUE;
    int ntok = 0, cur = -1, depth = 0, k;
    size_t i = 0, end;

    if (n >= UINT32_MAX)
        return JSON_ERR_INVALID;
    for (;;) {
        while (i < n && is_ws(s[i]))
            i++;
        if (i >= n)
            return want == W_DONE ? ntok : JSON_ERR_INVALID;
        if (want == W_DONE)
            return JSON_ERR_INVALID; /* trailing garbage */
        char c = s[i];

        if (want == W_COLON) {
            if (c != ':')
                return JSON_ERR_INVALID;
            i++;
            want = W_VALUE;
            continue;
        }
        if (want == W_COMMA_OR_CLOSE ||
            ((c == ']' || c == '}') && (want == W_VALUE_OR_CLOSE || want == W_KEY_OR_CLOSE))) {
            int is_obj = tok[cur].type == JSON_OBJECT;

            if (c == ',') {
                i++;
                want = is_obj ? W_KEY : W_VALUE;
                continue;
            }
            if (c != (is_obj ? '}' : ']'))
                return JSON_ERR_INVALID;
            i++;
            tok[cur].len = (uint32_t)(i - tok[cur].start);
            tok[cur].next = (uint32_t)ntok;
            cur = tok[cur].parent;
            depth--;
            want = cur < 0 ? W_DONE : W_COMMA_OR_CLOSE;
            continue;
        }
        if (want == W_KEY || want == W_KEY_OR_CLOSE) {
            if (c != '"')
                return JSON_ERR_INVALID;
            end = scan_string(s, n, i);
            if (!end)
                return JSON_ERR_INVALID;
            k = new_tok(tok, max, &ntok, JSON_STRING, i + 1, cur);
            if (k < 0)
                return k;
            tok[k].len = (uint32_t)(end - i - 2);
            tok[cur].size++;
            i = end;
            want = W_COLON;
            continue;
        }
        /* a value: W_VALUE or W_VALUE_OR_CLOSE */
        if (cur >= 0 && tok[cur].type == JSON_ARRAY)
            tok[cur].size++;
        if (c == '{' || c == '[') {
            if (depth >= JSON_MAX_DEPTH)
                return JSON_ERR_DEPTH;
            k = new_tok(tok, max, &ntok, c == '{' ? JSON_OBJECT : JSON_ARRAY, i, cur);
            if (k < 0)
                return k;
            cur = k;
            depth++;
            i++;
            want = c == '{' ? W_KEY_OR_CLOSE : W_VALUE_OR_CLOSE;
            continue;
        }
        if (c == '"') {
            end = scan_string(s, n, i);
            if (!end)
                return JSON_ERR_INVALID;
            k = new_tok(tok, max, &ntok, JSON_STRING, i + 1, cur);
            if (k < 0)
                return k;
            tok[k].len = (uint32_t)(end - i - 2);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            end = scan_number(s, n, i);
            if (!end)
                return JSON_ERR_INVALID;
            k = new_tok(tok, max, &ntok, JSON_NUMBER, i, cur);
            if (k < 0)
                return k;
            tok[k].len = (uint32_t)(end - i);
        } else {
            static const char *const lit[] = {"true", "false", "null"};
            static const uint8_t type[] = {JSON_TRUE, JSON_FALSE, JSON_NULL};
            int m = c == 't' ? 0 : c == 'f' ? 1 : c == 'n' ? 2 : -1;
            size_t l;

            if (m < 0)
                return JSON_ERR_INVALID;
            l = strlen(lit[m]);
            if (n - i < l || memcmp(s + i, lit[m], l) != 0)
                return JSON_ERR_INVALID;
            end = i + l;
            k = new_tok(tok, max, &ntok, type[m], i, cur);
            if (k < 0)
                return k;
            tok[k].len = (uint32_t)l;
        }
        i = end;
        want = cur < 0 ? W_DONE : W_COMMA_OR_CLOSE;
    }
}

/* ---- helpers -------------------------------------------------------------- */

static size_t put_utf8(char *out, size_t cap, size_t w, unsigned long cp)
{
    unsigned char b[4];
    size_t l;

    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        l = 1;
    } else if (cp < 0x800) {
        b[0] = (unsigned char)(0xc0 | cp >> 6);
        b[1] = (unsigned char)(0x80 | (cp & 0x3f));
        l = 2;
    } else if (cp < 0x10000) {
        b[0] = (unsigned char)(0xe0 | cp >> 12);
        b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
        b[2] = (unsigned char)(0x80 | (cp & 0x3f));
        l = 3;
    } else {
        b[0] = (unsigned char)(0xf0 | cp >> 18);
        b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
        b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
        b[3] = (unsigned char)(0x80 | (cp & 0x3f));
        l = 4;
    }
    for (size_t k = 0; k < l; k++)
        if (w + k < cap)
            out[w + k] = (char)b[k];
    return w + l;
}

int json_unescape(const char *s, const struct json_tok *t, char *out, size_t cap)
{
    const char *p;
    size_t n, w = 0;

    if (t->type != JSON_STRING)
        return -1;
    p = s + t->start;
    n = t->len;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        long cp, lo;

        if (c != '\\' || i + 1 >= n) {
            if (w < cap)
                out[w] = c;
            w++;
            continue;
        }
        c = p[++i];
        switch (c) {
        case 'b':
            c = '\b';
            break;
        case 'f':
            c = '\f';
            break;
        case 'n':
            c = '\n';
            break;
        case 'r':
            c = '\r';
            break;
        case 't':
            c = '\t';
            break;
        case 'u':
            cp = hex4(p, n, i + 1);
            if (cp < 0) /* json_scan never lets this through */
                return -1;
            i += 4;
            if (cp >= 0xd800 && cp < 0xdc00) {
                lo = (i + 2 < n && p[i + 1] == '\\' && p[i + 2] == 'u') ? hex4(p, n, i + 3) : -1;
                if (lo >= 0xdc00 && lo < 0xe000) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    i += 6;
                } else {
                    cp = 0xfffd;
                }
            } else if (cp >= 0xdc00 && cp < 0xe000) {
                cp = 0xfffd;
            }
            w = put_utf8(out, cap, w, (unsigned long)cp);
            continue;
        default: /* '"', '\\', '/' stand for themselves */
            break;
        }
        if (w < cap)
            out[w] = c;
        w++;
    }
    return w > INT32_MAX ? -1 : (int)w;
}

/* Compares the unescaped string with lit[0..l); prefix: only the first l bytes. */
static int str_cmp(const char *s, const struct json_tok *t, const char *lit, int prefix)
{
    char buf[256];
    size_t l = strlen(lit);
    int len;

    if (t->type != JSON_STRING || l > sizeof(buf))
        return 0;
    /* fast path: no escapes and the raw bytes already differ in length */
    if (!prefix && memchr(s + t->start, '\\', t->len) == NULL)
        return t->len == l && memcmp(s + t->start, lit, l) == 0;
    len = json_unescape(s, t, buf, sizeof(buf));
    if (len < 0 || (size_t)len < l || (!prefix && (size_t)len != l))
        return 0;
    return memcmp(buf, lit, l) == 0;
}

int json_str_eq(const char *s, const struct json_tok *t, const char *lit)
{
    return str_cmp(s, t, lit, 0);
}

int json_str_prefix(const char *s, const struct json_tok *t, const char *prefix)
{
    return str_cmp(s, t, prefix, 1);
}

int json_obj_get(const char *s, const struct json_tok *tok, int ntok, int obj, const char *key)
{
    int k;

    if (obj < 0 || obj >= ntok || tok[obj].type != JSON_OBJECT)
        return -1;
    k = obj + 1;
    for (uint32_t m = 0; m < tok[obj].size; m++) {
        if (k + 1 >= ntok)
            return -1;
        if (json_str_eq(s, &tok[k], key))
            return k + 1;
        k = (int)tok[k + 1].next;
    }
    return -1;
}

int json_arr_get(const struct json_tok *tok, int ntok, int arr, unsigned i)
{
    int k;

    if (arr < 0 || arr >= ntok || tok[arr].type != JSON_ARRAY || i >= tok[arr].size)
        return -1;
    k = arr + 1;
    while (i-- > 0 && k < ntok)
        k = (int)tok[k].next;
    return k < ntok ? k : -1;
}

/* Copies a number token into buf as a C string; returns 0 or -1. */
static int num_text(const char *s, const struct json_tok *t, char *buf, size_t cap)
{
    if (t->type != JSON_NUMBER || t->len == 0 || t->len >= cap)
        return -1;
    memcpy(buf, s + t->start, t->len);
    buf[t->len] = '\0';
    return 0;
}

int json_num_double(const char *s, const struct json_tok *t, double *v)
{
    char buf[JSON_NUM_MAX];

    if (num_text(s, t, buf, sizeof(buf)) < 0)
        return -1;
    *v = strtod(buf, NULL);
    return 0;
}

int json_num_int64(const char *s, const struct json_tok *t, int64_t *v)
{
    char buf[JSON_NUM_MAX];
    long long r;

    if (num_text(s, t, buf, sizeof(buf)) < 0 || strpbrk(buf, ".eE"))
        return -1;
    errno = 0;
    r = strtoll(buf, NULL, 10);
    if (errno == ERANGE)
        return -1;
    *v = (int64_t)r;
    return 0;
}
