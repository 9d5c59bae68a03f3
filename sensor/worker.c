/*
 * worker.c - the per-packet pipeline (see worker.h).
 *
 * Dissector selection: on each payload packet of a direction, every
 * dissector of the flow's transport that has not said PROBE_NO is probed;
 * the first PROBE_YES takes the flow. PROBE_MAYBE keeps a dissector in the
 * race for WORKER_PROBE_PACKETS payload packets per direction. When all have
 * said no, the flow is left alone (its packets then cost a flow lookup and
 * counters only). A TCP flow taken by a dissector gets a reassembly stream,
 * primed with the handshake's sequence numbers when they were seen.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "util.h"
#include "worker.h"

#define DSTATE_DONE     1 /* dissector finished or no dissector wanted the flow */
#define DSTATE_REJECTED 2 /* dissector rejected: end() is not called */

/* ---- events ------------------------------------------------------------- */

void worker_queue(struct worker *w, int channel, int ev_index, const char *line, size_t len)
{
    w->st.events[ev_index]++;
    evq_push(&w->q, channel, line, (uint32_t)len); /* a drop is counted by the queue */
}

/*
 * A flow a dissector took is named by that dissector (it parsed the protocol;
 * nDPI was not asked); any other flow by nDPI, when it knew.
 */
static const char *app_name(struct worker *w, struct flow *f, char *buf, size_t len)
{
    if (f->dissector >= 0 && f->dstate_done != DSTATE_REJECTED &&
        dissector_table[f->dissector]->app_proto)
        return dissector_table[f->dissector]->app_proto;
    return w->cl ? classify_app_name(w->cl, f, buf, len) : NULL;
}

/* Writes one event of the current flow: the fact's object, with an alert object first. */
static void write_event(struct worker *w, struct flow *f, const struct sig_rule *r,
                        const struct fact *fact)
{
    struct json j;
    char app[64];

    json_init(&j, w->scratch, w->cfg->max_event_bytes);
    event_begin(&j, &w->meta, r ? "alert" : fact->type, w->fi.ts_us, f,
                app_name(w, f, app, sizeof(app)));
    if (r) {
        json_key(&j, "alert");
        json_open(&j);
        json_kv_uint(&j, "signature_id", r->sid);
        json_kv_cstr(&j, "signature", r->msg);
        json_kv_cstr(&j, "category", r->category);
        json_kv_uint(&j, "severity", r->severity);
        json_key(&j, "metadata");
        json_open(&j);
        json_key(&j, "mitre_attack");
        json_open_array(&j);
        for (unsigned i = 0; i < r->nmitre; i++)
            json_cstr(&j, r->mitre[i]);
        json_close_array(&j);
        json_close(&j);
        json_close(&j);
    }
    event_fact(&j, &w->meta, fact);
    json_close(&j);
    if (j.overflow) {
        w->st.events_oversize++;
        return;
    }
    f->events++;
    worker_queue(w, EVQ_EVENTS, r ? STATS_EV_ALERT : stats_event_index(fact->type), j.buf, j.len);
}

struct alert_ctx {
    struct worker *w;
    struct flow *f;
    const struct fact *fact;
};

/* The alert's identity within its flow: the signature, and the fact's subject if any. */
static uint32_t alert_key(const struct sig_rule *r, const struct fact *fact)
{
    uint32_t h = 2166136261u ^ r->sid; /* FNV-1a over the subject */

    for (uint32_t i = 0; i < fact->subject_len; i++)
        h = (h ^ (uint8_t)(fact->subject[i] | 0x20)) * 16777619u; /* names: any case */
    return h ? h : 1;
}

/* A signature matched: one alert per signature (and subject) per flow. */
static void on_sig_hit(const struct sig_rule *r, void *ctx)
{
    struct alert_ctx *ac = ctx;
    struct flow *f = ac->f;
    uint32_t key = alert_key(r, ac->fact);

    for (unsigned i = 0; i < f->nalerted; i++)
        if (f->alerted[i] == key)
            return;
    if (f->nalerted < FLOW_MAX_ALERT_SIDS)
        f->alerted[f->nalerted++] = key;
    else
        ac->w->st.alerts_unlatched++; /* more signatures than slots: still alerted */
    write_event(ac->w, f, r, ac->fact);
}

static int field_in_pools(struct worker *w, const struct fact_field *ff)
{
    return ff && ff->type == FV_STR && w->db &&
           sig_domain_in(w->db, "pools", ff->v.s, ff->len, NULL);
}

/*
 * Remembers which addresses belong to a mining pool: the answers of a DNS
 * lookup of a pool name, and the server of a TLS session whose SNI is one.
 * A pool's addresses change rarely; a short DNS TTL must not make the sensor
 * forget them minutes later, hence the floor.
 */
