/*
 * http1.h - the shared, zero-allocation, incremental HTTP/1.x parser that the
 * Docker Engine API and C2-download dissectors build on (the picohttpparser
 * shape: the caller owns every buffer, results point into the caller's bytes,
 * "bytes used / need more / error" as the return value).
 *
 * What it does:
 *  - parses a request or response head (start line + header fields + blank
 *    line) into a caller-provided struct whose fields point into the input;
 *  - answers the semantic questions a dissector asks of a parsed head:
 *    header lookup, Content-Length (strict), Transfer-Encoding, Connection,
 *    Upgrade, and the body framing of RFC 9112 section 6.3;
 *  - decodes a body incrementally (Content-Length, chunked, until close),
 *    handing out body bytes as pointers into whatever the caller fed, at any
 *    split point, so no body is ever held in memory;
 *  - finds and percent-decodes a query parameter of a request target.
 *
 * What it deliberately does not do: allocate, copy (except the bounded
 * percent-decoding the caller asks for), keep pointers between calls, read
 * HTTP/0.9 or HTTP/2, join obs-folded header lines (they are an error), undo
 * content codings (gzip is the caller's job), or decide anything about what
 * a message means. Pure C, libc only, no globals, no I/O.
 *
 * Leniency, because malware clients are sloppy and a sensor must still see
 * them: a bare LF ends a line wherever CRLF may (a lone CR is an error);
 * several spaces may separate the parts of a start line; empty lines before a
 * start line are skipped (RFC 9112 section 2.2) and counted in the head.
 * Strictness, because a sensor must not be desynchronised more easily than the
 * servers it watches: whitespace before a header's colon, control bytes in
 * a value, obs-fold, conflicting Content-Length and malformed chunk sizes are
 * errors the caller can count.
 *
 * Thread safety: every function is reentrant; state lives only in the
 * caller's structs.
 */
#ifndef FIREDAMP_HTTP1_H
#define FIREDAMP_HTTP1_H

#include <stddef.h>
#include <stdint.h>

#define HTTP1_MAX_HEAD       16384 /* head bytes, leading empty lines and blank line included */
#define HTTP1_MAX_HEADERS    64    /* header fields per head; one more is an error */
#define HTTP1_MAX_CHUNK_LINE 1024  /* chunk-size line with its extensions, line end included */
#define HTTP1_MAX_TRAILER    HTTP1_MAX_HEAD /* trailer section of a chunked body */

/* Every error this module returns; http1_strerror() names them. */
enum http1_err {
    HTTP1_ERR_METHOD = -1,               /* method is not a token, or not followed by SP */
    HTTP1_ERR_TARGET = -2,               /* empty target or a control byte in it */
    HTTP1_ERR_VERSION = -3,              /* not "HTTP/1.<digit>" (HTTP/0.9 included) */
    HTTP1_ERR_STATUS = -4,               /* status code not 3 digits >= 100, or bad reason */
    HTTP1_ERR_HEADER_NAME = -5,          /* empty name, non-token byte, space before ':' */
    HTTP1_ERR_HEADER_VALUE = -6,         /* control byte (not HTAB) or DEL in a value */
    HTTP1_ERR_OBS_FOLD = -7,             /* a field line starting with SP/HTAB */
    HTTP1_ERR_LINE_END = -8,             /* CR not followed by LF */
    HTTP1_ERR_TOO_MANY_HEADERS = -9,     /* more than HTTP1_MAX_HEADERS fields */
    HTTP1_ERR_HEAD_TOO_LONG = -10,       /* no complete head within HTTP1_MAX_HEAD bytes */
    HTTP1_ERR_CONTENT_LENGTH = -11,      /* not digits, overflow, or copies that disagree */
    HTTP1_ERR_TRANSFER_ENCODING = -12,   /* a request whose final coding is not chunked */
    HTTP1_ERR_CHUNK_SIZE = -13,          /* chunk size not hex, or past 2^60 - 1 */
    HTTP1_ERR_CHUNK_LINE = -14,          /* chunk data not followed by a line end, bad CR */
    HTTP1_ERR_CHUNK_LINE_TOO_LONG = -15, /* chunk-size line past HTTP1_MAX_CHUNK_LINE */
    HTTP1_ERR_TRAILER_TOO_LONG = -16,    /* trailer section past HTTP1_MAX_TRAILER */
    HTTP1_ERR_INVAL = -17,               /* unknown framing kind given to http1_body_init */
};

