/*
 * flow.c - the per-worker bidirectional flow table (contract in flow.h).
 *
 * What it does: normalises a decoded packet's addresses/ports into a
 * direction-independent key, finds or creates the flow in a chained hash
 * table whose slots come from one preallocated pool, decides which side is
 * the client, keeps per-direction counters and TCP handshake flags, and keeps
 * every flow on the tail of one timeout-class list so that the head of each
 * list is its oldest flow: expiry and eviction never scan the table.
 * Each class has a second list for flows flow_protected() wants kept, so a
 * full table evicts the oldest flow nobody cares about, and expiry (which
 * reads both) is the same as with one list.
 *
 * What it deliberately does not do: allocate after flow_table_init (the
 * pool is the only memory; when it is full the oldest unprotected flow is
 * evicted), track TCP sequence numbers or state beyond the handshake/close
 * flags (stream.c does that), look at payload bytes, or know anything about
 * the engine state that lives in struct flow besides zeroing it and asking
 * flow_protected() whether it is worth keeping. Not thread-safe: one table
 * per worker.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "flow.h"
#include "mapalign.h"
#include "util.h"

#define FLOW_MAX_FLOWS   (1u << 30) /* keeps nbuckets and indices inside uint32_t */
#define FLOW_MIN_BUCKETS 1024u
#define IPPROTO_TCP_     6
#define IPPROTO_UDP_     17
#define US_PER_S         1000000ull

/* Index helpers: lists and chains store pool index + 1 so 0 can mean none. */
static inline struct flow *flow_at(const struct flow_table *ft, uint32_t idx1)
{
    return idx1 ? &ft->pool[idx1 - 1] : NULL;
}

static inline uint32_t flow_idx(const struct flow_table *ft, const struct flow *f)
{
    return (uint32_t)(f - ft->pool) + 1;
}

/*
 * Hash. The key is attacker-chosen, so every multiply takes a seed-dependent
 * operand on both sides: a plain x * CONST round lets the top bit of a word
 * pass through unchanged (x ^ 2^63) * K == (x * K) ^ 2^63, which gives
 * collisions that hold for every seed. The 64x64->128 "multiply and fold"
 * (lo ^ hi) has no such linear path when its operands are unknown.
 */
#define HASH_P0 0xa0761d6478bd642full
#define HASH_P1 0xe7037ed1a0b428dbull
#define HASH_P2 0x8ebc6af09c88c6e3ull
#define HASH_P3 0x589965cc75374cc3ull

static inline uint64_t mum(uint64_t a, uint64_t b)
{
#ifdef __SIZEOF_INT128__
    __extension__ typedef unsigned __int128 u128;
    u128 r = (u128)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
#else
    uint64_t ha = a >> 32, la = (uint32_t)a, hb = b >> 32, lb = (uint32_t)b;
    uint64_t rh = ha * hb, rm0 = ha * lb, rm1 = hb * la, rl = la * lb;
    uint64_t t = rl + (rm0 << 32), c = t < rl;
    uint64_t lo = t + (rm1 << 32);
    c += lo < t;
    uint64_t hi = rh + (rm0 >> 32) + (rm1 >> 32) + c;
    return lo ^ hi;
#endif
}

/* The 16-byte addresses as four words, and everything else as the fifth and sixth. */
static inline void key_words(const struct flow_key *k, uint64_t w[6])
{
    _Static_assert(sizeof(*k) == 44, "flow_key changed: update key_words()");
    memcpy(&w[0], k->addr[0], 16);
    memcpy(&w[2], k->addr[1], 16);
    /* Built in registers: reading back the small stores that filled the key would stall. */
    w[4] = (uint64_t)k->port[0] | (uint64_t)k->port[1] << 16 | (uint64_t)k->proto << 32 |
           (uint64_t)k->ip_version << 40 | (uint64_t)k->vlan << 48;
    w[5] = k->zone;
}

