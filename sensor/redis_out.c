/*
 * redis_out.c - the Redis output thread: hand-off queue in, pipelined
 * XADD/PUBLISH/RPUSH out, spool on disk for whatever Redis did not
 * acknowledge (see redis_out.h for the contract).
 *
 * One thread, three states, decided afresh on every turn of its loop:
 *   live     connected, spool empty: batches come from the hand-off queue;
 *   replay   connected, spool not empty: queued lines are appended to the
 *            spool (behind what is there, so order holds) and batches come
 *            from the spool's read offset;
 *   offline  no connection, or waiting out a backoff after error replies:
 *            queued lines go to the spool.
 * Only the prefix of a batch up to its first undelivered event counts as
 * done; the rest is spooled (live) or stays in the spool (replay) and is sent
 * again later. It deliberately does not reorder, does not retry a single
 * event in a loop, and never blocks on Redis for longer than the configured
 * timeouts.
 *
 * hiredis 0.14 calls only: redisConnectWithTimeout, redisConnectUnixWithTimeout,
 * redisSetTimeout, redisAppendCommandArgv, redisGetReply, freeReplyObject,
 * redisFree.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hiredis/hiredis.h>

#include "config.h"
#include "evq.h"
#include "log.h"
#include "redis_out.h"
#include "redis_url.h"
#include "spool.h"
#include "stats.h"

#define MODE_STREAM  1u
#define MODE_CHANNEL 2u
#define MODE_LIST    4u

#define BATCH_BYTES   (4u << 20) /* bytes of events in one pipeline at most */
#define IDLE_SLEEP_NS 1000000    /* loop pause when there was nothing to do */
#define FILL_SLEEP_NS 200000     /* pause while a batch waits to fill (redis.batch_ms) */
#define HB_FIELDS     32

_Static_assert(STATS_EV_COUNT <= 32, "event type masks are 32 bits");

struct redis_out {
    const struct config *cfg;
    struct redis_url url;
    char url_text[REDIS_URL_HOST_MAX + REDIS_URL_PATH_MAX + 64];
    unsigned modes;
    uint32_t stream_mask, channel_mask, list_mask;
    char maxlen[24];
    char hb_key[CONFIG_NAME_MAX + 32];

    struct evq q; /* output thread -> this thread */
    pthread_t thread;
    int thread_started;
    _Atomic int stop;
    _Atomic uint64_t pushed; /* lines accepted by redis_out_push (output thread) */
    _Atomic uint64_t done;   /* of those, delivered, spooled or dropped (this thread) */
    int queue_drop_reported; /* output thread */

    /* this thread only */
    redisContext *ctx;
    uint64_t retry_at_ms; /* no connection attempt or batch before (monotonic) */
    unsigned backoff_ms;
    int ever_connected;
    int down_reported, full_reported;
    int stop_failed; /* a failure while stopping: give up, keep the rest spooled */
    int spool_err_reported;
    uint64_t synced_ms; /* last spool_sync() */
    uint64_t unsynced;  /* records appended since */
    uint64_t stop_deadline_ms;
    uint64_t next_hb_ms;
    struct spool sp;
    int have_spool;
    uint8_t *sbuf; /* spool batches */
    size_t scap;
    char *lbuf; /* live batches */
    size_t lused, lcap;
    size_t *off;
    uint32_t *len;
    uint8_t *ok;
    uint8_t *ncmd;
    char *last_stats; /* latest stats line, for the heartbeat hash */
    uint32_t last_stats_len;
    struct redis_out_stats priv; /* this thread's counters, published under mu */

    pthread_mutex_t mu;
    struct redis_out_stats st;
};

static uint64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void pause_ns(long ns)
{
    struct timespec ts = {0, ns};

    nanosleep(&ts, NULL);
}

static struct timeval ms_tv(unsigned ms)
{
    struct timeval tv = {(time_t)(ms / 1000), (suseconds_t)(ms % 1000) * 1000};

    return tv;
}

/* ---- configuration ------------------------------------------------------ */

/* "all" or a list of event types, into a bit mask of enum stats_event_type. */
static int parse_types(const char *key, const char *s, uint32_t *mask, char *err, size_t errlen)
{
    char tmp[256], *save = NULL, *tok;

    *mask = 0;
    if (strlen(s) >= sizeof(tmp)) {
        snprintf(err, errlen, "%s: too long", key);
        return -1;
    }
    strcpy(tmp, s);
    for (tok = strtok_r(tmp, ", []", &save); tok; tok = strtok_r(NULL, ", []", &save)) {
        int i;
        if (strcmp(tok, "all") == 0) {
            *mask = STATS_EV_COUNT >= 32 ? 0xffffffffu : (1u << STATS_EV_COUNT) - 1;
            continue;
        }
        i = stats_event_index(tok);
        if (i == STATS_EV_OTHER && strcmp(tok, "other") != 0) {
            snprintf(err, errlen,
                     "%s: unknown event type '%s' (all, alert, stratum, docker_api, "
                     "http_download, dns, tls, incident, flow, stats, other)",
                     key, tok);
            return -1;
        }
        *mask |= 1u << i;
    }
    return 0;
}

