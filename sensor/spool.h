/*
 * spool.h - a bounded append-only file of event records that survives
 * restarts: where the Redis output keeps what Redis has not acknowledged.
 *
 * Layout (little-endian):
 *   header  "FDSPOOL1" | u64 read offset | u32 crc32(read offset) | u32 0   (24 bytes)
 *   record  u32 length | u32 crc32(payload) | payload[length]          (repeated)
 * The read offset is the first record not yet delivered; it is rewritten in
 * place (one 16-byte pwrite) when records are consumed. At open, records
 * from the read offset on are checked; the first one that is cut short or
 * fails its CRC (a torn write from a crash, or damage) ends the file: it and
 * everything after it are truncated away and counted (torn_bytes), never
 * replayed as garbage. A damaged header offset falls back to the first
 * record: replaying twice is allowed (at-least-once), losing is not.
 *
 * Bounded: the file never grows past max_bytes; an append that does not fit
 * returns SPOOL_FULL and the caller counts the loss. When every record has
 * been consumed the file is truncated back to its header; when it is full and
 * a consumed prefix exists, the rest is copied to a new file that replaces it
 * (rename, so a crash leaves either the old or the new file whole).
 *
 * Durability: appends are write()s (they survive a crash of the process);
 * spool_sync() makes them survive a crash of the machine. An exclusive
 * flock() keeps a second firedamp from sharing the file.
 *
 * Not thread-safe: one thread (the Redis output's) owns a spool.
 */
#ifndef FIREDAMP_SPOOL_H
#define FIREDAMP_SPOOL_H

#include <stddef.h>
#include <stdint.h>

#define SPOOL_MAGIC      "FDSPOOL1"
#define SPOOL_HDR        24
#define SPOOL_REC_HDR    8
#define SPOOL_MAX_RECORD (1u << 20) /* output.max_event_bytes is at most this */
#define SPOOL_MIN_BYTES  4096       /* smallest max_bytes accepted */

enum spool_result {
    SPOOL_OK = 0,
    SPOOL_FULL = -1,  /* no room within max_bytes: the record was not written */
    SPOOL_IOERR = -2, /* the file could not be written or read: errstr says why */
};

struct spool {
    int fd;
    uint64_t read_off;  /* first undelivered record */
    uint64_t write_off; /* end of the last whole record = file size */
    uint64_t max_bytes;
    uint64_t records;           /* undelivered records */
    uint64_t torn_bytes;        /* cut away at open (torn tail, damage) */
    uint64_t torn_records_hint; /* 1 when a torn record was found, for messages */
    uint64_t compactions;
    char path[1024];
    char errstr[1024 + 256];
};

/*
 * Parses one record at p[0..avail): returns its total size (header and
 * payload) when it is whole and its CRC matches, 0 when it is cut short, -1
 * when it is damaged (length past SPOOL_MAX_RECORD or CRC mismatch). Pure;
 * *payload and *len point into p.
 */
long spool_parse_record(const uint8_t *p, size_t avail, const uint8_t **payload, uint32_t *len);

/*
 * Parses a header at p[0..avail). Returns 0 and the read offset, 1 when the
 * magic is right but the offset is damaged (*read_off = SPOOL_HDR), -1 when
 * it is not a spool header. Pure.
 */
int spool_parse_header(const uint8_t *p, size_t avail, uint64_t *read_off);

/*
 * Opens or creates the spool at path, bounded to max_bytes (>= SPOOL_MIN_BYTES),
 * checks it and cuts a torn tail. Returns 0, or -1 with errstr set (not a
 * spool file, locked by another process, I/O error); sp->fd is -1 then.
 */
int spool_open(struct spool *sp, const char *path, uint64_t max_bytes);

/* Appends one record. SPOOL_OK, SPOOL_FULL or SPOOL_IOERR. */
int spool_append(struct spool *sp, const void *data, uint32_t len);

/*
 * Reads records from the read offset on into buf[cap] (no more than max of
 * them): fills off[i] (offset of payload i in buf) and len[i], sets *n and
 * returns the bytes they span in the file (pass it to spool_consume). 0 with
 * *n = 0 when empty. Returns -1 (SPOOL_IOERR, errstr set) on a read error; a
 * damaged record truncates the spool there (counted in torn_bytes) and ends
 * the batch. cap must exceed SPOOL_REC_HDR + the longest record.
 */
long spool_peek(struct spool *sp, uint8_t *buf, size_t cap, unsigned max, size_t *off,
                uint32_t *len, unsigned *n);

/*
 * Marks the first nrec records (spanning bytes) delivered: persists the new
 * read offset, and truncates the file when nothing is left. SPOOL_OK or
 * SPOOL_IOERR.
 */
int spool_consume(struct spool *sp, unsigned nrec, uint64_t bytes);

/* Undelivered bytes (records and their headers). */
uint64_t spool_pending_bytes(const struct spool *sp);

/* fdatasync(). SPOOL_OK or SPOOL_IOERR. */
int spool_sync(struct spool *sp);

/* Syncs and closes. The file stays (empty or not) for the next start. */
void spool_close(struct spool *sp);

#endif
