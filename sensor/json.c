/*
 * json.c - the bounded JSON writer (see json.h). Hostile bytes in, valid
 * JSON out; a full buffer sets `overflow` instead of truncating silently.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "json.h"

static const char hexdig[] = "0123456789abcdef";

void json_init(struct json *j, char *buf, size_t cap)
{
    j->buf = buf;
    j->len = 0;
    j->cap = cap;
    j->overflow = 0;
    j->depth = 0;
    j->first[0] = 1;
}

static void put(struct json *j, const char *s, size_t n)
{
    if (j->overflow || n > j->cap - j->len) {
        j->overflow = 1;
        return;
    }
    memcpy(j->buf + j->len, s, n);
    j->len += n;
}

static void putc1(struct json *j, char c)
{
    if (j->overflow || j->len >= j->cap) {
        j->overflow = 1;
        return;
    }
    j->buf[j->len++] = c;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if it is not valid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t need;
    unsigned cp;

    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf) {
        need = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 3;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (n < need)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3f);
    }
    /* overlong forms, surrogates and code points past U+10FFFF are invalid */
    if ((need == 3 && cp < 0x800) || (need == 4 && (cp < 0x10000 || cp > 0x10ffff)))
        return 0;
    if (cp >= 0xd800 && cp <= 0xdfff)
        return 0;
    return need;
}

/* 1 for the bytes that go out as they are: printable ASCII but '"' and '\\'. */
static const uint8_t plain[256] = {
#define R4(x)  x, x, x, x
#define R16(x) R4(x), R4(x), R4(x), R4(x)
    R16(0), R16(0), /* 0x00-0x1f */
    1,      1,      0,      1,      1,      1,      1,      1,
    1,      1,      1,      1,      1,      1,      1,      1, /* 0x20-0x2f: '"' */
    R16(1),                                                    /* 0x30-0x3f */
    R16(1),                                                    /* 0x40-0x4f */
    1,      1,      1,      1,      1,      1,      1,      1,
    1,      1,      1,      1,      0,      1,      1,      1, /* 0x50-0x5f: '\\' */
    R16(1),                                                    /* 0x60-0x6f */
    1,      1,      1,      1,      1,      1,      1,      1,
    1,      1,      1,      1,      1,      1,      1,      0,      /* 0x70-0x7f: DEL */
    R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), /* 0x80-0xff */
#undef R16
#undef R4
};

/*
 * Whether all 8 bytes at p are plain (0x20..0x7e except '"' and '\\'), eight
 * at a time: the classic has-zero-byte and has-less-than bit tricks on one
 * 64-bit word. The high bit of a byte of `bad` is set for every byte that
 * needs a closer look (false positives are fine: the table decides).
 */
static int swar_plain8(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t x, q, b, bad;

    memcpy(&x, p, 8);
    q = x ^ (ones * '"');
    b = x ^ (ones * '\\');
    bad = (x - ones * 0x20) | (q - ones) | (b - ones); /* < 0x20, '"', '\\' */
    bad |= x | (x + ones);                             /* >= 0x80, 0x7f (DEL) */
    return (bad & high) == 0;
}

size_t json_escape(char *out, size_t cap, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0, i = 0;

    while (i < len) {
        unsigned c = p[i];
        const char *esc = NULL;
        size_t n;

        if (plain[c]) {
            /*
             * The common case, a run of plain ASCII: eight bytes a word
             * while the next eight are all plain; a run that ends the string
             * ends with one word over its last eight bytes (those already
             * written are plain, so they went out as they are, and the
             * overlap writes them again unchanged); the rest byte by byte.
             */
            while (len - i >= 8 && cap - o >= 8 && swar_plain8(p + i)) {
                memcpy(out + o, p + i, 8);
                i += 8;
                o += 8;
            }
            if (i < len && len - i < 8 && len >= 8 && cap - o >= len - i &&
                swar_plain8(p + len - 8)) {
                memcpy(out + o - (8 - (len - i)), p + len - 8, 8);
                o += len - i;
                break;
            }
            while (i < len && plain[p[i]]) {
                if (o == cap)
                    return (size_t)-1;
                out[o++] = (char)p[i++];
            }
            continue;
        }
        switch (c) {
        case '"':
            esc = "\\\"";
            break;
        case '\\':
            esc = "\\\\";
            break;
        case '\n':
            esc = "\\n";
            break;
        case '\r':
            esc = "\\r";
            break;
        case '\t':
            esc = "\\t";
            break;
        case '\b':
            esc = "\\b";
            break;
        case '\f':
            esc = "\\f";
            break;
        default:
            break;
        }
        if (esc) {
            if (cap - o < 2)
                return (size_t)-1;
            out[o++] = esc[0];
            out[o++] = esc[1];
            i++;
            continue;
        }
        n = c >= 0x80 ? utf8_seq(p + i, len - i) : 0;
        if (n > 0) {
            if (cap - o < n)
                return (size_t)-1;
            memcpy(out + o, p + i, n);
            o += n;
            i += n;
            continue;
        }
        /* control byte, DEL, or a byte outside valid UTF-8: \u00XX */
        if (cap - o < 6)
            return (size_t)-1;
        out[o++] = '\\';
        out[o++] = 'u';
        out[o++] = '0';
        out[o++] = '0';
        out[o++] = hexdig[c >> 4];
        out[o++] = hexdig[c & 15];
        i++;
    }
    return o;
}

