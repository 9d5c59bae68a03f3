/*
 * worker.h - one packet-processing pipeline: decode -> flow -> nDPI ->
 * TCP stream -> dissector -> event, synchronous per packet, owning its flow
 * table, classifier, reassembly memory and event queue (shared nothing).
 *
 * Threads: a worker's functions are called by its own thread only, except
 * worker_stats_snapshot() (any thread) and the queue consumer side (output
 * thread). Packet time is the only clock: timeouts advance with the packets.
 */
#ifndef FIREDAMP_WORKER_H
#define FIREDAMP_WORKER_H

#include <pthread.h>
#include <stdint.h>

#include "capture.h"
#include "classify.h"
#include "config.h"
#include "dissector.h"
#include "event.h"
#include "evq.h"
#include "flow.h"
#include "c2_policy.h"
#include "docker_policy.h"
#include "hostmap.h"
#include "pool.h"
#include "sig.h"
#include "stats.h"
#include "stream.h"

#define WORKER_MAX_DISSECTORS  16
#define WORKER_PROBE_PACKETS   8    /* in-order deliveries per direction a MAYBE may last */
#define WORKER_EXPIRE_BATCH    16   /* flows expired per packet at most */
#define WORKER_EXPIRE_EVERY_US 1000 /* packet time between looks for idle flows */

/*
 * The rules a worker reads: signatures (with their lists) and the C2 policy
 * (indicators, IOCs). Read-only while any worker may use them; a SIGHUP
 * reload offers a new one (worker_rules_offer), which the worker takes
 * between two packets.
 */
struct worker_rules {
    const struct sigdb *db;
    const struct c2_policy *c2;
};

/* What all workers share: read-only signatures and the pool address table. */
struct worker_shared {
    const struct sigdb *db;       /* NULL: no alerts */
    struct hostmap *pools;        /* NULL: no pool naming by address */
    struct docker_policy *docker; /* NULL: Docker calls get no risk */
    const struct c2_policy *c2;   /* NULL: HTTP transfers unweighed, names unchecked */
    /* nDPI is set up by worker_start_classifier() in the worker's own thread
       (its start-up, ~25 ms, then runs in parallel for all workers) */
    int defer_classifier;
};

struct worker {
    unsigned id;
    const struct config *cfg;
    struct event_meta meta;
    struct evq q;

    struct flow_table ft;
    struct classify *cl; /* NULL: nDPI off (or not yet started: worker_start_classifier) */
    struct stream_cfg scfg[WORKER_MAX_DISSECTORS]; /* max_tail per dissector */
    struct stream_cfg probe_cfg;                   /* while no dissector owns the flow */
    struct pool spool;                             /* struct stream */
    struct pool dpool[WORKER_MAX_DISSECTORS];      /* dissector states, one pool each */
    struct stream_mem smem;
    struct stream_env senv;
    struct stats st;

    /* the flow being processed, for emit and stream callbacks */
    struct flow *cur;
    struct flow_info fi;
    struct dctx cx;

    int linktype;        /* of the capture being read: set before dispatching */
    struct capture *cap; /* live capture, for its kernel counters (NULL for files) */
    char *scratch;       /* max_event_bytes: the event being rendered */
    const struct sigdb *db;
    struct hostmap *pools;
    struct fact efact; /* a fact the engine enriched (pool_host) */
    struct docker_policy *docker;
    struct docker_scratch dcall, dworm; /* an enriched API call, a worm fact */
    const struct c2_policy *c2;
    struct c2_scratch c2s; /* an enriched transfer or name */
    char pool_name[HOSTMAP_NAME_MAX];
    int flow_log;        /* flow records wanted */
    uint64_t event_seq;  /* events numbered so far (event_id) */
    unsigned replicas;   /* workers sharing a replicated input (1: keep every packet) */
    uint64_t owner_seed; /* of the packet-owner hash */
    uint64_t expire_ts;  /* packet time of the last look for idle flows */
    int expire_more;     /* that look hit its batch: look again at the next packet */

    /* SIGHUP: the set main offers, and the one this worker has moved to */
    _Atomic(const struct worker_rules *) rules_offered;
    _Atomic(const struct worker_rules *) rules_taken;

    pthread_mutex_t pub_lock;
    struct stats published;
    uint64_t pub_next_pkt;
    uint64_t pub_next_ts;
};

/* Sets up a worker: flow table, classifier, queue. sh may be NULL. 0, or -1 + err. */
int worker_init(struct worker *w, unsigned id, const struct config *cfg,
                const struct worker_shared *sh, char *err, size_t errlen);

/* Ends all flows (flushing their events) and frees everything. */
void worker_destroy(struct worker *w);

/*
 * With worker_shared.defer_classifier: sets up nDPI, in the thread that will
 * run the worker, before its first packet. 0, or -1 with err (the worker then
 * runs without nDPI; the caller decides whether to go on).
 */
int worker_start_classifier(struct worker *w, char *err, size_t errlen);

/* Frees nDPI after worker_end_flows(), in the worker's thread: its teardown in parallel too. */
void worker_stop_classifier(struct worker *w);

/* Processes one captured frame. Never fails: problems are counted. */
void worker_packet(struct worker *w, int linktype, const uint8_t *frame, uint32_t caplen,
                   uint32_t wirelen, uint64_t ts_us);

/* The libpcap callback; user is the struct worker, linktype in w->linktype. */
void worker_pcap_cb(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes);

/* Ends every flow now (end of input), emitting their final events. */
void worker_end_flows(struct worker *w);

/* Makes the current counters visible to worker_stats_snapshot(). */
void worker_publish(struct worker *w);

/*
 * Offers a new rule set (any thread): the worker moves to it at its next
 * publish, between two packets (or when its capture is idle), and drops its
 * cached script verdicts, which the old set made. worker_rules_taken() tells
 * whether it has (or has stopped, so it reads no rules any more).
 */
void worker_rules_offer(struct worker *w, const struct worker_rules *r);
int worker_rules_taken(struct worker *w, const struct worker_rules *r);

/* Marks the worker stopped: it reads no rules again (its thread has ended). */
void worker_stopped(struct worker *w);

/* Copies the last published counters (any thread). */
void worker_stats_snapshot(struct worker *w, struct stats *out);

/*
 * Renders and queues one event line: used for facts and by the engine. Takes
 * a complete JSON object of len bytes. Counts the type.
 */
void worker_queue(struct worker *w, int channel, int ev_index, const char *line, size_t len);

#endif