/*
 * Returns a short, stable, lowercase name for an HTTP1_ERR_* ("chunk_size"),
 * fit for a counter name; "ok" for 0 and positive values, "unknown" otherwise.
 * Never NULL; the string is static.
 */
const char *http1_strerror(int err);

/* Methods the helpers care about; anything else that is a token is OTHER. */
enum http1_method {
    HTTP1_M_UNKNOWN = 0, /* no request known (a response without its request) */
    HTTP1_M_GET,
    HTTP1_M_HEAD,
    HTTP1_M_POST,
    HTTP1_M_PUT,
    HTTP1_M_DELETE,
    HTTP1_M_CONNECT,
    HTTP1_M_OPTIONS,
    HTTP1_M_TRACE,
    HTTP1_M_PATCH,
    HTTP1_M_OTHER,
};

/* Returns the enum http1_method of method text m[0..len) (case-sensitive, as RFC 9110). */
int http1_method_id(const char *m, size_t len);

/*
 * One header field. name and value point into the parsed bytes; the value is
 * trimmed of leading and trailing SP/HTAB and may be empty. Neither is
 * NUL-terminated.
 */
struct http1_header {
    const char *name;
    const char *value;
    uint32_t name_len;
    uint32_t value_len;
};

/* The header fields of one head, in wire order, duplicates kept. */
struct http1_headers {
    unsigned n;
    struct http1_header h[HTTP1_MAX_HEADERS];
};

/* A parsed request head (about 1.6 KiB: meant for the stack, not per-flow state). */
struct http1_req {
    const char *method; /* a token: "GET", "POST", "PROPFIND" */
    const char *target; /* as sent: origin-form "/p?q", authority-form, "*", absolute */
    uint32_t method_len;
    uint32_t target_len;
    int method_id; /* enum http1_method */
    int minor;     /* 0 or 1 for HTTP/1.0, HTTP/1.1 (any digit is accepted) */
    struct http1_headers hdr;
};

/* A parsed response head (same size and lifetime rules as struct http1_req). */
struct http1_resp {
    const char *reason; /* may be empty ("HTTP/1.1 200\r\n") */
    uint32_t reason_len;
    int minor;
    int status; /* 100..999 */
    struct http1_headers hdr;
};

/*
 * Parse a head from p[0..n), the first bytes of a message (after the previous
 * message's body on a kept-alive or pipelined connection).
 *
 * Returns the number of bytes of the head, through its blank line, when it is
 * complete (the body, if any, starts at p + that); 0 when every byte so far is
 * valid but the head is not complete (feed again with more bytes, from the
 * same start); or a negative HTTP1_ERR_* as soon as a byte that cannot belong
 * to an HTTP/1.x head is seen, even before the head is complete, so the
 * functions double as a probe (TLS or SSH bytes are an error within a few
 * bytes). A head longer than HTTP1_MAX_HEAD is HTTP1_ERR_HEAD_TOO_LONG,
 * whether it is complete or not, so the result never depends on how the bytes
 * were split: the caller needs to keep at most HTTP1_MAX_HEAD bytes.
 *
 * On success *r is filled and its pointers point into p (valid as long as p
 * is); on 0 or error *r holds nothing meaningful. Each call parses from the
 * start (a head costs O(head) per call; it is bounded by HTTP1_MAX_HEAD).
 */
int http1_parse_request(const uint8_t *p, size_t n, struct http1_req *r);
int http1_parse_response(const uint8_t *p, size_t n, struct http1_resp *r);

/* ---- questions about a parsed head --------------------------------------- */

/*
 * Returns the index of the first header at index >= from whose name equals
 * `name` (ASCII case-insensitive, NUL-terminated), or -1. Loop with
 * from = previous + 1 to see every copy.
 */
int http1_header_find(const struct http1_headers *h, const char *name, int from);

/*
 * Returns 1 when some header `name` has `token` among its comma-separated
 * elements (case-insensitive; an element's ";params" and surrounding OWS are
 * ignored: "Connection: keep-alive, Upgrade" has "upgrade"), else 0.
 */
int http1_header_has_token(const struct http1_headers *h, const char *name, const char *token);

/*
 * Content-Length, strictly: every copy (and every element of a comma list,
 * "42, 42", RFC 9110 section 8.6) must be 1+ ASCII digits, fit in 63 bits, and
 * agree. Returns 1 and sets *len when present, 0 when absent (*len = 0),
 * HTTP1_ERR_CONTENT_LENGTH otherwise (signs, spaces inside, hex, "", overflow,
 * disagreement).
 */
