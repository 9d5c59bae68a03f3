#!/bin/sh
# redis_bench.sh: events/s the Redis output sustains into a real redis-server on
# loopback, with pipelining (redis.batch 256) and without (redis.batch 1).
#
# usage: bench/redis_bench.sh [BUILD_DIR]      (default build-redis-bench, built Release here)
#   env EVENTS=200000     events per pipelined run (the batch-1 run uses EVENTS/4)
#   env MODES=stream      redis.modes for the runs (e.g. stream,channel,list)
#
# It starts its own redis-server (127.0.0.1, a free port, a temporary directory,
# --save '' --appendonly no), runs bench/redis_out_bench for batch 1, 16, 256 and
# 1024, FLUSHALLs between runs, prints one JSON line per run and kills the server.
# Only the output is measured (see redis_out_bench.c); engine speed is bench/run.sh's.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-$root/build-redis-bench}
events=${EVENTS:-200000}
modes=${MODES:-stream}

command -v redis-server >/dev/null || { echo "redis_bench: redis-server not installed" >&2; exit 1; }
if [ ! -x "$build/bench/redis_out_bench" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DFIREDAMP_TESTS=OFF >/dev/null
    cmake --build "$build" -j2 --target redis_out_bench >/dev/null
fi
tool=$build/bench/redis_out_bench

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
trap 'kill "$(cat "$dir/redis.pid")" 2>/dev/null; rm -rf "$dir"' EXIT INT TERM
i=0
until redis-cli -p "$port" ping >/dev/null 2>&1; do
    i=$((i + 1))
    [ $i -lt 100 ] || { echo "redis_bench: redis-server did not start" >&2; exit 1; }
    sleep 0.05
done

echo "# $(redis-server --version | cut -d' ' -f1-3), $(nproc) CPUs, modes=$modes"
for batch in 1 16 256 1024; do
    n=$events
    [ "$batch" -gt 1 ] || n=$((events / 4))
    redis-cli -p "$port" flushall >/dev/null
    "$tool" "redis://127.0.0.1:$port/0" "$n" "$batch" "$modes"
done
