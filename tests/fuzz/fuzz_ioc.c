/*
 * fuzz_ioc.c - the indicator loader and matchers on arbitrary bytes. The
 * input is loaded as an indicator file (ioc_load_mem); then every line is
 * asked as a host, a URL (absolute, and split into Host + target) and a
 * hash, against that set when it loaded and against a fixed set with every
 * kind. Oracle: when the input loads, each indicator's own value, asked
 * back, must hit (a normaliser that disagrees with itself aborts).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ioc.h"

static const char fixed_text[] =
    "domain evil.example c s\nip 192.0.2.7 c s\nip 2001:db8::7 c s\n"
    "url http://192.0.2.7/x.sh c s\nurl http://files.example:8080/bin/* c s\n"
    "sha256 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef c s\n";

static size_t ask(const struct ioc_set *s, const char *p, size_t n)
{
    struct ioc_match m;
    size_t h = n / 2, seen = 0;

    if (ioc_match_host(s, p, n, &m))
        seen += strlen(m.value) + strlen(m.campaign) + strlen(m.source);
    if (ioc_match_url(s, NULL, 0, p, n, &m))
        seen += strlen(m.value);
    if (ioc_match_url(s, p, h, p + h, n - h, &m))
        seen += strlen(m.value);
    if (ioc_match_sha256(s, p, n < 64 ? n : 64, &m))
        seen += strlen(m.value);
    return seen;
}

/* The value token of an indicator line, or 0 when the line has none. */
static int value_of(const char *l, size_t n, const char **v, size_t *vn, char *kind)
{
    size_t i = 0, k;

    if (n && l[n - 1] == '\r')
        n--;
    while (i < n && (l[i] == ' ' || l[i] == '\t'))
        i++;
    *kind = i < n ? l[i] : 0;
    while (i < n && l[i] != ' ' && l[i] != '\t')
        i++;
    while (i < n && (l[i] == ' ' || l[i] == '\t'))
        i++;
    for (k = i; k < n && l[k] != ' ' && l[k] != '\t'; k++)
        ;
    *v = l + i;
    *vn = k - i;
    return *vn > 0 && *kind != '#';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct ioc_set *fixed;
    const char *p = (const char *)data, *v;
    char err[256], kind;
    struct ioc_set *s;
    size_t pos = 0, vn, seen = 0;

    if (!fixed)
        fixed = ioc_load_mem("fixed", fixed_text, sizeof(fixed_text) - 1, err, sizeof(err));
    s = ioc_load_mem("fuzz", p, size, err, sizeof(err));
    while (pos < size) {
        const char *nl = memchr(p + pos, '\n', size - pos);
        size_t n = nl ? (size_t)(nl - (p + pos)) : size - pos;

        seen += ask(fixed, p + pos, n);
        if (s) {
            seen += ask(s, p + pos, n);
            if (value_of(p + pos, n, &v, &vn, &kind)) {
                int hit = kind == 'u'   ? ioc_match_url(s, NULL, 0, v, vn - (v[vn - 1] == '*'), 0)
                          : kind == 's' ? ioc_match_sha256(s, v, vn, NULL)
                                        : ioc_match_host(s, v, vn, NULL);
                if (!hit)
                    abort();
            }
        }
        pos += n + 1;
    }
    ioc_free(s);
    return (int)(seen & 0);
}
