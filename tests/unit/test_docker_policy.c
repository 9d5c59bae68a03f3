/*
 * test_docker_policy.c - the risk of Docker API calls (content reasons, IOC
 * images, admin allowlist), the worm correlation, and the two small sets it
 * stands on: address blocks (cidr) and name lists (namelist).
 */
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "cidr.h"
#include "docker_policy.h"
#include "namelist.h"

static void a4(uint8_t out[16], const char *s)
{
    memset(out, 0, 16);
    out[10] = out[11] = 0xff;
    inet_pton(AF_INET, s, out + 12);
}

static void test_cidr(void)
{
    struct cidr_set s;
    char err[128];
    uint8_t a[16];

    CHECK_EQ(cidr_parse(&s, "10.20.0.0/24, 192.168.1.5  2001:db8::/32", err, sizeof(err)), 0);
    CHECK_EQ(s.n, 3);
    a4(a, "10.20.0.77");
    CHECK(cidr_match(&s, a));
    a4(a, "10.20.1.1");
    CHECK(!cidr_match(&s, a));
    a4(a, "192.168.1.5");
    CHECK(cidr_match(&s, a));
    a4(a, "192.168.1.6");
    CHECK(!cidr_match(&s, a));
    inet_pton(AF_INET6, "2001:db8:1::9", a);
    CHECK(cidr_match(&s, a));
    inet_pton(AF_INET6, "2001:db9::9", a);
    CHECK(!cidr_match(&s, a));
    CHECK_EQ(cidr_parse(&s, "", err, sizeof(err)), 0);
    CHECK_EQ(s.n, 0);
    a4(a, "10.0.0.1");
    CHECK(!cidr_match(&s, a)); /* empty: nobody is admin */
    CHECK_EQ(cidr_parse(&s, "10.0.0.0/33", err, sizeof(err)), -1);
    CHECK_EQ(cidr_parse(&s, "10.0.0/8", err, sizeof(err)), -1);
    CHECK_EQ(cidr_parse(&s, "host.example", err, sizeof(err)), -1);
    CHECK(strstr(err, "host.example") != NULL);
    CHECK_EQ(cidr_parse(&s, "0.0.0.0/0", err, sizeof(err)), 0);
    CHECK(cidr_match(&s, a));
}

static void test_namelist(void)
{
    char err[128];
    const char text[] = "# c\n pocosow/centos \ngakeaws/*\n\nx:y # trailing\n";
    struct namelist *nl = namelist_load_mem("t.names", text, sizeof(text) - 1, err, sizeof(err));

    CHECK(nl != NULL);
    CHECK_EQ(namelist_count(nl), 3);
    CHECK(namelist_match(nl, "pocosow/centos", 14));
    CHECK(namelist_match(nl, "POCOSOW/Centos", 14));
    CHECK(!namelist_match(nl, "pocosow/centos7", 15));
    CHECK(namelist_match(nl, "gakeaws/nginx", 13));
    CHECK(namelist_match(nl, "gakeaws/", 8));
    CHECK(!namelist_match(nl, "gakeaw/nginx", 12));
    CHECK(namelist_match(nl, "x:y", 3));
    namelist_free(nl);
    CHECK(namelist_load_mem("b.names", "a b\n", 4, err, sizeof(err)) == NULL);
    CHECK(strstr(err, "b.names:1") != NULL);
    CHECK(namelist_load_mem("s.names", "*\n", 2, err, sizeof(err)) == NULL);
    nl = namelist_load("/nonexistent/x.names", err, sizeof(err)); /* optional: empty */
    CHECK(nl != NULL && namelist_count(nl) == 0);
    namelist_free(nl);
}

static void call(struct fact *f, const char *op, const char *image, const char *reason)
{
    fact_init(f, "docker_api", "docker_api.call");
    fact_cstr(f, "method", "POST");
    fact_cstr(f, "operation", op);
    if (image)
        fact_cstr(f, "image", image);
    if (reason)
        fact_str_item(f, "reasons", reason, strlen(reason));
    fact_uint(f, "status", 201);
}

static const char *risk_of(const struct fact *f)
{
    static char buf[16];
    const struct fact_field *r = fact_get(f, "risk");

    if (!r || r->type != FV_STR || r->len >= sizeof(buf))
        return "(none)";
    memcpy(buf, r->v.s, r->len);
    buf[r->len] = '\0';
    return buf;
}

static int has_reason(const struct fact *f, const char *s)
{
    for (unsigned i = 0; i < f->nfields; i++)
        if (strcmp(f->field[i].name, "reasons") == 0 && f->field[i].len == strlen(s) &&
            memcmp(f->field[i].v.s, s, f->field[i].len) == 0)
            return 1;
    return 0;
}

