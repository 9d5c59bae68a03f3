/*
 * pool.c - fixed-size object pools (see pool.h). A free object's first bytes
 * hold the next free object.
 */
#include <stdlib.h>
#include <string.h>

#include "pool.h"

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
