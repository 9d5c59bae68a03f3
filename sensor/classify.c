/*
 * classify.c - the nDPI adapter (see classify.h). The only file that sees
 * nDPI types, so an nDPI API change is one file's problem.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include <ndpi/ndpi_api.h>

#include "classify.h"

struct classify {
    struct ndpi_detection_module_struct *ndpi;
    uint32_t max_packets;
    uint32_t flow_size;  /* sizeof(struct ndpi_flow_struct) of the linked library */
    uint8_t *slab;       /* pool of pool_size flow structs */
    uint32_t pool_size;
    uint32_t *free_idx;  /* stack of free slots */
    uint32_t nfree;
    struct classify_stats st;
};

/*
 * nDPI scores every DNS and TLS name for DGA-likeness, a risk flag firedamp
 * never reports; on DNS-heavy links it was a tenth of all CPU. A custom DGA
 * predictor that says "no" skips that work (nDPI consults it instead).
 */
static int no_dga(const char *domain, int len)
{
    (void)domain;
    (void)len;
    return 0;
}

struct classify *classify_new(const struct config *c, uint32_t pool_size, char *err, size_t errlen)
{
    struct classify *cl = calloc(1, sizeof(*cl));
    NDPI_PROTOCOL_BITMASK all;

    if (!cl)
        goto out_nomem;
    cl->max_packets = c->ndpi_max_packets;
    cl->flow_size = ndpi_detection_get_sizeof_ndpi_flow_struct();
    cl->pool_size = pool_size;
    cl->slab = calloc(pool_size, cl->flow_size);
    cl->free_idx = malloc(sizeof(uint32_t) * (size_t)pool_size);
    if (!cl->slab || !cl->free_idx)
        goto out_nomem;
    for (uint32_t i = 0; i < pool_size; i++)
        cl->free_idx[i] = pool_size - 1 - i;
    cl->nfree = pool_size;
    ndpi_dga_function = no_dga;
    cl->ndpi = ndpi_init_detection_module(ndpi_no_prefs);
    if (!cl->ndpi) {
        snprintf(err, errlen, "nDPI: cannot initialise the detection module");
        classify_free(cl);
        return NULL;
    }
    NDPI_BITMASK_SET_ALL(all);
    ndpi_set_protocol_detection_bitmask2(cl->ndpi, &all);
    ndpi_finalize_initialization(cl->ndpi);
    return cl;
out_nomem:
    snprintf(err, errlen, "nDPI: out of memory for %u flow structs", pool_size);
    classify_free(cl);
    return NULL;
}

void classify_free(struct classify *cl)
{
    if (!cl)
        return;
    if (cl->ndpi)
        ndpi_exit_detection_module(cl->ndpi);
    free(cl->slab);
    free(cl->free_idx);
    free(cl);
}

static void release(struct classify *cl, struct flow *f)
{
    struct ndpi_flow_struct *nf = f->ndpi;
    uint32_t idx = (uint32_t)(((uint8_t *)nf - cl->slab) / cl->flow_size);

    ndpi_free_flow_data(nf); /* what nDPI allocated inside; the struct is ours */
    cl->free_idx[cl->nfree++] = idx;
    cl->st.inflight--;
    f->ndpi = NULL;
}

static void decided(struct classify *cl, struct flow *f, ndpi_protocol proto)
{
    if (proto.app_protocol == NDPI_PROTOCOL_UNKNOWN &&
        proto.master_protocol == NDPI_PROTOCOL_UNKNOWN && f->app_proto) {
        /* nothing from the payload: keep what the address lists said */
        proto.app_protocol = f->app_proto;
    }
    f->app_master = proto.master_protocol;
    f->app_proto = proto.app_protocol;
    f->classified = 1;
    if (proto.app_protocol != NDPI_PROTOCOL_UNKNOWN ||
        proto.master_protocol != NDPI_PROTOCOL_UNKNOWN)
        cl->st.classified++;
    else
        cl->st.unknown++;
    release(cl, f);
}

static void give_up(struct classify *cl, struct flow *f)
{
    uint8_t guessed = 0;
    /* no port guessing: app_proto states what nDPI saw, not what a port suggests */
    ndpi_protocol proto = ndpi_detection_giveup(cl->ndpi, f->ndpi, 0, &guessed);

    decided(cl, f, proto);
}

