/*
 * test_ioc.c - the indicator lists (sensor/ioc.c): the shipped
 * signatures/c2.ioc, every kind's hits and misses on a small file written
 * here, the normalisation rules, and the loader's FILE:LINE errors.
 * Runs with the repository root as working directory (ctest sets it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ioc.h"

static const char hash_a[] = "0085bf33d4e4e051a15a1bd70636055d709aeef79025080afc7a8148ece55339";
static const char hash_b[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

static const char sample[] =
    "# a sample list\n"
    "\n"
    "domain evil.example graboid Unit42-2019\n"
    "domain *.star.example kinsing Src A   # trailing comment\n"
    "domain .dot.example kinsing Src B\n"
    "domain Upper.Example. teamtnt Src C\n"
    "domain deep.evil.example teamtnt Deeper source\r\n"
    "ip 192.0.2.7 kinsing Aqua-2020\n"
    "ip 2001:DB8::7 teamtnt Cado-2021\n"
    "\tip   ::ffff:192.0.2.8\tkinsing\tmapped v4\n"
    "url http://192.0.2.7/xmr.sh graboid Unit42-2019\n"
    "url HTTP://Files.Example:80/a/B.sh?x=1#frag kinsing S\n"
    "url https://tls.example/p teamtnt S\n"
    "url http://empty.example graboid S\n"
    "url http://files.example:08080/bin/* teamtnt prefix\n"
    "url http://files.example:8080/bin/long/* teamtnt longer prefix\n"
    "url http://[2001:db8::9]:8000/x graboid v6url\n"
    "url http://files.example:8080/bin/exact teamtnt exact wins\n"
    "sha256 0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef teamtnt Cado-2021\n"
    "domain evil.example kinsing duplicate, ignored\n"
    "ip 192.0.2.7 teamtnt duplicate, ignored\n";

static int host(const struct ioc_set *s, const char *h, struct ioc_match *m)
{
    return ioc_match_host(s, h, strlen(h), m);
}

static int url(const struct ioc_set *s, const char *h, const char *t, struct ioc_match *m)
{
    return ioc_match_url(s, h, h ? strlen(h) : 0, t, strlen(t), m);
}

/* Writes text to a fresh temp file; returns its path (static buffer). */
static const char *temp_file(const char *text, size_t len)
{
    static char path[64];
    int fd;

    snprintf(path, sizeof(path), "/tmp/test_ioc_XXXXXX");
    fd = mkstemp(path);
    if (fd < 0 || write(fd, text, len) != (ssize_t)len) {
        perror("temp file");
        exit(2);
    }
    close(fd);
    return path;
}

static void test_shipped(void)
{
    char err[256] = "";
    struct ioc_set *s = ioc_load("signatures/c2.ioc", err, sizeof(err));
    struct ioc_match m;

    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "c2.ioc: %s\n", err);
        return;
    }
    CHECK(ioc_count(s, IOC_DOMAIN) >= 4);
    CHECK(ioc_count(s, IOC_IP) >= 10);
    CHECK(ioc_count(s, IOC_URL) >= 10);
    CHECK(ioc_count(s, IOC_SHA256) >= 30);

    /* the test fixtures the project's synthetic captures use */
    CHECK_EQ(host(s, "198.51.100.9", &m), 1);
    CHECK_STR(m.campaign, "firedamp-test");
    CHECK_EQ(m.kind, IOC_IP);
    CHECK_EQ(host(s, "c2.example.invalid", &m), 1);
    CHECK_EQ(host(s, "dl.C2.Example.Invalid.", &m), 1);
    CHECK_STR(m.value, "c2.example.invalid");
    CHECK_EQ(url(s, "198.51.100.9", "/xmr.sh", &m), 0); /* host entries, no URL entry */

    /* one published indicator of each campaign */
    CHECK_EQ(host(s, "irc.teamtnt.red", &m), 1);
    CHECK_STR(m.value, "teamtnt.red");
    CHECK_STR(m.campaign, "teamtnt");
    CHECK(strlen(m.source) > 0);
    CHECK_EQ(host(s, "notteamtnt.red", &m), 0);
    CHECK_EQ(url(s, "142.44.191.122", "/d.sh", &m), 1);
    CHECK_STR(m.campaign, "kinsing");
    CHECK_EQ(url(s, NULL, "http://120.27.32.15:8989/live.sh", &m), 1);
    CHECK_STR(m.campaign, "graboid");
    CHECK_STR(m.value, "http://120.27.32.15:8989/*");
    CHECK_EQ(ioc_match_sha256(s, hash_a, 64, &m), 1);
    CHECK_STR(m.campaign, "teamtnt");

    /* the empty file's hash was deliberately left out */
    CHECK_EQ(ioc_match_sha256(s, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                              64, &m),
             0);
    /* everyday hosts never match */
    CHECK_EQ(host(s, "github.com", &m), 0);
    CHECK_EQ(host(s, "registry-1.docker.io", &m), 0);
    CHECK_EQ(host(s, "deb.debian.org", &m), 0);
    CHECK_EQ(host(s, "127.0.0.1", &m), 0);
    CHECK_EQ(host(s, "red", &m), 0);
    ioc_free(s);
}

