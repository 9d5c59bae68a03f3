/*
 * privdrop.h - giving up root after the live capture is open.
 *
 * firedamp started as root opens its packet sockets, then becomes an
 * unprivileged user and keeps one capability, CAP_NET_RAW, so that a worker
 * can open its ring again when the interface comes back (nothing else needs
 * privilege: promiscuous mode is a packet-socket membership, the ring is not
 * charged to RLIMIT_MEMLOCK). Supplementary groups, real/effective/saved
 * ids, the bounding set and the ambient set all follow; no_new_privs is set
 * so no later exec can gain anything back.
 *
 * The decision (privdrop_plan) is separate from the act (privdrop_apply) so
 * that a bad user name or a refusal to run as root is a usage error found
 * before any output exists.
 *
 * Deliberately not here: chroot (the signature directory and outputs are
 * configured paths), seccomp, opening files on the user's behalf. Not
 * started as root: nothing changes.
 */
#ifndef FIREDAMP_PRIVDROP_H
#define FIREDAMP_PRIVDROP_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define PRIVDROP_DEFAULT_USER  "firedamp" /* the account the packaging creates */
#define PRIVDROP_FALLBACK_USER "nobody"   /* when that account does not exist */

struct privdrop {
    int active;       /* privdrop_apply changes ids */
    int ignored_user; /* a user was given but we are not root: nothing to do */
    char user[64];    /* the account switched to */
    uid_t uid;
    gid_t gid;
    uint64_t keep;     /* capability bits kept (1 << CAP_NET_RAW for live capture) */
    int bounding_kept; /* set by apply: no CAP_SETPCAP, the bounding set stayed */
};

/*
 * Decides what privdrop_apply will do, from the effective uid and:
 *   user        the account named by --user / engine.user, or "" (default:
 *               PRIVDROP_DEFAULT_USER if it exists, else PRIVDROP_FALLBACK_USER)
 *   allow_root  --allow-root / engine.allow_root
 *   live        capturing from an interface (keeps CAP_NET_RAW)
 * As root: a live capture always drops (unless allow_root and no user was
 * named); reading files drops only when a user is named, because the files
 * are opened after the drop and must then be readable by that user. An
 * account that resolves to uid 0 is refused unless allow_root.
 * Returns 0, or -1 with a one-line reason in err (unknown user, refusal).
 * Start-up, single thread.
 */
int privdrop_plan(struct privdrop *pd, const char *user, int allow_root, int live, char *err,
                  size_t errlen);

/*
 * Carries out the plan (nothing when !pd->active): no_new_privs, bounding
 * set, groups, gid, uid, then exactly pd->keep in the permitted and
 * effective sets, nothing inheritable or ambient, and checks that root
 * cannot be regained. Call before any thread is created: capabilities are
 * per thread, and threads created afterwards inherit the dropped state.
 * Returns 0, or -1 with the failing step in err; the process must then exit.
 */
int privdrop_apply(struct privdrop *pd, char *err, size_t errlen);

#endif
