/*
 * config.h - every limit and default of the sensor in one struct, filled from
 * built-in defaults, then a YAML config file (-c), then command-line flags
 * (which win). See firedamp.yaml at the top of the repository for the
 * commented list of keys.
 *
 * Config is read-only once workers start; all threads may read it.
 */
#ifndef FIREDAMP_CONFIG_H
#define FIREDAMP_CONFIG_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "decode.h"
#include "flow.h"
#include "stream.h"

#define CONFIG_MAX_FILES 64
#define CONFIG_PATH_MAX  1024
#define CONFIG_NAME_MAX  64

struct config {
    /* capture */
    const char *read_files[CONFIG_MAX_FILES]; /* -r, in order; "-" is stdin */
    unsigned nread;
    char iface[CONFIG_NAME_MAX]; /* -i */
    char bpf[CONFIG_PATH_MAX];   /* -f */
    uint32_t snaplen;
    uint32_t file_direct; /* classic pcap files read by firedamp, not libpcap */
    uint32_t file_mmap;   /* ... mapped in windows (0: read() into a buffer) */
    uint32_t buffer_mb;   /* kernel ring size for live capture */
    uint32_t promisc;
    uint32_t timeout_ms; /* live capture poll timeout */

    /* outputs */
    char output[CONFIG_PATH_MAX];    /* -o: JSON lines path, "-" = stdout */
    char flow_log[CONFIG_PATH_MAX];  /* --flow-log: flow records path, "" = off */
    char redis_url[CONFIG_PATH_MAX]; /* --redis, "" = off */
    char sensor_name[CONFIG_NAME_MAX];
    uint32_t stats_interval_s; /* periodic stats events, 0 = only the final one */
    uint32_t deterministic;    /* --deterministic: golden-test mode */
    char run_id[17];           /* hex, drawn by config_finish(); not a key */
    uint32_t queue_kb;         /* worker -> output queue size */
    uint32_t queue_block;      /* 1: worker waits when the queue is full (files) */
    uint32_t max_event_bytes;  /* longest event line */

    /* Redis output (redis_out.h), used when redis_url is set */
    char redis_modes[64]; /* stream,channel,list in any combination */
    char redis_stream_key[256];
    uint32_t redis_stream_maxlen; /* XADD MAXLEN ~ N, 0 = no trimming */
    char redis_stream_types[256]; /* event types to the stream: "all" or a list */
    char redis_channel[256];
    char redis_channel_types[256];
    char redis_list_key[256];
    char redis_list_types[256];
    uint32_t redis_batch;    /* events per pipelined batch */
    uint32_t redis_batch_ms; /* longest an event waits for its batch to fill */
    uint32_t redis_connect_timeout_ms;
    uint32_t redis_command_timeout_ms;
    uint32_t redis_backoff_max_ms;
    char redis_spool_path[CONFIG_PATH_MAX]; /* "" = no spool */
    uint32_t redis_spool_max_mb;
    uint32_t redis_spool_max_kb; /* wins over spool_max_mb when not 0 (tests, small disks) */
    uint32_t redis_heartbeat_s;  /* firedamp:sensor:<name> hash every N s, 0 = off */
    uint32_t redis_queue_kb;     /* output thread -> Redis thread hand-off queue */

    /* engine */
    uint32_t workers;
    uint32_t dissector_memory_mb; /* per-flow state budget of each dissector, per worker */
    uint32_t lent_memory_mb;      /* dctx alloc() budget, per worker */
    struct decode_cfg decode;
    struct flow_table_cfg flow;
    struct stream_cfg stream;
    uint32_t stream_memcap_mb;
    uint32_t ndpi_enabled;
    uint32_t ndpi_max_packets;  /* packets per flow given to nDPI before giving up */
    uint32_t ndpi_max_inflight; /* flows classifying at once (nDPI flow structs) */
    uint32_t community_id_seed;

    /* detection */
    char sig_dir[CONFIG_PATH_MAX];      /* signatures directory, "" = the default search */
    uint32_t pool_addresses;            /* pool address table size (DNS/SNI-learned) */
    char docker_admin[CONFIG_PATH_MAX]; /* docker.admin_sources: CIDR list */
    uint16_t docker_tls_ports[DECODE_MAX_VXLAN_PORTS]; /* TLS to these: a Docker TLS API */
    uint32_t docker_worm_daemons; /* daemons one source must change things on: a worm */
    uint32_t docker_worm_window_s;
    uint32_t docker_track_hosts;
    char dispatch[16];        /* engine.dispatch: replicate | fanout | fanout_inner */
    uint32_t fanout_group;    /* PACKET_FANOUT group id, set by main; not a key */
    uint32_t dns_log_queries; /* dns events for queries (alerts fire either way) */
    uint32_t dns_log_answers;
    uint32_t download_score_high; /* c2_policy thresholds */
    uint32_t download_score_medium;

    /* deployment (privdrop.h, log.h) */
    char user[CONFIG_NAME_MAX];  /* engine.user: account after the drop, "" = default */
    uint32_t allow_root;         /* engine.allow_root: workers may run as root */
    char log_level[16];          /* log.level: error, warning, notice, info, debug */
    uint32_t wait_for_interface; /* live: retry a missing interface at start-up */
};

/* Fills built-in defaults. */
void config_defaults(struct config *c);

/*
 * Loads a YAML file over the current values. Unknown keys, bad values and
 * syntax errors fail: returns 0, or -1 with a one-line reason in err.
 */
int config_load_file(struct config *c, const char *path, char *err, size_t errlen);

/*
 * Sets one dotted key ("flow.max_flows") from text, as the file would.
 * Returns 0, or -1 with the reason in err.
 */
int config_set(struct config *c, const char *key, const char *value, char *err, size_t errlen);

/*
 * Fills what depends on other values: an empty sensor name becomes the host
 * name ("firedamp" in deterministic mode). Call after file and flags.
 */
void config_finish(struct config *c);

/* Checks cross-field consistency after everything is loaded. 0 or -1 + err. */
int config_check(const struct config *c, char *err, size_t errlen);

/* Writes every key and its value, "key: value" per line (for --dump-config). */
void config_dump(const struct config *c, FILE *out);

#endif
