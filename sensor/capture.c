/*
 * capture.c - libpcap sources (see capture.h). libpcap reads pcap and pcapng
 * files and, on Linux, captures live through a TPACKET_V3 memory-mapped ring
 * (pcap_create + pcap_activate), handing us pointers into the ring.
 *
 * A live handle is swapped (reopen, close) under the capture's lock, which
 * only capture_break shares: the packet path never takes it. This file does
 * not decide when to retry a lost interface; main.c does.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/if_packet.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture.h"
#include "decode.h"
#include "fanout.h"
#include "log.h"
#include "mapalign.h"
#include "util.h"

/* Zeroes all but what capture_break shares (another thread may hold the lock). */
static void reset(struct capture *c)
{
    memset(c, 0, offsetof(struct capture, lock));
}

/* Publishes (or, pc NULL, withdraws) the live handle; a pending break reaches it. */
static void set_handle(struct capture *c, pcap_t *pc)
{
    pthread_mutex_lock(&c->lock);
    c->brk = pc;
    if (pc && c->broke)
        pcap_breakloop(pc);
    pthread_mutex_unlock(&c->lock);
}

static int check_link(struct capture *c)
{
    c->linktype = pcap_datalink(c->pc);
    if (!decode_link_supported(c->linktype)) {
        const char *n = pcap_datalink_val_to_name(c->linktype);
        snprintf(c->errstr, sizeof(c->errstr), "%s: unsupported link type %d (%s)", c->name,
                 c->linktype, n ? n : "unknown");
        return -1;
    }
    return 0;
}

#define PCAP_FILE_HDR   24
#define PCAP_REC_HDR    16
#define FILE_RECORD_MAX (256u << 10) /* libpcap refuses bigger records too */
#define FILE_BUF        (1u << 20)   /* one read() fills this much; holds any record */
#define MAP_WIN         (16u << 20)  /* one mapped window; holds any record and a page more */
#define MAP_ALIGN       (2u << 20)   /* window start: see map_aligned() */
_Static_assert(MAP_WIN >= MAP_ALIGN + PCAP_REC_HDR + FILE_RECORD_MAX + 65536,
               "a window holds any record from wherever it starts");
/*
 * Mapped reading touches each new line of the file first, and the hardware
 * prefetcher stops at every 4 KiB page: three lines 2 KiB ahead (about ten
 * records of a SPAN mix) are asked for before they are needed. bench/out/
 * span.pcap, alternating runs: one worker 3.42-3.57 s (once 4.72 s) against
 * 4.09-5.22 s without, two workers 2.83-3.04 s against 3.17-3.41 s.
 */
#define MAP_PREFETCH 2048

/*
 * The SIGBUS guard. Only the thread that dispatches a capture touches its
 * window (the callback runs inside capture_dispatch), and the kernel sends
 * SIGBUS to the thread that faulted: the handler finds the window through a
 * thread-local pointer set for the length of a dispatch. It maps a zero page
 * over the faulting one (mmap is a plain system call here, safe in a handler
 * though POSIX does not list it) and marks the capture; a fault anywhere else
 * goes to the handler there was before (by default: the process dies).
 */
static _Thread_local struct capture *tls_dispatching;
static struct sigaction sigbus_prev;
static pthread_once_t sigbus_once = PTHREAD_ONCE_INIT;
static int sigbus_installed;
static uintptr_t page_mask;

