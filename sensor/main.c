/*
 * main.c - firedamp: command line and config, then the threads: one worker
 * thread per pipeline, and this thread as the output thread (drains the
 * workers' event queues into the JSON-lines output and the flow log, writes
 * periodic and final stats, handles signals). With --redis it also hands
 * every line it writes to the Redis output (redis_out.c), which delivers them
 * from its own thread: the same bytes as the file. --tail is the other side:
 * a reader of the stream (tail.c).
 *
 * Exit codes: 0 success, 1 runtime error (unreadable or truncated capture,
 * output failure), 2 usage or configuration error. Every error is one line
 * on stderr naming the file or flag and the reason; nothing is written to
 * the output before the arguments, the config and the inputs have been
 * checked.
 *
 * Started as root, main opens the live capture, then gives up root
 * (privdrop.h) before any thread exists: workers, the Redis thread and the
 * output loop all run as the unprivileged user with at most CAP_NET_RAW.
 * Messages go through log.h (one line each, journald priorities).
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "capture.h"
#include "classify.h"
#include "config.h"
#include "docker_policy.h"
#include "hostmap.h"
#include "log.h"
#include "namelist.h"
#include "privdrop.h"
#include "redis_out.h"
#include "sig.h"
#include "stats.h"
#include "tail.h"
#include "worker.h"

#define EXIT_RUNTIME       1
#define EXIT_USAGE         2
#define DETERMINISTIC_SEED 0x66697265646d7031ULL /* "firedmp1" */

static volatile sig_atomic_t stop_requested;
static volatile sig_atomic_t stats_requested;
static volatile sig_atomic_t reload_requested;

/*
 * What SIGHUP reloads, as one unit: the signature rules and lists, the Docker
 * image names, the script indicators and the IOC lists of one signature dir.
 * A reload builds a whole new set beside the one in use and switches only
 * when every file loaded; the old set is freed once every worker has moved
 * to the new one (each at a point between packets).
 */
struct ruleset {
    struct sigdb *db;
    struct namelist *images;
    struct indicator_set *ind;
    struct ioc_set *ioc;
    struct c2_policy c2;
    struct worker_rules wr; /* what the workers see of it */
    char dir[CONFIG_PATH_MAX];
};

struct run {
    struct config cfg;
    struct ruleset *rules;    /* in use */
    struct ruleset *retiring; /* replaced, still read by a worker that has not moved on */
    uint64_t reloads, reload_failures;
    struct hostmap *pools;
    uint64_t main_seq;                        /* events of the main thread (stats), for event_id */
    uint64_t prev_packets[STATS_MAX_WORKERS]; /* per-worker packets at the previous stats */
    double prev_stats_s;                      /* uptime then */
    struct docker_policy docker;
    struct worker *workers;
    pthread_t *threads;
    _Atomic unsigned running;
    _Atomic int failed;   /* a worker hit a runtime error */
    struct capture *caps; /* the capture each worker has open, for breakloop */
    FILE *out, *flow_out;
    struct redis_out *redis; /* NULL: no Redis output */
    int tail;                /* --tail: read the stream instead of capturing */
    const char *tail_group, *tail_consumer;
    uint64_t written, flow_written, out_errors;
    int out_err_reported;
    int broke; /* captures told to stop */
    struct timespec start;
    struct privdrop priv; /* decided in parse_args, carried out in main */
};

__attribute__((format(printf, 1, 2))) static void usage_error(const char *fmt, ...)
{
    va_list ap;
    char msg[LOG_LINE_MAX];

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    log_msg(LOG_ERR, "%s (see firedamp --help)", msg);
    exit(EXIT_USAGE);
}

