/*
 * config.c - defaults, the YAML config file (libyaml) and key=value
 * overrides, all through one table of keys so that the file, --set and
 * --dump-config can never disagree.
 *
 * The YAML file is a tree of mappings; its scalar leaves are addressed by
 * their dotted path ("flow.timeouts.tcp_established"). A leaf may also be a
 * sequence of scalars for list keys (decode.vxlan_ports). libyaml is used
 * because a hand-written YAML reader would be the toy the brief warns about.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

#include "config.h"
#include "log.h"

enum key_type {
    K_U32,   /* unsigned integer within [min, max] */
    K_BOOL,  /* yes/no/true/false/on/off/1/0 */
    K_STR,   /* string up to size - 1 bytes */
    K_PORTS, /* list of ports */
    K_U64,
};

struct key {
    const char *name;
    enum key_type type;
    size_t off;
    size_t size; /* bytes of the field: integer width, or K_STR buffer size */
    uint64_t min, max;
    const char *help;
};

#define FSIZE(field) sizeof(((struct config *)0)->field)
#define U32(name, field, lo, hi, help)                                          \
    {                                                                           \
        name, K_U32, offsetof(struct config, field), FSIZE(field), lo, hi, help \
    }
#define U64(name, field, lo, hi, help)                                          \
    {                                                                           \
        name, K_U64, offsetof(struct config, field), FSIZE(field), lo, hi, help \
    }
#define BOOL(name, field, help)                                                \
    {                                                                          \
        name, K_BOOL, offsetof(struct config, field), FSIZE(field), 0, 1, help \
    }
#define STR(name, field, help)                                                                  \
    {                                                                                           \
        name, K_STR, offsetof(struct config, field), sizeof(((struct config *)0)->field), 0, 0, \
            help                                                                                \
    }

