/*
 * fuzz_spool.c - the spool file reader on arbitrary bytes: the pure record
 * parser over the buffer, then the same bytes as a real spool file opened,
 * replayed batch by batch and consumed to the end. Whatever the file holds,
 * open either refuses it or ends at its last whole record; every record
 * replayed is one the parser accepted (CRC checked), and a full replay
 * leaves an empty spool.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spool.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t buf[SPOOL_MAX_RECORD + SPOOL_REC_HDR + 65536];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    struct spool sp;
    size_t off[16], pos = SPOOL_HDR;
    uint32_t len[16];
    uint64_t read_off, total = 0, replayed = 0;
    FILE *f;

    /* the pure parsers first */
    if (spool_parse_header(data, size, &read_off) >= 0) {
        for (pos = read_off; pos < size;) {
            const uint8_t *pl;
            uint32_t l;
            long r = spool_parse_record(data + pos, size - pos, &pl, &l);
            if (r <= 0)
                break;
            if (pl != data + pos + SPOOL_REC_HDR || (size_t)r != SPOOL_REC_HDR + l)
                abort();
            pos += (size_t)r;
        }
    }
    /* then as a file on disk */
    if (!path[0])
        snprintf(path, sizeof(path), "/tmp/fuzz_spool.%d", (int)getpid());
    f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    if (spool_open(&sp, path, 1 << 20) == 0) {
        total = sp.records;
        for (;;) {
            unsigned n = 0;
            long span = spool_peek(&sp, buf, sizeof(buf), 16, off, len, &n);
            if (span < 0 || n == 0)
                break;
            for (unsigned i = 0; i < n; i++)
                if (off[i] + len[i] > (size_t)span || len[i] == 0)
                    abort();
            replayed += n;
            if (spool_consume(&sp, n, (uint64_t)span) != SPOOL_OK)
                break;
        }
        if (replayed != total || spool_pending_bytes(&sp) != 0)
            abort();
        /* and it still takes appends */
        if (spool_append(&sp, "x", 1) != SPOOL_OK || sp.records != 1)
            abort();
        spool_close(&sp);
    }
    unlink(path);
    return 0;
}
