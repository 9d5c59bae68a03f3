/*
 * redis_url.h - the address of a Redis server, parsed from the one string
 * an operator writes: redis://[[user]:password@]host[:port][/db] or
 * unix:///path/to/socket[?db=N][&password=P].
 *
 * Strict on purpose: anything the grammar does not name (an unknown scheme or
 * query key, a port of 0 or past 65535, a database past REDIS_URL_MAX_DB,
 * text after the database, a relative socket path) is an error with a reason, because a typo here
 * would send a SOC's events to the wrong place or nowhere. user and password may be percent-encoded
 * (%40 for
 * '@'). It does not resolve names or connect; redis_out.c does that.
 *
 * Pure and thread-safe: no allocation, no global state.
 */
#ifndef FIREDAMP_REDIS_URL_H
#define FIREDAMP_REDIS_URL_H

#include <stddef.h>

#define REDIS_URL_HOST_MAX     256
#define REDIS_URL_PATH_MAX     108 /* sun_path */
#define REDIS_URL_SECRET_MAX   256
#define REDIS_URL_MAX_DB       65535
#define REDIS_URL_DEFAULT_PORT 6379

struct redis_url {
    int unix_socket;               /* 1: path is set, host/port are not */
    char host[REDIS_URL_HOST_MAX]; /* name or address, IPv6 without brackets */
    unsigned port;
    char path[REDIS_URL_PATH_MAX];       /* unix socket path */
    unsigned db;                         /* SELECT db, 0 = none needed */
    char user[REDIS_URL_SECRET_MAX];     /* "" = AUTH password only (Redis < 6 style) */
    char password[REDIS_URL_SECRET_MAX]; /* "" = no AUTH */
};

/*
 * Parses s into *u. Returns 0, or -1 with a one-line reason in err (which
 * never contains the password).
 */
int redis_url_parse(struct redis_url *u, const char *s, char *err, size_t errlen);

/*
 * Writes the URL back without its secrets (for messages and the heartbeat):
 * "redis://127.0.0.1:6379/0", "redis://:***@host:6379/2", "unix:///run/redis.sock?db=1".
 */
void redis_url_display(const struct redis_url *u, char *out, size_t outlen);

#endif
