/*
 * sig.c - the signature layer: loads the domain lists (*.list) and the rules
 * (firedamp.rules) of the signature directory into one immutable struct sigdb,
 * and matches dissector facts against it.
 *
 * Domain lists live in one open-addressing hash table for all lists, keyed by
 * (list, normalised domain) and sized once from the entry count. The hash is
 * computed from the last byte of a name towards the first, so one pass over a
 * queried name yields the hash of every label-boundary suffix: a suffix lookup
 * costs O(length) hashing and O(labels) probes.
 *
 * Rules are grouped by fact name (sorted, binary search), so a fact that no
 * rule names costs one search. Matching reads the database only: no
 * allocation, no lock, no global state; any number of threads may match at
 * once.
 *
 * Deliberately not here: regular expressions, numeric ranges (<, >), OR
 * between conditions, matching of FV_MD5HEX values (only their presence),
 * rule thresholds or suppression, reload (the caller swaps databases).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sig.h"

#define SIG_MAX_ENTRIES   500000 /* all lists together */
#define SIG_DOMAIN_MAX    253    /* RFC 1035 name, text form, no trailing dot */
#define SIG_LABEL_MAX     63
#define SIG_FILE_MAX      (64u << 20) /* any one file */
#define SIG_LINE_MAX      4096        /* one logical rule line, continuations joined */
#define SIG_FIELD_MAX     32
#define SIG_VALUE_MAX     128
#define SIG_FACT_MAX      48
#define SIG_LIST_NAME_MAX 64
#define SIG_RULES_FILE    "firedamp.rules"

enum sig_op {
    OP_EQ,
    OP_NE,
    OP_SUFFIX,
    OP_CONTAINS,
    OP_PRESENT,
    OP_ABSENT,
};

struct sig_cond {
    uint8_t op;
    uint8_t list;   /* OP_SUFFIX: list index */
    int8_t boolv;   /* value as a bool: 1, 0, or -1 when it is not one */
    uint8_t int_ok; /* value parsed as int64 / uint64 / double */
    uint8_t uint_ok;
    uint8_t dbl_ok;
    uint16_t vlen;
    int64_t ival;
    uint64_t uval;
    double dval;
    char field[SIG_FIELD_MAX];
    char value[SIG_VALUE_MAX];
};

struct sig_rule_full {
    struct sig_rule pub; /* first: callbacks receive &pub */
    char fact[SIG_FACT_MAX];
    unsigned line;
    uint8_t ncond;
    struct sig_cond cond[SIG_MAX_CONDS];
};

struct sig_group {
    const char *fact;
    uint32_t first; /* into order[] */
    uint32_t count;
};

struct sig_slot {
    uint64_t h;
    uint32_t off; /* into arena */
    uint16_t len;
    uint8_t list;
    uint8_t used;
};

struct sig_list_meta {
    char name[SIG_LIST_NAME_MAX];
    uint32_t entries; /* distinct */
};

struct sigdb {
    struct sig_rule_full *rules;
    unsigned nrules;
    uint32_t *order; /* rule indexes grouped by fact, file order within a group */
    struct sig_group *groups;
    unsigned ngroups;
    struct sig_list_meta lists[SIG_MAX_LISTS];
    unsigned nlists;
    struct sig_slot *slots;
    uint64_t mask;
    char *arena; /* normalised domains, back to back */
};

static const char *const sig_categories[] = {
    "Crypto Mining",      "Mining Pool Lookup", "Docker API Abuse",
    "Malicious Download", "C2 Beacon",          "Correlated Intrusion",
};

/* Where an error happened: "DIR/NAME.list:LINE" or "NAME.list:LINE". */
struct sig_where {
    const char *dir; /* NULL for in-memory loads */
    const char *name;
    const char *ext;
    unsigned line;
};

__attribute__((format(printf, 4, 5))) static void
sig_err(char *err, size_t errlen, const struct sig_where *w, const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    if (!err || !errlen)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (!w)
        snprintf(err, errlen, "%s", msg);
    else if (w->dir)
        snprintf(err, errlen, "%s/%s%s:%u: %s", w->dir, w->name, w->ext, w->line, msg);
    else
        snprintf(err, errlen, "%s%s:%u: %s", w->name, w->ext, w->line, msg);
}

static inline unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* ---- hashing -------------------------------------------------------------- */

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

/* One step of the right-to-left FNV-1a over lowercase bytes. */
static inline uint64_t hstep(uint64_t h, unsigned char c)
{
    return (h ^ lower(c)) * FNV_PRIME;
}

