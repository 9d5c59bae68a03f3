/*
 * docker_policy.c - risk of Docker API calls and worm correlation (see
 * docker_policy.h).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docker_policy.h"
#include "event.h"
#include "util.h"

struct docker_host {
    uint8_t addr[16];
    uint8_t used;
    uint8_t ntargets;
    uint8_t spread_reported, propagation_reported;
    uint64_t first_ts, last_ts;
    uint8_t targets[DOCKER_WORM_MAX_TARGETS][16]; /* daemons it changed things on */
    uint8_t infected_by[16];                      /* who called it, if it is a daemon */
    uint8_t victim;
    uint64_t victim_ts;
};

struct docker_track {
    pthread_mutex_t lock;
    struct docker_host *h;
    uint32_t mask;
};

#define TRACK_PROBE 8

int docker_policy_init(struct docker_policy *dp, uint32_t capacity)
{
    struct docker_track *t = calloc(1, sizeof(*t));
    uint32_t n = 256;

    if (!t)
        return -1;
    while (n < capacity * 2 && n < (1u << 24))
        n <<= 1;
    t->h = calloc(n, sizeof(*t->h));
    if (!t->h) {
        free(t);
        return -1;
    }
    t->mask = n - 1;
    pthread_mutex_init(&t->lock, NULL);
    dp->track = t;
    return 0;
}

void docker_policy_destroy(struct docker_policy *dp)
{
    if (!dp->track)
        return;
    pthread_mutex_destroy(&dp->track->lock);
    free(dp->track->h);
    free(dp->track);
    dp->track = NULL;
}

int docker_op_writes(const char *op, size_t len)
{
    static const char *const ro[] = {"ping", "version", "info", "events", "system_df", "other"};
    static const char *const ro_suffix[] = {"_list", "_inspect", "_logs", "_wait", "_top"};

    for (size_t i = 0; i < sizeof(ro) / sizeof(ro[0]); i++)
        if (strlen(ro[i]) == len && memcmp(op, ro[i], len) == 0)
            return 0;
    for (size_t i = 0; i < sizeof(ro_suffix) / sizeof(ro_suffix[0]); i++) {
        size_t k = strlen(ro_suffix[i]);
        if (len >= k && memcmp(op + len - k, ro_suffix[i], k) == 0)
            return 0;
    }
    return 1;
}

/* Reasons that describe what was done, not a danger by themselves. */
static int reason_is_action(const char *s, size_t n)
{
    static const char *const acts[] = {"stop-container", "kill-container", "delete-container"};

    for (size_t i = 0; i < sizeof(acts) / sizeof(acts[0]); i++)
        if (strlen(acts[i]) == n && memcmp(s, acts[i], n) == 0)
            return 1;
    return 0;
}

/* Docker Hub names: "docker.io/library/x:tag" -> "x", drop tag and digest. */
static size_t image_repo(const char *s, size_t n, const char **out)
{
    const char *p = s, *end = s + n, *at, *colon, *slash;

    if (n > 10 && memcmp(p, "docker.io/", 10) == 0)
        p += 10;
    if (end - p > 8 && memcmp(p, "library/", 8) == 0)
        p += 8;
    at = memchr(p, '@', (size_t)(end - p));
    if (at)
        end = at;
    /* a ':' after the last '/' is the tag (a ':' before it is a registry port) */
    slash = NULL;
    for (const char *q = p; q < end; q++)
        if (*q == '/')
            slash = q;
    colon = memchr(slash ? slash : p, ':', (size_t)(end - (slash ? slash : p)));
    if (colon)
        end = colon;
    *out = p;
    return (size_t)(end - p);
}

static int ioc_image(const struct docker_policy *dp, const struct fact_field *img)
{
    const struct namelist *images = atomic_load_explicit(&dp->images, memory_order_acquire);
    const char *repo;
    size_t n;

    if (!images || !img || img->type != FV_STR)
        return 0;
    if (namelist_match(images, img->v.s, img->len))
        return 1;
    n = image_repo(img->v.s, img->len, &repo);
    return n && namelist_match(images, repo, n);
}

const struct fact *docker_policy_enrich(const struct docker_policy *dp, const struct fact *in,
                                        const uint8_t src[16], struct docker_scratch *sc)
{
    const struct fact_field *op = fact_get(in, "operation"), *img = fact_get(in, "image");
    struct fact *f = &sc->fact;
    int strong = 0, writes, admin, ioc;
    size_t used = 0;
    const char *risk;

    if (!str_eq(in->name, "docker_api.call"))
        return in;
    writes = op && op->type == FV_STR && docker_op_writes(op->v.s, op->len);
    admin = cidr_match(&dp->admin, src);
    ioc = ioc_image(dp, img);
    fact_init(f, in->type, in->name);
    f->flags = in->flags;
    f->subject = in->subject;
    f->subject_len = in->subject_len;
    for (unsigned i = 0; i < in->nfields; i++) {
        const struct fact_field *ff = &in->field[i];
        if (str_eq(ff->name, "reasons")) {
            if (ff->type == FV_STR && !reason_is_action(ff->v.s, ff->len))
                strong = 1;
            continue; /* re-added below, all together */
        }
        if (f->nfields < FACT_MAX_FIELDS)
            f->field[f->nfields++] = *ff;
        else
            f->overflow++;
    }
    if (ioc)
        strong = 1;
    risk = strong ? "high" : writes ? (admin ? "low" : "medium") : "info";
    fact_cstr(f, "risk", risk);
    fact_bool(f, "admin_source", admin);
    for (unsigned i = 0; i < in->nfields; i++)
        if (str_eq(in->field[i].name, "reasons") && in->field[i].type == FV_STR)
            fact_str_item(f, "reasons", in->field[i].v.s, in->field[i].len);
    if (ioc) {
        int n = snprintf(sc->buf + used, sizeof(sc->buf) - used, "ioc-image:%.*s",
                         (int)(img->len > 200 ? 200 : img->len), img->v.s);
        if (n > 0 && (size_t)n < sizeof(sc->buf) - used) {
            fact_str_item(f, "reasons", sc->buf + used, (size_t)n);
            used += (size_t)n + 1;
        }
    }
    if (writes && !admin)
        fact_str_item(f, "reasons", "untrusted-source", 16);
    return f;
}

