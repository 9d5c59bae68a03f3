/*
 * docker_policy.h - what a Docker Engine API call means for a SOC: its risk
 * level from the dissector's content reasons, the IOC image list and the
 * admin allowlist; and worm behaviour across calls and hosts (Graboid): one
 * source creating containers on several daemons, or a daemon that received
 * such calls turning to other daemons itself.
 *
 * Risk levels (docker_api.risk):
 *  - high: a dangerous configuration or payload (any content reason of the
 *    dissector but stop/kill/delete: privileged, host mounts, host
 *    namespaces, added capabilities, devices, unconfined profiles,
 *    download-and-run, base64-to-shell, miner or competitor-killing
 *    commands) or an image on the IOC list;
 *  - medium: a call that changes something (create, start, exec, pull,
 *    build, stop, kill, delete, swarm/service/plugin) from a source outside
 *    docker.admin_sources;
 *  - low: such a call from an admin source;
 *  - info: a read-only call (ping, version, info, list, inspect, logs, ...).
 *
 * One policy per run, shared by all workers: the settings are read-only; the
 * correlation table is guarded by a mutex and touched once per API call.
 */
#ifndef FIREDAMP_DOCKER_POLICY_H
#define FIREDAMP_DOCKER_POLICY_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "cidr.h"
#include "dissector.h"
#include "namelist.h"

#define DOCKER_WORM_MAX_TARGETS 16
#define DOCKER_REASONS_BUF      1024

struct docker_track;

struct docker_policy {
    struct cidr_set admin; /* docker.admin_sources */
    /* signatures/docker-images.names, may be NULL; swapped by a SIGHUP reload */
    const struct namelist *_Atomic images;
    uint32_t worm_daemons;   /* daemons one source must touch to be a worm */
    uint64_t worm_window_us; /* within this much packet time */
    struct docker_track *track;
};

/* Creates the correlation table (capacity sources). 0, or -1 when out of memory. */
int docker_policy_init(struct docker_policy *dp, uint32_t capacity);
void docker_policy_destroy(struct docker_policy *dp);

/* Scratch memory for one enrichment: the fact copy and the strings it adds. */
struct docker_scratch {
    struct fact fact;
    char buf[DOCKER_REASONS_BUF];
    const char *targets[DOCKER_WORM_MAX_TARGETS];
    char target_text[DOCKER_WORM_MAX_TARGETS][48];
};

/*
 * For a "docker_api.call" fact of a flow from src to dst: writes into sc->fact
 * a copy with "risk", "admin_source" and the complete "reasons" array (the
 * dissector's plus "ioc-image:NAME", "untrusted-source"). Returns the
 * enriched fact, or `in` itself for any other fact.
 */
const struct fact *docker_policy_enrich(const struct docker_policy *dp, const struct fact *in,
                                        const uint8_t src[16], struct docker_scratch *sc);

/*
 * Records a call that changes something (given the enriched fact) and,
 * when it completes a worm pattern, writes a "docker_api.worm" fact (type
 * docker_api, pattern "spread" with the targets, or "propagation" with the
 * host that infected the source) into sc->fact and returns it; else NULL.
 * ip_version 4 or 6 for the text of addresses.
 */
const struct fact *docker_policy_track(struct docker_policy *dp, const struct fact *call,
                                       const uint8_t src[16], const uint8_t dst[16], int ip_version,
                                       uint64_t ts_us, struct docker_scratch *sc);

/* Is this operation one that changes something on the daemon? */
int docker_op_writes(const char *op, size_t len);

#endif
