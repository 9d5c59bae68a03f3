/*
 * event.c - common event fields, Community ID v1 and fact rendering.
 * Uses OpenSSL's libcrypto for SHA-1 (Community ID) and MD5 (JA3 fields):
 * well-kept implementations beat hand-written ones.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* the low-level digest calls are deprecated in OpenSSL 3 but stay, and are the fast ones */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/md5.h>
#include <openssl/sha.h>

#include "event.h"
#include "util.h"

void event_timestamp(char out[EVENT_TS_LEN], uint64_t ts_us)
{
    /* events come in bursts within one second: format the date part once */
    static _Thread_local time_t cached_secs = -1;
    static _Thread_local char cached[EVENT_TS_LEN];
    static _Thread_local size_t cached_len;
    time_t secs = (time_t)(ts_us / 1000000);
    unsigned usec = (unsigned)(ts_us % 1000000);

    if (secs != cached_secs) {
        struct tm tm;
        gmtime_r(&secs, &tm);
        cached_len = (size_t)snprintf(cached, sizeof(cached), "%04d-%02d-%02dT%02d:%02d:%02d.",
                                      tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                                      tm.tm_min, tm.tm_sec);
        cached_secs = secs;
    }
    memcpy(out, cached, cached_len);
    for (int i = 5; i >= 0; i--) {
        out[cached_len + (size_t)i] = (char)('0' + usec % 10);
        usec /= 10;
    }
    memcpy(out + cached_len + 6, "+0000", 6);
}

void event_ip(char out[EVENT_IP_LEN], const uint8_t addr[16], int ip_version)
{
    if (ip_version == 4) {
        /* inet_ntop goes through locale-aware printf; a dotted quad does not need it */
        char *p = out;
        for (int i = 12; i < 16; i++) {
            unsigned v = addr[i];
            if (v >= 100)
                *p++ = (char)('0' + v / 100);
            if (v >= 10)
                *p++ = (char)('0' + v / 10 % 10);
            *p++ = (char)('0' + v % 10);
            *p++ = i < 15 ? '.' : '\0';
        }
    } else {
        inet_ntop(AF_INET6, addr, out, EVENT_IP_LEN);
    }
}

/*
 * ICMP types that have a counterpart; Community ID hashes request and reply
 * as one flow (spec: "one-way" mapping table).
 */
static int icmp_counterpart(uint8_t proto, uint8_t type, uint8_t *peer)
{
    static const uint8_t v4[][2] = {{8, 0},   {0, 8},   {13, 14}, {14, 13}, {15, 16},
                                    {16, 15}, {17, 18}, {18, 17}, {9, 10},  {10, 9}};
    static const uint8_t v6[][2] = {{128, 129}, {129, 128}, {133, 134}, {134, 133}, {135, 136},
                                    {136, 135}, {130, 131}, {131, 130}, {144, 145}, {145, 144}};
    const uint8_t(*t)[2] = proto == 1 ? v4 : v6;
    size_t n = proto == 1 ? sizeof(v4) / sizeof(v4[0]) : sizeof(v6) / sizeof(v6[0]);

    for (size_t i = 0; i < n; i++) {
        if (t[i][0] == type) {
            *peer = t[i][1];
            return 1;
        }
    }
    return 0;
}

/*
 * The thread's digest contexts. OpenSSL's low-level SHA-1/MD5 calls, not EVP:
 * EVP costs an algorithm fetch and a context reset per digest (about 2x the
 * digest itself for the 40-byte Community ID input); these are plain
 * functions over a context the thread owns.
 */
struct event_crypto {
    SHA_CTX sha1;
    MD5_CTX md5;
};

struct event_crypto *event_crypto_new(void)
{
    return calloc(1, sizeof(struct event_crypto));
}

void event_crypto_free(struct event_crypto *c)
{
    free(c);
}

/* One digest through the thread's contexts, or a stack one without them. */
static int digest(struct event_crypto *c, int sha1, const void *data, size_t len, uint8_t *md,
                  unsigned *mdlen)
{
    struct event_crypto local;

    if (!c)
        c = &local;
    if (sha1) {
        if (!SHA1_Init(&c->sha1) || !SHA1_Update(&c->sha1, data, len) || !SHA1_Final(md, &c->sha1))
            return -1;
        *mdlen = SHA_DIGEST_LENGTH;
    } else {
        if (!MD5_Init(&c->md5) || !MD5_Update(&c->md5, data, len) || !MD5_Final(md, &c->md5))
            return -1;
        *mdlen = MD5_DIGEST_LENGTH;
    }
    return 0;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void base64(char *out, const uint8_t *in, size_t n)
{
    size_t o = 0;

    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)in[i + 1] << 8;
        if (i + 2 < n)
            v |= in[i + 2];
        out[o++] = b64[(v >> 18) & 63];
        out[o++] = b64[(v >> 12) & 63];
        out[o++] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
        out[o++] = i + 2 < n ? b64[v & 63] : '=';
    }
    out[o] = '\0';
}

