/*
 * fuzz_stratum.c - the stratum dissector on arbitrary bytes, split in
 * arbitrary chunks and directions (see fuzz_tcp_dissector.h).
 */
#include "fuzz_tcp_dissector.h"

extern const struct dissector stratum_dissector;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_tcp_dissector(&stratum_dissector, 3333, data, size);
}
