/*
 * stratum.c - mining pool sessions: Stratum v1 (Bitcoin family), the
 * CryptoNote / XMRig dialect, the Ethereum dialects (eth-proxy and
 * EthereumStratum/1.0.0) and getwork / getblocktemplate over HTTP POST.
 *
 * What it does: splits each direction into newline-delimited JSON lines
 * (json_scan.h), or for the HTTP dialect into requests / responses with a
 * Content-Length or chunked body, and follows the session: the dialect, the
 * distinct methods, the login (user, worker, rig id, password, agent, algo),
 * the pool's difficulty or target, jobs, shares submitted and the pool's
 * verdicts, matched to the submits by JSON-RPC id (a ring of the last
 * STRATUM_PENDING_MAX requests). Facts, all of type "stratum":
 *  - "stratum.session" once the dialect is known and the pool answered in
 *    kind (state "confirmed") or the client has logged in (state "login");
 *  - "stratum.confirmed" when the pool's answer comes after that first fact;
 *  - "stratum.summary" at end() with the final counters and "duration".
 *
 * Hash rate (est_hashrate, H/s): the expected hashes behind each accepted
 * share, summed, divided by the seconds from the first to the last line:
 *  - Stratum v1 and EthereumStratum/1.0.0: share difficulty d
 *    (mining.set_difficulty) counts d * 2^32 (difficulty 1 is the target
 *    0x00000000ffff0000..., as ethminer's getTargetFromDiff and bitcoind's
 *    difficulty 1);
 *  - CryptoNote: target hex, 4 bytes little-endian -> 0xFFFFFFFF / t32, 8
 *    bytes little-endian -> 2^64 / t64 (the pool's difficulty, in hashes);
 *  - a 256-bit big-endian target (mining.set_target, the eth_getWork
 *    boundary) counts 2^256 / target.
 * Reported only after at least one accepted share and one second.
 *
 * What it deliberately does not do: Stratum v2 (binary, usually encrypted),
 * TLS (the engine reports tls facts and pool names from SNI / DNS), judge
 * anything (signatures do), or keep every job or share: only counters.
 * Before the dialect is recognised any line that is not JSON rejects the
 * flow; afterwards bad lines are counted in "bad_lines" and skipped.
 */
#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

#include "dissector.h"
#include "json_scan.h"

#define STRATUM_LINE_MAX    65536 /* longest line, also the tail the engine keeps */
#define STRATUM_PROBE_LINES 8     /* complete lines one probe looks at */
#define STRATUM_METHODS_MAX 16
#define STRATUM_METHOD_LEN  32
#define STRATUM_PENDING_MAX 32
#define STRATUM_TOKENS      JSON_MAX_TOKENS

enum st_variant {
    V_NONE = 0,
    V_V1,
    V_CRYPTONOTE,
    V_ETH,
    V_GETWORK,
};

static const char *const variant_name[] = {
    "", "stratum-v1", "cryptonote", "ethereum-stratum", "getwork",
};

/* What a method means to us. */
enum st_kind {
    M_NONE = 0,
    M_SUBSCRIBE,
    M_AUTHORIZE,
    M_CONFIGURE,
    M_SUBMIT,
    M_NOTIFY,
    M_SET_DIFF,
    M_SET_TARGET,
    M_V1_OTHER, /* any other mining.* / client.* */
    M_LOGIN,
    M_JOB,
    M_CN_SUBMIT,
    M_KEEPALIVE,
    M_GETJOB,
    M_ETH_LOGIN,
    M_ETH_GETWORK,
    M_ETH_SUBMIT,
    M_ETH_HASHRATE,
    M_GW_GETWORK, /* HTTP only */
    M_GW_GBT,
    M_GW_SUBMITBLOCK,
};

static const struct {
    const char *name;
    uint8_t kind;
} st_methods[] = {
    {"mining.subscribe", M_SUBSCRIBE},
    {"mining.authorize", M_AUTHORIZE},
    {"mining.configure", M_CONFIGURE},
    {"mining.submit", M_SUBMIT},
    {"mining.notify", M_NOTIFY},
    {"mining.set_difficulty", M_SET_DIFF},
    {"mining.set_target", M_SET_TARGET},
    {"login", M_LOGIN},
    {"job", M_JOB},
    {"submit", M_CN_SUBMIT},
    {"keepalived", M_KEEPALIVE},
    {"getjob", M_GETJOB},
    {"eth_submitLogin", M_ETH_LOGIN},
    {"eth_getWork", M_ETH_GETWORK},
    {"eth_submitWork", M_ETH_SUBMIT},
    {"eth_submitHashrate", M_ETH_HASHRATE},
    {"getwork", M_GW_GETWORK},
    {"getblocktemplate", M_GW_GBT},
    {"submitblock", M_GW_SUBMITBLOCK},
};

/* A request waiting for its answer. */
enum st_pend_kind {
    P_NONE = 0,
    P_SUBMIT,
    P_LOGIN,
    P_SUBSCRIBE,
    P_AUTHORIZE,
    P_WORK,
};

struct st_pending {
    uint64_t id; /* hash of the id token */
    uint32_t seq;
    uint8_t kind;
    double work; /* expected hashes behind a submitted share */
};

/* An unanswered login is reported after this much silence or client chatter. */
#define STRATUM_UNANSWERED_US    (10ULL * 1000000)
#define STRATUM_UNANSWERED_LINES 3

#define STR_FIELD(name, cap) \
    uint16_t name##_len;     \
    char name[cap]

