/*
 * fuzz_tls.c - the TLS dissector on arbitrary bytes, split in arbitrary
 * chunks and directions (see fuzz_tcp_dissector.h).
 */
#include "fuzz_tcp_dissector.h"

extern const struct dissector tls_dissector;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_tcp_dissector(&tls_dissector, 443, data, size);
}
