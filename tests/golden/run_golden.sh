#!/bin/sh
# Golden test: pcaps/NAME.pcap through firedamp --deterministic, compared field by
# field with tests/golden/NAME.jsonl. Extra sensor arguments come from
# tests/golden/NAME.args when present. UPDATE_GOLDEN=1 rewrites the expected file
# (review the diff like code).
# Usage: run_golden.sh FIREDAMP SOURCE_DIR NAME
set -eu
bin=$1 src=$2 name=$3
pcap=$src/pcaps/$name.pcap
[ -f "$pcap" ] || pcap=$src/pcaps/$name.pcapng
expected=$src/tests/golden/$name.jsonl
args=""
[ -f "$src/tests/golden/$name.args" ] && args=$(cat "$src/tests/golden/$name.args")
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# shellcheck disable=SC2086
"$bin" --deterministic -r "$pcap" -o "$out" --flow-log "$out" --set signatures.dir="$src/signatures" $args
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$out" "$expected"
    echo "updated $expected"
    exit 0
fi
# memory figures follow struct sizes, which change with the code, not the input
python3 "$src/tests/golden/compare.py" "$expected" "$out" \
    --ignore stats.flows.memory --ignore stats.flows.memory_bound \
    --ignore stats.ndpi.memory --ignore stats.ndpi.memory_bound \
    --ignore stats.dissectors.memory --ignore stats.dissectors.memory_bound \
    --ignore stats.memory --ignore stats.output.queue_size