static void help(void)
{
    fputs(
        "NAME\n"
        "    firedamp - detect cryptojacking on the wire: Stratum mining, Docker API abuse,\n"
        "    C2 script and binary downloads\n"
        "\n"
        "SYNOPSIS\n"
        "    firedamp [options] -r FILE [-r FILE ...]\n"
        "    firedamp [options] -i INTERFACE\n"
        "    firedamp --tail [--redis URL] [--group G] [--consumer C]\n"
        "\n"
        "DESCRIPTION\n"
        "    Reads packets from capture files (pcap or pcapng, '-' for stdin) or a live\n"
        "    interface, follows flows and TCP streams (VLAN, QinQ, MPLS, GRE, ERSPAN,\n"
        "    VXLAN and GENEVE are decapsulated), classifies them with nDPI, dissects the\n"
        "    protocols it knows and writes one JSON object per line for every event.\n"
        "    Event fields are documented in docs/EVENTS.md.\n"
        "\n"
        "INPUT\n"
        "    -r, --read FILE        read a capture file; repeat to read several in order\n"
        "    -i, --interface IFACE  capture live on IFACE (memory-mapped ring, zero copy)\n"
        "    -f, --filter BPF       BPF filter expression applied to the input\n"
        "    -s, --snaplen N        bytes captured per packet (live; default 262144)\n"
        "    -B, --buffer-size MIB  kernel ring buffer size in MiB (live; default 64)\n"
        "    -p, --no-promisc       do not put the interface in promiscuous mode\n"
        "\n"
        "OUTPUT\n"
        "    -o, --output PATH      write JSON lines to PATH ('-' = stdout, the default)\n"
        "        --flow-log PATH    also write one flow record per flow to PATH\n"
        "        --redis URL        also deliver every event to Redis, at least once:\n"
        "                           redis://[[user]:password@]host[:port][/db] or\n"
        "                           unix:///path[?db=N]; modes, keys and the spool of\n"
        "                           undelivered events are the redis.* config keys\n"
        "        --sensor-name NAME value of the sensor field (default: host name)\n"
        "        --stats-interval S seconds between stats events (0: final only)\n"
        "        --deterministic    reproducible output for tests: fixed hash seed,\n"
        "                           sensor name 'firedamp' unless set, no wall-clock\n"
        "                           fields, no periodic stats\n"
        "\n"
        "CONFIGURATION\n"
        "    -c, --config FILE      YAML config file (see firedamp.yaml); flags win\n"
        "        --set KEY=VALUE    set any config key, e.g. --set flow.max_flows=100000\n"
        "        --dump-config      print every config key with its value and exit\n"
        "\n"
        "PRIVILEGES AND LOGGING\n"
        "        --user NAME        started as root, become NAME once the capture is open\n"
        "                           (engine.user; default: firedamp if that account\n"
        "                           exists, else nobody). Live capture (-i) always drops,\n"
        "                           keeping only CAP_NET_RAW; reading files (-r) as root\n"
        "                           drops only when a user is named (the files are opened\n"
        "                           after the drop: NAME must be able to read them). Not\n"
        "                           started as root: nothing changes\n"
        "        --allow-root       let workers run as root (engine.allow_root): without\n"
        "                           it a user that is uid 0 is refused (exit 2)\n"
        "        --log-level LEVEL  error, warning, notice, info (default) or debug\n"
        "                           (log.level); under systemd lines carry the journal's\n"
        "                           <N> priority prefix\n"
        "\n"
        "READING EVENTS BACK\n"
        "        --tail             follow the Redis stream (redis.stream_key) with a\n"
        "                           consumer group and print one line per event\n"
        "        --group G          consumer group (default firedamp-tail)\n"
        "        --consumer C       consumer name (default tail@<host name>)\n"
        "\n"
        "OTHER\n"
        "    -h, --help             this text\n"
        "    -V, --version          version of firedamp and of the libraries it uses\n"
        "\n"
        "SIGNALS\n"
        "    SIGHUP                 reload the signature dir (rules, lists, Docker image\n"
        "                           names, script indicators, IOCs) beside the set in use;\n"
        "                           workers switch between two packets, flows and queued\n"
        "                           events are kept; a file that does not load keeps the\n"
        "                           old set and stderr says why\n"
        "    SIGTERM, SIGINT        end every open flow with its final events, flush the\n"
        "                           outputs (and Redis or its spool), exit 0\n"
        "    SIGUSR1                write a stats event now\n"
        "\n"
        "EXIT STATUS\n"
        "    0 success; 1 runtime error (unreadable or truncated capture, output failure);\n"
        "    2 usage or configuration error.\n"
        "\n"
        "EXAMPLES\n"
        "    firedamp -r pcaps/tcp-midstream.pcap\n"
        "    firedamp -i eth1 -f 'not port 22' -o /var/log/firedamp/eve.json\n"
        "    firedamp -c firedamp.yaml -r a.pcap -r b.pcapng --flow-log flows.json\n"
        "    firedamp -i eth1 -o eve.json --redis redis://127.0.0.1:6379/0\n"
        "    firedamp --tail --redis redis://127.0.0.1:6379/0\n"
        "    firedamp -r big.pcap --set engine.workers=2 -o /dev/null   (two workers, replicate)\n"
        "    firedamp -i eth1 --set engine.workers=4 --set engine.dispatch=fanout\n"
        "    firedamp -i eth0 -f 'udp port 4789' --set engine.workers=4 \\\n"
        "        --set engine.dispatch=fanout_inner   (a VXLAN mirror: split by inner flow)\n"
        "    firedamp -i eth1 -c /etc/firedamp/firedamp.yaml --user firedamp   (as root;\n"
        "        what the firedamp@eth1 systemd unit runs)\n",
        stdout);
}

static void version(void)
{
    printf("firedamp %s\nlibpcap: %s\nnDPI: %s\n", FIREDAMP_VERSION, pcap_lib_version(),
           classify_ndpi_version());
}

enum {
    OPT_FLOW_LOG = 256,
    OPT_REDIS,
    OPT_SENSOR_NAME,
    OPT_STATS_INTERVAL,
    OPT_DETERMINISTIC,
    OPT_SET,
    OPT_DUMP_CONFIG,
    OPT_TAIL,
    OPT_GROUP,
    OPT_CONSUMER,
    OPT_USER,
    OPT_ALLOW_ROOT,
    OPT_LOG_LEVEL,
};