#define POOL_ADDR_MIN_TTL_US (6ULL * 3600 * 1000000)

static void learn_pools(struct worker *w, struct flow *f, const struct fact *fact)
{
    const struct fact_field *name;

    if (!w->pools)
        return;
    if (str_eq(fact->name, "dns.answer")) {
        const struct fact_field *ttl = fact_get(fact, "ttl");
        uint64_t life = ttl && ttl->type == FV_UINT ? ttl->v.u * 1000000ULL : 0;
        name = fact_get(fact, "rrname");
        if (!field_in_pools(w, name))
            return;
        if (life < POOL_ADDR_MIN_TTL_US)
            life = POOL_ADDR_MIN_TTL_US;
        for (unsigned i = 0; i < fact->nfields; i++) {
            const struct fact_field *ff = &fact->field[i];
            char ip[64];
            uint8_t a[16];
            if (!str_eq(ff->name, "answers") || ff->type != FV_STR || ff->len >= sizeof(ip))
                continue;
            memcpy(ip, ff->v.s, ff->len);
            ip[ff->len] = '\0';
            memset(a, 0, sizeof(a));
            if (inet_pton(AF_INET, ip, a + 12) == 1) {
                a[10] = a[11] = 0xff;
            } else if (inet_pton(AF_INET6, ip, a) != 1) {
                continue; /* a CNAME or other name, not an address */
            }
            hostmap_put(w->pools, a, name->v.s, name->len, w->fi.ts_us + life);
        }
    } else if (str_eq(fact->name, "tls.hello")) {
        name = fact_get(fact, "sni");
        if (field_in_pools(w, name))
            hostmap_put(w->pools, flow_srv_addr(f), name->v.s, name->len,
                        w->fi.ts_us + POOL_ADDR_MIN_TTL_US);
    }
}

static int port_listed(const uint16_t *ports, uint16_t port)
{
    for (unsigned i = 0; i < DECODE_MAX_VXLAN_PORTS; i++)
        if (ports[i] && ports[i] == port)
            return 1;
    return 0;
}

/* dctx.emit: a dissector reported a fact about the current flow. */
/*
 * Whether a fact becomes an event of its own. A DNS transaction is one event
 * by default, its answer (which echoes the question), as in Zeek's dns.log;
 * a query still reaches the signatures, and an alert on it carries it.
 */
static int fact_logged(const struct worker *w, const struct fact *fact)
{
    if (fact->type[0] != 'd' || !str_eq(fact->type, "dns"))
        return 1;
    if (str_eq(fact->name, "dns.query"))
        return w->cfg->dns_log_queries != 0;
    if (str_eq(fact->name, "dns.answer"))
        return w->cfg->dns_log_answers != 0;
    return 1;
}

static void emit_fact(struct dctx *cx, const struct fact *in)
{
    struct worker *w = cx->engine;
    struct flow *f = w->cur;
    const struct fact *fact = in;
    struct alert_ctx ac;
    int log = 1;

    if (in->overflow)
        w->st.fact_overflow += in->overflow;
    learn_pools(w, f, in);
    /* name the pool of a mining or TLS session from what DNS/SNI said of its address */
    if (w->pools && (str_eq(in->type, "stratum") || str_eq(in->type, "tls")) &&
        !fact_get(in, "pool_host") &&
        hostmap_get(w->pools, flow_srv_addr(f), w->fi.ts_us, w->pool_name, sizeof(w->pool_name))) {
        w->efact = *in;
        fact_cstr(&w->efact, "pool_host", w->pool_name);
        fact = &w->efact;
    }
    /* TLS to a Docker daemon's TLS port: the API calls inside are not visible */
    if (str_eq(in->type, "tls") && port_listed(w->cfg->docker_tls_ports, flow_srv_port(f))) {
        if (fact != &w->efact)
            w->efact = *in;
        fact_bool(&w->efact, "docker_port", 1);
        fact = &w->efact;
    }
    if (w->docker)
        fact = docker_policy_enrich(w->docker, fact, flow_cli_addr(f), &w->dcall);
    if (w->c2)
        fact = c2_policy_enrich(w->c2, fact, &w->c2s, &log);
    if (!(fact->flags & FACT_F_NOLOG) && log && fact_logged(w, fact))
        write_event(w, f, NULL, fact);
    if (w->db) {
        ac.w = w;
        ac.f = f;
        ac.fact = fact;
        sig_match(w->db, fact, on_sig_hit, &ac);
    }
    if (w->docker && str_eq(fact->name, "docker_api.call")) {
        /* across calls and hosts: a worm's spread, raised on the call that completes it */
        const struct fact *worm =
            docker_policy_track(w->docker, fact, flow_cli_addr(f), flow_srv_addr(f),
                                f->key.ip_version, w->fi.ts_us, &w->dworm);
        if (worm && w->db) {
            ac.fact = worm;
            sig_match(w->db, worm, on_sig_hit, &ac);
        }
    }
}