static void test_domains(const struct ioc_set *s)
{
    struct ioc_match m = {0};

    CHECK_EQ(host(s, "evil.example", &m), 1);
    CHECK_EQ(m.kind, IOC_DOMAIN);
    CHECK_STR(m.value, "evil.example");
    CHECK_STR(m.campaign, "graboid"); /* the first of two duplicate lines */
    CHECK_STR(m.source, "Unit42-2019");
    CHECK_EQ(host(s, "a.b.evil.example", NULL), 1);
    CHECK_EQ(host(s, "EVIL.Example.", NULL), 1);
    CHECK_EQ(host(s, "evil.example:8443", NULL), 1);
    CHECK_EQ(host(s, "evil.example.:443", NULL), 1);
    CHECK_EQ(host(s, "notevil.example", NULL), 0);
    CHECK_EQ(host(s, "evil.example.com", NULL), 0);
    CHECK_EQ(host(s, "example", NULL), 0);
    CHECK_EQ(host(s, "evil.example..", NULL), 0);
    CHECK_EQ(host(s, ".evil.example", NULL), 1); /* empty first label: still a suffix */
    CHECK_EQ(host(s, "evil.example:http", NULL), 0);
    /* the longest matching entry is reported */
    CHECK_EQ(host(s, "x.deep.evil.example", &m), 1);
    CHECK_STR(m.value, "deep.evil.example");
    CHECK_STR(m.source, "Deeper source");
    CHECK_EQ(host(s, "eep.evil.example", &m), 1);
    CHECK_STR(m.value, "evil.example");
    /* "*." and "." prefixes, case and trailing dot in the list */
    CHECK_EQ(host(s, "star.example", &m), 1);
    CHECK_STR(m.value, "star.example");
    CHECK_STR(m.source, "Src A");
    CHECK_EQ(host(s, "x.dot.example", NULL), 1);
    CHECK_EQ(host(s, "UPPER.example", &m), 1);
    CHECK_STR(m.value, "upper.example");
    /* a name longer than any entry, ending in one */
    {
        char big[600];

        memset(big, 'a', sizeof(big));
        for (size_t i = 60; i < 560; i += 61)
            big[i] = '.';
        memcpy(big + sizeof(big) - 13, ".evil.example", 13);
        CHECK_EQ(ioc_match_host(s, big, sizeof(big), &m), 1);
        CHECK_STR(m.value, "evil.example");
        big[sizeof(big) - 12] = 'x';
        CHECK_EQ(ioc_match_host(s, big, sizeof(big), &m), 0);
    }
    /* a length bound: only the first 12 bytes are read */
    CHECK_EQ(ioc_match_host(s, "evil.examplezzz", 12, NULL), 1);
}

