/*
 * mapalign.h - a mapping at an address aligned to a power of two.
 *
 * The kernel maps a 2 MiB transparent huge page, or a 2 MiB folio of a
 * file's page cache, with one page-table entry only where the address (and,
 * for a file, the offset) is 2 MiB-aligned; mmap itself promises page
 * alignment only. Used by the flow table (anonymous memory) and the file
 * reader (windows of a capture).
 */
#ifndef FIREDAMP_MAPALIGN_H
#define FIREDAMP_MAPALIGN_H

#include <stddef.h>
#include <sys/types.h>

/*
 * mmap(NULL, len, prot, flags, fd, off) at an address that is a multiple of
 * `align` (a power of two, at least a page): the mapping is made over a
 * range reserved `align` larger (PROT_NONE, no memory), whose slack on both
 * sides is given back. Where the reservation fails, a plain mmap. Returns
 * what mmap returns; the mapping is undone with munmap(p, len).
 */
void *map_aligned(size_t len, size_t align, int prot, int flags, int fd, off_t off);

#endif
