/*
 * errfmt.c - "FILE:LINE: message" for the list loaders (errfmt.h).
 */
#include <stdio.h>

#include "errfmt.h"

__attribute__((format(printf, 5, 0))) void file_verr(char *err, size_t errlen, const char *name,
                                                     unsigned line, const char *fmt, va_list ap)
{
    char msg[320];

    if (!err || !errlen)
        return;
    vsnprintf(msg, sizeof(msg), fmt, ap);
    if (line)
        snprintf(err, errlen, "%s:%u: %s", name, line, msg);
    else
        snprintf(err, errlen, "%s: %s", name, msg);
}

void file_err(char *err, size_t errlen, const char *name, unsigned line, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    file_verr(err, errlen, name, line, fmt, ap);
    va_end(ap);
}
