/*
 * sig.h - signatures: what turns a dissector's facts into alerts.
 *
 * The signature directory (signatures/ by default) holds data only:
 *  - *.list files: one domain per line ('#' comments, blank lines ignored),
 *    matched by suffix on label boundaries ("pool.example" matches
 *    "eu.pool.example" and "pool.example", not "badpool.example"). The list's
 *    name is its file name without ".list" ("pools" for pools.list).
 *  - firedamp.rules: one rule per line (format in signatures/README.md):
 *      sid=1001 severity=1 category="Crypto Mining" fact=stratum.session
 *        when confirmed=true msg="Stratum mining session confirmed by the pool"
 *        mitre=T1496
 *    (one line; shown wrapped). Conditions after `when`, all must hold:
 *      field=value        string/number/bool equality (strings case-insensitive)
 *      field!=value
 *      field~suffix:LIST  the string field's domain is in the named list
 *      field~contains:TEXT  case-insensitive substring
 *      field?             the field is present
 *      !field?            the field is absent
 *    A rule without `when` matches every fact of its name.
 *
 * sig_load builds an immutable struct sigdb; lookups never allocate and are
 * safe from any number of threads at once. A reload builds a new sigdb and
 * swaps the pointer (the old one is freed once no worker uses it).
 */
#ifndef FIREDAMP_SIG_H
#define FIREDAMP_SIG_H

#include <stddef.h>
#include <stdint.h>

#include "dissector.h"

#define SIG_MAX_RULES 1024
#define SIG_MAX_CONDS 8
#define SIG_MAX_MITRE 4
#define SIG_MAX_LISTS 32
#define SIG_MSG_MAX   160

struct sigdb;

struct sig_rule {
    uint32_t sid;
    uint8_t severity;              /* 1 high, 2 medium, 3 low */
    char category[48];             /* SCHEMA.md alert.category */
    char msg[SIG_MSG_MAX];         /* alert.signature */
    char mitre[SIG_MAX_MITRE][16]; /* alert.metadata.mitre_attack */
    uint8_t nmitre;
    /* conditions are private to sig.c */
};

/*
 * Loads every *.list file and firedamp.rules from `dir`. Returns the database,
 * or NULL with a one-line reason in err naming the file and line. A missing
 * directory or rules file is an error; an empty rules file is not.
 */
struct sigdb *sig_load(const char *dir, char *err, size_t errlen);

/*
 * The same from memory, for tests and fuzzing: `lists[i].name` is the list's
 * name ("pools"), `text`/`len` its bytes; `rules`/`rules_len` the rules file.
 * Nothing needs to be NUL-terminated; the caller keeps ownership of every
 * buffer (the database copies what it keeps). Errors name "NAME.list:LINE" or
 * "firedamp.rules:LINE". (Added by the signature layer, not in the first
 * contract.)
 */
struct sig_source {
    const char *name;
    const char *text;
    size_t len;
};
struct sigdb *sig_load_mem(const struct sig_source *lists, unsigned nlists, const char *rules,
                           size_t rules_len, char *err, size_t errlen);

void sig_free(struct sigdb *db);

/*
 * Calls `hit` for every rule matching the fact, in file order. Returns the
 * number of rules that matched.
 */
unsigned sig_match(const struct sigdb *db, const struct fact *f,
                   void (*hit)(const struct sig_rule *r, void *ctx), void *ctx);

/*
 * Is `domain` (len bytes, any case, a trailing dot allowed) in the list
 * `list` by suffix? Returns 1 and, when matched_len is not NULL, the length
 * of the listed suffix; 0 if not, or if the list does not exist.
 */
int sig_domain_in(const struct sigdb *db, const char *list, const char *domain, size_t len,
                  size_t *matched_len);

/* Counts, for stats and the log line at start-up. */
unsigned sig_rule_count(const struct sigdb *db);
unsigned sig_list_entries(const struct sigdb *db, const char *list);

#endif