static int parse_modes(const char *s, unsigned *modes, char *err, size_t errlen)
{
    char tmp[64], *save = NULL, *tok;

    *modes = 0;
    if (strlen(s) >= sizeof(tmp)) {
        snprintf(err, errlen, "redis.modes: too long");
        return -1;
    }
    strcpy(tmp, s);
    for (tok = strtok_r(tmp, ", []", &save); tok; tok = strtok_r(NULL, ", []", &save)) {
        if (strcmp(tok, "stream") == 0)
            *modes |= MODE_STREAM;
        else if (strcmp(tok, "channel") == 0)
            *modes |= MODE_CHANNEL;
        else if (strcmp(tok, "list") == 0)
            *modes |= MODE_LIST;
        else {
            snprintf(err, errlen, "redis.modes: unknown mode '%s' (stream, channel, list)", tok);
            return -1;
        }
    }
    if (!*modes) {
        snprintf(err, errlen, "redis.modes: at least one of stream, channel, list");
        return -1;
    }
    return 0;
}

static int parse_all(struct redis_out *ro, const struct config *c, char *err, size_t errlen)
{
    char why[256];

    if (redis_url_parse(&ro->url, c->redis_url, why, sizeof(why)) != 0) {
        snprintf(err, errlen, "output.redis (--redis): %s", why);
        return -1;
    }
    if (parse_modes(c->redis_modes, &ro->modes, err, errlen) != 0 ||
        parse_types("redis.stream_types", c->redis_stream_types, &ro->stream_mask, err, errlen) !=
            0 ||
        parse_types("redis.channel_types", c->redis_channel_types, &ro->channel_mask, err,
                    errlen) != 0 ||
        parse_types("redis.list_types", c->redis_list_types, &ro->list_mask, err, errlen) != 0)
        return -1;
    if ((uint64_t)c->redis_queue_kb * 1024 < (uint64_t)c->max_event_bytes * 4) {
        snprintf(err, errlen, "redis.queue_kb must hold at least 4 events of max_event_bytes");
        return -1;
    }
    if (((ro->modes & MODE_STREAM) && !c->redis_stream_key[0]) ||
        ((ro->modes & MODE_CHANNEL) && !c->redis_channel[0]) ||
        ((ro->modes & MODE_LIST) && !c->redis_list_key[0])) {
        snprintf(err, errlen, "redis: a key or channel of an enabled mode is empty");
        return -1;
    }
    return 0;
}

int redis_out_check(const struct config *c, char *err, size_t errlen)
{
    struct redis_out *ro = calloc(1, sizeof(*ro));
    int rc;

    if (!ro) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    rc = parse_all(ro, c, err, errlen);
    free(ro);
    return rc;
}

/* ---- counters and messages ---------------------------------------------- */

static void publish_counters(struct redis_out *ro)
{
    ro->priv.connected = ro->ctx != NULL;
    if (ro->have_spool) {
        ro->priv.spool_bytes = spool_pending_bytes(&ro->sp);
        ro->priv.spool_records = ro->sp.records;
    }
    pthread_mutex_lock(&ro->mu);
    ro->st = ro->priv;
    pthread_mutex_unlock(&ro->mu);
}

static void report_down(struct redis_out *ro, const char *why)
{
    if (ro->down_reported)
        return;
    ro->down_reported = 1;
    if (ro->have_spool)
        log_msg(LOG_WARNING,
                "redis: %s: %s; spooling events to %s and retrying (every %u ms at "
                "most)",
                ro->url_text, why, ro->sp.path, ro->cfg->redis_backoff_max_ms);
    else
        log_msg(LOG_WARNING,
                "redis: %s: %s; no spool (redis.spool_path is empty): events are "
                "dropped and counted until it is back",
                ro->url_text, why);
}