static void test_ips(const struct ioc_set *s)
{
    struct ioc_match m = {0};

    CHECK_EQ(host(s, "192.0.2.7", &m), 1);
    CHECK_EQ(m.kind, IOC_IP);
    CHECK_STR(m.value, "192.0.2.7");
    CHECK_STR(m.campaign, "kinsing");
    CHECK_EQ(host(s, "192.0.2.7:80", NULL), 1);
    CHECK_EQ(host(s, "192.0.2.7.", NULL), 1);
    CHECK_EQ(host(s, "::ffff:192.0.2.7", NULL), 1);
    CHECK_EQ(host(s, "[::ffff:192.0.2.7]:443", NULL), 1);
    CHECK_EQ(host(s, "192.0.2.70", NULL), 0);
    CHECK_EQ(host(s, "192.0.2.07", NULL), 0);
    CHECK_EQ(host(s, "192.0.2", NULL), 0);
    CHECK_EQ(host(s, "192.0.2.7:", NULL), 1); /* empty port: the default */
    CHECK_EQ(host(s, "192.0.2.7:99999", NULL), 0);
    CHECK_EQ(host(s, "2001:db8::7", &m), 1);
    CHECK_STR(m.value, "2001:db8::7");
    CHECK_STR(m.source, "Cado-2021");
    CHECK_EQ(host(s, "2001:DB8:0:0:0:0:0:7", NULL), 1);
    CHECK_EQ(host(s, "[2001:db8::7]", NULL), 1);
    CHECK_EQ(host(s, "[2001:db8::7]:8080", NULL), 1);
    CHECK_EQ(host(s, "[2001:db8::8]:8080", NULL), 0);
    CHECK_EQ(host(s, "[2001:db8::7", NULL), 0);
    CHECK_EQ(host(s, "[2001:db8::7]x", NULL), 0);
    CHECK_EQ(host(s, "[2001:db8::7]:x", NULL), 0);
    CHECK_EQ(host(s, "2001:db8::7%eth0", NULL), 0);
    /* an entry written as ::ffff:a.b.c.d equals the dotted form */
    CHECK_EQ(host(s, "192.0.2.8", &m), 1);
    CHECK_STR(m.value, "192.0.2.8");
    CHECK_STR(m.source, "mapped v4");
}