/* The table key of a suffix hash in list `list` (a finaliser so close hashes spread). */
static inline uint64_t hkey(uint64_t h, unsigned list)
{
    h ^= (uint64_t)(list + 1) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

/* ---- domain lists ---------------------------------------------------------- */

struct sig_entry {
    uint64_t h;
    uint32_t off;
    uint16_t len;
    uint8_t list;
};

static void show_char(char *out, size_t n, unsigned char c)
{
    if (c > 0x20 && c < 0x7f)
        snprintf(out, n, "'%c'", c);
    else
        snprintf(out, n, "\\x%02x", c);
}

/*
 * Normalises one list line (bytes p..p+n, no newline) into `out`. Returns the
 * entry length, 0 for a blank or comment line, -1 with err set.
 */
static int list_entry(const char *p, size_t n, char *out, char *err, size_t errlen,
                      const struct sig_where *w)
{
    size_t b = 0, e = n, len, label = 0;
    char cs[8];

    for (size_t i = 0; i < n; i++)
        if (p[i] == '#') {
            e = i;
            break;
        }
    while (b < e && (p[b] == ' ' || p[b] == '\t'))
        b++;
    while (e > b && (p[e - 1] == ' ' || p[e - 1] == '\t' || p[e - 1] == '\r'))
        e--;
    if (b == e)
        return 0;
    if (e - b >= 2 && p[b] == '*' && p[b + 1] == '.')
        b += 2;
    else if (p[b] == '.')
        b++;
    if (e > b && p[e - 1] == '.')
        e--;
    len = e - b;
    if (len == 0) {
        sig_err(err, errlen, w, "empty domain");
        return -1;
    }
    if (len > SIG_DOMAIN_MAX) {
        sig_err(err, errlen, w, "domain longer than %d bytes", SIG_DOMAIN_MAX);
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = lower((unsigned char)p[b + i]);

        if (c == ' ' || c == '\t') {
            sig_err(err, errlen, w, "space inside an entry (one domain per line)");
            return -1;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.')) {
            show_char(cs, sizeof(cs), c);
            sig_err(err, errlen, w, "illegal character %s in domain", cs);
            return -1;
        }
        if (c == '.') {
            if (label == 0) {
                sig_err(err, errlen, w, "empty label in domain");
                return -1;
            }
            label = 0;
        } else if (++label > SIG_LABEL_MAX) {
            sig_err(err, errlen, w, "label longer than %d bytes", SIG_LABEL_MAX);
            return -1;
        }
        out[i] = (char)c;
    }
    if (!memchr(out, '.', len)) {
        sig_err(err, errlen, w, "single-label entry '%.*s' would match a whole top-level domain",
                (int)len, out);
        return -1;
    }
    return (int)len;
}

static int list_name_ok(const char *name)
{
    size_t n = strlen(name);

    if (n == 0 || n >= SIG_LIST_NAME_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)name[i]) && name[i] != '-' && name[i] != '_')
            return 0;
    return 1;
}

static int find_list(const struct sigdb *db, const char *name, size_t n)
{
    for (unsigned i = 0; i < db->nlists; i++)
        if (strlen(db->lists[i].name) == n && memcmp(db->lists[i].name, name, n) == 0)
            return (int)i;
    return -1;
}

/* Finds a normalised-or-not suffix d[0..n) with precomputed hash h. */
static int table_has(const struct sigdb *db, unsigned list, uint64_t h, const char *d, size_t n)
{
    uint64_t key = hkey(h, list), i = key & db->mask;

    while (db->slots[i].used) {
        const struct sig_slot *s = &db->slots[i];

        if (s->h == key && s->list == list && s->len == n) {
            const char *a = db->arena + s->off;
            size_t k = 0;

            while (k < n && a[k] == (char)lower((unsigned char)d[k]))
                k++;
            if (k == n)
                return 1;
        }
        i = (i + 1) & db->mask;
    }
    return 0;
}

static int domain_in_list(const struct sigdb *db, unsigned list, const char *d, size_t len,
                          size_t *matched_len)
{
    size_t start = 0;
    uint64_t h = FNV_OFFSET;

    if (!db->slots || !d)
        return 0;
    if (len && d[len - 1] == '.')
        len--;
    if (len == 0)
        return 0;
    if (len > SIG_DOMAIN_MAX) {
        /* no entry is longer: start at the first label boundary that can match */
        start = len - SIG_DOMAIN_MAX;
        while (start < len && d[start - 1] != '.')
            start++;
        if (start >= len)
            return 0;
    }
    for (size_t i = len; i-- > start;) {
        h = hstep(h, (unsigned char)d[i]);
        if ((i == start || d[i - 1] == '.') && table_has(db, list, h, d + i, len - i)) {
            if (matched_len)
                *matched_len = len - i;
            return 1;
        }
    }
    return 0;
}