static const struct key keys[] = {
    STR("capture.interface", iface, "live capture interface (-i)"),
    STR("capture.bpf", bpf, "BPF filter (-f)"),
    U32("capture.snaplen", snaplen, 64, 262144, "bytes captured per packet"),
    U32("capture.buffer_mb", buffer_mb, 1, 65536, "kernel ring buffer, MiB"),
    BOOL("capture.promisc", promisc, "promiscuous mode"),
    BOOL("capture.file_direct", file_direct,
         "read classic pcap files with firedamp's own reader (no: libpcap's)"),
    BOOL("capture.file_mmap", file_mmap,
         "firedamp's reader maps the file in 16 MiB windows (no: 1 MiB read()s)"),
    U32("capture.timeout_ms", timeout_ms, 1, 60000, "live capture poll timeout"),
    STR("output.path", output, "JSON lines file, - for stdout (-o)"),
    STR("output.flow_log", flow_log, "flow records file, empty = off (--flow-log)"),
    STR("output.redis", redis_url,
        "redis://[[user]:password@]host[:port][/db] or unix:///path[?db=N] (--redis)"),
    STR("output.sensor_name", sensor_name, "sensor field of every event"),
    U32("output.stats_interval", stats_interval_s, 0, 86400,
        "seconds between stats events, 0 = final only"),
    U32("output.queue_kb", queue_kb, 64, 4194304, "worker to output queue, KiB"),
    BOOL("output.queue_block", queue_block, "wait instead of dropping when the queue is full"),
    U32("output.max_event_bytes", max_event_bytes, 1024, 1048576, "longest event line"),
    STR("redis.modes", redis_modes, "stream, channel, list: any combination, comma-separated"),
    STR("redis.stream_key", redis_stream_key, "stream mode: XADD key"),
    U32("redis.stream_maxlen", redis_stream_maxlen, 0, UINT32_MAX,
        "stream mode: XADD MAXLEN ~ N, 0 = never trimmed"),
    STR("redis.stream_types", redis_stream_types, "event types XADDed: all, or a list"),
    STR("redis.channel", redis_channel, "channel mode: PUBLISH channel"),
    STR("redis.channel_types", redis_channel_types, "event types PUBLISHed: all, or a list"),
    STR("redis.list_key", redis_list_key, "list mode: RPUSH key"),
    STR("redis.list_types", redis_list_types, "event types RPUSHed: all, or a list"),
    U32("redis.batch", redis_batch, 1, 65536, "events per pipelined batch"),
    U32("redis.batch_ms", redis_batch_ms, 0, 60000, "longest an event waits for its batch, ms"),
    U32("redis.connect_timeout_ms", redis_connect_timeout_ms, 1, 600000, "connect timeout"),
    U32("redis.command_timeout_ms", redis_command_timeout_ms, 1, 600000,
        "reply timeout; past it the connection is dropped and the batch spooled"),
    U32("redis.backoff_max_ms", redis_backoff_max_ms, 100, 3600000,
        "longest wait between reconnection attempts (doubling from 100 ms)"),
    STR("redis.spool_path", redis_spool_path,
        "file of undelivered events, replayed first; empty = no spool (counted as dropped)"),
    U32("redis.spool_max_mb", redis_spool_max_mb, 1, 1U << 20, "spool size bound, MiB"),
    U32("redis.spool_max_kb", redis_spool_max_kb, 0, 1U << 30,
        "spool size bound in KiB; wins over spool_max_mb when not 0"),
    U32("redis.heartbeat", redis_heartbeat_s, 0, 86400,
        "seconds between writes of the firedamp:sensor:<name> hash, 0 = off"),
    U32("redis.queue_kb", redis_queue_kb, 64, 4194304,
        "hand-off queue to the Redis thread, KiB: absorbs a Redis stall up to the timeouts"),
    U32("engine.workers", workers, 1, 64, "worker threads"),
    STR("engine.dispatch", dispatch,
        "replicate (each worker reads all, keeps its inner-flow share), fanout (live: kernel "
        "PACKET_FANOUT_HASH of the outer flow) or fanout_inner (live: kernel fanout by the "
        "innermost flow, through VXLAN/GENEVE/GRE/ERSPAN)"),
    U32("engine.dissector_memory_mb", dissector_memory_mb, 1, 65536,
        "per-flow state memory of each dissector (and of TCP streams), MiB per worker"),
    U32("engine.lent_memory_mb", lent_memory_mb, 1, 65536,
        "memory dissectors borrow for a while (inflate windows, script samples), MiB per worker"),
    U32("flow.max_flows", flow.max_flows, 1, 1U << 30, "flow table size per worker"),
    U32("flow.timeouts.tcp_new", flow.timeout_s[FLOW_TC_TCP_NEW], 1, 86400, "seconds"),
    U32("flow.timeouts.tcp_established", flow.timeout_s[FLOW_TC_TCP_EST], 1, 86400, "seconds"),
    U32("flow.timeouts.tcp_closed", flow.timeout_s[FLOW_TC_TCP_CLOSED], 1, 86400, "seconds"),
    U32("flow.timeouts.udp", flow.timeout_s[FLOW_TC_UDP], 1, 86400, "seconds"),
    U32("flow.timeouts.other", flow.timeout_s[FLOW_TC_OTHER], 1, 86400, "seconds"),
    BOOL("flow.use_vlan", flow.use_vlan, "VLAN id is part of the flow key"),
    BOOL("flow.use_tunnel_id", flow.use_tunnel_id, "tunnel id (VNI) is part of the flow key"),
    U64("flow.hash_seed", flow.hash_seed, 0, UINT64_MAX, "0 = random (fixed in --deterministic)"),
    U32("stream.depth", stream.depth, 0, UINT32_MAX, "bytes reassembled per direction, 0 = all"),
    U32("stream.max_ooo_segments", stream.max_ooo_segs, 0, 65535,
        "out-of-order segments per direction"),
    U32("stream.max_tail", stream.max_tail, 0, 1 << 24, "unconsumed bytes kept per direction"),
    U32("stream.memcap_mb", stream_memcap_mb, 1, 1 << 20, "reassembly memory per worker, MiB"),
    BOOL("ndpi.enabled", ndpi_enabled, "classify flows with nDPI"),
    U32("download.score_high", download_score_high, 1, 100,
        "http_download risk high at or above this score (an IOC hit is high anyway)"),
    U32("download.score_medium", download_score_medium, 1, 100,
        "http_download risk medium at or above this score; also the beacon threshold"),
    BOOL("dns.log_queries", dns_log_queries,
         "a dns event per query too (answers echo the question)"),
    BOOL("dns.log_answers", dns_log_answers, "a dns event per answer: the transaction"),
    U32("ndpi.max_packets", ndpi_max_packets, 1, 255, "packets per flow before giving up"),
    U32("ndpi.max_inflight", ndpi_max_inflight, 16, 1U << 24,
        "flows being classified at once, per worker"),
    {"decode.vxlan_ports", K_PORTS, offsetof(struct config, decode.vxlan_ports), 0, 0, 65535,
     "UDP ports decoded as VXLAN"},
    U32("decode.geneve_port", decode.geneve_port, 0, 65535, "UDP port decoded as GENEVE, 0 = off"),
    U32("community_id.seed", community_id_seed, 0, 65535, "Community ID seed"),
    STR("signatures.dir", sig_dir,
        "signature directory, empty = ./signatures or the installed one"),
    U32("signatures.pool_addresses", pool_addresses, 1024, 1U << 24,
        "pool addresses remembered from DNS/SNI"),
    STR("docker.admin_sources", docker_admin,
        "addresses/blocks allowed to administer Docker daemons"),
    {"docker.tls_ports", K_PORTS, offsetof(struct config, docker_tls_ports), 0, 0, 65535,
     "TCP ports where TLS means a Docker daemon's TLS API"},
    U32("docker.worm_daemons", docker_worm_daemons, 0, 16,
        "daemons one source changes things on before a worm alert, 0 = off"),
    U32("docker.worm_window", docker_worm_window_s, 1, 604800,
        "seconds those calls must fall within"),
    U32("docker.track_hosts", docker_track_hosts, 256, 1U << 24,
        "hosts the worm correlation remembers"),
    STR("engine.user", user,
        "account to run as after opening the capture (root only); empty = firedamp, else nobody"),
    BOOL("engine.allow_root", allow_root, "let workers run as root (no privilege drop)"),
    STR("log.level", log_level, "stderr messages: error, warning, notice, info or debug"),
    BOOL("capture.wait_for_interface", wait_for_interface,
         "live: wait for an interface missing at start-up (no: fail at once)"),
};

