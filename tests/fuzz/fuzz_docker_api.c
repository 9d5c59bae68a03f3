/*
 * fuzz_docker_api.c - the Docker Engine API dissector on arbitrary bytes,
 * split in arbitrary chunks and directions (see fuzz_tcp_dissector.h).
 */
#include "fuzz_tcp_dissector.h"

extern const struct dissector docker_api_dissector;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_tcp_dissector(&docker_api_dissector, 2375, data, size);
}