static void test_urls(const struct ioc_set *s)
{
    struct ioc_match m = {0};
    char *big;

    CHECK_EQ(url(s, NULL, "http://192.0.2.7/xmr.sh", &m), 1);
    CHECK_EQ(m.kind, IOC_URL);
    CHECK_STR(m.value, "http://192.0.2.7/xmr.sh");
    CHECK_STR(m.campaign, "graboid");
    CHECK_EQ(url(s, NULL, "http://192.0.2.7:80/xmr.sh", NULL), 1);
    CHECK_EQ(url(s, NULL, "HTTP://192.0.2.7:0080/xmr.sh#part", NULL), 1);
    CHECK_EQ(url(s, NULL, "http://user:pw@192.0.2.7/xmr.sh", NULL), 1);
    CHECK_EQ(url(s, "192.0.2.7", "/xmr.sh", NULL), 1);
    CHECK_EQ(url(s, "192.0.2.7:80", "/xmr.sh", NULL), 1);
    CHECK_EQ(url(s, "192.0.2.7", "/XMR.sh", NULL), 0); /* path case is kept */
    CHECK_EQ(url(s, "192.0.2.7", "/xmr.sh?x", NULL), 0);
    CHECK_EQ(url(s, "192.0.2.7:8080", "/xmr.sh", NULL), 0);
    CHECK_EQ(url(s, NULL, "https://192.0.2.7/xmr.sh", NULL), 0);
    CHECK_EQ(url(s, NULL, "/xmr.sh", NULL), 0); /* origin-form without a host */
    CHECK_EQ(url(s, "", "/xmr.sh", NULL), 0);
    CHECK_EQ(url(s, "192.0.2.7/xmr.sh", "/", NULL), 0); /* a Host value is no path */
    CHECK_EQ(url(s, "192.0.2.7#", "/xmr.sh", NULL), 0);
    CHECK_EQ(url(s, "192.0.2.7", "*", NULL), 0);
    CHECK_EQ(url(s, "192.0.2.7", "192.0.2.7:80", NULL), 0);
    CHECK_EQ(url(s, NULL, "ftp://192.0.2.7/xmr.sh", NULL), 0);
    CHECK_EQ(url(s, NULL, "http://192.0.2.7/xmr.sh x", NULL), 0);
    /* the entry itself was normalised: scheme, host case, :80, fragment */
    CHECK_EQ(url(s, NULL, "http://files.example/a/B.sh?x=1", &m), 1);
    CHECK_STR(m.value, "http://files.example/a/B.sh?x=1");
    CHECK_EQ(url(s, "FILES.EXAMPLE.", "/a/B.sh?x=1#y", NULL), 1);
    CHECK_EQ(url(s, NULL, "http://files.example/a/b.sh?x=1", NULL), 0);
    CHECK_EQ(url(s, NULL, "https://tls.example:443/p", NULL), 1);
    CHECK_EQ(url(s, NULL, "https://tls.example/p", NULL), 1);
    CHECK_EQ(url(s, NULL, "http://tls.example/p", NULL), 0);
    CHECK_EQ(url(s, NULL, "https://tls.example:8443/p", NULL), 0);
    CHECK_EQ(url(s, NULL, "http://empty.example", &m), 1);
    CHECK_STR(m.value, "http://empty.example/");
    CHECK_EQ(url(s, "empty.example", "/", NULL), 1);
    CHECK_EQ(url(s, NULL, "http://[2001:DB8::9]:8000/x", &m), 1);
    CHECK_STR(m.value, "http://[2001:db8::9]:8000/x");
    CHECK_EQ(url(s, NULL, "http://[2001:db8::9]/x", NULL), 0);

    /* prefixes: the longest wins, an exact entry beats them, ports count */
    CHECK_EQ(url(s, NULL, "http://files.example:8080/bin/xmrig", &m), 1);
    CHECK_STR(m.value, "http://files.example:8080/bin/*");
    CHECK_STR(m.source, "prefix");
    CHECK_EQ(url(s, "files.example:8080", "/bin/", NULL), 1);
    CHECK_EQ(url(s, "files.example:8080", "/bin/long/x.sh", &m), 1);
    CHECK_STR(m.value, "http://files.example:8080/bin/long/*");
    CHECK_EQ(url(s, "files.example:8080", "/bin/exact", &m), 1);
    CHECK_STR(m.source, "exact wins");
    CHECK_EQ(url(s, "files.example:8080", "/bin", NULL), 0);
    CHECK_EQ(url(s, "files.example", "/bin/xmrig", NULL), 0);
    CHECK_EQ(url(s, "files.example:8081", "/bin/xmrig", NULL), 0);
    /* a target much longer than any entry still meets its prefix */
    big = malloc(10000);
    if (big) {
        memset(big, 'a', 10000);
        memcpy(big, "http://files.example:8080/bin/long/", 35);
        CHECK_EQ(ioc_match_url(s, NULL, 0, big, 10000, &m), 1);
        CHECK_STR(m.value, "http://files.example:8080/bin/long/*");
        memcpy(big, "http://files.example:8080/xin/", 30);
        CHECK_EQ(ioc_match_url(s, NULL, 0, big, 10000, &m), 0);
        free(big);
    }
}

static void test_sha256(const struct ioc_set *s)
{
    struct ioc_match m = {0};
    char up[65];

    CHECK_EQ(ioc_match_sha256(s, hash_b, 64, &m), 1);
    CHECK_EQ(m.kind, IOC_SHA256);
    CHECK_STR(m.value, hash_b); /* stored lowercase */
    CHECK_STR(m.campaign, "teamtnt");
    for (int i = 0; i < 64; i++)
        up[i] = (char)(hash_b[i] >= 'a' ? hash_b[i] - 32 : hash_b[i]);
    up[64] = '\0';
    CHECK_EQ(ioc_match_sha256(s, up, 64, NULL), 1);
    CHECK_EQ(ioc_match_sha256(s, hash_b, 63, NULL), 0);
    CHECK_EQ(ioc_match_sha256(s, hash_a, 64, NULL), 0);
    up[10] = 'g';
    CHECK_EQ(ioc_match_sha256(s, up, 64, NULL), 0);
    CHECK_EQ(ioc_match_sha256(s, NULL, 64, NULL), 0);
}