static const char *flow_state_name(const struct flow *f)
{
    switch (f->tclass) {
    case FLOW_TC_TCP_NEW:
        return "new";
    case FLOW_TC_TCP_EST:
        return "established";
    case FLOW_TC_TCP_CLOSED:
        return "closed";
    default:
        return f->pkts[1] ? "established" : "new";
    }
}

static const char *flow_reason_name(int reason)
{
    switch (reason) {
    case FLOW_END_TIMEOUT:
        return "timeout";
    case FLOW_END_EVICTED:
        return "evicted";
    default:
        return "shutdown";
    }
}

/* A Suricata-style flow record, on the flow-log channel. */
static void emit_flow_record(struct worker *w, struct flow *f, int reason)
{
    struct json j;
    char app[64], ts[EVENT_TS_LEN];

    json_init(&j, w->scratch, w->cfg->max_event_bytes);
    event_begin(&j, &w->meta, "flow", f->last_ts, f, app_name(w, f, app, sizeof(app)));
    json_key(&j, "flow");
    json_open(&j);
    json_kv_uint(&j, "pkts_toserver", f->pkts[0]);
    json_kv_uint(&j, "pkts_toclient", f->pkts[1]);
    json_kv_uint(&j, "bytes_toserver", f->bytes[0]);
    json_kv_uint(&j, "bytes_toclient", f->bytes[1]);
    event_timestamp(ts, f->first_ts);
    json_kv_cstr(&j, "start", ts);
    event_timestamp(ts, f->last_ts);
    json_kv_cstr(&j, "end", ts);
    json_kv_double(&j, "age", (double)(f->last_ts - f->first_ts) / 1e6);
    json_kv_cstr(&j, "state", flow_state_name(f));
    json_kv_cstr(&j, "reason", flow_reason_name(reason));
    json_kv_uint(&j, "events", f->events);
    json_kv_bool(&j, "alerted", f->nalerted > 0);
    if (f->dissector >= 0)
        json_kv_cstr(&j, "dissector", dissector_table[f->dissector]->name);
    json_close(&j);
    json_close(&j);
    if (j.overflow) {
        w->st.events_oversize++;
        return;
    }
    worker_queue(w, EVQ_FLOWS, STATS_EV_FLOW, j.buf, j.len);
}

/* ---- dissector glue ----------------------------------------------------- */

static void set_current(struct worker *w, struct flow *f, uint64_t ts_us)
{
    w->cur = f;
    w->fi.ipproto = f->key.proto;
    w->fi.client_port = flow_cli_port(f);
    w->fi.server_port = flow_srv_port(f);
    w->fi.ts_us = ts_us;
    w->fi.first_ts_us = f->first_ts;
    w->fi.app_hint = NULL;
}

/* Gives the flow to dissector `idx`. 0, or -1 when its pool is at the bound. */
static int attach(struct worker *w, struct flow *f, int idx)
{
    f->dstate = pool_get(&w->dpool[idx]);
    if (!f->dstate) {
        w->st.dissector_pool_full++;
        return -1;
    }
    f->dissector = (int8_t)idx;
    w->st.dissector_flows++;
    if (f->stream)
        w->senv.cfg = &w->scfg[idx]; /* the dissector's own tail limit from now on */
    return 0;
}

/*
 * Offers in-order bytes of direction `dir` to the dissectors still in the
 * race. Returns 1 when one took the flow, 0 to wait for more bytes (a MAYBE),
 * -1 when none wants it.
 *
 * Registry order is priority: a YES wins at once only when no dissector
 * before it is still undecided (getwork's POST is Stratum's to claim before
 * the generic HTTP dissector's). Otherwise the flow waits for more bytes,
 * and the YES is taken when the ones before it say NO or the probe budget
 * runs out.
 */
