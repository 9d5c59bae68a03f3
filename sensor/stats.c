/*
 * stats.c - summing worker counters and rendering the `stats` event.
 * The field layout follows Suricata's stats event where it has the concept
 * (capture.kernel_packets/kernel_drops, decoder.*, flow.*).
 */
#include <string.h>

#include "stats.h"
#include "util.h"

static const char *const event_type_names[] = {
#define STATS_EV_NAME(n, s) s,
    STATS_EVENT_TYPES(STATS_EV_NAME)
#undef STATS_EV_NAME
};

int stats_event_index(const char *event_type)
{
    for (int i = 0; i < STATS_EV_OTHER; i++)
        if (str_eq(event_type_names[i], event_type))
            return i;
    return STATS_EV_OTHER;
}

/* Every member is a uint64_t counter, so the structs add as arrays. */
#define ADD_ALL(a, b, type)                                             \
    do {                                                                \
        uint64_t *pa_ = (uint64_t *)(a);                                \
        const uint64_t *pb_ = (const uint64_t *)(b);                    \
        for (size_t i_ = 0; i_ < sizeof(type) / sizeof(uint64_t); i_++) \
            pa_[i_] += pb_[i_];                                         \
    } while (0)

_Static_assert(sizeof(struct stats) % sizeof(uint64_t) == 0, "stats is uint64 only");
_Static_assert(sizeof(struct flow_table_stats) == 6 * sizeof(uint64_t), "flow stats layout");

void stats_add(struct stats *a, const struct stats *b)
{
    uint64_t last = a->last_ts_us > b->last_ts_us ? a->last_ts_us : b->last_ts_us;

    ADD_ALL(a, b, struct stats);
    a->last_ts_us = last;
}

