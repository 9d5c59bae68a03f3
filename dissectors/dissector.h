/*
 * dissector.h - the one interface every application-layer dissector
 * implements, and the facts they report.
 *
 * Dissectors are pure C: libc only, no globals, no I/O, no allocation. The
 * engine owns the per-flow state (state_size bytes, zero-filled before the
 * first call) and the bytes it lends. A dissector reports what it saw as
 * facts; it never decides severity (signatures do, in the engine).
 *
 * The contract of feed(), the picohttpparser/hiredis "feed, say how much you
 * used" shape:
 *  - TCP: `p` holds contiguous, in-order bytes of one direction. Return how
 *    many were consumed (0..n). The engine keeps the rest (at most max_tail
 *    bytes) and offers it again, followed by new bytes. If the kept bytes
 *    would pass max_tail the oldest are discarded and gap() is called.
 *  - UDP: one datagram per call; the return value is ignored unless negative.
 *  - DISSECT_DONE: nothing more to say; the engine stops feeding this flow,
 *    calls end() at once and frees the state (a finished TLS handshake must
 *    not hold its buffers for the life of the connection).
 *  - DISSECT_REJECT: not my protocol (or a violation); counted, flow dropped.
 * gap() tells that `missing` bytes of direction `dir` will never arrive.
 * end() is called exactly once: when the flow ends (close, timeout, eviction,
 * end of capture) or right after DISSECT_DONE; never after DISSECT_REJECT.
 */
#ifndef FIREDAMP_DISSECTOR_H
#define FIREDAMP_DISSECTOR_H

#include <stddef.h>
#include <stdint.h>

enum dissect_dir {
    DIR_TO_SERVER = 0,
    DIR_TO_CLIENT = 1,
};

enum {
    PROBE_NO = 0,    /* not my protocol */
    PROBE_MAYBE = 1, /* could be mine: offer me more bytes */
    PROBE_YES = 2,   /* mine */
};

#define DISSECT_DONE   (-1)
#define DISSECT_REJECT (-2)

/* What the engine tells a dissector about the flow. Read-only for dissectors. */
struct flow_info {
    uint8_t ipproto;      /* 6 TCP, 17 UDP */
    uint16_t client_port; /* port of the side that opened the flow */
    uint16_t server_port;
    uint64_t ts_us;       /* packet time of the bytes being fed */
    uint64_t first_ts_us; /* first packet of the flow */
    const char *app_hint; /* nDPI's protocol name when known ("TLS", "DNS"), else NULL */
};

/* ---- facts ---------------------------------------------------------------- */

enum fact_value_type {
    FV_STR = 0, /* v.s, len bytes; may hold any byte, the writer escapes */
    FV_INT,     /* v.i */
    FV_UINT,    /* v.u */
    FV_DOUBLE,  /* v.d */
    FV_BOOL,    /* v.u != 0 */
    FV_MD5HEX,  /* v.s, len bytes: the writer renders the MD5 of them in hex */
};

/* Flag: consecutive fields with the same name and this flag form one JSON array. */
#define FV_ARRAY 0x01
/*
 * Flag: for the engine only (signatures, enrichment such as script
 * indicators), never written to an event: a body sample, say.
 */
#define FV_HIDDEN 0x02

#define FACT_MAX_FIELDS 64

struct fact_field {
    const char *name; /* JSON key inside the fact's object */
    uint8_t type;     /* enum fact_value_type */
    uint8_t flags;    /* FV_ARRAY */
    uint32_t len;     /* FV_STR / FV_MD5HEX byte count */
    union {
        const char *s;
        int64_t i;
        uint64_t u;
        double d;
    } v;
};

/*
 * A fact is a borrowed view: valid only during the emit() call. `type` is the
 * event_type and the name of the JSON object that holds the fields ("dns",
 * "tls", "stratum"); `name` is what signatures match on ("dns.query").
 */
#define FACT_F_NOLOG 0x01 /* a trigger for signatures only, not written as an event */

struct fact {
    const char *type;
    const char *name;
    uint8_t flags; /* FACT_F_* */
    /*
     * What the fact is about within its flow, when a flow carries many
     * distinct things (the name a DNS query asks): an alert fires once per
     * signature per subject. NULL: once per signature per flow.
     */
    const char *subject;
    uint32_t subject_len;
    uint16_t nfields;
    uint16_t overflow; /* fields dropped because the fact was full */
    struct fact_field field[FACT_MAX_FIELDS];
};

/* Starts an empty fact. */
void fact_init(struct fact *f, const char *type, const char *name);
/* Each adder appends one field; when the fact is full it counts f->overflow. */
void fact_str(struct fact *f, const char *name, const char *s, size_t len);
void fact_cstr(struct fact *f, const char *name, const char *s); /* NUL-terminated */
void fact_str_item(struct fact *f, const char *name, const char *s, size_t len); /* array item */
void fact_int(struct fact *f, const char *name, int64_t v);
void fact_uint(struct fact *f, const char *name, uint64_t v);
void fact_double(struct fact *f, const char *name, double v);
void fact_bool(struct fact *f, const char *name, int v);
void fact_md5hex(struct fact *f, const char *name, const char *s, size_t len);
/* A string field with FV_HIDDEN: seen by the engine, never written. */
void fact_hidden(struct fact *f, const char *name, const char *s, size_t len);
/* Sets the fact's subject (borrowed, like every string of a fact). */
void fact_subject(struct fact *f, const char *s, size_t len);
/* The first field called `name`, or NULL. */
const struct fact_field *fact_get(const struct fact *f, const char *name);

/* What the engine lends a dissector on each call. */
struct dctx {
    const struct flow_info *fi;
    void (*emit)(struct dctx *cx, const struct fact *f);
    void *engine; /* opaque; dissectors never touch it */
    /*
     * Engine-lent memory, for the rare dissector that needs more than its
     * fixed state for a while (an inflate window, a script sample). Charged
     * to a configured budget: alloc() returns NULL when the budget or the
     * heap says no, and the dissector must carry on without (and say so in
     * its facts, e.g. truncated). Every block goes back through mfree() with
     * its size, at the latest in end(). Either may be NULL in a test
     * harness that lends nothing: then there is no memory to have.
     */
    void *(*alloc)(struct dctx *cx, size_t n);
    void (*mfree)(struct dctx *cx, void *p, size_t n);
};

struct dissector {
    const char *name;      /* "dns", "tls" */
    const char *app_proto; /* app_proto of the flows it takes ("DNS", "TLS", "Stratum") */
    uint8_t ipproto;       /* 6 TCP or 17 UDP */
    uint16_t state_size;   /* per-flow state bytes, zero-filled by the engine */
    uint32_t max_tail;     /* most unconsumed bytes the stream keeps for it (TCP) */
    /*
     * Looks at the first bytes of direction `dir` (and port hints) and says
     * PROBE_NO / PROBE_MAYBE / PROBE_YES. Must not keep pointers.
     */
    int (*probe)(const struct flow_info *fi, int dir, const uint8_t *p, size_t n);
    int (*feed)(void *st, struct dctx *cx, int dir, const uint8_t *p, size_t n);
    void (*gap)(void *st, struct dctx *cx, int dir, uint32_t missing);
    void (*end)(void *st, struct dctx *cx);
};

/* The registry (registry.c): every dissector, in probing order. */
extern const struct dissector *const dissector_table[];
extern const unsigned dissector_count;

/* Returns the registry index of the dissector named `name`, or -1. */
int dissector_find(const char *name);

#endif