struct stratum_state {
    uint8_t variant;
    uint8_t client_seen, server_seen;
    uint8_t confirmed;
    uint8_t logged_in;    /* the client sent its login / authorize / subscribe */
    uint8_t reported;     /* 1: session fact out ("login"), 2: out as "confirmed" */
    uint8_t http;         /* the getwork dialect: HTTP messages */
    uint8_t raw_lines[2]; /* HTTP body without length: plain lines from here on */
    uint8_t resync[2];    /* drop bytes up to the next newline */
    uint8_t has_diff, has_time;
    uint8_t nmethods;
    uint8_t mlen[STRATUM_METHODS_MAX];
    char methods[STRATUM_METHODS_MAX][STRATUM_METHOD_LEN];
    STR_FIELD(user, 256);
    STR_FIELD(worker, 128);
    STR_FIELD(rig_id, 64);
    STR_FIELD(pass, 64);
    STR_FIELD(agent, 192);
    STR_FIELD(algo, 512); /* XMRig offers every algorithm its backends know: ~300 bytes */
    STR_FIELD(pool_host, 128);
    STR_FIELD(target, 80);
    double difficulty;
    double cur_work; /* expected hashes per share now, 0 unknown */
    double work_accepted;
    uint64_t jobs, shares, accepted, rejected, bad_lines;
    uint64_t first_ts, last_ts;
    uint64_t login_ts;     /* when the login was first seen */
    uint32_t lines[2];     /* complete lines per direction */
    uint32_t login_lines;  /* client lines when the login was seen */
    uint8_t login_seen;
    uint32_t seq;
    struct st_pending pend[STRATUM_PENDING_MAX];
};

/* One parsed JSON line or body. */
struct st_msg {
    const char *s;
    struct json_tok *t;
    int n;
};

/* ---- small helpers -------------------------------------------------------- */

static int st_kind_of(const struct st_msg *m, int tok)
{
    if (tok < 0 || m->t[tok].type != JSON_STRING)
        return M_NONE;
    for (size_t i = 0; i < sizeof(st_methods) / sizeof(st_methods[0]); i++)
        if (json_str_eq(m->s, &m->t[tok], st_methods[i].name))
            return st_methods[i].kind;
    if (json_str_prefix(m->s, &m->t[tok], "mining.") ||
        json_str_prefix(m->s, &m->t[tok], "client."))
        return M_V1_OTHER;
    return M_NONE;
}

static int st_get(const struct st_msg *m, int obj, const char *key)
{
    return json_obj_get(m->s, m->t, m->n, obj, key);
}

static int st_type(const struct st_msg *m, int tok)
{
    return tok < 0 ? JSON_NONE : m->t[tok].type;
}

/* Copies a string token into a state buffer, truncated to cap. */
static void st_copy(const struct st_msg *m, int tok, char *buf, uint16_t *len, size_t cap)
{
    int l;

    if (tok < 0 || m->t[tok].type != JSON_STRING)
        return;
    l = json_unescape(m->s, &m->t[tok], buf, cap);
    if (l < 0)
        return;
    *len = (uint16_t)((size_t)l < cap ? (size_t)l : cap);
}

#define ST_COPY(st, m, tok, f) st_copy(m, tok, (st)->f, &(st)->f##_len, sizeof((st)->f))

