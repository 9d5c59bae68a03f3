/*
 * test_spool.c - the Redis output's on-disk spool on real files: order and
 * persistence across reopen, torn and damaged tails cut and counted, the
 * size bound, compaction, a foreign file left alone, the lock.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "spool.h"

static char dir[] = "/tmp/test_spool.XXXXXX";
static char path[256];
static uint8_t buf[SPOOL_MAX_RECORD + 4096];

static off_t file_size(void)
{
    struct stat st;

    return stat(path, &st) == 0 ? st.st_size : -1;
}

static void fresh(void)
{
    unlink(path);
}

/* Reads every pending record and checks it is "rec-<first>", "rec-<first+1>", ... */
static unsigned expect_records(struct spool *sp, unsigned first, unsigned count)
{
    size_t off[64];
    uint32_t len[64];
    unsigned n = 0;
    long span = spool_peek(sp, buf, sizeof(buf), 64, off, len, &n);

    CHECK(span >= 0);
    CHECK_EQ(n, count);
    for (unsigned i = 0; i < n && i < count; i++) {
        char want[32];
        int wl = snprintf(want, sizeof(want), "rec-%u", first + i);
        CHECK_EQ(len[i], (uint32_t)wl);
        CHECK_MEM(buf + off[i], want, (size_t)wl);
    }
    return n;
}

static void append_n(struct spool *sp, unsigned first, unsigned count)
{
    for (unsigned i = first; i < first + count; i++) {
        char rec[32];
        int l = snprintf(rec, sizeof(rec), "rec-%u", i);
        CHECK_EQ(spool_append(sp, rec, (uint32_t)l), SPOOL_OK);
    }
}

static void order_and_reopen(void)
{
    struct spool sp;
    size_t off[8];
    uint32_t len[8];
    unsigned n;
    long span;

    fresh();
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    CHECK_EQ(sp.records, 0);
    CHECK_EQ(file_size(), SPOOL_HDR);
    append_n(&sp, 0, 3);
    CHECK_EQ(sp.records, 3);
    span = spool_peek(&sp, buf, sizeof(buf), 2, off, len, &n);
    CHECK_EQ(n, 2);
    CHECK_EQ(span, 2 * SPOOL_REC_HDR + 5 + 5);
    CHECK_EQ(spool_consume(&sp, 2, (uint64_t)span), SPOOL_OK);
    CHECK_EQ(sp.records, 1);
    spool_close(&sp);

    /* the read offset survived: only rec-2 is left */
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    CHECK_EQ(sp.records, 1);
    CHECK_EQ(sp.torn_bytes, 0);
    expect_records(&sp, 2, 1);
    append_n(&sp, 3, 2);
    span = spool_peek(&sp, buf, sizeof(buf), 8, off, len, &n);
    CHECK_EQ(n, 3);
    CHECK_EQ(spool_consume(&sp, n, (uint64_t)span), SPOOL_OK);
    /* fully replayed: back to an empty file */
    CHECK_EQ(sp.records, 0);
    CHECK_EQ(spool_pending_bytes(&sp), 0);
    CHECK_EQ(file_size(), SPOOL_HDR);
    span = spool_peek(&sp, buf, sizeof(buf), 8, off, len, &n);
    CHECK_EQ(span, 0);
    CHECK_EQ(n, 0);
    spool_close(&sp);
}

static void torn_tail(void)
{
    struct spool sp;
    off_t full;

    fresh();
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    append_n(&sp, 0, 3);
    spool_close(&sp);
    full = file_size();
    /* a crash in the middle of the third record's write */
    CHECK_EQ(truncate(path, full - 3), 0);
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    CHECK_EQ(sp.records, 2);
    CHECK_EQ(sp.torn_bytes, SPOOL_REC_HDR + 5 - 3);
    CHECK_EQ(file_size(), full - (SPOOL_REC_HDR + 5));
    expect_records(&sp, 0, 2);
    /* appending after the cut continues cleanly */
    append_n(&sp, 2, 1);
    expect_records(&sp, 0, 3);
    spool_close(&sp);

    /* only the 8-byte header of a record made it */
    CHECK_EQ(truncate(path, SPOOL_HDR + 3 * (SPOOL_REC_HDR + 5) + 4), 0);
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    CHECK_EQ(sp.records, 3);
    CHECK_EQ(sp.torn_bytes, 4);
    spool_close(&sp);
}