static const struct option long_opts[] = {
    {"read", required_argument, NULL, 'r'},
    {"interface", required_argument, NULL, 'i'},
    {"filter", required_argument, NULL, 'f'},
    {"snaplen", required_argument, NULL, 's'},
    {"buffer-size", required_argument, NULL, 'B'},
    {"no-promisc", no_argument, NULL, 'p'},
    {"output", required_argument, NULL, 'o'},
    {"config", required_argument, NULL, 'c'},
    {"flow-log", required_argument, NULL, OPT_FLOW_LOG},
    {"redis", required_argument, NULL, OPT_REDIS},
    {"sensor-name", required_argument, NULL, OPT_SENSOR_NAME},
    {"stats-interval", required_argument, NULL, OPT_STATS_INTERVAL},
    {"deterministic", no_argument, NULL, OPT_DETERMINISTIC},
    {"set", required_argument, NULL, OPT_SET},
    {"dump-config", no_argument, NULL, OPT_DUMP_CONFIG},
    {"tail", no_argument, NULL, OPT_TAIL},
    {"group", required_argument, NULL, OPT_GROUP},
    {"consumer", required_argument, NULL, OPT_CONSUMER},
    {"user", required_argument, NULL, OPT_USER},
    {"allow-root", no_argument, NULL, OPT_ALLOW_ROOT},
    {"log-level", required_argument, NULL, OPT_LOG_LEVEL},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};
static const char short_opts[] = "r:i:f:s:B:po:c:hV";

/* A flag that is a config key: same checks as in the file. */
static void set_key(struct config *c, const char *flag, const char *key, const char *val)
{
    char err[512];

    if (config_set(c, key, val, err, sizeof(err)) != 0)
        usage_error("%s: %s", flag, err);
}

static void parse_args(struct run *r, int argc, char **argv)
{
    struct config *c = &r->cfg;
    char err[512];
    int opt, dump = 0;
    const char *config_path = NULL;

    /* pass 1: the config file, so that flags given anywhere override it */
    opterr = 0;
    while ((opt = getopt_long(argc, argv, short_opts, long_opts, NULL)) != -1) {
        if (opt == 'c')
            config_path = optarg;
    }
    if (config_path && config_load_file(c, config_path, err, sizeof(err)) != 0) {
        log_msg(LOG_ERR, "config: %s", err);
        exit(EXIT_USAGE);
    }
    optind = 1;
    opterr = 1;
    while ((opt = getopt_long(argc, argv, short_opts, long_opts, NULL)) != -1) {
        switch (opt) {
        case 'r':
            if (c->nread >= CONFIG_MAX_FILES)
                usage_error("-r: at most %d files", CONFIG_MAX_FILES);
            c->read_files[c->nread++] = optarg;
            break;
        case 'i':
            set_key(c, "-i", "capture.interface", optarg);
            break;
        case 'f':
            set_key(c, "-f", "capture.bpf", optarg);
            break;
        case 's':
            set_key(c, "-s", "capture.snaplen", optarg);
            break;
        case 'B':
            set_key(c, "-B", "capture.buffer_mb", optarg);
            break;
        case 'p':
            c->promisc = 0;
            break;
        case 'o':
            set_key(c, "-o", "output.path", optarg);
            break;
        case 'c':
            break;
        case OPT_FLOW_LOG:
            set_key(c, "--flow-log", "output.flow_log", optarg);
            break;
        case OPT_REDIS:
            set_key(c, "--redis", "output.redis", optarg);
            break;
        case OPT_SENSOR_NAME:
            set_key(c, "--sensor-name", "output.sensor_name", optarg);
            break;
        case OPT_STATS_INTERVAL:
            set_key(c, "--stats-interval", "output.stats_interval", optarg);
            break;
        case OPT_DETERMINISTIC:
            c->deterministic = 1;
            break;
        case OPT_SET: {
            char key[256];
            const char *eq = strchr(optarg, '=');
            if (!eq || eq == optarg || (size_t)(eq - optarg) >= sizeof(key))
                usage_error("--set: expected KEY=VALUE, got '%s'", optarg);
            memcpy(key, optarg, (size_t)(eq - optarg));
            key[eq - optarg] = '\0';
            set_key(c, "--set", key, eq + 1);
            break;
        }
        case OPT_DUMP_CONFIG:
            dump = 1;
            break;
        case OPT_TAIL:
            r->tail = 1;
            break;
        case OPT_GROUP:
            r->tail_group = optarg;
            break;
        case OPT_CONSUMER:
            r->tail_consumer = optarg;
            break;
        case OPT_USER:
            set_key(c, "--user", "engine.user", optarg);
            break;
        case OPT_ALLOW_ROOT:
            c->allow_root = 1;
            break;
        case OPT_LOG_LEVEL:
            set_key(c, "--log-level", "log.level", optarg);
            if (log_level_parse(c->log_level) < 0)
                usage_error("--log-level: '%s' is not error, warning, notice, info or debug",
                            optarg);
            break;
        case 'h':
            help();
            exit(0);
        case 'V':
            version();
            exit(0);
        default:
            /* getopt printed what was wrong */
            log_msg(LOG_ERR, "see firedamp --help");
            exit(EXIT_USAGE);
        }
    }
    if (optind < argc)
        usage_error("unexpected argument '%s'", argv[optind]);
    if (c->deterministic) {
        c->flow.hash_seed = DETERMINISTIC_SEED;
        c->stats_interval_s = 0;
    }
    config_finish(c);
    if (log_level_parse(c->log_level) < 0)
        usage_error("log.level: '%s' is not error, warning, notice, info or debug", c->log_level);
    log_set_level(log_level_parse(c->log_level));
    if (dump) {
        config_dump(c, stdout);
        exit(0);
    }
    if (r->tail) {
        if (c->nread || c->iface[0])
            usage_error("--tail reads Redis: it takes no -r or -i");
        if (!c->redis_url[0])
            strcpy(c->redis_url, "redis://127.0.0.1:6379/0");
        if (redis_out_check(c, err, sizeof(err)) != 0)
            usage_error("%s", err);
        return;
    }
    if (r->tail_group || r->tail_consumer)
        usage_error("--group and --consumer go with --tail");
    if (config_check(c, err, sizeof(err)) != 0)
        usage_error("%s", err);
    if (c->redis_url[0] && redis_out_check(c, err, sizeof(err)) != 0)
        usage_error("%s", err);
    /* a refusal or an unknown user is a usage error, found before any output exists */
    if (privdrop_plan(&r->priv, c->user, (int)c->allow_root, c->iface[0] != '\0', err,
                      sizeof(err)) != 0)
        usage_error("%s", err);
    c->fanout_group = (uint32_t)getpid() & 0xffff;
}

