/*
 * test_capture.c - file capture (sensor/capture.c): firedamp's own readers of
 * classic pcap files (mapped windows, and read() into a buffer) against
 * libpcap's own reader, record for record, on files written here in all four
 * classic flavours (little/big endian, micro/nanosecond), on a real capture
 * from pcaps/, and on broken files (truncated record header, truncated
 * record, absurd caplen, header only). Then a mapped file shortened while it
 * is read (the SIGBUS guard: an error naming the offset, no crash), records
 * across window boundaries, a SIGBUS that is not the reader's (still
 * fatal, in a child process), and a file that cannot be mapped (read on).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "capture.h"
#include "check.h"
#include "util.h"

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

enum reader {
    BY_LIBPCAP,
    BY_READ,
    BY_MAP
};

/* Reads a whole file; returns 0 at a clean end, -1 on error (errstr set); *used: the reader. */
static int read_all(const char *path, enum reader how, struct seen *s, char *err, size_t errlen,
                    enum reader *used)
{
    struct config cfg;
    struct capture c;
    int rc;

    config_defaults(&cfg);
    cfg.file_direct = how != BY_LIBPCAP;
    cfg.file_mmap = how == BY_MAP;
    memset(s, 0, sizeof(*s));
    memset(&c, 0, sizeof(c));
    if (capture_open_file(&c, path, &cfg) != 0) {
        snprintf(err, errlen, "%s", c.errstr);
        return -2;
    }
    *used = c.mapped ? BY_MAP : c.buf ? BY_READ : BY_LIBPCAP;
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
    enum reader ua = BY_LIBPCAP, ub = BY_LIBPCAP;
    int rb = read_all(path, BY_LIBPCAP, &b, eb, sizeof(eb), &ub);

    CHECK(ub == BY_LIBPCAP);
    CHECK_EQ(rb, expect_err ? -1 : 0);
    for (enum reader how = BY_READ; how <= BY_MAP; how++) {
        int ra = read_all(path, how, &a, ea, sizeof(ea), &ua);

        CHECK(ua == how);
        CHECK_EQ(ra, rb);
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
}

/* The file is shortened to `cut_to` bytes when the callback sees record `at`. */
struct shrink {
    struct seen s;
    const char *path;
    unsigned at;
    off_t cut_to;
};

static void shrink_cb(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes)
{
    struct shrink *k = (struct shrink *)user;

    cb((u_char *)&k->s, h, bytes); /* reads every byte handed out */
    if (k->s.n == k->at && truncate(k->path, k->cut_to) != 0)
        abort();
}

/* A mapped file cut short under the reader: an error that says so, never a crash. */
static void shrink_while_mapped(const char *path)
{
    struct config cfg;
    struct capture c;
    struct shrink k = {.path = path, .at = 10, .cut_to = 8192};
    int rc;

    write_pcap(path, 0xa1b2c3d4, 0, 20000, 0); /* ~1.2 MB: many pages past the cut */
    config_defaults(&cfg);
    memset(&c, 0, sizeof(c));
    CHECK_EQ(capture_open_file(&c, path, &cfg), 0);
    CHECK(c.mapped);
    while ((rc = capture_dispatch(&c, 64, shrink_cb, (u_char *)&k)) > 0)
        ;
    CHECK_EQ(rc, -1);
    CHECK(strstr(c.errstr, "shrank while being read") != NULL);
    CHECK(strstr(c.errstr, path) != NULL);
    /* the records before the cut were read; none far past it */
    CHECK(k.s.n > 10 && k.s.n < 200);
    capture_close(&c);
}

/* Records of every size across 16 MiB window edges: the same as libpcap's. */
static void across_windows(const char *path)
{
    FILE *f = fopen(path, "wb");
    static uint8_t frame[70000];

    CHECK(f != NULL);
    put32(f, 0xa1b2c3d4, 0);
    put32(f, 2 | 4u << 16, 0);
    put32(f, 0, 0);
    put32(f, 0, 0);
    put32(f, 262144, 0);
    put32(f, 1, 0);
    for (unsigned i = 0; i < sizeof(frame); i++)
        frame[i] = (uint8_t)(i * 13 + 7);
    for (unsigned i = 0; i < 1100; i++) { /* ~38 MB: two window edges */
        uint32_t caplen = 14 + (i * 7919u) % (sizeof(frame) - 14);
        put32(f, 1600000000u + i, 0);
        put32(f, i, 0);
        put32(f, caplen, 0);
        put32(f, caplen, 0);
        fwrite(frame, 1, caplen, f);
    }
    fclose(f);
    same_as_libpcap(path, 0);
}

/*
 * A file that cannot be mapped is read with read(): in a child whose address
 * space is limited to 4 MiB more than it uses, the 12 MiB window cannot be
 * mapped but the 1 MiB buffer can; the records are libpcap's.
 */
static void unmappable_is_read(const char *path)
{
    struct seen want, got;
    char err[512] = "";
    enum reader used;
    pid_t pid;
    int status = 0;

    write_pcap(path, 0xa1b2c3d4, 0, 200000, 0); /* ~12 MB */
    CHECK_EQ(read_all(path, BY_LIBPCAP, &want, err, sizeof(err), &used), 0);
    if (FIREDAMP_ASAN)
        return; /* ASan's shadow memory does not live with an address-space limit */
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        struct rlimit rl;
        unsigned long pages = 0;
        FILE *f = fopen("/proc/self/statm", "r");

        if (!f || fscanf(f, "%lu", &pages) != 1)
            _exit(3);
        fclose(f);
        rl.rlim_cur = rl.rlim_max = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + (4u << 20);
        if (setrlimit(RLIMIT_AS, &rl) != 0)
            _exit(4);
        if (read_all(path, BY_MAP, &got, err, sizeof(err), &used) != 0)
            _exit(5);
        _exit(got.n == want.n && got.byte_sum == want.byte_sum && got.ts_sum == want.ts_sum ? 0
                                                                                            : 6);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* A SIGBUS on a mapping that is not a capture window still ends the process. */
static void foreign_sigbus_is_fatal(const char *path)
{
    pid_t pid;
    int status = 0;

    write_pcap(path, 0xa1b2c3d4, 0, 2000, 0);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        struct config cfg;
        struct capture c;
        struct seen s = {0};
        FILE *f = fopen(path, "rb");
        volatile const uint8_t *m;

        config_defaults(&cfg);
        memset(&c, 0, sizeof(c));
        /* the guard is installed, and a window is open */
        if (!f || capture_open_file(&c, path, &cfg) != 0 || !c.mapped ||
            capture_dispatch(&c, 5, cb, (u_char *)&s) != 5)
            _exit(3);
        m = mmap(NULL, 65536, PROT_READ, MAP_SHARED, fileno(f), 0);
        if (m == MAP_FAILED || truncate(path, 0) != 0)
            _exit(4);
        (void)m[40000]; /* past the end: SIGBUS, not the reader's */
        _exit(5);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
#if FIREDAMP_ASAN
    /* the handler chained to is ASan's: it reports the fault, then exits (1) or,
       with abort_on_error, aborts; never the child's own ends (0, 3, 4, 5) */
    CHECK((WIFSIGNALED(status) && (WTERMSIG(status) == SIGBUS || WTERMSIG(status) == SIGABRT)) ||
          (WIFEXITED(status) && WEXITSTATUS(status) != 0 && WEXITSTATUS(status) < 3));
#else
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS);
#endif
}

/* The process's address space (VmSize of /proc/self/status), in KiB; -1 if unknown. */
static long vm_size_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;

