/*
 * test_stratum.c - the stratum dissector on whole sessions of every dialect,
 * fed through a small copy of the engine (probe until YES, then the stream
 * tail: unconsumed bytes kept and offered again with the next ones, oldest
 * dropped past max_tail with a gap), and on the false-positive guards.
 *
 * Real lines: the eth-proxy login and eth_getWork result are from
 * shared/corpus/ndpi/mining.pcapng (stream 0), the bfgminer getwork request
 * from zeek-cryptomining/bitcoin-mining.pcap (stream 1), the XMRig-style
 * target "b88d0600" from DI-cryptominingdetection/xmr.suprnova.cc.pcapng, the
 * cgminer subscribe result shape from cgminer.s0.pcapng. The rest follows
 * the shapes in shared/research/anchors.md section 7.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "dissector.h"
#include "cap_fact.h"
#include "emu_tcp.h"

extern const struct dissector stratum_dissector;

/* ---- captured facts ------------------------------------------------------- */

#define CAP_MAX 8
static struct cap_fact facts[CAP_MAX];
static int nfacts;

static void cap_reset(void)
{
    cap_clear(facts, CAP_MAX, &nfacts);
}

static void cap_emit(struct dctx *cx, const struct fact *f)
{
    (void)cx;
    if (strcmp(f->type, "stratum") != 0 || nfacts >= CAP_MAX) {
        nfacts++;
        return;
    }
    cap_take(&facts[nfacts++], f);
}

static const struct cap_fact *find_fact(const char *name)
{
    for (int i = 0; i < nfacts && i < CAP_MAX; i++)
        if (strcmp(facts[i].name, name) == 0)
            return &facts[i];
    return NULL;
}

/* The methods array joined with ','. */
static const char *fmethods(const struct cap_fact *c)
{
    static char buf[1024];
    size_t w = 0;

    buf[0] = '\0';
    for (int i = 0; c && i < c->nfields; i++) {
        if (strcmp(c->f[i].name, "methods") != 0 || !(c->f[i].flags & FV_ARRAY))
            continue;
        w += (size_t)snprintf(buf + w, sizeof(buf) - w, "%s%s", w ? "," : "", c->f[i].s);
    }
    return buf;
}

static int near(double a, double b)
{
    return fabs(a - b) <= fabs(b) * 1e-9;
}

/* ---- the engine in miniature (emu_tcp.h) --------------------------------- */

#define TAIL_CAP (65536 + 80000)

static struct emu E;

static void emu_start(void)
{
    emu_init(&E, &stratum_dissector, 3333, cap_emit, TAIL_CAP);
    cap_reset();
}

/* Offers n more bytes of direction dir at time ts (seconds). */
static void emu_bytes(int dir, const void *data, size_t n, double ts)
{
    E.fi.ts_us = (uint64_t)(ts * 1e6);
    emu_offer(&E, dir, data, n);
}

static void emu_chunked(int dir, const char *s, size_t chunk, double ts)
{
    size_t n = strlen(s);

    for (size_t off = 0; off < n; off += chunk)
        emu_bytes(dir, s + off, n - off < chunk ? n - off : chunk, ts);
}

static void emu_str(int dir, const char *s, double ts)
{
    emu_bytes(dir, s, strlen(s), ts);
}

static void emu_end(void)
{
    emu_finish(&E);
}

/* ---- sessions ------------------------------------------------------------- */

struct line {
    int dir;
    double ts;
    const char *s;
};

#define C DIR_TO_SERVER
#define S DIR_TO_CLIENT

