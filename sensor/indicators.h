/*
 * indicators.h - script indicators: named behaviours (download-and-execute,
 * decode-to-shell, miner launch, persistence, ...) found by regular
 * expressions in the decoded text of a downloaded script or a POST body, and
 * a weighted score.
 *
 * The indicators are data (signatures/script.indicators, format in
 * signatures/README.md): one per line,
 *     name weight scope category pattern...
 * e.g.
 *     fetch-pipe-shell 25 script download-exec (?i)\bcurl\b[^\n|]{0,400}\|\s*(?:ba)?sh\b
 * Patterns are PCRE2, compiled at load without UTF (bytes match bytes), with
 * PCRE2_MULTILINE (^ and $ at line boundaries) and JIT where available.
 *
 * Not here: what the score means (the engine maps it to a severity), which
 * texts are scanned with which scope (the engine's choice), HTTP or
 * decompression (the dissector's).
 *
 * Threads: a struct indicator_set is immutable once loaded and may be shared
 * by any number of threads; each thread scans with its own struct
 * indicator_scratch (PCRE2 match data, match context, JIT stack), created at
 * start-up. indicators_scan allocates nothing and takes no lock.
 */
#ifndef FIREDAMP_INDICATORS_H
#define FIREDAMP_INDICATORS_H

#include <stddef.h>
#include <stdint.h>

#define INDICATOR_MAX_HITS    32
#define INDICATOR_MAX         512  /* indicators in one file */
#define INDICATOR_PATTERN_MAX 1024 /* bytes of one pattern */
#define INDICATOR_NAME_MAX    48   /* bytes of a name, NUL included */
#define INDICATOR_FILE_MAX    (1u << 20)
#define INDICATOR_SCORE_MAX   100

/*
 * Bounds on each pcre2_match call, so a runaway pattern fails (counted in
 * errors) instead of hanging the scan. PCRE2 counts the match limit per start
 * position: a text's total cost is only linear if the pattern is written so
 * (anchor, then bounded windows; see signatures/README.md).
 */
#define INDICATOR_MATCH_LIMIT 100000 /* backtracking steps per start position */
#define INDICATOR_DEPTH_LIMIT 5000   /* nested backtracking points (interpreter) */
#define INDICATOR_HEAP_LIMIT  1024   /* KiB of backtracking frames (interpreter) */

struct indicator_set;     /* immutable once loaded; shareable by threads */
struct indicator_scratch; /* per thread: PCRE2 match data etc. */

enum indicator_scope {
    IND_SCOPE_SCRIPT = 1,
    IND_SCOPE_BEACON = 2
}; /* bit flags */

struct indicator_hit {
    const char *name;     /* owned by the set: valid while the set lives */
    const char *category; /* one of the fixed categories, a static string */
    unsigned weight;
};

struct indicator_result {
    unsigned nhits;  /* hits recorded in hit[], at most INDICATOR_MAX_HITS */
    unsigned score;  /* sum of the weights of distinct hits (also those beyond
                        INDICATOR_MAX_HITS), capped at INDICATOR_SCORE_MAX */
    unsigned errors; /* patterns whose match failed: match/depth/heap limit,
                        JIT stack, out of scratch memory; counted, not hits */
    struct indicator_hit hit[INDICATOR_MAX_HITS];
};

/* indicators_load_mem flags */
#define INDICATORS_NO_JIT 1u /* interpreter only (hosts that deny executable memory; tests) */

/*
 * Loads and compiles the indicator file at `path` (at most INDICATOR_FILE_MAX
 * bytes). Returns the set, or NULL with a one-line reason in err:
 * "PATH:LINE: problem" for a bad line (a pattern that does not compile names
 * PCRE2's message and the offset in the pattern), "PATH: problem" for a file
 * that cannot be read. An empty file (comments only) is a valid empty set.
 */
struct indicator_set *indicators_load(const char *path, char *err, size_t errlen);

/*
 * The same from memory, for tests and fuzzing: `name` stands for the path in
 * messages; text[0..len) need not be NUL-terminated and stays the caller's.
 * `flags`: 0 or INDICATORS_NO_JIT. (An addition to the first contract.)
 */
struct indicator_set *indicators_load_mem(const char *name, const char *text, size_t len,
                                          unsigned flags, char *err, size_t errlen);

/* Frees the set (NULL is fine). No scan may be running on it. */
void indicators_free(struct indicator_set *s);

/* Indicators loaded; 0 for NULL. */
unsigned indicators_count(const struct indicator_set *s);

/* Indicators whose pattern runs JIT-compiled, for the start-up log line. */
unsigned indicators_jit_count(const struct indicator_set *s);

/*
 * Per-thread scan state: PCRE2 match data and match context (with the limits
 * above), a JIT stack when the library has JIT, and a fixed arena (about
 * 2 MiB of address space, touched only as the interpreter needs it) that all
 * of PCRE2's scan-time memory comes from. It fits any set, so it survives a
 * reload; `s` may be NULL. Returns NULL when out of memory. One thread at a
 * time may use a scratch.
 */
struct indicator_scratch *indicators_scratch_new(const struct indicator_set *s);
void indicators_scratch_free(struct indicator_scratch *x);

/*
 * Scans text[0..len) (any bytes, not NUL-terminated) with the indicators
 * whose scope shares a bit with `scope`. Fills *out completely: hits in list
 * order, each name once. Never allocates; every pattern's work is bounded by
 * the limits above. With s, x or out NULL, or scope 0, *out (when not NULL)
 * is an empty result.
 */
void indicators_scan(const struct indicator_set *s, struct indicator_scratch *x, unsigned scope,
                     const uint8_t *text, size_t len, struct indicator_result *out);

#endif