static void on_sigbus(int sig, siginfo_t *si, void *uctx)
{
    struct capture *c = tls_dispatching;
    uintptr_t a = (uintptr_t)si->si_addr;
    int saved = errno;

    (void)sig;
    (void)uctx;
    if (c && c->mapped && c->buf && a >= (uintptr_t)c->buf && a < (uintptr_t)c->buf + c->len &&
        mmap((void *)(a & ~page_mask), page_mask + 1, PROT_READ,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
        c->shrank = 1;
    } else {
        sigaction(SIGBUS, &sigbus_prev, NULL); /* the fault repeats, and goes there */
    }
    errno = saved;
}

static void sigbus_install(void)
{
    struct sigaction sa;
    long pg = sysconf(_SC_PAGESIZE);

    if (pg <= 0 || (pg & (pg - 1)))
        return;
    page_mask = (uintptr_t)pg - 1;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigbus_installed = sigaction(SIGBUS, &sa, &sigbus_prev) == 0;
}

static uint32_t rd32(const uint8_t *p, int swap)
{
    uint32_t v;

    memcpy(&v, p, 4);
    return swap ? __builtin_bswap32(v) : v;
}

/*
 * Takes over a classic pcap file that libpcap has already accepted, records
 * parsed in place: in a mapped window of the file (map), or in one buffer
 * filled by big read()s. Anything odd (pcapng, a pipe, a short header, no
 * memory) leaves the file to libpcap.
 */
static void direct_open(struct capture *c, const char *path, int map)
{
    struct stat st;
    uint8_t hdr[PCAP_FILE_HDR];
    uint32_t magic;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        read(fd, hdr, sizeof(hdr)) != (ssize_t)sizeof(hdr))
        goto out;
    memcpy(&magic, hdr, 4);
    switch (magic) {
    case 0xa1b2c3d4:
        c->swap = 0, c->nsec = 0;
        break;
    case 0xd4c3b2a1:
        c->swap = 1, c->nsec = 0;
        break;
    case 0xa1b23c4d:
        c->swap = 0, c->nsec = 1;
        break;
    case 0x4d3cb2a1:
        c->swap = 1, c->nsec = 1;
        break;
    default:
        goto out;
    }
    {
        /* only today's format, 2.4: older ones may have caplen and len swapped,
           which libpcap knows how to undo */
        uint16_t major, minor;

        memcpy(&major, hdr + 4, 2);
        memcpy(&minor, hdr + 6, 2);
        if (c->swap) {
            major = __builtin_bswap16(major);
            minor = __builtin_bswap16(minor);
        }
        if (major != 2 || minor != 4)
            goto out;
    }
    if (map) {
        pthread_once(&sigbus_once, sigbus_install);
        map = sigbus_installed;
    }
    if (!map) {
        c->buf = malloc(FILE_BUF);
        if (!c->buf)
            goto out;
    }
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    c->fd = fd;
    c->mapped = map;
    c->len = c->off = 0;
    c->win_pos = c->file_off = PCAP_FILE_HDR;
    pcap_close(c->pc);
    c->pc = NULL;
    return;
out:
    close(fd);
}

static int direct_refill(struct capture *c, size_t need);

/*
 * A file that cannot be mapped (a file system without mmap, no address
 * space left) is read on with read() from where the mapping stopped.
 */
static int map_to_read(struct capture *c, uint64_t pos, size_t need)
{
    c->buf = malloc(FILE_BUF);
    if (!c->buf || lseek(c->fd, (off_t)pos, SEEK_SET) < 0) {
        free(c->buf);
        c->buf = NULL;
        return -2;
    }
    c->mapped = 0;
    c->len = c->off = 0;
    return direct_refill(c, need);
}

/*
 * direct_fill() of a mapped file: maps the next window, from the 2 MiB
 * boundary at or before the first unread byte to at most MAP_WIN bytes on,
 * as far as the file goes now (a file still being written is read on as it
 * grows). The window before is unmapped: the process holds at most one
 * window of each file it reads.
 *
 * The window's address is as aligned as its offset (2 MiB, map_aligned()):
 * the page cache holds a file in folios of up to 2 MiB (ext4 since 6.16,
 * xfs, tmpfs), and the kernel maps such a folio with one page-table entry
 * (no fault a 64 KiB, no TLB miss a 4 KiB page, a cheap munmap) only where
 * the address and the offset agree in their low 21 bits; where the folios
 * are small, the same window is mapped with small pages. bench/out/span.pcap,
 * alternating runs against 4 KiB-aligned windows: one worker 0.903-1.026 of
 * the time (median 0.963, 8 rounds), two workers median 0.955 (6 rounds);
 * the TLB shootdown of each munmap, 1.3-3.9% of the samples before, is 0.24%.
 */
