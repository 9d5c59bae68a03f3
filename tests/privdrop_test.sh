#!/bin/sh
# The privilege drop, read back from the kernel: firedamp -i inside a network
# namespace this test creates (nothing leaves it), started as root with
# --user nobody and two workers (two rings) plus a Redis output (nothing listens:
# it spools), then /proc/<pid>/task/*/status of every thread: uid and gid
# nobody's, CapPrm = CapEff = CapBnd = CAP_NET_RAW only, nothing inheritable
# or ambient, no_new_privs. Then: the outputs opened before the drop are
# written, the spool opened after it belongs to nobody, a worker reopens its
# ring as nobody after the interface was deleted and made again, SIGTERM
# exits 0; a uid-0 user is refused (exit 2, nothing created) unless
# --allow-root; an unknown user is refused; files read as root stay root
# unless a user is named; not started as root nothing changes.
# Skips (77) without root, iproute2 or network namespaces.
# Usage: privdrop_test.sh FIREDAMP SOURCE_DIR
set -u
bin=$1 src=$2
. "$(dirname "$0")/lib/netns.sh"
netns_require "privilege-drop test" ip
if ! getent passwd nobody >/dev/null; then
    echo "SKIP: no 'nobody' account"
    exit 77
fi
nuid=$(id -u nobody) ngid=$(id -g nobody)
ns=firedamp-priv-$$
netns_setup "$ns"
chmod 711 "$t" # nobody may pass through it, only root can create files in it
pcap=$src/pcaps/tcp-http-plain.pcap
nsx() { ip netns exec "$ns" "$@"; } # not for "&": $! must be firedamp's pid
nsx ip link set lo up
. "$(dirname "$0")/lib/check.sh"
# waits up to 5 s for a line in a file
wait_for() {
    for _ in $(seq 1 50); do
        grep -q "$1" "$2" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}
stop() {
    stop_within "$pid" 10
    rc=$?
    pid=""
}

# ---- the drop, every thread --------------------------------------------------
have_veth=0
nsx ip link add fdp0 type veth peer name fdp1 2>/dev/null && have_veth=1
if [ $have_veth = 1 ]; then
    iface=fdp0
    nsx ip link set fdp0 up
    nsx ip link set fdp1 up
else
    iface=lo
    echo "note: no veth: capturing on lo, the interface-reopen check is not run"
fi
mkdir "$t/spool" && chown nobody "$t/spool"
ip netns exec "$ns" "$bin" -i "$iface" --user nobody -o "$t/eve.json" --stats-interval 0 \
    --set engine.workers=2 --set engine.dispatch=replicate \
    --redis redis://127.0.0.1:1/0 --set redis.spool_path="$t/spool/r.spool" \
    --set redis.connect_timeout_ms=100 2>"$t/fd.err" &