/* Comma before a value or key when this level already has a member. */
static void sep(struct json *j)
{
    if (!j->first[j->depth])
        putc1(j, ',');
    j->first[j->depth] = 0;
}

static void push(struct json *j, char c)
{
    putc1(j, c);
    if (j->depth + 1 >= JSON_MAX_DEPTH) {
        j->overflow = 1;
        return;
    }
    j->first[++j->depth] = 1;
}

static void pop(struct json *j, char c)
{
    if (j->depth > 0)
        j->depth--;
    putc1(j, c);
}


static void value_sep(struct json *j)
{
    if (j->first[j->depth] == JSON_VALUE_AFTER_KEY) {
        j->first[j->depth] = 0;
        return;
    }
    sep(j);
}

void json_open(struct json *j)
{
    value_sep(j);
    push(j, '{');
}

void json_close(struct json *j)
{
    pop(j, '}');
}

void json_open_array(struct json *j)
{
    value_sep(j);
    push(j, '[');
}

void json_close_array(struct json *j)
{
    pop(j, ']');
}

/*
 * The string between its quotes when every byte of it goes out as it is,
 * with room for it all: eight bytes a word, a string of eight or more ending
 * with one word over its last eight bytes, a shorter one byte by byte.
 * Returns 0, having written nothing that counts, for anything else.
 */
static int str_plain(struct json *j, const unsigned char *p, size_t len)
{
    char *o = j->buf + j->len + 1;
    size_t i = 0;

    if (j->overflow || j->cap - j->len < len + 2)
        return 0;
    if (len >= 8) {
        for (; i + 8 <= len; i += 8) {
            if (!swar_plain8(p + i))
                return 0;
            memcpy(o + i, p + i, 8);
        }
        if (i < len) {
            if (!swar_plain8(p + len - 8))
                return 0;
            memcpy(o + len - 8, p + len - 8, 8);
        }
    } else {
        for (; i < len; i++) {
            if (!plain[p[i]])
                return 0;
            o[i] = (char)p[i];
        }
    }
    o[-1] = '"';
    o[len] = '"';
    j->len += len + 2;
    return 1;
}

void json_str(struct json *j, const char *s, size_t len)
{
    size_t n;

    value_sep(j);
    if (str_plain(j, (const unsigned char *)s, len))
        return;
    if (j->overflow || j->cap - j->len < 2) {
        j->overflow = 1;
        return;
    }
    j->buf[j->len++] = '"';
    n = json_escape(j->buf + j->len, j->cap - j->len - 1, s, len); /* room for the quote */
    if (n == (size_t)-1) {
        j->overflow = 1;
        return;
    }
    j->len += n;
    j->buf[j->len++] = '"';
}

void json_cstr(struct json *j, const char *s)
{
    json_str(j, s, strlen(s));
}

/* "00" to "99": two digits a division (an event carries a dozen numbers) */
static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930"
    "31323334353637383940414243444546474849505152535455565758596061"
    "62636465666768697071727374757677787980818283848586878889909192"
    "93949596979899";

char *json_u64_digits(char tmp[24], uint64_t v)
{
    char *p = tmp + 24;

    while (v >= 100) {
        unsigned r = (unsigned)(v % 100);

        v /= 100;
        p -= 2;
        memcpy(p, digit_pairs + 2 * r, 2);
    }
    if (v >= 10) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * v, 2);
    } else {
        *--p = (char)('0' + v);
    }
    return p;
}

void json_int(struct json *j, int64_t v)
{
    char tmp[24], *p;

    value_sep(j);
    /* events carry many integers: snprintf's format parsing costs more than them */
    if (v < 0) {
        putc1(j, '-');
        p = json_u64_digits(tmp, (uint64_t)0 - (uint64_t)v);
    } else {
        p = json_u64_digits(tmp, (uint64_t)v);
    }
    put(j, p, (size_t)(tmp + 24 - p));
}

void json_uint(struct json *j, uint64_t v)
{
    char tmp[24], *p = json_u64_digits(tmp, v);

    value_sep(j);
    put(j, p, (size_t)(tmp + 24 - p));
}

void json_double(struct json *j, double v)
{
    char tmp[48];
    int n;

    value_sep(j);
    if (!isfinite(v)) {
        put(j, "null", 4);
        return;
    }
    n = snprintf(tmp, sizeof(tmp), "%.6f", v);
    if (n < 0 || (size_t)n >= sizeof(tmp)) {
        put(j, "null", 4);
        return;
    }
    /* trim trailing zeros, keep one digit after the point */
    while (n > 2 && tmp[n - 1] == '0' && tmp[n - 2] != '.')
        n--;
    put(j, tmp, (size_t)n);
}

void json_bool(struct json *j, int v)
{
    value_sep(j);
    if (v)
        put(j, "true", 4);
    else
        put(j, "false", 5);
}

void json_null(struct json *j)
{
    value_sep(j);
    put(j, "null", 4);
}

void json_raw(struct json *j, const char *s, size_t len)
{
    value_sep(j);
    put(j, s, len);
}