/* Checks inputs before any output exists: files readable, BPF valid. */
static void check_inputs(struct run *r)
{
    struct config *c = &r->cfg;
    struct capture cap;

    if (c->bpf[0]) {
        pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
        struct bpf_program prog;
        if (!dead || pcap_compile(dead, &prog, c->bpf, 1, PCAP_NETMASK_UNKNOWN) != 0)
            usage_error("-f: bad BPF filter '%s': %s", c->bpf,
                        dead ? pcap_geterr(dead) : "out of memory");
        pcap_freecode(&prog);
        pcap_close(dead);
    }
    for (unsigned i = 0; i < c->nread; i++) {
        struct stat st;
        /* stdin, a pipe or a FIFO can be opened only once: checked when read */
        if (strcmp(c->read_files[i], "-") == 0 ||
            (stat(c->read_files[i], &st) == 0 && !S_ISREG(st.st_mode)))
            continue;
        if (capture_open_file(&cap, c->read_files[i], c) != 0) {
            log_msg(LOG_ERR, "%s", cap.errstr);
            exit(EXIT_RUNTIME);
        }
        capture_close(&cap);
    }
}

static void ruleset_free(struct ruleset *rs)
{
    if (!rs)
        return;
    sig_free(rs->db);
    namelist_free(rs->images);
    indicators_free(rs->ind);
    ioc_free(rs->ioc);
    free(rs);
}

/*
 * Loads the signature dir: signatures.dir, else ./signatures, else the
 * installed one. Each file of it but the rules is optional (a custom dir may
 * leave them out: no Docker image names, no indicators, no IOC checks); one
 * that is there must load. Returns the set, or NULL with the reason in err.
 * With no signature dir at all: an empty set (no alerts), and *none set.
 */
static struct ruleset *ruleset_load(const struct config *cfg, int *none, char *err, size_t errlen)
{
    const char *candidates[] = {"signatures", FIREDAMP_DATADIR "/signatures"};
    struct ruleset *rs = calloc(1, sizeof(*rs));
    char e[512], path[CONFIG_PATH_MAX + 32];
    struct stat st;

    *none = 0;
    if (!rs) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    rs->c2.score_high = cfg->download_score_high;
    rs->c2.score_medium = cfg->download_score_medium;
    if (cfg->sig_dir[0]) {
        snprintf(rs->dir, sizeof(rs->dir), "%s", cfg->sig_dir);
    } else {
        for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]) && !rs->dir[0]; i++)
            if (stat(candidates[i], &st) == 0 && S_ISDIR(st.st_mode))
                snprintf(rs->dir, sizeof(rs->dir), "%s", candidates[i]);
    }
    if (!rs->dir[0]) {
        *none = 1;
        goto done;
    }
    rs->db = sig_load(rs->dir, e, sizeof(e));
    if (!rs->db)
        goto fail;
    snprintf(path, sizeof(path), "%s/docker-images.names", rs->dir);
    rs->images = namelist_load(path, e, sizeof(e));
    if (!rs->images)
        goto fail;
    snprintf(path, sizeof(path), "%s/script.indicators", rs->dir);
    if (stat(path, &st) == 0 && !(rs->ind = indicators_load(path, e, sizeof(e))))
        goto fail;
    snprintf(path, sizeof(path), "%s/c2.ioc", rs->dir);
    if (stat(path, &st) == 0 && !(rs->ioc = ioc_load(path, e, sizeof(e))))
        goto fail;
done:
    rs->c2.ind = rs->ind;
    rs->c2.ioc = rs->ioc;
    rs->wr.db = rs->db;
    rs->wr.c2 = &rs->c2;
    return rs;
fail:
    snprintf(err, errlen, "%s", e);
    ruleset_free(rs);
    return NULL;
}

/*
 * Finds and loads the signatures: the configured directory (an error if it
 * does not load), else ./signatures, else the installed copy. Without any,
 * the sensor still runs and says on stderr that it raises no alerts.
 */
static void load_rules(struct run *r)
{
    char err[512];
    int none;

    r->rules = ruleset_load(&r->cfg, &none, err, sizeof(err));
    if (!r->rules)
        usage_error("signatures: %s", err);
    if (none)
        log_msg(LOG_WARNING,
                "no signatures found (./signatures, %s/signatures): "
                "no alerts will be raised; set signatures.dir",
                FIREDAMP_DATADIR);
}

