/*
 * c2_policy.h - what an HTTP transfer means: the engine's verdict on the
 * http_download dissector's facts (C2 downloads, issue 5), and the IOC check
 * of DNS and TLS names.
 *
 * The dissector reports what crossed the wire (type sniffed from the bytes,
 * SHA-256, a sample of a script's text, a POST's body); this module weighs
 * it, as docker_policy does for API calls:
 *  - `indicators`: the named behaviours of signatures/script.indicators found
 *    in a script's text (scope script), and `score`, their weights summed;
 *  - signals of the transfer itself, added to the score and named in
 *    `reasons`: an executable fetched from an IP-literal host
 *    (`ip-literal-host`), by a download tool (`downloader-ua`), a binary
 *    (ELF/PE) from an IP-literal host (`binary-from-ip`);
 *  - `ioc`, `ioc_source`: the host, URL or SHA-256 is in signatures/c2.ioc;
 *  - `beacon`: a POST whose body reads as host information (scope beacon
 *    indicators of the request body, score >= the medium threshold);
 *  - `risk`: high (an IOC, or score >= high), medium (score >= medium),
 *    low (an executable type), info (anything else).
 * It also says whether the transfer is an event at all: ordinary pages,
 * JSON, images, archives and revalidations (risk info, no beacon) are not.
 *
 * Thresholds are config (download.score_high / download.score_medium).
 * Deliberately not here: alerting (signatures do that on risk, beacon and
 * ioc), file extraction, unpacking archives.
 */
#ifndef FIREDAMP_C2_POLICY_H
#define FIREDAMP_C2_POLICY_H

#include "dissector.h"
#include "indicators.h"
#include "ioc.h"

#define C2_MAX_LISTED 16 /* indicators named in one event (all count in the score) */
#define C2_BUF        1024

struct c2_policy {
    const struct indicator_set *ind; /* may be NULL: no script indicators */
    const struct ioc_set *ioc;       /* may be NULL: no IOC checks */
    unsigned score_high;             /* risk high at or above (default 60) */
    unsigned score_medium;           /* risk medium at or above (default 30) */
};

/*
 * Scan results by body SHA-256, per worker: a worm fetches the same xmr.sh
 * from thousands of hosts, and a scan costs ~1,000 instructions a byte (67
 * patterns), a lookup ~100. Direct-mapped; a collision replaces.
 */
#define C2_CACHE_SLOTS 256

struct c2_cached {
    char sha256[64];                 /* hex, as the dissector writes it */
    const struct indicator_set *set; /* results name this set's indicators */
    uint8_t used;
    struct indicator_result res;
};

/* Per worker: the enriched copy and its strings. */
struct c2_scratch {
    struct fact fact;
    struct indicator_scratch *xs; /* indicators_scratch_new(policy->ind), or NULL */
    struct indicator_result res;
    char buf[C2_BUF];
    struct c2_cached cache[C2_CACHE_SLOTS];
    uint64_t scans, cache_hits;
};

/*
 * For an "http_download.transfer" fact: the copy with indicators, score,
 * risk, reasons, beacon and ioc added, and *log set to whether it is written
 * as an event. For "dns.query" / "tls.hello": a copy with `ioc` and
 * `ioc_source` when the name is listed, *log untouched. Any other fact, or
 * no hit: `in` itself.
 */
const struct fact *c2_policy_enrich(const struct c2_policy *p, const struct fact *in,
                                    struct c2_scratch *sc, int *log);

#endif
