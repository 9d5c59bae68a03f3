/*
 * fuzz_sig_rules.c - the signature loader and matcher on arbitrary bytes,
 * without files: the input up to the first 0xff byte is a domain list
 * ("pools"), the rest is firedamp.rules (no 0xff: the whole input is the
 * rules, with a fixed small list). When a database loads, a few facts built
 * from the input's own bytes are matched against it and looked up.
 */
#include <stdint.h>
#include <string.h>

#include "dissector.h"
#include "sig.h"

static const char fixed_list[] = "pool.example\n*.nanopool.org\n";

static void on_hit(const struct sig_rule *r, void *ctx)
{
    (*(unsigned *)ctx) += r->sid & 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"stratum.session", "dns.query", "tls.hello", "t"};
    const char *p = (const char *)data;
    const uint8_t *sep = memchr(data, 0xff, size);
    struct sig_source src = {.name = "pools", .text = fixed_list, .len = sizeof(fixed_list) - 1};
    const char *rules = p;
    size_t rlen = size, slen = size < 64 ? size : 64;
    char err[256];
    unsigned n = 0;
    struct sigdb *db;
    struct fact f;

    if (sep) {
        src.text = p;
        src.len = (size_t)(sep - data);
        rules = (const char *)sep + 1;
        rlen = size - src.len - 1;
    }
    db = sig_load_mem(&src, 1, rules, rlen, err, sizeof(err));
    if (!db)
        return 0;
    for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        fact_init(&f, "x", names[i]);
        fact_str(&f, "rrname", p, slen);
        fact_str(&f, "sni", "xmr-eu1.nanopool.org", 20);
        fact_str_item(&f, "methods", p + size - slen, slen);
        fact_str_item(&f, "methods", "login", 5);
        fact_bool(&f, "confirmed", size & 1);
        fact_uint(&f, "shares", size);
        fact_int(&f, "i", -(int64_t)size);
        fact_double(&f, "d", (double)size / 3);
        fact_md5hex(&f, "ja3", p, slen);
        sig_match(db, &f, on_hit, &n);
    }
    sig_domain_in(db, "pools", p, size, NULL);
    sig_domain_in(db, "pools", p, slen, NULL);
    n += sig_rule_count(db) + sig_list_entries(db, "pools");
    sig_free(db);
    return (int)(n & 0);
}