static int probe(struct worker *w, struct flow *f, int dir, const uint8_t *data, size_t len)
{
    int maybe = 0, yes = -1;

    if (f->probed[dir] >= WORKER_PROBE_PACKETS)
        return -1;
    f->probed[dir]++;
    for (unsigned i = 0; i < dissector_count && i < WORKER_MAX_DISSECTORS; i++) {
        const struct dissector *d = dissector_table[i];
        int r;
        if (d->ipproto != f->key.proto || (f->probe_fail & (1u << i)))
            continue;
        r = d->probe(&w->fi, dir, data, len);
        if (r == PROBE_YES) {
            if (!maybe)
                return attach(w, f, (int)i) == 0 ? 1 : -1;
            yes = (int)i;
            break;
        }
        if (r == PROBE_NO)
            f->probe_fail |= (uint16_t)(1u << i);
        else
            maybe++;
    }
    if (yes >= 0 && f->probed[dir] >= WORKER_PROBE_PACKETS)
        return attach(w, f, yes) == 0 ? 1 : -1;
    return maybe || yes >= 0 ? 0 : -1;
}

/* Calls end() unless the dissector rejected the flow, and frees its state. */
static void free_dstate(struct worker *w, struct flow *f)
{
    const struct dissector *d = dissector_table[f->dissector];

    if (f->dstate_done != DSTATE_REJECTED && d->end)
        d->end(f->dstate, &w->cx);
    pool_put(&w->dpool[f->dissector], f->dstate);
    f->dstate = NULL;
}

/* Feeds bytes to the flow's dissector; returns consumed or -1 to stop. */
static int feed(struct worker *w, struct flow *f, int dir, const uint8_t *data, size_t len)
{
    int rc = dissector_table[f->dissector]->feed(f->dstate, &w->cx, dir, data, len);

    if (rc == DISSECT_REJECT) {
        f->dstate_done = DSTATE_REJECTED;
        w->st.dissector_rejects++;
        return -1;
    }
    if (rc < 0) {
        f->dstate_done = DSTATE_DONE;
        free_dstate(w, f); /* done: its memory goes back now, not at flow end */
        return -1;
    }
    return rc > (int)len ? (int)len : rc;
}

/*
 * The stream's consumer. Until a dissector owns the flow, in-order bytes go
 * to the probes, so a first segment that arrives out of order, or a hello
 * split over segments, is probed whole and in order.
 */
static int stream_deliver(void *ctx, int dir, const uint8_t *data, size_t len)
{
    struct worker *w = ctx;
    struct flow *f = w->cur;

    if (f->dissector < 0) {
        int r = probe(w, f, dir, data, len);
        if (r < 0) {
            f->dstate_done = DSTATE_DONE;
            return -1;
        }
        if (r == 0)
            return 0; /* keep the bytes: offered again with more */
    }
    return feed(w, f, dir, data, len);
}

static void stream_gap(void *ctx, int dir, uint32_t missing)
{
    struct worker *w = ctx;
    struct flow *f = w->cur;
    const struct dissector *d;

    if (f->dissector < 0)
        return; /* still probing: the probes see what comes next */
    d = dissector_table[f->dissector];
    if (d->gap)
        d->gap(f->dstate, &w->cx, dir, missing);
}

static void release_stream(struct worker *w, struct flow *f, int deliver)
{
    if (!f->stream)
        return;
    w->senv.cfg = f->dissector >= 0 ? &w->scfg[f->dissector] : &w->probe_cfg;
    if (deliver)
        stream_flush(f->stream, &w->senv);
    else
        stream_free(f->stream, &w->smem);
    pool_put(&w->spool, f->stream);
    f->stream = NULL;
}

/* Ends the dissection of a flow: flush reassembly, end(), free the state. */
static void end_dissector(struct worker *w, struct flow *f)
{
    release_stream(w, f, f->dstate_done == 0);
    if (f->dissector >= 0 && f->dstate)
        free_dstate(w, f);
}

static void on_flow_end(struct flow *f, int reason, void *ctx)
{
    struct worker *w = ctx;

    set_current(w, f, f->last_ts);
    end_dissector(w, f);
    if (w->cl)
        classify_flow_end(w->cl, f);
    if (w->flow_log)
        emit_flow_record(w, f, reason);
    w->cur = NULL;
}

/* A TCP flow with payload gets a stream, primed with the handshake's ISNs. */
static int open_stream(struct worker *w, struct flow *f)
{
    f->stream = pool_get(&w->spool);
    if (!f->stream) {
        w->st.dissector_pool_full++;
        return -1;
    }
    stream_init(f->stream);
    w->senv.cfg = &w->probe_cfg;
    /* start where the handshake said, so a first segment out of order waits */
    for (int dir = 0; dir < 2; dir++)
        if (f->isn_seen & (1u << dir))
            stream_segment(f->stream, &w->senv, dir, f->isn[dir], TCP_SYN, NULL, 0, 0);
    return 0;
}