static void spool_put(struct redis_out *ro, const char *data, uint32_t len)
{
    int rc = ro->have_spool ? spool_append(&ro->sp, data, len) : SPOOL_FULL;

    if (rc == SPOOL_OK) {
        ro->priv.spooled++;
        ro->unsynced++;
        return;
    }
    if (rc == SPOOL_FULL)
        ro->priv.dropped_spool_full++;
    else
        ro->priv.dropped_spool_error++;
    if (!ro->full_reported) {
        ro->full_reported = 1;
        if (rc == SPOOL_FULL && ro->have_spool)
            log_msg(LOG_ERR,
                    "redis: spool %s is full (%llu bytes): events are being "
                    "dropped (counted in stats output.redis.dropped)",
                    ro->sp.path, (unsigned long long)ro->sp.max_bytes);
        else if (rc != SPOOL_FULL)
            log_msg(LOG_ERR, "redis: %s: events are being dropped", ro->sp.errstr);
    }
}

/* ---- event routing ------------------------------------------------------ */

/* The event_type of a line (the first "event_type" key is the event's own). */
static int event_type_of(const char *d, uint32_t len, char out[REDIS_TYPE_MAX + 1])
{
    static const char key[] = "\"event_type\":\"";
    const char *p = memmem(d, len, key, sizeof(key) - 1), *end = d + len;
    size_t n = 0;

    out[0] = '\0';
    if (!p)
        return STATS_EV_OTHER;
    p += sizeof(key) - 1;
    while (p + n < end && p[n] != '"' && n < REDIS_TYPE_MAX)
        n++;
    if (p + n >= end || p[n] != '"')
        return STATS_EV_OTHER;
    memcpy(out, p, n);
    out[n] = '\0';
    return stats_event_index(out);
}

static void note_stats(struct redis_out *ro, const char *d, uint32_t len)
{
    char type[REDIS_TYPE_MAX + 1];
    char *p;

    if (!ro->cfg->redis_heartbeat_s || event_type_of(d, len, type) != STATS_EV_STATS)
        return;
    p = realloc(ro->last_stats, len);
    if (!p)
        return;
    memcpy(p, d, len);
    ro->last_stats = p;
    ro->last_stats_len = len;
}

/* Appends the commands of one event to the pipeline. Returns how many, or -1. */
static int append_cmds(struct redis_out *ro, const char *d, uint32_t len)
{
    const struct config *c = ro->cfg;
    char type[REDIS_TYPE_MAX + 1];
    uint32_t bit = 1u << event_type_of(d, len, type);
    int n = 0;

    if ((ro->modes & MODE_STREAM) && (ro->stream_mask & bit)) {
        const char *argv[10];
        size_t argl[10];
        int a = 0;
        argv[a] = "XADD", argl[a++] = 4;
        argv[a] = c->redis_stream_key, argl[a++] = strlen(c->redis_stream_key);
        if (c->redis_stream_maxlen) {
            argv[a] = "MAXLEN", argl[a++] = 6;
            argv[a] = "~", argl[a++] = 1;
            argv[a] = ro->maxlen, argl[a++] = strlen(ro->maxlen);
        }
        argv[a] = "*", argl[a++] = 1;
        argv[a] = "event", argl[a++] = 5;
        argv[a] = d, argl[a++] = len;
        argv[a] = "event_type", argl[a++] = 10;
        argv[a] = type, argl[a++] = strlen(type);
        if (redisAppendCommandArgv(ro->ctx, a, argv, argl) != REDIS_OK)
            return -1;
        n++;
    }
    if ((ro->modes & MODE_CHANNEL) && (ro->channel_mask & bit)) {
        const char *argv[3] = {"PUBLISH", c->redis_channel, d};
        size_t argl[3] = {7, strlen(c->redis_channel), len};
        if (redisAppendCommandArgv(ro->ctx, 3, argv, argl) != REDIS_OK)
            return -1;
        n++;
    }
    if ((ro->modes & MODE_LIST) && (ro->list_mask & bit)) {
        const char *argv[3] = {"RPUSH", c->redis_list_key, d};
        size_t argl[3] = {5, strlen(c->redis_list_key), len};
        if (redisAppendCommandArgv(ro->ctx, 3, argv, argl) != REDIS_OK)
            return -1;
        n++;
    }
    return n;
}

/* ---- connection --------------------------------------------------------- */

static void backoff(struct redis_out *ro)
{
    ro->retry_at_ms = now_ms() + ro->backoff_ms;
    ro->backoff_ms = ro->backoff_ms * 2 > ro->cfg->redis_backoff_max_ms
                         ? ro->cfg->redis_backoff_max_ms
                         : ro->backoff_ms * 2;
    if (atomic_load(&ro->stop))
        ro->stop_failed = 1;
}