static const struct line xmrig[] = {
    {C, 0,
     "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"login\",\"params\":{\"login\":"
     "\"48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4"
     "fhdUyZijBGUicoD.rig01\",\"pass\":\"x\",\"agent\":\"XMRig/6.21.0 (Linux x86_64) "
     "libuv/1.44.2 gcc/12.2.0\",\"rigid\":\"box7\",\"algo\":[\"rx/0\",\"cn/r\",\"cn/2\"]}}\n"},
    {S, 0.2,
     "{\"id\":1,\"jsonrpc\":\"2.0\",\"error\":null,\"result\":{\"id\":\"49f1a2\",\"job\":{"
     "\"blob\":\"0707f7a3a1ff05e2c1\",\"job_id\":\"j1\",\"target\":\"b88d0600\",\"algo\":"
     "\"rx/0\",\"height\":3000000,\"seed_hash\":\"aa11\"},\"extensions\":[\"algo\","
     "\"nicehash\",\"connect\",\"tls\",\"keepalive\"],\"status\":\"OK\"}}\n"},
    {S, 3,
     "{\"jsonrpc\":\"2.0\",\"method\":\"job\",\"params\":{\"blob\":\"0707aa\",\"job_id\":"
     "\"j2\",\"target\":\"b88d0600\",\"algo\":\"rx/0\",\"height\":3000001,\"seed_hash\":"
     "\"aa11\"}}\n"},
    {C, 10,
     "{\"id\":2,\"jsonrpc\":\"2.0\",\"method\":\"submit\",\"params\":{\"id\":\"49f1a2\","
     "\"job_id\":\"j2\",\"nonce\":\"220c0000\",\"result\":\"9d5c\",\"algo\":\"rx/0\"}}\n"},
    {S, 10.1, "{\"id\":2,\"jsonrpc\":\"2.0\",\"error\":null,\"result\":{\"status\":\"OK\"}}\n"},
    {C, 20,
     "{\"id\":3,\"jsonrpc\":\"2.0\",\"method\":\"submit\",\"params\":{\"id\":\"49f1a2\","
     "\"job_id\":\"j2\",\"nonce\":\"f7610000\",\"result\":\"3624\",\"algo\":\"rx/0\"}}\n"},
    {S, 20.1, "{\"id\":3,\"jsonrpc\":\"2.0\",\"error\":null,\"result\":{\"status\":\"OK\"}}\n"},
    {C, 30,
     "{\"id\":4,\"jsonrpc\":\"2.0\",\"method\":\"keepalived\",\"params\":{\"id\":"
     "\"49f1a2\"}}\n"},
    {S, 30,
     "{\"id\":4,\"jsonrpc\":\"2.0\",\"error\":null,\"result\":{\"status\":"
     "\"KEEPALIVED\"}}\n"},
};

static const struct line cgminer[] = {
    {C, 0, "{\"id\": 1, \"method\": \"mining.subscribe\", \"params\": [\"cgminer/4.10.0\"]}\n"},
    {S, 0.1,
     "{\"id\":1,\"result\":[[[\"mining.set_difficulty\",\"865dd8ac\"],[\"mining.notify\","
     "\"865dd8ac\"]],\"865dd8ac\",8],\"error\":null}\n"},
    {C, 0.2,
     "{\"id\": 2, \"method\": \"mining.authorize\", \"params\": [\"bc1qminer.worker1\", "
     "\"x\"]}\n"},
    {S, 0.3, "{\"id\":2,\"result\":true,\"error\":null}\n"},
    {S, 0.3, "{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[16]}\n"},
    {S, 0.4,
     "{\"id\":null,\"method\":\"mining.notify\",\"params\":[\"4d16\",\"ab00\",\"01000000\","
     "\"ffffffff\",[\"aa\",\"bb\"],\"20000000\",\"1705ae3a\",\"5bf4e3e1\",true]}\r\n"},
    {C, 5,
     "{\"params\": [\"bc1qminer.worker1\", \"4d16\", \"00000000\", \"5bf4e3e1\", "
     "\"b2957c02\"], \"id\": 3, \"method\": \"mining.submit\"}\n"},
    {S, 5.1, "{\"id\":3,\"result\":true,\"error\":null}\n"},
    {C, 10,
     "{\"params\": [\"bc1qminer.worker1\", \"4d16\", \"00000001\", \"5bf4e3e1\", "
     "\"b2957c03\"], \"id\": 4, \"method\": \"mining.submit\"}\n"},
    {S, 10, "{\"id\":4,\"result\":null,\"error\":[23,\"Low difficulty share\",null]}\n"},
};

