/*
 * stats.h - the counters of one worker, and the `stats` event built from the
 * sum of all workers.
 *
 * Each worker owns its struct stats and writes it without atomics; it
 * publishes a copy under a mutex now and then (worker.c), which is what other
 * threads read. Every drop and every anomaly in the engine has a counter here.
 */
#ifndef FIREDAMP_STATS_H
#define FIREDAMP_STATS_H

#include <stdint.h>

#include "classify.h"
#include "decode.h"
#include "event.h"
#include "flow.h"
#include "json.h"
#include "redis_out.h"
#include "stream.h"

/* Event types counted by name; anything else counts as "other". */
#define STATS_EVENT_TYPES(X)          \
    X(ALERT, "alert")                 \
    X(STRATUM, "stratum")             \
    X(DOCKER_API, "docker_api")       \
    X(HTTP_DOWNLOAD, "http_download") \
    X(DNS, "dns")                     \
    X(TLS, "tls")                     \
    X(INCIDENT, "incident")           \
    X(FLOW, "flow")                   \
    X(STATS, "stats")                 \
    X(OTHER, "other")

enum stats_event_type {
#define STATS_EV_ENUM(n, s) STATS_EV_##n,
    STATS_EVENT_TYPES(STATS_EV_ENUM)
#undef STATS_EV_ENUM
    STATS_EV_COUNT
};

/* Index of an event type name (STATS_EV_OTHER if not listed). */
int stats_event_index(const char *event_type);

struct stats {
    uint64_t packets, bytes; /* captured frames, wire bytes */
    uint64_t decode[DECODE_RESULT_COUNT];
    uint64_t ip_fragments;
    uint64_t tunnelled; /* packets that were decapsulated */
    struct flow_table_stats flows;
    uint64_t flow_memory;       /* flow table bytes in use (active flows + buckets) */
    uint64_t flow_memory_bound; /* flow table bytes at most (pool + buckets) */
    struct stream_counters stream;
    uint64_t stream_memory, stream_memory_peak, stream_memcap;
    struct classify_stats ndpi;
    uint64_t ndpi_memory;            /* nDPI flow structs in use */
    uint64_t ndpi_memory_bound;      /* the pool they come from */
    uint64_t dissector_flows;        /* flows handed to a dissector */
    uint64_t dissector_rejects;      /* dissectors that said REJECT */
    uint64_t dissector_memory;       /* bytes held by the state and stream pools */
    uint64_t dissector_memory_bound; /* what the pools may grow to */
    uint64_t dissector_pool_full;    /* flows left undissected: pool at its bound */
    uint64_t lent_memory, lent_memory_peak, lent_memory_bound; /* dctx alloc() */
    uint64_t lent_refused;           /* alloc() calls refused: budget or heap */
    uint64_t fact_overflow;          /* fact fields dropped (fact full) */
    uint64_t alerts_unlatched;       /* alerts past a flow's FLOW_MAX_ALERT_SIDS slots */
    uint64_t events[STATS_EV_COUNT]; /* events produced, by type */
    uint64_t events_dropped;         /* queue full (drop mode) */
    uint64_t events_oversize;        /* longer than output.max_event_bytes: dropped */
    uint64_t queue_depth;            /* bytes waiting for the output thread */
    uint64_t queue_size;             /* bytes the queue holds at most */
    uint64_t kernel_received;        /* live capture: pcap_stats, read by the worker */
    uint64_t kernel_dropped;
    uint64_t iface_dropped;
    uint64_t capture_reopens; /* live: the interface went away and came back */
    uint64_t last_ts_us;      /* packet time of the newest packet */
};

/* Adds every counter of b into a (peaks and depths add too: they are per worker). */
void stats_add(struct stats *a, const struct stats *b);

/*
 * One worker's line in the stats event: enough for an operator to see one
 * worker saturating (its queue filling, its ring dropping) before events or
 * packets are lost.
 */
struct stats_worker {
    uint64_t packets;
    uint64_t kernel_drops; /* its own ring (live) */
    uint64_t queue_depth, queue_size;
    uint64_t events_dropped; /* its queue full in drop mode */
    uint64_t flows_active;
    double pps; /* packets per wall second since the previous stats event */
};

#define STATS_MAX_WORKERS 64

/* Run-level counters that belong to no worker. */
struct stats_capture {
    uint64_t files_read, files_failed;
    uint64_t output_written, output_errors;
    uint64_t flow_log_written;
    uint64_t sig_rules, sig_pool_domains;
    uint64_t sig_reloads, sig_reload_failures; /* SIGHUP: sets switched to, reloads refused */
    uint64_t pool_addresses, pool_replaced, pool_memory;
    double uptime_s; /* wall clock, omitted in deterministic mode */
    double pps;      /* packets per wall second, omitted in deterministic mode */
    int deterministic;
    unsigned nworkers; /* entries of workers[] */
    struct stats_worker workers[STATS_MAX_WORKERS];
    int final;
    struct redis_out_stats redis; /* rendered as output.redis when enabled */
};

/* Writes a complete `stats` event (SCHEMA.md) into j. */
void stats_render(struct json *j, const struct event_meta *m, const struct stats *s,
                  const struct stats_capture *c);

#endif
