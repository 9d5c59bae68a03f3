/*
 * redis_out_bench.c - events per second the Redis output (sensor/redis_out.c)
 * sustains into a real redis-server, with the engine left out: it pushes N
 * realistic event lines (an alert with its stratum object, ~900 bytes, each
 * with its own event_id) through redis_out_push() as the output thread would,
 * and stops the clock when every one has been acknowledged by Redis.
 *
 * usage: redis_out_bench URL EVENTS BATCH [MODES]   (MODES default "stream")
 * prints: {"batch":B,"events":N,"seconds":S,"events_per_s":X,"spooled":K,"dropped":D}
 *
 * It does not start Redis (bench/redis_bench.sh does), and measures only the
 * output: capture and dissection rates are bench/run.sh's business.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "redis_out.h"

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    static struct config c;
    char err[512], spool[64], line[2048];
    struct redis_out *ro;
    struct redis_out_stats st;
    unsigned long n;
    double t0, t1;

    if (argc < 4) {
        fprintf(stderr, "usage: redis_out_bench URL EVENTS BATCH [MODES]\n");
        return 2;
    }
    n = strtoul(argv[2], NULL, 10);
    config_defaults(&c);
    snprintf(spool, sizeof(spool), "/tmp/redis_out_bench.%d.spool", (int)getpid());
    if (config_set(&c, "output.redis", argv[1], err, sizeof(err)) ||
        config_set(&c, "redis.batch", argv[3], err, sizeof(err)) ||
        config_set(&c, "redis.modes", argc > 4 ? argv[4] : "stream", err, sizeof(err)) ||
        config_set(&c, "redis.spool_path", spool, err, sizeof(err)) ||
        config_set(&c, "redis.heartbeat", "0", err, sizeof(err)) ||
        config_set(&c, "redis.channel_types", "all", err, sizeof(err)) ||
        config_set(&c, "output.sensor_name", "bench", err, sizeof(err))) {
        fprintf(stderr, "redis_out_bench: %s\n", err);
        return 2;
    }
    config_finish(&c);
    if (redis_out_check(&c, err, sizeof(err)) != 0 ||
        !(ro = redis_out_start(&c, err, sizeof(err)))) {
        fprintf(stderr, "redis_out_bench: %s\n", err);
        return 1;
    }
    /* let it connect before the clock starts */
    for (int i = 0; i < 200; i++) {
        redis_out_stats_snapshot(ro, &st);
        if (st.connected)
            break;
        usleep(10000);
    }
    t0 = now();
    for (unsigned long i = 1; i <= n; i++) {
        int len = snprintf(
            line, sizeof(line),
            "{\"timestamp\":\"2019-10-21T08:15:02.002000+0000\",\"flow_id\":%lu,"
            "\"sensor\":\"bench\",\"event_type\":\"alert\",\"event_id\":\"%s-0-%lu\","
            "\"src_ip\":\"10.0.0.5\",\"src_port\":40000,\"dest_ip\":\"10.0.0.9\","
            "\"dest_port\":3333,\"proto\":\"TCP\",\"app_proto\":\"Stratum\","
            "\"community_id\":\"1:zShxJBG1Qjz4839OhZqrTr3OFfU=\",\"alert\":{\"signature_id\":"
            "1001,\"signature\":\"Stratum mining session confirmed by the pool\",\"category\":"
            "\"Crypto Mining\",\"severity\":1,\"metadata\":{\"mitre_attack\":[\"T1496\"]}},"
            "\"stratum\":{\"variant\":\"cryptonote\",\"state\":\"confirmed\",\"methods\":"
            "[\"login\",\"job\",\"submit\"],\"user\":\"4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5"
            "Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge\",\"pass\":\"x\",\"agent\":"
            "\"XMRig/6.21.0 (Linux x86_64) libuv/1.44.2 gcc/12.2.0\",\"algo\":\"rx/0\","
            "\"target\":\"b88d0600\",\"jobs\":3,\"shares\":2,\"accepted\":2,\"rejected\":0}}",
            i, c.run_id, i);
        redis_out_push(ro, line, (uint32_t)len);
    }
    for (;;) {
        redis_out_stats_snapshot(ro, &st);
        if (st.published >= n || now() - t0 > 600)
            break;
        usleep(200);
    }
    t1 = now();
    printf("{\"batch\":%s,\"modes\":\"%s\",\"events\":%lu,\"seconds\":%.3f,\"events_per_s\":%.0f,"
           "\"spooled\":%llu,\"dropped\":%llu}\n",
           argv[3], argc > 4 ? argv[4] : "stream", n, t1 - t0, (double)n / (t1 - t0),
           (unsigned long long)st.spooled,
           (unsigned long long)(st.dropped_spool_full + st.dropped_queue));
    redis_out_stop(ro);
    unlink(spool);
    return st.published >= n ? 0 : 1;
}
