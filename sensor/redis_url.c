/*
 * redis_url.c - parsing of redis:// and unix:// URLs (see redis_url.h).
 *
 * A hand-written scanner over a NUL-terminated string: every field is copied
 * with its bound checked, so a hostile or mistyped URL gets a reason and never
 * a truncated value. It does not accept rediss:// (hiredis 0.14 has no TLS)
 * nor query options on redis:// URLs (hiredis has nothing to set with them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redis_url.h"

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

/* Percent-decodes s[0..len) into out[cap]. 0, or -1 (bad escape, NUL, too long). */
static int pct_decode(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;

    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '%') {
            int hi, lo;
            if (i + 2 >= len)
                return -1;
            hi = hexval(s[i + 1]);
            lo = hexval(s[i + 2]);
            if (hi < 0 || lo < 0)
                return -1;
            c = (char)(hi << 4 | lo);
            if (c == '\0')
                return -1;
            i += 2;
        }
        if (o + 1 >= cap)
            return -1;
        out[o++] = c;
    }
    out[o] = '\0';
    return 0;
}

/* Decimal in [lo, hi] spanning exactly s[0..len). 0 or -1. */
static int parse_num(const char *s, size_t len, unsigned lo, unsigned hi, unsigned *out)
{
    unsigned long v = 0;

    if (len == 0 || len > 6)
        return -1;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (unsigned long)(s[i] - '0');
    }
    if (v < lo || v > hi)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static int host_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
}

static int v6_char(char c)
{
    return hexval(c) >= 0 || c == ':' || c == '.';
}

static int parse_tcp(struct redis_url *u, const char *s, char *err, size_t errlen)
{
    const char *auth_end = s + strcspn(s, "/?#");
    const char *at = NULL, *h, *p;
    size_t hlen;

    for (const char *q = s; q < auth_end; q++)
        if (*q == '@')
            at = q; /* the last '@': a password may hold an encoded one only */
    h = s;
    if (at) {
        const char *colon = memchr(s, ':', (size_t)(at - s));
        if (!colon) {
            snprintf(err, errlen, "redis URL: credentials must be [user]:password@");
            return -1;
        }
        if (pct_decode(s, (size_t)(colon - s), u->user, sizeof(u->user)) != 0 ||
            pct_decode(colon + 1, (size_t)(at - colon - 1), u->password, sizeof(u->password)) !=
                0) {
            snprintf(err, errlen,
                     "redis URL: bad or too long user/password (percent-encode "
                     "reserved characters)");
            return -1;
        }
        if (!u->password[0]) {
            snprintf(err, errlen, "redis URL: empty password");
            return -1;
        }
        h = at + 1;
    }
    if (*h == '[') {
        const char *close = memchr(h, ']', (size_t)(auth_end - h));
        if (!close || close == h + 1) {
            snprintf(err, errlen, "redis URL: bad [IPv6] host");
            return -1;
        }
        hlen = (size_t)(close - h - 1);
        for (size_t i = 0; i < hlen; i++)
            if (!v6_char(h[1 + i])) {
                snprintf(err, errlen, "redis URL: bad [IPv6] host");
                return -1;
            }
        if (hlen >= sizeof(u->host))
            goto too_long;
        memcpy(u->host, h + 1, hlen);
        u->host[hlen] = '\0';
        p = close + 1;
    } else {
        p = h;
        while (p < auth_end && *p != ':')
            p++;
        hlen = (size_t)(p - h);
        if (hlen == 0) {
            snprintf(err, errlen, "redis URL: no host");
            return -1;
        }
        for (size_t i = 0; i < hlen; i++)
            if (!host_char(h[i])) {
                snprintf(err, errlen, "redis URL: bad character '%c' in host",
                         (h[i] >= 0x20 && h[i] < 0x7f) ? h[i] : '?');
                return -1;
            }
        if (hlen >= sizeof(u->host))
            goto too_long;
        memcpy(u->host, h, hlen);
        u->host[hlen] = '\0';
    }
    u->port = REDIS_URL_DEFAULT_PORT;
    if (p < auth_end) {
        if (*p != ':' || parse_num(p + 1, (size_t)(auth_end - p - 1), 1, 65535, &u->port) != 0) {
            snprintf(err, errlen, "redis URL: port must be 1..65535");
            return -1;
        }
    }
    if (*auth_end == '?' || *auth_end == '#') {
        snprintf(err, errlen, "redis URL: unexpected '%c' (redis:// takes no options)", *auth_end);
        return -1;
    }
    if (*auth_end == '/' && auth_end[1] != '\0' &&
        parse_num(auth_end + 1, strlen(auth_end + 1), 0, REDIS_URL_MAX_DB, &u->db) != 0) {
        snprintf(err, errlen, "redis URL: database must be a number 0..%d after the '/'",
                 REDIS_URL_MAX_DB);
        return -1;
    }
    return 0;
too_long:
    snprintf(err, errlen, "redis URL: host longer than %d bytes", REDIS_URL_HOST_MAX - 1);
    return -1;
}