/* The Docker policy: admin allowlist, IOC images of the signature dir, worm settings. */
static void load_docker_policy(struct run *r)
{
    char err[512];

    if (cidr_parse(&r->docker.admin, r->cfg.docker_admin, err, sizeof(err)) != 0)
        usage_error("docker.admin_sources: %s", err);
    atomic_store(&r->docker.images, r->rules->images);
    r->docker.worm_daemons = r->cfg.docker_worm_daemons;
    r->docker.worm_window_us = (uint64_t)r->cfg.docker_worm_window_s * 1000000;
    if (docker_policy_init(&r->docker, r->cfg.docker_track_hosts) != 0) {
        log_msg(LOG_ERR, "out of memory for the Docker worm table");
        exit(EXIT_RUNTIME);
    }
}

/*
 * SIGHUP: loads the signature dir again beside the set in use. A file that
 * does not load keeps the old set (and says why); otherwise the workers are
 * told to move to the new set between two packets, and no packet, flow or
 * queued event is touched. One reload at a time: a SIGHUP while workers are
 * still moving waits for them.
 */
static void reload_rules(struct run *r)
{
    struct ruleset *rs;
    char err[512];
    int none;

    rs = ruleset_load(&r->cfg, &none, err, sizeof(err));
    if (!rs || none) {
        r->reload_failures++;
        log_msg(LOG_ERR, "reload: %s; keeping the %u rules loaded before",
                rs ? "no signature dir found" : err,
                r->rules->db ? sig_rule_count(r->rules->db) : 0);
        ruleset_free(rs);
        return;
    }
    r->retiring = r->rules;
    r->rules = rs;
    atomic_store(&r->docker.images, rs->images);
    for (unsigned i = 0; i < r->cfg.workers; i++)
        worker_rules_offer(&r->workers[i], &rs->wr);
    r->reloads++;
    log_msg(LOG_NOTICE, "reload: %s: %u rules, %u pool names, %u script indicators, %u IOCs",
            rs->dir, sig_rule_count(rs->db), sig_list_entries(rs->db, "pools"),
            indicators_count(rs->ind),
            ioc_count(rs->ioc, IOC_DOMAIN) + ioc_count(rs->ioc, IOC_IP) +
                ioc_count(rs->ioc, IOC_URL) + ioc_count(rs->ioc, IOC_SHA256));
}

/* Frees the replaced set once no worker can be reading it any more. */
static void retire_rules(struct run *r)
{
    if (!r->retiring)
        return;
    for (unsigned i = 0; i < r->cfg.workers; i++)
        if (!worker_rules_taken(&r->workers[i], &r->rules->wr))
            return;
    ruleset_free(r->retiring);
    r->retiring = NULL;
}

static FILE *open_output(const char *path, const char *what)
{
    FILE *f;

    if (strcmp(path, "-") == 0)
        return stdout;
    f = fopen(path, "a");
    if (!f) {
        log_msg(LOG_ERR, "%s %s: %s", what, path, strerror(errno));
        exit(EXIT_RUNTIME);
    }
    return f;
}

/*
 * Opens every worker's live capture here, in the one thread there is, so
 * that root can be given up before any thread exists (capabilities are per
 * thread). A capture that does not open is left closed: its worker tries
 * again, with CAP_NET_RAW, and reports why if it still fails.
 */
static void open_live(struct run *r)
{
    if (!r->cfg.iface[0])
        return;
    for (unsigned i = 0; i < r->cfg.workers; i++)
        if (capture_open_live(&r->caps[i], &r->cfg) != 0)
            log_msg(LOG_DEBUG, "worker %u: %s (its worker tries again)", i, r->caps[i].errstr);
}

/* ---- workers ------------------------------------------------------------ */

struct worker_arg {
    struct run *r;
    unsigned id;
};

/*
 * Every worker reads every file (replicate mode): the same problem would be
 * told once per worker, so only worker 0 tells it; each still counts it.
 */
static int quiet(const struct run *r, const struct worker *w)
{
    return w->id != 0 && !r->cfg.iface[0];
}

/*
 * A lost interface is retried every RETRY_MIN_S, doubling to RETRY_MAX_S
 * while it stays away, and across reopens that fail again within
 * RETRY_RESET_S (a flapping link); one that ran longer starts again at
 * RETRY_MIN_S. Sleeps are cut in RETRY_STEP_MS steps so that SIGTERM is
 * seen within one step.
 */
#define RETRY_MIN_S   1
#define RETRY_MAX_S   30
#define RETRY_RESET_S 60
#define RETRY_STEP_MS 100

/*
 * Closes a live capture that failed and reopens it, with backoff, until it
 * is back (0) or a stop is requested (1). One line when it goes, one when
 * the reason changes, one when it is back. The worker keeps publishing its
 * counters while it waits.
 */
