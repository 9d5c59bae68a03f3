/*
 * tail.h - `firedamp --tail`: a reader of the Redis stream the sensor writes,
 * for an analyst who wants to watch events without writing code.
 *
 * It joins (creating it if needed, with MKSTREAM) a consumer group on
 * redis.stream_key, first re-reads what this consumer was given but never
 * acknowledged, then follows new entries with XREADGROUP ... BLOCK, prints one
 * readable line per event and XACKs it after printing. It does not
 * de-duplicate (the same event_id twice is printed twice), and never writes
 * anything to the stream itself.
 */
#ifndef FIREDAMP_TAIL_H
#define FIREDAMP_TAIL_H

#include <stddef.h>

struct config;

#define TAIL_DEFAULT_GROUP "firedamp-tail"
#define TAIL_BLOCK_MS      1000 /* XREADGROUP BLOCK: how often a stop request is seen */
#define TAIL_COUNT         100  /* entries per read */

/*
 * Runs until SIGINT/SIGTERM (exit 0), or until a Redis error that retrying
 * cannot fix (exit 1: bad credentials, the key is not a stream). group and
 * consumer may be NULL (TAIL_DEFAULT_GROUP, "tail@<host name>").
 */
int tail_run(const struct config *c, const char *group, const char *consumer);

/*
 * Formats one event line (JSON) as the readable line --tail prints, into
 * out[cap] (always NUL-terminated). Returns 0, or -1 when it is not a JSON
 * object (out then holds the raw text, made printable). Pure; for tests.
 */
int tail_format(const char *json, size_t len, char *out, size_t cap);

#endif