static void disconnect(struct redis_out *ro, const char *why)
{
    if (ro->ctx) {
        redisFree(ro->ctx);
        ro->ctx = NULL;
    }
    report_down(ro, why);
    backoff(ro);
}

/* Counts an error reply by kind; returns 1 if r is one. */
static int reply_error(struct redis_out *ro, const redisReply *r, char *first, size_t firstlen)
{
    if (r->type != REDIS_REPLY_ERROR)
        return 0;
    if (strncmp(r->str, "OOM", 3) == 0)
        ro->priv.err_oom++;
    else if (strncmp(r->str, "WRONGTYPE", 9) == 0)
        ro->priv.err_wrongtype++;
    else if (strncmp(r->str, "NOAUTH", 6) == 0 || strncmp(r->str, "WRONGPASS", 9) == 0 ||
             strncmp(r->str, "NOPERM", 6) == 0)
        ro->priv.err_noauth++;
    else
        ro->priv.err_other++;
    if (first && !first[0])
        snprintf(first, firstlen, "%.*s", (int)(r->len < 200 ? r->len : 200), r->str);
    return 1;
}

/* One command now (AUTH, SELECT): 0 when answered +OK. */
static int simple_cmd(struct redis_out *ro, redisContext *c, int argc, const char **argv,
                      const size_t *argl, char *why, size_t whylen)
{
    redisReply *r = NULL;
    int rc = -1;

    if (redisAppendCommandArgv(c, argc, argv, argl) != REDIS_OK ||
        redisGetReply(c, (void **)&r) != REDIS_OK || !r) {
        snprintf(why, whylen, "%s: %s", argv[0], c->errstr[0] ? c->errstr : "no reply");
        return -1;
    }
    if (r->type == REDIS_REPLY_STATUS)
        rc = 0;
    else if (!reply_error(ro, r, why, whylen))
        snprintf(why, whylen, "%s: unexpected reply", argv[0]);
    freeReplyObject(r);
    return rc;
}

static int try_connect(struct redis_out *ro)
{
    const struct config *cf = ro->cfg;
    struct timeval ctv = ms_tv(cf->redis_connect_timeout_ms);
    struct timeval rtv = ms_tv(cf->redis_command_timeout_ms);
    redisContext *c;
    char why[256] = "";

    c = ro->url.unix_socket ? redisConnectUnixWithTimeout(ro->url.path, ctv)
                            : redisConnectWithTimeout(ro->url.host, (int)ro->url.port, ctv);
    if (!c || c->err) {
        snprintf(why, sizeof(why), "cannot connect: %s", c ? c->errstr : "out of memory");
        goto fail;
    }
    if (redisSetTimeout(c, rtv) != REDIS_OK) {
        snprintf(why, sizeof(why), "cannot set the command timeout: %s", c->errstr);
        goto fail;
    }
    if (ro->url.password[0]) {
        const char *argv[3] = {"AUTH", ro->url.user, ro->url.password};
        size_t argl[3] = {4, strlen(ro->url.user), strlen(ro->url.password)};
        if (ro->url.user[0]) {
            if (simple_cmd(ro, c, 3, argv, argl, why, sizeof(why)) != 0)
                goto fail;
        } else {
            argv[1] = argv[2];
            argl[1] = argl[2];
            if (simple_cmd(ro, c, 2, argv, argl, why, sizeof(why)) != 0)
                goto fail;
        }
    }
    if (ro->url.db) {
        char db[16];
        const char *argv[2] = {"SELECT", db};
        size_t argl[2] = {6, 0};
        argl[1] = (size_t)snprintf(db, sizeof(db), "%u", ro->url.db);
        if (simple_cmd(ro, c, 2, argv, argl, why, sizeof(why)) != 0)
            goto fail;
    }
    ro->ctx = c;
    if (ro->ever_connected)
        ro->priv.reconnects++;
    ro->ever_connected = 1;
    return 0;
fail:
    if (c)
        redisFree(c);
    ro->priv.err_connect++;
    report_down(ro, why);
    backoff(ro);
    return -1;
}

/* ---- batches ------------------------------------------------------------ */

/*
 * Sends n events and reads every reply. ok[i] tells which were delivered.
 * Returns the length of the delivered prefix. On a lost connection the
 * context is dropped; after error replies a backoff starts.
 */