static void damaged_record(void)
{
    struct spool sp;
    int fd;
    uint8_t x = 'X', zeros[100] = {0};

    fresh();
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    append_n(&sp, 0, 4);
    spool_close(&sp);
    /* flip a byte of rec-1's payload: its CRC fails, it and all after are cut */
    fd = open(path, O_RDWR);
    CHECK(fd >= 0);
    CHECK_EQ(pwrite(fd, &x, 1, SPOOL_HDR + (SPOOL_REC_HDR + 5) + SPOOL_REC_HDR + 1), 1);
    close(fd);
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    CHECK_EQ(sp.records, 1);
    CHECK_EQ(sp.torn_bytes, 3 * (SPOOL_REC_HDR + 5));
    expect_records(&sp, 0, 1);
    spool_close(&sp);

    /* a zero-filled tail (file extended, data never written) is not a run of empty records */
    fd = open(path, O_WRONLY | O_APPEND);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, zeros, sizeof(zeros)), (ssize_t)sizeof(zeros));
    close(fd);
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    CHECK_EQ(sp.records, 1);
    CHECK_EQ(sp.torn_bytes, sizeof(zeros));
    spool_close(&sp);
}

static void damaged_header(void)
{
    struct spool sp;
    size_t off[8];
    uint32_t len[8];
    unsigned n;
    long span;
    int fd;
    uint8_t x = 0xff;

    fresh();
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    append_n(&sp, 0, 3);
    span = spool_peek(&sp, buf, sizeof(buf), 1, off, len, &n);
    CHECK_EQ(spool_consume(&sp, 1, (uint64_t)span), SPOOL_OK);
    spool_close(&sp);
    /* a damaged read offset: replay from the start (twice is allowed, never lost) */
    fd = open(path, O_RDWR);
    CHECK_EQ(pwrite(fd, &x, 1, 9), 1);
    close(fd);
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    CHECK_EQ(sp.records, 3);
    expect_records(&sp, 0, 3);
    spool_close(&sp);
}

static void bound_and_compaction(void)
{
    struct spool sp;
    size_t off[64];
    uint32_t len[64];
    unsigned n, stored = 0;
    long span;
    char rec[100];
    uint64_t before;

    fresh();
    memset(rec, 'e', sizeof(rec));
    CHECK_EQ(spool_open(&sp, path, 4096), 0);
    while (spool_append(&sp, rec, sizeof(rec)) == SPOOL_OK)
        stored++;
    /* (4096 - 24) / (8 + 100) whole records, never a byte past the bound */
    CHECK_EQ(stored, (4096 - SPOOL_HDR) / (SPOOL_REC_HDR + sizeof(rec)));
    CHECK(file_size() <= 4096);
    CHECK_EQ(spool_append(&sp, rec, sizeof(rec)), SPOOL_FULL);
    /* a record that could never fit */
    CHECK_EQ(spool_append(&sp, buf, 5000), SPOOL_FULL);

    /* one record consumed: less than an eighth of the bound, not worth a copy */
    span = spool_peek(&sp, buf, sizeof(buf), 1, off, len, &n);
    CHECK_EQ(spool_consume(&sp, 1, (uint64_t)span), SPOOL_OK);
    CHECK_EQ(spool_append(&sp, rec, sizeof(rec)), SPOOL_FULL);

    /* more consumed: the append compacts, keeps order, and fits */
    span = spool_peek(&sp, buf, sizeof(buf), 4, off, len, &n);
    CHECK_EQ(n, 4);
    CHECK_EQ(spool_consume(&sp, 4, (uint64_t)span), SPOOL_OK);
    before = sp.records;
    memcpy(rec, "last", 4);
    CHECK_EQ(spool_append(&sp, rec, sizeof(rec)), SPOOL_OK);
    CHECK_EQ(sp.compactions, 1);
    CHECK_EQ(sp.records, before + 1);
    CHECK_EQ(sp.read_off, SPOOL_HDR);
    spool_close(&sp);

    /* after reopen the compacted file holds the same records, "last" at the end */
    CHECK_EQ(spool_open(&sp, path, 4096), 0);
    CHECK_EQ(sp.records, before + 1);
    CHECK_EQ(sp.torn_bytes, 0);
    span = spool_peek(&sp, buf, sizeof(buf), 64, off, len, &n);
    CHECK_EQ(n, before + 1);
    CHECK_EQ(len[n - 1], sizeof(rec));
    CHECK_MEM(buf + off[n - 1], "last", 4);
    CHECK_EQ(len[0], sizeof(rec));
    CHECK_EQ(buf[off[0]], 'e');
    spool_close(&sp);
}

