/*
 * indicators.c - the script indicator list: loads signatures/script.indicators
 * (one named, weighted PCRE2 pattern per line) and scans decoded script text
 * or POST bodies with it, giving the names that hit and a capped score.
 *
 * Every pattern is compiled once at load, JIT-compiled when the library and
 * the host allow it, and otherwise run by the PCRE2 interpreter. A scan runs
 * each pattern of the asked scope once over the whole text: simple, and with
 * JIT fast enough for the 64 KiB a script body is cut to.
 *
 * Hostile text is the normal case. Each match is bounded by a match limit
 * (and, in the interpreter, a depth and heap limit); a pattern that runs into
 * one is counted in result.errors and the scan goes on. The scratch gives
 * PCRE2 its memory from a fixed arena (a custom general context), so a scan
 * never calls malloc: the interpreter's backtracking frames come from there,
 * the JIT's stack is mapped once when the scratch is made.
 *
 * Deliberately not here: reading HTTP, decompressing, deciding which text is
 * a script (the dissector's job), or what score raises which alert (the
 * engine's and the rules'). No lookup by name, no reload (the caller loads a
 * new set and swaps pointers).
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "errfmt.h"
#include "indicators.h"

#define IND_PARENS_NEST     64 /* a pattern is 1 KiB; deep nesting only costs stack */
#define IND_JIT_STACK_START (32u << 10)
#define IND_JIT_STACK_MAX   (1u << 20)
/* interpreter frames grow by doubling inside the heap limit: at most twice it in all */
#define IND_ARENA_SIZE ((size_t)2 * INDICATOR_HEAP_LIMIT * 1024 + (64u << 10))

struct indicator {
    pcre2_code *re;
    const char *category;
    unsigned weight;
    unsigned scope;
    unsigned line;
    int jit;
    char name[INDICATOR_NAME_MAX];
};

struct indicator_set {
    struct indicator *ind;
    unsigned n;
    unsigned njit;
};

struct indicator_scratch {
    pcre2_general_context *gctx;
    pcre2_match_context *mctx;
    pcre2_match_data *md;
    pcre2_jit_stack *jstack;
    size_t cap; /* bytes in arena */
    size_t top; /* bump pointer */
    unsigned live;
    max_align_t arena[]; /* everything PCRE2 allocates for a scan comes from here */
};

/* The categories an indicator may name (signatures/README.md explains each). */
static const char *const ind_categories[] = {
    "download-exec", "decode-exec", "docker-remote", "miner", "persistence", "evasion",
    "scanning",      "lateral",     "credentials",   "recon", "beacon",
};
#define IND_NCATEGORIES (sizeof(ind_categories) / sizeof(ind_categories[0]))

/* ---- the scratch's arena -------------------------------------------------- */

#define IND_HDR sizeof(max_align_t)

/*
 * A bump allocator: PCRE2 keeps few blocks (contexts, match data, frames that
 * grow by doubling), so holes are bounded and everything resets once no block
 * is live. NULL when the arena is full: pcre2_match then fails with
 * PCRE2_ERROR_NOMEMORY, which the scan counts.
 */
static void *arena_malloc(PCRE2_SIZE n, void *data)
{
    struct indicator_scratch *x = data;
    size_t need;
    unsigned char *p;

    if (n > x->cap)
        return NULL;
    need = IND_HDR + (n + IND_HDR - 1) / IND_HDR * IND_HDR;
    if (need > x->cap - x->top)
        return NULL;
    p = (unsigned char *)x->arena + x->top;
    memcpy(p, &need, sizeof(need));
    x->top += need;
    x->live++;
    return p + IND_HDR;
}

static void arena_free(void *ptr, void *data)
{
    struct indicator_scratch *x = data;
    unsigned char *p, *base = (unsigned char *)x->arena;
    size_t size;

    if (!ptr)
        return;
    p = (unsigned char *)ptr - IND_HDR;
    memcpy(&size, p, sizeof(size));
    if (p + size == base + x->top)
        x->top -= size; /* the last block: give it back at once */
    if (x->live && --x->live == 0)
        x->top = 0;
}

struct indicator_scratch *indicators_scratch_new(const struct indicator_set *s)
{
    struct indicator_scratch *x;

