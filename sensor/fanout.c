/*
 * fanout.c - the inner-flow fanout program (fanout.h), written with a small
 * assembler: classic BPF jumps only forward, by 8-bit offsets for the
 * conditional ones, so the program is laid out as blocks in order (the
 * outer headers, the tunnel, the inner headers, the hash) and every jump
 * names a label that is resolved, and checked to reach, at the end.
 *
 * Registers: A and X as classic BPF has them, X mostly the offset of the
 * header being read (indirect loads are [x + k]); scratch memory:
 */
#include "fanout.h"

#include <string.h>

#include <linux/if_packet.h>

#define M_BASE  0 /* the header being read (X saved) */
#define M_ADDR  1 /* sum of the addresses' words */
#define M_PORTS 2 /* sum of the two ports */
#define M_PROTO 3 /* IP protocol / IPv6 next header */
#define M_T1    4 /* scratch */
#define M_T2    5
#define M_L4    6 /* the outer L4 header, while a tunnel is looked at */
#define M_T3    7

#define ETH_P_8021Q_   0x8100
#define ETH_P_8021AD_  0x88a8
#define ETH_P_QINQ_    0x9100
#define ETH_P_IP_      0x0800
#define ETH_P_IPV6_    0x86dd
#define ETH_P_TEB_     0x6558
#define ETH_P_ERSPAN_  0x88be
#define ETH_P_ERSPAN3_ 0x22eb

/* Labels: each kind once per level (0 the outer headers, 1 the inner ones), then the end. */
enum {
    L_ETH,
    L_IP4,
    L_IP6,
    L_UDP,
    L_GRE,
    L_PORTS,
    L_NOPORTS,
    L_RET0,
    L_VLAN,
    L_NOVLAN,
    L_FRAG,
    L_VXLAN,
    L_GENEVE,
    L_ERSPAN2,
    L_ERSPAN3,
    L_PER_LEVEL
};
#define LV(l, level) ((l) + (level)*L_PER_LEVEL)
#define L_HASH       (2 * L_PER_LEVEL)
#define L_START      (2 * L_PER_LEVEL + 1)
#define L_RET        (2 * L_PER_LEVEL + 2)
#define L_COUNT      (2 * L_PER_LEVEL + 3)
#define NEXT         (-1) /* a conditional jump's fall-through */

struct as {
    struct sock_filter *ins;
    unsigned n, max;
    int bad;
    int16_t jt[FANOUT_PROG_MAX], jf[FANOUT_PROG_MAX], ja[FANOUT_PROG_MAX];
    int16_t at[L_COUNT];
};

static void emit(struct as *a, uint16_t code, uint32_t k, int jt, int jf, int ja)
{
    if (a->n >= a->max || a->n >= FANOUT_PROG_MAX) {
        a->bad = 1;
        return;
    }
    a->ins[a->n] = (struct sock_filter){code, 0, 0, k};
    a->jt[a->n] = (int16_t)jt;
    a->jf[a->n] = (int16_t)jf;
    a->ja[a->n] = (int16_t)ja;
    a->n++;
}

/* A statement, a conditional jump, an unconditional one, a label here. */
static void S(struct as *a, uint16_t code, uint32_t k)
{
    emit(a, code, k, NEXT, NEXT, NEXT);
}

static void J(struct as *a, uint16_t code, uint32_t k, int jt, int jf)
{
    emit(a, BPF_JMP | code | BPF_K, k, jt, jf, NEXT);
}

static void JA(struct as *a, int label)
{
    emit(a, BPF_JMP | BPF_JA, 0, NEXT, NEXT, label);
}

static void LABEL(struct as *a, int label)
{
    a->at[label] = (int16_t)a->n;
}

/* Jump offsets from the labels: each forward, a conditional one within 255. */
static unsigned link_jumps(struct as *a)
{
    if (a->bad)
        return 0;
    for (unsigned i = 0; i < a->n; i++) {
        int t[3] = {a->jt[i], a->jf[i], a->ja[i]};
        long off[3] = {0, 0, 0};

        for (int j = 0; j < 3; j++) {
            if (t[j] == NEXT)
                continue;
            if (a->at[t[j]] < 0)
                return 0; /* never placed */
            off[j] = (long)a->at[t[j]] - (long)i - 1;
            if (off[j] < 0 || (j < 2 && off[j] > 255))
                return 0;
        }
        a->ins[i].jt = (uint8_t)off[0];
        a->ins[i].jf = (uint8_t)off[1];
        if (t[2] != NEXT)
            a->ins[i].k = (uint32_t)off[2];
    }
    return a->n;
}

