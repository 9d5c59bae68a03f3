/*
 * fuzz_http_download.c - the HTTP download dissector on arbitrary bytes,
 * split in arbitrary chunks and directions (see fuzz_tcp_dissector.h), with
 * lent memory checked: every block back, with its size, by end().
 */
#include "fuzz_tcp_dissector.h"
#include "http_download.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_tcp_dissector(&http_download_dissector, 80, data, size);
}