int http1_content_length(const struct http1_headers *h, uint64_t *len);

enum http1_te {
    HTTP1_TE_NONE = 0,    /* no Transfer-Encoding */
    HTTP1_TE_CHUNKED = 1, /* the final coding (last element of the last copy) is chunked */
    HTTP1_TE_OTHER = 2,   /* present, but the final coding is not chunked (or empty) */
};

/* Returns the enum http1_te of the head. Other codings (gzip, chunked) are for has_token. */
int http1_transfer_encoding(const struct http1_headers *h);

#define HTTP1_CONN_CLOSE      0x01
#define HTTP1_CONN_KEEP_ALIVE 0x02
#define HTTP1_CONN_UPGRADE    0x04

/* Returns the HTTP1_CONN_* options found in the Connection headers (0 when none). */
unsigned http1_connection(const struct http1_headers *h);

/*
 * Returns 1 when the connection persists after this message (RFC 9112
 * section 9.3): HTTP/1.1 unless "Connection: close", HTTP/1.0 only with
 * "Connection: keep-alive". minor is the message's HTTP minor version.
 */
int http1_keep_alive(int minor, const struct http1_headers *h);

/*
 * Returns 1 when the request asks to switch protocols: "Connection: Upgrade"
 * and a non-empty Upgrade header (docker attach/exec send "Upgrade: tcp",
 * browsers "websocket"). When it does, *proto and *proto_len (if not NULL) get the
 * first Upgrade value. Whether the switch happens is the response's say
 * (101, see http1_resp_framing).
 */
int http1_req_upgrade(const struct http1_req *r, const char **proto, size_t *proto_len);

/* ---- body framing (RFC 9112 section 6.3) --------------------------------- */

enum http1_body_kind {
    HTTP1_BODY_NONE = 0, /* no body: the next message starts right after the head */
    HTTP1_BODY_LENGTH,   /* exactly `length` bytes (maybe 0) */
    HTTP1_BODY_CHUNKED,  /* chunked transfer coding */
    HTTP1_BODY_CLOSE,    /* response body runs until the connection closes */
    HTTP1_BODY_TUNNEL,   /* 101 or 2xx to CONNECT: from here on the stream is not HTTP */
    HTTP1_BODY_INTERIM,  /* 1xx other than 101: no body, the final response still follows */
};

/*
 * The framing of a request's body. Returns an enum http1_body_kind and sets
 * *length for HTTP1_BODY_LENGTH (else 0), or a negative error: chunked wins
 * over Content-Length (which is then not even checked, as RFC 9112 lets a
 * recipient do); a Transfer-Encoding whose final coding is not chunked is
 * HTTP1_ERR_TRANSFER_ENCODING; a bad Content-Length HTTP1_ERR_CONTENT_LENGTH;
 * neither header means no body. Never CLOSE, TUNNEL or INTERIM.
 */
int http1_req_framing(const struct http1_req *r, uint64_t *length);

/*
 * The framing of a response's body; req_method is the enum http1_method of
 * the request it answers (HTTP1_M_UNKNOWN when not seen: treated like GET).
 * In order: 101 -> TUNNEL; other 1xx -> INTERIM (whatever the method); HEAD,
 * 204, 304 -> NONE; 2xx to CONNECT -> TUNNEL; final coding chunked -> CHUNKED; other
 * Transfer-Encoding -> CLOSE; valid Content-Length -> LENGTH; bad one ->
 * HTTP1_ERR_CONTENT_LENGTH; otherwise CLOSE (HTTP/1.0 downloads, and the
 * docker daemon's old-style "200 OK" raw-stream hijack, land here).
 */
int http1_resp_framing(const struct http1_resp *r, int req_method, uint64_t *length);

/* ---- incremental body decoding ------------------------------------------- */

/*
 * Decoder state for one body; the caller owns it (40 bytes, no pointers, safe
 * to keep in per-flow state between feeds). Read-only for the caller except
 * through the functions below; `decoded` and `wire` are public counters.
 */
struct http1_body {
    uint64_t remaining; /* LENGTH: body bytes left; CHUNKED: bytes left of this chunk */
    uint64_t decoded;   /* body bytes handed out so far (de-chunked) */
    uint64_t wire;      /* input bytes consumed so far, framing included */
    uint32_t line;      /* bytes of the current chunk-size line, or of the trailers */
    uint32_t chunks;    /* chunks with data seen */
    int32_t err;        /* sticky HTTP1_ERR_*, 0 when fine */
    uint8_t kind;       /* enum http1_body_kind */
    uint8_t state;      /* chunked decoder state (private) */
    uint8_t done;       /* 1 once the body is complete */
};

