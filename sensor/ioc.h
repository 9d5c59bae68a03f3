/*
 * ioc.h - indicator-of-compromise lists: known C2 domains, IP addresses,
 * download URLs and file SHA-256 hashes, each tagged with the campaign it
 * belongs to and where it was published (signatures/c2.ioc; format in
 * signatures/README.md).
 *
 * The engine asks, for every HTTP download, DNS query and TLS SNI name:
 * "is this host / URL / body hash listed?" and reports the entry's campaign
 * and source with the event. Policy (severity, which fact) stays in the
 * rules; this module only answers the lookup.
 *
 * A loaded set is immutable: any number of threads may query it at once
 * without locks, and no query allocates. Each kind lives in one
 * open-addressing hash table sized once at load, so a lookup costs a few
 * probes whatever the list size. Reload = load a new set and swap pointers.
 *
 * Deliberately not here: CIDR ranges (use cidr.h), regular expressions, URL
 * percent-decoding or path normalisation (".." and "%2f" are compared as
 * sent), IPv6 text canonicalisation inside URLs, expiry dates of indicators.
 */
#ifndef FIREDAMP_IOC_H
#define FIREDAMP_IOC_H

#include <stddef.h>

#define IOC_MAX_ENTRIES  100000      /* lines with an indicator, per file */
#define IOC_LINE_MAX     2048        /* bytes per line, without the newline */
#define IOC_FILE_MAX     (16u << 20) /* bytes per file */
#define IOC_DOMAIN_MAX   253
#define IOC_LABEL_MAX    63
#define IOC_CAMPAIGN_MAX 63  /* letters, digits, '-', '_', '.' */
#define IOC_SOURCE_MAX   200 /* free text, the rest of the line */

struct ioc_set;

enum ioc_kind {
    IOC_DOMAIN = 1,
    IOC_IP,
    IOC_URL,
    IOC_SHA256
};

/*
 * What a hit returns. All three strings point into the set and stay valid
 * until ioc_free(): value is the list entry in its normalised form
 * ("evil.example", "198.51.100.7", "http://198.51.100.7/xmr.sh", a prefix
 * entry with its trailing '*', 64 lowercase hex digits).
 */
struct ioc_match {
    enum ioc_kind kind;
    const char *value;
    const char *campaign; /* "graboid" */
    const char *source;   /* short provenance, "Unit42-2019" */
};

/*
 * Loads an indicator file (a regular file of at most IOC_FILE_MAX bytes).
 * Returns the set, or NULL with a one-line reason in err: "FILE:LINE: what"
 * for a bad line, "FILE: why" for an unreadable or missing file. Duplicate
 * indicators are not an error: the first line wins, the count is distinct.
 * Called at start or reload, never on the packet path.
 */
struct ioc_set *ioc_load(const char *path, char *err, size_t errlen);

/* The same from memory (tests, fuzzing); `name` is the FILE of messages. */
struct ioc_set *ioc_load_mem(const char *name, const char *text, size_t len, char *err,
                             size_t errlen);

/* Frees a set (NULL is fine). No query may be running on it. */
void ioc_free(struct ioc_set *s);

/* Distinct indicators of kind k (prefix URLs count as IOC_URL); 0 for NULL. */
unsigned ioc_count(const struct ioc_set *s, enum ioc_kind k);

/*
 * host: a DNS name or an IP literal, as it arrived (DNS qname, TLS SNI,
 * HTTP Host header). A name matches a domain entry on label boundaries:
 * "evil.example" matches "evil.example" and "a.evil.example", never
 * "notevil.example"; case and one trailing dot are ignored, an optional
 * ":port" is stripped. An IP literal (dotted IPv4, IPv6 with or without
 * [brackets], "[v6]:port", "v4:port") matches an ip entry exactly;
 * ::ffff:a.b.c.d equals a.b.c.d. When several domain entries match, the
 * longest (most specific) is reported.
 * Returns 1 and fills *m (if m is not NULL) on a hit, 0 otherwise or when
 * s or host is NULL. Never reads past host[len-1].
 */
int ioc_match_host(const struct ioc_set *s, const char *host, size_t len, struct ioc_match *m);

/*
 * url: `target` is either absolute ("http://h:p/path?q", http or https) or
 * origin-form ("/path?q", as in an HTTP request line) with the Host header
 * value in host[0..hlen) (then the scheme is http). Both sides are
 * normalised the same way: scheme and host lowercase, one trailing dot of
 * the host dropped, the default port (:80 http, :443 https) dropped, port
 * digits without leading zeros, userinfo and fragment dropped, an empty path
 * becomes "/"; the path and query keep their case and bytes. An exact entry
 * wins over a prefix entry (one ending in '*'); among prefixes the longest
 * wins. Returns 1 and fills *m on a hit, 0 otherwise (also for other
 * request-target forms: "*", authority-form).
 */
int ioc_match_url(const struct ioc_set *s, const char *host, size_t hlen, const char *target,
                  size_t tlen, struct ioc_match *m);

/* sha256: exactly 64 hex digits, any case. Returns 1 and fills *m on a hit. */
int ioc_match_sha256(const struct ioc_set *s, const char *hex, size_t len, struct ioc_match *m);

#endif
