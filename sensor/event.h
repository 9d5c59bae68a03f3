/*
 * event.h - the common part of every event line (SCHEMA.md "Every event"):
 * packet-time timestamp, flow_id, sensor, event_type, VLAN and tunnel, the
 * client->server tuple, app_proto and Community ID v1; and the rendering of a
 * dissector's fact as the event's object.
 *
 * Nothing here keeps state; all functions are thread-safe.
 */
#ifndef FIREDAMP_EVENT_H
#define FIREDAMP_EVENT_H

#include <stdint.h>

#include "dissector.h"
#include "flow.h"
#include "json.h"

#define EVENT_TS_LEN  96 /* "2019-10-21T08:15:02.123456+0000" + NUL, room for any year */
#define EVENT_CID_LEN 40 /* "1:" + 28 base64 chars + NUL, with room */
#define EVENT_IP_LEN  48

/* Formats packet time as ISO 8601 UTC with microseconds and "+0000". */
void event_timestamp(char out[EVENT_TS_LEN], uint64_t ts_us);

/* Formats a 16-byte address (IPv4-mapped when ip_version == 4) as text. */
void event_ip(char out[EVENT_IP_LEN], const uint8_t addr[16], int ip_version);

/*
 * Hash state owned by one thread: the digests fetched once and one reusable
 * context, because OpenSSL 3 looks an algorithm up (under a lock) on every
 * one-shot EVP_Digest(). NULL where a function takes one means "one-shot".
 */
struct event_crypto;

/* Creates a thread's hash state, or NULL (callers then fall back to one-shot). */
struct event_crypto *event_crypto_new(void);
void event_crypto_free(struct event_crypto *c);

/*
 * Community ID v1 (github.com/corelight/community-id-spec) of a 5-tuple given
 * in either direction. Addresses are 16 bytes (IPv4-mapped for version 4).
 * For ICMP/ICMPv6, sport/dport are type/code. c may be NULL. Returns 0, or
 * -1 if hashing failed.
 */
int event_community_id(struct event_crypto *c, char out[EVENT_CID_LEN], uint16_t seed,
                       int ip_version, const uint8_t saddr[16], const uint8_t daddr[16],
                       uint8_t proto, uint16_t sport, uint16_t dport);

/* Everything the common fields need besides the flow. */
struct event_meta {
    const char *sensor;          /* sensor name */
    uint16_t cid_seed;           /* Community ID seed (default 0) */
    struct event_crypto *crypto; /* the calling thread's, or NULL */
    /*
     * event_id = "<run_id>-<source>-<seq>": unique per event across runs and
     * threads, the key a consumer de-duplicates at-least-once deliveries on.
     * run_id: 16 hex digits drawn at start; source: the worker number, or
     * EVENT_SOURCE_MAIN; seq counts that source's events from 1. No id is
     * written when seq is NULL.
     */
    const char *run_id;
    unsigned source;
    uint64_t *seq;
};

#define EVENT_SOURCE_MAIN 999 /* stats and other events of the main thread */

/*
 * Opens the event object and writes the common fields. f may be NULL (stats
 * events: no flow fields); its Community ID is computed on its first event
 * and kept in it. app_proto may be NULL. The caller adds its own
 * members and calls json_close(j).
 */
void event_begin(struct json *j, const struct event_meta *m, const char *event_type, uint64_t ts_us,
                 struct flow *f, const char *app_proto);

/* Writes `"<fact->type>": { fields }` into the open event object. */
void event_fact(struct json *j, const struct event_meta *m, const struct fact *fact);

#endif