static const struct line ethstratum[] = {
    {C, 0,
     "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"ethminer/0.19.0\","
     "\"EthereumStratum/1.0.0\"]}\n"},
    {S, 0.1,
     "{\"id\":1,\"result\":[[\"mining.notify\",\"ae6812eb4cd7735a302a8a9dd95cf71f\","
     "\"EthereumStratum/1.0.0\"],\"080c\"],\"error\":null}\n"},
    {C, 0.2, "{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"0xabc.rig1\",\"x\"]}\n"},
    {S, 0.3, "{\"id\":2,\"result\":true,\"error\":null}\n"},
    {S, 0.3, "{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[0.5]}\n"},
    {S, 0.4,
     "{\"id\":null,\"method\":\"mining.notify\",\"params\":[\"bf0488aa\",\"abad8f99\","
     "\"645cf201\",true]}\n"},
    {C, 4,
     "{\"id\":3,\"method\":\"mining.submit\",\"params\":[\"0xabc.rig1\",\"bf0488aa\","
     "\"6a909d9bbc0f\"]}\n"},
    {S, 4, "{\"id\":3,\"result\":true,\"error\":null}\n"},
};

#define ETH_WORK                                                                                    \
    "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":[\"0x415559c31768833f25b6dbfbb39be72e71375e14a3a711e" \
    "589696850bc9431ec\",\"0x71a56feffb6f10ea9d76e1a9464eb0abd86e4349ae98fb794923a65b650282a3\","   \
    "\"0x00000000dbe6fecebdedd5beb573440e5a884d1b2fbf06fcce912adcb8d8422e\"]}\n"

static const struct line ethproxy[] = {
    {C, 0,
     "{\"worker\": \"eth1.0\", \"jsonrpc\": \"2.0\", \"params\": [\"0x9c99d212f7e5daa18ab50810e0f"
     "d255d1f04303b/tester.worker1/vvesely@mailinator\", \"x\"], \"id\": 2, \"method\": "
     "\"eth_submitLogin\"}\n"},
    {S, 0.1, "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":true}\n"},
    {S, 0.2, ETH_WORK},
    {C, 1,
     "{\"worker\": \"\", \"jsonrpc\": \"2.0\", \"params\": [], \"id\": 3, \"method\": "
     "\"eth_getWork\"}\n"},
    {S, 1.1, ETH_WORK},
    {C, 8,
     "{\"id\":4,\"jsonrpc\":\"2.0\",\"method\":\"eth_submitWork\",\"params\":[\"0x1122334455"
     "667788\",\"0x415559c3\",\"0x9c99d212\"]}\n"},
    {S, 8, "{\"id\":4,\"jsonrpc\":\"2.0\",\"result\":true}\n"},
};

static void run_lines(const struct line *l, size_t n, size_t chunk)
{
    emu_start();
    for (size_t i = 0; i < n; i++)
        emu_chunked(l[i].dir, l[i].s, chunk ? chunk : strlen(l[i].s), l[i].ts);
    emu_end();
}

#define RUN(arr, chunk) run_lines(arr, sizeof(arr) / sizeof(arr[0]), chunk)

static void check_xmrig_summary(const struct cap_fact *f)
{
    double work = 4294967295.0 / 0x00068db8; /* target b88d0600, little-endian */

    CHECK(f != NULL);
    CHECK_STR(fstr(f, "variant"), "cryptonote");
    CHECK_STR(fstr(f, "state"), "confirmed");
    CHECK_STR(fmethods(f), "login,job,submit,keepalived");
    CHECK_STR(fstr(f, "user"), "48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJ"
                               "Mk1j8nLwEVsaSWJ4fhdUyZijBGUicoD.rig01");
    CHECK_STR(fstr(f, "worker"), "rig01");
    CHECK_STR(fstr(f, "rig_id"), "box7");
    CHECK_STR(fstr(f, "pass"), "x");
    CHECK_STR(fstr(f, "agent"), "XMRig/6.21.0 (Linux x86_64) libuv/1.44.2 gcc/12.2.0");
    CHECK_STR(fstr(f, "algo"), "rx/0,cn/r,cn/2");
    CHECK_STR(fstr(f, "target"), "b88d0600");
    CHECK(field(f, "difficulty") == NULL);
    CHECK(field(f, "pool_host") == NULL);
    CHECK_EQ(fnum(f, "jobs"), 2);
    CHECK_EQ(fnum(f, "shares"), 2);
    CHECK_EQ(fnum(f, "accepted"), 2);
    CHECK_EQ(fnum(f, "rejected"), 0);
    CHECK(near(fdbl(f, "est_hashrate"), 2 * work / 30.0));
    CHECK(near(fdbl(f, "duration"), 30.0));
    CHECK_EQ(fnum(f, "tls"), 0);
    CHECK_EQ(fnum(f, "confirmed"), 1);
    CHECK_EQ(fnum(f, "client_seen"), 1);
    CHECK_EQ(fnum(f, "server_seen"), 1);
    CHECK(field(f, "bad_lines") == NULL);
}

static void test_xmrig(void)
{
    const struct cap_fact *f;

    RUN(xmrig, 0);
    CHECK(E.attached && !E.rejected);
    /* the pool answered the login at once: one session fact, already confirmed */
    CHECK_EQ(nfacts, 2);
    f = find_fact("stratum.session");
    CHECK_STR(fstr(f, "state"), "confirmed");
    CHECK_EQ(fnum(f, "confirmed"), 1);
    CHECK_STR(fstr(f, "agent"), "XMRig/6.21.0 (Linux x86_64) libuv/1.44.2 gcc/12.2.0");
    CHECK_EQ(fnum(f, "jobs"), 1);
    CHECK_STR(fstr(f, "target"), "b88d0600");
    CHECK(find_fact("stratum.confirmed") == NULL);
    check_xmrig_summary(find_fact("stratum.summary"));
}

/* Every line split at every byte, then every 3-way split of the login, then all coalesced. */
static void test_xmrig_splits(void)
{
    int bad = 0;
    size_t n = strlen(xmrig[0].s);

    for (size_t chunk = 1; chunk < 64; chunk++) {
        RUN(xmrig, chunk);
        if (!find_fact("stratum.summary") || fnum(find_fact("stratum.summary"), "accepted") != 2)
            bad++;
    }
    CHECK_EQ(bad, 0);
    for (size_t a = 1; a < n; a += 7) {
        for (size_t b = a + 1; b < n; b += 11) {
            emu_start();
            emu_bytes(C, xmrig[0].s, a, 0);
            emu_bytes(C, xmrig[0].s + a, b - a, 0);
            emu_bytes(C, xmrig[0].s + b, n - b, 0);
            for (size_t i = 1; i < sizeof(xmrig) / sizeof(xmrig[0]); i++)
                emu_str(xmrig[i].dir, xmrig[i].s, xmrig[i].ts);
            emu_end();
            if (fnum(find_fact("stratum.summary"), "shares") != 2 ||
                !fstr(find_fact("stratum.summary"), "rig_id"))
                bad++;
        }
    }
    CHECK_EQ(bad, 0);
    /* coalesced: each direction's lines in one segment */
    {
        static char cl[4096], sv[4096];

        cl[0] = sv[0] = '\0';
        for (size_t i = 0; i < sizeof(xmrig) / sizeof(xmrig[0]); i++)
            strcat(xmrig[i].dir == C ? cl : sv, xmrig[i].s);
        emu_start();
        emu_str(C, cl, 0);
        emu_str(S, sv, 30);
        emu_end();
        const struct cap_fact *f = find_fact("stratum.summary");

        CHECK_EQ(fnum(f, "shares"), 2);
        CHECK_EQ(fnum(f, "accepted"), 2);
        CHECK_EQ(fnum(f, "jobs"), 2);
        CHECK_STR(fstr(f, "state"), "confirmed");
    }
}

static void test_cgminer(void)
{
    const struct cap_fact *f;

    RUN(cgminer, 0);
    CHECK_EQ(nfacts, 2);
    f = find_fact("stratum.session");
    CHECK_STR(fstr(f, "state"), "confirmed");
    CHECK_STR(fstr(f, "agent"), "cgminer/4.10.0");
    CHECK(find_fact("stratum.confirmed") == NULL);
    f = find_fact("stratum.summary");
    CHECK_STR(fstr(f, "variant"), "stratum-v1");
    CHECK_STR(fmethods(f), "mining.subscribe,mining.authorize,mining.set_difficulty,"
                           "mining.notify,mining.submit");
    CHECK_STR(fstr(f, "user"), "bc1qminer.worker1");
    CHECK_STR(fstr(f, "worker"), "worker1");
    CHECK_STR(fstr(f, "pass"), "x");
    CHECK(near(fdbl(f, "difficulty"), 16));
    CHECK(field(f, "target") == NULL);
    CHECK_EQ(fnum(f, "jobs"), 1);
    CHECK_EQ(fnum(f, "shares"), 2);
    CHECK_EQ(fnum(f, "accepted"), 1);
    CHECK_EQ(fnum(f, "rejected"), 1);
    CHECK(near(fdbl(f, "est_hashrate"), 16 * 4294967296.0 / 10.0));
    CHECK_EQ(fnum(f, "confirmed"), 1);
}

static void test_ethstratum(void)
{
    const struct cap_fact *f;

    RUN(ethstratum, 5);
    f = find_fact("stratum.summary");
    CHECK_STR(fstr(f, "variant"), "ethereum-stratum");
    CHECK_STR(fstr(f, "agent"), "ethminer/0.19.0");
    CHECK_STR(fstr(f, "user"), "0xabc.rig1");
    CHECK_STR(fstr(f, "worker"), "rig1");
    CHECK(near(fdbl(f, "difficulty"), 0.5));
    CHECK_EQ(fnum(f, "jobs"), 1);
    CHECK_EQ(fnum(f, "accepted"), 1);
    /* NiceHash difficulty 1 = 2^32 hashes a share, as Stratum v1 */
    CHECK(near(fdbl(f, "est_hashrate"), 0.5 * 4294967296.0 / 4.0));
}

static void test_ethproxy(void)
{
    const struct cap_fact *f;
    double t = 0;
    const char *hex = "00000000dbe6fecebdedd5beb573440e5a884d1b2fbf06fcce912adcb8d8422e";

    for (const char *p = hex; *p; p++)
        t = t * 16 + (*p <= '9' ? *p - '0' : *p - 'a' + 10);
    RUN(ethproxy, 0);
    f = find_fact("stratum.summary");
    CHECK_STR(fstr(f, "variant"), "ethereum-stratum");
    CHECK_STR(fmethods(f), "eth_submitLogin,eth_getWork,eth_submitWork");
    CHECK_STR(fstr(f, "user"), "0x9c99d212f7e5daa18ab50810e0fd255d1f04303b/tester.worker1/"
                               "vvesely@mailinator");
    /* nanopool's "wallet/worker/email": the worker is the middle part */
    CHECK_STR(fstr(f, "worker"), "tester.worker1");
    CHECK_STR(fstr(f, "target"),
              "0x00000000dbe6fecebdedd5beb573440e5a884d1b2fbf06fcce912adcb8d8422e");
    CHECK_EQ(fnum(f, "jobs"), 2);
    CHECK_EQ(fnum(f, "shares"), 1);
    CHECK_EQ(fnum(f, "accepted"), 1);
    CHECK(fabs(fdbl(f, "est_hashrate") - pow(2, 256) / t / 8.0) < 1.0);
    CHECK(fdbl(f, "est_hashrate") > 6.2e8 && fdbl(f, "est_hashrate") < 6.3e8);
}

static const char gw_req[] =
    "POST / HTTP/1.1\r\nHost: us1.bitminter.com:3333\r\nAuthorization: Basic Qmlnc2t5OjEyMw==\r\n"
    "Accept: */*\r\nAccept-Encoding: deflate, gzip\r\nContent-type: application/json\r\n"
    "X-Mining-Extensions: longpoll midstate rollntime submitold\r\nContent-Length: 44\r\n"
    "User-Agent: bfgminer/5.2.0\r\n\r\n{\"method\": \"getwork\", \"params\": [], \"id\":0}\n";

static const char gw_resp[] =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 79\r\n\r\n"
    "{\"id\":0,\"error\":null,\"result\":{\"data\":\"00000002\",\"target\":\"ffffffffffff0000\"}}\n";

static void test_getwork(void)
{
    const struct cap_fact *f;

    for (size_t chunk = 1; chunk <= 400; chunk += 399) {
        emu_start();
        emu_chunked(C, gw_req, chunk, 0);
        emu_chunked(S, gw_resp, chunk, 0.5);
        emu_chunked(C, gw_req, chunk, 2);
        emu_end();
        f = find_fact("stratum.summary");
        CHECK(E.attached && !E.rejected);
        CHECK_STR(fstr(f, "variant"), "getwork");
        CHECK_STR(fmethods(f), "getwork");
        CHECK_STR(fstr(f, "pool_host"), "us1.bitminter.com");
        CHECK_STR(fstr(f, "agent"), "bfgminer/5.2.0");
        CHECK_EQ(fnum(f, "jobs"), 1);
        CHECK_EQ(fnum(f, "confirmed"), 1);
        CHECK(field(f, "bad_lines") == NULL);
        CHECK(near(fdbl(f, "duration"), 2.0));
    }
    /* a Bitcoin Core RPC call is not mining */
    emu_start();
    emu_str(
        C,
        "POST / HTTP/1.1\r\nHost: 127.0.0.1:8332\r\nContent-Type: application/json\r\n"
        "Content-Length: 65\r\n\r\n{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockchaininfo\","
        "\"params\":[]}",
        0);
    CHECK(E.dead);
    CHECK_EQ(nfacts, 0);
}

static void test_one_sided(void)
{
    const struct cap_fact *f;

    emu_start();
    emu_str(C, cgminer[0].s, 0);
    emu_str(C, cgminer[2].s, 1);
    emu_end();
    CHECK_EQ(nfacts, 2);
    f = find_fact("stratum.session");
    CHECK_STR(fstr(f, "state"), "login");
    CHECK_EQ(fnum(f, "confirmed"), 0);
    f = find_fact("stratum.summary");
    CHECK_STR(fstr(f, "user"), "bc1qminer.worker1");
    CHECK_EQ(fnum(f, "confirmed"), 0);
    CHECK_EQ(fnum(f, "server_seen"), 0);

    /* an unanswered login is reported after 10 s of pool silence, before the flow ends */
    emu_start();
    emu_str(C, cgminer[0].s, 0);
    emu_str(C, cgminer[2].s, 1);
    CHECK_EQ(nfacts, 0); /* a pool usually answers within milliseconds: wait */
    emu_str(C, "{\"id\": 3, \"method\": \"mining.extranonce.subscribe\", \"params\": []}\n", 11);
    CHECK_EQ(nfacts, 1);
    f = find_fact("stratum.session");
    CHECK_STR(fstr(f, "state"), "login");
    /* the pool answers late: the escalation fact, once */
    emu_str(S, cgminer[1].s, 12);
    emu_str(S, cgminer[3].s, 12);
    CHECK(find_fact("stratum.confirmed") != NULL);
    CHECK_STR(fstr(find_fact("stratum.confirmed"), "state"), "confirmed");
    emu_end();
    CHECK_EQ(nfacts, 3);

    /* ... or after three more client lines without an answer */
    emu_start();
    emu_str(C, cgminer[0].s, 0);
    emu_str(C, cgminer[2].s, 0.1);
    emu_str(C, "{\"id\": 3, \"method\": \"mining.extranonce.subscribe\", \"params\": []}\n", 0.2);
    CHECK_EQ(nfacts, 0);
    emu_str(C, "{\"id\": 4, \"method\": \"mining.extranonce.subscribe\", \"params\": []}\n", 0.3);
    CHECK_EQ(nfacts, 1);
    emu_end();

    /* only the pool's side: notifications */
    emu_start();
    emu_str(S, cgminer[4].s, 0);
    emu_str(S, cgminer[5].s, 2);
    emu_end();
    CHECK(E.attached);
    f = find_fact("stratum.session");
    CHECK_STR(fstr(f, "state"), "confirmed");
    CHECK_STR(fstr(f, "variant"), "stratum-v1");
    CHECK_EQ(fnum(f, "client_seen"), 0);
    CHECK(find_fact("stratum.confirmed") == NULL);
    CHECK_EQ(fnum(find_fact("stratum.summary"), "jobs"), 1);

    /* a pool's bare answers first (mid-stream), then a login result */
    emu_start();
    emu_str(S, "{\"id\":4,\"jsonrpc\":\"2.0\",\"error\":null,\"result\":{\"status\":\"OK\"}}\n", 0);
    CHECK(!E.attached && !E.dead);
    emu_str(S, xmrig[2].s, 1);
    CHECK(E.attached);
    emu_end();
    CHECK_STR(fstr(find_fact("stratum.summary"), "variant"), "cryptonote");
}

static int probe_str(int dir, const char *s)
{
    return stratum_dissector.probe(&E.fi, dir, (const uint8_t *)s, strlen(s));
}

static void test_guards(void)
{
    static const char *const no[] = {
        "{\"jsonrpc\":\"2.0\",\"method\":\"eth_blockNumber\",\"params\":[],\"id\":1}\n",
        "{\"jsonrpc\":\"2.0\",\"method\":\"eth_getBalance\",\"params\":[\"0x407d73d8a49eeb85d32cf"
        "465507dd71d507100c1\",\"latest\"],\"id\":1}\n",
        "{\"id\": 0, \"method\": \"server.version\", \"params\": [\"electrum/4.0\", \"1.4\"]}\n",
        "{\"id\": 1, \"method\": \"blockchain.scripthash.subscribe\", \"params\": [\"ab\"]}\n",
        "{\"jsonrpc\":\"1.0\",\"id\":\"c\",\"method\":\"getblockchaininfo\",\"params\":[]}\n",
        "{\"jsonrpc\": \"2.0\", \"method\": \"echo\", \"params\": [\"Testing!\"], \"id\": \"ca\"}\n",
        "Content-Length: 49\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{}}\n",
        "{\"id\":1,\"method\":\"login\",\"params\":{\"username\":\"bob\",\"password\":\"x\"}}\n",
        "{\"id\":1,\"method\":\"login\",\"params\":[\"bob\",\"x\"]}\n",
        "{\"id\":1,\"method\":\"submit\",\"params\":{\"form\":\"x\"}}\n",
        "{\"hello\":\"world\"}\n",
        "{\"method\":\"mining.subscribe\" garbage}\n",
        "{\"method\":\"mining.subscribe\"}x\n",
        "GET / HTTP/1.1\r\nHost: pool.example\r\n\r\n",
        "POST /rpc HTTP/1.1\r\nContent-Length: 63\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":"
        "\"eth_blockNumber\",\"params\":[],\"id\":1}",
        "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03",
        "SSH-2.0-OpenSSH_9.2\r\n",
    };
    static const char *const yes[] = {
        "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}\n",
        "  {\"id\":1,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\"],{}]}\r\n",
        "{\"id\":3,\"method\":\"mining.extranonce.subscribe\",\"params\":[]}\n",
        "{\"id\":1,\"method\":\"eth_getWork\",\"params\":[]}\n",
        "{\"id\":1,\"method\":\"eth_submitHashrate\",\"params\":[\"0x0\",\"0x59\"]}\n",
        "{\"id\":1,\"method\":\"client.get_version\",\"params\":[]}\n",
        "{\"id\":1,\"method\":\"mi\\u006eing.authorize\",\"params\":[\"w\",\"x\"]}\n",
    };

    emu_start();
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
        int r = probe_str(i & 1 ? DIR_TO_CLIENT : DIR_TO_SERVER, no[i]);

        if (r != PROBE_NO)
            fprintf(stderr, "guard %zu: probe %d\n", i, r);
        CHECK_EQ(r, PROBE_NO);
    }
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        CHECK_EQ(probe_str(DIR_TO_SERVER, yes[i]), PROBE_YES);
    /* server-side results that are recognisably mining */
    CHECK_EQ(probe_str(DIR_TO_CLIENT, xmrig[1].s), PROBE_YES);
    CHECK_EQ(probe_str(DIR_TO_CLIENT, cgminer[1].s), PROBE_YES);
    CHECK_EQ(probe_str(DIR_TO_CLIENT, ETH_WORK), PROBE_YES);
    CHECK_EQ(probe_str(DIR_TO_SERVER, ETH_WORK), PROBE_MAYBE);
    CHECK_EQ(probe_str(DIR_TO_CLIENT, "{\"id\":2,\"result\":true,\"error\":null}\n"), PROBE_MAYBE);
    /* a partial line, or the start of a POST */
    CHECK_EQ(probe_str(DIR_TO_SERVER, "{\"id\":1,\"method\":\"mining.sub"), PROBE_MAYBE);
    CHECK_EQ(probe_str(DIR_TO_SERVER, "PO"), PROBE_MAYBE);
    CHECK_EQ(probe_str(DIR_TO_SERVER, gw_req), PROBE_YES);
    CHECK_EQ(probe_str(DIR_TO_SERVER, ""), PROBE_MAYBE);

    /* whole node sessions: no facts at all */
    emu_start();
    emu_str(C, no[0], 0);
    emu_str(S, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10d4f\"}\n", 0);
    emu_end();
    CHECK(E.dead);
    CHECK_EQ(nfacts, 0);
    emu_start();
    emu_str(S, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10d4f\"}\n", 0);
    emu_str(C, no[2], 0);
    emu_end();
    CHECK_EQ(nfacts, 0);
}

