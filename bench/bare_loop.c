/*
 * bare_loop: the reference "bare libpcap read loop" that firedamp's throughput is compared to.
 *
 * It opens a capture with pcap_open_offline (pcap or pcapng), reads every packet and touches
 * each one as little as a real consumer must: it adds the captured length and the first byte
 * to a checksum, so neither the compiler nor a lazy mapping can skip the work. Wire lengths
 * (the record's len) are summed as bytes. Only the read loop is timed, with CLOCK_MONOTONIC;
 * opening the file is not. One JSON line goes to stdout:
 *   {"packets":N,"bytes":B,"seconds":S,"pps":X,"gbps":Y}   (gbps = bytes * 8 / seconds / 1e9)
 *
 * Two loops are available: pcap_dispatch with a callback (-m dispatch, the default because it
 * measured faster, see BASELINE.md) and pcap_next_ex (-m next). It deliberately does not warm
 * the page cache (run.sh does), decode anything, or apply a BPF filter.
 */
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

struct acc {
    uint64_t packets;
    uint64_t bytes;
    uint64_t sum;
};

static void on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *data)
{
    struct acc *a = (struct acc *)user;
    a->packets++;
    a->bytes += h->len;
    a->sum += h->caplen + (h->caplen ? data[0] : 0);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int usage(void)
{
    fprintf(stderr, "usage: bare_loop [-m dispatch|next] [-v] FILE\n"
                    "  -m  pcap_dispatch with a callback (default) or pcap_next_ex\n"
                    "  -v  also print the loop used and the checksum to stderr\n");
    return 2;
}

int main(int argc, char **argv)
{
    int use_next = 0, verbose = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            const char *m = argv[++i];
            if (strcmp(m, "next") == 0)
                use_next = 1;
            else if (strcmp(m, "dispatch") != 0)
                return usage();
        } else if (strcmp(argv[i], "-v") == 0) {
            verbose = 1;
        } else if (argv[i][0] == '-' || path) {
            return usage();
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return usage();

    char errbuf[PCAP_ERRBUF_SIZE];
    pcap_t *p = pcap_open_offline(path, errbuf);
    if (!p) {
        fprintf(stderr, "bare_loop: %s\n", errbuf);
        return 1;
    }

    struct acc a = {0, 0, 0};
    int rc;
    double t0 = now_s();
    if (use_next) {
        struct pcap_pkthdr *h;
        const u_char *data;
        while ((rc = pcap_next_ex(p, &h, &data)) == 1)
            on_packet((u_char *)&a, h, data);
        if (rc == PCAP_ERROR_BREAK) /* end of file */
            rc = 0;
    } else {
        /* For a savefile, cnt -1 processes packets until EOF or error; 0 means EOF. */
        while ((rc = pcap_dispatch(p, -1, on_packet, (u_char *)&a)) > 0)
            ;
    }
    double secs = now_s() - t0;
    if (rc < 0) {
        fprintf(stderr, "bare_loop: %s: %s\n", path, pcap_geterr(p));
        pcap_close(p);
        return 1;
    }
    pcap_close(p);

    if (secs <= 0)
        secs = 1e-9;
    printf("{\"packets\":%llu,\"bytes\":%llu,\"seconds\":%.6f,\"pps\":%.0f,\"gbps\":%.3f}\n",
           (unsigned long long)a.packets, (unsigned long long)a.bytes, secs,
           (double)a.packets / secs, (double)a.bytes * 8 / secs / 1e9);
    if (verbose)
        fprintf(stderr, "bare_loop: loop=%s checksum=%llu\n",
                use_next ? "pcap_next_ex" : "pcap_dispatch", (unsigned long long)a.sum);
    return 0;
}