#define LDB_X(k)   S(a, BPF_LD | BPF_B | BPF_IND, (k))
#define LDH_X(k)   S(a, BPF_LD | BPF_H | BPF_IND, (k))
#define LDW_X(k)   S(a, BPF_LD | BPF_W | BPF_IND, (k))
#define ST(m)      S(a, BPF_ST, (m))
#define STX(m)     S(a, BPF_STX, (m))
#define LDM(m)     S(a, BPF_LD | BPF_MEM, (m))
#define LDXM(m)    S(a, BPF_LDX | BPF_MEM, (m))
#define LDI(k)     S(a, BPF_LD | BPF_IMM, (k))
#define LDXI(k)    S(a, BPF_LDX | BPF_IMM, (k))
#define ALU(op, k) S(a, BPF_ALU | (op) | BPF_K, (k))
#define ALUX(op)   S(a, BPF_ALU | (op) | BPF_X, 0)
#define TAX()      S(a, BPF_MISC | BPF_TAX, 0)
#define TXA()      S(a, BPF_MISC | BPF_TXA, 0)

/* A += the word at [x + k] into M_ADDR (X is the header, kept in M_BASE). */
static void add_word(struct as *a, uint32_t k)
{
    LDW_X(k);
    LDXM(M_ADDR);
    ALUX(BPF_ADD);
    ST(M_ADDR);
    LDXM(M_BASE);
}

/* X at an Ethernet header: past it (and one VLAN tag), on to IPv4 or IPv6. */
static void eth_block(struct as *a, int lv)
{
    LABEL(a, LV(L_ETH, lv));
    LDH_X(12);
    J(a, BPF_JEQ, ETH_P_8021Q_, LV(L_VLAN, lv), NEXT);
    J(a, BPF_JEQ, ETH_P_8021AD_, LV(L_VLAN, lv), NEXT);
    J(a, BPF_JEQ, ETH_P_QINQ_, LV(L_VLAN, lv), LV(L_NOVLAN, lv));
    LABEL(a, LV(L_VLAN, lv));
    LDH_X(16);
    ST(M_T1);
    TXA();
    ALU(BPF_ADD, 4);
    TAX();
    LDM(M_T1);
    LABEL(a, LV(L_NOVLAN, lv));
    ST(M_T1);
    TXA();
    ALU(BPF_ADD, 14);
    TAX();
    LDM(M_T1);
    J(a, BPF_JEQ, ETH_P_IP_, LV(L_IP4, lv), NEXT);
    J(a, BPF_JEQ, ETH_P_IPV6_, LV(L_IP6, lv), LV(L_RET0, lv));
}

/* A is the protocol after the IP header, X its offset: TCP, UDP, GRE or other. */
static void l4_switch(struct as *a, int lv)
{
    J(a, BPF_JEQ, 6, LV(L_PORTS, lv), NEXT);
    J(a, BPF_JEQ, 17, lv == 0 ? LV(L_UDP, 0) : LV(L_PORTS, lv), NEXT);
    J(a, BPF_JEQ, 47, lv == 0 ? LV(L_GRE, 0) : LV(L_NOPORTS, lv), LV(L_NOPORTS, lv));
}

/* An IP header at X (kept in M_BASE): its version checked, its first address word in M_ADDR. */
static void ip_start(struct as *a, int label, int lv, uint32_t version, uint32_t first_word)
{
    LABEL(a, label);
    STX(M_BASE);
    LDB_X(0);
    ALU(BPF_AND, 0xf0);
    J(a, BPF_JEQ, version << 4, NEXT, LV(L_RET0, lv));
    LDW_X(first_word);
    ST(M_ADDR);
}

static void ip4_block(struct as *a, int lv)
{
    ip_start(a, LV(L_IP4, lv), lv, 4, 12);
    add_word(a, 16);
    LDB_X(9);
    ST(M_PROTO);
    LDH_X(6);
    J(a, BPF_JSET, 0x3fff, LV(L_FRAG, lv), NEXT); /* MF or an offset: no ports here */
    LDB_X(0);
    ALU(BPF_AND, 0x0f);
    ALU(BPF_LSH, 2);
    ALUX(BPF_ADD);
    TAX();
    LDM(M_PROTO);
    l4_switch(a, lv);
    LABEL(a, LV(L_FRAG, lv));
    JA(a, LV(L_NOPORTS, lv));
}

