#!/bin/sh
# Runs every test: the release build (unit, fuzz replay, golden, CLI, corpus smoke),
# then the whole suite again in an ASan+UBSan build. Installs missing Debian
# packages first. This is the README's test command and what CI runs.
set -eu
cd "$(dirname "$0")/.."
sh .ci/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== release build"
cmake -S . -B build -DFIREDAMP_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

echo "== ASan+UBSan build"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang \
    -DFIREDAMP_SANITIZE=address,undefined -DFIREDAMP_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure -j"$jobs")
