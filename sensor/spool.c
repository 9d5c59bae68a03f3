/*
 * spool.c - the Redis output's on-disk spool (see spool.h for the format and
 * the guarantees).
 *
 * Plain POSIX file I/O: write() to append, pread() to replay, pwrite() of the
 * header to persist progress, ftruncate() to empty, rename() to compact. No
 * mmap (a torn or truncated file must be an error code, not a SIGBUS), no
 * user-space write buffer (an acknowledged append is in the kernel before the
 * caller forgets the event). It does not know what a record means.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "spool.h"

#define SCAN_CHUNK            (SPOOL_MAX_RECORD + SPOOL_REC_HDR + 65536)
#define SPOOL_PEEK_PER_RECORD 2048 /* bytes read ahead per record wanted */
#define SPOOL_PEEK_MIN        16384

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const uint8_t *p)
{
    return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static void put64(uint8_t *p, uint64_t v)
{
    put32(p, (uint32_t)v);
    put32(p + 4, (uint32_t)(v >> 32));
}

static uint32_t crc(const uint8_t *p, size_t len)
{
    return (uint32_t)crc32(0L, p, (uInt)len);
}

long spool_parse_record(const uint8_t *p, size_t avail, const uint8_t **payload, uint32_t *len)
{
    uint32_t l;

    if (avail < SPOOL_REC_HDR)
        return 0;
    l = get32(p);
    /* empty records are never written: a zero-filled tail must not parse */
    if (l == 0 || l > SPOOL_MAX_RECORD)
        return -1;
    if (avail - SPOOL_REC_HDR < l)
        return 0;
    if (crc(p + SPOOL_REC_HDR, l) != get32(p + 4))
        return -1;
    *payload = p + SPOOL_REC_HDR;
    *len = l;
    return (long)(SPOOL_REC_HDR + l);
}

int spool_parse_header(const uint8_t *p, size_t avail, uint64_t *read_off)
{
    uint64_t off;

    if (avail < SPOOL_HDR || memcmp(p, SPOOL_MAGIC, 8) != 0)
        return -1;
    off = get64(p + 8);
    if (crc(p + 8, 8) != get32(p + 16) || off < SPOOL_HDR) {
        *read_off = SPOOL_HDR;
        return 1;
    }
    *read_off = off;
    return 0;
}

static int ioerr(struct spool *sp, const char *what)
{
    snprintf(sp->errstr, sizeof(sp->errstr), "spool %s: %s: %s", sp->path, what, strerror(errno));
    return SPOOL_IOERR;
}

static int write_all(int fd, const uint8_t *p, size_t len, off_t off)
{
    while (len) {
        ssize_t w = off < 0 ? write(fd, p, len) : pwrite(fd, p, len, off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = ENOSPC;
            return -1;
        }
        p += w;
        len -= (size_t)w;
        if (off >= 0)
            off += w;
    }
    return 0;
}

static ssize_t read_all(int fd, uint8_t *p, size_t len, off_t off)
{
    size_t got = 0;

    while (got < len) {
        ssize_t r = pread(fd, p + got, len - got, off + (off_t)got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

static int write_header(int fd, uint64_t read_off)
{
    uint8_t h[SPOOL_HDR] = {0};

    memcpy(h, SPOOL_MAGIC, 8);
    put64(h + 8, read_off);
    put32(h + 16, crc(h + 8, 8));
    return write_all(fd, h, sizeof(h), 0);
}

/* Cuts the file at off (a torn or damaged record there) and counts what went. */
static int cut_at(struct spool *sp, uint64_t off)
{
    sp->torn_bytes += sp->write_off - off;
    sp->torn_records_hint++;
    sp->write_off = off;
    if (ftruncate(sp->fd, (off_t)off) != 0)
        return ioerr(sp, "truncate");
    return SPOOL_OK;
}

/* Walks the records from read_off, counting them and cutting a torn tail. */
static int scan(struct spool *sp)
{
    uint8_t *buf = malloc(SCAN_CHUNK);
    uint64_t pos = sp->read_off;
    int rc = SPOOL_OK;

    if (!buf) {
        errno = ENOMEM;
        return ioerr(sp, "scan");
    }
    sp->records = 0;
    while (pos < sp->write_off) {
        uint64_t want = sp->write_off - pos;
        ssize_t got =
            read_all(sp->fd, buf, want < SCAN_CHUNK ? (size_t)want : SCAN_CHUNK, (off_t)pos);
        size_t used = 0;
        if (got < 0) {
            rc = ioerr(sp, "read");
            break;
        }
        for (;;) {
            const uint8_t *pl;
            uint32_t l;
            long r;
            if (pos + used == sp->write_off)
                goto out;
            r = spool_parse_record(buf + used, (size_t)got - used, &pl, &l);
            if (r <= 0) {
                /* cut short at the end of the file, or damaged: the end */
                if (r < 0 || pos + (uint64_t)got >= sp->write_off) {
                    rc = cut_at(sp, pos + used);
                    goto out;
                }
                break; /* the chunk ended inside a record: read on from it */
            }
            used += (size_t)r;
            sp->records++;
        }
        pos += used;
    }
out:
    free(buf);
    return rc;
}

int spool_open(struct spool *sp, const char *path, uint64_t max_bytes)
{
    uint8_t h[SPOOL_HDR];
    struct stat st;
    ssize_t got;

    memset(sp, 0, sizeof(*sp));
    sp->fd = -1;
    snprintf(sp->path, sizeof(sp->path), "%s", path);
    sp->max_bytes = max_bytes < SPOOL_MIN_BYTES ? SPOOL_MIN_BYTES : max_bytes;
    sp->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (sp->fd < 0)
        return ioerr(sp, "open"), -1;
    if (flock(sp->fd, LOCK_EX | LOCK_NB) != 0) {
        snprintf(sp->errstr, sizeof(sp->errstr),
                 "spool %s: in use by another process (set redis.spool_path)", path);
        goto fail;
    }
    if (fstat(sp->fd, &st) != 0) {
        ioerr(sp, "stat");
        goto fail;
    }
    got = read_all(sp->fd, h, sizeof(h), 0);
    if (got < 0) {
        ioerr(sp, "read");
        goto fail;
    }
    if (got < SPOOL_HDR) {
        /* new, or a crash while it was being created: only a magic prefix may be there */
        if (memcmp(h, SPOOL_MAGIC, (size_t)got < 8 ? (size_t)got : 8) != 0) {
            snprintf(sp->errstr, sizeof(sp->errstr),
                     "spool %s: exists and is not a firedamp spool (refusing to overwrite it)",
                     path);
            goto fail;
        }
        if (ftruncate(sp->fd, 0) != 0 || write_header(sp->fd, SPOOL_HDR) != 0) {
            ioerr(sp, "create");
            goto fail;
        }
        sp->read_off = sp->write_off = SPOOL_HDR;
        return 0;
    }
    if (spool_parse_header(h, sizeof(h), &sp->read_off) < 0) {
        snprintf(sp->errstr, sizeof(sp->errstr),
                 "spool %s: exists and is not a firedamp spool (refusing to overwrite it)", path);
        goto fail;
    }
    sp->write_off = (uint64_t)st.st_size;
    if (sp->read_off > sp->write_off) {
        /* emptied (truncated) but the header not yet rewritten: nothing left */
        sp->read_off = SPOOL_HDR;
        if (ftruncate(sp->fd, SPOOL_HDR) != 0 || write_header(sp->fd, SPOOL_HDR) != 0) {
            ioerr(sp, "reset");
            goto fail;
        }
        sp->write_off = SPOOL_HDR;
    }
    if (scan(sp) != SPOOL_OK)
        goto fail;
    return 0;
fail:
    close(sp->fd);
    sp->fd = -1;
    return -1;
}

/* Moves the undelivered records to the front of a fresh file (atomic rename). */
static int compact(struct spool *sp)
{
    char tmp[sizeof(sp->path) + 8];
    uint8_t *buf;
    uint64_t pos = sp->read_off, dst = SPOOL_HDR;
    int fd;

    if (snprintf(tmp, sizeof(tmp), "%s.tmp", sp->path) >= (int)sizeof(tmp)) {
        errno = ENAMETOOLONG;
        return ioerr(sp, "compact");
    }
    buf = malloc(SCAN_CHUNK);
    fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (!buf || fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0 || write_header(fd, SPOOL_HDR) != 0)
        goto fail;
    while (pos < sp->write_off) {
        uint64_t want = sp->write_off - pos;
        ssize_t got =
            read_all(sp->fd, buf, want < SCAN_CHUNK ? (size_t)want : SCAN_CHUNK, (off_t)pos);
        if (got <= 0 || write_all(fd, buf, (size_t)got, (off_t)dst) != 0)
            goto fail;
        pos += (uint64_t)got;
        dst += (uint64_t)got;
    }
    if (fdatasync(fd) != 0 || rename(tmp, sp->path) != 0)
        goto fail;
    free(buf);
    close(sp->fd);
    sp->fd = fd;
    sp->write_off = dst;
    sp->read_off = SPOOL_HDR;
    sp->compactions++;
    return SPOOL_OK;
fail:
    ioerr(sp, "compact");
    free(buf);
    if (fd >= 0) {
        close(fd);
        unlink(tmp);
    }
    return SPOOL_IOERR;
}

int spool_append(struct spool *sp, const void *data, uint32_t len)
{
    uint8_t h[SPOOL_REC_HDR];
    uint64_t need = SPOOL_REC_HDR + (uint64_t)len;

    if (sp->fd < 0) {
        snprintf(sp->errstr, sizeof(sp->errstr), "spool %s: not open", sp->path);
        return SPOOL_IOERR;
    }
    if (len == 0 || len > SPOOL_MAX_RECORD || need + SPOOL_HDR > sp->max_bytes)
        return SPOOL_FULL;
    if (sp->write_off + need > sp->max_bytes) {
        /* a consumed prefix worth the copy (an eighth of the bound) is reclaimed */
        uint64_t consumed = sp->read_off - SPOOL_HDR;
        if (consumed < need || consumed < sp->max_bytes / 8)
            return SPOOL_FULL;
        if (compact(sp) != SPOOL_OK)
            return SPOOL_IOERR;
        if (sp->write_off + need > sp->max_bytes)
            return SPOOL_FULL;
    }
    put32(h, len);
    put32(h + 4, crc(data, len));
    if (write_all(sp->fd, h, sizeof(h), (off_t)sp->write_off) != 0 ||
        write_all(sp->fd, data, len, (off_t)(sp->write_off + SPOOL_REC_HDR)) != 0) {
        int e = errno;
        /* never leave half a record for the next one to follow (or the next open cuts it) */
        int t = ftruncate(sp->fd, (off_t)sp->write_off);
        (void)t;
        errno = e;
        return ioerr(sp, "write");
    }
    sp->write_off += need;
    sp->records++;
    return SPOOL_OK;
}

long spool_peek(struct spool *sp, uint8_t *buf, size_t cap, unsigned max, size_t *off,
                uint32_t *len, unsigned *n)
{
    uint64_t want = sp->write_off - sp->read_off;
    ssize_t got;
    size_t used = 0;

    size_t guess = (size_t)max * SPOOL_PEEK_PER_RECORD;

    *n = 0;
    if (want == 0 || max == 0)
        return 0;
    /* read about what max records take, not the whole spool, for each batch */
    if (guess < SPOOL_PEEK_MIN)
        guess = SPOOL_PEEK_MIN;
    if (want > guess)
        want = guess;
    if (want > cap)
        want = cap;
    got = read_all(sp->fd, buf, (size_t)want, (off_t)sp->read_off);
    if (got >= SPOOL_REC_HDR) {
        /* the first record is longer than the guess: read exactly it */
        uint64_t first = SPOOL_REC_HDR + (uint64_t)get32(buf);
        if (first > (uint64_t)got && first <= cap && first <= sp->write_off - sp->read_off)
            got = read_all(sp->fd, buf, (size_t)first, (off_t)sp->read_off);
    }
    if (got < 0) {
        ioerr(sp, "read");
        return SPOOL_IOERR;
    }
    while (*n < max) {
        const uint8_t *pl;
        uint32_t l;
        long r = spool_parse_record(buf + used, (size_t)got - used, &pl, &l);
        if (r == 0 && *n > 0)
            break; /* the buffer ended inside a record: the next batch reads it */
        if (r == 0 && (size_t)got >= SPOOL_REC_HDR &&
            SPOOL_REC_HDR + (uint64_t)get32(buf) <= sp->write_off - sp->read_off) {
            /* a whole record is there but did not fit: the caller's buffer is too small */
            snprintf(sp->errstr, sizeof(sp->errstr),
                     "spool %s: read buffer of %zu bytes is "
                     "smaller than a record",
                     sp->path, cap);
            return SPOOL_IOERR;
        }
        if (r <= 0) {
            if (sp->read_off + used == sp->write_off)
                break;
            /* damaged since open (or cut short): drop it and all after */
            if (cut_at(sp, sp->read_off + used) != SPOOL_OK)
                return SPOOL_IOERR;
            sp->records = *n;
            break;
        }
        off[*n] = (size_t)(pl - buf);
        len[*n] = l;
        (*n)++;
        used += (size_t)r;
    }
    return (long)used;
}

int spool_consume(struct spool *sp, unsigned nrec, uint64_t bytes)
{
    if (bytes > sp->write_off - sp->read_off)
        bytes = sp->write_off - sp->read_off;
    sp->read_off += bytes;
    sp->records = nrec > sp->records ? 0 : sp->records - nrec;
    if (sp->read_off == sp->write_off) {
        /* all delivered: cut first, then the header (see spool_open) */
        if (ftruncate(sp->fd, SPOOL_HDR) != 0)
            return ioerr(sp, "truncate");
        sp->read_off = sp->write_off = SPOOL_HDR;
        sp->records = 0;
    }
    if (write_header(sp->fd, sp->read_off) != 0)
        return ioerr(sp, "write header");
    return SPOOL_OK;
}

uint64_t spool_pending_bytes(const struct spool *sp)
{
    return sp->write_off - sp->read_off;
}

int spool_sync(struct spool *sp)
{
    if (sp->fd >= 0 && fdatasync(sp->fd) != 0)
        return ioerr(sp, "sync");
    return SPOOL_OK;
}

void spool_close(struct spool *sp)
{
    if (sp->fd < 0)
        return;
    spool_sync(sp);
    close(sp->fd);
    sp->fd = -1;
}