static void test_sample(void)
{
    char err[256] = "";
    const char *path = temp_file(sample, sizeof(sample) - 1);
    struct ioc_set *s = ioc_load(path, err, sizeof(err));

    unlink(path);
    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "sample: %s\n", err);
        return;
    }
    CHECK_EQ(ioc_count(s, IOC_DOMAIN), 5);
    CHECK_EQ(ioc_count(s, IOC_IP), 3);
    CHECK_EQ(ioc_count(s, IOC_URL), 8);
    CHECK_EQ(ioc_count(s, IOC_SHA256), 1);
    CHECK_EQ(ioc_count(s, (enum ioc_kind)9), 0);
    /* a domain query never hits an IP entry and vice versa */
    CHECK_EQ(host(s, "xmr.sh", NULL), 0);
    test_domains(s);
    test_ips(s);
    test_urls(s);
    test_sha256(s);
    ioc_free(s);

    /* NULL-safety */
    CHECK_EQ(ioc_count(NULL, IOC_IP), 0);
    CHECK_EQ(ioc_match_host(NULL, "evil.example", 12, NULL), 0);
    CHECK_EQ(ioc_match_url(NULL, NULL, 0, "http://x.example/", 17, NULL), 0);
    CHECK_EQ(ioc_match_sha256(NULL, hash_b, 64, NULL), 0);
    ioc_free(NULL);
}

/* Loads text from a temp file; expects failure with "PATH:LINE: ...want...". */
static void bad(const char *text, unsigned line, const char *want)
{
    char err[256] = "", prefix[96];
    const char *path = temp_file(text, strlen(text));
    struct ioc_set *s = ioc_load(path, err, sizeof(err));

    CHECK(s == NULL);
    ioc_free(s);
    snprintf(prefix, sizeof(prefix), "%s:%u: ", path, line);
    CHECK(strncmp(err, prefix, strlen(prefix)) == 0);
    CHECK(strstr(err, want) != NULL);
    if (strncmp(err, prefix, strlen(prefix)) != 0 || !strstr(err, want))
        fprintf(stderr, "  for \"%s\": got \"%s\", wanted \"%s...%s\"\n", text, err, prefix, want);
    unlink(path);
}

