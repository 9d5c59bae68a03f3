/*
 * pool.c - fixed-size object pools (see pool.h). A free object's first bytes
 * hold the next free object.
 *
 * Size-class pools: a chunk holds blocks of one class, each behind a 16-byte
 * header naming its chunk, so a block goes back to its own chunk's free list
 * and a chunk whose blocks are all free can be given back under pressure.
 * Deliberately no coalescing, no splitting of classes and no trimming when
 * idle: a worker's mix of sizes is stable, and keeping what it needed once
 * is what makes the packet path free of malloc.
 */
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "util.h"

void pool_init(struct pool *p, size_t obj_size, uint32_t max_objs)
{
    memset(p, 0, sizeof(*p));
    if (obj_size < sizeof(void *))
        obj_size = sizeof(void *);
    p->obj_size = (obj_size + 15) & ~(size_t)15;
    p->max_objs = max_objs;
}

static int pool_grow(struct pool *p)
{
    uint32_t n = POOL_CHUNK;
    char *chunk;

    if (p->allocated >= p->max_objs)
        return -1;
    if (n > p->max_objs - p->allocated)
        n = p->max_objs - p->allocated;
    if (p->nchunks == p->chunk_cap) {
        uint32_t cap = p->chunk_cap ? p->chunk_cap * 2 : 16;
        void **c = realloc(p->chunks, cap * sizeof(*c));
        if (!c)
            return -1;
        p->chunks = c;
        p->chunk_cap = cap;
    }
    chunk = malloc(p->obj_size * n);
    if (!chunk)
        return -1;
    p->chunks[p->nchunks++] = chunk;
    for (uint32_t i = n; i-- > 0;) {
        void *obj = chunk + (size_t)i * p->obj_size;
        memcpy(obj, &p->free_list, sizeof(void *));
        p->free_list = obj;
    }
    p->allocated += n;
    return 0;
}

void *pool_get(struct pool *p)
{
    void *obj;

    if (!p->free_list && pool_grow(p) != 0) {
        p->fails++;
        return NULL;
    }
    obj = p->free_list;
    memcpy(&p->free_list, obj, sizeof(void *));
    memset(obj, 0, p->obj_size);
    p->in_use++;
    return obj;
}

void pool_put(struct pool *p, void *obj)
{
    memcpy(obj, &p->free_list, sizeof(void *));
    p->free_list = obj;
    p->in_use--;
}

void pool_destroy(struct pool *p)
{
    for (uint32_t i = 0; i < p->nchunks; i++)
        free(p->chunks[i]);
    free(p->chunks);
    memset(p, 0, sizeof(*p));
}

uint64_t pool_memory(const struct pool *p)
{
    return (uint64_t)p->allocated * p->obj_size;
}

/* ---- size-class pools of byte blocks ------------------------------------- */

#if FIREDAMP_ASAN
/* A free block is poisoned, so ASan still sees use after pool_sized_put(). */
#include <sanitizer/asan_interface.h>
#define POOL_POISON(a, n)   ASAN_POISON_MEMORY_REGION((a), (n))
#define POOL_UNPOISON(a, n) ASAN_UNPOISON_MEMORY_REGION((a), (n))
#else
#define POOL_POISON(a, n)   ((void)(a), (void)(n))
#define POOL_UNPOISON(a, n) ((void)(a), (void)(n))
#endif

/* Precedes every block: its chunk, and the next free block while it is free. */
struct pool_blk {
    struct pool_chunk *chunk;
    struct pool_blk *next_free;
};

struct pool_chunk {
    struct pool_chunk *next, *prev;   /* every chunk of the pool */
    struct pool_chunk *anext, *aprev; /* chunks of this class with a free block */
    struct pool_blk *free;
    uint32_t cls, nblocks, nfree;
    size_t bytes; /* what malloc gave, header included */
};

/* Both headers keep the blocks 16-byte aligned. */
#define POOL_BLK_HDR   ((sizeof(struct pool_blk) + 15) & ~(size_t)15)
#define POOL_CHUNK_HDR ((sizeof(struct pool_chunk) + 15) & ~(size_t)15)

static int sized_class(size_t n)
{
    if (n == 0 || n > POOL_SIZED_MAX)
        return -1;
    if (n <= POOL_SIZED_MIN)
        return 0;
    /* bits of n - 1, less the 6 bits of POOL_SIZED_MIN: 65..128 -> 1, 129..256 -> 2 */
    return 64 - __builtin_clzll((unsigned long long)(n - 1)) - 6;
}

static void avail_add(struct pool_sized *p, struct pool_chunk *c)
{
    c->aprev = NULL;
    c->anext = p->avail[c->cls];
    if (c->anext)
        c->anext->aprev = c;
    p->avail[c->cls] = c;
}