static void test_garbage(void)
{
    static char big[70 * 1024];
    const struct cap_fact *f;
    int r;

    /* after recognition: counted and skipped */
    emu_start();
    for (size_t i = 0; i < 6; i++)
        emu_str(cgminer[i].dir, cgminer[i].s, cgminer[i].ts);
    emu_str(S, "\x16\x03\x01 not json at all\n", 1);
    emu_str(S, "{\"id\":9,\"result\":tru}\n\n\r\n", 1);
    memset(big, 'A', sizeof(big));
    big[0] = '{';
    emu_bytes(S, big, sizeof(big), 2); /* a 70 KB line */
    emu_str(S, "\n", 2);
    emu_str(S, cgminer[5].s, 3);
    emu_end();
    CHECK(!E.rejected);
    f = find_fact("stratum.summary");
    CHECK_EQ(fnum(f, "bad_lines"), 3);
    CHECK_EQ(fnum(f, "jobs"), 2);

    /* before recognition: the flow is rejected */
    emu_start();
    r = stratum_dissector.feed(E.st, &E.cx, DIR_TO_SERVER, (const uint8_t *)"hello\n", 6);
    CHECK_EQ(r, DISSECT_REJECT);
    emu_start();
    r = stratum_dissector.feed(E.st, &E.cx, DIR_TO_SERVER, (const uint8_t *)big, 65536);
    CHECK_EQ(r, DISSECT_REJECT);
    CHECK_EQ(stratum_dissector.probe(&E.fi, 0, (const uint8_t *)big, 65536), PROBE_NO);
    CHECK_EQ(stratum_dissector.probe(&E.fi, 0, (const uint8_t *)big, 1000), PROBE_MAYBE);
    emu_start();
    emu_bytes(C, big, sizeof(big), 0);
    CHECK(E.dead);
    CHECK_EQ(nfacts, 0);
    /* a partial line is kept, not consumed */
    emu_start();
    r = stratum_dissector.feed(E.st, &E.cx, DIR_TO_SERVER, (const uint8_t *)cgminer[0].s, 20);
    CHECK_EQ(r, 0);
    /* strings are bounded: a 600-byte login is truncated, not overflowing */
    {
        static char line[1024];

        memset(big, 'w', 600);
        snprintf(line, sizeof(line),
                 "{\"id\":1,\"method\":\"mining.authorize\",\"params\":[\"%.600s\",\"x\"]}\n", big);
        emu_start();
        emu_str(C, line, 0);
        emu_end();
        f = find_fact("stratum.summary");
        CHECK_EQ(strlen(fstr(f, "user")), 256);
    }
    CHECK(stratum_dissector.state_size < 4096);
}

int main(void)
{
    test_xmrig();
    test_xmrig_splits();
    test_cgminer();
    test_ethstratum();
    test_ethproxy();
    test_getwork();
    test_one_sided();
    test_guards();
    test_garbage();
    emu_free(&E);
    cap_reset();
    return check_done();
}