static unsigned send_batch(struct redis_out *ro, const char *base, unsigned n, int from_spool)
{
    char first_err[256] = "";
    unsigned i, prefix = 0;
    int lost = 0, replied_err = 0;

    memset(ro->ok, 0, n);
    memset(ro->ncmd, 0, n);
    for (i = 0; i < n && !lost; i++) {
        int k = append_cmds(ro, base + ro->off[i], ro->len[i]);
        if (k < 0)
            lost = 1; /* out of memory in hiredis: treat as a lost connection */
        else
            ro->ncmd[i] = (uint8_t)k;
    }
    for (i = 0; i < n && !lost; i++) {
        int good = 1;
        for (unsigned k = 0; k < ro->ncmd[i]; k++) {
            redisReply *r = NULL;
            if (redisGetReply(ro->ctx, (void **)&r) != REDIS_OK || !r) {
                lost = 1;
                break;
            }
            if (reply_error(ro, r, first_err, sizeof(first_err))) {
                good = 0;
            } else if (r->type != REDIS_REPLY_STRING && r->type != REDIS_REPLY_INTEGER &&
                       r->type != REDIS_REPLY_STATUS) {
                ro->priv.err_other++;
                good = 0;
            }
            freeReplyObject(r);
        }
        if (!lost) {
            ro->ok[i] = (uint8_t)good;
            replied_err |= !good;
        }
    }
    while (prefix < n && ro->ok[prefix])
        prefix++;
    for (i = 0; i < n; i++) {
        if (ro->ok[i] && ro->ncmd[i]) {
            ro->priv.published++;
            if (from_spool)
                ro->priv.replayed++;
        }
    }
    if (lost) {
        char why[300];
        snprintf(why, sizeof(why), "connection lost: %s",
                 ro->ctx->errstr[0] ? ro->ctx->errstr : "out of memory");
        ro->priv.err_io++;
        disconnect(ro, why);
    } else if (replied_err) {
        char why[300];
        snprintf(why, sizeof(why), "error reply '%s'", first_err[0] ? first_err : "unexpected");
        report_down(ro, why);
        backoff(ro);
    } else if (n) {
        ro->backoff_ms = REDIS_BACKOFF_MIN_MS;
        if (ro->down_reported) {
            ro->down_reported = 0;
            log_msg(LOG_NOTICE, "redis: %s: delivering again", ro->url_text);
        }
    }
    return prefix;
}

/*
 * The spool could not be read or its progress not saved: say it once, and
 * retry after a backoff like a Redis failure (a disk that filled may empty).
 */
static void spool_trouble(struct redis_out *ro)
{
    if (!ro->spool_err_reported) {
        ro->spool_err_reported = 1;
        log_msg(LOG_WARNING, "redis: %s; replay paused, retrying", ro->sp.errstr);
    }
    backoff(ro);
}

/* Queued lines to the spool (offline, or behind a spool being replayed). */
static uint64_t queue_to_spool(struct redis_out *ro)
{
    const char *d;
    uint32_t l;
    int ch;
    uint64_t n = 0;

    while (evq_peek(&ro->q, &ch, &d, &l)) {
        note_stats(ro, d, l);
        spool_put(ro, d, l);
        evq_pop(&ro->q);
        n++;
    }
    return n;
}

/* Live: a batch from the queue. Returns the lines taken. */
static uint64_t live_step(struct redis_out *ro)
{
    const struct config *c = ro->cfg;
    unsigned n = 0, prefix;
    uint64_t start = 0;

    ro->lused = 0;
    for (;;) {
        const char *d;
        uint32_t l;
        int ch;
        while (n < c->redis_batch && ro->lused < BATCH_BYTES && evq_peek(&ro->q, &ch, &d, &l)) {
            if (ro->lused + l > ro->lcap)
                break; /* only after BATCH_BYTES: lcap holds that plus one event */
            memcpy(ro->lbuf + ro->lused, d, l);
            note_stats(ro, d, l);
            ro->off[n] = ro->lused;
            ro->len[n] = l;
            ro->lused += l;
            n++;
            evq_pop(&ro->q);
            if (n == 1)
                start = now_ms();
        }
        if (n == 0 || n >= c->redis_batch || ro->lused >= BATCH_BYTES || !c->redis_batch_ms ||
            atomic_load(&ro->stop) || now_ms() - start >= c->redis_batch_ms)
            break;
        pause_ns(FILL_SLEEP_NS);
    }
    if (n == 0)
        return 0;
    prefix = send_batch(ro, ro->lbuf, n, 0);
    /*
     * Behind the first failure everything goes to the spool, delivered or
     * not, so that the order holds (at least once). Without a spool there is
     * no order to keep: only what failed is lost.
     */
    for (unsigned i = prefix; i < n; i++)
        if (ro->have_spool || !ro->ok[i])
            spool_put(ro, ro->lbuf + ro->off[i], ro->len[i]);
    return n;
}