void config_defaults(struct config *c)
{
    memset(c, 0, sizeof(*c));
    c->snaplen = 262144;
    c->buffer_mb = 64;
    c->promisc = 1;
    c->file_direct = 1;
    c->file_mmap = 1;
    c->timeout_ms = 100;
    strcpy(c->output, "-");
    /* sensor_name stays empty: config_finish() picks the host name */
    c->stats_interval_s = 60;
    c->queue_kb = 4096;
    c->queue_block = 1;
    c->max_event_bytes = 65536;
    strcpy(c->redis_modes, "stream");
    strcpy(c->redis_stream_key, "firedamp:events");
    c->redis_stream_maxlen = 100000;
    strcpy(c->redis_stream_types, "all");
    strcpy(c->redis_channel, "firedamp:alerts");
    strcpy(c->redis_channel_types, "alert,incident");
    strcpy(c->redis_list_key, "firedamp:list");
    strcpy(c->redis_list_types, "all");
    c->redis_batch = 256;
    c->redis_batch_ms = 10;
    c->redis_connect_timeout_ms = 1000;
    c->redis_command_timeout_ms = 2000;
    c->redis_backoff_max_ms = 5000;
    strcpy(c->redis_spool_path, "firedamp-redis.spool");
    c->redis_spool_max_mb = 256;
    c->redis_heartbeat_s = 10;
    c->redis_queue_kb = 16384;
    c->workers = 1;
    strcpy(c->dispatch, "replicate");
    c->dissector_memory_mb = 32;
    c->lent_memory_mb = 64;
    decode_cfg_default(&c->decode);
    c->flow.max_flows = 262144;
    c->flow.timeout_s[FLOW_TC_TCP_NEW] = 60;
    c->flow.timeout_s[FLOW_TC_TCP_EST] = 600;
    c->flow.timeout_s[FLOW_TC_TCP_CLOSED] = 30;
    c->flow.timeout_s[FLOW_TC_UDP] = 120;
    c->flow.timeout_s[FLOW_TC_OTHER] = 60;
    c->flow.use_vlan = 1;
    c->flow.use_tunnel_id = 1;
    c->stream.depth = 1 << 20;
    c->stream.max_ooo_segs = 64;
    c->stream.max_tail = 65536;
    c->stream_memcap_mb = 64;
    c->ndpi_enabled = 1;
    c->ndpi_max_packets = 24;
    c->ndpi_max_inflight = 65536;
    c->pool_addresses = 65536;
    c->docker_worm_daemons = 3;
    c->docker_tls_ports[0] = 2376;
    c->docker_worm_window_s = 3600;
    c->docker_track_hosts = 65536;
    c->dns_log_answers = 1;
    c->download_score_high = 60;
    c->download_score_medium = 30;
    strcpy(c->log_level, "info");
}

