#!/bin/sh
# `cmake --install` into a DESTDIR staging directory: every file where the
# README's deployment section says (binary, signatures at the path the binary
# searches, example config, systemd unit, sysusers.d, tmpfiles.d, docs); the
# installed binary runs from the staging tree with the installed signatures
# and config; the unit's own ExecStart flags are accepted by the binary; an
# operator's edited config survives a reinstall; the unit passes
# `systemd-analyze verify` (skipped, saying so, without systemd-analyze).
# Also the journald form of stderr: with JOURNAL_STREAM naming stderr, lines
# carry "<N>" priorities. Never starts a service or touches the real /etc.
# Usage: deploy_test.sh CMAKE BUILD_DIR SOURCE_DIR PREFIX BINDIR DATADIR SYSCONFDIR UNITDIR
set -u
cmake=$1 build=$2 src=$3 prefix=$4 bindir=$5 datadir=$6 sysconfdir=$7 unitdir=$8
case $unitdir in /*) ;; *) unitdir=$prefix/$unitdir ;; esac
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
d=$t/stage
. "$(dirname "$0")/lib/check.sh"

DESTDIR=$d "$cmake" --install "$build" >"$t/install.log" 2>&1
rc=$?
check "cmake --install exits 0 (got $rc: $(tail -n 3 "$t/install.log"))" '[ $rc = 0 ]'
bin=$d$bindir/firedamp unit=$d$unitdir/firedamp@.service conf=$d$sysconfdir/firedamp/firedamp.yaml
check "binary in $bindir" '[ -x "$bin" ]'
check "signatures in $datadir/firedamp/signatures" \
    '[ -f "$d$datadir/firedamp/signatures/firedamp.rules" ] && [ -f "$d$datadir/firedamp/signatures/pools.list" ]'
check "the binary searches exactly there (FIREDAMP_DATADIR)" \
    'grep -aq "$datadir/firedamp/signatures" "$bin"'
check "example config in $sysconfdir/firedamp" 'cmp -s "$conf" "$src/firedamp.yaml"'
check "pristine copy and docs in the doc dir" \
    '[ -f "$d$datadir/doc/firedamp/firedamp.yaml" ] && [ -f "$d$datadir/doc/firedamp/README.md" ]'
check "unit in $unitdir" '[ -f "$unit" ]'
check "sysusers.d creates the firedamp account" \
    'grep -Eq "^u firedamp " "$d$prefix/lib/sysusers.d/firedamp.conf"'
check "tmpfiles.d makes the log and state directories the account's" \
    'grep -q "^d /var/log/firedamp 0750 firedamp firedamp" "$d$prefix/lib/tmpfiles.d/firedamp.conf" &&
     grep -q "^d /var/lib/firedamp 0750 firedamp firedamp" "$d$prefix/lib/tmpfiles.d/firedamp.conf"'

# the unit: paths of this install, per-interface, and what the README promises
exec_line=$(awk '/^ExecStart=/ { line = $0; while (line ~ /\\$/) { sub(/\\$/, "", line); getline nxt; line = line nxt } print line }' "$unit" | sed 's/^ExecStart=//')
check "ExecStart runs $bindir/firedamp -i %i -c $sysconfdir/firedamp/firedamp.yaml" \
    'case "$exec_line" in "$bindir/firedamp -i %i -c $sysconfdir/firedamp/firedamp.yaml "*) true ;; *) false ;; esac'
check "per-interface output file" 'echo "$exec_line" | grep -q -- "-o /var/log/firedamp/eve-%i.json"'
for kv in Type=simple User=root KillSignal=SIGTERM Restart=on-failure NoNewPrivileges=yes \
    ProtectSystem=strict 'ExecReload=/bin/kill -HUP $MAINPID' \
    'ReadWritePaths=-/var/log/firedamp -/var/lib/firedamp'; do
    check "unit has $kv" 'grep -qxF "$kv" "$unit"'
done
check "bounding set has CAP_NET_RAW and the drop's capabilities, not CAP_SYS_ADMIN" \
    'grep -q "^CapabilityBoundingSet=.*CAP_NET_RAW" "$unit" && grep -q "^CapabilityBoundingSet=.*CAP_SETUID" "$unit" &&
     ! grep -q "^CapabilityBoundingSet=.*CAP_SYS_ADMIN" "$unit"'
check "no @-placeholders left" '! grep -q "@[A-Z_]*@" "$unit"'

# the staged binary with the unit's flags: every flag and key is one it knows
args=$(echo "$exec_line" | sed -e "s|^$bindir/firedamp ||" -e 's/%i/eth1/g' -e "s|$sysconfdir/firedamp/firedamp.yaml|$conf|")
# shellcheck disable=SC2086 # the unit's words, split as systemd splits them
"$bin" $args --dump-config >"$t/dump" 2>"$t/err"
rc=$?
check "the unit's ExecStart flags parse (exit $rc: $(cat "$t/err"))" '[ $rc = 0 ]'
check "... and mean what they say" \
    'grep -q "^capture.interface: \"eth1\"" "$t/dump" && grep -q "^output.path: \"/var/log/firedamp/eve-eth1.json\"" "$t/dump"'

# the installed binary reads a capture with the installed signatures and config
pcap=$src/pcaps/dns-then-stratum.pcap
if [ -f "$pcap" ]; then
    (cd "$t" && "$bin" -c "$conf" -r "$pcap" --deterministic \
        --set signatures.dir="$d$datadir/firedamp/signatures" >"$t/eve.json" 2>"$t/err")
    rc=$?
    check "installed binary + config + signatures: exit 0 and alerts (rc $rc: $(cat "$t/err"))" \
        '[ $rc = 0 ] && grep -q "\"event_type\":\"alert\"" "$t/eve.json" && ! grep -q "no signatures" "$t/err"'
fi

# an operator's edits survive a reinstall
echo "# operator was here" >>"$conf"
DESTDIR=$d "$cmake" --install "$build" >"$t/install2.log" 2>&1
check "edited config kept on reinstall" 'tail -n 1 "$conf" | grep -q "operator was here" && grep -q "Keeping" "$t/install2.log"'

# journald: the <N> prefix only when JOURNAL_STREAM is stderr itself
: >"$t/j.err"
(cd "$t" && JOURNAL_STREAM=$(stat -c '%d:%i' "$t/j.err") "$bin" -r "$src/pcaps/tcp-http-plain.pcap" \
    -o /dev/null --log-level bogus 2>"$t/j.err")
check "journal: error line with <3> priority" 'grep -q "^<3>firedamp: --log-level: .bogus. is not" "$t/j.err"'
if [ ! -d "$datadir/firedamp/signatures" ]; then # else there is no warning to see
    (cd "$t" && JOURNAL_STREAM=1:1 "$bin" -r "$src/pcaps/tcp-http-plain.pcap" -o /dev/null \
        2>"$t/p.err")
    check "not the journal: plain warning line" 'grep -q "^firedamp: warning: no signatures found" "$t/p.err"'
fi
(cd "$t" && "$bin" -r "$src/pcaps/tcp-http-plain.pcap" -o /dev/null --log-level error 2>"$t/q.err")
check "--log-level error hides warnings" '[ ! -s "$t/q.err" ]'

# systemd's own reading of the unit, with the staged binary as ExecStart
if command -v systemd-analyze >/dev/null 2>&1; then
    mkdir -p "$t/units"
    sed "s|$bindir/firedamp |$bin |" "$unit" >"$t/units/firedamp@eth1.service"
    (cd "$t/units" && SYSTEMD_LOG_COLOR=0 systemd-analyze verify --man=no ./firedamp@eth1.service \
        >"$t/verify" 2>&1)
    rc=$?
    check "systemd-analyze verify: exit 0, no complaint (rc $rc: $(cat "$t/verify"))" \
        '[ $rc = 0 ] && ! grep -q "firedamp@eth1.service" "$t/verify"'
else
    echo "note: systemd-analyze not installed: the unit's syntax is not verified"
fi
check_done
