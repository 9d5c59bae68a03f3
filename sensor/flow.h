/*
 * flow.h - the per-worker bidirectional flow table.
 *
 * A preallocated pool of cfg.max_flows flows, a power-of-two bucket array of
 * pool indices (at least two buckets a flow) and a seeded hash over a
 * normalised (direction-independent) key, so both directions of a connection
 * find the same flow and nobody can aim packets at one bucket without knowing
 * the seed. Each flow sits on one of a few timeout-class lists ordered by
 * last packet time, so expiry and oldest-first eviction are O(1) per flow.
 * Packet time is the only clock.
 *
 * Eviction protects what matters: every class has two lists, one for the
 * flows flow_protected() says are worth keeping (a dissector is parsing them,
 * or they raised an event) and one for the rest. When the pool is full the
 * oldest unprotected flow goes; a protected one only when no other is left
 * (counted in st.evicted_protected). So a scan of a million addresses churns
 * through its own flows and leaves the mining sessions alone.
 *
 * Client/server orientation (the "src" of every event is the client):
 *  1. a TCP SYN without ACK: its sender is the client; SYN+ACK: its receiver;
 *  2. otherwise rank each port: < 1024 is 0 (service), < 32768 is 1
 *     (registered), else 2 (ephemeral); the lower-ranked side is the server;
 *  3. equal ranks: the sender of the first packet seen is the client.
 * A flow created mid-stream by rule 2 or 3 whose first packets later turn out
 * to be a SYN (out-of-order capture) is re-oriented while it has no payload.
 *
 * flow.c manages the table only; the engine's per-flow state (nDPI, stream,
 * dissector) lives in the same struct but flow.c only zeroes it on creation,
 * reads it through flow_protected() and hands the flow to the end callback
 * before reusing it.
 * Not thread-safe: one table per worker.
 */
#ifndef FIREDAMP_FLOW_H
#define FIREDAMP_FLOW_H

#include <stdint.h>

#include "decode.h"

enum flow_tclass {
    FLOW_TC_TCP_NEW = 0, /* TCP without a completed handshake */
    FLOW_TC_TCP_EST,     /* TCP established (or picked up mid-stream with data) */
    FLOW_TC_TCP_CLOSED,  /* FIN seen both ways, or RST */
    FLOW_TC_UDP,
    FLOW_TC_OTHER,
    FLOW_TC_COUNT,
};

enum flow_end_reason {
    FLOW_END_TIMEOUT = 0, /* idle past its class timeout */
    FLOW_END_EVICTED,     /* table full: the oldest (unprotected) flow made room */
    FLOW_END_SHUTDOWN,    /* end of capture / exit */
};

#define FLOW_NLISTS (2 * FLOW_TC_COUNT) /* timeout lists: each class unprotected, protected */

/*
 * Eviction work per new flow is bounded: at most FLOW_EVICT_SCAN heads of
 * unprotected lists found protected (changed by someone other than the
 * worker on the newest flow) are moved to their protected list (each at most
 * FLOW_KEPT_SCAN steps from its tail, to keep time order) before the oldest
 * remaining unprotected head is evicted whatever it is.
 */
#define FLOW_EVICT_SCAN 32
#define FLOW_KEPT_SCAN  16

#define FLOW_MAX_ALERT_SIDS 6 /* alerts remembered per flow, to raise each once */

/* Flow flags */
#define FLOW_F_SYN       0x01 /* client SYN seen */
#define FLOW_F_SYNACK    0x02 /* server SYN+ACK seen */
#define FLOW_F_FIN_CLI   0x04
#define FLOW_F_FIN_SRV   0x08
#define FLOW_F_RST       0x10
#define FLOW_F_MIDSTREAM 0x20 /* first packet was not a SYN */
#define FLOW_F_PAYLOAD   0x40 /* payload seen in either direction */

struct flow_key {
    uint8_t addr[2][16]; /* side 0 is the lower (addr, port) pair */
    uint16_t port[2];
    uint8_t proto;
    uint8_t ip_version;
    uint16_t vlan; /* innermost VLAN id, when cfg.use_vlan */
    uint32_t zone; /* outermost tunnel id, when cfg.use_tunnel_id */
};

struct stream;

struct flow {
    struct flow_key key;
    uint32_t hash;
    uint32_t hnext;        /* bucket chain: pool index + 1, 0 ends */
    uint32_t lprev, lnext; /* timeout list: pool index + 1, 0 ends */
    uint8_t tclass;        /* enum flow_tclass: the list it is on */
    uint8_t client;        /* key side (0/1) that is the client */
    uint8_t flags;         /* FLOW_F_* */
    uint8_t in_use;
    uint64_t id; /* flow_id: unique within the run */
    uint64_t first_ts, last_ts;
    uint64_t pkts[2], bytes[2]; /* by direction: 0 client->server, 1 server->client */

    /* What the first packet said about the encapsulation (for events). */
    uint16_t vlan[DECODE_MAX_VLAN];
    uint8_t nvlan;
    uint8_t tunnel;
    uint8_t tunnel_has_id;
    uint32_t tunnel_id;

