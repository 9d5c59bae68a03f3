/*
 * test_sig.c - the signature layer: domain-list suffix matching (labels,
 * case, trailing dots, "*." entries, names past 253 bytes), list and rule
 * parse errors with file:line, every operator and quoting form, matching
 * against hand-built facts of every value type, and the shipped signatures/
 * directory (loaded from the source root, ctest's working directory).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "dissector.h"
#include "sig.h"

static char err[512];

static struct sigdb *load1(const char *list, const char *rules)
{
    struct sig_source src = {.name = "pools", .text = list, .len = strlen(list)};

    return sig_load_mem(&src, 1, rules, strlen(rules), err, sizeof(err));
}

/* The load fails and the error names `where` and contains `what`. */
static void expect_err(const char *list, const char *rules, const char *where, const char *what)
{
    struct sigdb *db = load1(list, rules);

    CHECK(db == NULL);
    sig_free(db);
    if (!strstr(err, where) || !strstr(err, what)) {
        fprintf(stderr, "  error was: \"%s\" (wanted \"%s\" and \"%s\")\n", err, where, what);
        CHECK(0);
    } else {
        CHECK(1);
    }
}

static int in(const struct sigdb *db, const char *name)
{
    return sig_domain_in(db, "pools", name, strlen(name), NULL);
}

static void test_suffix(void)
{
    struct sigdb *db = load1("# pools\n"
                             "\n"
                             "pool.example\n"
                             "*.wild.example\n"
                             ".dot.example\n"
                             "  UPPER.Example.  # trailing comment\n"
                             "xmr-eu1.pool2.example\r\n",
                             "");
    char longname[400];
    size_t ml = 0;

    CHECK(db != NULL);
    if (!db)
        return;
    CHECK_EQ(sig_list_entries(db, "pools"), 5);
    CHECK_EQ(sig_list_entries(db, "nope"), 0);
    CHECK_EQ(sig_domain_in(db, "pools", "pool.example", 12, &ml), 1);
    CHECK_EQ(ml, 12);
    ml = 0;
    CHECK_EQ(sig_domain_in(db, "pools", "eu.pool.example", 15, &ml), 1);
    CHECK_EQ(ml, 12);
    CHECK_EQ(in(db, "badpool.example"), 0);  /* not a partial label */
    CHECK_EQ(in(db, "pool.example.org"), 0); /* not a prefix */
    CHECK_EQ(in(db, "ool.example"), 0);
    CHECK_EQ(in(db, "example"), 0);
    CHECK_EQ(in(db, "EU.Pool.EXAMPLE"), 1); /* case */
    CHECK_EQ(in(db, "pool.example."), 1);   /* trailing dot */
    CHECK_EQ(in(db, "pool.example.."), 0);  /* only one */
    CHECK_EQ(in(db, "wild.example"), 1);    /* "*.x" is x and below */
    CHECK_EQ(in(db, "a.wild.example"), 1);
    CHECK_EQ(in(db, "dot.example"), 1);
    CHECK_EQ(in(db, "z.dot.example"), 1);
    CHECK_EQ(in(db, "upper.example"), 1);
    CHECK_EQ(in(db, "xmr-eu1.pool2.example"), 1);
    CHECK_EQ(in(db, "pool2.example"), 0); /* the parent of an entry is not listed */
    CHECK_EQ(in(db, "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.pool.example"), 1);
    CHECK_EQ(in(db, "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.pool.exampl"), 0);
    CHECK_EQ(in(db, ""), 0);
    CHECK_EQ(in(db, "."), 0);
    CHECK_EQ(sig_domain_in(db, "pools", "pool.exampleXYZ", 12, NULL), 1); /* len bounds it */
    CHECK_EQ(sig_domain_in(db, "pools", "eu.pool.example\0x", 17, NULL), 0);
    CHECK_EQ(sig_domain_in(db, "other", "pool.example", 12, NULL), 0); /* no such list */
    CHECK_EQ(sig_domain_in(NULL, "pools", "pool.example", 12, NULL), 0);
    /* a name longer than any DNS name still matches by its tail */
    memset(longname, 0, sizeof(longname));
    for (int i = 0; i < 150; i++)
        memcpy(longname + 2 * i, "a.", 2);
    strcpy(longname + 300, "pool.example");
    CHECK_EQ(in(db, longname), 1);
    memset(longname, 'a', 380);
    strcpy(longname + 380, ".pool.example");
    CHECK_EQ(in(db, longname), 1); /* one 380-byte label, then the entry */
    strcpy(longname + 380, "pool.example");
    CHECK_EQ(in(db, longname), 0); /* no label boundary before the entry */
    sig_free(db);
}