static void dissect_tcp(struct worker *w, struct flow *f, int dir, const struct pkt *p)
{
    if (!f->stream) {
        if (p->payload_len == 0)
            return; /* nothing to look at yet; the ISNs are kept in the flow */
        if (open_stream(w, f) != 0) {
            f->dstate_done = DSTATE_DONE;
            return;
        }
    }
    w->senv.cfg = f->dissector >= 0 ? &w->scfg[f->dissector] : &w->probe_cfg;
    if (stream_segment(f->stream, &w->senv, dir, p->seq, p->tcp_flags, p->payload, p->payload_len,
                       p->payload_wirelen) < 0)
        release_stream(w, f, 0);
}

static void dissect_udp(struct worker *w, struct flow *f, int dir, const struct pkt *p)
{
    if (p->payload_len == 0)
        return;
    if (f->dissector < 0) {
        int r = probe(w, f, dir, p->payload, p->payload_len);
        if (r < 0)
            f->dstate_done = DSTATE_DONE;
        if (r <= 0)
            return;
    }
    feed(w, f, dir, p->payload, p->payload_len);
}

static void dissect(struct worker *w, struct flow *f, int dir, const struct pkt *p)
{
    set_current(w, f, p->ts_us);
    if (p->proto == 6)
        dissect_tcp(w, f, dir, p);
    else
        dissect_udp(w, f, dir, p);
    w->cur = NULL;
}

/* ---- the packet path ---------------------------------------------------- */

/* One endpoint's share of the owner hash, over its address as two words: multiply-xorshift. */
static uint64_t owner_mix(uint64_t a, uint64_t b, uint16_t port, uint64_t seed)
{
    uint64_t h;

    h = (a ^ seed) * 0x9e3779b97f4a7c15ULL;
    h ^= (b + port) * 0xc2b2ae3d27d4eb4fULL;
    h ^= h >> 29;
    return h * 0xbf58476d1ce4e5b9ULL;
}

static uint64_t owner_mix16(const uint8_t addr[16], uint16_t port, uint64_t seed)
{
    uint64_t a, b;

    memcpy(&a, addr, 8);
    memcpy(&b, addr + 8, 8);
    return owner_mix(a, b, port, seed);
}

/*
 * Which worker owns a packet when several read the same input (replicate
 * mode: every worker sees every packet and keeps its share). The hash is of
 * the innermost addresses and ports, symmetric (the two endpoints' shares are
 * added), so both directions of a flow, and every tunnel's inner flows, land
 * on one worker whatever the outer header says. Packets with no flow (not IP,
 * broken) belong to worker 0, so every packet is counted exactly once.
 */
static unsigned owner_of(const struct worker *w, uint64_t h)
{
    /* h's low 32 bits scaled to the count: no division on the packet path */
    h ^= h >> 32;
    return (unsigned)(((h & 0xffffffffu) * w->replicas) >> 32);
}

static unsigned packet_owner(const struct worker *w, const struct pkt *p, int rc)
{
    if (rc != DECODE_OK || !p->ip_version)
        return 0;
    return owner_of(w, owner_mix16(p->src, p->l4_ok ? p->sport : 0, w->owner_seed) +
                           owner_mix16(p->dst, p->l4_ok ? p->dport : 0, w->owner_seed) + p->proto);
}

/* packet_owner() of the packet decode_peek() read *t from. */
static unsigned tuple_owner(const struct worker *w, const struct pkt_peek *t)
{
    return owner_of(w, owner_mix(0, v4mapped_lo(t->src4), t->sport, w->owner_seed) +
                           owner_mix(0, v4mapped_lo(t->dst4), t->dport, w->owner_seed) + t->proto);
}

/* Moves to the offered rule set, if any: called between packets only. */
static void take_rules(struct worker *w)
{
    const struct worker_rules *r = atomic_load_explicit(&w->rules_offered, memory_order_acquire);

    /* rules_taken is written by this thread only: a relaxed load reads its own store */
    if (!r || r == atomic_load_explicit(&w->rules_taken, memory_order_relaxed))
        return;
    w->db = r->db;
    w->c2 = r->c2;
    /* the scratch is sized for a set's patterns; the cached verdicts are the old set's */
    indicators_scratch_free(w->c2s.xs);
    w->c2s.xs = w->c2 && w->c2->ind ? indicators_scratch_new(w->c2->ind) : NULL;
    if (w->c2 && w->c2->ind && !w->c2s.xs)
        log_msg(LOG_ERR,
                "worker %u: out of memory for the reloaded script indicators: "
                "downloads are not scanned until the next reload",
                w->id);
    memset(w->c2s.cache, 0, sizeof(w->c2s.cache));
    atomic_store_explicit(&w->rules_taken, r, memory_order_release);
}

