/*
 * test_privdrop.c - the decision table of privdrop_plan (who is switched to,
 * which capabilities stay, what is refused), against this machine's real
 * account database. Run as root it checks the root rows; as anyone else the
 * "nothing changes" row. privdrop_apply is not called here (it cannot be
 * undone): tests/privdrop_test.sh reads its effect back from /proc.
 */
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include <linux/capability.h>

#include "check.h"
#include "privdrop.h"

static void as_root(void)
{
    struct privdrop pd;
    char err[256];
    struct passwd *nobody = getpwnam("nobody");
    const char *dflt = getpwnam(PRIVDROP_DEFAULT_USER) ? PRIVDROP_DEFAULT_USER : "nobody";

    /* live, no user named: the default account, CAP_NET_RAW kept */
    if (getpwnam(dflt)) {
        CHECK_EQ(privdrop_plan(&pd, "", 0, 1, err, sizeof(err)), 0);
        CHECK_EQ(pd.active, 1);
        CHECK_STR(pd.user, dflt);
        CHECK(pd.keep == 1ULL << CAP_NET_RAW);
        CHECK(pd.uid != 0);
    }
    /* files, no user named: root stays root */
    CHECK_EQ(privdrop_plan(&pd, "", 0, 0, err, sizeof(err)), 0);
    CHECK_EQ(pd.active, 0);
    CHECK_EQ(privdrop_plan(&pd, NULL, 0, 0, err, sizeof(err)), 0);
    CHECK_EQ(pd.active, 0);
    if (nobody) {
        /* files with a user: dropped, and no capability is needed */
        CHECK_EQ(privdrop_plan(&pd, "nobody", 0, 0, err, sizeof(err)), 0);
        CHECK_EQ(pd.active, 1);
        CHECK(pd.keep == 0);
        CHECK_EQ(pd.uid, nobody->pw_uid);
        CHECK_EQ(pd.gid, nobody->pw_gid);
        /* --allow-root with a user named still drops to it */
        CHECK_EQ(privdrop_plan(&pd, "nobody", 1, 1, err, sizeof(err)), 0);
        CHECK_EQ(pd.active, 1);
        CHECK(pd.keep == 1ULL << CAP_NET_RAW);
    }
    /* a uid-0 account: refused, unless allowed (then no drop) */
    err[0] = '\0';
    CHECK_EQ(privdrop_plan(&pd, "root", 0, 1, err, sizeof(err)), -1);
    CHECK(strstr(err, "refusing to run workers as root") != NULL);
    CHECK(strstr(err, "--allow-root") != NULL);
    CHECK_EQ(privdrop_plan(&pd, "root", 1, 1, err, sizeof(err)), 0);
    CHECK_EQ(pd.active, 0);
    CHECK_EQ(privdrop_plan(&pd, "root", 0, 0, err, sizeof(err)), -1);
    /* --allow-root alone on a live capture: stays root */
    CHECK_EQ(privdrop_plan(&pd, "", 1, 1, err, sizeof(err)), 0);
    CHECK_EQ(pd.active, 0);
    /* unknown, and absurdly long, names */
    CHECK_EQ(privdrop_plan(&pd, "no-such-user-firedamp", 0, 1, err, sizeof(err)), -1);
    CHECK(strstr(err, "no such user 'no-such-user-firedamp'") != NULL);
    char lng[200];
    memset(lng, 'u', sizeof(lng) - 1);
    lng[sizeof(lng) - 1] = '\0';
    CHECK_EQ(privdrop_plan(&pd, lng, 0, 1, err, sizeof(err)), -1);
    /* an inactive plan applies as a no-op */
    CHECK_EQ(privdrop_plan(&pd, "", 0, 0, err, sizeof(err)), 0);
    CHECK_EQ(privdrop_apply(&pd, err, sizeof(err)), 0);
    CHECK_EQ(geteuid(), 0);
}

static void not_root(void)
{
    struct privdrop pd;
    char err[256];

    /* nothing changes, whatever is asked; a named user is only noted */
    CHECK_EQ(privdrop_plan(&pd, "root", 0, 1, err, sizeof(err)), 0);
    CHECK_EQ(pd.active, 0);
    CHECK_EQ(pd.ignored_user, 1);
    CHECK_EQ(privdrop_plan(&pd, "", 0, 1, err, sizeof(err)), 0);
    CHECK_EQ(pd.active, 0);
    CHECK_EQ(pd.ignored_user, 0);
    CHECK_EQ(privdrop_apply(&pd, err, sizeof(err)), 0);
}

int main(void)
{
    if (geteuid() == 0)
        as_root();
    else
        not_root();
    return check_done();
}
