/*
 * namelist.c - exact and prefix name lists (see namelist.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "errfmt.h"
#include "namelist.h"

struct namelist {
    char **exact; /* sorted, case-folded */
    unsigned nexact;
    char **prefix; /* without the '*', case-folded */
    unsigned nprefix;
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void namelist_free(struct namelist *nl)
{
    if (!nl)
        return;
    for (unsigned i = 0; i < nl->nexact; i++)
        free(nl->exact[i]);
    for (unsigned i = 0; i < nl->nprefix; i++)
        free(nl->prefix[i]);
    free(nl->exact);
    free(nl->prefix);
    free(nl);
}

static char *folded(const char *s, size_t n)
{
    char *out = malloc(n + 1);

    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    out[n] = '\0';
    return out;
}

struct namelist *namelist_load_mem(const char *name, const char *text, size_t len, char *err,
                                   size_t errlen)
{
    struct namelist *nl = calloc(1, sizeof(*nl));
    size_t off = 0, cap = 0, pcap = 0;
    unsigned line = 0;

    if (!nl)
        goto out_nomem;
    while (off < len) {
        const char *l = text + off, *nlc = memchr(l, '\n', len - off), *hash;
        size_t n = nlc ? (size_t)(nlc - l) : len - off;
        char ***arr;
        unsigned *cnt;
        size_t *acap;
        char *e;
        int is_prefix;

        off += n + (nlc ? 1 : 0);
        line++;
        hash = memchr(l, '#', n);
        if (hash)
            n = (size_t)(hash - l);
        while (n && (l[0] == ' ' || l[0] == '\t')) {
            l++;
            n--;
        }
        while (n && (l[n - 1] == ' ' || l[n - 1] == '\t' || l[n - 1] == '\r'))
            n--;
        if (n == 0)
            continue;
        if (n > NAMELIST_MAX_NAME) {
            file_err(err, errlen, name, line, "entry longer than %d bytes", NAMELIST_MAX_NAME);
            goto out_free;
        }
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)l[i];
            if (c < 0x21 || c == 0x7f) {
                file_err(err, errlen, name, line, "blank or control byte inside an entry");
                goto out_free;
            }
        }
        if (nl->nexact + nl->nprefix >= NAMELIST_MAX_ENTRIES) {
            file_err(err, errlen, name, line, "more than %d entries", NAMELIST_MAX_ENTRIES);
            goto out_free;
        }
        is_prefix = l[n - 1] == '*';
        if (is_prefix && n == 1) {
            file_err(err, errlen, name, line, "a lone '*' would match everything");
            goto out_free;
        }
        arr = is_prefix ? &nl->prefix : &nl->exact;
        cnt = is_prefix ? &nl->nprefix : &nl->nexact;
        acap = is_prefix ? &pcap : &cap;
        if (*cnt == *acap) {
            size_t ncap = *acap ? *acap * 2 : 64;
            char **grown = realloc(*arr, ncap * sizeof(char *));
            if (!grown)
                goto out_nomem;
            *arr = grown;
            *acap = ncap;
        }
        e = folded(l, is_prefix ? n - 1 : n);
        if (!e)
            goto out_nomem;
        (*arr)[(*cnt)++] = e;
    }
    if (nl->nexact)
        qsort(nl->exact, nl->nexact, sizeof(char *), cmp_str);
    return nl;
out_nomem:
    snprintf(err, errlen, "%s: out of memory", name);
out_free:
    namelist_free(nl);
    return NULL;
}

struct namelist *namelist_load(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    struct namelist *nl;
    char *buf;
    long n;

    if (!f) {
        if (errno == ENOENT)
            return namelist_load_mem(path, "", 0, err, errlen); /* optional: empty */
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || n > (64L << 20) ||
        fseek(f, 0, SEEK_SET) != 0) {
        snprintf(err, errlen, "%s: unreadable or larger than 64 MiB", path);
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        snprintf(err, errlen, "%s: read failed", path);
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    nl = namelist_load_mem(path, buf, (size_t)n, err, errlen);
    free(buf);
    return nl;
}

int namelist_match(const struct namelist *nl, const char *s, size_t len)
{
    char key[NAMELIST_MAX_NAME + 1];
    unsigned lo = 0, hi;

    if (!nl || len == 0 || len > NAMELIST_MAX_NAME)
        return 0;
    for (size_t i = 0; i < len; i++)
        key[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    key[len] = '\0';
    hi = nl->nexact;
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        int c = strcmp(nl->exact[mid], key);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (unsigned i = 0; i < nl->nprefix; i++)
        if (strncmp(key, nl->prefix[i], strlen(nl->prefix[i])) == 0)
            return 1;
    return 0;
}

unsigned namelist_count(const struct namelist *nl)
{
    return nl ? nl->nexact + nl->nprefix : 0;
}
