/*
 * fuzz_capture.c - libFuzzer target for the capture-file readers
 * (sensor/capture.c): the input is written to a temporary file and read to
 * the end twice, by firedamp's own reader of classic pcap files and by
 * libpcap's. Checks that neither crashes nor hands out a record past 256 KiB
 * (every byte handed out is read, so ASan sees any overrun), and that both
 * agree on how many records there were and on whether the file ended
 * cleanly. The seeds are small classic pcaps
 * (both byte orders, micro and nanoseconds) and one pcapng.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void count(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes)
{
    unsigned *n = (unsigned *)user;
    volatile uint8_t sink = 0;

    if (h->caplen > (256u << 10)) /* libpcap keeps a wire length below caplen; we raise it */
        abort();
    for (uint32_t i = 0; i < h->caplen; i++) /* every byte handed out is readable */
        sink ^= bytes[i];
    (void)sink;
    (*n)++;
}

/* Records read and the end: 0 clean, 1 error, 2 could not open. */
static int read_all(const char *path, int direct, unsigned *n)
{
    struct config cfg;
    struct capture c;
    int rc;

    config_defaults(&cfg);
    cfg.file_direct = (uint32_t)direct;
    *n = 0;
    if (capture_open_file(&c, path, &cfg) != 0)
        return 2;
    while ((rc = capture_dispatch(&c, 64, count, (u_char *)n)) > 0)
        ;
    capture_close(&c);
    return rc == -2 ? 0 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/fuzz_capture_XXXXXX";
    int fd = mkstemp(path);
    unsigned a = 0, b = 0;
    int ra, rb;

    if (fd < 0)
        return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        unlink(path);
        return 0;
    }
    close(fd);
    ra = read_all(path, 1, &a);
    rb = read_all(path, 0, &b);
    unlink(path);
    /* libpcap and firedamp's reader agree on the records of any classic file */
    if (ra != rb || a != b) {
        FILE *o = fopen("/tmp/fuzz_capture_bad", "wb");
        if (o) {
            fwrite(data, 1, size, o);
            fclose(o);
        }
        fprintf(stderr, "direct %d/%u libpcap %d/%u\n", ra, a, rb, b);
        abort();
    }
    return 0;
}