static uint32_t flow_hash(const struct flow_key *k, uint64_t seed)
{
    uint64_t w[6];
    key_words(k, w);

    uint64_t h = seed ^ HASH_P0;
    h = mum(w[0] ^ h ^ HASH_P1, w[1] ^ h ^ HASH_P2);
    h = mum(w[2] ^ h ^ HASH_P1, w[3] ^ h ^ HASH_P2);
    h = mum(w[4] ^ h ^ HASH_P1, w[5] ^ h ^ HASH_P2);
    h = mum(h ^ HASH_P3, seed ^ HASH_P0);
    return (uint32_t)(h ^ (h >> 32));
}

static inline uint64_t ld64(const uint8_t *p)
{
    uint64_t v;

    memcpy(&v, p, 8);
    return v;
}

static inline void st64(uint8_t *p, uint64_t v)
{
    memcpy(p, &v, 8);
}

/* 8 bytes as a big-endian number: words compare as the bytes would (memcmp order). */
static inline uint64_t ld64be(const uint8_t *p)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return __builtin_bswap64(ld64(p));
#else
    return ld64(p);
#endif
}

/*
 * Every field of the key, so no padding rule can ever make two keys compare
 * wrongly. The addresses as 8-byte words, inline: memcmp was a call a packet.
 */
static inline int key_eq(const struct flow_key *a, const struct flow_key *b)
{
    const uint8_t *x = a->addr[0], *y = b->addr[0];

    return ((ld64(x) ^ ld64(y)) | (ld64(x + 8) ^ ld64(y + 8)) | (ld64(x + 16) ^ ld64(y + 16)) |
            (ld64(x + 24) ^ ld64(y + 24))) == 0 &&
           a->port[0] == b->port[0] && a->port[1] == b->port[1] && a->proto == b->proto &&
           a->ip_version == b->ip_version && a->vlan == b->vlan && a->zone == b->zone;
}

/* memcmp(a, b, 16) < 0, == 0, > 0 as -1, 0, 1, in two word compares. */
static inline int addr_cmp(const uint8_t *a, const uint8_t *b)
{
    uint64_t a0 = ld64be(a), b0 = ld64be(b), a1, b1;

    if (a0 != b0)
        return a0 < b0 ? -1 : 1;
    a1 = ld64be(a + 8);
    b1 = ld64be(b + 8);
    return a1 < b1 ? -1 : a1 > b1;
}

/*
 * Timeout-class lists: doubly linked through lprev/lnext, oldest at head.
 * A flow's list is its class, plus FLOW_TC_COUNT when it is on a protected one.
 */
static inline unsigned list_of(const struct flow *f)
{
    return f->tclass + (f->on_kept ? FLOW_TC_COUNT : 0u);
}

static void list_unlink(struct flow_table *ft, struct flow *f)
{
    unsigned c = list_of(f);
    struct flow *prev = flow_at(ft, f->lprev), *next = flow_at(ft, f->lnext);

    if (prev)
        prev->lnext = f->lnext;
    else
        ft->head[c] = f->lnext;
    if (next)
        next->lprev = f->lprev;
    else
        ft->tail[c] = f->lprev;
    f->lprev = f->lnext = 0;
}

/* Links f into list l after the flow `after` (pool index + 1; 0 = at the head). */
static void list_insert(struct flow_table *ft, struct flow *f, unsigned l, uint32_t after)
{
    uint32_t idx = flow_idx(ft, f);
    uint32_t next = after ? ft->pool[after - 1].lnext : ft->head[l];

    f->lprev = after;
    f->lnext = next;
    if (after)
        ft->pool[after - 1].lnext = idx;
    else
        ft->head[l] = idx;
    if (next)
        ft->pool[next - 1].lprev = idx;
    else
        ft->tail[l] = idx;
}

