#!/bin/sh
# CLI contract: exit codes (0 ok, 1 runtime, 2 usage/config), one clear line on
# stderr naming the file or flag, and no partial output on stdout on error.
# Usage: cli_test.sh FIREDAMP SOURCE_DIR
set -u
bin=$1 src=$2
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0 fail=0
pcap=$src/pcaps/tcp-http-plain.pcap

# expect CODE STDERR_REGEX DESCRIPTION -- ARGS...
expect() {
    code=$1 re=$2 what=$3
    shift 4
    "$bin" "$@" >"$t/out" 2>"$t/err" </dev/null
    rc=$?
    ok=1
    [ "$rc" = "$code" ] || ok=0
    if [ -n "$re" ] && ! grep -Eq -e "$re" "$t/err"; then ok=0; fi
    # on error nothing may reach stdout, and stderr is one line
    if [ "$code" != 0 ]; then
        [ -s "$t/out" ] && ok=0
        [ "$(wc -l <"$t/err")" -le 2 ] || ok=0
    fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $what: exit $rc (want $code); stderr: $(head -c 300 "$t/err")"
    fi
}

expect 2 'nothing to read' "no input" --
expect 2 'unrecognized|invalid' "unknown flag" -- --bogus
expect 2 'cannot be used together' "-r and -i" -- -r "$pcap" -i lo
expect 1 'nosuch\.pcap' "missing file" -- -r "$t/nosuch.pcap"
printf 'this is not a capture file, just text\n' >"$t/text.pcap"
expect 1 'text\.pcap' "not a pcap" -- -r "$t/text.pcap"
expect 2 "bad BPF filter" "bad BPF" -- -r "$pcap" -f 'tcp port ((('
printf 'flow:\n  max_flows: 10\n  bogus_key: 1\n' >"$t/bad.yaml"
expect 2 "bad\.yaml:3: unknown config key 'flow\.bogus_key'" "unknown config key" -- -c "$t/bad.yaml" -r "$pcap"
printf 'flow:\n  max_flows: lots\n' >"$t/badval.yaml"
expect 2 "badval\.yaml:2: flow\.max_flows" "bad config value" -- -c "$t/badval.yaml" -r "$pcap"
printf 'flow: [unclosed\n' >"$t/syntax.yaml"
expect 2 "syntax\.yaml:.*YAML error" "YAML syntax" -- -c "$t/syntax.yaml" -r "$pcap"
expect 2 "--set" "bad --set" -- --set flow.max_flows=abc -r "$pcap"
expect 2 "missing\.yaml" "missing config" -- -c "$t/missing.yaml" -r "$pcap"
expect 2 "--redis.*redis URL: port must be" "bad Redis URL" -- -r "$pcap" --redis redis://127.0.0.1:99999/0
expect 2 "redis URL: TLS" "rediss:// refused" -- -r "$pcap" --redis rediss://127.0.0.1
expect 2 "redis.modes: unknown mode 'queue'" "bad redis.modes" -- -r "$pcap" --redis redis://127.0.0.1 --set redis.modes=stream,queue
expect 2 "redis.channel_types: unknown event type 'alerts'" "bad redis types" -- -r "$pcap" --redis redis://127.0.0.1 --set redis.channel_types=alerts
expect 2 "download.score_medium \\(70\\) is above download.score_high" "download thresholds crossed" -- -r "$pcap" --set download.score_medium=70
printf 'kind value\n' >"$t/bad.ioc"
mkdir -p "$t/sig" && cp "$src"/signatures/firedamp.rules "$src"/signatures/*.list "$src"/signatures/*.names "$t/sig/" && cp "$t/bad.ioc" "$t/sig/c2.ioc"
expect 2 "c2\.ioc:1" "bad IOC file" -- -r "$pcap" --set signatures.dir="$t/sig"
expect 2 "--tail reads Redis" "--tail with -r" -- --tail -r "$pcap"
expect 2 "--group and --consumer go with --tail" "--group without --tail" -- -r "$pcap" --group g
printf 'not a spool\n' >"$t/notaspool"
expect 1 "notaspool: exists and is not a firedamp spool" "foreign spool file" -- -r "$pcap" --redis redis://127.0.0.1:1/0 --set redis.spool_path="$t/notaspool"
grep -q '^not a spool$' "$t/notaspool" || { fail=$((fail + 1)); echo "FAIL: a foreign spool file was changed"; }
expect 2 "stdin \\(-r -\\) can be read only once" "stdin with 2 workers" -- -r - --set engine.workers=2
expect 2 "fanout is for live capture" "fanout with files" -- -r "$pcap" --set engine.workers=2 --set engine.dispatch=fanout
expect 2 "fanout_inner is for live capture" "fanout_inner with files" -- -r "$pcap" --set engine.workers=2 --set engine.dispatch=fanout_inner
expect 2 "engine.dispatch: 'spray' is not" "bad dispatch" -- -r "$pcap" --set engine.dispatch=spray
# replicate mode: two workers tell what one tells (events sorted: their order may differ)
set -- -r "$src/pcaps/dns-then-stratum.pcap" -r "$src/pcaps/docker-worm.pcap" -r "$src/pcaps/http-keepalive.pcap" --deterministic
"$bin" "$@" | grep -v '"event_type":"stats"' | sed 's/"flow_id":[0-9]*,//; s/"event_id":"[^"]*",//' | sort >"$t/w1"
"$bin" "$@" --set engine.workers=2 | grep -v '"event_type":"stats"' | sed 's/"flow_id":[0-9]*,//; s/"event_id":"[^"]*",//' | sort >"$t/w2"
if [ -s "$t/w1" ] && cmp -s "$t/w1" "$t/w2"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL: 2 workers differ from 1: $(diff "$t/w1" "$t/w2" | head -c 400)"; fi
# per-worker stats: one entry per worker, their packets add up to the total,
# which is every packet of the inputs, each counted once (as one worker counts)
"$bin" "$@" --set engine.workers=2 | tail -n 1 >"$t/st"
"$bin" "$@" | tail -n 1 >"$t/st1"
if python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["stats"]; w=s["workers"]; one=json.load(open(sys.argv[2]))["stats"]; sys.exit(not (len(w) == 2 and sum(x["packets"] for x in w) == s["packets"] == one["packets"] and s["decoder"] == one["decoder"] and all(x["packets"] > 0 for x in w)))' "$t/st" "$t/st1"; then
    pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: per-worker stats: $(head -c 300 "$t/st")"; fi
expect 0 "" "help" -- --help
grep -q SYNOPSIS "$t/out" || { fail=$((fail + 1)); echo "FAIL: --help has no SYNOPSIS"; }
expect 0 "" "version" -- --version
grep -q 'nDPI' "$t/out" || { fail=$((fail + 1)); echo "FAIL: --version does not name nDPI"; }
expect 0 "" "dump-config" -- --dump-config --set flow.max_flows=1234
grep -q '^flow.max_flows: 1234' "$t/out" || { fail=$((fail + 1)); echo "FAIL: --set not in --dump-config"; }

if [ -f "$pcap" ]; then
    # a good run, to a file: exit 0 and a final stats event
    expect 0 "" "read to file" -- -r "$pcap" -o "$t/eve.json" --deterministic
    tail -n 1 "$t/eve.json" | grep -q '"event_type":"stats"' || { fail=$((fail + 1)); echo "FAIL: no final stats"; }
    # stdin
    "$bin" --deterministic -r - <"$pcap" >"$t/stdin.json" 2>"$t/err"
    if [ $? = 0 ] && cmp -s "$t/stdin.json" "$t/eve.json"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL: -r - differs from -r FILE"; fi
    # the same file twice: two files read, events of both
    "$bin" --deterministic -r "$pcap" -r "$pcap" >"$t/twice.json" 2>"$t/err"
    if [ $? = 0 ] && grep -q '"files_read":2' "$t/twice.json"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL: two -r"; fi
    # truncated capture: what was read is processed, the file is named, exit 1
    size=$(wc -c <"$pcap")
    head -c $((size - 7)) "$pcap" >"$t/cut.pcap"
    "$bin" --deterministic -r "$t/cut.pcap" >"$t/cut.json" 2>"$t/err"
    rc=$?
    if [ $rc = 1 ] && grep -q 'cut\.pcap' "$t/err" && grep -qi 'truncated' "$t/err" &&
        grep -q '"event_type":"stats"' "$t/cut.json"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL: truncated pcap: exit $rc, stderr $(cat "$t/err")"; fi
    # files whose clocks overlap: a later capture read first must not end the
    # next file's flows at their first packet (query and answer share a flow)
    late=$src/pcaps/dns-then-stratum.pcap early=$src/pcaps/dns-pool-query.pcap
    if [ -f "$late" ] && [ -f "$early" ]; then
        "$bin" --deterministic -r "$late" -r "$early" >"$t/overlap.json" 2>"$t/err"
        n=$(grep '"src_port":53000' "$t/overlap.json" | grep '"event_type":"dns"' | grep -o '"flow_id":[0-9]*' | sort -u | wc -l)
        if [ "$n" = 1 ]; then pass=$((pass + 1)); else
            fail=$((fail + 1)); echo "FAIL: overlapping clocks split a flow ($n flow ids)"; fi
    fi
    # output to an unwritable place
    expect 1 "nodir" "unwritable output" -- -r "$pcap" -o "$t/nodir/x.json"
else
    echo "note: $pcap absent, capture-based CLI checks not run"
fi
# logging and privileges (log.h, privdrop.h)
expect 2 "--log-level: 'loud' is not error, warning" "bad --log-level" -- -r "$pcap" --log-level loud
expect 2 "log\.level: 'loud' is not error, warning" "bad log.level" -- -r "$pcap" --set log.level=loud
expect 2 "engine\.allow_root: 'maybe' is not a boolean" "bad engine.allow_root" -- -r "$pcap" --set engine.allow_root=maybe
echo "$pass passed, $fail failed"
[ $fail = 0 ]