static const struct key *key_find(const char *name)
{
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        if (strcmp(keys[i].name, name) == 0)
            return &keys[i];
    return NULL;
}

static int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v;

    if (!*s || *s == '-')
        return -1;
    errno = 0;
    v = strtoull(s, &end, 0);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

static int parse_bool(const char *s, uint32_t *out)
{
    static const char *yes[] = {"1", "yes", "true", "on"}, *no[] = {"0", "no", "false", "off"};

    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = 1;
            return 0;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = 0;
            return 0;
        }
    }
    return -1;
}

/* Integer fields are 1, 2, 4 or 8 bytes wide; the table knows which. */
static void store_uint(char *base, size_t size, uint64_t v)
{
    uint8_t u8 = (uint8_t)v;
    uint16_t u16 = (uint16_t)v;
    uint32_t u32 = (uint32_t)v;

    switch (size) {
    case 1:
        memcpy(base, &u8, 1);
        break;
    case 2:
        memcpy(base, &u16, 2);
        break;
    case 4:
        memcpy(base, &u32, 4);
        break;
    default:
        memcpy(base, &v, 8);
        break;
    }
}

static uint64_t load_uint(const char *base, size_t size)
{
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t v;

    switch (size) {
    case 1:
        memcpy(&u8, base, 1);
        return u8;
    case 2:
        memcpy(&u16, base, 2);
        return u16;
    case 4:
        memcpy(&u32, base, 4);
        return u32;
    default:
        memcpy(&v, base, 8);
        return v;
    }
}

/* Sets a scalar; for K_PORTS `value` is a comma/space separated list. */
static int key_set(struct config *c, const struct key *k, const char *value, char *err,
                   size_t errlen)
{
    char *base = (char *)c + k->off;
    uint64_t v;
    uint32_t b;

    switch (k->type) {
    case K_U32:
    case K_U64:
        if (parse_u64(value, &v) || v < k->min || v > k->max) {
            snprintf(err, errlen, "%s: '%s' is not a number in %llu..%llu", k->name, value,
                     (unsigned long long)k->min, (unsigned long long)k->max);
            return -1;
        }
        store_uint(base, k->size, v);
        return 0;
    case K_BOOL:
        if (parse_bool(value, &b)) {
            snprintf(err, errlen, "%s: '%s' is not a boolean (yes/no)", k->name, value);
            return -1;
        }
        store_uint(base, k->size, b);
        return 0;
    case K_STR:
        if (strlen(value) >= k->size) {
            snprintf(err, errlen, "%s: value longer than %zu bytes", k->name, k->size - 1);
            return -1;
        }
        memcpy(base, value, strlen(value) + 1);
        return 0;
    case K_PORTS: {
        uint16_t ports[DECODE_MAX_VXLAN_PORTS] = {0};
        unsigned n = 0;
        char tmp[256], *save = NULL, *tok;
        if (strlen(value) >= sizeof(tmp)) {
            snprintf(err, errlen, "%s: list too long", k->name);
            return -1;
        }
        strcpy(tmp, value);
        for (tok = strtok_r(tmp, ", []", &save); tok; tok = strtok_r(NULL, ", []", &save)) {
            if (parse_u64(tok, &v) || v == 0 || v > 65535 || n >= DECODE_MAX_VXLAN_PORTS) {
                snprintf(err, errlen, "%s: '%s' is not a list of at most %d ports", k->name, value,
                         DECODE_MAX_VXLAN_PORTS);
                return -1;
            }
            ports[n++] = (uint16_t)v;
        }
        memcpy(base, ports, sizeof(ports));
        return 0;
    }
    }
    return -1;
}

