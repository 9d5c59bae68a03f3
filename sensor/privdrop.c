/*
 * privdrop.c - from root to an unprivileged user with CAP_NET_RAW (see
 * privdrop.h). Raw capset(2) with <linux/capability.h> rather than libcap:
 * two structs and one syscall do not justify another dependency.
 *
 * Not here: anything thread-aware. glibc's set*id() wrappers do reach every
 * thread, but capset(2), PR_SET_NO_NEW_PRIVS and the bounding set are per
 * thread, so the contract is "call before any thread exists".
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/capability.h>

#include "log.h"
#include "privdrop.h"

#ifndef PR_CAP_AMBIENT
#define PR_CAP_AMBIENT           47
#define PR_CAP_AMBIENT_CLEAR_ALL 4
#endif

static int lookup(const char *name, uid_t *uid, gid_t *gid)
{
    struct passwd *pw = getpwnam(name);

    if (!pw)
        return -1;
    *uid = pw->pw_uid;
    *gid = pw->pw_gid;
    return 0;
}

int privdrop_plan(struct privdrop *pd, const char *user, int allow_root, int live, char *err,
                  size_t errlen)
{
    int named = user && user[0];

    memset(pd, 0, sizeof(*pd));
    if (geteuid() != 0) {
        pd->ignored_user = named;
        return 0;
    }
    if (!named && (!live || allow_root))
        return 0; /* files as root stay root; --allow-root alone means "stay root" */
    if (!named)
        user = lookup(PRIVDROP_DEFAULT_USER, &pd->uid, &pd->gid) == 0 ? PRIVDROP_DEFAULT_USER
                                                                      : PRIVDROP_FALLBACK_USER;
    if (strlen(user) >= sizeof(pd->user)) {
        snprintf(err, errlen, "engine.user: name longer than %zu bytes", sizeof(pd->user) - 1);
        return -1;
    }
    if (lookup(user, &pd->uid, &pd->gid) != 0) {
        snprintf(err, errlen, "engine.user: no such user '%s'%s", user,
                 named ? "" : " (create the firedamp account, or set engine.user / --user)");
        return -1;
    }
    if (pd->uid == 0) {
        if (allow_root)
            return 0;
        snprintf(err, errlen,
                 "engine.user: refusing to run workers as root (user '%s' is uid 0); name an "
                 "unprivileged user, or give --allow-root (engine.allow_root: yes)",
                 user);
        return -1;
    }
    strcpy(pd->user, user);
    pd->keep = live ? 1ULL << CAP_NET_RAW : 0;
    pd->active = 1;
    return 0;
}

/* The highest capability this kernel knows, probing the bounding set (CAP_LAST_CAP may lag). */
static int last_cap(void)
{
    int cap = CAP_LAST_CAP;

    while (cap < 63 && prctl(PR_CAPBSET_READ, cap + 1, 0, 0, 0) >= 0)
        cap++;
    return cap;
}

static int set_caps(uint64_t keep)
{
    struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2];

    memset(data, 0, sizeof(data));
    data[0].effective = data[0].permitted = (uint32_t)keep;
    data[1].effective = data[1].permitted = (uint32_t)(keep >> 32);
    return (int)syscall(SYS_capset, &hdr, data);
}

#define FAIL(step)                                                                    \
    do {                                                                              \
        snprintf(err, errlen, "cannot drop privileges to %s: %s: %s", pd->user, step, \
                 strerror(errno));                                                    \
        return -1;                                                                    \
    } while (0)

int privdrop_apply(struct privdrop *pd, char *err, size_t errlen)
{
    int last;

    if (!pd->active)
        return 0;
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        FAIL("no_new_privs");
    /*
     * The bounding set first, while CAP_SETPCAP is still effective. Without
     * it (a unit that left it out) the set stays: with no_new_privs and an
     * empty inheritable set nothing can be gained from it anyway.
     */
    last = last_cap();
    for (int cap = 0; cap <= last && !pd->bounding_kept; cap++) {
        if ((pd->keep >> cap) & 1 || prctl(PR_CAPBSET_READ, cap, 0, 0, 0) != 1)
            continue;
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0) {
            if (errno != EPERM)
                FAIL("bounding set");
            pd->bounding_kept = 1;
        }
    }
    /* keep the permitted set across setuid, trimmed to pd->keep right after */
    if (pd->keep && prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0)
        FAIL("keepcaps");
    if (initgroups(pd->user, pd->gid) != 0 && setgroups(1, &pd->gid) != 0)
        FAIL("setgroups");
    if (setresgid(pd->gid, pd->gid, pd->gid) != 0)
        FAIL("setresgid");
    if (setresuid(pd->uid, pd->uid, pd->uid) != 0)
        FAIL("setresuid");
    if (pd->keep && prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) != 0)
        FAIL("keepcaps");
    if (set_caps(pd->keep) != 0)
        FAIL("capset");
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL)
        FAIL("ambient set");
    /* paranoia that costs nothing: root must be out of reach now */
    if (setuid(0) == 0 || seteuid(0) == 0) {
        errno = EPERM;
        FAIL("root could be regained");
    }
    if (pd->bounding_kept)
        log_msg(LOG_DEBUG, "no CAP_SETPCAP: capability bounding set left as it was");
    return 0;
}
