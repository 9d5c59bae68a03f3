/*
 * test_redis_url.c - the Redis URL grammar: what it accepts, field by field,
 * and that every near-miss is refused with a reason that never shows the
 * password.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "redis_url.h"

static void accepts(void)
{
    struct redis_url u;
    char err[256];

    CHECK_EQ(redis_url_parse(&u, "redis://127.0.0.1:6379/0", err, sizeof(err)), 0);
    CHECK_STR(u.host, "127.0.0.1");
    CHECK_EQ(u.port, 6379);
    CHECK_EQ(u.db, 0);
    CHECK_EQ(u.unix_socket, 0);
    CHECK_STR(u.password, "");

    CHECK_EQ(redis_url_parse(&u, "redis://cache-1.example_net", err, sizeof(err)), 0);
    CHECK_STR(u.host, "cache-1.example_net");
    CHECK_EQ(u.port, REDIS_URL_DEFAULT_PORT);
    CHECK_EQ(u.db, 0);

    CHECK_EQ(redis_url_parse(&u, "redis://h/", err, sizeof(err)), 0);
    CHECK_EQ(u.db, 0);

    CHECK_EQ(redis_url_parse(&u, "redis://:s3cret@10.1.2.3:1/15", err, sizeof(err)), 0);
    CHECK_STR(u.host, "10.1.2.3");
    CHECK_EQ(u.port, 1);
    CHECK_EQ(u.db, 15);
    CHECK_STR(u.user, "");
    CHECK_STR(u.password, "s3cret");

    /* percent-encoded '@' and ':' in the password; the last '@' ends the credentials */
    CHECK_EQ(redis_url_parse(&u, "redis://soc:p%40ss%3Aw@h:65535/2", err, sizeof(err)), 0);
    CHECK_STR(u.user, "soc");
    CHECK_STR(u.password, "p@ss:w");
    CHECK_EQ(u.port, 65535);
    CHECK_EQ(u.db, 2);

    CHECK_EQ(redis_url_parse(&u, "redis://[::1]:6380/3", err, sizeof(err)), 0);
    CHECK_STR(u.host, "::1");
    CHECK_EQ(u.port, 6380);
    CHECK_EQ(u.db, 3);

    CHECK_EQ(redis_url_parse(&u, "unix:///run/redis/redis.sock", err, sizeof(err)), 0);
    CHECK_EQ(u.unix_socket, 1);
    CHECK_STR(u.path, "/run/redis/redis.sock");
    CHECK_EQ(u.db, 0);

    CHECK_EQ(redis_url_parse(&u, "unix:///tmp/r.sock?db=7&password=a%26b", err, sizeof(err)), 0);
    CHECK_STR(u.path, "/tmp/r.sock");
    CHECK_EQ(u.db, 7);
    CHECK_STR(u.password, "a&b");
}

static void refuses(void)
{
    static const char *bad[] = {
        "",
        "127.0.0.1:6379",
        "http://127.0.0.1/",
        "rediss://127.0.0.1",
        "redis://",
        "redis://:6379",
        "redis://h:0",
        "redis://h:65536",
        "redis://h:",
        "redis://h:63a",
        "redis://h/abc",
        "redis://h/1/2",
        "redis://h/-1",
        "redis://h/65536",
        "redis://h?db=1",
        "redis://h#x",
        "redis://pass@h",
        "redis://:@h",
        "redis://:%zz@h",
        "redis://:%4@h",
        "redis://:%00@h",
        "redis://h st",
        "redis://[::1",
        "redis://[]:1",
        "redis://[::g]:1",
        "unix://relative.sock",
        "unix://",
        "unix:///p?db=x",
        "unix:///p?db=",
        "unix:///p?foo=1",
        "unix:///p?db",
        "unix:///p?db=1&",
        "unix:///p?password=",
        "unix:///p#x",
    };
    struct redis_url u;
    char err[256];

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        err[0] = '\0';
        int rc = redis_url_parse(&u, bad[i], err, sizeof(err));
        CHECK_EQ(rc, -1);
        CHECK(err[0] != '\0');
        if (rc == 0)
            fprintf(stderr, "  accepted: '%s'\n", bad[i]);
    }

    /* too long: host, socket path */
    char longurl[600];
    memset(longurl, 'a', sizeof(longurl) - 1);
    longurl[sizeof(longurl) - 1] = '\0';
    memcpy(longurl, "redis://", 8);
    CHECK_EQ(redis_url_parse(&u, longurl, err, sizeof(err)), -1);
    memcpy(longurl, "unix:///", 8);
    CHECK_EQ(redis_url_parse(&u, longurl, err, sizeof(err)), -1);
}

static void secrets_stay_secret(void)
{
    struct redis_url u;
    char err[256], shown[512];

    CHECK_EQ(redis_url_parse(&u, "redis://admin:hunter2@h:7000/4", err, sizeof(err)), 0);
    redis_url_display(&u, shown, sizeof(shown));
    CHECK_STR(shown, "redis://admin:***@h:7000/4");
    CHECK(strstr(shown, "hunter2") == NULL);

    CHECK_EQ(redis_url_parse(&u, "redis://[::1]", err, sizeof(err)), 0);
    redis_url_display(&u, shown, sizeof(shown));
    CHECK_STR(shown, "redis://[::1]:6379/0");

    CHECK_EQ(redis_url_parse(&u, "unix:///s?password=hunter2&db=1", err, sizeof(err)), 0);
    redis_url_display(&u, shown, sizeof(shown));
    CHECK_STR(shown, "unix:///s?db=1&password=***");

    /* an error about credentials never echoes them */
    CHECK_EQ(redis_url_parse(&u, "redis://:hunter2%zz@h", err, sizeof(err)), -1);
    CHECK(strstr(err, "hunter2") == NULL);
}

int main(void)
{
    accepts();
    refuses();
    secrets_stay_secret();
    return check_done();
}
