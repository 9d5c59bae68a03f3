/*
 * redis_out.h - the Redis output: every line of the JSON-lines output, the
 * same bytes, delivered at least once to a Redis stream (XADD), a channel
 * (PUBLISH) and/or a list (RPUSH), with a heartbeat hash for dashboards.
 *
 * Threads: the output thread (main.c) hands lines over with redis_out_push(),
 * which only copies into a bounded in-memory queue; a thread of this module
 * owns the connection (hiredis, blocking, with timeouts) and the on-disk spool
 * (spool.h). Capture and dissection therefore never wait on Redis; the output
 * thread waits only if that queue is full and output.queue_block is set (file
 * replay), exactly as the workers wait on theirs.
 *
 * Delivery: commands are pipelined in batches (redis.batch events, or
 * whatever arrived within redis.batch_ms) and every reply is checked. An event
 * counts as delivered when every command it needed was answered without an
 * error. What is not delivered (Redis down, timed out, answering OOM,
 * WRONGTYPE, NOAUTH, ...) goes to the spool, and from then on every new event
 * goes behind it, so order is kept: the spool is replayed first, then live
 * events flow again. Reconnection backs off exponentially up to
 * redis.backoff_max_ms. A spool left at exit is delivered first at the next
 * start. What cannot be kept (spool full or failing, queue full in drop mode)
 * is counted here, in the stats event, and said on stderr.
 *
 * At-least-once: a batch that fails half-way is sent again from its first
 * undelivered event, so a consumer may see an event twice; event_id
 * (docs/EVENTS.md) is the key to de-duplicate on.
 */
#ifndef FIREDAMP_REDIS_OUT_H
#define FIREDAMP_REDIS_OUT_H

#include <stddef.h>
#include <stdint.h>

#include "json.h"

struct config;

#define REDIS_BACKOFF_MIN_MS 100   /* first reconnect delay; doubles up to redis.backoff_max_ms */
#define REDIS_STOP_GRACE_MS  10000 /* at exit, time left to replay; the rest stays spooled */
#define REDIS_TYPE_MAX       32    /* longest event_type routed */
#define REDIS_SPOOL_SYNC_MS  1000  /* spool appends are fdatasync()ed at most this late */

/* Counters of the Redis output (all zero when it is off: enabled = 0). */
struct redis_out_stats {
    uint64_t enabled;
    uint64_t connected;           /* 1 while a connection is up */
    uint64_t published;           /* events delivered (every reply OK), re-sends included */
    uint64_t replayed;            /* of those, delivered from the spool */
    uint64_t spooled;             /* events written to the spool */
    uint64_t dropped_spool_full;  /* not kept: spool at redis.spool_max_* (or no spool) */
    uint64_t dropped_spool_error; /* not kept: the spool file could not be written */
    uint64_t dropped_queue;       /* not kept: redis.queue_kb full (output.queue_block: no) */
    uint64_t err_connect;         /* connect or AUTH/SELECT failures */
    uint64_t err_io;              /* connection lost or timed out mid-batch */
    uint64_t err_oom;             /* replies: -OOM */
    uint64_t err_wrongtype;       /* -WRONGTYPE */
    uint64_t err_noauth;          /* -NOAUTH, -WRONGPASS, -NOPERM */
    uint64_t err_other;           /* any other error reply, or an unexpected reply type */
    uint64_t reconnects;          /* connections made after the first */
    uint64_t spool_bytes;         /* undelivered bytes in the spool now */
    uint64_t spool_records;       /* undelivered events in the spool now */
    uint64_t spool_torn_bytes;    /* cut from a torn spool tail at start */
    uint64_t queue_depth;         /* bytes waiting in the hand-off queue */
};

struct redis_out;

/*
 * Checks the redis.* keys and output.redis (URL, modes, event type lists,
 * spool size). Returns 0, or -1 with the reason in err. Call before start.
 */
int redis_out_check(const struct config *c, char *err, size_t errlen);

/*
 * Opens the spool and starts the Redis thread. Redis need not be up. Returns
 * the output, or NULL with the reason in err (spool unusable, out of memory).
 * c must outlive the output.
 */
struct redis_out *redis_out_start(const struct config *c, char *err, size_t errlen);

/*
 * Output thread: hands one line over (copied). Returns 0, or -1 when it was
 * dropped (queue full in drop mode), counted in dropped_queue.
 */
int redis_out_push(struct redis_out *ro, const char *data, uint32_t len);

/*
 * Output thread: waits (at most timeout_ms) until every line pushed so far has
 * been delivered, spooled or counted as dropped, so that stats are exact.
 */
void redis_out_settle(struct redis_out *ro, unsigned timeout_ms);

/* Any thread: a copy of the counters. ro may be NULL (all zero). */
void redis_out_stats_snapshot(struct redis_out *ro, struct redis_out_stats *s);

/* Writes `"redis": {...}` into the open object of j, nothing when !s->enabled. */
void redis_out_stats_render(struct json *j, const struct redis_out_stats *s);

/*
 * Output thread: delivers what it can (for at most REDIS_STOP_GRACE_MS, and
 * no further than the first failure), spools the rest, stops the thread,
 * prints a summary of losses and leftovers on stderr and frees ro. Returns
 * the number of events that could not be kept (0 = nothing lost).
 */
uint64_t redis_out_stop(struct redis_out *ro);

#endif