/* Whether a decoded packet belongs to a flow (not: not IP, broken, a later fragment). */
static int has_flow(const struct pkt *p, int rc)
{
    return rc == DECODE_OK && p->ip_version && !(p->is_fragment && !p->l4_ok);
}

/* Everything after decoding, for one packet this worker owns. */
static void process(struct worker *w, const struct pkt *pp, int rc)
{
    uint64_t ts_us = pp->ts_us;
    struct flow *f;
    int dir;

    w->st.packets++;
    w->st.bytes += pp->wirelen;
    if (ts_us > w->st.last_ts_us)
        w->st.last_ts_us = ts_us;
    w->st.decode[rc < DECODE_RESULT_COUNT ? rc : DECODE_RESULT_COUNT - 1]++;
    if (pp->ntunnel)
        w->st.tunnelled++;
    if (pp->is_fragment)
        w->st.ip_fragments++;
    /* non-first IP fragments carry no ports: counted, never a flow of their own */
    if (!has_flow(pp, rc))
        goto out;
    /*
     * Expire by this packet's time, not the newest seen: with several -r
     * files whose clocks overlap (or one bogus far-future timestamp), the
     * newest time would end every flow of the next file at its first packet.
     */
    if (ts_us - w->expire_ts >= WORKER_EXPIRE_EVERY_US || ts_us < w->expire_ts || w->expire_more) {
        /* timeouts are seconds: a look every millisecond of packet time is plenty */
        w->expire_more = flow_expire(&w->ft, ts_us, WORKER_EXPIRE_BATCH) >= WORKER_EXPIRE_BATCH;
        w->expire_ts = ts_us;
    }
    f = flow_packet(&w->ft, pp, &dir);
    if (!f)
        goto out;
    if (pp->l4_ok) {
        if (pp->proto == 6 && (pp->tcp_flags & TCP_SYN)) {
            f->isn[dir] = pp->seq;
            f->isn_seen |= (uint8_t)(1u << dir);
        }
        if (!f->dstate_done && (pp->proto == 6 || pp->proto == 17))
            dissect(w, f, dir, pp);
    }
    /*
     * nDPI classifies what no dissector took: a flow our dissectors parse
     * (DNS, TLS, Stratum) costs nDPI nothing more once they have it.
     */
    if (w->cl && !f->classified) {
        if (f->dissector >= 0)
            classify_skip(w->cl, f);
        else
            classify_packet(w->cl, f, pp);
    }
out:
    if (w->st.packets >= w->pub_next_pkt || ts_us >= w->pub_next_ts)
        worker_publish(w);
}

void worker_packet(struct worker *w, int linktype, const uint8_t *frame, uint32_t caplen,
                   uint32_t wirelen, uint64_t ts_us)
{
    struct pkt p;
    int rc;

    /* a reload's new rules apply from the first packet after the offer */
    if (atomic_load_explicit(&w->rules_offered, memory_order_relaxed) !=
        atomic_load_explicit(&w->rules_taken, memory_order_relaxed))
        take_rules(w);
    if (w->replicas > 1) {
        /*
         * Another worker's share is not even counted here. Most frames are
         * told apart from their flow's fields alone, undecoded (they are
         * half of the input with two workers, and all of it is read by each).
         */
        struct pkt_peek pk;

        if (decode_peek(&pk, &w->cfg->decode, linktype, frame, caplen)) {
            if (tuple_owner(w, &pk) != w->id)
                return;
            rc = decode_frame_peeked(&p, &pk, frame, caplen, wirelen, ts_us);
        } else {
            rc = decode_frame(&p, &w->cfg->decode, linktype, frame, caplen, wirelen, ts_us);
            if (packet_owner(w, &p, rc) != w->id)
                return;
        }
    } else {
        rc = decode_frame(&p, &w->cfg->decode, linktype, frame, caplen, wirelen, ts_us);
    }
    process(w, &p, rc);
}

void worker_pcap_cb(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes)
{
    struct worker *w = (struct worker *)user;
    uint64_t ts = (uint64_t)h->ts.tv_sec * 1000000u + (uint64_t)h->ts.tv_usec;

    worker_packet(w, w->linktype, bytes, h->caplen, h->len, ts);
}

/* ---- life cycle --------------------------------------------------------- */

/*
 * Objects of `size` bytes a pool may hold: the memory budget, and never more
 * than the flow table (a flow holds at most one state and one stream).
 */
/*
 * dctx alloc()/mfree(): memory a dissector borrows for a while, charged to
 * engine.lent_memory_mb. Plain malloc: these are rare (a compressed body, a
 * script sample) and sized per use, so a pool would only waste its bound.
 */
