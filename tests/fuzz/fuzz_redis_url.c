/*
 * fuzz_redis_url.c - the Redis URL parser on arbitrary text. An accepted URL
 * must hold only what the grammar allows (a port in range, an absolute socket
 * path, a host), and one without secrets must survive display and re-parse
 * unchanged: what an operator sees in a message is what the sensor uses.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redis_url.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct redis_url u, v;
    char text[2048], shown[1024], err[256];

    if (size >= sizeof(text))
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (redis_url_parse(&u, text, err, sizeof(err)) != 0) {
        if (!err[0] || !memchr(err, '\0', sizeof(err)))
            abort(); /* every refusal has a reason */
        return 0;
    }
    if (u.unix_socket ? u.path[0] != '/' : (!u.host[0] || u.port == 0 || u.port > 65535))
        abort();
    if (u.db > REDIS_URL_MAX_DB)
        abort();
    redis_url_display(&u, shown, sizeof(shown));
    if (!u.password[0] && !u.user[0] && strlen(shown) < sizeof(shown) - 1) {
        if (redis_url_parse(&v, shown, err, sizeof(err)) != 0)
            abort();
        if (v.unix_socket != u.unix_socket || v.port != u.port || v.db != u.db ||
            strcmp(v.host, u.host) != 0 || strcmp(v.path, u.path) != 0)
            abort();
    }
    return 0;
}