int config_set(struct config *c, const char *key, const char *value, char *err, size_t errlen)
{
    const struct key *k = key_find(key);

    if (!k) {
        snprintf(err, errlen, "unknown config key '%s'", key);
        return -1;
    }
    return key_set(c, k, value, err, errlen);
}

/* ---- YAML --------------------------------------------------------------- */

static int yaml_walk(struct config *c, yaml_document_t *doc, yaml_node_t *node, char *path,
                     size_t plen, const char *file, char *err, size_t errlen);

static int yaml_leaf(struct config *c, yaml_document_t *doc, yaml_node_t *node, const char *path,
                     const char *file, char *err, size_t errlen)
{
    const struct key *k = key_find(path);
    char e[256], list[256];
    size_t used = 0;

    if (!k) {
        snprintf(err, errlen, "%s:%zu: unknown config key '%s'", file, node->start_mark.line + 1,
                 path);
        return -1;
    }
    if (node->type == YAML_SCALAR_NODE) {
        if (key_set(c, k, (const char *)node->data.scalar.value, e, sizeof(e)) == 0)
            return 0;
    } else if (node->type == YAML_SEQUENCE_NODE && k->type == K_PORTS) {
        list[0] = '\0';
        for (yaml_node_item_t *it = node->data.sequence.items.start;
             it < node->data.sequence.items.top; it++) {
            yaml_node_t *item = yaml_document_get_node(doc, *it);
            int n;
            if (!item || item->type != YAML_SCALAR_NODE)
                break;
            n = snprintf(list + used, sizeof(list) - used, "%s,", item->data.scalar.value);
            if (n < 0 || (size_t)n >= sizeof(list) - used)
                break;
            used += (size_t)n;
        }
        if (key_set(c, k, list, e, sizeof(e)) == 0)
            return 0;
    } else {
        snprintf(e, sizeof(e), "%s: expected a single value", path);
    }
    snprintf(err, errlen, "%s:%zu: %s", file, node->start_mark.line + 1, e);
    return -1;
}

static int yaml_walk(struct config *c, yaml_document_t *doc, yaml_node_t *node, char *path,
                     size_t plen, const char *file, char *err, size_t errlen)
{
    if (node->type != YAML_MAPPING_NODE)
        return yaml_leaf(c, doc, node, path, file, err, errlen);
    for (yaml_node_pair_t *pr = node->data.mapping.pairs.start; pr < node->data.mapping.pairs.top;
         pr++) {
        yaml_node_t *kn = yaml_document_get_node(doc, pr->key);
        yaml_node_t *vn = yaml_document_get_node(doc, pr->value);
        size_t klen, nlen;
        if (!kn || !vn || kn->type != YAML_SCALAR_NODE) {
            snprintf(err, errlen, "%s: mapping keys must be plain names", file);
            return -1;
        }
        klen = kn->data.scalar.length;
        nlen = plen + (plen ? 1 : 0) + klen;
        if (nlen >= 256) {
            snprintf(err, errlen, "%s:%zu: key path too long", file, kn->start_mark.line + 1);
            return -1;
        }
        if (plen)
            path[plen] = '.';
        memcpy(path + plen + (plen ? 1 : 0), kn->data.scalar.value, klen);
        path[nlen] = '\0';
        if (vn->type == YAML_SCALAR_NODE && vn->data.scalar.length == 0 &&
            vn->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !key_find(path)) {
            /* "section:" with nothing under it */
            path[plen] = '\0';
            continue;
        }
        if (yaml_walk(c, doc, vn, path, nlen, file, err, errlen))
            return -1;
        path[plen] = '\0';
    }
    return 0;
}

int config_load_file(struct config *c, const char *path, char *err, size_t errlen)
{
    FILE *fp = fopen(path, "rb");
    yaml_parser_t parser;
    yaml_document_t doc;
    yaml_node_t *root;
    char keypath[256] = "";
    int rc = -1;

    if (!fp) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (!yaml_parser_initialize(&parser)) {
        fclose(fp);
        snprintf(err, errlen, "%s: cannot initialise the YAML parser", path);
        return -1;
    }
    yaml_parser_set_input_file(&parser, fp);
    if (!yaml_parser_load(&parser, &doc)) {
        snprintf(err, errlen, "%s:%zu: YAML error: %s", path, parser.problem_mark.line + 1,
                 parser.problem ? parser.problem : "unknown");
        goto out_parser;
    }
    root = yaml_document_get_root_node(&doc);
    if (!root) {
        rc = 0; /* an empty file changes nothing */
        goto out_doc;
    }
    if (root->type != YAML_MAPPING_NODE) {
        snprintf(err, errlen, "%s: the top level must be a mapping of sections", path);
        goto out_doc;
    }
    rc = yaml_walk(c, &doc, root, keypath, 0, path, err, errlen);
out_doc:
    yaml_document_delete(&doc);
out_parser:
    yaml_parser_delete(&parser);
    fclose(fp);
    return rc;
}