/* FNV-1a of the id's type and raw text; ids are numbers or strings. */
static uint64_t st_id_hash(const struct st_msg *m, int tok)
{
    uint64_t h = 1469598103934665603ULL ^ m->t[tok].type;

    for (uint32_t i = 0; i < m->t[tok].len; i++) {
        h ^= (uint8_t)m->s[m->t[tok].start + i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* Is this params object what a CryptoNote method carries? Guards generic "login" APIs. */
static int st_cn_shape(const struct st_msg *m, int kind, int params)
{
    if (st_type(m, params) != JSON_OBJECT)
        return 0;
    switch (kind) {
    case M_LOGIN:
        return st_get(m, params, "login") >= 0;
    case M_CN_SUBMIT:
        return st_get(m, params, "job_id") >= 0 && st_get(m, params, "nonce") >= 0;
    case M_JOB:
        return st_get(m, params, "blob") >= 0 || st_get(m, params, "job_id") >= 0;
    case M_KEEPALIVE:
    case M_GETJOB:
        return st_get(m, params, "id") >= 0;
    }
    return 0;
}

/* Is this a mining method on a raw line (HTTP-only getwork methods are not)? */
static int st_line_method_ok(const struct st_msg *m, int kind, int params)
{
    switch (kind) {
    case M_NONE:
    case M_GW_GETWORK:
    case M_GW_GBT:
    case M_GW_SUBMITBLOCK:
        return 0;
    case M_LOGIN:
    case M_CN_SUBMIT:
    case M_JOB:
    case M_KEEPALIVE:
    case M_GETJOB:
        return st_cn_shape(m, kind, params);
    }
    return 1;
}

static int st_is_hex0x(const struct st_msg *m, int tok)
{
    return st_type(m, tok) == JSON_STRING && m->t[tok].len >= 10 && m->s[m->t[tok].start] == '0' &&
           m->s[m->t[tok].start + 1] == 'x';
}

/* A login / getjob result: {"job":{"blob"|"job_id", "target"}} */
static int st_result_job(const struct st_msg *m, int result)
{
    int job = st_get(m, result, "job");

    return st_type(m, job) == JSON_OBJECT &&
           (st_get(m, job, "blob") >= 0 || st_get(m, job, "job_id") >= 0) &&
           st_get(m, job, "target") >= 0;
}

/* eth_getWork result: [headerhash, seedhash, boundary], all 0x-hex. */
static int st_result_ethwork(const struct st_msg *m, int result)
{
    if (st_type(m, result) != JSON_ARRAY || m->t[result].size < 3)
        return 0;
    for (unsigned i = 0; i < 3; i++)
        if (!st_is_hex0x(m, json_arr_get(m->t, m->n, result, i)))
            return 0;
    return 1;
}

/* mining.subscribe result: [[["mining.notify", id], ...], extranonce1, size] */
static int st_result_subscribe(const struct st_msg *m, int result)
{
    int subs = json_arr_get(m->t, m->n, result, 0);

    if (st_type(m, subs) != JSON_ARRAY)
        return 0;
    for (int k = subs + 1; k < (int)m->t[subs].next && k < m->n; k++)
        if (m->t[k].type == JSON_STRING && json_str_eq(m->s, &m->t[k], "mining.notify"))
            return 1;
    return 0;
}

/* ---- difficulty ----------------------------------------------------------- */

static int hexdig(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/*
 * Expected hashes per share from a target hex string (see the file header).
 * Returns 0 when the target is not one we can read.
 */
static double st_target_work(const char *h, size_t n)
{
    double t = 0;

    if (n >= 2 && h[0] == '0' && (h[1] == 'x' || h[1] == 'X')) {
        h += 2;
        n -= 2;
    }
    if (n == 8 || n == 16) { /* CryptoNote: little-endian bytes */
        for (size_t i = n; i >= 2; i -= 2) {
            int a = hexdig(h[i - 2]), b = hexdig(h[i - 1]);

            if (a < 0 || b < 0)
                return 0;
            t = t * 256 + (a << 4 | b);
        }
        if (t == 0)
            return 0;
        return n == 8 ? 4294967295.0 / t : 18446744073709551616.0 / t;
    }
    if (n == 64) { /* 256-bit big-endian */
        for (size_t i = 0; i < n; i++) {
            int d = hexdig(h[i]);

            if (d < 0)
                return 0;
            t = t * 16 + d;
        }
        if (t == 0)
            return 0;
        return 1.157920892373162e77 / t; /* 2^256 */
    }
    return 0;
}

static void st_set_target(struct stratum_state *st, const struct st_msg *m, int tok)
{
    if (st_type(m, tok) != JSON_STRING)
        return;
    ST_COPY(st, m, tok, target);
    st->cur_work = st_target_work(st->target, st->target_len);
}

/* ---- facts ---------------------------------------------------------------- */

static void st_fact_fields(struct stratum_state *st, struct fact *f, const char *state)
{
    fact_cstr(f, "variant", variant_name[st->variant]);
    if (state)
        fact_cstr(f, "state", state);
    for (unsigned i = 0; i < st->nmethods; i++)
        fact_str_item(f, "methods", st->methods[i], st->mlen[i]);
#define OPT_STR(name)   \
    if (st->name##_len) \
    fact_str(f, #name, st->name, st->name##_len)
    OPT_STR(user);
    OPT_STR(worker);
    OPT_STR(rig_id);
    OPT_STR(pass);
    OPT_STR(agent);
    OPT_STR(algo);
    OPT_STR(pool_host);
    if (st->has_diff)
        fact_double(f, "difficulty", st->difficulty);
    OPT_STR(target);
#undef OPT_STR
    fact_uint(f, "jobs", st->jobs);
    fact_uint(f, "shares", st->shares);
    fact_uint(f, "accepted", st->accepted);
    fact_uint(f, "rejected", st->rejected);
    if (st->accepted && st->has_time && st->last_ts - st->first_ts >= 1000000 &&
        st->work_accepted > 0)
        fact_double(f, "est_hashrate",
                    st->work_accepted / ((double)(st->last_ts - st->first_ts) / 1e6));
    if (st->bad_lines)
        fact_uint(f, "bad_lines", st->bad_lines);
    fact_bool(f, "tls", 0);
    fact_bool(f, "confirmed", st->confirmed);
    fact_bool(f, "client_seen", st->client_seen);
    fact_bool(f, "server_seen", st->server_seen);
}

/*
 * Emits the session / confirmed facts when their moment has come. A pool
 * usually answers a login within milliseconds, so an unanswered login is
 * reported only once the pool has stayed silent for a while (or the client
 * kept talking, or the flow ended): one alert per session, not a "login"
 * alert followed by a "confirmed" one. Only a pool that answers after that
 * produces the second fact, the escalation.
 */
static void st_maybe_report(struct stratum_state *st, struct dctx *cx, int final)
{
    struct fact f;
    int unanswered;

    if (!st->variant)
        return;
    if (st->logged_in && !st->login_seen) {
        st->login_seen = 1;
        st->login_ts = st->last_ts;
        st->login_lines = st->lines[DIR_TO_SERVER];
    }
    unanswered = st->logged_in && !st->confirmed &&
                 (final || st->last_ts - st->login_ts >= STRATUM_UNANSWERED_US ||
                  st->lines[DIR_TO_SERVER] - st->login_lines >= STRATUM_UNANSWERED_LINES);
    if (!st->reported && (st->confirmed || unanswered)) {
        fact_init(&f, "stratum", "stratum.session");
        f.flags = FACT_F_NOLOG; /* raises the alert; the summary is the session's log */
        st_fact_fields(st, &f, st->confirmed ? "confirmed" : "login");
        cx->emit(cx, &f);
        st->reported = st->confirmed ? 2 : 1;
    } else if (st->reported == 1 && st->confirmed) {
        fact_init(&f, "stratum", "stratum.confirmed");
        f.flags = FACT_F_NOLOG;
        st_fact_fields(st, &f, "confirmed");
        cx->emit(cx, &f);
        st->reported = 2;
    }
}

/* ---- session tracking ----------------------------------------------------- */

static void st_method_seen(struct stratum_state *st, const struct st_msg *m, int tok)
{
    char buf[STRATUM_METHOD_LEN];
    int l = json_unescape(m->s, &m->t[tok], buf, sizeof(buf));
    size_t len;

    if (l <= 0)
        return;
    len = (size_t)l < sizeof(buf) ? (size_t)l : sizeof(buf);
    for (unsigned i = 0; i < st->nmethods; i++)
        if (st->mlen[i] == len && memcmp(st->methods[i], buf, len) == 0)
            return;
    if (st->nmethods >= STRATUM_METHODS_MAX)
        return;
    memcpy(st->methods[st->nmethods], buf, len);
    st->mlen[st->nmethods++] = (uint8_t)len;
}

static void st_set_variant(struct stratum_state *st, int v)
{
    if (!st->variant)
        st->variant = (uint8_t)v;
}

static void st_pend_add(struct stratum_state *st, const struct st_msg *m, int id, int kind)
{
    struct st_pending *p;

    if (st_type(m, id) != JSON_NUMBER && st_type(m, id) != JSON_STRING)
        return;
    p = &st->pend[st->seq % STRATUM_PENDING_MAX];
    p->id = st_id_hash(m, id);
    p->seq = st->seq++;
    p->kind = (uint8_t)kind;
    p->work = st->cur_work;
}

/* Takes the oldest pending request with this id; NULL when none. */
static struct st_pending *st_pend_take(struct stratum_state *st, const struct st_msg *m, int id)
{
    struct st_pending *best = NULL;
    uint64_t h;

    if (st_type(m, id) != JSON_NUMBER && st_type(m, id) != JSON_STRING)
        return NULL;
    h = st_id_hash(m, id);
    for (unsigned i = 0; i < STRATUM_PENDING_MAX; i++) {
        struct st_pending *p = &st->pend[i];

        if (p->kind && p->id == h && (!best || p->seq < best->seq))
            best = p;
    }
    return best;
}

/*
 * The worker name inside a login, unless one is already known: pools take
 * "wallet.worker" (most), "wallet/worker/email" (nanopool) or
 * "wallet.worker/email". The worker starts after the first '.' or '/' and
 * ends at the next '/'.
 */
static void st_split_worker(struct stratum_state *st)
{
    size_t start = 0, end;

    if (st->worker_len)
        return;
    while (start < st->user_len && st->user[start] != '.' && st->user[start] != '/')
        start++;
    if (++start >= st->user_len)
        return;
    end = start;
    while (end < st->user_len && st->user[end] != '/')
        end++;
    if (end - start > sizeof(st->worker))
        end = start + sizeof(st->worker);
    memcpy(st->worker, st->user + start, end - start);
    st->worker_len = (uint16_t)(end - start);
}

/*
 * HTTP getwork miners (ethminer, Claymore) put the wallet in the URL:
 * "/0xWALLET/rig" or "/?miner=30@0xWALLET@rig". An Ethereum address (0x and
 * 40 hex digits) in the request target becomes the user when none is known.
 */
static void st_user_from_target(struct stratum_state *st, const uint8_t *p, size_t n)
{
    size_t i = 0, e;

    if (st->user_len)
        return;
    while (i < n && p[i] != ' ' && p[i] != '\r')
        i++; /* the method */
    e = ++i;
    while (e < n && p[e] != ' ' && p[e] != '\r' && p[e] != '\n')
        e++; /* the target is p[i..e) */
    for (; i + 42 <= e; i++) {
        size_t k = 0;
        if (p[i] != '0' || (p[i + 1] != 'x' && p[i + 1] != 'X'))
            continue;
        while (k < 40 && isxdigit(p[i + 2 + k]))
            k++;
        if (k < 40)
            continue;
        memcpy(st->user, p + i, 42);
        st->user_len = 42;
        return;
    }
}

static void st_job_params(struct stratum_state *st, const struct st_msg *m, int job)
{
    int algo = st_get(m, job, "algo");

    st_set_target(st, m, st_get(m, job, "target"));
    if (!st->algo_len)
        ST_COPY(st, m, algo, algo);
}

static void st_login_params(struct stratum_state *st, const struct st_msg *m, int params)
{
    int algo = st_get(m, params, "algo");

    ST_COPY(st, m, st_get(m, params, "login"), user);
    ST_COPY(st, m, st_get(m, params, "pass"), pass);
    ST_COPY(st, m, st_get(m, params, "agent"), agent);
    ST_COPY(st, m, st_get(m, params, "rigid"), rig_id);
    ST_COPY(st, m, st_get(m, params, "worker"), worker);
    ST_COPY(st, m, st_get(m, params, "host"), pool_host);
    if (st_type(m, algo) == JSON_ARRAY) {
        size_t w = 0;

        /* whole names only: a list cut mid-name would name an algorithm nobody sent */
        for (unsigned i = 0; i < m->t[algo].size; i++) {
            int a = json_arr_get(m->t, m->n, algo, i);
            char item[64];
            int l;

            if (st_type(m, a) != JSON_STRING)
                continue;
            l = json_unescape(m->s, &m->t[a], item, sizeof(item));
            if (l <= 0 || (size_t)l >= sizeof(item))
                continue;
            if (w + (w ? 1 : 0) + (size_t)l > sizeof(st->algo))
                break;
            if (w)
                st->algo[w++] = ',';
            memcpy(st->algo + w, item, (size_t)l);
            w += (size_t)l;
        }
        st->algo_len = (uint16_t)w;
    } else {
        ST_COPY(st, m, algo, algo);
    }
    st_split_worker(st);
}

/* A request or notification (a line with "method"). */
static void st_method(struct stratum_state *st, const struct st_msg *m, int dir, int kind,
                      int params, int id)
{
    int p0 = json_arr_get(m->t, m->n, params, 0);
    int p1 = json_arr_get(m->t, m->n, params, 1);
    double d;

    switch (kind) {
    case M_SUBSCRIBE:
        if (p1 >= 0 && json_str_prefix(m->s, &m->t[p1], "EthereumStratum"))
            st->variant = V_ETH;
        st_set_variant(st, V_V1);
        ST_COPY(st, m, p0, agent);
        st->logged_in = 1;
        st_pend_add(st, m, id, P_SUBSCRIBE);
        break;
    case M_AUTHORIZE:
    case M_ETH_LOGIN:
        st_set_variant(st, kind == M_ETH_LOGIN ? V_ETH : V_V1);
        ST_COPY(st, m, p0, user);
        ST_COPY(st, m, p1, pass);
        st_split_worker(st);
        if (kind == M_ETH_LOGIN && !st->worker_len)
            ST_COPY(st, m, st_get(m, 0, "worker"), worker);
        st->logged_in = 1;
        st_pend_add(st, m, id, P_AUTHORIZE);
        break;
    case M_CONFIGURE:
    case M_V1_OTHER:
        st_set_variant(st, V_V1);
        break;
    case M_SUBMIT:
    case M_CN_SUBMIT:
    case M_ETH_SUBMIT:
    case M_GW_SUBMITBLOCK:
        if (kind != M_GW_SUBMITBLOCK)
            st_set_variant(st, kind == M_SUBMIT      ? V_V1
                               : kind == M_CN_SUBMIT ? V_CRYPTONOTE
                                                     : V_ETH);
        if (dir != DIR_TO_SERVER)
            break;
        if (kind == M_SUBMIT && !st->user_len) { /* mid-session: the worker name */
            ST_COPY(st, m, p0, user);
            st_split_worker(st);
        }
        st->shares++;
        st_pend_add(st, m, id, P_SUBMIT);
        break;
    case M_GW_GETWORK:
        /* getwork with data is a submit, without asks for work */
        if (dir == DIR_TO_SERVER && p0 >= 0) {
            st->shares++;
            st_pend_add(st, m, id, P_SUBMIT);
        } else if (dir == DIR_TO_SERVER) {
            st_pend_add(st, m, id, P_WORK);
        }
        st->logged_in = 1;
        break;
    case M_GW_GBT:
    case M_ETH_GETWORK:
        if (kind == M_ETH_GETWORK)
            st_set_variant(st, V_ETH);
        if (dir == DIR_TO_SERVER)
            st_pend_add(st, m, id, P_WORK);
        if (kind == M_GW_GBT)
            st->logged_in = 1;
        break;
    case M_NOTIFY:
        st_set_variant(st, V_V1);
        if (dir == DIR_TO_CLIENT) {
            st->jobs++;
            st->confirmed = 1;
        }
        break;
    case M_SET_DIFF:
        st_set_variant(st, V_V1);
        if (dir == DIR_TO_CLIENT && st_type(m, p0) == JSON_NUMBER &&
            json_num_double(m->s, &m->t[p0], &d) == 0 && d > 0) {
            st->difficulty = d;
            st->has_diff = 1;
            st->cur_work = d * 4294967296.0;
            st->confirmed = 1;
        }
        break;
    case M_SET_TARGET:
        st_set_variant(st, V_V1);
        if (dir == DIR_TO_CLIENT) {
            st_set_target(st, m, p0);
            st->confirmed = 1;
        }
        break;
    case M_LOGIN:
        st_set_variant(st, V_CRYPTONOTE);
        st_login_params(st, m, params);
        st->logged_in = 1;
        st_pend_add(st, m, id, P_LOGIN);
        break;
    case M_JOB:
        st_set_variant(st, V_CRYPTONOTE);
        if (dir == DIR_TO_CLIENT) {
            st_job_params(st, m, params);
            st->jobs++;
            st->confirmed = 1;
        }
        break;
    case M_GETJOB:
        st_set_variant(st, V_CRYPTONOTE);
        st_pend_add(st, m, id, P_LOGIN);
        break;
    case M_KEEPALIVE:
    case M_ETH_HASHRATE:
        st_set_variant(st, kind == M_KEEPALIVE ? V_CRYPTONOTE : V_ETH);
        break;
    }
}

/* A response (a line with "result" / "error" and no "method"). */
static void st_response(struct stratum_state *st, const struct st_msg *m, int dir, int id)
{
    int result = st_get(m, 0, "result"), error = st_get(m, 0, "error");
    int ok = result >= 0 && m->t[result].type != JSON_NULL && m->t[result].type != JSON_FALSE &&
             (error < 0 || m->t[error].type == JSON_NULL);
    struct st_pending *p;
    int job = 0;

    if (dir != DIR_TO_CLIENT)
        return;
    /* by shape first: some pools push work with an id nobody asked for */
    if (ok && st_type(m, result) == JSON_OBJECT && st_result_job(m, result)) {
        st_set_variant(st, V_CRYPTONOTE);
        st_job_params(st, m, st_get(m, result, "job"));
        job = 1;
        st->confirmed = 1;
    } else if (ok && st_result_ethwork(m, result)) {
        st_set_variant(st, V_ETH);
        st_set_target(st, m, json_arr_get(m->t, m->n, result, 2));
        job = 1;
        st->confirmed = 1;
    } else if (ok && st_result_subscribe(m, result)) {
        st_set_variant(st, V_V1);
        st->confirmed = 1;
    }
    st->jobs += (uint64_t)job;
    p = st_pend_take(st, m, id);
    if (!p)
        return;
    switch (p->kind) {
    case P_SUBMIT: {
        int status = st_type(m, result) == JSON_OBJECT ? st_get(m, result, "status") : -1;

        if (ok && (status < 0 || json_str_eq(m->s, &m->t[status], "OK"))) {
            st->accepted++;
            st->work_accepted += p->work;
        } else {
            st->rejected++;
        }
        break;
    }
    case P_SUBSCRIBE:
    case P_AUTHORIZE:
    case P_WORK:
        if (ok)
            st->confirmed = 1;
        /* getwork / getblocktemplate answers are work of their own shape */
        if (ok && p->kind == P_WORK && !job)
            st->jobs++;
        break;
    case P_LOGIN:
        break; /* the job in it was counted above */
    }
    p->kind = P_NONE;
}

/*
 * Handles one JSON document of direction dir. Returns 0, or -1 when it is not
 * something a mining session says (the caller decides what that costs).
 */
static int st_json(struct stratum_state *st, const char *s, size_t n, int dir)
{
    struct json_tok tok[STRATUM_TOKENS];
    struct st_msg m = {.s = s, .t = tok};
    int method, params, id, kind;

    m.n = json_scan(s, n, tok, STRATUM_TOKENS);
    if (m.n == JSON_ERR_NOMEM)
        return 0; /* well-formed as far as read, just big (a block template) */
    if (m.n < 0 || tok[0].type != JSON_OBJECT)
        return -1;
    method = st_get(&m, 0, "method");
    params = st_get(&m, 0, "params");
    id = st_get(&m, 0, "id");
    if (method >= 0) {
        if (tok[method].type != JSON_STRING)
            return -1;
        kind = st_kind_of(&m, method);
        if (!st->variant && !st->http && !st_line_method_ok(&m, kind, params))
            return -1;
        st_method_seen(st, &m, method);
        st_method(st, &m, dir, kind, params, id);
    } else if (st_get(&m, 0, "result") >= 0 || st_get(&m, 0, "error") >= 0) {
        st_response(st, &m, dir, id);
    }
    return 0;
}

/* ---- framing -------------------------------------------------------------- */

static const uint8_t *st_memmem(const uint8_t *p, size_t n, const char *needle)
{
    size_t l = strlen(needle);

    for (size_t i = 0; n >= l && i <= n - l; i++)
        if (p[i] == (uint8_t)needle[0] && memcmp(p + i, needle, l) == 0)
            return p + i;
    return NULL;
}

/* Trims a line of its "\r" and surrounding blanks; returns the new length. */
static size_t st_trim(const uint8_t **p, size_t n)
{
    while (n && (**p == ' ' || **p == '\t' || **p == '\r')) {
        (*p)++;
        n--;
    }
    while (n && ((*p)[n - 1] == '\r' || (*p)[n - 1] == ' ' || (*p)[n - 1] == '\t'))
        n--;
    return n;
}

/* ---- HTTP (the getwork dialect) ------------------------------------------ */

struct st_http {
    size_t head;  /* bytes of the head, blank line included */
    size_t body;  /* offset of the body */
    size_t total; /* bytes of the whole message, 0 when unknown (read to close) */
    int request;
    int mining_hdr; /* X-Mining-Extensions or X-Stratum */
    const uint8_t *host, *ua;
    size_t host_len, ua_len;
    const uint8_t *chunk; /* the first chunk of a chunked body */
    size_t chunk_len;
};

static int st_hdr_is(const uint8_t *l, size_t n, const char *name)
{
    size_t k = strlen(name);

    return n > k && l[k] == ':' && strncasecmp((const char *)l, name, k) == 0;
}

static size_t st_hdr_val(const uint8_t *l, size_t n, const char *name, const uint8_t **v)
{
    size_t k = strlen(name) + 1;

    while (k < n && (l[k] == ' ' || l[k] == '\t'))
        k++;
    *v = l + k;
    return n - k;
}

static long st_hexnum(const uint8_t *p, size_t n, size_t *used)
{
    long v = 0;
    size_t i = 0;

    for (; i < n && i < 8 && hexdig((char)p[i]) >= 0; i++)
        v = v * 16 + hexdig((char)p[i]);
    *used = i;
    return i ? v : -1;
}

/* Walks a chunked body at p[0..n): returns its length, 0 when incomplete, -1 when bad. */
static long st_chunked(const uint8_t *p, size_t n, struct st_http *h)
{
    size_t off = 0, used;

    for (;;) {
        const uint8_t *eol = st_memmem(p + off, n - off, "\r\n");
        long size;

        if (!eol)
            return n - off > 64 ? -1 : 0;
        size = st_hexnum(p + off, (size_t)(eol - p - off), &used);
        if (size < 0)
            return -1;
        off = (size_t)(eol - p) + 2;
        if (size == 0) {
            const uint8_t *end = st_memmem(p + off, n - off, "\r\n");

            if (!end) /* trailers, then a blank line */
                return 0;
            if (end != p + off) {
                end = st_memmem(p + off, n - off, "\r\n\r\n");
                if (!end)
                    return 0;
                return (long)(end - p) + 4;
            }
            return (long)off + 2;
        }
        if (n - off < (size_t)size + 2)
            return 0;
        if (!h->chunk) {
            h->chunk = p + off;
            h->chunk_len = (size_t)size;
        }
        off += (size_t)size + 2;
    }
}

/*
 * Parses an HTTP message head (and finds the body's end) at p[0..n).
 * Returns 1 complete, 0 need more, -1 not HTTP / broken.
 */
static int st_http_parse(const uint8_t *p, size_t n, struct st_http *h)
{
    const uint8_t *end = st_memmem(p, n, "\r\n\r\n"), *l, *v;
    long clen = -1;
    int chunked = 0;

    memset(h, 0, sizeof(*h));
    if (!end)
        return n >= STRATUM_LINE_MAX ? -1 : 0;
    h->head = (size_t)(end - p) + 4;
    h->request = memcmp(p, "HTTP/", n < 5 ? n : 5) != 0;
    l = st_memmem(p, h->head, "\r\n") + 2;
    while (l < end) {
        const uint8_t *eol = st_memmem(l, (size_t)(end + 2 - l), "\r\n");
        size_t ln = (size_t)(eol - l), vn;

        if (st_hdr_is(l, ln, "Content-Length")) {
            size_t used;

            vn = st_hdr_val(l, ln, "Content-Length", &v);
            clen = 0;
            for (used = 0; used < vn && v[used] >= '0' && v[used] <= '9' && clen < 1 << 24; used++)
                clen = clen * 10 + (v[used] - '0');
        } else if (st_hdr_is(l, ln, "Transfer-Encoding")) {
            vn = st_hdr_val(l, ln, "Transfer-Encoding", &v);
            chunked = st_memmem(v, vn, "chunked") != NULL;
        } else if (st_hdr_is(l, ln, "Host")) {
            h->host_len = st_hdr_val(l, ln, "Host", &h->host);
        } else if (st_hdr_is(l, ln, "User-Agent")) {
            h->ua_len = st_hdr_val(l, ln, "User-Agent", &h->ua);
        } else if (st_hdr_is(l, ln, "X-Mining-Extensions") || st_hdr_is(l, ln, "X-Stratum")) {
            h->mining_hdr = 1;
        }
        l = eol + 2;
    }
    h->body = h->head;
    if (chunked) {
        long len = st_chunked(p + h->head, n - h->head, h);

        if (len <= 0)
            return (int)len;
        h->total = h->head + (size_t)len;
        return 1;
    }
    if (clen < 0)
        clen = h->request ? 0 : -1;
    if (clen < 0) {
        h->total = 0; /* read to close: the caller reads lines */
        return 1;
    }
    if (n - h->head < (size_t)clen)
        return (size_t)clen >= STRATUM_LINE_MAX ? -1 : 0;
    h->total = h->head + (size_t)clen;
    h->chunk = p + h->head;
    h->chunk_len = (size_t)clen;
    return 1;
}

static int st_http_start(const uint8_t *p, size_t n)
{
    static const char *const verbs[] = {"POST ", "GET ", "HTTP/"};

    for (unsigned i = 0; i < 3; i++) {
        size_t l = strlen(verbs[i]);

        if (memcmp(p, verbs[i], n < l ? n : l) == 0)
            return n < l ? 0 : 1;
    }
    return -1;
}

/* The mining method of an HTTP JSON body, M_NONE when none. */
static int st_http_body_kind(const uint8_t *b, size_t n)
{
    struct json_tok tok[STRATUM_TOKENS];
    struct st_msg m = {.s = (const char *)b, .t = tok};

    m.n = json_scan(m.s, n, tok, STRATUM_TOKENS);
    if (m.n <= 0 || tok[0].type != JSON_OBJECT)
        return M_NONE;
    switch (st_kind_of(&m, st_get(&m, 0, "method"))) {
    case M_GW_GETWORK:
    case M_GW_GBT:
    case M_GW_SUBMITBLOCK:
    case M_ETH_LOGIN:
    case M_ETH_GETWORK:
    case M_ETH_SUBMIT:
    case M_ETH_HASHRATE:
        return 1;
    }
    return M_NONE;
}

/* Feeds HTTP messages; returns bytes used or DISSECT_REJECT. */
static int st_feed_http(struct stratum_state *st, int dir, const uint8_t *p, size_t n)
{
    size_t off = 0;

    while (off < n) {
        struct st_http h;
        int r;

        while (off < n && (p[off] == '\r' || p[off] == '\n'))
            off++;
        if (off == n)
            break;
        if (p[off] == '{') { /* a pool answering a POST with a bare line */
            st->raw_lines[dir] = 1;
            break;
        }
        r = st_http_start(p + off, n - off);
        if (r == 0)
            break;
        r = r < 0 ? -1 : st_http_parse(p + off, n - off, &h);
        if (r == 0)
            break;
        if (r < 0) { /* lost: skip what we have, resync on the next message */
            if (!st->variant)
                return DISSECT_REJECT;
            st->bad_lines++;
            st->resync[dir] = 1;
            return (int)n;
        }
        if (h.request && !st->variant) {
            if (!h.mining_hdr && !(h.chunk && st_http_body_kind(h.chunk, h.chunk_len)))
                return DISSECT_REJECT;
            st->variant = V_GETWORK;
        }
        if (h.request)
            st_user_from_target(st, p + off, h.head);
        if (h.request && h.host_len && !st->pool_host_len) {
            size_t l = h.host_len;
            const uint8_t *colon = memchr(h.host, ':', l);

            if (colon && h.host[0] != '[')
                l = (size_t)(colon - h.host);
            l = l < sizeof(st->pool_host) ? l : sizeof(st->pool_host);
            memcpy(st->pool_host, h.host, l);
            st->pool_host_len = (uint16_t)l;
        }
        if (h.request && h.ua_len && !st->agent_len) {
            size_t l = h.ua_len < sizeof(st->agent) ? h.ua_len : sizeof(st->agent);

            memcpy(st->agent, h.ua, l);
            st->agent_len = (uint16_t)l;
        }
        if (h.request && h.mining_hdr)
            st->logged_in = 1;
        if (!h.request && h.mining_hdr) /* X-Stratum: the pool points at its stratum port */
            st->confirmed = 1;
        if (h.chunk && h.chunk_len && st_json(st, (const char *)h.chunk, h.chunk_len, dir) < 0)
            st->bad_lines++;
        if (h.total == 0) { /* the rest of the connection is the body */
            st->raw_lines[dir] = 1;
            return (int)(off + h.head);
        }
        off += h.total;
    }
    return (int)off;
}

/* ---- the dissector -------------------------------------------------------- */

/* Classifies one complete line for probe: PROBE_YES, PROBE_NO or PROBE_MAYBE. */
static int st_probe_line(int dir, const uint8_t *p, size_t n)
{
    struct json_tok tok[STRATUM_TOKENS];
    struct st_msg m = {.s = (const char *)p, .t = tok};
    int method, kind, result, error;

    m.n = json_scan(m.s, n, tok, STRATUM_TOKENS);
    if (m.n == JSON_ERR_NOMEM)
        return PROBE_MAYBE;
    if (m.n < 0 || tok[0].type != JSON_OBJECT)
        return PROBE_NO;
    method = st_get(&m, 0, "method");
    if (method >= 0) {
        kind = st_kind_of(&m, method);
        return st_line_method_ok(&m, kind, st_get(&m, 0, "params")) ? PROBE_YES : PROBE_NO;
    }
    result = st_get(&m, 0, "result");
    error = st_get(&m, 0, "error");
    if (result < 0 && error < 0)
        return PROBE_NO; /* JSON, but not JSON-RPC */
    if (dir == DIR_TO_CLIENT && result >= 0 &&
        ((st_type(&m, result) == JSON_OBJECT && st_result_job(&m, result)) ||
         st_result_ethwork(&m, result) || st_result_subscribe(&m, result)))
        return PROBE_YES;
    return PROBE_MAYBE; /* a bare response: the next line may tell */
}

static int st_probe_http(const uint8_t *p, size_t n)
{
    struct st_http h;
    int r = st_http_parse(p, n, &h);

    if (r == 0)
        return PROBE_MAYBE;
    if (r < 0 || !h.request)
        return PROBE_NO;
    if (h.mining_hdr || (h.chunk && st_http_body_kind(h.chunk, h.chunk_len)))
        return PROBE_YES;
    return PROBE_NO;
}

static int st_probe(const struct flow_info *fi, int dir, const uint8_t *p, size_t n)
{
    size_t off = 0, lines = 0;
    int verdict = PROBE_MAYBE;

    (void)fi;
    while (off < n && (p[off] == ' ' || p[off] == '\t' || p[off] == '\r' || p[off] == '\n'))
        off++;
    if (off == n)
        return n >= STRATUM_LINE_MAX ? PROBE_NO : PROBE_MAYBE;
    if (dir == DIR_TO_SERVER && memcmp(p + off, "POST ", n - off < 5 ? n - off : 5) == 0)
        return n - off < 5 ? PROBE_MAYBE : st_probe_http(p + off, n - off);
    if (p[off] != '{')
        return PROBE_NO;
    while (off < n && lines < STRATUM_PROBE_LINES) {
        const uint8_t *nl = memchr(p + off, '\n', n - off), *l = p + off;
        size_t len;

        if (!nl)
            return n - off >= STRATUM_LINE_MAX ? PROBE_NO : verdict;
        len = st_trim(&l, (size_t)(nl - l));
        off = (size_t)(nl - p) + 1;
        if (len == 0)
            continue;
        lines++;
        if (l[0] != '{')
            return PROBE_NO;
        verdict = st_probe_line(dir, l, len);
        if (verdict != PROBE_MAYBE)
            return verdict;
    }
    return verdict;
}

/* Handles one complete line; returns 0 or DISSECT_REJECT. */
static int st_line(struct stratum_state *st, int dir, const uint8_t *l, size_t len)
{
    len = st_trim(&l, len);
    if (len == 0)
        return 0;
    if (st_json(st, (const char *)l, len, dir) == 0)
        return 0;
    if (!st->variant)
        return DISSECT_REJECT;
    st->bad_lines++;
    return 0;
}

static int st_feed(void *vst, struct dctx *cx, int dir, const uint8_t *p, size_t n)
{
    struct stratum_state *st = vst;
    size_t off = 0;
    int d = dir ? 1 : 0;

    if (n > INT_MAX)
        n = INT_MAX;
    if (!st->has_time) {
        st->first_ts = cx->fi->ts_us;
        st->has_time = 1;
    }
    if (cx->fi->ts_us > st->last_ts)
        st->last_ts = cx->fi->ts_us;
    if (n == 0)
        return 0;
    if (d == DIR_TO_SERVER)
        st->client_seen = 1;
    else
        st->server_seen = 1;
    if (!st->variant && !st->http && d == DIR_TO_SERVER && st_http_start(p, n) >= 0)
        st->http = 1;
    if (st->resync[d]) { /* after a gap or an oversized line: start at the next line */
        const uint8_t *nl = memchr(p, '\n', n);

        if (!nl)
            return (int)n;
        off = (size_t)(nl - p) + 1;
        st->resync[d] = 0;
    }
    if (st->http && !st->raw_lines[d]) {
        int r = st_feed_http(st, d, p + off, n - off);

        if (r < 0)
            return r;
        off += (size_t)r;
        if (!st->raw_lines[d]) {
            st_maybe_report(st, cx, 0);
            return (int)off;
        }
    }
    for (;;) {
        const uint8_t *nl = memchr(p + off, '\n', n - off);

        if (!nl)
            break;
        if (st_line(st, d, p + off, (size_t)(nl - p - off)) < 0)
            return DISSECT_REJECT;
        off = (size_t)(nl - p) + 1;
        st->lines[d]++;
        st_maybe_report(st, cx, 0);
    }
    if (n - off >= STRATUM_LINE_MAX) { /* a line that will never end here */
        if (!st->variant)
            return DISSECT_REJECT;
        st->bad_lines++;
        st->resync[d] = 1;
        return (int)n;
    }
    return (int)off;
}

static void st_gap(void *vst, struct dctx *cx, int dir, uint32_t missing)
{
    struct stratum_state *st = vst;

    (void)cx;
    (void)missing;
    st->resync[dir ? 1 : 0] = 1;
}

static void st_end(void *vst, struct dctx *cx)
{
    struct stratum_state *st = vst;
    struct fact f;

    if (!st->variant)
        return;
    st_maybe_report(st, cx, 1);
    fact_init(&f, "stratum", "stratum.summary");
    st_fact_fields(st, &f, st->confirmed ? "confirmed" : "login");
    fact_double(&f, "duration", st->has_time ? (double)(st->last_ts - st->first_ts) / 1e6 : 0.0);
    cx->emit(cx, &f);
}

const struct dissector stratum_dissector = {
    .name = "stratum",
    .app_proto = "Stratum",
    .ipproto = 6,
    .state_size = sizeof(struct stratum_state),
    .max_tail = STRATUM_LINE_MAX,
    .probe = st_probe,
    .feed = st_feed,
    .gap = st_gap,
    .end = st_end,
};