static void test_list_dedupe(void)
{
    struct sigdb *db = load1("a.example\nA.example.\n*.a.example\n.a.example\nb.example\n", "");

    CHECK(db != NULL);
    CHECK_EQ(sig_list_entries(db, "pools"), 2);
    sig_free(db);
    db = load1("", "");
    CHECK(db != NULL);
    CHECK_EQ(sig_list_entries(db, "pools"), 0);
    CHECK_EQ(in(db, "a.example"), 0);
    sig_free(db);
}

static void test_list_errors(void)
{
    expect_err("ok.example\nbad domain.example\n", "", "pools.list:2:", "space");
    expect_err("ok.example\n\n# c\nfoo!.example\n", "", "pools.list:4:", "'!'");
    expect_err("1.2.3.4:3333\n", "", "pools.list:1:", "':'");
    expect_err("com\n", "", "pools.list:1:", "single-label");
    expect_err("a..b.example\n", "", "pools.list:1:", "empty label");
    expect_err("x.*.example\n", "", "pools.list:1:", "'*'");
    expect_err("*.\n", "", "pools.list:1:", "empty domain");
    expect_err("a.example\nb\x01.example\n", "", "pools.list:2:", "\\x01");
    {
        static const char nul[] = "ok.example\na\0b.example\n";
        struct sig_source src = {.name = "pools", .text = nul, .len = sizeof(nul) - 1};
        struct sigdb *db = sig_load_mem(&src, 1, "", 0, err, sizeof(err));

        CHECK(db == NULL);
        CHECK(strstr(err, "pools.list:2: NUL") != NULL);
        sig_free(db);
    }
    {
        struct sig_source two[2] = {{.name = "pools", .text = "", .len = 0},
                                    {.name = "pools", .text = "", .len = 0}};
        struct sigdb *db = sig_load_mem(two, 2, "", 0, err, sizeof(err));

        CHECK(db == NULL);
        CHECK(strstr(err, "twice") != NULL);
        two[1].name = "bad/name";
        db = sig_load_mem(two, 2, "", 0, err, sizeof(err));
        CHECK(db == NULL);
        CHECK(strstr(err, "bad list name") != NULL);
    }
    expect_err("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example\n", "",
               "pools.list:1:", "label longer");
}

static const char *const lists_ok = "pool.example\n";