    if (!f)
        return -1;
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "VmSize: %ld kB", &kb) == 1)
            break;
    fclose(f);
    return kb;
}

/*
 * A window is mapped at a 2 MiB-aligned address out of a larger reserved
 * range, whose slack goes back on both sides: reading a file whose size is
 * not a whole number of pages (its last window is not either) a thousand
 * times must leave no address space behind.
 */
static void no_mapping_left(const char *path)
{
    struct seen s;
    char err[512] = "";
    enum reader used = BY_LIBPCAP;
    long before;

    write_pcap(path, 0xa1b2c3d4, 0, 37, 0);
    CHECK_EQ(read_all(path, BY_MAP, &s, err, sizeof(err), &used), 0);
    CHECK_EQ(used, BY_MAP);
    before = vm_size_kb();
    CHECK(before > 0);
    for (int i = 0; i < 1000; i++)
        if (read_all(path, BY_MAP, &s, err, sizeof(err), &used) != 0 || s.n != 37)
            break;
    CHECK_EQ(s.n, 37);
    /* a leak of the reserve's slack would be ~2 MiB a read: 2 GiB here */
    CHECK(vm_size_kb() - before < 4096);
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
        enum reader used;

        write_pcap(path, 0xa1b2c3d4, 0, 3, 0);
        f = fopen(path, "ab");
        put32(f, 1, 0);
        put32(f, 0, 0);
        put32(f, 0x7fffffff, 0);
        put32(f, 0x7fffffff, 0);
        fclose(f);
        for (enum reader how = BY_READ; how <= BY_MAP; how++) {
            CHECK_EQ(read_all(path, how, &s, err, sizeof(err), &used), -1);
            CHECK_EQ(s.n, 3);
            CHECK(strstr(err, path) != NULL);
        }
    }
    shrink_while_mapped(path);
    no_mapping_left(path);
    across_windows(path);
    foreign_sigbus_is_fatal(path);
    unmappable_is_read(path);
    unlink(path);
    /* a real capture of the project */
    same_as_libpcap("pcaps/http-keepalive.pcap", 0);
    return check_done();
}
