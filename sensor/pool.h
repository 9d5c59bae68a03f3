/*
 * pool.h - fixed-size object pools: per-flow objects (dissector states, TCP
 * streams) come from here, not from malloc, on the packet path.
 *
 * A pool grows in chunks of POOL_CHUNK objects up to its maximum and never
 * shrinks: after warm-up, getting and putting an object is a free-list pop
 * and push, with no system call and no allocator lock. Objects are zeroed on
 * pool_get (dissector states are promised zero-filled). Not thread-safe: one
 * pool per worker.
 *
 * Also here: size-class pools of byte blocks (struct pool_sized, below), for
 * buffers whose size varies per use.
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

/*
 * Size-class pools of byte blocks: buffers whose size varies per use (TCP
 * reassembly tails and out-of-order copies) without malloc on the packet path.
 *
 * A request of n bytes is served from the smallest class holding n (powers of
 * two, POOL_SIZED_MIN up to POOL_SIZED_MAX). Each class recycles its blocks
 * through the free lists of its chunks; malloc is called only when a class
 * has no free block left, for a chunk of about POOL_SIZED_CHUNK bytes (one
 * block for classes bigger than that). The pool never holds more than the
 * `limit` its caller passes: when a class must grow and the limit is in the
 * way, chunks of other classes with every block free are given back first
 * (free()), so memory stranded in one class can serve another. Apart from
 * that, nothing is freed before pool_sized_destroy().
 *
 * All-zero is a valid empty pool. Not thread-safe: one pool per worker.
 */
#define POOL_SIZED_MIN     64u
#define POOL_SIZED_CLASSES 20u /* 64 B .. 32 MiB */
#define POOL_SIZED_MAX     (POOL_SIZED_MIN << (POOL_SIZED_CLASSES - 1))
#define POOL_SIZED_CHUNK   (64u * 1024)

struct pool_chunk; /* private */

struct pool_sized {
    struct pool_chunk *avail[POOL_SIZED_CLASSES]; /* chunks with a free block, per class */
    struct pool_chunk *chunks;                    /* every chunk */
    uint64_t bytes;   /* obtained from malloc and held now (chunk headers included) */
    uint64_t in_use;  /* blocks handed out now */
    uint64_t mallocs; /* chunks ever obtained: constant once warm */
    uint64_t frees;   /* chunks given back to make room for another class */
    uint64_t fails;   /* requests refused: too big, at the limit, or out of memory */
};

/*
 * A block of at least n bytes (1 <= n <= POOL_SIZED_MAX), 16-byte aligned,
 * not zeroed; or NULL (counted in fails) when n is out of range, the pool
 * cannot grow without passing `limit` bytes, or malloc fails.
 */
void *pool_sized_get(struct pool_sized *p, size_t n, uint64_t limit);

/* Returns a block from pool_sized_get() of this pool. NULL is ignored. */
void pool_sized_put(struct pool_sized *p, void *blk);

/* The usable size of a block (its class), 0 for NULL. */
size_t pool_sized_size(const void *blk);

/* Frees every chunk; blocks still in use become invalid. The pool is empty again. */
void pool_sized_destroy(struct pool_sized *p);

#endif