static struct docker_host *host_slot(struct docker_track *t, const uint8_t a[16], int create)
{
    uint64_t x, y;
    uint32_t h;
    struct docker_host *victim = NULL;

    memcpy(&x, a, 8);
    memcpy(&y, a + 8, 8);
    x ^= y * 0x9e3779b97f4a7c15ULL;
    h = (uint32_t)((x * 0xbf58476d1ce4e5b9ULL) >> 32);
    for (uint32_t i = 0; i < TRACK_PROBE; i++) {
        struct docker_host *e = &t->h[(h + i) & t->mask];
        if (e->used && memcmp(e->addr, a, 16) == 0)
            return e;
        if (!victim || !e->used || (victim->used && e->last_ts < victim->last_ts))
            victim = e;
    }
    if (!create)
        return NULL;
    memset(victim, 0, sizeof(*victim)); /* the stalest of the window makes room */
    memcpy(victim->addr, a, 16);
    victim->used = 1;
    return victim;
}

static void addr_text(char out[48], const uint8_t a[16], int ip_version)
{
    event_ip(out, a, ip_version);
}

const struct fact *docker_policy_track(struct docker_policy *dp, const struct fact *call,
                                       const uint8_t src[16], const uint8_t dst[16], int ip_version,
                                       uint64_t ts_us, struct docker_scratch *sc)
{
    const struct fact_field *op = fact_get(call, "operation");
    struct docker_host *s, *d;
    const struct fact *out = NULL;
    struct fact *f = &sc->fact;
    unsigned nt = 0;
    int spread = 0, propagation = 0;
    uint8_t infected_by[16];

    if (!dp->track || !op || op->type != FV_STR || !docker_op_writes(op->v.s, op->len) ||
        cidr_match(&dp->admin, src))
        return NULL;
    pthread_mutex_lock(&dp->track->lock);
    /* the daemon: remember who changed things on it */
    d = host_slot(dp->track, dst, 1);
    /*
     * Several workers share this table, each at its own point of packet
     * time: a time earlier than one already seen is not a new window (an
     * unsigned difference would make it look like the far future and start
     * the count again, raising the spread twice).
     */
    if (ts_us > d->last_ts)
        d->last_ts = ts_us;
    if (!d->victim) {
        d->victim = 1;
        d->victim_ts = ts_us;
        memcpy(d->infected_by, src, 16);
    }
    /* the caller: the daemons it touched within the window */
    s = host_slot(dp->track, src, 1);
    if (s->first_ts == 0 || (ts_us > s->first_ts && ts_us - s->first_ts > dp->worm_window_us)) {
        s->first_ts = ts_us;
        s->ntargets = 0;
        s->spread_reported = 0;
    }
    if (ts_us > s->last_ts)
        s->last_ts = ts_us;
    {
        unsigned i;
        for (i = 0; i < s->ntargets; i++)
            if (memcmp(s->targets[i], dst, 16) == 0)
                break;
        if (i == s->ntargets && s->ntargets < DOCKER_WORM_MAX_TARGETS)
            memcpy(s->targets[s->ntargets++], dst, 16);
    }
    if (!s->spread_reported && dp->worm_daemons && s->ntargets >= dp->worm_daemons) {
        s->spread_reported = 1;
        spread = 1;
        nt = s->ntargets;
        for (unsigned i = 0; i < nt; i++)
            addr_text(sc->target_text[i], s->targets[i], ip_version);
    }
    /* a daemon that was called, now calling another daemon: it spreads */
    if (s->victim && !s->propagation_reported && memcmp(s->infected_by, dst, 16) != 0) {
        s->propagation_reported = 1;
        propagation = 1;
        memcpy(infected_by, s->infected_by, 16);
    }
    pthread_mutex_unlock(&dp->track->lock);
    if (!spread && !propagation)
        return NULL;
    fact_init(f, "docker_api", "docker_api.worm");
    fact_cstr(f, "pattern", spread ? "spread" : "propagation");
    fact_subject(f, spread ? "spread" : "propagation", spread ? 6 : 11);
    if (op)
        fact_str(f, "operation", op->v.s, op->len);
    if (spread) {
        for (unsigned i = 0; i < nt; i++)
            fact_str_item(f, "targets", sc->target_text[i], strlen(sc->target_text[i]));
        fact_uint(f, "daemons", nt);
    }
    if (propagation) {
        addr_text(sc->target_text[DOCKER_WORM_MAX_TARGETS - 1], infected_by, ip_version);
        fact_cstr(f, "infected_by", sc->target_text[DOCKER_WORM_MAX_TARGETS - 1]);
    }
    out = f;
    return out;
}