    (void)s; /* every scratch is sized for the interpreter, so it fits any set */
    x = malloc(sizeof(*x) + IND_ARENA_SIZE);
    if (!x)
        return NULL;
    memset(x, 0, sizeof(*x));
    x->cap = IND_ARENA_SIZE;
    x->gctx = pcre2_general_context_create(arena_malloc, arena_free, x);
    if (!x->gctx)
        goto fail;
    x->mctx = pcre2_match_context_create(x->gctx);
    x->md = pcre2_match_data_create(1, x->gctx);
    if (!x->mctx || !x->md)
        goto fail;
    pcre2_set_match_limit(x->mctx, INDICATOR_MATCH_LIMIT);
    pcre2_set_depth_limit(x->mctx, INDICATOR_DEPTH_LIMIT);
    pcre2_set_heap_limit(x->mctx, INDICATOR_HEAP_LIMIT);
    /* NULL when the library has no JIT: then no pattern is JIT-compiled either */
    x->jstack = pcre2_jit_stack_create(IND_JIT_STACK_START, IND_JIT_STACK_MAX, x->gctx);
    if (x->jstack)
        pcre2_jit_stack_assign(x->mctx, NULL, x->jstack);
    return x;
fail:
    indicators_scratch_free(x);
    return NULL;
}

void indicators_scratch_free(struct indicator_scratch *x)
{
    if (!x)
        return;
    pcre2_jit_stack_free(x->jstack);
    pcre2_match_data_free(x->md);
    pcre2_match_context_free(x->mctx);
    pcre2_general_context_free(x->gctx);
    free(x);
}

/* ---- loading ---------------------------------------------------------------- */

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Next blank-separated token of p[0..n) from *pos; its length, 0 at the end. */
static size_t next_token(const char *p, size_t n, size_t *pos, const char **tok)
{
    size_t b = *pos, e;

    while (b < n && is_blank(p[b]))
        b++;
    e = b;
    while (e < n && !is_blank(p[e]))
        e++;
    *tok = p + b;
    *pos = e;
    return e - b;
}

static int parse_weight(const char *t, size_t n, unsigned *w)
{
    unsigned v = 0;

    if (n == 0 || n > 3 || t[0] == '0')
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (t[i] < '0' || t[i] > '9')
            return -1;
        v = v * 10 + (unsigned)(t[i] - '0');
    }
    if (v < 1 || v > INDICATOR_SCORE_MAX)
        return -1;
    *w = v;
    return 0;
}

/* "script", "beacon" or both, comma-separated, each once. */
static int parse_scope(const char *t, size_t n, unsigned *scope)
{
    size_t i = 0;
    unsigned sc = 0;

    while (i <= n) {
        size_t e = i;
        unsigned bit;

        while (e < n && t[e] != ',')
            e++;
        if (e - i == 6 && memcmp(t + i, "script", 6) == 0)
            bit = IND_SCOPE_SCRIPT;
        else if (e - i == 6 && memcmp(t + i, "beacon", 6) == 0)
            bit = IND_SCOPE_BEACON;
        else
            return -1;
        if (sc & bit)
            return -1;
        sc |= bit;
        i = e + 1;
    }
    *scope = sc;
    return 0;
}

static const char *find_category(const char *t, size_t n)
{
    for (size_t i = 0; i < IND_NCATEGORIES; i++)
        if (strlen(ind_categories[i]) == n && memcmp(ind_categories[i], t, n) == 0)
            return ind_categories[i];
    return NULL;
}

/* Quotes a token for a message: at most 40 bytes, printable. */
static const char *show(const char *t, size_t n, char *buf, size_t bufn)
{
    size_t k = 0;

    for (size_t i = 0; i < n && i < 40 && k + 1 < bufn; i++)
        buf[k++] = (t[i] > 0x20 && t[i] < 0x7f) ? t[i] : '?';
    buf[k] = '\0';
    return buf;
}

/* Compiles and checks one pattern into ind. 0, or -1 with err. */
static int compile_pattern(struct indicator *ind, const char *pat, size_t plen,
                           pcre2_compile_context *cctx, pcre2_match_context *mctx, unsigned flags,
                           const char *name, char *err, size_t errlen)
{
    PCRE2_UCHAR msg[160];
    PCRE2_SIZE off = 0;
    pcre2_match_data *md;
    int ec = 0, rc;

    /* no UTF, ever (a (*UTF) in the file is refused): scripts are bytes, often not UTF-8 */
    ind->re =
        pcre2_compile((PCRE2_SPTR)pat, plen, PCRE2_MULTILINE | PCRE2_NEVER_UTF, &ec, &off, cctx);
    if (!ind->re) {
        if (pcre2_get_error_message(ec, msg, sizeof(msg)) < 0)
            snprintf((char *)msg, sizeof(msg), "error %d", ec);
        file_err(err, errlen, name, ind->line, "pattern of '%s': %s at offset %zu", ind->name,
                 (const char *)msg, (size_t)off);
        return -1;
    }
    if (!(flags & INDICATORS_NO_JIT) && pcre2_jit_compile(ind->re, PCRE2_JIT_COMPLETE) == 0)
        ind->jit = 1;
    /* a pattern that matches nothing at all would hit every text: an operator's slip */
    md = pcre2_match_data_create(1, NULL);
    if (!md) {
        file_err(err, errlen, name, ind->line, "out of memory");
        return -1;
    }
    rc = pcre2_match(ind->re, (PCRE2_SPTR) "", 0, 0, 0, md, mctx);
    pcre2_match_data_free(md);
    if (rc >= 0) {
        file_err(err, errlen, name, ind->line,
                 "pattern of '%s' matches empty text (it would hit every text)", ind->name);
        return -1;
    }
    return 0;
}