static void test_rule_parse(void)
{
    struct sigdb *db;

    /* every operator, quoting, escapes, continuation, comments, mitre forms */
    db = load1(lists_ok,
               "# comment\n"
               "\n"
               "   # indented comment\n"
               "sid=10 severity=1 category=\"Crypto Mining\" fact=t.a when s=x s!=y \\\n"
               "    h~suffix:pools c~contains:\"a b\" p? !q? \\\n"
               "    msg=\"say \\\"hi\\\" \\\\ ok\" mitre=T1496,T1573 mitre=T1059.004 # trailing\n"
               "sid=11 severity=3 category=\"Correlated Intrusion\" fact=t.b msg=plain\n");
    CHECK(db != NULL);
    CHECK_EQ(sig_rule_count(db), 2);
    sig_free(db);

    expect_err(lists_ok, "sid=abc severity=1 category=\"C2 Beacon\" fact=t msg=m\n",
               "firedamp.rules:1:", "bad sid");
    expect_err(lists_ok, "\nsid=0 severity=1 category=\"C2 Beacon\" fact=t msg=m\n",
               "firedamp.rules:2:", "bad sid");
    expect_err(lists_ok, "sid=4294967296 severity=1 category=\"C2 Beacon\" fact=t msg=m\n",
               "firedamp.rules:1:", "bad sid");
    expect_err(lists_ok,
               "sid=7 severity=1 category=\"C2 Beacon\" fact=t msg=m\n"
               "# x\n"
               "sid=7 severity=2 category=\"C2 Beacon\" fact=u msg=n\n",
               "firedamp.rules:3:", "duplicate sid 7 (first on line 1)");
    expect_err(lists_ok, "sid=1 severity=4 category=\"C2 Beacon\" fact=t msg=m\n",
               "firedamp.rules:1:", "bad severity");
    expect_err(lists_ok, "sid=1 severity=0 category=\"C2 Beacon\" fact=t msg=m\n",
               "firedamp.rules:1:", "bad severity");
    expect_err(lists_ok, "sid=1 severity=1 category=\"Mining\" fact=t msg=m\n",
               "firedamp.rules:1:", "unknown category");
    expect_err(lists_ok, "sid=1 severity=1 category=\"crypto mining\" fact=t msg=m\n",
               "firedamp.rules:1:", "unknown category");
    expect_err(lists_ok,
               "sid=1 severity=1 category=\"C2 Beacon\" fact=t when h~suffix:nolist msg=m\n",
               "firedamp.rules:1:", "unknown list 'nolist'");
    expect_err(lists_ok,
               "sid=1 severity=1 category=\"C2 Beacon\" fact=t msg=m when \\\n"
               " a? b? c? d? e? f? g? h? i?\n",
               "firedamp.rules:1:", "more than 8 conditions");
    expect_err(lists_ok, "hello=world\n", "firedamp.rules:1:", "unknown key 'hello'");
    expect_err(lists_ok, "hello world\n", "firedamp.rules:1:", "bad operator after 'hello'");
    expect_err(lists_ok, "sid=1 ~~~\n", "firedamp.rules:1:", "expected key=value");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" fact=t\n",
               "firedamp.rules:1:", "missing msg");
    expect_err(lists_ok, "severity=1 category=\"C2 Beacon\" fact=t msg=m\n",
               "firedamp.rules:1:", "missing sid");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" msg=m\n",
               "firedamp.rules:1:", "missing fact");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" fact= msg=m\n",
               "firedamp.rules:1:", "fact name empty");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" fact=t msg=\"open\n",
               "firedamp.rules:1:", "unterminated");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" fact=t msg=\"a\\n\"\n",
               "firedamp.rules:1:", "bad escape");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" fact=t msg=\"a\"b\n",
               "firedamp.rules:1:", "missing space");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" fact=t msg=m when\n",
               "firedamp.rules:1:", "'when' without conditions");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" fact=t msg=m a=b\n",
               "firedamp.rules:1:", "conditions follow 'when'");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" fact=t msg=m mitre=X1\n",
               "firedamp.rules:1:", "bad MITRE");
    expect_err(lists_ok, "sid=1 sid=2 severity=1 category=\"C2 Beacon\" fact=t msg=m\n",
               "firedamp.rules:1:", "twice");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" fact=t msg=m when a>3\n",
               "firedamp.rules:1:", "bad operator");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" fact=t msg=m when a=\n",
               "firedamp.rules:1:", "empty value");
    expect_err(lists_ok, "sid=1 severity=1 category=\"C2 Beacon\" fact=t msg=m\x07\n",
               "firedamp.rules:1:", "control character");
}

/* ---- matching ---- */

struct hits {
    uint32_t sid[32];
    unsigned n;
};

static void on_hit(const struct sig_rule *r, void *ctx)
{
    struct hits *h = ctx;

    if (h->n < 32)
        h->sid[h->n++] = r->sid;
}

static unsigned run(const struct sigdb *db, const struct fact *f, struct hits *h)
{
    memset(h, 0, sizeof(*h));
    return sig_match(db, f, on_hit, h);
}

