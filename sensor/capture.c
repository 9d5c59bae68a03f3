/*
 * capture.c - libpcap sources (see capture.h). libpcap reads pcap and pcapng
 * files and, on Linux, captures live through a TPACKET_V3 memory-mapped ring
 * (pcap_create + pcap_activate), handing us pointers into the ring.
 */
#include <errno.h>
#include <limits.h>
#include <linux/if_packet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "capture.h"
#include "decode.h"

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

int capture_open_file(struct capture *c, const char *path, const struct config *cfg)
{
    char eb[PCAP_ERRBUF_SIZE] = "";

    memset(c, 0, sizeof(*c));
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
    return 0;
}

int capture_open_live(struct capture *c, const struct config *cfg)
{
    char eb[PCAP_ERRBUF_SIZE] = "";
    uint64_t bufsize;
    int rc;

    memset(c, 0, sizeof(*c));
    c->name = cfg->iface;
    c->live = 1;
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
        fprintf(stderr, "firedamp: %s: warning: %s\n", cfg->iface, pcap_statustostr(rc));
    if (check_link(c) || (cfg->bpf[0] && capture_set_filter(c, cfg->bpf)))
        goto out_close;
    if (cfg->workers > 1 && strcmp(cfg->dispatch, "fanout") == 0) {
        /*
         * One ring per worker in one fanout group: the kernel spreads packets
         * by a symmetric flow hash of the outer headers (both directions of
         * a plain flow meet; tunnelled mirror traffic needs replicate).
         */
        int arg = (int)(cfg->fanout_group | (PACKET_FANOUT_HASH | PACKET_FANOUT_FLAG_DEFRAG) << 16);
        if (setsockopt(pcap_fileno(c->pc), SOL_PACKET, PACKET_FANOUT, &arg, sizeof(arg)) != 0) {
            snprintf(c->errstr, sizeof(c->errstr), "%s: PACKET_FANOUT: %s", cfg->iface,
                     strerror(errno));
            goto out_close;
        }
    }
    return 0;
out_close:
    pcap_close(c->pc);
    c->pc = NULL;
    return -1;
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
    int n = pcap_dispatch(c->pc, max, cb, user);

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
    if (c->pc)
        pcap_breakloop(c->pc);
}

int capture_stats(struct capture *c, uint64_t *recv, uint64_t *drop, uint64_t *ifdrop)
{
    struct pcap_stat ps;

    if (!c->live || !c->pc || pcap_stats(c->pc, &ps) != 0)
        return -1;
    *recv = ps.ps_recv;
    *drop = ps.ps_drop;
    *ifdrop = ps.ps_ifdrop;
    return 0;
}

void capture_close(struct capture *c)
{
    if (c->pc)
        pcap_close(c->pc);
    c->pc = NULL;
}
