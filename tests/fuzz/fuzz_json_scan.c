/*
 * fuzz_json_scan.c - the JSON tokenizer on arbitrary bytes. When the input
 * scans, every token is walked: every string unescaped (to a small buffer and
 * measured), every number converted, every object member looked up by its own
 * key and every array element fetched, so the helpers see whatever shapes
 * the scanner accepts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json_scan.h"

static struct json_tok tok[JSON_MAX_TOKENS];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    char out[64], key[64];
    int n = json_scan(s, size, tok, JSON_MAX_TOKENS);

    for (int i = 0; i < n; i++) {
        struct json_tok *t = &tok[i];
        double d;
        int64_t v;

        if (t->start > size || t->len > size - t->start || t->next <= (uint32_t)i ||
            t->next > (uint32_t)n)
            abort(); /* a token outside the text or a broken skip link */
        if (t->type == JSON_STRING && json_unescape(s, t, out, sizeof(out)) < 0)
            abort();
        if (t->type == JSON_NUMBER) {
            json_num_double(s, t, &d);
            json_num_int64(s, t, &v);
        }
        if (t->type == JSON_ARRAY && json_arr_get(tok, n, i, t->size ? t->size - 1 : 0) < 0 &&
            t->size)
            abort();
        if (t->type == JSON_OBJECT && t->size && i + 1 < n) {
            int l = json_unescape(s, &tok[i + 1], key, sizeof(key) - 1);

            /* the first member must be found by its own key (no NUL inside) */
            if (l >= 0 && (size_t)l < sizeof(key) - 1 && !memchr(key, 0, (size_t)l)) {
                key[l] = '\0';
                if (json_obj_get(s, tok, n, i, key) != i + 2)
                    abort();
            }
        }
    }
    return 0;
}