static void list_append(struct flow_table *ft, struct flow *f, uint8_t c, uint8_t kept)
{
    f->tclass = c;
    f->on_kept = kept;
    list_insert(ft, f, list_of(f), ft->tail[list_of(f)]);
}

/*
 * Moves f to the tail of class c, on the list its protection asks for: it
 * has just seen the newest packet there. The worker changes the protection
 * after flow_packet() returns; flow_recheck() catches that at the next call.
 */
static void list_touch(struct flow_table *ft, struct flow *f, uint8_t c)
{
    uint8_t kept = (uint8_t)(flow_protected(f) != 0);

    if (f->tclass == c && f->on_kept == kept && ft->tail[list_of(f)] == flow_idx(ft, f))
        return;
    list_unlink(ft, f);
    list_append(ft, f, c, kept);
}

/*
 * The worker attaches a dissector or raises events only on the flow of the
 * packet it is handling, after flow_packet() returned it. That flow is still
 * the newest of its list, so at the next call it moves to the tail of the
 * list its new protection asks for, and the lists stay in time order.
 */
static void flow_recheck(struct flow_table *ft)
{
    struct flow *f = flow_at(ft, ft->recent);

    ft->recent = 0;
    if (f && f->in_use && f->on_kept != (flow_protected(f) != 0)) {
        list_unlink(ft, f);
        list_append(ft, f, f->tclass, !f->on_kept);
    }
}

/*
 * Moves a flow that became protected after its last packet some other way
 * (flow_recheck() sees only the newest flow) to its class's protected list,
 * where its last_ts belongs: walking back from the tail at most
 * FLOW_KEPT_SCAN steps, or at the head when it is older than all. Past
 * the bound it goes where the walk stopped, so that list is then out of
 * order by at most the flow's own idle time, and its expiry is late by at
 * most that much; it is never lost (shutdown and eviction still reach it).
 */
static void list_keep(struct flow_table *ft, struct flow *f)
{
    unsigned l = f->tclass + FLOW_TC_COUNT;
    uint32_t after = ft->tail[l];

    list_unlink(ft, f);
    f->on_kept = 1;
    for (unsigned n = 0; after && ft->pool[after - 1].last_ts > f->last_ts; n++) {
        if (n == FLOW_KEPT_SCAN) {
            if (ft->pool[ft->head[l] - 1].last_ts >= f->last_ts)
                after = 0;
            break;
        }
        after = ft->pool[after - 1].lprev;
    }
    list_insert(ft, f, l, after);
}

/* Removes f from its bucket chain and its list and returns it to the free list. */
static void flow_release(struct flow_table *ft, struct flow *f)
{
    uint32_t idx = flow_idx(ft, f);
    uint32_t *link = &ft->bucket[f->hash & (ft->nbuckets - 1)];

    while (*link && *link != idx)
        link = &ft->pool[*link - 1].hnext;
    if (*link)
        *link = f->hnext;

    list_unlink(ft, f);
    if (ft->recent == idx)
        ft->recent = 0;
    f->in_use = 0;
    f->hnext = ft->free_head;
    ft->free_head = idx;
    ft->st.active--;
}

static void flow_end(struct flow_table *ft, struct flow *f, int reason)
{
    if (ft->on_end)
        ft->on_end(f, reason, ft->ctx);
    flow_release(ft, f);
}

/* The oldest flow of lists [from, to), by the last_ts of each list head. */
static struct flow *flow_oldest(const struct flow_table *ft, unsigned from, unsigned to)
{
    struct flow *best = NULL;

    for (unsigned l = from; l < to; l++) {
        struct flow *f = flow_at(ft, ft->head[l]);
        if (f && (!best || f->last_ts < best->last_ts))
            best = f;
    }
    return best;
}

/*
 * The flow to evict for a new one: the oldest unprotected flow. A head of an
 * unprotected list that has become protected without flow_recheck() seeing
 * it (a caller changing a flow other than the newest) moves to its protected
 * list and the search goes on, at most FLOW_EVICT_SCAN times per call, so a
 * packet never walks the table. Only when no unprotected flow is left, or
 * the bound is hit, does a protected flow go.
 */