void config_finish(struct config *c)
{
    uint64_t r = 0;

    /* the run's part of every event_id: random, or zero for golden tests */
    if (!c->deterministic && getrandom(&r, sizeof(r), 0) != (ssize_t)sizeof(r))
        r = (uint64_t)time(NULL) << 20 ^ (uint64_t)getpid();
    snprintf(c->run_id, sizeof(c->run_id), "%016llx", (unsigned long long)r);
    if (c->sensor_name[0])
        return;
    if (c->deterministic || gethostname(c->sensor_name, sizeof(c->sensor_name) - 1) != 0 ||
        !c->sensor_name[0])
        strcpy(c->sensor_name, "firedamp");
}

int config_check(const struct config *c, char *err, size_t errlen)
{
    if (c->nread && c->iface[0]) {
        snprintf(err, errlen, "-r and -i cannot be used together");
        return -1;
    }
    if (!c->nread && !c->iface[0]) {
        snprintf(err, errlen, "nothing to read: give -r FILE or -i INTERFACE");
        return -1;
    }
    if (strcmp(c->dispatch, "replicate") != 0 && strcmp(c->dispatch, "fanout") != 0 &&
        strcmp(c->dispatch, "fanout_inner") != 0) {
        snprintf(err, errlen, "engine.dispatch: '%s' is not replicate, fanout or fanout_inner",
                 c->dispatch);
        return -1;
    }
    if (strcmp(c->dispatch, "replicate") != 0 && c->workers > 1 && !c->iface[0]) {
        snprintf(err, errlen, "engine.dispatch: %s is for live capture (-i); files use replicate",
                 c->dispatch);
        return -1;
    }
    for (unsigned i = 0; i < c->nread && c->workers > 1; i++)
        if (strcmp(c->read_files[i], "-") == 0) {
            snprintf(err, errlen,
                     "engine.workers: with %u workers each reads every file; stdin (-r -) can "
                     "be read only once",
                     c->workers);
            return -1;
        }
    if (c->download_score_medium > c->download_score_high) {
        snprintf(err, errlen, "download.score_medium (%u) is above download.score_high (%u)",
                 c->download_score_medium, c->download_score_high);
        return -1;
    }
    if (log_level_parse(c->log_level) < 0) {
        snprintf(err, errlen, "log.level: '%s' is not error, warning, notice, info or debug",
                 c->log_level);
        return -1;
    }
    if ((uint64_t)c->queue_kb * 1024 < (uint64_t)c->max_event_bytes * 4) {
        snprintf(err, errlen, "output.queue_kb must hold at least 4 events of max_event_bytes");
        return -1;
    }
    return 0;
}

void config_dump(const struct config *c, FILE *out)
{
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        const struct key *k = &keys[i];
        const char *base = (const char *)c + k->off;
        uint16_t p[DECODE_MAX_VXLAN_PORTS];

        fprintf(out, "%s: ", k->name);
        switch (k->type) {
        case K_U32:
        case K_U64:
            fprintf(out, "%llu", (unsigned long long)load_uint(base, k->size));
            break;
        case K_BOOL:
            fprintf(out, "%s", load_uint(base, k->size) ? "yes" : "no");
            break;
        case K_STR:
            fprintf(out, "\"%s\"", base);
            break;
        case K_PORTS:
            memcpy(p, base, sizeof(p));
            fputc('[', out);
            for (unsigned j = 0, first = 1; j < DECODE_MAX_VXLAN_PORTS; j++) {
                if (!p[j])
                    continue;
                fprintf(out, "%s%u", first ? "" : ", ", p[j]);
                first = 0;
            }
            fputc(']', out);
            break;
        }
        fprintf(out, "    # %s\n", k->help);
    }
}