/* Replay: first the queue behind the spool, then a batch from the spool. */
static uint64_t replay_step(struct redis_out *ro, int *progress)
{
    uint64_t taken = queue_to_spool(ro);
    unsigned n = 0, prefix;
    uint64_t bytes = 0;
    long span = spool_peek(&ro->sp, ro->sbuf, ro->scap, ro->cfg->redis_batch, ro->off, ro->len, &n);

    *progress = 0;
    if (span < 0) {
        spool_trouble(ro);
        return taken;
    }
    if (n == 0)
        return taken;
    prefix = send_batch(ro, (const char *)ro->sbuf, n, 1);
    for (unsigned i = 0; i < prefix; i++)
        bytes += SPOOL_REC_HDR + (uint64_t)ro->len[i];
    if (prefix) {
        *progress = 1;
        if (spool_consume(&ro->sp, prefix, bytes) != SPOOL_OK)
            spool_trouble(ro);
        else
            ro->spool_err_reported = 0;
        if (spool_pending_bytes(&ro->sp) == 0)
            ro->full_reported = 0;
    }
    return taken;
}

/* ---- heartbeat ---------------------------------------------------------- */

static void heartbeat(struct redis_out *ro)
{
    const char *argv[HB_FIELDS];
    size_t argl[HB_FIELDS];
    char num[8][24];
    int a = 0, k = 0;
    redisReply *r = NULL;
    struct timespec wall;
    uint64_t dropped =
        ro->priv.dropped_spool_full + ro->priv.dropped_spool_error + atomic_load(&ro->q.dropped);

#define HB_STR(name, val)                         \
    do {                                          \
        argv[a] = name, argl[a++] = strlen(name); \
        argv[a] = val, argl[a++] = strlen(val);   \
    } while (0)
#define HB_NUM(name, val)                                                    \
    do {                                                                     \
        snprintf(num[k], sizeof(num[k]), "%llu", (unsigned long long)(val)); \
        HB_STR(name, num[k]);                                                \
        k++;                                                                 \
    } while (0)

    clock_gettime(CLOCK_REALTIME, &wall);
    argv[a] = "HSET", argl[a++] = 4;
    argv[a] = ro->hb_key, argl[a++] = strlen(ro->hb_key);
    HB_NUM("heartbeat", wall.tv_sec);
    HB_STR("sensor", ro->cfg->sensor_name);
    HB_STR("run", ro->cfg->run_id);
    HB_STR("version", FIREDAMP_VERSION);
    HB_NUM("published", ro->priv.published);
    HB_NUM("spooled", ro->priv.spooled);
    HB_NUM("replayed", ro->priv.replayed);
    HB_NUM("dropped", dropped);
    HB_NUM("spool_bytes", ro->have_spool ? spool_pending_bytes(&ro->sp) : 0);
    HB_NUM("reconnects", ro->priv.reconnects);
    if (ro->last_stats) {
        argv[a] = "stats", argl[a++] = 5;
        argv[a] = ro->last_stats, argl[a++] = ro->last_stats_len;
    }
#undef HB_STR
#undef HB_NUM
    if (redisAppendCommandArgv(ro->ctx, a, argv, argl) != REDIS_OK ||
        redisGetReply(ro->ctx, (void **)&r) != REDIS_OK || !r) {
        ro->priv.err_io++;
        disconnect(ro, "connection lost (heartbeat)");
        return;
    }
    reply_error(ro, r, NULL, 0);
    freeReplyObject(r);
}

/* ---- the thread --------------------------------------------------------- */

static void *redis_thread(void *arg)
{
    struct redis_out *ro = arg;

    for (;;) {
        int stopping = atomic_load(&ro->stop), progress = 0;
        uint64_t now = now_ms(), taken = 0;
        int pending;

        if (stopping && !ro->stop_deadline_ms) {
            ro->stop_deadline_ms = now + REDIS_STOP_GRACE_MS;
            if (!ro->ctx)
                ro->retry_at_ms = 0; /* one last attempt, right now */
        }
        if (!ro->ctx && now >= ro->retry_at_ms && !ro->stop_failed)
            try_connect(ro);
        pending = ro->have_spool && spool_pending_bytes(&ro->sp) > 0;
        if (ro->ctx && now_ms() >= ro->retry_at_ms && !ro->stop_failed) {
            if (pending)
                taken = replay_step(ro, &progress);
            else
                taken = live_step(ro), progress = taken > 0;
        } else {
            taken = queue_to_spool(ro);
        }
        if (ro->ctx && ro->cfg->redis_heartbeat_s && now_ms() >= ro->next_hb_ms) {
            heartbeat(ro);
            ro->next_hb_ms = now_ms() + (uint64_t)ro->cfg->redis_heartbeat_s * 1000;
        }
        if (ro->unsynced && now_ms() - ro->synced_ms >= REDIS_SPOOL_SYNC_MS) {
            /* appends survive a crash of the process at once, of the machine from here */
            spool_sync(&ro->sp);
            ro->unsynced = 0;
            ro->synced_ms = now_ms();
        }
        publish_counters(ro);
        atomic_fetch_add(&ro->done, taken);
        if (stopping) {
            int left =
                evq_depth(&ro->q) > 0 || (ro->have_spool && spool_pending_bytes(&ro->sp) > 0);
            if (!left || ro->stop_failed || !ro->ctx || now_ms() >= ro->stop_deadline_ms) {
                atomic_fetch_add(&ro->done, queue_to_spool(ro));
                break;
            }
        }
        if (!taken && !progress)
            pause_ns(IDLE_SLEEP_NS);
    }
    if (ro->ctx && ro->cfg->redis_heartbeat_s)
        heartbeat(ro);
    publish_counters(ro);
    return NULL;
}