int event_community_id(struct event_crypto *c, char out[EVENT_CID_LEN], uint16_t seed,
                       int ip_version, const uint8_t saddr[16], const uint8_t daddr[16],
                       uint8_t proto, uint16_t sport, uint16_t dport)
{
    uint8_t buf[2 + 16 + 16 + 4 + 4], md[SHA_DIGEST_LENGTH];
    unsigned mdlen = 0;
    size_t alen = ip_version == 4 ? 4 : 16, off = ip_version == 4 ? 12 : 0, n = 0;
    const uint8_t *a = saddr + off, *b = daddr + off;
    int has_ports = proto == 6 || proto == 17 || proto == 132 || proto == 1 || proto == 58;
    int one_way = 0, cmp;

    if (!out)
        return -1;
    if (proto == 1 || proto == 58) {
        uint8_t peer;
        /* ICMP: sport is the type, dport the code; mapped types hash as a pair */
        if (icmp_counterpart(proto, (uint8_t)sport, &peer))
            dport = peer;
        else
            one_way = 1;
    }
    cmp = memcmp(a, b, alen);
    if (!one_way && (cmp > 0 || (cmp == 0 && sport > dport))) {
        const uint8_t *t = a;
        uint16_t tp = sport;
        a = b;
        b = t;
        sport = dport;
        dport = tp;
    }
    buf[n++] = (uint8_t)(seed >> 8);
    buf[n++] = (uint8_t)seed;
    memcpy(buf + n, a, alen);
    n += alen;
    memcpy(buf + n, b, alen);
    n += alen;
    buf[n++] = proto;
    buf[n++] = 0;
    if (has_ports) {
        buf[n++] = (uint8_t)(sport >> 8);
        buf[n++] = (uint8_t)sport;
        buf[n++] = (uint8_t)(dport >> 8);
        buf[n++] = (uint8_t)dport;
    }
    if (digest(c, 1, buf, n, md, &mdlen) != 0 || mdlen != 20)
        return -1;
    out[0] = '1';
    out[1] = ':';
    base64(out + 2, md, mdlen);
    return 0;
}

static const char *tunnel_name(int t)
{
    switch (t) {
    case TUNNEL_GRE:
        return "gre";
    case TUNNEL_ERSPAN:
        return "erspan";
    case TUNNEL_VXLAN:
        return "vxlan";
    case TUNNEL_GENEVE:
        return "geneve";
    default:
        return "other";
    }
}

static const char *tunnel_id_key(int t)
{
    switch (t) {
    case TUNNEL_VXLAN:
    case TUNNEL_GENEVE:
        return "vni";
    case TUNNEL_ERSPAN:
        return "session_id";
    default:
        return "key";
    }
}

static const char *proto_name(uint8_t proto, char tmp[8])
{
    switch (proto) {
    case 6:
        return "TCP";
    case 17:
        return "UDP";
    case 1:
        return "ICMP";
    case 58:
        return "IPv6-ICMP";
    case 132:
        return "SCTP";
    default:
        snprintf(tmp, 8, "%u", proto);
        return tmp;
    }
}

/* The flow's Community ID, hashed once with its first event and kept in the flow. */
static const char *flow_community_id(const struct event_meta *m, struct flow *f)
{
    char cid[EVENT_CID_LEN];

    _Static_assert(sizeof(f->community_id) >= 31, "1: + 28 base64 + NUL");
    if (!f->community_id[0]) {
        if (event_community_id(m->crypto, cid, m->cid_seed, f->key.ip_version, flow_cli_addr(f),
                               flow_srv_addr(f), f->key.proto, flow_cli_port(f),
                               flow_srv_port(f)) != 0)
            return NULL;
        memcpy(f->community_id, cid, sizeof(f->community_id) - 1);
        f->community_id[sizeof(f->community_id) - 1] = '\0';
    }
    return f->community_id;
}