/* Does `sid` fire on f? */
static int fires(const struct sigdb *db, const struct fact *f, uint32_t sid)
{
    struct hits h;

    run(db, f, &h);
    for (unsigned i = 0; i < h.n; i++)
        if (h.sid[i] == sid)
            return 1;
    return 0;
}

#define R(sid, cond) \
    "sid=" #sid " severity=2 category=\"Crypto Mining\" fact=t.a msg=m when " cond "\n"

static const char *const match_rules = R(1, "s=Hello") R(2, "s!=hello") R(3, "b=true") R(
    4, "b=false") R(5, "u=42") R(6, "i=-5") R(7, "d=1.5") R(8, "arr=x") R(9, "arr~contains:ELL")
    R(10, "arr~suffix:pools") R(11, "nothere?") R(12, "!nothere?") R(13, "nothere!=zz") R(
        14, "host~suffix:pools") R(15, "s~contains:\"el\"") R(16, "s? b=true u=42") R(17, "u=42.0")
        R(18, "u=abc") R(19, "b=1") R(20, "j?") R(21, "j=0123") R(22, "i=-5.0") R(
            23,
            "s=HELLO b=false") "sid=30 severity=3 category=\"Crypto Mining\" fact=t.a msg=\"no conditions\"\n"
                               "sid=31 severity=3 category=\"Crypto Mining\" fact=t.b msg=other\n";

static void test_match(void)
{
    struct sigdb *db = load1("pool.example\n", match_rules);
    struct fact f;
    struct hits h;
    unsigned n;

    CHECK(db != NULL);
    if (!db)
        return;
    fact_init(&f, "t", "t.a");
    fact_str(&f, "s", "hello", 5);
    fact_bool(&f, "b", 1);
    fact_uint(&f, "u", 42);
    fact_int(&f, "i", -5);
    fact_double(&f, "d", 1.5);
    fact_str_item(&f, "arr", "y", 1);
    fact_str_item(&f, "arr", "X", 1);
    fact_str_item(&f, "arr", "eu.POOL.example.", 16);
    fact_str_item(&f, "arr", "Hello", 5);
    fact_str(&f, "host", "badpool.example", 15);
    fact_md5hex(&f, "j", "0123", 4);

    CHECK_EQ(fires(db, &f, 1), 1); /* strings: case-insensitive */
    CHECK_EQ(fires(db, &f, 2), 0); /* != of an equal value */
    CHECK_EQ(fires(db, &f, 3), 1);
    CHECK_EQ(fires(db, &f, 4), 0);
    CHECK_EQ(fires(db, &f, 5), 1);
    CHECK_EQ(fires(db, &f, 6), 1);
    CHECK_EQ(fires(db, &f, 7), 1);
    CHECK_EQ(fires(db, &f, 8), 1); /* any array item */
    CHECK_EQ(fires(db, &f, 9), 1);
    CHECK_EQ(fires(db, &f, 10), 1); /* an item in the list, with case and trailing dot */
    CHECK_EQ(fires(db, &f, 11), 0);
    CHECK_EQ(fires(db, &f, 12), 1);
    CHECK_EQ(fires(db, &f, 13), 1); /* absent field: != holds */
    CHECK_EQ(fires(db, &f, 14), 0); /* badpool.example is not pool.example */
    CHECK_EQ(fires(db, &f, 15), 1);
    CHECK_EQ(fires(db, &f, 16), 1); /* all conditions */
    CHECK_EQ(fires(db, &f, 17), 1); /* numbers compare as numbers */
    CHECK_EQ(fires(db, &f, 18), 0); /* a number never equals text */
    CHECK_EQ(fires(db, &f, 19), 1); /* bools accept 1/0 */
    CHECK_EQ(fires(db, &f, 20), 1); /* MD5 fields: presence only */
    CHECK_EQ(fires(db, &f, 21), 0);
    CHECK_EQ(fires(db, &f, 22), 1);
    CHECK_EQ(fires(db, &f, 23), 0); /* one false condition is enough */
    CHECK_EQ(fires(db, &f, 30), 1); /* no `when`: every fact of the name */
    CHECK_EQ(fires(db, &f, 31), 0); /* another fact name */

    /* every match, in file order, once each; the return value counts them */
    n = run(db, &f, &h);
    CHECK_EQ(n, h.n);
    {
        static const uint32_t want[] = {1,  3,  5,  6,  7,  8,  9,  10, 12,
                                        13, 15, 16, 17, 19, 20, 22, 30};

        CHECK_EQ(h.n, 17);
        CHECK_MEM(h.sid, want, sizeof(want));
    }
    CHECK_EQ(sig_match(db, &f, NULL, NULL), 17);

    /* flipped values */
    fact_init(&f, "t", "t.a");
    fact_str(&f, "s", "HELLO!", 6);
    fact_bool(&f, "b", 0);
    fact_uint(&f, "u", 43);
    CHECK_EQ(fires(db, &f, 1), 0);
    CHECK_EQ(fires(db, &f, 2), 1);
    CHECK_EQ(fires(db, &f, 3), 0);
    CHECK_EQ(fires(db, &f, 4), 1);
    CHECK_EQ(fires(db, &f, 5), 0);
    CHECK_EQ(fires(db, &f, 8), 0); /* absent array */
    CHECK_EQ(fires(db, &f, 15), 1);
    CHECK_EQ(fires(db, &f, 23), 0);
    CHECK_EQ(fires(db, &f, 30), 1);

    /* facts with other names cost a search and match nothing */
    fact_init(&f, "t", "t.zzz");
    CHECK_EQ(sig_match(db, &f, on_hit, &h), 0);
    fact_init(&f, "t", "t.b");
    CHECK_EQ(run(db, &f, &h), 1);
    CHECK_EQ(h.sid[0], 31);
    f.name = NULL;
    CHECK_EQ(sig_match(db, &f, on_hit, &h), 0);
    CHECK_EQ(sig_match(NULL, &f, on_hit, &h), 0);
    sig_free(db);
}