static int map_fill(struct capture *c, size_t need)
{
    uint64_t pos = c->win_pos + c->off, start = pos & ~(uint64_t)(MAP_ALIGN - 1), size;
    struct stat st;
    void *m;

    if (fstat(c->fd, &st) != 0)
        return -2;
    size = (uint64_t)st.st_size;
    if (c->buf)
        munmap(c->buf, c->len);
    c->buf = NULL;
    c->len = c->off = 0;
    c->win_pos = pos;
    if (size <= pos)
        return 0;
    m = map_aligned((size_t)MIN(size - start, MAP_WIN), MAP_ALIGN, PROT_READ, MAP_SHARED, c->fd,
                    (off_t)start);
    if (m == MAP_FAILED)
        return map_to_read(c, pos, need);
    c->buf = m;
    c->len = (size_t)MIN(size - start, MAP_WIN);
    c->off = (size_t)(pos - start);
    c->win_pos = start;
    madvise(m, c->len, MADV_SEQUENTIAL);
    /* a window holds any record: less than `need` means the file ends inside it */
    return c->len - c->off >= need ? 1 : -1;
}

/*
 * direct_fill(): makes at least `need` bytes available at buf + off, moving
 * the unread rest to the front and reading more (or mapping the next window).
 * Returns 1, 0 at a clean end of file (nothing
 * left), -1 when the file ends inside a record (what is there is left), -2 on
 * a read error (errno).
 */
static __attribute__((noinline)) int direct_refill(struct capture *c, size_t need)
{
    if (c->mapped)
        return map_fill(c, need);
    if (c->off) {
        memmove(c->buf, c->buf + c->off, c->len - c->off);
        c->len -= c->off;
        c->off = 0;
    }
    while (c->len < need) {
        ssize_t r = read(c->fd, c->buf + c->len, FILE_BUF - c->len);

        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -2;
        if (r == 0)
            return c->len == 0 ? 0 : -1;
        c->len += (size_t)r;
    }
    return 1;
}

/* Twice a record: the test inline, the refill (once a window or a chunk) out of line. */
static inline int direct_fill(struct capture *c, size_t need)
{
    return c->len - c->off >= need ? 1 : direct_refill(c, need);
}

/* One call's worth of records (capture_dispatch's contract). */
static int direct_dispatch(struct capture *c, int max, pcap_handler cb, u_char *user)
{
    int n = 0, rc;

    while (n < max) {
        struct pcap_pkthdr h;
        const uint8_t *r;
        uint32_t frac;

        if (c->shrank) {
            snprintf(c->errstr, sizeof(c->errstr),
                     "%s: the file shrank while being read; nothing after offset %llu is read",
                     c->name, (unsigned long long)c->file_off);
            return -1;
        }
        rc = direct_fill(c, PCAP_REC_HDR);
        if (rc == 0)
            return n ? n : -2;
        if (rc < 0)
            goto fail_hdr;
        r = c->buf + c->off;
        h.caplen = rd32(r + 8, c->swap);
        h.len = rd32(r + 12, c->swap);
        if (h.caplen > FILE_RECORD_MAX) {
            snprintf(c->errstr, sizeof(c->errstr),
                     "%s: invalid packet capture length %u at offset %llu, bigger than %u", c->name,
                     h.caplen, (unsigned long long)c->file_off, FILE_RECORD_MAX);
            return -1;
        }
        rc = direct_fill(c, PCAP_REC_HDR + (size_t)h.caplen);
        if (rc < 0 && rc != -2) {
            snprintf(c->errstr, sizeof(c->errstr),
                     "%s: truncated dump file; tried to read %u captured bytes, only got %zu",
                     c->name, h.caplen, c->len - c->off - PCAP_REC_HDR);
            return -1;
        }
        if (rc < 0)
            goto fail_read;
        r = c->buf + c->off;
        if (c->mapped) {
            __builtin_prefetch(r + MAP_PREFETCH);
            __builtin_prefetch(r + MAP_PREFETCH + 64);
            __builtin_prefetch(r + MAP_PREFETCH + 128);
        }
        h.ts.tv_sec = (time_t)rd32(r, c->swap);
        frac = rd32(r + 4, c->swap);
        h.ts.tv_usec = (suseconds_t)(c->nsec ? frac / 1000 : frac);
        if (h.len < h.caplen)
            h.len = h.caplen;
        cb(user, &h, r + PCAP_REC_HDR);
        c->off += PCAP_REC_HDR + h.caplen;
        c->file_off += PCAP_REC_HDR + h.caplen;
        n++;
    }
    return n;
fail_hdr:
    if (rc == -1) {
        snprintf(c->errstr, sizeof(c->errstr),
                 "%s: truncated dump file; %zu bytes of a %d-byte record header at offset %llu",
                 c->name, c->len - c->off, PCAP_REC_HDR, (unsigned long long)c->file_off);
        return -1;
    }
fail_read:
    snprintf(c->errstr, sizeof(c->errstr), "%s: read error at offset %llu: %s", c->name,
             (unsigned long long)c->file_off, strerror(errno));
    return -1;
}