static void test_errors(void)
{
    char err[256] = "";
    struct ioc_set *s;
    char *buf;

    bad("bogus x.example c s\n", 1, "unknown kind 'bogus'");
    bad("Domain x.example c s\n", 1, "unknown kind");
    bad("# ok\ndomain ok.example c s\nip 300.1.1.1 c s\n", 3, "not an IPv4 or IPv6");
    bad("ip 192.0.2.1:80 c s\n", 1, "not an IPv4 or IPv6");
    bad("ip [2001:db8::1] c s\n", 1, "not an IPv4 or IPv6");
    bad("ip 01.2.3.4 c s\n", 1, "not an IPv4 or IPv6");
    bad("sha256 abcd c s\n", 1, "64 hex digits");
    bad("sha256 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdefa c s\n", 1,
        "64 hex digits");
    bad("sha256 g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef c s\n", 1,
        "64 hex digits");
    bad("domain ev!l.example c s\n", 1, "illegal character '!'");
    bad("domain evil.example/x c s\n", 1, "illegal character '/'");
    bad("domain com c s\n", 1, "single-label");
    bad("domain 192.0.2.1 c s\n", 1, "write an IP address as kind ip");
    bad("domain a..example c s\n", 1, "empty label");
    bad("domain x.example c\n", 1, "missing source");
    bad("domain x.example c # s\n", 1, "missing source");
    bad("domain x.example\n", 1, "expected: KIND VALUE CAMPAIGN SOURCE");
    bad("domain x.example c/d s\n", 1, "illegal character '/' in campaign");
    bad("url ftp://x.example/ c s\n", 1, "not an http");
    bad("url http://x.example:99999/ c s\n", 1, "not an http");
    bad("url http://x.example:8o/ c s\n", 1, "not an http");
    bad("url http:///path c s\n", 1, "not an http");
    bad("url http://x.example* c s\n", 1, "needs a path");
    bad("url http://bad!host/ c s\n", 1, "illegal character '!'");
    bad("url http://[zz::1]/ c s\n", 1, "bad IPv6");
    bad("url /relative/path c s\n", 1, "not an http");
    bad("domain x.example c s\x01\n", 1, "control byte in source");

    /* a line over the limit, counted correctly after a CRLF line */
    buf = malloc(IOC_LINE_MAX + 64);
    if (buf) {
        strcpy(buf, "ip 192.0.2.1 c s\r\ndomain ");
        memset(buf + strlen(buf), 'a', IOC_LINE_MAX);
        buf[IOC_LINE_MAX + 24] = '\0';
        bad(buf, 2, "line longer than");
        free(buf);
    }

    /* from memory: a NUL byte, the entry limit, the file limit */
    s = ioc_load_mem("mem", "domain x.example c s\n\0", 22, err, sizeof(err));
    CHECK(s == NULL);
    CHECK_STR(err, "mem:2: NUL byte");
    buf = malloc((size_t)(IOC_MAX_ENTRIES + 1) * 24);
    if (buf) {
        size_t n = 0;

        for (unsigned i = 0; i <= IOC_MAX_ENTRIES; i++)
            n += (size_t)sprintf(buf + n, "ip 10.%u.%u.%u c s\n", i >> 16, (i >> 8) & 255, i & 255);
        s = ioc_load_mem("many", buf, n, err, sizeof(err));
        CHECK(s == NULL);
        CHECK(strstr(err, "many:100001: more than 100000 entries") != NULL);
        /* one line fewer loads */
        s = ioc_load_mem("many", buf, n - strlen(strrchr(buf, 'i')), err, sizeof(err));
        CHECK(s != NULL);
        CHECK_EQ(ioc_count(s, IOC_IP), IOC_MAX_ENTRIES);
        CHECK_EQ(host(s, "10.1.134.159", NULL), 1);
        CHECK_EQ(host(s, "10.0.0.0", NULL), 1);
        CHECK_EQ(host(s, "10.1.134.160", NULL), 0); /* the line left out */
        ioc_free(s);
        free(buf);
    }
    buf = calloc(1, (size_t)IOC_FILE_MAX + 1);
    if (buf) {
        s = ioc_load_mem("huge", buf, (size_t)IOC_FILE_MAX + 1, err, sizeof(err));
        CHECK(s == NULL);
        CHECK(strstr(err, "huge: larger than") != NULL);
        free(buf);
    }

    /* a missing file names itself; an empty file is an empty set */
    s = ioc_load("signatures/no-such.ioc", err, sizeof(err));
    CHECK(s == NULL);
    CHECK(strncmp(err, "signatures/no-such.ioc: ", 24) == 0);
    s = ioc_load("signatures", err, sizeof(err));
    CHECK(s == NULL);
    CHECK(strstr(err, "not a regular file") != NULL);
    s = ioc_load_mem("empty", "", 0, err, sizeof(err));
    CHECK(s != NULL);
    CHECK_EQ(ioc_count(s, IOC_DOMAIN) + ioc_count(s, IOC_URL), 0);
    CHECK_EQ(host(s, "evil.example", NULL), 0);
    CHECK_EQ(url(s, NULL, "http://x.example/", NULL), 0);
    ioc_free(s);
    /* the last line needs no newline; a duplicate is not an error */
    {
        static const char two[] = "domain x.example c s\ndomain X.example. d t";

        s = ioc_load_mem("m", two, sizeof(two) - 1, err, sizeof(err));
    }
    CHECK(s != NULL);
    CHECK_EQ(ioc_count(s, IOC_DOMAIN), 1);
    ioc_free(s);
}

int main(void)
{
    test_shipped();
    test_sample();
    test_errors();
    return check_done();
}
