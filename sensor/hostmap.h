/*
 * hostmap.h - which name an address was given: the answers of DNS lookups
 * (and TLS server names) of mining pools, so that a later flow to that
 * address, plain or TLS, names its pool (`pool_host`).
 *
 * A fixed-size table shared by all workers (a DNS answer and the flow it
 * resolves can hash to different workers), guarded by one mutex: it is
 * touched per DNS answer and per reported session, never per packet.
 * Entries expire on packet time; when a probe window is full the entry that
 * expires first is replaced, so the table's memory never grows.
 */
#ifndef FIREDAMP_HOSTMAP_H
#define FIREDAMP_HOSTMAP_H

#include <stddef.h>
#include <stdint.h>

#define HOSTMAP_NAME_MAX 128 /* longer names are cut (pool names are short) */

struct hostmap;

/* A table for about `capacity` addresses. NULL when out of memory. */
struct hostmap *hostmap_new(uint32_t capacity);
void hostmap_free(struct hostmap *hm);

/* Maps a 16-byte address to `name` until packet time `expires_us`. */
void hostmap_put(struct hostmap *hm, const uint8_t addr[16], const char *name, size_t len,
                 uint64_t expires_us);

/*
 * Copies the name of `addr` (if known and not expired at now_us) into
 * out[outlen] NUL-terminated. Returns its length, or 0 if unknown.
 */
size_t hostmap_get(struct hostmap *hm, const uint8_t addr[16], uint64_t now_us, char *out,
                   size_t outlen);

/* Entries stored, replaced while still valid (table too small), bytes held. */
void hostmap_stats(struct hostmap *hm, uint64_t *entries, uint64_t *replaced, uint64_t *memory);

#endif
