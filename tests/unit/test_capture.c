/*
 * test_capture.c - file capture (sensor/capture.c): firedamp's own buffered reader
 * of classic pcap files against libpcap's own reader, record for record, on
 * files written here in all four classic flavours (little/big endian,
 * micro/nanosecond), on a real capture from pcaps/, and on broken files
 * (truncated record header, truncated record, absurd caplen, header only).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "check.h"

struct seen {
    unsigned n;
    uint64_t ts_sum, caplen_sum, len_sum, byte_sum;
};

static void cb(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes)
{
    struct seen *s = (struct seen *)user;

    s->n++;
    s->ts_sum += (uint64_t)h->ts.tv_sec * 1000000u + (uint64_t)h->ts.tv_usec;
    s->caplen_sum += h->caplen;
    s->len_sum += h->len;
    for (uint32_t i = 0; i < h->caplen; i++)
        s->byte_sum = s->byte_sum * 31 + bytes[i];
}

/* Reads a whole file; returns 0 at a clean end, -1 on error (errstr set). */
static int read_all(const char *path, int direct_on, struct seen *s, char *err, size_t errlen,
                    int *mapped)
{
    struct config cfg;
    struct capture c;
    int rc;

    config_defaults(&cfg);
    cfg.file_direct = (uint32_t)direct_on;
    memset(s, 0, sizeof(*s));
    if (capture_open_file(&c, path, &cfg) != 0) {
        snprintf(err, errlen, "%s", c.errstr);
        return -2;
    }
    *mapped = c.buf != NULL;
    while ((rc = capture_dispatch(&c, 3, cb, (u_char *)s)) > 0)
        ;
    if (rc == -1)
        snprintf(err, errlen, "%s", c.errstr);
    capture_close(&c);
    return rc == -2 ? 0 : -1;
}

static void put32(FILE *f, uint32_t v, int swap)
{
    if (swap)
        v = __builtin_bswap32(v);
    fwrite(&v, 4, 1, f);
}

/* Writes a classic pcap of n Ethernet/IPv4 frames; `cut` bytes are removed from the end. */
static void write_pcap(const char *path, uint32_t magic, int swap, int n, size_t cut)
{
    FILE *f = fopen(path, "wb");
    long end;

    put32(f, magic, swap);
    {
        uint16_t maj = 2, min = 4;
        if (swap) {
            maj = __builtin_bswap16(maj);
            min = __builtin_bswap16(min);
        }
        fwrite(&maj, 2, 1, f);
        fwrite(&min, 2, 1, f);
    }
    put32(f, 0, swap);
    put32(f, 0, swap);
    put32(f, 65535, swap);
    put32(f, 1, swap); /* Ethernet */
    for (int i = 0; i < n; i++) {
        uint8_t frame[64];
        uint32_t caplen = 42 + (uint32_t)i % 20;

        memset(frame, 0, sizeof(frame));
        frame[12] = 0x08; /* IPv4 */
        frame[14] = 0x45;
        frame[23] = 17;
        for (uint32_t k = 26; k < caplen; k++)
            frame[k] = (uint8_t)(i * 7 + k);
        put32(f, 1571645702u + (uint32_t)i, swap);
        put32(f, magic == 0xa1b23c4d ? (uint32_t)i * 1000123u % 1000000000u : (uint32_t)i * 1013u,
              swap);
        put32(f, caplen, swap);
        put32(f, caplen + 100, swap);
        fwrite(frame, 1, caplen, f);
    }
    end = ftell(f);
    fclose(f);
    if (cut && truncate(path, end - (long)cut) != 0)
        abort();
}

static void same_as_libpcap(const char *path, int expect_err)
{
    struct seen a, b;
    char ea[512] = "", eb[512] = "";
    int ma = 0, mb = 0;
    int ra = read_all(path, 1, &a, ea, sizeof(ea), &ma);
    int rb = read_all(path, 0, &b, eb, sizeof(eb), &mb);

    CHECK(ma == 1);
    CHECK(mb == 0);
    CHECK_EQ(ra, rb);
    CHECK_EQ(ra, expect_err ? -1 : 0);
    CHECK_EQ(a.n, b.n);
    CHECK_EQ(a.ts_sum, b.ts_sum);
    CHECK_EQ(a.caplen_sum, b.caplen_sum);
    CHECK_EQ(a.len_sum, b.len_sum);
    CHECK_EQ(a.byte_sum, b.byte_sum);
    if (expect_err) {
        CHECK(strstr(ea, path) != NULL);
        CHECK(strstr(ea, "truncated") != NULL || strstr(ea, "invalid") != NULL);
    }
}

int main(void)
{
    char path[] = "/tmp/test_capture_XXXXXX";
    int fd = mkstemp(path);
    static const uint32_t magics[] = {0xa1b2c3d4, 0xa1b23c4d};

    CHECK(fd >= 0);
    close(fd);
    for (int m = 0; m < 2; m++)
        for (int swap = 0; swap < 2; swap++) {
            write_pcap(path, magics[m], swap, 50, 0);
            same_as_libpcap(path, 0);
            write_pcap(path, magics[m], swap, 50, 5); /* inside the last record */
            same_as_libpcap(path, 1);
            write_pcap(path, magics[m], swap, 50, 42 + 49 % 20 + 6); /* inside its header */
            same_as_libpcap(path, 1);
            write_pcap(path, magics[m], swap, 0, 0); /* header only */
            same_as_libpcap(path, 0);
        }
    /* an absurd caplen: an error naming the file, nothing read past it */
    {
        FILE *f;
        struct seen s;
        char err[512] = "";
        int mapped = 0;

        write_pcap(path, 0xa1b2c3d4, 0, 3, 0);
        f = fopen(path, "ab");
        put32(f, 1, 0);
        put32(f, 0, 0);
        put32(f, 0x7fffffff, 0);
        put32(f, 0x7fffffff, 0);
        fclose(f);
        CHECK_EQ(read_all(path, 1, &s, err, sizeof(err), &mapped), -1);
        CHECK_EQ(s.n, 3);
        CHECK(strstr(err, path) != NULL);
    }
    unlink(path);
    /* a real capture of the project */
    same_as_libpcap("pcaps/http-keepalive.pcap", 0);
    return check_done();
}