static struct flow *flow_victim(struct flow_table *ft)
{
    struct flow *f;

    for (unsigned n = 0; n < FLOW_EVICT_SCAN; n++) {
        f = flow_oldest(ft, 0, FLOW_TC_COUNT);
        if (!f)
            break;
        if (!flow_protected(f))
            return f;
        list_keep(ft, f);
    }
    f = flow_oldest(ft, 0, FLOW_TC_COUNT);
    return f ? f : flow_oldest(ft, FLOW_TC_COUNT, FLOW_NLISTS);
}

/*
 * The pool and the buckets, zeroed, on 2 MiB pages where they are that big.
 * Each packet reads a bucket and a flow at random in tens of MiB (64 MiB of
 * flows and 2 MiB of buckets by default): with 4 KiB pages nearly every one
 * of those reads also missed the TLB, and a page walk cannot be hidden.
 * Mapped at a 2 MiB-aligned address (map_aligned()), so that transparent
 * huge pages ("madvise" mode, Debian's default) back all of it; where THP
 * is off, the same memory comes in small pages.
 */
#define HUGE_PAGE (2u << 20)

/* Under AddressSanitizer the heap, whose redzones catch a walk off the end. */
static int table_on_heap(size_t n)
{
    return FIREDAMP_ASAN || n < HUGE_PAGE;
}