/* ---- files ---- */

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    FILE *fp;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    fp = fopen(path, "w");
    CHECK(fp != NULL);
    if (!fp)
        return;
    fputs(text, fp);
    fclose(fp);
}

static void remove_file(const char *dir, const char *name)
{
    char path[512];

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    unlink(path);
}

static void test_files(void)
{
    char dir[] = "/tmp/test_sig_XXXXXX";
    struct sigdb *db;

    CHECK(mkdtemp(dir) != NULL);
    db = sig_load(dir, err, sizeof(err));
    CHECK(db == NULL); /* no rules file */
    CHECK(strstr(err, "firedamp.rules") != NULL);

    write_file(dir, "pools.list", "pool.example\n");
    write_file(dir, "extra.list", "# nothing yet\n");
    write_file(dir, "notalist.txt", "this is not read\n");
    write_file(dir, "firedamp.rules", "");
    db = sig_load(dir, err, sizeof(err));
    CHECK(db != NULL); /* an empty rules file is fine */
    CHECK_EQ(sig_rule_count(db), 0);
    CHECK_EQ(sig_list_entries(db, "pools"), 1);
    CHECK_EQ(sig_list_entries(db, "extra"), 0);
    CHECK_EQ(sig_domain_in(db, "pools", "x.pool.example", 14, NULL), 1);
    sig_free(db);

    write_file(dir, "firedamp.rules",
               "sid=1 severity=2 category=\"Mining Pool Lookup\" fact=dns.query \\\n"
               "  when rrname~suffix:extra msg=m\n");
    db = sig_load(dir, err, sizeof(err));
    CHECK(db != NULL);
    CHECK_EQ(sig_rule_count(db), 1);
    sig_free(db);

    write_file(dir, "extra.list", "ok.example\nnot ok.example\n");
    db = sig_load(dir, err, sizeof(err));
    CHECK(db == NULL);
    CHECK(strstr(err, "extra.list:2:") != NULL);
    CHECK(strstr(err, dir) != NULL); /* the error names the directory too */

    write_file(dir, "extra.list", "ok.example\n");
    write_file(dir, "firedamp.rules", "\n\nsid=1 severity=9\n");
    db = sig_load(dir, err, sizeof(err));
    CHECK(db == NULL);
    CHECK(strstr(err, "firedamp.rules:3:") != NULL);

    remove_file(dir, "pools.list");
    remove_file(dir, "extra.list");
    remove_file(dir, "notalist.txt");
    remove_file(dir, "firedamp.rules");
    rmdir(dir);
    db = sig_load(dir, err, sizeof(err));
    CHECK(db == NULL); /* a missing directory */
    CHECK(strstr(err, dir) != NULL);
}

