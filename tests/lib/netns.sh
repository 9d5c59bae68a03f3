# netns.sh - sourced by the live tests (live_test.sh, privdrop_test.sh,
# relink_test.sh, soak_test.sh): the network namespaces a test runs in, made
# by the test and always removed, so no packet ever leaves them.
#
#   netns_require WHAT CMD...  skip (exit 77) unless root and every CMD exists
#   netns_setup NS...          make $t (a temp dir) and the namespaces; on exit
#                              kill $pid (when set), delete them, remove $t.
#                              Skips (77) when namespaces cannot be made.
#   stop_within PID SECS       SIGTERM, then wait up to SECS; SIGKILL and say
#                              FAIL if it is still there. Returns its status.

netns_require() {
    what=$1
    shift
    if [ "$(id -u)" != 0 ]; then
        echo "SKIP: $what needs root"
        exit 77
    fi
    for c in "$@"; do
        if ! command -v "$c" >/dev/null 2>&1; then
            echo "SKIP: $what needs $c"
            exit 77
        fi
    done
}

netns_cleanup() {
    [ -n "${pid:-}" ] && kill -KILL "$pid" 2>/dev/null
    for n in $netns_list; do ip netns del "$n" 2>/dev/null; done
    rm -rf "$t"
}

netns_setup() {
    netns_list=$*
    t=$(mktemp -d)
    pid=""
    trap netns_cleanup EXIT
    for n in "$@"; do
        if ! ip netns add "$n" 2>"$t/err"; then
            echo "SKIP: cannot create network namespace $n: $(cat "$t/err")"
            exit 77
        fi
        ip -n "$n" link set lo up
    done
}

stop_within() {
    kill -TERM "$1" 2>/dev/null
    i=0
    while [ "$i" -lt $(($2 * 10)) ] && kill -0 "$1" 2>/dev/null; do
        sleep 0.1
        i=$((i + 1))
    done
    if kill -0 "$1" 2>/dev/null; then
        kill -KILL "$1"
        echo "FAIL: firedamp did not exit within $2 s of SIGTERM"
    fi
    wait "$1"
}
