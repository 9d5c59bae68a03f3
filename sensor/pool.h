/*
 * pool.h - fixed-size object pools: per-flow objects (dissector states, TCP
 * streams) come from here, not from malloc, on the packet path.
 *
 * A pool grows in chunks of POOL_CHUNK objects up to its maximum and never
 * shrinks: after warm-up, getting and putting an object is a free-list pop
 * and push, with no system call and no allocator lock. Objects are zeroed on
 * pool_get (dissector states are promised zero-filled). Not thread-safe: one
 * pool per worker.
 */
#ifndef FIREDAMP_POOL_H
#define FIREDAMP_POOL_H

#include <stddef.h>
#include <stdint.h>

#define POOL_CHUNK 256

struct pool {
    size_t obj_size;   /* rounded up to 16 bytes */
    uint32_t max_objs; /* bound: pool_get fails (counted) past it */
    uint32_t in_use;
    uint32_t allocated; /* objects carved so far */
    uint64_t fails;     /* pool_get refused at the bound or out of memory */
    void *free_list;
    void **chunks;
    uint32_t nchunks, chunk_cap;
};

/* Prepares an empty pool; allocates nothing yet. */
void pool_init(struct pool *p, size_t obj_size, uint32_t max_objs);

/* A zeroed object, or NULL (counted in fails) at the bound or out of memory. */
void *pool_get(struct pool *p);

/* Returns an object taken from this pool. */
void pool_put(struct pool *p, void *obj);

/* Frees every chunk; objects still in use become invalid. */
void pool_destroy(struct pool *p);

/* Bytes the pool holds (chunks carved so far). */
uint64_t pool_memory(const struct pool *p);

#endif