/* ---- the shipped signatures/ ---- */

static void test_shipped(void)
{
    struct sigdb *db = sig_load("signatures", err, sizeof(err));
    static const char *const yes[] = {
        "pool.supportxmr.com", "xmr-eu1.nanopool.org", "xmr.suprnova.cc", "gulf.moneroocean.stream",
        "donate.v2.xmrig.com", "rx.unmineable.com",    "xmr.2miners.com", "pool.hashvault.pro"};
    static const char *const no[] = {"github.com",
                                     "google.com",
                                     "amazonaws.com",
                                     "cloudflare.com",
                                     "s3.amazonaws.com",
                                     "xmrig.com",
                                     "raw.githubusercontent.com",
                                     "ddns.net",
                                     "us.to"};
    struct fact f;
    struct hits h;

    if (!db)
        fprintf(stderr, "signatures: %s\n", err);
    CHECK(db != NULL);
    if (!db)
        return;
    /* permissively licensed sources give a few hundred names (README.md, provenance) */
    CHECK(sig_list_entries(db, "pools") > 300);
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        if (!in(db, yes[i])) {
            fprintf(stderr, "  not in pools: %s\n", yes[i]);
            CHECK(0);
        }
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        if (in(db, no[i])) {
            fprintf(stderr, "  in pools but must not be: %s\n", no[i]);
            CHECK(0);
        }
    CHECK(sig_rule_count(db) >= 5);

    /* the documented sids fire on the facts the dissectors emit */
    fact_init(&f, "stratum", "stratum.session");
    fact_cstr(&f, "variant", "cryptonote");
    fact_cstr(&f, "agent", "XMRig/6.21.0 (Linux x86_64) libuv/1.44.2 gcc/12.2.0");
    fact_bool(&f, "confirmed", 1);
    run(db, &f, &h);
    CHECK_EQ(h.n, 1);
    CHECK_EQ(h.sid[0], 1001);
    fact_init(&f, "stratum", "stratum.session");
    fact_bool(&f, "confirmed", 0);
    run(db, &f, &h);
    CHECK_EQ(h.n, 1);
    CHECK_EQ(h.sid[0], 1003);
    fact_init(&f, "stratum", "stratum.confirmed");
    fact_bool(&f, "confirmed", 1);
    run(db, &f, &h);
    CHECK_EQ(h.n, 1);
    CHECK_EQ(h.sid[0], 1002);
    fact_init(&f, "dns", "dns.query");
    fact_cstr(&f, "rrname", "XMR-EU1.nanopool.org");
    run(db, &f, &h);
    CHECK_EQ(h.n, 1);
    CHECK_EQ(h.sid[0], 1004);
    fact_init(&f, "dns", "dns.query");
    fact_cstr(&f, "rrname", "www.github.com");
    CHECK_EQ(run(db, &f, &h), 0);
    fact_init(&f, "tls", "tls.hello");
    fact_cstr(&f, "sni", "pool.supportxmr.com");
    run(db, &f, &h);
    CHECK_EQ(h.n, 1);
    CHECK_EQ(h.sid[0], 1005);
    fact_init(&f, "tls", "tls.hello");
    CHECK_EQ(run(db, &f, &h), 0); /* no SNI */
    sig_free(db);
}

int main(void)
{
    test_suffix();
    test_list_dedupe();
    test_list_errors();
    test_rule_parse();
    test_match();
    test_files();
    test_shipped();
    return check_done();
}
