/*
 * http1.c - the shared HTTP/1.x parser: heads, the framing questions asked of
 * them, an incremental body decoder and the request target helpers (contracts
 * in http1.h).
 *
 * Heads are parsed from the start on every call, one byte class at a time,
 * returning "need more" at the first end of input and an error at the first
 * byte that cannot be HTTP; the scan never looks beyond HTTP1_MAX_HEAD bytes.
 * The body decoder is a byte-state machine for chunk framing and a bulk span
 * for data, so it never keeps bytes back. Nothing here allocates, copies a
 * body, or keeps a pointer after returning.
 */
#include "http1.h"

#include <string.h>

#define HTTP1_MAX_CHUNK_SIZE ((UINT64_C(1) << 60) - 1)
#define HTTP1_MAX_KEY        256 /* decoded query key compared by http1_query_param */

/* ---- byte classes ---------------------------------------------------------- */

/* RFC 9110 tchar: the bytes of methods and header names. */
static int is_tchar(uint8_t c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return 1;
    return c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* Target bytes: anything visible, obs-text included (raw UTF-8 paths are common). */
static int is_target_char(uint8_t c)
{
    return c > 0x20 && c != 0x7f;
}

/* field-vchar, SP, HTAB and obs-text: what a header value or reason may hold. */
static int is_text_char(uint8_t c)
{
    return c == '\t' || (c >= 0x20 && c != 0x7f);
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int hexval(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (uint8_t)lower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static int eq_nocase(const char *a, size_t alen, const char *b)
{
    size_t i;

    for (i = 0; i < alen; i++)
        if (b[i] == '\0' || lower((uint8_t)a[i]) != lower((uint8_t)b[i]))
            return 0;
    return b[i] == '\0';
}

const char *http1_strerror(int err)
{
    static const char *const names[] = {
        [-HTTP1_ERR_METHOD] = "method",
        [-HTTP1_ERR_TARGET] = "target",
        [-HTTP1_ERR_VERSION] = "version",
        [-HTTP1_ERR_STATUS] = "status",
        [-HTTP1_ERR_HEADER_NAME] = "header_name",
        [-HTTP1_ERR_HEADER_VALUE] = "header_value",
        [-HTTP1_ERR_OBS_FOLD] = "obs_fold",
        [-HTTP1_ERR_LINE_END] = "line_end",
        [-HTTP1_ERR_TOO_MANY_HEADERS] = "too_many_headers",
        [-HTTP1_ERR_HEAD_TOO_LONG] = "head_too_long",
        [-HTTP1_ERR_CONTENT_LENGTH] = "content_length",
        [-HTTP1_ERR_TRANSFER_ENCODING] = "transfer_encoding",
        [-HTTP1_ERR_CHUNK_SIZE] = "chunk_size",
        [-HTTP1_ERR_CHUNK_LINE] = "chunk_line",
        [-HTTP1_ERR_CHUNK_LINE_TOO_LONG] = "chunk_line_too_long",
        [-HTTP1_ERR_TRAILER_TOO_LONG] = "trailer_too_long",
        [-HTTP1_ERR_INVAL] = "inval",
    };

    if (err >= 0)
        return "ok";
    if ((size_t) - (long)err < sizeof(names) / sizeof(names[0]) && names[-err])
        return names[-err];
    return "unknown";
}

int http1_method_id(const char *m, size_t len)
{
    static const char *const names[] = {
        [HTTP1_M_GET] = "GET",         [HTTP1_M_HEAD] = "HEAD",     [HTTP1_M_POST] = "POST",
        [HTTP1_M_PUT] = "PUT",         [HTTP1_M_DELETE] = "DELETE", [HTTP1_M_CONNECT] = "CONNECT",
        [HTTP1_M_OPTIONS] = "OPTIONS", [HTTP1_M_TRACE] = "TRACE",   [HTTP1_M_PATCH] = "PATCH",
    };

    for (int i = HTTP1_M_GET; i < HTTP1_M_OTHER; i++)
        if (strlen(names[i]) == len && memcmp(names[i], m, len) == 0)
            return i;
    return HTTP1_M_OTHER;
}

/* ---- heads ------------------------------------------------------------------ */

/*
 * Each step reads p[*ip..n), advances *ip past what it took and returns 1, or
 * 0 when the input ends first, or an error.
 */

/* A line end at p[*ip]: CRLF or a bare LF. */
static int eat_eol(const uint8_t *p, size_t n, size_t *ip)
{
    size_t i = *ip;

    if (i == n)
        return 0;
    if (p[i] == '\r') {
        if (++i == n)
            return 0;
        if (p[i] != '\n')
            return HTTP1_ERR_LINE_END;
    } else if (p[i] != '\n') {
        return HTTP1_ERR_LINE_END;
    }
    *ip = i + 1;
    return 1;
}

/* Empty lines before a start line (RFC 9112 section 2.2). */
static int skip_empty_lines(const uint8_t *p, size_t n, size_t *ip)
{
    while (*ip < n && (p[*ip] == '\r' || p[*ip] == '\n')) {
        int rc = eat_eol(p, n, ip);

        if (rc <= 0)
            return rc;
    }
    return *ip < n;
}

static int eat_spaces(const uint8_t *p, size_t n, size_t *ip)
{
    while (*ip < n && p[*ip] == ' ')
        (*ip)++;
    return *ip < n;
}

/* "HTTP/1.<digit>": a wrong byte is an error as soon as it arrives. */
static int eat_version(const uint8_t *p, size_t n, size_t *ip, int *minor)
{
    static const char pre[] = "HTTP/1.";
    size_t i = *ip;

    for (size_t k = 0; k < 8; k++) {
        if (i + k == n)
            return 0;
        if (k < 7 ? p[i + k] != (uint8_t)pre[k] : !(p[i + k] >= '0' && p[i + k] <= '9'))
            return HTTP1_ERR_VERSION;
    }
    *minor = p[i + 7] - '0';
    *ip = i + 8;
    return 1;
}

static int parse_headers(const uint8_t *p, size_t n, size_t *ip, struct http1_headers *h)
{
    size_t i = *ip;

    h->n = 0;
    for (;;) {
        size_t name, name_end, val, val_end;
        int rc;

        if (i == n)
            return 0;
        if (p[i] == '\r' || p[i] == '\n') {
            rc = eat_eol(p, n, &i);
            if (rc > 0)
                *ip = i;
            return rc;
        }
        if (p[i] == ' ' || p[i] == '\t')
            return HTTP1_ERR_OBS_FOLD;
        name = i;
        while (i < n && is_tchar(p[i]))
            i++;
        if (i == n)
            return 0;
        if (i == name || p[i] != ':')
            return HTTP1_ERR_HEADER_NAME;
        name_end = i++;
        while (i < n && (p[i] == ' ' || p[i] == '\t'))
            i++;
        val = i;
        while (i < n && p[i] != '\r' && p[i] != '\n') {
            if (!is_text_char(p[i]))
                return HTTP1_ERR_HEADER_VALUE;
            i++;
        }
        val_end = i;
        while (val_end > val && (p[val_end - 1] == ' ' || p[val_end - 1] == '\t'))
            val_end--;
        rc = eat_eol(p, n, &i);
        if (rc <= 0)
            return rc;
        if (h->n == HTTP1_MAX_HEADERS)
            return HTTP1_ERR_TOO_MANY_HEADERS;
        h->h[h->n].name = (const char *)p + name;
        h->h[h->n].name_len = (uint32_t)(name_end - name);
        h->h[h->n].value = (const char *)p + val;
        h->h[h->n].value_len = (uint32_t)(val_end - val);
        h->n++;
    }
}

/* Maps a step's result over the HTTP1_MAX_HEAD bound; see http1.h. */
static int head_result(int rc, size_t i, size_t n)
{
    if (rc < 0)
        return rc;
    if (rc == 0)
        return n >= HTTP1_MAX_HEAD ? HTTP1_ERR_HEAD_TOO_LONG : 0;
    return (int)i;
}

static int request_line(const uint8_t *p, size_t n, size_t *ip, struct http1_req *r)
{
    size_t i = *ip, s;
    int rc;

    s = i;
    while (i < n && is_tchar(p[i]))
        i++;
    if (i == n)
        return 0;
    if (i == s || p[i] != ' ')
        return HTTP1_ERR_METHOD;
    r->method = (const char *)p + s;
    r->method_len = (uint32_t)(i - s);
    r->method_id = http1_method_id(r->method, r->method_len);
    if (!eat_spaces(p, n, &i))
        return 0;
    s = i;
    while (i < n && is_target_char(p[i]))
        i++;
    if (i == n)
        return 0;
    if (i > s && (p[i] == '\r' || p[i] == '\n'))
        return HTTP1_ERR_VERSION; /* "GET /\r\n": HTTP/0.9 */
    if (i == s || p[i] != ' ')
        return HTTP1_ERR_TARGET;
    r->target = (const char *)p + s;
    r->target_len = (uint32_t)(i - s);
    if (!eat_spaces(p, n, &i))
        return 0;
    rc = eat_version(p, n, &i, &r->minor);
    if (rc <= 0)
        return rc;
    rc = eat_eol(p, n, &i);
    if (rc > 0)
        *ip = i;
    return rc == HTTP1_ERR_LINE_END ? HTTP1_ERR_VERSION : rc;
}

int http1_parse_request(const uint8_t *p, size_t n, struct http1_req *r)
{
    size_t i = 0;
    int rc;

    if (n > HTTP1_MAX_HEAD)
        n = HTTP1_MAX_HEAD;
    rc = skip_empty_lines(p, n, &i);
    if (rc > 0)
        rc = request_line(p, n, &i, r);
    if (rc > 0)
        rc = parse_headers(p, n, &i, &r->hdr);
    return head_result(rc, i, n);
}

static int status_line(const uint8_t *p, size_t n, size_t *ip, struct http1_resp *r)
{
    size_t i = *ip, s;
    int rc = eat_version(p, n, &i, &r->minor);

    if (rc <= 0)
        return rc;
    if (i == n)
        return 0;
    if (p[i] != ' ')
        return HTTP1_ERR_VERSION;
    if (!eat_spaces(p, n, &i))
        return 0;
    r->status = 0;
    for (int k = 0; k < 3; k++, i++) {
        if (i == n)
            return 0;
        if (p[i] < '0' || p[i] > '9')
            return HTTP1_ERR_STATUS;
        r->status = r->status * 10 + (p[i] - '0');
    }
    if (r->status < 100)
        return HTTP1_ERR_STATUS;
    if (i == n)
        return 0;
    if (p[i] == ' ')
        i++;
    else if (p[i] != '\r' && p[i] != '\n')
        return HTTP1_ERR_STATUS; /* "HTTP/1.1 2000" */
    s = i;
    while (i < n && p[i] != '\r' && p[i] != '\n') {
        if (!is_text_char(p[i]))
            return HTTP1_ERR_STATUS;
        i++;
    }
    r->reason = (const char *)p + s;
    r->reason_len = (uint32_t)(i - s);
    rc = eat_eol(p, n, &i);
    if (rc > 0)
        *ip = i;
    return rc;
}

int http1_parse_response(const uint8_t *p, size_t n, struct http1_resp *r)
{
    size_t i = 0;
    int rc;

    if (n > HTTP1_MAX_HEAD)
        n = HTTP1_MAX_HEAD;
    rc = skip_empty_lines(p, n, &i);
    if (rc > 0)
        rc = status_line(p, n, &i, r);
    if (rc > 0)
        rc = parse_headers(p, n, &i, &r->hdr);
    return head_result(rc, i, n);
}

/* ---- questions about a head ----------------------------------------------- */

int http1_header_find(const struct http1_headers *h, const char *name, int from)
{
    for (unsigned i = from < 0 ? 0 : (unsigned)from; i < h->n; i++)
        if (eq_nocase(h->h[i].name, h->h[i].name_len, name))
            return (int)i;
    return -1;
}

/*
 * Walks the comma-separated elements of v[0..len): sets *s, *l to the next
 * element without OWS and without ";params", advances *pos; returns 0 at the end.
 * Empty elements ("a,,b") are returned empty, as RFC 9110 section 5.6.1 allows.
 */
static int next_element(const char *v, size_t len, size_t *pos, const char **s, size_t *l)
{
    size_t i = *pos, b, e;

    if (i > len)
        return 0;
    b = i;
    while (i < len && v[i] != ',')
        i++;
    *pos = i + 1;
    e = i;
    for (size_t k = b; k < e; k++)
        if (v[k] == ';') {
            e = k;
            break;
        }
    while (b < e && (v[b] == ' ' || v[b] == '\t'))
        b++;
    while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t'))
        e--;
    *s = v + b;
    *l = e - b;
    return 1;
}

int http1_header_has_token(const struct http1_headers *h, const char *name, const char *token)
{
    for (int i = http1_header_find(h, name, 0); i >= 0; i = http1_header_find(h, name, i + 1)) {
        const struct http1_header *f = &h->h[i];
        size_t pos = 0, l;
        const char *s;

        while (next_element(f->value, f->value_len, &pos, &s, &l))
            if (eq_nocase(s, l, token))
                return 1;
    }
    return 0;
}

/* Content-Length elements are strict: no params, only OWS around digits. */
int http1_content_length(const struct http1_headers *h, uint64_t *len)
{
    int found = 0;
    uint64_t val = 0;

    *len = 0;
    for (int i = http1_header_find(h, "content-length", 0); i >= 0;
         i = http1_header_find(h, "content-length", i + 1)) {
        const char *v = h->h[i].value;
        size_t n = h->h[i].value_len, k = 0;

        do {
            uint64_t x = 0;
            size_t d = 0;

            while (k < n && (v[k] == ' ' || v[k] == '\t'))
                k++;
            for (; k < n && v[k] >= '0' && v[k] <= '9'; k++, d++) {
                if (x > (UINT64_C(0x7fffffffffffffff) - (uint64_t)(v[k] - '0')) / 10)
                    return HTTP1_ERR_CONTENT_LENGTH;
                x = x * 10 + (uint64_t)(v[k] - '0');
            }
            while (k < n && (v[k] == ' ' || v[k] == '\t'))
                k++;
            if (d == 0 || (k < n && v[k] != ','))
                return HTTP1_ERR_CONTENT_LENGTH;
            if (found && x != val)
                return HTTP1_ERR_CONTENT_LENGTH;
            val = x;
            found = 1;
        } while (k++ < n);
    }
    *len = val;
    return found;
}

int http1_transfer_encoding(const struct http1_headers *h)
{
    int last = -1;
    size_t pos = 0, l, fl = 0;
    const char *s, *fs = NULL;

    for (int i = http1_header_find(h, "transfer-encoding", 0); i >= 0;
         i = http1_header_find(h, "transfer-encoding", i + 1))
        last = i;
    if (last < 0)
        return HTTP1_TE_NONE;
    /* the final coding is the last non-empty element of the last copy */
    while (next_element(h->h[last].value, h->h[last].value_len, &pos, &s, &l))
        if (l) {
            fs = s;
            fl = l;
        }
    return fs && eq_nocase(fs, fl, "chunked") ? HTTP1_TE_CHUNKED : HTTP1_TE_OTHER;
}

unsigned http1_connection(const struct http1_headers *h)
{
    unsigned f = 0;

    if (http1_header_has_token(h, "connection", "close"))
        f |= HTTP1_CONN_CLOSE;
    if (http1_header_has_token(h, "connection", "keep-alive"))
        f |= HTTP1_CONN_KEEP_ALIVE;
    if (http1_header_has_token(h, "connection", "upgrade"))
        f |= HTTP1_CONN_UPGRADE;
    return f;
}

int http1_keep_alive(int minor, const struct http1_headers *h)
{
    unsigned f = http1_connection(h);

    if (f & HTTP1_CONN_CLOSE)
        return 0;
    return minor >= 1 || (f & HTTP1_CONN_KEEP_ALIVE) != 0;
}

int http1_req_upgrade(const struct http1_req *r, const char **proto, size_t *proto_len)
{
    int i = http1_header_find(&r->hdr, "upgrade", 0);

    if (i < 0 || r->hdr.h[i].value_len == 0 || !(http1_connection(&r->hdr) & HTTP1_CONN_UPGRADE))
        return 0;
    if (proto)
        *proto = r->hdr.h[i].value;
    if (proto_len)
        *proto_len = r->hdr.h[i].value_len;
    return 1;
}

int http1_req_framing(const struct http1_req *r, uint64_t *length)
{
    int te = http1_transfer_encoding(&r->hdr), rc;

    *length = 0;
    if (te == HTTP1_TE_CHUNKED)
        return HTTP1_BODY_CHUNKED;
    if (te == HTTP1_TE_OTHER)
        return HTTP1_ERR_TRANSFER_ENCODING;
    rc = http1_content_length(&r->hdr, length);
    if (rc < 0)
        return rc;
    return rc ? HTTP1_BODY_LENGTH : HTTP1_BODY_NONE;
}

int http1_resp_framing(const struct http1_resp *r, int req_method, uint64_t *length)
{
    int te, rc;

    *length = 0;
    if (r->status == 101)
        return HTTP1_BODY_TUNNEL;
    if (r->status < 200)
        return HTTP1_BODY_INTERIM; /* even to HEAD: the final response is still to come */
    if (req_method == HTTP1_M_HEAD || r->status == 204 || r->status == 304)
        return HTTP1_BODY_NONE;
    if (req_method == HTTP1_M_CONNECT && r->status < 300)
        return HTTP1_BODY_TUNNEL;
    te = http1_transfer_encoding(&r->hdr);
    if (te == HTTP1_TE_CHUNKED)
        return HTTP1_BODY_CHUNKED;
    if (te == HTTP1_TE_OTHER)
        return HTTP1_BODY_CLOSE;
    rc = http1_content_length(&r->hdr, length);
    if (rc < 0)
        return rc;
    return rc ? HTTP1_BODY_LENGTH : HTTP1_BODY_CLOSE;
}

/* ---- body decoding ----------------------------------------------------------- */

enum {
    CS_SIZE_FIRST = 0, /* first hex digit of a chunk size */
    CS_SIZE,           /* more hex digits */
    CS_SIZE_WS,        /* BWS after the size: only ';' or a line end may follow */
    CS_EXT,            /* chunk extensions, skipped to the line end */
    CS_SIZE_LF,        /* CR seen at the end of the size line */
    CS_DATA,           /* `remaining` data bytes */
    CS_DATA_END,       /* CRLF (or LF) after the data */
    CS_DATA_LF,        /* CR seen after the data */
    CS_TRAILER_START,  /* at the start of a trailer line (or the final empty line) */
    CS_TRAILER,        /* inside a trailer field line */
    CS_TRAILER_LF,     /* CR seen at the end of a trailer line */
    CS_END_LF,         /* CR of the final empty line seen */
};

int http1_body_init(struct http1_body *b, int kind, uint64_t length)
{
    memset(b, 0, sizeof(*b));
    b->kind = (uint8_t)kind;
    switch (kind) {
    case HTTP1_BODY_NONE:
    case HTTP1_BODY_INTERIM:
        b->done = 1;
        return 0;
    case HTTP1_BODY_LENGTH:
        b->remaining = length;
        b->done = length == 0;
        return 0;
    case HTTP1_BODY_CHUNKED:
        b->state = CS_SIZE_FIRST;
        return 0;
    case HTTP1_BODY_CLOSE:
    case HTTP1_BODY_TUNNEL:
        return 0;
    default:
        b->err = HTTP1_ERR_INVAL;
        return HTTP1_ERR_INVAL;
    }
}

static int body_fail(struct http1_body *b, int err)
{
    b->err = err;
    return err;
}

/* One framing byte of a chunked body; returns 0, 1 when the body ends, or an error. */
static int chunk_byte(struct http1_body *b, uint8_t c)
{
    int d;

    switch (b->state) {
    case CS_SIZE_FIRST:
    case CS_SIZE:
        if (++b->line > HTTP1_MAX_CHUNK_LINE)
            return HTTP1_ERR_CHUNK_LINE_TOO_LONG;
        d = hexval(c);
        if (d >= 0) {
            if (b->remaining > (HTTP1_MAX_CHUNK_SIZE - (uint64_t)d) / 16)
                return HTTP1_ERR_CHUNK_SIZE;
            b->remaining = b->remaining * 16 + (uint64_t)d;
            b->state = CS_SIZE;
            return 0;
        }
        if (b->state == CS_SIZE_FIRST)
            return HTTP1_ERR_CHUNK_SIZE;
        /* the size ended: c is BWS, ';' or the line end, seen in that state */
        b->line--;
        b->state = CS_SIZE_WS;
        return chunk_byte(b, c);
    case CS_SIZE_WS:
    case CS_EXT:
        if (++b->line > HTTP1_MAX_CHUNK_LINE)
            return HTTP1_ERR_CHUNK_LINE_TOO_LONG;
        if (c == '\r') {
            b->state = CS_SIZE_LF;
            return 0;
        }
        if (c == '\n')
            break; /* size line complete */
        if (b->state == CS_EXT) {
            if (!is_text_char(c))
                return HTTP1_ERR_CHUNK_SIZE;
            return 0;
        }
        if (c == ';')
            b->state = CS_EXT;
        else if (c != ' ' && c != '\t')
            return HTTP1_ERR_CHUNK_SIZE; /* "1x", "1 2" */
        return 0;
    case CS_SIZE_LF:
        if (c != '\n')
            return HTTP1_ERR_CHUNK_LINE;
        break;
    case CS_DATA_END:
        if (c == '\r') {
            b->state = CS_DATA_LF;
            return 0;
        }
        if (c != '\n')
            return HTTP1_ERR_CHUNK_LINE;
        b->state = CS_SIZE_FIRST;
        return 0;
    case CS_DATA_LF:
        if (c != '\n')
            return HTTP1_ERR_CHUNK_LINE;
        b->state = CS_SIZE_FIRST;
        return 0;
    case CS_TRAILER_START:
    case CS_TRAILER:
        if (++b->line > HTTP1_MAX_TRAILER)
            return HTTP1_ERR_TRAILER_TOO_LONG;
        if (c == '\r') {
            b->state = b->state == CS_TRAILER_START ? CS_END_LF : CS_TRAILER_LF;
            return 0;
        }
        if (c == '\n') {
            if (b->state == CS_TRAILER_START)
                return 1;
            b->state = CS_TRAILER_START;
            return 0;
        }
        if (!is_text_char(c))
            return HTTP1_ERR_HEADER_VALUE;
        b->state = CS_TRAILER;
        return 0;
    case CS_TRAILER_LF:
    case CS_END_LF:
        if (++b->line > HTTP1_MAX_TRAILER)
            return HTTP1_ERR_TRAILER_TOO_LONG;
        if (c != '\n')
            return HTTP1_ERR_LINE_END;
        if (b->state == CS_END_LF)
            return 1;
        b->state = CS_TRAILER_START;
        return 0;
    default:
        return HTTP1_ERR_INVAL;
    }
    /* the size line is complete: data, or the last chunk and its trailers */
    b->line = 0;
    if (b->remaining) {
        b->state = CS_DATA;
        b->chunks++;
    } else {
        b->state = CS_TRAILER_START;
    }
    return 0;
}

int http1_body_feed(struct http1_body *b, const uint8_t *p, size_t n, const uint8_t **data,
                    size_t *data_len, size_t *consumed)
{
    size_t i = 0, take;
    int rc = 0;

    *data = NULL;
    *data_len = 0;
    *consumed = 0;
    if (b->err)
        return b->err;
    if (b->done)
        return 1;
    switch (b->kind) {
    case HTTP1_BODY_CLOSE:
    case HTTP1_BODY_TUNNEL:
        *data = n ? p : NULL;
        *data_len = n;
        *consumed = n;
        b->decoded += n;
        b->wire += n;
        return 0;
    case HTTP1_BODY_LENGTH:
        take = b->remaining < n ? (size_t)b->remaining : n;
        *data = take ? p : NULL;
        *data_len = take;
        *consumed = take;
        b->remaining -= take;
        b->decoded += take;
        b->wire += take;
        b->done = b->remaining == 0;
        return b->done;
    case HTTP1_BODY_CHUNKED:
        break;
    default:
        return body_fail(b, HTTP1_ERR_INVAL);
    }
    while (i < n) {
        if (b->state == CS_DATA) {
            take = b->remaining < n - i ? (size_t)b->remaining : n - i;
            *data = p + i;
            *data_len = take;
            b->remaining -= take;
            b->decoded += take;
            i += take;
            if (b->remaining == 0)
                b->state = CS_DATA_END;
            break; /* one span per call */
        }
        rc = chunk_byte(b, p[i++]);
        if (rc != 0)
            break;
    }
    *consumed = i;
    b->wire += i;
    if (rc < 0) {
        *data = NULL;
        *data_len = 0;
        return body_fail(b, rc);
    }
    b->done = rc == 1;
    return rc;
}

int http1_body_eof(const struct http1_body *b)
{
    if (b->err)
        return b->err;
    return b->done || b->kind == HTTP1_BODY_CLOSE || b->kind == HTTP1_BODY_TUNNEL;
}

/* ---- the request target --------------------------------------------------------- */

size_t http1_target_path_len(const char *target, size_t len)
{
    size_t i = 0;

    while (i < len && target[i] != '?' && target[i] != '#')
        i++;
    return i;
}

size_t http1_pct_decode(const char *s, size_t len, int plus_space, char *out, size_t cap)
{
    size_t i = 0, o = 0;

    while (i < len) {
        int c = (uint8_t)s[i], hi, lo;

        if (c == '%' && i + 2 < len && (hi = hexval((uint8_t)s[i + 1])) >= 0 &&
            (lo = hexval((uint8_t)s[i + 2])) >= 0) {
            c = hi * 16 + lo;
            i += 3;
        } else {
            if (c == '+' && plus_space)
                c = ' ';
            i++;
        }
        if (o + 1 < cap)
            out[o] = (char)c;
        o++;
    }
    if (cap)
        out[o < cap ? o : cap - 1] = '\0';
    return o;
}

long http1_query_param(const char *target, size_t len, const char *name, char *out, size_t cap)
{
    size_t i = http1_target_path_len(target, len), end = i, nlen = strlen(name);
    char key[HTTP1_MAX_KEY + 1];

    if (i == len || target[i] != '?')
        return -1;
    while (end < len && target[end] != '#')
        end++;
    i++;
    while (i <= end) {
        size_t s = i, eq, e;

        while (i < end && target[i] != '&')
            i++;
        e = i++;
        for (eq = s; eq < e && target[eq] != '='; eq++)
            ;
        if (http1_pct_decode(target + s, eq - s, 1, key, sizeof(key)) == nlen &&
            nlen <= HTTP1_MAX_KEY && memcmp(key, name, nlen) == 0) {
            size_t v = eq < e ? eq + 1 : e;
            size_t l = http1_pct_decode(target + v, e - v, 1, out, cap);

            return l > (size_t)0x7fffffff ? 0x7fffffff : (long)l;
        }
    }
    return -1;
}

size_t http1_resync(const uint8_t *p, size_t n, int response, int absolute_ok, size_t keep,
                    int *found)
{
    *found = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = i;

        if (i && p[i - 1] != '\n')
            continue;
        if (response) {
            if (n - i >= 7 && memcmp(p + i, "HTTP/1.", 7) == 0) {
                *found = 1;
                return i;
            }
            continue;
        }
        while (k < n && k - i < 16 && p[k] >= 'A' && p[k] <= 'Z')
            k++;
        if (k > i && k + 1 < n && p[k] == ' ' &&
            (p[k + 1] == '/' || (absolute_ok && p[k + 1] == 'h'))) {
            *found = 1;
            return i;
        }
    }
    return n > keep ? n - keep : 0;
}