static void *lend(struct dctx *cx, size_t n)
{
    struct worker *w = cx->engine;
    void *p;

    if (n == 0 || n > w->st.lent_memory_bound - w->st.lent_memory) {
        w->st.lent_refused++;
        return NULL;
    }
    p = malloc(n);
    if (!p) {
        w->st.lent_refused++;
        return NULL;
    }
    w->st.lent_memory += n;
    if (w->st.lent_memory > w->st.lent_memory_peak)
        w->st.lent_memory_peak = w->st.lent_memory;
    return p;
}

static void unlend(struct dctx *cx, void *p, size_t n)
{
    struct worker *w = cx->engine;

    if (!p)
        return;
    free(p);
    w->st.lent_memory -= n <= w->st.lent_memory ? n : w->st.lent_memory;
}

static uint32_t pool_bound(const struct config *cfg, size_t size)
{
    uint64_t n = ((uint64_t)cfg->dissector_memory_mb << 20) / (size ? size : 1);

    return (uint32_t)MIN(n, (uint64_t)cfg->flow.max_flows);
}

int worker_init(struct worker *w, unsigned id, const struct config *cfg,
                const struct worker_shared *sh, char *err, size_t errlen)
{
    struct flow_table_cfg fc = cfg->flow;
    int rc;

    memset(w, 0, sizeof(*w));
    w->id = id;
    w->cfg = cfg;
    w->db = sh ? sh->db : NULL;
    w->pools = sh ? sh->pools : NULL;
    w->docker = sh ? sh->docker : NULL;
    w->c2 = sh ? sh->c2 : NULL;
    if (w->c2 && w->c2->ind) {
        w->c2s.xs = indicators_scratch_new(w->c2->ind);
        if (!w->c2s.xs) {
            snprintf(err, errlen, "out of memory for the script indicators");
            return -1;
        }
    }
    w->meta.sensor = cfg->sensor_name;
    w->meta.cid_seed = (uint16_t)cfg->community_id_seed;
    w->meta.crypto = event_crypto_new(); /* NULL: one-shot digests, slower but right */
    w->meta.run_id = cfg->run_id;
    w->meta.source = id;
    w->meta.seq = &w->event_seq;
    w->flow_log = cfg->flow_log[0] != '\0';
    /* replicate mode: every worker reads everything and keeps its share */
    w->replicas = cfg->workers > 1 && str_eq(cfg->dispatch, "replicate") ? cfg->workers : 1;
    w->owner_seed = cfg->flow.hash_seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL;
    pthread_mutex_init(&w->pub_lock, NULL);
    fc.worker = id;
    fc.nworkers = cfg->workers;
    rc = flow_table_init(&w->ft, &fc, on_flow_end, w);
    if (rc) {
        snprintf(err, errlen, "flow table of %u flows: %s", fc.max_flows, strerror(-rc));
        return -1;
    }
    if (!(sh && sh->defer_classifier) && worker_start_classifier(w, err, errlen) != 0)
        goto out_flows;
    /* a flow holds at most one dissector state and one stream: the table bounds both */
    pool_init(&w->spool, sizeof(struct stream), pool_bound(cfg, sizeof(struct stream)));
    for (unsigned i = 0; i < dissector_count && i < WORKER_MAX_DISSECTORS; i++)
        pool_init(&w->dpool[i], dissector_table[i]->state_size,
                  pool_bound(cfg, dissector_table[i]->state_size));
    w->probe_cfg = cfg->stream;
    w->probe_cfg.max_tail = 0;
    for (unsigned i = 0; i < dissector_count && i < WORKER_MAX_DISSECTORS; i++) {
        w->scfg[i] = cfg->stream;
        w->scfg[i].max_tail = MIN(cfg->stream.max_tail, dissector_table[i]->max_tail);
        /* while probing, keep as much as the most demanding dissector may need */
        w->probe_cfg.max_tail = MAX(w->probe_cfg.max_tail, w->scfg[i].max_tail);
    }
    w->smem.memcap = (uint64_t)cfg->stream_memcap_mb << 20;
    w->senv.cfg = &w->probe_cfg;
    w->senv.mem = &w->smem;
    w->senv.cnt = &w->st.stream;
    w->senv.sink.deliver = stream_deliver;
    w->senv.sink.gap = stream_gap;
    w->senv.sink.ctx = w;
    w->cx.fi = &w->fi;
    w->cx.emit = emit_fact;
    w->cx.engine = w;
    w->cx.alloc = lend;
    w->cx.mfree = unlend;
    w->st.lent_memory_bound = (uint64_t)cfg->lent_memory_mb << 20;
    w->scratch = malloc(cfg->max_event_bytes);
    if (!w->scratch || evq_init(&w->q, (size_t)cfg->queue_kb * 1024, cfg->queue_block) != 0) {
        snprintf(err, errlen, "out of memory for the event queue");
        goto out_cl;
    }
    return 0;
out_cl:
    free(w->scratch);
    classify_free(w->cl);
out_flows:
    flow_table_destroy(&w->ft);
    return -1;
}