static size_t table_size(size_t n)
{
    return (n + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
}

static void *table_alloc(size_t n)
{
    void *a;

    if (table_on_heap(n))
        return calloc(1, n);
    a = map_aligned(table_size(n), HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                    -1, 0);
    if (a == MAP_FAILED)
        return NULL;
    madvise(a, table_size(n), MADV_HUGEPAGE); /* a hint: refused, it is small pages as before */
    return a;
}

static void table_free(void *p, size_t n)
{
    if (!p)
        return;
    if (table_on_heap(n))
        free(p);
    else
        munmap(p, table_size(n));
}

int flow_table_init(struct flow_table *ft, const struct flow_table_cfg *cfg, flow_end_fn on_end,
                    void *ctx)
{
    memset(ft, 0, sizeof(*ft));
    if (cfg->max_flows == 0 || cfg->max_flows > FLOW_MAX_FLOWS)
        return -EINVAL;
    ft->cfg = *cfg;
    if (ft->cfg.nworkers == 0)
        ft->cfg.nworkers = 1;
    /* Flow ids are worker + 1 + k * nworkers: unique across workers only if worker < nworkers. */
    if (ft->cfg.worker >= ft->cfg.nworkers)
        return -EINVAL;

    /*
     * At least two buckets a flow: a lookup of a new flow (a scan, a DNS
     * query) walks the chain of a bucket nobody's flow is in, one cache miss a
     * link. At one bucket a flow, those misses were a sixth of the packet
     * path's samples on the SPAN benchmark; at two, they are a tenth.
     */
    uint32_t nb = FLOW_MIN_BUCKETS;
    while (nb / 2 < cfg->max_flows)
        nb <<= 1;

    ft->pool = table_alloc((size_t)cfg->max_flows * sizeof(*ft->pool));
    ft->bucket = table_alloc((size_t)nb * sizeof(*ft->bucket));
    if (!ft->pool || !ft->bucket) {
        table_free(ft->pool, (size_t)cfg->max_flows * sizeof(*ft->pool));
        table_free(ft->bucket, (size_t)nb * sizeof(*ft->bucket));
        ft->pool = NULL;
        ft->bucket = NULL;
        return -ENOMEM;
    }
    ft->nbuckets = nb;

    /*
     * Nothing of the pool is written here: new flows take slots in pool
     * order (ft->fresh) until none is left, then the ones flows released
     * (the free list). A capture that never fills the table never touches
     * (and never makes resident) the rest.
     */
    ft->free_head = 0;
    ft->fresh = 0;
    ft->on_end = on_end;
    ft->ctx = ctx;
    return 0;
}

void flow_table_destroy(struct flow_table *ft)
{
    table_free(ft->pool, (size_t)ft->cfg.max_flows * sizeof(*ft->pool));
    table_free(ft->bucket, (size_t)ft->nbuckets * sizeof(*ft->bucket));
    ft->pool = NULL;
    ft->bucket = NULL;
    ft->nbuckets = 0;
    ft->free_head = 0;
    ft->fresh = 0;
}

uint64_t flow_table_memory(const struct flow_table *ft)
{
    if (!ft->pool)
        return 0;
    return (uint64_t)ft->cfg.max_flows * sizeof(struct flow) +
           (uint64_t)ft->nbuckets * sizeof(uint32_t);
}

/*
 * Fills the normalised key of p; returns the key side (0/1) of the packet's
 * source. Side 0 is the lower (address, port) so both directions agree.
 */
static int flow_key_make(const struct flow_table *ft, const struct pkt *p, struct flow_key *k)
{
    uint16_t sport = p->l4_ok ? p->sport : 0, dport = p->l4_ok ? p->dport : 0;
    int cmp = addr_cmp(p->src, p->dst);
    int src_side = cmp > 0 || (cmp == 0 && sport > dport);

    memset(k, 0, sizeof(*k));
    /* as words: no memcpy call; the decoder stores each address at once, so these loads forward */
    st64(k->addr[src_side], ld64(p->src));
    st64(k->addr[src_side] + 8, ld64(p->src + 8));
    st64(k->addr[!src_side], ld64(p->dst));
    st64(k->addr[!src_side] + 8, ld64(p->dst + 8));
    k->port[src_side] = sport;
    k->port[!src_side] = dport;
    k->proto = p->proto;
    k->ip_version = p->ip_version;
    if (ft->cfg.use_vlan && p->nvlan)
        k->vlan = p->vlan[MIN(p->nvlan, DECODE_MAX_VLAN) - 1];
    if (ft->cfg.use_tunnel_id && p->tunnel_has_id)
        k->zone = p->tunnel_id;
    return src_side;
}

static struct flow *flow_lookup(const struct flow_table *ft, const struct flow_key *k, uint32_t h)
{
    uint32_t idx = ft->bucket[h & (ft->nbuckets - 1)];

    while (idx) {
        struct flow *f = &ft->pool[idx - 1];
        if (f->hash == h && key_eq(&f->key, k))
            return f;
        idx = f->hnext;
    }
    return NULL;
}

/* Rule 2 of flow.h: 0 service, 1 registered, 2 ephemeral. */
static int port_rank(uint16_t port)
{
    return port < 1024 ? 0 : port < 32768 ? 1 : 2;
}

/* The key side of the client for the first packet of a flow (rules 1-3). */
static uint8_t flow_orient(const struct pkt *p, int src_side)
{
    if (p->proto == IPPROTO_TCP_ && p->l4_ok && (p->tcp_flags & TCP_SYN))
        return (uint8_t)((p->tcp_flags & TCP_ACK) ? !src_side : src_side);
    if (p->l4_ok) {
        int rs = port_rank(p->sport), rd = port_rank(p->dport);
        if (rs < rd) /* the sender holds the service port */
            return (uint8_t)!src_side;
    }
    return (uint8_t)src_side;
}

static struct flow *flow_create(struct flow_table *ft, const struct flow_key *k, uint32_t h,
                                const struct pkt *p, int src_side)
{
    if (!ft->free_head && ft->fresh == ft->cfg.max_flows) {
        struct flow *old = flow_victim(ft);
        if (!old) /* cannot happen with max_flows > 0; never crash on it */
            return NULL;
        if (flow_protected(old))
            ft->st.evicted_protected++;
        if (ft->on_end)
            ft->on_end(old, FLOW_END_EVICTED, ft->ctx);
        flow_release(ft, old);
        ft->st.evicted++;
    }

    uint32_t idx;
    struct flow *f;

    if (ft->free_head) {
        idx = ft->free_head;
        f = &ft->pool[idx - 1];
        ft->free_head = f->hnext;
    } else {
        idx = ++ft->fresh;
        f = &ft->pool[idx - 1];
    }

    memset(f, 0, sizeof(*f));
    f->dissector = -1;
    f->key = *k;
    f->hash = h;
    f->in_use = 1;
    f->id = ft->cfg.worker + 1 + ft->next_id++ * ft->cfg.nworkers;
    f->first_ts = f->last_ts = p->ts_us;
    f->nvlan = MIN(p->nvlan, DECODE_MAX_VLAN);
    memcpy(f->vlan, p->vlan, f->nvlan * sizeof(f->vlan[0]));
    f->tunnel = p->tunnel;
    f->tunnel_has_id = p->tunnel_has_id;
    f->tunnel_id = p->tunnel_id;
    f->client = flow_orient(p, src_side);
    if (p->proto == IPPROTO_TCP_ && (!p->l4_ok || !(p->tcp_flags & TCP_SYN)))
        f->flags |= FLOW_F_MIDSTREAM;

    uint32_t *b = &ft->bucket[h & (ft->nbuckets - 1)];
    f->hnext = *b;
    *b = idx;
    /* The class is set properly by flow_packet(); append to one so unlink works. */
    list_append(ft, f,
                p->proto == IPPROTO_TCP_   ? FLOW_TC_TCP_NEW
                : p->proto == IPPROTO_UDP_ ? FLOW_TC_UDP
                                           : FLOW_TC_OTHER,
                0);

    ft->st.created++;
    ft->st.active++;
    if (ft->st.active > ft->st.max_active)
        ft->st.max_active = ft->st.active;
    return f;
}

/*
 * A flow oriented by ports or by who spoke first, that has carried no data,
 * learns from a late SYN (reordered capture) who really opened it. A flow
 * already oriented by a client SYN is never flipped: a SYN from the other
 * side then is a simultaneous open, not evidence.
 */
static void flow_reorient(struct flow *f, const struct pkt *p, int src_side)
{
    uint8_t syn = p->tcp_flags & TCP_SYN, ack = p->tcp_flags & TCP_ACK;
    int swap;

    if (!syn || (f->flags & (FLOW_F_PAYLOAD | FLOW_F_SYN)))
        return;
    if (!ack)
        swap = src_side != f->client; /* pure SYN from the believed server */
    else
        swap = src_side == f->client && !(f->flags & FLOW_F_SYNACK);
    if (!swap)
        return;

    uint64_t t;
    f->client = !f->client;
    t = f->pkts[0], f->pkts[0] = f->pkts[1], f->pkts[1] = t;
    t = f->bytes[0], f->bytes[0] = f->bytes[1], f->bytes[1] = t;
    /* A SYN+ACK seen earlier came from the side that is now the client. */
    uint8_t fl = f->flags & ~(FLOW_F_SYNACK | FLOW_F_FIN_CLI | FLOW_F_FIN_SRV);
    if (f->flags & FLOW_F_FIN_CLI)
        fl |= FLOW_F_FIN_SRV;
    if (f->flags & FLOW_F_FIN_SRV)
        fl |= FLOW_F_FIN_CLI;
    f->flags = fl;
}

static uint8_t flow_tcp_update(struct flow *f, const struct pkt *p, int dir)
{
    uint8_t tf = p->tcp_flags;
    int syn = tf & TCP_SYN, ack = tf & TCP_ACK;

    if (syn && !ack && dir == 0)
        f->flags |= FLOW_F_SYN;
    if (syn && ack && dir == 1)
        f->flags |= FLOW_F_SYNACK;
    if (tf & TCP_FIN)
        f->flags |= dir == 0 ? FLOW_F_FIN_CLI : FLOW_F_FIN_SRV;
    if (tf & TCP_RST)
        f->flags |= FLOW_F_RST;
    if (p->payload_len > 0)
        f->flags |= FLOW_F_PAYLOAD;

    if ((f->flags & FLOW_F_RST) ||
        (f->flags & (FLOW_F_FIN_CLI | FLOW_F_FIN_SRV)) == (FLOW_F_FIN_CLI | FLOW_F_FIN_SRV))
        return FLOW_TC_TCP_CLOSED;
    if (f->tclass == FLOW_TC_TCP_EST)
        return FLOW_TC_TCP_EST;
    /*
     * Established once the handshake is answered and acknowledged, or once a
     * non-SYN packet follows data (picked up mid-stream, or only the client
     * half of an asymmetric route is visible).
     */
    if (!syn && (((f->flags & FLOW_F_SYNACK) && ack) || (f->flags & FLOW_F_PAYLOAD)))
        return FLOW_TC_TCP_EST;
    return FLOW_TC_TCP_NEW;
}

struct flow *flow_packet(struct flow_table *ft, const struct pkt *p, int *dir)
{
    struct flow_key k;

    if (p->ip_version != 4 && p->ip_version != 6)
        return NULL;

    flow_recheck(ft);
    int src_side = flow_key_make(ft, p, &k);
    uint32_t h = flow_hash(&k, ft->cfg.hash_seed);
    struct flow *f = flow_lookup(ft, &k, h);
    if (!f) {
        f = flow_create(ft, &k, h, p, src_side);
        if (!f)
            return NULL;
    }

    int tcp = p->proto == IPPROTO_TCP_ && p->l4_ok;
    if (tcp)
        flow_reorient(f, p, src_side);

    int d = src_side == f->client ? 0 : 1;
    f->pkts[d]++;
    f->bytes[d] += p->wirelen;
    /* Merged captures can step back in time: last_ts never does. */
    if (p->ts_us > f->last_ts)
        f->last_ts = p->ts_us;

    uint8_t c;
    if (tcp) {
        c = flow_tcp_update(f, p, d);
    } else {
        if (p->payload_len > 0)
            f->flags |= FLOW_F_PAYLOAD;
        c = p->proto == IPPROTO_TCP_   ? f->tclass /* fragment: no flags to learn from */
            : p->proto == IPPROTO_UDP_ ? FLOW_TC_UDP
                                       : FLOW_TC_OTHER;
    }
    list_touch(ft, f, c);
    ft->recent = flow_idx(ft, f);

    if (dir)
        *dir = d;
    return f;
}

unsigned flow_expire(struct flow_table *ft, uint64_t now_us, unsigned max)
{
    unsigned n = 0;

    for (unsigned l = 0; l < FLOW_NLISTS; l++) {
        uint64_t tmo = (uint64_t)ft->cfg.timeout_s[l % FLOW_TC_COUNT] * US_PER_S;
        struct flow *f;

        while ((f = flow_at(ft, ft->head[l])) != NULL) {
            if (max && n >= max)
                return n;
            /* last_ts + tmo <= now, written so a hostile timestamp cannot overflow it */
            if (now_us < f->last_ts || now_us - f->last_ts < tmo)
                break;
            flow_end(ft, f, FLOW_END_TIMEOUT);
            ft->st.expired++;
            n++;
        }
    }
    return n;
}

void flow_end_all(struct flow_table *ft)
{
    struct flow *f;

    if (!ft->pool)
        return;
    while ((f = flow_oldest(ft, 0, FLOW_NLISTS)) != NULL)
        flow_end(ft, f, FLOW_END_SHUTDOWN);
}
