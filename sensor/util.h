/*
 * util.h - small helpers shared by the engine: big-endian readers that never
 * read past a bound, branch hints, array size, and wrap-safe TCP sequence
 * comparison. Header only; no state.
 */
#ifndef FIREDAMP_UTIL_H
#define FIREDAMP_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define likely(x)        __builtin_expect(!!(x), 1)
#define unlikely(x)      __builtin_expect(!!(x), 0)
#define ARRAY_SIZE(a)    (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b)        ((a) < (b) ? (a) : (b))
#define MAX(a, b)        ((a) > (b) ? (a) : (b))

/* TCP sequence arithmetic modulo 2^32 (RFC 793 / RFC 1982 style). */
#define SEQ_LT(a, b)     ((int32_t)((uint32_t)(a) - (uint32_t)(b)) < 0)
#define SEQ_LEQ(a, b)    ((int32_t)((uint32_t)(a) - (uint32_t)(b)) <= 0)
#define SEQ_GT(a, b)     ((int32_t)((uint32_t)(a) - (uint32_t)(b)) > 0)
#define SEQ_GEQ(a, b)    ((int32_t)((uint32_t)(a) - (uint32_t)(b)) >= 0)
#define SEQ_DIFF(a, b)   ((int32_t)((uint32_t)(a) - (uint32_t)(b)))

/* 1 in a build with AddressSanitizer (gcc defines the macro, clang has the feature), else 0. */
#if defined(__SANITIZE_ADDRESS__)
#define FIREDAMP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FIREDAMP_ASAN 1
#endif
#endif
#ifndef FIREDAMP_ASAN
#define FIREDAMP_ASAN 0
#endif

/*
 * a and b are the same string. The same literal (a fact's name, as the
 * dissector and the engine spell it) is often one address after linking,
 * and names that differ mostly differ in their first byte: both are tested
 * inline, before a call to strcmp (facts are matched by name a few dozen
 * times an event).
 */
static inline int str_eq(const char *a, const char *b)
{
    return a == b || (a[0] == b[0] && strcmp(a, b) == 0);
}

static inline uint16_t rd16be(const uint8_t *p)
{
    return (uint16_t)((uint16_t)p[0] << 8 | p[1]);
}

static inline uint32_t rd24be(const uint8_t *p)
{
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

static inline uint32_t rd32be(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline uint16_t rd16le(const uint8_t *p)
{
    return (uint16_t)((uint16_t)p[1] << 8 | p[0]);
}

static inline uint32_t rd32le(const uint8_t *p)
{
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

#endif
