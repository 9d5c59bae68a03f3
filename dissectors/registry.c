/*
 * registry.c - the table of dissectors, in probing order. Adding a dissector
 * is one extern line and one table entry.
 */
#include <string.h>

#include "dissector.h"

/* ADD YOUR DISSECTOR HERE (declaration) */
extern const struct dissector stratum_dissector;
extern const struct dissector docker_api_dissector;
extern const struct dissector http_download_dissector;
extern const struct dissector tls_dissector;
extern const struct dissector dns_dissector;
extern const struct dissector dns_tcp_dissector;

const struct dissector *const dissector_table[] = {
    /* ADD YOUR DISSECTOR HERE (table entry) */
    &stratum_dissector,
    &docker_api_dissector,
    &http_download_dissector,
    &tls_dissector,
    &dns_dissector,
    &dns_tcp_dissector,
    NULL,
};

const unsigned dissector_count = sizeof(dissector_table) / sizeof(dissector_table[0]) - 1;

int dissector_find(const char *name)
{
    for (unsigned i = 0; i < dissector_count; i++)
        if (strcmp(dissector_table[i]->name, name) == 0)
            return (int)i;
    return -1;
}