int capture_open_file(struct capture *c, const char *path, const struct config *cfg)
{
    char eb[PCAP_ERRBUF_SIZE] = "";

    reset(c);
    c->name = path;
    c->pc = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_MICRO, eb);
    if (!c->pc) {
        snprintf(c->errstr, sizeof(c->errstr), "%s: %s", path, eb);
        return -1;
    }
    if (check_link(c) || (cfg->bpf[0] && capture_set_filter(c, cfg->bpf))) {
        pcap_close(c->pc);
        c->pc = NULL;
        return -1;
    }
    if (strcmp(path, "-") != 0 && !cfg->bpf[0] && cfg->file_direct)
        direct_open(c, path, cfg->file_mmap != 0);
    return 0;
}

/* A new live handle for cfg->iface in c->pc, not yet published: 0 or -1 + errstr. */
static int live_open(struct capture *c, const struct config *cfg)
{
    char eb[PCAP_ERRBUF_SIZE] = "";
    uint64_t bufsize;
    int rc;

    c->pc = pcap_create(cfg->iface, eb);
    if (!c->pc) {
        snprintf(c->errstr, sizeof(c->errstr), "%s: %s", cfg->iface, eb);
        return -1;
    }
    pcap_set_snaplen(c->pc, (int)cfg->snaplen);
    pcap_set_promisc(c->pc, cfg->promisc ? 1 : 0);
    pcap_set_timeout(c->pc, (int)cfg->timeout_ms);
    bufsize = (uint64_t)cfg->buffer_mb << 20;
    pcap_set_buffer_size(c->pc, bufsize > INT_MAX ? INT_MAX : (int)bufsize);
    pcap_set_tstamp_precision(c->pc, PCAP_TSTAMP_PRECISION_MICRO);
    rc = pcap_activate(c->pc);
    if (rc < 0) {
        snprintf(c->errstr, sizeof(c->errstr), "%s: %s", cfg->iface,
                 rc == PCAP_ERROR ? pcap_geterr(c->pc) : pcap_statustostr(rc));
        goto out_close;
    }
    if (rc > 0) /* a warning, e.g. promisc not supported: keep going, say it */
        log_msg(LOG_WARNING, "%s: %s", cfg->iface, pcap_statustostr(rc));
    if (check_link(c) || (cfg->bpf[0] && capture_set_filter(c, cfg->bpf)))
        goto out_close;
    if (cfg->workers > 1 && strncmp(cfg->dispatch, "fanout", 6) == 0) {
        /*
         * One ring per worker in one fanout group. fanout: the kernel spreads
         * packets by a symmetric flow hash of the outer headers (both
         * directions of a plain flow meet). fanout_inner: by fanout.c's
         * program, a symmetric hash of the innermost flow (a tunnelled
         * mirror's inner flows spread, and meet). Every member sets the same
         * program; the last one set is the group's.
         */
        int inner = strcmp(cfg->dispatch, "fanout_inner") == 0;
        uint32_t mode =
            (inner ? PACKET_FANOUT_CBPF : PACKET_FANOUT_HASH) | PACKET_FANOUT_FLAG_DEFRAG;
        int arg = (int)((cfg->fanout_group & 0xffffu) | mode << 16); /* the flag is bit 31 */
        if (setsockopt(pcap_fileno(c->pc), SOL_PACKET, PACKET_FANOUT, &arg, sizeof(arg)) != 0) {
            snprintf(c->errstr, sizeof(c->errstr), "%s: PACKET_FANOUT: %s", cfg->iface,
                     strerror(errno));
            goto out_close;
        }
        if (inner) {
            struct sock_filter prog[FANOUT_PROG_MAX];
            struct sock_fprog fp = {0, prog};

            fp.len = (unsigned short)fanout_prog(&cfg->decode, FANOUT_PROG_KERNEL, prog,
                                                 FANOUT_PROG_MAX);
            if (fp.len == 0 ||
                setsockopt(pcap_fileno(c->pc), SOL_PACKET, PACKET_FANOUT_DATA, &fp, sizeof(fp))) {
                snprintf(c->errstr, sizeof(c->errstr), "%s: PACKET_FANOUT_DATA: %s", cfg->iface,
                         fp.len ? strerror(errno) : "the program does not build");
                goto out_close;
            }
        }
    }
    return 0;
out_close:
    pcap_close(c->pc);
    c->pc = NULL;
    return -1;
}

