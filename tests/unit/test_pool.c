/*
 * test_pool.c - object pools: zeroed objects, reuse, the bound, chunk growth.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "pool.h"

int main(void)
{
    struct pool p;
    void *objs[1000];
    int zero = 1;

    pool_init(&p, 40, 1000);
    CHECK_EQ(p.obj_size, 48);
    CHECK_EQ(pool_memory(&p), 0);
    for (int i = 0; i < 1000; i++) {
        objs[i] = pool_get(&p);
        CHECK(objs[i] != NULL);
        for (int k = 0; k < 40; k++)
            zero &= ((uint8_t *)objs[i])[k] == 0;
        memset(objs[i], 0xab, 40);
    }
    CHECK(zero);
    CHECK_EQ(p.in_use, 1000);
    CHECK(pool_get(&p) == NULL); /* the bound */
    CHECK_EQ(p.fails, 1);
    CHECK_EQ(pool_memory(&p), 1000 * 48);
    /* distinct, non-overlapping objects */
    for (int i = 1; i < 1000; i++)
        CHECK(objs[i] != objs[i - 1]);
    for (int i = 0; i < 1000; i += 2)
        pool_put(&p, objs[i]);
    CHECK_EQ(p.in_use, 500);
    /* reuse: no growth, and zeroed again */
    zero = 1;
    for (int i = 0; i < 500; i++) {
        uint8_t *o = pool_get(&p);
        CHECK(o != NULL);
        for (int k = 0; k < 40; k++)
            zero &= o[k] == 0;
    }
    CHECK(zero);
    CHECK_EQ(pool_memory(&p), 1000 * 48);
    pool_destroy(&p);

    /* a bound that is not a multiple of the chunk */
    pool_init(&p, 8, 300);
    for (int i = 0; i < 300; i++)
        CHECK(pool_get(&p) != NULL);
    CHECK(pool_get(&p) == NULL);
    CHECK_EQ(pool_memory(&p), 300 * 16);
    pool_destroy(&p);
    return check_done();
}