static void test_risk(void)
{
    struct docker_policy dp;
    static struct docker_scratch sc;
    struct fact in;
    const struct fact *out;
    char err[128];
    uint8_t admin[16], other[16];
    const char names[] = "pocosow/centos\ngakeaws/*\n";
    struct namelist *nl = namelist_load_mem("i", names, sizeof(names) - 1, err, sizeof(err));

    memset(&dp, 0, sizeof(dp));
    dp.images = nl;
    CHECK_EQ(cidr_parse(&dp.admin, "10.20.0.0/24", err, sizeof(err)), 0);
    a4(admin, "10.20.0.5");
    a4(other, "203.0.113.9");

    call(&in, "ping", NULL, NULL);
    CHECK_STR(risk_of(docker_policy_enrich(&dp, &in, other, &sc)), "info");
    call(&in, "container_list", NULL, NULL);
    CHECK_STR(risk_of(docker_policy_enrich(&dp, &in, other, &sc)), "info");
    call(&in, "container_create", "alpine", NULL);
    out = docker_policy_enrich(&dp, &in, other, &sc);
    CHECK_STR(risk_of(out), "medium");
    CHECK(has_reason(out, "untrusted-source"));
    CHECK_STR(risk_of(docker_policy_enrich(&dp, &in, admin, &sc)), "low");
    call(&in, "container_create", "alpine", "privileged");
    out = docker_policy_enrich(&dp, &in, admin, &sc);
    CHECK_STR(risk_of(out), "high"); /* dangerous from anyone */
    CHECK(has_reason(out, "privileged"));
    call(&in, "image_pull", "docker.io/pocosow/centos:7.6.1810", NULL);
    out = docker_policy_enrich(&dp, &in, other, &sc);
    CHECK_STR(risk_of(out), "high");
    CHECK(has_reason(out, "ioc-image:docker.io/pocosow/centos:7.6.1810"));
    call(&in, "container_create", "gakeaws/nginx:v8.9", NULL);
    CHECK_STR(risk_of(docker_policy_enrich(&dp, &in, other, &sc)), "high");
    call(&in, "container_create", "library/nginx", NULL);
    CHECK_STR(risk_of(docker_policy_enrich(&dp, &in, other, &sc)), "medium");
    call(&in, "container_stop", NULL, "stop-container");
    out = docker_policy_enrich(&dp, &in, other, &sc);
    CHECK_STR(risk_of(out), "medium"); /* an action, not a dangerous option */
    CHECK(has_reason(out, "stop-container"));
    /* the reasons stay one array: consecutive items */
    {
        int first = -1, last = -1;
        for (unsigned i = 0; i < out->nfields; i++)
            if (strcmp(out->field[i].name, "reasons") == 0) {
                if (first < 0)
                    first = (int)i;
                last = (int)i;
            }
        CHECK_EQ(last - first, 1);
    }
    /* other facts pass through untouched */
    fact_init(&in, "dns", "dns.query");
    CHECK(docker_policy_enrich(&dp, &in, other, &sc) == &in);
    namelist_free(nl);
}

static void test_worm(void)
{
    struct docker_policy dp;
    static struct docker_scratch call_sc, sc;
    struct fact in;
    const struct fact *c, *w;
    uint8_t src[16], d1[16], d2[16], d3[16], d4[16];
    char err[64];

    memset(&dp, 0, sizeof(dp));
    CHECK_EQ(cidr_parse(&dp.admin, "", err, sizeof(err)), 0);
    dp.worm_daemons = 3;
    dp.worm_window_us = 3600ULL * 1000000;
    CHECK_EQ(docker_policy_init(&dp, 1024), 0);
    a4(src, "198.51.100.7");
    a4(d1, "10.0.0.1");
    a4(d2, "10.0.0.2");
    a4(d3, "10.0.0.3");
    a4(d4, "10.0.0.4");
    call(&in, "container_create", "alpine", NULL);
    c = docker_policy_enrich(&dp, &in, src, &call_sc);
    /* read-only calls never count */
    {
        struct fact ro;
        call(&ro, "ping", NULL, NULL);
        CHECK(docker_policy_track(&dp, &ro, src, d1, 4, 1000, &sc) == NULL);
    }
    CHECK(docker_policy_track(&dp, c, src, d1, 4, 1000000, &sc) == NULL);
    CHECK(docker_policy_track(&dp, c, src, d1, 4, 2000000, &sc) == NULL); /* same daemon */
    CHECK(docker_policy_track(&dp, c, src, d2, 4, 3000000, &sc) == NULL);
    w = docker_policy_track(&dp, c, src, d3, 4, 4000000, &sc);
    CHECK(w != NULL);
    if (w) {
        CHECK_STR(w->name, "docker_api.worm");
        CHECK_EQ(fact_get(w, "daemons")->v.u, 3);
        CHECK_EQ(fact_get(w, "pattern")->len, 6); /* "spread" */
    }
    CHECK(docker_policy_track(&dp, c, src, d4, 4, 5000000, &sc) == NULL); /* once */
    /* another worker, behind in packet time: not a new window, still once */
    CHECK(docker_policy_track(&dp, c, src, d4, 4, 500000, &sc) == NULL);
    CHECK(docker_policy_track(&dp, c, src, d2, 4, 600000, &sc) == NULL);
    CHECK(docker_policy_track(&dp, c, src, d3, 4, 700000, &sc) == NULL);
    /* d1 was controlled by src; now d1 changes d4: propagation, naming src */
    w = docker_policy_track(&dp, c, d1, d4, 4, 6000000, &sc);
    CHECK(w != NULL);
    if (w) {
        const struct fact_field *by = fact_get(w, "infected_by");
        CHECK(by && by->len == 12 && memcmp(by->v.s, "198.51.100.7", 12) == 0);
    }
    docker_policy_destroy(&dp);
}

int main(void)
{
    test_cidr();
    test_namelist();
    test_risk();
    test_worm();
    return check_done();
}
