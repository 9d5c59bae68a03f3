/*
 * capture.h - packet sources: a pcap/pcapng file (or stdin) and a live
 * interface, both through libpcap.
 *
 * Packets are handed to the callback in place: from libpcap's read buffer for
 * files, and from the memory-mapped TPACKET_V3 ring that libpcap sets up on
 * Linux for live capture. They are valid only during the callback; the
 * pipeline finishes each packet before asking for the next (zero copy).
 * One struct capture per worker; not thread-safe, except capture_break,
 * which any thread may call at any time (also while the owner reopens).
 *
 * A live capture whose interface goes away can be reopened in place
 * (capture_reopen_live): the kernel counters carry over, the reopen is
 * counted. How long to wait between tries, and when to give up, is the
 * caller's policy (main.c: every 1 s backing off to 30 s, until SIGTERM).
 */
#ifndef FIREDAMP_CAPTURE_H
#define FIREDAMP_CAPTURE_H

#include <pthread.h>
#include <signal.h>
#include <stdint.h>

#include <pcap/pcap.h>

#include "config.h"

struct capture {
    pcap_t *pc; /* libpcap: live, pcapng, stdin, or a file with a BPF filter */
    int linktype;
    int live;
    const char *name; /* file path or interface, for messages */
    /* a classic pcap file read by firedamp itself (pc is NULL): a window of
       the file mapped at buf, or chunks of FILE_BUF bytes read() into it;
       records used in place there */
    uint8_t *buf;
    size_t len, off;
    uint64_t file_off; /* of buf + off in the file, for messages */
    int fd, swap, nsec;
    int mapped; /* buf is a mapping of len bytes at file offset win_pos */
    uint64_t win_pos;
    volatile sig_atomic_t shrank; /* the SIGBUS handler replaced a page of the window */
    /* live: pcap_stats of the handles closed by reopens, summed; reopens done */
    uint64_t base_recv, base_drop, base_ifdrop;
    uint64_t reopens;
    char errstr[PCAP_ERRBUF_SIZE + 256];
    /*
     * What capture_break may touch from another thread, kept by
     * capture_open_*: the published live handle (set and cleared under lock,
     * so a break never reaches a closed handle) and a sticky break that also
     * reaches handles opened later. A zeroed struct capture (calloc) is
     * ready: an all-zero mutex is PTHREAD_MUTEX_INITIALIZER on glibc and musl.
     */
    pthread_mutex_t lock;
    pcap_t *brk;
    int broke;
};

/*
 * Opens a capture file ("-" = stdin). Returns 0, or -1 with the reason in
 * errstr (missing file, not a pcap, unsupported link type). libpcap opens and
 * checks every file; a classic pcap file (regular, no BPF filter) is then
 * read by firedamp, records used in place (~20 instructions a record instead
 * of libpcap's per-record fread, ~400): mapped in 16 MiB windows
 * (capture.file_mmap, the default: no copy at all, and workers that read the
 * same file share its page cache), or 1 MiB read()s into one buffer.
 * pcapng, stdin and filtered files stay with libpcap.
 *
 * A mapped file that someone shortens while it is read would raise SIGBUS
 * where read() returns less: a handler (installed once) puts a zero page
 * where the file was, and the dispatch then stops with an error naming the
 * offset ("shrank while being read"). Threads that read files must not block
 * SIGBUS (the kernel kills a process that faults with it blocked).
 */
int capture_open_file(struct capture *c, const char *path, const struct config *cfg);

/*
 * Opens cfg->iface live with snaplen, buffer size, promisc and the BPF filter
 * cfg->bpf. Returns 0, or -1 with the reason in errstr (no such interface,
 * permission, bad filter). c must be zeroed or have been opened before.
 */
int capture_open_live(struct capture *c, const struct config *cfg);

/*
 * Closes a live capture's handle, if it has one (its kernel counters are
 * kept), and opens cfg->iface again with the same options. Returns 0 (and
 * counts a reopen), or -1 with the reason in errstr, the capture left
 * without a handle: call again later. Never blocks beyond pcap_activate.
 */
int capture_reopen_live(struct capture *c, const struct config *cfg);

/* Compiles and sets a BPF filter. 0, or -1 with errstr. */
int capture_set_filter(struct capture *c, const char *bpf);

/*
 * Runs the callback for up to `max` packets (pcap_dispatch). Returns the
 * number processed (0 on a live timeout), -2 at end of file, or -1 on error
 * (errstr says why: a truncated file, an interface that went away, a live
 * capture left without a handle by a failed reopen).
 */
int capture_dispatch(struct capture *c, int max, pcap_handler cb, u_char *user);

/*
 * Makes a capture_dispatch blocked in another thread return (pcap_breakloop),
 * and every later dispatch of a handle opened by capture_reopen_live too.
 * Thread-safe.
 */
void capture_break(struct capture *c);

/*
 * Kernel counters of a live capture since capture_open_live, summed over
 * reopens (also while it has no handle): 0, or -1 (files have none).
 */
int capture_stats(struct capture *c, uint64_t *recv, uint64_t *drop, uint64_t *ifdrop);

void capture_close(struct capture *c);

#endif