static void avail_del(struct pool_sized *p, struct pool_chunk *c)
{
    if (c->aprev)
        c->aprev->anext = c->anext;
    else
        p->avail[c->cls] = c->anext;
    if (c->anext)
        c->anext->aprev = c->aprev;
    c->anext = c->aprev = NULL;
}

static int sized_room(const struct pool_sized *p, uint64_t need, uint64_t limit)
{
    return need <= limit && p->bytes <= limit - need;
}

/* Frees chunks whose blocks are all free until `need` more bytes fit under the limit. */
static void sized_reclaim(struct pool_sized *p, uint64_t need, uint64_t limit)
{
    struct pool_chunk *c, *next;

    for (c = p->chunks; c && !sized_room(p, need, limit); c = next) {
        next = c->next;
        if (c->nfree != c->nblocks)
            continue;
        avail_del(p, c);
        if (c->prev)
            c->prev->next = c->next;
        else
            p->chunks = c->next;
        if (c->next)
            c->next->prev = c->prev;
        p->bytes -= c->bytes;
        p->frees++;
        free(c);
    }
}

/* One more chunk for class cls, as big as POOL_SIZED_CHUNK, 1/64 of the limit and the limit allow.
 */
static int sized_grow(struct pool_sized *p, unsigned cls, uint64_t limit)
{
    size_t size = (size_t)POOL_SIZED_MIN << cls;
    size_t stride = POOL_BLK_HDR + size;
    /*
     * Chunks of at most 1/64 of the limit: a small memcap shared by many
     * classes would otherwise be held in a few half-used chunks, and refuse
     * long before the bytes charged reach it.
     */
    size_t chunk = limit / 64 < POOL_SIZED_CHUNK ? (size_t)(limit / 64) : POOL_SIZED_CHUNK;
    size_t n = chunk / stride;
    struct pool_chunk *c;
    uint8_t *base;

    if (n == 0)
        n = 1;
    if (!sized_room(p, POOL_CHUNK_HDR + stride, limit))
        sized_reclaim(p, POOL_CHUNK_HDR + stride, limit);
    if (!sized_room(p, POOL_CHUNK_HDR + stride, limit))
        return -1;
    if (!sized_room(p, POOL_CHUNK_HDR + n * stride, limit))
        n = (size_t)((limit - p->bytes - POOL_CHUNK_HDR) / stride);
    c = malloc(POOL_CHUNK_HDR + n * stride);
    if (!c)
        return -1;
    memset(c, 0, sizeof(*c));
    c->cls = cls;
    c->nblocks = c->nfree = (uint32_t)n;
    c->bytes = POOL_CHUNK_HDR + n * stride;
    base = (uint8_t *)c + POOL_CHUNK_HDR;
    for (size_t i = n; i-- > 0;) {
        struct pool_blk *b = (struct pool_blk *)(base + i * stride);

        b->chunk = c;
        b->next_free = c->free;
        c->free = b;
        POOL_POISON((uint8_t *)b + POOL_BLK_HDR, size);
    }
    c->next = p->chunks;
    if (c->next)
        c->next->prev = c;
    p->chunks = c;
    avail_add(p, c);
    p->bytes += c->bytes;
    p->mallocs++;
    return 0;
}

void *pool_sized_get(struct pool_sized *p, size_t n, uint64_t limit)
{
    int cls = sized_class(n);
    struct pool_chunk *c;
    struct pool_blk *b;

    if (cls < 0 || (!p->avail[cls] && sized_grow(p, (unsigned)cls, limit) != 0)) {
        p->fails++;
        return NULL;
    }
    c = p->avail[cls];
    b = c->free;
    c->free = b->next_free;
    if (--c->nfree == 0)
        avail_del(p, c);
    p->in_use++;
    POOL_UNPOISON((uint8_t *)b + POOL_BLK_HDR, (size_t)POOL_SIZED_MIN << cls);
    return (uint8_t *)b + POOL_BLK_HDR;
}

void pool_sized_put(struct pool_sized *p, void *blk)
{
    struct pool_blk *b;
    struct pool_chunk *c;

    if (!blk)
        return;
    b = (struct pool_blk *)((uint8_t *)blk - POOL_BLK_HDR);
    c = b->chunk;
    POOL_POISON(blk, (size_t)POOL_SIZED_MIN << c->cls);
    b->next_free = c->free;
    c->free = b;
    if (c->nfree++ == 0)
        avail_add(p, c);
    p->in_use--;
}

size_t pool_sized_size(const void *blk)
{
    const struct pool_blk *b;

    if (!blk)
        return 0;
    b = (const struct pool_blk *)((const uint8_t *)blk - POOL_BLK_HDR);
    return (size_t)POOL_SIZED_MIN << b->chunk->cls;
}

void pool_sized_destroy(struct pool_sized *p)
{
    struct pool_chunk *c, *next;

    for (c = p->chunks; c; c = next) {
        next = c->next;
        free(c);
    }
    memset(p, 0, sizeof(*p));
}
