/*
 * docker_api.c - Docker Engine API calls on the wire (plain HTTP, any port;
 * 2375 / 4243 are only hints): every request joined with its reply and
 * reported as one fact with what the call really asks the daemon to do.
 *
 * What it does: parses both directions with http1.h (pipelined and
 * kept-alive messages, Content-Length and chunked bodies, 1xx interim
 * replies), keeps a FIFO of up to DK_PENDING_MAX unanswered requests, and for
 * each call emits one fact, type "docker_api", name "docker_api.call", when
 * the reply's head arrives (for container and exec create once the reply's
 * body with the new Id is there), or at a gap / end() without a status.
 * Fields: method, path (target without query), api_version (the /vN.NN
 * prefix, else the reply's Api-Version), operation, reasons[], status,
 * container (path id or name; for create the Id returned, else the name),
 * name (create's ?name=), exec_id, image, tag, cmd (Entrypoint + Cmd joined
 * with spaces; exec Cmd), entrypoint, user, privileged, host_pid,
 * host_network, host_ipc, user_agent, server, binds[] (Binds host paths and
 * Mounts[].Source of bind mounts), cap_add[], devices[] (PathOnHost),
 * security_opt[], env_names[] (names only: values hold secrets),
 * body_error (the JSON body did not parse), body_truncated (bigger than
 * DK_BODY_MAX: only the bytes seen were read, by a raw text scan),
 * http_errors (unparsable messages skipped so far in the flow). The fact's
 * subject is "operation:container-or-exec-id", one alert per call.
 *
 * Reasons, judged from the call's content only:
 *   privileged            HostConfig.Privileged / exec Privileged
 *   host-root-mount       a bind of "/"
 *   sensitive-mount:P     a bind at or under P, P one of /etc /root /home
 *                         /proc /sys /boot /dev /var/lib/docker
 *                         /var/run/docker.sock /run/docker.sock
 *   host-pid, host-network, host-ipc   PidMode / NetworkMode / IpcMode "host"
 *   cap-add:CAP           every CapAdd entry ("CAP_" prefix removed)
 *   device:PATH           every Devices[].PathOnHost
 *   seccomp-unconfined, apparmor-unconfined   SecurityOpt
 *   download-and-run      cmd fetches (curl, wget, urlopen, /dev/tcp...) and
 *                         runs what it got (| sh, && sh f, chmod +x, ./f,
 *                         python exec(urlopen(...).read()))
 *   base64-to-shell       base64 -d piped to a shell
 *   miner-in-cmd          xmrig, stratum+tcp, --donate-level, minerd...
 *   kill-competitors      pkill/killall/kill of miner names, docker rm/stop/kill
 *   stop-container, kill-container, delete-container   the operation itself
 *
 * What it deliberately does not do: decide a risk level (the engine combines
 * the reasons with the image IOC list and the admin allowlist), TLS on 2376
 * (the tls dissector sees that), HTTP/2, podman's /libpod/ paths, gzip
 * bodies, or look inside the hijacked stream of exec / attach: after a 101
 * (or a 200 raw stream) both directions are consumed unread. Before the
 * first message parses, bytes that are not HTTP reject the flow; afterwards
 * they are counted and the direction resyncs at the next start line.
 * Request bodies are buffered (through the engine's tail) up to DK_BODY_MAX;
 * chunked ones are de-chunked into a stack buffer of that size.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "dissector.h"
#include "http1.h"
#include "json_scan.h"

#define DK_PENDING_MAX 16    /* unanswered requests kept per flow */
#define DK_BODY_MAX    65536 /* request message (head + body) waited for */
#define DK_RESP_MAX    16384 /* create reply waited for (its Id) */
#define DK_MAX_TAIL    (65536 + 16384)
#define DK_TOKENS      2048 /* a docker CLI create body is ~250 tokens */
#define DK_ARENA       1280 /* string bytes kept per pending call */
#define DK_ITEMS_MAX   32   /* array items kept per call */
#define DK_REASONS_MAX 12
#define DK_REASON_LEN  48
#define DK_CMD_MAX     4096 /* joined command analysed (stored: DK_CMD_KEEP) */
#define DK_CMD_KEEP    512
#define DK_STR_KEEP    256
#define DK_RESYNC_KEEP 16 /* bytes kept back while looking for a start line */

/* ---- operations ----------------------------------------------------------- */

enum dk_op {
    OP_OTHER = 0,
    OP_PING,
    OP_VERSION,
    OP_INFO,
    OP_EVENTS,
    OP_SYSTEM_DF,
    OP_C_LIST,
    OP_C_INSPECT,
    OP_C_CREATE,
    OP_C_START,
    OP_C_STOP,
    OP_C_KILL,
    OP_C_RESTART,
    OP_C_DELETE,
    OP_C_LOGS,
    OP_C_ATTACH,
    OP_C_WAIT,
    OP_C_TOP,
    OP_C_EXPORT,
    OP_C_ARCHIVE,
    OP_EXEC_CREATE,
    OP_EXEC_START,
    OP_EXEC_INSPECT,
    OP_I_PULL,
    OP_I_LIST,
    OP_I_INSPECT,
    OP_I_DELETE,
    OP_I_PUSH,
    OP_I_LOAD,
    OP_BUILD,
    OP_SWARM_INIT,
    OP_SWARM_JOIN,
    OP_SERVICE_CREATE,
    OP_SERVICE_LIST,
    OP_N_LIST,
    OP_N_CREATE,
    OP_N_INSPECT,
    OP_N_DELETE,
    OP_N_CONNECT,
    OP_N_DISCONNECT,
    OP_V_LIST,
    OP_V_CREATE,
    OP_V_INSPECT,
    OP_V_DELETE,
    OP_PLUGIN_INSTALL,
    OP_COUNT
};

static const char *const op_name[OP_COUNT] = {
    "other",
    "ping",
    "version",
    "info",
    "events",
    "system_df",
    "container_list",
    "container_inspect",
    "container_create",
    "container_start",
    "container_stop",
    "container_kill",
    "container_restart",
    "container_delete",
    "container_logs",
    "container_attach",
    "container_wait",
    "container_top",
    "container_export",
    "container_archive",
    "exec_create",
    "exec_start",
    "exec_inspect",
    "image_pull",
    "image_list",
    "image_inspect",
    "image_delete",
    "image_push",
    "image_load",
    "build",
    "swarm_init",
    "swarm_join",
    "service_create",
    "service_list",
    "network_list",
    "network_create",
    "network_inspect",
    "network_delete",
    "network_connect",
    "network_disconnect",
    "volume_list",
    "volume_create",
    "volume_inspect",
    "volume_delete",
    "plugin_install",
};

/* What the path names besides the operation. */
struct dk_path {
    int op;
    const char *ver, *id, *image; /* into the target */
    size_t ver_len, id_len, image_len;
    int id_is_exec;
};

