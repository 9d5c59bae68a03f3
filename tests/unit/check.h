/*
 * check.h - the unit-test harness: CHECK macros that print both sides on
 * failure and keep going, and a closing line that ctest and CI read.
 * Each test file defines main() calling its cases, then returns check_done().
 */
#ifndef FIREDAMP_CHECK_H
#define FIREDAMP_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int check_failed_count, check_passed_count;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond) {                                                                                \
            check_passed_count++;                                                                  \
        } else {                                                                                   \
            check_failed_count++;                                                                  \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

#define CHECK_EQ(a, b)                                                                             \
    do {                                                                                           \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                            \
        if (check_a_ == check_b_) {                                                                \
            check_passed_count++;                                                                  \
        } else {                                                                                   \
            check_failed_count++;                                                                  \
            fprintf(stderr, "%s:%d: CHECK_EQ(%s, %s) failed: %lld != %lld\n", __FILE__, __LINE__,  \
                    #a, #b, check_a_, check_b_);                                                   \
        }                                                                                          \
    } while (0)

#define CHECK_STR(a, b)                                                                            \
    do {                                                                                           \
        const char *check_a_ = (a), *check_b_ = (b);                                               \
        if (check_a_ && check_b_ && strcmp(check_a_, check_b_) == 0) {                             \
            check_passed_count++;                                                                  \
        } else {                                                                                   \
            check_failed_count++;                                                                  \
            fprintf(stderr, "%s:%d: CHECK_STR(%s, %s) failed: \"%s\" != \"%s\"\n", __FILE__,       \
                    __LINE__, #a, #b, check_a_ ? check_a_ : "(null)",                              \
                    check_b_ ? check_b_ : "(null)");                                               \
        }                                                                                          \
    } while (0)

#define CHECK_MEM(a, b, n)                                                                         \
    do {                                                                                           \
        if (memcmp((a), (b), (n)) == 0) {                                                          \
            check_passed_count++;                                                                  \
        } else {                                                                                   \
            check_failed_count++;                                                                  \
            fprintf(stderr, "%s:%d: CHECK_MEM(%s, %s, %s) failed\n", __FILE__, __LINE__, #a, #b,   \
                    #n);                                                                           \
        }                                                                                          \
    } while (0)

static inline int check_done(void)
{
    printf("%d passed, %d failed\n", check_passed_count, check_failed_count);
    return check_failed_count ? 1 : 0;
}

#endif
