/*
 * cidr.c - address block sets (see cidr.h).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cidr.h"

int cidr_parse(struct cidr_set *s, const char *text, char *err, size_t errlen)
{
    const char *p = text;

    memset(s, 0, sizeof(*s));
    while (*p) {
        char tok[64], *slash;
        size_t n = 0;
        long bits;
        int v6;

        while (*p == ',' || *p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        while (p[n] && p[n] != ',' && p[n] != ' ' && p[n] != '\t')
            n++;
        if (n >= sizeof(tok) || s->n >= CIDR_MAX) {
            snprintf(err, errlen, "'%.*s': %s", (int)(n < 64 ? n : 64), p,
                     s->n >= CIDR_MAX ? "too many address blocks" : "too long");
            return -1;
        }
        memcpy(tok, p, n);
        tok[n] = '\0';
        p += n;
        slash = strchr(tok, '/');
        if (slash)
            *slash = '\0';
        v6 = strchr(tok, ':') != NULL;
        memset(s->e[s->n].addr, 0, 16);
        if (v6 ? inet_pton(AF_INET6, tok, s->e[s->n].addr) != 1
               : inet_pton(AF_INET, tok, s->e[s->n].addr + 12) != 1)
            goto bad;
        if (!v6)
            s->e[s->n].addr[10] = s->e[s->n].addr[11] = 0xff;
        bits = v6 ? 128 : 32;
        if (slash) {
            char *end;
            long b = strtol(slash + 1, &end, 10);
            if (*end || end == slash + 1 || b < 0 || b > bits)
                goto bad;
            bits = b;
        }
        s->e[s->n].bits = (uint8_t)(v6 ? bits : bits + 96);
        s->n++;
        continue;
    bad:
        if (slash)
            *slash = '/';
        snprintf(err, errlen, "'%s' is not an address or address/prefix", tok);
        return -1;
    }
    return 0;
}

int cidr_match(const struct cidr_set *s, const uint8_t addr[16])
{
    for (unsigned i = 0; i < s->n; i++) {
        unsigned bits = s->e[i].bits, full = bits / 8, rest = bits % 8;
        if (memcmp(addr, s->e[i].addr, full) != 0)
            continue;
        if (rest) {
            uint8_t mask = (uint8_t)(0xff << (8 - rest));
            if ((addr[full] & mask) != (s->e[i].addr[full] & mask))
                continue;
        }
        return 1;
    }
    return 0;
}