static int parse_unix(struct redis_url *u, const char *s, char *err, size_t errlen)
{
    size_t plen = strcspn(s, "?#");
    const char *q;

    if (s[0] != '/') {
        snprintf(err, errlen, "unix URL: the socket path must be absolute (unix:///path)");
        return -1;
    }
    if (plen >= sizeof(u->path)) {
        snprintf(err, errlen, "unix URL: socket path longer than %d bytes", REDIS_URL_PATH_MAX - 1);
        return -1;
    }
    memcpy(u->path, s, plen);
    u->path[plen] = '\0';
    u->unix_socket = 1;
    q = s + plen;
    if (*q == '#') {
        snprintf(err, errlen, "unix URL: unexpected '#'");
        return -1;
    }
    if (*q != '?')
        return 0;
    q++;
    while (*q) {
        size_t n = strcspn(q, "&");
        const char *eq = memchr(q, '=', n);
        if (!eq) {
            snprintf(err, errlen, "unix URL: option without '=' (expected db=N or password=P)");
            return -1;
        }
        if ((size_t)(eq - q) == 2 && memcmp(q, "db", 2) == 0) {
            if (parse_num(eq + 1, n - 3, 0, REDIS_URL_MAX_DB, &u->db) != 0) {
                snprintf(err, errlen, "unix URL: db must be a number 0..%d", REDIS_URL_MAX_DB);
                return -1;
            }
        } else if ((size_t)(eq - q) == 8 && memcmp(q, "password", 8) == 0) {
            if (pct_decode(eq + 1, n - 9, u->password, sizeof(u->password)) != 0 ||
                !u->password[0]) {
                snprintf(err, errlen, "unix URL: bad, empty or too long password");
                return -1;
            }
        } else {
            snprintf(err, errlen, "unix URL: unknown option (expected db=N or password=P)");
            return -1;
        }
        q += n;
        if (*q == '&') {
            q++;
            if (!*q) {
                snprintf(err, errlen, "unix URL: trailing '&'");
                return -1;
            }
        }
    }
    return 0;
}

int redis_url_parse(struct redis_url *u, const char *s, char *err, size_t errlen)
{
    memset(u, 0, sizeof(*u));
    if (strncmp(s, "redis://", 8) == 0)
        return parse_tcp(u, s + 8, err, errlen);
    if (strncmp(s, "unix://", 7) == 0)
        return parse_unix(u, s + 7, err, errlen);
    if (strncmp(s, "rediss://", 9) == 0)
        snprintf(err, errlen, "redis URL: TLS (rediss://) is not supported");
    else
        snprintf(err, errlen,
                 "redis URL: expected redis://[[user]:password@]host[:port][/db] "
                 "or unix:///path[?db=N]");
    return -1;
}

void redis_url_display(const struct redis_url *u, char *out, size_t outlen)
{
    if (u->unix_socket) {
        snprintf(out, outlen, "unix://%s?db=%u%s", u->path, u->db,
                 u->password[0] ? "&password=***" : "");
        return;
    }
    int v6 = strchr(u->host, ':') != NULL;

    snprintf(out, outlen, "redis://%s%s%s%s%s:%u/%u", u->user, u->password[0] ? ":***@" : "",
             v6 ? "[" : "", u->host, v6 ? "]" : "", u->port, u->db);
}
