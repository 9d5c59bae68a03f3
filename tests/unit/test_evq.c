/*
 * test_evq.c - the worker -> output ring: order, wrap-around, drop mode
 * when full, and a producer/consumer pair of threads in blocking mode that
 * must deliver every record, in order, intact.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "evq.h"

static void test_basic(void)
{
    struct evq q;
    const char *d;
    uint32_t len;
    int ch;

    CHECK_EQ(evq_init(&q, 4096, 0), 0);
    CHECK_EQ(evq_peek(&q, &ch, &d, &len), 0);
    CHECK_EQ(evq_push(&q, EVQ_EVENTS, "hello", 5), 0);
    CHECK_EQ(evq_push(&q, EVQ_FLOWS, "", 0), 0);
    CHECK_EQ(evq_peek(&q, &ch, &d, &len), 1);
    CHECK_EQ(ch, EVQ_EVENTS);
    CHECK_EQ(len, 5);
    CHECK_MEM(d, "hello", 5);
    evq_pop(&q);
    CHECK_EQ(evq_peek(&q, &ch, &d, &len), 1);
    CHECK_EQ(ch, EVQ_FLOWS);
    CHECK_EQ(len, 0);
    evq_pop(&q);
    CHECK_EQ(evq_depth(&q), 0);
    evq_destroy(&q);
}

static void test_wrap_and_drop(void)
{
    struct evq q;
    char rec[300];
    const char *d;
    uint32_t len;
    int ch, pushed = 0, popped = 0;

    CHECK_EQ(evq_init(&q, 4096, 0), 0);
    /* records of varying size cross the end of the ring many times */
    for (int round = 0; round < 200; round++) {
        int n = 37 + round % 250;
        memset(rec, 'a' + round % 26, (size_t)n);
        CHECK_EQ(evq_push(&q, EVQ_EVENTS, rec, (uint32_t)n), 0);
        pushed++;
        CHECK_EQ(evq_peek(&q, &ch, &d, &len), 1);
        CHECK_EQ(len, n);
        CHECK_EQ(d[0], 'a' + round % 26);
        CHECK_EQ(d[len - 1], 'a' + round % 26);
        evq_pop(&q);
        popped++;
    }
    CHECK_EQ(pushed, popped);
    /* fill: drop mode refuses and counts, never overwrites */
    memset(rec, 'z', sizeof(rec));
    int ok = 0;
    while (evq_push(&q, EVQ_EVENTS, rec, 200) == 0)
        ok++;
    CHECK(ok >= 4096 / 216 - 2);
    CHECK_EQ(atomic_load(&q.dropped), 1);
    /* a record over a quarter of the ring is refused whatever the room */
    evq_destroy(&q);
    CHECK_EQ(evq_init(&q, 4096, 1), 0);
    {
        static char big[2000];
        CHECK_EQ(evq_push(&q, EVQ_EVENTS, big, sizeof(big)), -1);
        CHECK_EQ(atomic_load(&q.dropped), 1);
    }
    evq_destroy(&q);
}

#define THREAD_RECORDS 200000

static void *producer(void *arg)
{
    struct evq *q = arg;
    char rec[128];

    for (uint32_t i = 0; i < THREAD_RECORDS; i++) {
        uint32_t n = 4 + i % 100;
        memset(rec, (int)(i & 0xff), n);
        memcpy(rec, &i, 4);
        evq_push(q, EVQ_EVENTS, rec, n);
    }
    return NULL;
}

static void test_threads_block(void)
{
    struct evq q;
    pthread_t t;
    uint32_t expect = 0, bad = 0;

    CHECK_EQ(evq_init(&q, 4096, 1), 0); /* small: the producer must wait often */
    pthread_create(&t, NULL, producer, &q);
    while (expect < THREAD_RECORDS) {
        const char *d;
        uint32_t len, seq;
        int ch;
        if (!evq_peek(&q, &ch, &d, &len))
            continue;
        memcpy(&seq, d, 4);
        if (seq != expect || len != 4 + expect % 100 ||
            (len > 4 && (unsigned char)d[len - 1] != (expect & 0xff)))
            bad++;
        evq_pop(&q);
        expect++;
    }
    pthread_join(t, NULL);
    CHECK_EQ(bad, 0);
    CHECK_EQ(expect, THREAD_RECORDS);
    CHECK_EQ(atomic_load(&q.dropped), 0);
    evq_destroy(&q);
}

int main(void)
{
    test_basic();
    test_wrap_and_drop();
    test_threads_block();
    return check_done();
}