/* ---- the output thread's side ------------------------------------------- */

struct redis_out *redis_out_start(const struct config *c, char *err, size_t errlen)
{
    struct redis_out *ro = calloc(1, sizeof(*ro));
    size_t cap_events = c->redis_batch;
    sigset_t all, old;
    int rc;

    if (!ro) {
        snprintf(err, errlen, "redis: out of memory");
        return NULL;
    }
    ro->cfg = c;
    ro->sp.fd = -1;
    pthread_mutex_init(&ro->mu, NULL);
    if (parse_all(ro, c, err, errlen) != 0)
        goto fail;
    redis_url_display(&ro->url, ro->url_text, sizeof(ro->url_text));
    snprintf(ro->maxlen, sizeof(ro->maxlen), "%u", c->redis_stream_maxlen);
    snprintf(ro->hb_key, sizeof(ro->hb_key), "firedamp:sensor:%s", c->sensor_name);
    ro->backoff_ms = REDIS_BACKOFF_MIN_MS;
    ro->scap = BATCH_BYTES + SPOOL_MAX_RECORD + SPOOL_REC_HDR;
    ro->lcap = BATCH_BYTES + c->max_event_bytes;
    ro->sbuf = malloc(ro->scap);
    ro->lbuf = malloc(ro->lcap);
    ro->off = calloc(cap_events, sizeof(*ro->off));
    ro->len = calloc(cap_events, sizeof(*ro->len));
    ro->ok = calloc(cap_events, 1);
    ro->ncmd = calloc(cap_events, 1);
    if (!ro->sbuf || !ro->lbuf || !ro->off || !ro->len || !ro->ok || !ro->ncmd ||
        evq_init(&ro->q, (size_t)c->redis_queue_kb * 1024, (int)c->queue_block) != 0) {
        snprintf(err, errlen, "redis: out of memory");
        goto fail;
    }
    if (c->redis_spool_path[0]) {
        uint64_t max = c->redis_spool_max_kb ? (uint64_t)c->redis_spool_max_kb << 10
                                             : (uint64_t)c->redis_spool_max_mb << 20;
        if (spool_open(&ro->sp, c->redis_spool_path, max) != 0) {
            snprintf(err, errlen, "redis: %s", ro->sp.errstr);
            goto fail;
        }
        ro->have_spool = 1;
        ro->priv.spool_torn_bytes = ro->sp.torn_bytes;
        if (ro->sp.torn_bytes)
            log_msg(LOG_WARNING,
                    "redis: spool %s: cut %llu bytes of a torn or damaged tail (a "
                    "crash while writing); those events are lost",
                    ro->sp.path, (unsigned long long)ro->sp.torn_bytes);
        if (ro->sp.records)
            log_msg(LOG_NOTICE,
                    "redis: spool %s holds %llu undelivered events from an earlier "
                    "run: they are delivered first",
                    ro->sp.path, (unsigned long long)ro->sp.records);
    }
    ro->priv.enabled = 1;
    publish_counters(ro);
    /* signals belong to the output thread (main.c): this one runs with them blocked */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    rc = pthread_create(&ro->thread, NULL, redis_thread, ro);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        snprintf(err, errlen, "redis: cannot start the output thread");
        goto fail;
    }
    ro->thread_started = 1;
    return ro;
fail:
    if (ro->have_spool)
        spool_close(&ro->sp);
    evq_destroy(&ro->q);
    free(ro->sbuf);
    free(ro->lbuf);
    free(ro->off);
    free(ro->len);
    free(ro->ok);
    free(ro->ncmd);
    pthread_mutex_destroy(&ro->mu);
    free(ro);
    return NULL;
}