static void ip6_block(struct as *a, int lv)
{
    ip_start(a, LV(L_IP6, lv), lv, 6, 16); /* the low 64 bits of source and destination */
    add_word(a, 20);
    add_word(a, 32);
    add_word(a, 36);
    LDB_X(6);
    ST(M_PROTO);
    TXA();
    ALU(BPF_ADD, 40);
    TAX();
    LDM(M_PROTO);
    l4_switch(a, lv);
}

/*
 * A tunnel's payload type in A (an EtherType, as GENEVE and GRE give it), X at
 * the payload: into the inner Ethernet, IPv4 or IPv6 header; anything else
 * falls through to the caller.
 */
static void inner_switch(struct as *a)
{
    J(a, BPF_JEQ, ETH_P_TEB_, LV(L_ETH, 1), NEXT);
    J(a, BPF_JEQ, ETH_P_IP_, LV(L_IP4, 1), NEXT);
    J(a, BPF_JEQ, ETH_P_IPV6_, LV(L_IP6, 1), NEXT);
}

/* The outer UDP header at X: a VXLAN or GENEVE port goes inside. */
static void udp_block(struct as *a, const struct decode_cfg *cfg)
{
    int ports[DECODE_MAX_VXLAN_PORTS], n = 0;

    for (unsigned i = 0; i < DECODE_MAX_VXLAN_PORTS; i++)
        if (cfg->vxlan_ports[i])
            ports[n++] = cfg->vxlan_ports[i];
    LABEL(a, LV(L_UDP, 0));
    LDH_X(2);
    for (int i = 0; i < n; i++)
        J(a, BPF_JEQ, (uint32_t)ports[i], LV(L_VXLAN, 0), NEXT);
    if (cfg->geneve_port)
        J(a, BPF_JEQ, cfg->geneve_port, LV(L_GENEVE, 0), NEXT);
    JA(a, LV(L_PORTS, 0));

    LABEL(a, LV(L_VXLAN, 0)); /* UDP 8 + VXLAN 8, then Ethernet */
    TXA();
    ALU(BPF_ADD, 16);
    TAX();
    JA(a, LV(L_ETH, 1));

    LABEL(a, LV(L_GENEVE, 0)); /* UDP 8 + GENEVE 8 + options, then its protocol */
    STX(M_L4);
    LDH_X(10);
    ST(M_T2);
    LDB_X(8);
    ALU(BPF_AND, 0x3f);
    ALU(BPF_LSH, 2);
    ALU(BPF_ADD, 16);
    ALUX(BPF_ADD);
    TAX();
    LDM(M_T2);
    inner_switch(a);
    LDXM(M_L4); /* a payload not followed: the outer UDP packet is the flow */
    JA(a, LV(L_PORTS, 0));
}

/* The outer GRE header at X: its length from the flags, then what it carries. */
static void gre_block(struct as *a)
{
    LABEL(a, LV(L_GRE, 0));
    STX(M_L4);
    LDH_X(2);
    ST(M_T3);
    LDH_X(0);
    ST(M_T1); /* flags: C (bit 15), K (13), S (12) each add a word */
    ALU(BPF_RSH, 15);
    ALU(BPF_AND, 1);
    ST(M_T2);
    LDM(M_T1);
    ALU(BPF_RSH, 13);
    ALU(BPF_AND, 1);
    TAX();
    LDM(M_T2);
    ALUX(BPF_ADD);
    ST(M_T2);
    LDM(M_T1);
    ALU(BPF_RSH, 12);
    ALU(BPF_AND, 1);
    TAX();
    LDM(M_T2);
    ALUX(BPF_ADD);
    ALU(BPF_LSH, 2);
    ALU(BPF_ADD, 4);
    LDXM(M_L4);
    ALUX(BPF_ADD);
    TAX();
    LDM(M_T3);
    inner_switch(a);
    J(a, BPF_JEQ, ETH_P_ERSPAN_, LV(L_ERSPAN2, 0), NEXT);
    J(a, BPF_JEQ, ETH_P_ERSPAN3_, LV(L_ERSPAN3, 0), LV(L_NOPORTS, 0));

    LABEL(a, LV(L_ERSPAN2, 0)); /* type II has GRE's S flag and 8 bytes; type I neither */
    LDM(M_T1);
    J(a, BPF_JSET, 0x1000, NEXT, LV(L_ETH, 1));
    TXA();
    ALU(BPF_ADD, 8);
    TAX();
    JA(a, LV(L_ETH, 1));

    LABEL(a, LV(L_ERSPAN3, 0)); /* 12 bytes, 8 more with the O flag */
    LDB_X(11);
    ALU(BPF_AND, 1);
    ALU(BPF_LSH, 3);
    ALU(BPF_ADD, 12);
    ALUX(BPF_ADD);
    TAX();
    JA(a, LV(L_ETH, 1));
}

