/*
 * json_scan.h - a zero-allocation JSON tokenizer and validator for one
 * line-sized document (the jsmn / picohttpparser shape: the caller owns the
 * token array, nothing is copied, nothing allocated).
 *
 * What it does: checks that s[0..n) is exactly one JSON value (RFC 8259:
 * objects, arrays, strings with every escape including \uXXXX and surrogate
 * pairs, numbers, true, false, null), with whitespace around it allowed and
 * anything else after it refused. While checking it writes one token per
 * value (and per object key) in document order, so a value's children follow
 * it and `next` skips its whole subtree.
 *
 * What it deliberately does not do: keep more than JSON_MAX_DEPTH levels of
 * nesting, validate UTF-8 inside strings (bytes >= 0x80 pass as they are),
 * accept raw control characters inside strings (they must be escaped), or
 * convert anything until a helper is asked to.
 */
#ifndef FIREDAMP_JSON_SCAN_H
#define FIREDAMP_JSON_SCAN_H

#include <stddef.h>
#include <stdint.h>

#define JSON_MAX_DEPTH  16  /* nested objects / arrays */
#define JSON_MAX_TOKENS 256 /* a sensible token array size for one stratum line */

enum json_type {
    JSON_NONE = 0,
    JSON_OBJECT,
    JSON_ARRAY,
    JSON_STRING, /* also object keys */
    JSON_NUMBER,
    JSON_TRUE,
    JSON_FALSE,
    JSON_NULL,
};

/* Errors json_scan() returns. */
#define JSON_ERR_INVALID (-1) /* not one JSON value, or trailing garbage */
#define JSON_ERR_NOMEM   (-2) /* more tokens than the caller's array holds */
#define JSON_ERR_DEPTH   (-3) /* nesting deeper than JSON_MAX_DEPTH */

/*
 * One token. For a string `start`/`len` cover the bytes between the quotes
 * (still escaped); for other types the whole value text, brackets included.
 * An object's children are key, value, key, value...; `size` counts its
 * members (pairs). An array's `size` counts its elements. `next` is the index
 * of the first token after this one's subtree.
 */
struct json_tok {
    uint8_t type;   /* enum json_type */
    uint32_t start; /* byte offset in the scanned text */
    uint32_t len;
    int32_t parent; /* index of the enclosing object or array, -1 at the top */
    uint32_t size;
    uint32_t next;
};

/*
 * Scans s[0..n) into tok[0..max). Returns the number of tokens (>= 1, tok[0]
 * is the top value) or a negative JSON_ERR_*. On error the tokens written are
 * meaningless. n must be below 4 GiB.
 */
int json_scan(const char *s, size_t n, struct json_tok *tok, unsigned max);

/*
 * Returns the index of the value of member `key` in the object at tok[obj]
 * (keys compared after unescaping, member order irrelevant, the first match
 * wins), or -1 when absent or when tok[obj] is not an object.
 */
int json_obj_get(const char *s, const struct json_tok *tok, int ntok, int obj, const char *key);

/* Returns the index of element i of the array at tok[arr], or -1. */
int json_arr_get(const struct json_tok *tok, int ntok, int arr, unsigned i);

/*
 * Unescapes the string token t into out[0..cap) (no NUL is written) and, like
 * snprintf, returns the full unescaped length, which may exceed cap: the
 * caller sees truncation by comparing. \uXXXX becomes UTF-8; a surrogate pair
 * one 4-byte sequence; a lone surrogate U+FFFD. Returns -1 if t is not a
 * string. out may be NULL when cap is 0 (to measure).
 */
int json_unescape(const char *s, const struct json_tok *t, char *out, size_t cap);

/* Returns 1 if the string token t unescapes to exactly the NUL-terminated lit. */
int json_str_eq(const char *s, const struct json_tok *t, const char *lit);

/* Returns 1 if the string token t unescapes to text starting with prefix. */
int json_str_prefix(const char *s, const struct json_tok *t, const char *prefix);

/*
 * Converts a number token. json_num_double: 0 or -1 (not a number token).
 * json_num_int64: 0, or -1 when not a number token, not an integer (fraction or
 * exponent), or out of range.
 */
int json_num_double(const char *s, const struct json_tok *t, double *v);
int json_num_int64(const char *s, const struct json_tok *t, int64_t *v);

#endif
