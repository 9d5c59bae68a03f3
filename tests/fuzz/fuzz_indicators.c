/*
 * fuzz_indicators.c - the script indicator loader and matcher on arbitrary
 * bytes. The input up to the first 0xff byte is an indicator file, the rest
 * a text scanned with it (both scopes); with no 0xff the whole input is
 * parsed as a file and also scanned, as a script and as a beacon, with a
 * fixed list shaped like the shipped one (long windows, backreferences, a
 * catastrophic pattern for the limits). An odd-sized input loads without
 * JIT, so the interpreter and the scratch arena are fuzzed too. Aborts if a
 * result breaks its contract (score over 100, too many hits, a hit without
 * a name).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "indicators.h"

static const char fixed_list[] =
    "pipe 25 script download-exec "
    "(?i)\\b(?:curl|wget)\\b(?:(?!curl|wget)(?:[^\\n|;&]|\\|\\|)){0,300}+\\|\\s*(?:ba|da)?sh\\b\n"
    "run 15 script download-exec (?i)\\bchmod\\s+\\+x\\s+([\\w./-]{1,120}+)"
    "(?:[^\\n;&]{0,300}+(?:&&|;|&?\\n)\\s*){1,3}?(?:\\./)?\\1(?![\\w.-])\n"
    "b64 35 script decode-exec "
    "(?i)\\bbase64\\s+(?:-d|--decode)\\b[^\\n|;&]{0,200}+\\|\\s*(?:ba)?sh\\b\n"
    "uname 35 beacon beacon "
    "(?i)\\bLinux(?:\\s|\\+|%20)+[\\w.-]{1,64}(?:\\s|\\+|%20)+\\d{1,2}\\.\\d{1,3}"
    "[\\w.~-]{0,64}+[^\\n&]{0,200}?(?:\\s|\\+|%20)x86_64\\b\n"
    "wallet 25 script miner \\b[48][0-9AB][1-9A-HJ-NP-Za-km-z]{93}\\b\n"
    "evil 1 script,beacon evasion (a|aa)+$\n";

static void check(const struct indicator_result *r)
{
    if (r->score > INDICATOR_SCORE_MAX || r->nhits > INDICATOR_MAX_HITS)
        abort();
    for (unsigned i = 0; i < r->nhits; i++)
        if (!r->hit[i].name || !r->hit[i].category || r->hit[i].weight < 1 ||
            r->hit[i].weight > INDICATOR_SCORE_MAX)
            abort();
}

static void scan_with(const struct indicator_set *s, const uint8_t *text, size_t len)
{
    struct indicator_scratch *x = indicators_scratch_new(s);
    struct indicator_result r;

    if (!x)
        return;
    indicators_scan(s, x, IND_SCOPE_SCRIPT, text, len, &r);
    check(&r);
    indicators_scan(s, x, IND_SCOPE_SCRIPT | IND_SCOPE_BEACON, text, len, &r);
    check(&r);
    indicators_scratch_free(x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct indicator_set *fixed;
    const uint8_t *sep = memchr(data, 0xff, size);
    size_t flen = sep ? (size_t)(sep - data) : size;
    unsigned flags = (size & 1) ? INDICATORS_NO_JIT : 0;
    struct indicator_set *s;
    char err[256];

    s = indicators_load_mem("fuzz", (const char *)data, flen, flags, err, sizeof(err));
    if (s && sep)
        scan_with(s, sep + 1, size - flen - 1);
    indicators_free(s);
    if (sep)
        return 0;
    if (!fixed)
        fixed =
            indicators_load_mem("fixed", fixed_list, sizeof(fixed_list) - 1, 0, err, sizeof(err));
    if (!fixed)
        abort(); /* the fixed list is this file's own: it must load */
    scan_with(fixed, data, size);
    return 0;
}