/* Parses one line (no newline) into s->ind[s->n]. 1 added, 0 blank/comment, -1 error. */
static int parse_line(struct indicator_set *s, const char *p, size_t n, unsigned line,
                      pcre2_compile_context *cctx, pcre2_match_context *mctx, unsigned flags,
                      const char *name, char *err, size_t errlen)
{
    struct indicator *ind;
    const char *t;
    size_t pos = 0, tn, b;
    char sb[48];

    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];

        if ((c < 0x20 && c != '\t' && !(c == '\r' && i == n - 1)) || c == 0x7f) {
            file_err(err, errlen, name, line, "control character \\x%02x", c);
            return -1;
        }
    }
    while (n && (is_blank(p[n - 1]) || p[n - 1] == '\r'))
        n--; /* trailing blanks are invisible: a pattern needing one writes \x20 */
    b = 0;
    while (b < n && is_blank(p[b]))
        b++;
    if (b == n || p[b] == '#')
        return 0;
    if (s->n >= INDICATOR_MAX) {
        file_err(err, errlen, name, line, "more than %d indicators", INDICATOR_MAX);
        return -1;
    }
    ind = &s->ind[s->n];
    memset(ind, 0, sizeof(*ind));
    ind->line = line;

    tn = next_token(p, n, &pos, &t);
    if (tn >= INDICATOR_NAME_MAX) {
        file_err(err, errlen, name, line, "name longer than %d bytes", INDICATOR_NAME_MAX - 1);
        return -1;
    }
    for (size_t i = 0; i < tn; i++)
        if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= '0' && t[i] <= '9') || t[i] == '-')) {
            file_err(err, errlen, name, line, "bad name '%s' (only a-z, 0-9 and '-')",
                     show(t, tn, sb, sizeof(sb)));
            return -1;
        }
    memcpy(ind->name, t, tn);
    ind->name[tn] = '\0';
    for (unsigned i = 0; i < s->n; i++)
        if (strcmp(s->ind[i].name, ind->name) == 0) {
            file_err(err, errlen, name, line, "duplicate name '%s' (first on line %u)", ind->name,
                     s->ind[i].line);
            return -1;
        }

    tn = next_token(p, n, &pos, &t);
    if (tn == 0) {
        file_err(err, errlen, name, line, "missing weight, scope, category and pattern");
        return -1;
    }
    if (parse_weight(t, tn, &ind->weight) < 0) {
        file_err(err, errlen, name, line, "bad weight '%s' (a whole number 1..%d)",
                 show(t, tn, sb, sizeof(sb)), INDICATOR_SCORE_MAX);
        return -1;
    }

    tn = next_token(p, n, &pos, &t);
    if (tn == 0 || parse_scope(t, tn, &ind->scope) < 0) {
        file_err(err, errlen, name, line, "bad scope '%s' (script, beacon or script,beacon)",
                 show(t, tn, sb, sizeof(sb)));
        return -1;
    }

    tn = next_token(p, n, &pos, &t);
    ind->category = find_category(t, tn);
    if (!ind->category) {
        file_err(err, errlen, name, line,
                 "unknown category '%s' (download-exec, decode-exec, docker-remote, miner, "
                 "persistence, evasion, scanning, lateral, credentials, recon, beacon)",
                 show(t, tn, sb, sizeof(sb)));
        return -1;
    }

    while (pos < n && is_blank(p[pos]))
        pos++;
    if (pos == n) {
        file_err(err, errlen, name, line, "missing pattern");
        return -1;
    }
    if (n - pos > INDICATOR_PATTERN_MAX) {
        file_err(err, errlen, name, line, "pattern longer than %d bytes", INDICATOR_PATTERN_MAX);
        return -1;
    }
    if (compile_pattern(ind, p + pos, n - pos, cctx, mctx, flags, name, err, errlen) < 0) {
        pcre2_code_free(ind->re);
        ind->re = NULL;
        return -1;
    }
    s->njit += ind->jit != 0;
    s->n++;
    return 1;
}