/*
 * Each level's endings, near its jumps (8-bit offsets); they meet at the hash
 * or at the one `ret #0`, the program's last instruction. Nothing follows a
 * return but the end: the kernel's check that scratch memory is stored
 * before it is loaded reads on in order past a return, as if it fell through.
 */
static void tails(struct as *a, int lv)
{
    LABEL(a, LV(L_RET0, lv));
    JA(a, L_RET);
    LABEL(a, LV(L_PORTS, lv));
    LDH_X(0);
    ST(M_T1);
    LDH_X(2);
    LDXM(M_T1);
    ALUX(BPF_ADD);
    ST(M_PORTS);
    JA(a, L_HASH);
    LABEL(a, LV(L_NOPORTS, lv));
    LDI(0);
    ST(M_PORTS);
    JA(a, L_HASH);
}

/* fanout_mix(), step by step. */
static void hash_block(struct as *a)
{
    LABEL(a, L_HASH);
    LDM(M_PORTS);
    ALU(BPF_MUL, 0x9e3779b1u);
    ST(M_T1);
    LDM(M_ADDR);
    LDXM(M_T1);
    ALUX(BPF_XOR);
    ST(M_T1);
    LDM(M_PROTO);
    LDXM(M_T1);
    ALUX(BPF_ADD);
    TAX();
    ALU(BPF_RSH, 16);
    ALUX(BPF_XOR);
    ALU(BPF_MUL, 0x85ebca6bu);
    TAX();
    ALU(BPF_RSH, 13);
    ALUX(BPF_XOR);
    ALU(BPF_MUL, 0xc2b2ae35u);
    TAX();
    ALU(BPF_RSH, 16);
    ALUX(BPF_XOR);
    S(a, BPF_RET | BPF_A, 0);
    LABEL(a, L_RET);
    S(a, BPF_RET | BPF_K, 0);
}

unsigned fanout_prog(const struct decode_cfg *cfg, enum fanout_prog_mode mode,
                     struct sock_filter *out, unsigned max)
{
    struct as as; /* ~2.5 KiB */
    struct as *a = &as;

    memset(a, 0, sizeof(*a));
    memset(a->at, 0xff, sizeof(a->at));
    a->ins = out;
    a->max = max;
    if (mode == FANOUT_PROG_KERNEL) {
        /*
         * Received: the link header is pulled and a VLAN tag taken off, the
         * packet starts at its network header and the kernel knows its
         * type. Sent from this host: it starts at the link header.
         */
        S(a, BPF_LD | BPF_W | BPF_ABS, (uint32_t)(SKF_AD_OFF + SKF_AD_PKTTYPE));
        J(a, BPF_JEQ, PACKET_OUTGOING, L_START, NEXT);
        LDXI(0);
        S(a, BPF_LD | BPF_W | BPF_ABS, (uint32_t)(SKF_AD_OFF + SKF_AD_PROTOCOL));
        J(a, BPF_JEQ, ETH_P_IP_, LV(L_IP4, 0), NEXT);
        J(a, BPF_JEQ, ETH_P_IPV6_, LV(L_IP6, 0), LV(L_RET0, 0));
    }
    LABEL(a, L_START);
    LDXI(0);
    eth_block(a, 0);
    ip4_block(a, 0);
    ip6_block(a, 0);
    udp_block(a, cfg);
    gre_block(a);
    tails(a, 0);
    eth_block(a, 1);
    ip4_block(a, 1);
    ip6_block(a, 1);
    tails(a, 1);
    hash_block(a);
    return link_jumps(a);
}
