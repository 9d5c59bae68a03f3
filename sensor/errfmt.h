/*
 * errfmt.h - the one format of a loader's error: "FILE:LINE: message", or
 * "FILE: message" when no line is at fault (line 0), into a caller's buffer.
 * Used by the list loaders (script indicators, IOC lists, name lists); does nothing
 * when err is NULL or errlen 0. Not for the signature rules, whose messages
 * also name their directory and extension (sig.c).
 */
#ifndef FIREDAMP_ERRFMT_H
#define FIREDAMP_ERRFMT_H

#include <stdarg.h>
#include <stddef.h>

__attribute__((format(printf, 5, 0))) void file_verr(char *err, size_t errlen, const char *name,
                                                     unsigned line, const char *fmt, va_list ap);

__attribute__((format(printf, 5, 6))) void file_err(char *err, size_t errlen, const char *name,
                                                    unsigned line, const char *fmt, ...);

#endif