/* Parses every list into the arena and the table. Returns 0 or -1 with err. */
static int load_lists(struct sigdb *db, const struct sig_source *lists, unsigned nlists,
                      const char *dir, char *err, size_t errlen)
{
    size_t total = 0, lines = 0, nent = 0, used = 0, cap, slots = 16;
    struct sig_entry *ent = NULL;
    struct sig_where w = {.dir = dir, .ext = ".list"};

    if (nlists > SIG_MAX_LISTS) {
        sig_err(err, errlen, NULL, "more than %d lists", SIG_MAX_LISTS);
        return -1;
    }
    for (unsigned i = 0; i < nlists; i++) {
        if (!lists[i].name || !list_name_ok(lists[i].name)) {
            sig_err(err, errlen, NULL, "bad list name '%s' (letters, digits, '-', '_')",
                    lists[i].name ? lists[i].name : "");
            return -1;
        }
        if (find_list(db, lists[i].name, strlen(lists[i].name)) >= 0) {
            sig_err(err, errlen, NULL, "list '%s' given twice", lists[i].name);
            return -1;
        }
        if (lists[i].len > SIG_FILE_MAX || (lists[i].len && !lists[i].text)) {
            sig_err(err, errlen, NULL, "%s.list: larger than %u bytes", lists[i].name,
                    SIG_FILE_MAX);
            return -1;
        }
        snprintf(db->lists[i].name, sizeof(db->lists[i].name), "%s", lists[i].name);
        db->nlists = i + 1;
        total += lists[i].len;
        for (size_t k = 0; k < lists[i].len; k++)
            lines += lists[i].text[k] == '\n';
        lines++;
    }
    cap = lines < SIG_MAX_ENTRIES ? lines : SIG_MAX_ENTRIES;
    db->arena = malloc(total + 1);
    ent = malloc(cap * sizeof(*ent));
    if (!db->arena || !ent) {
        sig_err(err, errlen, NULL, "out of memory for %zu list bytes", total);
        goto fail;
    }
    for (unsigned li = 0; li < nlists; li++) {
        const char *t = lists[li].text;
        size_t n = lists[li].len, pos = 0;

        w.name = lists[li].name;
        w.line = 0;
        while (pos < n) {
            const char *nl = memchr(t + pos, '\n', n - pos);
            size_t ll = nl ? (size_t)(nl - (t + pos)) : n - pos;
            int r;

            w.line++;
            if (memchr(t + pos, '\0', ll)) {
                sig_err(err, errlen, &w, "NUL byte");
                goto fail;
            }
            r = list_entry(t + pos, ll, db->arena + used, err, errlen, &w);
            if (r < 0)
                goto fail;
            if (r > 0) {
                uint64_t h = FNV_OFFSET;

                if (nent >= SIG_MAX_ENTRIES) {
                    sig_err(err, errlen, &w, "more than %d list entries in all", SIG_MAX_ENTRIES);
                    goto fail;
                }
                for (int k = r; k-- > 0;)
                    h = hstep(h, (unsigned char)db->arena[used + (size_t)k]);
                ent[nent].h = hkey(h, li);
                ent[nent].off = (uint32_t)used;
                ent[nent].len = (uint16_t)r;
                ent[nent].list = (uint8_t)li;
                nent++;
                used += (size_t)r;
            }
            pos += ll + 1;
        }
    }
    while (slots < nent * 2)
        slots <<= 1;
    db->slots = calloc(slots, sizeof(*db->slots));
    if (!db->slots) {
        sig_err(err, errlen, NULL, "out of memory for %zu list entries", nent);
        goto fail;
    }
    db->mask = slots - 1;
    for (size_t k = 0; k < nent; k++) {
        uint64_t i = ent[k].h & db->mask;
        int dup = 0;

        while (db->slots[i].used) {
            const struct sig_slot *s = &db->slots[i];

            if (s->h == ent[k].h && s->list == ent[k].list && s->len == ent[k].len &&
                memcmp(db->arena + s->off, db->arena + ent[k].off, s->len) == 0) {
                dup = 1;
                break;
            }
            i = (i + 1) & db->mask;
        }
        if (dup)
            continue;
        db->slots[i] = (struct sig_slot){
            .h = ent[k].h, .off = ent[k].off, .len = ent[k].len, .list = ent[k].list, .used = 1};
        db->lists[ent[k].list].entries++;
    }
    free(ent);
    return 0;
fail:
    free(ent);
    return -1;
}

/* ---- rules ----------------------------------------------------------------- */

static int is_key_char(unsigned char c)
{
    return isalnum(c) || c == '_' || c == '.';
}

static int category_ok(const char *s)
{
    for (size_t i = 0; i < sizeof(sig_categories) / sizeof(sig_categories[0]); i++)
        if (strcmp(s, sig_categories[i]) == 0)
            return 1;
    return 0;
}