pid=$!
wait_for "running as nobody" "$t/fd.err"
sleep 0.5 # the workers and the Redis thread are up
ntask=0 bad=""
for st in /proc/"$pid"/task/*/status; do
    [ -f "$st" ] || continue
    ntask=$((ntask + 1))
    f() { awk -v k="$1:" '$1 == k { $1 = ""; sub(/^ /, ""); print }' "$st"; }
    [ "$(f Uid)" = "$(printf '%s %s %s %s' $nuid $nuid $nuid $nuid)" ] || bad="$bad Uid=$(f Uid)"
    [ "$(f Gid)" = "$(printf '%s %s %s %s' $ngid $ngid $ngid $ngid)" ] || bad="$bad Gid=$(f Gid)"
    case " $(f Groups) " in *" 0 "*) bad="$bad Groups=$(f Groups)" ;; esac
    [ "$(f CapEff)" = 0000000000002000 ] || bad="$bad CapEff=$(f CapEff)"
    [ "$(f CapPrm)" = 0000000000002000 ] || bad="$bad CapPrm=$(f CapPrm)"
    [ "$(f CapBnd)" = 0000000000002000 ] || bad="$bad CapBnd=$(f CapBnd)"
    [ "$(f CapInh)" = 0000000000000000 ] || bad="$bad CapInh=$(f CapInh)"
    [ "$(f CapAmb)" = 0000000000000000 ] || bad="$bad CapAmb=$(f CapAmb)"
    [ "$(f NoNewPrivs)" = 1 ] || bad="$bad NoNewPrivs=$(f NoNewPrivs)"
done
# main (output), two workers, the Redis thread
check "4 threads seen (got $ntask)" '[ $ntask = 4 ]'
check "every thread nobody with CAP_NET_RAW only:$bad" '[ -z "$bad" ]'
check "stderr says so" 'grep -q "running as nobody (uid $nuid, gid $ngid), keeping CAP_NET_RAW" "$t/fd.err"'
check "spool created after the drop, owned by nobody" \
    '[ "$(stat -c %u "$t/spool/r.spool" 2>/dev/null)" = "$nuid" ]'
if [ $have_veth = 1 ]; then
    # a worker reopens its ring as nobody: CAP_NET_RAW is all that takes
    nsx ip link del fdp0
    wait_for "interface gone" "$t/fd.err"
    nsx ip link add fdp0 type veth peer name fdp1 && nsx ip link set fdp0 up && nsx ip link set fdp1 up
    check "rings reopened as nobody: $(tail -n 3 "$t/fd.err" | tr '\n' '|')" \
        'wait_for "reopened after" "$t/fd.err"'
fi
stop
check "exit 0 after SIGTERM (got $rc; stderr: $(tr '\n' '|' <"$t/fd.err"))" '[ $rc = 0 ]'
check "output opened as root before the drop, written after it" \
    'tail -n 1 "$t/eve.json" | grep -q "\"final\":true"'

# ---- refusals and the cases that do not drop -----------------------------------
nsx "$bin" -i lo --user root -o "$t/root.json" >"$t/out" 2>"$t/err"
rc=$?
check "uid-0 user refused: exit 2 (got $rc)" '[ $rc = 2 ]'
check "refusal explains itself" \
    'grep -q "refusing to run workers as root.*--allow-root" "$t/err" && [ "$(wc -l <"$t/err")" = 1 ]'
check "nothing created before the refusal" '[ ! -e "$t/root.json" ]'
nsx "$bin" -i lo --user no-such-user-fd -o "$t/x.json" 2>"$t/err"
rc=$?
check "unknown user: exit 2 naming it (got $rc)" '[ $rc = 2 ] && grep -q "no such user .no-such-user-fd." "$t/err"'
printf 'engine:\n  user: root\n' >"$t/root.yaml"
nsx "$bin" -i lo -c "$t/root.yaml" -o "$t/x.json" 2>"$t/err"
rc=$?
check "engine.user: root in the config refused too (got $rc)" '[ $rc = 2 ]'

ip netns exec "$ns" "$bin" -i lo --allow-root -o "$t/ar.json" --stats-interval 0 2>"$t/ar.err" &
pid=$!
sleep 1
check "--allow-root without --user stays root" \
    'awk "\$1 == \"Uid:\" { exit \$2 != 0 }" /proc/$pid/status && ! grep -q "running as" "$t/ar.err"'
stop
check "--allow-root run exits 0 (got $rc)" '[ $rc = 0 ]'

if [ -f "$pcap" ]; then
    "$bin" -r "$pcap" -o /dev/null --deterministic 2>"$t/err"
    rc=$?
    check "files as root, no user named: no drop, exit 0 (got $rc)" \
        '[ $rc = 0 ] && ! grep -q "running as" "$t/err"'
    "$bin" -r "$pcap" -o "$t/f.json" --deterministic --user nobody 2>"$t/err"
    rc=$?
    check "files as root with --user nobody: dropped, read, exit 0 (got $rc)" \
        '[ $rc = 0 ] && grep -q "running as nobody (uid $nuid, gid $ngid)$" "$t/err" && grep -q "\"final\":true" "$t/f.json"'
    if command -v setpriv >/dev/null 2>&1; then
        # not root: --user root is not a refusal, nothing changes
        setpriv --reuid="$nuid" --regid="$ngid" --clear-groups \
            "$bin" -r "$pcap" -o /dev/null --deterministic --user root 2>"$t/err"
        rc=$?
        check "not root: --user ignored, exit 0 (got $rc; $(cat "$t/err"))" '[ $rc = 0 ]'
    fi
fi
check_done