int capture_open_live(struct capture *c, const struct config *cfg)
{
    reset(c);
    c->name = cfg->iface;
    c->live = 1;
    if (live_open(c, cfg) != 0)
        return -1;
    set_handle(c, c->pc);
    return 0;
}

/* Adds a live handle's kernel counters to the base before it is closed. */
static void keep_counters(struct capture *c)
{
    struct pcap_stat ps;

    if (c->pc && pcap_stats(c->pc, &ps) == 0) {
        c->base_recv += ps.ps_recv;
        c->base_drop += ps.ps_drop;
        c->base_ifdrop += ps.ps_ifdrop;
    }
}

int capture_reopen_live(struct capture *c, const struct config *cfg)
{
    keep_counters(c);
    set_handle(c, NULL); /* capture_break no longer sees the old handle */
    if (c->pc)
        pcap_close(c->pc);
    c->pc = NULL;
    if (live_open(c, cfg) != 0)
        return -1;
    set_handle(c, c->pc);
    c->reopens++;
    return 0;
}

int capture_set_filter(struct capture *c, const char *bpf)
{
    struct bpf_program prog;

    if (pcap_compile(c->pc, &prog, bpf, 1, PCAP_NETMASK_UNKNOWN) != 0) {
        snprintf(c->errstr, sizeof(c->errstr), "bad BPF filter '%s': %s", bpf, pcap_geterr(c->pc));
        return -1;
    }
    if (pcap_setfilter(c->pc, &prog) != 0) {
        snprintf(c->errstr, sizeof(c->errstr), "%s: cannot set BPF filter: %s", c->name,
                 pcap_geterr(c->pc));
        pcap_freecode(&prog);
        return -1;
    }
    pcap_freecode(&prog);
    return 0;
}

int capture_dispatch(struct capture *c, int max, pcap_handler cb, u_char *user)
{
    int n;

    if (c->mapped) {
        tls_dispatching = c; /* for the SIGBUS handler */
        n = direct_dispatch(c, max, cb, user);
        tls_dispatching = NULL;
        return n;
    }
    if (c->buf)
        return direct_dispatch(c, max, cb, user);
    if (!c->pc) {
        snprintf(c->errstr, sizeof(c->errstr), "%s: not open", c->name ? c->name : "capture");
        return -1;
    }
    n = pcap_dispatch(c->pc, max, cb, user);

    if (n == 0 && !c->live)
        return -2; /* end of file */
    if (n == PCAP_ERROR_BREAK)
        return 0;
    if (n < 0) {
        snprintf(c->errstr, sizeof(c->errstr), "%s: %s", c->name, pcap_geterr(c->pc));
        return -1;
    }
    return n;
}

void capture_break(struct capture *c)
{
    pthread_mutex_lock(&c->lock);
    c->broke = 1;
    if (c->brk)
        pcap_breakloop(c->brk);
    pthread_mutex_unlock(&c->lock);
}

int capture_stats(struct capture *c, uint64_t *recv, uint64_t *drop, uint64_t *ifdrop)
{
    struct pcap_stat ps = {0};

    if (!c->live || (c->pc && pcap_stats(c->pc, &ps) != 0))
        return -1;
    *recv = c->base_recv + ps.ps_recv;
    *drop = c->base_drop + ps.ps_drop;
    *ifdrop = c->base_ifdrop + ps.ps_ifdrop;
    return 0;
}

void capture_close(struct capture *c)
{
    if (c->live)
        set_handle(c, NULL);
    if (c->pc)
        pcap_close(c->pc);
    c->pc = NULL;
    if (c->mapped) {
        if (c->buf)
            munmap(c->buf, c->len);
        close(c->fd);
    } else if (c->buf) {
        close(c->fd);
        free(c->buf);
    }
    c->buf = NULL;
    c->mapped = 0;
}
