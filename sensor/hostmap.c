/*
 * hostmap.c - the address -> name table (see hostmap.h): open addressing
 * over a power-of-two array, a probe window of HOSTMAP_PROBE slots.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "hostmap.h"

#define HOSTMAP_PROBE 8

struct hostmap_entry {
    uint8_t addr[16];
    uint64_t expires_us; /* 0: empty */
    uint8_t len;
    char name[HOSTMAP_NAME_MAX];
};

struct hostmap {
    pthread_mutex_t lock;
    struct hostmap_entry *slot;
    uint32_t mask;
    uint64_t entries, replaced;
};

struct hostmap *hostmap_new(uint32_t capacity)
{
    struct hostmap *hm = calloc(1, sizeof(*hm));
    uint32_t n = 1024;

    if (!hm)
        return NULL;
    while (n < capacity * 2 && n < (1u << 30))
        n <<= 1;
    hm->slot = calloc(n, sizeof(*hm->slot));
    if (!hm->slot) {
        free(hm);
        return NULL;
    }
    hm->mask = n - 1;
    pthread_mutex_init(&hm->lock, NULL);
    return hm;
}

void hostmap_free(struct hostmap *hm)
{
    if (!hm)
        return;
    pthread_mutex_destroy(&hm->lock);
    free(hm->slot);
    free(hm);
}

static uint32_t addr_hash(const uint8_t a[16])
{
    uint64_t x, y;

    memcpy(&x, a, 8);
    memcpy(&y, a + 8, 8);
    x ^= y * 0x9e3779b97f4a7c15ULL;
    x ^= x >> 29;
    x *= 0xbf58476d1ce4e5b9ULL;
    return (uint32_t)(x ^ (x >> 32));
}

void hostmap_put(struct hostmap *hm, const uint8_t addr[16], const char *name, size_t len,
                 uint64_t expires_us)
{
    uint32_t h = addr_hash(addr);
    struct hostmap_entry *victim = NULL;

    if (len >= HOSTMAP_NAME_MAX)
        len = HOSTMAP_NAME_MAX - 1;
    if (expires_us == 0)
        expires_us = 1;
    pthread_mutex_lock(&hm->lock);
    for (uint32_t i = 0; i < HOSTMAP_PROBE; i++) {
        struct hostmap_entry *e = &hm->slot[(h + i) & hm->mask];
        if (e->expires_us && memcmp(e->addr, addr, 16) == 0) {
            victim = e; /* the same address: refresh it */
            break;
        }
        if (!victim || e->expires_us < victim->expires_us)
            victim = e; /* an empty slot (0) or the one that expires first */
    }
    if (!victim->expires_us)
        hm->entries++;
    else if (memcmp(victim->addr, addr, 16) != 0)
        hm->replaced++;
    memcpy(victim->addr, addr, 16);
    victim->expires_us = expires_us;
    victim->len = (uint8_t)len;
    memcpy(victim->name, name, len);
    victim->name[len] = '\0';
    pthread_mutex_unlock(&hm->lock);
}

size_t hostmap_get(struct hostmap *hm, const uint8_t addr[16], uint64_t now_us, char *out,
                   size_t outlen)
{
    uint32_t h = addr_hash(addr);
    size_t n = 0;

    if (outlen == 0)
        return 0;
    pthread_mutex_lock(&hm->lock);
    for (uint32_t i = 0; i < HOSTMAP_PROBE; i++) {
        struct hostmap_entry *e = &hm->slot[(h + i) & hm->mask];
        if (e->expires_us && e->expires_us > now_us && memcmp(e->addr, addr, 16) == 0) {
            n = e->len < outlen - 1 ? e->len : outlen - 1;
            memcpy(out, e->name, n);
            break;
        }
    }
    pthread_mutex_unlock(&hm->lock);
    out[n] = '\0';
    return n;
}

void hostmap_stats(struct hostmap *hm, uint64_t *entries, uint64_t *replaced, uint64_t *memory)
{
    pthread_mutex_lock(&hm->lock);
    *entries = hm->entries;
    *replaced = hm->replaced;
    pthread_mutex_unlock(&hm->lock);
    *memory = ((uint64_t)hm->mask + 1) * sizeof(struct hostmap_entry);
}