/* T1496 or T1496.001 */
static int mitre_ok(const char *s, size_t n)
{
    if (n != 5 && n != 9)
        return 0;
    if (s[0] != 'T')
        return 0;
    for (size_t i = 1; i < 5; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    if (n == 9) {
        if (s[5] != '.')
            return 0;
        for (size_t i = 6; i < 9; i++)
            if (!isdigit((unsigned char)s[i]))
                return 0;
    }
    return 1;
}

static int parse_u64(const char *s, uint64_t *out)
{
    char *end;

    if (!isdigit((unsigned char)s[0]))
        return 0;
    errno = 0;
    *out = strtoull(s, &end, 10);
    return errno == 0 && *end == '\0';
}

/* Pre-parses a condition's value as bool and numbers, so matching never parses. */
static void cond_value_forms(struct sig_cond *c)
{
    char *end;

    c->boolv = -1;
    if (strcasecmp(c->value, "true") == 0 || strcmp(c->value, "1") == 0)
        c->boolv = 1;
    else if (strcasecmp(c->value, "false") == 0 || strcmp(c->value, "0") == 0)
        c->boolv = 0;
    if (c->value[0] == '\0' || isspace((unsigned char)c->value[0]))
        return;
    errno = 0;
    c->ival = strtoll(c->value, &end, 10);
    c->int_ok = errno == 0 && *end == '\0';
    c->uint_ok = parse_u64(c->value, &c->uval);
    errno = 0;
    c->dval = strtod(c->value, &end);
    c->dbl_ok = errno == 0 && *end == '\0';
}

struct rule_state {
    struct sig_rule_full *r;
    unsigned have; /* bit per header key */
    int in_when;
};

enum {
    HK_SID = 1,
    HK_SEVERITY = 2,
    HK_CATEGORY = 4,
    HK_FACT = 8,
    HK_MSG = 16,
    HK_MITRE = 32,
};

static unsigned header_key(const char *k, size_t n)
{
    static const struct {
        const char *name;
        unsigned bit;
    } keys[] = {{"sid", HK_SID},   {"severity", HK_SEVERITY}, {"category", HK_CATEGORY},
                {"fact", HK_FACT}, {"msg", HK_MSG},           {"mitre", HK_MITRE}};

    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        if (strlen(keys[i].name) == n && memcmp(keys[i].name, k, n) == 0)
            return keys[i].bit;
    return 0;
}

static int set_header(struct rule_state *st, unsigned hk, const char *v, size_t vn, char *err,
                      size_t errlen, const struct sig_where *w)
{
    struct sig_rule_full *r = st->r;
    uint64_t u;

    if ((st->have & hk) && hk != HK_MITRE) {
        sig_err(err, errlen, w, "key given twice");
        return -1;
    }
    st->have |= hk;
    switch (hk) {
    case HK_SID:
        if (!parse_u64(v, &u) || u == 0 || u > UINT32_MAX) {
            sig_err(err, errlen, w, "bad sid '%.*s' (1..4294967295)", (int)(vn > 20 ? 20 : vn), v);
            return -1;
        }
        r->pub.sid = (uint32_t)u;
        return 0;
    case HK_SEVERITY:
        if (vn != 1 || v[0] < '1' || v[0] > '3') {
            sig_err(err, errlen, w, "bad severity '%.*s' (1 high, 2 medium, 3 low)",
                    (int)(vn > 20 ? 20 : vn), v);
            return -1;
        }
        r->pub.severity = (uint8_t)(v[0] - '0');
        return 0;
    case HK_CATEGORY:
        if (!category_ok(v)) {
            sig_err(err, errlen, w, "unknown category \"%.*s\"", (int)(vn > 48 ? 48 : vn), v);
            return -1;
        }
        snprintf(r->pub.category, sizeof(r->pub.category), "%s", v);
        return 0;
    case HK_FACT:
        if (vn == 0 || vn >= SIG_FACT_MAX) {
            sig_err(err, errlen, w, "fact name empty or longer than %d bytes", SIG_FACT_MAX - 1);
            return -1;
        }
        for (size_t i = 0; i < vn; i++)
            if (!is_key_char((unsigned char)v[i])) {
                sig_err(err, errlen, w, "bad fact name '%.*s'", (int)(vn > 48 ? 48 : vn), v);
                return -1;
            }
        memcpy(r->fact, v, vn + 1);
        return 0;
    case HK_MSG:
        if (vn == 0 || vn >= SIG_MSG_MAX) {
            sig_err(err, errlen, w, "msg empty or longer than %d bytes", SIG_MSG_MAX - 1);
            return -1;
        }
        memcpy(r->pub.msg, v, vn + 1);
        return 0;
    default: /* HK_MITRE: one or more ids, comma-separated; the key may repeat */
        for (size_t b = 0; b <= vn;) {
            size_t e = b;

            while (e < vn && v[e] != ',')
                e++;
            if (!mitre_ok(v + b, e - b)) {
                sig_err(err, errlen, w, "bad MITRE ATT&CK id '%.*s' (T1234 or T1234.001)",
                        (int)(e - b > 20 ? 20 : e - b), v + b);
                return -1;
            }
            if (r->pub.nmitre >= SIG_MAX_MITRE) {
                sig_err(err, errlen, w, "more than %d MITRE ids", SIG_MAX_MITRE);
                return -1;
            }
            memcpy(r->pub.mitre[r->pub.nmitre], v + b, e - b);
            r->pub.mitre[r->pub.nmitre][e - b] = '\0';
            r->pub.nmitre++;
            b = e + 1;
        }
        return 0;
    }
}

/* Reads a value at s[*pos]: quoted with \" and \\ escapes, or up to white space. */
static int read_value(const char *s, size_t n, size_t *pos, char *out, size_t *outn, char *err,
                      size_t errlen, const struct sig_where *w)
{
    size_t i = *pos, o = 0;

    if (i < n && s[i] == '"') {
        for (i++;; i++) {
            if (i >= n) {
                sig_err(err, errlen, w, "unterminated quoted value");
                return -1;
            }
            if (s[i] == '"')
                break;
            if (s[i] == '\\') {
                if (i + 1 >= n || (s[i + 1] != '"' && s[i + 1] != '\\')) {
                    sig_err(err, errlen, w, "bad escape in quoted value (only \\\" and \\\\)");
                    return -1;
                }
                i++;
            }
            if (o + 1 >= SIG_LINE_MAX) {
                sig_err(err, errlen, w, "value too long");
                return -1;
            }
            out[o++] = s[i];
        }
        i++;
    } else {
        for (; i < n && s[i] != ' ' && s[i] != '\t'; i++) {
            if (s[i] == '"') {
                sig_err(err, errlen, w, "stray '\"' in unquoted value");
                return -1;
            }
            out[o++] = s[i];
        }
    }
    if (i < n && s[i] != ' ' && s[i] != '\t') {
        sig_err(err, errlen, w, "missing space after quoted value");
        return -1;
    }
    out[o] = '\0';
    *outn = o;
    *pos = i;
    return 0;
}

static int add_cond(struct sigdb *db, struct rule_state *st, int op, const char *k, size_t kn,
                    const char *v, size_t vn, char *err, size_t errlen, const struct sig_where *w)
{
    struct sig_rule_full *r = st->r;
    struct sig_cond *c;

    if (r->ncond >= SIG_MAX_CONDS) {
        sig_err(err, errlen, w, "more than %d conditions", SIG_MAX_CONDS);
        return -1;
    }
    if (kn >= SIG_FIELD_MAX) {
        sig_err(err, errlen, w, "field name longer than %d bytes", SIG_FIELD_MAX - 1);
        return -1;
    }
    c = &r->cond[r->ncond];
    memset(c, 0, sizeof(*c));
    c->op = (uint8_t)op;
    memcpy(c->field, k, kn);
    if (op == OP_PRESENT || op == OP_ABSENT) {
        r->ncond++;
        return 0;
    }
    if (vn == 0) {
        sig_err(err, errlen, w, "empty value for '%.*s'", (int)kn, k);
        return -1;
    }
    if (vn >= SIG_VALUE_MAX) {
        sig_err(err, errlen, w, "value longer than %d bytes", SIG_VALUE_MAX - 1);
        return -1;
    }
    if (op == OP_SUFFIX) {
        int li = find_list(db, v, vn);

        if (li < 0) {
            sig_err(err, errlen, w, "unknown list '%.*s' (no %.*s.list)", (int)vn, v, (int)vn, v);
            return -1;
        }
        c->list = (uint8_t)li;
    }
    memcpy(c->value, v, vn);
    c->vlen = (uint16_t)vn;
    cond_value_forms(c);
    r->ncond++;
    return 0;
}

/* Parses one logical line (NUL-terminated, no newline). Returns 1 rule, 0 blank, -1 error. */
static int parse_rule(struct sigdb *db, struct sig_rule_full *r, const char *s, size_t n, char *err,
                      size_t errlen, const struct sig_where *w)
{
    char val[SIG_LINE_MAX + 1];
    struct rule_state st = {.r = r};
    size_t pos = 0, vn, kb, kn;
    int any = 0;

    memset(r, 0, sizeof(*r));
    r->line = w->line;
    for (;;) {
        int neg = 0, op;
        unsigned hk;

        while (pos < n && (s[pos] == ' ' || s[pos] == '\t'))
            pos++;
        if (pos >= n || s[pos] == '#')
            break;
        any = 1;
        if (n - pos >= 4 && memcmp(s + pos, "when", 4) == 0 &&
            (pos + 4 == n || s[pos + 4] == ' ' || s[pos + 4] == '\t')) {
            if (st.in_when) {
                sig_err(err, errlen, w, "'when' given twice");
                return -1;
            }
            st.in_when = 1;
            pos += 4;
            continue;
        }
        if (s[pos] == '!' && pos + 1 < n && is_key_char((unsigned char)s[pos + 1])) {
            neg = 1;
            pos++;
        }
        kb = pos;
        while (pos < n && is_key_char((unsigned char)s[pos]))
            pos++;
        kn = pos - kb;
        if (kn == 0) {
            sig_err(err, errlen, w, "expected key=value at '%.*s'",
                    (int)(n - pos > 20 ? 20 : n - pos), s + pos);
            return -1;
        }
        if (pos < n && s[pos] == '?') {
            pos++;
            op = neg ? OP_ABSENT : OP_PRESENT;
            if (pos < n && s[pos] != ' ' && s[pos] != '\t') {
                sig_err(err, errlen, w, "missing space after '%.*s?'", (int)kn, s + kb);
                return -1;
            }
        } else if (neg) {
            sig_err(err, errlen, w, "'!' only in '!field?'");
            return -1;
        } else if (n - pos >= 2 && s[pos] == '!' && s[pos + 1] == '=') {
            op = OP_NE;
            pos += 2;
        } else if (pos < n && s[pos] == '=') {
            op = OP_EQ;
            pos += 1;
        } else if (n - pos >= 8 && memcmp(s + pos, "~suffix:", 8) == 0) {
            op = OP_SUFFIX;
            pos += 8;
        } else if (n - pos >= 10 && memcmp(s + pos, "~contains:", 10) == 0) {
            op = OP_CONTAINS;
            pos += 10;
        } else {
            sig_err(err, errlen, w, "bad operator after '%.*s' (=, !=, ~suffix:, ~contains:, ?)",
                    (int)kn, s + kb);
            return -1;
        }
        vn = 0;
        val[0] = '\0';
        if (op != OP_PRESENT && op != OP_ABSENT &&
            read_value(s, n, &pos, val, &vn, err, errlen, w) < 0)
            return -1;
        if (memchr(val, '\0', vn)) {
            sig_err(err, errlen, w, "NUL byte in value");
            return -1;
        }
        hk = header_key(s + kb, kn);
        if (hk) {
            if (op != OP_EQ) {
                sig_err(err, errlen, w, "'%.*s' is a rule key: use %.*s=VALUE", (int)kn, s + kb,
                        (int)kn, s + kb);
                return -1;
            }
            if (set_header(&st, hk, val, vn, err, errlen, w) < 0)
                return -1;
            continue;
        }
        if (!st.in_when) {
            sig_err(err, errlen, w, "unknown key '%.*s' (conditions follow 'when')", (int)kn,
                    s + kb);
            return -1;
        }
        if (add_cond(db, &st, op, s + kb, kn, val, vn, err, errlen, w) < 0)
            return -1;
    }
    if (!any)
        return 0;
    if (!(st.have & HK_SID)) {
        sig_err(err, errlen, w, "missing sid");
        return -1;
    }
    if (!(st.have & HK_SEVERITY)) {
        sig_err(err, errlen, w, "missing severity");
        return -1;
    }
    if (!(st.have & HK_CATEGORY)) {
        sig_err(err, errlen, w, "missing category");
        return -1;
    }
    if (!(st.have & HK_FACT)) {
        sig_err(err, errlen, w, "missing fact");
        return -1;
    }
    if (!(st.have & HK_MSG)) {
        sig_err(err, errlen, w, "missing msg");
        return -1;
    }
    if (st.in_when && r->ncond == 0) {
        sig_err(err, errlen, w, "'when' without conditions");
        return -1;
    }
    return 1;
}

static int load_rules(struct sigdb *db, const char *t, size_t n, const char *dir, char *err,
                      size_t errlen)
{
    char line[SIG_LINE_MAX + 1];
    struct sig_rule_full spare;
    struct sig_where w = {.dir = dir, .name = SIG_RULES_FILE, .ext = ""};
    size_t pos = 0, lines = 1, ll = 0, cap;
    unsigned phys = 0;

    if (n > SIG_FILE_MAX || (n && !t)) {
        sig_err(err, errlen, NULL, "%s: larger than %u bytes", SIG_RULES_FILE, SIG_FILE_MAX);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        lines += t[i] == '\n';
    cap = lines < SIG_MAX_RULES ? lines : SIG_MAX_RULES;
    db->rules = calloc(cap, sizeof(*db->rules));
    if (!db->rules) {
        sig_err(err, errlen, NULL, "out of memory for %zu rules", cap);
        return -1;
    }
    while (pos < n) {
        const char *p = t + pos, *nl = memchr(p, '\n', n - pos);
        size_t pl = nl ? (size_t)(nl - p) : n - pos;
        int cont = 0, r;

        phys++;
        if (ll == 0)
            w.line = phys; /* errors name the line a rule starts on */
        pos += pl + 1;
        for (size_t i = 0; i < pl; i++)
            if ((unsigned char)p[i] < 0x20 && p[i] != '\t' && p[i] != '\r') {
                struct sig_where here = w;
                char cs[8];

                here.line = phys;
                show_char(cs, sizeof(cs), (unsigned char)p[i]);
                sig_err(err, errlen, &here, "control character %s", cs);
                return -1;
            }
        while (pl && (p[pl - 1] == '\r' || p[pl - 1] == ' ' || p[pl - 1] == '\t'))
            pl--;
        if (pl && p[pl - 1] == '\\') {
            cont = 1;
            pl--;
        }
        if (ll + pl + 1 > SIG_LINE_MAX) {
            sig_err(err, errlen, &w, "rule longer than %d bytes", SIG_LINE_MAX);
            return -1;
        }
        memcpy(line + ll, p, pl);
        ll += pl;
        if (cont) {
            line[ll++] = ' ';
            if (pos < n)
                continue;
        }
        line[ll] = '\0';
        if (db->nrules >= cap) {
            /* only possible with > SIG_MAX_RULES: every rule needs a line */
            r = parse_rule(db, &spare, line, ll, err, errlen, &w);
            if (r < 0)
                return -1;
            if (r > 0) {
                sig_err(err, errlen, &w, "more than %d rules", SIG_MAX_RULES);
                return -1;
            }
            ll = 0;
            continue;
        }
        r = parse_rule(db, &db->rules[db->nrules], line, ll, err, errlen, &w);
        if (r < 0)
            return -1;
        ll = 0;
        if (r == 0)
            continue;
        for (unsigned i = 0; i < db->nrules; i++)
            if (db->rules[i].pub.sid == db->rules[db->nrules].pub.sid) {
                sig_err(err, errlen, &w, "duplicate sid %u (first on line %u)",
                        db->rules[i].pub.sid, db->rules[i].line);
                return -1;
            }
        db->nrules++;
    }
    return 0;
}

/* Groups rules by fact name: insertion sort (stable, at most SIG_MAX_RULES). */
static int index_rules(struct sigdb *db, char *err, size_t errlen)
{
    unsigned n = db->nrules;

    if (n == 0)
        return 0;
    db->order = malloc(n * sizeof(*db->order));
    db->groups = malloc(n * sizeof(*db->groups));
    if (!db->order || !db->groups) {
        sig_err(err, errlen, NULL, "out of memory");
        return -1;
    }
    for (unsigned i = 0; i < n; i++) {
        unsigned j = i;

        while (j > 0 && strcmp(db->rules[db->order[j - 1]].fact, db->rules[i].fact) > 0) {
            db->order[j] = db->order[j - 1];
            j--;
        }
        db->order[j] = i;
    }
    for (unsigned i = 0; i < n; i++) {
        const char *f = db->rules[db->order[i]].fact;

        if (db->ngroups && strcmp(db->groups[db->ngroups - 1].fact, f) == 0) {
            db->groups[db->ngroups - 1].count++;
            continue;
        }
        db->groups[db->ngroups++] = (struct sig_group){.fact = f, .first = i, .count = 1};
    }
    return 0;
}

static struct sigdb *sig_build(const struct sig_source *lists, unsigned nlists, const char *rules,
                               size_t rules_len, const char *dir, char *err, size_t errlen)
{
    struct sigdb *db = calloc(1, sizeof(*db));

    if (err && errlen)
        err[0] = '\0';
    if (!db) {
        sig_err(err, errlen, NULL, "out of memory");
        return NULL;
    }
    if (load_lists(db, lists, nlists, dir, err, errlen) < 0 ||
        load_rules(db, rules, rules_len, dir, err, errlen) < 0 ||
        index_rules(db, err, errlen) < 0) {
        sig_free(db);
        return NULL;
    }
    return db;
}

struct sigdb *sig_load_mem(const struct sig_source *lists, unsigned nlists, const char *rules,
                           size_t rules_len, char *err, size_t errlen)
{
    return sig_build(lists, nlists, rules, rules_len, NULL, err, errlen);
}

/* ---- files ----------------------------------------------------------------- */

/* Reads a whole regular file. Returns 0, or -1 with err naming the path. */
static int read_file(const char *path, char **out, size_t *outn, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    char *buf;

    *out = NULL;
    *outn = 0;
    if (!f) {
        sig_err(err, errlen, NULL, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        sig_err(err, errlen, NULL, "%s: not a regular file", path);
        fclose(f);
        return -1;
    }
    if (st.st_size > (off_t)SIG_FILE_MAX) {
        sig_err(err, errlen, NULL, "%s: larger than %u bytes", path, SIG_FILE_MAX);
        fclose(f);
        return -1;
    }
    buf = malloc((size_t)st.st_size + 1);
    if (!buf || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
        sig_err(err, errlen, NULL, "%s: cannot read", path);
        free(buf);
        fclose(f);
        return -1;
    }
    fclose(f);
    *out = buf;
    *outn = (size_t)st.st_size;
    return 0;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

struct sigdb *sig_load(const char *dir, char *err, size_t errlen)
{
    char names[SIG_MAX_LISTS][SIG_LIST_NAME_MAX];
    struct sig_source src[SIG_MAX_LISTS];
    char *texts[SIG_MAX_LISTS] = {0};
    char *rules = NULL, path[4096];
    size_t rules_len = 0;
    unsigned n = 0;
    struct sigdb *db = NULL;
    struct dirent *e;
    DIR *d;

    if (err && errlen)
        err[0] = '\0';
    if (!dir || !(d = opendir(dir))) {
        sig_err(err, errlen, NULL, "%s: %s", dir ? dir : "(null)", strerror(errno));
        return NULL;
    }
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);

        if (l <= 5 || strcmp(e->d_name + l - 5, ".list") != 0 || e->d_name[0] == '.')
            continue;
        if (n >= SIG_MAX_LISTS) {
            sig_err(err, errlen, NULL, "%s: more than %d *.list files", dir, SIG_MAX_LISTS);
            closedir(d);
            return NULL;
        }
        if (l - 5 >= SIG_LIST_NAME_MAX) {
            sig_err(err, errlen, NULL, "%s/%s: list name too long", dir, e->d_name);
            closedir(d);
            return NULL;
        }
        memcpy(names[n], e->d_name, l - 5);
        names[n][l - 5] = '\0';
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof(names[0]), name_cmp); /* readdir order is arbitrary */
    for (unsigned i = 0; i < n; i++) {
        size_t len;

        snprintf(path, sizeof(path), "%s/%s.list", dir, names[i]);
        if (read_file(path, &texts[i], &len, err, errlen) < 0)
            goto out;
        src[i] = (struct sig_source){.name = names[i], .text = texts[i], .len = len};
    }
    snprintf(path, sizeof(path), "%s/%s", dir, SIG_RULES_FILE);
    if (read_file(path, &rules, &rules_len, err, errlen) < 0)
        goto out;
    db = sig_build(src, n, rules, rules_len, dir, err, errlen);
out:
    for (unsigned i = 0; i < n; i++)
        free(texts[i]);
    free(rules);
    return db;
}

void sig_free(struct sigdb *db)
{
    if (!db)
        return;
    free(db->rules);
    free(db->order);
    free(db->groups);
    free(db->slots);
    free(db->arena);
    free(db);
}

/* ---- matching -------------------------------------------------------------- */

static int str_ieq(const char *a, size_t an, const char *b, size_t bn)
{
    if (an != bn)
        return 0;
    for (size_t i = 0; i < an; i++)
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
            return 0;
    return 1;
}

static int str_icontains(const char *h, size_t hn, const char *nd, size_t nn)
{
    if (nn > hn)
        return 0;
    for (size_t i = 0; i + nn <= hn; i++) {
        size_t k = 0;

        while (k < nn && lower((unsigned char)h[i + k]) == lower((unsigned char)nd[k]))
            k++;
        if (k == nn)
            return 1;
    }
    return 0;
}

/* Does one field (or array item) satisfy an =, ~suffix or ~contains condition? */
static int field_matches(const struct sigdb *db, const struct sig_cond *c,
                         const struct fact_field *fl)
{
    int op = c->op == OP_NE ? OP_EQ : c->op;

    switch (fl->type) {
    case FV_STR:
        if (!fl->v.s && fl->len)
            return 0;
        if (op == OP_EQ)
            return str_ieq(fl->v.s, fl->len, c->value, c->vlen);
        if (op == OP_CONTAINS)
            return str_icontains(fl->v.s, fl->len, c->value, c->vlen);
        if (op == OP_SUFFIX)
            return domain_in_list(db, c->list, fl->v.s, fl->len, NULL);
        return 0;
    case FV_BOOL:
        return op == OP_EQ && c->boolv >= 0 && (fl->v.u != 0) == (c->boolv != 0);
    case FV_INT:
        if (op != OP_EQ)
            return 0;
        return c->int_ok ? fl->v.i == c->ival : c->dbl_ok && (double)fl->v.i == c->dval;
    case FV_UINT:
        if (op != OP_EQ)
            return 0;
        return c->uint_ok ? fl->v.u == c->uval : c->dbl_ok && (double)fl->v.u == c->dval;
    case FV_DOUBLE:
        return op == OP_EQ && c->dbl_ok && fl->v.d == c->dval;
    default: /* FV_MD5HEX: the hex is the writer's; only presence is matched */
        return 0;
    }
}

static int cond_holds(const struct sigdb *db, const struct sig_cond *c, const struct fact *f)
{
    unsigned n = f->nfields < FACT_MAX_FIELDS ? f->nfields : FACT_MAX_FIELDS;
    int present = 0;

    for (unsigned i = 0; i < n; i++) {
        const struct fact_field *fl = &f->field[i];

        /* the first byte first: most names differ there, and a call to strcmp costs more */
        if (!fl->name || fl->name[0] != c->field[0] || strcmp(fl->name, c->field) != 0)
            continue;
        present = 1;
        if (c->op == OP_PRESENT)
            return 1;
        if (c->op == OP_ABSENT)
            return 0;
        if (field_matches(db, c, fl)) /* arrays: any item */
            return c->op != OP_NE;
    }
    if (c->op == OP_ABSENT)
        return !present;
    return c->op == OP_NE; /* != is the negation of =, so an absent field is != anything */
}

unsigned sig_match(const struct sigdb *db, const struct fact *f,
                   void (*hit)(const struct sig_rule *r, void *ctx), void *ctx)
{
    unsigned lo = 0, hi, hits = 0;
    const struct sig_group *g = NULL;

    if (!db || !f || !f->name || !db->ngroups)
        return 0;
    hi = db->ngroups;
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        int c = strcmp(f->name, db->groups[mid].fact);

        if (c == 0) {
            g = &db->groups[mid];
            break;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (!g)
        return 0;
    for (uint32_t k = 0; k < g->count; k++) {
        const struct sig_rule_full *r = &db->rules[db->order[g->first + k]];
        unsigned i = 0;

        while (i < r->ncond && cond_holds(db, &r->cond[i], f))
            i++;
        if (i < r->ncond)
            continue;
        hits++;
        if (hit)
            hit(&r->pub, ctx);
    }
    return hits;
}

int sig_domain_in(const struct sigdb *db, const char *list, const char *domain, size_t len,
                  size_t *matched_len)
{
    int li;

    if (!db || !list)
        return 0;
    li = find_list(db, list, strlen(list));
    return li < 0 ? 0 : domain_in_list(db, (unsigned)li, domain, len, matched_len);
}

unsigned sig_rule_count(const struct sigdb *db)
{
    return db ? db->nrules : 0;
}

unsigned sig_list_entries(const struct sigdb *db, const char *list)
{
    int li;

    if (!db || !list)
        return 0;
    li = find_list(db, list, strlen(list));
    return li < 0 ? 0 : db->lists[li].entries;
}
