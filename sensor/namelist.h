/*
 * namelist.h - lists of names that are not domains: container images,
 * later URLs and hashes. One entry per line in a signatures/NAME.names file
 * ('#' comments and blank lines ignored, surrounding blanks trimmed); an
 * entry matches a name exactly (case-insensitive), or as a prefix when it
 * ends in '*' ("gakeaws/" followed by a star matches every image of that
 * Docker Hub user).
 *
 * Immutable once loaded; lookups allocate nothing and may run in any number
 * of threads at once. Lists are small (hundreds of IOCs): a sorted array,
 * binary search for exact entries, a scan of the few prefix entries.
 */
#ifndef FIREDAMP_NAMELIST_H
#define FIREDAMP_NAMELIST_H

#include <stddef.h>

#define NAMELIST_MAX_ENTRIES 100000
#define NAMELIST_MAX_NAME    512

struct namelist;

/*
 * Loads a .names file. A missing file gives an empty list (the list is
 * optional); unreadable or malformed content (a line over NAMELIST_MAX_NAME,
 * control bytes, too many entries) fails with "FILE:LINE: why" in err.
 */
struct namelist *namelist_load(const char *path, char *err, size_t errlen);

/* The same from memory (tests, fuzzing); `name` is used in messages. */
struct namelist *namelist_load_mem(const char *name, const char *text, size_t len, char *err,
                                   size_t errlen);

void namelist_free(struct namelist *nl);

/* 1 if s[0..len) matches an entry, 0 if not (or nl is NULL). */
int namelist_match(const struct namelist *nl, const char *s, size_t len);

/* Entries loaded. */
unsigned namelist_count(const struct namelist *nl);

#endif