static int seg_is(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

/* Top-level API segments; any of them makes a request a Docker API call. */
static const char *const dk_roots[] = {
    "_ping",    "version", "info",     "containers", "images",  "exec",         "swarm",
    "services", "build",   "networks", "volumes",    "plugins", "secrets",      "configs",
    "nodes",    "tasks",   "events",   "system",     "session", "distribution", "auth",
};

/*
 * Classifies a request path p[0..n) (no query). Returns 1 and fills *out when
 * it is a Docker Engine API path, 0 otherwise.
 */
static int dk_classify(const char *p, size_t n, int method, struct dk_path *out)
{
    const char *seg[4] = {0};
    size_t sl[4] = {0}, i = 0, k, nseg = 0, root = 0;
    const char *rest = NULL; /* after the first segment, without its '/' */
    size_t rest_len = 0;

    memset(out, 0, sizeof(*out));
    if (n < 2 || p[0] != '/')
        return 0;
    if (n >= 3 && p[1] == 'v' && isdigit((unsigned char)p[2])) { /* /v1.41 */
        for (i = 2; i < n && (isdigit((unsigned char)p[i]) || p[i] == '.'); i++)
            ;
        if (i < n && p[i] != '/')
            return 0;
        out->ver = p + 2;
        out->ver_len = i - 2;
        p += i;
        n -= i;
        if (n < 2)
            return 0;
    }
    for (i = 1; i < n && nseg < 4;) {
        for (k = i; k < n && p[k] != '/'; k++)
            ;
        seg[nseg] = p + i;
        sl[nseg++] = k - i;
        if (nseg == 1 && k < n) {
            rest = p + k + 1;
            rest_len = n - k - 1;
        }
        i = k + 1;
    }
    for (; root < sizeof(dk_roots) / sizeof(dk_roots[0]); root++)
        if (seg_is(seg[0], sl[0], dk_roots[root]))
            break;
    if (root == sizeof(dk_roots) / sizeof(dk_roots[0]))
        return 0;
    out->op = OP_OTHER;
    if (seg_is(seg[0], sl[0], "_ping"))
        out->op = OP_PING;
    else if (seg_is(seg[0], sl[0], "version"))
        out->op = OP_VERSION;
    else if (seg_is(seg[0], sl[0], "info"))
        out->op = OP_INFO;
    else if (seg_is(seg[0], sl[0], "events"))
        out->op = OP_EVENTS;
    else if (seg_is(seg[0], sl[0], "build"))
        out->op = OP_BUILD;
    else if (seg_is(seg[0], sl[0], "system") && nseg > 1 && seg_is(seg[1], sl[1], "df"))
        out->op = OP_SYSTEM_DF;
    else if (seg_is(seg[0], sl[0], "containers") && nseg > 1) {
        static const struct {
            const char *verb;
            int op;
        } cv[] = {
            {"json", OP_C_INSPECT},  {"start", OP_C_START},     {"stop", OP_C_STOP},
            {"kill", OP_C_KILL},     {"restart", OP_C_RESTART}, {"logs", OP_C_LOGS},
            {"attach", OP_C_ATTACH}, {"wait", OP_C_WAIT},       {"top", OP_C_TOP},
            {"export", OP_C_EXPORT}, {"archive", OP_C_ARCHIVE}, {"exec", OP_EXEC_CREATE},
        };
        if (nseg == 2 && seg_is(seg[1], sl[1], "json"))
            out->op = OP_C_LIST;
        else if (nseg == 2 && seg_is(seg[1], sl[1], "create"))
            out->op = method == HTTP1_M_POST ? OP_C_CREATE : OP_OTHER;
        else if (nseg == 2 && seg_is(seg[1], sl[1], "prune"))
            out->op = OP_OTHER;
        else {
            out->id = seg[1];
            out->id_len = sl[1];
            if (nseg == 2 && method == HTTP1_M_DELETE)
                out->op = OP_C_DELETE;
            for (k = 0; nseg >= 3 && k < sizeof(cv) / sizeof(cv[0]); k++)
                if (seg_is(seg[2], sl[2], cv[k].verb))
                    out->op = cv[k].op;
        }
    } else if (seg_is(seg[0], sl[0], "exec") && nseg >= 2) {
        out->id = seg[1];
        out->id_len = sl[1];
        out->id_is_exec = 1;
        if (nseg >= 3 && seg_is(seg[2], sl[2], "start"))
            out->op = OP_EXEC_START;
        else if (nseg >= 3 && seg_is(seg[2], sl[2], "json"))
            out->op = OP_EXEC_INSPECT;
    } else if (seg_is(seg[0], sl[0], "images") && nseg >= 2) {
        const char *last = rest + rest_len;
        size_t ll;

        for (ll = 0; last > rest && last[-1] != '/'; last--, ll++)
            ;
        if (nseg == 2 && seg_is(seg[1], sl[1], "create"))
            out->op = method == HTTP1_M_POST ? OP_I_PULL : OP_OTHER;
        else if (nseg == 2 && seg_is(seg[1], sl[1], "json"))
            out->op = OP_I_LIST;
        else if (nseg == 2 && seg_is(seg[1], sl[1], "load"))
            out->op = OP_I_LOAD;
        else if (method == HTTP1_M_DELETE) {
            out->op = OP_I_DELETE;
            out->image = rest;
            out->image_len = rest_len;
        } else if (last > rest && (seg_is(last, ll, "json") || seg_is(last, ll, "push"))) {
            out->op = seg_is(last, ll, "json") ? OP_I_INSPECT : OP_I_PUSH;
            out->image = rest;
            out->image_len = (size_t)(last - rest) - 1;
        }
    } else if (seg_is(seg[0], sl[0], "swarm") && nseg >= 2) {
        if (seg_is(seg[1], sl[1], "init"))
            out->op = OP_SWARM_INIT;
        else if (seg_is(seg[1], sl[1], "join"))
            out->op = OP_SWARM_JOIN;
    } else if (seg_is(seg[0], sl[0], "services")) {
        if (nseg == 1 && method == HTTP1_M_GET)
            out->op = OP_SERVICE_LIST;
        else if (nseg == 2 && seg_is(seg[1], sl[1], "create"))
            out->op = OP_SERVICE_CREATE;
    } else if (seg_is(seg[0], sl[0], "networks") || seg_is(seg[0], sl[0], "volumes")) {
        int net = seg_is(seg[0], sl[0], "networks");

        if (nseg == 1)
            out->op = net ? OP_N_LIST : OP_V_LIST;
        else if (nseg == 2 && seg_is(seg[1], sl[1], "create"))
            out->op = net ? OP_N_CREATE : OP_V_CREATE;
        else if (nseg == 2 && seg_is(seg[1], sl[1], "prune"))
            out->op = OP_OTHER;
        else if (nseg == 2)
            out->op = method == HTTP1_M_DELETE ? (net ? OP_N_DELETE : OP_V_DELETE)
                                               : (net ? OP_N_INSPECT : OP_V_INSPECT);
        else if (net && seg_is(seg[2], sl[2], "connect"))
            out->op = OP_N_CONNECT;
        else if (net && seg_is(seg[2], sl[2], "disconnect"))
            out->op = OP_N_DISCONNECT;
    } else if (seg_is(seg[0], sl[0], "plugins") && nseg == 2 && seg_is(seg[1], sl[1], "pull")) {
        out->op = OP_PLUGIN_INSTALL;
    }
    return 1;
}

/* ---- per-call storage ------------------------------------------------------ */

enum dk_sfield {
    S_METHOD,
    S_PATH,
    S_APIVER,
    S_CONTAINER,
    S_NAME,
    S_EXEC,
    S_IMAGE,
    S_TAG,
    S_CMD,
    S_ENTRY,
    S_USER,
    S_UA,
    S_NSTR
};
enum dk_afield {
    A_BINDS,
    A_CAP,
    A_DEV,
    A_SECOPT,
    A_ENV,
    A_NARR
};
static const char *const arr_name[A_NARR] = {"binds", "cap_add", "devices", "security_opt",
                                             "env_names"};

#define CF_PRIV_SET   0x0001
#define CF_PRIV       0x0002
#define CF_HOST_PID   0x0004
#define CF_HOST_NET   0x0008
#define CF_HOST_IPC   0x0010
#define CF_BODY_ERR   0x0020
#define CF_BODY_TRUNC 0x0040
#define CF_UPGRADE    0x0080 /* the request asked to switch protocols */

struct dk_span {
    uint16_t off, len;
};

struct dk_call {
    uint8_t op, method_id, nitems, nreasons;
    uint16_t flags, alen;
    struct dk_span s[S_NSTR];
    uint8_t item_kind[DK_ITEMS_MAX];
    struct dk_span item[DK_ITEMS_MAX];
    uint8_t reason_len[DK_REASONS_MAX];
    char reason[DK_REASONS_MAX][DK_REASON_LEN];
    char arena[DK_ARENA];
};

struct dk_dir {
    struct http1_body body; /* the body being skipped */
    uint8_t skipping;
    uint8_t resync; /* lost: look for the next start line */
    uint8_t hold;   /* client: stdin of an exec/attach may follow, not HTTP */
};

struct dk_state {
    struct dk_dir d[2];
    uint8_t recognised; /* a message parsed: later garbage is counted, not rejected */
    uint8_t hijacked;   /* exec / attach stream: nothing is HTTP any more */
    uint8_t qhead, qlen;
    uint32_t http_errors;
    struct dk_call q[DK_PENDING_MAX];
};

/* Appends s[0..len) to span sp (which must be the last one started), at most cap in all. */
static void dk_append(struct dk_call *c, struct dk_span *sp, const char *s, size_t len, size_t cap)
{
    size_t room = DK_ARENA - c->alen;

    if (sp->len == 0)
        sp->off = c->alen;
    if (sp->off + sp->len != c->alen)
        return; /* not the last span: never happens by construction */
    if (len > cap - sp->len)
        len = cap > sp->len ? cap - sp->len : 0;
    if (len > room)
        len = room;
    memcpy(c->arena + c->alen, s, len);
    c->alen = (uint16_t)(c->alen + len);
    sp->len = (uint16_t)(sp->len + len);
}

static void dk_set(struct dk_call *c, int f, const char *s, size_t len)
{
    c->s[f].len = 0;
    dk_append(c, &c->s[f], s, len, f == S_CMD ? DK_CMD_KEEP : DK_STR_KEEP);
}

static void dk_item(struct dk_call *c, int kind, const char *s, size_t len)
{
    struct dk_span sp = {0, 0};

    if (c->nitems >= DK_ITEMS_MAX || len == 0)
        return;
    dk_append(c, &sp, s, len, DK_STR_KEEP);
    if (sp.len == 0)
        return;
    c->item_kind[c->nitems] = (uint8_t)kind;
    c->item[c->nitems++] = sp;
}

static void dk_reason(struct dk_call *c, const char *r, const char *arg, size_t arg_len)
{
    char buf[DK_REASON_LEN];
    int l =
        snprintf(buf, sizeof(buf), "%s%.*s", r, (int)(arg_len < 40 ? arg_len : 40), arg ? arg : "");
    size_t len = l < 0 ? 0 : (size_t)l < sizeof(buf) ? (size_t)l : sizeof(buf) - 1;

    for (unsigned i = 0; i < c->nreasons; i++)
        if (c->reason_len[i] == len && memcmp(c->reason[i], buf, len) == 0)
            return;
    if (c->nreasons >= DK_REASONS_MAX)
        return;
    memcpy(c->reason[c->nreasons], buf, len);
    c->reason_len[c->nreasons++] = (uint8_t)len;
}

/* ---- command-line indicators ---------------------------------------------- */

/* Case-insensitive search of the NUL-free needle in s[0..n); returns the offset or -1. */
static long dk_find(const char *s, size_t n, const char *needle, size_t from)
{
    size_t l = strlen(needle);

    for (size_t i = from; n >= l && i <= n - l; i++)
        if (strncasecmp(s + i, needle, l) == 0)
            return (long)i;
    return -1;
}

static int dk_has(const char *s, size_t n, const char *needle)
{
    return dk_find(s, n, needle, 0) >= 0;
}

static int dk_word_end(const char *s, size_t n, size_t i)
{
    return i >= n || !(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-');
}

/* Is there a shell at s[i] ("sh", "bash", "/bin/sh", "/usr/bin/env bash"...)? */
static int dk_shell_at(const char *s, size_t n, size_t i)
{
    static const char *const shells[] = {"sh",  "bash",   "dash",    "ash", "zsh",
                                         "ksh", "python", "python3", "perl"};

    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (n - i >= 8 && strncasecmp(s + i, "/usr/bin", 8) == 0)
        i += 8;
    else if (n - i >= 4 && strncasecmp(s + i, "/bin", 4) == 0)
        i += 4;
    if (i < n && s[i] == '/')
        i++;
    if (n - i >= 4 && strncasecmp(s + i, "env ", 4) == 0)
        i += 4;
    for (size_t k = 0; k < sizeof(shells) / sizeof(shells[0]); k++) {
        size_t l = strlen(shells[k]);

        if (n - i >= l && strncasecmp(s + i, shells[k], l) == 0 && dk_word_end(s, n, i + l))
            return 1;
    }
    return 0;
}

/* Is some '|' at or after `from` followed by a shell? */
static int dk_pipe_shell(const char *s, size_t n, size_t from)
{
    for (size_t i = from; i < n; i++)
        if (s[i] == '|' && !(i + 1 < n && s[i + 1] == '|') && !(i && s[i - 1] == '|') &&
            dk_shell_at(s, n, i + 1))
            return 1;
    return 0;
}

/* After `from`: "&& sh f", "; bash f", "chmod +x", "./f"? */
static int dk_runs_file(const char *s, size_t n, size_t from)
{
    for (size_t i = from; i < n; i++) {
        if (s[i] == '&' || s[i] == ';') {
            size_t k = i + 1;

            while (k < n && (s[k] == '&' || s[k] == ' '))
                k++;
            if (dk_shell_at(s, n, k) || (k + 1 < n && s[k] == '.' && s[k + 1] == '/'))
                return 1;
        }
    }
    return dk_find(s, n, "chmod +x", from) >= 0 || dk_find(s, n, "chmod 777", from) >= 0;
}

static void dk_cmd_reasons(struct dk_call *c, const char *s, size_t n)
{
    static const char *const fetch[] = {"curl",      "wget",         "urlopen",
                                        "urllib",    "requests.get", "lwp-download",
                                        "/dev/tcp/", "tftp ",        "fetch "};
    static const char *const miner[] = {
        "xmrig",  "stratum+tcp", "stratum+ssl", "stratum2+tcp", "--donate-level",
        "minerd", "cpuminer",    "kdevtmpfsi",  "cryptonight",  "nicehash"};
    static const char *const rivals[] = {"xmrig",   "kinsing", "kdevtmpfsi", "minerd", "pocosow",
                                         "gakeaws", "xmr",     "mine",       "crypto", "monero"};
    long b64 = dk_find(s, n, "base64 -d", 0);

    for (size_t i = 0; i < sizeof(fetch) / sizeof(fetch[0]); i++) {
        long at = dk_find(s, n, fetch[i], 0);

        if (at >= 0 && (dk_pipe_shell(s, n, (size_t)at) || dk_runs_file(s, n, (size_t)at))) {
            dk_reason(c, "download-and-run", NULL, 0);
            break;
        }
    }
    if ((dk_has(s, n, "urlopen") || dk_has(s, n, "requests.get")) && dk_has(s, n, "exec("))
        dk_reason(c, "download-and-run", NULL, 0); /* python fetching code and running it */
    if (b64 < 0)
        b64 = dk_find(s, n, "base64 --decode", 0);
    if (b64 < 0)
        b64 = dk_find(s, n, "base64 -D", 0);
    if (b64 >= 0 && dk_pipe_shell(s, n, (size_t)b64))
        dk_reason(c, "base64-to-shell", NULL, 0);
    for (size_t i = 0; i < sizeof(miner) / sizeof(miner[0]); i++)
        if (dk_has(s, n, miner[i])) {
            dk_reason(c, "miner-in-cmd", NULL, 0);
            break;
        }
    if (dk_has(s, n, "docker rm") || dk_has(s, n, "docker stop") || dk_has(s, n, "docker kill")) {
        dk_reason(c, "kill-competitors", NULL, 0);
    } else if (dk_has(s, n, "pkill") || dk_has(s, n, "killall") || dk_has(s, n, "kill -9")) {
        for (size_t i = 0; i < sizeof(rivals) / sizeof(rivals[0]); i++)
            if (dk_has(s, n, rivals[i])) {
                dk_reason(c, "kill-competitors", NULL, 0);
                break;
            }
    }
}

static void dk_mount_reasons(struct dk_call *c, const char *p, size_t n)
{
    static const char *const sens[] = {"/etc",
                                       "/root",
                                       "/home",
                                       "/proc",
                                       "/sys",
                                       "/boot",
                                       "/dev",
                                       "/var/lib/docker",
                                       "/var/run/docker.sock",
                                       "/run/docker.sock"};

    while (n > 1 && p[n - 1] == '/')
        n--;
    if (n == 1 && p[0] == '/') {
        dk_reason(c, "host-root-mount", NULL, 0);
        return;
    }
    for (size_t i = 0; i < sizeof(sens) / sizeof(sens[0]); i++) {
        size_t l = strlen(sens[i]);

        if (n >= l && memcmp(p, sens[i], l) == 0 && (n == l || p[l] == '/')) {
            dk_reason(c, "sensitive-mount:", sens[i], l);
            return;
        }
    }
}

/* ---- request bodies ----------------------------------------------------- */

struct dk_json {
    const char *s;
    struct json_tok *t;
    int n;
};

static int dk_get(const struct dk_json *j, int obj, const char *key)
{
    return obj < 0 ? -1 : json_obj_get(j->s, j->t, j->n, obj, key);
}

static int dk_is(const struct dk_json *j, int tok, int type)
{
    return tok >= 0 && j->t[tok].type == type;
}

/* Unescapes string token tok into buf[0..cap); returns the length kept, 0 when not a string. */
static size_t dk_str(const struct dk_json *j, int tok, char *buf, size_t cap)
{
    int l;

    if (!dk_is(j, tok, JSON_STRING))
        return 0;
    l = json_unescape(j->s, &j->t[tok], buf, cap);
    return l < 0 ? 0 : (size_t)l < cap ? (size_t)l : cap;
}

static void dk_jset(struct dk_call *c, int f, const struct dk_json *j, int tok)
{
    char buf[DK_STR_KEEP];
    size_t l = dk_str(j, tok, buf, sizeof(buf));

    if (l)
        dk_set(c, f, buf, l);
}

/* Joins a string or an array of strings onto buf (space-separated); returns the new length. */
static size_t dk_join(const struct dk_json *j, int tok, char *buf, size_t len, size_t cap)
{
    if (dk_is(j, tok, JSON_STRING)) {
        if (len && len < cap)
            buf[len++] = ' ';
        return len + dk_str(j, tok, buf + len, cap - len);
    }
    if (!dk_is(j, tok, JSON_ARRAY))
        return len;
    for (unsigned i = 0; i < j->t[tok].size; i++) {
        int e = json_arr_get(j->t, j->n, tok, i);

        if (!dk_is(j, e, JSON_STRING))
            continue;
        if (len && len < cap)
            buf[len++] = ' ';
        len += dk_str(j, e, buf + len, cap - len);
    }
    return len;
}

static void dk_flag(struct dk_call *c, const struct dk_json *j, int obj, const char *key,
                    uint16_t flag, const char *why)
{
    char v[16];
    size_t l = dk_str(j, dk_get(j, obj, key), v, sizeof(v));

    if (l == 4 && strncasecmp(v, "host", 4) == 0) {
        c->flags |= flag;
        dk_reason(c, why, NULL, 0);
    }
}

static void dk_host_config(struct dk_call *c, const struct dk_json *j, int hc)
{
    char buf[DK_STR_KEEP];
    int a;

    if (!dk_is(j, hc, JSON_OBJECT))
        return;
    a = dk_get(j, hc, "Privileged");
    if (a >= 0) {
        c->flags |= CF_PRIV_SET | (j->t[a].type == JSON_TRUE ? CF_PRIV : 0);
        if (j->t[a].type == JSON_TRUE)
            dk_reason(c, "privileged", NULL, 0);
    }
    dk_flag(c, j, hc, "PidMode", CF_HOST_PID, "host-pid");
    dk_flag(c, j, hc, "NetworkMode", CF_HOST_NET, "host-network");
    dk_flag(c, j, hc, "IpcMode", CF_HOST_IPC, "host-ipc");
    a = dk_get(j, hc, "Binds");
    for (unsigned i = 0; dk_is(j, a, JSON_ARRAY) && i < j->t[a].size; i++) {
        size_t l = dk_str(j, json_arr_get(j->t, j->n, a, i), buf, sizeof(buf)), src;

        for (src = 0; src < l && buf[src] != ':'; src++)
            ;
        if (src && buf[0] == '/') { /* named volumes do not start with '/' */
            dk_item(c, A_BINDS, buf, src);
            dk_mount_reasons(c, buf, src);
        }
    }
    a = dk_get(j, hc, "Mounts");
    for (unsigned i = 0; dk_is(j, a, JSON_ARRAY) && i < j->t[a].size; i++) {
        int m = json_arr_get(j->t, j->n, a, i), ty = dk_get(j, m, "Type");
        size_t l;

        if (!dk_is(j, ty, JSON_STRING) || !json_str_eq(j->s, &j->t[ty], "bind"))
            continue;
        l = dk_str(j, dk_get(j, m, "Source"), buf, sizeof(buf));
        if (l && buf[0] == '/') {
            dk_item(c, A_BINDS, buf, l);
            dk_mount_reasons(c, buf, l);
        }
    }
    a = dk_get(j, hc, "CapAdd");
    for (unsigned i = 0; dk_is(j, a, JSON_ARRAY) && i < j->t[a].size; i++) {
        size_t l = dk_str(j, json_arr_get(j->t, j->n, a, i), buf, sizeof(buf)), o = 0;

        if (l > 4 && strncasecmp(buf, "CAP_", 4) == 0)
            o = 4;
        if (l > o) {
            dk_item(c, A_CAP, buf + o, l - o);
            dk_reason(c, "cap-add:", buf + o, l - o);
        }
    }
    a = dk_get(j, hc, "Devices");
    for (unsigned i = 0; dk_is(j, a, JSON_ARRAY) && i < j->t[a].size; i++) {
        size_t l =
            dk_str(j, dk_get(j, json_arr_get(j->t, j->n, a, i), "PathOnHost"), buf, sizeof(buf));

        if (l) {
            dk_item(c, A_DEV, buf, l);
            dk_reason(c, "device:", buf, l);
        }
    }
    a = dk_get(j, hc, "SecurityOpt");
    for (unsigned i = 0; dk_is(j, a, JSON_ARRAY) && i < j->t[a].size; i++) {
        size_t l = dk_str(j, json_arr_get(j->t, j->n, a, i), buf, sizeof(buf));

        if (!l)
            continue;
        dk_item(c, A_SECOPT, buf, l);
        if (dk_has(buf, l, "unconfined") && dk_has(buf, l, "seccomp"))
            dk_reason(c, "seccomp-unconfined", NULL, 0);
        if (dk_has(buf, l, "unconfined") && dk_has(buf, l, "apparmor"))
            dk_reason(c, "apparmor-unconfined", NULL, 0);
    }
}

/* Create and exec-create bodies (both carry Cmd, Env, User; create the rest). */
static void dk_body_json(struct dk_call *c, const struct dk_json *j)
{
    char cmd[DK_CMD_MAX], buf[DK_STR_KEEP];
    size_t cl = 0, el;
    int a;

    dk_jset(c, S_IMAGE, j, dk_get(j, 0, "Image"));
    dk_jset(c, S_USER, j, dk_get(j, 0, "User"));
    el = dk_join(j, dk_get(j, 0, "Entrypoint"), cmd, 0, sizeof(cmd));
    if (el)
        dk_set(c, S_ENTRY, cmd, el);
    cl = dk_join(j, dk_get(j, 0, "Cmd"), cmd, el, sizeof(cmd));
    if (cl) {
        dk_set(c, S_CMD, cmd, cl);
        dk_cmd_reasons(c, cmd, cl);
    }
    a = dk_get(j, 0, "Privileged"); /* exec create */
    if (a >= 0) {
        c->flags |= CF_PRIV_SET | (j->t[a].type == JSON_TRUE ? CF_PRIV : 0);
        if (j->t[a].type == JSON_TRUE)
            dk_reason(c, "privileged", NULL, 0);
    }
    dk_host_config(c, j, dk_get(j, 0, "HostConfig"));
    a = dk_get(j, 0, "Env");
    for (unsigned i = 0; dk_is(j, a, JSON_ARRAY) && i < j->t[a].size; i++) {
        size_t l = dk_str(j, json_arr_get(j->t, j->n, a, i), buf, sizeof(buf)), k;

        for (k = 0; k < l && buf[k] != '='; k++)
            ;
        dk_item(c, A_ENV, buf, k); /* the name only: values hold secrets */
    }
}

/* A body we could not parse as JSON (bad or cut short): the raw text still tells a little. */
static void dk_body_raw(struct dk_call *c, const char *b, size_t n)
{
    if (n > DK_BODY_MAX)
        n = DK_BODY_MAX;
    dk_cmd_reasons(c, b, n);
    if (dk_has(b, n, "\"Privileged\":true") || dk_has(b, n, "\"Privileged\": true")) {
        c->flags |= CF_PRIV_SET | CF_PRIV;
        dk_reason(c, "privileged", NULL, 0);
    }
    if (dk_has(b, n, "\"/:/"))
        dk_reason(c, "host-root-mount", NULL, 0);
}

static int dk_op_has_body(int op)
{
    return op == OP_C_CREATE || op == OP_EXEC_CREATE || op == OP_SERVICE_CREATE;
}

static void dk_body(struct dk_call *c, const char *b, size_t n, int truncated)
{
    struct json_tok tok[DK_TOKENS];
    struct dk_json j = {.s = b, .t = tok};

    if (truncated) {
        c->flags |= CF_BODY_TRUNC;
        dk_body_raw(c, b, n);
        return;
    }
    j.n = json_scan(b, n, tok, DK_TOKENS);
    if (j.n <= 0 || tok[0].type != JSON_OBJECT) {
        c->flags |= CF_BODY_ERR;
        dk_body_raw(c, b, n);
        return;
    }
    if (c->op == OP_SERVICE_CREATE) { /* TaskTemplate.ContainerSpec holds Image, Command... */
        int spec = dk_get(&j, dk_get(&j, 0, "TaskTemplate"), "ContainerSpec");

        if (dk_is(&j, spec, JSON_OBJECT)) {
            char cmd[DK_CMD_MAX];
            size_t cl = dk_join(&j, dk_get(&j, spec, "Command"), cmd, 0, sizeof(cmd));

            cl = dk_join(&j, dk_get(&j, spec, "Args"), cmd, cl, sizeof(cmd));
            dk_jset(c, S_IMAGE, &j, dk_get(&j, spec, "Image"));
            if (cl) {
                dk_set(c, S_CMD, cmd, cl);
                dk_cmd_reasons(c, cmd, cl);
            }
        }
        return;
    }
    dk_body_json(c, &j);
}

/* ---- the FIFO and the facts ----------------------------------------------- */

static struct dk_call *dk_front(struct dk_state *st)
{
    return st->qlen ? &st->q[st->qhead] : NULL;
}

static const char *dk_s(const struct dk_call *c, int f)
{
    return c->arena + c->s[f].off;
}

#define DK_OPT(f, key) \
    if (c->s[f].len)   \
    fact_str(&fact, key, dk_s(c, f), c->s[f].len)

/*
 * Emits the fact of call c; resp and the returned id (id/id_len) when the
 * reply came. Everything is borrowed for the emit() only.
 */
static void dk_emit(struct dk_state *st, struct dctx *cx, const struct dk_call *c,
                    const struct http1_resp *resp, const char *id, size_t id_len)
{
    struct fact fact;
    char subject[160];
    const char *cont = id_len && c->op != OP_EXEC_CREATE ? id : dk_s(c, S_CONTAINER);
    size_t cont_len = id_len && c->op != OP_EXEC_CREATE ? id_len : c->s[S_CONTAINER].len;
    const char *ex = id_len && c->op == OP_EXEC_CREATE ? id : dk_s(c, S_EXEC);
    size_t ex_len = id_len && c->op == OP_EXEC_CREATE ? id_len : c->s[S_EXEC].len;
    int h, sl;

    fact_init(&fact, "docker_api", "docker_api.call");
    DK_OPT(S_METHOD, "method");
    DK_OPT(S_PATH, "path");
    if (c->s[S_APIVER].len) {
        DK_OPT(S_APIVER, "api_version");
    } else if (resp && (h = http1_header_find(&resp->hdr, "Api-Version", 0)) >= 0) {
        fact_str(&fact, "api_version", resp->hdr.h[h].value, resp->hdr.h[h].value_len);
    }
    fact_cstr(&fact, "operation", op_name[c->op]);
    for (unsigned i = 0; i < c->nreasons; i++)
        fact_str_item(&fact, "reasons", c->reason[i], c->reason_len[i]);
    if (resp)
        fact_uint(&fact, "status", (uint64_t)resp->status);
    if (cont_len)
        fact_str(&fact, "container", cont, cont_len);
    DK_OPT(S_NAME, "name");
    if (ex_len)
        fact_str(&fact, "exec_id", ex, ex_len);
    DK_OPT(S_IMAGE, "image");
    DK_OPT(S_TAG, "tag");
    DK_OPT(S_CMD, "cmd");
    DK_OPT(S_ENTRY, "entrypoint");
    DK_OPT(S_USER, "user");
    if (c->flags & CF_PRIV_SET)
        fact_bool(&fact, "privileged", (c->flags & CF_PRIV) != 0);
    if (c->flags & CF_HOST_PID)
        fact_bool(&fact, "host_pid", 1);
    if (c->flags & CF_HOST_NET)
        fact_bool(&fact, "host_network", 1);
    if (c->flags & CF_HOST_IPC)
        fact_bool(&fact, "host_ipc", 1);
    DK_OPT(S_UA, "user_agent");
    if (resp && (h = http1_header_find(&resp->hdr, "Server", 0)) >= 0)
        fact_str(&fact, "server", resp->hdr.h[h].value, resp->hdr.h[h].value_len);
    if (c->flags & CF_BODY_ERR)
        fact_bool(&fact, "body_error", 1);
    if (c->flags & CF_BODY_TRUNC)
        fact_bool(&fact, "body_truncated", 1);
    if (st->http_errors)
        fact_uint(&fact, "http_errors", st->http_errors);
    for (int k = 0; k < A_NARR; k++)
        for (unsigned i = 0; i < c->nitems; i++)
            if (c->item_kind[i] == k)
                fact_str_item(&fact, arr_name[k], c->arena + c->item[i].off, c->item[i].len);
    sl = snprintf(subject, sizeof(subject), "%s:%.*s", op_name[c->op],
                  (int)(ex_len ? (ex_len < 100 ? ex_len : 100) : (cont_len < 100 ? cont_len : 100)),
                  ex_len ? ex : cont);
    if (sl > 0)
        fact_subject(&fact, subject,
                     (size_t)sl < sizeof(subject) ? (size_t)sl : sizeof(subject) - 1);
    cx->emit(cx, &fact);
}

/* Emits the front call (with its reply when known) and drops it. */
static void dk_pop(struct dk_state *st, struct dctx *cx, const struct http1_resp *resp,
                   const char *id, size_t id_len)
{
    if (!st->qlen)
        return;
    dk_emit(st, cx, &st->q[st->qhead], resp, id, id_len);
    st->qhead = (uint8_t)((st->qhead + 1) % DK_PENDING_MAX);
    st->qlen--;
}

static void dk_flush(struct dk_state *st, struct dctx *cx)
{
    while (st->qlen)
        dk_pop(st, cx, NULL, NULL, 0);
}

/* ---- messages --------------------------------------------------------------- */

/*
 * Runs a copy of decoder b over p[0..n), collecting the decoded bytes into
 * out[0..cap). Returns 1 when the body completed (*used bytes of p), 0 when
 * more bytes are needed, negative on a framing error. *olen gets the bytes
 * collected (cut at cap).
 */
static int dk_collect(struct http1_body *b, const uint8_t *p, size_t n, char *out, size_t cap,
                      size_t *olen, size_t *used)
{
    int rc = 0;

    *olen = 0;
    *used = 0;
    while (*used < n) {
        const uint8_t *d;
        size_t dl, u;

        rc = http1_body_feed(b, p + *used, n - *used, &d, &dl, &u);
        if (dl && *olen < cap) {
            size_t k = dl < cap - *olen ? dl : cap - *olen;

            memcpy(out + *olen, d, k);
            *olen += k;
        }
        *used += u;
        if (rc != 0)
            break;
    }
    return rc < 0 ? rc : b->done;
}

/* Skips body bytes of direction d; returns bytes used of p[0..n). */
static size_t dk_skip(struct dk_dir *d, const uint8_t *p, size_t n, int *err)
{
    size_t off = 0;

    while (off < n && d->skipping) {
        const uint8_t *x;
        size_t xl, u;
        int rc = http1_body_feed(&d->body, p + off, n - off, &x, &xl, &u);

        off += u;
        if (rc < 0) {
            d->skipping = 0;
            *err = 1;
        } else if (rc == 1) {
            d->skipping = 0;
        }
    }
    return off;
}

/* Fills the FIFO slot for a parsed request; returns the slot (not yet committed). */
static struct dk_call *dk_new_call(struct dk_state *st, struct dctx *cx, const struct http1_req *r)
{
    struct dk_call *c;
    struct dk_path dp;
    size_t plen = http1_target_path_len(r->target, r->target_len);
    char q[DK_STR_KEEP];
    long ql;
    int h;

    if (st->qlen == DK_PENDING_MAX)
        dk_pop(st, cx, NULL, NULL, 0); /* never answered: reported without a status */
    c = &st->q[(st->qhead + st->qlen) % DK_PENDING_MAX];
    memset(c, 0, offsetof(struct dk_call, arena));
    if (!dk_classify(r->target, plen, r->method_id, &dp))
        dp.op = OP_OTHER;
    c->op = (uint8_t)dp.op;
    c->method_id = (uint8_t)r->method_id;
    dk_set(c, S_METHOD, r->method, r->method_len);
    dk_set(c, S_PATH, r->target, plen);
    if (dp.ver_len)
        dk_set(c, S_APIVER, dp.ver, dp.ver_len);
    if (dp.id_len)
        dk_set(c, dp.id_is_exec ? S_EXEC : S_CONTAINER, dp.id, dp.id_len);
    if (dp.image_len)
        dk_set(c, S_IMAGE, dp.image, dp.image_len);
    if ((h = http1_header_find(&r->hdr, "User-Agent", 0)) >= 0)
        dk_set(c, S_UA, r->hdr.h[h].value, r->hdr.h[h].value_len);
    if (http1_req_upgrade(r, NULL, NULL))
        c->flags |= CF_UPGRADE;
    if (c->op == OP_C_CREATE &&
        (ql = http1_query_param(r->target, r->target_len, "name", q, sizeof(q))) > 0) {
        dk_set(c, S_NAME, q, (size_t)ql < sizeof(q) ? (size_t)ql : sizeof(q) - 1);
        dk_set(c, S_CONTAINER, q, (size_t)ql < sizeof(q) ? (size_t)ql : sizeof(q) - 1);
    }
    if (c->op == OP_I_PULL) { /* image = fromImage[:tag] unless it already names one */
        char img[DK_STR_KEEP], full[2 * DK_STR_KEEP];
        long il = http1_query_param(r->target, r->target_len, "fromImage", img, sizeof(img));
        size_t l = il > 0 ? ((size_t)il < sizeof(img) ? (size_t)il : sizeof(img) - 1) : 0;
        const char *last = l ? memchr(img, '/', l) : NULL;
        int fl;

        ql = http1_query_param(r->target, r->target_len, "tag", q, sizeof(q));
        if (ql > 0)
            dk_set(c, S_TAG, q, (size_t)ql < sizeof(q) ? (size_t)ql : sizeof(q) - 1);
        for (size_t k = 0; k < l; k++)
            if (img[k] == '/')
                last = img + k;
        last = last ? last : img;
        if (l && ql > 0 && !memchr(last, ':', l - (size_t)(last - img)) && !memchr(img, '@', l))
            fl = snprintf(full, sizeof(full), "%.*s:%.*s", (int)l, img, (int)c->s[S_TAG].len,
                          dk_s(c, S_TAG));
        else
            fl = snprintf(full, sizeof(full), "%.*s", (int)l, img);
        if (fl > 0)
            dk_set(c, S_IMAGE, full, (size_t)fl < sizeof(full) ? (size_t)fl : sizeof(full) - 1);
    }
    if (c->op == OP_C_STOP)
        dk_reason(c, "stop-container", NULL, 0);
    else if (c->op == OP_C_KILL)
        dk_reason(c, "kill-container", NULL, 0);
    else if (c->op == OP_C_DELETE)
        dk_reason(c, "delete-container", NULL, 0);
    return c;
}

/*
 * One request at p[0..n). Returns bytes used (0: wait for more), or -1 when
 * the bytes are not a request.
 */
static long dk_request(struct dk_state *st, struct dctx *cx, const uint8_t *p, size_t n)
{
    struct http1_req r;
    struct http1_body b;
    struct dk_call *c;
    uint64_t len = 0;
    int head = http1_parse_request(p, n, &r), kind;
    size_t used = 0;

    if (head <= 0)
        return head == 0 ? 0 : -1;
    kind = http1_req_framing(&r, &len);
    if (kind < 0)
        return -1;
    http1_body_init(&b, kind, len);
    st->recognised = 1;
    if (kind != HTTP1_BODY_NONE && !(kind == HTTP1_BODY_LENGTH && len == 0)) {
        struct dk_path dp;
        int wants = dk_classify(r.target, http1_target_path_len(r.target, r.target_len),
                                r.method_id, &dp) &&
                    dk_op_has_body(dp.op);

        if (wants && kind == HTTP1_BODY_LENGTH) {
            size_t avail = n - (size_t)head;

            if ((uint64_t)head + len <= DK_BODY_MAX && avail < len)
                return 0; /* the whole message fits the tail: wait for it */
            size_t olen;

            c = dk_new_call(st, cx, &r);
            dk_body(c, (const char *)p + head, avail < len ? avail : (size_t)len, avail < len);
            dk_collect(&b, p + head, avail < len ? avail : (size_t)len, NULL, 0, &olen, &used);
        } else if (wants) { /* chunked: de-chunk into the stack */
            char buf[DK_BODY_MAX];
            size_t olen;
            int rc = dk_collect(&b, p + head, n - (size_t)head, buf, sizeof(buf), &olen, &used);

            if (rc < 0)
                return -1;
            if (rc == 0 && n - (size_t)head < DK_BODY_MAX)
                return 0;
            c = dk_new_call(st, cx, &r);
            dk_body(c, buf, olen, rc == 0 || olen >= sizeof(buf));
        } else {
            c = dk_new_call(st, cx, &r);
        }
    } else {
        c = dk_new_call(st, cx, &r);
    }
    st->qlen++;
    if (!b.done) {
        size_t more;
        int err = 0;

        st->d[DIR_TO_SERVER].body = b;
        st->d[DIR_TO_SERVER].skipping = 1;
        more = dk_skip(&st->d[DIR_TO_SERVER], p + head + used, n - (size_t)head - used, &err);
        if (err)
            return -1;
        used += more;
    }
    if ((c->flags & CF_UPGRADE) || c->op == OP_EXEC_START || c->op == OP_C_ATTACH)
        st->d[DIR_TO_SERVER].hold = 1; /* what follows may be the stream's stdin */
    return (long)head + (long)used;
}

/* Pulls "Id" out of a create / exec-create reply body. */
static size_t dk_reply_id(const char *b, size_t n, char *out, size_t cap)
{
    struct json_tok tok[64];
    struct dk_json j = {.s = b, .t = tok};

    j.n = json_scan(b, n, tok, 64);
    if (j.n <= 0 || tok[0].type != JSON_OBJECT)
        return 0;
    return dk_str(&j, dk_get(&j, 0, "Id"), out, cap);
}

/* One response at p[0..n); same returns as dk_request. */
static long dk_response(struct dk_state *st, struct dctx *cx, const uint8_t *p, size_t n)
{
    struct http1_resp r;
    struct http1_body b;
    struct dk_call *c = dk_front(st);
    uint64_t len = 0;
    int head = http1_parse_response(p, n, &r), kind, hijack;
    char id[128];
    size_t id_len = 0, used = 0;

    if (head <= 0)
        return head == 0 ? 0 : -1;
    kind = http1_resp_framing(&r, c ? c->method_id : HTTP1_M_UNKNOWN, &len);
    if (kind < 0)
        return -1;
    st->recognised = 1;
    if (kind == HTTP1_BODY_INTERIM)
        return head; /* 100 Continue: the final reply follows */
    hijack = c && (kind == HTTP1_BODY_TUNNEL || ((c->op == OP_EXEC_START || c->op == OP_C_ATTACH) &&
                                                 r.status / 100 == 2 && kind == HTTP1_BODY_CLOSE));
    if (hijack) {
        dk_pop(st, cx, &r, NULL, 0);
        st->hijacked = 1;
        return (long)n;
    }
    http1_body_init(&b, kind, len);
    if (c && (c->op == OP_C_CREATE || c->op == OP_EXEC_CREATE) && r.status / 100 == 2 &&
        (kind == HTTP1_BODY_LENGTH || kind == HTTP1_BODY_CHUNKED)) {
        char buf[DK_RESP_MAX];
        size_t olen;
        int rc = dk_collect(&b, p + head, n - (size_t)head, buf, sizeof(buf), &olen, &used);

        if (rc == 0 && n - (size_t)head < DK_RESP_MAX)
            return 0;
        if (rc == 1)
            id_len = dk_reply_id(buf, olen, id, sizeof(id));
        if (rc < 0)
            return -1;
    }
    if (c) {
        if (c->flags & CF_UPGRADE || c->op == OP_EXEC_START || c->op == OP_C_ATTACH)
            st->d[DIR_TO_SERVER].hold = 0; /* no hijack: the client speaks HTTP again */
        dk_pop(st, cx, &r, id, id_len);
    }
    if (!b.done) {
        int err = 0;

        st->d[DIR_TO_CLIENT].body = b;
        st->d[DIR_TO_CLIENT].skipping = 1;
        used += dk_skip(&st->d[DIR_TO_CLIENT], p + head + used, n - (size_t)head - used, &err);
        if (err)
            return -1;
    }
    return (long)head + (long)used;
}

/* ---- the dissector ------------------------------------------------------ */

static int dk_probe(const struct flow_info *fi, int dir, const uint8_t *p, size_t n)
{
    (void)fi;
    if (dir == DIR_TO_SERVER) {
        struct http1_req r;
        struct dk_path dp;
        int rc = http1_parse_request(p, n, &r);

        if (rc < 0)
            return PROBE_NO;
        if (rc == 0) { /* decide on the request line as soon as it is whole */
            const uint8_t *nl, *sp1, *sp2;
            size_t s = 0;

            while (s < n && (p[s] == '\r' || p[s] == '\n'))
                s++;
            nl = s < n ? memchr(p + s, '\n', n - s) : NULL;
            if (!nl)
                return PROBE_MAYBE;
            sp1 = memchr(p + s, ' ', (size_t)(nl - (p + s)));
            if (!sp1)
                return PROBE_NO;
            while (sp1 < nl && *sp1 == ' ')
                sp1++;
            sp2 = memchr(sp1, ' ', (size_t)(nl - sp1));
            if (!sp2)
                return PROBE_NO;
            return dk_classify((const char *)sp1,
                               http1_target_path_len((const char *)sp1, (size_t)(sp2 - sp1)),
                               http1_method_id((const char *)p + s, (size_t)(sp1 - (p + s))), &dp)
                       ? PROBE_YES
                       : PROBE_NO;
        }
        return dk_classify(r.target, http1_target_path_len(r.target, r.target_len), r.method_id,
                           &dp)
                   ? PROBE_YES
                   : PROBE_NO;
    } else {
        struct http1_resp r;
        int rc = http1_parse_response(p, n, &r), h;

        if (rc <= 0)
            return rc == 0 ? PROBE_MAYBE : PROBE_NO;
        if (http1_header_find(&r.hdr, "Api-Version", 0) >= 0 ||
            http1_header_find(&r.hdr, "Docker-Experimental", 0) >= 0)
            return PROBE_YES;
        h = http1_header_find(&r.hdr, "Server", 0);
        if (h >= 0 &&
            ((r.hdr.h[h].value_len >= 7 && strncasecmp(r.hdr.h[h].value, "Docker/", 7) == 0) ||
             (r.hdr.h[h].value_len >= 7 && strncasecmp(r.hdr.h[h].value, "Libpod/", 7) == 0)))
            return PROBE_YES;
        return PROBE_NO;
    }
}

static int dk_feed(void *vst, struct dctx *cx, int dir, const uint8_t *p, size_t n)
{
    struct dk_state *st = vst;
    int d = dir ? DIR_TO_CLIENT : DIR_TO_SERVER;
    struct dk_dir *dd = &st->d[d];
    size_t off = 0;

    if (n > INT_MAX)
        n = INT_MAX;
    if (st->hijacked || (d == DIR_TO_SERVER && dd->hold))
        return (int)n;
    while (off < n) {
        long r;

        if (dd->skipping) {
            int err = 0;

            off += dk_skip(dd, p + off, n - off, &err);
            if (err) {
                st->http_errors++;
                dd->resync = 1;
            }
            continue;
        }
        if (dd->resync) {
            int found;

            off += http1_resync(p + off, n - off, d == DIR_TO_CLIENT, 0, DK_RESYNC_KEEP, &found);
            if (!found)
                return (int)off;
            dd->resync = 0;
        }
        r = d == DIR_TO_SERVER ? dk_request(st, cx, p + off, n - off)
                               : dk_response(st, cx, p + off, n - off);
        if (r == 0)
            break;
        if (r < 0) {
            if (!st->recognised)
                return DISSECT_REJECT;
            st->http_errors++;
            dd->resync = 1;
            off++; /* past the start of the bad message */
            continue;
        }
        off += (size_t)r;
        if (st->hijacked || (d == DIR_TO_SERVER && dd->hold))
            return (int)n;
    }
    return (int)off;
}

static void dk_gap(void *vst, struct dctx *cx, int dir, uint32_t missing)
{
    struct dk_state *st = vst;
    struct dk_dir *dd = &st->d[dir ? DIR_TO_CLIENT : DIR_TO_SERVER];

    (void)missing;
    if (st->hijacked)
        return;
    if (dd->skipping && dd->body.kind == HTTP1_BODY_CLOSE)
        return;       /* a body until close loses bytes, not its place */
    dk_flush(st, cx); /* which reply answers what is lost: report them now */
    dd->skipping = 0;
    dd->resync = 1;
}

static void dk_end(void *vst, struct dctx *cx)
{
    dk_flush(vst, cx);
}

const struct dissector docker_api_dissector = {
    .name = "docker_api",
    .app_proto = "Docker",
    .ipproto = 6,
    .state_size = sizeof(struct dk_state),
    .max_tail = DK_MAX_TAIL,
    .probe = dk_probe,
    .feed = dk_feed,
    .gap = dk_gap,
    .end = dk_end,
};