static void foreign_file_and_lock(void)
{
    struct spool sp, sp2;
    FILE *f;
    char back[64] = "";

    fresh();
    f = fopen(path, "w");
    fputs("not a spool, somebody's notes\n", f);
    fclose(f);
    CHECK_EQ(spool_open(&sp, path, 1 << 20), -1);
    CHECK(strstr(sp.errstr, "not a firedamp spool") != NULL);
    f = fopen(path, "r");
    CHECK(fgets(back, sizeof(back), f) != NULL);
    fclose(f);
    CHECK_STR(back, "not a spool, somebody's notes\n");

    /* a file with only part of the magic: a crash while creating it */
    f = fopen(path, "w");
    fputs("FDSP", f);
    fclose(f);
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    CHECK_EQ(sp.records, 0);
    /* a second opener (another firedamp) is refused */
    CHECK_EQ(spool_open(&sp2, path, 1 << 20), -1);
    CHECK(strstr(sp2.errstr, "in use") != NULL);
    spool_close(&sp);
    CHECK_EQ(spool_open(&sp2, path, 1 << 20), 0);
    spool_close(&sp2);
}

static void parse_record_bounds(void)
{
    uint8_t rec[16] = {0};
    const uint8_t *pl;
    uint32_t l;

    /* empty record: damaged */
    CHECK_EQ(spool_parse_record(rec, sizeof(rec), &pl, &l), -1);
    /* too long */
    rec[3] = 0x10;
    CHECK_EQ(spool_parse_record(rec, sizeof(rec), &pl, &l), -1);
    /* length 4, cut short */
    memset(rec, 0, sizeof(rec));
    rec[0] = 4;
    CHECK_EQ(spool_parse_record(rec, 10, &pl, &l), 0);
    CHECK_EQ(spool_parse_record(rec, 7, &pl, &l), 0);
    /* whole but the CRC is wrong */
    CHECK_EQ(spool_parse_record(rec, 12, &pl, &l), -1);
    /* header: wrong magic, short */
    CHECK_EQ(spool_parse_header((const uint8_t *)"FDSPOOL2xxxxxxxxxxxxxxxx", 24, &(uint64_t){0}),
             -1);
    CHECK_EQ(spool_parse_header((const uint8_t *)SPOOL_MAGIC, 8, &(uint64_t){0}), -1);
}

static void emptied_but_header_stale(void)
{
    struct spool sp;

    fresh();
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    append_n(&sp, 0, 2);
    spool_close(&sp);
    /* records consumed, header rewritten... then the file cut to the header only */
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    {
        size_t off[4];
        uint32_t len[4];
        unsigned n;
        long span = spool_peek(&sp, buf, sizeof(buf), 1, off, len, &n);
        CHECK_EQ(spool_consume(&sp, 1, (uint64_t)span), SPOOL_OK);
    }
    spool_close(&sp);
    CHECK_EQ(truncate(path, SPOOL_HDR), 0); /* read offset now points past the end */
    CHECK_EQ(spool_open(&sp, path, 1 << 20), 0);
    CHECK_EQ(sp.records, 0);
    CHECK_EQ(spool_pending_bytes(&sp), 0);
    append_n(&sp, 7, 1);
    expect_records(&sp, 7, 1);
    spool_close(&sp);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(path, sizeof(path), "%s/spool", dir);
    order_and_reopen();
    torn_tail();
    damaged_record();
    damaged_header();
    bound_and_compaction();
    foreign_file_and_lock();
    parse_record_bounds();
    emptied_but_header_stale();
    unlink(path);
    rmdir(dir);
    return check_done();
}
