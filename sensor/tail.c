/*
 * tail.c - `firedamp --tail` (see tail.h): XREADGROUP on the event stream,
 * one readable line per event on stdout, XACK after printing.
 *
 * The line: time, event type, client -> server, then the facts an analyst
 * looks for first (alert signature and severity, Stratum user and pool,
 * Docker operation/image/risk, download URL/type/score, DNS name). Every
 * byte printed comes from the event through the JSON tokenizer and is made
 * printable (control characters become '?'), so a hostile event cannot drive
 * the analyst's terminal. It deliberately does not pretty-print whole events:
 * `redis-cli XRANGE` does that.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <hiredis/hiredis.h>

#include "config.h"
#include "json_scan.h"
#include "redis_url.h"
#include "tail.h"

#define TAIL_MAX_TOKENS 4096
#define TAIL_LINE_MAX   2048
#define TAIL_VALUE_MAX  400 /* longest value shown; the rest is cut with "..." */

static volatile sig_atomic_t tail_stop;

static void on_stop(int sig)
{
    (void)sig;
    tail_stop = 1;
}

/* ---- formatting --------------------------------------------------------- */

struct fmt {
    char *out;
    size_t cap, len;
};

/* Appends n bytes made printable; silently stops at the end of the buffer. */
static void put(struct fmt *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n && f->len + 1 < f->cap; i++) {
        unsigned char c = (unsigned char)s[i];
        f->out[f->len++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    f->out[f->len] = '\0';
}

__attribute__((format(printf, 2, 3))) static void putf(struct fmt *f, const char *fmt, ...)
{
    char tmp[TAIL_VALUE_MAX + 64];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    if (n > 0)
        put(f, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* The token at a dotted path ("alert.signature") under the top object, or -1. */
static int get(const char *s, const struct json_tok *t, int nt, const char *path)
{
    char part[64];
    int cur = 0;

    while (*path && cur >= 0) {
        size_t n = strcspn(path, ".");
        if (n >= sizeof(part))
            return -1;
        memcpy(part, path, n);
        part[n] = '\0';
        cur = json_obj_get(s, t, nt, cur, part);
        path += n + (path[n] == '.');
    }
    return cur;
}

/* A value as text: strings unescaped, other scalars as written. 0 or -1. */
static int value(const char *s, const struct json_tok *t, int nt, const char *path, char *out,
                 size_t cap)
{
    int i = get(s, t, nt, path);
    int n;

    if (i < 0)
        return -1;
    if (t[i].type == JSON_STRING) {
        n = json_unescape(s, &t[i], out, cap - 1);
        if (n < 0)
            return -1;
        if ((size_t)n >= cap - 1) {
            n = (int)cap - 1;
            if (cap > 4)
                memcpy(out + cap - 4, "...", 3);
        }
        out[n] = '\0';
        return 0;
    }
    if (t[i].type == JSON_OBJECT || t[i].type == JSON_ARRAY)
        return -1;
    snprintf(out, cap, "%.*s", (int)t[i].len, s + t[i].start);
    return 0;
}

/* " label=value" when the field is there. */
static void field(struct fmt *f, const char *s, const struct json_tok *t, int nt, const char *label,
                  const char *path)
{
    char v[TAIL_VALUE_MAX];

    if (value(s, t, nt, path, v, sizeof(v)) == 0)
        putf(f, " %s=%s", label, v);
}

static void endpoint(struct fmt *f, const char *s, const struct json_tok *t, int nt, const char *ip,
                     const char *port)
{
    char a[64] = "", p[16] = "";

    value(s, t, nt, ip, a, sizeof(a));
    value(s, t, nt, port, p, sizeof(p));
    if (strchr(a, ':'))
        putf(f, "[%s]:%s", a, p);
    else
        putf(f, "%s:%s", a, p);
}

int tail_format(const char *json, size_t len, char *out, size_t cap)
{
    static __thread struct json_tok tok[TAIL_MAX_TOKENS];
    struct fmt f = {out, cap, 0};
    char ts[64] = "", type[48] = "", v[TAIL_VALUE_MAX];
    int nt;

    if (cap == 0)
        return -1;
    out[0] = '\0';
    nt = len < (1u << 31) ? json_scan(json, len, tok, TAIL_MAX_TOKENS) : -1;
    if (nt < 1 || tok[0].type != JSON_OBJECT) {
        put(&f, json, len < TAIL_VALUE_MAX ? len : TAIL_VALUE_MAX);
        return -1;
    }
    value(json, tok, nt, "timestamp", ts, sizeof(ts));
    value(json, tok, nt, "event_type", type, sizeof(type));
    putf(&f, "%s %-13s", ts[0] ? ts : "-", type[0] ? type : "-");
    if (get(json, tok, nt, "src_ip") >= 0) {
        put(&f, " ", 1);
        endpoint(&f, json, tok, nt, "src_ip", "src_port");
        put(&f, " -> ", 4);
        endpoint(&f, json, tok, nt, "dest_ip", "dest_port");
        field(&f, json, tok, nt, "proto", "proto");
    }
    if (strcmp(type, "alert") == 0) {
        if (value(json, tok, nt, "alert.severity", v, sizeof(v)) == 0)
            putf(&f, " [sev %s]", v);
        if (value(json, tok, nt, "alert.signature", v, sizeof(v)) == 0)
            putf(&f, " \"%s\"", v);
        field(&f, json, tok, nt, "sid", "alert.signature_id");
    }
    /* the dissector objects, on their own events and on alerts that carry them */
    field(&f, json, tok, nt, "user", "stratum.user");
    field(&f, json, tok, nt, "pool", "stratum.pool_host");
    field(&f, json, tok, nt, "op", "docker_api.operation");
    field(&f, json, tok, nt, "image", "docker_api.image");
    field(&f, json, tok, nt, "risk", "docker_api.risk");
    field(&f, json, tok, nt, "url", "http_download.url");
    field(&f, json, tok, nt, "file_type", "http_download.file_type");
    field(&f, json, tok, nt, "score", "http_download.score");
    field(&f, json, tok, nt, "rrname", "dns.rrname");
    field(&f, json, tok, nt, "rrtype", "dns.rrtype");
    field(&f, json, tok, nt, "sni", "tls.sni");
    if (strcmp(type, "stats") == 0) {
        field(&f, json, tok, nt, "packets", "stats.packets");
        field(&f, json, tok, nt, "final", "stats.final");
        field(&f, json, tok, nt, "redis_published", "stats.output.redis.published");
        field(&f, json, tok, nt, "redis_dropped", "stats.output.redis.dropped");
    }
    field(&f, json, tok, nt, "id", "event_id");
    return 0;
}

/* ---- Redis -------------------------------------------------------------- */

/* One command, its reply or NULL (connection error, message on stderr). */
static redisReply *command(redisContext *c, int argc, const char **argv, const size_t *argl)
{
    redisReply *r = NULL;

    if (redisAppendCommandArgv(c, argc, argv, argl) != REDIS_OK ||
        redisGetReply(c, (void **)&r) != REDIS_OK || !r) {
        if (!tail_stop)
            fprintf(stderr, "firedamp --tail: %s: %s\n", argv[0],
                    c->errstr[0] ? c->errstr : "no reply");
        return NULL;
    }
    return r;
}

/* Connects, authenticates, selects, joins the group. NULL on failure; *fatal if retrying is
 * pointless. */
static redisContext *tail_connect(const struct config *cf, const struct redis_url *u,
                                  const char *group, int *fatal)
{
    struct timeval ctv = {(time_t)(cf->redis_connect_timeout_ms / 1000),
                          (suseconds_t)(cf->redis_connect_timeout_ms % 1000) * 1000};
    unsigned rms = cf->redis_command_timeout_ms + TAIL_BLOCK_MS;
    struct timeval rtv = {(time_t)(rms / 1000), (suseconds_t)(rms % 1000) * 1000};
    redisContext *c;
    redisReply *r;
    char db[16];

    *fatal = 0;
    c = u->unix_socket ? redisConnectUnixWithTimeout(u->path, ctv)
                       : redisConnectWithTimeout(u->host, (int)u->port, ctv);
    if (!c || c->err) {
        fprintf(stderr, "firedamp --tail: cannot connect: %s\n", c ? c->errstr : "out of memory");
        goto fail;
    }
    if (redisSetTimeout(c, rtv) != REDIS_OK)
        goto fail;
    if (u->password[0]) {
        const char *argv[3] = {"AUTH", u->user[0] ? u->user : u->password, u->password};
        size_t argl[3] = {4, strlen(argv[1]), strlen(u->password)};
        r = command(c, u->user[0] ? 3 : 2, argv, argl);
        if (!r)
            goto fail;
        if (r->type == REDIS_REPLY_ERROR) {
            fprintf(stderr, "firedamp --tail: AUTH: %s\n", r->str);
            *fatal = 1;
            freeReplyObject(r);
            goto fail;
        }
        freeReplyObject(r);
    }
    if (u->db) {
        const char *argv[2] = {"SELECT", db};
        size_t argl[2] = {6, (size_t)snprintf(db, sizeof(db), "%u", u->db)};
        r = command(c, 2, argv, argl);
        if (!r)
            goto fail;
        if (r->type == REDIS_REPLY_ERROR) {
            fprintf(stderr, "firedamp --tail: SELECT: %s\n", r->str);
            *fatal = 1;
            freeReplyObject(r);
            goto fail;
        }
        freeReplyObject(r);
    }
    {
        const char *argv[6] = {"XGROUP", "CREATE", cf->redis_stream_key, group, "$", "MKSTREAM"};
        size_t argl[6] = {6, 6, strlen(cf->redis_stream_key), strlen(group), 1, 8};
        r = command(c, 6, argv, argl);
        if (!r)
            goto fail;
        if (r->type == REDIS_REPLY_ERROR && strncmp(r->str, "BUSYGROUP", 9) != 0) {
            fprintf(stderr, "firedamp --tail: XGROUP CREATE %s: %s\n", cf->redis_stream_key,
                    r->str);
            *fatal = 1;
            freeReplyObject(r);
            goto fail;
        }
        freeReplyObject(r);
    }
    return c;
fail:
    if (c)
        redisFree(c);
    return NULL;
}

/*
 * Prints and acknowledges the entries of one XREADGROUP reply. Returns the
 * entries seen, or -1 on a connection error.
 */
static int handle(redisContext *c, const struct config *cf, const char *group, redisReply *r)
{
    char line[TAIL_LINE_MAX];
    redisReply *entries;
    int n = 0;

    if (r->type != REDIS_REPLY_ARRAY || r->elements < 1)
        return 0; /* nil: BLOCK timed out */
    if (r->element[0]->type != REDIS_REPLY_ARRAY || r->element[0]->elements < 2)
        return 0;
    entries = r->element[0]->element[1];
    if (entries->type != REDIS_REPLY_ARRAY)
        return 0;
    for (size_t i = 0; i < entries->elements; i++) {
        redisReply *e = entries->element[i], *fields, *ack;
        if (e->type != REDIS_REPLY_ARRAY || e->elements < 2 ||
            e->element[0]->type != REDIS_REPLY_STRING)
            continue;
        fields = e->element[1];
        /* fields are nil for an entry trimmed away (MAXLEN) while pending */
        for (size_t k = 0; fields->type == REDIS_REPLY_ARRAY && k + 1 < fields->elements; k += 2) {
            redisReply *name = fields->element[k], *val = fields->element[k + 1];
            if (name->type == REDIS_REPLY_STRING && val->type == REDIS_REPLY_STRING &&
                name->len == 5 && memcmp(name->str, "event", 5) == 0) {
                tail_format(val->str, val->len, line, sizeof(line));
                puts(line);
            }
        }
        fflush(stdout);
        {
            const char *argv[4] = {"XACK", cf->redis_stream_key, group, e->element[0]->str};
            size_t argl[4] = {4, strlen(cf->redis_stream_key), strlen(group), e->element[0]->len};
            ack = command(c, 4, argv, argl);
            if (!ack)
                return -1;
            freeReplyObject(ack);
        }
        n++;
    }
    return n;
}

int tail_run(const struct config *cf, const char *group, const char *consumer)
{
    struct redis_url u;
    struct sigaction sa;
    char err[256], host[64] = "", me[128], count[16], block[16];

    if (redis_url_parse(&u, cf->redis_url, err, sizeof(err)) != 0) {
        fprintf(stderr, "firedamp --tail: %s\n", err);
        return 2;
    }
    if (!group)
        group = TAIL_DEFAULT_GROUP;
    if (!consumer) {
        /* stable across restarts, so what this reader left unacknowledged is read again */
        gethostname(host, sizeof(host) - 1);
        snprintf(me, sizeof(me), "tail@%s", host[0] ? host : "localhost");
        consumer = me;
    }
    snprintf(count, sizeof(count), "%d", TAIL_COUNT);
    snprintf(block, sizeof(block), "%d", TAIL_BLOCK_MS);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_stop; /* no SA_RESTART: a blocked read returns */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    while (!tail_stop) {
        int fatal, backlog = 1;
        redisContext *c = tail_connect(cf, &u, group, &fatal);
        if (!c) {
            if (fatal)
                return 1;
            sleep(1);
            continue;
        }
        while (!tail_stop) {
            /* first what this consumer was given and never acknowledged, then new entries */
            const char *argv[11] = {"XREADGROUP",
                                    "GROUP",
                                    group,
                                    consumer,
                                    "COUNT",
                                    count,
                                    "BLOCK",
                                    block,
                                    "STREAMS",
                                    cf->redis_stream_key,
                                    backlog ? "0" : ">"};
            size_t argl[11];
            redisReply *r;
            int n;
            for (int i = 0; i < 11; i++)
                argl[i] = strlen(argv[i]);
            r = command(c, 11, argv, argl);
            if (!r)
                break;
            if (r->type == REDIS_REPLY_ERROR) {
                int nogroup = strncmp(r->str, "NOGROUP", 7) == 0;
                fprintf(stderr, "firedamp --tail: XREADGROUP: %s\n", r->str);
                freeReplyObject(r);
                if (nogroup)
                    break; /* the key was deleted: create the group again */
                redisFree(c);
                return 1;
            }
            n = handle(c, cf, group, r);
            freeReplyObject(r);
            if (n < 0)
                break;
            if (backlog && n == 0)
                backlog = 0;
        }
        redisFree(c);
        if (!tail_stop)
            sleep(1);
    }
    return 0;
}