int worker_start_classifier(struct worker *w, char *err, size_t errlen)
{
    if (!w->cfg->ndpi_enabled || w->cl)
        return 0;
    w->cl =
        classify_new(w->cfg, MIN(w->cfg->flow.max_flows, w->cfg->ndpi_max_inflight), err, errlen);
    return w->cl ? 0 : -1;
}

void worker_stop_classifier(struct worker *w)
{
    classify_free(w->cl);
    w->cl = NULL;
}

void worker_end_flows(struct worker *w)
{
    flow_end_all(&w->ft);
    worker_publish(w);
}

void worker_destroy(struct worker *w)
{
    flow_end_all(&w->ft);
    flow_table_destroy(&w->ft);
    classify_free(w->cl);
    evq_destroy(&w->q);
    free(w->scratch);
    event_crypto_free(w->meta.crypto);
    indicators_scratch_free(w->c2s.xs);
    pool_destroy(&w->spool);
    stream_mem_destroy(&w->smem);
    for (unsigned i = 0; i < WORKER_MAX_DISSECTORS; i++)
        pool_destroy(&w->dpool[i]);
    pthread_mutex_destroy(&w->pub_lock);
}

void worker_rules_offer(struct worker *w, const struct worker_rules *r)
{
    atomic_store_explicit(&w->rules_offered, r, memory_order_release);
}

int worker_rules_taken(struct worker *w, const struct worker_rules *r)
{
    return atomic_load_explicit(&w->rules_taken, memory_order_acquire) == r;
}

void worker_stopped(struct worker *w)
{
    /* a stopped worker reads nothing: whatever is offered counts as taken */
    const struct worker_rules *r = atomic_load_explicit(&w->rules_offered, memory_order_acquire);
    atomic_store_explicit(&w->rules_taken, r, memory_order_release);
}

void worker_publish(struct worker *w)
{
    take_rules(w);
    w->st.flows = w->ft.st;
    w->st.flow_memory_bound = flow_table_memory(&w->ft);
    w->st.flow_memory =
        w->ft.st.active * sizeof(struct flow) + (uint64_t)w->ft.nbuckets * sizeof(uint32_t);
    w->st.stream_memory = w->smem.used;
    w->st.stream_memory_peak = w->smem.peak;
    w->st.dissector_memory = pool_memory(&w->spool);
    w->st.dissector_memory_bound = (uint64_t)w->spool.max_objs * w->spool.obj_size;
    for (unsigned i = 0; i < WORKER_MAX_DISSECTORS; i++) {
        w->st.dissector_memory += pool_memory(&w->dpool[i]);
        w->st.dissector_memory_bound += (uint64_t)w->dpool[i].max_objs * w->dpool[i].obj_size;
    }
    w->st.stream_memcap = w->smem.memcap;
    if (w->cl) {
        w->st.ndpi = *classify_stats(w->cl);
        w->st.ndpi_memory = classify_memory(w->cl);
        w->st.ndpi_memory_bound = classify_memory_bound(w->cl);
    }
    w->st.events_dropped = atomic_load_explicit(&w->q.dropped, memory_order_relaxed);
    if (w->cap) {
        /* pcap handles are not thread-safe: only the owning worker asks */
        uint64_t rx, drop, ifdrop;
        if (capture_stats(w->cap, &rx, &drop, &ifdrop) == 0) {
            w->st.kernel_received = rx;
            w->st.kernel_dropped = drop;
            w->st.iface_dropped = ifdrop;
        }
        w->st.capture_reopens = w->cap->reopens;
    }
    w->st.queue_depth = evq_depth(&w->q);
    w->st.queue_size = w->q.size;
    pthread_mutex_lock(&w->pub_lock);
    w->published = w->st;
    pthread_mutex_unlock(&w->pub_lock);
    w->pub_next_pkt = w->st.packets + 65536;
    w->pub_next_ts = w->st.last_ts_us + 1000000;
}

void worker_stats_snapshot(struct worker *w, struct stats *out)
{
    pthread_mutex_lock(&w->pub_lock);
    *out = w->published;
    pthread_mutex_unlock(&w->pub_lock);
}