static void event_id(struct json *j, const struct event_meta *m)
{
    char src[24], seq[24], id[24 + 1 + 24 + 1 + 24];
    const char *s = json_u64_digits(src, m->source), *q = json_u64_digits(seq, ++*m->seq);
    size_t n = strnlen(m->run_id, 24), ls = (size_t)(src + 24 - s), lq = (size_t)(seq + 24 - q);

    memcpy(id, m->run_id, n);
    id[n++] = '-';
    memcpy(id + n, s, ls);
    n += ls;
    id[n++] = '-';
    memcpy(id + n, q, lq);
    json_kv_str(j, "event_id", id, n + lq);
}

void event_begin(struct json *j, const struct event_meta *m, const char *event_type, uint64_t ts_us,
                 struct flow *f, const char *app_proto)
{
    char ts[EVENT_TS_LEN], ip[EVENT_IP_LEN], tmp[8];
    const char *cid;

    json_open(j);
    event_timestamp(ts, ts_us);
    json_kv_cstr(j, "timestamp", ts);
    if (f)
        json_kv_uint(j, "flow_id", f->id);
    json_kv_cstr(j, "sensor", m->sensor);
    json_kv_cstr(j, "event_type", event_type);
    if (m->seq && m->run_id)
        event_id(j, m);
    if (!f)
        return;
    if (f->nvlan) {
        json_key(j, "vlan");
        json_open_array(j);
        for (unsigned i = 0; i < f->nvlan; i++)
            json_uint(j, f->vlan[i]);
        json_close_array(j);
    }
    if (f->tunnel != TUNNEL_NONE) {
        json_key(j, "tunnel");
        json_open(j);
        json_kv_cstr(j, "type", tunnel_name(f->tunnel));
        if (f->tunnel_has_id)
            json_kv_uint(j, tunnel_id_key(f->tunnel), f->tunnel_id);
        json_close(j);
    }
    event_ip(ip, flow_cli_addr(f), f->key.ip_version);
    json_kv_cstr(j, "src_ip", ip);
    json_kv_uint(j, "src_port", flow_cli_port(f));
    event_ip(ip, flow_srv_addr(f), f->key.ip_version);
    json_kv_cstr(j, "dest_ip", ip);
    json_kv_uint(j, "dest_port", flow_srv_port(f));
    json_kv_cstr(j, "proto", proto_name(f->key.proto, tmp));
    if (app_proto)
        json_kv_cstr(j, "app_proto", app_proto);
    cid = flow_community_id(m, f);
    if (cid)
        json_kv_cstr(j, "community_id", cid);
}

static const char hexdig[] = "0123456789abcdef";

static void fact_value(struct json *j, const struct event_meta *m, const struct fact_field *ff)
{
    switch (ff->type) {
    case FV_STR:
        json_str(j, ff->v.s, ff->len);
        break;
    case FV_INT:
        json_int(j, ff->v.i);
        break;
    case FV_UINT:
        json_uint(j, ff->v.u);
        break;
    case FV_DOUBLE:
        json_double(j, ff->v.d);
        break;
    case FV_BOOL:
        json_bool(j, ff->v.u != 0);
        break;
    case FV_MD5HEX: {
        uint8_t md[SHA_DIGEST_LENGTH];
        unsigned mdlen = 0;
        char hex[2 * SHA_DIGEST_LENGTH + 1];
        if (digest(m ? m->crypto : NULL, 0, ff->v.s, ff->len, md, &mdlen) != 0) {
            json_null(j);
            break;
        }
        for (unsigned i = 0; i < mdlen; i++) {
            hex[2 * i] = hexdig[md[i] >> 4];
            hex[2 * i + 1] = hexdig[md[i] & 15];
        }
        json_str(j, hex, 2 * mdlen);
        break;
    }
    default:
        json_null(j);
        break;
    }
}

void event_fact(struct json *j, const struct event_meta *m, const struct fact *fact)
{
    unsigned i = 0;

    json_key(j, fact->type);
    json_open(j);
    while (i < fact->nfields) {
        const struct fact_field *ff = &fact->field[i];
        if (ff->flags & FV_HIDDEN) { /* for the engine only */
            i++;
            continue;
        }
        json_key(j, ff->name);
        if (!(ff->flags & FV_ARRAY)) {
            fact_value(j, m, ff);
            i++;
            continue;
        }
        /* consecutive array items with the same name form one array */
        json_open_array(j);
        do {
            fact_value(j, m, &fact->field[i]);
            i++;
        } while (i < fact->nfields && (fact->field[i].flags & FV_ARRAY) &&
                 str_eq(fact->field[i].name, ff->name));
        json_close_array(j);
    }
    json_close(j);
}