    /* Engine state: owned by the worker, zeroed by flow.c on creation. */
    void *ndpi;                     /* nDPI flow while classifying, then NULL */
    uint16_t app_master, app_proto; /* nDPI ids once decided */
    uint8_t classify_pkts;
    uint8_t classified;
    uint8_t addr_checked; /* nDPI's address lists consulted (before any payload) */
    int8_t dissector;     /* registry index, -1 none */
    uint8_t dstate_done;  /* dissector said DONE/REJECT */
    uint8_t probed[2];    /* probe done per direction */
    uint16_t probe_fail;  /* bitmask of dissectors that said PROBE_NO */
    void *dstate;         /* dissector state */
    struct stream *stream;
    uint32_t events;                       /* events emitted for this flow */
    char community_id[32];                 /* computed with the flow's first event ("" before) */
    uint32_t alerted[FLOW_MAX_ALERT_SIDS]; /* alerts already raised (signature + subject keys) */
    uint8_t nalerted;
    uint32_t isn[2];  /* SYN sequence numbers by direction (worker-maintained) */
    uint8_t isn_seen; /* bit 0: client ISN known, bit 1: server ISN known */
    uint8_t on_kept;  /* flow.c: on a protected list (as of its last packet) */
};

/*
 * A flow eviction should spare: a dissector owns it and has not finished
 * (dissector >= 0, dstate_done == 0), or it raised an event or an alert.
 * The worker sets these fields on the flow flow_packet() just returned; flow.c
 * looks again at the next flow_packet() call (and at eviction time), so the
 * worker need not tell it.
 */
static inline int flow_protected(const struct flow *f)
{
    return (f->dissector >= 0 && !f->dstate_done) || f->events || f->nalerted;
}

struct flow_table_cfg {
    uint32_t max_flows;                /* pool size (> 0) */
    uint64_t hash_seed;                /* fixed in --deterministic mode */
    uint32_t timeout_s[FLOW_TC_COUNT]; /* idle timeout per class, seconds */
    uint8_t use_vlan;                  /* VLAN id is part of the key */
    uint8_t use_tunnel_id;             /* tunnel id (VNI) is part of the key */
    uint32_t worker;                   /* flow ids: worker + k * nworkers (+1) */
    uint32_t nworkers;
};

struct flow_table_stats {
    uint64_t created;
    uint64_t expired;
    uint64_t evicted;
    uint64_t active;
    uint64_t max_active;
    uint64_t evicted_protected; /* of evicted: flows flow_protected() said to keep */
};

/* Called for every flow leaving the table, before its slot is reused. */
typedef void (*flow_end_fn)(struct flow *f, int reason, void *ctx);

struct flow_table {
    struct flow_table_cfg cfg;
    struct flow *pool;  /* cfg.max_flows flows */
    uint32_t *bucket;   /* nbuckets pool indices + 1 */
    uint32_t nbuckets;  /* power of two */
    uint32_t free_head; /* free list through hnext, pool index + 1 */
    uint32_t fresh;     /* slots [0, fresh) have been used; the rest never were */
    /* list l = class + (protected ? FLOW_TC_COUNT : 0); oldest at head */
    uint32_t head[FLOW_NLISTS], tail[FLOW_NLISTS];
    uint64_t next_id;
    uint32_t recent; /* the flow of the latest flow_packet(), pool index + 1 */
    struct flow_table_stats st;
    flow_end_fn on_end;
    void *ctx;
};

/* Allocates the pool and buckets. Returns 0 or -ENOMEM / -EINVAL. */
int flow_table_init(struct flow_table *ft, const struct flow_table_cfg *cfg, flow_end_fn on_end,
                    void *ctx);

/* Frees the table without calling on_end (call flow_end_all first). */
void flow_table_destroy(struct flow_table *ft);

/* Bytes the table itself holds (pool + buckets). */
uint64_t flow_table_memory(const struct flow_table *ft);

/*
 * Finds the flow of a decoded packet (p->l4_ok or at least ip_version set),
 * creating it if new (evicting the oldest unprotected flow when the table is
 * full, the oldest protected one only when every flow is protected).
 * Sets *dir to the packet's direction (0 client->server, 1 server->client)
 * and updates counters, flags, timestamps and the timeout list. Never NULL
 * for a valid packet; NULL only if p carries no IP.
 */
struct flow *flow_packet(struct flow_table *ft, const struct pkt *p, int *dir);

/*
 * Ends flows idle past their timeout at time now_us, at most `max` of them
 * (0 = no limit). Returns how many ended.
 */
unsigned flow_expire(struct flow_table *ft, uint64_t now_us, unsigned max);

/* Ends every flow (reason FLOW_END_SHUTDOWN), oldest first. */
void flow_end_all(struct flow_table *ft);

/* The client's / server's address and port of a flow. */
static inline const uint8_t *flow_cli_addr(const struct flow *f)
{
    return f->key.addr[f->client];
}
static inline const uint8_t *flow_srv_addr(const struct flow *f)
{
    return f->key.addr[!f->client];
}
static inline uint16_t flow_cli_port(const struct flow *f)
{
    return f->key.port[f->client];
}
static inline uint16_t flow_srv_port(const struct flow *f)
{
    return f->key.port[!f->client];
}

#endif