void stats_render(struct json *j, const struct event_meta *m, const struct stats *s,
                  const struct stats_capture *c)
{
    uint64_t derr = 0;

    event_begin(j, m, "stats", s->last_ts_us, NULL, NULL);
    json_key(j, "stats");
    json_open(j);
    json_kv_bool(j, "final", c->final);
    if (!c->deterministic) {
        json_kv_double(j, "uptime", c->uptime_s);
        json_kv_double(j, "pps", c->pps);
    }
    json_kv_uint(j, "packets", s->packets);
    json_kv_uint(j, "bytes", s->bytes);

    json_key(j, "capture");
    json_open(j);
    json_kv_uint(j, "kernel_packets", s->kernel_received);
    json_kv_uint(j, "kernel_drops", s->kernel_dropped);
    json_kv_uint(j, "iface_drops", s->iface_dropped);
    json_kv_uint(j, "reopens", s->capture_reopens);
    json_kv_uint(j, "files_read", c->files_read);
    json_kv_uint(j, "files_failed", c->files_failed);
    json_close(j);

    json_key(j, "decoder");
    json_open(j);
    for (int i = 0; i < DECODE_RESULT_COUNT; i++) {
        if (i != DECODE_OK && i != DECODE_NOT_IP)
            derr += s->decode[i];
    }
    json_kv_uint(j, "ok", s->decode[DECODE_OK]);
    json_kv_uint(j, "not_ip", s->decode[DECODE_NOT_IP]);
    json_kv_uint(j, "errors", derr);
    json_kv_uint(j, "ip_fragments", s->ip_fragments);
    json_kv_uint(j, "tunnelled", s->tunnelled);
    json_key(j, "error_by_reason");
    json_open(j);
    for (int i = 0; i < DECODE_RESULT_COUNT; i++) {
        if (i != DECODE_OK && i != DECODE_NOT_IP && s->decode[i])
            json_kv_uint(j, decode_result_name(i), s->decode[i]);
    }
    json_close(j);
    json_close(j);

    json_key(j, "flows");
    json_open(j);
    json_kv_uint(j, "active", s->flows.active);
    json_kv_uint(j, "total", s->flows.created);
    json_kv_uint(j, "expired", s->flows.expired);
    json_kv_uint(j, "evicted", s->flows.evicted);
    json_kv_uint(j, "evicted_protected", s->flows.evicted_protected);
    json_kv_uint(j, "max_active", s->flows.max_active);
    json_kv_uint(j, "memory", s->flow_memory);
    json_kv_uint(j, "memory_bound", s->flow_memory_bound);
    json_close(j);

    json_key(j, "tcp");
    json_open(j);
    json_kv_uint(j, "segments", s->stream.segments);
    json_kv_uint(j, "in_order_bytes", s->stream.bytes_in_order);
    json_kv_uint(j, "ooo_queued", s->stream.ooo_queued);
    json_kv_uint(j, "retransmits", s->stream.retransmits);
    json_kv_uint(j, "overlaps", s->stream.overlaps);
    json_kv_uint(j, "gaps", s->stream.gaps);
    json_kv_uint(j, "gap_bytes", s->stream.gap_bytes);
    json_kv_uint(j, "depth_reached", s->stream.depth_reached);
    json_kv_uint(j, "memcap_fail", s->stream.memcap_fail);
    json_kv_uint(j, "tail_overflow", s->stream.tail_overflow);
    json_kv_uint(j, "reassembly_memory", s->stream_memory);
    json_kv_uint(j, "reassembly_memory_peak", s->stream_memory_peak);
    json_kv_uint(j, "reassembly_memcap", s->stream_memcap);
    json_close(j);

    json_key(j, "ndpi");
    json_open(j);
    json_kv_uint(j, "classified", s->ndpi.classified);
    json_kv_uint(j, "unknown", s->ndpi.unknown);
    json_kv_uint(j, "pool_full", s->ndpi.pool_full);
    json_kv_uint(j, "dissected", s->ndpi.skipped);
    json_kv_uint(j, "inflight", s->ndpi.inflight);
    json_kv_uint(j, "memory", s->ndpi_memory);
    json_kv_uint(j, "memory_bound", s->ndpi_memory_bound);
    json_close(j);

    json_key(j, "dissectors");
    json_open(j);
    json_kv_uint(j, "flows", s->dissector_flows);
    json_kv_uint(j, "rejects", s->dissector_rejects);
    json_kv_uint(j, "memory", s->dissector_memory);
    json_kv_uint(j, "memory_bound", s->dissector_memory_bound);
    json_kv_uint(j, "pool_full", s->dissector_pool_full);
    json_kv_uint(j, "lent_memory", s->lent_memory);
    json_kv_uint(j, "lent_memory_peak", s->lent_memory_peak);
    json_kv_uint(j, "lent_memory_bound", s->lent_memory_bound);
    json_kv_uint(j, "lent_refused", s->lent_refused);
    json_kv_uint(j, "fact_overflow", s->fact_overflow);
    json_kv_uint(j, "alerts_unlatched", s->alerts_unlatched);
    json_close(j);

    json_key(j, "signatures");
    json_open(j);
    json_kv_uint(j, "rules", c->sig_rules);
    json_kv_uint(j, "pool_domains", c->sig_pool_domains);
    json_kv_uint(j, "reloads", c->sig_reloads);
    json_kv_uint(j, "reload_failures", c->sig_reload_failures);
    json_kv_uint(j, "pool_addresses", c->pool_addresses);
    json_kv_uint(j, "pool_addresses_replaced", c->pool_replaced);
    json_kv_uint(j, "pool_address_memory", c->pool_memory);
    json_close(j);

    json_key(j, "memory");
    json_open(j);
    json_kv_uint(j, "in_use",
                 s->flow_memory + s->stream_memory + s->ndpi_memory + s->dissector_memory +
                     s->lent_memory + s->queue_depth);
    json_kv_uint(j, "bound",
                 s->flow_memory_bound + s->stream_memcap + s->ndpi_memory_bound +
                     s->dissector_memory_bound + s->lent_memory_bound + s->queue_size);
    json_close(j);

    json_key(j, "events");
    json_open(j);
    for (int i = 0; i < STATS_EV_COUNT; i++)
        json_kv_uint(j, event_type_names[i], s->events[i]);
    json_kv_uint(j, "dropped", s->events_dropped);
    json_kv_uint(j, "oversize", s->events_oversize);
    json_close(j);

    json_key(j, "workers");
    json_open_array(j);
    for (unsigned i = 0; i < c->nworkers && i < STATS_MAX_WORKERS; i++) {
        const struct stats_worker *w = &c->workers[i];

        json_open(j);
        json_kv_uint(j, "id", i);
        json_kv_uint(j, "packets", w->packets);
        if (!c->deterministic)
            json_kv_double(j, "pps", w->pps);
        json_kv_uint(j, "kernel_drops", w->kernel_drops);
        json_kv_uint(j, "flows_active", w->flows_active);
        json_kv_uint(j, "queue_depth", w->queue_depth);
        json_kv_uint(j, "queue_size", w->queue_size);
        json_kv_uint(j, "events_dropped", w->events_dropped);
        json_close(j);
    }
    json_close_array(j);

    json_key(j, "output");
    json_open(j);
    json_kv_uint(j, "queue_depth", s->queue_depth);
    json_kv_uint(j, "queue_size", s->queue_size);
    json_kv_uint(j, "written", c->output_written);
    json_kv_uint(j, "errors", c->output_errors);
    json_kv_uint(j, "flow_log_written", c->flow_log_written);
    redis_out_stats_render(j, &c->redis);
    json_close(j);

    json_close(j); /* stats */
    json_close(j); /* event */
}