int redis_out_push(struct redis_out *ro, const char *data, uint32_t len)
{
    if (len == 0)
        return 0;
    if (evq_push(&ro->q, EVQ_EVENTS, data, len) != 0) {
        if (!ro->queue_drop_reported) {
            ro->queue_drop_reported = 1;
            log_msg(LOG_ERR, "redis: hand-off queue full (redis.queue_kb): events "
                             "are being dropped (counted in stats output.redis.dropped)");
        }
        return -1;
    }
    atomic_fetch_add(&ro->pushed, 1);
    return 0;
}

void redis_out_settle(struct redis_out *ro, unsigned timeout_ms)
{
    uint64_t want = atomic_load(&ro->pushed), until = now_ms() + timeout_ms;

    while (atomic_load(&ro->done) < want && now_ms() < until)
        pause_ns(IDLE_SLEEP_NS / 4);
}

void redis_out_stats_snapshot(struct redis_out *ro, struct redis_out_stats *s)
{
    memset(s, 0, sizeof(*s));
    if (!ro)
        return;
    pthread_mutex_lock(&ro->mu);
    *s = ro->st;
    pthread_mutex_unlock(&ro->mu);
    s->dropped_queue = atomic_load(&ro->q.dropped);
    s->queue_depth = evq_depth(&ro->q);
}

void redis_out_stats_render(struct json *j, const struct redis_out_stats *s)
{
    if (!s->enabled)
        return;
    json_key(j, "redis");
    json_open(j);
    json_kv_bool(j, "connected", (int)s->connected);
    json_kv_uint(j, "published", s->published);
    json_kv_uint(j, "replayed", s->replayed);
    json_kv_uint(j, "spooled", s->spooled);
    json_kv_uint(j, "dropped", s->dropped_spool_full + s->dropped_spool_error + s->dropped_queue);
    json_key(j, "dropped_by_reason");
    json_open(j);
    json_kv_uint(j, "spool_full", s->dropped_spool_full);
    json_kv_uint(j, "spool_error", s->dropped_spool_error);
    json_kv_uint(j, "queue_full", s->dropped_queue);
    json_close(j);
    json_key(j, "errors");
    json_open(j);
    json_kv_uint(j, "connect", s->err_connect);
    json_kv_uint(j, "io", s->err_io);
    json_kv_uint(j, "oom", s->err_oom);
    json_kv_uint(j, "wrongtype", s->err_wrongtype);
    json_kv_uint(j, "noauth", s->err_noauth);
    json_kv_uint(j, "other", s->err_other);
    json_close(j);
    json_kv_uint(j, "reconnects", s->reconnects);
    json_kv_uint(j, "spool_bytes", s->spool_bytes);
    json_kv_uint(j, "spool_events", s->spool_records);
    json_kv_uint(j, "spool_torn_bytes", s->spool_torn_bytes);
    json_kv_uint(j, "queue_depth", s->queue_depth);
    json_close(j);
}

uint64_t redis_out_stop(struct redis_out *ro)
{
    struct redis_out_stats s;
    uint64_t lost;

    if (!ro)
        return 0;
    atomic_store(&ro->stop, 1);
    if (ro->thread_started)
        pthread_join(ro->thread, NULL);
    if (ro->ctx)
        redisFree(ro->ctx);
    redis_out_stats_snapshot(ro, &s);
    lost = s.dropped_spool_full + s.dropped_spool_error + s.dropped_queue;
    if (lost)
        log_msg(LOG_ERR,
                "redis: %llu events could not be kept (spool full: %llu, spool "
                "errors: %llu, queue full: %llu)",
                (unsigned long long)lost, (unsigned long long)s.dropped_spool_full,
                (unsigned long long)s.dropped_spool_error, (unsigned long long)s.dropped_queue);
    if (ro->have_spool) {
        if (ro->sp.records)
            log_msg(LOG_NOTICE,
                    "redis: %llu events (%llu bytes) stay in spool %s; the next "
                    "start delivers them first",
                    (unsigned long long)ro->sp.records,
                    (unsigned long long)spool_pending_bytes(&ro->sp), ro->sp.path);
        spool_close(&ro->sp);
    }
    evq_destroy(&ro->q);
    free(ro->sbuf);
    free(ro->lbuf);
    free(ro->off);
    free(ro->len);
    free(ro->ok);
    free(ro->ncmd);
    free(ro->last_stats);
    pthread_mutex_destroy(&ro->mu);
    free(ro);
    return lost;
}