static int retry_live(struct run *r, struct worker *w, struct capture *cap, unsigned *delay_s,
                      const char *what)
{
    char why[sizeof(cap->errstr)];
    const char *tag = r->cfg.workers > 1 ? " worker " : "";
    char id[16] = "";
    unsigned waited = 0;

    if (r->cfg.workers > 1)
        snprintf(id, sizeof(id), "%u", w->id);
    snprintf(why, sizeof(why), "%s", cap->errstr);
    log_msg(LOG_ERR, "capture %s%s%s: %s (%s); retrying every %u s, backing off to %u s", cap->name,
            tag, id, what, why, *delay_s, RETRY_MAX_S);
    for (;;) {
        for (unsigned ms = 0; ms < *delay_s * 1000; ms += RETRY_STEP_MS) {
            struct timespec ts = {0, RETRY_STEP_MS * 1000000L};
            if (stop_requested)
                return 1;
            nanosleep(&ts, NULL);
        }
        waited += *delay_s;
        if (stop_requested)
            return 1;
        worker_publish(w);
        if (capture_reopen_live(cap, &r->cfg) == 0) {
            log_msg(LOG_NOTICE, "capture %s%s%s: reopened after %u s (reopen %llu)", cap->name, tag,
                    id, waited, (unsigned long long)cap->reopens);
            return 0;
        }
        if (*delay_s < RETRY_MAX_S)
            *delay_s = *delay_s * 2 > RETRY_MAX_S ? RETRY_MAX_S : *delay_s * 2;
        if (strcmp(why, cap->errstr) != 0) {
            snprintf(why, sizeof(why), "%s", cap->errstr);
            log_msg(LOG_ERR, "capture %s%s%s: still down (%s); next try in %u s", cap->name, tag,
                    id, why, *delay_s);
        }
    }
}

static int read_capture(struct run *r, struct worker *w, struct capture *cap)
{
    unsigned delay_s = RETRY_MIN_S;
    struct timespec up, now;
    int n;

    clock_gettime(CLOCK_MONOTONIC, &up);
    w->linktype = cap->linktype;
    for (;;) {
        if (stop_requested)
            return 0;
        n = capture_dispatch(cap, 4096, worker_pcap_cb, (u_char *)w);
        if (n == -2)
            return 0;
        if (n == 0 && cap->live)
            worker_publish(w); /* an idle link still reports its counters */
        if (n == -1 && cap->live) {
            /*
             * After a good start every live error is the interface going
             * away (deleted, driver reset, "The interface went down"): wait
             * for it rather than end the sensor. The error path always
             * sleeps, so an error repeated at once cannot spin.
             */
            clock_gettime(CLOCK_MONOTONIC, &now);
            if (now.tv_sec - up.tv_sec >= RETRY_RESET_S)
                delay_s = RETRY_MIN_S;
            else if (cap->reopens) /* flapping: back off across reopens too */
                delay_s = delay_s * 2 > RETRY_MAX_S ? RETRY_MAX_S : delay_s * 2;
            if (retry_live(r, w, cap, &delay_s, "interface gone"))
                return 0;
            clock_gettime(CLOCK_MONOTONIC, &up);
            w->linktype = cap->linktype; /* the name may now be another kind of device */
            continue;
        }
        if (n == -1) {
            if (!quiet(r, w))
                log_msg(LOG_ERR, "%s", cap->errstr);
            return -1;
        }
    }
}

static void *worker_main(void *arg)
{
    struct worker_arg *wa = arg;
    struct run *r = wa->r;
    struct worker *w = &r->workers[wa->id];
    struct capture *cap = &r->caps[wa->id];
    const struct config *c = &r->cfg;
    char err[512];

    /* nDPI's start-up (~25 ms a worker) in parallel: all workers at once */
    if (worker_start_classifier(w, err, sizeof(err)) != 0) {
        log_msg(LOG_ERR, "worker %u: %s", wa->id, err);
        r->failed = 1;
        stop_requested = 1;
    }
    if (c->iface[0]) {
        int rc = cap->pc ? 0 : capture_open_live(cap, c); /* main opens it before the drop */
        unsigned delay_s = RETRY_MIN_S;

        /* closed by main after the join: main may call capture_break on it */
        w->cap = cap;
        /* a misspelt interface fails at once unless told to wait for it */
        if (rc != 0 && c->wait_for_interface)
            rc = retry_live(r, w, cap, &delay_s, "cannot open") ? 1 : 0;
        if (rc < 0) {
            log_msg(LOG_ERR, "%s", cap->errstr);
            r->failed = 1;
        } else if (rc == 0 && read_capture(r, w, cap) != 0) {
            r->failed = 1;
        }
    } else {
        for (unsigned i = 0; i < c->nread && !stop_requested; i++) {
            if (capture_open_file(cap, c->read_files[i], c) != 0) {
                if (!quiet(r, w))
                    log_msg(LOG_ERR, "%s", cap->errstr);
                r->failed = 1;
                continue;
            }
            if (read_capture(r, w, cap) != 0)
                r->failed = 1;
            capture_close(cap);
        }
    }
    worker_end_flows(w); /* also publishes a live capture's kernel counters one last time */
    worker_stop_classifier(w);
    worker_stopped(w); /* reads no rules any more: a reload need not wait for it */
    w->cap = NULL;
    r->running--;
    return NULL;
}

/* ---- output ------------------------------------------------------------- */

static void write_line(struct run *r, FILE *f, const char *data, uint32_t len)
{
    /* Redis gets exactly the lines of -o, whatever happens to the file */
    if (r->redis && f == r->out)
        redis_out_push(r->redis, data, len);
    if (fwrite(data, 1, len, f) != len || fputc('\n', f) == EOF) {
        r->out_errors++;
        if (!r->out_err_reported) {
            log_msg(LOG_ERR, "output write failed: %s", strerror(errno));
            r->out_err_reported = 1;
        }
        return;
    }
    if (f == r->flow_out && f != r->out)
        r->flow_written++;
    else
        r->written++;
}

