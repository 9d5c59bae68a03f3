/*
 * json.h - a bounded JSON writer for event lines.
 *
 * Writes into a caller-owned buffer of fixed capacity; never allocates.
 * Keys are emitted in the order the caller writes them (deterministic output
 * for golden tests). Strings may hold any byte: valid UTF-8 passes through,
 * control characters, quote, backslash, DEL and every byte that is not part
 * of a valid UTF-8 sequence are escaped as \uXXXX (invalid bytes as the
 * Latin-1 code point, as Suricata does), so the line is always valid JSON.
 * When the buffer fills, the writer stops writing and sets `overflow`; the
 * caller must then drop (and count) the line rather than emit half of it.
 */
#ifndef FIREDAMP_JSON_H
#define FIREDAMP_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define JSON_MAX_DEPTH 8

struct json {
    char *buf;
    size_t len, cap;
    uint8_t overflow;
    uint8_t depth;
    uint8_t first[JSON_MAX_DEPTH]; /* no member written yet at this depth */
};

/* Starts an empty writer over buf[cap]. */
void json_init(struct json *j, char *buf, size_t cap);

/* Object / array structure. json_key writes `"name":` with the comma. */
void json_open(struct json *j);        /* '{' as a value */
void json_close(struct json *j);       /* '}' */
void json_open_array(struct json *j);  /* '[' as a value */
void json_close_array(struct json *j); /* ']' */

/* Values (inside an array, each one adds its comma). */
void json_str(struct json *j, const char *s, size_t len);
void json_cstr(struct json *j, const char *s);
void json_int(struct json *j, int64_t v);
void json_uint(struct json *j, uint64_t v);
void json_double(struct json *j, double v); /* %.17g-free: up to 6 decimals, NaN/inf as null */
void json_bool(struct json *j, int v);
void json_null(struct json *j);
void json_raw(struct json *j, const char *s, size_t len); /* pre-rendered JSON value */

/*
 * Values following a key must not add a comma: json_key marks the level as
 * "value pending" by setting first[] to this, and the value clears it.
 */
#define JSON_VALUE_AFTER_KEY 2

/*
 * `"name":` with the comma before it if the level has a member already.
 * Inline, with the key plus value calls below: nearly every key is a string
 * literal, whose length and copy the compiler then does at compile time (an
 * event has a dozen keys or more; the strlen and memcpy calls were a tenth
 * of a DNS event's rendering). Keys are our own identifiers: never escaped.
 */
static inline void json_key(struct json *j, const char *name)
{
    size_t n = strlen(name);
    int comma = !j->first[j->depth];
    char *o;

    /* one bound check for the whole `,"name":` */
    if (j->overflow || comma + n + 3 > j->cap - j->len) {
        j->overflow = 1;
        return;
    }
    o = j->buf + j->len;
    if (comma)
        *o++ = ',';
    *o++ = '"';
    memcpy(o, name, n);
    o += n;
    *o++ = '"';
    *o++ = ':';
    j->len = (size_t)(o - j->buf);
    j->first[j->depth] = JSON_VALUE_AFTER_KEY;
}

/* Key plus value in one call. */
static inline void json_kv_str(struct json *j, const char *k, const char *s, size_t len)
{
    json_key(j, k);
    json_str(j, s, len);
}

static inline void json_kv_cstr(struct json *j, const char *k, const char *s)
{
    json_key(j, k);
    json_cstr(j, s);
}

static inline void json_kv_int(struct json *j, const char *k, int64_t v)
{
    json_key(j, k);
    json_int(j, v);
}

static inline void json_kv_uint(struct json *j, const char *k, uint64_t v)
{
    json_key(j, k);
    json_uint(j, v);
}

static inline void json_kv_bool(struct json *j, const char *k, int v)
{
    json_key(j, k);
    json_bool(j, v);
}

static inline void json_kv_double(struct json *j, const char *k, double v)
{
    json_key(j, k);
    json_double(j, v);
}

/*
 * Escapes `len` bytes of `s` as the inside of a JSON string (no quotes) into
 * out[cap]. Returns the bytes written, or (size_t)-1 if cap was too small.
 */
size_t json_escape(char *out, size_t cap, const char *s, size_t len);

/* Decimal digits of v, right-aligned in tmp[24]; returns the first digit. */
char *json_u64_digits(char tmp[24], uint64_t v);

#endif