struct indicator_set *indicators_load_mem(const char *name, const char *text, size_t len,
                                          unsigned flags, char *err, size_t errlen)
{
    struct indicator_set *s = NULL;
    pcre2_compile_context *cctx = NULL;
    pcre2_match_context *mctx = NULL;
    size_t pos = 0, lines = 1, cap;
    unsigned line = 0;

    if (err && errlen)
        err[0] = '\0';
    if (!name)
        name = "indicators";
    if (len > INDICATOR_FILE_MAX || (len && !text)) {
        file_err(err, errlen, name, 0, "larger than %u bytes", INDICATOR_FILE_MAX);
        return NULL;
    }
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    cap = lines < INDICATOR_MAX ? lines : INDICATOR_MAX;
    s = calloc(1, sizeof(*s));
    cctx = pcre2_compile_context_create(NULL);
    mctx = pcre2_match_context_create(NULL);
    if (s)
        s->ind = calloc(cap, sizeof(*s->ind));
    if (!s || !s->ind || !cctx || !mctx) {
        file_err(err, errlen, name, 0, "out of memory");
        goto fail;
    }
    pcre2_set_max_pattern_length(cctx, INDICATOR_PATTERN_MAX);
    pcre2_set_parens_nest_limit(cctx, IND_PARENS_NEST);
    pcre2_set_match_limit(mctx, INDICATOR_MATCH_LIMIT);
    pcre2_set_depth_limit(mctx, INDICATOR_DEPTH_LIMIT);
    pcre2_set_heap_limit(mctx, INDICATOR_HEAP_LIMIT);
    while (pos < len) {
        const char *p = text + pos, *nl = memchr(p, '\n', len - pos);
        size_t pl = nl ? (size_t)(nl - p) : len - pos;

        line++;
        pos += pl + 1;
        if (parse_line(s, p, pl, line, cctx, mctx, flags, name, err, errlen) < 0)
            goto fail;
    }
    pcre2_compile_context_free(cctx);
    pcre2_match_context_free(mctx);
    return s;
fail:
    pcre2_compile_context_free(cctx);
    pcre2_match_context_free(mctx);
    indicators_free(s);
    return NULL;
}

struct indicator_set *indicators_load(const char *path, char *err, size_t errlen)
{
    struct indicator_set *s;
    struct stat st;
    char *buf;
    FILE *f;

    if (err && errlen)
        err[0] = '\0';
    if (!path) {
        file_err(err, errlen, "(null)", 0, "no path");
        return NULL;
    }
    f = fopen(path, "rb");
    if (!f) {
        file_err(err, errlen, path, 0, "%s", strerror(errno));
        return NULL;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        file_err(err, errlen, path, 0, "not a regular file");
        fclose(f);
        return NULL;
    }
    if (st.st_size > (off_t)INDICATOR_FILE_MAX) {
        file_err(err, errlen, path, 0, "larger than %u bytes", INDICATOR_FILE_MAX);
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)st.st_size + 1);
    if (!buf || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
        file_err(err, errlen, path, 0, "cannot read");
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    s = indicators_load_mem(path, buf, (size_t)st.st_size, 0, err, errlen);
    free(buf);
    return s;
}

void indicators_free(struct indicator_set *s)
{
    if (!s)
        return;
    if (s->ind)
        for (unsigned i = 0; i < s->n; i++)
            pcre2_code_free(s->ind[i].re);
    free(s->ind);
    free(s);
}

unsigned indicators_count(const struct indicator_set *s)
{
    return s ? s->n : 0;
}

unsigned indicators_jit_count(const struct indicator_set *s)
{
    return s ? s->njit : 0;
}

/* ---- scanning --------------------------------------------------------------- */

void indicators_scan(const struct indicator_set *s, struct indicator_scratch *x, unsigned scope,
                     const uint8_t *text, size_t len, struct indicator_result *out)
{
    unsigned score = 0;

    if (!out)
        return;
    out->nhits = 0;
    out->score = 0;
    out->errors = 0;
    if (!s || !x || !scope)
        return;
    if (!text) {
        if (len)
            return;
        text = (const uint8_t *)"";
    }
    for (unsigned i = 0; i < s->n; i++) {
        const struct indicator *ind = &s->ind[i];
        int rc;

        if (!(ind->scope & scope))
            continue;
        rc = pcre2_match(ind->re, text, len, 0, 0, x->md, x->mctx);
        if (rc == PCRE2_ERROR_NOMATCH)
            continue;
        if (rc < 0) {
            out->errors++; /* a limit, the JIT stack or the arena: not a hit, not fatal */
            continue;
        }
        score += ind->weight; /* names are unique, so each hit is distinct */
        if (out->nhits < INDICATOR_MAX_HITS)
            out->hit[out->nhits++] = (struct indicator_hit){
                .name = ind->name, .category = ind->category, .weight = ind->weight};
    }
    out->score = score > INDICATOR_SCORE_MAX ? INDICATOR_SCORE_MAX : score;
}