/* Moves what the workers queued to the outputs. Returns records written. */
static unsigned drain(struct run *r)
{
    unsigned n = 0;

    for (unsigned i = 0; i < r->cfg.workers; i++) {
        struct evq *q = &r->workers[i].q;
        const char *data;
        uint32_t len;
        int ch;
        while (evq_peek(q, &ch, &data, &len)) {
            write_line(r, ch == EVQ_FLOWS && r->flow_out ? r->flow_out : r->out, data, len);
            evq_pop(q);
            n++;
        }
    }
    return n;
}

static double elapsed(const struct run *r)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - r->start.tv_sec) + (double)(now.tv_nsec - r->start.tv_nsec) / 1e9;
}

static void write_stats(struct run *r, int final)
{
    struct stats sum, one;
    struct stats_capture sc;
    struct event_meta meta = {r->cfg.sensor_name,
                              (uint16_t)r->cfg.community_id_seed,
                              NULL,
                              r->cfg.run_id,
                              EVENT_SOURCE_MAIN,
                              &r->main_seq};
    struct json j;
    char *buf = malloc(r->cfg.max_event_bytes);

    if (!buf)
        return;
    memset(&sum, 0, sizeof(sum));
    memset(&sc, 0, sizeof(sc));
    sc.uptime_s = elapsed(r);
    for (unsigned i = 0; i < r->cfg.workers; i++) {
        struct stats_worker *sw = &sc.workers[i < STATS_MAX_WORKERS ? i : STATS_MAX_WORKERS - 1];
        double dt = sc.uptime_s - r->prev_stats_s;

        worker_stats_snapshot(&r->workers[i], &one);
        /* the queue's own counters are current, the snapshot's may be old */
        one.queue_depth = evq_depth(&r->workers[i].q);
        one.events_dropped = atomic_load(&r->workers[i].q.dropped);
        stats_add(&sum, &one);
        if (i >= STATS_MAX_WORKERS)
            continue;
        sw->packets = one.packets;
        sw->kernel_drops = one.kernel_dropped;
        sw->flows_active = one.flows.active;
        sw->queue_depth = one.queue_depth;
        sw->queue_size = one.queue_size;
        sw->events_dropped = one.events_dropped;
        sw->pps = dt > 0 ? (double)(one.packets - r->prev_packets[i]) / dt : 0;
        r->prev_packets[i] = one.packets;
        sc.nworkers = i + 1;
    }
    r->prev_stats_s = sc.uptime_s;
    sc.final = final;
    sc.deterministic = (int)r->cfg.deterministic;
    sc.pps = sc.uptime_s > 0 ? (double)sum.packets / sc.uptime_s : 0;
    sc.files_read = r->cfg.nread;
    sc.output_written = r->written;
    sc.output_errors = r->out_errors;
    sc.flow_log_written = r->flow_written;
    if (r->redis && final) /* exact counts: what was handed over is delivered or spooled */
        redis_out_settle(r->redis, r->cfg.redis_command_timeout_ms * 2 + 1000);
    redis_out_stats_snapshot(r->redis, &sc.redis);
    if (r->rules->db) {
        sc.sig_rules = sig_rule_count(r->rules->db);
        sc.sig_pool_domains = sig_list_entries(r->rules->db, "pools");
    }
    sc.sig_reloads = r->reloads;
    sc.sig_reload_failures = r->reload_failures;
    hostmap_stats(r->pools, &sc.pool_addresses, &sc.pool_replaced, &sc.pool_memory);
    sum.events[STATS_EV_STATS]++; /* this one */
    json_init(&j, buf, r->cfg.max_event_bytes);
    stats_render(&j, &meta, &sum, &sc);
    if (!j.overflow)
        write_line(r, r->out, j.buf, (uint32_t)j.len);
    free(buf);
}

static void on_signal(int sig)
{
    if (sig == SIGUSR1)
        stats_requested = 1;
    else if (sig == SIGHUP)
        reload_requested = 1;
    else
        stop_requested = 1;
}