/*
 * Before a TCP flow carries payload there is nothing for nDPI's dissectors to
 * look at, only addresses: a handshake or a lone SYN (scans are most flows on
 * a busy link) gets nDPI's address lists, which still name e.g. a mining
 * pool's IP, without a flow struct. Looked up lazily, when an event of the
 * flow needs its name: most such flows never write one, and the lookup is a
 * Patricia tree walk per side (~20% of a SYN scan's cost when done eagerly).
 */
static void classify_by_address(struct classify *cl, struct flow *f)
{
    struct in_addr a;
    uint16_t id;

    f->addr_checked = 1;
    if (f->key.ip_version != 4)
        return;
    for (int side = 0; side < 2; side++) {
        const uint8_t *addr = side == 0 ? flow_srv_addr(f) : flow_cli_addr(f);
        uint16_t port = side == 0 ? flow_srv_port(f) : flow_cli_port(f);
        memcpy(&a.s_addr, addr + 12, 4);
        id = ndpi_network_port_ptree_match(cl->ndpi, &a, htons(port));
        if (id != NDPI_PROTOCOL_UNKNOWN) {
            f->app_proto = id;
            return;
        }
    }
}

void classify_packet(struct classify *cl, struct flow *f, const struct pkt *p)
{
    ndpi_protocol proto;
    uint16_t len;

    if (f->classified)
        return;
    if (!f->ndpi && p->proto == 6 && p->l4_ok && p->payload_len == 0)
        return; /* addresses only: classify_app_name() looks them up if asked */
    if (!f->ndpi) {
        if (cl->nfree == 0) {
            cl->st.pool_full++;
            f->classified = 1; /* not retried: the pool is the bound */
            return;
        }
        f->ndpi = cl->slab + (size_t)cl->free_idx[--cl->nfree] * cl->flow_size;
        memset(f->ndpi, 0, cl->flow_size);
        cl->st.inflight++;
    }
    if (!p->l3 || p->l3_len == 0)
        return;
    len = p->l3_len > 65535 ? 65535 : (uint16_t)p->l3_len;
    proto = ndpi_detection_process_packet(cl->ndpi, f->ndpi, p->l3, len, p->ts_us / 1000);
    f->classify_pkts++;
    if (proto.app_protocol != NDPI_PROTOCOL_UNKNOWN) {
        decided(cl, f, proto);
        return;
    }
    if (f->classify_pkts >= cl->max_packets)
        give_up(cl, f);
}

void classify_skip(struct classify *cl, struct flow *f)
{
    if (f->ndpi)
        release(cl, f);
    f->classified = 1;
    cl->st.skipped++;
}

void classify_flow_end(struct classify *cl, struct flow *f)
{
    if (f->ndpi) {
        give_up(cl, f);
    } else if (!f->classified) {
        /* a flow that never carried payload: only its address match, if any */
        f->classified = 1;
        if (f->app_proto)
            cl->st.classified++;
        else
            cl->st.unknown++;
    }
}

const char *classify_app_name(struct classify *cl, struct flow *f, char *buf, size_t len)
{
    ndpi_protocol proto = {0};

    if (!f->ndpi && !f->addr_checked && f->app_proto == NDPI_PROTOCOL_UNKNOWN &&
        f->app_master == NDPI_PROTOCOL_UNKNOWN && (!f->classified || !f->classify_pkts) &&
        f->key.proto == 6)
        classify_by_address(cl, f);
    if (f->app_proto == NDPI_PROTOCOL_UNKNOWN && f->app_master == NDPI_PROTOCOL_UNKNOWN)
        return NULL;
    proto.master_protocol = f->app_master;
    proto.app_protocol = f->app_proto;
    return ndpi_protocol2name(cl->ndpi, proto, buf, (u_int)len);
}

const struct classify_stats *classify_stats(const struct classify *cl)
{
    return &cl->st;
}

const char *classify_ndpi_version(void)
{
    return ndpi_revision();
}

uint64_t classify_memory(const struct classify *cl)
{
    return cl->st.inflight * cl->flow_size;
}

uint64_t classify_memory_bound(const struct classify *cl)
{
    return (uint64_t)cl->pool_size * cl->flow_size;
}