/*
 * Starts decoding a body of `kind` (from the framing functions) and `length`
 * (HTTP1_BODY_LENGTH only). NONE, INTERIM and LENGTH 0 are complete at once.
 * CLOSE and TUNNEL never complete: every byte is body until the caller sees
 * the connection end. Returns 0, or HTTP1_ERR_INVAL for an unknown kind (the
 * decoder then fails every feed).
 */
int http1_body_init(struct http1_body *b, int kind, uint64_t length);

/*
 * Feeds p[0..n), the next bytes of the stream after the head (or after the
 * bytes consumed by the previous call). Sets *consumed to the bytes of p used
 * (framing and data, never more than n) and *data, *data_len to the one span of
 * decoded body bytes found, which lies inside p[0..*consumed) (NULL/0 when the
 * bytes were all framing). One call hands out at most one span, so:
 *
 *     while (n) {
 *         rc = http1_body_feed(b, p, n, &d, &dl, &used);
 *         if (dl) take(d, dl);
 *         p += used, n -= used;
 *         if (rc != 0) break;   // done (p now starts the next message) or error
 *     }
 *
 * Returns 1 when the body is complete (bytes after *consumed belong to the
 * next message), 0 when it is not yet (call again with p + *consumed if bytes
 * remain, else with the next bytes), or a negative HTTP1_ERR_* that sticks:
 * later calls return it again with nothing consumed. With 0 returned and n > 0
 * at least one byte is always consumed, so nothing needs to be kept back:
 * partial chunk-size lines and trailers are absorbed into the state. A
 * completed decoder returns 1 consuming nothing. Trailer fields are skipped,
 * only checked for control bytes (HTTP1_ERR_HEADER_VALUE) and lone CRs
 * (HTTP1_ERR_LINE_END).
 */
int http1_body_feed(struct http1_body *b, const uint8_t *p, size_t n, const uint8_t **data,
                    size_t *data_len, size_t *consumed);

/*
 * Returns 1 when the connection ending now leaves the body whole (it is done,
 * or it is CLOSE/TUNNEL, whose end is the connection's), 0 when the body was
 * cut short (report it truncated), or the sticky error.
 */
int http1_body_eof(const struct http1_body *b);

/* ---- the request target --------------------------------------------------- */

/* Returns the length of the path part of target[0..len): up to '?' or '#'. */
size_t http1_target_path_len(const char *target, size_t len);

/*
 * Percent-decodes s[0..len) into out[0..cap) like snprintf: returns the full
 * decoded length, writes at most cap - 1 bytes and a NUL (when cap > 0), so
 * the result was truncated when the return value is >= cap. With plus_space
 * '+' becomes a space (query strings). An invalid or truncated escape ("%zz",
 * a final "%4") is copied as it is, as browsers and most servers do. A decoded
 * NUL ("%00") is kept: use the returned length, not strlen. out may be NULL
 * when cap is 0 (to measure).
 */
size_t http1_pct_decode(const char *s, size_t len, int plus_space, char *out, size_t cap);

/*
 * Finds the first parameter called `name` in the query of target[0..len) (the
 * part after the first '?', up to '#'; parameters split on '&' only, ';' is
 * data as in Go >= 1.17; a key matches after percent-decoding and '+' to
 * space, case-sensitively, as Go's net/url does, so "from%49mage" is found).
 * Returns the decoded value's full length as http1_pct_decode does ("a=" and a
 * bare "a" give 0), or -1 when absent or when the key cannot be compared
 * (longer than 256 bytes decoded).
 */
long http1_query_param(const char *target, size_t len, const char *name, char *out, size_t cap);

/*
 * Resynchronisation after bytes that are not HTTP: the offset of the first
 * line of p[0..n) that starts a message, a response ("HTTP/1.") when
 * `response`, else a request line (an upper-case method of at most 16
 * letters, SP, then '/' or, when `absolute_ok`, 'h' of an absolute URL), and
 * *found = 1. Without one, *found = 0 and the offset up to which the bytes
 * can be dropped: all but the last `keep` (a start line may be arriving).
 */
size_t http1_resync(const uint8_t *p, size_t n, int response, int absolute_ok, size_t keep,
                    int *found);

#endif
