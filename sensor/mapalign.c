/*
 * mapalign.c - a mapping at an address aligned to a power of two (mapalign.h).
 */
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mapalign.h"

void *map_aligned(size_t len, size_t align, int prot, int flags, int fd, off_t off)
{
    long pg = sysconf(_SC_PAGESIZE);
    size_t pages, span;
    uint8_t *r, *a;
    void *m;

    if (pg <= 0 || len == 0 || align < (size_t)pg || (align & (align - 1)))
        return mmap(NULL, len, prot, flags, fd, off);
    /* both ends of the slack on pages: a file's last window is not a whole number of them */
    pages = (len + (size_t)pg - 1) & ~((size_t)pg - 1);
    span = pages + align;
    if (pages < len || span < pages)
        return mmap(NULL, len, prot, flags, fd, off);
    r = mmap(NULL, span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (r == MAP_FAILED)
        return mmap(NULL, len, prot, flags, fd, off);
    a = (uint8_t *)(((uintptr_t)r + align - 1) & ~(uintptr_t)(align - 1));
    m = mmap(a, len, prot, flags | MAP_FIXED, fd, off);
    if (m == MAP_FAILED) {
        munmap(r, span);
        return m;
    }
    if (a > r)
        munmap(r, (size_t)(a - r));
    if (a + pages < r + span)
        munmap(a + pages, (size_t)(r + span - (a + pages)));
    return m;
}