static void setup_signals(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

int main(int argc, char **argv)
{
    static struct run r;
    struct worker_arg *args;
    char err[512];
    double next_stats;
    int rc = 0;

    log_init();
    config_defaults(&r.cfg);
    parse_args(&r, argc, argv);
    if (r.tail)
        return tail_run(&r.cfg, r.tail_group, r.tail_consumer);
    check_inputs(&r);
    load_rules(&r);
    load_docker_policy(&r);
    r.pools = hostmap_new(r.cfg.pool_addresses);
    if (!r.pools) {
        log_msg(LOG_ERR, "out of memory for the pool address table");
        return EXIT_RUNTIME;
    }
    r.out = open_output(r.cfg.output, "output");
    if (r.cfg.flow_log[0])
        r.flow_out = strcmp(r.cfg.flow_log, r.cfg.output) == 0
                         ? r.out /* one file for both: interleaved in order */
                         : open_output(r.cfg.flow_log, "flow log");
    setup_signals();
    clock_gettime(CLOCK_MONOTONIC, &r.start);

    r.workers = calloc(r.cfg.workers, sizeof(*r.workers));
    r.threads = calloc(r.cfg.workers, sizeof(*r.threads));
    r.caps = calloc(r.cfg.workers, sizeof(*r.caps));
    args = calloc(r.cfg.workers, sizeof(*args));
    if (!r.workers || !r.threads || !r.caps || !args) {
        log_msg(LOG_ERR, "out of memory");
        return EXIT_RUNTIME;
    }
    struct worker_shared shared = {r.rules->db, r.pools, &r.docker, &r.rules->c2, 1};
    for (unsigned i = 0; i < r.cfg.workers; i++) {
        if (worker_init(&r.workers[i], i, &r.cfg, &shared, err, sizeof(err)) != 0) {
            log_msg(LOG_ERR, "worker %u: %s", i, err);
            return EXIT_RUNTIME;
        }
    }
    open_live(&r);
    if (privdrop_apply(&r.priv, err, sizeof(err)) != 0) {
        log_msg(LOG_ERR, "%s", err);
        return EXIT_RUNTIME;
    }
    if (r.priv.active)
        log_msg(LOG_INFO, "running as %s (uid %u, gid %u)%s", r.priv.user, (unsigned)r.priv.uid,
                (unsigned)r.priv.gid, r.priv.keep ? ", keeping CAP_NET_RAW" : "");
    else if (r.priv.ignored_user)
        log_msg(LOG_DEBUG, "not started as root: engine.user '%s' not used", r.cfg.user);
    if (r.cfg.redis_url[0]) {
        /*
         * After the drop: the spool is rewritten (compacted by rename) while
         * the sensor runs, so its directory must be the unprivileged user's;
         * an unusable spool is a start-up error, before anything is written.
         */
        r.redis = redis_out_start(&r.cfg, err, sizeof(err));
        if (!r.redis) {
            if (r.priv.active)
                log_msg(LOG_ERR, "%s (as user %s, after dropping root)", err, r.priv.user);
            else
                log_msg(LOG_ERR, "%s", err);
            return EXIT_RUNTIME;
        }
    }
    r.running = r.cfg.workers;
    /*
     * Signals go to this thread only: workers run with them blocked, but for
     * the ones a fault raises in the thread that faulted (blocked, the kernel
     * would kill the process instead of running capture.c's SIGBUS guard).
     */
    sigset_t all, old;
    sigfillset(&all);
    sigdelset(&all, SIGBUS);
    sigdelset(&all, SIGSEGV);
    sigdelset(&all, SIGFPE);
    sigdelset(&all, SIGILL);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    for (unsigned i = 0; i < r.cfg.workers; i++) {
        args[i].r = &r;
        args[i].id = i;
        if (pthread_create(&r.threads[i], NULL, worker_main, &args[i]) != 0) {
            log_msg(LOG_ERR, "cannot start worker thread %u", i);
            return EXIT_RUNTIME;
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);

    /* the output loop */
    next_stats = r.cfg.stats_interval_s ? (double)r.cfg.stats_interval_s : -1.0;
    for (;;) {
        unsigned running = r.running;
        unsigned n = drain(&r);
        if (stop_requested && !r.broke && r.cfg.iface[0]) {
            /*
             * An idle TPACKET_V3 ring can block in poll() indefinitely:
             * pcap_breakloop wakes it (thread-safe in libpcap >= 1.10). The
             * live handles stay open until the workers have been joined
             * (files are closed by their worker, and need no wake-up).
             */
            for (unsigned i = 0; i < r.cfg.workers; i++)
                capture_break(&r.caps[i]);
            r.broke = 1;
        }
        if (reload_requested && !r.retiring) {
            reload_requested = 0;
            reload_rules(&r);
        }
        retire_rules(&r);
        if (stats_requested || (next_stats > 0 && elapsed(&r) >= next_stats)) {
            stats_requested = 0;
            write_stats(&r, 0);
            if (r.cfg.stats_interval_s)
                next_stats = elapsed(&r) + r.cfg.stats_interval_s;
        }
        if (running == 0 && n == 0)
            break;
        if (n == 0) {
            struct timespec ts = {0, 1000000};
            fflush(r.out);
            if (r.flow_out)
                fflush(r.flow_out);
            nanosleep(&ts, NULL);
        }
    }
    for (unsigned i = 0; i < r.cfg.workers; i++) {
        pthread_join(r.threads[i], NULL);
        capture_close(&r.caps[i]);
    }
    drain(&r);
    write_stats(&r, 1);
    redis_out_stop(r.redis); /* delivers or spools the rest; says what was lost */
    if (fflush(r.out) != 0 || (r.out != stdout && fclose(r.out) != 0)) {
        log_msg(LOG_ERR, "output: %s", strerror(errno));
        rc = EXIT_RUNTIME;
    }
    if (r.flow_out && r.flow_out != r.out &&
        (fflush(r.flow_out) != 0 || (r.flow_out != stdout && fclose(r.flow_out))))
        rc = EXIT_RUNTIME;
    for (unsigned i = 0; i < r.cfg.workers; i++)
        worker_destroy(&r.workers[i]);
    ruleset_free(r.rules);
    ruleset_free(r.retiring);
    hostmap_free(r.pools);
    docker_policy_destroy(&r.docker);
    free(r.workers);
    free(r.threads);
    free(r.caps);
    free(args);
    if (r.failed || r.out_errors)
        rc = EXIT_RUNTIME;
    return rc;
}
